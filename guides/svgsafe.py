"""SVG images: an SVG opened on its own is a document at the site's own address.

It is read with a real XML parser (defusedxml over the standard library's expat) and kept
only if every element, attribute and style rule is on an allowlist: no script in any
namespace or prefix, no foreignObject, no event attributes, no DOCTYPE internal subset
(entities, default attributes), no processing instructions, and no reference to anything
but a `#fragment` of the same file (an `<image>` may also show a raster image beside it in
the guide's folder, or an embedded PNG/JPEG/GIF/WebP). Drawing programs' own data
(Inkscape, Sodipodi, RDF metadata, Sketch, Affinity) is inert in browsers and kept as it
is; any other namespace is refused. The file is never rewritten: what was checked is byte
for byte what is published. Only UTF-8 is read, so the check and the browser see the same
characters.
"""

from __future__ import annotations

import re

from guides.filesafety import Problem, Refused

MAX_DEPTH = 200  # nested elements in an SVG

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
# What drawing programs write for themselves; browsers create inert elements for them.
EDITOR_NS = {
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://creativecommons.org/ns#",
    "http://web.resource.org/cc/",
    "http://purl.org/dc/elements/1.1/",
    "http://purl.org/dc/terms/",
    "http://www.bohemiancoding.com/sketch/ns",
    "http://www.serif.com/",
}

SVG_ELEMENTS = {
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "switch", "a", "view",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "textPath",
    "image", "marker", "pattern", "clipPath", "mask", "style",
    "linearGradient", "radialGradient", "stop", "solidcolor", "meshgradient", "meshrow",
    "meshpatch",
    "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite",
    "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap", "feDistantLight",
    "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur",
    "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight",
    "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    # animations, only of the presentation and geometry attributes below
    "animate", "animateTransform", "animateMotion", "set", "mpath",
}
# Attributes without a namespace that SVG elements may carry (event attributes never).
SVG_ATTRIBUTES = {
    # core, styling, conditional processing
    "id", "class", "style", "lang", "tabindex", "version", "baseProfile", "xmlns",
    "requiredExtensions", "requiredFeatures", "systemLanguage", "role", "focusable",
    "externalResourcesRequired", "contentScriptType", "contentStyleType", "zoomAndPan",
    # geometry and layout
    "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fr", "fx", "fy",
    "width", "height", "d", "points", "pathLength", "transform", "viewBox",
    "preserveAspectRatio", "dx", "dy", "rotate", "textLength", "lengthAdjust",
    "startOffset", "method", "spacing", "side",
    "refX", "refY", "markerUnits", "markerWidth", "markerHeight", "orient",
    "patternUnits", "patternContentUnits", "patternTransform", "gradientUnits",
    "gradientTransform", "spreadMethod", "offset", "clipPathUnits", "maskUnits",
    "maskContentUnits", "type", "media", "title", "target", "hreflang", "download",
    "rel", "referrerpolicy", "crossorigin", "decoding",
    # presentation attributes
    "alignment-baseline", "baseline-shift", "clip", "clip-path", "clip-rule", "color",
    "color-interpolation", "color-interpolation-filters", "color-profile",
    "color-rendering", "cursor", "direction", "display", "dominant-baseline",
    "enable-background", "fill", "fill-opacity", "fill-rule", "filter", "flood-color",
    "flood-opacity", "font", "font-family", "font-size", "font-size-adjust", "font-stretch",
    "font-style", "font-variant", "font-weight", "glyph-orientation-horizontal",
    "glyph-orientation-vertical", "image-rendering", "isolation", "kerning",
    "letter-spacing", "lighting-color", "marker", "marker-end", "marker-mid",
    "marker-start", "mask", "mask-type", "mix-blend-mode", "opacity", "overflow",
    "paint-order", "pointer-events", "shape-rendering", "stop-color", "stop-opacity",
    "stroke", "stroke-dasharray", "stroke-dashoffset", "stroke-linecap", "stroke-linejoin",
    "stroke-miterlimit", "stroke-opacity", "stroke-width", "text-anchor",
    "text-decoration", "text-rendering", "transform-origin", "transform-box",
    "unicode-bidi", "vector-effect", "visibility", "word-spacing", "writing-mode",
    "white-space", "solid-color", "solid-opacity",
    # filters
    "filterUnits", "primitiveUnits", "filterRes", "result", "in", "in2", "mode", "values",
    "tableValues", "slope", "intercept", "amplitude", "exponent", "operator", "k1", "k2",
    "k3", "k4", "order", "kernelMatrix", "divisor", "bias", "targetX", "targetY",
    "edgeMode", "kernelUnitLength", "preserveAlpha", "surfaceScale", "diffuseConstant",
    "specularConstant", "specularExponent", "scale", "xChannelSelector",
    "yChannelSelector", "stdDeviation", "radius", "baseFrequency", "numOctaves", "seed",
    "stitchTiles", "azimuth", "elevation", "z", "pointsAtX", "pointsAtY", "pointsAtZ",
    "limitingConeAngle",
    # animation timing (what may be animated is limited by ANIMATABLE)
    "attributeName", "attributeType", "begin", "dur", "end", "min", "max", "restart",
    "repeatCount", "repeatDur", "calcMode", "keyTimes", "keySplines", "from", "to", "by",
    "additive", "accumulate", "keyPoints", "path",
    # links and references, checked as URLs below
    "href",
}
SVG_ATTRIBUTE_PREFIXES = ("data-", "aria-")
XLINK_ATTRIBUTES = {"href", "title", "type", "role", "arcrole", "show", "actuate"}
XML_ATTRIBUTES = {"space", "lang", "id"}  # never xml:base: it changes what links point at
ANIMATIONS = {"animate", "animateTransform", "animateMotion", "set"}
# Attributes an animation may change: never a link, a style or an event attribute.
ANIMATABLE = {
    "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "width", "height", "d",
    "points", "transform", "offset", "opacity", "fill", "fill-opacity", "stroke",
    "stroke-opacity", "stroke-width", "stroke-dasharray", "stroke-dashoffset", "stop-color",
    "stop-opacity", "visibility", "display", "font-size", "letter-spacing", "viewBox",
    "startOffset", "stdDeviation", "flood-color", "flood-opacity", "color",
}
RASTER_IMAGE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*\.(?:png|jpe?g|gif|webp)", re.I)
DATA_IMAGE = re.compile(r"data:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*", re.I)

