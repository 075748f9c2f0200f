#!/usr/bin/env python3
"""How often search puts the right guide in the first three results, per language, for the
residents' questions of tests/search_questions.yml: on the real site, and on the real site
inside a city-sized one (3,000 pages).

    .venv/bin/python scripts/search_quality.py                 # real site and 3,000 pages
    .venv/bin/python scripts/search_quality.py --pages 0       # the real site only
    .venv/bin/python scripts/search_quality.py --write         # update BENCHMARKS.md
    .venv/bin/python scripts/search_quality.py --site site --ask 发烧打什么电话 [--lang zh]
                    # one question's first results on a site already built (guides build)

The questions are asked of the real search worker under Node (tests/search_query.js), on a
site `guides build` made. At scale, the project of scripts/corpus.py (pages whose sentences
are sampled from the real guides, so thousands of pages share the guides' words) is made,
the repository's content/ is copied over it (the real guides, hotlines and synonyms), and
the questions must still find the real guides among all the others. A benchmark, not a
test: tests/test_search_questions.py asserts the rate on the real site.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import corpus

ROOT = corpus.ROOT
sys.path.insert(0, str(ROOT / "tests"))
import questions  # noqa: E402  (tests/questions.py: the set, and asking the worker)

BIN = ROOT / ".venv" / "bin"
BENCHMARKS = ROOT / "BENCHMARKS.md"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
TARGET = 0.95
START, END = "<!-- search-quality:start -->", "<!-- search-quality:end -->"


def scale_project(tmp: Path, pages: int, seed: int, copies: bool = True) -> Path:
    """The corpus, less as many files as the real content has, with content/ over it."""
    project = tmp / f"scale-{pages}"
    project.mkdir()
    real = sorted((ROOT / "content").glob("*/*.md"))
    corpus.generate(project, max(pages - len(real), 10), seed, copies)
    content = project / "content"
    for source in sorted((ROOT / "content").iterdir()):
        if not source.is_dir():
            continue
        target = content / source.name
        if source.name == "_data":  # the real hotlines and synonyms, files added over
            shutil.copytree(source, target, dirs_exist_ok=True)
            continue
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(source, target)
    return project


def build(project: Path, site: Path) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([str(BIN / "guides"), "build", "-d", str(site)], cwd=project,
                          env=ENV, capture_output=True, text=True)
    if done.returncode != 0:
        output = (done.stdout + done.stderr)[-2000:]
        raise SystemExit(f"guides build failed in {project}:\n{output}")
    files = len(list((project / "content").glob("*/*.md")))
    return time.perf_counter() - start, f"{files:,} Markdown files"


def measure(site: Path, sources: dict[str, str] | None = None
            ) -> tuple[dict[str, tuple[int, int]], list[str], dict[str, tuple[int, int]]]:
    """Rates and misses counting a station's copy of the right guide as the right guide
    (`sources`: copy's folder -> its guide), and the rates of the real guides alone."""
    asked = [q for qs in questions.load().values() for q in qs]
    outcomes = questions.answer(site, asked)
    strict = questions.rates(outcomes)
    if sources:
        outcomes = [questions.as_sources(o, sources) for o in outcomes]
    return questions.rates(outcomes), questions.misses(outcomes), strict


def show(site: Path, lang: str, asked: list[str]) -> int:
    """Print each question's first pages (folder and title), best first."""
    if not (site / "search" / "search_index.json").is_file():
        print(f"{site}: 没有找到生成好的网站，先运行 guides build。"
              f" / No built site here: run guides build first.")
        return 2
    answers = questions.ask(site / questions.LANG_ROOT[lang], *asked)
    for question in asked:
        print(question)
        for n, group in enumerate(answers[question][:5], 1):
            title = re.sub(r"<[^>]*>", "", group[0]["title"])
            print(f"  {n}. {questions.folder_of(group[0]['location'])}  {title}")
        if not answers[question]:
            print("  （没有结果 / no results）")
    return 0


def table(rows: list[tuple[str, dict[str, tuple[int, int]], dict[str, tuple[int, int]]]]
          ) -> str:
    out = ["| site | language | questions | right guide (or a station's copy) in top 3 | "
           "rate | ≥95 % | the real guide itself in top 3 |",
           "|---|---|--:|--:|--:|:-:|--:|"]
    for name, found, strict in rows:
        for lang, (hits, total) in found.items():
            rate = hits / total
            own = strict.get(lang, (hits, total))[0]
            out.append(f"| {name} | {lang} | {total} | {hits} | {rate:.1%} | "
                       f"{'✅' if rate >= TARGET else '❌'} | {own} ({own / total:.1%}) |")
    return "\n".join(out)


def commit() -> str:
    git = ["git", "-C", str(ROOT)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True).stdout.strip() or "unknown"
    dirty = subprocess.run([*git, "status", "--porcelain", "--", "guides", "overrides",
                            "content", "tests/search_questions.yml"],
                           capture_output=True, text=True).stdout.strip()
    return head + (" with uncommitted changes" if dirty else "")


def write_section(body: str) -> None:
    text = BENCHMARKS.read_text(encoding="utf-8")
    if START not in text:
        text = text.rstrip("\n") + f"\n\n## Search quality\n\n{START}\n{END}\n"
    head, rest = text.split(START, 1)
    BENCHMARKS.write_text(f"{head}{START}\n{body.strip()}\n{END}{rest.split(END, 1)[1]}",
                          encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=3000,
                        help="size of the city-sized site (0: the real site only)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", choices=["copies", "mixed"], default="copies",
                        help="synthetic pages: stations' copies of the real guides (default) "
                             "or pages mixing all the guides' sentences")
    parser.add_argument("--keep", type=Path, help="keep the city-sized project and site in "
                        "this folder, and reuse them when they are there (the worker and the "
                        "questions may change; the content must not)")
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    parser.add_argument("--site", type=Path, help="a site `guides build` made (with --ask)")
    parser.add_argument("--ask", nargs="+", help="questions to show the first results of")
    parser.add_argument("--lang", default="zh", choices=list(questions.LANG_ROOT))
    args = parser.parse_args()
    if args.ask:
        sys.exit(show(args.site or ROOT / "site", args.lang, args.ask))
    load = os.getloadavg()[0]
    rows, notes, missed = [], [], []
    copies = args.corpus == "copies"
    with tempfile.TemporaryDirectory(prefix="shouwang-quality-") as tmp:
        projects = [("real site", ROOT, Path(tmp) / "site-0")]  # built as it stands
        if args.pages:
            name = f"{args.pages:,} pages" + (", stations' copies" if copies else ", mixed")
            keep = args.keep.resolve() if args.keep else None
            if keep and (keep / "site" / "search").is_dir():
                projects.append((name, keep / f"scale-{args.pages}", keep / "site"))
            else:
                if keep:
                    keep.mkdir(parents=True, exist_ok=True)
                project = scale_project(keep or Path(tmp), args.pages, args.seed, copies)
                projects.append((name, project, (keep or Path(tmp)) / "site"))
        for name, project, site in projects:
            built = site.parent / "built-seconds.txt"  # a kept site's build time
            if site.is_dir():
                files = len(list((project / "content").glob("*/*.md")))
                seconds = float(built.read_text()) if built.is_file() else float("nan")
                files = f"{files:,} Markdown files, kept from an earlier run"
            else:
                print(f"[{name}] guides build", flush=True)
                seconds, files = build(project, site)
                if args.keep and project != ROOT:
                    built.write_text(f"{seconds:.0f}\n")
            print(f"[{name}] asking the questions", flush=True)
            sources_file = project / "corpus-sources.json"
            sources = json.loads(sources_file.read_text(encoding="utf-8")) \
                if project != ROOT and sources_file.is_file() else None
            found, misses, strict = measure(site, sources)
            rows.append((name, found, strict))
            notes.append(f"{name}: {files}, built in {seconds:.0f} s")
            missed.append((name, misses))
            if not args.keep or project == ROOT:
                shutil.rmtree(site, ignore_errors=True)
            if project != ROOT and not args.keep:
                shutil.rmtree(project, ignore_errors=True)
    argv = " ".join(sys.argv[1:])
    body = [f"Command: `.venv/bin/python scripts/search_quality.py {argv}`. Date: "
            f"{date.today()}; code at commit {commit()}; load average (1 min) {load:.1f} at "
            f"the start, {os.getloadavg()[0]:.1f} at the end ({'; '.join(notes)}).",
            "", METHOD, "", table(rows)]
    for name, misses in missed:
        body += ["", f"Misses, {name} ({len(misses)}):", ""]
        body += [f"- {line}" for line in misses] or ["- none"]
    text = "\n".join(body)
    print(text)
    if args.write:
        write_section(text)
    real = rows[0][1]  # the exit status: the real site's rates
    sys.exit(0 if all(h / t >= TARGET for h, t in real.values()) else 1)


METHOD = """\
The questions of `tests/search_questions.yml` (residents, many elderly, volunteers and NGO
staff, as they would type them on a phone: questions, fragments, everyday typos, colloquial
and dialect words), each with the guide that answers it; asked of the real worker
(`overrides/assets/javascripts/search-worker.js`) under Node by `tests/search_query.js` on a
site `guides build` made. A hit: that guide among the first three pages listed. At scale
(`--corpus copies`, the default): the city of issue 13, every station publishing its own
copies of the guides. `scripts/corpus.py --copies` makes each synthetic page a station's
copy of one published real guide (its kind, title, summary and headings, its own sentences
drawn at most once each, in the guide's languages) and records which
(`corpus-sources.json`); the repository's `content/` is copied over it. A station's copy of
the right guide counts as the right guide (the reader got that guide); the last column
counts only the real guide's own page. With ~80-160 copies of each guide a language, the
worker shows each guide once (s-fold: the build finds a guide's copies by their text,
guides/search_families.py, and the worker folds them into their best copy, wherever they
are in the list), so a hit needs the right guide among the first three guides, as on the
real site. `--corpus mixed` is the earlier measure (pages mixing sentences of all guides,
no page but the real one counting)."""


if __name__ == "__main__":
    main()
