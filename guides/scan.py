"""A light, line-aware reading of a Markdown body: headings, links, images, task items,
raw HTML tags and attribute lists, each with the file line it is on.

It does not render Markdown (that is the build's job, and too slow for checking a city's
worth of pages); it reads just enough structure for the checks, skipping code blocks and
code spans, which Markdown shows as text and never runs.

Where this reading and a browser's could differ, it errs towards seeing more: a fence that
never closes and a backslash-escaped backtick are not code (Python-Markdown agrees); HTML
comments end where a browser ends them (`<!-->`, `--!>`); a tag left open at the end
still counts; and every `<name` is kept, even where Python's HTML parser reads it as text.

Every step is linear in its input: code spans, headings, links, inline markup, attribute
pairs, comments and fences are read by small tokenizers (with the results the regular
expressions they replace gave, tests/test_scan_linear.py compares them), because those
expressions took seconds to minutes on runs of backticks, spaces, `[` or `<!--`.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from pymdownx.slugs import slugify

_slugify = slugify(case="lower")  # the same slugify mkdocs.yml gives the toc extension

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]{1,31}:[^\s<>]*)>")
REF_DEF = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?([^\s>]+)>?")
TASK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\[([ xX])\]\s+(.*)$")


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
    """Python-Markdown's toc makes repeated ids unique as slug_1, slug_2, ...; the last
    number tried for a slug is kept (under a key no id can have), so a page of the same
    heading repeated stays linear."""
    key = "\0" + slug
    n = ids.get(key, 0)
    candidate = f"{slug}_{n}" if n else slug
    while candidate in ids:
        n += 1
        candidate = f"{slug}_{n}"
    ids[candidate] = 1
    ids[key] = n
    return candidate


def scan(body: str, first_line: int = 1) -> Scan:
    result = Scan(first_line=first_line)
    raw = body.split("\n")
    fences = _Fences(raw)
    lines: list[str] = []
    index = 0
    while index < len(raw):
        end = fences.end(index)
        if end is not None:  # a fenced block, closed at `end`: code, blanked
            lines.extend([""] * (end - index + 1))
            index = end + 1
            continue
        line = raw[index]
        lines.append(blank_code_spans(line) if "`" in line else line)
        index += 1
    result.lines = lines
    seen_ids: dict[str, int] = {}
    for index, line in enumerate(lines):
        number = first_line + index
        _scan_line(result, line, number, seen_ids)
    _scan_html("\n".join(lines), result)
    return result


class _Fences:
    """Where each fence closes: the first later line of the same character, at least as
    long, with nothing after it; None if it never closes (Python-Markdown then shows the
    fence as text, and renders what follows). Found by jumping along the next longer
    closing line, not by reading every later line for every fence."""

    def __init__(self, raw: list[str]) -> None:
        self.raw = raw
        self.closers: dict[str, tuple[list[int], list[int], list[int]]] = {}
        found: dict[str, list[tuple[int, int]]] = {"`": [], "~": []}
        for index, line in enumerate(raw):
            match = FENCE.match(line) if "```" in line or "~~~" in line else None
            if match and not line.strip()[len(match.group(1)):].strip():
                found[match.group(1)[0]].append((index, len(match.group(1))))
        for char, items in found.items():
            indexes = [i for i, _ in items]
            lengths = [n for _, n in items]
            longer = [len(items)] * len(items)  # the next closer that is strictly longer
            stack: list[int] = []
            for k, length in enumerate(lengths):
                while stack and lengths[stack[-1]] < length:
                    longer[stack.pop()] = k
                stack.append(k)
            self.closers[char] = (indexes, lengths, longer)

    def end(self, start: int) -> int | None:
        line = self.raw[start]
        opening = FENCE.match(line) if "```" in line or "~~~" in line else None
        if not opening:
            return None
        fence = opening.group(1)
        indexes, lengths, longer = self.closers[fence[0]]
        k = bisect_right(indexes, start)
        while k < len(indexes) and lengths[k] < len(fence):
            k = longer[k]
        return indexes[k] if k < len(indexes) else None


def blank_code_spans(line: str) -> str:
    r"""Code spans blanked with spaces, as `(?<!\\)(`+)(.+?)(?<!`)\1(?!`)` (Python-Markdown's
    BACKTICK_RE, without its escaped-backslash branch) would find them: an opening run of
    backticks, as long as possible, closed by the nearest later run of exactly that
    length; a backslash before the run leaves its first backtick out."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(line)]
    # for each run, the closing run for its full length and for one less (escaped)
    closing: list[tuple[int | None, int | None]] = [(None, None)] * len(runs)
    lengths: list[int] = []  # distinct lengths of the runs after this one, sorted
    nearest: dict[int, int] = {}  # length -> the nearest later run of that length

    def best(length: int) -> int | None:
        k = bisect_right(lengths, length) - 1
        return nearest[lengths[k]] if k >= 0 else None

    for j in range(len(runs) - 1, -1, -1):
        size = runs[j][1] - runs[j][0]
        closing[j] = (best(size), best(size - 1))
        if size not in nearest:
            insort(lengths, size)
        nearest[size] = j
    out: list[str] = []
    done = j = 0
    while j < len(runs):
        start, _ = runs[j]
        escaped = start > 0 and line[start - 1] == "\\"
        closer = closing[j][1 if escaped else 0]
        if closer is None:
            j += 1
            continue
        start += escaped
        end = runs[closer][1]
        out += [line[done:start], " " * (end - start)]
        done, j = end, closer + 1
    out.append(line[done:])
    return "".join(out)


_BACKTICKS = re.compile(r"`+")


