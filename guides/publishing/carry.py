"""Readers caught by a switch: the content-hashed files of the release that was live are
kept in the release that replaces it.

A phone that loaded a page a moment before `current` switched asks for that page's
stylesheet, scripts and search shards a moment after, from the new release. Those files
are named by their content's hash, so the new release, built from new content, may not
have them: without this the reader gets 404s (measured: scripts/load_benchmark.py, search
shards of the old version missing during a publish storm). Their names say what they
hold, so a file of the old release can never be mistaken for one of the new.

What is carried: the old release's own hashed files (not those it carried itself, so
they live one release longer and no more), hard-linked (copied where links fail). A
publish records what it carried in the release's manifest under `carried`; a rollback
links the rolled-away-from release's hashed files into the release it goes back to
without recording them (they are not that release's own, and are never carried on).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from guides.publishing.manifest import HASHED, base_of  # HASHED: nginx.conf's `immutable`

MANIFEST = "release.json"


def own_hashed(release: Path) -> list[str]:
    """The hashed files a release was built with, from its manifest."""
    try:
        manifest = json.loads((release / MANIFEST).read_text(encoding="utf-8"))
        files, carried = manifest["files"], set(manifest.get("carried", []))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return []
    return sorted(f for f in files if isinstance(f, str) and f not in carried
                  and HASHED.search(base_of(f)) and ".." not in f.split("/"))


def carry(old: Path | None, new: Path) -> list[str]:
    """Link `old`'s own hashed files that `new` lacks into `new`; the paths linked."""
    if old is None or not old.is_dir():
        return []
    linked = []
    for rel in own_hashed(old):
        source, destination = old / rel, new / rel
        if destination.exists() or destination.is_symlink() or not source.is_file():
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, destination)
        except OSError:
            shutil.copy2(source, destination)
        linked.append(rel)
    return linked


def record(release: Path, carried: list[str]) -> None:
    """Note in the release's manifest which of its files were carried, not built."""
    path = release / MANIFEST
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["carried"] = sorted(carried)
    path.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
