"""What an editor got wrong in front matter the YAML parser could not read, in their terms.

PyYAML says where it gave up, in English ("could not find expected ':'"), often on the line
after the fault. Editors need the line they wrote wrong and the character at fault: a
full-width colon or space from a Chinese input method, a tab, a quote left open, a line
indented by mistake. `explain` turns each `fm.yaml` problem into such a finding (its code
names the cause; its args quote the line and, where it can, the corrected line) and never
passes the parser's text on: what it cannot diagnose becomes `fm.syntax`, a plain message.
"""

from __future__ import annotations

import re
from typing import Any

Problem = tuple[int, str, dict[str, Any]]

KEY = r"[A-Za-z_][A-Za-z0-9_\-]*"
# a key as an editor may write it: in English, or in Chinese (状态：已发布)
ANY_KEY = r"[^\s:：#\-\[\]{}\"'][^\s:：]*"
FULLWIDTH_COLON = re.compile(rf"^(\s*(?:-\s+)?)({ANY_KEY})\s*：\s*")
NO_SPACE = re.compile(rf"^(\s*(?:-\s+)?)({KEY}):(?=[^\s/])")
FULLWIDTH_SPACE_VALUE = re.compile(rf"^(\s*(?:-\s+)?{KEY}:)[\u3000]+")
VALUE = re.compile(rf"^\s*(?:-\s+)?{KEY}\s*:\s+(.*)$")
LEFT_QUOTES = "“”‘’「『＂＇"
# Characters YAML reserves at the start of a value: quoting the value makes them text.
RESERVED_START = "@`%*&!|>?{["
MAX_SHOWN = 60
# Every code `explain` gives (and PyYAML's own, before it): the front matter was not read.
CODES = frozenset({"fm.yaml", "fm.syntax", "fm.control-char", "fm.tab", "fm.fullwidth-space",
                   "fm.fullwidth-colon", "fm.colon-space", "fm.unclosed-quote",
                   "fm.fullwidth-quote", "fm.indent", "fm.colon-in-value",
                   "fm.unclosed-bracket", "fm.reserved-start", "fm.after-quote",
                   "fm.bad-date"})


def _shown(line: str) -> str:
    text = line.strip()
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN - 1] + "…"


def _problem(line_no: int, code: str, line: str, **args: Any) -> Problem:
    return (line_no, code, {"line_no": line_no, "text": _shown(line), **args})


def explain(yaml_text: str, first_line: int, problems: list[Problem]) -> list[Problem]:
    """The problems with every `fm.yaml` replaced by a diagnosis in the editor's terms."""
    if not any(code == "fm.yaml" for _, code, _ in problems):
        return problems
    lines = yaml_text.split("\n")
    out = []
    for line, code, args in problems:
        if code == "fm.yaml":
            out.append(diagnose(lines, first_line, line - first_line, str(args.get("problem", ""))))
        else:
            out.append((line, code, args))
    return out


def diagnose(lines: list[str], first_line: int, at: int, problem: str) -> Problem:
    """The cause of a YAML error reported at index `at` of `lines` (`problem` is PyYAML's
    text, read here only to pick a cause, never shown)."""
    at = max(0, min(at, len(lines) - 1)) if lines else 0
    for index, line in enumerate(lines):  # characters YAML refuses outright
        bad = next((ch for ch in line if _control(ch)), None)
        if bad is not None and "control characters" in problem:
            return _problem(first_line + index, "fm.control-char", line, char=f"U+{ord(bad):04X}")
    # The line at fault is the error's line or one written before it: take the nearest.
    for index in range(at, -1, -1):
        found = _fault(lines[index], first_line + index, problem, index == at)
        if found is not None:
            return found
    if "out of range" in problem or "day is" in problem or "month" in problem:
        date_line = next((i for i, line in enumerate(lines) if re.search(r":\s*\d{4}-\d", line)),
                         at)
        return _problem(first_line + date_line, "fm.bad-date", lines[date_line])
    line = lines[at] if lines else ""
    return _problem(first_line + at, "fm.syntax", line)