def heading(line: str) -> tuple[int, str] | None:
    r"""(level, text) of an ATX heading, as `^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?
    [ \t]*$` reads it: the closing hashes and the spaces around the text left out."""
    indent = len(line) - len(line.lstrip(" "))
    if indent > 3:
        return None
    hashes = len(line) - indent - len(line[indent:].lstrip("#"))
    if not 1 <= hashes <= 6:
        return None
    rest = line[indent + hashes:]
    if rest and rest[0] not in " \t":
        return None
    text = rest.strip(" \t")
    bare = text.rstrip("#")
    if bare != text and bare and bare[-1] in " \t":
        text = bare.rstrip(" \t")
    return hashes, text


def heading_attrs(text: str) -> tuple[int, str] | None:
    r"""(start, inside) of a heading's closing `{: #id .class }`, as `\s*\{:?([^{}]*)\}\s*$`
    searched for would find it."""
    stripped = text.rstrip()
    if not stripped.endswith("}"):
        return None
    close = len(stripped) - 1
    opening = max(stripped.rfind("{", 0, close), stripped.rfind("}", 0, close))
    if opening < 0 or stripped[opening] != "{":
        return None
    inside = stripped[opening + 1:close]
    return len(stripped[:opening].rstrip()), inside[1:] if inside.startswith(":") else inside


class _Next:
    """The next position of a character at or after a position, by bisection."""

    def __init__(self, text: str, chars: str) -> None:
        self.positions = [i for i, c in enumerate(text) if c in chars]

    def __call__(self, start: int) -> int:
        k = bisect_left(self.positions, start)
        return self.positions[k] if k < len(self.positions) else -1


def plain_text(text: str) -> str:
    r"""Heading text as shown: `[*_~\`]` dropped and `!?[text](url)` replaced by its text,
    as `[*_~\`]|!?\[([^\]]*)\]\([^)]*\)` substituted would."""
    if not any(c in text for c in "*_~`["):
        return text
    close, paren = _Next(text, "]"), _Next(text, ")")
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char in "*_~`":
            i += 1
            continue
        bracket = i + 1 if char == "!" and text.startswith("[", i + 1) else i
        if text[bracket] == "[":
            end = close(bracket + 1)
            if end >= 0 and text.startswith("(", end + 1):
                last = paren(end + 2)
                if last >= 0:
                    out.append(text[bracket + 1:end])
                    i = last + 1
                    continue
        out.append(char)
        i += 1
    return "".join(out)


