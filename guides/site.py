"""Where each content file goes in a language's build. Pure path logic, no MkDocs.

`content/<folder>/<lang>.md` becomes `<folder>/index.html` in that language's site;
the `home` folder becomes the site's root page. Links written to a guide's folder
(`../testing-guide/#do-now`) are pointed at the same language's file, so a translator
never has to touch a link.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

from guides.model import DATA_FOLDER, HOME_FOLDER, LANGUAGES

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
    return not src_uri.startswith(f"{DATA_FOLDER}/") and not src_uri.endswith(".md")


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
