"""Every known injection vector is reported by `guides check`, as an error at its line, and
none of them reaches a built page as anything a browser would run.

The vectors are in injection_vectors.py. Pages are built as `guides serve` builds them (it
keeps previewing pages with errors, with no Content-Security-Policy): what stops them there
is the build's own cleaning of every page, `guides.sanitize`.
"""

from __future__ import annotations

import html
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import REPO, Tree, build_site
from guides.limits import YAML_CODES
from guides.urls import is_remote, normalise_url, scheme_of
from injection_vectors import LIMIT_CODES, VECTORS, Vector

SAFETY_CODES = {"html.forbidden-tag", "html.event-attr", "html.unsafe-url",
                "html.remote-resource", "svg.unsafe", "fm.html", "file.active",
                # uploaded SVG and PDF files (h-svg)
                "svg.invalid", "pdf.active", "pdf.invalid",
                # numbers that lie (h-mistakes)
                "phone.mismatch", "phone.invisible", "phone.digit",
                *LIMIT_CODES}  # files over a limit (h-limits)
# front matter refused before parsing: the guide cannot be read (the preview shows a stand-in)
UNREAD = {vector.name for vector in VECTORS if vector.codes & YAML_CODES}
BUILT = [vector for vector in VECTORS if vector.name not in UNREAD]
BODY_LINE = 14  # the first body line of a guide written by Tree.guide


def write_vector(tree: Tree, vector: Vector, folder: str = "a") -> Path:
    tree.write(f"{folder}/x.png", b"\x89PNG\r\n\x1a\n")
    for name, text in vector.files.items():
        tree.write(f"{folder}/{name}", text)
    return tree.guide(folder, body=f"正文。\n\n{vector.markdown}\n", **vector.meta)


def expected_place(path: Path, vector: Vector) -> tuple[str, int]:
    """(file, line) where the finding belongs."""
    rel = path.parent.relative_to(path.parents[2]).as_posix()
    if vector.file:
        return f"{rel}/{vector.file}", 1 + vector.line
    if vector.meta:
        key = next(iter(vector.meta))
        lines = path.read_text(encoding="utf-8").split("\n")
        return f"{rel}/zh.md", next(i for i, line in enumerate(lines, 1)
                                     if line.startswith(f"{key}:"))
    return f"{rel}/zh.md", BODY_LINE + 2 + vector.line


def test_the_corpus_is_large_and_names_are_unique():
    names = [vector.name for vector in VECTORS]
    assert len(names) >= 40
    assert len(set(names)) == len(names)
    assert all(vector.codes <= SAFETY_CODES for vector in VECTORS)


@pytest.mark.parametrize("vector", VECTORS, ids=lambda vector: vector.name)
def test_vector_is_reported_as_an_error_at_its_line(tree, vector):
    path = write_vector(tree, vector)
    where = expected_place(path, vector)
    findings = tree.check().findings
    safety = [f for f in findings if f.code in SAFETY_CODES]
    assert {f.code for f in safety if f.severity == "error"} == vector.codes, safety
    assert {(f.path, f.line) for f in safety} == {where}, safety
    # the rest of the guide is valid: any other error is about the pasted lines only
    others = [f for f in findings if f.severity == "error" and f.code not in SAFETY_CODES]
    assert all(f.path == where[0] and f.line >= BODY_LINE + 2 for f in others), others


def test_messages_say_what_and_how_in_both_languages(tree):
    tree.guide("a", title="'<b onclick=\"x()\">标题</b>'", body="[点我](java\tscript:x())\n")
    found = sorted((f for f in tree.check().findings if f.severity == "error"),
                   key=lambda f: f.line)
    assert [f.format("en") for f in found] == [
        'content/a/zh.md:4: error: field "title" contains HTML: <b onclick="x()">标题</b> '
        "[fm.html]\n    hint: front-matter values are plain text: remove the angle brackets "
        "< > and the tags or attributes in them; put formatting in the text below",
        # the tab is shown as \t (the text report escapes control characters)
        "content/a/zh.md:14: error: javascript: URLs are not allowed: java\\tscript:x() "
        "[html.unsafe-url]\n    hint: use a web address, a site link or a tel: link"]
    assert found[0].format("zh").startswith(
        'content/a/zh.md:4: error: 字段 title 里有 HTML 代码：<b onclick="x()">标题</b> [fm.html]'
        "\n    提示：元数据只能写纯文字")


