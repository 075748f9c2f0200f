"""A small element tree for reading and rewriting the pages the build wrote.

The share outputs are made from the finished page (what readers see: hotlines inserted,
content cleaned), not from the Markdown again. The standard library's HTMLParser is
enough for HTML the build itself wrote; this keeps just elements, attributes and text.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "tr", "dt", "dd",
          "blockquote", "pre", "br", "table", "ul", "ol"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def iter(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, test: Callable[[Element], bool]) -> list[Element]:
        return [e for e in self.iter() if test(e)]

    def find(self, tag: str | None = None, cls: str | None = None) -> Element | None:
        for e in self.iter():
            if (tag is None or e.tag == tag) and (cls is None or cls in e.classes):
                return e
        return None

    def text(self) -> str:
        """The text as read: block elements on lines of their own, spaces collapsed."""
        parts: list[str] = []

        def walk(node: Element | str) -> None:
            if isinstance(node, str):
                parts.append(node)
                return
            if node.tag in ("script", "style", "template"):
                return
            if node.tag in BLOCKS:
                parts.append("\n")
            for child in node.children:
                walk(child)
            if node.tag in BLOCKS:
                parts.append("\n")

        walk(self)
        lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
        return "\n".join(line for line in lines if line)

    def inner_html(self) -> str:
        return "".join(serialize(child) for child in self.children)


def serialize(node: Element | str) -> str:
    if isinstance(node, str):
        return html.escape(node, quote=False)
    if node.tag == "#root":
        return node.inner_html()
    attrs = "".join(f" {name}" if value is None else f' {name}="{html.escape(value)}"'
                    for name, value in node.attrs.items())
    if node.tag in VOID:
        return f"<{node.tag}{attrs}>"
    return f"<{node.tag}{attrs}>{node.inner_html()}</{node.tag}>"


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs))
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(text: str) -> Element:
    builder = _Builder()
    builder.feed(text)
    builder.close()
    return builder.root
