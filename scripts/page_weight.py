#!/usr/bin/env python3
"""Page weight of the built site on a phone: what a first visit, the service worker's
offline fill and the next guide of the same visit download, in each language.

    .venv/bin/python scripts/page_weight.py [--site DIR] [--write]

Bytes are counted by the server, requests and problems seen by Chromium (METHOD below
says how). A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, Request, sync_playwright
from serve_static import PrecompressedHandler, serve

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "BENCHMARKS.md"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "locale": "zh-CN", "user_agent": "Mozilla/5.0 (Linux; Android 12; Redmi Note 11) "
         "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"}
LANGS = {"zh": "", "wuu": "wuu/", "en": "en/"}
PAGES = {"home": "", "resident guide": "testing-guide/", "tip sheet": "volunteer-tips/",
         "NGO manual": "ngo-contingency-plan/", "hotlines": "hotlines/"}
# targets (issue 17: lighter full pages); KB = 1,000 bytes
FIRST_BYTES, FIRST_REQUESTS, NEXT_BYTES = 45_000, 6, 8_000
FILL_WAIT = 8.0  # the worker asks for the offline copies 5 s after `load`


class CountingHandler(PrecompressedHandler):
    """serve_static's handler, logging (path, bytes sent, from the service worker?)."""

    log: list[tuple[str, int, bool]]

    def handle_one_request(self) -> None:
        sent = 0
        write = self.wfile.write

        def counted(data: bytes) -> int:
            nonlocal sent
            sent += len(data)
            return write(data)

        self.wfile.write = counted  # type: ignore[method-assign]
        super().handle_one_request()
        self.wfile.write = write  # type: ignore[method-assign]
        if sent and getattr(self, "headers", None) is not None:
            by_worker = (self.headers.get("Sec-Fetch-Dest") == "serviceworker"
                         or self.headers.get("Referer", "").split("?")[0].endswith("/sw.js"))
            self.log.append((self.path, sent, by_worker))


def build_site(out: Path) -> None:
    """`guides build -d OUT` from the repository root; exits with its output on failure."""
    done = subprocess.run([sys.executable, "-m", "guides", "build", "-d", str(out)], cwd=ROOT,
                          capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"guides build failed:\n{done.stdout}{done.stderr}")


@contextlib.contextmanager
def site_server(site: str | None) -> Iterator[tuple[str, Path, list[tuple[str, int, bool]]]]:
    """Build (unless SITE is given) and serve the site; yields (base URL, folder, log)."""
    with tempfile.TemporaryDirectory(prefix="shouwang-bench-") as tmp:
        folder = Path(site).resolve() if site else Path(tmp) / "site"
        if not site:
            build_site(folder)
        server = serve(str(folder), 0)
        log: list[tuple[str, int, bool]] = []
        handler = type("Handler", (CountingHandler,), {"log": log})
        server.RequestHandlerClass = functools.partial(handler, directory=str(folder))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/", folder, log
        finally:
            server.shutdown()
            server.server_close()


def machine() -> str:
    """`2 cores, Chromium 156.…; commit abc1234` for the report."""
    version = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout
    git = ["git", "-C", str(ROOT)]
    commit = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip() or "unknown"
    changed = subprocess.run([*git, "status", "--porcelain", "--", "content", "guides",
                              "overrides", "mkdocs.yml"], capture_output=True, text=True).stdout
    return (f"{os.cpu_count()} cores, {version.strip() or 'Chromium (version unknown)'}; "
            f"site at commit {commit}" + (" with uncommitted changes" if changed else ""))


def replace_section(name: str, body: str, title: str) -> None:
    """Put BODY between `<!-- NAME:start -->` and `<!-- NAME:end -->` in BENCHMARKS.md."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    text = BENCHMARKS.read_text(encoding="utf-8") if BENCHMARKS.exists() else "# Benchmarks\n"
    if start not in text:
        text = text.rstrip("\n") + f"\n\n## {title}\n\n{start}\n{end}\n"
    head, rest = text.split(start, 1)
    BENCHMARKS.write_text(f"{head}{start}\n{body.strip()}\n{end}{rest.split(end, 1)[1]}",
                          encoding="utf-8")


class Watch:
    """What Chromium saw in a context: requests in flight, cache hits, problems."""

    def __init__(self, context: BrowserContext, base: str) -> None:
        self.base, self.pending, self.last = base, set(), time.monotonic()
        self.seen: list[tuple[str, bool, bool]] = []  # (url, by the worker, from a cache)
        self.problems: list[str] = []
        context.on("request", self._start)
        context.on("requestfinished", self._finish)
        context.on("requestfailed", self._fail)
        context.on("response", lambda r: r.status >= 400 and self.problems.append(
            f"HTTP {r.status} {self.short(r.url)}"))
        context.on("console", lambda m: m.type == "error" and self.problems.append(
            f"console error: {m.text}"))
        context.on("weberror", lambda e: self.problems.append(f"page error: {e.error}"))

    def short(self, url: str) -> str:
        return "/" + url[len(self.base):] if url.startswith(self.base) else url

    def _start(self, request: Request) -> None:
        self.pending.add(request)
        self.last = time.monotonic()

    def _finish(self, request: Request) -> None:
        self.pending.discard(request)
        self.last = time.monotonic()
        sizes, response = request.sizes(), request.response()
        cached = sizes["responseBodySize"] + sizes["responseHeadersSize"] <= 0 or bool(
            response and response.from_service_worker)
        self.seen.append((request.url, request.service_worker is not None, cached))

    def _fail(self, request: Request) -> None:
        self.pending.discard(request)
        self.seen.append((request.url, request.service_worker is not None, False))
        self.problems.append(f"failed: {self.short(request.url)} ({request.failure})")

    def quiet(self, page: Page, seconds: float = 1.0, limit: float = 20.0) -> None:
        """Wait until nothing has been in flight for SECONDS (at most LIMIT)."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            page.wait_for_timeout(100)
            if not self.pending and time.monotonic() - self.last >= seconds:
                return


