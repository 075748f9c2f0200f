"""The last wall before a page is written: what Markdown made of a page is cleaned with an
allowlist, so nothing in it can run script or load from another host, even when the
checks were bypassed (`guides serve` keeps previewing pages with errors, in the editor's
own browser, with no Content-Security-Policy).

The allowlist is what the project's Markdown extensions produce (headings with ids,
tables, admonitions, `details`, task-list checkboxes, code blocks, images, links) and the
plain HTML editors may write; nothing else survives. It is enforced by nh3 (the Rust
library ammonia, which parses as a browser does, so mutation tricks gain nothing).

What nh3 cannot say by itself is done in `_attribute`: images and media from this site
only (no scheme, no host; `srcset` candidate by candidate); no `data-md-*`/`data-sw-*`
(the theme's and the project's scripts read those) and no `__` ids (Material's controls:
`__search`, `__config`, ...), so content cannot pose as the page around it. Only
`text-align` survives in a `style` (the tables extension's; the production policy blocks
inline styles anyway). nh3 cannot drop an element for its attributes: an `<input>` that is
not a checkbox stays, as a disabled, empty box; nor add two forced attributes in a fixed
order (so only `disabled` is forced, and builds stay byte-for-byte the same).

Front matter is shown outside the Markdown, by templates. No heuristic decides what is
safe there: the build's template engine escapes every value it prints (autoescape, see
`guides.plugin`), and values that are HTML already (a page's content, its table of
contents) are marked so with `markupsafe.Markup`. `escaped` hands the templates front
matter as escaped Markup, so a value read outside a template (Material's search index
takes the page title as HTML) is escaped too; `safe_href` keeps a URL only when its scheme
cannot run anything.
"""

from __future__ import annotations

from typing import Any

import nh3
from markupsafe import Markup, escape

from guides.urls import is_local, scheme_of

TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "section",
    "a", "abbr", "b", "strong", "i", "em", "u", "s", "del", "ins", "mark", "small", "sub",
    "sup", "code", "pre", "kbd", "samp", "var", "q", "blockquote", "cite", "dfn", "time",
    "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    "figure", "figcaption", "details", "summary", "label", "input",
    "img", "picture", "audio", "video", "source", "track",
    "ruby", "rt", "rp", "wbr", "bdi", "bdo",
}
# Removed with everything inside them (other unknown tags leave their text behind).
DROPPED_WITH_CONTENT = {
    "script", "style", "template", "iframe", "frame", "frameset", "object", "embed",
    "applet", "noscript", "noembed", "noframes", "xmp", "plaintext", "textarea", "select",
    "title", "svg", "math",
}
ATTRIBUTES = {
    "*": {"class", "id", "lang", "dir", "title", "role"},
    "a": {"href"},
    "img": {"src", "srcset", "alt", "width", "height", "loading", "decoding"},
    "audio": {"src", "controls", "preload", "loop", "muted"},
    "video": {"src", "poster", "controls", "preload", "loop", "muted", "width", "height"},
    "source": {"src", "srcset", "type", "media"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "input": {"checked"},  # and `type`, checkbox only (VALUES)
    "th": {"style", "align", "colspan", "rowspan"},
    "td": {"style", "align", "colspan", "rowspan"},
    "col": {"span"}, "colgroup": {"span"},
    "ol": {"start", "reversed", "type"}, "li": {"value"},
    "details": {"open"}, "time": {"datetime"}, "del": {"datetime"}, "ins": {"datetime"},
}
# Inputs are task items' checkboxes, disabled (shouwang.js enables those it manages). One
# forced attribute only: nh3 adds forced ones in no fixed order, and builds must repeat.
VALUES = {"input": {"type": {"checkbox"}}}
FORCED = {"input": {"disabled": "disabled"}}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
LOCAL_ONLY = {"src", "srcset", "poster"}  # resources: this site's own files only
RESERVED_DATA = ("data-md-", "data-sw-", "data-clipboard")

_cleaner = nh3.Cleaner(
    tags=TAGS, clean_content_tags=DROPPED_WITH_CONTENT, attributes=ATTRIBUTES,
    generic_attribute_prefixes={"data-", "aria-"}, tag_attribute_values=VALUES,
    set_tag_attribute_values=FORCED,
    url_schemes=LINK_SCHEMES, filter_style_properties={"text-align"}, link_rel=None,
    strip_comments=True, attribute_filter=lambda tag, name, value: _attribute(name, value))


def clean(content: str) -> str:
    """A page's HTML with everything outside the allowlist removed."""
    return _cleaner.clean(content)


def _attribute(name: str, value: str) -> str | None:
    """Keep the attribute (its value) or drop it (None)."""
    if name == "href":
        scheme = scheme_of(value)
        return value if not scheme or scheme in LINK_SCHEMES else None
    if name in LOCAL_ONLY:
        urls = [part.split()[0] for part in value.split(",") if part.strip()] \
            if name == "srcset" else [value]
        return value if urls and all(is_local(url) for url in urls) else None
    if name.startswith(RESERVED_DATA):
        return None
    if name == "id" and value.startswith("__"):
        return None
    return value


def escaped(value: Any) -> Any:
    """Every string in front matter (nested lists and mappings too) as escaped Markup:
    printed once by an escaping template, it shows as the text the editor wrote."""
    if isinstance(value, str):
        return value if isinstance(value, Markup) else Markup(escape(value))
    if isinstance(value, dict):
        return {key: escaped(item) for key, item in value.items()}
    if isinstance(value, list):
        return [escaped(item) for item in value]
    return value



def safe_href(value: Any) -> str:
    """A URL for an `href`/`src` printed by a template: kept if it is a path of this site
    or an http(s), mailto or tel link; anything else (`javascript:`, `data:`, entities or
    controls that spell one) becomes an empty string."""
    if value is None:
        return ""
    scheme = scheme_of(str(value))
    return value if not scheme or scheme in LINK_SCHEMES else ""  # Markup stays Markup
