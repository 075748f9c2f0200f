"""What a release holds and what changed between two: one code path for every target.

A manifest maps each file of a built site (its path relative to the site, `/`-separated)
to the SHA-256 of its bytes. The local target writes it as `release.json` inside the
release folder; the S3 target as `_releases/<name>/manifest.json` in the bucket. Both
decide what to copy or upload with `diff`, in the order of `upload_order`, with the
headers of `headers`, and list what a CDN must forget with `purge_list`.

Order (so that no reader ever gets a page whose assets are not there yet):
content-hashed assets, other assets (images, search files, scripts without a hash),
pages, the service workers, the web manifests, robots.txt and the sitemaps, the feeds.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from guides.compressed import ENCODINGS, PRECOMPRESSED

VERSION = 1

# Files named by their content's hash: the theme's (bundle.<hash>.min.js), ours
# (shouwang.<hash>.js) and the search shards (search/<hash>/...). The same pattern as the
# `immutable` location of deploy/nginx.conf (tests/test_publish_s3.py compares the two).
# light2 (issue 17): and the favicon's copy, assets/images/favicon.<hash>.png
# (guides/lighten.py); only that one: an editor's picture may well be named "x.20221201.png".
HASHED = re.compile(r"(\.[0-9a-f]{8,}(\.min)?\.(css|js)|(^|/)assets/images/favicon\.[0-9a-f]{10}"
                    r"\.png|(^|/)search/[0-9a-f]{10}/.+)$")

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"  # cached, but asked again (a 304 when unchanged) every time

KINDS = ("hashed-asset", "asset", "page", "worker", "web-manifest", "sitemap", "feed")

TYPES = {
    ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8", ".json": "application/json",
    ".webmanifest": "application/manifest+json", ".xml": "application/xml",
    ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8", ".png": "image/png",
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp",
    ".avif": "image/avif", ".ico": "image/x-icon", ".pdf": "application/pdf",
    ".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf", ".mp3": "audio/mpeg",
    ".ogg": "audio/ogg", ".wav": "audio/wav", ".mp4": "video/mp4", ".gz": "application/gzip",
    ".br": "application/x-brotli",
    ".map": "application/json", ".csv": "text/csv; charset=utf-8",
}
FEEDS = ("updates.xml",)  # Atom feeds the build writes (one per language)


@dataclass
class Manifest:
    """The files of one release; `digest` names the whole tree."""

    files: dict[str, str]
    digest: str = ""

    def __post_init__(self) -> None:
        if not self.digest:
            self.digest = hashlib.sha256(
                json.dumps(self.files, sort_keys=True).encode()).hexdigest()

    def to_json(self) -> str:
        return json.dumps({"version": VERSION, "hash": self.digest, "files": self.files},
                          indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | bytes) -> Manifest:
        return cls.from_data(json.loads(text))

    @classmethod
    def from_data(cls, data: dict) -> Manifest:
        files = data["files"]
        if not isinstance(files, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
            raise ValueError("files must map paths to hashes")
        return cls(dict(files), str(data.get("hash") or ""))


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def tree_manifest(root: Path, skip: tuple[str, ...] = ()) -> Manifest:
    """Every file under `root` (but the names in `skip` at its top) with its hash."""
    files = {}
    for path in sorted(Path(root).rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and rel not in skip:
            files[rel] = file_hash(path)
    return Manifest(files)


@dataclass
class Changes:
    """What a new release changes against the live one."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def to_write(self) -> list[str]:
        return self.added + self.changed


def diff(old: dict[str, str], new: dict[str, str], dirty: set[str] | frozenset = frozenset()
         ) -> Changes:
    """`dirty` paths may hold anything (a publish was stopped while writing them): they
    are written again when the new release has them, and removed when it has not."""
    out = Changes()
    for rel in sorted(new):
        if rel not in old:
            out.added.append(rel)
        elif old[rel] != new[rel] or rel in dirty:
            out.changed.append(rel)
        else:
            out.unchanged += 1
    out.removed = sorted((set(old) | (set(dirty) - set(new))) - set(new))
    return out


def base_of(rel: str) -> str:
    """`a/index.html.gz`, `a/index.html.br` → `a/index.html`: the file a precompressed copy
    stands for."""
    suffix = next((s for s in PRECOMPRESSED if rel.endswith(s)), "")
    return rel[:len(rel) - len(suffix)]


def is_copy(rel: str, files: dict[str, str] | None = None) -> bool:
    """Whether `rel` is a precompressed copy of a file of the release (`files`; without
    them, by its suffix alone). A `.gz` an editor uploads, with no file beside it, is not."""
    return rel.endswith(PRECOMPRESSED) and (files is None or base_of(rel) in files)


def kind(rel: str, files: dict[str, str] | None = None) -> str:
    """The kind of a site file; a precompressed copy beside its file is of that file's kind."""
    if is_copy(rel, files):
        rel = base_of(rel)
    name = rel.rsplit("/", 1)[-1]
    if HASHED.search(rel):
        return "hashed-asset"
    if name.endswith(".html"):
        return "page"
    if name == "sw.js":
        return "worker"
    if name.endswith(".webmanifest"):
        return "web-manifest"
    if name in ("sitemap.xml", "robots.txt"):
        return "sitemap"
    if name in FEEDS or name.endswith((".atom", ".rss")):
        return "feed"
    return "asset"


def headers(rel: str, files: dict[str, str] | None = None) -> dict[str, str]:
    """Content-Type, Content-Encoding (for a precompressed copy) and Cache-Control."""
    compressed = is_copy(rel, files)
    name = base_of(rel) if compressed else rel
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""
    out = {"ContentType": TYPES.get(suffix, "application/octet-stream"),
           "CacheControl": IMMUTABLE if kind(rel, files) == "hashed-asset" else REVALIDATE}
    if compressed:
        out["ContentEncoding"] = ENCODINGS[rel[len(name):]]
    if name.endswith(".xml") and kind(rel, files) == "feed":
        out["ContentType"] = "application/atom+xml; charset=utf-8"
    return out


def upload_order(paths: list[str], files: dict[str, str], old: dict[str, str]
                 ) -> list[list[str]]:
    """`paths` in groups to write one after the other (a group may be written at once).
    Within the pages, new pages come before changed ones: a changed page may link to them."""
    groups: dict[tuple[int, int], list[str]] = {}
    for rel in paths:
        rank = KINDS.index(kind(rel, files))
        fresh = 0 if rank == KINDS.index("page") and base_of(rel) not in old else 1
        groups.setdefault((rank, fresh), []).append(rel)
    return [sorted(groups[key]) for key in sorted(groups)]


def url_path(rel: str) -> str:
    """`a/index.html` → `/a/`; `404.html` → `/404.html`."""
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


def purge_list(changes: Changes, files: dict[str, str], release: str, target: str) -> dict:
    """What a CDN must forget: pages whose HTML changed (by their addresses, both `/a/` and
    `/a/index.html`), and the other revalidated files that changed. Hashed assets never
    need purging: a new one has a new name."""
    pages: set[str] = set()
    other: set[str] = set()
    for rel in [*changes.to_write, *changes.removed]:
        base = base_of(rel)
        what = kind(rel, files) if rel in files else kind(base, None)
        if what == "hashed-asset":
            continue
        if base.endswith(".html"):
            pages.add(url_path(base))
            if base.endswith("index.html"):
                pages.add("/" + base)
        else:
            other.add("/" + base)
    return {"release": release, "target": target, "pages": sorted(pages),
            "other": sorted(other)}
