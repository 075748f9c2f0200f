"""Markdown bodies over a hard limit (size, line length, nesting, brackets): errors, and
the build does not render them (`guides serve` shows a short notice instead)."""

from __future__ import annotations

from guides import limits
from guides.checks.context import Context


def check(ctx: Context) -> None:
    for doc in ctx.content.documents():
        for line, code, args in limits.markdown_problems(doc.body, doc.body_line):
            ctx.error(doc, line, code, **args)
