"""Files that cannot be guides: wrong place, wrong name, binary, empty, huge, wrong encoding."""

from __future__ import annotations

import os


def test_file_outside_a_guide_folder(tree):
    tree.write("zh.md", "---\n---\n")
    tree.write("a/b/zh.md", "---\n---\n")
    assert tree.found() == [
        'content/a/b/zh.md:1: error: "zh.md" is not inside a guide folder [file.misplaced]',
        'content/zh.md:1: error: "zh.md" is not inside a guide folder [file.misplaced]',
    ]


def test_unknown_language_suggests_a_file_name(tree):
    tree.guide("a")
    tree.write("a/zh-CN.md", "x")
    tree.write("a/index.md", "x")
    assert tree.found() == [
        'content/a/index.md:1: error: file name "index.md" is not a supported language '
        "[file.language]",
        'content/a/zh-CN.md:1: error: file name "zh-CN.md" is not a supported language '
        '(did you mean "zh.md"?) [file.language]',
    ]


def test_binary_empty_and_encoding(tree):
    tree.write("bin/zh.md", b"---\nid: x\n\x00\x01\x02garbage")
    tree.write("empty/zh.md", b"  \n\n")
    tree.write("gbk/zh.md", "---\nid: gbk\ntitle: 核酸检测\n---\n".encode("gbk"))
    tree.write("latin/zh.md", b"---\nid: x\n---\n\xff\xfe\xfa")
    assert tree.found() == [
        "content/bin/zh.md:3: error: this is not a text file (it holds binary data) [file.binary]",
        "content/empty/zh.md:1: error: the file is empty [file.empty]",
        "content/gbk/zh.md:3: error: the file is not UTF-8 encoded (it looks like GBK/GB18030) "
        "[file.encoding]",
        "content/latin/zh.md:4: error: the file is not UTF-8 encoded [file.encoding]",
    ]


def test_huge_file_is_refused_without_reading_it(tree):
    path = tree.write("big/zh.md", b"")
    with open(path, "wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing read
    assert tree.found() == [
        "content/big/zh.md:1: error: the file is too large (50.0 MB); the limit is 1.0 MB "
        "[file.too-large]"]


def test_bom_and_windows_line_endings_are_fine(tree):
    path = tree.guide("a", body="## 标题 {#t}\n[跳](#t)\n")
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes("\ufeff".encode() + text.encode("utf-8"))
    assert tree.found() == []


def test_hidden_files_are_ignored_and_other_files_warned(tree):
    tree.guide("a")
    tree.write("a/.DS_Store", b"\x00\x00")
    tree.write("a/notes.docx", b"PK")
    assert tree.found() == [
        'content/a/notes.docx:1: warning: unexpected file type ".docx"; it is not published '
        "[file.unexpected]"]


def test_missing_content_folder(tmp_path):
    from guides.checks import check_directory

    report = check_directory(tmp_path / "content", base=tmp_path)
    assert [f.format("en").split("\n")[0] for f in report.findings] == [
        "content:1: error: the content folder does not exist [file.no-content]"]


def test_unreadable_file(tree, tmp_path):
    if os.geteuid() == 0:
        # root reads everything: read through a path whose parent is a file instead
        from guides.reader import read_text

        findings = []
        (tmp_path / "plain").write_text("x")
        assert read_text(tmp_path / "plain" / "zh.md", "x/zh.md", findings) is None
        assert [f.code for f in findings] == ["file.unreadable"]
    else:
        path = tree.write("a/zh.md", "x")
        path.chmod(0)
        assert tree.codes() == ["file.unreadable"]
