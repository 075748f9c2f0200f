#!/usr/bin/env python3
"""How `guides check`, `guides build` and search hold up at a city's scale.

    .venv/bin/python scripts/scale_benchmark.py [--sizes 100,1000,3000] [--repeat 3] [--write]
    .venv/bin/python scripts/scale_benchmark.py --smoke     # 100 pages, 1 run, no browser
    .venv/bin/python scripts/scale_benchmark.py --sizes 3000 --site SITE   # search only

Each size is a corpus from scripts/corpus.py in a temporary folder. Times are the best
of --repeat runs (fewer when a measurement's runs pass --time-cap seconds); memory is the
largest max RSS of those runs. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import corpus

from guides.model import KIND_LIST_FOLDERS

ROOT = corpus.ROOT
BIN = ROOT / ".venv" / "bin"
BENCHMARKS = ROOT / "BENCHMARKS.md"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
LANG_ROOT = {"zh": "", "wuu": "wuu/", "en": "en/"}
QUERIES = {"zh": "核酸", "wuu": "汏手", "en": "volunteers"}
CHECK_RATE, BUILD_RATIO, SEARCH_BYTES, SEARCH_MS = 2000, 1.15, 100_000, 300  # targets
RECALL = 1.0  # the smoke run fails below this recall in any language
SHOWN = 20  # pages a search shows at most (search-worker.js MAX_RESULTS)
CHROMIUM = "/usr/bin/chromium"
LISTS = set(KIND_LIST_FOLDERS.values())  # the kinds' list pages: not in search
WATCH_JS = """() => {
  const t = window.__scale = {};
  document.addEventListener("click", () => { t.open = t.open || performance.now(); }, true);
  document.addEventListener("keydown", (e) => {
    if (e.key === "End") t.key = t.key || performance.now(); }, true);
  new MutationObserver(() => {
    if (!t.first && document.querySelector(".md-search-result__item")) t.first = performance.now();
  }).observe(document.body, {childList: true, subtree: true});
}"""


@dataclass
class Timing:
    seconds: float = float("inf")  # best run
    rss_mb: float = 0.0  # largest max RSS of the runs
    runs: int = 0
    failed: str = ""  # the output's tail when a run failed


@dataclass
class Result:
    pages: int
    guides: int
    check: Timing
    build: Timing
    plain: Timing
    findings: dict[str, int] = field(default_factory=dict)  # "severity code" -> count
    html: tuple[int, int] = (0, 0)  # HTML pages written: guides build, plain build
    megabytes: tuple[float, float] = (0.0, 0.0)
    search: list[dict] = field(default_factory=list)
    recall: list[dict] = field(default_factory=list)


HEARTBEAT = 60.0  # seconds between "still running" lines (a silent build looks hung)


def rss_now(pid: int) -> float:
    """A running process's resident memory in MB (0 when it cannot be read)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
    return int(found.group(1)) / 1024 if found else 0.0


def run_once(cmd: list[str], cwd: Path) -> tuple[float, float, int, str]:
    """(seconds, max RSS in MB, exit code, output) of one command, its own rusage. Every
    HEARTBEAT seconds it prints that the command is still running, its memory and its
    output's last line: at 10,000 pages `guides build` is silent for many minutes."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=ENV)
        beat = start + HEARTBEAT
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() >= beat:
                beat += HEARTBEAT
                # its own open file: the command writes at the offset shared with `log`
                with open(f"/proc/self/fd/{log.fileno()}", "rb") as tail:
                    tail.seek(max(0, os.fstat(log.fileno()).st_size - 400))
                    last = (tail.read().decode(errors="replace").strip().splitlines()
                            or [""])[-1]
                print(f"    still running after {time.perf_counter() - start:.0f} s, "
                      f"{rss_now(proc.pid):.0f} MB: {last[:100]}", flush=True)
            time.sleep(0.2)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        return seconds, usage.ru_maxrss / 1024, proc.returncode, log.read().decode(errors="replace")


def stopped(code: int, seconds: float) -> str:
    """Why a run ended badly. This script sets no time limit and sends no signal: a run
    ended by a signal (the 10,000-page build of 2026-12-02, `exit -15`) was stopped from
    outside: by hand, by a session's end, or by the kernel for memory (SIGKILL)."""
    if code >= 0:
        return f"exit {code} after {seconds:.0f} s: "
    name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
    return (f"stopped by {name} after {seconds:.0f} s (not by this script, which sets no "
            f"time limit; SIGKILL may be the kernel's out-of-memory killer: see dmesg): ")


