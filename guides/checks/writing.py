"""The everyday mistakes of editors who write Chinese: Markdown that does not do what it
looks like it does (1、 lists, • bullets, #标题, 【】 checkboxes, ｜ tables, 】（ links),
numbers a phone cannot dial, and template or to-do text left in a guide.

Severity, decided per mistake: an ERROR when the page would publish something broken or
wrong (a checklist item that cannot be ticked, a table or link that shows as raw text, a
number that does not dial, a title that is still the template's); a WARNING when the page
reads worse but says nothing wrong (steps that run into one paragraph, a skipped heading
level). Leftover template and to-do text is an error in a guide that is (or stays)
published, a warning in review, a note in a draft: drafts are where it belongs.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from guides import placeholders
from guides.checks.context import Context
from guides.model import LANGUAGES, SECTIONS, Document
from guides.phones import DASHES, INVISIBLE, NumberRun, find_numbers
from guides.scan import COMMENT, Scan
from guides.urls import is_local

# `1、` `1，` `1.` with no space, `1)` (Python-Markdown lists only `1. `), `（1）` `(1)`,
# `一、` `（一）`, `Ⅰ、` `A、` `①`: all shown as text, and consecutive lines run into one paragraph.
ENUMERATION = re.compile(
    r"^ {0,3}(\d{1,3}[、，,．](?!\d)|\d{1,3}\.(?=[^\s\d.])|\d{1,3}[)）]"
    r"|[（(]\d{1,3}[）)]|[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、．.]"
    r"|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{1,3}[、.．]|[A-Za-z][、．]|[①-⑳])")
BULLET = re.compile(r"^ {0,3}([•·●○◦▪■◆◇★☆►▶➢➤※→]|[-－—–](?=[^\s\-－—–\d>|])|[－—–](?=\s))")
HEADING_NO_SPACE = re.compile(r"^ {0,3}(#{1,6})(?=[^#\s{])")
# A list item that was meant to be a checkbox: any marker (or none), then a box.
# (what is inside a box: nothing, spaces or a tick; `[1]` and `【注意】` are not boxes)
MARK = r"[ \u3000√✓✔✗✘×xXvVoO○●]{0,2}"
BOX = rf"(?:【{MARK}】|\[{MARK}\](?![(\[:])|［{MARK}］|[□☐☑✅])"
BOX_CHAR = re.compile("[\\[【［□☐☑✅]")
TASK_LIKE = re.compile(rf"^\s*(?:(?:[-*+]|\d+[.)])\s*)?({BOX})(.?)(.*)$")
VALID_TASK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]\s+\S")
FULLWIDTH_PIPE = re.compile(r"^\s*｜|｜.*｜")
# A link whose brackets are full-width (or whose text is in 【】): Markdown shows it as text.
FULLWIDTH_LINK = re.compile(r"(\[[^\]\n]*\]\s*[（【]|【[^】\n]*】\s*[（(])\s*"
                            r"(?:https?://|tel:|mailto:|www\.|\.{1,2}/|#)", re.IGNORECASE)
# [text](url with a space): Python-Markdown makes it a link to a broken address (a space
# before a quoted title, or inside <…>, is fine).
LINK_TARGET = re.compile(r"(!?)\[([^\]\n]*)\]\(([^()\n]*)\)")
TITLED = re.compile(r"\S+\s+(?:\"[^\"]*\"|'[^']*')|<[^<>]*>(?:\s+(?:\"[^\"]*\"|'[^']*'))?")
# Marks of unfinished text. Not 待定/待确认 (解封时间待定 is news a reader needs) nor 请填写
# (请填写健康申报表 is an instruction to readers).
TODO = re.compile(r"(?:(?<![A-Za-z])(TODO|FIXME|TBD|XXX+|xxx+)(?![A-Za-z])"
                  r"|(待补充|待完善|此处填写|在此填写|填写此处|×××|？{3,}|\?{3,}))")
# substrings one of which every match of TODO or PLACEHOLDER holds: a quick test first
CLUES = ("TODO", "FIXME", "TBD", "XXX", "xxx", "待", "填写", "×××", "？？？", "???", "条提示",
         *placeholders.PLACEHOLDERS)
TIP_PLACEHOLDER = re.escape(placeholders.TIP_TITLE).replace(r"\{n\}", r"\d+")
# every placeholder `guides new` writes, in one pattern (one search a line)
_FIRST = "".join(sorted({p[0] for p in placeholders.PLACEHOLDERS} | {"第"}))
PLACEHOLDER = re.compile(f"(?=[{re.escape(_FIRST)}])(?:"
                         + "|".join([*map(re.escape, placeholders.PLACEHOLDERS),
                                     TIP_PLACEHOLDER]) + ")")
DIGIT = re.compile(r"\d")
CJK = re.compile(r"[\u4e00-\u9fff]")
STRIP_LINK_URL = re.compile(r"\]\([^)]*\)")
TEL_LINK = re.compile(r"\[[^\]\n]*\]\(\s*tel:[^)]*\)", re.IGNORECASE)
SHOWN = 40


def _short(text: str) -> str:
    text = text.strip()
    return text if len(text) <= SHOWN else text[:SHOWN - 1] + "…"


def check(ctx: Context) -> None:
    sources = {g.folder: g.source for g in ctx.content.guides.values()}
    for doc in ctx.content.documents():
        if not doc.readable:
            continue
        scan = ctx.scan(doc)
        _check_lines(ctx, doc, scan)
        _check_md_links(ctx, doc, scan)
        _check_headings(ctx, doc, scan)
        _check_empty_sections(ctx, doc, scan)
        _check_leftovers(ctx, doc, scan)
        source = sources.get(doc.folder)
        if source is not None and source is not doc and source.readable:
            _check_copied(ctx, doc, source)


def _check_lines(ctx: Context, doc: Document, scan: Scan) -> None:
    # Each pattern runs only on lines holding a character it needs (see guides/scan.py).
    for index, line in enumerate(scan.lines):
        number = scan.first_line + index
        if not line.strip():
            continue
        enumeration = ENUMERATION.match(line)
        if enumeration and not line.lstrip().startswith("#"):
            ctx.warning(doc, number, "writing.enumeration", marker=enumeration.group(1),
                        text=_short(line))
        task = TASK_LIKE.match(line) if BOX_CHAR.search(line) else None
        bullet = BULLET.match(line) if not task else None
        if bullet and not re.match(r"^ {0,3}([-*_])(\s*\1){2,}\s*$", line):
            ctx.warning(doc, number, "writing.bullet", marker=bullet.group(1), text=_short(line))
        if "#" in line and HEADING_NO_SPACE.match(line):
            ctx.warning(doc, number, "writing.heading-space", text=_short(line))
        if task and not VALID_TASK.match(line):
            ctx.error(doc, number, "checklist.malformed-item", text=_short(line))
        if "｜" in line and FULLWIDTH_PIPE.search(line):
            ctx.error(doc, number, "writing.fullwidth-pipe", text=_short(line))
        if "](" in line or "】" in line or "]（" in line or "] (" in line:
            _check_link_forms(ctx, doc, line, number)
        _check_numbers(ctx, doc, line, number)


def _check_link_forms(ctx: Context, doc: Document, line: str, number: int) -> None:
    bad = FULLWIDTH_LINK.search(line)
    if bad:
        bracket = next(ch for ch in bad.group(1) if ch in "（【】")
        ctx.error(doc, number, "link.fullwidth-bracket", bracket=bracket,
                  text=_short(bad.group(0)))
    for _, url in spaced_links(line):
        if not url.lower().startswith("tel:"):  # tel: is told by guides/checks/phonelinks.py
            ctx.error(doc, number, "link.space", url=_short(url))


def spaced_links(line: str) -> list[tuple[str, str]]:
    """(text, address) of the links on a line whose address has a space in it."""
    found = []
    for match in LINK_TARGET.finditer(line):
        url = match.group(3).strip()
        if re.search(r"\s", url) and not TITLED.fullmatch(url):
            found.append((match.group(2), url))
    return found


def _check_md_links(ctx: Context, doc: Document, scan: Scan) -> None:
    """A warning: `../b/zh.md` works in the Mandarin site, but names one language's file
    where the folder (../b/) opens each reader's own language."""
    for link in scan.links:
        url = link.url.strip()
        if link.image or not is_local(url):
            continue
        path = urlsplit(url).path
        name = path.rsplit("/", 1)[-1]
        if name == f"{doc.language}.md":  # another language's file is meant as such
            folder = path[:-len(name)].rstrip("/").rsplit("/", 1)[-1] or doc.folder
            ctx.warning(doc, link.line, "link.md-file", url=url, folder=folder)


