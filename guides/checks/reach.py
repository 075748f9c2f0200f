"""A published guide that nothing on the home page leads to is a warning: residents open
the home page from a QR code or a WeChat message and tap from there; the menu that lists
every guide is folded away on a phone. "Leads to" counts links from pages the home page
links to (the hotline page, a kind's list), in Mandarin, the source of every language.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from guides.checks.context import Context
from guides.model import DEFAULT_LANGUAGE, HOME_FOLDER, Document
from guides.urls import is_local


def check(ctx: Context) -> None:
    guides = ctx.content.guides
    home = guides.get(HOME_FOLDER)
    start = home.source if home else None
    if start is None or not start.readable:
        return  # no home page yet: nothing to lead from
    reached, queue = {HOME_FOLDER}, [start]
    while queue:
        doc = queue.pop()
        for folder in _linked_folders(ctx, doc):
            guide = guides.get(folder)
            if folder in reached or guide is None:
                continue
            reached.add(folder)
            source = guide.source
            if source is not None and source.readable:
                queue.append(source)
    for folder in sorted(guides):
        source = guides[folder].documents.get(DEFAULT_LANGUAGE)
        if folder in reached or source is None or not source.readable:
            continue
        if source.meta.get("status") == "published":
            ctx.warning(source, source.line_of("status"), "home.unreachable", folder=folder,
                        title=str(source.meta.get("title", folder)))


def _linked_folders(ctx: Context, doc: Document) -> set[str]:
    folders = set()
    for link in ctx.scan(doc).links:
        url = link.url.strip()
        if link.image or not url or not is_local(url):
            continue
        path = urlsplit(url).path
        if not path:
            continue
        joined = posixpath.normpath(posixpath.join(doc.folder, unquote(path)))
        folders.add(joined.split("/", 1)[0])
    return folders
