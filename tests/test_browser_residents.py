"""Residents' features in Debian's Chromium on a phone viewport: care mode, read aloud,
offline reading and updates, and an axe-core accessibility scan of every page type."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from offline_pages import cached_urls, controlled_page, wait_for

from conftest import PHONE, REPO, Tree, build_site, serving

AXE = REPO / "tests/node_modules/axe-core/axe.min.js"
GUIDE = "testing-guide/"


def rgb(color: str) -> tuple[float, ...]:
    return tuple(float(x) for x in re.findall(r"[\d.]+", color)[:3])


def contrast(fg: str, bg: str) -> float:
    def luminance(c):
        def channel(v):
            v /= 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        r, g, b = (channel(v) for v in rgb(c))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


MEASURE = """() => {
  const p = document.querySelector('.sw-body ol li, .sw-body p');
  const s = getComputedStyle(p);
  const link = document.querySelector('.md-content__inner a.sw-hotline, .md-content__inner p a');
  const buttons = [...document.querySelectorAll('.sw-toolbar button:not([hidden]), .sw-languages a, a.sw-hotline')]
    .map(b => b.getBoundingClientRect().height);
  return {size: parseFloat(s.fontSize), line: parseFloat(s.lineHeight), color: s.color,
          background: getComputedStyle(document.body).backgroundColor,
          link: link ? getComputedStyle(link).color : s.color, smallest: Math.min(...buttons),
          care: document.documentElement.classList.contains('sw-care'),
          pressed: document.querySelector('[data-sw-care]').getAttribute('aria-pressed')};
}"""


def test_care_mode_turns_on_and_is_remembered(page, server):
    page.goto(server + GUIDE)
    normal = page.evaluate(MEASURE)
    assert normal["size"] >= 18 and not normal["care"] and normal["smallest"] >= 44
    assert contrast(normal["color"], normal["background"]) >= 4.5
    page.click("[data-sw-care]")
    care = page.evaluate(MEASURE)
    assert care["care"] and care["pressed"] == "true"
    assert care["size"] >= 22
    assert care["line"] / care["size"] >= 1.5
    assert care["smallest"] >= 60
    assert contrast(care["color"], care["background"]) >= 7
    assert contrast(care["link"], care["background"]) >= 7
    assert page.locator(".md-footer__inner").is_hidden()  # no previous/next distraction
    page.reload()
    assert page.evaluate(MEASURE)["care"]
    page.goto(server + "en/hotlines/")  # another page, another language
    assert page.evaluate(MEASURE)["care"]
    page.click("[data-sw-care]")
    page.goto(server + GUIDE)
    assert not page.evaluate(MEASURE)["care"]


def test_care_mode_follows_the_systems_contrast_setting(browser, server):
    context = browser.new_context(**PHONE, contrast="more")
    page = context.new_page()
    page.goto(server + GUIDE)
    assert page.evaluate(MEASURE)["care"]
    page.click("[data-sw-care]")  # the reader's own choice wins from then on
    page.reload()
    assert not page.evaluate(MEASURE)["care"]
    context.close()


SPEECH = """
window.__spoken = []; window.__cancelled = 0;
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
const voices = (window.__voices || [{lang: 'zh-CN', name: 'Mandarin'}, {lang: 'en-GB', name: 'English'}]);
Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {
  paused: false,
  getVoices: () => voices,
  speak: (u) => window.__spoken.push({text: u.text, lang: u.lang}),
  cancel: () => { window.__cancelled += 1; },
  pause() { this.paused = true; }, resume() { this.paused = false; },
  addEventListener() {},
}});
"""


def test_read_aloud_speaks_the_article(browser, server):
    context = browser.new_context(**PHONE)
    context.add_init_script(SPEECH)
    page = context.new_page()
    page.goto(server + GUIDE)
    page.click("[data-sw-read]")
    spoken = page.evaluate("window.__spoken")
    texts = [s["text"] for s in spoken]
    assert texts[0] == "居民核酸检测五项指南"
    # the 2022 context right after the title (issue 12), then the guide
    assert texts[1:3] == ["当时的做法", "本页写的是当时的做法（苏州，2022 年全员核酸检测期间）。"
                                        "这些防控措施只适用于当时，今天请先按当地现行的规定做。"]
    assert "现在就做" in texts
    assert "出门前戴好口罩，盖住鼻子和嘴巴。" in texts
    assert not any("关怀模式" in t or "English" == t for t in texts)
    assert {s["lang"] for s in spoken} == {"zh-CN"}
    assert page.locator("[data-sw-pause]").is_visible()
    page.click("[data-sw-pause]")
    assert page.evaluate("window.speechSynthesis.paused")
    page.click("[data-sw-stop]")
    assert page.evaluate("window.__cancelled") >= 2
    assert page.locator("[data-sw-read]").is_visible()
    page.goto(server + "en/" + GUIDE)
    page.click("[data-sw-read]")
    assert {s["lang"] for s in page.evaluate("window.__spoken")} == {"en-GB"}
    context.close()


def test_read_aloud_says_when_there_is_no_voice(browser, server):
    context = browser.new_context(**PHONE)
    context.add_init_script("window.__voices = [{lang: 'en-US', name: 'English'}];" + SPEECH)
    page = context.new_page()
    page.goto(server + "wuu/" + GUIDE)
    page.click("[data-sw-read]")
    status = page.locator(".sw-toolbar__status")
    assert status.inner_text() == "手机浪呒不苏州话格朗读声音。"
    assert page.evaluate("window.__spoken") == []
    page.goto(server + GUIDE)  # Mandarin, but this phone has only an English voice
    page.click("[data-sw-read]")
    page.wait_for_timeout(1000)
    assert status.inner_text() == "这台手机没有普通话朗读声音。"
    context.close()


def test_no_voice_points_to_the_recording(browser, tmp_path):
    tree = Tree(tmp_path)
    tree.guide("home", title="首页")
    tree.guide("guide", title="指南", body="## 现在 {#now}\n正文。\n")
    tree.guide("guide", lang="wuu", title="指南", audio="wuu.mp3", body="## 现在 {#now}\n正文。\n")
    tree.write("guide/wuu.mp3", b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x64" * 50)
    with serving(build_site(tree)) as url:
        context = browser.new_context(**PHONE)
        context.add_init_script(SPEECH)
        page = context.new_page()
        page.goto(url + "wuu/guide/")
        page.click("[data-sw-read]")
        link = page.locator(".sw-toolbar__status a")
        assert link.inner_text() == "请听上头格苏州话录音。"
        assert link.get_attribute("href") == "#sw-audio"
        audio = page.locator("#sw-audio audio")
        assert audio.get_attribute("preload") == "none"
        assert audio.get_attribute("aria-label") == "听苏州话录音"
        context.close()


def offline_site(tmp_path: Path, version: int, text: str, withdrawn: bool) -> Path:
    tree = Tree(tmp_path / f"v{version}")
    tree.guide("home", title="首页", body="首页正文。\n")
    tree.guide("hotlines", title="热线", body="热线正文。\n")
    tree.guide("guide", title="指南", version=version, body=f"## 现在 {{#now}}\n{text}\n")
    extra = {"status": "withdrawn", "withdrawn_reason": "已过时"} if withdrawn else {}
    tree.guide("old", title="旧指南", body="旧指南正文。\n", **extra)
    return build_site(tree)


def test_pages_open_offline_and_updates_show(browser, tmp_path):
    first = offline_site(tmp_path, 1, "第一版内容。", withdrawn=False)
    time.sleep(1.1)  # published later: HTTP dates have one-second resolution
    second = offline_site(tmp_path, 2, "第二版内容。", withdrawn=True)
    live = tmp_path / "live"
    os.symlink(first, live)
    with serving(live) as url:
        context, page = controlled_page(browser, url)
        wanted = {url, url + "hotlines/", url + "guide/", url + "old/"}
        wait_for(lambda: wanted <= set(cached_urls(page)))  # filled after the first visit
        context.set_offline(True)
        for path, heading in [("guide/", "指南"), ("hotlines/", "热线"), ("old/", "旧指南"),
                              ("", "首页")]:
            page.goto(url + path)
            assert page.locator("h1").first.inner_text() == heading
        page.goto(url + "guide/")
        assert "第一版内容。" in page.content()

        context.set_offline(False)  # a new version is published; the withdrawn guide leaves
        os.unlink(live)
        os.symlink(second, live)
        page.goto(url + "guide/")
        assert "第二版内容。" in page.content()
        notice = page.locator(".sw-updated")
        assert notice.is_visible()
        assert "第 2 版" in notice.inner_text()
        wait_for(lambda: url + "old/" not in cached_urls(page))
        context.set_offline(True)
        page.goto(url + "old/")
        assert "旧指南正文。" not in page.content()  # never shown from cache as if current
        page.goto(url + "guide/")
        assert "第二版内容。" in page.content()
        context.close()


AXE_PAGES = ["", GUIDE, "volunteer-tips/", "volunteer-shift-checklist/",
             "ngo-contingency-plan/", "hotlines/", "wuu/", "wuu/" + GUIDE, "wuu/volunteer-tips/",
             "en/", "en/" + GUIDE, "en/volunteer-tips/", "en/volunteer-shift-checklist/",
             "en/ngo-emergency-management/", "medicine-in-lockdown/", "wuu/medicine-in-lockdown/",
             "en/about/", "404.html", "en/404.html"]


@pytest.mark.parametrize("care", [False, True], ids=["normal", "care"])
@pytest.mark.parametrize("path", AXE_PAGES)
def test_axe_finds_no_serious_violation(browser, server, path, care):
    assert AXE.is_file(), "axe-core is not installed (scripts/dev.py test runs npm ci)"
    # axe is injected as an inline script, which the site's policy rightly refuses
    context = browser.new_context(**PHONE, bypass_csp=True)
    if care:
        context.add_init_script("localStorage.setItem('sw-care', 'on')")
    page = context.new_page()
    page.goto(server + path)
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [{"id": v["id"], "impact": v["impact"],
                "nodes": [n["target"] for n in v["nodes"]][:3]}
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps(serious, ensure_ascii=False)
    context.close()


def test_the_service_worker_file_is_served_from_each_language_root(server, site):
    for root in ("", "wuu/", "en/"):
        assert (site / root / "sw.js").is_file()
        assert shutil.which("chromium") or Path("/usr/bin/chromium").exists()


def search_titles(page, query: str) -> list[str]:
    """Ask the search box; the titles of the result pages once the answer is shown."""
    if not page.locator("#__search").is_checked():
        page.click(".md-header label[for=__search]")
    meta = page.locator(".md-search-result__meta")
    before = meta.inner_text() if meta.count() else ""
    page.fill("[data-md-component=search-query]", query)  # one query, no empty one first
    page.keyboard.press("End")
    page.wait_for_function("""(before) => {
      const meta = document.querySelector(".md-search-result__meta");
      return meta && meta.textContent !== before && /\\d|没有|No /.test(meta.textContent);
    }""", arg=before)
    if re.search(r"\d", meta.inner_text()):  # Material draws the items a frame later
        page.locator(".md-search-result__item h1").first.wait_for()
    return [t.strip() for t in page.locator(".md-search-result__item h1").all_inner_texts()]


def test_a_search_made_online_works_again_offline(browser, tmp_path):
    site = offline_site(tmp_path, 1, "第一版内容，记得带口罩。", withdrawn=False)
    with serving(site) as url:
        context, page = controlled_page(browser, url)
        fetched: list[str] = []  # what the page and its search worker asked for
        page.on("request", lambda request: fetched.append(request.url))
        assert search_titles(page, "口罩") == ["指南"]
        wanted = {u for u in fetched if "/search/" in u}
        assert any("/d/" in u for u in wanted)  # the result page's own file
        # the worker keeps each search file once it has checked it against its digest:
        # wait for every one this search used, not for a time
        wait_for(lambda: url in cached_urls(page))
        wait_for(lambda: wanted <= set(cached_urls(page)))
        context.set_offline(True)
        page.reload()
        assert search_titles(page, "口罩") == ["指南"]  # the same files, from the cache
        context.close()
