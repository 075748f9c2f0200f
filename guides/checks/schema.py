"""Front matter against the schema in `guides.model`: fields, types, sets and dates."""

from __future__ import annotations

import difflib
import re
from typing import Any

from guides import yamlhints
from guides.checks.context import Context
from guides.model import (
    FIELDS,
    HOME_FOLDER,
    SUMMARY_MAX_CHARS,
    Document,
    as_date,
    audiences,
)
from guides.site import FOLDER_NAME, RESERVED_NAMES, slug

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def check(ctx: Context) -> None:
    for doc in ctx.content.documents():
        if doc.readable:
            check_document(ctx, doc)
    _check_shared_old_names(ctx)


def check_document(ctx: Context, doc: Document) -> None:
    meta = doc.meta
    for key in meta:
        if key not in FIELDS:
            close = difflib.get_close_matches(key.lower(), list(FIELDS), n=1, cutoff=0.6)
            ctx.error(doc, doc.line_of(key), "fm.unknown-key", key=key,
                      suggestion=yamlhints.FIELD_NAMES.get(key) or (close[0] if close else ""))
    for spec in FIELDS.values():
        if spec.name == "source_version":
            continue
        if spec.name not in meta:
            if spec.required:
                ctx.error(doc, 1, "fm.required", field=spec.name, example=spec.example)
            continue
        _check_value(ctx, doc, spec.name, meta[spec.name])
    _check_source_version(ctx, doc)
    _check_dates(ctx, doc)
    if meta.get("status") == "withdrawn" and not meta.get("withdrawn_reason"):
        ctx.error(doc, doc.line_of("status"), "fm.withdrawn-reason")


def _check_value(ctx: Context, doc: Document, name: str, value: Any) -> None:
    spec = FIELDS[name]
    line = doc.line_of(name)
    got = _shown(value)  # what the editor wrote, not a type's English name (h-mistakes)
    if spec.type in ("str", "choice", "path", "id"):
        if value is None:  # `title:` or `title: #1 …` (a # starts a comment)
            ctx.error(doc, line, "fm.blank", field=name, example=spec.example)
            return
        if not isinstance(value, str):
            ctx.error(doc, line, "fm.type", field=name, expected="text", got=got,
                      example=spec.example)
            return
        if not value.strip():
            ctx.error(doc, line, "fm.blank", field=name, example=spec.example)
            return
    if spec.type == "id" and not ID_PATTERN.match(value):
        ctx.error(doc, line, "fm.id-format", field=name, value=value)
    elif spec.type == "choice" and value not in spec.choices:
        ctx.error(doc, line, "fm.choice", field=name, value=value,
                  choices=", ".join(spec.choices), suggestion=_closest(value, spec.choices))
    elif spec.type == "int" and (isinstance(value, bool) or not isinstance(value, int)
                                 or value < 1):
        ctx.error(doc, line, "fm.type", field=name, expected="integer", got=_shown(value),
                  example=spec.example)
    elif spec.type == "date" and as_date(value) is None:
        ctx.error(doc, line, "fm.type", field=name, expected="date", got=_shown(value),
                  example=spec.example, suggestion=yamlhints.suggest_date(value))
    elif spec.type == "history":
        _check_history(ctx, doc, line, value)
    elif spec.type == "folders":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            ctx.error(doc, line, "fm.type", field=name, expected="list", got=_shown(value),
                      example=spec.example)
        else:
            _check_old_names(ctx, doc, line, value)
    elif spec.type == "audience":
        words = audiences(value)
        if not words:
            ctx.error(doc, line, "fm.type", field=name, expected="list", got=got,
                      example=spec.example)
            return
        for word in words:
            if word not in spec.choices:
                ctx.error(doc, line, "fm.choice", field=name, value=word,
                          choices=", ".join(spec.choices),
                          suggestion=_closest(word, spec.choices))
    elif name == "summary" and len(value) > SUMMARY_MAX_CHARS:
        ctx.warning(doc, line, "fm.summary-long", length=len(value), limit=SUMMARY_MAX_CHARS)


