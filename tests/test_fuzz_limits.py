"""Generated front matter and Markdown of growing nesting and size, up to and past the hard
limits (guides.limits): every file is checked in under a second of CPU time, with findings
and never a crash or traceback; what goes over a limit is reported as such.

Derandomized (the same examples on every run) and small enough for CI: the limits make each
check linear, so a handful of examples at full size say more than many small ones.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pymdownx.slugs import slugify

from conftest import BASE_META
from guides import limits
from guides.checks import check_directory

FUZZ = settings(max_examples=25, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow, HealthCheck.data_too_large])
TODAY = dt.date(2026, 11, 29)
ONE_SECOND = 1.0  # of CPU time, for reading and checking one file

HEAD = "".join(f"{key}: {value}\n" for key, value in BASE_META.items() if key != "summary")


def check_one(root: Path, text: str) -> tuple[list, float]:
    """Check a content folder holding one guide; (findings, CPU seconds)."""
    path = root / "content" / "g" / "zh.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    started = time.process_time()
    report = check_directory(root / "content", base=root, today=TODAY)
    spent = time.process_time() - started
    lines = text.count("\n") + 1
    for finding in report.findings:
        assert 1 <= finding.line <= lines, finding
        message, _ = finding.message("en")
        assert message and message != finding.code, finding  # every code has a message
    return report.findings, spent


# -- YAML ----------------------------------------------------------------------------------

def flow(depth: int, kind: str, leaf: str) -> str:
    if kind == "list":
        return "[" * depth + leaf + "]" * depth
    return "{k: " * depth + leaf + "}" * depth


def block(depth: int, indent: int) -> str:
    return "\n" + "".join(" " * (indent * (i + 1)) + "k:\n" for i in range(depth)) + \
        " " * (indent * (depth + 1)) + "k: 1"


def laughs(levels: int, width: int) -> str:
    items = ["&l0 [" + ", ".join(["哈"] * width) + "]"]
    items += [f"&l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]" for i in range(1, levels)]
    return "[" + ", ".join(items) + "]"


@st.composite
def summaries(draw) -> tuple[str, bool]:
    """A `summary:` value, and whether it must be refused by a YAML limit."""
    shape = draw(st.sampled_from(["flow", "map", "block", "laughs", "loop", "text"]))
    depth = draw(st.integers(0, 120) | st.sampled_from([19, 20, 21, 30_000]))
    if shape == "flow":
        return flow(depth, "list", "x"), depth + 1 > limits.MAX_YAML_DEPTH
    if shape == "map":
        return flow(depth, "map", "1"), depth + 1 > limits.MAX_YAML_DEPTH
    if shape == "block":
        depth = min(depth, 200)
        return block(depth, draw(st.integers(1, 3))), depth + 1 > limits.MAX_YAML_DEPTH
    if shape == "laughs":
        levels, width = draw(st.integers(1, 10)), draw(st.integers(1, 12))
        return laughs(levels, width), False  # refused only when it grows large
    if shape == "loop":
        return "&a " + flow(min(depth, 15), "list", "*a"), True
    size = draw(st.integers(0, limits.MAX_FRONT_MATTER_BYTES + 4000))
    return '"' + "哈" * (size // 3) + '"', False


@FUZZ
@given(summary=summaries())
def test_front_matter_of_any_nesting_and_size(tmp_path_factory, summary):
    value, refused = summary
    text = f"---\n{HEAD}summary: {value}\n---\n\n正文。\n"
    findings, spent = check_one(tmp_path_factory.mktemp("y"), text)
    assert spent < ONE_SECOND
    codes = {f.code for f in findings}
    if refused:
        assert codes & limits.YAML_CODES, codes
    if len(text.encode()) > limits.MAX_FRONT_MATTER_BYTES + 200:
        assert "fm.too-large" in codes


# -- Markdown ------------------------------------------------------------------------------

# What made Python-Markdown or the old scan.py slow, or ended in RecursionError.
PIECES = ["`", "`a", "[", "![", "[a](", "](", "<a", "<", "<!--", "-->", "*a", "_", "> ", "- ",
          "1. ", "    ", "#", "## a", " ", "\t", "{: ", "{: a=1}", "]", ")", "(", "正文",
          "\n", "\n\n", "```\n", "~~~a\n", "|", "&#", "\\", "\"", "'"]


@st.composite
def bodies(draw) -> str:
    """Runs of hostile pieces, from a few bytes to past the page size limit."""
    runs = draw(st.lists(st.tuples(st.sampled_from(PIECES), st.integers(1, 60_000)),
                         min_size=1, max_size=6))
    body = "".join(piece * count for piece, count in runs)
    return body[: limits.MAX_PAGE_BYTES + 8000]


def full_page(line: str) -> str:
    """Lines of `line`, each just within the line limit, filling the page to its limit."""
    line = (line * (limits.MAX_LINE_CHARS // len(line)))[: limits.MAX_LINE_CHARS]
    count = limits.MAX_PAGE_BYTES // (len(line.encode()) + 1) - 1
    return "\n".join([line] * count)


@FUZZ
@given(body=bodies())
@example(body=full_page("`"))
@example(body=full_page("`a"))
@example(body=full_page("[a]("))
@example(body=full_page("<!--"))
@example(body=full_page("## a" + " " * 4000 + "x"))
@example(body=full_page("{: " + "a" * 3990 + "}"))
@example(body=full_page("````a\n```\n"))
@example(body=full_page("## 标题\n"))
def test_markdown_of_any_nesting_and_size(tmp_path_factory, body):
    text = f"---\n{HEAD}summary: 摘要。\n---\n\n{body}\n"
    findings, spent = check_one(tmp_path_factory.mktemp("m"), text)
    assert spent < ONE_SECOND
    codes = {f.code for f in findings}
    if len(body.encode()) > limits.MAX_PAGE_BYTES + 100:
        assert "md.too-large" in codes
    if any(len(line) > limits.MAX_LINE_CHARS for line in body.split("\n")):
        assert "md.line-too-long" in codes


@FUZZ
@given(depth=st.integers(0, 3000), marker=st.sampled_from(["- ", "* ", "> ", "1. ", "    - "]))
def test_nesting_of_any_depth(tmp_path_factory, depth, marker):
    line = marker * depth + "x" if marker != "    - " else \
        "\n".join("    " * i + "- x" for i in range(min(depth, 200)))
    findings, spent = check_one(tmp_path_factory.mktemp("n"),
                                f"---\n{HEAD}summary: 摘要。\n---\n\n{line}\n")
    assert spent < ONE_SECOND
    deepest = max(limits.nesting(part) for part in line.split("\n"))
    assert ("md.too-deep" in {f.code for f in findings}) == (deepest > limits.MAX_NESTING)


# -- what the limits let through, Python-Markdown renders in bounded time -------------------

EXTENSIONS = ["toc", "attr_list", "admonition", "tables", "pymdownx.tasklist",
              "pymdownx.superfences", "pymdownx.details"]


def at_the_limits(line: str) -> str:
    """Blocks of `line` as many as the per-block and per-page limits allow."""
    per_block = limits.MAX_BLOCK_BRACKETS // max(line.count("[") + line.count("<"), 1)
    blocks = limits.MAX_PAGE_BRACKETS // limits.MAX_BLOCK_BRACKETS
    return ((line + "\n") * per_block + "\n") * blocks


def dense(piece: str) -> str:
    """Blocks as large as allowed, of lines as long as allowed, filling the page."""
    line = (piece * (limits.MAX_LINE_CHARS // len(piece)))[: limits.MAX_LINE_CHARS]
    block = "\n".join([line] * (limits.MAX_BLOCK_BYTES // (len(line.encode()) + 1)))
    return "\n\n".join([block] * (limits.MAX_PAGE_BYTES // (len(block.encode()) + 2)))


WORST = {**{f"{line[:8]} blocks": at_the_limits(line)
            for line in ("[", "![", "[a](", "<a", "- " * limits.MAX_NESTING + "x")},
         **{f"dense {piece}": dense(piece) for piece in ("*a", "\\*", "`a", "|")}}


@pytest.mark.parametrize("text", WORST.values(), ids=WORST.keys())
def test_the_worst_pages_within_the_limits_render_in_seconds_not_minutes(text):
    """Inputs that took minutes (or a minute, `*a` in one 128 KB block) are cut to what
    renders in about a second of CPU time; five is the bound on a loaded machine."""
    assert limits.markdown_problems(text) == []
    started = time.process_time()
    markdown.markdown(text, extensions=EXTENSIONS, extension_configs={
        "toc": {"toc_depth": 2, "slugify": slugify(case="lower")}})
    assert time.process_time() - started < 5