# CSS: only rules and functions that fetch nothing and run nothing.
CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\r\n\f]?|(.))", re.S)
CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.S)
CSS_AT_RULE = re.compile(r"@(-?[a-z][a-z0-9-]*)")
CSS_ALLOWED_AT = {"media", "keyframes", "-webkit-keyframes", "supports"}
CSS_FUNCTION = re.compile(r"([a-z-]+)\s*\(\s*(['\"]?)\s*(.?)")
CSS_FETCHING = {"image", "image-set", "-webkit-image-set", "cross-fade",
                "-webkit-cross-fade", "element", "-moz-element", "src", "expression", "paint"}
CSS_WORDS = re.compile(r"-moz-binding|behavior\s*:|javascript:|vbscript:")


def svg_problem(data: bytes) -> Problem | None:
    try:
        _parse_svg(data)
    except Refused as refused:
        return Problem(refused.code, max(refused.line, 1), refused.what)
    return None


def _parse_svg(data: bytes) -> None:
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    text = _svg_text(data)
    walker = _Walker()
    parser = DefusedXMLParser(target=walker, forbid_dtd=False, forbid_entities=True,
                              forbid_external=True)
    expat = parser.parser
    walker.expat = expat

    def doctype(name: str, sysid: str | None, pubid: str | None, internal: int) -> None:
        # `<!DOCTYPE svg PUBLIC "..." "...svg11.dtd">` is common and never fetched; an
        # internal subset can declare entities or default attributes: refused.
        if internal:
            raise Refused("svg.unsafe", "<!DOCTYPE [...]>", expat.CurrentLineNumber)

    expat.StartDoctypeDeclHandler = doctype
    try:
        parser.feed(text.encode("utf-8"))
        parser.close()
    except Refused:
        raise
    except DefusedXmlException as exc:
        raise Refused("svg.unsafe", f"<!ENTITY> {type(exc).__name__}",
                       expat.CurrentLineNumber) from None
    except ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else expat.ErrorLineNumber
        raise Refused("svg.invalid", str(exc).split(":")[0], line) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise Refused("svg.invalid", type(exc).__name__, expat.CurrentLineNumber) from None
    if not walker.root_seen:
        raise Refused("svg.invalid", "no <svg>", 1)


