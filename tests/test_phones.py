"""Phone numbers in tel: links and in the hotline data file."""

from __future__ import annotations

import pytest

from guides.phones import is_valid_chinese_number


@pytest.mark.parametrize("number", ["120", "12345", "12320", "12356", "110", "119",
                                    "0512-65221234", "+86 512 6522 1234", "13912345678",
                                    "400-820-8820"])
def test_valid_numbers(number):
    assert is_valid_chinese_number(number)


@pytest.mark.parametrize("number", ["12346", "1391234567", "0512-12345", "+1 212 555 0100",
                                    "电话", "", "12345; drop"])
def test_invalid_numbers(number):
    assert not is_valid_chinese_number(number)


def test_tel_links_are_validated(tree):
    tree.hotlines(citizen="12345", ambulance="120")
    tree.guide("a", body="[12345](tel:12345) [急救](tel:120)\n"
                         '<a href="tel:1234">错</a> [错](tel:0512-1234567890123)\n')
    assert tree.found() == [
        'content/a/zh.md:15: error: "0512-1234567890123" is not a valid Chinese phone number '
        "[phone.invalid]",
        'content/a/zh.md:15: error: "1234" is not a valid Chinese phone number [phone.invalid]',
    ]


def test_hotline_data_file(tree):
    tree.write("_data/hotlines.yml", """
        # comment
        national:
          - {id: citizen, number: "12345", verified: 2026-11-01, name: {zh: 便民热线}}
          - {id: wrong, number: "1234", verified: 2026-11-01, name: {zh: 错号}}
          - {id: english, number: 120, verified: 2026-11-01, name: {en: only english}}
          - just text
        local: []
        """)
    assert tree.found() == [
        'content/_data/hotlines.yml:4: error: "1234" is not a valid Chinese phone number '
        "[phone.invalid]",
        "content/_data/hotlines.yml:5: error: hotline 3 has no name.zh [hotlines.field]",
        "content/_data/hotlines.yml:6: error: hotline 4 is malformed [hotlines.item]",
    ]


def test_hotline_file_that_is_not_yaml_or_not_a_list(tree):
    tree.write("_data/hotlines.yml", "number: [12345\n")
    assert tree.codes() == ["fm.yaml"]
    tree.write("_data/hotlines.yml", "12345\n")
    assert tree.codes() == ["hotlines.not-mapping"]
    tree.write("_data/hotlines.yml", "number: 12345\n")
    assert tree.codes() == ["hotlines.part"]


def test_repository_hotlines_are_valid():
    from pathlib import Path

    import yaml

    data = yaml.safe_load((Path(__file__).parent.parent / "content/_data/hotlines.yml")
                          .read_text(encoding="utf-8"))
    assert [h["number"] for h in data["national"]][:2] == ["120", "110"]
    assert all(is_valid_chinese_number(h["number"]) for h in data["national"] + data["local"])
