"""The structure each kind requires, and the guide-level rules across language files."""

from __future__ import annotations

RESIDENT = """
## 现在就做 {#do-now}
戴好口罩。
## 排队 {#waiting}
保持一米。
## 已经知道的 {#known}
检测免费。
## 还不知道的 {#not-known}
还要做几轮。
## 正在做的 {#being-done}
社工在帮忙。
## 求助电话 {#help}
打 12345。
"""


def test_resident_guide_with_all_sections_passes(tree):
    tree.guide("g", kind="resident-guide", body=RESIDENT)
    assert tree.found() == []


def test_resident_guide_missing_section_names_it(tree):
    tree.guide("g", kind="resident-guide", body=RESIDENT.replace(
        "## 还不知道的 {#not-known}\n还要做几轮。\n", ""))
    assert tree.found() == [
        'content/g/zh.md:20: error: required section "还不知道的" ({#not-known}) '
        "is missing [structure.missing-section]"]
    finding = next(f for f in tree.check().findings if f.code == "structure.missing-section")
    assert finding.format("zh").split("\n")[1] == "    提示：加一个二级标题：## 还不知道的 {#not-known}"


def test_resident_guide_sections_out_of_order(tree):
    body = RESIDENT.replace("## 已经知道的 {#known}\n检测免费。\n", "")
    body += "## 已经知道的 {#known}\n检测免费。\n"
    tree.guide("g", kind="resident-guide", body=body)
    assert tree.found() == [
        'content/g/zh.md:18: error: section "还不知道的" ({#not-known}) must come '
        "after {#known} [structure.order]"]


def test_resident_guide_must_open_with_do_now(tree):
    body = RESIDENT.replace("## 现在就做 {#do-now}\n戴好口罩。\n", "")
    body = body.replace("## 已经知道的 {#known}", "## 现在就做 {#do-now}\n戴好口罩。\n## 已经知道的 {#known}")
    tree.guide("g", kind="resident-guide", body=body)
    assert tree.found() == [
        'content/g/zh.md:14: error: the first section must be "现在就做" ({#do-now}), '
        'not "排队" [structure.first-section]']


def test_h1_in_body_is_a_warning(tree):
    tree.guide("g", body="# 标题\n\n正文\n")
    assert tree.found() == [
        'content/g/zh.md:14: warning: the text has a level-1 heading "标题" [structure.h1]']


def test_headings_inside_code_blocks_do_not_count(tree):
    tree.guide("g", body="```\n# 不是标题\n```\n")
    assert tree.found() == []


NGO = "".join(f"## {t} {{#{i}}}\n内容。\n" for i, t in [
    ("scope", "适用范围"), ("roles", "角色"), ("levels", "等级"), ("procedures", "流程"),
    ("management", "内部管理"), ("resources", "资源")])


def test_ngo_manual_chapters(tree):
    tree.guide("ok", kind="ngo-manual", body=NGO)
    tree.guide("bad", kind="ngo-manual", body=NGO.replace("## 等级 {#levels}\n内容。\n", ""))
    assert tree.found() == [
        'content/bad/zh.md:18: error: required section "响应等级与启动条件" '
        "({#levels}) is missing [structure.missing-section]"]


TIPS = """
开头一句话。

## 1. 做好个人防护 {#protect}
戴口罩。

## 2. 熟悉流程 {#process}
先扫码。
"""


def test_tips_numbered_in_order(tree):
    tree.guide("ok", kind="volunteer-tips", body=TIPS)
    tree.guide("bad", kind="volunteer-tips", body=TIPS.replace("## 2.", "## 3."))
    assert tree.found() == [
        'content/bad/zh.md:19: error: tip number 2 expected: "3. 熟悉流程" [tips.numbering]']


def test_tips_must_be_short_and_not_empty(tree):
    long_tip = "\n".join(["一句话。"] * 7)
    tree.guide("t", kind="volunteer-tips", body=f"## 1. 长 {{#a}}\n{long_tip}\n## 2. 空 {{#b}}\n")
    assert tree.found() == [
        'content/t/zh.md:14: warning: tip "1. 长" is long (7 lines, 28 characters; limits 6 and '
        "240) [tips.long]",
        'content/t/zh.md:22: error: tip "2. 空" has no text [tips.empty]',
    ]


def test_tip_sheet_without_tips(tree):
    tree.guide("t", kind="volunteer-tips", body="只有一段话。\n")
    assert tree.found() == ["content/t/zh.md:13: error: the tip sheet has no tips [tips.none]"]


