"""Phone numbers: real Chinese numbers, and one source for every number.

The hotline data file (content/_data/hotlines.yml) is the one place a number is written:
each entry has an id, its number and the date it was last verified. A guide inserts a
number with `{{hotline:ID}}`; a `tel:` link written by hand must dial a number the file
has. A number not verified for HOTLINE_VERIFY_DAYS is a warning.
"""

from __future__ import annotations

import datetime as dt
import difflib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

from guides import hotlines
from guides.checks.context import Context
from guides.checks.phonelinks import anchor_text, check_tel
from guides.checks.writing import spaced_tel_links
from guides.frontmatter import SafeLoader, parse_yaml
from guides.model import DEFAULT_LANGUAGE, HOTLINE_VERIFY_DAYS, HOTLINES_FILE, Document, as_date
from guides.phones import ascii_digits, find_numbers, is_valid_chinese_number
from guides.reader import read_text

ENTRY_KEYS = ("id", "number", "name", "note", "verified")


@dataclass
class Table:
    """What the checks know of the data file: id -> number, and the dialled numbers."""

    present: bool = False  # the file exists
    readable: bool = False  # ... and could be read as hotlines
    ids: dict[str, str] = field(default_factory=dict)
    numbers: set[str] = field(default_factory=set)  # keys (see `number_key`)


@dataclass
class Number:
    """A phone number a page shows: where, and how it got there."""

    digits: str  # as compared (see `number_key`)
    line: int
    how: str  # "hotline" ({{hotline:ID}}), "tel" (a tel: link), "text" (plain text)
    shown: str = ""  # as written


def check(ctx: Context) -> None:
    table = load_table(ctx)
    for doc in ctx.content.documents():
        if not doc.readable:
            continue
        for href, text, line in tel_links(ctx, doc):
            check_tel(ctx, doc, href, text, line)  # shown = dialled, and dialable
            dials = dialled(href)
            if dials and (table.readable or not table.present) and dials not in table.numbers:
                ctx.error(doc, line, "phone.not-in-hotlines", number=unquote(href.strip()[4:]),
                          file=f"content/_data/{HOTLINES_FILE}")
        _check_placeholders(ctx, doc, table)
        if table.readable or not table.present:
            for number in plain_numbers(ctx, doc):
                if number.digits not in table.numbers:
                    ctx.error(doc, number.line, "phone.text-not-in-hotlines",
                              number=number.shown, file=f"content/_data/{HOTLINES_FILE}")


def load_table(ctx: Context) -> Table:
    """The data file, read and checked once per run (its findings reported once)."""
    cache = ctx.cache.get("hotlines")
    if isinstance(cache, Table):
        return cache
    table = Table()
    for path in ctx.content.data_files:
        if path.name == HOTLINES_FILE:
            table.present = True
            _check_hotlines_file(ctx, path, table)
    ctx.cache["hotlines"] = table
    return table


def page_numbers(ctx: Context, doc: Document) -> list[Number]:
    """Every phone number the page shows: inserted, linked or written as plain text; in
    file order. Numbers are compared by `number_key` (+86 and trunk 0 dropped)."""
    table = load_table(ctx)
    found: list[Number] = []
    for index, text in enumerate(ctx.scan(doc).lines):
        line = doc.body_line + index
        for match in hotlines.PLACEHOLDER.finditer(text) if "{" in text else ():
            number = table.ids.get(match.group(1))
            if number is not None:
                found.append(Number(number_key(ascii_digits(number)), line, "hotline", number))
    for href, _, line in tel_links(ctx, doc):
        digits = dialled(href)
        if digits:
            found.append(Number(digits, line, "tel", unquote(href.strip()[4:])))
    found += plain_numbers(ctx, doc)
    return sorted(found, key=lambda n: n.line)


def number_key(digits: str) -> str:
    """A number as compared: 0512-65221234, +86 512 6522 1234 and 051265221234 alike."""
    return re.sub(r"^\+?86(?=\d{7})", "", digits.lstrip()).lstrip("+").lstrip("0") or digits