def attr_pairs(text: str) -> list[tuple[str, str]]:
    r"""`key=value` pairs of an attribute list, as `([^\s=#.]+)\s*=\s*("[^"]*"|'[^']*'|[^\s}]+)`
    with findall: a name run that is not followed by `=` is passed over whole (a start
    inside it would fail the same way)."""
    pairs: list[tuple[str, str]] = []
    quotes = {'"': _Next(text, '"'), "'": _Next(text, "'")}
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace() or text[i] in "=#.":
            i += 1
            continue
        j = i
        while j < n and not (text[j].isspace() or text[j] in "=#."):
            j += 1
        k = _skip_space(text, j)
        if k < n and text[k] == "=":
            v = _skip_space(text, k + 1)
            end = -1
            if v < n and text[v] in quotes:
                close = quotes[text[v]](v + 1)
                end = close + 1 if close >= 0 else -1
            if end < 0:
                end = v
                while end < n and not (text[end].isspace() or text[end] == "}"):
                    end += 1
            if end > v:
                pairs.append((text[i:j], text[v:end]))
                i = end
                continue
        i = j
    return pairs


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


class LinkMatch:
    """What `re.Match` gives for an inline link: groups 1 (`!` or ""), 2 (text), 3 (URL)."""

    def __init__(self, string: str, spans: list[tuple[int, int]]) -> None:
        self.string, self.spans = string, spans

    def group(self, index: int = 0) -> str:
        start, end = self.spans[index]
        return self.string[start:end]

    def span(self, index: int = 0) -> tuple[int, int]:
        return self.spans[index]

    def start(self, index: int = 0) -> int:
        return self.spans[index][0]

    def end(self, index: int = 0) -> int:
        return self.spans[index][1]


class _Finder:
    """`re`-like `sub` over a `finditer` of LinkMatch, for the linear readers below."""

    def finditer(self, text: str) -> Iterator[LinkMatch]:
        raise NotImplementedError

    def sub(self, replace: Callable[[LinkMatch], str], text: str) -> str:
        out: list[str] = []
        done = 0
        for match in self.finditer(text):
            out += [text[done:match.start()], replace(match)]
            done = match.end()
        out.append(text[done:])
        return "".join(out)


class Links(_Finder):
    """Inline links and images, `[text](url "title")`, found in linear time with the
    matches of the regular expression this replaces (kept in tests/test_scan_linear.py):
    text with one level of nested brackets, a URL in `<...>` or of non-space characters
    with balanced parentheses (a tab is kept in it: a browser drops it, `java\tscript:`),
    and an optional title. The build rewrites links with the same reading (guides.site)."""

    def finditer(self, text: str) -> Iterator[LinkMatch]:
        if "](" not in text:
            return
        finder = _LinkFinder(text)
        pos = 0
        for start in finder.opens.positions:
            if start < pos:
                continue
            found = finder.match(start)
            if found is None:
                continue
            image = start > pos and text[start - 1] == "!"
            url, end = found
            begin = start - image
            spans = [(begin, end), (begin, start), (start + 1, url[2]), (url[0], url[1])]
            yield LinkMatch(text, spans)
            pos = end


LINK = Links()


class _LinkFinder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.opens = _Next(text, "[")
        self.brackets = _Next(text, "[]")
        self.closes = _Next(text, "]")
        self.ends = {'"': _Next(text, '"'), "'": _Next(text, "'"), "(": _Next(text, ")")}
        self.angle = _Next(text, ">")
        self.text_ends: dict[int, int] = {}  # bracket -> where a link text reaching it ends
        self.urls: dict[int, tuple[tuple[int, int, int], int] | None] = {}

    def match(self, start: int) -> tuple[tuple[int, int, int], int] | None:
        """((url start, url end, text end), match end) of a link opened at `start`."""
        end = self._text_end(start + 1)
        if end < 0 or not self.text.startswith("(", end + 1):
            return None
        if end not in self.urls:
            self.urls[end] = self._destination(end)
        return self.urls[end]

    def _text_end(self, pos: int) -> int:
        """The `]` that ends a link text read from `pos`: plain characters and `[...]`
        groups (whose inside has no `]`)."""
        path: list[int] = []
        result = -1
        while True:
            bracket = self.brackets(pos)
            if bracket < 0:
                break
            if bracket in self.text_ends:
                result = self.text_ends[bracket]
                break
            path.append(bracket)
            if self.text[bracket] == "]":
                result = bracket
                break
            close = self.closes(bracket + 1)
            if close < 0:
                break
            pos = close + 1
        for bracket in path:
            self.text_ends[bracket] = result
        return result

    def _destination(self, end: int) -> tuple[tuple[int, int, int], int] | None:
        text = self.text
        start = _skip_space(text, end + 2)
        if text.startswith("<", start):
            close = self.angle(start + 1)
            if close >= 0:
                last = self._tail(close + 1)
                if last >= 0:
                    return (start, close + 1, end), last
        url_end = self._url_end(start)
        last = self._tail(url_end)
        return ((start, url_end, end), last) if last >= 0 else None

    def _url_char(self, i: int) -> bool:
        char = self.text[i]
        if char in "()":
            return False
        if char == "\t":
            return not self.text.startswith(('"', "'", "("), i + 1)
        return not char.isspace()

    def _url_end(self, i: int) -> int:
        n = len(self.text)
        while True:
            while i < n and self._url_char(i):
                i += 1
            if i < n and self.text[i] == "(":
                j = i + 1
                while j < n and self._url_char(j):
                    j += 1
                if j < n and self.text[j] == ")":
                    i = j + 1
                    continue
            return i

    def _tail(self, i: int) -> int:
        """After the URL: an optional title after white space, then `)`; its end or -1."""
        text = self.text
        space = _skip_space(text, i)
        if space > i and space < len(text) and text[space] in self.ends:
            close = self.ends[text[space]](space + 1)
            if close >= 0:
                last = _skip_space(text, close + 1)
                if text.startswith(")", last):
                    return last + 1
        return space + 1 if text.startswith(")", space) else -1


