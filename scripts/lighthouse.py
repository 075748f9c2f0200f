#!/usr/bin/env python3
"""Lighthouse 12.2.3 (mobile, default throttling) on the built site, in each language.

    .venv/bin/python scripts/lighthouse.py [--runs 3] [--site DIR] [--write]

Installs Lighthouse into scripts/.lighthouse/ when it is missing (newer releases need
Node 22), builds and serves the site like scripts/page_weight.py, runs every page --runs
times (interleaved, so slow moments spread over pages) and reports medians. A failed run
is reported and skipped. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

from page_weight import CHROMIUM, ROOT, machine, replace_section, site_server

VERSION = "12.2.3"
HOME = ROOT / "scripts" / ".lighthouse"
CLI = HOME / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
LANGS = {"zh": "", "wuu": "wuu/", "en": "en/"}
PAGES = {"home": "", "resident guide": "testing-guide/", "tip sheet": "volunteer-tips/",
         "NGO manual": "ngo-contingency-plan/"}
CATEGORIES = {"performance": "perf", "accessibility": "a11y", "best-practices": "BP",
              "seo": "SEO"}
METRICS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP",
           "total-blocking-time": "TBT", "cumulative-layout-shift": "CLS"}
TIMEOUT = 300  # seconds for one run


def ensure_lighthouse() -> None:
    """`npm i -E lighthouse@12.2.3` into scripts/.lighthouse/ unless it is there."""
    package = CLI.parent.parent / "package.json"
    if package.exists() and json.loads(package.read_text())["version"] == VERSION:
        return
    HOME.mkdir(parents=True, exist_ok=True)
    print(f"installing lighthouse@{VERSION} into {HOME.relative_to(ROOT)}/", flush=True)
    subprocess.run(["npm", "i", "-E", f"lighthouse@{VERSION}", "--no-audit", "--no-fund",
                    "--loglevel=error"], cwd=HOME, check=True)


def lighthouse(url: str, out: Path) -> dict:
    """One run; returns Lighthouse's JSON report or raises RuntimeError."""
    command = ["node", str(CLI), url, f"--chrome-path={CHROMIUM}",
               f"--chrome-flags={CHROME_FLAGS}", "--form-factor=mobile", "--output=json",
               f"--output-path={out}", "--quiet",
               "--only-categories=performance,accessibility,best-practices,seo"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired as error:
        raise RuntimeError(f"timed out after {TIMEOUT} s") from error
    if done.returncode or not out.exists():
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"exit {done.returncode}: {last}")
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise RuntimeError(report["runtimeError"].get("message", "runtime error"))
    if any(report["categories"][c]["score"] is None for c in CATEGORIES):
        raise RuntimeError("a category has no score")
    return report


def where(audit: dict) -> str:
    """The first few elements or URLs an audit points at."""
    found = []
    for item in (audit.get("details") or {}).get("items", [])[:3]:
        node = item.get("node") or {}
        source = item.get("source") if isinstance(item.get("source"), dict) else {}
        what = (node.get("selector") or item.get("url") or source.get("url")
                or item.get("description") or node.get("snippet"))
        if what:  # the server's port changes every run: keep the path
            found.append(f"`{re.sub(r'^http://127.0.0.1:[0-9]+', '', str(what))[:100]}`")
    return ", ".join(found)


def failing(report: dict, below: set[str]) -> dict[str, tuple[str, str]]:
    """{category/audit id: (one-line reason, where)} for the audits that cost points (weighted,
    below 1) or that Lighthouse shows as failed (below 0.9), in the categories BELOW 100."""
    result = {}
    for name, short in CATEGORIES.items():
        category = report["categories"][name]
        if name not in below or category["score"] == 1:
            continue
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            score = audit["score"]
            if score is None or audit["scoreDisplayMode"] in ("informative", "manual"):
                continue
            if (ref["weight"] > 0 and score < 1) or score < 0.9:
                shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                result[f"{short} `{ref['id']}`"] = (audit["title"] + shown, where(audit))
    return result


def metric(label: str, value: float) -> str:
    if label == "CLS":
        return f"{value:.3f}"
    return f"{value:.0f} ms" if label == "TBT" else f"{value / 1000:.1f} s"


