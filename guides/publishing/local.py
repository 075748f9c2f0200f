"""Publishing without ever serving a half-written site, and going back (or forward) safely.

    DIR/releases/<time>-<hash>/   complete releases (发布包); old ones are pruned
    DIR/releases/.staging-*/      a release being built: never served, cleaned up
    DIR/current -> releases/...   what the web server serves (a symlink)
    DIR/history.json              the order releases went live in (see below)

A release is built into a staging folder, its HTML is checked (every internal link and
anchor resolves), a manifest of its files is written last, and only then is the folder
renamed into place and `current` switched by an atomic rename of a new symlink over the
old one. Killed at any moment, `current` still points to a complete release.

The history is a line of releases, like a browser's: publishing after a rollback drops
the rolled-back releases from the line, so the next rollback goes to the release before
the live one (not back to the one that was rolled away from). It is written before
`current` changes; `current` stays the one source of what is live.

Errors are `PublishError(code, ...)` with a message code of guides/messages.py, so the
command line says them in the editor's language. Nothing here knows about MkDocs: the
caller passes a function that builds into a folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from guides.publishing.carry import carry, record
from guides.publishing.linkcheck import check_site
from guides.publishing.manifest import tree_manifest

KEEP = 5
MANIFEST = "release.json"
HISTORY = "history.json"
FULL = (errno.ENOSPC, errno.EDQUOT)


class PublishError(Exception):
    """Publishing stopped; the live site was not touched. `code` names the message in
    guides/messages.py, `args` fill it in, `details` are lines printed after it."""

    def __init__(self, code: str, details: list[str] | None = None, **args: object) -> None:
        self.code, self.details, self.values = code, details or [], args
        super().__init__(code)

    def render(self, lang: str = "zh") -> str:
        from guides.messages import render

        message, hint = render(self.code, lang, {k: str(v) for k, v in self.values.items()})
        label = {"zh": "提示：", "en": "hint: "}[lang if lang in ("zh", "en") else "zh"]
        lines = [message, *(f"  {d}" for d in self.details)]
        return "\n".join(lines + ([f"{label}{hint}"] if hint else []))

    def __str__(self) -> str:
        return self.render("zh")


# -- site_url ------------------------------------------------------------------------

EXAMPLE_HOSTS = ("example.org", "example.com", "example.net", "localhost")
EXAMPLE_SUFFIXES = (".example", ".test", ".invalid", ".localhost", ".local")


def is_example_url(url: str) -> bool:
    """True for an address no reader can reach: the example domains (RFC 2606), reserved
    test names, loopback addresses, or no address at all."""
    try:
        host = (urlsplit(url.strip()).hostname or "").rstrip(".").lower()
    except ValueError:
        return True
    if not host or host in ("::1", "0.0.0.0") or host.startswith("127."):
        return True
    return host.endswith(EXAMPLE_SUFFIXES) or any(
        host == name or host.endswith("." + name) for name in EXAMPLE_HOSTS)


# -- releases and what is live -------------------------------------------------------

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
        for rel, digest in manifest["files"].items():
            path = release / rel
            if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
                return False
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False
    return True


def check_current(target: Path) -> None:
    """`current` must be a symlink (or absent): never replace a folder or file someone put
    there, and never fail on it with an internal error."""
    link = Path(target) / "current"
    if link.is_symlink() or not link.exists():
        return
    raise PublishError("publish.current-dir" if link.is_dir() else "publish.current-file",
                       link=link)


@dataclass
class Entry:
    """One release as `guides releases` shows it."""

    path: Path
    live: bool
    previous: bool  # where `guides rollback` goes
    in_line: bool  # False once a later publish replaced it (it was rolled away from)
    files: int


def _line(target: Path, names: list[str]) -> list[str]:
    """The releases in the order they went live, of those still on disk."""
    try:
        data = json.loads((target / HISTORY).read_text(encoding="utf-8"))
        line = [n for n in data["line"] if isinstance(n, str) and n in names]
    except (OSError, ValueError, KeyError, TypeError):
        line = list(names)  # before there was a history: by time
    live = current(target)
    if live is not None and live.name in names and live.name not in line:
        line = [n for n in line if n < live.name] + [live.name]
    return line


def _write_line(target: Path, line: list[str]) -> None:
    temporary = target / f".history-{os.getpid()}.json"
    try:
        with open(temporary, "w", encoding="utf-8") as f:
            json.dump({"line": line}, f, indent=1)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, target / HISTORY)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _previous(line: list[str], live: Path | None) -> str | None:
    if live is None or live.name not in line:
        return line[-1] if line else None
    index = line.index(live.name)
    return line[index - 1] if index > 0 else None


def listing(target: Path) -> list[Entry]:
    """Every release on disk, newest first."""
    target = Path(target)
    found = releases(target)
    line = _line(target, [r.name for r in found])
    live = current(target)
    previous = _previous(line, live)
    out = []
    for release in reversed(found):
        try:
            files = len(json.loads((release / MANIFEST).read_text(encoding="utf-8"))["files"])
        except (OSError, ValueError, KeyError, TypeError):
            files = 0
        out.append(Entry(release, live is not None and release.resolve() == live,
                         release.name == previous, release.name in line, files))
    return out


def release_time(release: Path) -> str:
    """`2026-12-01 22:50:03 UTC` from a release's name."""
    try:
        stamp = dt.datetime.strptime(release.name[:23], "%Y%m%dT%H%M%S.%fZ")
    except ValueError:
        return ""
    return stamp.strftime("%Y-%m-%d %H:%M:%S UTC")


