"""scan.py's tokenizers read exactly what the regular expressions they replaced read, and
in linear time: the old expressions are kept here as the reference, compared on generated
lines short enough for them to finish (derandomized: the same examples on every run)."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guides import scan

# -- the expressions scan.py used before (seconds to minutes on 8-80 KB of the wrong text)
CODE_SPAN = re.compile(r"(?<!\\)(`+)(.+?)(?<!`)\1(?!`)")
HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
HEADING_ATTRS = re.compile(r"\s*\{:?([^{}]*)\}\s*$")
ATTR_PAIR = re.compile(r"""([^\s=#.]+)\s*=\s*("[^"]*"|'[^']*'|[^\s}]+)""")
_URL_CHAR = r"(?:[^\s()]|\t(?![\"'(]))"
LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]"
                  rf"\(\s*(<[^>]*>|{_URL_CHAR}*(?:\({_URL_CHAR}*\){_URL_CHAR}*)*)"
                  r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
INLINE_MARKUP = re.compile(r"[*_~`]|!?\[([^\]]*)\]\([^)]*\)")
COMMENT = re.compile(r"<!--(?:>|->|.*?--!?>)|<!--", re.S)

SAME = settings(max_examples=400, derandomize=True, deadline=None, database=None)


def chars(alphabet: str, size: int = 40) -> st.SearchStrategy[str]:
    return st.text(st.sampled_from(list(alphabet)), max_size=size)


@SAME
@given(chars("`\\a "))
def test_code_spans(line):
    assert scan.blank_code_spans(line) == CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


@SAME
@given(chars(" \t#a{}x", 24))
def test_headings(line):
    old = HEADING.match(line)
    assert scan.heading(line) == ((len(old.group(1)), old.group(2) or "") if old else None)


@SAME
@given(chars(" {}:#a\u3000", 24))
def test_heading_attrs(text):
    old = HEADING_ATTRS.search(text)
    assert scan.heading_attrs(text) == ((old.start(), old.group(1)) if old else None)


@SAME
@given(chars("*_~`![]()a ", 30))
def test_inline_markup(text):
    assert scan.plain_text(text) == INLINE_MARKUP.sub(lambda m: m.group(1) or "", text)


@SAME
@given(chars(" =#.a\"'}\t", 30))
def test_attribute_pairs(text):
    assert scan.attr_pairs(text) == ATTR_PAIR.findall(text)


@SAME
@given(chars("[]()!<>\"' \ta\n", 40))
def test_links(text):
    old = [(m.span(), m.group(1), m.group(2), m.group(3), m.span(3)) for m in LINK.finditer(text)]
    new = [(m.span(), m.group(1), m.group(2), m.group(3), m.span(3))
           for m in scan.LINK.finditer(text)]
    assert new == old
    assert scan.LINK.sub(lambda m: f"<{m.group(3)}>", text) == \
        LINK.sub(lambda m: f"<{m.group(3)}>", text)


@SAME
@given(chars("<!->a\n", 40))
def test_comments(text):
    assert scan.blank_comments(text) == \
        COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


@pytest.mark.parametrize("line", ["[链接](../a/ \"标题\") 和 ![图](x.png)",
                                  "[a [b] c](<x y>) [t](u (v) w 'title')",
                                  "[电话](tel:12345)", "![](a(b)c)"])
def test_links_of_ordinary_text(line):
    assert [m.group(0) for m in scan.LINK.finditer(line)] == \
        [m.group(0) for m in LINK.finditer(line)]


# -- linear time: 80 KB of what made the old expressions take seconds to minutes ----------

HOSTILE = {
    "backtick runs": "`" * 80_000,
    "backticks and text": "`a" * 40_000,
    "backtick runs of growing length": " ".join("`" * n for n in range(1, 400)),
    "heading of spaces": "# a" + " " * 80_000 + "x",
    "heading of tabs and hashes": "## a" + " \t#" * 27_000 + "x",
    "heading of braces": "## " + "{" * 80_000 + "}",
    "heading of brackets": "## " + "[" * 40_000 + "](",
    "heading of link starts": "## " + "![a](" * 16_000,
    "repeated comment openers": "<!--" * 20_000,
    "comment openers and dashes": "<!--" + "-" * 80_000,
    "link brackets": "[" * 80_000 + "](x)",
    "link starts": "[a](" * 20_000,
    "link titles": "[a](x (" * 12_000,
    "link angles": "[a](<" * 16_000,
    "link spaces": "[a](x" + " " * 80_000 + "y",
    "link tabs": "[a](x" + "\t" * 80_000 + "'",
    "nested brackets": "[a" * 40_000 + "]" * 40_000,
    "attribute names": "{: " + "a" * 80_000 + " b=1 }",
    "attribute quotes": "{: " + 'a="' * 26_000 + "}",
    "unclosed fences": "````a\n```\n" * 8_000,
    "fences of growing length": "\n".join("`" * n + "a" for n in range(3, 400)),
    "same heading": "## 标题\n" * 16_000,
    "tags": "<a" * 40_000,
    "angle brackets": "<" * 80_000,
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_80_kb_of_hostile_text_is_read_in_well_under_a_second(text):
    started = time.process_time()  # CPU time: the machine may be busy with other work
    scan.scan(text)
    assert time.process_time() - started < 1.0