def _svg_text(data: bytes) -> str:
    """The file as UTF-8, as a browser will read it: other encodings are refused, so the
    check and the browser never see different characters."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Refused("svg.invalid", "UTF-16", 1)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Refused("svg.invalid", "UTF-8", data.count(b"\n", 0, exc.start) + 1) from None
    declared = re.match(r"<\?xml[^>]*?encoding\s*=\s*['\"]([^'\"]*)", text)
    if declared and declared.group(1).lower().replace("_", "-") not in (
            "utf-8", "utf8", "us-ascii", "ascii"):
        raise Refused("svg.invalid", f"encoding={declared.group(1)}", 1)
    return text


def _split(name: str) -> tuple[str, str]:
    if name.startswith("{"):
        ns, _, local = name[1:].partition("}")
        return ns, local
    return "", name


NS_PREFIXES = {SVG_NS: "", XLINK_NS: "xlink:", XML_NS: "xml:",
               "http://www.w3.org/1999/xhtml": "html:", "http://www.w3.org/2001/XInclude": "xi:",
               "http://www.w3.org/1998/Math/MathML": "math:",
               "http://www.w3.org/1999/XSL/Transform": "xsl:"}


def _shown(ns: str, local: str) -> str:
    """`script`, `html:script`, `{urn:x}script`: how the message names an element."""
    if not ns:
        return local
    prefix = NS_PREFIXES.get(ns)
    return f"{prefix}{local}" if prefix is not None else f"{{{_short(ns)}}}{local}"


class _Walker:
    """The parser's target: checks each element as it starts, with the parser's line."""

    def __init__(self) -> None:
        self.expat = None
        self.stack: list[str] = []  # local names, SVG elements only ("" for others)
        self.style: list[str] | None = None
        self.root_seen = False

    def _line(self) -> int:
        return self.expat.CurrentLineNumber if self.expat is not None else 0

    def _refuse(self, what: str, code: str = "svg.unsafe") -> None:
        raise Refused(code, what, self._line())

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        ns, local = _split(tag)
        if not self.root_seen:
            if ns != SVG_NS or local != "svg":
                self._refuse(f'<{_shown(ns, local)}> (not <svg xmlns="{SVG_NS}">)',
                             "svg.invalid")
            self.root_seen = True
        if self.style is not None:  # a browser joins the text around it into one sheet
            self._refuse(f"<style><{_shown(ns, local)}>")
        if len(self.stack) >= MAX_DEPTH:
            self._refuse(f"> {MAX_DEPTH}", "svg.invalid")
        if ns == SVG_NS and local in SVG_ELEMENTS:
            self.stack.append(local)
        elif ns in EDITOR_NS:
            self.stack.append("")
        else:
            self._refuse(f"<{_shown(ns, local)}>")
        element = local if ns == SVG_NS else ""
        for name, value in attrib.items():
            self._attribute(element, name, value)
        if element in ANIMATIONS:
            target = attrib.get("attributeName", "")
            if element != "animateMotion" and target not in ANIMATABLE:
                self._refuse(f'<{element} attributeName="{target}">')
        if element == "style":
            if attrib.get("type", "text/css").strip().lower() not in ("text/css", ""):
                self._refuse(f'<style type="{attrib["type"]}">')
            self.style = []

    def _attribute(self, element: str, name: str, value: str) -> None:
        ns, local = _split(name)
        shown = _shown(ns, local)
        if local.lower().startswith("on"):
            self._refuse(f'{shown}="…"')
        if ns == "":
            if element and local not in SVG_ATTRIBUTES and \
                    not local.startswith(SVG_ATTRIBUTE_PREFIXES):
                self._refuse(f'{shown}="…"')
        elif ns == XLINK_NS:
            if local not in XLINK_ATTRIBUTES:
                self._refuse(f'{shown}="…"')
        elif ns == XML_NS:
            if local not in XML_ATTRIBUTES:
                self._refuse(f'{shown}="…"')
        elif ns not in EDITOR_NS:
            self._refuse(f'{shown}="…"')
        if local in ("href", "src") and ns in ("", XLINK_NS):
            if not _allowed_reference(element, value):
                self._refuse(f'{shown}="{_short(value)}"')
        elif ns in ("", XLINK_NS, XML_NS) and local == "style":
            self._css(value)
        elif ns in ("", XLINK_NS, XML_NS) and "(" in value:
            self._css(value)  # fill="url(#g)", and animation values: url() and the rest

    def _css(self, text: str) -> None:
        problem = css_problem(text)
        if problem:
            self._refuse(problem)

    def end(self, tag: str) -> None:
        local = self.stack.pop() if self.stack else ""
        if local == "style" and self.style is not None:
            self._css("".join(self.style))
            self.style = None

    def data(self, text: str) -> None:
        if self.style is not None:
            self.style.append(text)

    def pi(self, target: str, data: str) -> None:
        self._refuse(f"<?{target} …?>")

    def comment(self, text: str) -> None:
        pass

    def close(self) -> None:
        return None


def _allowed_reference(element: str, value: str) -> bool:
    url = value.strip()
    if re.fullmatch(r"#[^\s'\"()<>\\]*", url):
        return True
    if element in ("image", "feImage"):
        return bool(RASTER_IMAGE.fullmatch(url) or DATA_IMAGE.fullmatch(url))
    return False


def css_problem(text: str) -> str | None:
    """What in this style sheet or style attribute fetches or runs something, or None."""
    css = CSS_ESCAPE.sub(_unescape, text)
    css = CSS_COMMENT.sub("", css).lower()
    css = re.sub(r"[\x00-\x08\x0b\x0e-\x1f]", "", css)
    for match in CSS_AT_RULE.finditer(css):
        if match.group(1) not in CSS_ALLOWED_AT:
            return f"@{match.group(1)}"
    for match in CSS_FUNCTION.finditer(css):
        name, _, first = match.groups()
        if name == "url" and first != "#":
            return _short(css[match.start():match.end() + 40].split(")")[0] + ")")
        if name in CSS_FETCHING:
            return f"{name}()"
    word = CSS_WORDS.search(css)
    return word.group(0).rstrip(":").strip() if word else None


def _unescape(match: re.Match[str]) -> str:
    if match.group(1):
        code = int(match.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    return match.group(2)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."
