"""Files written after a language's pages are built: sitemap, service worker, manifest and
robots.txt (guides/compressed.py writes the precompressed copies). Plain file work on a
finished site folder.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from guides import offline, site
from guides.compressed import write_compressed
from guides.model import LANGUAGES

THEME_COLOR = "#1a237e"
# light (issue 17): pages load site.<hash>.css (Material's rules they use, and ours) in place
# of Material's main.<hash>.min.css and our shouwang.<hash>.css.
# light2 (issue 17): their first-screen rules in first.<hash>.css, the favicon as
# favicon.<hash>.png, what must run before the bundle (guides/lighten.py).
FAVICON = "assets/images/favicon.png"  # `guides serve` keeps this name
PAGE_ASSETS = ("assets/stylesheets/site.*.css", "assets/stylesheets/first.*.css",
               "assets/javascripts/bundle.*.js", "assets/javascripts/shouwang.*.js",
               "assets/javascripts/before-bundle.*.js",
               FAVICON, "assets/images/favicon.*.png",
               # light3 (issue 17): the drawer's page list (guides/navmenu.py), so the menu
               # opens offline
               "assets/javascripts/nav.*.js")
# w-text (issue 14): what the Share panel loads when it opens (cached on install).
SHARE_ASSETS = ("assets/javascripts/share.*.js", "assets/stylesheets/share.css",
                "assets/javascripts/share-strings.json")
ICONS = [("assets/images/icon-192.png", 192), ("assets/images/icon-512.png", 512)]


PRESERVED = re.compile(r"(<pre[\s>].*?</pre>|<textarea[\s>].*?</textarea>)", re.S | re.I)


def compact_html(html: str) -> str:
    """Drop the templates' indentation and blank lines (about 5% of a compressed page).
    Line breaks stay, so no space between words is lost; <pre> and <textarea> keep theirs."""
    parts = PRESERVED.split(html)
    for i in range(0, len(parts), 2):  # the even parts are outside <pre> and <textarea>
        parts[i] = re.sub(r"\n\s*\n", "\n", re.sub(r"\n[ \t]+", "\n", parts[i]))
    return "".join(parts)


def write_sitemap(site_dir: Path, pages: list[dict]) -> None:
    data = site.sitemap_xml(sorted(pages, key=lambda p: str(p["loc"]))).encode("utf-8")
    (site_dir / "sitemap.xml").write_bytes(data)
    write_compressed(site_dir / "sitemap.xml", data)


def write_robots(site_dir: Path, base_url: str) -> None:
    text = "User-agent: *\nAllow: /\n" + "".join(
        f"Sitemap: {base_url}{spec.root}sitemap.xml\n" for spec in LANGUAGES.values())
    (site_dir / "robots.txt").write_text(text, encoding="utf-8")


def page_hash(site_dir: Path, path: str) -> str:
    html = site_dir / (path + "index.html")
    return hashlib.sha256(html.read_bytes()).hexdigest()[:16] if html.is_file() else ""


def write_offline(site_dir: Path, language: str, offline_pages: list[str], name: str,
                  description: str, shared: list[str] | None = None,
                  lite_pages: list[str] | None = None) -> None:
    """The language's service worker (`sw.js`) and manifest (`manifest.webmanifest`).
    `shared`: the pages' share/share.json files (`guides share`), kept for offline use.
    `lite_pages` (guides/outputs/lite.py) are cached when visited, never fetched by the fill."""
    spec = LANGUAGES[language]
    pages = {path: page_hash(site_dir, path) for path in offline_pages}
    lite = {path: page_hash(site_dir, path) for path in lite_pages or []}
    # What every page loads, cached when the worker installs (from the browser's HTTP
    # cache: the page has just loaded them). Other assets are cached when first used.
    assets = sorted(
        p.relative_to(site_dir).as_posix() for pattern in PAGE_ASSETS
        for p in site_dir.glob(pattern) if p.is_file())
    if any(a.startswith("assets/images/favicon.") and a != FAVICON for a in assets):
        assets.remove(FAVICON)  # pages name its content-named copy (guides/lighten.py)
    asset_hashes = [hashlib.sha256((site_dir / a).read_bytes()).hexdigest()[:16]
                    for a in assets]
    assets = [*assets, "manifest.webmanifest"]
    # w-text (issue 14): the Share panel's code, styles and words, so it opens offline
    assets += sorted(p.relative_to(site_dir).as_posix() for pattern in SHARE_ASSETS
                     for p in site_dir.glob(pattern) if p.is_file())
    other_roots = [s.root for s in LANGUAGES.values() if s.root and s.root != spec.root
                   and not spec.root]
    (site_dir / "manifest.webmanifest").write_text(
        offline.manifest(name, name, description, spec.tag, THEME_COLOR, ICONS),
        encoding="utf-8")
    version = hashlib.sha256("".join(sorted(pages.values()) + asset_hashes).encode())
    digests = offline.digests(site_dir, assets)
    (site_dir / "sw.js").write_text(
        offline.service_worker(version.hexdigest()[:16], pages, assets, other_roots, digests,
                               shared=shared, lite=lite),
        encoding="utf-8")
