"""Phone numbers in `tel:` links and in the hotline data file are real Chinese numbers."""

from __future__ import annotations

from pathlib import Path

from guides.checks.context import Context
from guides.checks.phonelinks import anchor_text, check_tel
from guides.checks.writing import spaced_tel_links
from guides.frontmatter import parse_yaml
from guides.model import DEFAULT_LANGUAGE, HOTLINES_FILE
from guides.phones import is_valid_chinese_number
from guides.reader import read_text


def check(ctx: Context) -> None:
    for doc in ctx.content.documents():
        if not doc.readable:
            continue
        scan = ctx.scan(doc)
        hrefs = [(link.url, link.text, link.line) for link in scan.links if not link.image]
        hrefs += [(v, anchor_text(scan.lines[tag.line - scan.first_line], v), tag.line)
                  for tag in scan.tags if tag.name == "a" for k, v in tag.attrs if k == "href"]
        # `[0512 6525 1234](tel:0512 6525 1234)`: not a link to the scan, one to Markdown
        hrefs += [(url, text, scan.first_line + i) for i, line in enumerate(scan.lines)
                  if "](" in line for text, url in spaced_tel_links(line)]
        for href, text, line in hrefs:
            if href.strip().lower().startswith("tel:"):
                check_tel(ctx, doc, href, text, line)  # shown = dialled, and dialable
    for path in ctx.content.data_files:
        if path.name == HOTLINES_FILE:
            check_hotlines_file(ctx, path)


def check_hotlines_file(ctx: Context, path: Path) -> None:
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
    if not isinstance(data, list):
        ctx.error(rel, 1, "hotlines.not-list")
        return
    lines = [i + 1 for i, line in enumerate(text.split("\n")) if line.startswith("- ")]
    for index, item in enumerate(data):
        line = lines[index] if index < len(lines) else 1
        if not isinstance(item, dict):
            ctx.error(rel, line, "hotlines.item", index=index + 1)
            continue
        number = item.get("number")
        if not isinstance(number, (str, int)) or isinstance(number, bool):
            ctx.error(rel, line, "hotlines.field", index=index + 1, field="number")
        elif not is_valid_chinese_number(str(number)):
            ctx.error(rel, line, "phone.invalid", number=str(number))
        name = item.get("name")
        if not isinstance(name, dict) or not isinstance(name.get(DEFAULT_LANGUAGE), str):
            ctx.error(rel, line, "hotlines.field", index=index + 1, field="name.zh")
