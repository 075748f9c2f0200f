"""The published guides of a built site, read back from their HTML: what the long image,
the poster (and the article) are made of. Reading the built page, not the Markdown, means
a share output says exactly what the page says: hotlines inserted, numbers checked,
content cleaned, the page's language and its own UI strings.

Pages ask to be shared with `<meta name="shouwang:share">` (written for every published
guide, sw-head.html). No MkDocs here, no browser.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

SHARE_META = re.compile(r'<meta name="shouwang:share" content="([^"]+)">')
META = re.compile(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">')
LANG = re.compile(r'<html[^>]* lang="([^"]+)"')
TAG = re.compile(r"<[^>]+>")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}
# What the share outputs take from a page, by the class its templates give it.
PARTS = ("sw-body", "sw-context", "sw-stale", "sw-hotlines", "sw-qr", "sw-print", "sw-meta")


@dataclass
class Hotline:
    number: str
    name: str
    note: str = ""


@dataclass
class SharedPage:
    """One published guide in one language, as its built page shows it."""

    page: Path  # …/testing-guide/index.html
    share_dir: Path  # …/testing-guide/share/
    url: str  # the live address (og:url)
    title: str
    site_name: str
    summary: str
    lang: str  # the page's BCP 47 tag (zh-Hans, wuu-Hans, en)
    body: str = ""  # the guide's content (cleaned HTML), without its <h1>
    notes: list[str] = field(default_factory=list)  # the time-and-place and stale notes
    hotlines: list[Hotline] = field(default_factory=list)
    qr_svg: str = ""
    scan: str = ""  # "扫码看最新版本："
    meta_line: str = ""  # "第 2 版 · 2026-12-01 更新 · 2027-05-31 前复核"

    @property
    def folder(self) -> Path:
        return self.page.parent


class _Parts(HTMLParser):
    """The outer HTML of the first element with each wanted class, sliced from the source
    (so what is kept is byte for byte what the build wrote)."""

    def __init__(self, source: str, wanted: tuple[str, ...]) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.wanted = set(wanted)
        self.lines = [0]
        for line in source.splitlines(keepends=True):
            self.lines.append(self.lines[-1] + len(line))
        self.stack: list[tuple[str, str | None, int]] = []  # tag, class wanted, start
        self.found: dict[str, str] = {}

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs) -> None:
        classes = (dict(attrs).get("class") or "").split()
        hit = next((c for c in classes if c in self.wanted and c not in self.found), None)
        if tag in VOID:
            if hit:
                self.found[hit] = self.get_starttag_text() or ""
            return
        self.stack.append((tag, hit, self._offset()))

    def handle_endtag(self, tag: str) -> None:
        if not any(open_tag == tag for open_tag, _, _ in self.stack):
            return  # a stray end tag
        end = self._offset() + len(f"</{tag}>")
        while self.stack:
            open_tag, hit, start = self.stack.pop()
            if hit and hit not in self.found:
                self.found[hit] = self.source[start:end]
            if open_tag == tag:
                break


def parts(source: str, wanted: tuple[str, ...] = PARTS) -> dict[str, str]:
    parser = _Parts(source, wanted)
    parser.feed(source)
    parser.close()
    return parser.found


def inner(element: str) -> str:
    """The content of an element's outer HTML."""
    return element[element.find(">") + 1: element.rfind("<")] if element else ""


def text(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub(" ", fragment)).split())


def _hotlines(section: str) -> list[Hotline]:
    found = []
    for item in re.findall(r"<li>(.*?)</li>", section, re.S):
        number = re.search(r'class="sw-hotline__number">(.*?)</span>', item, re.S)
        name = re.search(r'class="sw-hotline__name">(.*?)</span>', item, re.S)
        if not number:
            continue
        label = name.group(1) if name else ""
        note = re.search(r"<small>(.*?)</small>", label, re.S)
        found.append(Hotline(text(number.group(1)),
                             text(re.sub(r"<small>.*?</small>", "", label, flags=re.S)),
                             text(note.group(1)) if note else ""))
    return found


def read_page(page: Path, share_folder: str = "share/") -> SharedPage:
    source = page.read_text(encoding="utf-8")
    meta = {key: html.unescape(value) for key, value in reversed(META.findall(source))}
    lang = LANG.search(source)
    found = parts(source)
    body = inner(found.get("sw-body", ""))
    body = re.sub(r"<h1[ >].*?</h1>", "", body, count=1, flags=re.S)
    printed = found.get("sw-print", "")
    scan = re.search(r"<p>(.*?)<br>", printed, re.S)
    return SharedPage(
        page=page, share_dir=page.parent / share_folder, url=meta.get("og:url", ""),
        title=meta.get("og:title", ""), site_name=meta.get("og:site_name", ""),
        summary=meta.get("og:description", ""), lang=lang.group(1) if lang else "zh-Hans",
        body=body.strip(),
        notes=[found[name] for name in ("sw-stale", "sw-context") if name in found],
        hotlines=_hotlines(found.get("sw-hotlines", "")),
        qr_svg=inner(found.get("sw-qr", "")).strip(),
        scan=text(scan.group(1)) if scan else "",
        meta_line=text(found.get("sw-meta", "")))


def shared_pages(site_dir: Path) -> list[SharedPage]:
    """Every page of the built site (all languages) that asks to be shared, in path order."""
    found = []
    for page in sorted(Path(site_dir).rglob("index.html")):
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        match = SHARE_META.search(head)
        if match and match.group(1) == "share/":  # the agreed folder, nothing else
            found.append(read_page(page, match.group(1)))
    return found
