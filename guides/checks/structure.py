"""The structure each kind requires (see the table in PRODUCT.md and the README)."""

from __future__ import annotations

import re

from guides.checks.context import Context
from guides.model import FIRST_SECTION, SECTIONS, TIP_MAX_CHARS, TIP_MAX_LINES, Document
from guides.scan import Scan

TIP_NUMBER = re.compile(r"^(\d+)[.、．)]\s*\S")
LINK_URL = re.compile(r"\]\([^)]*\)")
LIST_MARKER = re.compile(r"^(?:[-*+]|\d+[.)])\s+")


def _visible(line: str) -> str:
    """What a reader sees of a line: no list marker, no link URLs."""
    return LINK_URL.sub("]", LIST_MARKER.sub("", line)).replace("[", "").replace("]", "")


def check(ctx: Context) -> None:
    for doc in ctx.content.documents():
        if not doc.readable:
            continue
        scan = ctx.scan(doc)
        for heading in scan.headings:
            if heading.level == 1:
                ctx.warning(doc, heading.line, "structure.h1", text=heading.text)
        kind = doc.meta.get("kind")
        if not isinstance(kind, str):
            continue  # the schema check reports it
        if kind in SECTIONS:
            _check_sections(ctx, doc, scan, kind)
        elif kind == "volunteer-tips":
            _check_tips(ctx, doc, scan)
        elif kind == "checklist":
            _check_checklist(ctx, doc, scan)


def _section_title(section, doc: Document) -> str:
    return section.en if doc.language == "en" else section.zh


def _check_sections(ctx: Context, doc: Document, scan: Scan, kind: str) -> None:
    h2 = [h for h in scan.headings if h.level == 2]
    positions = {h.id: i for i, h in enumerate(h2)}
    required = SECTIONS[kind]
    for section in required:
        if section.id not in positions:
            ctx.error(doc, _line_for_missing(doc, h2, required, section.id, positions),
                      "structure.missing-section", id=section.id,
                      title=_section_title(section, doc))
    present = [s for s in required if s.id in positions]
    for before, after in zip(present, present[1:], strict=False):
        if positions[after.id] < positions[before.id]:
            ctx.error(doc, h2[positions[after.id]].line, "structure.order", id=after.id,
                      title=_section_title(after, doc), after=before.id)
    first = FIRST_SECTION.get(kind)
    if first and h2 and h2[0].id != first and first in positions:
        section = next(s for s in required if s.id == first)
        ctx.error(doc, h2[0].line, "structure.first-section", id=first,
                  title=_section_title(section, doc), found=h2[0].text)


def _line_for_missing(doc: Document, h2, required, missing_id: str, positions) -> int:
    """Point at where the section belongs: the heading of the required section after it."""
    ids = [s.id for s in required]
    for later in ids[ids.index(missing_id) + 1:]:
        if later in positions:
            return h2[positions[later]].line
    return h2[-1].line if h2 else doc.body_line


def _check_tips(ctx: Context, doc: Document, scan: Scan) -> None:
    tips = [h for h in scan.headings if h.level == 2]
    if not tips:
        ctx.error(doc, doc.body_line, "tips.none")
        return
    for expected, tip in enumerate(tips, start=1):
        match = TIP_NUMBER.match(tip.text)
        if not match or int(match.group(1)) != expected:
            ctx.error(doc, tip.line, "tips.numbering", expected=expected, text=tip.text)
    max_chars = TIP_MAX_CHARS[doc.language]
    ends = [t.line for t in tips[1:]] + [scan.first_line + len(scan.lines)]
    for tip, end in zip(tips, ends, strict=True):
        body = [line.strip() for line in scan.lines[tip.line - scan.first_line + 1:
                                                     end - scan.first_line]]
        body = [_visible(line) for line in body if line]
        if not body:
            ctx.error(doc, tip.line, "tips.empty", text=tip.text)
        elif len(body) > TIP_MAX_LINES or sum(len(b) for b in body) > max_chars:
            ctx.warning(doc, tip.line, "tips.long", text=tip.text, lines=len(body),
                        chars=sum(len(b) for b in body), max_lines=TIP_MAX_LINES,
                        max_chars=max_chars)


def _check_checklist(ctx: Context, doc: Document, scan: Scan) -> None:
    phases = [h for h in scan.headings if h.level == 2]
    if not phases:
        ctx.error(doc, doc.body_line, "checklist.no-phase")
    for task in scan.tasks:
        if not phases or task.line < phases[0].line:
            ctx.error(doc, task.line, "checklist.outside-phase", text=task.text)
        if task.checked:  # an error: a volunteer may skip a step shown as done
            ctx.error(doc, task.line, "checklist.prechecked", text=task.text)
    ends = [p.line for p in phases[1:]] + [scan.first_line + len(scan.lines)]
    for phase, end in zip(phases, ends, strict=False):
        if not any(phase.line < t.line < end for t in scan.tasks):
            ctx.error(doc, phase.line, "checklist.empty-phase", text=phase.text)