def dialled(href: str) -> str:
    """The key of the number a `tel:` link dials, when it is a valid one; else ""."""
    number = unquote(html.unescape(href.strip()[4:]))
    main = re.split(r"[,;pP]|转|分机|ext", number, maxsplit=1)[0]
    digits = ascii_digits(main)
    return number_key(digits) if digits and is_valid_chinese_number(digits) else ""


def tel_links(ctx: Context, doc: Document) -> list[tuple[str, str, int]]:
    """(href, shown text, line) of every `tel:` link: Markdown, HTML, and the spaced ones
    Markdown still reads as links."""
    scan = ctx.scan(doc)
    hrefs = [(link.url, link.text, link.line) for link in scan.links if not link.image]
    hrefs += [(v, anchor_text(scan.lines[tag.line - scan.first_line], v), tag.line)
              for tag in scan.tags if tag.name == "a" for k, v in tag.attrs if k == "href"]
    # `[0512 6525 1234](tel:0512 6525 1234)`: not a link to the scan, one to Markdown
    hrefs += [(url, text, scan.first_line + i) for i, line in enumerate(scan.lines)
              if "](" in line for text, url in spaced_tel_links(line)]
    return [(h, t, line) for h, t, line in hrefs if h.strip().lower().startswith("tel:")]


# Not plain text: Markdown links (their numbers are links, checked as links), HTML
# anchors and tags, and {{hotline:ID}} placeholders.
NOT_TEXT = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|<a\b[^>]*>.*?</a\s*>|<[^>\n]*>|"
                      + hotlines.PLACEHOLDER.pattern, re.IGNORECASE)


def plain_numbers(ctx: Context, doc: Document) -> list[Number]:
    """Valid phone numbers written as plain text (guides.phones finds them; an invalid one
    is reported by the writing checks)."""
    found = []
    for index, text in enumerate(ctx.scan(doc).lines):
        if not any(c.isdigit() for c in text):
            continue
        blanked = NOT_TEXT.sub(lambda m: " " * len(m.group(0)), text)
        for run in find_numbers(blanked):  # spaces or dashes: still the number shown
            if is_valid_chinese_number(run.digits):
                found.append(Number(number_key(run.digits), doc.body_line + index, "text",
                                    run.text.strip()))
    return found


def _check_placeholders(ctx: Context, doc: Document, table: Table) -> None:
    for index, text in enumerate(ctx.scan(doc).lines):  # code spans and blocks blanked
        if "{" not in text and "｛" not in text:
            continue
        line = doc.body_line + index
        for match in hotlines.PLACEHOLDER.finditer(text):
            key = match.group(1)
            if not table.readable and table.present:
                continue  # the file's own errors say why
            if key not in table.ids:
                close = difflib.get_close_matches(key.lower(), list(table.ids), n=1, cutoff=0.5)
                ctx.error(doc, line, "hotline.unknown-id", id=key, ids=", ".join(table.ids)
                          or "—", suggestion=close[0] if close else "")
        rest = hotlines.PLACEHOLDER.sub(" ", text)
        for match in hotlines.NEAR_PLACEHOLDER.finditer(rest):
            ctx.error(doc, line, "hotline.malformed", text=match.group(0).strip())
    for link in ctx.scan(doc).links:  # a link inside a link: a phone can dial only one
        if hotlines.PLACEHOLDER.search(link.text):
            ctx.error(doc, link.line, "hotline.in-link", text=link.text[:60])
    for key, value in doc.meta.items():  # titles and summaries are shown as written
        if isinstance(value, str) and (hotlines.PLACEHOLDER.search(value)
                                       or hotlines.NEAR_PLACEHOLDER.search(value)):
            ctx.error(doc, doc.line_of(key), "hotline.in-front-matter", field=key)


# -- the data file ----------------------------------------------------------------------

