"""Where each content file goes in a language's build. Pure path logic, no MkDocs.

`content/<folder>/<lang>.md` becomes `<folder>/index.html` in that language's site;
the `home` folder becomes the site's root page. Links written to a guide's folder
(`../testing-guide/#do-now`) are pointed at the same language's file, so a translator
never has to touch a link.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.sax.saxutils import escape

from guides.model import (
    ASSET_SUFFIXES,
    DATA_FOLDER,
    HOME_FOLDER,
    KIND_LIST_FOLDERS,
    KINDS,
    LANGUAGES,
)

# The inline-link pattern the checks use, so the build rewrites exactly what they read.
from guides.scan import LINK


def page_language(src_uri: str) -> tuple[str, str] | None:
    """(folder, language) for a guide's language file, else None."""
    parts = src_uri.split("/")
    if len(parts) != 2 or not parts[1].endswith(".md"):
        return None
    folder, language = parts[0], parts[1][:-3]
    if language not in LANGUAGES or folder == DATA_FOLDER:
        return None
    return folder, language


def dest_for(folder: str) -> str:
    return "index.html" if folder == HOME_FOLDER else f"{folder}/index.html"


def is_published_asset(src_uri: str) -> bool:
    """A file from content/ that readers get: images, audio and PDFs in guide folders.
    Never the data folder, and never another kind of file (an uploaded page or script
    would run at the site's own address, even in the preview where errors do not stop)."""
    return not src_uri.startswith(f"{DATA_FOLDER}/") and \
        posixpath.splitext(src_uri)[1].lower() in ASSET_SUFFIXES


def rewrite_folder_links(markdown: str, folder: str, language: str, folders: set[str]) -> str:
    """`[x](../other-guide/#a)` -> `[x](../other-guide/<language>.md#a)` for known folders."""

    def replace(match: re.Match[str]) -> str:
        url = match.group(3).strip("<>")
        parts = urlsplit(url)
        if match.group(1) or parts.scheme or parts.netloc or not parts.path \
                or parts.path.endswith(".md") or parts.path.startswith("/"):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
        target = HOME_FOLDER if target == "." else target
        if target not in folders:
            return match.group(0)
        new = posixpath.relpath(f"{target}/{language}.md", folder)
        if parts.fragment:
            new += f"#{parts.fragment}"
        start, end = match.span(3)
        offset = match.start(0)
        text = match.group(0)
        return text[: start - offset] + new + text[end - offset:]

    return LINK.sub(replace, markdown)


def page_path(folder: str) -> str:
    """A guide's address inside its language's site: "" for home, "folder/" otherwise."""
    return "" if folder == HOME_FOLDER else f"{folder}/"


def site_path(language: str, folder: str) -> str:
    """A guide's address from the root of the whole site: "en/testing-guide/"."""
    return LANGUAGES[language].root + page_path(folder)


def relative_href(from_language: str, from_folder: str, to_language: str, to_folder: str) -> str:
    """A link that works wherever the site is served (no host, no absolute path)."""
    start = "/" + site_path(from_language, from_folder)
    target = "/" + site_path(to_language, to_folder)
    rel = posixpath.relpath(target, start)
    return "./" if rel == "." else rel + "/"


def absolute_url(site_url: str, language: str, folder: str) -> str:
    return site_url.rstrip("/") + "/" + site_path(language, folder)


def nav_order(entries: list[tuple[str, str, str]]) -> list[str]:
    """Order (folder, kind, title) entries for navigation: home, then by kind, then title."""
    kinds = {kind: i for i, kind in enumerate(KINDS)}

    def key(entry: tuple[str, str, str]) -> tuple[int, int, str]:
        folder, kind, title = entry
        return (0 if folder == HOME_FOLDER else 1, kinds.get(kind, len(kinds)), title)

    return [folder for folder, _, _ in sorted(entries, key=key)]


