"""Front matter: parsing with lines, and every schema rule with a passing and a failing input."""

from __future__ import annotations

from guides.frontmatter import split


def test_clean_guide_has_no_findings(tree):
    tree.guide("demo")
    assert tree.found() == []


def test_split_keeps_file_lines():
    parsed = split("---\nid: a\ntitle: b\n---\n\n## 正文\n")
    assert parsed.meta == {"id": "a", "title": "b"}
    assert parsed.key_lines == {"id": 2, "title": 3}
    assert parsed.body_line == 5


def test_yaml_syntax_error_reported_at_its_line(tree):
    tree.write("demo/zh.md", "---\nid: demo\ntitle: [未闭合\nkind: page\n---\n")
    found = tree.found()
    assert len(found) == 1
    # on the line that holds the fault (PyYAML gives up on the next one), by its cause
    assert found == ['content/demo/zh.md:3: error: the bracket [ on line 3 is never closed: '
                     '"title: [未闭合" [fm.unclosed-bracket]']


def test_missing_and_unclosed_front_matter(tree):
    tree.write("a/zh.md", "## 没有元数据\n")
    tree.write("b/zh.md", "---\nid: b\n")
    assert tree.found() == [
        "content/a/zh.md:1: error: the front matter is missing [fm.missing]",
        # where the closing line belongs: after the last field
        "content/b/zh.md:3: error: the front matter has no closing --- line [fm.unclosed]",
    ]


def test_front_matter_that_is_not_a_mapping(tree):
    tree.write("a/zh.md", "---\n- id\n- title\n---\n")
    assert tree.found() == [
        'content/a/zh.md:2: error: the front matter is not a list of "field: value" lines '
        "[fm.not-mapping]"]


def test_duplicate_key(tree):
    path = tree.guide("demo")
    path.write_text(path.read_text(encoding="utf-8").replace("kind: page", "kind: page\nid: x"),
                    encoding="utf-8")
    assert tree.found() == [
        'content/demo/zh.md:4: error: field "id" is written twice (first on line 2) '
        "[fm.duplicate-key]"]


def test_unknown_key_suggests_the_right_one(tree):
    tree.guide("demo", reveiw_by="2027-01-01")
    assert tree.found() == [
        'content/demo/zh.md:12: error: unknown field "reveiw_by" (did you mean "review_by"?) '
        "[fm.unknown-key]"]


def test_unknown_key_in_chinese_by_default(tree):
    tree.guide("demo", reveiw_by="2027-01-01")
    finding = tree.check().findings[0]
    assert finding.format() == (
        "content/demo/zh.md:12: error: 不认识的字段“reveiw_by”（是不是想写“review_by”？） "
        "[fm.unknown-key]\n    提示：删掉它，或改成编辑手册（HANDBOOK.md）里列出的字段名。")


def test_every_missing_required_field_is_reported(tree):
    tree.guide("demo", summary=None, owner=None)
    assert tree.found() == [
        'content/demo/zh.md:1: error: required field "summary" is missing [fm.required]',
        'content/demo/zh.md:1: error: required field "owner" is missing [fm.required]',
    ]


def test_wrong_types(tree):
    tree.guide("demo", version="二", updated="上周", title="[a, b]")
    assert tree.found() == [
        'content/demo/zh.md:4: error: field "title" must be text, not "[a, b]" [fm.type]',
        'content/demo/zh.md:6: error: field "version" must be a whole number, not "二" [fm.type]',
        'content/demo/zh.md:8: error: field "updated" must be a date (YYYY-MM-DD), not "上周" '
        "[fm.type]",
    ]


def test_version_must_be_positive_whole_number(tree):
    tree.guide("a", version=0)
    tree.guide("b", version="true")
    tree.guide("c", version=2)
    assert tree.codes() == ["fm.type", "fm.type"]


