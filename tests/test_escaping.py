"""Issue 16 item 2 (h-input): every front-matter value, and every hotline name, is printed
as the text the editor wrote, wherever the theme prints it: `<title>`, `<meta>` contents,
headings, navigation, banners, history, the search index. The template engine escapes them
(autoescape), so no value can leave its element or attribute, whatever it looks like.

The pages are built as `guides serve` builds them (errors do not stop it, and there is no
Content-Security-Policy), read back with an HTML parser, and opened in Chromium.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_injection import Watched, dangers

from conftest import Tree, build_site

SITE_NAME = "测试站"  # site_name in conftest.CONFIG
HOSTILE = [
    '须知" http-equiv="refresh" content="0;url=https://evil.example/',
    "标题' autofocus onfocus='__pwned=1",
    "标题` onmouseover=`__pwned=1",
    "</title><script>__pwned=1</script>",
    "</script><script>__pwned=1</script>",
    '说明"\nhttp-equiv="refresh"\ncontent="0;url=//evil.example/',
    '说明"\tonfocus="__pwned=1"\tautofocus="',
    "&lt;img src=x onerror=__pwned=1&gt; &amp; &quot;",
    "javascript:__pwned=1",
    "Q&A: it's \"fine\" <ok> {{ 7*7 }}",
]


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def norm(text: str) -> str:
    return " ".join(text.split())


class Page(HTMLParser):
    """Elements with their attributes, and the text inside each element of interest."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = text
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.stack: list[tuple[str, dict[str, str], list[str]]] = []
        self.texts: list[tuple[str, dict[str, str], str]] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        values = {k: v or "" for k, v in attrs}
        self.elements.append((tag, values))
        if tag not in ("meta", "link", "img", "br", "input", "source", "hr", "path"):
            self.stack.append((tag, values, []))

    def handle_endtag(self, tag):
        while self.stack:
            name, attrs, text = self.stack.pop()
            self.texts.append((name, attrs, "".join(text)))
            if self.stack:
                self.stack[-1][2].append("".join(text))
            if name == tag:
                break

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][2].append(data)

    def meta(self, key: str, value: str) -> list[str]:
        return [a.get("content", "") for t, a in self.elements if t == "meta" and a.get(key) == value]

    def text_of(self, tag: str, cls: str = "") -> list[str]:
        return [norm(text) for t, a, text in self.texts
                if t == tag and (not cls or cls in a.get("class", "").split())]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("escaping")
    tree = Tree(base)
    tree.guide("home", title="首页")
    tree.guide("clean", title="干净的页面")
    tree.guide("audio", audio=q("javascript:__pwned=1//x.mp3"))  # a value that is a URL
    for i, text in enumerate(HOSTILE):
        tree.guide(f"g{i}", title=q(text), summary=q(text), status="withdrawn",
                   withdrawn_reason=q(text), replaced_by=f"r{i}", owner=q(text),
                   history=f"[{{version: 1, date: 2026-11-01, note: {q(text)}}}]")
        tree.guide(f"r{i}", title=q(text))
    numbers = ("120", "110", "119", "12345", "12320")
    tree.write("_data/hotlines.yml", "".join(
        f'- number: "{number}"\n  name: {{zh: {q(text)}}}\n'
        for number, text in zip(numbers, HOSTILE, strict=False)))
    return build_site(tree, command="serve")


@pytest.mark.parametrize("i", range(len(HOSTILE)))
def test_each_value_is_text_wherever_it_is_printed(hostile_site, i):
    text = HOSTILE[i]
    page = Page((hostile_site / f"g{i}/index.html").read_text(encoding="utf-8"))
    assert norm(f"{text} - {SITE_NAME}") in page.text_of("title")  # (and the QR code's)
    assert [norm(v) for v in page.meta("property", "og:title")] == [norm(text)]
    assert [norm(v) for v in page.meta("property", "og:description")] == [norm(text)]
    assert [norm(v) for v in page.meta("name", "description")] == [norm(text)]
    assert norm(text) in page.text_of("h1")
    assert norm(text) in page.text_of("p")  # the withdrawn reason
    assert norm(text) in page.text_of("a")  # the replacement guide, and the menu
    assert any(norm(text) in li for li in page.text_of("li"))  # the history note
    # nothing it says became an element or an attribute
    refresh = [a for t, a in page.elements if t == "meta" and "http-equiv" in a]
    assert refresh == []
    for tag, attrs in page.elements:
        assert not {"autofocus", "onfocus", "onmouseover", "onerror"} & set(attrs), (tag, attrs)
    clean = (hostile_site / "clean/index.html").read_text(encoding="utf-8")
    assert sorted(dangers(page.source)) == sorted(dangers(clean))


