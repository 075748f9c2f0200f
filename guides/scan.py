"""A light, line-aware reading of a Markdown body: headings, links, images, task items,
raw HTML tags and attribute lists, each with the file line it is on.

It does not render Markdown (that is the build's job, and too slow for checking a city's
worth of pages); it reads just enough structure for the checks, skipping code blocks and
code spans, which Markdown shows as text and never runs.

Where this reading and a browser's could differ, it errs towards seeing more: a fence that
never closes and a backslash-escaped backtick are not code (Python-Markdown agrees); HTML
comments end where a browser ends them (`<!-->`, `--!>`); a tag left open at the end
still counts; and every `<name` is kept, even where Python's HTML parser reads it as text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from pymdownx.slugs import slugify

_slugify = slugify(case="lower")  # the same slugify mkdocs.yml gives the toc extension

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
# a backslash-escaped backtick opens no code span (Python-Markdown's BACKTICK_RE)
CODE_SPAN = re.compile(r"(?<!\\)(`+)(.+?)(?<!`)\1(?!`)")
HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
HEADING_ATTRS = re.compile(r"\s*\{:?([^{}]*)\}\s*$")
ATTR_PAIR = re.compile(r"""([^\s=#.]+)\s*=\s*("[^"]*"|'[^']*'|[^\s}]+)""")
# A tab inside a link's URL is kept in it (a browser drops it: `java\tscript:`).
_URL_CHAR = r"(?:[^\s()]|\t(?![\"'(]))"
LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]"
                  rf"\(\s*(<[^>]*>|{_URL_CHAR}*(?:\({_URL_CHAR}*\){_URL_CHAR}*)*)"
                  r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]{1,31}:[^\s<>]*)>")
REF_DEF = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?([^\s>]+)>?")
TASK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\[([ xX])\]\s+(.*)$")
INLINE_MARKUP = re.compile(r"[*_~`]|!?\[([^\]]*)\]\([^)]*\)")


@dataclass
class Heading:
    level: int
    text: str  # as shown, markup stripped
    id: str  # explicit {#id}, else the slug the toc extension makes
    explicit: bool
    line: int


@dataclass
class Link:
    url: str
    text: str
    line: int
    image: bool


@dataclass
class Tag:
    name: str
    attrs: list[tuple[str, str]]
    line: int


@dataclass
class TaskItem:
    checked: bool
    text: str
    line: int


@dataclass
class Scan:
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    tasks: list[TaskItem] = field(default_factory=list)
    attr_lists: list[Tag] = field(default_factory=list)  # {: key=value } as a pseudo-tag
    # every `<name` in the HTML, with no attributes: also those Python's parser reads as
    # text but Markdown passes on as a tag (`<scr<script>`), and those inside attributes
    loose_tags: list[Tag] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # body lines, code blanked
    first_line: int = 1

    def anchors(self) -> set[str]:
        ids = {h.id for h in self.headings}
        for item in self.tags + self.attr_lists:
            ids.update(v for k, v in item.attrs if k.lower() in ("id", "name"))
        return ids


def unique(ids: dict[str, int], slug: str) -> str:
    """Python-Markdown's toc makes repeated ids unique as slug_1, slug_2, ..."""
    candidate, n = slug, 0
    while candidate in ids:
        n += 1
        candidate = f"{slug}_{n}"
    ids[candidate] = 1
    return candidate


def scan(body: str, first_line: int = 1) -> Scan:
    result = Scan(first_line=first_line)
    raw = body.split("\n")
    lines: list[str] = []
    index = 0
    while index < len(raw):
        end = _fence_end(raw, index)
        if end is not None:  # a fenced block, closed at `end`: code, blanked
            lines.extend([""] * (end - index + 1))
            index = end + 1
            continue
        line = raw[index]
        lines.append(CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line) if "`" in line
                     else line)
        index += 1
    result.lines = lines
    seen_ids: dict[str, int] = {}
    for index, line in enumerate(lines):
        number = first_line + index
        _scan_line(result, line, number, seen_ids)
    _scan_html("\n".join(lines), result)
    return result


