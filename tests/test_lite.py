"""Lite pages (issue 17): one request, at most 14 KB compressed, no script, for every
published guide and language; valid HTML (the Nu HTML checker), readable in a text browser
and on a phone, under nginx's policy, and kept by the service worker."""

from __future__ import annotations

import gzip
import json
import posixpath
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import brotli
import yaml
from offline_pages import controlled_page, until_cached
from test_publish import copier, directives, nginx, response, wait_for  # noqa: F401

from conftest import PHONE, REPO, Tree, build_site, serving
from guides.hotlines import for_language, load
from guides.model import LANGUAGES
from guides.outputs import lite
from guides.publishing.local import publish

VNU = REPO / "tests/node_modules/vnu-jar/build/dist/vnu.jar"  # npm ci (tests/package.json)
JAVA = "/usr/bin/java"  # Debian's default-jre-headless (scripts/dev.py test)
W3M = "/usr/bin/w3m"


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def published() -> list[tuple[str, str, dict]]:
    """(folder, language, front matter) of every published page in content/."""
    found = []
    for path in sorted((REPO / "content").glob("*/*.md")):
        meta = front_matter(path)
        if meta.get("status") == "published":
            found.append((path.parent.name, path.stem, meta))
    return found


def page_path(folder: str, language: str) -> str:
    return LANGUAGES[language].root + ("" if folder == "home" else f"{folder}/")


def resolve(site: Path, page: str, href: str) -> Path:
    """The file a relative link of the page at `page` (a path like "en/testing-guide/lite/")
    leads to."""
    target = posixpath.normpath(posixpath.join("/" + page, href.split("#")[0]))
    target = target.lstrip("/")
    path = site / target
    return path / "index.html" if href.split("#")[0].endswith("/") or path.is_dir() else path


