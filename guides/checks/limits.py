"""Markdown bodies over a hard limit (size, line length, nesting, brackets): errors, and
the build does not render them (`guides serve` shows a short notice instead)."""

from __future__ import annotations

from guides import limits
from guides.checks.context import Context


def check(ctx: Context) -> None:
    """Runs first. A body over a limit is reported here and then hidden from the other
    checks: some of their readings grow with the square of a line, and a page that is not
    rendered has nothing more worth telling until it is cut down."""
    for doc in ctx.content.documents():
        problems = limits.markdown_problems(doc.body, doc.body_line)
        for line, code, args in problems:
            ctx.error(doc, line, code, **args)
        if problems:
            doc.body = ""
