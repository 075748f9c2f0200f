"""Across files: one id per guide, unique ids, and translations that keep up with the source."""

from __future__ import annotations

from guides.checks.context import Context
from guides.model import DEFAULT_LANGUAGE, LANGUAGES


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
