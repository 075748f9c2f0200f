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
        - number: "12345"
          name: {zh: 便民热线}
        - number: "1234"
          name: {zh: 错号}
        - number: 120
          name: {en: only english}
        - just text
        """)
    assert tree.found() == [
        'content/_data/hotlines.yml:4: error: "1234" is not a valid Chinese phone number '
        "[phone.invalid]",
        "content/_data/hotlines.yml:6: error: hotline 3 has no name.zh [hotlines.field]",
        "content/_data/hotlines.yml:8: error: hotline 4 is malformed [hotlines.item]",
    ]


def test_hotline_file_that_is_not_yaml_or_not_a_list(tree):
    tree.write("_data/hotlines.yml", "number: [12345\n")
    assert tree.codes() == ["fm.unclosed-bracket"]
    tree.write("_data/hotlines.yml", "number: 12345\n")
    assert tree.codes() == ["hotlines.not-list"]


def test_repository_hotlines_are_valid():
    from pathlib import Path

    import yaml

    data = yaml.safe_load((Path(__file__).parent.parent / "content/_data/hotlines.yml")
                          .read_text(encoding="utf-8"))
    assert [h["number"] for h in data][:2] == ["120", "110"]
    assert all(is_valid_chinese_number(h["number"]) for h in data)


# -- numbers in plain text (phones.find_numbers; h-mistakes) ---------------------------------

from guides.phones import find_numbers  # noqa: E402


@pytest.mark.parametrize("line, column, text, problems", [
    ("请拨打 0512-65251234 咨询", 4, "0512-65251234", ()),
    ("请拨打 0512 6525 1234 咨询", 4, "0512 6525 1234", (("space", " "),)),
    ("电话：０５１２－６５２５１２３４", 3, "０５１２－６５２５１２３４",
     (("digit", "０"), ("dash", "－"))),
    ("热线 0512—65251234 转 8001", 3, "0512—65251234 转 8001", (("dash", "—"),)),
    ("手机 139 1234 5678", 3, "139 1234 5678", (("space", " "),)),
    ("客服 400-820-8820", 3, "400-820-8820", ()),
    ("免费 800-820-8820", 3, "800-820-8820", (("free800", "8008208820"),)),
    ("电话 0512-6525123", 3, "0512-6525123", (("invalid", "05126525123"),)),
    ("值班电话 65251234", 5, "65251234", (("invalid", "65251234"),)),
    ("拨打 \u202e12345", 3, "\u202e12345", (("invisible", "\u202e"),)),
    ("(0512) 6525-1234", 0, "(0512) 6525-1234", (("space", " "),)),
])
def test_a_number_in_text_is_found_with_what_is_wrong(line, column, text, problems):
    [run] = find_numbers(line)
    assert (run.column, run.text, run.problems) == (column, text, problems)
    assert line[run.column:].startswith(run.text)


def test_an_extension_is_kept_apart_from_the_number():
    [run] = find_numbers("总机 0512-65251234 转 8001")
    assert (run.digits, run.extension) == ("051265251234", "8001")


@pytest.mark.parametrize("line", [
    "2026-12-01 起执行", "2026/12/1", "08:00—17:30 开放", "WS/T 311—2023", "体温 37.3 ℃",
    "共 1000 人", "2022 年 4 月 12 日", "第 3 步", "电话：0512-6xxxxxxx", "5G 网络",
])
def test_dates_times_codes_and_amounts_are_not_numbers(line):
    assert find_numbers(line) == []


def test_two_numbers_side_by_side_are_two():
    assert [r.text for r in find_numbers("拨打 12345 12320")] == ["12345", "12320"]
    assert [r.text for r in find_numbers("拨打 12345 或 12320")] == ["12345", "12320"]


def test_tel_links_say_what_is_wrong_in_the_editors_words(tree):
    tree.guide("a", body="[0512 6525 1234](tel:0512 6525 1234)\n\n[12345](tel:110)\n\n"
                         "[急救电话](tel:120) [0512-6525 1234](tel:051265251234)\n\n"
                         "[0512 6525 123](tel:0512 6525 123)\n")
    found = [f for f in tree.check().sorted() if f.severity != "note"]
    assert [f.format("zh") for f in found] == [
        "content/a/zh.md:14: error: 电话链接“0512 6525 1234”里有空格，点了拨不通 [phone.space-link]"
        "\n    提示：tel: 后面的号码不能有空格：写成 [0512 6525 1234](tel:051265251234)",
        "content/a/zh.md:16: error: 电话链接显示的是“12345”，拨出去的却是“110” [phone.mismatch]"
        "\n    提示：显示的号码和 tel: 后面的号码要一样：[110](tel:110)",
        # one digit short, with spaces (issue 11): the wrong number is told first
        "content/a/zh.md:20: error: 电话号码“0512 6525 123”不是有效的中国号码 [phone.invalid]"
        "\n    提示：核对号码：座机带区号（0512-6xxxxxxx），手机 11 位，或 12345 这类服务号。",
    ]
    assert found[1].format("en") == (
        'content/a/zh.md:16: error: the phone link shows "12345" but dials "110" '
        "[phone.mismatch]\n    hint: show the number it dials: [110](tel:110)")
