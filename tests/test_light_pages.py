"""Lighter full pages (issue 17): Material's stylesheet cut to the rules the site uses
(guides/cssreduce.py), the first screen's rules in a small cached file, the full stylesheet and
Material's bundle off the rendering path (guides/lighten.py, shouwang.js).

The pages must look as they did: every kind of page, in normal and care mode, is
photographed in Chromium (phone viewport) in the site built with the step and in the same
site built without it, and the two pictures may differ only in a few pixels."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from offline_pages import cached_urls, controlled_page, wait_for

from conftest import PHONE, REPO, serving
from guides import csp, cssreduce, lighten
from guides.compressed import PRECOMPRESSED

# -- the reduction, on small stylesheets ------------------------------------------------------


def words(html: str = "", script: str = "") -> cssreduce.Vocabulary:
    found = cssreduce.vocabulary(html)
    found.update(cssreduce.script_vocabulary(script))
    return found


def test_a_rule_is_kept_only_when_every_name_it_needs_is_used():
    css = (".a{color:red}.b{color:blue}.a .b{margin:0}.a,.gone{padding:0}#x{top:0}"
           "#gone{top:1px}p{line-height:2}table{border:0}[data-x]{left:0}[data-y]{left:1px}")
    out = cssreduce.reduce(css, words('<p class="a" id="x" data-x="1">'))
    assert out == ".a{color:red}.a{padding:0}#x{top:0}p{line-height:2}[data-x]{left:0}"


def test_names_in_scripts_count_as_used():
    """Material's bundle adds classes at run time (search results, the open drawer)."""
    css = ".md-search-result__item{color:red}.md-unused{color:blue}"
    out = cssreduce.reduce(css, words("<p>", 'el.classList.add("md-search-result__item")'))
    assert out == ".md-search-result__item{color:red}"


def test_names_inside_selector_functions_are_not_required():
    css = ".a:not(.gone){color:red}.a :is(h1,h9){margin:0}.gone:not(.a){top:0}"
    assert cssreduce.reduce(css, words('<p class="a">')) == \
        ".a:not(.gone){color:red}.a :is(h1,h9){margin:0}"


def test_attribute_values_the_pages_never_have_are_dropped():
    css = "[dir=ltr] .a{left:0}[dir=rtl] .a{right:0}[data-md-color-scheme=slate]{color:#000}"
    out = cssreduce.reduce(css, words('<html dir="ltr"><p class="a">', "rtl slate"))
    assert out == "[dir=ltr] .a{left:0}"


def test_unused_custom_properties_and_keyframes_go():
    css = (":root{--used:1px;--chain:var(--used);--unused:2px}"
           ".a{margin:var(--chain);animation:spin 1s}"
           "@keyframes spin{to{transform:rotate(1turn)}}@keyframes fade{to{opacity:0}}")
    out = cssreduce.reduce(css, words('<p class="a">'))
    assert out == (":root{--used:1px;--chain:var(--used)}.a{margin:var(--chain);"
                   "animation:spin 1s}@keyframes spin{to{transform:rotate(1turn)}}")


def test_empty_media_blocks_go_and_others_keep_their_query():
    css = "@media screen and (min-width:60em){.a{top:0}.gone{top:1px}}@media print{.gone{x:y}}"
    assert cssreduce.reduce(css, words('<p class="a">')) == \
        "@media screen and (min-width:60em){.a{top:0}}"


def test_first_paint_leaves_out_what_only_the_readers_action_shows():
    css = ".a{color:red}.a:hover{color:blue}#t:checked~.a{top:0}@media print{.a{color:#000}}"
    sheet = cssreduce.Stylesheet.parse(css)
    assert sheet.reduce(words('<p class="a"><input id="t">'), first_paint=True) == \
        ".a{color:red}"


def test_a_broken_stylesheet_is_refused():
    with pytest.raises(ValueError, match="CSS parse error"):
        cssreduce.reduce("p{color:red} .a", words())


