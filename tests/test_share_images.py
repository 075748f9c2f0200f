"""Share images (issue 14): the card of each page (og:image, every build), the long images
and the A4 poster (`guides share`), read back as a resident's phone would: OCR for the
text, zbarimg for the QR code, the image's own width and bytes."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from conftest import SITE_URL, Tree, build_site
from guides.outputs.share import browser, card, fonts, longimage, pages, poster

HOTLINES = """\
national:
  - {id: ambulance, number: "120", verified: 2026-11-01, name: {zh: 急救电话, en: Ambulance}}
  - {id: citizen, number: "12345", verified: 2026-11-01, name: {zh: 便民热线, en: Citizen line}}
local:
  - {id: station, number: "0512-65223456", verified: 2026-11-01,
     name: {zh: 郭巷社工站, en: Guoxiang station}}
"""

SHORT = """
## 现在就做 {#do-now}

1. 看社区通知，记下做核酸的时间和地点。
2. 出门前戴好口罩，盖住鼻子和嘴巴。
3. 急病马上打 {{hotline:ambulance}}。

## 回家以后 {#at-home}

- 进门先用肥皂洗手。
"""
SHORT_EN = """
## Do this now {#do-now}

1. Read the community notice for the time and place.
2. Wear a mask over your nose and mouth.
3. In an emergency call {{hotline:ambulance}}.

## Back home {#at-home}

- Wash your hands with soap first.
"""
# Eight sections of eight long steps: three or four parts at 1080 px.
LONG = "".join(
    f"\n## 第 {s} 部分 {{#part-{s}}}\n\n" + "".join(
        f"{i}. 第 {s} 部分第 {i} 条：这一句写得比较长，好让长图分成几张，每张都有标题和电话。\n"
        for i in range(1, 9)) for s in range(1, 9))


def ocr(path: Path) -> str:
    """What Tesseract reads on the picture (Simplified Chinese and English), spaces out."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one thread: faster on a shared machine
    out = subprocess.run(["tesseract", str(path), "-", "-l", "chi_sim+eng"], env=env,
                         capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)


def qr(path: Path) -> list[str]:
    out = subprocess.run(["zbarimg", "--raw", "-q", str(path)], capture_output=True, text=True)
    return out.stdout.split()


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """A real site with a short guide (zh, en), a long one, a withdrawn one and home,
    built once; then its long images and posters, timed."""
    tree = Tree(tmp_path_factory.mktemp("share"))
    tree.guide("home", title="首页", body="- [核酸检测怎么做](../testing/)\n"
                                          "- [很长的居家指南](../long/)\n")
    tree.guide("home", lang="en", title="Home", body="- [How testing works](../testing/)\n")
    tree.guide("testing", title="核酸检测怎么做", body=SHORT)
    tree.guide("testing", lang="en", title="How testing works", body=SHORT_EN)
    tree.guide("long", title="很长的居家指南", body=LONG)
    tree.guide("old", title="旧的指南", status="withdrawn", withdrawn_reason="已经过时。",
               body="旧的内容。\n")
    tree.write("_data/hotlines.yml", HOTLINES)
    site = build_site(tree)
    progress: list[tuple[str, str]] = []
    start = time.monotonic()
    images = longimage.write_images(site, lambda kind, path: progress.append((kind, path.name)))
    middle = time.monotonic()
    posters = poster.write_posters(site, lambda kind, path: progress.append((kind, path.name)))
    print(f"share images: {len(images)} images in {middle - start:.1f} s, "
          f"{len(posters)} posters in {time.monotonic() - middle:.1f} s")
    return {"site": site, "images": images, "posters": posters, "progress": progress}


def meta(page: Path, name: str) -> str | None:
    found = re.search(rf'<meta (?:property|name)="{name}" content="([^"]*)">',
                      page.read_text(encoding="utf-8"))
    return found.group(1) if found else None


# -- share cards: every build ------------------------------------------------------------

def test_each_published_guide_has_its_own_card(shared):
    site = shared["site"]
    images = {}
    for rel in ("testing/", "en/testing/", "long/"):
        url = meta(site / rel / "index.html", "og:image")
        assert url == f"{SITE_URL}{rel}share/card.png"
        path = site / rel / "share/card.png"
        with Image.open(path) as image:
            assert image.size == (1200, 630)
        images[rel] = path.read_bytes()
    assert len(set(images.values())) == 3  # each shows its own title
    # the home page keeps the site's picture; a withdrawn guide is not shared at all
    assert meta(site / "index.html", "og:image") == f"{SITE_URL}assets/images/share.png"
    assert (site / "assets/images/share.png").is_file()
    assert meta(site / "old/index.html", "shouwang:share") is None
    assert meta(site / "old/index.html", "og:image") == f"{SITE_URL}assets/images/share.png"
    assert not (site / "old/share").exists()
    assert meta(site / "testing/index.html", "og:title") == "核酸检测怎么做"


