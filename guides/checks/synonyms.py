"""The synonyms file (content/_data/synonyms.yml): every problem told with its line, so an
editor who adds a group sees what is wrong with it and how to write it."""

from __future__ import annotations

from guides import synonyms
from guides.checks.context import Context
from guides.reader import read_text


def check(ctx: Context) -> None:
    for path in ctx.content.data_files:
        if path.name != synonyms.SYNONYMS_FILE:
            continue
        rel = ctx.content.rel(path)
        data = ctx.content.data(path)  # the snapshot: the bytes the build will use
        text = read_text(data if data is not None else path, rel, ctx.findings)
        if text is None:
            continue
        for line, code, args in synonyms.parse(text)[1]:
            if code in WARNINGS:
                ctx.warning(rel, line, code, **args)
            else:
                ctx.error(rel, line, code, **args)


# Problems that lose nothing: the rest of the group (or the first copy) still works.
WARNINGS = {"synonyms.word-twice", "synonyms.duplicate-group"}
