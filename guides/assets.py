"""Keep the theme's own files from reaching other hosts.

Material's JavaScript can load scripts from unpkg.com (a ResizeObserver polyfill for old
browsers, Mermaid) and call api.github.com; hosts like these are blocked or slow in
mainland China and would learn who reads the site. After each build, `scrub_site`:

- points the ResizeObserver polyfill at a copy served by the site itself, and Mermaid at a
  path of the site (it is never used by the guides);
- turns every other absolute URL left in the theme's CSS and JavaScript (licence
  comments, unused code paths) into plain text without a scheme, so nothing in them can
  ever be fetched from another host;
- removes lunr and Material's search worker: search-worker.js answers from the sharded
  index instead (guides/search_shards.py), so they are never loaded (about 1 MB a language).

XML namespace names (`http://www.w3.org/2000/svg`) are identifiers, never fetched; they
stay as they are.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import rcssmin
import rjsmin

NAMESPACES = (
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1999/xlink",
    "http://www.w3.org/1999/xhtml",
    "http://www.w3.org/1998/Math/MathML",
    "http://www.w3.org/XML/1998/namespace",
    "http://www.sitemaps.org/schemas/sitemap/0.9",
)
# A script beside Material's bundle, found from the bundle's own <script> element.
_BESIDE_BUNDLE = ('document.querySelector(\'script[src*="javascripts/bundle."]\')'
                  '.src.replace(/[^/]*$/,"{name}")')
REPLACEMENTS = {
    '"https://unpkg.com/resize-observer-polyfill"':
        _BESIDE_BUNDLE.format(name="resize-observer.js"),
    '"https://unpkg.com/mermaid@11/dist/mermaid.min.js"':
        _BESIDE_BUNDLE.format(name="mermaid.min.js"),
}
ABSOLUTE_URL = re.compile(r"(?:https?:)?//(?=[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")


def scrub_text(text: str, own_host: str = "") -> str:
    """Replace fetchable absolute URLs to other hosts; keep namespaces and our own host."""
    for old, new in REPLACEMENTS.items():
        text = text.replace(old, new)

    def replace(match: re.Match[str]) -> str:
        rest = text[match.end():match.end() + 80]
        if own_host and rest.startswith(own_host):
            return match.group(0)
        if any(text.startswith(ns, match.start()) for ns in NAMESPACES):
            return match.group(0)
        # `//` alone is also a JavaScript comment or part of a regular expression: only a
        # scheme-less `//host` right after a quote or `url(` is a URL.
        if match.group(0) == "//" and text[max(0, match.start() - 1):match.start()] not in (
                '"', "'", "(", "`"):
            return match.group(0)
        return ""

    return ABSOLUTE_URL.sub(replace, text)


def scrub_site(site_dir: Path, own_host: str) -> list[str]:
    """Scrub the theme's CSS and JavaScript under `site_dir/assets`; returns changed files."""
    assets = site_dir / "assets"
    changed = []
    for path in sorted(assets.rglob("*")):
        if path.suffix not in (".js", ".css") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        new = scrub_text(text, own_host)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path.relative_to(site_dir).as_posix())
    for unused in ("lunr", "workers"):
        shutil.rmtree(assets / "javascripts" / unused, ignore_errors=True)
    for map_file in assets.rglob("*.map"):
        map_file.unlink()  # source maps: about 1 MB each, never needed by readers
    return changed


def minified(path: Path) -> bytes:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".js":
        text = rjsmin.jsmin(text)
    elif path.suffix == ".css":
        text = rcssmin.cssmin(text)
    return text.encode("utf-8")


def hashed_name(asset: str, source: Path) -> str:
    """`assets/javascripts/shouwang.js` -> `assets/javascripts/shouwang.<hash>.js`, the hash
    being that of the minified file the pages will load."""
    if not source.is_file():
        return asset
    digest = hashlib.sha256(minified(source)).hexdigest()[:10]
    stem, dot, suffix = asset.rpartition(".")
    return f"{stem}.{digest}{dot}{suffix}"


def write_hashed(site_dir: Path, names: dict[str, str]) -> None:
    """Replace each of the project's theme files with its minified, hashed copy."""
    for asset, name in names.items():
        original = site_dir / asset
        if original.is_file() and name != asset:
            (site_dir / name).write_bytes(minified(original))
            original.unlink()
