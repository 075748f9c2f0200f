"""The real three-language site (conftest's `site`), read as files."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from searching import answers, ask, found_pages, indexed, stub

from conftest import REPO, SITE_URL
from guides import search_shards
from guides.model import LANGUAGES


def status_of(path: Path) -> str:
    return re.search(r"^status: (\w+)$", path.read_text(encoding="utf-8"), re.M).group(1)


def folders_with(language: str, statuses=("published", "withdrawn")) -> set[str]:
    """The guide folders with a page readers can see in this language."""
    return {p.parent.name for p in (REPO / "content").glob(f"*/{language}.md")
            if status_of(p) in statuses}


def page_file(site: Path, language: str, folder: str) -> Path:
    root = site / LANGUAGES[language].root
    return root / ("index.html" if folder == "home" else f"{folder}/index.html")


class Page(HTMLParser):
    """The bits of a built page the tests look at."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.lang = ""
        self.alternates: dict[str, str] = {}
        self.switcher: list[dict[str, str]] = []
        self.robots = ""
        self.in_switcher = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag == "link" and "alternate" in a.get("rel", "").split() and "hreflang" in a:
            self.alternates[a["hreflang"]] = a["href"]
        elif tag == "meta" and a.get("name") == "robots":
            self.robots = a.get("content", "")
        elif tag == "nav" and "sw-languages" in a.get("class", ""):
            self.in_switcher = True
        elif tag == "a" and self.in_switcher:
            self.switcher.append(a)

    def handle_endtag(self, tag):
        if tag == "nav":
            self.in_switcher = False


def read(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def test_each_language_has_its_pages(site):
    for code in LANGUAGES:
        for folder in folders_with(code) | folders_with("zh"):
            assert page_file(site, code, folder).is_file(), (code, folder)
    assert (site / "wuu/testing-guide/index.html").is_file()
    assert (site / "en/volunteer-tips/index.html").is_file()
    under_review = folders_with("zh", statuses=("draft", "review"))
    assert "ppe-checklist" in under_review  # medical steps, no medical review yet
    for code in LANGUAGES:
        for folder in under_review:
            assert not page_file(site, code, folder).exists(), (code, folder)


def test_lang_attribute_of_every_page(site):
    for code, spec in LANGUAGES.items():
        for folder in folders_with("zh"):
            assert read(page_file(site, code, folder)).lang == spec.tag, (code, folder)
    assert '<html lang="wuu-Hans"' in (site / "wuu/index.html").read_text(encoding="utf-8")


def test_hreflang_alternates_are_absolute_and_complete(site):
    page = read(site / "wuu/testing-guide/index.html")
    assert page.alternates == {
        "zh-Hans": SITE_URL + "testing-guide/",
        "wuu-Hans": SITE_URL + "wuu/testing-guide/",
        "en": SITE_URL + "en/testing-guide/",
        "x-default": SITE_URL + "testing-guide/",
    }
    checklist = read(site / "volunteer-shift-checklist/index.html")
    assert checklist.alternates == {"zh-Hans": SITE_URL + "volunteer-shift-checklist/",
                                    "x-default": SITE_URL + "volunteer-shift-checklist/"}


def test_switcher_targets_exist_and_land_on_the_same_guide(site):
    for code in LANGUAGES:
        for folder in folders_with("zh"):
            path = page_file(site, code, folder)
            page = read(path)
            assert [a.get("lang") or a.get("hreflang") for a in page.switcher if "lang" in a
                    or "hreflang" in a] and len(page.switcher) == len(LANGUAGES)
            for link in page.switcher:
                target = (path.parent / link["href"]).resolve() / "index.html"
                assert target.is_file(), (path, link["href"])
                target_page = read(target)
                # the same guide: each other language's page points back here
                assert any((target.parent / a["href"]).resolve() == path.parent.resolve()
                           for a in target_page.switcher)


def test_missing_translation_is_said_plainly(site):
    path = site / "en/volunteer-shift-checklist/index.html"
    text = path.read_text(encoding="utf-8")
    assert "This guide is not available in English yet." in text
    assert read(path).robots == "noindex"
    zh = read(site / "volunteer-shift-checklist/index.html")
    english = next(a for a in zh.switcher if a["href"] == "../en/volunteer-shift-checklist/")
    assert english["class"] == "sw-languages__missing"
    html = (site / "volunteer-shift-checklist/index.html").read_text(encoding="utf-8")
    assert '<span lang="en">English</span>&nbsp;（暂无）' in html
    wuu = (site / "wuu/volunteer-tips/index.html").read_text(encoding="utf-8")
    assert "搿篇指南还呒不苏州话版本。" in wuu


def test_stale_translation_notice(site):
    english = (site / "en/testing-guide/index.html").read_text(encoding="utf-8")
    assert ("This English version was translated from version 2 of the Mandarin guide; "
            "the Mandarin guide is now at version 3.") in english
    assert '<a href="../../testing-guide/" hreflang="zh-Hans" lang="zh-Hans">Read the current ' \
           'Mandarin version</a>' in english
    dialect = (site / "wuu/testing-guide/index.html").read_text(encoding="utf-8")
    assert "搿篇苏州话是照普通话第 2 版翻格，普通话原文已经改到第 3 版哉" in dialect
    for path in [site / "testing-guide/index.html", site / "en/hotlines/index.html",
                 site / "wuu/mental-health/index.html"]:
        assert 'class="admonition warning sw-stale"' not in path.read_text(encoding="utf-8")


NAMESPACES = ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink",
              "http://www.w3.org/1999/xhtml")
URL = re.compile(r"""(?:https?:)?//[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+""")