CHECKLIST = """
## 上岗前 {#before}
- [ ] 测体温
- [ ] 穿好防护服
## 下岗后 {#after}
- [ ] 洗手
"""


def test_checklist_phases(tree):
    tree.guide("ok", kind="checklist", body=CHECKLIST)
    tree.guide("bad", kind="checklist",
               body="- [ ] 没有阶段\n" + CHECKLIST.replace("- [ ] 洗手", "- [x] 洗手") + "## 空阶段\n")
    assert tree.found() == [
        'content/bad/zh.md:14: error: item "没有阶段" is not under a phase '
        "[checklist.outside-phase]",
        'content/bad/zh.md:20: error: item "洗手" is already ticked [checklist.prechecked]',
        'content/bad/zh.md:21: error: phase "空阶段" has no items [checklist.empty-phase]',
    ]


def test_checklist_without_phases(tree):
    tree.guide("c", kind="checklist", body="- [ ] 一项\n")
    codes = tree.codes()
    assert codes == ["checklist.no-phase", "checklist.outside-phase"]


def test_duplicate_ids_across_folders(tree):
    tree.guide("a", id="same")
    tree.guide("b", id="same")
    assert tree.found() == [
        'content/b/zh.md:2: error: id "same" is already used by folder a [guide.duplicate-id]']


def test_language_files_share_id_and_kind(tree):
    tree.guide("g")
    tree.guide("g", lang="en", id="other", kind="checklist",
               body="## Phase\n- [ ] item\n")
    assert tree.found() == [
        'content/g/en.md:2: error: id "other" differs from "g" in content/g/zh.md '
        "[guide.id-mismatch]",
        'content/g/en.md:3: error: kind "checklist" differs from "page" in content/g/zh.md '
        "[guide.kind-mismatch]",
    ]


def test_stale_and_ahead_translations(tree):
    tree.guide("g", version=3)
    tree.guide("g", lang="en", source_version=2)
    tree.guide("g", lang="wuu", source_version=4)
    assert tree.found() == [
        "content/g/en.md:12: warning: stale translation: made from version 2, content/g/zh.md "
        "is at version 3 [translation.stale]",
        "content/g/wuu.md:12: error: source_version 4 is newer than content/g/zh.md's version 3 "
        "[translation.ahead]",
    ]


def test_up_to_date_translation_passes(tree):
    tree.guide("g", version=2)
    tree.guide("g", lang="en", source_version=2)
    assert tree.found() == []


def test_missing_translations_of_published_guides_are_listed(tree):
    tree.guide("g")
    tree.guide("g", lang="en")
    tree.guide("d", status="draft")
    report = tree.check()
    notes = [f.format("en").split("\n")[0] for f in report.findings if f.severity == "note"]
    assert notes == ["content/g/zh.md:1: note: published, with no version yet in: 苏州话 (wuu.md) "
                     "[translation.missing]"]
    assert report.summary("en") == "OK: checked 3 files: 0 errors, 0 warnings, 1 note"


def test_translation_without_source(tree):
    tree.guide("g", lang="en")
    assert tree.found() == [
        "content/g/en.md:1: error: folder g has no Mandarin source zh.md [guide.no-source]"]


def test_replaced_by_must_exist(tree):
    tree.guide("old", status="withdrawn", withdrawn_reason="过时", replaced_by="new")
    assert tree.codes() == ["guide.unknown-replacement"]
    tree.guide("new")
    assert tree.codes() == []


def test_tip_length_counts_what_readers_see(tree):
    # 6 lines of 30 visible characters each; the tel: URLs and list markers do not count
    line = "- 打[12345](tel:12345)" + "问" * 24
    tips = "## 1. 电话 {#a}\n" + "\n".join([line] * 6) + "\n"
    tree.guide("t", kind="volunteer-tips", body=tips)
    assert tree.found() == []
    tree.guide("t", kind="volunteer-tips", body=tips.replace("问" * 24, "问" * 40))
    assert tree.codes() == ["tips.long"]


def test_english_tips_may_be_longer(tree):
    tips = "## 1. Protect yourself {#a}\n" + "Wear a mask over nose and mouth. " * 10 + "\n"
    tree.guide("t", kind="volunteer-tips", body="## 1. 防护 {#a}\n戴口罩。\n")
    tree.guide("t", lang="en", kind="volunteer-tips", body=tips)
    assert tree.found() == []
