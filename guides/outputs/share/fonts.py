"""A Chinese font file on this machine, for images drawn without a browser (share cards).

Chromium finds its fonts through fontconfig; Pillow needs a file. Looked up in order:
the SHOUWANG_CJK_FONT environment variable (`path` or `path:index`), fontconfig's match
for Simplified Chinese, then the usual places on Debian, macOS and Windows. A collection
(.ttc) holds several faces: the Simplified Chinese one is chosen, so 关 and 门 are drawn as
readers in mainland China write them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FONT_ENV = "SHOUWANG_CJK_FONT"
KNOWN = {
    "bold": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
             "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
             "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
             "/System/Library/Fonts/PingFang.ttc", "/System/Library/Fonts/STHeiti Medium.ttc",
             "C:/Windows/Fonts/msyhbd.ttc", "C:/Windows/Fonts/msyh.ttc"),
    "regular": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                "/System/Library/Fonts/PingFang.ttc", "/System/Library/Fonts/STHeiti Light.ttc",
                "C:/Windows/Fonts/msyh.ttc"),
}
PROBE = "守望指南求助电话"  # glyphs a usable face must have


@dataclass(frozen=True)
class FontFile:
    path: str
    index: int = 0


@cache
def find(weight: str = "bold") -> FontFile | None:
    """The font to draw Chinese with, or None when this machine has none."""
    wanted = os.environ.get(FONT_ENV, "").strip()
    if wanted:
        path, _, index = wanted.rpartition(":") if wanted.rpartition(":")[2].isdigit() \
            else (wanted, "", "")
        found = _usable(path, int(index) if index else None)
        if found:
            return found
    for candidate in (*_fontconfig(weight), *KNOWN[weight]):
        found = _usable(candidate, None) if isinstance(candidate, str) else \
            _usable(candidate.path, candidate.index)
        if found:
            return found
    return None


def _fontconfig(weight: str) -> list[FontFile]:
    if not shutil.which("fc-match"):
        return []
    pattern = "sans-serif:lang=zh-cn" + (":weight=bold" if weight == "bold" else "")
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}:%{index}", pattern],
                             capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    path, _, index = out.strip().rpartition(":")
    return [FontFile(path, int(index))] if path and index.isdigit() else []


def _usable(path: str, index: int | None) -> FontFile | None:
    """The face of `path` that draws Simplified Chinese (the given index, or the first
    face named SC, or the first face that has the probe glyphs)."""
    from PIL import ImageFont

    if not path or not Path(path).is_file():
        return None
    faces = [index] if index is not None else list(range(16))
    fallback = None
    for face in faces:
        try:
            font = ImageFont.truetype(path, 20, index=face)
        except OSError:
            break  # past the last face of the collection
        if not _has_glyphs(font):
            continue
        name = " ".join(font.getname())
        if index is not None or " SC" in name or "GB" in name:
            return FontFile(path, face)
        fallback = fallback or FontFile(path, face)
    return fallback


def _has_glyphs(font) -> bool:
    """A face without Chinese draws every character as the same empty box."""
    from PIL import Image, ImageDraw

    shapes = set()
    for char in PROBE[:4]:
        image = Image.new("L", (24, 24))
        ImageDraw.Draw(image).text((0, 0), char, font=font, fill=255)
        shapes.add(image.tobytes())
    return len(shapes) == 4
