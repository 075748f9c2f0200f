"""Uploaded SVG images and PDFs: what real drawing programs write is published byte for
byte; anything that could run or fetch is reported and never published, in the preview
either; and no published SVG runs script when Chromium opens it on its own."""

from __future__ import annotations

import glob
import io
from pathlib import Path

import pytest
import segno

from conftest import Tree, build_site, serving
from guides import filesafety, pdfsafe
from guides.pdfsafe import pdf_problem
from guides.svgsafe import css_problem, svg_problem
from injection_vectors import FILE_VECTORS, NS, PLAIN_PDF, XLINK, pdf

INKSCAPE = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<svg
   width="210mm" height="297mm" viewBox="0 0 210 297" version="1.1" id="svg5"
   inkscape:version="1.2.2 (b0a8486541, 2022-12-01)" sodipodi:docname="map.svg"
   inkscape:export-filename="map.png" inkscape:export-xdpi="96" inkscape:export-ydpi="96"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns:xlink="http://www.w3.org/1999/xlink"
   xmlns="http://www.w3.org/2000/svg" xmlns:svg="http://www.w3.org/2000/svg"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
   xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <sodipodi:namedview id="namedview7" pagecolor="#ffffff" bordercolor="#000000"
     borderopacity="0.25" inkscape:showpageshadow="2" inkscape:pageopacity="0.0"
     inkscape:pagecheckerboard="0" inkscape:deskcolor="#d1d1d1" inkscape:document-units="mm"
     showgrid="false" inkscape:zoom="0.7" inkscape:cx="396.4" inkscape:cy="561.4"
     inkscape:window-width="1920" inkscape:window-height="1011" inkscape:window-x="0"
     inkscape:window-y="32" inkscape:window-maximized="1" inkscape:current-layer="layer1">
    <inkscape:grid type="xygrid" id="grid1" originx="0" originy="0" spacingy="1"
       spacingx="1" units="mm"/>
  </sodipodi:namedview>
  <defs id="defs2">
    <linearGradient inkscape:collect="always" id="linearGradient1">
      <stop style="stop-color:#1a237e;stop-opacity:1;" offset="0" id="stop1"/>
      <stop style="stop-color:#1a237e;stop-opacity:0;" offset="1" id="stop2"/>
    </linearGradient>
    <linearGradient inkscape:collect="always" xlink:href="#linearGradient1" id="lg3"
       x1="10" y1="10" x2="100" y2="10" gradientUnits="userSpaceOnUse"/>
    <marker style="overflow:visible" id="Arrow1" refX="0" refY="0"
       orient="auto-start-reverse" inkscape:stockid="Arrow1" markerWidth="1"
       markerHeight="1" viewBox="0 0 1 1" inkscape:isstock="true"
       preserveAspectRatio="xMidYMid">
      <path style="fill:context-stroke;fill-rule:evenodd;stroke:none" d="M 2,0 -1,2 V -2 Z"/>
    </marker>
    <filter style="color-interpolation-filters:sRGB" id="blur" x="-0.1" y="-0.1"
       width="1.2" height="1.2"><feGaussianBlur stdDeviation="0.5" id="fe1"/></filter>
  </defs>
  <metadata id="metadata5">
    <rdf:RDF>
      <cc:Work rdf:about="">
        <dc:format>image/svg+xml</dc:format>
        <dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage"/>
        <dc:title>检测点位置</dc:title>
      </cc:Work>
    </rdf:RDF>
  </metadata>
  <g inkscape:label="图层 1" inkscape:groupmode="layer" id="layer1">
    <rect style="fill:url(#lg3);stroke:#000000;stroke-width:0.5;filter:url(#blur)"
       width="90" height="40" x="10" y="10" ry="4"/>
    <path style="fill:none;stroke:#000;stroke-width:1;marker-end:url(#Arrow1)"
       d="m 20,80 h 60" sodipodi:nodetypes="cc"/>
    <text xml:space="preserve" style="font-size:8px;font-family:'Noto Sans CJK SC';
       -inkscape-font-specification:'Noto Sans CJK SC';fill:#000000" x="20" y="70"
       id="text1"><tspan sodipodi:role="line" id="tspan1" x="20" y="70">检测点</tspan></text>
    <image width="20" height="20" preserveAspectRatio="none" id="image1" x="120" y="10"
       xlink:href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="/>
    <image width="20" height="20" xlink:href="photo.png" x="150" y="10"/>
  </g>
