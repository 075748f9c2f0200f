"""`guides share`: every shared page's folder `P/share/`, in order: the images and poster
(w-images' writers, when installed), the article and the broadcast text, then share.json.

A page is shared when the build gave it the Share panel (published guides, not the home
page): the same list for every writer, found in the finished site. Nothing here needs
MkDocs; the command line (guides/cli.py) builds the site first.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guides.compressed import PRECOMPRESSED
from guides.model import DEFAULT_LANGUAGE, LANGUAGES, Document
from guides.outputs.share import article, broadcast, manifest
from guides.outputs.share.htmltree import parse

MARKER = "data-sw-share="  # the panel's attribute (overrides/partials/sw-share.html)
SHARE_DIR = "share"
# w-images' writers (issue 14 items 1 and 4), looked up by name: until they land, or where
# their module cannot be imported, the text outputs are still written. (The share cards,
# item 5, are drawn by every build.)
IMAGE_WRITERS = ("write_images", "write_posters")
IMAGE_MODULES = ("guides.outputs.share", "guides.outputs.share.longimage",
                 "guides.outputs.share.images", "guides.outputs.share.poster",
                 "guides.outputs.share.card")

Progress = Callable[[str, int, int, str], None]


@dataclass(frozen=True)
class SharedPage:
    path: str  # under the site root: "testing-guide/", "en/testing-guide/"
    language: str
    folder: str
    url: str

    def share_dir(self, site_dir: Path) -> Path:
        return site_dir / self.path / SHARE_DIR


@dataclass
class Problem:
    """Something an editor must fix, found only now (the real address is known)."""

    path: str
    line: int
    code: str
    args: dict[str, Any]


@dataclass
class Result:
    pages: list[SharedPage] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # writer -> why it did not run
    failed: bool = False  # a writer that was there failed (not one that is not installed)


def page_language(path: str) -> str:
    for code, spec in LANGUAGES.items():
        if spec.root and path.startswith(spec.root):
            return code
    return DEFAULT_LANGUAGE


def find_pages(site_dir: Path) -> list[SharedPage]:
    """The pages with a Share panel, in a stable order."""
    pages = []
    for html_file in sorted(site_dir.rglob("index.html")):
        text = html_file.read_text(encoding="utf-8", errors="replace")
        if MARKER not in text:
            continue
        canonical = next((e.attrs.get("href") for e in parse(text).iter()
                          if e.tag == "link" and e.attrs.get("rel") == "canonical"), None)
        if not canonical:  # no site_url: nothing a QR code or a message could point to
            continue
        path = html_file.parent.relative_to(site_dir).as_posix() + "/"
        language = page_language(path)
        folder = path.removeprefix(LANGUAGES[language].root).rstrip("/")
        pages.append(SharedPage(path, language, folder, str(canonical)))
    return pages


def _writer(name: str) -> Callable[..., Any] | None:
    for module in IMAGE_MODULES:
        try:
            found = getattr(importlib.import_module(module), name, None)
        except ImportError:
            continue
        if callable(found):
            return found
    return None


def run_image_writers(site_dir: Path, progress: Progress | None, lang: str,
                      result: Result) -> None:
    """Call each of w-images' writers with what its signature asks for; each file it
    makes is told to `progress` as it is written (index and total 0)."""
    def made(kind: str, path: Path | str) -> None:
        if progress:
            progress(kind, 0, 0, Path(path).relative_to(site_dir).as_posix())

    offered = {"progress": made, "lang": lang}
    for name in IMAGE_WRITERS:
        writer = _writer(name)
        if writer is None:
            result.skipped[name] = "not installed"
            continue
        try:
            accepted = inspect.signature(writer).parameters
            kwargs = {k: v for k, v in offered.items() if k in accepted}
            made = writer(site_dir, **kwargs)
        except Exception as exc:  # images need Chromium; the text outputs must not wait
            said = isinstance(exc, RuntimeError)  # w-images' ShareError speaks to editors
            result.skipped[name] = str(exc) if said else f"{type(exc).__name__}: {exc}"
            result.failed = True
            continue
        for item in made or []:
            path = getattr(item, "path", item)
            if isinstance(path, (str, Path)):
                result.written.append(Path(path))


def broadcast_text(page: SharedPage, doc: Document | None, read: article.Page,
                   result: Result) -> str | None:
    """The editor's text with the address, or one made from the first section; None when
    the editor's text does not fit (the problem is recorded for the report)."""
    written = doc.meta.get("broadcast") if doc is not None else None
    if isinstance(written, str) and written.strip():
        over = broadcast.over_by(written, page.url)
        if not over:
            return broadcast.with_address(written, page.url)
        result.problems.append(Problem(doc.rel, doc.line_of("broadcast"), "broadcast.too-long", {
            "over": over, "limit": broadcast.MAX_CHARS, "url": page.url,
            "url_length": broadcast.length(page.url),
            "total": broadcast.length(broadcast.with_address(written, page.url))}))
        return None
    text = broadcast.compose(read.title, broadcast.first_actions(read.body),
                             broadcast.first_hotline(read.body, read.hotlines), page.url,
                             page.language)
    if broadcast.length(text) > broadcast.MAX_CHARS:
        rel = doc.rel if doc is not None else page.path
        result.problems.append(Problem(rel, 1, "share.no-address",
                                       {"url": page.url, "limit": broadcast.MAX_CHARS}))
        return None
    return text


def write_texts(site_dir: Path, page: SharedPage, doc: Document | None,
                result: Result) -> str:
    """The article and the broadcast text; returns the page's title."""
    html = (site_dir / page.path / "index.html").read_text(encoding="utf-8")
    folder = page.share_dir(site_dir)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / manifest.FILES["article"]
    manifest.write_text(target, article.article_html(html, page.language, page.url,
                                                     site_dir / page.path, site_dir))
    result.written.append(target)
    read = article.read_page(html, page.language, page.url)
    text = broadcast_text(page, doc, read, result)
    target = folder / manifest.BROADCAST
    if text is None:
        for stale in (target, *(Path(f"{target}{s}") for s in PRECOMPRESSED)):
            stale.unlink(missing_ok=True)
    else:
        manifest.write_text(target, text + "\n")
        result.written.append(target)
    return read.title


def write_share(site_dir: Path, documents: dict[tuple[str, str], Document],
                progress: Progress | None = None, lang: str = "zh") -> Result:
    """Every shared page's outputs; `documents` maps (folder, language) to the checked
    file, for the editor's `broadcast`."""
    site_dir = Path(site_dir)
    result = Result(pages=find_pages(site_dir))
    if result.pages:
        run_image_writers(site_dir, progress, lang, result)
    total, titles = len(result.pages), {}
    for index, page in enumerate(result.pages, 1):
        if progress:
            progress("text", index, total, page.path)
        titles[page.path] = write_texts(site_dir, page,
                                        documents.get((page.folder, page.language)), result)
    for page in result.pages:  # last: it lists what is there
        result.written.append(manifest.write_manifest(page.share_dir(site_dir), page.url,
                                                      titles[page.path]))
    return result