def test_the_first_screen_stops_after_a_screenful_and_skips_the_closed_drawer():
    filler = "字" * (cssreduce.FIRST_SCREEN_TEXT + 10)
    html = (f'<html><body><div class="md-sidebar"><div class="md-sidebar__scrollwrap">'
            f'<a class="md-nav__link">x</a></div></div><h1 class="top">{filler}</h1>'
            f'<p class="below">y</p></body></html>')
    found = cssreduce.first_screen(html)
    assert {"md-sidebar", "md-sidebar__scrollwrap", "top", "sw-js", "sw-care", "js"} == \
        found.classes


def test_inline_style_hashes_are_in_the_policy():
    html = "<head><style>p{color:red}</style></head>"
    assert "style-src 'self' 'sha256-" in csp.policy(html)
    assert "'unsafe-inline'" not in csp.policy(html)


# -- the built site ---------------------------------------------------------------------------

def test_pages_load_the_reduced_stylesheet_and_no_bundle(site: Path):
    sheets = sorted(site.glob("assets/stylesheets/site.*.css"))
    assert len(sheets) == 1
    material = next(site.glob("assets/stylesheets/main.*.min.css"))
    assert sheets[0].stat().st_size < material.stat().st_size / 1.5
    for page in lighten.html_files(site, "zh"):
        text = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text or page.parent.name == "lite":
            continue  # redirects; lite pages (guides/outputs/lite.py, written afterwards) have no Material
        assert "main." not in re.sub(r"<main[ >]", "", text).replace("md-main", ""), page
        assert re.search(r'<link rel="stylesheet" href="[^"]*site\.[0-9a-f]{10}\.css">\n'
                         r"</body>", text), page
        head = text.split("</head>", 1)[0]
        assert re.search(r'<link rel="stylesheet" href="[^"]*/(first\.[0-9a-f]{10}\.css)">',
                         head), page
        assert "<style" not in text, page  # the first screen's rules are a cached file now
        assert re.search(r'<link rel="icon" href="[^"]*/favicon\.[0-9a-f]{10}\.png">', head), page
        assert f'content="{csp.policy(text)}"' in text, page
        if 'class="sw-toolbar' in text:  # our pages: the bundle waits for the reader
            assert not re.search(r'<script src="[^"]*bundle\.', text), page
            assert re.search(r'data-sw-bundle="[^"]*bundle\.[0-9a-f]{8}\.min\.js"', text), page
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert f'"assets/stylesheets/{sheets[0].name}"' in worker
    first = next(site.glob("assets/stylesheets/first.*.css"))
    rules = first.read_text(encoding="utf-8")
    assert ".md-header{" in rules and ".md-typeset h1" in rules
    assert len(rules) < sheets[0].stat().st_size / 3  # the first screen's rules only
    assert f'"assets/stylesheets/{first.name}"' in worker  # cached on install, for offline
    assert re.search(r'"assets/images/favicon\.[0-9a-f]{10}\.png"', worker)


@pytest.mark.parametrize("path", ["testing-guide/", "volunteer-tips/", "hotlines/",
                                  "en/testing-guide/", "wuu/"])
def test_the_next_page_costs_its_html_only(site: Path, path: str):
    """Everything a page loads besides its HTML is named by its content (cached for good:
    deploy/nginx.conf and the S3 publish mark it immutable), so the next page of a visit
    downloads its HTML and nothing else. The shared first-screen rules are the same file
    on every page of a language."""
    from guides.publishing.manifest import HASHED

    html = (site / path / "index.html").read_text(encoding="utf-8")
    loaded = re.findall(r'<link rel="(?:stylesheet|icon)" href="([^"]+)"', html) + \
        re.findall(r'<script src="([^"]+)"', html)
    assert len(loaded) == 4, loaded  # first-screen rules, favicon, full stylesheet, our script
    for href in loaded:
        assert HASHED.search(href), href
        assert (site / path / href).resolve().is_file(), href
    # what runs with Material's bundle on the first touch: named by content too
    hook = re.search(r'data-sw-hook="([^"]+)"', html).group(1)
    later = [hook, re.search(r'data-sw-bundle="([^"]+)"', html).group(1)]
    assert all(HASHED.search(href) and (site / path / href).resolve().is_file()
               for href in later), later
    code = (site / path / hook).resolve().read_text(encoding="utf-8")
    assert "function Lazy" in code and code.startswith("__md_scope=")
    inline = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(inline) == 1 and "sw-care" in inline[0]  # the first paint's, and no other
    assert "__md_" not in html and "search_index" not in html
    root = site / ("en/" if path.startswith("en/") else "wuu/" if path.startswith("wuu/") else "")
    home = (root / "index.html").read_text(encoding="utf-8")
    first = re.search(r'href="[^"]*/(first\.[0-9a-f]{10}\.css)"', html).group(1)
    assert first in home


