"""Mixed-release checker: does a reader ever get a page whose assets are missing, or
assets that belong to another release than the page?

A visit fetches a page as a phone does (Accept-Encoding: gzip), then everything the page
loads (stylesheets, scripts, icons, images, the web manifest, the search worker), then
the two files a page's scripts start from with everything *they* list: the service worker
(`sw.js`: its PAGES, ASSETS and DIGESTS) and the search stub (`search/search_index.json`:
its version's digests.json, the digest buckets and every file they name).

Every response is compared, byte for byte (after gunzip), with the releases it could be
from: an index of each release's files by SHA-256 (`ReleaseIndex`, filled from release
folders). A file is judged against the file that named it: a stylesheet against its
page, a search shard against the stub, a page listed by sw.js against that sw.js. Kinds of
problem:

- `missing`: the file did not come (not 200, or the connection failed);
- `unknown`: it came, but its bytes are in no release (a partial or corrupted file);
- `other-release`: its bytes are another release's version of that path, not the one of
  the release(s) the file that named it is from.

Used by scripts/load_benchmark.py (alongside wrk, during 10 publishes and a rollback) and by
tests/test_mixed_release.py (one publish and one rollback, the reader caught in between).
Standard library only: it runs where the server under test runs.
"""

from __future__ import annotations

import gzip
import hashlib
import http.client
import json
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

LANGUAGE_ROOTS = ("en/", "wuu/")  # below the zh root; a page's own sw.js and search live there
LOADED_RELS = {"stylesheet", "icon", "apple-touch-icon", "manifest", "preload", "modulepreload",
               "shortcut"}


# -- which release a file is from ------------------------------------------------------

class ReleaseIndex:
    """path -> SHA-256 of its bytes -> the releases that have those bytes at that path."""

    def __init__(self) -> None:
        self.files: dict[str, dict[str, set[str]]] = {}
        self.names: set[str] = set()
        self.compressed: set[str] = set()  # files with a .gz copy beside them
        self._lock = threading.Lock()

    def add_folder(self, name: str, folder: Path) -> None:
        """Index a built site or a published release folder (the `.gz` copies are the same
        files compressed: responses are gunzipped before they are compared)."""
        folder = Path(folder)
        entries = {}
        compressed = set()
        for path in folder.rglob("*"):
            rel = path.relative_to(folder).as_posix()
            if not path.is_file():
                continue
            if path.name.endswith(".gz"):
                compressed.add(rel[:-3])
            elif not path.name.endswith(".br"):  # Brotli copies: this reader asks for gzip
                entries[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        with self._lock:
            self.compressed |= compressed
            for rel, digest in entries.items():
                self.files.setdefault(rel, {}).setdefault(digest, set()).add(name)
            self.names.add(name)

    def add_releases(self, target: Path) -> None:
        """Index the release folders of a local publish target not indexed yet."""
        folder = Path(target) / "releases"
        if folder.is_dir():
            for release in sorted(folder.iterdir()):
                if (not release.name.startswith(".") and release.name not in self.names
                        and (release / "release.json").is_file()):
                    self.add_folder(release.name, release)

    def releases_of(self, path: str, body: bytes) -> set[str]:
        digest = hashlib.sha256(body).hexdigest()
        with self._lock:
            return set(self.files.get(path, {}).get(digest, set()))


# -- fetching -----------------------------------------------------------------------

class Client:
    """One keep-alive HTTP connection to the server under test. `base` is the site's root
    address (e.g. http://127.0.0.1:8080/ or http://127.0.0.1:8333/bucket/prefix/);
    `index_files`: ask for `P/index.html` for a page `P/`, and `compressed`: ask for
    `F.gz` for these files, as a CDN in front of an S3 bucket does for a phone that accepts
    gzip (the bucket has no index documents and does not choose between the two copies)."""

    def __init__(self, base: str, index_files: bool = False,
                 compressed: set[str] | None = None, timeout: float = 10) -> None:
        parts = urlsplit(base)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.prefix = parts.path if parts.path.endswith("/") else parts.path + "/"
        self.index_files, self.timeout = index_files, timeout
        self.compressed = compressed if compressed is not None else set()
        self.connection: http.client.HTTPConnection | None = None
        self.requests = 0

    def get(self, path: str) -> tuple[int, bytes]:
        """(status, body gunzipped) for a path below the root; status 0 if it failed."""
        if self.index_files and (path == "" or path.endswith("/")):
            path += "index.html"
        if path in self.compressed:
            path += ".gz"
        for attempt in (1, 2):  # a keep-alive connection the server closed: one new try
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port,
                                                             timeout=self.timeout)
            try:
                self.connection.request("GET", self.prefix + path,
                                         headers={"Accept-Encoding": "gzip"})
                response = self.connection.getresponse()
                body = response.read()
                self.requests += 1
                if response.getheader("Content-Encoding", "") == "gzip":
                    body = gzip.decompress(body)
                if response.getheader("Connection", "").lower() == "close":
                    self.close()
                return response.status, body
            except (OSError, http.client.HTTPException, EOFError):
                self.close()
                if attempt == 2:
                    self.requests += 1
                    return 0, b""
        return 0, b""

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


