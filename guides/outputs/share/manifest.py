"""`P/share/share.json`: what a page's share folder holds, for the Share panel.

Written last, by looking at the folder: a file that was not made (no Chromium for the
images, a broadcast text too long) is simply left out, and the panel offers only what is
listed. Names are relative to the folder; the broadcast text is given in full.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from guides.compressed import write_compressed

MANIFEST = "share.json"
LONG_IMAGE = re.compile(r"^long-(\d+)\.png$")
FILES = {"poster": "poster.pdf", "card": "card.png", "article": "article.html"}
BROADCAST = "broadcast.txt"


def manifest(folder: Path, url: str, title: str) -> dict[str, object]:
    names = sorted(os.listdir(folder)) if folder.is_dir() else []
    images = sorted((n for n in names if LONG_IMAGE.match(n) and (folder / n).is_file()),
                    key=lambda n: int(LONG_IMAGE.match(n).group(1)))
    data: dict[str, object] = {"url": url, "title": title}
    if images:
        data["images"] = images
    for key, name in FILES.items():
        if (folder / name).is_file():
            data[key] = name
    if (folder / BROADCAST).is_file():
        data["broadcast"] = (folder / BROADCAST).read_text(encoding="utf-8").rstrip("\n")
    return data


def write_text(path: Path, text: str) -> None:
    """A text file written whole (a reader never sees half of it), with its compressed
    copies."""
    data = text.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(data)
    os.replace(partial, path)
    write_compressed(path, data)


def write_manifest(folder: Path, url: str, title: str) -> Path:
    path = folder / MANIFEST
    data = manifest(folder, url, title)
    write_text(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return path