def measure(browser: Browser, base: str, log: list, path: str, guide: str | None) -> dict:
    """First load (and offline fill) of PATH; with GUIDE, the next navigation to it."""
    workers = "block" if guide else "allow"
    context = browser.new_context(service_workers=workers, **PHONE)
    watch, page = Watch(context, base), context.new_page()
    result: dict = {}

    def since(mark: int, seen_mark: int, by_worker: bool) -> tuple[int, int, int]:
        hits = [(p, n) for p, n, w in log[mark:] if w == by_worker]
        cached = sum(1 for _, w, c in watch.seen[seen_mark:] if c and w == by_worker)
        result.setdefault("hits", []).append(hits)
        return len(hits), sum(n for _, n in hits), cached

    mark, seen_mark = len(log), len(watch.seen)
    page.goto(base + path, wait_until="load")
    loaded = time.monotonic()
    watch.quiet(page)
    result["first"] = since(mark, seen_mark, False)
    if guide:
        mark, seen_mark = len(log), len(watch.seen)
        page.goto(base + guide, wait_until="load")
        watch.quiet(page)
        result["next"] = since(mark, seen_mark, False)
    else:
        page.wait_for_timeout(max(0.0, FILL_WAIT - (time.monotonic() - loaded)) * 1000)
        watch.quiet(page)
        result["fill"] = since(mark, seen_mark, True)
    result["outside"] = [u for u, _, _ in watch.seen
                         if not u.startswith((base, "data:", "blob:"))]
    result["problems"] = watch.problems
    context.close()
    return result


def kb(n: int) -> str:
    return f"{n / 1000:.1f}"


def row(lang: str, path: str, label: str, first: dict, nxt: dict | None) -> tuple[str, bool]:
    """One table row, and whether its targets are met."""
    (n, size, _), (fill_n, fill_size, fill_cached) = first["first"], first["fill"]
    met = size <= FIRST_BYTES and n <= FIRST_REQUESTS
    cells = [lang, f"`/{path}`", label, str(n), kb(size), "✅" if met else "❌",
             f"{fill_n} (+{fill_cached} cached)", kb(fill_size), "—", "—", "—"]
    if nxt:
        nn, nsize, ncached = nxt["next"]
        cells[-3:] = [f"{nn} (+{ncached} cached)", kb(nsize), "✅" if nsize <= NEXT_BYTES else "❌"]
        met = met and nsize <= NEXT_BYTES
    return "| " + " | ".join(cells) + " |", met


def run(site: str | None, langs: dict[str, str] = LANGS) -> tuple[str, bool]:
    """Measure every page; returns (Markdown report, all targets met)."""
    rows, notes, outside, ok = [], [], set(), True
    detail: dict[str, list[tuple[str, int]]] = {}  # per-request bytes of a few loads
    heaviest: tuple[int, str, list[tuple[str, int]]] = (-1, "", [])
    html_costs: list[tuple[int, int]] = []  # (bytes sent for a next guide, its .br size)
    with site_server(site) as (base, folder, log), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for lang, prefix in langs.items():
            for kind, page_path in PAGES.items():
                path = prefix + page_path
                html = (folder / path / "index.html").read_text(encoding="utf-8")
                missing = re.search(r'<meta name="robots" content="noindex', html)
                first = measure(browser, base, log, path, None)
                nxt = measure(browser, base, log, prefix, path) if page_path else None
                if nxt and len(nxt["hits"][1]) == 1:  # the HTML alone: what headers add
                    html_costs.append((nxt["next"][1], compressed(folder / path)))
                line, met = row(lang, path, kind + (" (not available page)" if missing else ""),
                                first, nxt)
                rows.append(line)
                ok = ok and met
                print(line, flush=True)
                if not page_path:
                    detail[f"first load of `/{path}`"] = first["hits"][0]
                elif nxt and nxt["next"][1] > heaviest[0]:
                    heaviest = (nxt["next"][1], f"heaviest next guide, `/{path}`", nxt["hits"][1])
                for result in (first, nxt or {}):
                    outside.update(result.get("outside", []))
                    notes += [f"`/{path}`: {m}" for m in result.get("problems", [])]
        browser.close()
        overhead = max((nxt_bytes - gz for nxt_bytes, gz in html_costs), default=0)
        every, every_met = every_page(folder, overhead)
    detail[heaviest[1]] = heaviest[2]
    report = "\n".join([
        f"| lang | URL | page | first load: requests | KB | ≤{FIRST_BYTES // 1000} KB, "
        f"≤{FIRST_REQUESTS} req | offline fill (service worker): requests | KB | next guide "
        f"from home: requests | KB | ≤{NEXT_BYTES // 1000} KB |",
        "|---|---|---|--:|--:|:-:|--:|--:|--:|--:|:-:|", *rows])
    report += "\n\nRequests that left 127.0.0.1: " + (", ".join(sorted(outside)) or "none")
    report += ".\n\nPer request (bytes):\n\n" + "\n".join(
        f"- {what}: " + ", ".join(f"`{u}` {n:,}" for u, n in hits) for what, hits in detail.items())
    report += "\n\n" + every
    if notes:
        report += "\n\nProblems seen:\n\n" + "\n".join(f"- {n}" for n in dict.fromkeys(notes))
    return report + "\n", ok and every_met and not outside