# -- before and after, in Chromium ------------------------------------------------------------

PAGES = ["", "testing-guide/", "volunteer-shift-checklist/", "volunteer-tips/", "hotlines/",
         "en/testing-guide/", "wuu/"]
# Share of pixels that may differ by more than a faint shade (anti-aliasing).
BOUND = 0.005


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory, site: Path) -> Path:
    """The same site built without the lighter-page step: Material's full stylesheet, our
    stylesheet and the bundle loaded as before."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    tmp = tmp_path_factory.mktemp("plain")
    content = tmp / "content"
    shutil.copytree(REPO / "content", content)
    source = content / "testing-guide/zh.md"  # as the `site` fixture does
    text = source.read_text(encoding="utf-8")
    version = int(re.search(r"^version: (\d+)$", text, re.M).group(1))
    source.write_text(text.replace(f"\nversion: {version}\n", f"\nversion: {version + 1}\n",
                                   1), encoding="utf-8")
    config = load_config(config_file=str(REPO / "mkdocs.yml"), docs_dir=str(content),
                         site_dir=str(tmp / "site"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(lighten, "lighten_site", lambda *args, **kwargs: "")
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    assert next((tmp / "site").glob("assets/stylesheets/site.*.css"), None) is None
    return tmp / "site"


def shoot(browser, url: str, care: bool, full_page: bool = True) -> bytes:
    context = browser.new_context(**PHONE, service_workers="block")
    if care:
        context.add_init_script("localStorage.setItem('sw-care', 'on')")
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready")
    data = page.screenshot(full_page=full_page, animations="disabled")
    context.close()
    return data


def differing(a: bytes, b: bytes) -> float:
    """Share of pixels that differ by more than 24 (of 255) in some channel."""
    from PIL import Image, ImageChops

    one, two = Image.open(io.BytesIO(a)).convert("RGB"), Image.open(io.BytesIO(b)).convert("RGB")
    if one.size != two.size:
        return 1.0
    diff = ImageChops.difference(one, two).convert("L").point(lambda v: 255 if v > 24 else 0)
    return diff.histogram()[255] / (one.size[0] * one.size[1])


@pytest.mark.parametrize("care", [False, True], ids=["normal", "care"])
@pytest.mark.parametrize("path", PAGES)
def test_pages_look_as_they_did_before_the_reduction(browser, site, plain_site, path, care,
                                                     tmp_path):
    with serving(plain_site) as before_url, serving(site) as after_url:
        before = shoot(browser, before_url + path, care)
        after = shoot(browser, after_url + path, care)
    share = differing(before, after)
    if share > BOUND:
        (tmp_path / "before.png").write_bytes(before)
        (tmp_path / "after.png").write_bytes(after)
    assert share <= BOUND, f"{share:.2%} of pixels differ; pictures in {tmp_path}"


def test_a_reduction_that_drops_what_a_page_uses_is_caught(browser, site, tmp_path):
    """The comparison can fail: the same page with its header's rules missing."""
    broken = tmp_path / "site"
    shutil.copytree(site, broken)
    sheet = next(broken.glob("assets/stylesheets/site.*.css"))
    for copy in PRECOMPRESSED:
        Path(f"{sheet}{copy}").unlink(missing_ok=True)
    sheet.write_text(sheet.read_text(encoding="utf-8").replace(".md-header{", ".gone{"),
                     encoding="utf-8")
    first = next(broken.glob("assets/stylesheets/first.*.css"))
    for copy in PRECOMPRESSED:
        Path(f"{first}{copy}").unlink(missing_ok=True)
    first.write_text(first.read_text(encoding="utf-8").replace(".md-header{", ".gone{"),
                     encoding="utf-8")
    with serving(site) as good_url, serving(broken) as broken_url:
        good = shoot(browser, good_url + "testing-guide/", False)
        bad = shoot(browser, broken_url + "testing-guide/", False)
    assert differing(good, bad) > BOUND


