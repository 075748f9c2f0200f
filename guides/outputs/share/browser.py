"""One headless Chromium for the share outputs (Debian's, as guides/outputs/pdf.py uses), that
loads only local files: a share output can never fetch anything from the network."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from guides.messages import render
from guides.outputs.pdf import ARGS, CHROMIUM


class ShareError(RuntimeError):
    """What stops the share outputs, said for an editor (message. hint)."""


def _fail(code: str, lang: str, **args: str) -> ShareError:
    message, hint = render(code, lang, args)
    return ShareError(f"{message}。{hint}" if lang == "zh" else f"{message}; {hint}")


def check_cjk_font(lang: str = "zh") -> None:
    """Chromium draws characters it has no font for as empty boxes, silently: refuse."""
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True,
                             text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""
    if not out.strip():
        raise _fail("share.no-cjk-browser-font", lang)


@contextmanager
def local_page(width: int, height: int, lang: str = "zh") -> Iterator:
    """A Playwright page of `width`×`height` CSS pixels at scale 1 (one CSS pixel is one
    image pixel), JavaScript on (our own layout script), network off."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise _fail("share.no-chromium", lang, path=CHROMIUM)
    check_cjk_font(lang)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            context = browser.new_context(viewport={"width": width, "height": height},
                                          device_scale_factor=1, service_workers="block")
            page = context.new_page()
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
                "file:") else route.abort())
            yield page
        finally:
            browser.close()


def in_own_thread(work: Callable[[], object]):
    """Run `work` in a thread of its own: Playwright's sync API refuses to start where a
    caller (a test session, a tool) already drives a browser with it in this thread."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result()


def open_html(page, source: Path, html: str) -> None:
    """Lay out `html` in `page`: written to `source` (a new file name each time, so the
    page never reuses an earlier layout), loaded, and its fonts ready to draw."""
    source.write_text(html, encoding="utf-8")
    page.goto(source.as_uri(), wait_until="load")
    page.evaluate("document.fonts.ready")