def compressed(page_dir: Path) -> int:
    """The size of a page's pre-compressed HTML: what serve_static sends Chromium as its
    body (the .br copy: Chromium accepts Brotli, as every browser does over HTTPS)."""
    for name in ("index.html.br", "index.html.gz", "index.html"):
        if (page_dir / name).is_file():
            return (page_dir / name).stat().st_size
    raise FileNotFoundError(page_dir / "index.html")


def every_page(folder: Path, overhead: int) -> tuple[str, bool]:
    """light3: the next guide's cost of EVERY page of the site, not only the five measured
    in Chromium: its compressed HTML plus what the server's headers added to the measured
    ones (`overhead`); a next guide downloads nothing else (the rest is cached for good)."""
    rows = []
    for html in sorted(folder.rglob("index.html")):
        rel = html.parent.relative_to(folder).as_posix()
        if {"lite", "share", "search"} & set(rel.split("/")):
            continue
        if 'class="md-header' not in html.read_text(encoding="utf-8"):
            continue  # redirects
        rows.append((compressed(html.parent) + overhead, "/" + ("" if rel == "." else rel + "/")))
    over = [(n, p) for n, p in rows if n > NEXT_BYTES]
    heaviest = sorted(rows, reverse=True)[:6]
    return (f"Every page as a next guide ({len(rows)} pages: compressed HTML + {overhead} "
            f"bytes of response headers, as measured above): "
            f"{kb(min(n for n, _ in rows))}–{kb(max(n for n, _ in rows))} KB; over "
            f"{NEXT_BYTES // 1000} KB: " + (", ".join(f"`{p}` {kb(n)}" for n, p in over) or
                                            "none") +
            ". Heaviest: " + ", ".join(f"`{p}` {kb(n)}" for n, p in heaviest) + "."), not over


METHOD = """\
Bytes are what the server sent (status line, headers and compressed body:
`scripts/serve_static.py` serves the build's pre-compressed `.br` copies, as nginx's
brotli_static does, to Chromium, which accepts Brotli), counted on the server; KB = 1,000
bytes. A request is the service worker's when its Sec-Fetch-Dest is `serviceworker` or its
Referer is `sw.js`; Chromium (Playwright) tells which requests its HTTP cache answered
("cached": they cost nothing) and sees any request that leaves 127.0.0.1. First load: a
fresh phone context (390×844, `zh-CN`, service worker allowed), from navigation to `load`
plus 1 s with nothing in flight, the page's requests only. Offline fill: the service
worker's requests from navigation until ~8 s after `load` (its script, the theme files it
caches on install, then every page of the language). Next guide: a new context with the
service worker blocked (so the HTTP cache is what counts), the language's home page first,
then the guide: that second navigation only."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", help="a built site folder (default: build one)")
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    parser.add_argument("--langs", default=",".join(LANGS),
                        help="languages to measure, e.g. zh (default: all)")
    args = parser.parse_args()
    langs = {code: LANGS[code] for code in args.langs.split(",")}
    info = machine()  # before the build: the commit that is measured
    load_before = os.getloadavg()[0]
    report, ok = run(args.site, langs)
    info += (f"; load average (1 min) {load_before:.1f} at the start, "
             f"{os.getloadavg()[0]:.1f} at the end")
    only = "" if set(langs) == set(LANGS) else f" --langs {args.langs}"
    command = f"`.venv/bin/python scripts/page_weight.py --write{only}`"
    body = (f"Command: {command}. Date: {date.today()}. Machine: {info}.\n\n"
            f"{METHOD}\n\n{report}\nAll targets met: {'yes' if ok else 'no'}.")
    print("\n" + body)
    if args.write:
        replace_section("page-weight", body, "Page weight")


if __name__ == "__main__":
    main()
