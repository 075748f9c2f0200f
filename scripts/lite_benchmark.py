#!/usr/bin/env python3
"""Lite pages (issue 17): their size and requests for every guide and language, and on an
emulated congested network the time until a guide's first action is readable, for its
lite page, its full page and a plain Material page of the same guide.

    .venv/bin/python scripts/lite_benchmark.py [--site DIR] [--runs 3] [--write]
                                               [--screenshot PNG]

A benchmark, not a test: the seconds depend on the machine and its load (the load average
is written beside them); the bytes and requests do not.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from page_weight import ARGS, CHROMIUM, PHONE, CountingHandler, machine, replace_section
from playwright.sync_api import Browser, sync_playwright
from serve_static import serve

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from guides import compressed  # noqa: E402
from guides.outputs import lite  # noqa: E402

LANGS = {"zh": "", "wuu": "wuu/", "en": "en/"}
# Chromium's network emulation (DevTools protocol): a cell shared by hundreds of phones.
KBIT, RTT_MS = 100, 600
CONGESTED = {"offline": False, "latency": RTT_MS, "downloadThroughput": KBIT * 1000 / 8,
             "uploadThroughput": KBIT * 1000 / 8}
COMPARED = ["testing-guide/", "en/testing-guide/", "volunteer-tips/", "ngo-contingency-plan/"]
# Polls (every 16 ms, timers run while rendering waits for a stylesheet) for the first
# action's text laid out on the page; with the first contentful paint, it is readable
# once both have happened.
WATCH = """
(() => {
  const wanted = %s;
  const look = () => {
    if (window.__shown) return;
    const body = document.body;
    if (body && body.innerText.replace(/\\s+/g, "").includes(wanted)) {
      window.__shown = performance.now();
      return;
    }
    setTimeout(look, 16);
  };
  look();
})();
"""


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[tuple[str, list]]:
    """Serve FOLDER as production would (pre-compressed .br and .gz), logging bytes sent."""
    server = serve(str(folder), 0)
    log: list[tuple[str, int, bool]] = []
    handler = type("Handler", (CountingHandler,), {"log": log})
    server.RequestHandlerClass = functools.partial(handler, directory=str(folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", log
    finally:
        server.shutdown()
        server.server_close()


def build(out: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "guides", "build", "-d", str(out)], cwd=ROOT,
                          capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"guides build failed:\n{done.stdout}{done.stderr}")


def build_plain(out: Path, tmp: Path) -> None:
    """Material without this project's plugin (as scripts/scale_benchmark.py builds it):
    the same content, extensions, overrides and search; every language file is a page of
    its own (`testing-guide/zh/`). Compressed like ours, so both are served alike."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text, n = re.subn(r"(?ms)^plugins:\n.*?(?=^markdown_extensions:)",
                      "plugins:\n  - search\n\n", text)
    assert n == 1, "mkdocs.yml: plugins section not found"
    text = text.replace("docs_dir: content", f"docs_dir: {ROOT / 'content'}")
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    config = tmp / "mkdocs-plain.yml"
    config.write_text(text, encoding="utf-8")
    done = subprocess.run([str(Path(sys.executable).with_name("mkdocs")), "build", "-q", "-f",
                           str(config), "-d", str(out)], capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"plain mkdocs build failed:\n{done.stdout}{done.stderr}")
    compressed.compress_tree(out)


