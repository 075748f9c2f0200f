"""The official-account (公众号) article: one HTML file per guide page that keeps its look
when it is pasted into the WeChat article editor.

That editor keeps inline `style` attributes and little else: it drops <style> and
<script>, ignores classes, and removes links to other sites. So the article is made from
the finished page (what readers see, hotlines inserted), styled with a stylesheet that
css-inline (a kept inlining library) writes into every element's `style`; classes are
then dropped; every link becomes a numbered note at the end; images are embedded (data:
URIs) so the file works on its own; the hotlines and a QR code (segno) close it. nh3
cleans the result with an allowlist: no script can reach the editor.
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import css_inline
import nh3
import segno

from guides.model import LANGUAGES
from guides.outputs.share.htmltree import Element, parse, serialize

LABELS = {
    "zh": {"notes": "注释", "hotlines": "求助电话", "scan": "扫码看最新版本", "link": "原文网址",
           "image": "图片", "qr": "二维码", "colon": "："},
    "wuu": {"notes": "注释", "hotlines": "求助电话", "scan": "扫一扫看最新格版本",
            "link": "原文网址", "image": "图片", "qr": "二维码", "colon": "："},
    "en": {"notes": "Notes", "hotlines": "Hotlines", "scan": "Scan for the latest version",
           "link": "Web address", "image": "Image", "qr": "QR code", "colon": ": "},
}
ACCENT = "#1a237e"
# Every block carries its own text styles: the editor (and a browser's copy) may drop the
# wrapper they would otherwise be inherited from.
CSS = f"""
.a, section, p, li, blockquote, td, th {{ font-size: 17px; line-height: 1.75;
     color: #1f1f1f; letter-spacing: 0.5px; word-wrap: break-word; }}
h1 {{ font-size: 24px; line-height: 1.4; font-weight: bold; margin: 0 0 12px 0;
     color: #111111; }}
h2 {{ font-size: 20px; line-height: 1.5; font-weight: bold; margin: 28px 0 12px 0;
     padding: 0 0 0 10px; border-left: 5px solid {ACCENT}; color: {ACCENT}; }}
h3, h4 {{ font-size: 18px; font-weight: bold; margin: 20px 0 8px 0; color: #111111; }}
p {{ margin: 0 0 12px 0; }}
ol, ul {{ margin: 0 0 12px 0; padding: 0 0 0 1.6em; }}
li {{ margin: 0 0 8px 0; }}
strong {{ font-weight: bold; color: #111111; }}
table {{ border-collapse: collapse; width: 100%; margin: 0 0 12px 0; }}
th, td {{ border: 1px solid #c5cae9; padding: 6px 8px; text-align: left;
         vertical-align: top; font-size: 15px; line-height: 1.6; }}
th {{ background-color: #e8eaf6; font-weight: bold; }}
blockquote {{ margin: 0 0 12px 0; padding: 8px 12px; border-left: 4px solid #9e9e9e;
             color: #424242; background-color: #f5f5f5; }}
code {{ font-family: monospace; background-color: #f5f5f5; padding: 0 4px; }}
pre {{ white-space: pre-wrap; background-color: #f5f5f5; padding: 8px; font-size: 14px; }}
img {{ max-width: 100%; height: auto; display: block; margin: 8px auto; }}
.meta {{ font-size: 14px; color: #555555; margin: 0 0 16px 0; }}
.box {{ background-color: #e8eaf6; border-left: 5px solid {ACCENT}; padding: 10px 14px;
       margin: 0 0 16px 0; }}
.box-title {{ font-weight: bold; color: {ACCENT}; margin: 0 0 6px 0; }}
.ref {{ font-size: 12px; color: {ACCENT}; vertical-align: super; line-height: 1; }}
.tel {{ font-weight: bold; color: #b71c1c; }}
.hotline {{ margin: 0 0 10px 0; font-size: 17px; }}
.number {{ font-size: 22px; font-weight: bold; color: #b71c1c; letter-spacing: 1px; }}
.small {{ font-size: 14px; color: #555555; line-height: 1.6; }}
.note {{ font-size: 14px; color: #555555; line-height: 1.6; word-break: break-all;
         margin: 0 0 6px 0; }}
.qr {{ text-align: center; margin: 24px 0 8px 0; }}
.qr img {{ width: 180px; height: 180px; }}
.url {{ font-size: 13px; color: #555555; word-break: break-all; text-align: center; }}
"""
# What the WeChat editor keeps; everything else is removed (nh3).
TAGS = {"section", "p", "h1", "h2", "h3", "h4", "ol", "ul", "li", "strong", "em", "b", "i",
        "br", "span", "sup", "sub", "img", "table", "thead", "tbody", "tr", "th", "td",
        "blockquote", "code", "pre", "hr", "small"}
STYLE_PROPERTIES = {
    "font-size", "line-height", "color", "letter-spacing", "word-wrap", "word-break",
    "font-weight", "margin", "padding", "border-left", "border", "border-collapse", "width",
    "height", "max-width", "text-align", "vertical-align", "background-color", "display",
    "font-family", "white-space", "font-style"}
DROP = {"script", "style", "template", "form", "button", "svg", "nav", "iframe", "object",
        "noscript", "audio", "video", "h1"}
RENAME = {"div": "section", "details": "section", "summary": "p", "label": "span",
          "a": "span", "figure": "section", "figcaption": "p", "dl": "section", "dt": "p",
          "dd": "p", "h5": "h4", "h6": "h4", "cite": "strong", "time": "span"}
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
               ".gif": "image/gif", ".webp": "image/webp", ".svg": "image/svg+xml"}


@dataclass
class Notes:
    """Outside links, numbered in the order they first appear; the same address once."""

    urls: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # the words first linked to each

    def number(self, url: str, text: str = "") -> int:
        if url not in self.urls:
            self.urls.append(url)
            self.texts.append(" ".join(text.split()))
        return self.urls.index(url) + 1


@dataclass
class Page:
    """What the article is made of, read from the finished page."""

    title: str
    language: str
    url: str
    body: Element | None
    context: Element | None
    hotlines: list[tuple[str, str, str]]  # number, name, note
    trust: Element | None
    meta: str


def read_page(page_html: str, language: str, url: str) -> Page:
    root = parse(page_html)
    article = root.find(cls="md-content__inner") or root
    body = article.find(cls="sw-body")
    heading = body.find("h1") if body else None
    title = heading.text() if heading else (root.find("title") or Element("x")).text()
    hotlines = []
    box = article.find(cls="sw-hotlines")
    for item in box.find_all(lambda e: "sw-hotline" in e.classes) if box else []:
        number = item.find(cls="sw-hotline__number")
        name = item.find(cls="sw-hotline__name")
        small = name.find("small") if name else None
        note = small.text() if small else ""
        label = name.text() if name else ""
        label = label[: len(label) - len(note)].strip() if note and label.endswith(note) \
            else label
        hotlines.append((number.text() if number else "", label, note))
    meta = article.find(cls="sw-meta")
    return Page(title=title, language=language, url=url, body=body,
                context=article.find(cls="sw-context"), hotlines=hotlines,
                trust=article.find(cls="sw-trust"), meta=meta.text() if meta else "")


class _Writer:
    """Copies the page body into the article's elements: links to notes, images inline."""

    def __init__(self, page_dir: Path, site_dir: Path, url: str, labels: dict[str, str],
                 notes: Notes) -> None:
        self.page_dir, self.site_dir, self.url = page_dir, site_dir.resolve(), url
        self.labels, self.notes = labels, notes

    def copy(self, node: Element | str) -> list[Element | str]:
        if isinstance(node, str):
            return [node]
        tag = node.tag
        if tag in DROP:
            return []
        if tag == "input":
            checked = "checked" in node.attrs
            return ["☑ " if checked else "☐ "] if node.attrs.get("type") == "checkbox" else []
        if tag == "img":
            return [self.image(node)]
        children = [c for child in node.children for c in self.copy(child)]
        if tag == "a":
            return self.link(node, children)
        out = Element(RENAME.get(tag, tag), {}, children)
        if tag in ("td", "th"):
            out.attrs.update({k: v for k, v in node.attrs.items() if k in ("colspan", "rowspan")})
        if tag == "ol" and node.attrs.get("start"):
            out.attrs["start"] = node.attrs["start"]
        classes = node.classes
        if "admonition" in classes or tag == "details":
            out.attrs["class"] = "box"
        elif "admonition-title" in classes or tag == "summary":
            out.attrs["class"] = "box-title"
        elif tag == "small":
            out.attrs["class"] = "small"
        return [out]

    def link(self, node: Element, children: list[Element | str]) -> list[Element | str]:
        href = (node.attrs.get("href") or "").strip()
        scheme = urlsplit(href).scheme.lower()
        if scheme == "tel":
            return [Element("strong", {"class": "tel"}, children)]
        if not href or href.startswith("#") or scheme not in ("", "http", "https", "mailto"):
            return children  # a place on this page (or nothing to follow): the words only
        target = href if scheme else urljoin(self.url, href)
        if scheme == "mailto":
            target = unquote(href[len("mailto:"):])
        number = self.notes.number(target, Element("x", {}, children).text())
        return [*children, Element("sup", {"class": "ref"}, [f"[{number}]"])]

    def image(self, node: Element) -> Element | str:
        alt = node.attrs.get("alt") or ""
        data = self.image_bytes(node.attrs.get("src") or "")
        if data is None:
            return f"[{self.labels['image']}{self.labels['colon'] + alt if alt else ''}]"
        attrs = {"src": data, "alt": alt}
        return Element("img", attrs)

    def image_bytes(self, src: str) -> str | None:
        """A data: URI of an image the site holds (never one from another site)."""
        if not src or urlsplit(src).scheme or src.startswith("//"):
            return src if src.startswith("data:image/") and ";base64," in src else None
        path = (self.page_dir / unquote(urlsplit(src).path)).resolve()
        kind = IMAGE_TYPES.get(path.suffix.lower())
        if kind is None or not path.is_relative_to(self.site_dir) or not path.is_file():
            return None
        return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def qr_png(url: str) -> str:
    """A PNG QR code as a data: URI (the editor accepts images, not SVG)."""
    return segno.make(url, error="m", micro=False).png_data_uri(scale=6, border=4)


def _el(tag: str, cls: str | None, *children: Element | str) -> Element:
    return Element(tag, {"class": cls} if cls else {}, list(children))


def article_fragment(page: Page, page_dir: Path, site_dir: Path) -> str:
    """The article's HTML with classes, before its styles are inlined."""
    labels = LABELS.get(page.language, LABELS["zh"])
    notes = Notes()
    writer = _Writer(page_dir, site_dir, page.url, labels, notes)
    parts: list[Element | str] = [_el("h1", None, page.title)]
    if page.meta:
        parts.append(_el("p", "meta", page.meta))
    if page.context is not None:
        parts.extend(writer.copy(page.context))
    if page.body is not None:
        parts.extend(c for child in page.body.children for c in writer.copy(child))
    if page.hotlines:
        headings = page.body.find_all(lambda e: e.tag == "h2") if page.body else []
        if not headings or headings[-1].attrs.get("id") != "help":  # else: right under it
            parts.append(_el("h2", None, labels["hotlines"]))
        for number, name, note in page.hotlines:
            if name.startswith(number):  # "12320 卫生健康热线" names its number already
                name = name[len(number):].strip()
            line = _el("p", "hotline", _el("span", "number", number), "  ", name)
            if note:
                line.children += [_el("br", None), _el("span", "small", note)]
            parts.append(line)
    if page.trust is not None:
        parts.extend(writer.copy(page.trust))
    if notes.urls:
        parts.append(_el("h2", None, labels["notes"]))
        for number, (url, text) in enumerate(zip(notes.urls, notes.texts, strict=True), 1):
            words = f"{text}{labels['colon']}" if text and text != url else ""
            parts.append(_el("p", "note", f"[{number}] {words}{url}"))
    alt = f"{labels['qr']}{labels['colon']}{page.url}"
    parts.append(_el("p", "qr", Element("img", {"src": qr_png(page.url), "alt": alt})))
    parts.append(_el("p", "url", f"{labels['scan']}", _el("br", None),
                     f"{labels['link']}{labels['colon']}{page.url}"))
    return serialize(_el("section", "a", *parts))


def inline_styles(fragment: str) -> str:
    """Styles into `style` attributes (css-inline), then classes and anything the editor
    does not keep removed (nh3)."""
    inlined = css_inline.inline_fragment(fragment, CSS)
    return nh3.clean(
        inlined, tags=TAGS, clean_content_tags={"script", "style"},
        attributes={"*": {"style"}, "img": {"src", "alt"}, "td": {"colspan", "rowspan"},
                    "th": {"colspan", "rowspan"}, "ol": {"start"}},
        url_schemes={"data"}, filter_style_properties=STYLE_PROPERTIES, link_rel=None,
        strip_comments=True)


def article_html(page_html: str, language: str, url: str, page_dir: Path,
                 site_dir: Path) -> str:
    """The whole article document for P/share/article.html."""
    page = read_page(page_html, language, url)
    body = inline_styles(article_fragment(page, page_dir, site_dir))
    tag = LANGUAGES[language].tag if language in LANGUAGES else language
    policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return (f'<!DOCTYPE html>\n<html lang="{html.escape(tag)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="robots" content="noindex">\n'
            f"<title>{html.escape(page.title)}</title>\n</head>\n"
            '<body style="margin: 0; padding: 16px; background-color: #ffffff;">\n'
            f"{body}\n</body>\n</html>\n")



