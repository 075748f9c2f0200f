"""Hard limits, checked before anything parses a file, so that no small file can crash or
hang `guides check`, `guides build` or `guides serve`.

- YAML (front matter and data files): the text's size, then PyYAML's event stream walked
  once with a budget, counting nesting depth, aliases and the size aliases expand to,
  before any node is composed. The stream is read lazily, so a walk that stops at the
  first limit never lets libyaml see the rest: deep nesting crashes libyaml's composer
  (SIGSEGV) and an alias bomb of a few hundred bytes expands to ~10⁹ nodes.
- Markdown bodies: page size, line length, container nesting (lists and quotes on one
  line end Python-Markdown in RecursionError), the size of a block (lines between blank
  lines) and its `[` and `<` (Python-Markdown's inline patterns take time growing with the
  square or the cube of a block: `*a`, `[` and `<a` runs took minutes).

Every limit is far above what a guide needs (the largest guide is about 12 KB, with at
most 13 brackets in a paragraph and 45 in a page); each problem is (line, code, args).
"""

from __future__ import annotations

from typing import Any

import yaml

Problem = tuple[int, str, dict[str, Any]]
# codes of YAML refused before parsing: nothing was read from it
YAML_CODES = frozenset({"fm.too-large", "fm.too-deep", "fm.too-many-aliases", "fm.alias-loop",
                        "fm.alias-expansion"})

MAX_FRONT_MATTER_BYTES = 32 * 1024
MAX_YAML_DEPTH = 20  # nested lists and mappings, aliases counted as what they stand for
MAX_YAML_ALIASES = 100
MAX_YAML_EXPANDED = 100_000  # nodes and characters that aliases add, all told

MAX_PAGE_BYTES = 128 * 1024  # a guide's Markdown body, UTF-8
MAX_LINE_CHARS = 2000
MAX_NESTING = 16  # quotes and list markers opening one line, and its indentation / 4
MAX_BLOCK_BYTES = 8 * 1024  # lines between blank lines: Python-Markdown's inline patterns
# take time growing with the square of a block's size (128 KB of `*a` in one block: a minute)
MAX_BLOCK_BRACKETS = 100  # `[` or `<` in one block (lines between blank lines)
MAX_PAGE_BRACKETS = 2000  # `[` or `<` in one page

_EVENTS = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it


def _kb(size: int) -> str:
    return f"{size / 1024:.0f} KB"


def yaml_problems(text: str, first_line: int = 1) -> list[Problem]:
    """The first limit `text` goes over, as a problem at its line; [] when it is within all
    of them, or when it is not valid YAML (the parser that follows reports that)."""
    frames: list[list[Any]] = []  # open collections: [anchor, size, height]
    anchors: dict[str, tuple[int, int]] = {}  # anchor -> (expanded size, height)
    aliases = expanded = 0

    def problem(event: yaml.Event, code: str, **args: Any) -> list[Problem]:
        return [(first_line + event.start_mark.line, code, args)]

    def add(size: int, height: int) -> None:
        if frames:
            frames[-1][1] += size
            frames[-1][2] = max(frames[-1][2], height + 1)

    try:
        parser = _EVENTS(text)
    except yaml.YAMLError:  # the pure-Python reader refuses control characters at once
        return []
    try:
        while True:
            event = parser.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                return []
            if isinstance(event, yaml.CollectionStartEvent):
                if len(frames) + 1 > MAX_YAML_DEPTH:
                    return problem(event, "fm.too-deep", limit=MAX_YAML_DEPTH)
                frames.append([event.anchor, 1, 0])
            elif isinstance(event, yaml.CollectionEndEvent):
                anchor, size, height = frames.pop()
                if anchor is not None:
                    anchors[anchor] = (size, height)
                add(size, height)
            elif isinstance(event, yaml.ScalarEvent):
                size = 1 + len(event.value)
                if event.anchor is not None:
                    anchors[event.anchor] = (size, 0)
                add(size, 0)
            elif isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > MAX_YAML_ALIASES:
                    return problem(event, "fm.too-many-aliases", limit=MAX_YAML_ALIASES)
                if any(frame[0] == event.anchor for frame in frames):
                    return problem(event, "fm.alias-loop", name=event.anchor)
                size, height = anchors.get(event.anchor, (1, 0))
                expanded += size
                if expanded > MAX_YAML_EXPANDED:
                    return problem(event, "fm.alias-expansion", name=event.anchor,
                                   limit=MAX_YAML_EXPANDED)
                if len(frames) + height > MAX_YAML_DEPTH:
                    return problem(event, "fm.too-deep", limit=MAX_YAML_DEPTH)
                add(size, height)
    except yaml.YAMLError:
        return []
    finally:
        parser.dispose()


