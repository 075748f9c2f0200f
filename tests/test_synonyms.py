"""The synonyms file (content/_data/synonyms.yml): its loader (guides/synonyms.py) and
the editor's messages of `guides check` (guides/checks/synonyms.py)."""

from __future__ import annotations

from pathlib import Path

from guides import synonyms
from guides.checks import check_directory

REPO = Path(__file__).resolve().parents[1]


def test_the_projects_file_is_clean_and_holds_the_issues_groups():
    text = (REPO / "content/_data/synonyms.yml").read_text(encoding="utf-8")
    groups, problems = synonyms.parse(text)
    assert problems == []
    for words in (["发烧", "发热", "发寒热"], ["核酸", "检测", "采样"], ["买药", "配药"],
                  ["老人", "老年人", "老人家"], ["防护服", "隔离衣"]):
        assert any(set(words) <= set(g) for g in groups), words
    assert any("fever" in g for g in groups)  # one group may mix the languages


def test_scalars_are_read_as_written_and_folded():
    groups, problems = synonyms.parse("groups:\n  - [120, ＡＭＢＵＬＡＮＣＥ, 急救]\n"
                                      "  - [no, 不]\n")
    assert problems == []
    assert groups == [["120", "ambulance", "急救"], ["no", "不"]]


def test_every_mistake_is_told_at_its_line(tree):
    tree.guide("home", title="首页")
    tree.write("_data/synonyms.yml", """\
        groups:
          - [发烧, 发热]
          - 发烧，发热，发寒热
          - [老人，老年人]
          - [口罩]
          - [核酸, "", 检测]
          - [口罩, 口罩, mask]
          - [发热, 发烧]
          - {a: b}
          - ［想吐, 恶心］
        group: []
        """)
    found = [line.rsplit(" [", 1)[0] for line in tree.found() if "synonyms.yml" in line]
    assert found == [
        "content/_data/synonyms.yml:3: error: the group \"发烧，发热，发寒热\" is separated with "
        "full-width commas or 、, so it reads as one word",
        "content/_data/synonyms.yml:4: error: \"老人，老年人\" holds a full-width comma, 、 or a "
        "semicolon, so it reads as one word",
        "content/_data/synonyms.yml:5: error: this group has only one word, so it does nothing",
        "content/_data/synonyms.yml:6: error: the group has an empty word (two commas in a "
        "row, or one at the end)",
        "content/_data/synonyms.yml:7: warning: \"口罩\" is twice in this group",
        "content/_data/synonyms.yml:8: warning: this group is the same as the one on line 2",
        "content/_data/synonyms.yml:9: error: this group is not a list of words: \"\"",
        "content/_data/synonyms.yml:10: error: the group \"［想吐, 恶心］\" is in full-width "
        "brackets (［ ］ or 【 】), so it reads as one word",
        "content/_data/synonyms.yml:11: error: \"group\" is not known in the synonyms file",
    ]
    chinese = [f for f in tree.check().sorted() if f.path.endswith("synonyms.yml")][0]
    assert "全角逗号" in chinese.format("zh")


def test_broken_yaml_is_told_and_loads_nothing(tree):
    tree.write("_data/synonyms.yml", "groups:\n  - [发烧, 发热\n")
    report = check_directory(tree.root, base=tree.base)
    assert [(f.path, f.severity) for f in report.findings
            if f.path.endswith("synonyms.yml")] == [("content/_data/synonyms.yml", "error")]
    assert synonyms.load(tree.root) == []


def test_a_missing_file_is_no_synonyms(tmp_path):
    assert synonyms.load(tmp_path) == []