def first_action(lite_html: str) -> str:
    """The text of the first step of the guide's first section (what a reader must see)."""
    body = lite_html.split("<section>", 1)[1]
    match = re.search(r"<(li|p)>(.*?)</\1>", body, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", match.group(2))).strip()[:24]


def sizes(site: Path, base: str, log: list, browser: Browser) -> list[dict]:
    """Every lite page: bytes of its .gz, bytes the server sent, requests Chromium made."""
    rows = []
    for lang, prefix in LANGS.items():
        pages = sorted(p for p in (site / prefix).rglob("lite/index.html")
                       if not any(p.relative_to(site / prefix).as_posix().startswith(o)
                                  for o in ("wuu/", "en/")) or prefix)
        for page_file in pages:
            path = page_file.parent.relative_to(site).as_posix() + "/"
            context = browser.new_context(service_workers="block", **PHONE)
            page = context.new_page()
            requests: list[str] = []
            page.on("request", lambda r, seen=requests: seen.append(r.url))
            mark = len(log)
            page.goto(base + path, wait_until="load")
            page.wait_for_timeout(300)
            context.close()
            html = page_file.read_text(encoding="utf-8")
            shown = len(re.findall(r"<section>", html))
            rest = len(re.findall(r'<li><a href="\.\./#', html))
            rows.append({"lang": lang, "path": path, "gz": len(gzip.compress(
                html.encode(), 9, mtime=0)), "raw": len(html.encode()),
                "sent": sum(n for _, n, _ in log[mark:]), "requests": len(requests),
                "sections": f"{shown}/{shown + rest}"})
            print(rows[-1], flush=True)
    return rows


def readable(browser: Browser, url: str, text: str, log: list,
             before: str | None = None) -> dict:
    """One load of URL on the congested network, cold (no cache, no service worker); with
    BEFORE, the next page of a visit: BEFORE is loaded first (same network, HTTP cache on),
    then URL is measured. Requests and bytes: what reached the server (its LOG), so a file
    the HTTP cache answered counts for nothing."""
    context = browser.new_context(service_workers="block", **PHONE)
    context.add_init_script(WATCH % json.dumps(re.sub(r"\s+", "", text)))
    page = context.new_page()
    client = context.new_cdp_session(page)
    client.send("Network.enable")
    client.send("Network.setCacheDisabled", {"cacheDisabled": before is None})
    client.send("Network.emulateNetworkConditions", CONGESTED)
    if before:
        page.goto(before, wait_until="load", timeout=180_000)
        page.wait_for_timeout(1000)
    mark = len(log)
    load = os.getloadavg()[0]
    page.goto(url, wait_until="load", timeout=180_000)
    page.wait_for_function("() => window.__shown", timeout=120_000)
    page.wait_for_timeout(500)  # what the page loads after `load` (none expected)
    sent = [n for _, n, _ in log[mark:]]
    timing = page.evaluate("""() => ({
      shown: window.__shown,
      fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,
      load: performance.getEntriesByType('navigation')[0].loadEventEnd })""")
    context.close()
    return {"readable": max(timing["shown"], timing["fcp"] or 0) / 1000,
            "load": timing["load"] / 1000, "requests": len(sent),
            "bytes": sum(sent), "loadavg": load}


def congested(browser: Browser, base: str, plain_base: str, site: Path, runs: int,
              logs: tuple[list, list]) -> list:
    """LOGS: the servers' logs (ours, the plain Material site's)."""
    rows = []
    for path in COMPARED:
        text = first_action((site / path / "lite/index.html").read_text(encoding="utf-8"))
        folder, lang = path.rstrip("/").split("/")[-1], "en" if path.startswith("en/") else "zh"
        home = base + ("en/" if lang == "en" else "")
        urls = {"lite": (base + path + "lite/", None), "full": (base + path, None),
                "full, next page (home first)": (base + path, home),
                "plain Material": (f"{plain_base}{folder}/{lang}/", None)}
        for name, (url, before) in urls.items():
            log = logs[1] if name == "plain Material" else logs[0]
            results = [readable(browser, url, text, log, before) for _ in range(runs)]
            row = {"path": path, "page": name, "text": text, "runs": results,
                   "readable": statistics.median(r["readable"] for r in results),
                   "load": statistics.median(r["load"] for r in results),
                   "requests": results[0]["requests"], "bytes": results[0]["bytes"],
                   "loadavg": [r["loadavg"] for r in results]}
            rows.append(row)
            print({k: v for k, v in row.items() if k != "runs"}, flush=True)
    return rows


def screenshot(browser: Browser, url: str, out: Path) -> None:
    context = browser.new_context(service_workers="block", device_scale_factor=2, **PHONE)
    page = context.new_page()
    page.goto(url, wait_until="load")
    out.write_bytes(page.screenshot(type="png"))  # by bytes: no guess from the name
    context.close()


def report(size_rows: list[dict], slow: list[dict], runs: int, info: str) -> str:
    worst = max(size_rows, key=lambda r: r["gz"])
    lines = [
        "Command: `.venv/bin/python scripts/lite_benchmark.py --write`. "
        f"Date: {date.today()}. Machine: {info}.", "",
        f"Target: every lite page ≤ {lite.BUDGET:,} bytes gzip-compressed (14 KB, what a "
        "server sends in its first round trip) in 1 request. gzip = the `.gz` the build "
        "writes; sent = bytes the server sent Chromium for it (status line, headers, "
        "Brotli body: `scripts/serve_static.py` sends the `.br` copy, as nginx's "
        "brotli_static does; clients without Brotli get the `.gz`); requests = what Chromium "
        "fetched for the page (phone profile, no service worker); sections = the guide's "
        "sections on the lite page / in the guide.", "",
        "| lang | lite page | gzip bytes | HTML bytes | sent | requests | sections "
        "| ≤14 KB, 1 req |",
        "|---|---|--:|--:|--:|--:|--:|:-:|"]
    for r in size_rows:
        ok = r["gz"] <= lite.BUDGET and r["requests"] == 1
        lines.append(f"| {r['lang']} | `/{r['path']}` | {r['gz']:,} | {r['raw']:,} | "
                     f"{r['sent']:,} | {r['requests']} | {r['sections']} | "
                     f"{'✅' if ok else '❌'} |")
    met = all(r["gz"] <= lite.BUDGET and r["requests"] == 1 for r in size_rows)
    lines += ["", f"{len(size_rows)} lite pages; largest `/{worst['path']}` at {worst['gz']:,} "
              f"bytes. All within the target: {'yes' if met else 'no'}.", "",
              f"Congested network: Chromium's emulation (`Network.emulateNetworkConditions`: "
              f"{KBIT} kbit/s down and up, {RTT_MS} ms round trip), cache disabled, no service "
              f"worker, a fresh phone context per run; the median of {runs} runs. "
              "Full, next page: the language's home page is loaded first on the same "
              "network with the HTTP cache on, then the guide is measured (what the second "
              "page of a visit costs). Requests and KB sent: what the server sent for "
              "that page (headers and Brotli bodies; a file the HTTP cache answered costs "
              "nothing). "
              "Readable = the "
              "later of the first contentful paint and the moment the guide's first action "
              "(its text below) is laid out on the page. The plain Material page is the same "
              "Markdown built by Material without this project's plugin "
              "(`/testing-guide/zh/`), its files compressed like ours. Load average "
              "(1 min) when each run started.", "",
              "| guide | page | first action readable, s | load event, s | requests sent | "
              "KB sent | load average |", "|---|---|--:|--:|--:|--:|---|"]
    for r in slow:
        lines.append(f"| `/{r['path']}` | {r['page']} | {r['readable']:.1f} | {r['load']:.1f} | "
                     f"{r['requests']} | {r['bytes'] / 1000:.1f} | "
                     f"{', '.join(f'{a:.2f}' for a in r['loadavg'])} |")
    texts = dict.fromkeys(f"`/{r['path']}`: “{r['text']}…”" for r in slow)  # as shown
    lines += ["", "First actions looked for: " + "; ".join(texts) + "."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", help="a built site folder (default: build one)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    parser.add_argument("--screenshot", help="save a phone-size PNG of a lite page here")
    args = parser.parse_args()
    info = machine()
    with tempfile.TemporaryDirectory(prefix="shouwang-lite-") as tmp:
        site = Path(args.site).resolve() if args.site else Path(tmp) / "site"
        if not args.site:
            build(site)
        build_plain(Path(tmp) / "plain", Path(tmp))
        with serving(site) as (base, log), serving(Path(tmp) / "plain") as (plain, plain_log), \
                sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            if args.screenshot:
                screenshot(browser, base + "testing-guide/lite/", Path(args.screenshot))
            size_rows = sizes(site, base, log, browser)
            slow = congested(browser, base, plain, site, args.runs, (log, plain_log))
            browser.close()
    body = report(size_rows, slow, args.runs, info)
    print("\n" + body)
    if args.write:
        replace_section("lite-pages", body, "Lite pages")


if __name__ == "__main__":
    main()
