"""Findings: what a check reports, and how a report is printed for people and tools."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from guides.messages import render

SEVERITIES = ("error", "warning", "note")
# Printed to a terminal, these would move the cursor, recolour, retitle the window or
# reorder the text around them (a file name or value can hold any of them): C0 and C1
# controls, DEL, bidirectional and invisible format characters, line separators.
CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e"
                      "\u2060-\u2069\ufeff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def visible(text: str) -> str:
    """`text` with every control character written as an escape (`\\x1b`, `\\u202e`)."""
    def escape(match: re.Match[str]) -> str:
        char = match.group(0)
        code = ord(char)
        return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")

    return CONTROLS.sub(escape, text)


@dataclass(frozen=True)
class Finding:
    """One problem at one place. `code` picks the message; `args` fill it in."""

    path: str
    line: int
    severity: str
    code: str
    args: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "zh") -> tuple[str, str]:
        return render(self.code, lang, self.args)

    def format(self, lang: str = "zh") -> str:
        """One finding for a terminal: controls from file names and values escaped."""
        message, hint = (visible(part) for part in self.message(lang))
        label = {"zh": "提示：", "en": "hint: "}[lang]
        text = f"{visible(self.path)}:{self.line}: {self.severity}: {message} [{self.code}]"
        return f"{text}\n    {label}{hint}" if hint else text

    def as_json(self, lang: str = "zh") -> dict[str, Any]:
        message, hint = self.message(lang)
        return {
            "path": self.path,
            "line": self.line,
            "severity": self.severity,
            "code": self.code,
            "message": message,
            "hint": hint,
        }


@dataclass
class Report:
    findings: list[Finding]
    files_checked: int
    # What was checked (guides.reader.Content): the build publishes exactly these bytes.
    content: Any = field(default=None, repr=False, compare=False)

    def sorted(self) -> list[Finding]:
        return sorted(self.findings, key=lambda f: (f.path, f.line, f.code))

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def has_errors(self) -> bool:
        return self.count("error") > 0

    def summary(self, lang: str = "zh") -> str:
        e, w, n = (self.count(s) for s in SEVERITIES)
        if lang == "en":
            plural = lambda k, word: f"{k} {word}{'' if k == 1 else 's'}"  # noqa: E731
            verdict = "FAILED" if e else "OK"
            return (f"{verdict}: checked {plural(self.files_checked, 'file')}: "
                    f"{plural(e, 'error')}, {plural(w, 'warning')}, {plural(n, 'note')}")
        verdict = "未通过" if e else "通过"
        return f"{verdict}：检查了 {self.files_checked} 个文件，{e} 个错误，{w} 个警告，{n} 条提示"

    def format_text(self, lang: str = "zh") -> str:
        lines = [f.format(lang) for f in self.sorted()]
        lines.append(self.summary(lang))
        return "\n".join(lines)

    def format_json(self, lang: str = "zh") -> str:
        data = {
            "files_checked": self.files_checked,
            "errors": self.count("error"),
            "warnings": self.count("warning"),
            "notes": self.count("note"),
            "findings": [f.as_json(lang) for f in self.sorted()],
        }
        return json.dumps(data, ensure_ascii=False, indent=2)