@pytest.mark.parametrize("path", ["testing-guide/", "volunteer-shift-checklist/"])
def test_the_first_screen_is_drawn_before_the_full_stylesheet_arrives(browser, site, path):
    """With the full stylesheet held back, the first screen already looks as it will."""
    with serving(site) as url:
        final = shoot(browser, url + path, False, full_page=False)
        context = browser.new_context(**PHONE, service_workers="block")
        page = context.new_page()
        held: list = []  # the full stylesheet's request, never answered
        context.route(re.compile(r".*/site\.[0-9a-f]{10}\.css$"),
                      lambda route: held.append(route))
        page.goto(url + path, wait_until="commit")
        page.locator("h1").first.wait_for()
        page.wait_for_function("() => document.querySelector('link[href*=\"/site.\"]')")
        early = page.screenshot(animations="disabled")
        assert page.evaluate("[...document.styleSheets].filter(s => s.href && "
                             "s.href.includes('/site.') && s.cssRules).length") == 0
        context.close()
    assert differing(final, early) <= BOUND


def test_the_bundle_waits_for_the_reader_and_the_menu_works(browser, site):
    with serving(site) as url:
        context = browser.new_context(**PHONE, service_workers="block")
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(url + "testing-guide/")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        assert not [u for u in requests if "bundle." in u]
        page.click(".md-header label[for=__drawer]")
        page.wait_for_function("() => window.document$ !== undefined")
        drawer = page.locator(".md-sidebar--primary")
        page.wait_for_function("() => document.querySelector('.md-sidebar--primary')"
                               ".getBoundingClientRect().left >= 0")
        assert drawer.locator("a.md-nav__link").first.is_visible()
        assert [u for u in requests if "bundle." in u]
        assert page.evaluate("document.documentElement.classList.contains('js')")
        context.close()


@pytest.mark.parametrize("path", ["", "testing-guide/", "volunteer-shift-checklist/",
                                  "ngo-contingency-plan/", "en/testing-guide/"])
def test_first_load_budget(site: Path, path: str):
    """What a first visit downloads, counted from the build's .gz files (BENCHMARKS.md
    "Page weight" measures it in Chromium): at most 45 KB in at most 6 requests."""
    root = site / ("en" if path.startswith("en/") else "")
    html = (site / path / "index.html").read_text(encoding="utf-8")
    loaded = re.findall(r'<link rel="(?:stylesheet|icon)" href="([^"]+)"', html) + \
        re.findall(r'<script src="([^"]+)"', html)
    files = [site / path / "index.html"] + [(site / path / href).resolve() for href in loaded]
    assert all(f.is_relative_to(root.resolve()) or f == site / path / "index.html"
               for f in files)
    size = sum((Path(f"{f}.gz") if Path(f"{f}.gz").is_file() else f).stat().st_size
               for f in files)
    assert len(files) <= 6 and size <= 45_000, (len(files), size)
    assert not any("bundle." in str(f) for f in files)


