"""The header's and menu's icons drawn by the stylesheet (issue 17, light3).

Material writes each icon of the page's chrome (logo, menu, search, back, clear) as inline
SVG path data: about 0.3 KB of every page's compressed HTML, the same on every page. Here
each such icon keeps its `<svg>` element and size (so Material's rules still place it) but
loses its path to a rule in the language's stylesheet, which is cached for good: the
icon is the element's colour (`currentcolor`, as Material's `fill`) seen through a mask of
the same path. Icons inside the article (the page's own content) are left alone.

MkDocs-free: plain text work on the finished pages, like guides/lighten.py.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

ICON = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
                  r'<path d="(?P<d>[-0-9a-zA-Z .,]+)"/></svg>')
CONTENT = '<div class="md-content"'  # the article starts here; icons before it are chrome


def name(path: str) -> str:
    """The class of the icon drawn by `path` (the same on every page and in every build)."""
    return "sw-i-" + hashlib.sha256(path.encode("ascii")).hexdigest()[:8]


def replace(html: str, found: dict[str, str]) -> str:
    """`html` with its chrome's icons left to the stylesheet; `found` collects each icon's
    class and path."""
    end = html.find(CONTENT)
    if end < 0:
        return html

    def swap(match: re.Match[str]) -> str:
        cls = name(match.group("d"))
        found[cls] = match.group("d")
        return f'<svg class="{cls}" viewBox="0 0 24 24"></svg>'

    return ICON.sub(swap, html[:end]) + html[end:]


def stylesheet(found: dict[str, str]) -> str:
    """One rule per icon: its colour through a mask of its path (data: images are allowed
    by the pages' policy, img-src 'self' data:)."""
    rules = []
    for cls, path in sorted(found.items()):
        svg = (f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'>"
               f"<path d='{path}'/></svg>")
        url = 'url("data:image/svg+xml,' + quote(svg, safe=" /:='.,-") + '")'
        rules.append(f".{cls}{{background-color:currentcolor;"
                     f"-webkit-mask:{url} center/100% 100% no-repeat;"
                     f"mask:{url} center/100% 100% no-repeat}}")
    return "".join(rules)
