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


def scale_project(tmp: Path, pages: int, seed: int) -> Path:
    """The corpus, less as many files as the real content has, with content/ over it."""
    project = tmp / f"scale-{pages}"
    project.mkdir()
    real = sorted((ROOT / "content").glob("*/*.md"))
    corpus.generate(project, max(pages - len(real), 10), seed)
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


def measure(site: Path) -> tuple[dict[str, tuple[int, int]], list[str]]:
    asked = [q for qs in questions.load().values() for q in qs]
    outcomes = questions.answer(site, asked)
    return questions.rates(outcomes), questions.misses(outcomes)


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


def table(rows: list[tuple[str, dict[str, tuple[int, int]]]]) -> str:
    out = ["| site | language | questions | right guide in top 3 | rate | ≥95 % |",
           "|---|---|--:|--:|--:|:-:|"]
    for name, found in rows:
        for lang, (hits, total) in found.items():
            rate = hits / total
            out.append(f"| {name} | {lang} | {total} | {hits} | {rate:.1%} | "
                       f"{'✅' if rate >= TARGET else '❌'} |")
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
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    parser.add_argument("--site", type=Path, help="a site `guides build` made (with --ask)")
    parser.add_argument("--ask", nargs="+", help="questions to show the first results of")
    parser.add_argument("--lang", default="zh", choices=list(questions.LANG_ROOT))
    args = parser.parse_args()
    if args.ask:
        sys.exit(show(args.site or ROOT / "site", args.lang, args.ask))
    load = os.getloadavg()[0]
    rows, notes, missed = [], [], []
    with tempfile.TemporaryDirectory(prefix="shouwang-quality-") as tmp:
        projects = [("real site", ROOT)]  # built as it stands, into the temporary folder
        if args.pages:
            projects.append((f"{args.pages:,} pages",
                             scale_project(Path(tmp), args.pages, args.seed)))
        for name, project in projects:
            print(f"[{name}] guides build", flush=True)
            site = Path(tmp) / f"site-{len(rows)}"
            seconds, files = build(project, site)
            print(f"[{name}] asking the questions", flush=True)
            found, misses = measure(site)
            rows.append((name, found))
            notes.append(f"{name}: {files}, built in {seconds:.0f} s")
            missed.append((name, misses))
            shutil.rmtree(site, ignore_errors=True)
            if project != ROOT:
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
    real = rows[0][1]
    sys.exit(0 if all(h / t >= TARGET for h, t in real.values()) else 1)


METHOD = """\
The questions of `tests/search_questions.yml` (residents, many elderly, volunteers and NGO
staff, as they would type them on a phone: questions, fragments, everyday typos, colloquial
and dialect words), each with the guide that answers it; asked of the real worker
(`overrides/assets/javascripts/search-worker.js`) under Node by `tests/search_query.js` on a
site `guides build` made. A hit: that guide among the first three pages listed. At scale:
the `scripts/corpus.py` project (its sentences sampled from the real guides) with the
repository's `content/` copied over it, so the real guides must be found among thousands of
pages made of their own sentences."""


if __name__ == "__main__":
    main()