def spaced_tel_links(line: str) -> list[tuple[str, str]]:
    """(text, url) of `[text](tel:0512 6525 1234)` links, which the scan does not see as
    links but Python-Markdown does (and a phone cannot dial)."""
    return [(text, url) for text, url in spaced_links(line) if url.lower().startswith("tel:")]


# -- numbers in the text ------------------------------------------------------------------
# The most serious problem of a number is told (one finding per number); the fix in the
# message corrects them all. Severity: an error when the number shown is wrong or cannot be
# dialled or found (non-ASCII digits, hidden characters, not a valid number); a warning
# when a person can still read and dial it (odd dashes, spaces, 800 numbers).
# A number that is invalid once its characters are read through is told as invalid first:
# the fix offered for the characters would be a tidy copy of a wrong number.
NUMBER_PROBLEMS = (("invisible", "phone.invisible", "error"), ("invalid", "phone.invalid", "error"),
                   ("digit", "phone.digit", "error"), ("dash", "phone.dash", "warning"),
                   ("space", "phone.space", "warning"), ("free800", "phone.free800", "warning"))


def _check_numbers(ctx: Context, doc: Document, line: str, number: int) -> None:
    if not DIGIT.search(line):
        return
    # link addresses are not text, and tel: links are checked as links (phonelinks.py)
    text = line
    if "](" in line:
        text = TEL_LINK.sub(lambda m: " " * len(m.group(0)), text)
        text = STRIP_LINK_URL.sub(lambda m: "]" + " " * (len(m.group(0)) - 1), text)
    for run in find_numbers(text):
        report_number(ctx, doc, number, run)