@pytest.mark.parametrize("markdown", [
    "`<script>` 在代码里只是文字",
    "``<img src=x onerror=alert(1)>`` 也是",
    "```html\n<script>alert(1)</script>\n```",
    "~~~\n<iframe src=x></iframe>\n~~~",
    "年龄 > 60 岁、体温 < 37.3 ℃ 的居民",
    "[电话](tel:12345) [邮件](mailto:a@example.com) <https://www.suzhou.gov.cn/>",
    '<details><summary>更多</summary>内容</details>',
    "<!-- 编辑备注：下周更新 -->",
])
def test_ordinary_text_is_not_reported(tree, markdown):
    tree.guide("a", title="居民须知：“五项”要点", summary="年龄>60岁的居民请注意。",
               body=f"{markdown}\n")
    assert [f for f in tree.check().findings if f.code in SAFETY_CODES] == []


# -- the built pages ----------------------------------------------------------------------

URL_ATTRS = {"href", "src", "action", "formaction", "srcset", "xlink:href", "poster", "data",
             "background", "cite", "ping"}
RESOURCE_ATTRS = {"src", "srcset", "poster", "data", "background"}
FETCHED = {"stylesheet", "preload", "prefetch", "modulepreload", "import", "icon", "manifest"}
EMBEDS = {"iframe", "frame", "object", "embed", "applet", "base", "form", "portal"}