def test_a_card_shows_the_title_and_is_the_same_every_time(shared):
    path = shared["site"] / "testing/share/card.png"
    assert "核酸检测怎么做" in ocr(path)
    again = card.render(card.Card("testing/", "核酸检测怎么做", "测试站", "guides.example.org"),
                        fonts.find("bold"), fonts.find("regular"))
    assert again == path.read_bytes()
    assert len(again) < 60_000
    # made again from the built site (a share step run on its own): the same bytes
    seen = []
    written = card.write_cards(shared["site"], progress=lambda kind, p: seen.append(kind))
    assert sorted(str(w.path.relative_to(shared["site"])) for w in written) == \
        ["en/testing/share/card.png", "long/share/card.png", "testing/share/card.png"]
    assert seen == ["card"] * 3 and path.read_bytes() == again


def test_card_titles_wrap_without_a_closing_mark_at_a_line_start():
    lines = card.wrap("封控期间怎么买药，老人和孩子（2022 年）", lambda s: len(s) <= 9)
    assert all(line[0] not in card.NO_LINE_START for line in lines)
    assert all(line[-1] not in card.NO_LINE_END for line in lines)
    assert "".join(lines).replace(" ", "") == "封控期间怎么买药，老人和孩子（2022年）"
    assert card.wrap("Nucleic acid testing", lambda s: len(s) <= 12) == \
        ["Nucleic acid", "testing"]


def test_without_a_chinese_font_pages_keep_the_site_picture(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("PATH", str(tmp_path))  # no fc-match
    monkeypatch.setattr(fonts, "KNOWN", {"bold": (), "regular": ()})
    monkeypatch.delenv(fonts.FONT_ENV, raising=False)
    fonts.find.cache_clear()
    try:
        tree = Tree(tmp_path)
        tree.guide("home", title="首页", body="- [核酸检测怎么做](../testing/)\n")
        tree.guide("testing", title="核酸检测怎么做", body=SHORT)
        tree.write("_data/hotlines.yml", HOTLINES)
        site = build_site(tree)
    finally:
        fonts.find.cache_clear()
    assert meta(site / "testing/index.html", "og:image") == \
        f"{SITE_URL}assets/images/share.png"
    assert not (site / "testing/share/card.png").exists()
    assert any("no Chinese font" in r.getMessage() and "fonts-noto-cjk" in r.getMessage()
               for r in caplog.records if r.levelname == "WARNING")


def test_a_site_can_turn_cards_off(tmp_path, caplog):
    tree = Tree(tmp_path)
    tree.guide("home", title="首页", body="- [核酸检测怎么做](../testing/)\n")
    tree.guide("testing", title="核酸检测怎么做", body=SHORT)
    tree.write("_data/hotlines.yml", HOTLINES)
    site = build_site(tree, shouwang={"share_cards": "false"})
    assert meta(site / "testing/index.html", "og:image") == \
        f"{SITE_URL}assets/images/share.png"
    assert meta(site / "testing/index.html", "shouwang:share") == "share/"  # still shared
    assert not (site / "testing/share").exists()
    assert not any("font" in r.getMessage() for r in caplog.records)


# -- long images ------------------------------------------------------------------------

def test_long_images_are_1080_wide_and_small(shared):
    site, images = shared["site"], shared["images"]
    names = sorted(str(w.path.relative_to(site)) for w in images)
    long_parts = [n for n in names if n.startswith("long/")]
    assert "testing/share/long-1.png" in names and "en/testing/share/long-1.png" in names
    assert "testing/share/long-2.png" not in names  # a short guide is one picture
    assert len(long_parts) >= 3  # a long one is cut into parts
    assert long_parts == [f"long/share/long-{n}.png" for n in range(1, len(long_parts) + 1)]
    assert not any(n.startswith(("old/", "share/")) or n == "long-1.png" for n in names)
    for written in images:
        data = written.path.read_bytes()
        assert len(data) == written.size <= longimage.MAX_BYTES
        with Image.open(io.BytesIO(data)) as image:
            assert image.size[0] == 1080
            assert image.size[1] <= longimage.PART_HEIGHT + 400
    assert [p for p in shared["progress"] if p[0] == "image"] == \
        [("image", w.path.name) for w in images]


def test_ocr_reads_the_title_the_steps_and_every_hotline(shared):
    site = shared["site"]
    text = ocr(site / "testing/share/long-1.png")
    for expected in ("核酸检测怎么做", "现在就做", "记下做核酸的时间和地点", "120", "12345",
                     "0512-65223456", "2026-11-20"):
        assert expected in text, (expected, text)
    english = ocr(site / "en/testing/share/long-1.png")
    for expected in ("Howtestingworks", "Wearamaskoveryournoseandmouth", "120", "12345",
                     "0512-65223456", "Hotlines"):
        assert expected in english, (expected, english)


def test_each_part_of_a_long_guide_has_its_number_title_and_hotlines(shared):
    parts = sorted((shared["site"] / "long/share").glob("long-*.png"))
    text = ocr(parts[1])
    for expected in ("很长的居家指南", f"2/{len(parts)}", "120", "12345", "0512-65223456"):
        assert expected in text, (expected, text)
    assert "第1部分第1条" not in text  # what part 1 showed is not repeated


def test_the_qr_code_on_a_long_image_opens_the_page(shared):
    site = shared["site"]
    assert qr(site / "testing/share/long-1.png") == [f"{SITE_URL}testing/"]
    assert qr(site / "en/testing/share/long-1.png") == [f"{SITE_URL}en/testing/"]
    assert qr(site / "long/share/long-3.png") == [f"{SITE_URL}long/"]


def test_long_images_are_the_same_bytes_each_time(shared):
    site = shared["site"]
    page = [p for p in pages.shared_pages(site) if p.url == f"{SITE_URL}testing/"]
    before = (site / "testing/share/long-1.png").read_bytes()
    longimage.write_images(site, pages=page)
    assert (site / "testing/share/long-1.png").read_bytes() == before


# -- posters ----------------------------------------------------------------------------

def test_the_poster_is_one_a4_sheet_with_the_first_steps_and_hotlines(shared, tmp_path):
    site = shared["site"]
    assert sorted(str(w.path.relative_to(site)) for w in shared["posters"]) == \
        ["en/testing/share/poster.pdf", "long/share/poster.pdf", "testing/share/poster.pdf"]
    path = site / "testing/share/poster.pdf"
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(path), "-"], check=True,
                                             capture_output=True, text=True).stdout)
    for expected in ("核酸检测怎么做", "现在就做", "记下做核酸的时间和地点", "120", "12345",
                     "0512-65223456"):
        assert expected in text, (expected, text)
    assert "进门先用肥皂洗手" not in text  # the first section only
    for written in shared["posters"]:
        assert written.font_pt >= 16  # large type
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(path),
                    str(tmp_path / "poster")], check=True)
    assert qr(tmp_path / "poster.png") == [f"{SITE_URL}testing/"]