def _check_history(ctx: Context, doc: Document, line: int, value: Any) -> None:
    """A list of {version, date, note}, newest first, none newer than the guide."""
    items = value if isinstance(value, list) else None
    if items is None or not all(isinstance(i, dict) for i in items):
        ctx.error(doc, line, "fm.history", problem="list")
        return
    previous = None
    for item in items:
        version, date, note = item.get("version"), as_date(item.get("date")), item.get("note")
        if not isinstance(version, int) or isinstance(version, bool) or date is None \
                or not isinstance(note, str) or not note.strip() \
                or set(item) - {"version", "date", "note"}:
            ctx.error(doc, line, "fm.history", problem="item")
            return
        current = doc.meta.get("version")
        if isinstance(current, int) and version > current:
            ctx.error(doc, line, "fm.history", problem="ahead")
            return
        if previous is not None and version >= previous:
            ctx.error(doc, line, "fm.history", problem="order")
            return
        previous = version


def _check_source_version(ctx: Context, doc: Document) -> None:
    present = "source_version" in doc.meta
    if doc.is_source:
        if present:
            ctx.error(doc, doc.line_of("source_version"), "fm.source-version-in-source")
    elif not present:
        ctx.error(doc, 1, "fm.source-version-missing")
    else:
        _check_value(ctx, doc, "source_version", doc.meta["source_version"])


def _check_dates(ctx: Context, doc: Document) -> None:
    updated = as_date(doc.meta.get("updated"))
    review_by = as_date(doc.meta.get("review_by"))
    if updated and updated > ctx.today:
        ctx.error(doc, doc.line_of("updated"), "fm.updated-future", date=updated.isoformat(),
                  today=ctx.today.isoformat())
    if updated and review_by and review_by < updated:
        ctx.error(doc, doc.line_of("review_by"), "fm.review-before-updated",
                  review_by=review_by.isoformat(), updated=updated.isoformat())
    elif review_by and review_by < ctx.today and doc.meta.get("status") == "published":
        # A warning, not an error: old guidance with a visible notice is better than none
        # while an urgent fix must still be publishable. See HANDBOOK.md (过了复核日期).
        ctx.warning(doc, doc.line_of("review_by"), "fm.review-overdue",
                    review_by=review_by.isoformat(), days=(ctx.today - review_by).days)


def _closest(value: str, choices: tuple[str, ...]) -> str:
    meant = yamlhints.suggest_choice(value, choices)  # 已发布, full-width commas and spaces
    if meant:
        return meant
    close = difflib.get_close_matches(str(value).lower(), choices, n=1, cutoff=0.5)
    return close[0] if close else ""


def _shown(value: Any) -> str:
    text = _written(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _written(value: Any) -> str:
    """A value as it reads in front matter (no Python repr in an editor's message)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, list):
        return "[" + ", ".join(_written(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_written(k)}: {_written(v)}" for k, v in value.items()) + "}"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


# -- old names (issue 16): a redirect never replaces a page, nor leaves the site -------------

def _check_old_names(ctx: Context, doc: Document, line: int, names: list[str]) -> None:
    for name in names:
        shown = _shown(name)
        if "/" in name or "\\" in name or name.strip(".") == "" or ":" in name:
            ctx.error(doc, line, "fm.renamed-path", value=shown)
        elif name in RESERVED_NAMES or name == HOME_FOLDER:  # home: the site's root page
            ctx.error(doc, line, "fm.renamed-reserved", value=shown,
                      reserved=", ".join(sorted(n for n in RESERVED_NAMES if "." not in n)))
        elif not FOLDER_NAME.match(name):
            ctx.error(doc, line, "fm.renamed-name", value=shown, suggestion=slug(name))
        elif name in ctx.content.guides:
            ctx.error(doc, line, "fm.renamed-taken", value=shown)


def _check_shared_old_names(ctx: Context) -> None:
    """Two guides claiming one old address: an error on both (the build writes neither)."""
    owners: dict[str, list[Document]] = {}
    for guide in ctx.content.guides.values():
        doc = guide.source
        names = doc.meta.get("renamed_from") if doc and doc.readable else None
        for name in sorted(set(names)) if isinstance(names, list) else []:
            if isinstance(name, str) and FOLDER_NAME.match(name):
                owners.setdefault(name, []).append(doc)
    for name, docs in sorted(owners.items()):
        for doc in docs if len(docs) > 1 else []:
            others = ", ".join(d.folder for d in docs if d is not doc)
            ctx.error(doc, doc.line_of("renamed_from"), "fm.renamed-shared", value=name,
                      other=others)
