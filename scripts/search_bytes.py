#!/usr/bin/env python3
"""What a first search downloads at a city's scale, without building the site.

    .venv/bin/python scripts/search_bytes.py [--sizes 3000,10000] [--seed 1]

A `guides build` of 10,000 pages takes long on this machine (and much longer when it is
shared); the bytes a search fetches do not depend on MkDocs' rendering. So this script
writes the corpus of scripts/corpus.py, makes from each published Markdown file the
entries Material's search plugin would write (the page, then one entry per `##` section:
its heading and its text, Markdown markup left in), shards them with
guides/search_shards.py exactly as a build does, gzips every file as the build does, and
asks the real worker (tests/search_query.js, logging what it fetches) the queries of
scripts/scale_benchmark.py and a few residents' questions. Bytes = gzip sizes of the stub,
the worker and every file the query fetched (the first search: nothing cached), split by
kind: the shards, common terms' own files, the first ten pages' files, the page-list files
(pages 11-20) and the traditional-character table. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import corpus
import rjsmin

from guides import offline, search_shards, synonyms

ROOT = corpus.ROOT
WORKER = ROOT / "overrides/assets/javascripts/search-worker.js"
QUERIES = {"zh": ["核酸", "志愿者 防护服", "做核酸前要吃饭吗", "老人不会用手机怎么办", "檢測結果"],
           "en": ["volunteers", "what should I bring to the test"]}


def entries(path: Path, folder: str) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    meta, body = text.split("\n---\n", 1) if text.startswith("---\n") else ("", text)
    if not re.search(r"^status: published$", meta, re.M):
        return []
    title = re.search(r"^title: (.*)$", meta, re.M)
    name = json.loads(title.group(1)) if title and title.group(1).startswith('"') else \
        (title.group(1) if title else folder)
    parts = re.split(r"^## (.*)$", body, flags=re.M)
    docs = [{"location": f"{folder}/", "title": name, "text": parts[0].strip()}]
    for k in range(1, len(parts) - 1, 2):
        docs.append({"location": f"{folder}/#s{k}", "title": parts[k].split("{")[0].strip(),
                     "text": parts[k + 1].strip()})
    return docs


def site_for(project: Path, lang: str, out: Path) -> Path:
    docs: list[dict] = []
    for folder in sorted(p for p in (project / "content").iterdir() if p.name != "_data"):
        if (folder / f"{lang}.md").is_file():
            docs += entries(folder / f"{lang}.md", folder.name)
    (out / "search").mkdir(parents=True)
    index = {"config": {"lang": [lang]}, "docs": docs}
    (out / "search/search_index.json").write_text(json.dumps(index, ensure_ascii=False),
                                                  encoding="utf-8")
    search_shards.write(out, synonyms.load(project / "content"))
    for folder in (out / "search").iterdir():
        if folder.is_dir():
            offline.write_search_digests(folder)  # as the build does for the worker
    for path in list(out.rglob("*.json")):
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes(), 9))
    return out


def fetched(site: Path, query: str) -> list[str]:
    """The files the worker fetched for one query, asked first (nothing cached)."""
    runner = (ROOT / "tests/search_query.js").read_text(encoding="utf-8").replace(
        "  fetch: async (url) => {\n",
        "  fetch: async (url) => {\n    process.stderr.write('GET ' + url + '\\n');\n")
    with tempfile.NamedTemporaryFile("w", suffix=".js", dir=ROOT / "tests",
                                     delete=False) as script:
        script.write(runner)
    try:
        done = subprocess.run(["node", script.name, str(site), query], capture_output=True,
                              text=True, timeout=300)
    finally:
        os.unlink(script.name)
    assert done.returncode == 0, done.stderr
    return [line[4:].split("/search/", 1)[1] for line in done.stderr.splitlines()
            if line.startswith("GET ")]


KINDS = ("shard", "w", "d", "p", "t")  # see guides/search_shards.py


def kind(name: str) -> str:
    """What a fetched file is: `<version>/<k>.json` a shard, else its folder's name."""
    parts = name.split("/")
    return parts[1] if len(parts) > 2 else "shard"


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def digest_bytes(site: Path, files: set[str]) -> int:
    """What the service worker fetches to check `files` (guides/offline.py): the version's
    digests.json, then for each file its bucket of digests and that bucket's middle list
    (each list once)."""
    total, seen = 0, set()
    for name in files:
        version, rest = name.split("/", 1)
        top = json.loads((site / "search" / version / "digests.json").read_text(
            encoding="utf-8"))
        bucket = offline.bucket_of(rest, top["count"])
        for listed in ("digests.json", f"digests/m/{bucket // top['group']}.json",
                       f"digests/{bucket}.json"):
            if f"{version}/{listed}" not in seen:
                seen.add(f"{version}/{listed}")
                total += gz(site / "search" / version / listed)
    return total


def worker_gz() -> int:
    """The worker as the build writes it, minified (guides/search_shards.py)."""
    return len(gzip.compress(rjsmin.jsmin(WORKER.read_text(encoding="utf-8")).encode(), 9))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="3000,10000")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    rows = []
    with tempfile.TemporaryDirectory(prefix="shouwang-search-bytes-") as tmp:
        for pages in (int(s) for s in args.sizes.split(",")):
            project = Path(tmp) / f"corpus-{pages}"
            corpus.generate(project, pages, args.seed)
            for lang, queries in QUERIES.items():
                site = site_for(project, lang, Path(tmp) / f"site-{pages}-{lang}")
                info = json.loads((site / "search/search_index.json").read_text())
                info = info["config"]["shouwang"]
                opened = gz(site / "search/search_index.json") + worker_gz()
                for query in queries:
                    files = set(fetched(site, query))
                    kinds = dict.fromkeys(KINDS, 0)
                    for f in files:
                        kinds[kind(f)] += (site / "search" / f).with_name(
                            Path(f).name + ".gz").stat().st_size
                    sent = opened + sum(kinds.values())
                    lists = sum(1 for f in files if kind(f) == "p")
                    checked = digest_bytes(site, files)
                    rows.append((pages, lang, info["pages"], query, opened, len(files),
                                 kinds, lists, -(-info["pages"] // info["chunk"]), sent,
                                 sent + checked))
            shutil.rmtree(project)
    print(f"Command: `.venv/bin/python scripts/search_bytes.py --sizes {args.sizes}` "
          f"(corpus: `scripts/corpus.py --seed {args.seed}`); load average (1 min) "
          f"{load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end.\n")
    print("| corpus pages | lang | pages in its index | query | stub + worker KB | files "
          "fetched | shards KB | common terms' files KB | first ten pages' files KB | "
          "page-list files (of all) KB | traditional table KB | first search KB | with the "
          "service worker's digests KB | ≤100 KB |")
    print("|--:|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|:-:|")
    for pages, lang, indexed, query, opened, n, kinds, lists, chunks, sent, whole in rows:
        kb = {k: f"{v / 1000:.1f}" for k, v in kinds.items()}
        print(f"| {pages:,} | {lang} | {indexed:,} | {query} | {opened / 1000:.1f} | {n} | "
              f"{kb['shard']} | {kb['w']} | {kb['d']} | {lists} ({chunks}) {kb['p']} | "
              f"{kb['t']} | {sent / 1000:.1f} | {whole / 1000:.1f} | "
              f"{'✅' if whole <= 100_000 else '❌'} |")
    sys.exit(0 if all(r[-1] <= 100_000 for r in rows) else 1)


if __name__ == "__main__":
    main()
