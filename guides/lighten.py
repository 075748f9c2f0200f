"""Lighter full pages (issue 17): a post-build step on one language's finished site folder.

- Material's stylesheet is cut to the rules this site's pages and scripts can use
  (`guides.cssreduce`) and joined with ours into one file named by its content
  (`assets/stylesheets/site.<hash>.css`): one request instead of two, cached for good.
- Each page carries the rules its first screen needs in a `<style>` in its head, so it is
  readable as soon as its HTML has arrived; the full stylesheet is linked at the end of the
  body, where it blocks no rendering (a stylesheet the parser meets in the body is not
  render-blocking), and the next page finds it in the cache.
- Material's bundle (35 KB compressed) is not loaded with the page: reading needs none of it.
  Our script loads it on the reader's first touch, click, key or focus (`data-sw-bundle`
  on our script's tag; overrides/assets/javascripts/shouwang.js).
- The page's Content-Security-Policy is written again, with the hash of the inline style.

Pages without Material's stylesheet link (redirects, lite pages) are left as they are.
MkDocs-free: plain file work, like guides/output.py.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from guides import csp, cssreduce
from guides.model import LANGUAGES

MATERIAL_CSS = "assets/stylesheets/main.*.min.css"
MATERIAL_LINK = re.compile(
    r'<link rel="stylesheet" href="(?P<dir>[^"]*?)(?P<name>main\.[0-9a-f]{8}\.min\.css)">')
BUNDLE_TAG = re.compile(
    r'<script src="(?P<src>[^"]*?javascripts/bundle\.[0-9a-f]{8}\.min\.js)"></script>\s*')
META_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
FULL_NAME = "site"


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
    digest = hashlib.sha256(css.encode("utf-8")).hexdigest()[:10]
    name = f"assets/stylesheets/{FULL_NAME}.{digest}.css"
    (site_dir / name).write_text(css, encoding="utf-8")
    return name


def lighten_page(html: str, full: str, first_screen: cssreduce.Stylesheet,
                 own_css_name: str, own_js_name: str,
                 cache: dict[frozenset, str]) -> str:
    """One page with its first screen's rules inline, the full stylesheet at the end of its
    body and Material's bundle left to our script. `full`, `own_css_name` and
    `own_js_name` are file names under assets/ (site.<hash>.css, shouwang.<hash>.css/.js)."""
    link = MATERIAL_LINK.search(html)
    if link is None:
        return html
    words = cssreduce.first_screen(html)
    key = frozenset((kind, name) for kind in ("classes", "ids", "elements", "attributes",
                                              "values")
                    for name in getattr(words, kind))
    if key not in cache:
        cache[key] = first_screen.reduce(words, first_paint=True)
    # never ends the <style> element early; @charset means nothing inside a page
    critical = cache[key].replace("</", "<\\/").removeprefix('@charset "UTF-8";')
    html = html[:link.start()] + f"<style>{critical}</style>" + html[link.end():]
    html = _link(own_css_name).sub("", html, count=1)
    full_href = link.group("dir") + Path(full).name
    html = html.replace("</body>", f'<link rel="stylesheet" href="{full_href}">\n</body>', 1)
    bundle = BUNDLE_TAG.search(html)
    ours = _script(own_js_name).search(html)
    if bundle and ours:
        html = html[:bundle.start()] + html[bundle.end():]
        ours = _script(own_js_name).search(html)
        tag = (f'<script src="{ours.group("dir")}{own_js_name}" '
               f'data-sw-bundle="{bundle.group("src")}"></script>')
        html = html[:ours.start()] + tag + html[ours.end():]
    return META_POLICY.sub(lambda _: csp.meta_tag(html), html, count=1)


def lighten_site(site_dir: Path, language: str, own_css: str, own_js: str) -> str:
    """Every page of one language's site (`site_dir`, `language`'s root) made lighter;
    `own_css`/`own_js`: our hashed files' paths under site_dir. Returns the stylesheet's."""
    files = html_files(site_dir, language)
    texts = {path: path.read_text(encoding="utf-8") for path in files}
    own = (site_dir / own_css).read_text(encoding="utf-8") if (site_dir / own_css).is_file() \
        else ""
    full = write_stylesheet(site_dir, list(texts.values()), own)
    sheet = cssreduce.Stylesheet.parse((site_dir / full).read_text(encoding="utf-8"))
    cache: dict[frozenset, str] = {}
    for path, text in texts.items():
        new = lighten_page(text, full, sheet, Path(own_css).name, Path(own_js).name, cache)
        if new != text:
            path.write_text(new, encoding="utf-8")
    return full