def best_of(cmd: list[str], cwd: Path, repeat: int, cap: float, ok=(0,),
            out: Path | None = None) -> Timing:
    timing, spent = Timing(), 0.0
    while timing.runs < repeat and (timing.runs == 0 or spent < cap):
        if out is not None and out.exists():
            shutil.rmtree(out)
        seconds, rss, code, output = run_once(cmd, cwd)
        timing.runs, spent = timing.runs + 1, spent + seconds
        timing.rss_mb = max(timing.rss_mb, rss)
        if code not in ok:
            timing.failed = stopped(code, seconds) + output.strip()[-600:]
            return timing
        timing.seconds = min(timing.seconds, seconds)
    return timing


def plain_config(project: Path) -> Path:
    """mkdocs.yml without the shouwang plugin: Material, the same extensions, custom_dir
    and search; every language file is its own page."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text, n = re.subn(r"(?ms)^plugins:\n.*?(?=^markdown_extensions:)",
                      "plugins:\n  - search\n\n", text)
    assert n == 1, "mkdocs.yml: plugins section not found"
    path = project / "mkdocs-plain.yml"
    path.write_text(text, encoding="utf-8")
    return path


def site_stats(site: Path) -> tuple[int, float]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return (sum(p.name == "index.html" for p in files),
            sum(p.stat().st_size for p in files) / 1e6)


def measure_size(pages: int, args: argparse.Namespace, tmp: Path) -> Result:
    project = tmp / f"corpus-{pages}"
    written = corpus.generate(project, pages, args.seed)
    guides = sum(1 for p in (project / "content").iterdir() if p.name != "_data")
    check_cmd = [str(BIN / "guides"), "check", "--content", "content"]
    print(f"[{pages}] {written} files, {guides} guides: guides check", flush=True)
    check = best_of(check_cmd, project, args.repeat, args.time_cap, ok=(0, 1))
    report = json.loads(subprocess.run([*check_cmd, "--format", "json"], cwd=project, env=ENV,
                                       capture_output=True, text=True).stdout)
    findings: dict[str, int] = {}
    for f in report["findings"]:
        key = f"{f['severity']} {f['code']}"
        findings[key] = findings.get(key, 0) + 1
    site, plain_site = tmp / f"site-{pages}", tmp / f"plain-{pages}"
    print(f"[{pages}] guides build", flush=True)
    build = best_of([str(BIN / "guides"), "build", "-d", str(site)], project, args.repeat,
                    args.time_cap, out=site)
    plain = Timing(failed="not run (--no-plain)")
    if args.plain:
        print(f"[{pages}] plain mkdocs build", flush=True)
        plain = best_of([str(BIN / "mkdocs"), "build", "-f", str(plain_config(project)), "-d",
                         str(plain_site)], project, args.repeat, args.time_cap, out=plain_site)
    stats = [site_stats(s) if s.exists() else (0, 0.0) for s in (site, plain_site)]
    shutil.rmtree(plain_site, ignore_errors=True)
    result = Result(written, guides, check, build, plain, findings,
                    (stats[0][0], stats[1][0]), (stats[0][1], stats[1][1]))
    if not build.failed:
        print(f"[{pages}] search: regression queries", flush=True)
        result.recall = measure_recall(site)
    if args.browser and not build.failed:
        print(f"[{pages}] search in Chromium", flush=True)
        result.search = measure_search(site, args.repeat,
                                       every=args.every_query and pages == max(args.sizes_list))
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(project, ignore_errors=True)
    return result


def gz_size(path: Path) -> int:
    gz = path.with_name(path.name + ".gz")
    return (gz if gz.exists() else path).stat().st_size if path.exists() else 0


def measure_search(site: Path, repeat: int, every: bool = False, pause: int = 0
                   ) -> list[dict]:
    """Per language (and query, with `every`: all of scripts/search_queries.py): bytes sent
    from the tap on search to the first result, and the time to it (median of the runs),
    4× CPU throttling, a new browser context (cold caches) each run. `pause`: milliseconds
    between the tap and the typing (a resident takes a second or two; at 0 the time from
    the key press includes loading Material's bundle and starting the search worker)."""
    import search_queries
    from page_weight import ARGS, CHROMIUM, PHONE, site_server  # needs Playwright
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    asked = [(lang, query) for lang in LANG_ROOT
             for query in (search_queries.queries(lang) if every else [QUERIES[lang]])]
    rows = []
    with site_server(str(site)) as (base, _, log), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for lang, query in asked:
            here = site / LANG_ROOT[lang]
            opened = gz_size(here / "search/search_index.json") + \
                gz_size(here / "assets/javascripts/search-worker.js")
            row = {"lang": lang, "query": query, "opened": opened,
                   "home": gz_size(here / "index.html"),
                   "key_ms": None, "open_ms": None, "sent": 0, "results": ""}
            runs = []
            for _ in range(repeat):
                context = browser.new_context(service_workers="block", **PHONE)
                page = context.new_page()
                page.goto(base + LANG_ROOT[lang], wait_until="load")
                context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
                page.evaluate(WATCH_JS)
                mark = len(log)
                page.click(".md-header label[for=__search]")
                if pause:
                    page.wait_for_timeout(pause)
                page.keyboard.insert_text(query)
                page.keyboard.press("End")
                try:
                    page.wait_for_selector(".md-search-result__item", timeout=60_000)
                    t = page.evaluate("window.__scale")
                    runs.append((t["first"] - t["key"], t["first"] - t["open"],
                                 sum(n for _, n, _ in log[mark:])))
                except PlaywrightTimeout:
                    pass
                row["results"] = page.inner_text(".md-search-result__meta").strip()
                context.close()
            if runs:
                key_ms, open_ms, sent = sorted(runs)[len(runs) // 2]
                row.update(key_ms=key_ms, open_ms=open_ms, sent=sent)
            rows.append(row)
        browser.close()
    return rows


def holds(text: str, query: str) -> bool:
    """Does a page's (casefolded) text hold every word of the query? Chinese anywhere;
    other words where a word starts (search matches words by their beginning)."""
    return all(re.search(("" if re.match(r"[\u3400-\u9fff]", word) else r"(?<![0-9a-z])")
                         + re.escape(word), text) for word in query.casefold().split())


def measure_recall(site: Path) -> list[dict]:
    """The regression queries (scripts/search_queries.py) asked of the real search worker
    (under Node, tests/search_query.js), against the pages whose text holds them."""
    import search_queries

    rows = []
    for lang in LANG_ROOT:
        here = site / LANG_ROOT[lang]
        asked = search_queries.queries(lang)
        done = subprocess.run(["node", str(ROOT / "tests/search_query.js"), str(here), *asked],
                              capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            rows.append({"lang": lang, "failed": done.stderr[-300:]})
            continue
        answers = {a["query"]: a for a in json.loads(done.stdout)}
        truth_n = found_n = hit_n = 0
        missed = []
        for query in asked:
            truth = {url.strip("/") for url, text in search_queries.pages(str(site), lang).items()
                     if holds(text, query) and url.strip("/").split("/")[-1] not in LISTS}
            # the worker shows at most SHOWN pages, those holding the whole query first:
            # of the pages holding it, as many as fit must be among the leading ones
            items = answers[query]["items"][:answers[query].get("exact", 0)]
            found = {(LANG_ROOT[lang] + g[0]["location"].split("#")[0]).strip("/")
                     for g in items}
            want = min(len(truth), SHOWN)
            truth_n, found_n, hit_n = truth_n + want, found_n + len(found), \
                hit_n + min(want, len(truth & found))
            if len(truth & found) < want:
                missed.append(f"{query} ({want - len(truth & found)})")
        rows.append({"lang": lang, "queries": len(asked), "truth": truth_n, "found": found_n,
                     "hits": hit_n, "missed": missed})
    return rows


def yes(ok: bool) -> str:
    return "✅" if ok else "❌"


def secs(t: Timing) -> str:
    if t.failed.startswith("not run"):
        return "—"
    return "failed" if t.failed else f"{t.seconds:.2f}"


def tables(results: list[Result]) -> str:
    out = ["| pages (files) | guides | check s | pages/s | ≥2,000 | check RSS MB | guides build s "
           "| plain build s | ratio | ≤1.15 | build RSS MB guides / plain | HTML pages guides / "
           "plain | output MB guides / plain | runs check / build / plain |",
           "|--:|--:|--:|--:|:-:|--:|--:|--:|--:|:-:|--:|--:|--:|--:|"]
    for r in results:
        if r.check.failed.startswith("not run (--site"):
            out = out[:2] if r is results[0] else out
            continue
        rate = r.pages / r.check.seconds if not r.check.failed else 0.0
        ok = not (r.build.failed or r.plain.failed)
        ratio = r.build.seconds / r.plain.seconds if ok else float("nan")
        out.append(
            f"| {r.pages:,} | {r.guides:,} | {secs(r.check)} | {rate:,.0f} | "
            f"{yes(rate >= CHECK_RATE)} | {r.check.rss_mb:.0f} | {secs(r.build)} | "
            f"{secs(r.plain)} | {ratio:.2f} | {yes(ok and ratio <= BUILD_RATIO)} | "
            f"{r.build.rss_mb:.0f} / {r.plain.rss_mb:.0f} | {r.html[0]:,} / {r.html[1]:,} | "
            f"{r.megabytes[0]:,.0f} / {r.megabytes[1]:,.0f} | "
            f"{r.check.runs} / {r.build.runs} / {r.plain.runs} |")
    rows = [(r.pages, s) for r in results for s in r.search]
    if rows:
        out += ["", "| pages | lang | query | on opening search KB | sent before first result "
                "KB | ≤100 KB | first result ms (from keypress) | from opening search | "
                "≤300 ms | results | home page gz KB |",
                "|--:|---|---|--:|--:|:-:|--:|--:|:-:|---|--:|"]
        for pages, s in rows:
            ms = "none" if s["key_ms"] is None else f"{s['key_ms']:,.0f}"
            opened = "none" if s["open_ms"] is None else f"{s['open_ms']:,.0f}"
            fast = s["key_ms"] is not None and s["key_ms"] <= SEARCH_MS
            sent = s["sent"] if s["key_ms"] is not None else None
            out.append(f"| {pages:,} | {s['lang']} | {s['query']} | {s['opened'] / 1000:.1f} | "
                       f"{'none' if sent is None else f'{sent / 1000:,.1f}'} | "
                       f"{yes(sent is not None and sent <= SEARCH_BYTES)} | {ms} | {opened} | "
                       f"{yes(fast)} | {s['results'] or '—'} | {s['home'] / 1000:.1f} |")
    rows = [(r.pages, s) for r in results for s in r.recall]
    if rows:
        out += ["", "| pages | lang | regression queries | pages holding them | found | "
                "of them found (recall) | found that hold them (precision) | missed |",
                "|--:|---|--:|--:|--:|--:|--:|---|"]
        for pages, s in rows:
            if "failed" in s:
                out.append(f"| {pages:,} | {s['lang']} | failed: `{s['failed']}` |||||")
                continue
            recall = s["hits"] / s["truth"] if s["truth"] else 1.0
            precision = s["hits"] / s["found"] if s["found"] else 1.0
            out.append(f"| {pages:,} | {s['lang']} | {s['queries']} | {s['truth']:,} | "
                       f"{s['found']:,} | {recall:.1%} | {precision:.1%} | "
                       f"{', '.join(s['missed']) or 'none'} |")
    failures = [(r.pages, name, t.failed) for r in results for name, t in
                (("check", r.check), ("guides build", r.build), ("plain build", r.plain))
                if t.failed and not t.failed.startswith("not run")]
    if all(r.check.failed.startswith("not run (--site") for r in results):
        out = out[3:]  # only the search table: no corpus was built here
    out += [""] + [f"- {pages:,} pages, {name} failed: `{text[-300:]}`"
                   for pages, name, text in failures]
    for r in results:
        shown = ", ".join(f"{k} {v:,}" for k, v in sorted(r.findings.items()))
        out.append(f"- {r.pages:,} pages, `guides check` findings: {shown or 'none'}")
    return "\n".join(out)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               "CPU unknown")
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout \
        if Path(CHROMIUM).exists() else ""
    git = ["git", "-C", str(ROOT)]
    commit = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip() or "unknown"
    changed = subprocess.run([*git, "status", "--porcelain", "--", "guides", "overrides",
                              "mkdocs.yml"], capture_output=True, text=True).stdout.split()[1::2]
    return (f"{os.cpu_count()} cores ({cpu}), Python {sys.version.split()[0]}, "
            f"{chromium.strip() or 'no Chromium'}; code at commit {commit}"
            + (f" with uncommitted changes to {', '.join(changed)}" if changed else ""))


def write_section(body: str) -> None:
    start, end = "<!-- scale:start -->", "<!-- scale:end -->"
    text = BENCHMARKS.read_text(encoding="utf-8")
    if start not in text:
        text = text.rstrip("\n") + f"\n\n## Scale\n\n{start}\n{end}\n"
    head, rest = text.split(start, 1)
    BENCHMARKS.write_text(f"{head}{start}\n{body.strip()}\n{end}{rest.split(end, 1)[1]}",
                          encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,1000,3000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--time-cap", type=float, default=240.0,
                        help="no further runs of a measurement once its runs took this long")
    parser.add_argument("--no-browser", dest="browser", action="store_false")
    parser.add_argument("--no-plain", dest="plain", action="store_false",
                        help="skip the plain mkdocs build (hours at 10,000 pages)")
    parser.add_argument("--smoke", action="store_true",
                        help="100 pages, 1 run, no browser (search still answers the "
                             "regression queries, under Node)")
    parser.add_argument("--every-query", action="store_true",
                        help="at the largest size, time every regression query in Chromium")
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    parser.add_argument("--pause", type=int, default=0,
                        help="with --site: milliseconds between the tap on search and typing")
    parser.add_argument("--site", type=Path,
                        help="only time search in Chromium on this site, already built by "
                             "`guides build` from `scripts/corpus.py` (--sizes: its one size)")
    args = parser.parse_args()
    if args.smoke:
        args.sizes, args.repeat, args.browser = "100", 1, False
    sizes = args.sizes_list = [int(s) for s in args.sizes.split(",")]
    load = os.getloadavg()[0]
    if args.site:  # a site built once, searched again when the machine is quiet
        skipped = Timing(failed="not run (--site)")
        results = [Result(sizes[0], 0, skipped, skipped, skipped,
                          search=measure_search(args.site, args.repeat, args.every_query,
                                                args.pause))]
    else:
        with tempfile.TemporaryDirectory(prefix="shouwang-scale-") as tmp:
            results = [measure_size(n, args, Path(tmp)) for n in sizes]
    argv = " ".join(sys.argv[1:])
    body = (f"Command: `.venv/bin/python scripts/scale_benchmark.py {argv}` (corpus: "
            f"`scripts/corpus.py --seed {args.seed}`). Date: {date.today()}. "
            f"Machine: {machine()}; load average (1 min) {load:.1f} at the start, "
            f"{os.getloadavg()[0]:.1f} at the end.\n\n{METHOD}\n\n{tables(results)}")
    print(body)
    if args.write:
        write_section(body)
    # recall below RECALL in a language fails the run: every page holding the query as typed
    # must be among the leading pages (an English word as typed, "guides", ranks above
    # other forms of its stem, "guide": search-worker.js)
    broken = any(t.failed and not args.site for r in results for t in (r.check, r.build)) or any(
        "failed" in s or s["hits"] < RECALL * s["truth"] for r in results for s in r.recall)
    sys.exit(1 if broken else 0)


METHOD = """\
Wall-clock seconds, best of the runs shown (search: the median); RSS: the largest max RSS
of those runs (`wait4`).
`guides build` checks, then builds all three languages (every guide gets a page in each
language: a "not available" page where it lacks one). The plain build is `mkdocs build` of the
same files with the same theme, extensions, custom_dir and search plugin but no shouwang
plugin: one build, every language file its own page, MkDocs' automatic navigation listing
every page. Search: the site served by `scripts/serve_static.py` (pre-compressed files:
the `.br` copies to Chromium since light4, the `.gz` before); "on opening search" = gzip
size of the stub `search/search_index.json` and `search-worker.js` (what a client without
Brotli gets); "sent before first result" = everything the server sent from the tap on
search to the first result (stub, worker, page list, the query's shards, the first pages'
sections). Chromium (phone viewport, service worker blocked, 4× CPU throttling) opens the
home page, taps `label[for=__search]`, inserts the query, presses End; times run from that
key press (and from the tap) to the first `.md-search-result__item`. CDP's throttling slowed
a busy loop on the page 4–6× but one in a dedicated worker only 1–2× (measured once on this
machine). Regression queries: `scripts/search_queries.py` (Chinese words inside sentences,
dialect words, English), asked of the real worker under Node; a page "holds" a query when
its rendered guide text contains every word of it (an English word: where a word starts;
the kinds' list pages, left out of search, are left out here too). The worker shows at most
20 pages, those holding the whole query (or a synonym of a word) first: "pages holding
them" counts at most 20 a query, "found" the leading pages it says hold the whole query, and
recall is how many of the first counted are among the second. With `--no-plain` the plain
MkDocs build is not run (its ratio column then reads nan). KB = 1,000 bytes."""


if __name__ == "__main__":
    main()