def _scan_line(result: Scan, line: str, number: int, seen_ids: dict[str, int]) -> None:
    # Each pattern needs a character the line may not have: a cheap test first (the
    # checks read some 2,000 pages a second).
    found = heading(line) if "#" in line else None
    if found:
        level, text = found
        explicit_id = ""
        attrs = heading_attrs(text)
        if attrs:
            text = text[: attrs[0]]
            explicit_id = next((p[1:] for p in attrs[1].split() if p.startswith("#")), "")
        shown = plain_text(text).strip()
        if explicit_id:
            seen_ids[explicit_id] = 1
            anchor = explicit_id
        else:
            anchor = unique(seen_ids, _slugify(html.unescape(shown), "-"))
        result.headings.append(Heading(level, shown, anchor, bool(explicit_id), number))
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
        pairs = [(k, v.strip("\"'")) for k, v in attr_pairs(match.group(1))]
        pairs += [("id", p[1:]) for p in match.group(1).split() if p.startswith("#")]
        if pairs:
            result.attr_lists.append(Tag("{:}", pairs, number))


def comment_spans(text: str) -> Iterator[tuple[int, int]]:
    """HTML comments as a browser ends them: `<!-->` and `<!--->` at once, else at the
    first `-->` or `--!>` (Python's parser reads on to the next `-->`, hiding what lies
    between). A comment that never ends is not one to Markdown, which renders what
    follows: only its `<!--` is taken. Linear: the search for an end is not repeated once
    there is none."""
    ends = {"-->": -2, "--!>": -2}  # where each end was last found (-1: none left)
    start = text.find("<!--")
    while start >= 0:
        inside = start + 4
        if text.startswith(">", inside):
            end = inside + 1
        elif text.startswith("->", inside):
            end = inside + 2
        else:
            end = -1
            for mark in ends:
                if ends[mark] == -2 or 0 <= ends[mark] < inside:
                    ends[mark] = text.find(mark, inside)
                if ends[mark] >= 0 and (end < 0 or ends[mark] + len(mark) < end):
                    end = ends[mark] + len(mark)
            end = end if end >= 0 else inside
        yield start, end
        start = text.find("<!--", end)


class Comments(_Finder):
    """`re`-like access to comment_spans: `COMMENT.sub(replace, text)`."""

    def finditer(self, text: str) -> Iterator[LinkMatch]:
        for span in comment_spans(text):
            yield LinkMatch(text, [span])


COMMENT = Comments()


def blank_comments(text: str) -> str:
    """Comments blanked with spaces, line breaks kept (so lines keep their numbers)."""
    return COMMENT.sub(lambda match: _NOT_NEWLINE.sub(" ", match.group(0)), text)


_NOT_NEWLINE = re.compile(r"[^\n]")
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
    text = blank_comments(text) + ">"
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