# -- what a file names ------------------------------------------------------------

class _Loaded(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._config = False
        self.config = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and LOADED_RELS & set(a.get("rel", "").lower().split()):
            self.urls.append(a.get("href", ""))
        elif tag in ("script", "img", "source", "audio", "video") and a.get("src"):
            self.urls.append(a["src"])
        if tag in ("img", "source") and a.get("srcset"):
            self.urls += [part.split()[0] for part in a["srcset"].split(",") if part.strip()]
        self._config = tag == "script" and "__config" in a.get("id", "").split() + \
            a.get("class", "").split()

    def handle_data(self, data: str) -> None:
        if self._config:
            self.config += data

    def handle_endtag(self, tag: str) -> None:
        self._config = False


def page_file(path: str) -> str:
    """The file a page address is served from."""
    return path + "index.html" if path == "" or path.endswith("/") else path


def loaded_by_page(page: str, html: str) -> list[str]:
    """Same-site files the page loads, as paths below the site root."""
    parser = _Loaded()
    parser.feed(html)
    urls = list(parser.urls)
    try:
        search = json.loads(parser.config).get("search")
        if isinstance(search, str):  # Material's worker, which the page swaps for ours
            urls.append(re.sub(r"workers/[^/]*$", "search-worker.js", search))
    except ValueError:
        pass
    out = []
    base = "http://site/" + page
    for url in urls:
        if not url or url.startswith(("data:", "#")):
            continue
        resolved = urlsplit(urljoin(base, url))
        if resolved.netloc != "site":
            continue  # another origin: the site never loads one (checked elsewhere)
        out.append(resolved.path.lstrip("/"))
    return list(dict.fromkeys(out))


def root_of(page: str) -> str:
    return next((root for root in LANGUAGE_ROOTS if page.startswith(root)), "")


def listed_by_worker(root: str, text: str) -> list[str]:
    """The files a service worker (sw.js) caches: its PAGES, ASSETS and DIGESTS."""
    out = []
    for name in ("PAGES", "ASSETS", "DIGESTS"):
        found = re.search(rf"^const {name} = (.+?);", text, re.M)
        if found:
            value = json.loads(found.group(1))
            out += [root + page_file(p) for p in value]
    return list(dict.fromkeys(out))


def listed_by_search(root: str, stub: bytes, get: Callable[[str], tuple[int, bytes]]
                     ) -> tuple[list[str], list[tuple[str, str]]]:
    """Files the search worker fetches, from the stub's version on: (files, and pairs of
    (file, the listing that named it) for the nested listings)."""
    try:
        version = json.loads(stub)["config"]["shouwang"]["version"]
    except (ValueError, KeyError, TypeError):
        return [], []
    folder = f"{root}search/{version}/"
    files = [folder + "digests.json"]  # it names every other search file
    return files, [(folder + "digests.json", folder)]


# -- a visit ------------------------------------------------------------------------

@dataclass
class Problem:
    kind: str  # missing | unknown | other-release
    path: str
    named_by: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.kind}: {self.path} (named by {self.named_by or 'the reader'}) {self.detail}"


