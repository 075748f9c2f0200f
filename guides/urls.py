"""How a browser reads a URL written in content: entities undone, spaces and controls gone."""

from __future__ import annotations

import html
import re

SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def normalise_url(url: str) -> str:
    previous = None
    while previous != url:  # entities may be nested (&amp;#x61;)
        previous, url = url, html.unescape(url)
    return CONTROL.sub("", url).lower()


def scheme_of(url: str) -> str:
    """`javascript` for `jav&#x61;script:...`; empty for relative URLs."""
    match = SCHEME.match(normalise_url(url))
    return match.group(1) if match else ""


def _host_relative(url: str) -> bool:
    """`//host/x`; browsers read a backslash as a slash (`\\host/x`, `/\\host/x`)."""
    return normalise_url(url).replace("\\", "/").startswith("//")


def is_remote(url: str) -> bool:
    return _host_relative(url) or scheme_of(url) in ("http", "https", "ftp", "ws", "wss")


def is_local(url: str) -> bool:
    """A path inside the site: no scheme, no host."""
    return not scheme_of(url) and not _host_relative(url)