def test_material_config_is_compacted_and_idle_scripts_go():
    """Material's page configuration keeps its meaning in fewer bytes (and cannot close its
    script element); its palette and tabs scripts go only where they could do nothing."""
    config = ('<script id="__config" type="application/json">{"base": "..", "tags": null, '
              '"translations": {"x": "\\u5df2 \\u003c/script\\u003e \\u0026"}}</script>')
    palette = '<script>var palette=__md_get("__palette");if(palette){}</script>\n'
    tabbed = ('<script>var target=document.getElementById(location.hash.slice(1));target&&'
              'target.name&&(target.checked=target.name.startsWith("__tabbed_"))</script>\n')
    page = (f'<head><link rel="stylesheet" href="assets/stylesheets/main.0123abcd.min.css">'
            f'{palette}{tabbed}</head><body>{config}</body>')
    html = lighten.lighten_page(page, "first.0123456789.css", "site.0123456789.css", "a.css",
                                "a.js")
    assert ('{"base":"..","translations":{"x":"已 \\u003c/script\\u003e \\u0026"}}</script>'
            in html)
    assert "__palette" not in html and "__tabbed_" not in html
    kept = lighten.lighten_page(page.replace("<body>", '<body><form data-md-component="palette">'
                                             '<input id="__tabbed_1_1"></form>'),
                                "first.0123456789.css", "site.0123456789.css", "a.css", "a.js")
    assert palette.strip() in kept and tabbed.strip() in kept


# -- light3: the drawer's page list in one shared file per language (guides/navmenu.py) -------

ITEM = ('<li class="md-nav__item{active}">\n<a href="{href}" class="md-nav__link">\n'
        '<span class="md-ellipsis">\n{title}\n</span>\n</a>\n</li>')


def menu_page(hrefs: list[str], active: int | None) -> str:
    items = "\n".join(ITEM.format(href=h, title=f"T{i}",
                                  active=" md-nav__item--active" if i == active else "")
                      for i, h in enumerate(hrefs))
    return ('<body><nav class="md-nav md-nav--primary" aria-label="m" data-md-level="0">\n'
            '<label class="md-nav__title" for="__drawer">Site</label>\n'
            f'<ul class="md-nav__list" data-md-scrollfix>\n{items}\n</ul>\n</nav>'
            '<div class="md-content">x</div></body>')


def test_the_menu_is_shared_and_each_page_keeps_the_home_item_and_its_own():
    from guides import navmenu

    home = navmenu.read_menu(menu_page([".", "a/", "b/"], 0), "index.html")
    a = navmenu.read_menu(menu_page(["..", "./", "../b/"], 1), "a/index.html")
    assert home.targets == a.targets == ["", "a/", "b/"]
    pairs = navmenu.shared_list([home, a])
    assert [t for t, _ in pairs] == ["", "a/", "b/"]
    shared = navmenu.script(pairs)
    # links relative to the file (assets/javascripts/), each as written where not current
    assert re.findall(r'href=\\"([^"\\]*)\\"', shared) == ["../../", "../../a/", "../../b/"]
    assert "md-nav__item--active" not in shared
    page = navmenu.cut(menu_page(["..", "./", "../b/"], 1), a, "../assets/x.js")
    assert re.findall(r'<a href="([^"]*)"', page) == ["..", "./"]
    assert 'data-md-scrollfix data-sw-nav="../assets/x.js">' in page


def test_menus_that_disagree_or_are_absolute_are_left_alone():
    from guides import navmenu

    one = navmenu.read_menu(menu_page([".", "a/"], 0), "index.html")
    other = navmenu.read_menu(menu_page(["..", "./", "../c/"], 1), "a/index.html")
    assert navmenu.shared_list([one, other]) is None
    assert navmenu.read_menu(menu_page(["/.", "/a/"], None), "404.html") is None
    assert navmenu.read_menu("<p>no menu</p>", "x/index.html") is None


def test_the_chromes_icons_move_to_the_stylesheet_and_the_articles_stay():
    from guides import icons

    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
           '<path d="M3 6h18v2H3z"/></svg>')
    page = f'<header>{svg}</header><div class="md-content"><p>{svg}</p></div>'
    found: dict[str, str] = {}
    out = icons.replace(page, found)
    cls = icons.name("M3 6h18v2H3z")
    assert out == (f'<header><svg class="{cls}" viewBox="0 0 24 24"></svg></header>'
                   f'<div class="md-content"><p>{svg}</p></div>')
    css = icons.stylesheet(found)
    assert css.startswith(f".{cls}{{background-color:currentcolor;")
    assert "mask:url(\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'" in css
    assert "M3 6h18v2H3z" in css


