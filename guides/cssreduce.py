"""Material's stylesheet cut down to the rules this site can use (issue 17).

Material ships one stylesheet (about 138 KB, 23 KB compressed) for every feature it has;
a guide page uses a small part of it. The CSS is read with a real parser (tinycss2) and a
selector is kept when every class, id, element and attribute name it requires is in the
site's vocabulary: the names in the built pages plus every word in the site's JavaScript
(Material's bundle, ours), since scripts add classes, elements and attributes at run time
(search results, the drawer's states, tooltips, dialogs, tables wrapped for scrolling).
That test is conservative: a selector whose names are all present is kept even when its
structure would never match. Names inside functional pseudo-classes (`:not()`, `:is()`,
`:where()`, `:has()`) are not required.

After the rules: custom properties no kept declaration (nor any script or page) refers to
are dropped, then keyframes no animation names, then empty @media and @supports blocks.

`vocabulary` reads HTML with the standard library's parser; `reduce` knows nothing of
MkDocs or of where the files are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import tinycss2

# Pseudo-classes whose argument is itself a selector: its names are not required (a
# `:not(.x)` matches best where `.x` is absent; `:is(a, b)` needs only one of them).
SELECTOR_FUNCTIONS = {"not", "is", "where", "has", "matches", "-webkit-any", "-moz-any",
                      "host", "host-context", "nth-child", "nth-last-child"}
# Attributes whose values only the pages give: Material's JavaScript copies the palette's
# values from the page's own inputs and never writes `dir`.
PAGE_VALUES = {"dir", "data-md-color-scheme", "data-md-color-primary", "data-md-color-accent"}
# What applies only after the reader does something: not needed for the first paint.
LATER = re.compile(r":(?:hover|focus|focus-within|focus-visible|active|checked)\b|"
                   r"::?-(?:webkit|moz)-scrollbar|\.focus-visible\b")
WORD = re.compile(r"-{0,2}[A-Za-z_][-A-Za-z0-9_]*")


@dataclass
class Vocabulary:
    """The names a selector may require. `words` are from scripts: any of them may be a
    class, an id, an element or an attribute name."""

    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    elements: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)
    values: set[tuple[str, str]] = field(default_factory=set)  # (attribute, value)
    words: set[str] = field(default_factory=set)

    def update(self, other: Vocabulary) -> None:
        for name in ("classes", "ids", "elements", "attributes", "values", "words"):
            getattr(self, name).update(getattr(other, name))

    def has(self, kind: str, name: str) -> bool:
        if kind == "element":
            return name.lower() in self.elements or name.lower() in self.words
        if kind == "value":
            attribute, _, value = name.partition("=")
            return (attribute.lower(), value) in self.values or \
                (attribute.lower() not in PAGE_VALUES and value in self.words)
        if kind == "attribute":
            return name.lower() in self.attributes or name.lower() in self.words
        return name in getattr(self, {"class": "classes", "id": "ids"}[kind]) or \
            name in self.words


class _Collector(HTMLParser):
    def __init__(self, vocabulary: Vocabulary) -> None:
        super().__init__(convert_charrefs=True)
        self.vocabulary = vocabulary

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        v = self.vocabulary
        v.elements.add(tag)
        for name, value in attrs:
            v.attributes.add(name)
            if value is not None and len(value) < 40:
                v.values.add((name, value))
            if name == "class" and value:
                v.classes.update(value.split())
            elif name == "id" and value:
                v.ids.add(value)
            elif name == "style" and value:
                v.words.update(WORD.findall(value))  # custom properties set inline

    handle_startendtag = handle_starttag


def vocabulary(html: str) -> Vocabulary:
    """The classes, ids, elements and attribute names of an HTML document."""
    found = Vocabulary()
    collector = _Collector(found)
    collector.feed(html)
    collector.close()
    return found


def script_vocabulary(script: str) -> Vocabulary:
    """Every word of a script: the names it may give elements at run time."""
    return Vocabulary(words=set(WORD.findall(script)))


# -- selectors ------------------------------------------------------------------------------

def _split(tokens: list) -> list[list]:
    """A selector list split at its top-level commas."""
    parts: list[list] = [[]]
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return [p for p in parts if any(t.type not in ("whitespace", "comment") for t in p)]


def required(selector: list) -> list[tuple[str, str]]:
    """The (kind, name) pairs a complex selector needs, kind being class, id, element or
    attribute; the names inside selector functions are left out."""
    needs = []
    previous = None
    for token in selector:
        if token.type == "ident":
            if previous is not None and previous.type == "literal" and previous.value == ".":
                needs.append(("class", token.value))
            elif previous is not None and previous.type == "literal" and previous.value == ":":
                pass  # a pseudo-class or pseudo-element
            else:
                needs.append(("element", token.value))
        elif token.type == "hash":
            needs.append(("id", token.value))
        elif token.type == "[] block":
            parts = [t for t in token.content if t.type not in ("whitespace", "comment")]
            if parts and parts[0].type == "ident":
                needs.append(("attribute", parts[0].value))
                # [name=value] (exact match only): the value must be seen too
                if len(parts) in (3, 4) and parts[1].type == "literal" and \
                        parts[1].value == "=" and parts[2].type in ("ident", "string"):
                    needs.append(("value", f"{parts[0].value}={parts[2].value}"))
        previous = token
    return needs


# -- rules ----------------------------------------------------------------------------------

@dataclass
class _Rule:
    """A style rule read once: its selectors with what each requires, its declarations
    with the custom property each defines and the variables and animations it names."""

    selectors: list[tuple[str, list[tuple[str, str]]]]  # (text, needs)
    later: set[str]  # the selectors that apply only after the reader does something
    declarations: list[tuple[str, str, set[str], set[str]]]  # (name, text, vars, animations)


@dataclass
class _Block:
    """@media or @supports: its prelude and the rules inside."""

    head: str
    items: list
    printing: bool = False  # @media print: the full stylesheet is there before any printing


@dataclass
class Stylesheet:
    """A stylesheet parsed once, to be reduced for many vocabularies (every page's first
    screen has its own)."""

    items: list  # _Rule, _Block or the text of another at-rule (@keyframes, @font-face ...)
    keyframes: dict[str, str]  # name -> text

    @classmethod
    def parse(cls, css: str) -> Stylesheet:
        nodes = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
        errors = [n for n in nodes if n.type == "error"]
        if errors:
            raise ValueError(f"CSS parse error at line {errors[0].source_line}: "
                             f"{errors[0].message}")
        keyframes: dict[str, str] = {}
        return cls(_items(nodes, keyframes), keyframes)

    def reduce(self, words: Vocabulary, first_paint: bool = False) -> str:
        """The stylesheet with only the rules `words` can use (see the module's docstring).
        `first_paint`: also without what only a reader's action or printing can show
        (hover, focus, an open drawer or search, scrollbars, print)."""
        kept = _select(self.items, words, first_paint)
        used = set(words.words)
        while True:  # a variable may be used only by another one that goes
            defined, refs, animations = set(), set(used), set(words.words)
            for rule in _rules_in(kept):
                for name, _, variables, names in rule.declarations:
                    if name.startswith("--") and name not in words.words:
                        defined.add(name)
                    refs |= variables
                    animations |= names
            unused = defined - refs
            if not unused:
                break
            kept = _drop_properties(kept, unused)
        out = []
        for item in kept:
            if isinstance(item, str) and item.startswith("@keyframes"):
                continue
            out.append(item)
        frames = "".join(text for name, text in self.keyframes.items() if name in animations)
        return _text(out) + frames


def _items(nodes: list, keyframes: dict[str, str]) -> list:
    items: list = []
    for node in nodes:
        if node.type == "qualified-rule":
            selectors = [(tinycss2.serialize(_strip(s)), required(s)) for s in _split(node.prelude)]
            later = {text for text, _ in selectors if LATER.search(text)}
            items.append(_Rule(selectors, later, _read_declarations(node.content)))
        elif node.type == "at-rule" and node.lower_at_keyword in ("media", "supports") \
                and node.content is not None:
            inner = tinycss2.parse_rule_list(node.content, skip_comments=True,
                                             skip_whitespace=True)
            head = f"@{node.at_keyword}{tinycss2.serialize(node.prelude)}"
            first = next((t for t in node.prelude if t.type == "ident"), None)
            printing = first is not None and first.lower_value == "print"
            items.append(_Block(head, _items(inner, keyframes), printing))
        elif node.type == "at-rule" and node.lower_at_keyword.endswith("keyframes"):
            name = next((t for t in node.prelude if t.type in ("ident", "string")), None)
            if name is not None:
                keyframes[name.value] = keyframes.get(name.value, "") + node.serialize()
        elif node.type == "at-rule":
            items.append(node.serialize())  # @charset, @font-face, @page: kept as they are
    return items


def _read_declarations(content: list | None) -> list[tuple[str, str, set[str], set[str]]]:
    found = []
    for node in tinycss2.parse_blocks_contents(content or [], skip_comments=True,
                                               skip_whitespace=True):
        if node.type != "declaration":
            continue
        variables, animations = set(), set()
        for token in _tokens(node.value):
            if token.type == "function" and token.lower_name == "var":
                name = next((t for t in token.arguments if t.type == "ident"), None)
                if name is not None:
                    variables.add(name.value)
        if node.lower_name in ("animation", "animation-name"):
            animations = {t.value for t in node.value if t.type == "ident"}
        value = tinycss2.serialize(node.value).strip()
        text = f"{node.name}:{value}{'!important' if node.important else ''}"
        found.append((node.name, text, variables, animations))
    return found


def _select(items: list, words: Vocabulary, first_paint: bool) -> list:
    kept: list = []
    for item in items:
        if isinstance(item, _Rule):
            selectors = [(text, needs) for text, needs in item.selectors
                         if all(words.has(kind, name) for kind, name in needs)
                         and not (first_paint and text in item.later)]
            if selectors and item.declarations:
                kept.append(_Rule(selectors, set(), item.declarations))
        elif isinstance(item, _Block):
            if first_paint and item.printing:
                continue
            inner = _select(item.items, words, first_paint)
            if inner:
                kept.append(_Block(item.head, inner, item.printing))
        else:
            kept.append(item)
    return kept


def _rules_in(items: list):
    for item in items:
        if isinstance(item, _Rule):
            yield item
        elif isinstance(item, _Block):
            yield from _rules_in(item.items)


def _drop_properties(items: list, unused: set[str]) -> list:
    out: list = []
    for item in items:
        if isinstance(item, _Rule):
            declarations = [d for d in item.declarations if d[0] not in unused]
            if declarations:
                out.append(_Rule(item.selectors, item.later, declarations))
        elif isinstance(item, _Block):
            inner = _drop_properties(item.items, unused)
            if inner:
                out.append(_Block(item.head, inner, item.printing))
        else:
            out.append(item)
    return out


def _text(items: list) -> str:
    parts = []
    for item in items:
        if isinstance(item, _Rule):
            parts.append(",".join(text for text, _ in item.selectors) + "{" +
                         ";".join(text for _, text, _, _ in item.declarations) + "}")
        elif isinstance(item, _Block):
            parts.append(f"{item.head}{{{_text(item.items)}}}")
        else:
            parts.append(item)
    return "".join(parts)


def _strip(tokens: list) -> list:
    while tokens and tokens[0].type in ("whitespace", "comment"):
        tokens = tokens[1:]
    while tokens and tokens[-1].type in ("whitespace", "comment"):
        tokens = tokens[:-1]
    return tokens


def _tokens(nodes: list):
    for node in nodes:
        yield node
        content = getattr(node, "content", None)
        if isinstance(content, list):
            yield from _tokens(content)
        arguments = getattr(node, "arguments", None)
        if isinstance(arguments, list):
            yield from _tokens(arguments)


def reduce(css: str, words: Vocabulary) -> str:
    """`css` with only the rules `words` can use (see the module's docstring)."""
    return Stylesheet.parse(css).reduce(words)


# -- the first screen -------------------------------------------------------------------------

# Containers whose insides no phone shows before the reader opens them: the search dialog
# and the drawer (on a wide screen the drawer is a sidebar; it is styled when the full
# stylesheet arrives, a moment later). The containers themselves count: their rules hide them.
CLOSED = {"md-search__inner", "md-sidebar__scrollwrap"}
# The first screen ends at the first element that starts after this much text (a phone
# shows about 20 Chinese characters a line, 30 lines a screen).
FIRST_SCREEN_TEXT = 1200
# Classes the page's first inline script gives <html> before the first paint.
FIRST_PAINT_CLASSES = {"sw-js", "sw-care", "js"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class _FirstScreen(_Collector):
    def __init__(self, vocabulary: Vocabulary) -> None:
        super().__init__(vocabulary)
        self.depth = 0
        self.closed_at: int | None = None  # depth of the closed container we are inside
        self.text = 0
        self.in_body = False
        self.done = False

    def handle_starttag(self, tag, attrs) -> None:
        if self.done:
            return
        if tag == "body":
            self.in_body = True
        if self.text >= FIRST_SCREEN_TEXT:
            self.done = True
            return
        if self.closed_at is None:
            super().handle_starttag(tag, attrs)
            classes = set((dict(attrs).get("class") or "").split())
            if classes & CLOSED and tag not in VOID:
                self.closed_at = self.depth
        if tag not in VOID:
            self.depth += 1

    def handle_startendtag(self, tag, attrs) -> None:
        if not self.done and self.closed_at is None:
            super().handle_starttag(tag, attrs)

    def handle_endtag(self, tag) -> None:
        if tag in VOID or self.done:
            return
        self.depth -= 1
        if self.closed_at is not None and self.depth <= self.closed_at:
            self.closed_at = None

    def handle_data(self, data) -> None:
        if self.in_body and self.closed_at is None and not self.done:
            self.text += len(data.strip())


def first_screen(html: str) -> Vocabulary:
    """The names the first screen of a page needs: the document up to the element that
    starts after FIRST_SCREEN_TEXT characters of text, less what closed containers hold,
    and the classes set before the first paint."""
    found = Vocabulary(classes=set(FIRST_PAINT_CLASSES))
    collector = _FirstScreen(found)
    collector.feed(html)
    return found
