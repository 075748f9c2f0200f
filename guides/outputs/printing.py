"""What a printed page needs: sections that keep together, and a QR code back to the live
page (drawn at build time with segno, as inline SVG: no online service, no extra file)."""

from __future__ import annotations

import io
import re

import segno

H2 = re.compile(r"<h2[ >]")


def qr_svg(url: str, title: str) -> str:
    """An SVG QR code for `url` (error correction M: still reads from a creased sheet)."""
    code = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=4, border=4, xmldecl=False, svgns=True, title=title,
              dark="#000", light="#fff", svgclass="sw-qr__code", lineclass=None,
              omitsize=True)  # a viewBox, so CSS can size it
    return out.getvalue().decode("utf-8")


def wrap_sections(html: str) -> str:
    """Put each `<h2>` and what follows it, up to the next `<h2>`, in a `<section>`, so
    print CSS can keep a tip or a checklist phase on one page."""
    starts = [m.start() for m in H2.finditer(html)]
    if not starts:
        return html
    parts = [html[: starts[0]]]
    for begin, end in zip(starts, starts[1:] + [len(html)], strict=True):
        parts.append(f'<section class="sw-section">{html[begin:end]}</section>')
    return "".join(parts)
