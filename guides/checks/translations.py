"""Across files: one id per guide, unique ids, and translations that keep up with the
source and say the same (the same numbers, sections, checklist items and steps)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from guides.checks.context import Context
from guides.checks.hotlines import page_numbers
from guides.model import DEFAULT_LANGUAGE, HOME_FOLDER, LANGUAGES, Document


def check(ctx: Context) -> None:
    owners: dict[str, str] = {}  # id -> folder that has it first
    for folder in sorted(ctx.content.guides):
        guide = ctx.content.guides[folder]
        docs = [d for d in guide.documents.values() if d.readable]
        source = guide.source if guide.source and guide.source.readable else None
        # The source's id is the guide's id; otherwise the first language file's.
        lead = source or (docs[0] if docs else None)
        if lead is None:
            continue
        guide_id = lead.meta.get("id")
        for doc in docs:
            if doc is lead:
                continue
            if isinstance(guide_id, str) and doc.meta.get("id") not in (None, guide_id):
                ctx.error(doc, doc.line_of("id"), "guide.id-mismatch", id=doc.meta.get("id"),
                          expected=guide_id, source=lead.rel)
            if lead.meta.get("kind") and doc.meta.get("kind") not in (None, lead.meta["kind"]):
                ctx.error(doc, doc.line_of("kind"), "guide.kind-mismatch",
                          kind=doc.meta.get("kind"), expected=lead.meta["kind"], source=lead.rel)
        if isinstance(guide_id, str):
            if guide_id in owners:
                ctx.error(lead, lead.line_of("id"), "guide.duplicate-id", id=guide_id,
                          other=owners[guide_id])
            else:
                owners[guide_id] = folder
        if guide.source is None:
            for doc in guide.documents.values():
                ctx.error(doc, 1, "guide.no-source", folder=folder, source=DEFAULT_LANGUAGE)
            continue
        if source is None:
            continue
        _check_translations(ctx, guide, source)
        for doc in docs:
            if doc is not source:
                check_parity(ctx, source, doc)
    _check_replacements(ctx, set(owners))


def _check_translations(ctx: Context, guide, source) -> None:
    version = source.meta.get("version")
    if not isinstance(version, int):
        return
    for lang, doc in guide.documents.items():
        if lang == DEFAULT_LANGUAGE or not doc.readable:
            continue
        based_on = doc.meta.get("source_version")
        if not isinstance(based_on, int) or isinstance(based_on, bool):
            continue
        if based_on < version:
            ctx.warning(doc, doc.line_of("source_version"), "translation.stale",
                        source_version=based_on, version=version, source=source.rel)
        elif based_on > version:
            ctx.error(doc, doc.line_of("source_version"), "translation.ahead",
                      source_version=based_on, version=version, source=source.rel)
    if source.meta.get("status") == "published":
        missing = [code for code in LANGUAGES if code not in guide.documents]
        if missing:
            ctx.note(source, 1, "translation.missing", languages=", ".join(
                f"{LANGUAGES[m].name} ({m}.md)" for m in missing))


def _check_replacements(ctx: Context, ids: set[str]) -> None:
    for doc in ctx.content.documents():
        target = doc.meta.get("replaced_by") if doc.readable else None
        if isinstance(target, str) and target and target not in ids:
            ctx.error(doc, doc.line_of("replaced_by"), "guide.unknown-replacement", id=target)


# -- parity (issue 12): a translation carries what its source carries ---------------------

# An item of a numbered list (`1.` or `1)`), as Python-Markdown reads one.
STEP = re.compile(r"^\s*\d{1,9}[.)]\s+\S")
INTRO = ""  # the part before the first section heading


@dataclass
class Part:
    """One section of a page: its heading's line, and what it holds."""

    id: str
    line: int
    tasks: list[int] = field(default_factory=list)  # lines
    steps: list[int] = field(default_factory=list)
    numbers: list[tuple[str, int]] = field(default_factory=list)  # (digits, line)


