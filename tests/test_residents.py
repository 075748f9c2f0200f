"""What residents' phones get, read from the built files: offline worker and manifest,
sharing tags, hotlines from the data file, recordings, and pre-compressed copies."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import brotli
import yaml

from conftest import REPO, SITE_URL, Tree, build_site
from guides import hotlines
from guides.model import LANGUAGES


def sw_constants(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return {name: json.loads(re.search(rf"^const {name} = (.*?);", text, re.M).group(1))
            for name in ("PAGES", "ASSETS", "OTHER_ROOTS")}


def published(language: str) -> set[str]:
    pages = set()
    for path in (REPO / "content").glob(f"*/{language}.md"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        if meta["status"] == "published":
            pages.add("" if path.parent.name == "home" else path.parent.name + "/")
    return pages


def test_each_language_has_a_manifest(site):
    names = {"zh": "守望指南", "wuu": "守望指南·苏州话", "en": "Shouwang Guides"}
    for code, spec in LANGUAGES.items():
        root = site / spec.root
        manifest = json.loads((root / "manifest.webmanifest").read_text(encoding="utf-8"))
        assert (manifest["name"], manifest["lang"], manifest["start_url"]) == \
            (names[code], spec.tag, "./")
        for icon in manifest["icons"]:
            assert (root / icon["src"]).is_file()
        home = (root / "index.html").read_text(encoding="utf-8")
        assert '<link rel="manifest" href="./manifest.webmanifest">' in home


def test_service_worker_lists_the_published_pages_of_its_language(site):
    for code, spec in LANGUAGES.items():
        root = site / spec.root
        worker = sw_constants(root / "sw.js")
        assert set(worker["PAGES"]) == published(code)
        for asset in worker["ASSETS"]:
            assert (root / asset.split("?")[0]).is_file(), asset
        home = (root / "index.html").read_text(encoding="utf-8")
        script = re.search(r'<script src="(assets/javascripts/shouwang\.[0-9a-f]{10}\.js)"',
                           home).group(1)
        # Material's kept rules and ours, one file (issue 17, guides/lighten.py)
        style = re.search(r'href="(assets/stylesheets/site\.[0-9a-f]{10}\.css)"',
                          home).group(1)
        assert {script, style} <= set(worker["ASSETS"])
        assert not (root / "assets/javascripts/shouwang.js").exists()  # only the hashed copy
        assert worker["OTHER_ROOTS"] == (["en/", "wuu/"] if code == "zh" else [])


def test_every_page_has_a_sharing_preview(site):
    for page in site.rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        image = re.search(r'<meta property="og:image" content="([^"]+)"', text)
        assert image, page
        assert image.group(1).startswith(SITE_URL)
        assert (site / image.group(1)[len(SITE_URL):]).is_file()
        assert re.search(r'<meta property="og:title" content="[^"]+"', text), page
        assert re.search(r'<meta property="og:description" content="[^"]+"', text), page
    guide = (site / "en/testing-guide/index.html").read_text(encoding="utf-8")
    summary = re.search(r"^summary: (.*)$", (REPO / "content/testing-guide/en.md")
                        .read_text(encoding="utf-8"), re.M).group(1)
    assert f'<meta name="description" content="{summary}">' in guide


def test_hotlines_come_from_the_data_file(site):
    data = yaml.safe_load((REPO / "content/_data/hotlines.yml").read_text(encoding="utf-8"))
    numbers = [str(item["number"]) for item in data["national"] + data["local"]]
    for path in ["index.html", "testing-guide/index.html", "en/index.html",
                 "en/ngo-contingency-plan/index.html", "wuu/mental-health/index.html"]:
        text = (site / path).read_text(encoding="utf-8")
        assert re.findall(r'class="sw-hotline" href="tel:(\d+)"', text) == numbers, path
    english = (site / "en/index.html").read_text(encoding="utf-8")
    assert "Ambulance" in english and "急救电话" not in english


def test_care_mode_is_applied_before_first_paint(site):
    text = (site / "testing-guide/index.html").read_text(encoding="utf-8")
    head = text.split("</head>")[0]
    assert 'localStorage.getItem("sw-care")' in head
    assert "prefers-contrast: more" in head


def test_text_files_have_identical_compressed_copies(site):
    checked = 0
    for path in site.rglob("*"):
        if path.suffix in (".html", ".css", ".js", ".json", ".xml", ".webmanifest"):
            gz = Path(f"{path}.gz")
            assert gz.is_file(), path
            raw = gz.read_bytes()
            assert raw[4:8] == b"\x00\x00\x00\x00"  # no time stamp: reproducible
            assert gzip.decompress(raw) == path.read_bytes()
            assert brotli.decompress(Path(f"{path}.br").read_bytes()) == path.read_bytes()
            checked += 1
    assert checked > 50


def mp3(seconds: int = 1) -> bytes:
    """A small file that starts like an MP3 (an ID3 tag and MPEG frame headers)."""
    frame = b"\xff\xfb\x90\x64" + b"\x00" * 413
    return b"ID3\x04\x00\x00\x00\x00\x00\x00" + frame * (38 * seconds)


def test_a_recording_shows_as_a_player_above_the_text(tmp_path):
    tree = Tree(tmp_path)
    tree.guide("home", title="首页")
    tree.guide("guide", title="指南", body="## 现在 {#now}\n正文第一段。\n")
    tree.guide("guide", lang="wuu", title="指南", audio="wuu.mp3", body="## 现在 {#now}\n正文。\n")
    tree.write("guide/wuu.mp3", mp3())
    out = build_site(tree)
    page = (out / "wuu/guide/index.html").read_text(encoding="utf-8")
    player = re.search(r'<audio controls preload="none"[^>]*>\s*<source src="([^"]+)" '
                       r'type="([^"]+)">', page)
    assert player and player.groups() == ("wuu.mp3", "audio/mpeg")
    assert (out / "wuu/guide/wuu.mp3").read_bytes() == mp3()
    assert page.index("<audio") < page.index('<h2 id="now"')
    assert "听苏州话录音" in page
    assert "<audio" not in (out / "guide/index.html").read_text(encoding="utf-8")


def test_each_language_has_a_404_page_with_the_way_home_and_the_hotlines(site):
    numbers = [str(item["number"]) for item in hotlines.load(REPO / "content")]
    expected = {"zh": ("没有找到这一页", "回到首页", "急救电话"),
                "wuu": ("寻勿着搿一页", "转去首页", "急救电话"),
                "en": ("Page not found", "Go to the home page", "Ambulance")}
    for code, spec in LANGUAGES.items():
        text = (site / spec.root / "404.html").read_text(encoding="utf-8")
        title, home, ambulance = expected[code]
        assert f'<html lang="{spec.tag}"' in text
        assert f"<h1>{title}</h1>" in text and "404 - Not found" not in text
        # served at any depth, so the way home is absolute from the site's root
        assert re.search(rf'href="/{spec.root}"[^>]*>{home}</a>', text), code
        assert re.findall(r'class="sw-hotline" href="tel:(\d+)"', text) == numbers
        assert ambulance in text
        style = re.search(r'href="/(?:\w+/)?(assets/stylesheets/site\.[0-9a-f]{10}\.css)"',
                          text)
        assert style and (site / spec.root / style.group(1)).is_file(), code


def headings(text: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", h).strip()
            for h in re.findall(r"<h[12][^>]*>(.*?)</h[12]>", text, re.S)]


def test_a_resident_guide_says_where_to_get_help_once(site):
    for path, heading in [("testing-guide/", "求助电话"), ("wuu/testing-guide/", "寻人帮忙格电话"),
                          ("en/testing-guide/", "Where to get help"),
                          ("medicine-in-lockdown/", "求助电话")]:
        text = (site / path / "index.html").read_text(encoding="utf-8")
        found = headings(text)
        assert found.count(heading) == 1, (path, found)
        assert not ({"Hotlines", "求助电话"} - {heading}) & set(found), (path, found)
        # the tap-to-call buttons belong to the guide's own help section, right under it
        section = re.search(r'<section class="sw-hotlines" aria-labelledby="help">', text)
        assert section, path
        help_h2 = text.index('<h2 id="help">')
        assert help_h2 < section.start() < text.index('class="sw-meta"')


def test_the_hotlines_page_shows_its_buttons_under_its_title(site):
    for root in ("", "wuu/", "en/"):
        text = (site / root / "hotlines/index.html").read_text(encoding="utf-8")
        article = text.split("<article", 1)[1]
        h1 = article.index("<h1")
        buttons = article.index('<section class="sw-hotlines"')
        assert h1 < buttons < article.index('<h2 id="emergency"'), root
        assert article.count('<section class="sw-hotlines"') == 1, root
