"""Hard limits before parsing (guides.limits): the small files that crashed libyaml
(SIGSEGV), ended in RecursionError or hung `guides check` are now findings at their line,
in a second; each limit holds at its boundary, and ordinary front matter still parses."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from conftest import REPO, Tree, build_site, front_matter
from guides import frontmatter, hotlines, limits
from guides.limits import MAX_YAML_DEPTH, markdown_problems, yaml_problems

# -- the former crashes and hangs, each in its own process, with a timeout ----------------

FORMER = {
    # libyaml's composer recurses in C: SIGSEGV (this one is also over the size limit)
    "yaml-segfault": (front_matter(summary="[" * 100_000 + "]" * 100_000), "fm.too-large", 5),
    "yaml-segfault-block": (front_matter(summary="x") + "", "", 0),  # replaced below
    "yaml-deep-flow": (front_matter(summary="[" * 10_000 + "]" * 10_000), "fm.too-deep", 5),
    "yaml-recursive-alias": (front_matter(summary="&a [*a]"), "fm.alias-loop", 5),
    # ~10⁹ nodes walked by the checks: it hung
    "yaml-billion-laughs": (front_matter(summary="[" + ", ".join(
        ["&a0 [" + ", ".join(["x"] * 10) + "]"]
        + [f"&a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]) + "]"),
        "fm.alias-expansion", 5),
    "md-backticks": (front_matter() + "\n" + "`" * 50_000 + "\n", "md.line-too-long", 14),
    "md-heading-spaces": (front_matter() + "\n# a" + " " * 40_000 + "x\n", "md.line-too-long",
                          14),
    "md-comments": (front_matter() + "\n" + "<!--" * 20_000 + "\n", "md.line-too-long", 14),
    "md-nested-list": (front_matter() + "\n" + "- " * 600 + "x\n", "md.too-deep", 14),
}
# a block sequence 100,000 deep on one line per level would be megabytes: two spaces a level
FORMER["yaml-segfault-block"] = (
    "---\nsummary:\n" + "".join(" " * i + "-\n" for i in range(1, 200)) + "---\n\n正文。\n",
    "fm.too-deep", 2 + MAX_YAML_DEPTH)


@pytest.mark.parametrize("name", FORMER)
def test_a_former_crash_or_hang_is_a_finding_in_a_few_seconds(tmp_path, name):
    text, code, line = FORMER[name]
    Tree(tmp_path).write("g/zh.md", text)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "guides", "check", "--content", str(tmp_path / "content"),
         "--format", "json", "--lang", "en", "--today", "2026-11-29"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60)
    elapsed = time.monotonic() - started
    assert done.returncode == 1, (done.returncode, done.stderr[-2000:])  # not -11, not 2
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    found = [(f["line"], f["code"]) for f in json.loads(done.stdout)["findings"]
             if f["severity"] == "error"]
    assert (line, code) in found, found
    assert elapsed < 20  # a Python start-up and one small file (minutes before)


# -- YAML: each limit at its boundary ------------------------------------------------------

def nested(depth: int) -> str:
    return "[" * depth + "x" + "]" * depth


def test_depth_up_to_the_limit_parses_and_one_more_is_refused():
    assert yaml_problems(f"a: {nested(MAX_YAML_DEPTH - 1)}") == []  # the mapping is a level
    assert yaml_problems(f"a: {nested(MAX_YAML_DEPTH)}") == [
        (1, "fm.too-deep", {"limit": MAX_YAML_DEPTH})]


def test_block_nesting_counts_like_flow_nesting():
    text = "".join(" " * i + "k:\n" for i in range(MAX_YAML_DEPTH)) + " " * MAX_YAML_DEPTH + "k: 1"
    assert [p[1] for p in yaml_problems(text, first_line=2)] == ["fm.too-deep"]
    assert yaml_problems(text, first_line=2)[0][0] == 2 + MAX_YAML_DEPTH  # the 21st mapping


def test_depth_reached_through_aliases_is_counted():
    ok = "a: &a [[[[x]]]]\nb: [[[[*a]]]]"
    assert yaml_problems(ok) == []
    chain = "a: &a " + nested(8) + "\nb: &b " + nested(8).replace("x", "*a") + \
        "\nc: " + nested(8).replace("x", "*b")
    assert yaml_problems(chain) == [(3, "fm.too-deep", {"limit": MAX_YAML_DEPTH})]


def test_aliases_are_counted():
    ok = "a: &a x\nb: [" + ", ".join(["*a"] * limits.MAX_YAML_ALIASES) + "]"
    assert yaml_problems(ok) == []
    assert [p[1] for p in yaml_problems(ok.replace("]", ", *a]"))] == ["fm.too-many-aliases"]


@pytest.mark.parametrize("text", ["a: &a [*a]", "a: &a {b: [1, {c: *a}]}", "a: &a {<<: *a}",
                                  "a: &a\n  b: *a"])
def test_an_alias_inside_its_own_anchor_is_a_loop(text):
    assert [(p[1], p[2]) for p in yaml_problems(text)] == [("fm.alias-loop", {"name": "a"})]


def test_expansion_is_budgeted():
    word = "哈" * 1999  # 2,000 with its node
    within = f"a: &a {word}\nb: [" + ", ".join(["*a"] * 50) + "]"
    assert yaml_problems(within) == []
    over = f"a: &a {word}\nb: [" + ", ".join(["*a"] * 51) + "]"
    assert [p[1] for p in yaml_problems(over)] == ["fm.alias-expansion"]


def test_ordinary_front_matter_with_anchors_still_parses():
    text = ("review: &r\n  type: content\n  role: 项目编辑\naudience: [residents, elderly]\n"
            "history:\n  - {version: 2, date: 2026-11-25, note: x}\nother: *r\n")
    assert yaml_problems(text) == []
    data, _, problems = frontmatter.parse_yaml(text)
    assert problems == [] and data["other"] == data["review"]


def test_invalid_yaml_is_left_to_the_parser_with_its_own_message():
    assert yaml_problems("a: [1, 2\nb: 3") == []
    _, _, problems = frontmatter.parse_yaml("a: [1, 2\nb: 3")
    assert problems and not {p[1] for p in problems} & limits.YAML_CODES  # a YAML error


def test_front_matter_size_is_refused_at_the_line_it_passes_the_limit():
    lines = [f"k{i:03d}: {'x' * 100}" for i in range(400)]  # 107 bytes a line
    parsed = frontmatter.split("---\n" + "\n".join(lines) + "\n---\n正文\n")
    expected = 2 + limits.MAX_FRONT_MATTER_BYTES // 107
    assert parsed.problems == [(expected, "fm.too-large", {"size": "42 KB", "limit": "32 KB"})]
    assert parsed.meta is None


def test_the_hotlines_file_is_read_with_the_same_limits(tmp_path):
    data = tmp_path / "_data"
    data.mkdir()
    bomb = "- &a0 [" + ", ".join(["x"] * 10) + "]\n" + "".join(
        f"- &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 9))
    (data / "hotlines.yml").write_text(bomb, encoding="utf-8")
    started = time.process_time()
    assert hotlines.load(tmp_path) == []
    assert time.process_time() - started < 1


def test_a_hotlines_bomb_is_a_finding(tree):
    tree.write("_data/hotlines.yml", '- number: "12345"\n  name: &n {zh: [*n]}\n')
    tree.guide("a")
    assert [(f.path, f.line, f.code) for f in tree.check().findings if f.severity == "error"] \
        == [("content/_data/hotlines.yml", 2, "fm.alias-loop")]


# -- Markdown: each limit at its boundary --------------------------------------------------

def codes(body: str) -> list[tuple[int, str]]:
    return [(line, code) for line, code, _ in markdown_problems(body, first_line=10)]


def test_nesting_up_to_the_limit_passes():
    assert codes("- " * limits.MAX_NESTING + "x") == []
    assert codes("> " * (limits.MAX_NESTING + 1) + "x") == [(10, "md.too-deep")]
    assert codes("正文\n\n" + "    " * limits.MAX_NESTING + "- x") == [(12, "md.too-deep")]


def test_line_length():
    assert codes("正" * limits.MAX_LINE_CHARS) == []
    assert codes("a\n" + "正" * (limits.MAX_LINE_CHARS + 1)) == [(11, "md.line-too-long")]


def test_brackets_per_block_and_per_page():
    block = "[\n" * limits.MAX_BLOCK_BRACKETS
    assert codes(block) == []
    assert codes("正文\n\n" + block + "<\n" * 3 + "[") == [(12, "md.brackets")]
    blocks = (block + "\n") * (limits.MAX_PAGE_BRACKETS // limits.MAX_BLOCK_BRACKETS)
    assert codes(blocks) == []
    assert codes(blocks + "[") == [(10 + len(blocks.split("\n")) - 1, "md.page-brackets")]


def test_block_size():
    line = "正" * 999  # 2,998 bytes with its line break
    assert codes("\n".join([line] * 2)) == []
    assert codes("x\n\n" + "\n".join([line] * 3)) == [(12, "md.block-too-large")]
    assert codes("\n\n".join([line] * 40)) == []  # blank lines between: many small blocks


def test_page_size():
    line = "正" * 1000  # 3,001 bytes with its line break; blocks of one line
    fits = "\n\n".join([line] * (limits.MAX_PAGE_BYTES // 3002))
    assert codes(fits) == []
    over = fits + "\n\n" + line
    assert codes(over) == [(10 + len(over.split("\n")) - 1, "md.too-large")]


def test_messages_say_what_where_and_how(tree):
    tree.guide("a", body="正文。\n\n" + "- " * 40 + "x\n")
    found = [f for f in tree.check().findings if f.code == "md.too-deep"]
    assert [f.format("en") for f in found] == [
        "content/a/zh.md:16: error: lists or quotes are nested too deeply (40 levels; the "
        "limit is 16) [md.too-deep]\n    hint: two or three levels are plenty: look for extra "
        "-, > or indentation at the start of the line"]
    assert found[0].format("zh").startswith(
        "content/a/zh.md:16: error: 列表或引用嵌套太深（40 层，上限 16 层） [md.too-deep]\n    提示：")


def test_the_real_content_is_far_within_every_limit():
    for path in sorted((REPO / "content").glob("*/*.md")):
        parsed = frontmatter.split(path.read_text(encoding="utf-8"))
        assert parsed.problems == [], path
        assert markdown_problems(parsed.body) == [], path


# -- build and serve ---------------------------------------------------------------------

def test_the_build_stops_and_serve_shows_a_notice(tmp_path):
    from mkdocs.exceptions import Abort, PluginError

    tree = Tree(tmp_path)
    tree.guide("home", title="首页")
    tree.guide("deep", title="深", body="正文。\n\n" + "- " * 600 + "x\n")  # RecursionError
    tree.guide("slow", title="慢", body="[\n" * 3000)  # about a minute in Python-Markdown
    with pytest.raises((PluginError, Abort)):
        build_site(tree)
    started = time.monotonic()
    site = build_site(tree, command="serve", site_dir=str(tmp_path / "preview"))
    assert time.monotonic() - started < 60
    for folder in ("deep", "slow"):
        page = (site / folder / "index.html").read_text(encoding="utf-8")
        assert "this page is over a limit: the preview does not show its text" in page


# -- the build parses the front matter the limits were checked on --------------------------

@pytest.mark.parametrize("closing", ["---", "--- \t", "...", "---\u3000", "---\f", "---\v",
                                     "----", " ---", "---\r"])
def test_front_matter_ends_where_mkdocs_ends_it(closing):
    """MkDocs reads the front matter up to the first `---` line it recognises: a closing
    line only we took for one (`---\\u3000`) let it parse the body as YAML, unchecked (an
    alias bomb there hung the build)."""
    from mkdocs.utils.meta import YAML_RE

    text = f"---\ntitle: a\n{closing}\n正文\n\nx: &a [*a]\n\n---\n\n更多\n"
    parsed = frontmatter.split(text)
    mkdocs = YAML_RE.match(text)
    lines = text.split("\n")
    ours = "\n".join(lines[1:parsed.body_line - 2]) + "\n" if parsed.body_line > 1 else None
    assert ours == (mkdocs.group(1) if mkdocs else None)
    if ours and "*a" in ours:
        assert parsed.meta is None and parsed.problems  # refused, or not YAML at all


@pytest.mark.parametrize("code", sorted(limits.YAML_CODES | {
    "md.too-large", "md.line-too-long", "md.too-deep", "md.brackets", "md.page-brackets",
    "md.not-rendered", "md.block-too-large"}))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_limit_message_is_filled_in(code, lang):
    from guides.messages import render

    args = {"size": "40 KB", "limit": 16, "name": "a", "length": 5000, "depth": 20, "char": "["}
    message, hint = render(code, lang, args)
    assert message and hint and message != code
    assert not any(f"{{{key}}}" in message + hint for key in args), (message, hint)
    assert "{{" not in message + hint and "}}" not in message + hint


@pytest.mark.parametrize("text, code", [("a: \x01", None), ("a: &a [*a]", "fm.alias-loop"),
                                        (f"a: {nested(40)}", "fm.too-deep"),
                                        ("a: &a x\nb: [" + "*a, " * 101 + "]",
                                         "fm.too-many-aliases")])
def test_the_pure_python_parser_is_walked_the_same(monkeypatch, text, code):
    """PyYAML without libyaml (a source install) gets the same limits."""
    import yaml

    monkeypatch.setattr(limits, "_EVENTS", yaml.SafeLoader)
    assert [p[1] for p in yaml_problems(text)] == ([code] if code else [])
