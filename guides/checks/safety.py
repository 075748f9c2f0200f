"""Content must not run script or pull anything from another host.

Raw HTML in Markdown, attribute lists (`{: onclick=... }`), link URLs, front matter, SVG
images and PDFs (`guides.filesafety`) are all read; URLs are compared after undoing entity
and white-space tricks, as a browser would read them (`jav&#x61;script:` is `javascript:`).
The build cleans every page as well (`guides.sanitize`); these errors tell the editor what
to fix.
"""

from __future__ import annotations

import html
import re

from guides import filesafety
from guides.checks.context import Context
from guides.model import Document
from guides.urls import is_remote, normalise_url, scheme_of

FORBIDDEN_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base",
                  "link", "meta", "style", "form", "svg", "math", "template", "portal",
                  # a browser reads their content as text up to the closing tag, where
                  # Python's parser sees tags: `<noscript><p title="</noscript><img ...>">`
                  "noscript", "noembed", "noframes", "xmp", "plaintext", "textarea", "title"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset",
             "background", "cite", "ping", "lowsrc", "dynsrc"}
RESOURCE_ATTRS = {"src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc"}
UNSAFE_SCHEMES = {"javascript", "vbscript", "data", "file", "livescript", "mocha"}
# Files a browser runs when opened from the site: published as they are, at the site's
# own address, they could do anything a page can (a warning says other types are unexpected).
ACTIVE_SUFFIXES = (".html", ".htm", ".xhtml", ".xht", ".shtml", ".js", ".mjs", ".xml", ".xsl",
                   ".xslt", ".swf", ".svgz")
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]*)", re.IGNORECASE)
# Front matter that reads as markup: an opening tag (`<img`, `</`, `<!--`), or a quote that
# would end an attribute and start another (`" onmouseover=`, `" http-equiv=`, `'>`). Only
# to tell the editor: the build escapes every value wherever it prints it, so nothing here
# decides what is safe.
MARKUP = re.compile(r"<[a-z/!?]|[\"'`][\s/]*(?:>|(?:[a-z][a-z0-9:_.-]*[\s/]+){0,8}"
                    r"[a-z][a-z0-9:_.-]*\s*=)", re.IGNORECASE)


def check(ctx: Context) -> None:
    for doc in ctx.content.documents():
        if not doc.readable:
            continue
        scan = ctx.scan(doc)
        for link in scan.links:
            scheme = scheme_of(link.url)
            if scheme in UNSAFE_SCHEMES:
                ctx.error(doc, link.line, "html.unsafe-url", url=_short(link.url), scheme=scheme)
            elif link.image and is_remote(link.url):
                ctx.error(doc, link.line, "html.remote-resource", url=_short(link.url))
        for tag in scan.tags:
            if tag.name in FORBIDDEN_TAGS:
                ctx.error(doc, tag.line, "html.forbidden-tag", tag=tag.name)
            _check_attrs(ctx, doc, tag.name, tag.attrs, tag.line)
        for tag in scan.loose_tags:  # `<scr<script>`, or a tag inside an attribute
            if tag.name in FORBIDDEN_TAGS:
                ctx.error(doc, tag.line, "html.forbidden-tag", tag=tag.name)
        for attr_list in scan.attr_lists:
            _check_attrs(ctx, doc, "{: }", attr_list.attrs, attr_list.line)
        _check_front_matter(ctx, doc, "", doc.meta)
    for asset in sorted(ctx.content.assets):
        if filesafety.is_checked(asset):
            _check_file(ctx, asset)
        elif asset.lower().endswith(ACTIVE_SUFFIXES):
            rel = ctx.content.rel(ctx.content.root / asset)
            ctx.error(rel, 1, "file.active", name=asset.rsplit("/", 1)[-1])


def _check_attrs(ctx: Context, doc: Document, tag: str, attrs: list[tuple[str, str]],
                 line: int) -> None:
    for name, value in attrs:
        name = name.lower()
        if name.startswith("on"):
            ctx.error(doc, line, "html.event-attr", attr=name, tag=tag)
            continue
        if name in URL_ATTRS:
            for url in _urls(name, value):
                scheme = scheme_of(url)
                if scheme in UNSAFE_SCHEMES:
                    ctx.error(doc, line, "html.unsafe-url", url=_short(url), scheme=scheme)
                elif name in RESOURCE_ATTRS and is_remote(url):
                    ctx.error(doc, line, "html.remote-resource", url=_short(url))
        if name == "style":
            for url in CSS_URL.findall(html.unescape(value)):
                scheme = scheme_of(url)
                if scheme in UNSAFE_SCHEMES:
                    ctx.error(doc, line, "html.unsafe-url", url=_short(url), scheme=scheme)
                elif is_remote(url):
                    ctx.error(doc, line, "html.remote-resource", url=_short(url))
            if "expression(" in normalise_url(value):
                ctx.error(doc, line, "html.event-attr", attr="style: expression()", tag=tag)


def _check_front_matter(ctx: Context, doc: Document, key: str, value: object) -> None:
    """Titles, summaries and reasons are plain text: markup in them is shown as typed
    (the build escapes it), which is never what the editor meant."""
    if isinstance(value, dict):
        for name, item in value.items():
            _check_front_matter(ctx, doc, key or str(name), item)
    elif isinstance(value, list):
        for item in value:
            _check_front_matter(ctx, doc, key, item)
    elif isinstance(value, str) and looks_like_markup(value):
        ctx.error(doc, doc.line_of(key), "fm.html", field=key, text=_short(value))


def looks_like_markup(text: str) -> bool:
    previous = None
    while previous != text:  # entities may be nested (&amp;lt;)
        previous, text = text, html.unescape(text)
    return bool(MARKUP.search(text))


def _urls(name: str, value: str) -> list[str]:
    if name == "srcset":
        return [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
    return [value]


def _check_file(ctx: Context, asset: str) -> None:
    """SVG images and PDFs: read with a real parser and an allowlist (guides.filesafety);
    the build refuses to copy the same files, so an error here is never published."""
    path = ctx.content.root / asset
    # the snapshot: the bytes the build will publish
    problem = filesafety.check_file(path, ctx.content.data(path))
    if problem is not None:
        ctx.error(ctx.content.rel(path), problem.line, problem.code, **problem.message_args())


def _short(url: str) -> str:
    return url if len(url) <= 60 else url[:57] + "..."