class Dangers(HTMLParser):
    """Everything in a page that could run script or fetch from another host."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "script":
            self.in_script = values.get("src", "")
            if self.in_script:
                self.found.append(f"script src={self.in_script}")
        if tag in EMBEDS:
            self.found.append(f"<{tag} {sorted(values.items())}>")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.found.append(f"meta refresh {values.get('content')}")
        rel = set(values.get("rel", "").lower().split())
        if tag == "link" and rel & FETCHED and is_remote(values.get("href", "")):
            self.found.append(f"link {values['href']}")
        for name, value in values.items():
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if name in URL_ATTRS:
                urls = [p.split()[0] for p in value.split(",") if p.strip()] \
                    if name == "srcset" else [value]
                for url in urls:
                    if scheme_of(url) in ("javascript", "vbscript", "data", "livescript"):
                        self.found.append(f"<{tag} {name}={normalise_url(url)[:30]}>")
                    elif name in RESOURCE_ATTRS and is_remote(url):
                        self.found.append(f"<{tag} {name}={url}> (remote)")
            if name == "style" and re.search(r"url\(|expression", html.unescape(value), re.I):
                self.found.append(f"<{tag} style={value}>")

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        if self.in_script == "":  # an inline script: its text tells which one it is
            self.found.append("script " + re.sub(r"\s+", " ", data.strip())[:60])
        self.in_script = None


def dangers(text: str) -> list[str]:
    parser = Dangers()
    parser.feed(text)
    parser.close()
    return parser.found


def article(text: str) -> str:
    """The page's content: what Markdown made of the guide (between Material's markers)."""
    start = text.index('<article class="md-content__inner md-typeset">')
    return text[start:text.index("</article>", start)]


@pytest.fixture(scope="module")
def vector_site(tmp_path_factory) -> Path:
    """One guide per vector, plus a clean one, built with the repository's mkdocs.yml as
    `guides serve` builds it: the checks report errors, and the build goes on."""
    base = tmp_path_factory.mktemp("vectors")
    tree = Tree(base)
    shutil.copytree(REPO / "content" / "_data", tree.root / "_data")
    tree.guide("home", title="首页", body="[干净的页面](../clean/)\n")
    tree.guide("clean", title="干净的页面", body="## 现在就做\n\n- [ ] 洗手\n\n正文。\n")
    for vector in VECTORS:
        write_vector(tree, vector, folder=f"v-{vector.name}")
    config = load_config(config_file=str(REPO / "mkdocs.yml"), docs_dir=str(tree.root),
                         site_dir=str(base / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return base / "site"


def test_the_checks_report_errors_yet_the_preview_builds(vector_site):
    # every guide opens in the preview; one whose front matter was refused, as a stand-in
    assert {path.parent.name for path in vector_site.glob("v-*/index.html")} == \
        {f"v-{vector.name}" for vector in VECTORS}


@pytest.mark.parametrize("vector", [v for v in VECTORS if v.name in UNREAD],
                         ids=lambda vector: vector.name)
def test_a_guide_whose_front_matter_was_refused_is_a_stand_in(vector_site, vector):
    """Its YAML is never parsed for the page: the preview says why instead."""
    page = article((vector_site / f"v-{vector.name}/index.html").read_text(encoding="utf-8"))
    assert "这一页暂时显示不出来" in page
    assert dangers(page) == []


OVER_LIMITS = [vector for vector in BUILT if vector.codes & LIMIT_CODES]


@pytest.mark.parametrize("vector", OVER_LIMITS, ids=lambda vector: vector.name)
def test_a_page_over_a_limit_is_a_notice_in_the_preview(vector_site, vector):
    """Python-Markdown never sees it (minutes, or RecursionError): the preview says why."""
    page = article((vector_site / f"v-{vector.name}/index.html").read_text(encoding="utf-8"))
    assert "这一页超出了限制，预览里不显示正文" in page
    assert html.escape(vector.markdown[:40]) not in page, page


@pytest.mark.parametrize("vector", BUILT, ids=lambda vector: vector.name)
def test_nothing_executable_reaches_the_page(vector_site, vector):
    clean = (vector_site / "clean/index.html").read_text(encoding="utf-8")
    page = (vector_site / f"v-{vector.name}/index.html").read_text(encoding="utf-8")
    assert dangers(article(page)) == []
    assert sorted(dangers(page)) == sorted(dangers(clean))  # the theme's own, nothing more


def test_the_theme_alone_is_what_the_comparison_allows(vector_site):
    clean = (vector_site / "clean/index.html").read_text(encoding="utf-8")
    found = dangers(clean)
    theirs = ("script", "<form [('class', 'md-search__form')", "<a href=javascript:void(0)>")
    assert all(f.startswith(theirs) for f in found), found  # search box and share button
    assert any(f.startswith("script src=") for f in found)


# -- in a real browser, with the page's policy switched off ---------------------------------

TOUCH = """(root) => {
  const nodes = Array.from(document.querySelectorAll(root + ' *'));
  for (const node of nodes) {
    node.focus && node.focus();
    for (const type of ['mouseover', 'mouseenter', 'pointerover', 'focus', 'animationstart'])
      node.dispatchEvent(new Event(type, {bubbles: true}));
    // a click on anything but a link to a web page or an app (which would leave the page)
    const link = node.closest('a[href]');
    const leaves = link && ['http:', 'https:', 'tel:', 'mailto:'].includes(
      new URL(link.getAttribute('href'), location.href).protocol) &&
      !link.getAttribute('href').startsWith('#');
    if (!leaves && node.click) node.click();
  }
  return nodes.length;
}"""


class Watched:
    """A browser context without the page's policy (bypass_csp), where every dialog and
    every new window is recorded: a vector that ran opens one or sets window.__pwned."""

    def __init__(self, browser) -> None:
        from conftest import PHONE

        self.context = browser.new_context(**PHONE, bypass_csp=True)
        self.events: list[str] = []
        self.context.on("page", self._new_page)
        self.page = self.context.new_page()

    def _new_page(self, page) -> None:
        page.on("dialog", lambda d: (self.events.append(f"dialog {d.message}"), d.dismiss()))
        if len(self.context.pages) > 1:
            self.events.append(f"new window {page.url}")

    def visit(self, url: str) -> list[str]:
        page = self.page
        page.goto(url)
        page.wait_for_load_state("load")
        touched = page.evaluate(TOUCH, ".md-content__inner")
        for link in page.locator(".md-content__inner a, .md-content__inner img").all()[:20]:
            try:
                link.hover(timeout=500, force=True)
            except Exception:  # noqa: BLE001 - hidden or detached: nothing to hover
                pass
        page.wait_for_timeout(150)  # onerror of images, ontoggle, animations
        pwned = page.evaluate("window.__pwned")
        assert touched > 0, url  # the article is there
        return [*self.events, *([f"__pwned={pwned}"] if pwned is not None else [])]

    def close(self) -> None:
        self.context.close()


def test_no_vector_runs_in_a_browser(browser, vector_site):
    from conftest import serving

    with serving(vector_site) as root:
        watched = Watched(browser)
        try:
            ran = {}
            for vector in BUILT:
                events = watched.visit(f"{root}v-{vector.name}/")
                if events:
                    ran[vector.name] = list(events)
                watched.events.clear()
            assert ran == {}
        finally:
            watched.close()


def test_the_browser_test_sees_a_vector_that_runs(browser, vector_site):
    """The watch works: script put into the page by hand is seen, by flag and by dialog."""
    from conftest import serving

    with serving(vector_site) as root:
        watched = Watched(browser)
        try:
            assert watched.visit(f"{root}clean/") == []
            watched.page.evaluate("""() => {
              const a = document.createElement('a');
              a.href = 'javascript:alert(1)'; a.textContent = 'x';
              const img = document.createElement('img');
              img.setAttribute('onerror', '__pwned=1'); img.src = 'missing.png';
              document.querySelector('.md-content__inner').append(a, img);
              a.click();
            }""")
            watched.page.wait_for_timeout(300)
            assert watched.page.evaluate("window.__pwned") == 1
            assert watched.events == ["dialog 1"]
        finally:
            watched.close()


def test_search_results_run_nothing(browser, vector_site):
    """Titles and text of the vector pages, shown as search results."""
    from conftest import serving

    with serving(vector_site) as root:
        watched = Watched(browser)
        try:
            for query in ("onerror", "pwned", "img"):
                watched.page.goto(root)
                watched.page.click("label[for=__search]")
                watched.page.keyboard.insert_text(query)
                watched.page.keyboard.press("End")
                watched.page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
                watched.page.wait_for_timeout(300)
                for item in watched.page.locator(".md-search-result__item").all()[:10]:
                    item.hover(force=True)
                assert watched.page.evaluate("window.__pwned") is None, query
            assert watched.events == []
        finally:
            watched.close()


def test_markup_in_a_replacement_title_and_a_hotline_name_is_printed_as_text(tmp_path):
    """Both reach templates outside page.meta: the replacement guide's title (withdrawn
    banner) and the hotlines file's names."""
    tree = Tree(tmp_path)
    tree.guide("home", title="首页")
    tree.guide("new", title='新<img src=x onerror="__pwned=1">指南')
    tree.guide("old", title="旧指南", status="withdrawn", withdrawn_reason="不再适用。",
               replaced_by="new")
    tree.write("_data/hotlines.yml",
               '- number: "12345"\n  name: {zh: \'热线<img src=x onerror="__pwned=1">\'}\n')
    out = build_site(tree, command="serve")
    page = (out / "old/index.html").read_text(encoding="utf-8")
    assert "onerror" in page and '<img src=x onerror="__pwned=1">' not in page
    assert "新&lt;img src=x onerror=&#34;__pwned=1&#34;&gt;指南" in page or \
        "新&lt;img src=x onerror=&quot;__pwned=1&quot;&gt;指南" in page
    assert "热线&lt;img" in (out / "index.html").read_text(encoding="utf-8")
