"""Phone links: the number a reader sees is the number the phone dials, and both are
written so a phone can dial them (ASCII digits, no spaces, dashes or hidden characters).

All of these are errors: a `tel:` link that does not dial, or dials another number than
it shows, fails the frightened reader at the moment it matters.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

from guides.checks.context import Context
from guides.checks.writing import describe, fixed
from guides.model import Document
from guides.phones import (
    DASHES,
    INVISIBLE,
    SPACES,
    ascii_digits,
    character_problems,
    is_valid_chinese_number,
)

EXTENSION = re.compile(r"(转|分机|ext\.?|x)\s*(\d{1,6})\s*$", re.IGNORECASE)
# runs of digits in a link's text: each must be the number dialled (or its extension)
SHOWN_RUN = re.compile(rf"[+＋]?\d(?:[\d{SPACES}\-{DASHES}()（）]*\d)?")


def check_tel(ctx: Context, doc: Document | str, url: str, text: str, line: int) -> None:
    """Everything wrong with `[text](tel:url)`, most serious first, one finding."""
    # as a browser reads it: entities and %-escapes undone (tel:&#49;10 dials 110)
    number = unquote(html.unescape(url.strip()[4:]))
    shown = html.unescape(text).strip()
    extension = ""
    ext = EXTENSION.search(number)
    main = number[:ext.start()] if ext else re.split(r"[,;p]", number, maxsplit=1)[0]
    if ext:
        extension = ext.group(2)
    elif re.search(r"[,;]", number):
        extension = ascii_digits(re.split(r"[,;]", number, maxsplit=1)[1])
    digits = ascii_digits(main)
    fix = fixed(digits, extension, in_link=True)
    hidden = next((ch for ch in number + shown if ch in INVISIBLE), None)
    if hidden is not None:
        ctx.error(doc, line, "phone.invisible", number=_visible(number), char=describe(hidden),
                  fix=f"[{_visible(shown) or fix}](tel:{fix})")
        return
    problems = dict(character_problems(main))
    if "digit" in problems and not is_valid_chinese_number(digits):
        # read through, still a wrong number: never offer a tidy copy of it as the fix
        ctx.error(doc, line, "phone.invalid", number=number)
        return
    if "digit" in problems:
        ctx.error(doc, line, "phone.digit", number=number, char=problems["digit"], fix=fix)
        return
    if ext:
        ctx.error(doc, line, "phone.extension", number=number, fix=fix)
        return
    if not is_valid_chinese_number(digits):  # a wrong number first: the worse fault
        ctx.error(doc, line, "phone.invalid", number=number)
        return
    if "dash" in problems:
        ctx.error(doc, line, "phone.dash", number=number, char=describe(problems["dash"]),
                  fix=fix)
        return
    if "space" in problems:
        ctx.error(doc, line, "phone.space-link", number=number, shown=shown or fix, fix=fix)
        return
    _check_shown(ctx, doc, line, shown, digits, extension)


def _check_shown(ctx: Context, doc: Document | str, line: int, shown: str, digits: str,
                 extension: str) -> None:
    """Words with no number (急救电话) are fine; every number in the text must be the one
    dialled, and written in ASCII digits."""
    dialled = _national(digits)
    for match in SHOWN_RUN.finditer(shown):
        run = ascii_digits(match.group(0))
        if len(run.lstrip("+")) < 3:
            continue  # "24 小时", "1 号楼": not a phone number
        if _national(run) not in (dialled, extension):
            ctx.error(doc, line, "phone.mismatch", shown=shown, dialled=digits)
            return
        bad = dict(character_problems(match.group(0))).get("digit")
        if bad:
            ctx.error(doc, line, "phone.digit", number=shown, char=bad,
                      fix=fixed(digits, extension))
            return


def _national(digits: str) -> str:
    """+86 512 6525 1234 and 0512 6525 1234 are one number."""
    plain = digits.lstrip("+")
    if digits.startswith("+86") or (plain.startswith("86") and len(plain) > 11):
        plain = plain[2:]
        return plain if plain.startswith("1") else "0" + plain
    return plain


def _visible(text: str) -> str:
    return "".join(f"<U+{ord(ch):04X}>" if ch in INVISIBLE else ch for ch in text)


def anchor_text(line: str, href: str) -> str:
    """The text of `<a href="tel:…">text</a>` on one line (tags inside removed), or ""."""
    match = re.search(rf"""href\s*=\s*["']?{re.escape(href)}["']?[^>]*>(.*?)</a\s*>""", line,
                      re.IGNORECASE | re.DOTALL)
    return re.sub(r"<[^>]*>", "", match.group(1)) if match else ""
