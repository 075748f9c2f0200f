"""What every check receives: the content read once, today's date, and cached scans."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from guides.findings import Finding
from guides.model import Document
from guides.reader import Content
from guides.scan import Scan, scan


@dataclass
class Context:
    content: Content
    today: dt.date
    findings: list[Finding] = field(default_factory=list)
    _scans: dict[str, Scan] = field(default_factory=dict)
    # what one check reads once and others reuse (the hotline table), by name
    cache: dict[str, Any] = field(default_factory=dict)

    def scan(self, doc: Document) -> Scan:
        if doc.rel not in self._scans:
            self._scans[doc.rel] = scan(doc.body, doc.body_line)
        return self._scans[doc.rel]

    def error(self, where: Document | str, line: int, code: str, **args: Any) -> None:
        self._add(where, line, "error", code, args)

    def warning(self, where: Document | str, line: int, code: str, **args: Any) -> None:
        self._add(where, line, "warning", code, args)

    def note(self, where: Document | str, line: int, code: str, **args: Any) -> None:
        self._add(where, line, "note", code, args)

    def _add(self, where: Document | str, line: int, severity: str, code: str,
             args: dict[str, Any]) -> None:
        path = where.rel if isinstance(where, Document) else where
        self.findings.append(Finding(path, line, severity, code, args))
