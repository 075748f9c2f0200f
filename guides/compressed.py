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


def compressed(data: bytes) -> dict[str, bytes]:
    """The precompressed copies of `data` by suffix, deterministic: gzip level 9 with no
    name and no time stamp, Brotli at BROTLI_QUALITY. The same input gives the same bytes."""
    return {".gz": gzip.compress(data, compresslevel=9, mtime=0),
            ".br": brotli.compress(data, quality=BROTLI_QUALITY)}


def write_compressed(path: Path, data: bytes, copies: dict[str, bytes] | None = None) -> None:
    """Write `path`'s copies (`compressed(data)` unless given) beside it, each one whole:
    a server never sends half of one."""
    for suffix, body in (copies or compressed(data)).items():
        target = Path(f"{path}{suffix}")
        partial = target.with_name(f".{target.name}.partial")
        partial.write_bytes(body)
        os.replace(partial, target)


def compress_tree(site_dir: Path, skip: tuple[str, ...] = ()) -> int:
    """Write the precompressed copies beside every text file (for servers that serve them,
    e.g. nginx's brotli_static and gzip_static); `skip` names sub-folders that another pass
    handles. Returns the count of files. Each distinct content is compressed once (each
    language has its own copy of the theme's files), on every core: Brotli's best quality
    is slow, and it releases the GIL."""
    texts: dict[bytes, list[Path]] = {}
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if any(rel.startswith(s) for s in skip) or not path.is_file():
            continue
        if path.suffix in COMPRESSIBLE:
            data = path.read_bytes()
            texts.setdefault(hashlib.sha256(data).digest(), []).append(path)

    def compress(paths: list[Path]) -> None:
        data = paths[0].read_bytes()
        copies = compressed(data)
        for path in paths:
            write_compressed(path, data, copies)

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(compress, texts.values()))
    return sum(len(paths) for paths in texts.values())
