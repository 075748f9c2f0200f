"""Lite pages (issue 17): one small HTML document per published guide and language, at
`P/lite/`, for the first hour after an announcement when hundreds of phones share one cell.

A lite page is read after one round trip: everything a reader needs (title, the time its
measures belong to, the actions, the hotlines as `tel:` links, version and date, the
sources, the way to the full page and to the other languages) in at most `BUDGET` bytes
of gzip, in one request: its CSS is inline (allowed by its hash in the page's own policy
and in deploy/nginx.conf), it has no script and no image, and its icon is `data:`.
When the whole guide does not fit, its first sections are shown and the rest is named,
with links into the full page.

Made from what the full page is made of (the cleaned article HTML and the template
context `sw`), with no MkDocs and no Material: the plugin only hands them over.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import nh3
from markupsafe import Markup

from guides.model import HOME_FOLDER, LANGUAGES

FOLDER = "lite"  # P/lite/index.html
# What a server can send in its first round trip (10 segments of 1,460 bytes), less room
# for the status line and headers: the page's gzip body must fit in this many bytes.
BUDGET = 14_000

# Minimal, high contrast (black on white, links #1a237e: 14:1), 20 px text, tap targets
# of at least 44 px; nothing an old WebView or a text browser would not know.
CSS = (
    "body{margin:0 auto;max-width:40em;padding:0 14px 32px;font:20px/1.6 sans-serif;"
    "color:#000;background:#fff}"
    "a{color:#1a237e}"
    "h1{font-size:1.5em;line-height:1.3;margin:.4em 0}"
    "h2{font-size:1.25em;line-height:1.3;margin:1.4em 0 .4em;padding-top:.4em;"
    "border-top:2px solid #000}"
    "h3{font-size:1.1em}"
    "li{margin:.35em 0}"
    "nav a{display:inline-block;padding:10px 6px;min-height:24px}"
    ".note{border:3px solid #000;padding:8px 12px;margin:1em 0}.note p{margin:0}"
    ".tel{list-style:none;padding:0}"
    ".tel a{display:block;padding:10px 12px;border:2px solid #1a237e;border-radius:6px;"
    "text-decoration:none}"
    ".tel b{font-size:1.3em;margin-right:.4em}"
    "table{border-collapse:collapse}td,th{border:1px solid #000;padding:4px}"
    "small,.meta{font-size:18px}"
)
STYLE_HASH = "'sha256-{}'".format(
    base64.b64encode(hashlib.sha256(CSS.encode("utf-8")).digest()).decode("ascii"))
# The page's own policy: its one inline stylesheet, nothing else (deploy/nginx.conf sends
# the same for P/lite/, with frame-ancestors, which only a header can say).
POLICY = "; ".join([
    "default-src 'none'", "script-src 'none'", f"style-src {STYLE_HASH}", "img-src data:",
    "base-uri 'none'", "form-action 'none'",
])

# What the article keeps: text structure and links. Images, audio and video would be more
# requests (their alt text stays where nh3 keeps it); classes and styles are not needed.
TAGS = {"a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details",
        "div", "dl", "dt", "em", "h2", "h3", "h4", "h5", "h6", "hr", "i", "input", "ins",
        "kbd", "label", "li", "mark", "ol", "p", "pre", "q", "s", "section", "small", "span",
        "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
        "time", "tr", "u", "ul"}
ATTRIBUTES = {"*": {"id", "lang", "dir", "title"}, "a": {"href", "hreflang"},
              "ol": {"start", "type"}, "td": {"colspan", "rowspan"},
              "th": {"colspan", "rowspan", "scope"}, "time": {"datetime"},
              "input": {"type", "checked"}, "abbr": {"title"}}
DROPPED_WITH_CONTENT = {"script", "style", "audio", "video", "picture", "svg", "math",
                        "template", "noscript", "iframe", "object", "button", "form",
                        "textarea", "select", "h1"}
SECTION = '<section class="sw-section">'  # guides.outputs.printing.wrap_sections
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
ID = re.compile(r'\sid="([^"]+)"')
H2 = re.compile(r"<h2[^>]*>(.*?)</h2>", re.S)
TAG = re.compile(r"<[^>]+>")
UI_STRING = re.compile(r'^\s*"(sw\.[\w.]+)":\s*("(?:[^"\\]|\\.)*"),?\s*$', re.M)


@dataclass
class Lite:
    """One lite page: its HTML, its compressed size, and how much of the guide it holds."""

    html: str
    compressed: int
    sections: int  # sections shown
    total: int  # sections in the guide

    @property
    def fits(self) -> bool:
        return self.compressed <= BUDGET


def ui_strings(partial: Path) -> dict[str, str]:
    """The `sw.*` strings of a language's partial (overrides/partials/languages/*.html):
    the lite pages say things in the very words the full pages use."""
    text = partial.read_text(encoding="utf-8")
    return {key: json.loads(value) for key, value in UI_STRING.findall(text)}


def compressed_size(html: str) -> int:
    """Bytes of the .gz the build writes (guides/compressed.py). The budget is counted in
    gzip, which every client accepts; the .br copy that most are sent is smaller."""
    return len(gzip.compress(html.encode("utf-8"), compresslevel=9, mtime=0))


def _href(value: str) -> str:
    """A link of the full page, as seen from its lite page one folder below."""
    if value.startswith(("#", "/")) or SCHEME.match(value):
        return value
    if value.startswith("./"):
        value = value[2:]
    return "../" + value


def _linker(page: str, lite_pages: set[str]):
    """nh3's attribute filter for the page at `page` ("testing-guide/", "" for home): a
    link to a page that has a lite page leads to that lite page (a reader on a congested
    network stays on small pages; each has its link to the full page), any other link is
    made to work from one folder below."""

    def link(element: str, attribute: str, value: str) -> str | None:
        if attribute != "href":
            return value
        path, hash_, fragment = value.partition("#")
        if path.endswith("/") and not path.startswith("/") and not SCHEME.match(path):
            target = posixpath.normpath(posixpath.join("/" + page, path)).strip("/")
            target = f"{target}/" if target not in ("", ".") else ""
            if target in lite_pages:
                return _href(path) + FOLDER + "/" + hash_ + fragment
        return _href(value)

    return link


def clean(article: str, page: str = "", lite_pages: frozenset[str] | set[str] = frozenset()
          ) -> str:
    """The article's HTML with only what a lite page keeps, its links made to work from
    `P/lite/` (to other lite pages where there are: `lite_pages`, paths like "about/").
    Runs on HTML the build already cleaned (guides.sanitize)."""
    return nh3.clean(article, tags=TAGS, attributes=ATTRIBUTES,
                     attribute_filter=_linker(page, set(lite_pages)),
                     clean_content_tags=DROPPED_WITH_CONTENT, link_rel=None,
                     url_schemes={"http", "https", "tel", "mailto", "sms"},
                     strip_comments=True)


def split(article: str, page: str = "", lite_pages: frozenset[str] | set[str] = frozenset()
          ) -> tuple[str, list[str]]:
    """(what comes before the first section, each `<h2>` section), as the build wrapped
    them (guides.outputs.printing), each cleaned (`clean`)."""
    head, *sections = article.split(SECTION)
    return (clean(head, page, lite_pages),
            [clean(SECTION + s, page, lite_pages) for s in sections])


def _local_anchors(html: str, ids: set[str]) -> str:
    """`#x` links to a part the lite page left out go to the full page."""
    return re.sub(r'href="#([^"]*)"',
                  lambda m: m.group(0) if m.group(1) in ids else f'href="../#{m.group(1)}"',
                  html)


ENV = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True,
                         undefined=jinja2.StrictUndefined)
TEMPLATE = ENV.from_string("""\
<!DOCTYPE html>
<html lang="{{ tag }}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ policy }}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
{% if summary %}<meta name="description" content="{{ summary }}">{% endif %}
<meta property="og:title" content="{{ title }}">
<meta property="og:description" content="{{ summary or title }}">
<meta property="og:url" content="{{ url }}{{ folder }}/">
{% if image %}<meta property="og:image" content="{{ image }}">{% endif %}
<link rel="canonical" href="{{ url }}">
<link rel="icon" href="data:,">
<style>{{ css }}</style>
</head>
<body>
<nav><a href="../">{{ t.full }}</a>{% for item in others %} · <a href="{{ item.href }}" \
hreflang="{{ item.tag }}" lang="{{ item.tag }}">{{ item.name }}</a>{% endfor %}</nav>
<main>
<h1>{{ title }}</h1>
{% if banner %}
<div class="note" role="note"><p><strong>{{ banner.text }}</strong>{% if banner.reason %} \
{{ banner.reason }}{% endif %}</p>{% if banner.href %}<p>{{ banner.instead }}<a href="\
{{ banner.href }}">{{ banner.title }}</a></p>{% endif %}</div>
{% endif %}
{% if stale %}
<p class="note" role="note">{{ stale.text }} <a href="{{ stale.href }}">{{ stale.link }}</a></p>
{% endif %}
{% if context %}
<p class="note" role="note"><strong>{{ t.context_title }}</strong>{{ t.colon }}{{ context }}</p>
{% endif %}
{% if hotlines_first %}{{ hotline_list }}{% endif %}
{{ article }}
{% if rest %}
<p class="note"><a href="../#{{ rest[0].id }}">{{ t.more }}</a></p>
<ul>{% for r in rest %}<li><a href="../#{{ r.id }}">{{ r.title }}</a></li>{% endfor %}</ul>
{% endif %}
{% if not hotlines_first %}{{ hotline_list }}{% endif %}
</main>
<footer>
{% if meta %}<p class="meta">{{ meta }}</p>{% endif %}
{% if sources %}
<p class="meta"><strong>{{ t.sources }}</strong>{{ t.colon }}{% for s in sources %}\
{% if not loop.first %}；{% endif %}<cite{% if s.lang %} lang="{{ s.lang }}"{% endif %}>\
{{ s.title }}</cite>{% if s.code %} {{ s.code }}{% endif %} · {{ s.org }}\
{% if s.date %} · {{ s.date }}{% endif %}{% endfor %}</p>
{% endif %}
<p><a href="../">{{ t.full }}</a></p>
</footer>
</body>
</html>
""")
HOTLINES = ENV.from_string("""\
{% if heading %}<h2 id="lite-hotlines">{{ heading }}</h2>{% endif %}
<ul class="tel" id="lite-tel">
{% for line in hotlines %}
<li><a href="tel:{{ line.tel }}"><b>{{ line.number }}</b> {{ line.name }}</a>\
{% if line.note %}<br><small>{{ line.note }}</small>{% endif %}</li>
{% endfor %}
</ul>
""")


def _texts(strings: dict[str, str], language: str) -> dict[str, str]:
    get = strings.get
    return {
        "full": get("sw.lite.full", "完整版"),
        "more": get("sw.lite.more", "后面的内容请看完整版"),
        "context_title": get("sw.context.title", ""),
        "sources": get("sw.sources", ""),
        "colon": ": " if language == "en" else "：",
    }


def render(*, title: str, article: str, sw: dict[str, Any], strings: dict[str, str],
           banner: dict[str, Any] | None = None, page_path: str = "",
           lite_pages: frozenset[str] | set[str] = frozenset()) -> Lite:
    """The lite page of one guide in one language: `article` is the full page's cleaned
    article HTML, `sw` its template context (guides.pagecontext, with `trust`), `strings`
    its language's UI strings (`ui_strings`), `lite_pages` the pages of its language with
    a lite page ("about/", "" for home; `page_path` is this page's). Sections are left out
    from the end until the page fits `BUDGET`; the caller warns when even the page
    without them does not."""
    language = sw["language"]
    t = _texts(strings, language)
    fill = {"{version}": str(sw.get("version") or ""), "{updated}": sw.get("updated", ""),
            "{review_by}": sw.get("review_by", "")}
    meta = strings.get("sw.meta", "") if sw.get("version") else ""
    for key, value in fill.items():
        meta = meta.replace(key, value)
    context = ""
    trust = sw.get("trust") or {}
    if trust.get("context"):
        c = trust["context"]
        when = (strings.get("sw.context.place", "{place}, {period}")
                .replace("{period}", c["period"]).replace("{place}", c["place"])
                if c.get("place") else c["period"])
        context = strings.get("sw.context", "{when}").replace("{when}", when)
    stale = None
    if sw.get("stale"):
        s = sw["stale"]
        stale = {"text": strings.get("sw.stale", "").replace("{old}", str(s["source_version"]))
                 .replace("{new}", str(s["version"])),
                 "link": strings.get("sw.stale.link", ""), "href": lite_href(s["href"])}
    others = [{"href": lite_href(item["href"]), "tag": item["tag"], "name": item["name"]}
              for item in sw.get("languages", []) if item["available"] and not item["current"]]
    banner_view = None
    if banner and banner.get("kind") == "withdrawn":
        replacement = banner.get("replacement") or {}
        banner_view = {"text": strings.get("sw.withdrawn", ""), "reason": banner.get("reason"),
                       "instead": strings.get("sw.withdrawn.instead", ""),
                       "href": lite_href(replacement["href"]) if replacement else "",
                       "title": replacement.get("title", "")}
    head, sections = split(article, page_path, lite_pages)

    def page(shown: int, with_head: bool = True) -> str:
        body = (head if with_head else "") + "".join(sections[:shown])
        ids = set(ID.findall(body)) | {"lite-hotlines", "lite-tel"}
        # a resident guide's own help section ({#help}) is the hotlines' heading, as on
        # the full page: the page does not say 求助电话 twice
        under_help = (sw.get("kind") == "resident-guide" and "help" in ids) \
            or sw.get("folder") == "hotlines"  # its title says it already
        hotline_list = Markup(HOTLINES.render(
            heading="" if under_help else strings.get("sw.hotlines", ""),
            hotlines=sw.get("hotlines", [])))
        rest = [{"id": (ID.findall(s) or [""])[0],
                 "title": TAG.sub("", (H2.findall(s) or [""])[0]).strip()}
                for s in sections[shown:]]
        return TEMPLATE.render(
            tag=LANGUAGES[language].tag, policy=Markup(POLICY), title=title, url=sw.get("url", ""),
            folder=FOLDER, summary=sw.get("summary", ""), image=sw.get("image", ""),
            css=Markup(CSS), t=t, others=others, banner=banner_view, stale=stale,
            context=context, hotlines_first=sw.get("folder") in ("hotlines", HOME_FOLDER),
            hotline_list=hotline_list, article=Markup(_local_anchors(body, ids)), rest=rest,
            meta=meta, sources=trust.get("sources", []))

    shown = len(sections)
    html = page(shown)
    if compressed_size(html) > BUDGET:  # the most sections that fit: a binary search
        low, high = 0, shown - 1
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if compressed_size(page(middle)) <= BUDGET \
                else (low, middle - 1)
        shown, html = low, page(low)
        if compressed_size(html) > BUDGET:
            html = page(0, with_head=False)
    return Lite(html, compressed_size(html), shown, len(sections))


def lite_href(full_href: str) -> str:
    """The lite page of a page, from a lite page, given the full page's href as seen from
    the full page (`../en/testing-guide/` -> `../../en/testing-guide/lite/`)."""
    target = _href(full_href)
    path, _, fragment = target.partition("#")
    if not path.endswith("/"):
        path += "/"
    return path + FOLDER + "/" + (f"#{fragment}" if fragment else "")


def write(site_dir: Path, pages: dict[str, Lite]) -> list[str]:
    """Write each page (`page path` -> Lite, e.g. "testing-guide/") to `P/lite/index.html`;
    returns the paths written ("testing-guide/lite/"), for the service worker."""
    written = []
    for path, lite in sorted(pages.items()):
        target = site_dir / path / FOLDER / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(lite.html, encoding="utf-8")
        written.append(f"{path}{FOLDER}/")
    return written
