"""Opening a built site as an offline reader would: a phone context whose page the service
worker controls, and waiting (for the worker's fill, not for a time) until its caches hold
what a test needs. Shared by the browser tests of offline pages, search, lite pages, the
menu and the share panel."""

from __future__ import annotations

import time
from collections.abc import Callable

from conftest import PHONE

CONTROLLED = "() => navigator.serviceWorker.controller !== null"
CACHED_URLS = """async () => { const out = [];
  for (const name of await caches.keys())
    for (const request of await (await caches.open(name)).keys()) out.push(request.url);
  return out; }"""


def controlled_page(browser, url: str):
    """A new phone context and its page at `url`, once the service worker controls it.
    The caller closes the context."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(url)
    page.wait_for_function(CONTROLLED, timeout=20_000)
    return context, page


def cached_urls(page) -> list[str]:
    """Every URL in the page's caches (all of the worker's caches)."""
    return page.evaluate(CACHED_URLS)


def wait_for(predicate: Callable[[], bool], timeout: float = 40, what: str = "timed out") -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, what
        time.sleep(0.25)


def until_cached(page, *urls: str, timeout: float = 40) -> None:
    """Wait until the caches hold every one of `urls` (the fill runs ~5 s after load)."""
    wanted = set(urls)
    wait_for(lambda: wanted <= set(cached_urls(page)), timeout,
             f"never cached: {sorted(wanted - set(cached_urls(page)))}")
