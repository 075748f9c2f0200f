"""Long images (长图) of each published guide, for WeChat groups and Moments: PNG, 1080 px
wide, the title, the guide's steps, the hotlines, version and date, and a QR code back to
the live page.

Chromium lays out a page made for the purpose (guides/outputs/share/layout.py) from what the
built page says (guides/outputs/share/pages.py): real Chinese line breaking, lists and tables as
on the site, the glyphs drawn into the picture (no font assumed on the phone). A guide
taller than one picture of readable height is cut between blocks (never after a heading,
never inside a step) into numbered parts, `long-1.png`, `long-2.png`, each marked "1/2"
and each carrying the hotlines and the QR code, since pictures are forwarded one by one.
At most nine parts (the most a Moments post takes); a longer guide's ninth part says the
rest is on the page. Pillow then stores each as a palette PNG (text on a few flat colours
needs no more): about a third of Chromium's size, and the same bytes for the same input.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from guides.outputs.share import layout
from guides.outputs.share.browser import in_own_thread, local_page, open_html
from guides.outputs.share.pages import SharedPage, shared_pages

WIDTH = 1080
PART_HEIGHT = 4320  # at most four screens' width: a part reads without losing the thread
MAX_PARTS = 9  # a WeChat Moments post takes nine pictures
MAX_BYTES = 1536 * 1024  # 1.5 MB
COLOURS = 64
NAME = "long-{}.png"


@dataclass
class Written:
    path: Path
    size: int
    width: int = 0
    height: int = 0


def _palette_png(png: bytes) -> tuple[bytes, tuple[int, int]]:
    """Chromium's RGB screenshot as a palette PNG: no dithering, so the same every time.
    A picture still over 1.5 MB (a very tall table or photo) gets fewer colours."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    for colours in (COLOURS, 16):
        small = image.quantize(colors=colours, method=Image.Quantize.MEDIANCUT,
                               dither=Image.Dither.NONE)
        out = io.BytesIO()
        small.save(out, format="PNG", optimize=True)
        if out.tell() <= MAX_BYTES:
            break
    return out.getvalue(), image.size


def render_page(page, shared: SharedPage, work: Path) -> list[tuple[bytes, tuple[int, int]]]:
    """The parts of one guide's long image, as PNG bytes and (width, height)."""
    open_html(page, work / f"long-{len(list(work.iterdir()))}.html",
              layout.long_image_html(shared))
    count = page.evaluate(layout.SPLIT_SCRIPT, {"height": PART_HEIGHT, "most": MAX_PARTS})
    images = []
    for part in range(count):
        page.evaluate("(n) => window.swShowPart(n)", part)
        images.append(_palette_png(page.screenshot(full_page=True, type="png",
                                                   animations="disabled", caret="initial")))
    return images


def write_images(site_dir: Path, progress: Callable[[str, Path], None] | None = None,
                 lang: str = "zh", pages: list[SharedPage] | None = None) -> list[Written]:
    """Long images for every page of `site_dir` that asks to be shared, into each page's
    share/ folder (earlier `long-*.png` there are replaced). `progress(kind, path)` is
    called after each file; `lang` is the editor's language for errors."""
    pages = shared_pages(Path(site_dir)) if pages is None else pages
    if not pages:
        return []
    return in_own_thread(lambda: _write_images(pages, progress, lang))


def _write_images(pages: list[SharedPage], progress, lang: str) -> list[Written]:
    written: list[Written] = []
    with tempfile.TemporaryDirectory(prefix="shouwang-share-") as tmp, \
            local_page(WIDTH, 1200, lang) as page:
        for shared in pages:
            images = render_page(page, shared, Path(tmp))
            shared.share_dir.mkdir(parents=True, exist_ok=True)
            for old in shared.share_dir.glob("long-*.png"):
                old.unlink()
            for number, (data, (width, height)) in enumerate(images, start=1):
                path = shared.share_dir / NAME.format(number)
                path.write_bytes(data)
                written.append(Written(path, len(data), width, height))
                if progress:
                    progress("image", path)
    return written


