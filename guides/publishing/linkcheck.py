"""Check a built site before it goes live: every internal link, image and anchor resolves.

Reads the HTML files themselves (what readers will get), not the Markdown: links made by
templates, the language row, navigation and generated pages are all checked too.
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRS = {("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"),
              ("source", "src"), ("audio", "src")}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for key in ("id", "name"):
            if values.get(key) and (key == "id" or tag == "a"):
                self.ids.add(values[key])
        for name, value in attrs:
            if (tag, name) in LINK_ATTRS and value:
                if tag == "link" and "stylesheet" not in (values.get("rel") or "") and \
                        values.get("rel") not in ("icon", "manifest", "apple-touch-icon"):
                    continue  # alternates and canonical are absolute, by design
                self.links.append(value)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    return page


def check_site(site_dir: Path) -> list[str]:
    """Problems as 'page: link (why)'; empty when every internal link resolves."""
    site_dir = Path(site_dir)
    pages = {p.relative_to(site_dir).as_posix(): p for p in site_dir.rglob("*.html")}
    parsed: dict[str, _Page] = {}

    def page(rel: str) -> _Page:
        if rel not in parsed:
            parsed[rel] = _parse(pages[rel])
        return parsed[rel]

    problems = []
    for rel in sorted(pages):
        if rel == "404.html" or rel.endswith("/404.html"):
            continue  # served at any depth: its links are written for the site root
        for link in page(rel).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue
            anchor = unquote(parts.fragment)
            if not parts.path:
                if anchor and anchor not in page(rel).ids and not anchor.startswith("__"):
                    problems.append(f"{rel}: {link} (no such anchor)")
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel),
                                                       unquote(parts.path)))
            if target.startswith(".."):
                problems.append(f"{rel}: {link} (outside the site)")
                continue
            if parts.path.endswith("/") or (site_dir / target).is_dir():
                target = posixpath.join(target, "index.html") if target != "." else "index.html"
            if not (site_dir / target).is_file():
                problems.append(f"{rel}: {link} (missing)")
            elif anchor and target in pages and anchor not in page(target).ids:
                problems.append(f"{rel}: {link} (no such anchor)")
    return problems
