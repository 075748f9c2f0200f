#!/usr/bin/env python3
"""Pagefind on a built site, judged by the regression queries of scripts/search_queries.py:
index build time and bundle size per language, then, in Chromium with the phone profile and
4x CPU throttling, what the first search downloads, how long it takes and what it finds.

    .venv/bin/python scripts/pagefind_eval.py --site SITE --work COPY [--repeat 3] \
        [--pagefind "/tmp/pfv/bin/python -m pagefind"] [--unlabel] [--report REPORT.md]
    .venv/bin/python scripts/pagefind_eval.py compare LABEL=REPORT.json ...   # one table

SITE is never touched: it is copied to COPY (unless COPY exists), and only COPY gets the
`data-pagefind-body` marks (on the `sw-body` div of each page search may show, as a template
would add them), one `pagefind/` bundle per language folder, `.gz` copies of its text files
and a harness page. Pagefind must be installed apart (`pip install "pagefind[extended]"` in
its own virtualenv): it is not a project dependency. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from search_queries import LANG_ROOT, ground_truth, pages, queries

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
TAGS = {"zh": "zh-Hans", "wuu": "wuu-Hans", "en": "en"}  # <html lang> of the site's pages
FORCE = {"zh": "zh", "wuu": "zh", "en": None}  # Pagefind cannot segment `wuu-Hans` itself
SEARCH_BYTES, SEARCH_MS = 100_000, 300  # issue 7's targets; KB = 1,000 bytes
MODES = {"worker": {}, "main thread": {"noWorker": True}}
UI_FILES = {"Default UI": ("pagefind-ui.js", "pagefind-ui.css"),
            "Component UI": ("pagefind-component-ui.js", "pagefind-component-ui.css"),
            "Modular UI": ("pagefind-modular-ui.js", "pagefind-modular-ui.css")}
CORE_FILES = ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json")
TASK_LABEL = re.compile(r'<label class="sw-task">(.*?)</label>', re.S)

HARNESS_JS = """\
// Pagefind measuring harness: nothing loads before the first query, like a lazy search UI.
let pf = null, found = [];
const late = (ms) => new Promise((_, no) => setTimeout(() => no(new Error("timed out")), ms));
window.__first = (query, opts) => Promise.race([first(query, opts), late(60000)]);
const first = async (query, opts) => {
  const t0 = performance.now();
  if (!pf) {
    pf = await import("./pagefind/pagefind.js");
    await pf.options(opts);
    await pf.init();
  }
  const t1 = performance.now();
  const search = await pf.search(query);
  const top = search.results.length ? await search.results[0].data() : null;
  const t2 = performance.now();
  found = search.results;
  return {total: t2 - t0, search: t2 - t1, count: search.results.length,
          first: top && top.url, title: top && top.meta && top.meta.title};
};
window.__urls = async () => {
  const urls = [];
  for (let i = 0; i < found.length; i += 50) {
    const batch = await Promise.all(found.slice(i, i + 50).map((r) => r.data()));
    urls.push(...batch.map((d) => d.url));
  }
  return urls;
};
"""


def harness_html(lang: str, csp: str = "") -> str:
    """The harness page: LANG's `<html lang>`, an optional CSP `<meta>`, the harness script."""
    return (f'<!doctype html>\n<html lang="{TAGS[lang]}">\n<head>\n<meta charset="utf-8">{csp}\n'
            '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
            '<title>Pagefind harness</title>\n<script src="pagefind-harness.js"></script>\n'
            '</head>\n<body><p>Pagefind harness</p></body>\n</html>\n')


def copy_site(site: Path, work: Path) -> None:
    """Copy SITE to WORK once (WORK must not be SITE)."""
    if site.resolve() == work.resolve():
        sys.exit("--work must be a copy, not the site itself")
    if not work.exists():
        print(f"copying {site} to {work}", flush=True)
        shutil.copytree(site, work, symlinks=True)