</svg>
"""
# Illustrator's "Export As SVG" (styles in a <style> element, data-name, a <title>)
ILLUSTRATOR = (f'<svg id="图层_1" data-name="图层 1" {NS} viewBox="0 0 100 100"><defs><style>'
               ".cls-1{fill:#1a237e;}.cls-2{font-size:12px;font-family:SourceHanSansSC-Regular,"
               'Source Han Sans SC;}@media (prefers-color-scheme: dark){.cls-1{fill:#fff}}'
               '</style></defs><title>热线</title><circle class="cls-1" cx="50" cy="50" r="40"/>'
               '<text class="cls-2" transform="translate(20 55)">12345</text></svg>')
# An older export: a DOCTYPE naming the SVG 1.1 DTD (never fetched), no internal subset
WITH_DOCTYPE = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG '
                '1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
                f'<svg version="1.1" {NS} {XLINK} width="24" height="24"><use xlink:href="#c"/>'
                '<defs><circle id="c" cx="12" cy="12" r="10"/></defs>'
                '<animateTransform attributeName="transform" type="rotate" from="0 12 12" '
                'to="360 12 12" dur="1s" repeatCount="indefinite"/></svg>')


def segno_svg(**options) -> bytes:
    out = io.BytesIO()
    segno.make("https://guides.example.org/testing-guide/", error="m").save(
        out, kind="svg", **options)
    return out.getvalue()


REAL_SVGS = {
    "segno-qr.svg": segno_svg(title="检测指南", desc="扫码打开"),
    "segno-qr-xmldecl.svg": segno_svg(xmldecl=True, nl=True, scale=4, dark="#1a237e"),
    "inkscape.svg": INKSCAPE.encode(),
    "illustrator.svg": ILLUSTRATOR.encode(),
    "doctype.svg": WITH_DOCTYPE.encode(),
}


@pytest.mark.parametrize("name", sorted(REAL_SVGS))
def test_real_world_svgs_are_kept(name):
    assert svg_problem(REAL_SVGS[name]) is None


def test_every_svg_of_the_theme_passes():
    """Material's icons and our own: the allowlist covers what real, harmless SVGs hold."""
    import material

    root = Path(material.__file__).parent
    files = glob.glob(str(root / "**" / "*.svg"), recursive=True, include_hidden=True)
    files += glob.glob(str(Path(__file__).parent.parent / "overrides" / "**" / "*.svg"),
                       recursive=True)
    assert len(files) > 10_000
    refused = {f: svg_problem(Path(f).read_bytes()) for f in files}
    assert {f: p for f, p in refused.items() if p} == {}


@pytest.mark.parametrize(("svg", "what", "line"), [
    (INKSCAPE.replace('<g inkscape:label', '<script>x()</script>\n<g inkscape:label'),
     "<script>", INKSCAPE[:INKSCAPE.index("<g inkscape:label")].count("\n") + 1),
    (INKSCAPE.replace('photo.png', 'https://evil.example/p.png'),
     'xlink:href="https://evil.example/p.png"', INKSCAPE.count("\n", 0, INKSCAPE.index(
         "photo.png")) + 1),
    (INKSCAPE.replace("<dc:title>", '<dc:title onclick="x()">'), 'onclick="…"',
     INKSCAPE[:INKSCAPE.index("<dc:title>")].count("\n") + 1),
    (INKSCAPE.replace("sodipodi:docname", "xmlns:h='http://www.w3.org/1999/xhtml' h:docname"),
     'html:docname="…"', 3),
])
def test_a_problem_is_reported_at_its_line(svg, what, line):
    problem = svg_problem(svg.encode())
    assert (problem.code, problem.what, problem.line) == ("svg.unsafe", what, line)