def report_number(ctx: Context, doc: Document | str, line: int, run: NumberRun,
                  in_link: bool = False) -> None:
    """One finding for the most serious problem of a number, if it has one."""
    kinds = dict(run.problems)
    for kind, code, severity in NUMBER_PROBLEMS:
        if kind not in kinds:
            continue
        if kind == "invalid" and "invisible" in kinds:
            continue  # a hidden character may split the number: tell that first
        # Spaces, dashes and full-width digits are read through (run.digits), so a number
        # that is still invalid is wrong whatever the characters: say so, never offer a
        # tidied copy of a wrong number (`0512 6525 123`, one digit short).
        args = {"number": run.text.strip(), "char": describe(kinds[kind]),
                "fix": fixed(run.digits, run.extension, in_link)}
        if kind == "invalid":
            args = {"number": run.text.strip()}
        if in_link and severity == "warning" and kind != "free800":
            severity = "error"
        getattr(ctx, severity)(doc, line, code, **args)
        return


def describe(ch: str) -> str:
    """A character as an editor can find it: invisible ones by name and code point."""
    if ch in INVISIBLE or len(ch) == 1 and not ch.isprintable():
        return f"U+{ord(ch):04X}"
    if ch == " ":
        return "空格 (space)"
    if ch == "\u3000":
        return "全角空格 U+3000"
    if ch in DASHES:
        return f"{ch}（U+{ord(ch):04X}）"
    return ch


