"""Notice-board posters: one A4 PDF per published guide and language, in large type, with
the title, the guide's first section, the hotlines and a QR code to the live page. A
variant of the printed page (guides/outputs/pdf.py prints the whole guide; this is the sheet to
tape to a door), laid out by Chromium (guides/outputs/share/layout.py), which embeds the Chinese
font subset it used. The type shrinks to keep it on one sheet, down to 16 pt; past that
the last steps are left out and the sheet says the rest is on the page.

Chromium stamps each PDF with the time it was made; the dates are set to the guide's
`updated` day so the same guide gives the same file.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from guides.outputs.share import layout
from guides.outputs.share.browser import in_own_thread, local_page, open_html
from guides.outputs.share.pages import SharedPage, shared_pages

NAME = "poster.pdf"
A4_PX = (794, 1123)  # 210 × 297 mm at 96 CSS pixels per inch
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Written:
    def __init__(self, path: Path, size: int, font_pt: int = 0) -> None:
        self.path, self.size, self.font_pt = path, size, font_pt

    def __repr__(self) -> str:
        return f"Written({self.path}, {self.size}, {self.font_pt} pt)"


def _fix_dates(path: Path, day: str) -> None:
    """The creation and change dates of the PDF set to the guide's day: same bytes for the
    same guide (Chromium writes the current time)."""
    from pypdf import PdfReader, PdfWriter

    stamp = "D:" + day.replace("-", "") + "000000Z"
    writer = PdfWriter(clone_from=PdfReader(path))
    writer.add_metadata({"/CreationDate": stamp, "/ModDate": stamp})
    writer._ID = None  # type: ignore[attr-defined]  # an ID from the content, not the time
    with path.open("wb") as handle:
        writer.write(handle)


def write_posters(site_dir: Path, progress: Callable[[str, Path], None] | None = None,
                  lang: str = "zh", pages: list[SharedPage] | None = None) -> list[Written]:
    """A poster for every page of `site_dir` that asks to be shared, at share/poster.pdf."""
    pages = shared_pages(Path(site_dir)) if pages is None else pages
    if not pages:
        return []
    return in_own_thread(lambda: _write_posters(pages, progress, lang))


def _write_posters(pages: list[SharedPage], progress, lang: str) -> list[Written]:
    written: list[Written] = []
    with tempfile.TemporaryDirectory(prefix="shouwang-poster-") as tmp, \
            local_page(*A4_PX, lang) as page:
        for number, shared in enumerate(pages):
            open_html(page, Path(tmp) / f"poster-{number}.html", layout.poster_html(shared))
            size = page.evaluate(layout.FIT_SCRIPT)
            shared.share_dir.mkdir(parents=True, exist_ok=True)
            path = shared.share_dir / NAME
            page.pdf(path=str(path), format="A4", print_background=True,
                     prefer_css_page_size=True, tagged=True)
            day = DATE.search(shared.meta_line)
            _fix_dates(path, day.group(0) if day else "2000-01-01")
            written.append(Written(path, path.stat().st_size, size))
            if progress:
                progress("poster", path)
    return written
