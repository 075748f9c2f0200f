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
from guides.compressed import is_precompressed

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
    """Material's bundle, which our script loads on the reader's first touch (issue 17)."""
    return page.evaluate("new URL(document.querySelector('script[data-sw-bundle]')"
                         ".getAttribute('data-sw-bundle'), location.href).href")


def reader_taps(page) -> None:
    """The reader's first touch: our script loads Material's bundle then."""
    page.locator("h1").first.click()
    page.wait_for_function("() => document.querySelector('script[src*=\"javascripts/bundle.\"]')")


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
    assert digests[listings[0]] == offline.sha256(site / listings[0])
    folder = (site / listings[0]).parent
    top = json.loads((site / listings[0]).read_text(encoding="utf-8"))
    assert top["count"] == len(list(folder.glob("digests/*.json")))
    # s-speed: a tree: the top list holds the middle lists' digests, which hold the buckets'
    assert len(top["mids"]) == -(-top["count"] // top["group"]) == \
        len(list(folder.glob("digests/m/*.json")))
    buckets: list[str] = []
    for k, digest in enumerate(top["mids"]):
        assert digest == offline.sha256(folder / f"digests/m/{k}.json")[:offline.SHORT]
        buckets += json.loads((folder / f"digests/m/{k}.json").read_text(encoding="utf-8"))
    assert len(buckets) == top["count"]
    files: dict[str, str] = {}
    for n, digest in enumerate(buckets):
        assert digest == offline.sha256(folder / f"digests/{n}.json")[:offline.SHORT]
        bucket = json.loads((folder / f"digests/{n}.json").read_text(encoding="utf-8"))
        assert all(offline.bucket_of(file, top["count"]) == n for file in bucket)
        files.update(bucket)
    searchable = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()
                  and not is_precompressed(p.name) and p.relative_to(folder).parts[0] not in (
                      "digests", "digests.json")}
    assert set(files) == searchable and "p/0.json" in files and len(files) >= 3
    assert all(files[name] == offline.sha256(folder / name)[:offline.SHORT] for name in files)
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
            reader_taps(page)
            page.wait_for_function("() => typeof document$ !== 'undefined'")  # the bundle ran
            assert page.evaluate("window.__pwned") is None
            assert cached_text(page, bundle) == genuine

            tamper(page, bundle, TAMPERED)
            context.set_offline(True)
            page.reload()  # offline: the page from the cache, the bad bundle never
            page.wait_for_load_state("load")
            assert page.locator("h1").first.inner_text() == "首页"
            reader_taps(page)
            wait_for(lambda: cached_text(page, bundle) is None)  # deleted, not kept for later
            assert page.evaluate("window.__pwned") is None
            context.set_offline(False)
            page.reload()
            page.wait_for_load_state("load")
            reader_taps(page)
            wait_for(lambda: cached_text(page, bundle) == genuine)  # back, from the network
            assert page.evaluate("window.__pwned") is None
        finally:
            context.close()


def test_a_tampered_search_shard_is_never_served(browser, tmp_path):
    site = small_site(tmp_path)
    with serving(site) as url:
        context = browser.new_context(**PHONE)
        page = context.new_page()
        try:
            controlled(page, url)
            folder = next(p.parent.parent for p in site.glob("search/*/p/0.json"))
            shard = f"{url}search/{folder.name}/p/0.json"  # the page list's first file
            genuine = (folder / "p/0.json").read_text(encoding="utf-8")
            page.evaluate("(url) => fetch(url)", shard)  # a search asks for it: cached
            wait_for(lambda: cached_text(page, shard) == genuine)
            tamper(page, shard, '{"pages": []}', "application/json")
            assert page.evaluate("(url) => fetch(url).then((r) => r.text())", shard) == genuine
            assert cached_text(page, shard) == genuine
            # forged lists of digests are no help: each one's digest is in the one above it,
            # and the top one's is in the worker
            bad = base64.b64encode(hashlib.sha256(b'{"pages": []}').digest()).decode()
            for name in ("digests.json", *(f"digests/{n}.json" for n in range(4)),
                         *(f"digests/m/{n}.json" for n in range(2))):
                tamper(page, f"{url}search/{folder.name}/{name}",
                       json.dumps({"count": 1, "group": 1, "mids": [bad[:16]],
                                   "p/0.json": bad}), "application/json")
            tamper(page, shard, '{"pages": []}', "application/json")
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
            reader_taps(page)
            page.wait_for_function("() => window.__pwned === 1")
        finally:
            context.close()


def test_the_worker_and_the_build_put_a_file_in_the_same_bucket(tmp_path):
    """bucketOf in sw.js and bucket_of here must agree, or no shard could be checked."""
    import subprocess

    source = re.search(r"function bucketOf\(.*?\n}\n", offline.WORKER, re.S).group(0)
    names = ["pages.json", "0.json", "d/17.json", "d/2999.json", "搜索.json", "a" * 80]
    script = source + f"console.log(JSON.stringify({json.dumps(names)}.map(" \
        "(n) => [1, 7, 47].map((c) => bucketOf(n, c)))));"
    result = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == [[offline.bucket_of(n, c) for c in (1, 7, 47)]
                                         for n in names]
