"""The precompressed copies of a site's text files: `a/index.html.gz` and `a/index.html.br`
beside `a/index.html`, which servers send in its place to clients that accept them (nginx's
gzip_static and brotli_static; the S3 target's CDN rule in HANDBOOK.md).

Brotli (issue 17) takes 0.79-0.87 of gzip's bytes on this site's pages, stylesheets and
search files, and every browser asks for it over HTTPS; gzip stays for the clients that do
not. Both copies are deterministic: the same file gives the same bytes in every build.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".webmanifest")
PRECOMPRESSED = (".gz", ".br")  # the copies' suffixes
ENCODINGS = {".gz": "gzip", ".br": "br"}  # their Content-Encoding
BROTLI_QUALITY = 11  # the smallest; about 1 MB/s a core, so compress_tree uses every core


def is_precompressed(rel: str) -> bool:
    """Whether a site path names a copy written here (by its suffix only)."""
    return rel.endswith(PRECOMPRESSED)


def compressed(data: bytes, brotli_copy: bytes | None = None) -> dict[str, bytes]:
    """The precompressed copies of `data` by suffix, deterministic: gzip level 9 with no
    name and no time stamp, Brotli at BROTLI_QUALITY (or `brotli_copy`, made earlier)."""
    return {".gz": gzip.compress(data, compresslevel=9, mtime=0),
            ".br": brotli_copy or brotli.compress(data, quality=BROTLI_QUALITY)}


def write_compressed(path: Path, data: bytes, copies: dict[str, bytes] | None = None) -> None:
    """Write `path`'s copies (`compressed(data)` unless given) beside it, each one whole:
    a server never sends half of one."""
    for suffix, body in (copies or compressed(data)).items():
        _write_whole(Path(f"{path}{suffix}"), body)


def _write_whole(target: Path, body: bytes) -> None:
    partial = target.with_name(f".{target.name}.partial")
    partial.write_bytes(body)
    os.replace(partial, target)


class BrotliCache:
    """Brotli copies from earlier builds, by the SHA-256 of what they compress. Quality 11
    takes about a second a megabyte on one core (a minute for a 3,000-page site), and a
    rebuild after an edit changes few files. An entry is decompressed and compared before
    it is used, so a damaged cache costs time, never a wrong copy; one that cannot be
    written costs time too. `prune` keeps what this build and the one before it used."""

    MARK = "last-build"  # its modification time: when the last build started
    # in each entry's name: a copy made at another quality or by another encoder version is
    # correct but not what a build without the cache writes, so it is never used (and goes
    # when pruned): the same sources give the same bytes, cache or not
    TAG = f"q{BROTLI_QUALITY}-{brotli.__version__}"

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.started = time.time()

    def _path(self, key: bytes) -> Path:
        return self.folder / key.hex()[:2] / f"{key.hex()}.{self.TAG}.br"

    def get(self, key: bytes, data: bytes) -> bytes | None:
        path = self._path(key)
        try:
            body = path.read_bytes()
            if brotli.decompress(body) != data:
                return None
            os.utime(path)  # used by this build
        except (OSError, brotli.error):
            return None
        return body

    def put(self, key: bytes, body: bytes) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_whole(path, body)
        except OSError:
            pass

    def prune(self) -> None:
        """Delete the entries that neither this build nor the one before it used."""
        mark = self.folder / self.MARK
        try:
            before = min(mark.stat().st_mtime, self.started)
        except OSError:
            before = self.started
        for entry in self.folder.glob("??/*.br"):
            try:
                if entry.stat().st_mtime < before:
                    entry.unlink()
            except OSError:
                pass
        try:
            mark.touch()
            os.utime(mark, (self.started, self.started))
        except OSError:
            pass


def compress_tree(site_dir: Path, skip: tuple[str, ...] = (),
                  cache: Path | None = None) -> int:
    """Write the precompressed copies beside every text file (for servers that serve them,
    e.g. nginx's brotli_static and gzip_static); `skip` names sub-folders that another pass
    handles; `cache`, a folder for BrotliCache. Returns the count of files. Each distinct
    content is compressed once (each language has its own copy of the theme's files), on
    every core: Brotli's best quality is slow, and it releases the GIL."""
    texts: dict[bytes, list[Path]] = {}
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if any(rel.startswith(s) for s in skip) or not path.is_file():
            continue
        if path.suffix in COMPRESSIBLE:
            data = path.read_bytes()
            texts.setdefault(hashlib.sha256(data).digest(), []).append(path)
    store = BrotliCache(cache) if cache is not None else None

    def compress(key: bytes, paths: list[Path]) -> None:
        data = paths[0].read_bytes()
        made = store.get(key, data) if store else None
        copies = compressed(data, made)
        if store and made is None:
            store.put(key, copies[".br"])
        for path in paths:
            write_compressed(path, data, copies)

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(compress, texts.keys(), texts.values()))
    if store:
        store.prune()
    return sum(len(paths) for paths in texts.values())