def lang_files(work: Path, lang: str) -> list[Path]:
    """LANG's HTML files under WORK (the zh root holds wuu/ and en/: left out)."""
    root = work / LANG_ROOT[lang]
    others = tuple(p for code, p in LANG_ROOT.items() if code != lang and p)
    return [p for p in sorted(root.rglob("*.html"))
            if not p.relative_to(root).as_posix().startswith((*others, "pagefind"))]


def mark_pages(work: Path, lang: str, unlabel: bool) -> int:
    """Put `data-pagefind-body` on the body div of each page search may show; count them.
    With UNLABEL, checklist items' `<label class="sw-task">` become `<span>`s: Pagefind
    drops everything inside `<label>` (and `<form>`, `<nav>`, `<footer>`) from its index."""
    searchable = set(pages(str(work), lang))
    marked = 0
    for path in lang_files(work, lang):
        url = "/" + path.relative_to(work).as_posix().removesuffix("index.html")
        text = new = path.read_text(encoding="utf-8", errors="replace")
        if url in searchable and "data-pagefind-body" not in new:
            new = new.replace('<div class="sw-body', '<div data-pagefind-body class="sw-body', 1)
        if unlabel:
            new = TASK_LABEL.sub(r'<span class="sw-task">\1</span>', new)
        if new != text:
            path.write_text(new, encoding="utf-8")
        marked += "data-pagefind-body" in new
    return marked


def stage(work: Path, lang: str, tmp: Path) -> Path:
    """A folder of hard links to LANG's HTML files only, for Pagefind to walk."""
    out = tmp / f"stage-{lang}"
    shutil.rmtree(out, ignore_errors=True)
    root = work / LANG_ROOT[lang]
    for path in lang_files(work, lang):
        target = out / path.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(path, target)
    return out


def build_index(pagefind: str, work: Path, lang: str, tmp: Path, repeat: int,
                force: bool = True) -> dict:
    """Run Pagefind REPEAT times on LANG's pages; median seconds and what it reported."""
    source, bundle = stage(work, lang, tmp), work / LANG_ROOT[lang] / "pagefind"
    cmd = [*shlex.split(pagefind), "--site", str(source), "--output-path", str(bundle)]
    if FORCE[lang] and force:
        cmd += ["--force-language", FORCE[lang]]
    times, output = [], ""
    for _ in range(repeat):
        shutil.rmtree(bundle, ignore_errors=True)
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        output = done.stdout + done.stderr
        if done.returncode:
            sys.exit(f"pagefind failed for {lang}:\n{output}")
    shutil.rmtree(source, ignore_errors=True)
    counts = dict((k, int(v)) for v, k in re.findall(r"Indexed (\d+) (pages|words)", output))
    for path in bundle.iterdir():  # what a server with gzip_static would send
        if path.suffix in (".js", ".css", ".json"):
            path.with_name(path.name + ".gz").write_bytes(
                gzip.compress(path.read_bytes(), 9, mtime=0))
    root = work / LANG_ROOT[lang]
    (root / "pagefind-harness.js").write_text(HARNESS_JS, encoding="utf-8")
    (root / "pagefind-harness.html").write_text(harness_html(lang), encoding="utf-8")
    return {"lang": lang, "command": " ".join(cmd), "seconds": statistics.median(times),
            "runs": len(times), "pages": counts.get("pages", 0), "words": counts.get("words", 0),
            "notes": sorted(set(re.findall(r"^Note: .*$", output, re.M))), **sizes(bundle)}


def gz_size(path: Path) -> int:
    """Bytes a gzip_static server sends for PATH (its `.gz` when there is one)."""
    gz = path.with_name(path.name + ".gz")
    return (gz if gz.exists() else path).stat().st_size if path.exists() else 0


