"""Front matter YAML cannot read is told by its cause, on the line at fault, in the editor's
words: never PyYAML's English (guides/yamlhints.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guides import yamlhints
from guides.frontmatter import parse_yaml, split
from guides.messages import render


def test_the_issue_example_full_width_colon(tree):
    tree.write("a/zh.md", "---\nid: a\nkind: page\ntitle：居民指南\nsummary: x\n---\n")
    [finding] = tree.check().findings
    assert finding.format("zh") == (
        "content/a/zh.md:4: error: 第 4 行“title：居民指南”用了中文冒号“：” [fm.fullwidth-colon]"
        "\n    提示：改成英文冒号“:”，后面加一个空格：title: 居民指南")
    assert finding.format("en") == (
        'content/a/zh.md:4: error: line 4 uses a full-width colon "：": "title：居民指南" '
        '[fm.fullwidth-colon]\n    hint: use an ASCII colon ":" followed by a space: '
        "title: 居民指南")


@pytest.mark.parametrize("yaml_text, line, code", [
    ("id: a\ntitle：x\nsummary: y", 2, "fm.fullwidth-colon"),
    ("id: a\ntitle:x\nsummary: y", 2, "fm.colon-space"),
    ("id: a\naudience:\n\t- residents", 3, "fm.tab"),
    ("id: a\ntitle:\u3000x\nsummary: y", 2, "fm.fullwidth-space"),
    ('id: a\nsummary: "x\ntitle: y', 2, "fm.unclosed-quote"),
    ("id: a\nsummary: “a: b”", 2, "fm.fullwidth-quote"),
    ("id: a\nsummary: a: b", 2, "fm.colon-in-value"),
    ("id: a\n  title: y", 2, "fm.indent"),
    ("id: a\naudience: [a, b\ntitle: y", 2, "fm.unclosed-bracket"),
    ("id: a\nowner: @x", 2, "fm.reserved-start"),
    ('id: a\ntitle: "a" b', 2, "fm.after-quote"),
    ("id: a\nupdated: 2026-02-30", 2, "fm.bad-date"),
    ("id: a\ntitle: a\x07b", 2, "fm.control-char"),
    ("id: a\n- b", 2, "fm.syntax"),
])
def test_each_cause_on_its_line(yaml_text, line, code):
    _, _, problems = parse_yaml(yaml_text)
    assert [(p[0], p[1]) for p in problems] == [(line, code)]


def test_the_generic_message_never_pastes_the_parser(tree):
    tree.write("a/zh.md", "---\nid: a\n- b\n---\n")
    [finding] = tree.check().findings
    message, hint = finding.message("zh")
    assert finding.code == "fm.syntax"
    assert "expected" not in message + hint and "block" not in message + hint
    assert "第 3 行附近" in message


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab: -\t\u3000：“”\"'[]{}#@*&!|>?\n,，0123456789")),
               max_size=60))
def test_any_yaml_gets_a_finding_in_the_editors_words(yaml_text):
    _, _, problems = parse_yaml(yaml_text, first_line=2)
    lines = yaml_text.count("\n") + 1
    for line, code, args in problems:
        assert 2 <= line <= lines + 1
        assert code in yamlhints.CODES - {"fm.yaml"} or code == "fm.duplicate-key"
        message, hint = render(code, "zh", args)
        assert "{" not in message.replace("{x", "").replace("{#", "") or "{" in yaml_text
        assert not any(word in message + hint for word in ("expected", "could not", "found"))


def test_unclosed_front_matter_points_where_the_closing_line_belongs():
    assert split("---\nid: a\ntitle: b\n\n## 标题\n").problems == [(4, "fm.unclosed", {})]
    assert yamlhints.unclosed_line(["---", "id: a", "## 正文"]) == 3


@pytest.mark.parametrize("value, meant", [("2026/12/1", "2026-12-01"), ("2026年12月1日", "2026-12-01"),
                                          ("2026-2-3", "2026-02-03"), ("2026.12.01", "2026-12-01"),
                                          ("2026/2/30", ""), ("明天", "")])
def test_dates_as_people_write_them(value, meant):
    assert yamlhints.suggest_date(value) == meant