def test_the_missing_translation_page_shows_the_title_as_text(hostile_site):
    for i, text in enumerate(HOSTILE):
        page = Page((hostile_site / f"en/g{i}/index.html").read_text(encoding="utf-8"))
        assert norm(text) in page.text_of("h1"), i


def test_hotline_names_are_text(hostile_site):
    page = Page((hostile_site / "index.html").read_text(encoding="utf-8"))
    names = page.text_of("span", "sw-hotline__name")
    for text in HOSTILE[:5]:
        assert norm(text) in names


def test_search_results_hold_titles_as_escaped_html(hostile_site):
    """Material shows search titles as HTML. The index holds plain text since the ranked
    engine (issue 13), so the worker must hand every title over escaped."""
    from searching import ask

    groups = ask(hostile_site, "pwned")["pwned"]
    titles = " ".join(item["title"] for group in groups for item in group)
    assert "&lt;/title&gt;&lt;script&gt;" in titles
    assert "<script>" not in titles and "</title>" not in titles


def test_search_results_show_titles_and_text_escaped(hostile_site):
    """Material shows search titles and texts as HTML: the search files hold plain text
    (guides/search_shards.py) and the worker escapes everything it returns, adding only
    <mark> and its copies count (search-worker.js), so no markup from content reaches the
    results."""
    from searching import ask

    found = ""
    for path in (hostile_site / "search").rglob("*.json"):
        found += path.read_text(encoding="utf-8")
    assert "</title><script>" in found  # as text: nothing in them is ever markup
    shown = "".join(item["title"] + item["text"] for groups in
                    ask(hostile_site, "script", "title").values()
                    for group in groups for item in group)
    assert "&lt;/title&gt;&lt;<mark>script</mark>&gt;" in shown
    # s-fold: the worker's own <small> after a title counts a guide's copies; its words
    # come from the stub's strings and are escaped too
    assert set(re.findall(r"<\s*/?\s*([a-zA-Z]+)", shown)) <= {"mark", "small"}
    assert set(re.findall(r"<small[^>]*>", shown)) <= {'<small class="sw-copies">'}


def test_no_value_runs_or_navigates_in_a_browser(browser, hostile_site):
    from conftest import serving

    with serving(hostile_site) as root:
        watched = Watched(browser)
        try:
            ran = {}
            for i in range(len(HOSTILE)):
                url = f"{root}g{i}/"
                events = watched.visit(url)
                watched.page.wait_for_timeout(700)  # a refresh of 0 s would have left
                if events or watched.page.url != url or \
                        watched.page.evaluate("window.__pwned") is not None:
                    ran[i] = [*events, watched.page.url]
                watched.events.clear()
            assert ran == {}
            # the title the browser shows is the text itself
            watched.page.goto(f"{root}g3/")
            assert watched.page.title() == f"{HOSTILE[3]} - {SITE_NAME}"
        finally:
            watched.close()


def test_template_syntax_in_a_value_is_not_evaluated(hostile_site):
    page = (hostile_site / f"g{len(HOSTILE) - 1}/index.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in page and not re.search(r"\b49\b", page)


def test_a_value_that_becomes_a_url_cannot_be_a_script(hostile_site):
    page = Page((hostile_site / "audio/index.html").read_text(encoding="utf-8"))
    sources = [a for t, a in page.elements if t == "source"]
    assert sources == [{"src": "", "type": "audio/mpeg"}]


def test_json_in_a_script_stays_inside_it(tmp_path):
    """For JSON in a page (JSON-LD, a script's data): `| tojson` in the build's own template
    environment keeps every value inside its <script>, and it parses back unchanged."""
    from mkdocs.config import load_config

    from conftest import REPO
    from guides.plugin import _escaping

    config = load_config(config_file=str(REPO / "mkdocs.yml"))
    env = config.theme.get_env()
    _escaping(env, config)
    template = env.from_string(
        '<script type="application/ld+json">{{ {"name": value} | tojson }}</script><p>{{ value }}</p>')
    for value in HOSTILE:
        page = Page(template.render(value=value))
        scripts = [t for t, a, text in page.texts if t == "script"]
        assert [t for t, a in page.elements] == ["script", "p"], value
        data = next(text for t, a, text in page.texts if t == "script")
        assert json.loads(data) == {"name": value} and len(scripts) == 1
        assert norm(value) in page.text_of("p")