# -- switching -----------------------------------------------------------------------

def switch(target: Path, release: Path) -> None:
    """Point `current` at `release` in one step (rename is atomic on POSIX)."""
    target = Path(target)
    check_current(target)
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
    """One publish, rollback or prune at a time per target folder."""
    try:
        target.mkdir(parents=True, exist_ok=True)
        lock = open(target / ".lock", "w")  # noqa: SIM115 (held for the whole block)
    except OSError as exc:
        raise _os_error(exc, target) from None
    import fcntl  # POSIX only; the command line says so on Windows first

    with lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise PublishError("publish.locked", target=target) from None
        yield


def _os_error(exc: OSError, target: Path) -> PublishError:
    if exc.errno in FULL:
        return PublishError("publish.no-space", target=target)
    reasons = {errno.EACCES: ("没有权限", "permission denied"),
               errno.EPERM: ("没有权限", "permission denied"),
               errno.EROFS: ("磁盘是只读的", "the disk is read-only")}
    zh, en = reasons.get(exc.errno or 0, ("系统错误 " + str(exc.errno), exc.strerror or ""))
    return PublishError("publish.os-error", path=exc.filename or target, reason_zh=zh,
                        reason_en=en)


# -- publish, rollback, prune ----------------------------------------------------------

def publish(target: Path, build: Callable[[Path], None], now: dt.datetime | None = None,
            keep: int = KEEP) -> Path:
    """Build with `build(folder)`, check, and make it the current release."""
    target = Path(target)
    check_current(target)
    with _locked(target):
        check_current(target)
        return _publish(target, build, now, keep)


def _publish(target: Path, build: Callable[[Path], None], now: dt.datetime | None,
             keep: int) -> Path:
    folder = target / "releases"
    staging = folder / f".staging-{os.getpid()}"
    release: Path | None = None
    created = False
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob(".staging-*"):  # left by a publish that was killed
            shutil.rmtree(stale, ignore_errors=True)
        for stale in [*target.glob(".history-*.json"), *target.glob(".current-*")]:
            with contextlib.suppress(OSError):
                stale.unlink()
        build(staging)
        problems = check_site(staging)
        if problems:
            raise PublishError("publish.links", problems, count=len(problems))
        carried = carry(current(target), staging)  # load: readers caught by the switch
        manifest = tree_manifest(staging)  # the S3 target's too: one way to say what changed
        digest = manifest.digest
        (staging / MANIFEST).write_text(manifest.to_json(), encoding="utf-8")
        record(staging, carried)  # load
        stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%S.%fZ")
        release = folder / f"{stamp}-{digest[:10]}"
        if release.exists():  # the same sources published twice in one microsecond
            shutil.rmtree(staging)
        else:
            os.replace(staging, release)
            created = True
            _fsync_dir(folder)
        names = [r.name for r in releases(target)]
        line = _line(target, names)
        live = current(target)
        if live is not None and live.name in line:
            line = line[:line.index(live.name) + 1]
        _write_line(target, [n for n in line if n != release.name] + [release.name])
        switch(target, release)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if created and release is not None and current(target) != release.resolve():
            shutil.rmtree(release, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _os_error(exc, target) from None
        raise
    with contextlib.suppress(OSError):  # the new release is live; pruning can wait
        _prune(target, keep)
    return release


def rollback(target: Path, name: str | None = None) -> Path:
    """Make the release before the live one live again; with `name`, that release (which
    may be a later one: rolling forward)."""
    target = Path(target)
    check_current(target)
    with _locked(target):
        check_current(target)
        try:
            return _rollback(target, name)
        except OSError as exc:
            raise _os_error(exc, target) from None


def _rollback(target: Path, name: str | None) -> Path:
    found = {r.name: r for r in releases(target)}
    line = _line(target, list(found))
    live = current(target)
    if name is None:
        name = _previous(line, live)
        if name is None:
            raise PublishError("publish.no-earlier", target=target)
    name = name.strip().rstrip("/").rsplit("/", 1)[-1]
    chosen = found.get(name)
    if chosen is None:
        raise PublishError("publish.no-release", name=name, target=target)
    if live is not None and chosen.resolve() == live:
        raise PublishError("publish.already-live", name=name, target=target)
    if not is_complete(chosen):
        raise PublishError("publish.incomplete", name=name, target=target)
    if name not in line:  # a release that was rolled away from comes back into the line
        keep_to = line.index(live.name) + 1 if live is not None and live.name in line else None
        line = line[:keep_to] + [name]
        _write_line(target, line)
    carry(live, chosen)  # load: readers of the live release still find its hashed files
    switch(target, chosen)
    return chosen


def prune(target: Path, keep: int = KEEP) -> list[Path]:
    """Delete the oldest releases beyond `keep`; never the live one nor the one a rollback
    would go to."""
    target = Path(target)
    with _locked(target):
        try:
            return _prune(target, keep)
        except OSError as exc:
            raise _os_error(exc, target) from None


def _prune(target: Path, keep: int) -> list[Path]:
    found = releases(target)
    live = current(target)
    line = _line(target, [r.name for r in found])
    protected = {live.name if live else None, _previous(line, live)}
    removed = []
    excess = len(found) - max(keep, 1)
    for old in found:
        if excess <= 0:
            break
        if old.name in protected:
            continue
        shutil.rmtree(old)
        removed.append(old)
        excess -= 1
    if removed:
        _write_line(target, [n for n in line if n not in {r.name for r in removed}])
    return removed
