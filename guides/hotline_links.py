"""`{{hotline:ID}}` in a guide's text becomes a tap-to-call link to that hotline's number,
read from content/_data/hotlines.yml: every number is written once, in that file.

A Python-Markdown extension, free of MkDocs: the plugin adds it to the build with the
numbers it loaded, and anything else that renders guides can do the same. It runs after
code spans, so a placeholder shown as code stays as written. An id the file lacks is left
as written (`guides check` reports it, with the closest id); `guides serve` shows it.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Mapping

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

from guides.hotlines import PLACEHOLDER
from guides.phones import normalise

# After `backtick` (190) and `escape` (180), before links (160): code stays code.
PRIORITY = 175


class HotlineProcessor(InlineProcessor):
    def __init__(self, numbers: Mapping[str, str], md: Markdown) -> None:
        super().__init__(PLACEHOLDER.pattern, md)
        self.numbers = numbers

    def handleMatch(self, m, data):  # noqa: N802 (Python-Markdown's name)
        number = self.numbers.get(m.group(1))
        if number is None:
            return None, None, None
        link = etree.Element("a", {"href": "tel:" + normalise(number), "class": "sw-tel"})
        link.text = number
        return link, m.start(0), m.end(0)


class HotlineExtension(Extension):
    """`numbers` maps hotline ids to numbers; it is read at each page, so a caller may
    fill it after creating the extension."""

    def __init__(self, numbers: Mapping[str, str] | None = None, **kwargs) -> None:
        self.numbers: Mapping[str, str] = numbers if numbers is not None else {}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802
        md.inlinePatterns.register(HotlineProcessor(self.numbers, md), "shouwang_hotline",
                                   PRIORITY)


def makeExtension(**kwargs) -> HotlineExtension:  # noqa: N802 (Markdown's loader name)
    return HotlineExtension(**kwargs)
