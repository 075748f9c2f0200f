"""Chinese phone numbers: validated with `phonenumbers`, plus an explicit list of the short
service numbers it does not know (a wrong digit in a hotline sends a frightened caller
nowhere, so nothing passes on looks alone)."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import phonenumbers

# Short service numbers valid nationwide, dialled as they are.
SHORT_NUMBERS: dict[str, str] = {
    "110": "报警 Police",
    "119": "火警 Fire",
    "120": "急救 Ambulance",
    "122": "交通事故 Traffic accidents",
    "12345": "政务服务便民热线 Citizen service hotline",
    "12320": "卫生健康热线 Public health hotline",
    "12356": "心理援助热线 Psychological assistance hotline",
    "12315": "消费者投诉 Consumer complaints",
    "12338": "妇女维权 Women's rights",
    "12349": "养老服务 Elderly services",
    "12355": "青少年服务 Youth services",
    "12333": "人社服务 Employment and social security",
    "12348": "法律援助 Legal aid",
    "12319": "城建服务 Urban services",
    "12309": "检察服务 Procuratorate",
    "12366": "纳税服务 Tax services",
}

SEPARATORS = re.compile(r"[\s\-().（）]")


def normalise(number: str) -> str:
    return SEPARATORS.sub("", str(number))


@functools.lru_cache(maxsize=4096)  # the same hotlines appear on every page
def is_valid_chinese_number(number: str) -> bool:
    digits = normalise(number)
    if digits in SHORT_NUMBERS:
        return True
    if not re.fullmatch(r"\+?\d{3,20}", digits):
        return False
    try:
        parsed = phonenumbers.parse(digits, "CN")
    except phonenumbers.NumberParseException:
        return False
    return (phonenumbers.is_valid_number(parsed)
            and phonenumbers.region_code_for_number(parsed) == "CN")


# -- numbers as editors write them (h-mistakes) -------------------------------------------
# Characters that look harmless in an editor but break a number: a phone's dialler, its
# "tap to call" detection and a reader copying the number all need ASCII digits.

# Dashes other than the ASCII hyphen that Chinese input methods type between digits.
DASHES = "－—–‐‑‒―−ー"
# Spaces inside a number: ASCII, full-width (U+3000), no-break and thin spaces.
SPACES = " \u3000\u00a0\u2009\u202f"
# Invisible characters: bidi controls reorder what is shown (U+202E shows 12345 as 54321),
# zero-width ones split a number without showing it.
BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F,
                         0x061C)}
INVISIBLE = BIDI | {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
_INV = "".join(sorted(INVISIBLE))
_SEP = f"{SPACES}{DASHES}\\-()（）{_INV}"
# A phone-like run: invisible characters, an optional + and bracket, then digits (of any
# script) with separators between them.
RUN = re.compile(rf"[{_INV}]*[+＋]?[(（]?\d(?:[\d{_SEP}]*\d)?")
EXTENSION = re.compile(r"[ \u3000]*(?:转|分机|[eE][xX][tT]\.?)[ \u3000]*(\d{1,6})")
KEYWORDS = re.compile(r"(电话|热线|拨打|致电|手机|座机|联系|号码|打|tel|phone|call)\s*[:：]?\s*$",
                      re.IGNORECASE)
DIGIT = re.compile(r"\d")
# A run touching these is a date, time, amount, version or code, not a phone number.
NOT_BEFORE = set("/.#")
NOT_AFTER = set("/:年月日%％元岁℃°")


@dataclass(frozen=True)
class NumberRun:
    """A phone-number-like run in a line of text."""

    column: int  # 0-based index of its first character in the line
    text: str  # as written (with its extension, if any)
    digits: str  # ASCII digits of the number itself, a leading + kept
    extension: str = ""  # the digits after 转 / 分机 / ext
    # what is wrong: (kind, the character or text at fault); kinds: "digit" (non-ASCII
    # digit), "dash" (not an ASCII hyphen), "space", "invisible", "invalid", "free800"
    problems: tuple[tuple[str, str], ...] = ()


def ascii_digits(text: str) -> str:
    """Every decimal digit of any script as ASCII; other characters dropped (+ kept)."""
    out = []
    for ch in text:
        if ch in "+＋":
            out.append("+")
        else:
            value = unicodedata.decimal(ch, None)
            if value is not None:
                out.append(str(value))
    return "".join(out)


def character_problems(text: str) -> list[tuple[str, str]]:
    """The characters in a written number that a dialler or a reader gets wrong, first of
    each kind: ("digit", "０"), ("dash", "－"), ("space", " "), ("invisible", "\\u202e")."""
    found: dict[str, str] = {}
    inner = text.strip()
    for ch in inner:
        if ch in INVISIBLE:
            found.setdefault("invisible", ch)
        elif ch in DASHES:
            found.setdefault("dash", ch)
        elif ch in SPACES:
            found.setdefault("space", ch)
        elif unicodedata.decimal(ch, None) is not None and not "0" <= ch <= "9":
            found.setdefault("digit", ch)
    return list(found.items())


def _phone_shaped(digits: str) -> bool:
    """Shapes that are phone numbers whatever surrounds them: a landline with its area
    code, a mobile, a 400/800 number, +86, or a known service number."""
    plain = digits.lstrip("+")
    return (digits.startswith("+") and len(plain) >= 7
            or plain.startswith("0") and 10 <= len(plain) <= 12
            or plain.startswith("1") and len(plain) == 11
            or plain.startswith(("400", "800")) and len(plain) == 10
            or plain in SHORT_NUMBERS)


def find_numbers(line: str) -> list[NumberRun]:
    """Phone-number-like runs in a line of plain text, each with its column and what is
    wrong with it. A run counts when it has a phone's shape (see `_phone_shaped`), or when
    it follows a word such as 电话/热线/拨打 and has at least five digits; dates, times,
    amounts and codes (2026/12/1, 8:00, WS/T 311, 37.3) are not runs."""
    found: list[NumberRun] = []
    if not DIGIT.search(line):
        return found
    for match in RUN.finditer(line):
        start, text = match.start(), match.group(0)
        if len(text) < 3:
            continue  # "8 条", "24 小时": no phone number has fewer than three digits
        before, after = line[max(0, start - 12):start], line[match.end():match.end() + 2]
        if before[-1:] in NOT_BEFORE or (before[-1:].isascii() and before[-1:].isalnum()) \
                or after[:1] in NOT_AFTER or after[:1] == "." and after[1:2].isdigit() \
                or after[:1].isascii() and after[:1].isalpha():  # 0512-6xxxxxxx, 5G
            continue
        keyword = bool(KEYWORDS.search(before))
        if not _is_number(text, keyword):
            continue
        parts = [(start, text)]
        if not is_valid_chinese_number(ascii_digits(text)):
            # "12345 12320" is two numbers side by side, not one wrong one
            pieces = [(start + m.start(), m.group(0)) for m in re.finditer(r"[^ \u3000]+", text)]
            if len(pieces) > 1 and all(_is_number(t, keyword, valid=True) for _, t in pieces):
                parts = pieces
        for column, part in parts:
            found.append(_run(line, column, part))
    return found


def _is_number(text: str, keyword: bool, valid: bool = False) -> bool:
    digits = ascii_digits(text)
    if not (_phone_shaped(digits) or keyword and len(digits.lstrip("+")) >= 5):
        return False
    return not valid or is_valid_chinese_number(digits)


def _run(line: str, column: int, text: str) -> NumberRun:
    digits = ascii_digits(text)
    problems = character_problems(text)
    extension = ""
    ext = EXTENSION.match(line, column + len(text))
    if ext:
        extension = ext.group(1)
        text += ext.group(0)
    if not is_valid_chinese_number(digits):
        problems.append(("invalid", digits))
    elif digits.lstrip("+").startswith("800"):
        problems.append(("free800", digits))
    return NumberRun(column, text, digits, extension, tuple(problems))