def sections(ctx: Context, doc: Document) -> dict[str, Part]:
    """The page's sections (## and ### headings, by id), in order, with the checklist
    items, numbered steps and phone numbers in each."""
    scan = ctx.scan(doc)
    parts = {INTRO: Part(INTRO, doc.body_line)}
    starts = [(h.line, h.id) for h in scan.headings if h.level in (2, 3)]
    for line, key in starts:
        parts.setdefault(key, Part(key, line))

    def part_at(line: int) -> Part:
        key = INTRO
        for start, heading in starts:
            if start > line:
                break
            key = heading
        return parts[key]

    task_lines = {t.line for t in scan.tasks}
    for line in sorted(task_lines):
        part_at(line).tasks.append(line)
    for index, text in enumerate(scan.lines):
        line = doc.body_line + index
        if line not in task_lines and text[:1] in " \t0123456789" and STEP.match(text):
            part_at(line).steps.append(line)
    for number in page_numbers(ctx, doc):
        part_at(number.line).numbers.append((number.digits, number.line))
    return parts


def check_parity(ctx: Context, source: Document, doc: Document) -> None:
    """Report, at the translation's line and naming the source's, each section the
    translation lacks or adds, and each count or number that differs in a section."""
    ours, theirs = sections(ctx, doc), sections(ctx, source)
    name = source.rel.rsplit("/", 1)[-1]
    if doc.folder == HOME_FOLDER:
        # A home page lists the guides its language has: its sections may differ, its
        # numbers may not.
        everything = [n for part in ours.values() for n in part.numbers]
        ours = {INTRO: Part(INTRO, doc.body_line, numbers=everything)}
        theirs = {INTRO: Part(INTRO, source.body_line,
                              numbers=[n for part in theirs.values() for n in part.numbers])}
    for key, part in theirs.items():
        if key not in ours:
            ctx.error(doc, _place(ours, theirs, key), "parity.section-missing", id=key,
                      source=name, source_line=part.line)
    for key, part in ours.items():
        if key not in theirs:
            ctx.error(doc, part.line, "parity.section-extra", id=key, source=name,
                      source_line=source.body_line)
            continue
        other = theirs[key]
        where = {"section_zh": f"#{key}" if key else "（第一个标题之前）",
                 "section_en": f"#{key}" if key else "(before the first heading)"}
        for what, mine, theirs_ in (("tasks", part.tasks, other.tasks),
                                    ("steps", part.steps, other.steps)):
            if len(mine) != len(theirs_):
                ctx.error(doc, (mine or [part.line])[0], f"parity.{what}", **where,
                          count=len(mine), expected=len(theirs_), source=name,
                          source_line=(theirs_ or [other.line])[0])
        _compare_numbers(ctx, doc, name, where, part, other)


def _compare_numbers(ctx: Context, doc: Document, name: str, where: dict, part: Part,
                     other: Part) -> None:
    mine = Counter(digits for digits, _ in part.numbers)
    theirs = Counter(digits for digits, _ in other.numbers)
    for digits in sorted(theirs - mine, key=lambda d: _first(other, d)):
        ctx.error(doc, part.line, "parity.number-missing", number=digits, **where,
                  source=name, source_line=_first(other, digits))
    for digits in sorted(mine - theirs, key=lambda d: _first(part, d)):
        ctx.error(doc, _first(part, digits), "parity.number-extra", number=digits,
                  source=name, source_line=other.line)


def _first(part: Part, digits: str) -> int:
    return next(line for d, line in part.numbers if d == digits)


def _place(ours: dict[str, Part], theirs: dict[str, Part], key: str) -> int:
    """Where a missing section belongs in the translation: after the last section before
    it (in the source's order) that the translation has."""
    line = ours[INTRO].line
    for other in theirs:
        if other == key:
            break
        if other in ours:
            line = ours[other].line
    return line
