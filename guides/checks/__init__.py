"""All content checks. Plain Python over files: nothing here knows about MkDocs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from guides.checks import (
    broadcast,
    hotlines,
    limits,
    links,
    reach,
    safety,
    schema,
    structure,
    synonyms,
    translations,
    trust,
    writing,
)
from guides.checks.context import Context
from guides.findings import Report
from guides.reader import Content, read_content

# limits first: a body over a limit is reported before the other checks read it
CHECKS = (limits.check, schema.check, translations.check, structure.check, links.check,
          hotlines.check, safety.check, writing.check, reach.check, trust.check,
          broadcast.check,  # w-text (issue 14)
          synonyms.check)  # s-rank: content/_data/synonyms.yml


def run_checks(content: Content, today: dt.date | None = None) -> Report:
    ctx = Context(content=content, today=today or dt.date.today())
    ctx.findings.extend(content.findings)
    for check in CHECKS:
        check(ctx)
    return Report(findings=ctx.findings, files_checked=content.files_checked, content=content)


def check_directory(root: Path, base: Path | None = None,
                    today: dt.date | None = None) -> Report:
    """Read and check a content directory; paths in findings are relative to `base`."""
    return run_checks(read_content(root, base), today)