def _check_hotlines_file(ctx: Context, path: Path, table: Table) -> None:
    rel = ctx.content.rel(path)
    data = ctx.content.data(path)  # the snapshot: the bytes the build will use
    text = read_text(data if data is not None else path, rel, ctx.findings)
    if text is None:
        return
    data, _, problems = parse_yaml(text)
    for line, code, args in problems:
        ctx.error(rel, line, code, **args)
    if problems:
        return
    if not isinstance(data, (list, dict)):
        ctx.error(rel, 1, "hotlines.not-mapping")
        return
    lines = _entry_lines(text)
    if isinstance(data, dict):
        for key in data:
            if key not in hotlines.PARTS:
                ctx.error(rel, lines.get((str(key), -1), 1), "hotlines.part", part=key,
                          parts=", ".join(hotlines.PARTS))
            elif data[key] is not None and not isinstance(data[key], list):
                ctx.error(rel, lines.get((str(key), -1), 1), "hotlines.part-list", part=key)
    table.readable = True
    seen_ids: dict[str, int] = {}
    seen_numbers: dict[str, int] = {}
    for index, (part, position, item) in enumerate(hotlines.entries(data)):
        line = lines.get((part, position), 1)
        _check_entry(ctx, rel, line, index + 1, item, table, seen_ids, seen_numbers)


def _check_entry(ctx: Context, rel: str, line: int, index: int, item: Any, table: Table,
                 seen_ids: dict[str, int], seen_numbers: dict[str, int]) -> None:
    if not isinstance(item, dict):
        ctx.error(rel, line, "hotlines.item", index=index)
        return
    for key in item:
        if key not in ENTRY_KEYS:
            close = difflib.get_close_matches(str(key), ENTRY_KEYS, n=1, cutoff=0.6)
            ctx.error(rel, line, "hotlines.unknown-key", index=index, key=key,
                      keys=", ".join(ENTRY_KEYS), suggestion=close[0] if close else "")
    number = item.get("number")
    valid = False
    if not isinstance(number, (str, int)) or isinstance(number, bool):
        ctx.error(rel, line, "hotlines.field", index=index, field="number")
    elif not is_valid_chinese_number(str(number)):
        ctx.error(rel, line, "phone.invalid", number=str(number))
    else:
        valid = True
        digits = number_key(ascii_digits(str(number)))
        if digits in seen_numbers:
            ctx.error(rel, line, "hotlines.duplicate-number", number=str(number),
                      first=seen_numbers[digits])
        seen_numbers.setdefault(digits, line)
        table.numbers.add(digits)
    name = item.get("name")
    if not isinstance(name, dict) or not isinstance(name.get(DEFAULT_LANGUAGE), str):
        ctx.error(rel, line, "hotlines.field", index=index, field="name.zh")
    key = item.get("id")
    if key is None:
        ctx.error(rel, line, "hotlines.field", index=index, field="id")
    elif not isinstance(key, str) or not hotlines.ID.match(key):
        ctx.error(rel, line, "hotlines.id-format", index=index, id=str(key))
    elif key in seen_ids:
        ctx.error(rel, line, "hotlines.duplicate-id", id=key, first=seen_ids[key])
    else:
        seen_ids[key] = line
        if valid:
            table.ids[key] = str(number)
    _check_verified(ctx, rel, line, index, item)


def _check_verified(ctx: Context, rel: str, line: int, index: int, item: dict) -> None:
    if "verified" not in item:
        ctx.error(rel, line, "hotlines.field", index=index, field="verified")
        return
    day = as_date(item["verified"])
    if day is None:
        ctx.error(rel, line, "hotlines.verified-format", index=index,
                  value=str(item["verified"]))
    elif day > ctx.today:
        ctx.error(rel, line, "hotlines.verified-future", index=index, date=day.isoformat(),
                  today=ctx.today.isoformat())
    elif ctx.today - day > dt.timedelta(days=HOTLINE_VERIFY_DAYS):
        ctx.warning(rel, line, "hotlines.verified-old", number=str(item.get("number", "")),
                    date=day.isoformat(), days=(ctx.today - day).days,
                    limit=HOTLINE_VERIFY_DAYS)


def _entry_lines(text: str) -> dict[tuple[str, int], int]:
    """(part, index) -> the line of that entry; (part, -1) -> the line of the part's key."""
    try:
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError:
        return {}
    found: dict[tuple[str, int], int] = {}

    def items(part: str, node: Any) -> None:
        if isinstance(node, yaml.SequenceNode):
            for i, child in enumerate(node.value):
                found[(part, i)] = child.start_mark.line + 1

    if isinstance(root, yaml.SequenceNode):
        items("national", root)
    elif isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            found[(str(key.value), -1)] = key.start_mark.line + 1
            items(str(key.value), value)
    return found
