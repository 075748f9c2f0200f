"""`guides publish --to s3://BUCKET/PREFIX`: the site's files straight under PREFIX/, so a
CDN (or the store's own website hosting) serves them; releases kept beside them to roll
back to. Nothing here knows about MkDocs: the caller passes a function that builds.

A publish, holding the lock (guides/publishing/s3store.py):
1. builds into a temporary folder and checks every link (as the local target does);
2. uploads each new body once to `_releases/objects/<sha256>`, then the manifest;
3. records in state.json which paths it is about to touch (so that a publish stopped
   half-way is repaired by the next one: those paths are written again);
4. copies the changed files into place on the server, in manifest.upload_order: hashed
   assets, other assets, pages, service workers, web manifests, sitemaps, feeds. Old
   assets are never deleted before this, so every page always finds its assets;
5. marks the release live in state.json, then deletes the files that left the site (at
   most `max_deletes` unless forced) and releases beyond `keep`. The hashed files of the
   release it replaced stay until the next publish, for readers still on an old page.
A rollback does steps 3–5 with a kept release: server-side copies, nothing uploaded.

All three variants of a text file are kept: `a/index.html` as it is, `a/index.html.br`
with `Content-Encoding: br` and `a/index.html.gz` with `Content-Encoding: gzip`, both with
the type of `a/index.html`, as nginx's brotli_static and gzip_static read them. The CDN
rule in HANDBOOK.md picks the .br for clients that accept br, else the .gz for those that
accept gzip.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from guides.publishing import manifest as m
from guides.publishing.linkcheck import check_site
from guides.publishing.local import KEEP, PublishError
from guides.publishing.s3store import (
    META,
    Lock,
    Target,
    check_bucket,
    delete_keys,
    list_keys,
    read_json,
    say_errors,
    write_json,
)

MAX_DELETES = 200
WORKERS = 8


@dataclass
class Result:
    """What a publish or rollback did, for the command line and the tests."""

    name: str
    changes: m.Changes
    uploaded: int = 0  # bodies sent over the network
    copied: int = 0  # files put into place on the server
    deleted: list[str] = field(default_factory=list)
    left: int = 0  # files that left the site but were kept (over max_deletes)
    kept: list[str] = field(default_factory=list)  # the replaced release's hashed files
    purge: dict = field(default_factory=dict)
    pruned: list[str] = field(default_factory=list)


def _state(client, target: Target) -> dict:
    data = read_json(client, target, target.meta + "state.json") or {}
    line = [n for n in data.get("line", []) if isinstance(n, str)]
    return {"live": data.get("live") if isinstance(data.get("live"), str) else None,
            "line": line, "dirty": [d for d in data.get("dirty", []) if isinstance(d, str)],
            "pending": data.get("pending"),
            "unfinished": [n for n in data.get("unfinished", []) if isinstance(n, str)]}


def _manifest(client, target: Target, name: str | None) -> m.Manifest:
    if not name:
        return m.Manifest({})
    data = read_json(client, target, f"{target.meta}{name}/manifest.json")
    if data is None:
        raise PublishError("publish.no-release", name=name, target=target)
    try:
        return m.Manifest.from_data(data)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise PublishError("publish.incomplete", name=name, target=target) from None


def _object_key(target: Target, digest: str) -> str:
    return f"{target.meta}objects/{digest}"


def _parallel(work: Callable[[str], None], items: list[str]) -> None:
    if len(items) <= 1:
        for item in items:
            work(item)
        return
    with ThreadPoolExecutor(WORKERS) as pool:
        for _ in pool.map(work, items):
            pass


def _place(client, target: Target, lock: Lock, files: dict[str, str], old: dict[str, str],
           paths: list[str]) -> int:
    """Copy `paths` from the object store into place, group after group."""
    def copy(rel: str) -> None:
        lock.check()
        client.copy_object(Bucket=target.bucket, Key=target.key(rel),
                           CopySource={"Bucket": target.bucket,
                                       "Key": _object_key(target, files[rel])},
                           MetadataDirective="REPLACE", Metadata={"sha256": files[rel]},
                           **m.headers(rel, files))

    with say_errors(client, target):
        for group in m.upload_order(paths, files, old):
            _parallel(copy, group)
    return len(paths)


def _switch(client, target: Target, lock: Lock, state: dict, name: str,
            new: m.Manifest, old: m.Manifest, line: list[str], max_deletes: int | None,
            record: dict | None = None) -> Result:
    """Steps 3–5 of a publish (`record`: the new release's manifest), and all of a rollback."""
    changes = m.diff(old.files, new.files, set(state["dirty"]))
    lock.check()
    write_json(client, target, target.meta + "state.json",
               {**state, "pending": name,
                "unfinished": sorted(set(state["unfinished"]) | ({name} if record else set())),
                "dirty": sorted(set(state["dirty"]) | set(changes.to_write))})
    if record is not None:
        write_json(client, target, f"{target.meta}{name}/manifest.json", record)
    result = Result(name, changes)
    result.copied = _place(client, target, lock, new.files, old.files, changes.to_write)
    result.purge = m.purge_list(changes, new.files, name, str(target))
    write_json(client, target, f"{target.meta}{name}/purge.json", result.purge)
    # Manifests of publishes that were stopped before they were live: never to be listed.
    # They go before state.json forgets them, or a stop between the two would list them.
    stale = [f"{target.meta}{n}/{f}" for n in state["unfinished"] if n != name and n not in line
             for f in ("manifest.json", "purge.json")]
    delete_keys(client, target, stale)
    lock.check()
    write_json(client, target, target.meta + "state.json",
               {"live": name, "line": line, "dirty": [], "pending": None, "unfinished": []})
    # The release is live and whole; only now do files that left the site go. The hashed
    # files of the release just replaced stay one publish longer (as carry.py does for the
    # local target): a phone that loaded an old page a moment ago still asks for its
    # stylesheet and search files (scripts/load_benchmark.py measured 404s without this).
    present = [k[len(target.prefix):] for k in list_keys(client, target, target.prefix)
               if not k.startswith(target.meta)]
    result.kept = sorted(rel for rel in present if rel in old.files and rel not in new.files
                         and m.HASHED.search(m.base_of(rel)))
    gone = [rel for rel in present if rel not in new.files and rel not in result.kept]
    # Backwards: feeds and pages go before the assets a page that is going still uses.
    ordered = [rel for group in reversed(m.upload_order(gone, dict.fromkeys(gone, ""), {}))
               for rel in group]
    cut = ordered if max_deletes is None else ordered[:max_deletes]
    result.left = len(gone) - len(cut)
    for group in reversed(m.upload_order(cut, dict.fromkeys(cut, ""), {})):
        delete_keys(client, target, [target.key(rel) for rel in group])
    result.deleted = cut
    return result


def publish(target: Target, build: Callable[[Path], None], client,
            now: dt.datetime | None = None, keep: int = KEEP,
            max_deletes: int | None = MAX_DELETES) -> Result:
    """Build with `build(folder)`, upload what changed and make it live."""
    check_bucket(client, target)
    with Lock(client, target, "publish") as lock, \
            tempfile.TemporaryDirectory(prefix="guides-s3-") as tmp:
        staging = Path(tmp) / "site"
        build(staging)
        if (staging / META).exists():
            raise PublishError("s3.reserved", name=META.rstrip("/"))
        problems = check_site(staging)
        if problems:
            raise PublishError("publish.links", problems, count=len(problems))
        new = m.tree_manifest(staging)
        stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%S.%fZ")
        name = f"{stamp}-{new.digest[:10]}"
        state = _state(client, target)
        old = _manifest(client, target, state["live"]) if state["live"] else m.Manifest({})
        stored = {k.rsplit("/", 1)[-1] for k in list_keys(client, target,
                                                          target.meta + "objects/")}
        bodies = {new.files[rel]: rel for rel in sorted(new.files)
                  if new.files[rel] not in stored}

        def upload(digest: str) -> None:
            lock.check()
            with open(staging / bodies[digest], "rb") as body:
                client.put_object(Bucket=target.bucket, Key=_object_key(target, digest),
                                  Body=body, Metadata={"sha256": digest},
                                  ContentType="application/octet-stream")

        with say_errors(client, target):
            _parallel(upload, sorted(bodies))
        line = state["line"]
        if state["live"] in line:
            line = line[:line.index(state["live"]) + 1]
        line = [n for n in line if n != name] + [name]
        record = {"version": m.VERSION, "hash": new.digest, "files": new.files,
                  "created": stamp}
        result = _switch(client, target, lock, state, name, new, old, line, max_deletes,
                         record)
        result.uploaded = len(bodies)
        try:  # the new release is live; pruning can wait for the next publish
            result.pruned = _prune(client, target, line, name, keep)
        except PublishError:
            pass
    return result


def rollback(target: Target, client, name: str | None = None) -> Result:
    """Make the release before the live one live again (or `name`, earlier or later)."""
    check_bucket(client, target)
    with Lock(client, target, "rollback") as lock:
        state = _state(client, target)
        names = releases(client, target)
        line = [n for n in state["line"] if n in names]
        live = state["live"]
        if name is None:
            name = _previous(line, live)
            if name is None:
                raise PublishError("publish.no-earlier", target=target)
        name = name.strip().rstrip("/").rsplit("/", 1)[-1]
        if name not in names:
            raise PublishError("publish.no-release", name=name, target=target)
        if name == live and not state["dirty"]:
            raise PublishError("publish.already-live", name=name, target=target)
        chosen = _manifest(client, target, name)
        stored = {k.rsplit("/", 1)[-1] for k in list_keys(client, target,
                                                          target.meta + "objects/")}
        if not set(chosen.files.values()) <= stored:
            raise PublishError("publish.incomplete", name=name, target=target)
        if name not in line:
            keep_to = line.index(live) + 1 if live in line else None
            line = line[:keep_to] + [name]
        old = _manifest(client, target, live) if live else m.Manifest({})
        return _switch(client, target, lock, state, name, chosen, old, line, None)


def _previous(line: list[str], live: str | None) -> str | None:
    if live is None or live not in line:
        return line[-1] if line else None
    index = line.index(live)
    return line[index - 1] if index > 0 else None


def releases(client, target: Target) -> list[str]:
    """Names of the releases whose manifest is in the bucket, oldest first."""
    names = set()
    with say_errors(client, target):
        for page in client.get_paginator("list_objects_v2").paginate(
                Bucket=target.bucket, Prefix=target.meta, Delimiter="/"):
            for common in page.get("CommonPrefixes", []):
                names.add(common["Prefix"][len(target.meta):].rstrip("/"))
    names.discard("objects")
    found = list_keys(client, target, target.meta)
    unfinished = set(_state(client, target)["unfinished"])
    return sorted(n for n in names
                  if f"{target.meta}{n}/manifest.json" in found and n not in unfinished)


@dataclass
class Entry:
    name: str
    live: bool
    previous: bool
    in_line: bool
    files: int


def listing(target: Target, client) -> tuple[list[Entry], dict]:
    """Every release in the bucket, newest first, and the state (for an unfinished publish)."""
    check_bucket(client, target)
    state = _state(client, target)
    names = releases(client, target)
    line = [n for n in state["line"] if n in names]
    previous = _previous(line, state["live"])
    out = []
    for name in reversed(names):
        try:
            files = len(_manifest(client, target, name).files)
        except PublishError:
            files = 0
        out.append(Entry(name, name == state["live"], name == previous, name in line, files))
    return out, state


def _prune(client, target: Target, line: list[str], live: str, keep: int) -> list[str]:
    """Releases beyond `keep` (never the live one nor the one a rollback goes to), then the
    stored bodies no kept release uses."""
    names = releases(client, target)
    protected = {live, _previous(line, live)}
    excess = len(names) - max(keep, 1)
    gone = []
    for name in names:
        if excess <= 0:
            break
        if name not in protected:
            gone.append(name)
            excess -= 1
    kept = [n for n in names if n not in gone]
    used: set[str] = set()
    for name in kept:
        used |= set(_manifest(client, target, name).files.values())
    keys = list_keys(client, target, target.meta)
    doomed = [k for k in keys if any(k.startswith(f"{target.meta}{n}/") for n in gone)]
    doomed += [k for k in keys if k.startswith(target.meta + "objects/")
               and k.rsplit("/", 1)[-1] not in used]
    delete_keys(client, target, doomed)
    if gone:
        write_json(client, target, target.meta + "state.json",
                   {"live": live, "line": [n for n in line if n not in gone], "dirty": [],
                    "pending": None, "unfinished": []})
    return gone


def copy_tree(source: Path) -> Callable[[Path], None]:
    """A build function that takes an already built site (`guides publish --site`)."""
    def build(folder: Path) -> None:
        shutil.copytree(source, folder)
    return build
