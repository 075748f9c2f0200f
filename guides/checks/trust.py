"""What makes a guide trustworthy, checked: the documents it follows (`sources`), who
reviewed it (`review`), whether it gives medical steps (`medical`), and which time and
place its measures belong to (`context`).

`sources`, `review` and `medical` are written once, in the Mandarin source; translations
show the source's. `context` is written in every language file, in its language.
"""

from __future__ import annotations

import difflib
from typing import Any
from urllib.parse import urlsplit

import yaml

from guides.checks.context import Context
from guides.frontmatter import SafeLoader
from guides.model import (
    CONTEXT_FIELDS,
    LANGUAGES,
    REVIEW_FIELDS,
    REVIEW_TYPES,
    SOURCE_FIELDS,
    SOURCE_ONLY_FIELDS,
    SOURCES_REQUIRED,
    Document,
    as_date,
    needed_reviews,
    partial_date,
)


def check(ctx: Context) -> None:
    for folder in sorted(ctx.content.guides):
        guide = ctx.content.guides[folder]
        source = guide.source if guide.source and guide.source.readable else None
        for doc in guide.documents.values():
            if not doc.readable:
                continue
            lines = ItemLines(doc)
            if doc.is_source:
                _check_sources(ctx, doc, lines)
                _check_reviews(ctx, doc, lines)
            else:
                for name in SOURCE_ONLY_FIELDS:
                    if name in doc.meta:
                        ctx.error(doc, doc.line_of(name), "trust.source-only", field=name)
            _check_context(ctx, doc, lines, source)