def _control(ch: str) -> bool:
    code = ord(ch)
    return (code < 32 and ch not in "\t\n\r") or 0x7F <= code < 0xA0 or ch in "\ufffe\uffff"


def _fault(line: str, line_no: int, problem: str, here: bool) -> Problem | None:
    """A fault on this line that breaks YAML whatever follows; when the error is `here`,
    on this line, also the faults that only break it here."""
    if "\t" in line[:len(line) - len(line.lstrip(" \t"))]:  # a tab in the indentation
        return _problem(line_no, "fm.tab", line, fix=line.replace("\t", "  ").rstrip())
    if line.lstrip(" \t").startswith("#"):
        return None
    lead = line[:len(line) - len(line.lstrip(" \t\u3000"))]
    if "\u3000" in lead:
        return _problem(line_no, "fm.fullwidth-space", line,
                        fix=lead.replace("\u3000", "  ") + line.lstrip(" \t\u3000"))
    match = FULLWIDTH_COLON.match(line)
    if match:
        key, value = match.group(2), line[match.end():].strip()
        if not match.group(1):  # a top-level field: in English, with its value's code
            key = FIELD_NAMES.get(key, key)
            if key in ("kind", "status", "audience"):
                value = CHOICES.get(value, value)
        fixed = f"{match.group(1)}{key}: {value}"
        return _problem(line_no, "fm.fullwidth-colon", line, fix=fixed.rstrip())
    match = FULLWIDTH_SPACE_VALUE.match(line)
    if match:
        fixed = f"{match.group(1)} {line[match.end():]}"
        return _problem(line_no, "fm.fullwidth-space", line, fix=fixed.rstrip())
    match = NO_SPACE.match(line)
    if match and not re.match(r"^\s*(?:-\s+)?" + KEY + r"://", line):
        fixed = f"{match.group(1)}{match.group(2)}: {line[match.end():]}"
        return _problem(line_no, "fm.colon-space", line, fix=fixed.rstrip())
    value_match = VALUE.match(line)
    value = value_match.group(1).rstrip() if value_match else ""
    key_part = line[:len(line) - len(value_match.group(1))] if value_match else ""
    if value[:1] in ('"', "'") and not _closed(value):
        return _problem(line_no, "fm.unclosed-quote", line, quote=value[0],
                        fix=f"{key_part}{value}{value[0]}".rstrip())
    if value[:1] and value[0] in "[{" and "expected ','" in problem \
            and (("]" not in value) if value[0] == "[" else ("}" not in value)):
        return _problem(line_no, "fm.unclosed-bracket", line, bracket=value[0],
                        fix=f"{key_part}{value}{']' if value[0] == '[' else '}'}")
    if not here:
        return None
    if value[:1] and value[0] in LEFT_QUOTES:
        inner = value.strip(LEFT_QUOTES)
        return _problem(line_no, "fm.fullwidth-quote", line, quote=value[0],
                        fix=f'{key_part}"{_escape(inner)}"')
    if "mapping values" in problem:
        if line.startswith((" ", "\t")) and value_match:
            return _problem(line_no, "fm.indent", line, fix=line.strip())
        if value_match:
            return _problem(line_no, "fm.colon-in-value", line,
                            fix=f'{key_part}"{_escape(value)}"')
    if value[:1] and value[0] in RESERVED_START and value[0] not in "[{":
        return _problem(line_no, "fm.reserved-start", line, char=value[0],
                        fix=f'{key_part}"{_escape(value)}"')
    if value[:1] in ('"', "'") and "expected key" in problem:
        inner = _escape(value.replace(value[0], ""))
        return _problem(line_no, "fm.after-quote", line, fix=f'{key_part}"{inner}"')
    return None