@pytest.mark.parametrize(("css", "found"), [
    ("fill:#fff;stroke:url(#g);font-family:'Noto Sans'", None),
    ("fill: url( '#g' )", None),
    ("@media print { rect { fill: black } }", None),
    ("@keyframes spin { to { transform: rotate(360deg) } }", None),
    ("fill:url(https://e.example/x#g)", "url(https://e.example/x#g)"),
    ("fill:URL(//e.example/x#g)", "url(//e.example/x#g)"),
    ("fill:\\75 rl(//e.example/x#g)", "url(//e.example/x#g)"),
    ("fill:u\\rl(data:image/png;base64,AA)", "url(data:image/png;base64,aa)"),
    ("@im/**/port 'x.css'", "@import"),
    ("@IMPORT 'x.css'", "@import"),
    ("@\\69 mport 'x.css'", "@import"),
    ("background:image-set('//e.example/a.png' 1x)", "image-set()"),
    ("width:expression(alert(1))", "expression()"),
    ("-moz-binding:url(#x)", "-moz-binding"),
    ("behavior: url(#x)", "behavior"),
    ("@font-face{font-family:x;src:local(x)}", "@font-face"),
    ("@namespace svg url(#x)", "@namespace"),
])
def test_css_in_svgs(css, found):
    assert css_problem(css) == found


def test_a_style_sheet_cannot_be_split_around_an_element():
    """`@imp<g/>ort`: a browser reads the text around the element as one sheet."""
    for inner in ("<g/>", "<style/>", "<desc>x</desc>"):
        svg = f"<svg {NS}><style>@imp{inner}ort url(//evil.example/x.css);</style></svg>"
        assert svg_problem(svg.encode()).what.startswith("<style><")
    split = f"<svg {NS}><style>@imp<!-- x -->ort url(//evil.example/x.css);</style></svg>"
    assert svg_problem(split.encode()).what == "@import"


def test_editor_data_is_inert_but_its_namespaces_do_not_open_a_door():
    """Inkscape's namespaces are kept (they are inert); an SVG or XHTML element inside
    them is checked like any other, and a namespace that is not an editor's is refused."""
    inside = ('<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/'
              'sodipodi-0.dtd">{}</sodipodi:namedview>')
    assert svg_problem(f"<svg {NS}>{inside.format('')}</svg>".encode()) is None
    assert svg_problem(f"<svg {NS}>{inside.format('<script>x()</script>')}</svg>".encode()
                       ).what == "<script>"
    assert svg_problem(f'<svg {NS} xmlns:i="http://ns.adobe.com/AdobeIllustrator/10.0/">'
                       '<i:pgf>x</i:pgf></svg>'.encode()).what.endswith("}pgf>")


@pytest.mark.parametrize(("href", "ok"), [
    ("#a", True), ("photo.png", True), ("photo.JPG", True), ("data:image/png;base64,iVBO", True),
    ("../x.png", False), ("/x.png", False), ("sub/x.png", False), ("x.svg", False),
    ("x.png?y", False), ("%2e%2e/x.png", False), ("data:image/svg+xml;base64,PHN2Zz4=", False),
    ("file:///etc/passwd", False), ("javascript:x()", False), ("x.png#frag", False),
])
def test_image_references(href, ok):
    problem = svg_problem(f'<svg {NS}><image href="{href}" width="1" height="1"/></svg>'.encode())
    assert (problem is None) == ok, problem


def test_no_depth_or_size_can_crash_the_reader():
    deep = f"<svg {NS}>" + "<g>" * 100_000 + "</g>" * 100_000 + "</svg>"
    assert svg_problem(deep.encode()).code == "svg.invalid"
    path = Path("big.svg")
    big = f"<svg {NS}>".encode() + b" " * (filesafety.MAX_SVG_BYTES + 1) + b"</svg>"
    assert filesafety.check_file(path, big).code == "file.too-large"


