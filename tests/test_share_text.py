"""Sharing to WeChat (issue 14, w-text): the official-account article, the broadcast text,
share.json, `guides share`, and the Share panel in Chromium (copy, QR code, offline).

One real project is built into tmp_path by the real `guides share` command; the tests read
what it wrote. The paste test copies the article in Chromium (a real selection, Ctrl+C)
into a contenteditable page (Ctrl+V), as an editor does into the WeChat editor, and
compares the two screenshots pixel by pixel.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import brotli
import pytest
import segno
from offline_pages import controlled_page, until_cached

from conftest import OVERRIDES, PHONE, Tree, serving
from guides.compressed import PRECOMPRESSED
from guides.outputs.share import broadcast
from guides.outputs.share.htmltree import parse
from guides.outputs.share.manifest import write_manifest
from guides.outputs.share.outputs import write_share

SITE_URL = "https://guides.example.org/"
CONFIG = f"""site_name: 测试站
site_url: {SITE_URL}
docs_dir: content
theme:
  name: material
  custom_dir: {OVERRIDES}
  font: false
plugins:
  - shouwang:
      messages: en
  - search
markdown_extensions:
  - attr_list
  - tables
  - admonition
  - pymdownx.tasklist
  - toc:
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
"""
OUTSIDE = "https://www.mem.gov.cn/fw/flfgbz/"
ZH_BODY = """
## 现在就做 {#do-now}

1. 听到警报，马上往高处走。
2. 关掉家里的电闸和煤气。
3. 带上身份证、手机和常用药。
4. 不要走进水里，水里可能有电。

