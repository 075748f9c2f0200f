"""Ask the real search worker (overrides/assets/javascripts/search-worker.js) questions
about a built site, under Node (tests/search_query.js), and read the sharded index."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

RUNNER = Path(__file__).with_name("search_query.js")


def ask(lang_dir: Path, *queries: str) -> dict[str, list[list[dict]]]:
    """Query -> result groups (one per page, its sections after it), as Material gets them."""
    node = shutil.which("node")
    assert node, "Node.js is needed (scripts/dev.py installs it)"
    done = subprocess.run([node, str(RUNNER), str(lang_dir), *queries], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return {answer["query"]: answer["items"] for answer in json.loads(done.stdout)}


def found_pages(lang_dir: Path, query: str) -> list[str]:
    """The pages a query finds, best first, as folder names ("home" for the home page)."""
    return [group[0]["location"].split("#")[0].rstrip("/") or "home"
            for group in ask(lang_dir, query)[query]]


def stub(lang_dir: Path) -> dict:
    return json.loads((lang_dir / "search/search_index.json").read_text(encoding="utf-8"))


def indexed(lang_dir: Path) -> list[list]:
    """[location, title, entries] for every page in the language's index (from the page
    list's files and each page's entries)."""
    info = stub(lang_dir)["config"]["shouwang"]
    folder = lang_dir / "search" / info["version"]
    pages: list[list] = []
    for k in range(-(-info["pages"] // info["chunk"])):
        pages += json.loads((folder / f"p/{k}.json").read_text(encoding="utf-8"))
    return [[location, title, len(json.loads((folder / f"d/{i}.json").read_text(
        encoding="utf-8")))] for i, (location, title) in enumerate(pages)]


def answers(lang_dir: Path, *queries: str, offline: bool = False) -> dict[str, dict]:
    """Query -> the worker's whole answer: {items, exact, notice}."""
    node = shutil.which("node")
    assert node, "Node.js is needed (scripts/dev.py installs it)"
    flags = ["--offline"] if offline else []
    done = subprocess.run([node, str(RUNNER), *flags, str(lang_dir), *queries],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return {answer["query"]: answer for answer in json.loads(done.stdout)}