def test_both_pdf_readers_see_active_content_on_their_own():
    """The object walk (pypdf) and the raw search each find JavaScript in a compressed
    object stream with hex-escaped names; a plain PDF passes both."""
    packed = pdf("<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
                 "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 9 9] >>",
                 packed=("<< /S /J#61vaScript /J#53 (app.alert(1)) >>",))
    assert b"JavaScript" not in packed and b"J#61" not in packed  # compressed
    assert pdfsafe._raw_active(packed) == "/JavaScript"
    assert pdfsafe._objects_active(packed) == "/JavaScript"
    assert pdfsafe._raw_active(PLAIN_PDF) is None
    assert pdfsafe._objects_active(PLAIN_PDF) is None
    assert pdf_problem(PLAIN_PDF) is None


def test_a_pdf_printed_by_chromium_is_kept(browser):
    """What `guides pdf` and editors' 'Print to PDF' make: links, fonts, images, no actions."""
    page = browser.new_page()
    try:
        page.set_content('<h1>核酸检测</h1><p><a href="https://guides.example.org/">链接</a></p>'
                         '<svg width="40" height="40"><circle cx="20" cy="20" r="15"/></svg>')
        data = page.pdf(format="A4")
    finally:
        page.close()
    assert pdf_problem(data) is None


def test_messages_name_the_file_line_and_fix(tree):
    tree.write("a/map.svg", f"<svg {NS}>\n<foreignObject/>\n</svg>\n")
    tree.write("a/sheet.pdf", pdf("<< /Type /Catalog /OpenAction << /S /JavaScript /JS (x) >> >>"))
    tree.guide("a", body="![地图](map.svg)\n\n[打印版](sheet.pdf)\n")
    found = sorted((f for f in tree.check().findings if f.severity == "error"),
                   key=lambda f: f.path)
    assert [f.format("en").split("\n")[0] for f in found] == [
        "content/a/map.svg:2: error: the SVG contains something that is not allowed: "
        "<foreignObject>; this file is not published [svg.unsafe]",
        "content/a/sheet.pdf:1: error: the PDF holds script, attachments, form submission or "
        "other active content: /JavaScript; this file is not published [pdf.active]"]
    zh = found[0].format("zh")
    assert zh.startswith("content/a/map.svg:2: error: SVG 图片里有不允许的内容：<foreignObject>。"
                         "这个文件不会发布 [svg.unsafe]\n    提示：")
    assert "普通 SVG" in zh and "Inkscape" in zh


# -- the build: what is published -----------------------------------------------------------


@pytest.fixture(scope="module")
def file_site(tmp_path_factory) -> tuple[Path, Path]:
    """Every file vector in its own guide, and the real-world SVGs and a plain PDF in
    another, built as `guides serve` builds (errors reported, the preview goes on)."""
    base = tmp_path_factory.mktemp("files")
    tree = Tree(base)
    tree.guide("home", title="首页", body="[文件](../files/)\n")
    body = "".join(f"![图]({name})\n\n" for name in REAL_SVGS) + "[打印版](plain.pdf)\n"
    tree.guide("files", title="文件", body=body)
    for name, data in REAL_SVGS.items():
        tree.write(f"files/{name}", data)
    tree.write("files/photo.png", b"\x89PNG\r\n\x1a\n")
    tree.write("files/plain.pdf", PLAIN_PDF)
    for vector in FILE_VECTORS:
        for name, data in vector.files.items():
            tree.write(f"v-{vector.name}/{name}", data)
        tree.guide(f"v-{vector.name}", title=vector.name, body=f"{vector.markdown}\n")
    return tree.root, build_site(tree, command="serve")


def test_unsafe_files_are_not_published_even_in_the_preview(file_site):
    content, site = file_site
    assert (site / "v-svg-foreignobject/index.html").is_file()  # the page is previewed
    published = [p.relative_to(site).as_posix() for p in site.rglob("*")
                 if p.suffix in (".svg", ".pdf") and p.parts[len(site.parts)] != "assets"]
    assert not [p for p in published if p.startswith("v-")], published