def sizes(bundle: Path) -> dict:
    """Bytes of the bundle: as stored (Pagefind's own files are gzipped already) and parts."""
    files = [p for p in bundle.rglob("*") if p.is_file() and p.suffix != ".gz"]
    index = [p.stat().st_size for p in files if p.suffix == ".pf_index"]
    fragments = [p.stat().st_size for p in files if p.suffix == ".pf_fragment"]
    meta = [p.stat().st_size for p in files if p.suffix == ".pf_meta"]
    wasm = [p.stat().st_size for p in files if p.name.startswith("wasm.")]
    ui = {name: sum(gz_size(bundle / f) for f in names) for name, names in UI_FILES.items()}
    return {"files": len(files), "bytes": sum(gz_size(p) for p in files),
            "raw_bytes": sum(p.stat().st_size for p in files),
            "index_chunks": len(index), "index_bytes": sum(index),
            "index_max": max(index, default=0), "fragments": len(fragments),
            "fragment_bytes": sum(fragments), "meta_bytes": sum(meta), "wasm_bytes": sum(wasm),
            "core_gz": {f: gz_size(bundle / f) for f in CORE_FILES}, "ui_gz": ui}


def measure(work: Path, langs: list[str], repeat: int, modes: list[str]) -> list[dict]:
    """Cold first searches in Chromium (phone, 4x CPU), one new context per run."""
    from page_weight import ARGS, CHROMIUM, PHONE, site_server
    from playwright.sync_api import sync_playwright

    rows: list[dict] = []
    with site_server(str(work)) as (base, _, log), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)

        def run(lang: str, query: str, opts: dict, urls: bool) -> dict:
            context = browser.new_context(service_workers="block", **PHONE)
            page = context.new_page()
            console: list[str] = []
            page.on("console", lambda m: m.type in ("error", "warning")
                    and console.append(m.text))
            page.on("pageerror", lambda e: console.append(str(e)))
            page.goto(f"{base}{LANG_ROOT[lang]}pagefind-harness.html", wait_until="load")
            cdp = context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            mark = len(log)
            try:
                out = page.evaluate("([q, o]) => window.__first(q, o)", [query, opts])
            except Exception as error:  # noqa: BLE001  (reported, not fatal)
                out = {"error": str(error).splitlines()[0]}
            time.sleep(0.3)  # the server logs a response just after sending it
            hits = [(path, n) for path, n, _ in log[mark:] if "/pagefind/" in path]
            out.update(bytes=sum(n for _, n in hits), requests=len(hits),
                       parts=breakdown(hits), paths=[path for path, _ in hits],
                       console=console)
            if urls and "error" not in out:
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
                out["urls"] = page.evaluate("() => window.__urls()")
            context.close()
            return out

        for lang in langs:
            for mode in modes:
                for query in queries(lang):
                    runs = [run(lang, query, {"baseUrl": "/" + LANG_ROOT[lang],
                                              **MODES[mode]}, i == 0) for i in range(repeat)]
                    ok = [r for r in runs if "error" not in r]
                    truth = ground_truth(str(work), lang, query)
                    found = set(runs[0].get("urls", []))
                    hit = len(found & truth)
                    rows.append({
                        "lang": lang, "mode": mode, "query": query, "truth": len(truth),
                        "runs": len(ok), "error": next((r["error"] for r in runs
                                                        if "error" in r), ""),
                        "ms": statistics.median(r["total"] for r in ok) if ok else None,
                        "search_ms": statistics.median(r["search"] for r in ok) if ok else None,
                        "bytes": statistics.median(r["bytes"] for r in ok) if ok else None,
                        "requests": runs[0]["requests"], "paths": runs[0]["paths"],
                        "parts": runs[0]["parts"],
                        "segments": segments(browser, query) if FORCE[lang] else "—",
                        "results": runs[0].get("count"), "first": runs[0].get("first"),
                        "first_ok": runs[0].get("first") in truth,
                        "recall": hit / len(truth) if truth else None,
                        "precision": hit / len(found) if found else None,
                        "missed": sorted(truth - found)[:5], "extra": sorted(found - truth)[:5],
                        "console": sorted({m for r in runs for m in r["console"]})[:5]})
                    r = rows[-1]
                    print(f"{lang} {mode} {query}: {r['results']} results, truth {len(truth)}, "
                          f"{(r['bytes'] or 0) / 1000:.1f} KB, {r['ms'] or 0:.0f} ms "
                          f"{r['error']}", flush=True)
        rows += csp_check(browser, base, work, langs[0], queries(langs[0])[0])
        browser.close()
    return rows