def summarise(name: str, reports: list[dict], errors: list[str],
              runs: int) -> tuple[str, list[str], bool]:
    """A table row, the notes and whether the targets are met, for one page."""
    notes = [f"{name}: run failed: {error}" for error in errors]
    if not reports:
        return f"| {name} | all {runs} runs failed |" + " |" * 9, notes, False
    scores = [statistics.median(r["categories"][c]["score"] for r in reports) * 100
              for c in CATEGORIES]
    cells = [name, *(f"{s:.0f}" for s in scores)]
    for key, label in METRICS.items():
        cells.append(metric(label, statistics.median(r["audits"][key]["numericValue"]
                                                     for r in reports)))
    cells.append(" ".join(f"{r['categories']['performance']['score'] * 100:.0f}"
                          for r in reports))
    cells.append(f"{len(reports)}/{runs}")
    below = {c for c, score in zip(CATEGORIES, scores, strict=True) if round(score) < 100}
    seen: Counter[str] = Counter()
    details: dict[str, tuple[str, str]] = {}
    for report in reports:
        for key, value in failing(report, below).items():
            seen[key] += 1
            details.setdefault(key, value)
    notes[:0] = [f"{name}: {key} in {count}/{len(reports)} runs: {details[key][0]}"
                 + (f" → {details[key][1]}" if details[key][1] else "")
                 for key, count in sorted(seen.items())]
    ok = all(round(s) == 100 for s in scores)  # issue 17: 100 in all four (median of 3)
    return "| " + " | ".join(cells) + " |", notes, ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page (default 3)")
    parser.add_argument("--site", help="a built site folder (default: build one)")
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    parser.add_argument("--langs", default=",".join(LANGS),
                        help="languages to measure, e.g. zh (default: all)")
    args = parser.parse_args()
    langs = {code: LANGS[code] for code in args.langs.split(",")}
    ensure_lighthouse()
    info, targets = machine(), {}  # the commit is the one built below
    load_before = os.getloadavg()[0]
    with site_server(args.site) as (base, folder, _):
        for lang, prefix in langs.items():
            for kind, path in PAGES.items():
                html = (folder / prefix / path / "index.html").read_text(encoding="utf-8")
                missing = '<meta name="robots" content="noindex' in html
                label = f"{lang} {kind}" + (" (not available page)" if missing else "")
                targets[f"{label} `/{prefix}{path}`"] = base + prefix + path
        results: dict[str, list[dict]] = {name: [] for name in targets}
        errors: dict[str, list[str]] = {name: [] for name in targets}
        with tempfile.TemporaryDirectory(prefix="shouwang-lh-") as tmp:
            for run in range(1, args.runs + 1):
                for i, (name, url) in enumerate(targets.items()):
                    out = Path(tmp) / f"{run}-{i}.json"
                    try:
                        results[name].append(lighthouse(url, out))
                        score = results[name][-1]["categories"]["performance"]["score"] * 100
                        print(f"run {run}: {name}: performance {score:.0f}", flush=True)
                    except Exception as error:  # one bad run must not stop the rest
                        errors[name].append(f"run {run}: {error}")
                        print(f"run {run}: {name}: FAILED: {error}", flush=True)
    rows, notes, missed = [], [], []
    for name in targets:
        line, page_notes, ok = summarise(name, results[name], errors[name], args.runs)
        rows.append(line)
        notes += page_notes
        missed += [] if ok else [name]
    errored = sorted({audit_id for reports in results.values() for report in reports
                      for audit_id, audit in report["audits"].items()
                      if audit.get("errorMessage")})
    table = ["| page | perf (median) | a11y | BP | SEO | FCP | LCP | TBT | CLS | perf runs "
             "| ok runs |",
             "|---|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|", *rows]
    only = "" if set(langs) == set(LANGS) else f" --langs {args.langs}"
    parts = [f"Command: `.venv/bin/python scripts/lighthouse.py --write{only}` (Lighthouse "
             f"{VERSION}, mobile, default simulated throttling, {args.runs} runs a page; "
             f"medians). Date: {date.today()}. Machine: {info}; load average (1 min) "
             f"{load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end.",
             "\n".join(table),
             "Targets (100 in all four categories, median of 3) met: "
             + ("all pages." if not missed else "no: " + "; ".join(missed) + ".")]
    if notes:
        parts.append("Audits that cost points, in the categories whose median is below 100 "
                     "(and failed runs):\n\n" + "\n".join(f"- {n}" for n in notes))
    if errored:
        parts.append("Audits that errored (not scored; see TESTING-NOTES): "
                     + ", ".join(f"`{a}`" for a in errored) + ".")
    body = "\n\n".join(parts)
    print("\n" + body)
    if args.write:
        replace_section("lighthouse", body, "Lighthouse")


if __name__ == "__main__":
    main()