def test_no_url_to_another_host_in_any_html_css_or_js(site):
    offenders = []
    for path in site.rglob("*"):
        if path.suffix not in (".html", ".css", ".js"):
            continue
        text = path.read_text(encoding="utf-8")
        for match in URL.finditer(text):
            url = match.group(0)
            if url.startswith("//") and text[match.start() - 1:match.start()] not in "\"'(`=":
                continue  # a JavaScript comment or regular expression, not a URL
            if any(text.startswith(ns, match.start()) for ns in NAMESPACES):
                continue
            if urlsplit(urljoin("https:", url)).hostname == urlsplit(SITE_URL).hostname:
                continue
            offenders.append(f"{path.relative_to(site)}: {text[match.start():match.end() + 30]}")
    assert offenders == []


def test_sitemaps_and_robots(site):
    en = (site / "en/sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", en)
    assert locs == sorted(SITE_URL + "en/" + ("" if f == "home" else f + "/")
                          for f in folders_with("en") | {"updates"})
    assert "None" not in en and "volunteer-shift-checklist" not in en.split("<loc>")[0]
    assert all("volunteer-shift-checklist" not in loc for loc in locs)
    assert '<xhtml:link rel="alternate" hreflang="wuu-Hans" ' \
           'href="https://guides.example.org/wuu/testing-guide/"/>' in en
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://guides.example.org/wuu/sitemap.xml" in robots


def lang_dir(site: Path, code: str) -> Path:
    return site / LANGUAGES[code].root


def test_each_search_index_holds_only_its_own_pages(site):
    for code in LANGUAGES:
        pages = indexed(lang_dir(site, code))
        assert {loc.rstrip("/") or "home" for loc, _, _ in pages} == folders_with(code), code
        for location, title, _ in pages:
            assert title == page_title(site, code, location.rstrip("/") or "home"), code
        assert stub(lang_dir(site, code))["docs"] == []  # the whole index is never sent
    assets = lang_dir(site, "zh") / "assets/javascripts"
    assert not (assets / "lunr").exists() and not (assets / "workers").exists()


def page_title(site: Path, code: str, folder: str) -> str:
    text = page_file(site, code, folder).read_text(encoding="utf-8")
    return re.search(r"<h1[^>]*>([^<]+)</h1>", text).group(1)


def page_text(site: Path, code: str, folder: str) -> str:
    """A page's article as plain text, the way search reads it."""
    text = page_file(site, code, folder).read_text(encoding="utf-8")
    article = text.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    body = article.split('class="sw-body', 1)[-1]  # the guide itself, not what frames it
    # the hotline buttons (above the text on the hotlines page, below it elsewhere)
    body = re.sub(r'<section class="sw-hotlines".*?</section>', "", body, flags=re.S)
    for frame in ('<section class="sw-trust"', '<details class="sw-history"',
                  '<p class="sw-meta"'):
        body = body.split(frame, 1)[0]
    return search_shards.normalise(body)


REGRESSION = [  # language, query, a guide it must find (words inside sentences included)
    ("zh", "核酸", "testing-guide"),
    ("zh", "检测", "testing-guide"),  # inside 核酸检测, one word to a segmenter
    ("zh", "口罩", "volunteer-tips"),
    ("zh", "志愿者", "volunteer-tips"),
    ("zh", "社工站", "ngo-contingency-plan"),
    ("zh", "防护用品", "testing-site-checklist"),  # the PPE checklist awaits medical review
    ("zh", "热线", "hotlines"),
    ("zh", "咳", "testing-guide"),
    ("zh", "核酸 老人", "testing-guide"),
    ("wuu", "汏手", "testing-guide"),
    ("wuu", "辰光", "testing-guide"),
    ("wuu", "屋里", "testing-guide"),
    ("en", "volunteers", "volunteer-tips"),
    ("en", "volunteering", "volunteer-tips"),
    ("en", "testing", "testing-guide"),
    ("en", "tests", "testing-guide"),
    ("en", "guides", "ngo-emergency-management"),
    ("en", "HOTLINE", "hotlines"),
]


@pytest.mark.parametrize(("code", "query", "guide"), REGRESSION)
def test_queries_find_the_right_guide(site, code, query, guide):
    assert guide in found_pages(lang_dir(site, code), query)


def test_search_finds_every_page_holding_the_words_first(site):
    """Every page whose text holds all the query's words comes before any page holding only
    part of it (a synonym counts as the word: content/_data/synonyms.yml); a one-word query
    of one pair without synonyms finds exactly the pages holding it."""
    for code in LANGUAGES:
        queries = sorted({q for c, q, _ in REGRESSION if c == code})
        answered = answers(lang_dir(site, code), *queries)
        folders = sorted(folders_with(code))
        texts = {f: page_text(site, code, f) + " " + page_title(site, code, f).lower()
                 for f in folders}
        for query in queries:
            words = [search_shards.normalise(w) for w in query.split()]
            truth = {f for f in folders if all(w in texts[f] for w in words)}
            items, exact = answered[query]["items"], answered[query]["exact"]
            pages = [g[0]["location"].split("#")[0].rstrip("/") or "home" for g in items]
            assert truth <= set(pages[:exact]), (code, query)
            if query in ("口罩", "咳", "汏手", "辰光"):  # one pair: nothing partial
                assert set(pages) == truth, (code, query)


def test_results_carry_sections_and_marks(site):
    groups = ask(lang_dir(site, "zh"), "检测")["检测"]
    first = groups[0]
    assert "#" not in first[0]["location"] or any("#" not in i["location"] for i in first)
    marked = [i for g in groups for i in g if "<mark>检测</mark>" in i["title"] + i["text"]]
    assert marked and all(i["terms"] == {"检测": True} for i in marked)
    sections = [i for i in first if "#" in i["location"]]
    assert sections and all(s["location"].startswith(first[0]["location"].split("#")[0])
                            for s in sections)