def breakdown(hits: list[tuple[str, int]]) -> dict[str, int]:
    """Bytes sent by kind of Pagefind file."""
    parts = dict.fromkeys(("code", "wasm", "meta", "index", "fragments"), 0)
    for path, n in hits:
        name = path.rsplit("/", 1)[-1]
        kind = ("wasm" if name.startswith("wasm.") else "index" if name.endswith(".pf_index")
                else "fragments" if name.endswith(".pf_fragment") else "code"
                if name.endswith(".js") else "meta")
        parts[kind] += n
    return parts


def segments(browser: Browser, query: str) -> str:
    """QUERY as Chromium's Intl.Segmenter("zh") cuts it into words (Pagefind 1.5 does so
    before looking Chinese queries up)."""
    page = browser.new_page()
    words = page.evaluate("""(q) => [...new Intl.Segmenter("zh", {granularity: "word"})
        .segment(q)].filter((s) => s.isWordLike).map((s) => s.segment)""", query)
    page.close()
    return " / ".join(words)


def csp_check(browser: Browser, base: str, work: Path, lang: str, query: str) -> list[dict]:
    """The first query under the site's own policy (a <meta> in each page), with and
    without 'wasm-unsafe-eval', in a worker and on the main thread (no throttling)."""
    from page_weight import PHONE

    home = (work / LANG_ROOT[lang] / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">', home)
    policy = found.group(0) if found else ""
    variants = {"site policy": policy,
                "site policy + 'wasm-unsafe-eval'": policy.replace(
                    "script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'")}
    rows = []
    for i, (name, tag) in enumerate(variants.items()):
        file = f"pagefind-csp{i}.html"
        (work / LANG_ROOT[lang] / file).write_text(harness_html(lang, tag), encoding="utf-8")
        for mode, opts in MODES.items():
            context = browser.new_context(service_workers="block", **PHONE)
            page = context.new_page()
            console: list[str] = []
            page.on("console", lambda m, seen=console: m.type in ("error", "warning")
                    and seen.append(m.text))
            page.goto(f"{base}{LANG_ROOT[lang]}{file}", wait_until="load")
            try:
                out = page.evaluate("([q, o]) => window.__first(q, o)",
                                    [query, {"baseUrl": "/" + LANG_ROOT[lang], **opts}])
                result = f"{out['count']} results"
            except Exception as error:  # noqa: BLE001
                result = "failed: " + str(error).splitlines()[0][:160]
            rows.append({"csp": name, "mode": mode, "lang": lang, "query": query,
                         "result": result, "console": console[:3]})
            context.close()
    return rows


def pct(x: float | None) -> str:
    """0.953 -> `95%`; None -> `—`."""
    return "—" if x is None else f"{100 * x:.0f}%"


def yes(ok: bool) -> str:
    """✅ or ❌."""
    return "✅" if ok else "❌"


def report(indexes: list[dict], rows: list[dict], head: str) -> str:
    """The Markdown report: bundles, one table per language and mode, the CSP check."""
    out = [head, "", "## Index build and bundle", "",
           "| lang | pages | words | build s (median) | bundle files | bundle KB (gz) | index "
           "chunks | index KB | largest chunk KB | fragments | fragments KB | pf_meta KB | "
           "wasm KB | pagefind.js + worker + entry gz KB |",
           "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for i in indexes:
        core = sum(i["core_gz"].values())
        out.append(f"| {i['lang']} | {i['pages']:,} | {i['words']:,} | {i['seconds']:.1f} | "
                   f"{i['files']:,} | {i['bytes'] / 1000:,.0f} | {i['index_chunks']} | "
                   f"{i['index_bytes'] / 1000:,.0f} | {i['index_max'] / 1000:.1f} | "
                   f"{i['fragments']:,} | {i['fragment_bytes'] / 1000:,.0f} | "
                   f"{i['meta_bytes'] / 1000:.1f} | {i['wasm_bytes'] / 1000:.1f} | "
                   f"{core / 1000:.1f} |")
    if indexes:
        i = indexes[0]
        out += ["", "Core files, gz bytes: " + ", ".join(
            f"`{k}` {v:,}" for k, v in i["core_gz"].items()) + ".", "",
            "UI bundles shipped with Pagefind (gz, JS + CSS; each also needs the core files "
            "and the index): " + ", ".join(f"{k} {v / 1000:.1f} KB" for k, v in
                                           i["ui_gz"].items()) + "."]
        out += [""] + [f"- `{i['command']}` ({i['runs']} runs)" for i in indexes]
    queries_rows = [r for r in rows if "query" in r and "mode" in r and "csp" not in r]
    for lang in dict.fromkeys(r["lang"] for r in queries_rows):
        for mode in dict.fromkeys(r["mode"] for r in queries_rows if r["lang"] == lang):
            out += ["", f"## {lang}: first search, {mode}", "",
                    "| query | Intl.Segmenter | true pages | results | recall | precision | "
                    "1st result true | KB to 1st result | code / wasm / meta / index / "
                    "fragments KB | requests | ≤100 KB | ms to 1st result (median) | "
                    "of which search + data ms | ≤300 ms |",
                    "|---|---|--:|--:|--:|--:|:-:|--:|---|--:|:-:|--:|--:|:-:|"]
            for r in queries_rows:
                if r["lang"] != lang or r["mode"] != mode:
                    continue
                if r["ms"] is None:
                    out.append(f"| {r['query']} | {r['segments']} | {r['truth']} | failed: "
                               f"{r['error']} | | | | | | | | | | |")
                    continue
                out.append(
                    f"| {r['query']} | {r['segments']} | {r['truth']:,} | {r['results']:,} | "
                    f"{pct(r['recall'])} | {pct(r['precision'])} | "
                    f"{yes(r['first_ok']) if r['results'] else '—'} | {r['bytes'] / 1000:.1f} | "
                    f"{' / '.join(f'{v / 1000:.1f}' for v in r['parts'].values())} | "
                    f"{r['requests']} | "
                    f"{yes(r['bytes'] <= SEARCH_BYTES)} | {r['ms']:,.0f} | "
                    f"{r['search_ms']:,.0f} | {yes(r['ms'] <= SEARCH_MS)} |")
    csp = [r for r in rows if "csp" in r]
    if csp:
        out += ["", "## Content-Security-Policy", "", "| policy (`<meta>`) | mode | first "
                "query | console |", "|---|---|---|---|"]
        out += [f"| {r['csp']} | {r['mode']} | {r['query']}: {r['result']} | "
                f"{'; '.join(c[:140] for c in r['console']) or '—'} |" for r in csp]
    return "\n".join(out) + "\n"


def compare(runs: dict[str, Path]) -> str:
    """One table per language from several --report JSON files (LABEL -> path): recall /
    precision, KB and ms to the first result of each run and mode."""
    data = {label: json.loads(path.read_text(encoding="utf-8")) for label, path in runs.items()}
    cols = [(label, mode) for label, d in data.items()
            for mode in dict.fromkeys(r["mode"] for r in d["rows"] if "csp" not in r)]
    rows: dict[tuple[str, str], dict] = {}
    for label, d in data.items():
        for r in d["rows"]:
            if "csp" not in r:
                rows.setdefault((r["lang"], r["query"]), {})[(label, r["mode"])] = r
    names = [f"{label} {mode}" for label, mode in cols]
    out = ["Columns: " + "; ".join(f"**{chr(65 + i)}** = {n}" for i, n in enumerate(names)),
           "", "R / P = recall / precision against the ground truth; KB and ms to the first "
           "result's data (ms: median of the runs)."]
    for lang in dict.fromkeys(lang for lang, _ in rows):
        letters = [chr(65 + i) for i in range(len(cols))]
        out += ["", f"### {lang}", "", "| query | true pages | " + " | ".join(
            f"{c} R / P" for c in letters) + " | " + " | ".join(f"{c} KB" for c in letters)
            + " | " + " | ".join(f"{c} ms" for c in letters) + " |",
            "|---|--:|" + "--:|" * (3 * len(cols))]
        for (code, query), by in rows.items():
            if code != lang:
                continue
            truth = next(iter(by.values()))["truth"]
            cells = [by.get(c) for c in cols]
            rp = [f"{pct(r['recall'])} / {pct(r['precision'])}" if r and r["ms"] is not None
                  else "—" for r in cells]
            kb = [f"{r['bytes'] / 1000:.0f}" if r and r["bytes"] is not None else "—"
                  for r in cells]
            ms = [f"{r['ms']:,.0f}" if r and r["ms"] is not None else "—" for r in cells]
            out.append(f"| {query} | {truth:,} | " + " | ".join(rp + kb + ms) + " |")
    return "\n".join(out) + "\n"


def machine() -> str:
    """Cores, Chromium, Python and commit, for the report's head."""
    chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True,
                              text=True).stdout.strip()
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    return f"{os.cpu_count()} cores, {chromium}, Python {sys.version.split()[0]}, commit {commit}"


def main() -> None:
    """Copy, mark, index, measure, report (or `compare` saved reports)."""
    if sys.argv[1:2] == ["compare"]:  # compare LABEL=REPORT.json ...
        print(compare({a.split("=", 1)[0]: Path(a.split("=", 1)[1]) for a in sys.argv[2:]}))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", required=True, help="the built site (read only)")
    parser.add_argument("--work", required=True, help="its copy, where Pagefind writes")
    parser.add_argument("--pagefind", default="/tmp/pfv/bin/python -m pagefind",
                        help="the Pagefind command (extended build)")
    parser.add_argument("--langs", default="zh,wuu,en")
    parser.add_argument("--modes", default="worker,main thread")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-index", dest="index", action="store_false",
                        help="reuse the bundles already in --work")
    parser.add_argument("--no-force", dest="force", action="store_false",
                        help="no --force-language (Pagefind reads each page's <html lang>)")
    parser.add_argument("--unlabel", action="store_true",
                        help="turn checklist items' <label> into <span> (Pagefind skips labels)")
    parser.add_argument("--report", help="write the Markdown report here (and .json beside)")
    args = parser.parse_args()
    site, work = Path(args.site), Path(args.work)
    langs, modes = args.langs.split(","), args.modes.split(",")
    load = os.getloadavg()[0]
    copy_site(site, work)
    tmp = work.parent
    indexes = []
    saved = work / "pagefind-indexes.json"
    if args.index:
        for lang in langs:
            marked = mark_pages(work, lang, args.unlabel)
            print(f"{lang}: {marked} pages marked; indexing", flush=True)
            indexes.append(build_index(args.pagefind, work, lang, tmp, args.repeat,
                                       args.force))
        saved.write_text(json.dumps(indexes, ensure_ascii=False, indent=1), encoding="utf-8")
    elif saved.exists():
        indexes = json.loads(saved.read_text(encoding="utf-8"))
    version = subprocess.run([*shlex.split(args.pagefind), "--version"],
                             capture_output=True, text=True).stdout.strip()
    rows = measure(work, langs, args.repeat, modes)
    argv = shlex.join(sys.argv[1:])
    head = (f"# Pagefind, measured\n\nCommand: `.venv/bin/python scripts/pagefind_eval.py "
            f"{argv}`. Date: {date.today()}. {version}. Machine: {machine()}. Load average "
            f"(1 min): {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end.")
    text = report(indexes, rows, head)
    print(text)
    if args.report:
        Path(args.report).write_text(text, encoding="utf-8")
        Path(args.report).with_suffix(".json").write_text(json.dumps(
            {"indexes": indexes, "rows": rows}, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