def top_links(html: str) -> list[str]:
    """The primary menu's links that lead to pages (not a page's own sections)."""
    nav = html.split('<nav class="md-nav md-nav--primary"', 1)[1]
    nav = nav.split('<div class="md-sidebar md-sidebar--secondary"', 1)[0]
    nav = nav.split('<div class="md-content"', 1)[0]
    return [h for h in re.findall(r'<a href="([^"]*)" class="md-nav__link[" ]', nav)
            if not h.startswith("#")]


def site_path(page: str, href: str) -> str:
    import posixpath

    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
    return "" if path == "." else path + "/"


MENU_PAGES = ["index.html", "testing-guide/index.html", "ngo-contingency-plan/index.html",
              "updates/index.html", "en/volunteer-tips/index.html", "wuu/index.html",
              "wuu/hotlines/index.html"]


@pytest.mark.parametrize("page", MENU_PAGES)
def test_the_shared_menu_holds_what_the_page_held(site, plain_site, page):
    """The page keeps the home item and its own; the shared file has the whole list, the
    same pages in the same order as Material's menu in the build without the step."""
    import json

    html = (site / page).read_text(encoding="utf-8")
    plain = [site_path(page, h) for h in top_links((plain_site / page).read_text("utf-8"))]
    kept = [site_path(page, h) for h in top_links(html)]
    root = page.split("/")[0] + "/" if page.split("/")[0] in ("en", "wuu") else ""
    own = page[len(root):].removesuffix("index.html")
    assert kept == [root] + ([root + own] if own else []), kept
    assert len(plain) >= 7
    src = re.search(r'data-sw-nav="([^"]+)"', html).group(1)
    assert re.fullmatch(r"(\.\./)*assets/javascripts/nav\.(zh|en|wuu)\.[0-9a-f]{10}\.js", src)
    from guides.publishing.manifest import HASHED

    assert HASHED.search(src)  # cached for good by nginx and the S3 publish
    file = site_path(page, src).rstrip("/")
    code = (site / file).read_text(encoding="utf-8")
    assert code.startswith("swNav(") and code.endswith(")\n")
    shared = json.loads(code[len("swNav("):-2])
    assert [site_path(file, h) for h in top_links(
        '<nav class="md-nav md-nav--primary">' + shared)] == plain
    worker = (site / root / "sw.js").read_text(encoding="utf-8")
    assert f'"{file[len(root):]}"' in worker.split("const ASSETS = ", 1)[1].split(";", 1)[0]


MENU_JS = """() => [...document.querySelectorAll('.md-sidebar--primary [data-sw-nav] > li')]
  .map(li => [li.querySelector(':scope > a.md-nav__link').href,
              li.classList.contains('md-nav__item--active'),
              !!li.querySelector('.md-nav--secondary a[href^="#"]')])"""


def plain_menu(browser, url: str, path: str) -> list[str]:
    context = browser.new_context(**PHONE, service_workers="block")
    page = context.new_page()
    page.goto(url + path)
    links = page.eval_on_selector_all(".md-sidebar--primary .md-nav--primary > ul > li > "
                                      "a.md-nav__link", "els => els.map(e => e.href)")
    context.close()
    return [link[len(url):] for link in links]


@pytest.mark.parametrize("path", ["ngo-contingency-plan/", "en/testing-guide/"])
def test_the_menu_opens_on_a_phone_and_lists_every_guide(browser, site, plain_site, path):
    with serving(plain_site) as plain_url:
        expected = plain_menu(browser, plain_url, path)
    with serving(site) as url:
        context = browser.new_context(**PHONE, service_workers="block")
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        assert len(page.evaluate(MENU_JS)) == 2  # nothing fetched before the reader acts
        page.click(".md-header label[for=__drawer]")
        page.wait_for_function("() => document.querySelector('[data-sw-nav]')"
                               ".getAttribute('data-sw-nav-state') === 'done'")
        page.wait_for_function("() => document.querySelector('.md-sidebar--primary')"
                               ".getBoundingClientRect().left >= 0")
        items = page.evaluate(MENU_JS)
        assert [href[len(url):] for href, _, _ in items] == expected
        assert [(href[len(url):], toc) for href, active, toc in items if active] == \
            [(path, True)]  # the current page, with its sections
        links = page.locator(".md-sidebar--primary [data-sw-nav] > li > a.md-nav__link")
        assert links.nth(len(expected) - 1).is_visible()
        links.nth(2).click()  # a guide from the shared list opens
        page.wait_for_load_state()
        assert page.url == url + expected[2]
        assert errors == []
        context.close()