def test_a_long_first_section_still_fits_one_sheet_and_says_there_is_more(shared):
    path = shared["site"] / "long/share/poster.pdf"
    assert len(PdfReader(path).pages) == 1
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "第 1 部分第 1 条" in text and "第 2 部分" not in text


def test_posters_are_the_same_bytes_each_time(shared):
    site = shared["site"]
    page = [p for p in pages.shared_pages(site) if p.url == f"{SITE_URL}en/testing/"]
    before = (site / "en/testing/share/poster.pdf").read_bytes()
    poster.write_posters(site, pages=page)
    assert (site / "en/testing/share/poster.pdf").read_bytes() == before


# -- reading the built page; refusing to draw boxes --------------------------------------

def test_the_share_step_reads_what_the_page_shows(shared):
    found = {p.url: p for p in pages.shared_pages(shared["site"])}
    assert sorted(found) == [f"{SITE_URL}en/testing/", f"{SITE_URL}long/",
                             f"{SITE_URL}testing/"]
    page = found[f"{SITE_URL}testing/"]
    assert (page.title, page.site_name, page.lang) == ("核酸检测怎么做", "测试站", "zh-Hans")
    assert [h.number for h in page.hotlines] == ["120", "12345", "0512-65223456"]
    assert page.qr_svg.startswith("<svg") and "<h1" not in page.body
    assert page.meta_line.startswith("第 1 版")


def test_without_chromium_the_editor_is_told_what_to_install(shared, monkeypatch):
    monkeypatch.setattr(browser, "CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(browser.ShareError, match="apt-get install chromium fonts-noto-cjk"):
        longimage.write_images(shared["site"])
    with pytest.raises(browser.ShareError, match="SHOUWANG_CHROMIUM"):
        poster.write_posters(shared["site"], lang="en")


def test_a_guide_longer_than_nine_parts_ends_by_sending_readers_to_the_page(
        shared, tmp_path, monkeypatch):
    site = tmp_path / "site"
    shutil.copytree(shared["site"], site)
    monkeypatch.setattr(longimage, "MAX_PARTS", 2)  # as a guide of twenty parts would be cut
    page = [p for p in pages.shared_pages(site) if p.url == f"{SITE_URL}long/"]
    written = longimage.write_images(site, pages=page)
    assert [w.path.name for w in written] == ["long-1.png", "long-2.png"]
    assert sorted(p.name for p in (site / "long/share").glob("long-*.png")) == \
        ["long-1.png", "long-2.png"]  # the earlier parts 3 and 4 are gone
    text = ocr(site / "long/share/long-2.png")
    assert "后面还有内容" in text and "2/2" in text, text