class ItemLines:
    """File lines of the items and keys inside a front-matter field (the front matter
    reader keeps top-level keys only)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._lines: dict[tuple[str, int, str], int] | None = None

    def line(self, name: str, index: int = -1, key: str = "") -> int:
        if self._lines is None:
            self._lines = self._read()
        return (self._lines.get((name, index, key)) or self._lines.get((name, index, ""))
                or self.doc.line_of(name))

    def _read(self) -> dict[tuple[str, int, str], int]:
        text = self.doc.text.split("\n")
        end = next((i for i in range(1, len(text)) if text[i].rstrip() in ("---", "...")), 0)
        found: dict[tuple[str, int, str], int] = {}
        try:
            root = yaml.compose("\n".join(text[1:end]), Loader=SafeLoader)
        except yaml.YAMLError:
            return found
        if not isinstance(root, yaml.MappingNode):
            return found
        for key, value in root.value:
            name = str(key.value)
            children = value.value if isinstance(value, yaml.SequenceNode) else [value]
            for index, child in enumerate(children):
                at = index if isinstance(value, yaml.SequenceNode) else -1
                found[(name, at, "")] = child.start_mark.line + 2
                if isinstance(child, yaml.MappingNode):
                    for k, _ in child.value:
                        found[(name, at, str(k.value))] = k.start_mark.line + 2
        return found


# -- sources ------------------------------------------------------------------------------

def _check_sources(ctx: Context, doc: Document, lines: ItemLines) -> None:
    kind, value = doc.meta.get("kind"), doc.meta.get("sources")
    if value is None or value == []:
        if kind in SOURCES_REQUIRED:
            # a draft is work in progress: told, not stopped (it blocks no build)
            report = ctx.note if doc.meta.get("status") == "draft" else ctx.error
            report(doc, doc.line_of("sources") if "sources" in doc.meta else 1,
                   "sources.missing", kind=kind)
        return
    if not isinstance(value, list):
        ctx.error(doc, doc.line_of("sources"), "sources.not-list")
        return
    for index, item in enumerate(value):  # item lines are read only to report a problem
        if not isinstance(item, dict):
            ctx.error(doc, lines.line("sources", index), "sources.item", index=index + 1)
            continue
        _check_keys(ctx, doc, lines, "sources", index, item, SOURCE_FIELDS)
        for key in ("title", "org"):
            if key in item and not _text(item[key]):
                ctx.error(doc, lines.line("sources", index, key), "trust.blank", index=index + 1,
                          field=f"sources.{key}")
        if "date" in item:
            shown = partial_date(item["date"])
            if shown is None:
                ctx.error(doc, lines.line("sources", index, "date"), "sources.date",
                          index=index + 1, value=str(item["date"]))
            elif shown > ctx.today.isoformat():
                ctx.error(doc, lines.line("sources", index, "date"), "trust.future",
                          index=index + 1, field="sources.date", date=shown,
                          today=ctx.today.isoformat())
        if "code" in item and not _text(item["code"]):
            ctx.error(doc, lines.line("sources", index, "code"), "trust.blank",
                      index=index + 1, field="sources.code")
        if "url" in item and not is_web_address(item["url"]):
            ctx.error(doc, lines.line("sources", index, "url"), "sources.url",
                      index=index + 1, url=str(item["url"])[:80])


def is_web_address(value: Any) -> bool:
    """An http(s) address with a host, and nothing a reader could not click."""
    if not isinstance(value, str) or not value.strip() or any(c.isspace() for c in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


# -- reviews ------------------------------------------------------------------------------

def _check_reviews(ctx: Context, doc: Document, lines: ItemLines) -> None:
    medical = doc.meta.get("medical")
    if "medical" in doc.meta and not isinstance(medical, bool):
        ctx.error(doc, doc.line_of("medical"), "medical.type", value=str(medical)[:40])
    value = doc.meta.get("review")
    types: set[str] = set()
    updated = as_date(doc.meta.get("updated"))
    if value is not None and not isinstance(value, list):
        ctx.error(doc, doc.line_of("review"), "review.not-list")
        value = None
    for index, item in enumerate(value or []):
        kind = _check_review(ctx, doc, lines, index, item, updated)
        if kind is not None:
            types.add(kind)
    if doc.meta.get("status") == "published":
        for needed in needed_reviews(doc.meta.get("kind"), medical):
            if needed not in types:
                ctx.error(doc, doc.line_of("status"), "review.missing", type=needed,
                          kind=str(doc.meta.get("kind")))


def _check_review(ctx: Context, doc: Document, lines: ItemLines, index: int, item: Any,
                  updated) -> str | None:
    """Report what is wrong with one record; its type when it is sound and current."""
    before = len(ctx.findings)
    if not isinstance(item, dict):
        ctx.error(doc, lines.line("review", index), "review.item", index=index + 1)
        return None
    _check_keys(ctx, doc, lines, "review", index, item, REVIEW_FIELDS)
    kind = item.get("type")
    if "type" in item and kind not in REVIEW_TYPES:
        close = difflib.get_close_matches(str(kind), REVIEW_TYPES, n=1, cutoff=0.5)
        ctx.error(doc, lines.line("review", index, "type"), "review.type", index=index + 1,
                  value=str(kind), types=", ".join(REVIEW_TYPES),
                  suggestion=close[0] if close else "")
    for key in ("role", "org"):
        if key in item and not _text(item[key]) and not _translated(item[key]):
            ctx.error(doc, lines.line("review", index, key), "review.text", index=index + 1,
                      field=f"review.{key}")
    if "name" in item and not _text(item["name"]):
        ctx.error(doc, lines.line("review", index, "name"), "trust.blank", index=index + 1,
                  field="review.name")
    day = as_date(item.get("date")) if "date" in item else None
    if "date" in item and day is None:
        ctx.error(doc, lines.line("review", index, "date"), "review.date", index=index + 1,
                  value=str(item["date"]))
    elif day is not None and day > ctx.today:
        ctx.error(doc, lines.line("review", index, "date"), "trust.future", index=index + 1,
                  field="review.date", date=day.isoformat(), today=ctx.today.isoformat())
    elif day is not None and updated is not None and day < updated:
        ctx.warning(doc, lines.line("review", index, "date"), "review.before-update",
                    index=index + 1, date=day.isoformat(), updated=updated.isoformat())
        return None  # it reviewed an earlier version
    return kind if len(ctx.findings) == before else None


# -- time context -------------------------------------------------------------------------

def _check_context(ctx: Context, doc: Document, lines: ItemLines,
                   source: Document | None) -> None:
    value = doc.meta.get("context")
    if value is None:
        if source is not None and not doc.is_source and source.meta.get("context") is not None:
            ctx.error(doc, 1, "context.missing", source=source.rel)
        return
    if not isinstance(value, dict):
        ctx.error(doc, doc.line_of("context"), "context.not-mapping")
        return
    for key in value:
        if key not in CONTEXT_FIELDS:
            close = difflib.get_close_matches(str(key), CONTEXT_FIELDS, n=1, cutoff=0.5)
            ctx.error(doc, lines.line("context", -1, str(key)), "trust.unknown-key",
                      field="context", key=str(key), keys=", ".join(CONTEXT_FIELDS),
                      suggestion=close[0] if close else "")
    if not _text(value.get("period")):
        ctx.error(doc, lines.line("context", -1, "period"), "context.period")
    if "place" in value and not _text(value["place"]):
        ctx.error(doc, lines.line("context", -1, "place"), "trust.blank", index=1,
                  field="context.place")


# -- shared -------------------------------------------------------------------------------

def _check_keys(ctx: Context, doc: Document, lines: ItemLines, name: str, index: int,
                item: dict, fields: tuple[tuple[str, bool], ...]) -> None:
    known = [key for key, _ in fields]
    for key in item:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.5)
            ctx.error(doc, lines.line(name, index, str(key)), "trust.unknown-key",
                      field=f"{name}[{index + 1}]", key=str(key), keys=", ".join(known),
                      suggestion=close[0] if close else "")
    for key, required in fields:
        if required and key not in item:
            ctx.error(doc, lines.line(name, index), "trust.required", index=index + 1,
                      field=f"{name}.{key}")


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _translated(value: Any) -> bool:
    """A role or organisation given per language: {zh: 项目编辑, en: project editor}."""
    return isinstance(value, dict) and _text(value.get("zh")) and all(
        k in LANGUAGES and _text(v) for k, v in value.items())