def test_the_sidebar_lists_every_guide_at_once_on_a_wide_screen(browser, site):
    with serving(site) as url:
        context = browser.new_context(viewport={"width": 1400, "height": 900},
                                      service_workers="block")
        page = context.new_page()
        page.goto(url + "testing-guide/")
        page.wait_for_function("() => document.querySelector('[data-sw-nav]')"
                               ".getAttribute('data-sw-nav-state') === 'done'")
        assert len(page.evaluate(MENU_JS)) > 8
        assert page.locator(".md-sidebar--primary a[href$='/hotlines/']").is_visible()
        context.close()


def test_without_javascript_the_menu_leads_home(browser, site):
    with serving(site) as url:
        context = browser.new_context(**PHONE, java_script_enabled=False)
        page = context.new_page()
        page.goto(url + "ngo-contingency-plan/")
        page.click(".md-header label[for=__drawer]")
        home = page.locator(".md-sidebar--primary [data-sw-nav] > li > a.md-nav__link").first
        home.wait_for(state="visible")
        home.click()
        page.wait_for_load_state()
        assert page.url == url
        assert page.locator(".md-content a[href='hotlines/']").count() >= 1  # lists the guides
        context.close()


def test_the_menu_opens_offline(browser, site):
    """The shared list is installed with the service worker: offline, on a page the reader
    never opened online, the menu still lists every guide."""
    with serving(site) as url:
        context, page = controlled_page(browser, url)
        nav = re.compile(r"/nav\.zh\.[0-9a-f]{10}\.js$")

        def cached() -> bool:
            urls = cached_urls(page)
            return (any(u.endswith("/volunteer-tips/") for u in urls)
                    and any(nav.search(u) for u in urls))

        # the worker fills its cache 5 s after the page has loaded
        wait_for(cached, 30, "the page or the menu was never cached")
        context.set_offline(True)
        page.goto(url + "volunteer-tips/")
        page.click(".md-header label[for=__drawer]")
        page.wait_for_function("() => document.querySelector('[data-sw-nav]')"
                               ".getAttribute('data-sw-nav-state') === 'done'")
        assert len(page.evaluate(MENU_JS)) > 8
        context.close()


def test_a_menu_file_that_fails_leaves_the_pages_items_and_is_tried_again(browser, site):
    with serving(site) as url:
        context = browser.new_context(**PHONE, service_workers="block")
        failed: list[str] = []

        def once(route):
            if failed:
                route.continue_()
            else:
                failed.append(route.request.url)
                route.abort()

        context.route(re.compile(r".*/nav\.zh\.[0-9a-f]{10}\.js$"), once)
        page = context.new_page()
        page.goto(url + "testing-guide/")
        page.click(".md-header label[for=__drawer]")
        page.wait_for_function("() => document.querySelector('[data-sw-nav]')"
                               ".getAttribute('data-sw-nav-state') === 'waiting'")
        assert failed and len(page.evaluate(MENU_JS)) == 2  # home and this guide, as built
        page.keyboard.press("Escape")
        page.evaluate("document.getElementById('__drawer').click()")  # closed
        page.evaluate("document.getElementById('__drawer').click()")  # opened again
        page.wait_for_function("() => document.querySelector('[data-sw-nav]')"
                               ".getAttribute('data-sw-nav-state') === 'done'")
        assert len(page.evaluate(MENU_JS)) > 8
        context.close()