def test_values_outside_their_set(tree):
    tree.guide("demo", kind="resident_guide", status="live", audience="[residents, olds]")
    assert tree.found() == [
        'content/demo/zh.md:3: error: "resident_guide" is not an allowed value of "kind" '
        '(did you mean "resident-guide"?) [fm.choice]',
        'content/demo/zh.md:7: error: "live" is not an allowed value of "status" [fm.choice]',
        'content/demo/zh.md:11: error: "olds" is not an allowed value of "audience" '
        '(did you mean "ngos"?) [fm.choice]',
    ]


def test_audience_may_be_one_word(tree):
    tree.guide("demo", audience="elderly")
    assert tree.found() == []


def test_id_format_and_blank_values(tree):
    tree.guide("demo", id="Testing Guide", owner='""')
    assert tree.found() == [
        'content/demo/zh.md:2: error: "Testing Guide" is not a valid id [fm.id-format]',
        'content/demo/zh.md:10: error: field "owner" is empty [fm.blank]',
    ]


def test_updated_in_the_future(tree):
    tree.guide("demo", updated="2026-12-01")
    assert tree.found() == [
        "content/demo/zh.md:8: error: updated date 2026-12-01 is after today (2026-11-29) "
        "[fm.updated-future]"]


def test_review_by_before_updated(tree):
    tree.guide("demo", review_by="2026-11-01")
    assert tree.found() == [
        "content/demo/zh.md:9: error: review_by 2026-11-01 is before updated 2026-11-20 "
        "[fm.review-before-updated]"]


def test_published_guide_past_review_date_is_a_warning(tree):
    tree.guide("demo", updated="2026-01-10", review_by="2026-11-19")
    tree.guide("draft", updated="2026-01-10", review_by="2026-11-19", status="draft")
    report = tree.check()
    assert tree.found() == [
        "content/demo/zh.md:9: warning: past its review date 2026-11-19 (10 days); readers are "
        "told it may be out of date [fm.review-overdue]"]
    assert not report.has_errors


def test_long_summary_is_a_warning(tree):
    tree.guide("demo", summary="很长" * 70)
    assert tree.found() == [
        "content/demo/zh.md:5: warning: the summary is long (140 characters; keep it under 120) "
        "[fm.summary-long]"]


def test_source_version_only_in_translations(tree):
    tree.guide("demo", source_version=1)
    tree.guide("demo", lang="en", source_version=None)
    assert tree.found() == [
        "content/demo/en.md:1: error: the translation has no source_version "
        "[fm.source-version-missing]",
        "content/demo/zh.md:12: error: the Mandarin source must not have source_version "
        "[fm.source-version-in-source]",
    ]


def test_withdrawn_needs_a_reason(tree):
    tree.guide("demo", status="withdrawn")
    tree.guide("ok", status="withdrawn", withdrawn_reason="检测点已撤")
    assert tree.found() == [
        "content/demo/zh.md:7: error: a withdrawn guide needs a reason [fm.withdrawn-reason]"]


def test_history_and_renamed_from(tree):
    ok = '[{version: 2, date: 2026-11-25, note: "改了采样点"}, {version: 1, date: 2026-11-01, note: 首发}]'
    tree.guide("good", version=2, history=ok, renamed_from="[old-name]")
    tree.guide("order", version=2, history='[{version: 1, date: 2026-11-01, note: a}, {version: 2, date: 2026-11-02, note: b}]')
    tree.guide("ahead", version=1, history='[{version: 3, date: 2026-11-01, note: a}]')
    tree.guide("item", version=2, history='[{version: 2, note: a}]')
    tree.guide("folders", renamed_from="Old Name")
    assert tree.found() == [
        'content/ahead/zh.md:12: error: the change history is malformed: an entry is newer than the guide\'s version [fm.history]',
        'content/folders/zh.md:12: error: field "renamed_from" must be a word or a list of words, not "Old Name" [fm.type]',
        "content/item/zh.md:12: error: the change history is malformed: each entry needs version, date and note [fm.history]",
        "content/order/zh.md:12: error: the change history is malformed: entries must go from newest to oldest [fm.history]",
    ]
