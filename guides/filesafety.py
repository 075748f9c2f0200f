"""Uploaded SVG images and PDFs: published only when nothing in them can run or fetch.

`check_file` reads an SVG (`guides.svgsafe`) or a PDF (`guides.pdfsafe`) and returns the
first reason it must not be published, or None. The checks report that reason as a
finding; the build copies an SVG or PDF only through `safe_bytes`, the bytes it read once
and found safe, so an unsafe file never reaches the site, in the preview either, and a
file swapped after the check is never published unchecked. Nothing here knows about MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MAX_SVG_BYTES = 2 * 1024 * 1024
MAX_PDF_BYTES = 30 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    """Why a file is not published: `code` picks the message, `what` names the thing."""

    code: str  # svg.unsafe, svg.invalid, pdf.active, pdf.invalid, file.too-large
    line: int
    what: str
    args: tuple[tuple[str, str], ...] = ()  # the message's arguments, when not just `what`

    def message_args(self) -> dict[str, str]:
        return dict(self.args) if self.args else {"what": self.what}


class Refused(Exception):
    """Raised inside the readers: the first problem ends the reading."""

    def __init__(self, code: str, what: str, line: int = 0) -> None:
        super().__init__(what)
        self.code, self.what, self.line = code, what, line


CHECKED_SUFFIXES = (".svg", ".pdf")


def check_file(path: Path, data: bytes | None = None) -> Problem | None:
    """The first reason this SVG or PDF must not be published; None for other files."""
    suffix = path.suffix.lower()
    if suffix not in CHECKED_SUFFIXES:
        return None
    limit = MAX_SVG_BYTES if suffix == ".svg" else MAX_PDF_BYTES
    if data is None:
        try:
            with open(path, "rb") as handle:
                data = handle.read(limit + 1)
        except OSError as exc:
            return Problem(f"{suffix[1:]}.invalid", 1, exc.strerror or "unreadable")
    if len(data) > limit:
        return Problem("file.too-large", 1, "", (("size", f"> {limit // 1024 // 1024} MB"),
                                                 ("limit", f"{limit // 1024 // 1024} MB")))
    # imported here: both modules import Problem and Refused from this one
    from guides.pdfsafe import pdf_problem
    from guides.svgsafe import svg_problem

    return svg_problem(data) if suffix == ".svg" else pdf_problem(data)


def is_checked(name: str) -> bool:
    return name.lower().endswith(CHECKED_SUFFIXES)


def safe_bytes(path: str | Path) -> bytes | None:
    """For the build: the bytes to publish, read once and checked; None when the file must
    not be published. Copying these bytes (not the file again) means a file changed after
    the check is never published unchecked."""
    path = Path(path)
    limit = MAX_SVG_BYTES if path.suffix.lower() == ".svg" else MAX_PDF_BYTES
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError:
        return None
    return data if check_file(path, data) is None else None