def handlers(html: str) -> list[str]:
    """Event-handler attributes (onload=…) anywhere in the page."""
    found: list[str] = []

    class Reader(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.extend(name for name, _ in attrs if name.startswith("on"))

    Reader().feed(html)
    return found


def test_every_published_guide_and_language_has_a_lite_page_within_the_budget(site):
    pages = published()
    assert len(pages) >= 25 and {lang for _, lang, _ in pages} == set(LANGUAGES)
    hotlines = load(REPO / "content")
    languages_of = {}
    for folder, language, _ in pages:
        languages_of.setdefault(folder, set()).add(language)
    for folder, language, meta in pages:
        at = page_path(folder, language) + "lite/"
        html_file = site / at / "index.html"
        assert html_file.is_file(), at
        html = html_file.read_text(encoding="utf-8")
        gz = Path(f"{html_file}.gz").read_bytes()
        assert gzip.decompress(gz).decode("utf-8") == html, at  # what nginx sends
        assert brotli.decompress(Path(f"{html_file}.br").read_bytes()).decode("utf-8") == html
        assert len(gz) <= lite.BUDGET == 14_000, (at, len(gz))
        assert "<script" not in html.lower() and not handlers(html), at
        # one request: nothing to fetch (no src, no stylesheet link, a data: icon)
        assert " src=" not in html and 'rel="stylesheet"' not in html
        assert re.findall(r"<link [^>]*>", html) == [
            f'<link rel="canonical" href="https://guides.example.org/{at[:-5]}">',
            '<link rel="icon" href="data:,">']
        assert f'<html lang="{LANGUAGES[language].tag}">' in html
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
        assert f'<meta http-equiv="Content-Security-Policy" content="{lite.POLICY}">' in html
        assert re.search(r"<style>(.*?)</style>", html).group(1) == lite.CSS
        assert f"<h1>{meta['title']}</h1>" in html, at
        if meta.get("context"):
            assert meta["context"]["period"] in html, at
        if isinstance(meta.get("version"), int) and folder != "testing-guide":
            assert f"{meta['version']}" in html.split("<footer>")[1], at
        for line in for_language(hotlines, language):
            assert f'<a href="tel:{line["tel"]}"><b>{line["number"]}</b> {line["name"]}</a>' \
                in html, (at, line)
        # back to the full page, on to the other languages' lite pages
        assert html.count('<a href="../">') == 2, at
        others = re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', html.split("</nav>")[0])
        assert sorted(tag for _, tag in others) == sorted(
            LANGUAGES[code].tag for code in languages_of[folder] if code != language), at
        for href, tag in others:
            code = next(c for c, s in LANGUAGES.items() if s.tag == tag)
            assert resolve(site, at, href) == site / page_path(folder, code) / "lite/index.html"
        # every link inside the site leads to a page that exists
        for href in re.findall(r'href="([^"]+)"', html):
            if re.match(r"[a-z]+:", href) or href.startswith("#"):
                continue
            assert resolve(site, at, href).is_file(), (at, href)
        ids = set(re.findall(r' id="([^"]+)"', html))
        for anchor in re.findall(r'href="#([^"]+)"', html):
            assert anchor in ids, (at, anchor)
    written = {p.relative_to(site).as_posix() for p in site.rglob("lite/index.html")}
    assert written == {page_path(f, lang) + "lite/index.html" for f, lang, _ in pages}


def test_the_whole_guide_is_there_when_it_fits(site):
    html = (site / "testing-guide/lite/index.html").read_text(encoding="utf-8")
    source = (REPO / "content/testing-guide/zh.md").read_text(encoding="utf-8")
    for heading in re.findall(r"^## (.+?) \{#", source, re.M):
        assert f">{heading}</h2>" in html
    assert "采样前 30 分钟不吃东西、不喝水、不抽烟。" in html
    assert "后面还有这些内容" not in html
    # the dialect and English translations are stale in this site: they say so, and link
    # to the Mandarin lite page
    en = (site / "en/testing-guide/lite/index.html").read_text(encoding="utf-8")
    assert 'href="../../../testing-guide/lite/"' in en.split("<h1>")[1]


def test_the_full_page_links_to_its_lite_page(site):
    for path, text in [("testing-guide/", "网络慢？打开精简版"),
                       ("wuu/testing-guide/", "网络慢？点开精简版看"),
                       ("en/testing-guide/", "Slow network? Open the lite page"),
                       ("", "网络慢？打开精简版"), ("en/hotlines/", "Slow network?")]:
        html = (site / path / "index.html").read_text(encoding="utf-8")
        assert html.count('class="sw-lite"') == 1, path
        assert re.search(rf'<p class="sw-lite"><a href="lite/">{re.escape(text)}', html), path
    # pages without a lite page have no such link
    for path in ("updates/", "wuu/volunteer-tips/"):
        assert 'class="sw-lite"' not in (site / path / "index.html").read_text("utf-8"), path


def test_the_service_worker_keeps_lite_pages_opened(site):
    for root in ("", "wuu/", "en/"):
        text = (site / root / "sw.js").read_text(encoding="utf-8")
        listed = json.loads(re.search(r"const LITE = (\{.*?\});", text).group(1))
        on_disk = {p.parent.relative_to(site / root).as_posix() + "/"
                   for p in (site / root).rglob("lite/index.html")
                   if not any(p.relative_to(site / root).as_posix().startswith(o)
                              for o in ("wuu/", "en/") if not root)}
        assert set(listed) == on_disk and len(listed) >= 6, root
        pages = json.loads(re.search(r"const PAGES = (\{.*?\});", text).group(1))
        assert not set(listed) & set(pages)  # the fill never fetches them


def test_nu_html_checker_finds_nothing(site):
    assert VNU.is_file(), "vnu.jar is missing: run python3 scripts/dev.py test (npm ci)"
    assert Path(JAVA).exists(), "Java is missing: apt-get install default-jre-headless"
    files = sorted(str(p) for p in site.rglob("lite/index.html"))
    result = subprocess.run([JAVA, "-jar", str(VNU), "--format", "json", *files],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr)["messages"]
    assert [f"{m['url']}:{m.get('lastLine')}: {m['type']}: {m['message']}"
            for m in messages] == []
    # and it is the checker that would have seen a mistake
    broken = Path(files[0]).with_name("broken.html")
    broken.write_text(Path(files[0]).read_text("utf-8").replace("</main>", "</div></main>"),
                      encoding="utf-8")
    try:
        result = subprocess.run([JAVA, "-jar", str(VNU), "--format", "json", str(broken)],
                                capture_output=True, text=True, timeout=120)
        assert any(m["type"] == "error" for m in json.loads(result.stderr)["messages"])
    finally:
        broken.unlink()


def test_a_text_browser_reads_it(site):
    assert Path(W3M).exists(), "Debian's w3m is not installed (scripts/dev.py test)"
    text = subprocess.run([W3M, "-dump", "-cols", "40", "-T", "text/html", "-I", "UTF-8",
                           "-O", "UTF-8", str(site / "testing-guide/lite/index.html")],
                          capture_output=True, text=True, timeout=60, check=True).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[0].startswith("看完整版")
    assert "居民核酸检测五项指南" in lines
    assert "body{" not in text and "sha256" not in text  # no CSS or policy as text
    first = next(i for i, line in enumerate(lines) if "现在就做" in line)
    assert lines[first + 1].startswith("1. 看社区通知")
    calls = [line for line in lines if "120 急救电话" in line]
    assert calls and lines[lines.index(calls[0]) + 1] == "呼吸困难、胸痛、昏倒，马上打"


# -- small sites ----------------------------------------------------------------------

def test_a_draft_has_no_lite_page_and_a_withdrawn_guide_says_so(tmp_path):
    tree = Tree(tmp_path)
    tree.hotlines(ambulance="120")
    tree.guide("home", title="首页")
    tree.guide("shown", title="'发布的指南 & \"一\"'", body="## 第一步 {#one}\n\n1. 戴口罩。\n")
    tree.guide("draft", title="草稿", status="draft")
    tree.guide("review", title="审核中", status="review")
    tree.guide("old", title="旧指南", status="withdrawn", withdrawn_reason="已经过时",
               replaced_by="shown")
    site = build_site(tree)
    assert (site / "shown/lite/index.html").is_file()
    assert (site / "lite/index.html").is_file()
    assert not (site / "draft/lite").exists() and not (site / "review/lite").exists()
    assert not (site / "draft").exists()
    old = (site / "old/lite/index.html").read_text(encoding="utf-8")
    assert "这篇指南已经撤下" in old and "已经过时" in old
    assert '<a href="../../shown/lite/">发布的指南 &amp; &#34;一&#34;</a>' in old
    shown = (site / "shown/lite/index.html").read_text(encoding="utf-8")
    assert "<title>发布的指南 &amp; &#34;一&#34;</title>" in shown  # escaped once
    assert "<h1>发布的指南 &amp; &#34;一&#34;</h1>" in shown
    assert '<a href="tel:120"><b>120</b> ambulance</a>' in shown
    assert "戴口罩。" in shown


def test_a_guide_too_long_for_the_budget_keeps_its_first_sections(tmp_path):
    tree = Tree(tmp_path)
    tree.hotlines(ambulance="120", health="12320")
    # text that compresses badly: varied characters, like a real long manual
    chars = [chr(0x4E00 + (i * 7919) % 20000) for i in range(60_000)]
    sections = "".join(f"## 第{n}节 {{#part-{n}}}\n\n" + "".join(chars[n * 600:(n + 1) * 600])
                       + "。\n\n" for n in range(30))
    tree.guide("long", title="很长的手册", body="开头说明。\n\n" + sections)
    site = build_site(tree)
    html = (site / "long/lite/index.html").read_text(encoding="utf-8")
    size = len(Path(f"{site}/long/lite/index.html.gz").read_bytes())
    assert size <= lite.BUDGET
    shown = re.findall(r'<h2 id="(part-\d+)">', html)
    assert shown and shown == [f"part-{n}" for n in range(len(shown))] and len(shown) < 30
    left = re.findall(r'<li><a href="\.\./#(part-\d+)">第\d+节</a></li>', html)
    assert left == [f"part-{n}" for n in range(len(shown), 30)]
    assert "后面还有这些内容，请看完整版：" in html
    assert 'href="tel:120"' in html and 'href="tel:12320"' in html
    assert "开头说明。" in html


def test_links_images_and_scripts_in_the_article():
    article = ('<p>看<a href="../about/">关于</a>、<a href="./">本页</a>、<a href="#gone">'
               '上面</a>、<a href="https://example.org/x">外站</a>、<a href="tel:120">120</a>'
               '<img src="map.png" alt="地图"></p><audio src="a.mp3">录音</audio>'
               '<script>alert(1)</script><h1>标题</h1>')
    cleaned = lite.clean(article)
    assert cleaned == ('<p>看<a href="../../about/">关于</a>、<a href="../">本页</a>、'
                       '<a href="#gone">上面</a>、<a href="https://example.org/x">外站</a>、'
                       '<a href="tel:120">120</a></p>')
    page = lite.render(title="标题", article=cleaned, strings={}, sw={
        "language": "zh", "folder": "x", "languages": [], "hotlines": []})
    assert 'href="../#gone"' in page.html  # a part the lite page does not hold
    assert lite.lite_href("../en/x/#a") == "../../en/x/lite/#a"
    # links to pages that have a lite page lead to it; the others to the full pages
    linked = lite.clean('<a href="../about/#who">a</a><a href="../x/">b</a><a href="../">c</a>'
                        '<a href="./">d</a><a href="#top">e</a>', "x/", {"about/", "x/", ""})
    assert linked == ('<a href="../../about/lite/#who">a</a><a href="../../x/lite/">b</a>'
                      '<a href="../../lite/">c</a><a href="../lite/">d</a><a href="#top">e</a>')
    assert lite.clean('<a href="../about/">a</a>', "x/", {"x/"}) == '<a href="../../about/">a</a>'


def test_the_lite_home_page_leads_to_lite_pages(site):
    html = (site / "lite/index.html").read_text(encoding="utf-8")
    main = html.split("<main>")[1]
    assert main.index('id="lite-tel"') < main.index("<section>")  # hotlines first, as home
    assert '<a href="../testing-guide/lite/">居民核酸检测五项指南</a>' in html


def test_nginx_sends_the_lite_pages_policy_and_chromium_loads_it_in_one_request(
        nginx, site, browser):  # noqa: F811
    conf = (REPO / "deploy/nginx.conf").read_text(encoding="utf-8")
    assert f"style-src {lite.STYLE_HASH};" in conf  # CSS changed: update deploy/nginx.conf
    target, url = nginx
    publish(target, copier(site))
    wait_for(url)
    for path in ("testing-guide/lite/", "testing-guide/lite/index.html", "en/lite/"):
        status, headers, _ = response(url + path, **{"Accept-Encoding": "gzip"})
        assert status == 200 and headers["content-encoding"] == "gzip", path
        policy = directives(headers["content-security-policy"])
        assert policy.pop("frame-ancestors") == "'none'"
        assert policy == directives(lite.POLICY), path
        assert headers["x-content-type-options"] == "nosniff"
    full = directives(response(url + "testing-guide/")[1]["content-security-policy"])
    assert lite.STYLE_HASH not in full["style-src"]  # the full pages keep theirs
    context = browser.new_context(**PHONE)
    page = context.new_page()
    requests, violations = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    page.goto(url + "testing-guide/lite/")
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    assert requests == [url + "testing-guide/lite/"] and violations == []
    looks = page.evaluate("""() => ({
      text: parseFloat(getComputedStyle(document.querySelector('main li')).fontSize),
      wide: document.documentElement.scrollWidth,
      taps: [...document.querySelectorAll('.tel a, nav a')].map(
        (a) => a.getBoundingClientRect().height),
    })""")
    assert looks["text"] >= 18  # the inline stylesheet applied (its hash allowed)
    assert looks["wide"] <= PHONE["viewport"]["width"]  # no sideways scrolling
    assert min(looks["taps"]) >= 44
    context.close()


def test_offline_a_lite_page_opened_before_comes_from_the_cache(browser, tmp_path):
    tree = Tree(tmp_path)
    tree.hotlines(ambulance="120")
    tree.guide("home", title="首页", body="首页正文。\n")
    tree.guide("hotlines", title="热线", body="热线正文。\n")
    tree.guide("guide", title="指南", body="## 现在 {#now}\n\n1. 戴好口罩。\n")
    tree.guide("other", title="别的指南", body="别的正文。\n")
    site = build_site(tree)
    with serving(site) as url:
        context, page = controlled_page(browser, url)
        until_cached(page, url + "other/")  # the fill, after the first visit
        page.goto(url + "guide/lite/")
        assert page.locator("h1").inner_text() == "指南"
        until_cached(page, url + "guide/lite/")
        context.set_offline(True)
        page.goto(url + "guide/lite/")
        assert "戴好口罩。" in page.content() and "<script" not in page.content()
        # a lite page never opened: the cached full page of the same guide
        page.goto(url + "other/lite/")
        assert page.locator("h1").first.inner_text() == "别的指南"
        assert "<script" in page.content()  # the full page (lite pages have none)
        context.close()
