"""A corpus of known script-injection vectors, as an editor might paste them into a guide.

Each vector has a short name, the Markdown (or front matter, or an uploaded file), and the
finding codes `guides check` must report for it, as errors. Every payload tries to set
`window.__pwned` (or open a dialog), so a browser test can tell whether any of them ran.

Sources: the OWASP XSS filter evasion cheat sheet, PortSwigger's XSS cheat sheet, known
mutation-XSS (mXSS) and parser-differential tricks, and Markdown-specific ones (links,
reference definitions, autolinks, attribute lists, code spans and fences that are not).
"""

from __future__ import annotations

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
    line: int = 0  # the line of the finding, counted from the vector's first line
    files: dict[str, str] = field(default_factory=dict)  # other files in the guide's folder
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
