"""A strict Content-Security-Policy for every page: scripts and styles only from the site
itself or inline ones whose exact text the build hashed; nothing from any other origin.

Content cannot carry script past `guides check`; this is the second wall: were any to slip
through, the browser would refuse to run it.
"""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:(?!\bsrc=)[^>])*)>(?P<body>.*?)</script>",
                           re.S | re.I)
INLINE_STYLE = re.compile(r"<style(?:\s[^>]*)?>(?P<body>.*?)</style>", re.S | re.I)
CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
DATA_TYPES = ("application/json", "application/ld+json")


def inline_hashes(html: str) -> list[str]:
    """sha256 sources for every inline script the browser would run, in page order."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs").lower()
        if any(f'type="{t}"' in attrs for t in DATA_TYPES):
            continue  # data, never executed (Material's __config)
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode()}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def _source(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode('utf-8')).digest()).decode()}'"


def style_hashes(html: str) -> list[str]:
    """sha256 sources for every inline <style> element (a page's first-screen rules, issue
    17), in page order. Style attributes stay refused: they would need 'unsafe-hashes'."""
    hashes = []
    for match in INLINE_STYLE.finditer(html):
        source = _source(match.group("body"))
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(html: str) -> str:
    scripts = " ".join(["'self'", *inline_hashes(html)])
    styles = " ".join(["'self'", *style_hashes(html)])
    return "; ".join([
        "default-src 'self'", f"script-src {scripts}", f"style-src {styles}",
        "img-src 'self' data:", "font-src 'self' data:", "connect-src 'self'",
        "media-src 'self'", "worker-src 'self'", "manifest-src 'self'",
        "object-src 'none'", "base-uri 'self'", "form-action 'self'",
    ])


def meta_tag(html: str) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'


def add_policy(html: str) -> str:
    """The page with its policy as the first thing after <meta charset> in <head>."""
    tag = meta_tag(html)
    match = CHARSET.search(html)
    if match:
        return html[: match.end()] + tag + html[match.end():]
    return html.replace("<head>", "<head>" + tag, 1)
