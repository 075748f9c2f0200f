"""The drawer's page list in one shared file per language (issue 17, light3).

Material writes the whole menu (every guide of the language) into every page: about 1.2 KB
of each page's compressed HTML, sent again with every guide a reader opens, for a menu most
readers never open. Here the list leaves the pages for one file named by its content,
`assets/javascripts/nav.<lang>.<hash>.js`, cached for good and installed by the service
worker (so the menu works offline). Our script (shouwang.js) puts the list back when the
reader first touches the page or opens the menu, and at once where the sidebar shows
(wide screens).

Each page keeps, in Material's own markup, the first item (the home page, which lists every
guide: the menu still leads somewhere without JavaScript) and its own item with its table
of contents; the list's tag names the shared file (`data-sw-nav`). A file, not an HTML
fragment: only names ending in .css/.js are cached for good by deploy/nginx.conf and the
S3 publish (`HASHED`). Its links are relative to the language's root; the script resolves
them against the file's own address.

Pages whose menu cannot be read as a flat list of relative links (the 404 page's links
are absolute, as it is served at any address) keep their menu as it is.
MkDocs-free: plain text work on the finished pages, like guides/lighten.py.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass

# Material's primary navigation: its list is the first `md-nav__list` after the nav's tag
PRIMARY = re.compile(r'<nav class="md-nav md-nav--primary"[^>]*>.*?'
                     r'(?P<open><ul class="md-nav__list" data-md-scrollfix>)', re.S)
LI = re.compile(r"<li[\s>]|</li>")
ITEM_LINK = re.compile(r'<a href="(?P<href>[^"]*)" class="md-nav__link[" ]')
ACTIVE = "md-nav__item--active"
NAV_NAME = "assets/javascripts/nav.{lang}.js"
CALL = "swNav("  # the function shouwang.js defines before it loads the file


@dataclass
class Menu:
    """One page's primary menu: where its list is, its items and their targets."""

    start: int  # just after the list's opening tag
    end: int  # at the list's closing tag
    items: list[str]  # each top-level <li>…</li>, as written
    targets: list[str]  # each item's page, relative to the language's root ("" = home)
    active: list[bool]


def read_menu(html: str, page: str) -> Menu | None:
    """The menu of `html`, the page at `page` (its path under the language's root, e.g.
    "testing-guide/index.html"); None when there is none or it is not a flat list of
    relative links."""
    found = PRIMARY.search(html)
    if found is None:
        return None
    items, depth, begin, pos = [], 0, -1, found.end()
    for tag in LI.finditer(html, pos):
        between = html[pos:tag.start()]
        if depth == 0 and between.strip():
            if between.lstrip().startswith("</ul>"):
                end = pos + between.index("</ul>")
                break
            return None  # something other than items in the list
        if tag.group() == "</li>":
            depth -= 1
            if depth < 0:
                return None
            if depth == 0:
                items.append(html[begin:tag.end()])
        else:
            if depth == 0:
                begin = tag.start()
            depth += 1
        pos = tag.end()
    else:
        tail = html[pos:]
        if depth or not tail.lstrip().startswith("</ul>"):
            return None
        end = pos + tail.index("</ul>")
    targets, active = [], []
    for item in items:
        link = ITEM_LINK.search(item)
        if link is None or not _relative(link.group("href")):
            return None
        targets.append(_target(page, link.group("href")))
        active.append(ACTIVE in item.split(">", 1)[0])
    if not items:
        return None
    return Menu(found.end(), end, items, targets, active)


def _relative(href: str) -> bool:
    return not re.match(r"^([a-z][a-z0-9+.-]*:|/|#)", href, re.I)


def _target(page: str, href: str) -> str:
    """`href` on the page at `page` as a path under the root: "" for the home page."""
    folder = posixpath.dirname(page)
    path = posixpath.normpath(posixpath.join(folder, href.split("#", 1)[0] or "."))
    return "" if path == "." else path.rstrip("/") + "/"


def shared_list(menus: Iterable[Menu]) -> list[tuple[str, str]] | None:
    """The language's menu as (target, item) pairs, each item as written on a page where it
    is not the current one; None when the pages' menus do not agree (then none is cut)."""
    order: list[str] | None = None
    plain: dict[str, tuple[str, str]] = {}  # target -> (href as written, item)
    for menu in menus:
        if order is None:
            order = menu.targets
        elif menu.targets != order:
            return None
        for target, item, active in zip(menu.targets, menu.items, menu.active, strict=True):
            if not active and target not in plain:
                plain[target] = (ITEM_LINK.search(item).group("href"), item)
    if not order or any(t not in plain for t in order):
        return None
    pairs = []
    for target in order:
        href, item = plain[target]
        pairs.append((target, item.replace(f'<a href="{href}"',
                                           f'<a href="{"../../" + target}"', 1)))
    return pairs


def script(pairs: list[tuple[str, str]]) -> str:
    """The shared file: one call with the list's HTML. Its links are relative to the file
    (assets/javascripts/), so the script resolves them against the file's address."""
    html = "".join(item for _, item in pairs)
    return CALL + json.dumps(html, ensure_ascii=False) + ")\n"


def cut(html: str, menu: Menu, src: str) -> str:
    """The page with only its first item and its own (current) item left in the list, and
    the list naming the shared file `src` (relative to the page)."""
    kept = [item for i, item in enumerate(menu.items) if i == 0 or menu.active[i]]
    opening = html[:menu.start]
    tag = '<ul class="md-nav__list" data-md-scrollfix>'
    opening = opening[:-len(tag)] + f'<ul class="md-nav__list" data-md-scrollfix ' \
        f'data-sw-nav="{src}">'
    return opening + "\n" + "\n".join(kept) + "\n" + html[menu.end:]