def test_safe_files_are_published_byte_for_byte(file_site):
    content, site = file_site
    for name in [*REAL_SVGS, "plain.pdf"]:
        assert (site / "files" / name).read_bytes() == (content / "files" / name).read_bytes()


def test_the_bytes_checked_are_the_bytes_published(tmp_path, monkeypatch):
    """A file swapped after the build read it is not what reaches the site."""
    tree = Tree(tmp_path)
    tree.guide("home", title="首页", body="![图](pic.svg)\n")
    safe = f'<svg {NS}><rect width="1" height="1"/></svg>'.encode()
    tree.write("home/pic.svg", safe)
    original = filesafety.safe_bytes

    def swap_after_reading(path):
        data = original(path)
        Path(path).write_text(f"<svg {NS}><script>x()</script></svg>", encoding="utf-8")
        return data

    monkeypatch.setattr(filesafety, "safe_bytes", swap_after_reading)
    site = build_site(tree, command="serve")
    assert (site / "home/pic.svg").read_bytes() == safe


# -- in Chromium: opened on their own, at the site's address --------------------------------

OPEN_SVG = """async () => {
  for (const node of document.querySelectorAll('*')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'focusin'])
      node.dispatchEvent(new Event(type, {bubbles: true}));
    if (node.closest('a') || node.localName === 'a')
      node.dispatchEvent(new MouseEvent('click', {bubbles: true}));
  }
  await new Promise((resolve) => setTimeout(resolve, 150));
  return document.querySelectorAll('*').length;
}"""


class Opener:
    """Opens SVGs as a reader would, each in a fresh tab of one browser context (an SVG
    carries no policy of its own); any dialog, new window or the flag `__pwned` means
    script ran."""

    def __init__(self, browser) -> None:
        self.context = browser.new_context()
        self.events: list[str] = []
        self.tabs = 0
        self.context.on("page", self._page)

    def _page(self, page) -> None:
        page.on("dialog", lambda d: (self.events.append(f"dialog {d.message}"), d.dismiss()))
        if len(self.context.pages) > self.tabs:
            self.events.append(f"new window {page.url}")

    def ran(self, url: str) -> list[str]:
        self.events.clear()
        self.tabs = 1
        page = self.context.new_page()
        self.tabs = 0
        try:
            page.goto(url)
            page.wait_for_load_state("load")
            page.evaluate(OPEN_SVG)
            flag = page.evaluate("window.__pwned")
            return [*self.events, *([f"__pwned={flag}"] if flag is not None else [])]
        finally:
            for other in self.context.pages:
                other.close()

    def close(self) -> None:
        self.context.close()


def opened(browser, root: str, names: list[str]) -> dict[str, list[str]]:
    opener = Opener(browser)
    try:
        return {name: events for name in names if (events := opener.ran(root + name))}
    finally:
        opener.close()


def test_no_published_svg_runs_script(browser, file_site):
    content, site = file_site
    svgs = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.svg")
                  if "assets" not in p.parts)
    assert len(svgs) >= len(REAL_SVGS)
    with serving(site) as root:
        ran = opened(browser, root, svgs)
    assert ran == {}


def test_every_corpus_svg_that_runs_script_is_refused(browser, file_site):
    """The same watch on the corpus as uploaded (what a lenient build would publish): it
    sees script run in many of them, and the build published none of those."""
    content, site = file_site
    svgs = sorted(p.relative_to(content).as_posix() for p in content.rglob("*.svg")
                  if p.parts[len(content.parts)].startswith("v-"))
    with serving(content) as root:
        ran = set(opened(browser, root, svgs))
    # the watch works: these run when published as they are (the classes of issue 16)
    assert {f"v-svg-{name}/pic.svg" for name in (
        "html-script", "prefixed-script", "foreignobject", "entity-scheme", "attlist-default",
        "xlink-javascript", "set-href", "script-cdata")} <= ran, ran
    assert not [name for name in ran if (site / name).exists()]
