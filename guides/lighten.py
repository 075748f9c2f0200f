"""Lighter full pages (issue 17): a post-build step on one language's finished site folder.

- Material's stylesheet is cut to the rules this site's pages and scripts can use
  (`guides.cssreduce`) and joined with ours into one file named by its content
  (`assets/stylesheets/site.<hash>.css`): one request instead of two, cached for good.
- The rules the first screen of any of the language's pages needs are in a small stylesheet
  of their own (`assets/stylesheets/first.<hash>.css`, about 4 KB compressed), linked in
  the head: a page is drawn as soon as its HTML and that file have arrived, without waiting
  for the full stylesheet, which is linked at the end of the body, where it blocks no
  rendering (a stylesheet the parser meets in the body is not render-blocking). Both are
  named by their content and cached for good, so the next page costs its HTML only. (These
  rules used to be inline in every page: 3.4 KB of each page's compressed HTML, sent again
  with every guide a reader opened; issue 17's "next guide ≤ 8 KB".)
- The search hook (partials/sw-lazy-search.html) and Material's storage helpers (its
  `__md_scope` script) must only run before Material's bundle: they leave the page for a
  file named by its content (`before-bundle.<hash>.js`), which our script runs just before
  the bundle when the reader first touches the page (`data-sw-hook`).
- Material's page configuration (`__config`) is written as compact UTF-8 JSON, and its
  generator tag goes.
- Material's inline scripts for a remembered colour scheme and for content tabs go from
  pages that have no scheme toggle / no tabs (they would do nothing there).
- The favicon gets a copy named by its content (`favicon.<hash>.png`), so the next page
  does not ask for it again.
- Material's bundle (35 KB compressed) is not loaded with the page: reading needs none of it.
  Our script loads it on the reader's first touch, click, key or focus (`data-sw-bundle`
  on our script's tag; overrides/assets/javascripts/shouwang.js).
- The page's Content-Security-Policy is written again (its scripts' hashes).
- light3: the drawer's page list leaves the pages for one shared file per language
  (guides/navmenu.py), and the header's and menu's icons are drawn by the stylesheet
  (guides/icons.py).

Pages without Material's stylesheet link (redirects, lite pages) are left as they are.
MkDocs-free: plain file work, like guides/output.py.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from pathlib import Path

from guides import csp, cssreduce, icons, navmenu
from guides.model import LANGUAGES

MATERIAL_CSS = "assets/stylesheets/main.*.min.css"
MATERIAL_LINK = re.compile(
    r'<link rel="stylesheet" href="(?P<dir>[^"]*?)(?P<name>main\.[0-9a-f]{8}\.min\.css)">')
BUNDLE_TAG = re.compile(
    r'<script src="(?P<src>[^"]*?javascripts/bundle\.[0-9a-f]{8}\.min\.js)"></script>\s*')
# light2: the search hook (overrides/partials/sw-lazy-search.html), moved to a file
SEARCH_HOOK = re.compile(r'<script id="sw-search-hook">(?P<code>.*?)</script>\s*', re.S)
HOOK_NAME = "before-bundle"
# Material's storage helpers for its bundle (partials/javascripts/base.html): they move to
# the same file when nothing else on the page uses them and their scope is the site's base
MD_SCOPE = re.compile(r'<script>__md_scope=new URL\("(?P<scope>[^"\\]*)",location\),'
                      r'(?P<rest>__md_hash=.*?)</script>\s*', re.S)
MD_SCOPE_FROM_CONFIG = ('__md_scope=new URL(JSON.parse(document.getElementById("__config")'
                        '.textContent).base,location),')
# Material's inline scripts that do nothing on a page without a colour-scheme toggle
# (a palette remembered by the toggle) or without content tabs (the tab a link names)
PALETTE_SCRIPT = re.compile(r'<script>var palette=__md_get\("__palette"\);.*?</script>\s*',
                            re.S)
TABBED_SCRIPT = re.compile(r'<script>var target=document\.getElementById\(location\.hash'
                           r'\.slice\(1\)\);target&&target\.name&&\(target\.checked='
                           r'target\.name\.startsWith\("__tabbed_"\)\)</script>\s*')
CONFIG = re.compile(r'(<script id="__config" type="application/json">)(?P<json>.*?)(</script>)',
                    re.S)
GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">\s*')
META_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
FULL_NAME = "site"
FIRST_NAME = "first"
FAVICON = "assets/images/favicon.png"
FAVICON_LINK = re.compile(r'(<link rel="icon" href="[^"]*?)assets/images/favicon\.png"')


def _link(href: str) -> re.Pattern[str]:
    return re.compile(rf'<link rel="stylesheet" href="(?P<dir>[^"]*?){re.escape(href)}">\s*')


def _script(name: str) -> re.Pattern[str]:
    return re.compile(rf'<script src="(?P<dir>[^"]*?){re.escape(name)}"></script>')


def html_files(site_dir: Path, language: str) -> list[Path]:
    """This language's pages (other languages' sites below this one are theirs)."""
    own = LANGUAGES[language].root
    other_roots = [s.root for s in LANGUAGES.values() if s.root and s.root != own and not own]
    return sorted(p for p in site_dir.rglob("*.html")
                  if not any(p.relative_to(site_dir).as_posix().startswith(r)
                             for r in other_roots if r))


def write_stylesheet(site_dir: Path, pages: list[str], own_css: str) -> str:
    """The reduced Material stylesheet joined with ours; returns its path under site_dir."""
    material = next(site_dir.glob(MATERIAL_CSS))
    words = cssreduce.Vocabulary()
    for html in pages:
        words.update(cssreduce.vocabulary(html))
    for script in sorted((site_dir / "assets" / "javascripts").glob("*.js")):
        words.update(cssreduce.script_vocabulary(script.read_text(encoding="utf-8")))
    css = cssreduce.reduce(material.read_text(encoding="utf-8"), words) + own_css
    return write_named(site_dir, f"assets/stylesheets/{FULL_NAME}.css", css.encode("utf-8"))


def write_named(site_dir: Path, path: str, data: bytes) -> str:
    """`data` written as `path` with its content's hash before the suffix (a.css ->
    a.<hash>.css), so it can be cached for good; returns that name under site_dir."""
    stem, dot, suffix = path.rpartition(".")
    name = f"{stem}.{hashlib.sha256(data).hexdigest()[:10]}{dot}{suffix}"
    if not (site_dir / name).is_file():
        (site_dir / name).write_bytes(data)
    return name


def write_first_screen(site_dir: Path, pages: list[str], full: cssreduce.Stylesheet) -> str:
    """The rules the first screen of any of `pages` needs (the full stylesheet's, in its
    order), in one file for all of them; returns its path under site_dir. One file, not one
    per page: the next page finds it in the cache (a few hundred bytes more than a page's
    own share, once)."""
    words = cssreduce.Vocabulary()
    for html in pages:
        if MATERIAL_LINK.search(html):
            words.update(cssreduce.first_screen(html))
    return write_named(site_dir, f"assets/stylesheets/{FIRST_NAME}.css",
                       full.reduce(words, first_paint=True).encode("utf-8"))


def write_favicon(site_dir: Path) -> str | None:
    """A copy of the favicon named by its content (cached for good); its path, or None."""
    icon = site_dir / FAVICON
    return write_named(site_dir, FAVICON, icon.read_bytes()) if icon.is_file() else None


def lighten_page(html: str, first: str, full: str, own_css_name: str, own_js_name: str,
                 favicon: str | None = None, site_dir: Path | None = None) -> str:
    """One page with the first-screen stylesheet in its head, the full one at the end of
    its body and Material's bundle left to our script. `first`, `full`, `own_css_name`,
    `own_js_name` and `favicon` are file names under assets/ (first.<hash>.css,
    site.<hash>.css, shouwang.<hash>.css/.js, favicon.<hash>.png). With `site_dir`, the
    search hook goes to a file there that our script runs before the bundle."""
    link = MATERIAL_LINK.search(html)
    if link is None:
        return html
    html = (html[:link.start()] + f'<link rel="stylesheet" href="{link.group("dir")}'
            f'{Path(first).name}">' + html[link.end():])
    html = _link(own_css_name).sub("", html, count=1)
    full_href = link.group("dir") + Path(full).name
    html = html.replace("</body>", f'<link rel="stylesheet" href="{full_href}">\n</body>', 1)
    if favicon:
        html = FAVICON_LINK.sub(lambda m: f'{m.group(1)}assets/images/{Path(favicon).name}"',
                                html, count=1)
    html = CONFIG.sub(_compact_config, GENERATOR.sub("", html, count=1), count=1)
    if 'data-md-component="palette"' not in html:
        html = PALETTE_SCRIPT.sub("", html, count=1)
    if "__tabbed_" not in TABBED_SCRIPT.sub("", html):
        html = TABBED_SCRIPT.sub("", html, count=1)
    bundle = BUNDLE_TAG.search(html)
    ours = _script(own_js_name).search(html)
    if bundle and ours:
        html = html[:bundle.start()] + html[bundle.end():]
        hook_name, code = None, ""
        scope = MD_SCOPE.search(html) if site_dir is not None else None
        if scope:
            rest = html[:scope.start()] + html[scope.end():]
            config = CONFIG.search(rest)
            try:
                base = json.loads(config.group("json")).get("base") if config else None
            except (ValueError, AttributeError):
                base = None
            if "__md_" not in rest and base == scope.group("scope"):
                code, html = MD_SCOPE_FROM_CONFIG + scope.group("rest") + ";\n", rest
        hook = SEARCH_HOOK.search(html) if site_dir is not None else None
        if hook:
            code += hook.group("code").strip() + "\n"
            html = html[:hook.start()] + html[hook.end():]
        if code:  # they only need to run before the bundle: shouwang.js runs them then
            hook_name = write_named(site_dir, f"assets/javascripts/{HOOK_NAME}.js",
                                    code.encode("utf-8"))
        ours = _script(own_js_name).search(html)
        hook_attr = f' data-sw-hook="{ours.group("dir")}{Path(hook_name).name}"' \
            if hook_name else ""
        tag = (f'<script src="{ours.group("dir")}{own_js_name}" '
               f'data-sw-bundle="{bundle.group("src")}"{hook_attr}></script>')
        html = html[:ours.start()] + tag + html[ours.end():]
    return META_POLICY.sub(lambda _: csp.meta_tag(html), html, count=1)


def _compact_config(match: re.Match[str]) -> str:
    """Material's page configuration as compact JSON: its words as UTF-8, not \\u escapes
    (6 bytes a Chinese character), no empty settings (the bundle reads a missing one as
    null); `<`, `>` and `&` stay escaped, so it cannot end its script element."""
    try:
        config = json.loads(match.group("json"))
    except ValueError:
        return match.group(0)
    if not isinstance(config, dict):
        return match.group(0)
    text = json.dumps({k: v for k, v in config.items() if v is not None},
                      ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return match.group(1) + text + match.group(3)


def lighten_site(site_dir: Path, language: str, own_css: str, own_js: str) -> str:
    """Every page of one language's site (`site_dir`, `language`'s root) made lighter;
    `own_css`/`own_js`: our hashed files' paths under site_dir. Returns the stylesheet's."""
    files = html_files(site_dir, language)
    originals = {path: path.read_text(encoding="utf-8") for path in files}
    own = (site_dir / own_css).read_text(encoding="utf-8") if (site_dir / own_css).is_file() \
        else ""
    found: dict[str, str] = {}  # light3: the chrome's icons, drawn by the stylesheet
    texts = {path: icons.replace(text, found) if MATERIAL_LINK.search(text) else text
             for path, text in originals.items()}
    full = write_stylesheet(site_dir, list(texts.values()), own + icons.stylesheet(found))
    sheet = cssreduce.Stylesheet.parse((site_dir / full).read_text(encoding="utf-8"))
    first = write_first_screen(site_dir, list(texts.values()), sheet)
    favicon = write_favicon(site_dir)
    menus = shared_menu(site_dir, language, texts)
    for path, text in texts.items():
        if path in menus:  # light3: the drawer's page list leaves the page (guides/navmenu.py)
            text = navmenu.cut(text, *menus[path])
        new = lighten_page(text, first, full, Path(own_css).name, Path(own_js).name, favicon,
                           site_dir)
        if new != originals[path]:
            path.write_text(new, encoding="utf-8")
    return full


def shared_menu(site_dir: Path, language: str, texts: dict[Path, str]
                ) -> dict[Path, tuple[navmenu.Menu, str]]:
    """light3: the language's menu written once (nav.<lang>.<hash>.js); for each page whose
    menu it replaces, that menu and the file's address relative to the page. Empty when
    the pages' menus do not agree (every page then keeps its own)."""
    menus = {}
    for path, text in texts.items():
        menu = navmenu.read_menu(text, path.relative_to(site_dir).as_posix())
        if menu is not None:
            menus[path] = menu
    pairs = navmenu.shared_list(menus.values())
    if pairs is None:
        return {}
    name = write_named(site_dir, navmenu.NAV_NAME.format(lang=language),
                       navmenu.script(pairs).encode("utf-8"))
    return {path: (menu, posixpath.relpath(name, posixpath.dirname(
        path.relative_to(site_dir).as_posix()) or "."))
        for path, menu in menus.items()}