def _fence_end(raw: list[str], start: int) -> int | None:
    """The closing line of a fence opened at `start`; None if it opens none or never
    closes (Python-Markdown then shows the fence as text, and renders what follows)."""
    line = raw[start]
    opening = FENCE.match(line) if "```" in line or "~~~" in line else None
    if not opening:
        return None
    fence = opening.group(1)
    for index in range(start + 1, len(raw)):
        match = FENCE.match(raw[index])
        if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                and not raw[index].strip()[len(match.group(1)):].strip():
            return index
    return None


def _scan_line(result: Scan, line: str, number: int, seen_ids: dict[str, int]) -> None:
    # Each pattern needs a character the line may not have: a cheap test first (the
    # checks read some 2,000 pages a second).
    heading = HEADING.match(line) if "#" in line else None
    if heading:
        text = heading.group(2) or ""
        explicit_id = ""
        attrs = HEADING_ATTRS.search(text)
        if attrs:
            text = text[: attrs.start()]
            explicit_id = next((p[1:] for p in attrs.group(1).split() if p.startswith("#")), "")
        shown = INLINE_MARKUP.sub(lambda m: m.group(1) or "", text).strip()
        if explicit_id:
            seen_ids[explicit_id] = 1
            anchor = explicit_id
        else:
            anchor = unique(seen_ids, _slugify(html.unescape(shown), "-"))
        result.headings.append(Heading(len(heading.group(1)), shown, anchor, bool(explicit_id),
                                       number))
    if "](" in line:
        for match in LINK.finditer(line):
            url = match.group(3).strip("<>")
            result.links.append(Link(url, match.group(2), number, match.group(1) == "!"))
    if "<" in line:
        for match in AUTOLINK.finditer(line):  # <javascript:...>: CommonMark makes it a link
            result.links.append(Link(match.group(1), match.group(1), number, False))
    if "[" not in line and "{" not in line:
        return
    ref = REF_DEF.match(line) if "]:" in line else None
    if ref:
        result.links.append(Link(ref.group(2), ref.group(1), number, False))
    task = TASK.match(line) if "[" in line else None
    if task:
        result.tasks.append(TaskItem(task.group(1) != " ", task.group(2).strip(), number))
    for match in ATTR_LIST.finditer(line) if "{" in line else ():
        pairs = [(k, v.strip("\"'")) for k, v in ATTR_PAIR.findall(match.group(1))]
        pairs += [("id", p[1:]) for p in match.group(1).split() if p.startswith("#")]
        if pairs:
            result.attr_lists.append(Tag("{:}", pairs, number))


# HTML comments as a browser ends them: `<!-->` and `<!--->` at once, else at the first
# `-->` or `--!>` (Python's parser reads on to the next `-->`, hiding what lies between).
# A comment that never ends is not one to Markdown, which renders what follows.
COMMENT = re.compile(r"<!--(?:>|->|.*?--!?>)|<!--", re.S)
TAG_START = re.compile(r"<([a-zA-Z][^\t\n\r\f />\x00<]*)")


class _TagCollector(HTMLParser):
    def __init__(self, result: Scan) -> None:
        super().__init__(convert_charrefs=True)
        self.result = result
        self.starts: set[tuple[int, int]] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        row, column = self.getpos()
        self.starts.add((row, column))
        line = self.result.first_line + row - 1
        self.result.tags.append(Tag(tag.lower(), [(k.lower(), v or "") for k, v in attrs], line))

    handle_startendtag = handle_starttag


def _scan_html(text: str, result: Scan) -> None:
    if "<" not in text:
        return
    # comments blanked (line breaks kept), and a `>` to close a tag left open at the end
    text = COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text) + ">"
    parser = _TagCollector(result)
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError):  # malformed markup: what was read still counts
        pass
    for row, line in enumerate(text.split("\n"), start=1):
        for match in TAG_START.finditer(line):
            if (row, match.start()) not in parser.starts:
                result.loose_tags.append(Tag(match.group(1).lower(), [],
                                             result.first_line + row - 1))