看[应急管理部的说明](https://www.mem.gov.cn/fw/flfgbz/)，再看[求助电话](#help)。

![撤离路线图](map.png)

## 已经知道的 {#known}

- 水位还在上涨，详见[同一份说明](https://www.mem.gov.cn/fw/flfgbz/)。

| 地点 | 开放时间 |
|---|---|
| 社区活动中心 | 全天 |

## 还不知道的 {#not-known}

- 水什么时候退，还定不下来。

## 正在做的 {#being-done}

- 社工站在联系独居老人。

## 求助电话 {#help}

- 防汛和看病的问题：{{hotline:health}}
- 回到[首页](../)。
"""
EN_BODY = """
## What to do now {#do-now}

1. When you hear the siren, go to higher ground.
2. Switch off the power and the gas.
3. Take your ID card, phone and medicines.
4. Do not walk into the water.

Read the [ministry's notes](https://www.mem.gov.cn/fw/flfgbz/).

## What we know {#known}

- The water is still rising.

## What is not yet known {#not-known}

- When the water will go down.

## What is being done {#being-done}

- The station is calling older people who live alone.

## Where to get help {#help}

- Flood and health questions: {{hotline:health}}
"""
EN_BROADCAST = "Flood: go to high ground, switch off power and gas, take ID and medicines. Call 12320."


def make_project(base: Path) -> Tree:
    (base / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    tree = Tree(base)
    tree.hotlines(ambulance="120", health="12320")
    tree.guide("home", body="[防汛指南](../flood-guide/)\n", title="首页")
    tree.guide("home", "en", body="[Flood guide](../flood-guide/)\n", title="Home")
    tree.guide("flood-guide", kind="resident-guide", title="防汛撤离指南", body=ZH_BODY)
    tree.guide("flood-guide", "en", kind="resident-guide", title="Flood evacuation guide",
               body=EN_BODY, broadcast=json.dumps(EN_BROADCAST))
    tree.guide("draft-guide", kind="page", title="草稿", status="draft")
    segno.make("flood map").save(str(tree.root / "flood-guide/map.png"), kind="png", scale=3)
    return tree


def guides(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "guides", *args], cwd=cwd, text=True,
                          capture_output=True, timeout=600,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


OUTPUT: dict[str, str] = {}


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Path:
    """The project, after a real `guides share`; returns the site folder."""
    base = tmp_path_factory.mktemp("share")
    make_project(base)
    done = guides("share", cwd=base)
    assert done.returncode == 0, done.stdout + done.stderr
    OUTPUT["share"] = done.stdout
    return base / "site"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# -- what `guides share` writes ---------------------------------------------------------------

def test_share_writes_each_published_guide_and_says_so(shared: Path):
    for page in ("flood-guide", "en/flood-guide"):
        folder = shared / page / "share"
        assert sorted(p.name for p in folder.iterdir() if p.suffix not in PRECOMPRESSED) == \
            ["article.html", "broadcast.txt", "card.png", "long-1.png", "poster.pdf", "share.json"]
        # the text files' compressed copies, which servers send in their place, are theirs
        for text in ("article.html", "broadcast.txt", "share.json"):
            data = (folder / text).read_bytes()
            assert gzip.decompress((folder / f"{text}.gz").read_bytes()) == data, text
            assert brotli.decompress((folder / f"{text}.br").read_bytes()) == data, text
    # not the home page, not a draft, not a language without the guide
    assert not (shared / "share").exists() and not (shared / "en/share").exists()
    assert not (shared / "draft-guide").exists()
    assert not (shared / "wuu/flood-guide/share").exists()
    out = OUTPUT["share"]
    assert "[1/2] /en/flood-guide/" in out and "[2/2] /flood-guide/" in out
    assert "分享材料已生成：2 个网页" in out
    assert ("article.html ×2, broadcast.txt ×2, long-N.png ×2, poster.pdf ×2, "
            "share.json ×2") in out
    assert "长图：/flood-guide/share/long-1.png" in out and "海报：/en/flood-guide/share/poster.pdf" in out
    assert "下一步：" in out and "publish --to 文件夹 --share" in out


def test_share_json_lists_what_is_there(shared: Path):
    data = json.loads(read(shared / "flood-guide/share/share.json"))
    assert data == {"article": "article.html", "title": "防汛撤离指南",
                    "broadcast": read(shared / "flood-guide/share/broadcast.txt").rstrip("\n"),
                    "url": SITE_URL + "flood-guide/",
                    # w-images' card (every build), long image and poster (`guides share`)
                    "card": "card.png", "images": ["long-1.png"], "poster": "poster.pdf"}
    # what w-images writes is listed when it is there, the long images in their order
    folder = shared.parent / "manifest-only"
    folder.mkdir()
    for name in ("long-10.png", "long-2.png", "long-1.png", "poster.pdf", "card.png"):
        (folder / name).write_bytes(b"x")
    data = json.loads(read(write_manifest(folder, "https://x.org/p/", "T")))
    assert data["images"] == ["long-1.png", "long-2.png", "long-10.png"]
    assert (data["poster"], data["card"]) == ("poster.pdf", "card.png")
    assert "article" not in data and "broadcast" not in data


def test_share_outputs_are_deterministic(shared: Path):
    files = sorted(p for p in (shared / "flood-guide/share").iterdir())
    before = {p.name: p.read_bytes() for p in files}
    again = guides("share", cwd=shared.parent)  # the site is current: no new build
    assert again.returncode == 0, again.stderr
    assert "网站是最新的" in again.stdout
    assert {p.name: p.read_bytes() for p in files} == before


def test_the_worker_keeps_share_files_for_offline(shared: Path):
    worker = read(shared / "sw.js")
    assert '"flood-guide/share/share.json"' in worker
    assert re.search(r'"assets/javascripts/share\.[0-9a-f]{10}\.js"', worker)
    assert '"assets/javascripts/share-strings.json"' in worker
    assert '"flood-guide/share/share.json"' in read(shared / "en/sw.js").replace("en/", "")


# -- the article ----------------------------------------------------------------------------

def article(shared: Path, page: str = "flood-guide"):
    text = read(shared / page / "share/article.html")
    return text, parse(text)


def test_article_has_no_style_script_or_class(shared: Path):
    for page in ("flood-guide", "en/flood-guide"):
        text, root = article(shared, page)
        assert not re.search(r"<(style|script|link|iframe)\b", text, re.I)
        assert " class=" not in text and " id=" not in text and " on" not in text.lower()
        body = root.find("body")
        blocks = [e for e in body.iter() if e.tag in ("h1", "h2", "p", "li", "td", "th")]
        assert len(blocks) > 15
        for element in blocks:  # every block styled where it stands, nothing inherited
            style = element.attrs.get("style") or ""
            assert "font-size" in style and "line-height" in style, element.tag


def test_article_turns_every_link_into_a_numbered_note(shared: Path):
    text, root = article(shared)
    assert "<a " not in text and "href" not in text
    body_text = root.find("body").text()
    # the outside page twice (one note), the home page; the #help anchor needs none
    assert body_text.count("[1]") == 3 and body_text.count("[2]") == 2
    assert "[3]" not in body_text
    assert f"[1] 应急管理部的说明：{OUTSIDE}" in body_text
    assert f"[2] 首页：{SITE_URL}" in body_text
    assert "再看求助电话。" in body_text  # the anchor's words stay, no note


def test_article_keeps_title_time_sources_hotlines_images_and_qr(shared: Path):
    text, root = article(shared)
    body_text = root.find("body").text()
    assert root.find("h1").text() == "防汛撤离指南"
    assert "第 1 版 · 2026-11-20 更新" in body_text
    assert "依据" in body_text and "测试依据" in body_text  # the sources, as on the page
    assert "12320" in body_text and "120" in body_text
    assert "社区活动中心" in body_text  # the table
    images = [e.attrs["src"] for e in root.iter() if e.tag == "img"]
    assert len(images) == 2 and all(s.startswith("data:image/png;base64,") for s in images)
    map_png = base64.b64decode(images[0].split(",", 1)[1])
    assert map_png == (shared / "flood-guide/map.png").read_bytes()
    assert body_text.endswith(f"原文网址：{SITE_URL}flood-guide/")


def test_article_cannot_carry_script(tmp_path: Path):
    """The page it is made from was cleaned; the article is cleaned again with nh3."""
    from guides.outputs.share.article import article_html

    page = ('<article class="md-content__inner"><div class="sw-body"><h1>T</h1>'
            '<p onclick="x()">a<img src="x.png" onerror="x()"></p>'
            '<a href="javascript:alert(1)">b</a><svg><script>x()</script></svg>'
            '<p style="position:fixed;background:url(https://evil.example/)">c</p>'
            '<img src="https://evil.example/t.png"></div></article>')
    text = article_html(page, "zh", "https://x.org/p/", tmp_path, tmp_path)
    assert "onclick" not in text and "onerror" not in text and "<script" not in text
    assert "evil.example" not in text and "position" not in text
    assert "javascript" not in text  # not even as a note
    assert "<a " not in text


# -- the broadcast text ---------------------------------------------------------------------

def test_broadcast_texts_fit_and_hold_the_address(shared: Path):
    zh = read(shared / "flood-guide/share/broadcast.txt").rstrip("\n")
    en = read(shared / "en/flood-guide/share/broadcast.txt").rstrip("\n")
    assert broadcast.length(zh) <= 300 and broadcast.length(en) <= 300
    assert zh == ("防汛撤离指南\n1. 听到警报，马上往高处走。\n2. 关掉家里的电闸和煤气。\n"
                  "3. 带上身份证、手机和常用药。\n求助电话：12320（health）\n"
                  f"详情：{SITE_URL}flood-guide/")
    assert en == f"{EN_BROADCAST}\n{SITE_URL}en/flood-guide/"  # the editor's, as written


def test_a_made_broadcast_is_fitted_never_cutting_the_address():
    url = "https://guides.example.org/a-long-folder-name-for-a-guide/"
    text = broadcast.compose("标题" * 30, ["很长的一步" * 40] * 3,
                             broadcast.Hotline("12345", "12345 便民热线"), url)
    assert broadcast.length(text) <= 300 and text.endswith(url)
    assert text.count("…") == 3 and "\n3. " in text and "12345（便民热线）" in text
    short = broadcast.compose("T", ["a", "b", "c", "d"], None, url, "en")
    assert short == f"T\n1. a\n2. b\n3. c\nMore: {url}"


def test_over_long_broadcast_is_reported_with_what_to_cut(tmp_path: Path):
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    tree = Tree(tmp_path)
    tree.guide("flood-guide", broadcast=json.dumps("字" * 280))  # + "\n" + 32-char address
    tree.guide("draft-guide", status="draft", broadcast=json.dumps("字" * 300))
    found = [f for f in tree.check().sorted() if f.code.startswith("broadcast")]
    assert [(f.path, f.line, f.severity) for f in found] == [
        ("content/draft-guide/zh.md", 12, "warning"), ("content/flood-guide/zh.md", 12, "error")]
    error = found[1].format("zh")
    assert "加上网址共 320 个字，超过了 300 个字的上限" in error
    assert "删掉 20 个字（网址 https://guides.example.org/flood-guide/ 占 39 个字" in error
    assert "cut 20 characters" in found[1].format("en")
    assert "删掉 40 个字" in found[0].format("zh")


def test_share_refuses_an_over_long_broadcast(tmp_path: Path):
    make_project(tmp_path)
    path = tmp_path / "content/flood-guide/zh.md"
    text = read(path).replace("\n---\n", f"\nbroadcast: \"{'字' * 290}\"\n---\n", 1)
    path.write_text(text, encoding="utf-8")
    done = guides("share", cwd=tmp_path)
    assert done.returncode == 1
    line = read(path).split("\n").index(f'broadcast: "{"字" * 290}"') + 1
    assert f"content/flood-guide/zh.md:{line}: error: 群发文字 broadcast 加上网址共 330 个字" in \
        done.stdout
    assert "删掉 30 个字" in done.stdout
    assert not (tmp_path / "site").exists()


def test_broadcast_with_another_address_is_a_warning(tmp_path: Path):
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    tree = Tree(tmp_path)
    tree.guide("flood-guide", broadcast='"详见 https://evil.example/x 。"')
    assert "warning: the broadcast text holds another address: https://evil.example/x" in \
        " ".join(tree.found())


def test_share_help_is_chinese():
    done = guides("share", "--help", cwd=Path.cwd())
    assert done.returncode == 0
    assert "公众号文章" in done.stdout and "群发文字" in done.stdout and "--rebuild" in done.stdout
    assert "usage" not in done.stdout


def test_texts_are_written_without_the_images_module(shared: Path, tmp_path: Path):
    """w-images' writers are called when installed; without them the texts still come."""
    from guides.outputs.share import outputs

    site = tmp_path / "site"
    shutil.copytree(shared, site)
    result = write_share(site, {})
    assert len(result.pages) == 2
    if outputs._writer("write_images") is None:
        assert result.skipped["write_images"] == "not installed"


# -- in Chromium --------------------------------------------------------------------------

EDITOR = ('<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8">'
          '<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
          '<body style="margin: 0; padding: 16px; background-color: #ffffff;">'
          '<div id="editor" contenteditable="true" style="outline: none"></div></body></html>')
COMPARE = """async ([a, b]) => {
  const load = (src) => new Promise((ok) => { const i = new Image(); i.onload = () => ok(i);
                                               i.src = src; });
  const [x, y] = [await load(a), await load(b)];
  const w = Math.min(x.width, y.width), h = Math.min(x.height, y.height);
  const pixels = (img) => { const c = document.createElement("canvas");
    c.width = w; c.height = h; const g = c.getContext("2d"); g.drawImage(img, 0, 0);
    return g.getImageData(0, 0, w, h).data; };
  const [p, q] = [pixels(x), pixels(y)];
  let differ = 0, ink = 0;
  for (let i = 0; i < p.length; i += 4) {
    const d = Math.max(Math.abs(p[i] - q[i]), Math.abs(p[i+1] - q[i+1]), Math.abs(p[i+2] - q[i+2]));
    if (d > 48) differ++;
    if (p[i] < 200 || p[i+1] < 200 || p[i+2] < 200) ink++;
  }
  return {differ, ink, total: w * h, heights: [x.height, y.height]};
}"""


@pytest.fixture(scope="module")
def served(shared: Path):
    (shared / "editor-test.html").write_text(EDITOR, encoding="utf-8")
    with serving(shared) as url:
        yield url


@pytest.fixture(scope="module")
def chromium(browser):
    """The session's Chromium (conftest): Playwright's sync API drives one per thread."""
    return browser


def test_pasted_article_looks_like_the_article(chromium, served: str, tmp_path: Path):
    context = chromium.new_context(viewport={"width": 390, "height": 844},
                                   device_scale_factor=1, locale="zh-CN")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.rstrip("/"))
    source = context.new_page()
    source.goto(served + "flood-guide/share/article.html")
    source.evaluate("""() => { const range = document.createRange();
        range.selectNodeContents(document.body);
        getSelection().removeAllRanges(); getSelection().addRange(range); }""")
    source.keyboard.press("Control+c")
    editor = context.new_page()
    editor.goto(served + "editor-test.html")
    editor.click("#editor")
    editor.keyboard.press("Control+v")
    editor.wait_for_function("() => document.querySelector('#editor img[src^=\"data:\"]')")
    pasted = editor.inner_html("#editor")
    assert "font-size: 20px" in pasted and "border-left: 5px solid" in pasted  # styles came
    assert "撤离路线图" in pasted and "[1] 应急管理部的说明" in editor.inner_text("#editor")
    editor.evaluate("getSelection().removeAllRanges()")
    source.evaluate("getSelection().removeAllRanges()")
    shots = []
    for page, name in ((source, "article.png"), (editor, "pasted.png")):
        page.screenshot(path=str(tmp_path / name), full_page=True)
        shots.append("data:image/png;base64," +
                      base64.b64encode((tmp_path / name).read_bytes()).decode())
    result = editor.evaluate(COMPARE, shots)
    a, b = result["heights"]
    assert abs(a - b) <= 0.01 * a, result  # the same length, within 1 %
    assert result["ink"] > 0.05 * result["total"]  # a real page of text was compared
    assert result["differ"] <= 0.01 * result["total"], result  # ≤ 1 % of pixels differ
    context.close()


def open_panel(page):
    page.click(".sw-share > button")
    page.wait_for_selector(".sw-share__panel", state="visible")


def test_share_panel_copies_shows_qr_and_loads_only_when_opened(chromium, served: str):
    context = chromium.new_context(**PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.rstrip("/"))
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(served + "flood-guide/")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert not any("share" in url.rsplit("/", 1)[-1] for url in requests)  # nothing yet
    button = page.locator(".sw-share > button")
    assert button.inner_text() == "分享" and button.get_attribute("aria-expanded") == "false"
    open_panel(page)
    assert button.get_attribute("aria-expanded") == "true"
    assert page.inner_text(".sw-share__panel h2") == "分享这一页"
    page.click("[data-sw-copy]")
    page.wait_for_function("() => document.querySelector('.sw-share__status').textContent !== ''")
    assert page.inner_text(".sw-share__status").startswith("已复制")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("防汛撤离指南\n1. 听到警报") and copied.endswith(
        f"{SITE_URL}flood-guide/")
    qr = page.locator(".sw-share__qr svg").bounding_box()
    assert qr["width"] >= 250  # large enough to scan from another phone
    # what w-images made: the long image and the poster, each a download that opens
    links = page.eval_on_selector_all(".sw-share__panel a[download]",
                                      "els => els.map(e => e.href)")
    assert sorted(u.rsplit("/", 1)[-1] for u in links) == ["long-1.png", "poster.pdf"]
    assert all(page.request.get(u).status == 200 for u in links)
    assert all(u.startswith(served) for u in requests)  # nothing from another origin
    assert any(re.search(r"/assets/javascripts/share\.[0-9a-f]{10}\.js$", u) for u in requests)
    assert errors == []  # the page's policy refused nothing (no inline script or style)
    page.click(".sw-share__panel button:has-text('收起')")
    assert page.locator(".sw-share__panel").is_hidden()
    context.close()


def test_share_panel_in_english_offers_the_editors_text(chromium, served: str):
    context = chromium.new_context(**{**PHONE, "locale": "en-GB"})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.rstrip("/"))
    page = context.new_page()
    page.goto(served + "en/flood-guide/")
    assert page.inner_text(".sw-share > button") == "Share"
    open_panel(page)
    assert page.inner_text(".sw-share__panel h2") == "Share this page"
    assert page.input_value(".sw-share__text") == f"{EN_BROADCAST}\n{SITE_URL}en/flood-guide/"
    context.close()


def test_share_panel_opens_offline(chromium, served: str):
    context, page = controlled_page(chromium, served + "flood-guide/")
    # the worker's fill (5 s after load) keeps the page and its share.json
    until_cached(page, served + "flood-guide/", served + "flood-guide/share/share.json")
    context.set_offline(True)
    page.reload()
    open_panel(page)
    assert page.input_value(".sw-share__text").startswith("防汛撤离指南")
    assert page.locator(".sw-share__qr svg").count() == 1
    context.close()