def front_matter_problems(yaml_text: str, first_line: int) -> list[Problem]:
    """A guide's front matter over its size limit (YAML's own limits come after)."""
    size = len(yaml_text.encode("utf-8", "surrogatepass"))
    if size <= MAX_FRONT_MATTER_BYTES:
        return []
    return [(_line_past(yaml_text, MAX_FRONT_MATTER_BYTES, first_line), "fm.too-large",
             {"size": _kb(size), "limit": _kb(MAX_FRONT_MATTER_BYTES)})]


def _line_past(text: str, limit: int, first_line: int) -> int:
    """The line on which `text` passes `limit` bytes."""
    total = 0
    for index, line in enumerate(text.split("\n")):
        total += len(line.encode("utf-8", "surrogatepass")) + 1
        if total > limit:
            return first_line + index
    return first_line


def markdown_problems(body: str, first_line: int = 1) -> list[Problem]:
    """The limits a Markdown body goes over, at most one problem of each kind, each at the
    first line that shows it. Linear in the body's length."""
    found: dict[str, Problem] = {}
    size = len(body.encode("utf-8", "surrogatepass"))
    total = 0  # bytes up to the current line
    block_start, block = first_line, [0, 0]  # `[` and `<` in the current block
    page = [0, 0]
    block_bytes = 0
    for index, line in enumerate(body.split("\n")):
        number = first_line + index
        size_of_line = len(line.encode("utf-8", "surrogatepass")) + 1
        total += size_of_line
        if size > MAX_PAGE_BYTES and total > MAX_PAGE_BYTES and "md.too-large" not in found:
            found["md.too-large"] = (number, "md.too-large", {"size": _kb(size),
                                                             "limit": _kb(MAX_PAGE_BYTES)})
        if len(line) > MAX_LINE_CHARS and "md.line-too-long" not in found:
            found["md.line-too-long"] = (number, "md.line-too-long",
                                         {"length": len(line), "limit": MAX_LINE_CHARS})
        if not line.strip():
            block_start, block, block_bytes = number + 1, [0, 0], 0
            continue
        block_bytes += size_of_line
        if block_bytes > MAX_BLOCK_BYTES and "md.block-too-large" not in found:
            found["md.block-too-large"] = (block_start, "md.block-too-large",
                                           {"limit": _kb(MAX_BLOCK_BYTES)})
        depth = nesting(line)
        if depth > MAX_NESTING and "md.too-deep" not in found:
            found["md.too-deep"] = (number, "md.too-deep", {"depth": depth, "limit": MAX_NESTING})
        for i, char in enumerate("[<"):
            count = line.count(char)
            block[i] += count
            page[i] += count
            if "md.brackets" in found:
                continue
            if block[i] > MAX_BLOCK_BRACKETS:
                found["md.brackets"] = (block_start, "md.brackets",
                                        {"char": char, "limit": MAX_BLOCK_BRACKETS})
            elif page[i] > MAX_PAGE_BRACKETS:
                found["md.brackets"] = (number, "md.page-brackets",
                                        {"char": char, "limit": MAX_PAGE_BRACKETS})
    return sorted(found.values())


def nesting(line: str) -> int:
    """How deep a line's containers go: its indentation in steps of four columns, then the
    quotes (`>`) and list markers (`-`, `*`, `+`, `1.`) that open it."""
    markers = columns = i = 0
    n = len(line)
    while i < n:
        char = line[i]
        if char in " \t":
            if not markers:  # the white space between markers is not indentation
                columns += 1 if char == " " else 4 - columns % 4
        elif char == ">" or (char in "-*+" and (i + 1 == n or line[i + 1] in " \t")):
            markers += 1
        elif "0" <= char <= "9":
            j = i
            while j < n and j - i < 10 and "0" <= line[j] <= "9":
                j += 1
            if not (j < n and line[j] in ".)" and (j + 1 == n or line[j + 1] in " \t")):
                break
            markers += 1
            i = j
        else:
            break
        i += 1
    return markers + columns // 4