@dataclass
class Report:
    visits: int = 0
    requests: int = 0
    problems: list[Problem] = field(default_factory=list)
    releases_seen: set[str] = field(default_factory=set)

    def count(self, kind: str) -> int:
        return sum(1 for p in self.problems if p.kind == kind)


class Checker:
    """Visits pages and judges every file against the release of the file that named it.
    `between(step)` is called after each step of a visit ("page", "assets", "worker"): a
    test uses it to switch releases at exactly that moment."""

    def __init__(self, client: Client, index: ReleaseIndex,
                 refresh: Callable[[], None] | None = None) -> None:
        self.client, self.index, self.refresh = client, index, refresh
        self.report = Report()

    def _judge(self, path: str, named_by: str, parents: set[str] | None
               ) -> tuple[set[str], bytes] | None:
        status, body = self.client.get(path)
        if status != 200:
            self.report.problems.append(Problem("missing", path, named_by, f"HTTP {status}"))
            return None
        file = page_file(path)
        found = self.index.releases_of(file, body)
        if not found and self.refresh is not None:  # a release that went live just now
            self.refresh()
            found = self.index.releases_of(file, body)
        if not found:
            self.report.problems.append(Problem("unknown", path, named_by,
                                                f"{len(body)} bytes of no release"))
            return None
        self.report.releases_seen |= found
        if parents is not None and not found & parents:
            self.report.problems.append(Problem(
                "other-release", path, named_by,
                f"from {sorted(found)}, expected one of {sorted(parents)}"))
        return found, body

    def _children(self, paths: Iterable[str], named_by: str, parents: set[str]) -> None:
        for path in paths:
            self._judge(path, named_by, parents)

    def visit(self, page: str, between: Callable[[str], None] | None = None) -> None:
        """One reader: the page, what it loads, then its service worker's and its search's
        files (each judged against the listing that named it)."""
        step = between or (lambda _: None)
        self.report.visits += 1
        judged = self._judge(page, "", None)
        step("page")
        if judged is not None:
            found, body = judged
            self._children(loaded_by_page(page, body.decode("utf-8", "replace")), page, found)
        step("assets")
        root = root_of(page)
        worker = self._judge(root + "sw.js", page, None)
        step("worker")
        if worker is not None:
            found, body = worker
            self._children(listed_by_worker(root, body.decode("utf-8", "replace")),
                           root + "sw.js", found)
        stub = self._judge(root + "search/search_index.json", page, None)
        step("search")
        if stub is not None:
            found, body = stub
            files, listings = listed_by_search(root, body, self.client.get)
            self._children(files, root + "search/search_index.json", found)
            for listing, folder in listings:
                self._listing(listing, folder, found)
        self.report.requests = self.client.requests

    def _listing(self, listing: str, folder: str, parents: set[str]) -> None:
        """A search digests listing: its buckets, then every file a bucket names."""
        judged = self._judge(listing, listing, parents)
        if judged is None:
            return
        found, body = judged
        try:
            count = json.loads(body).get("count", 0)
            mids = json.loads(body).get("mids", [])
        except (ValueError, AttributeError):
            return
        # s-speed: the middle lists digests/m/0.json … (guides/offline.py: a tree)
        for middle in (f"digests/m/{k}.json" for k in range(len(mids) if isinstance(mids, list)
                                                             else 0)):
            self._judge(folder + middle, listing, found)
        # the buckets are digests/0.json … digests/<count - 1>.json (guides/offline.py)
        for bucket in (f"digests/{n}.json" for n in range(count if isinstance(count, int)
                                                           else 0)):
            inner = self._judge(folder + bucket, listing, found)
            if inner is None:
                continue
            try:
                names = list(json.loads(inner[1]))
            except (ValueError, TypeError):
                continue
            self._children((folder + name for name in names), folder + bucket, inner[0])


def run_until(checker: Checker, pages: list[str], stop: threading.Event,
              pause: float = 0.0) -> Report:
    """Visit the pages in turn until `stop` is set (a thread's body during a publish storm)."""
    while not stop.is_set():
        for page in pages:
            if stop.is_set():
                break
            checker.visit(page)
            if pause:
                time.sleep(pause)
    checker.client.close()
    return checker.report
