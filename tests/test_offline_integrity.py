"""The service worker never serves a cached copy of a content-named file whose bytes are not
the build's: a script at the site's address that writes into the cache (the way a hostile
SVG would) cannot replace Material's bundle, our script or a search shard for later pages,
online or offline."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import time
from pathlib import Path

from conftest import PHONE, Tree, build_site, serving
from guides import offline

TAMPERED = "window.__pwned = 1;"
CACHE = "shouwang:/"


def small_site(base: Path) -> Path:
    tree = Tree(base)
    tree.guide("home", title="首页", body="首页正文，记得戴口罩。\n")
    tree.guide("guide", title="指南", body="## 现在 {#now}\n记得带口罩。\n")
    return build_site(tree)


def wait_for(predicate, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.25)


def cached_text(page, url: str) -> str | None:
    return page.evaluate("""async ([name, url]) => {
      const hit = await (await caches.open(name)).match(url);
      return hit ? await hit.text() : null;
    }""", [CACHE, url])


def tamper(page, url: str, body: str, kind: str = "application/javascript") -> None:
    """What a script running at the site's address can do: put its own copy in the cache."""
    page.evaluate("""async ([name, url, body, kind]) => {
      const cache = await caches.open(name);
      await cache.put(url, new Response(body, {headers: {"Content-Type": kind}}));
    }""", [CACHE, url, body, kind])
    assert cached_text(page, url) == body  # the cache now holds the bad copy


def controlled(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=20_000)


def bundle_url(page) -> str:
    return page.evaluate("document.querySelector('script[src*=\"javascripts/bundle.\"]').src")


def test_the_worker_lists_the_digest_of_every_content_named_file(tmp_path):
    site = small_site(tmp_path)
    worker = (site / "sw.js").read_text(encoding="utf-8")
    digests = json.loads(re.search(r"const DIGESTS = (\{.*?\});", worker).group(1))
    bundle = next(site.glob("assets/javascripts/bundle.*.min.js")).relative_to(site).as_posix()
    ours = next(site.glob("assets/javascripts/shouwang.*.js")).relative_to(site).as_posix()
    for path in (bundle, ours, "manifest.webmanifest"):
        raw = hashlib.sha256((site / path).read_bytes()).digest()
        assert digests[path] == base64.b64encode(raw).decode()
    listings = [p for p in digests if p.startswith("search/")]
    assert len(listings) == 1 and listings[0].endswith("/digests.json")
    shards = json.loads((site / listings[0]).read_text(encoding="utf-8"))
    folder = (site / listings[0]).parent
    assert "pages.json" in shards and len(shards) >= 3
    assert all(shards[name] == offline.sha256(folder / name) for name in shards)
    assert digests[listings[0]] == offline.sha256(site / listings[0])
    for language in ("en", "wuu"):  # each language's worker lists its own files
        other = (site / language / "sw.js").read_text(encoding="utf-8")
        assert '"assets/javascripts/bundle.' in other and '"en/assets' not in other


def test_a_tampered_bundle_is_never_served(browser, tmp_path):
    site = small_site(tmp_path)
    with serving(site) as url:
        context = browser.new_context(**PHONE)
        page = context.new_page()
        try:
            controlled(page, url)
            bundle = bundle_url(page)
            wait_for(lambda: cached_text(page, bundle) is not None)  # cached on install
            genuine = cached_text(page, bundle)
            ours = page.evaluate("document.querySelector('script[src*=\"shouwang.\"]').src")
            wait_for(lambda: cached_text(page, ours) is not None)

            tamper(page, bundle, TAMPERED)
            tamper(page, ours, TAMPERED)
            page.reload()  # online: the bad copies are refused, the network's are cached
            page.wait_for_load_state("load")
            assert page.evaluate("window.__pwned") is None
            assert page.evaluate("typeof document$") != "undefined"  # Material's bundle ran
            assert cached_text(page, bundle) == genuine

            tamper(page, bundle, TAMPERED)
            context.set_offline(True)
            page.reload()  # offline: the page from the cache, the bad bundle never
            page.wait_for_load_state("load")
            assert page.locator("h1").first.inner_text() == "首页"
            assert page.evaluate("window.__pwned") is None
            assert cached_text(page, bundle) is None  # deleted, not kept for later
            context.set_offline(False)
            page.reload()
            page.wait_for_load_state("load")
            assert page.evaluate("window.__pwned") is None
            assert cached_text(page, bundle) == genuine  # back, from the network
        finally:
            context.close()


def test_a_tampered_search_shard_is_never_served(browser, tmp_path):
    site = small_site(tmp_path)
    with serving(site) as url:
        context = browser.new_context(**PHONE)
        page = context.new_page()
        try:
            controlled(page, url)
            folder = next(p.parent for p in site.glob("search/*/pages.json"))
            shard = f"{url}search/{folder.name}/pages.json"
            genuine = (folder / "pages.json").read_text(encoding="utf-8")
            page.evaluate("(url) => fetch(url)", shard)  # a search asks for it: cached
            wait_for(lambda: cached_text(page, shard) == genuine)
            tamper(page, shard, '{"pages": []}', "application/json")
            assert page.evaluate("(url) => fetch(url).then((r) => r.text())", shard) == genuine
            assert cached_text(page, shard) == genuine
            listing = f"{url}search/{folder.name}/digests.json"
            tamper(page, listing, json.dumps({"pages.json": "AAAA"}), "application/json")
            tamper(page, shard, '{"pages": []}', "application/json")
            # a forged list of digests is no help: its own digest is in the worker
            assert page.evaluate("(url) => fetch(url).then((r) => r.text())", shard) == genuine
        finally:
            context.close()


def test_the_watch_sees_a_copy_the_build_vouched_for(browser, tmp_path):
    """The test can fail: when the worker's digest is that of the bad copy (as if the
    build had written those bytes), the same steps serve it and it runs."""
    site = small_site(tmp_path)
    worker = site / "sw.js"
    bundle = next(site.glob("assets/javascripts/bundle.*.min.js")).relative_to(site).as_posix()
    vouched = base64.b64encode(hashlib.sha256(TAMPERED.encode()).digest()).decode()
    text = worker.read_text(encoding="utf-8")
    text = re.sub(rf'"{re.escape(bundle)}": "[^"]+"', f'"{bundle}": "{vouched}"', text)
    worker.write_text(text, encoding="utf-8")
    with serving(site) as url:
        context = browser.new_context(**PHONE)
        page = context.new_page()
        try:
            controlled(page, url)
            tamper(page, url + bundle, TAMPERED)
            page.reload()
            page.wait_for_load_state("load")
            assert page.evaluate("window.__pwned") == 1
        finally:
            context.close()
