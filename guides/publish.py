"""Publishing without ever serving a half-written site.

    DIR/releases/<time>-<hash>/   complete releases (the last KEEP are kept)
    DIR/releases/.staging-*/      a release being built: never served, cleaned up later
    DIR/current -> releases/...   what the web server serves (a symlink)

A release is built into a staging folder, its HTML is checked (every internal link and
anchor resolves), a manifest of its files is written last, and only then is the folder
renamed into place and `current` switched by an atomic rename of a new symlink over the
old one. Killed at any moment, `current` still points to a complete release. Nothing
here knows about MkDocs: the caller passes a function that builds into a folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from guides.linkcheck import check_site

KEEP = 5
MANIFEST = "release.json"


class PublishError(Exception):
    """Publishing stopped; the live site was not touched."""


def _tree_hash(root: Path) -> tuple[str, dict[str, str]]:
    files = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            files[path.relative_to(root).as_posix()] = hashlib.sha256(
                path.read_bytes()).hexdigest()
    digest = hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()
    return digest, files


def releases(target: Path) -> list[Path]:
    """Complete releases, oldest first (names start with their UTC time)."""
    folder = Path(target) / "releases"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.is_dir() and not p.name.startswith(".") and (p / MANIFEST).is_file())


def current(target: Path) -> Path | None:
    link = Path(target) / "current"
    return link.resolve() if link.is_symlink() else None


def is_complete(release: Path) -> bool:
    """Every file the release's manifest lists is there, byte for byte."""
    try:
        manifest = json.loads((release / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    for rel, digest in manifest["files"].items():
        path = release / rel
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            return False
    return True


def switch(target: Path, release: Path) -> None:
    """Point `current` at `release` in one step (rename is atomic on POSIX)."""
    target = Path(target)
    temporary = target / f".current-{os.getpid()}"
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    os.symlink(os.path.relpath(release, target), temporary)
    os.replace(temporary, target / "current")
    _fsync_dir(target)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _locked(target: Path):
    """One publish or rollback at a time per target folder."""
    target.mkdir(parents=True, exist_ok=True)
    with open(target / ".lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise PublishError(f"{target}：另一个发布正在进行 (another publish is running)") from None
        yield


def publish(target: Path, build: Callable[[Path], None], now: dt.datetime | None = None,
            keep: int = KEEP) -> Path:
    """Build with `build(folder)`, check, and make it the current release."""
    target = Path(target)
    with _locked(target):
        return _publish(target, build, now, keep)


def _publish(target: Path, build: Callable[[Path], None], now: dt.datetime | None,
             keep: int) -> Path:
    folder = target / "releases"
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob(".staging-*"):  # left by a publish that was killed
        shutil.rmtree(stale, ignore_errors=True)
    staging = folder / f".staging-{os.getpid()}"
    build(staging)
    problems = check_site(staging)
    if problems:
        shutil.rmtree(staging, ignore_errors=True)
        raise PublishError("\n".join(problems))
    digest, files = _tree_hash(staging)
    (staging / MANIFEST).write_text(json.dumps({"hash": digest, "files": files}, indent=1),
                                    encoding="utf-8")
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%S.%fZ")
    release = folder / f"{stamp}-{digest[:10]}"
    if release.exists():  # the same sources published twice in one microsecond
        shutil.rmtree(staging)
    else:
        os.replace(staging, release)
        _fsync_dir(folder)
    switch(target, release)
    _prune(target, keep)
    return release


def rollback(target: Path) -> Path:
    """Make the release before the current one current again."""
    with _locked(Path(target)):
        return _rollback(Path(target))


def _rollback(target: Path) -> Path:
    live = current(target)
    complete = [r for r in releases(target) if r.resolve() != live]
    older = [r for r in complete if live is None or r.name < live.name]
    if not older:
        raise PublishError("没有更早的版本可以回退 (no earlier release to roll back to)")
    switch(target, older[-1])
    return older[-1]


def _prune(target: Path, keep: int) -> None:
    live = current(target)
    for old in releases(target)[:-keep]:
        if old.resolve() != live:
            shutil.rmtree(old, ignore_errors=True)