def sitemap_xml(pages: list[dict[str, object]]) -> str:
    """A sitemap of every language's pages, each with its hreflang alternates.

    `pages`: {"loc": absolute URL, "lastmod": "YYYY-MM-DD" or "", "alternates": [(tag, url)]}
    """
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for page in pages:
        out.append("  <url>")
        out.append(f"    <loc>{escape(str(page['loc']))}</loc>")
        if page.get("lastmod"):
            out.append(f"    <lastmod>{page['lastmod']}</lastmod>")
        for tag, url in page.get("alternates", []):  # type: ignore[union-attr]
            out.append(f'    <xhtml:link rel="alternate" hreflang="{tag}" href="{escape(url)}"/>')
        out.append("  </url>")
    out.append("</urlset>")
    return "\n".join(out) + "\n"


def asset_href(folder: str, name: str) -> str:
    """A file in a guide's folder, as linked from that guide's page (the home page sits at
    the root, one level above its folder)."""
    return f"{folder}/{name}" if folder == HOME_FOLDER else name


# -- names (issue 16): what an editor's folder or old name may be ---------------------------

# Everything the build writes at the root of a language's site (and the language roots
# themselves). tests/test_site.py builds a site and checks every root entry is listed here.
RESERVED_NAMES = frozenset({
    *(spec.root.rstrip("/") for spec in LANGUAGES.values() if spec.root),
    *KIND_LIST_FOLDERS.values(),
    "assets", "search", "updates", "releases", "404.html", "index.html", "sitemap.xml",
    "sitemap.xml.gz", "robots.txt", "manifest.webmanifest", "sw.js", "updates.xml",
    "lite",  # the home page's lite page (guides/outputs/lite.py: P/lite/)
})
# A folder name is a piece of the address: lowercase letters, digits, single hyphens.
FOLDER_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# In a file name: what ends or changes a URL, or hides what the name says.
_UNSAFE_IN_FILE = re.compile(r"[\s#?%\"'<>\\`^{}|&+:;*\x00-\x1f\x7f-\x9f"
                             r"\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def slug(name: str) -> str:
    """A folder name made of what can stay: `Testing Guide` -> `testing-guide`."""
    name = unicodedata.normalize("NFKC", name).lower()
    return "-".join(part for part in re.split(r"[^a-z0-9]+", name) if part)


def name_problem(name: str, folder: bool) -> tuple[str, str]:
    """("", "") for a usable name, else (problem, suggested name). Problems: `chars` (a
    folder with anything but a-z, 0-9 and single hyphens; a file with characters that
    break links), `reserved` (a name the build writes)."""
    if folder:
        if name in RESERVED_NAMES:
            return "reserved", ""
        return ("", "") if FOLDER_NAME.match(name) else ("chars", slug(name))
    if _UNSAFE_IN_FILE.search(name) or name.startswith("-"):
        stem, dot, suffix = name.rpartition(".")
        fixed = _UNSAFE_IN_FILE.sub("-", stem if dot else name).strip("-")
        fixed = re.sub("-+", "-", fixed)
        return "chars", (f"{fixed}.{suffix.lower()}" if dot and fixed else fixed)
    return "", ""


def inside(site_dir: str | Path, rel: str) -> Path:
    """`site_dir/rel`, refused (ValueError) unless it resolves inside `site_dir`: no build
    step writes anywhere else, whatever a name in content says."""
    root = Path(site_dir).resolve()
    if not rel or rel.startswith(("/", "\\")) or "\\" in rel or "\x00" in rel:
        raise ValueError(f"not a path inside the site: {rel!r}")
    target = (root / rel).resolve()
    if target == root or root not in target.parents:
        raise ValueError(f"outside the site folder: {rel!r}")
    return target


def old_names(claims: dict[str, object]) -> dict[str, str]:
    """{old name: guide folder} from each guide's `renamed_from`: only names that could be
    a folder, are not the site's own (nor `home`, whose page is the site's root), and
    exactly one guide claims."""
    owners: dict[str, set[str]] = {}
    for folder, names in claims.items():
        for name in names if isinstance(names, list) else []:
            if isinstance(name, str) and FOLDER_NAME.match(name) \
                    and name not in RESERVED_NAMES and name != HOME_FOLDER:
                owners.setdefault(name, set()).add(folder)
    return {name: next(iter(folders)) for name, folders in owners.items()
            if len(folders) == 1}