def fixed(digits: str, extension: str = "", in_link: bool = False) -> str:
    """The number as it should be written: 0512-65251234, 13912345678, 400-820-8820."""
    plain = digits.lstrip("+")
    if digits.startswith("+86"):
        plain = "0" + plain[2:] if not plain[2:].startswith("1") else plain[2:]
    if in_link:
        text = plain
    elif plain.startswith(("400", "800")) and len(plain) == 10:
        text = f"{plain[:3]}-{plain[3:6]}-{plain[6:]}"
    elif plain.startswith("0") and len(plain) >= 10:
        area = 3 if plain[1] in "12" else 4
        text = f"{plain[:area]}-{plain[area:]}"
    else:
        text = plain
    if extension:
        text += f",{extension}" if in_link else f" 转 {extension}"
    return text


# -- headings and sections ------------------------------------------------------------------

def _check_headings(ctx: Context, doc: Document, scan: Scan) -> None:
    """A warning, not an error: nothing is lost, but screen readers list headings by level
    and a jump from ## to #### reads as a missing section."""
    previous = 1  # the page title is the level-1 heading
    for heading in scan.headings:
        if heading.level > previous + 1:
            ctx.warning(doc, heading.line, "writing.heading-skip", before=previous,
                        level=heading.level, text=_short(heading.text))
        previous = heading.level


def _check_empty_sections(ctx: Context, doc: Document, scan: Scan) -> None:
    """An error: a resident guide's "求助电话" heading with nothing under it tells a reader
    there is no help (the section is required because it must say something)."""
    required = {s.id: s for s in SECTIONS.get(str(doc.meta.get("kind")), ())}
    if not required:
        return
    headings = scan.headings
    end_of_body = scan.first_line + len(scan.lines)
    for i, heading in enumerate(headings):
        if heading.level != 2 or heading.id not in required:
            continue
        end = next((h.line for h in headings[i + 1:] if h.level <= 2), end_of_body)
        body = scan.lines[heading.line - scan.first_line + 1:end - scan.first_line]
        if not any(line.strip() for line in body):
            section = required[heading.id]
            ctx.error(doc, heading.line, "structure.empty-section",
                      title=section.en if doc.language == "en" else section.zh)


# -- leftovers ------------------------------------------------------------------------------

def _leftover(ctx: Context, doc: Document, line: int, code: str, **args: str) -> None:
    status = doc.meta.get("status")
    if status in ("published", "withdrawn"):
        ctx.error(doc, line, code, **args)
    elif status == "draft":
        ctx.note(doc, line, code, **args)
    else:
        ctx.warning(doc, line, code, **args)


def _check_leftovers(ctx: Context, doc: Document, scan: Scan) -> None:
    for key in ("title", "summary", "owner", "withdrawn_reason"):
        value = doc.meta.get(key)
        if isinstance(value, str):
            _leftovers_in(ctx, doc, doc.line_of(key), value)
    text = "\n".join(scan.lines)
    if not any(clue in text for clue in CLUES):
        return  # the common case, found in one pass over the page
    # comments are not published: an editor's note there is not a leftover
    text = COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    for index, line in enumerate(text.split("\n")):
        if line.strip():
            _leftovers_in(ctx, doc, scan.first_line + index, line)


def _leftovers_in(ctx: Context, doc: Document, line: int, text: str) -> None:
    if PLACEHOLDER.search(text):
        _leftover(ctx, doc, line, "writing.placeholder", text=_short(text))
        return
    todo = TODO.search(text)
    if todo:
        _leftover(ctx, doc, line, "writing.todo", word=todo.group(0), text=_short(text))


def _check_copied(ctx: Context, doc: Document, source: Document) -> None:
    """`guides translate` starts a translation as a copy of the source: lines still equal
    to the source's (with Chinese in them) are not translated yet. For the dialect, whose
    lines may rightly match Mandarin, only long ones count. One finding, at the first."""
    least = 4 if doc.language == "en" else 16
    source_lines = {line.strip() for line in source.body.split("\n")}
    copied = [(i, line) for i, line in enumerate(doc.body.split("\n"))
              if line.strip() in source_lines and len(CJK.findall(line)) >= least]
    if copied:
        index, line = copied[0]
        _leftover(ctx, doc, doc.body_line + index, "translation.copied", text=_short(line),
                  count=str(len(copied)), language=LANGUAGES[doc.language].name)
