"""Links, anchors, images and audio."""

from __future__ import annotations

from injection_vectors import PLAIN_PDF  # a real PDF: unreadable ones are refused

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def test_links_to_guides_sections_and_files_resolve(tree):
    tree.guide("home", body="见[指南](../g/#do-now)和[本页](#top)与[英文](../g/en.md)\n\n## 顶部 {#top}\n")
    tree.guide("g", body="## 现在 {#do-now}\n[回首页](../home/) [表格](form.pdf) [首页](../)\n")
    tree.guide("g", lang="en", body="## Now {#do-now}\n")
    tree.write("g/form.pdf", PLAIN_PDF)
    assert tree.found() == []


def test_broken_link_and_anchor(tree):
    tree.guide("a", body="[x](../nope/) [y](../b/#missing) [z](#nowhere) [f](gone.pdf)\n")
    tree.guide("b", body="## 在这 {#here}\n")
    assert tree.found() == [
        "content/a/zh.md:14: error: content/b/zh.md has no anchor #missing [link.anchor]",
        "content/a/zh.md:14: error: content/a/zh.md has no anchor #nowhere [link.anchor]",
        "content/a/zh.md:14: error: the link target does not exist: ../nope/ [link.broken]",
        "content/a/zh.md:14: error: the link target does not exist: gone.pdf [link.broken]",
    ]


def test_anchor_from_heading_slug_without_explicit_id(tree):
    tree.guide("a", body="[跳](#1-做好个人防护) [再跳](#1-做好个人防护_1)\n\n## 1. 做好个人防护\n\n"
                         "## 1. 做好个人防护\n")
    assert tree.found() == []


def test_link_to_guide_without_that_language(tree):
    tree.guide("a")
    tree.guide("a", lang="en", body="[checklist](../c/)\n")
    tree.guide("c")
    assert tree.found() == [
        "content/a/en.md:15: error: the linked guide has no English version: ../c/ "
        "[link.no-translation]"]


def test_absolute_and_outside_links(tree):
    tree.guide("a", body="[x](/a/) [y](../../README.md)\n")
    assert tree.codes() == ["link.absolute", "link.outside"]


def test_links_in_code_are_ignored(tree):
    tree.guide("a", body="`[x](../nope/)`\n\n```\n[y](../nope/)\n```\n")
    assert tree.found() == []


def test_images_need_alt_text_and_a_file(tree):
    tree.write("a/queue.png", PNG)
    tree.guide("a", body="![排队](queue.png)\n![](queue.png)\n![图](nope.png)\n"
                         '<img src="queue.png">\n')
    assert tree.found() == [
        "content/a/zh.md:15: error: image queue.png has no alt text [image.alt]",
        "content/a/zh.md:16: error: file not found: nope.png [media.missing]",
        "content/a/zh.md:17: error: image queue.png has no alt text [image.alt]",
    ]


def test_image_with_wrong_format(tree):
    tree.write("a/form.pdf", PLAIN_PDF)
    tree.guide("a", body="![表](form.pdf)\n")
    assert tree.codes() == ["media.format"]


def test_front_matter_audio(tree):
    tree.write("a/wuu.mp3", b"ID3" + b"\x00" * 10)
    tree.write("e/fake.mp3", b"RIFF....WAVE")
    tree.guide("e", audio="fake.mp3")
    tree.write("a/big.mp3", b"")
    (tree.root / "a/big.mp3").write_bytes(b"\x00" * (3 * 1024 * 1024 + 1))
    tree.guide("a", audio="wuu.mp3")
    tree.guide("b", audio="nope.mp3")
    tree.guide("c", audio="../a/big.mp3")
    tree.write("d/a.wav", b"RIFF")
    tree.guide("d", audio="a.wav")
    assert tree.found() == [
        "content/b/zh.md:12: error: file not found: nope.mp3 [media.missing]",
        "content/c/zh.md:12: error: recording ../a/big.mp3 is too large (3.0 MB; limit 3 MB) "
        "[audio.too-large]",
        "content/d/a.wav:1: warning: unexpected file type \".wav\"; it is not published "
        "[file.unexpected]",
        "content/d/zh.md:12: error: a.wav has the wrong format [media.format]",
        "content/e/zh.md:12: error: fake.mp3 is not really an MP3, M4A or Ogg recording "
        "[audio.not-audio]",
    ]


def test_published_guides_do_not_link_to_unpublished_ones(tree):
    tree.guide("a", body="[草稿](../b/)\n")
    tree.guide("b", status="draft")
    tree.guide("c", status="draft", body="[草稿之间可以互相链接](../b/)\n")
    assert tree.found() == [
        "content/a/zh.md:14: error: the linked guide is not published (draft): ../b/ "
        "[link.unpublished]"]


def test_reserved_folder_names(tree):
    tree.guide("en")
    tree.guide("updates")
    assert tree.codes() == ["file.reserved", "file.reserved"]