def _closed(value: str) -> bool:
    quote = value[0]
    if quote == "'":
        return len(value) > 1 and value.replace("''", "").count("'") >= 2
    body = re.sub(r"\\.", "", value[1:])
    return '"' in body


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def unclosed_line(lines: list[str]) -> int:
    """Where the closing `---` of a front matter that has none belongs (1-based): the first
    line after the opening one that is not a field (a blank line, a heading, text)."""
    for index in range(1, len(lines)):
        line = lines[index]
        if not line.strip() or re.match(r"^#{1,6}(\s|$)", line):
            return index + 1
        if line.startswith((" ", "\t", "-")) or re.match(rf"^{KEY}\s*[:：]", line) \
                or line.startswith("#"):
            continue
        return index + 1
    return 1


# -- values written the way a Chinese editor thinks of them --------------------------------
# Field names and coded values written in Chinese, and what they stand for.
FIELD_NAMES = {"编号": "id", "类型": "kind", "种类": "kind", "标题": "title", "题目": "title",
               "摘要": "summary", "简介": "summary", "版本": "version", "版本号": "version",
               "状态": "status", "更新": "updated", "更新日期": "updated", "日期": "updated",
               "复核": "review_by", "复核日期": "review_by", "负责": "owner",
               "负责人": "owner", "负责单位": "owner", "单位": "owner", "读者": "audience",
               "对象": "audience", "录音": "audio", "撤下原因": "withdrawn_reason"}
CHOICES = {"草稿": "draft", "审核": "review", "审核中": "review", "待审核": "review",
           "发布": "published", "已发布": "published", "撤下": "withdrawn",
           "已撤下": "withdrawn", "下线": "withdrawn", "居民指南": "resident-guide",
           "志愿者提示": "volunteer-tips", "志愿者提醒": "volunteer-tips",
           "清单": "checklist", "检查清单": "checklist", "社会组织手册": "ngo-manual",
           "手册": "ngo-manual", "页面": "page", "居民": "residents", "老人": "elderly",
           "老年人": "elderly", "志愿者": "volunteers", "社工": "social-workers",
           "社会组织": "ngos", "所有人": "everyone", "大家": "everyone"}
FULLWIDTH = str.maketrans({"，": ",", "、": ",", "【": "[", "】": "]", "［": "[", "］": "]",
                           "“": "", "”": "", "‘": "", "’": "", "\u3000": " ", "：": ":", "－": "-"})
DATE = re.compile(r"^\s*(\d{4})\s*(?:[-/.．／]|年)\s*(\d{1,2})\s*(?:[-/.．／]|月)"
                  r"\s*(\d{1,2})\s*日?\s*$")


def suggest_choice(value: object, choices: tuple[str, ...]) -> str:
    """The allowed value an editor meant: 已发布 → published, "published　" → published,
    "residents，elderly" → "residents, elderly"; "" when there is no safe guess."""
    text = str(value).strip().strip("\u3000")
    if text in CHOICES and CHOICES[text] in choices:
        return CHOICES[text]
    cleaned = text.translate(FULLWIDTH).strip().strip("[]").strip()
    words = [w.strip() for w in cleaned.split(",") if w.strip()]
    words = [CHOICES.get(w, w) for w in words]
    if words and all(w in choices for w in words):
        if len(words) > 1:  # `residents, elderly` is one word to YAML: a list needs [ ]
            return "[" + ", ".join(words) + "]"
        if cleaned != str(value):
            return words[0]
    return ""


def suggest_date(value: object) -> str:
    """2026/12/1, 2026年12月1日, 2026-2-3, 2026.12.01 → 2026-12-01; "" if not a date."""
    match = DATE.match(str(value).translate(FULLWIDTH))
    if not match:
        return ""
    year, month, day = (int(g) for g in match.groups())
    try:
        import datetime as dt

        return dt.date(year, month, day).isoformat()
    except ValueError:
        return ""
