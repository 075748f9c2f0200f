"""PDFs of the built guides, for sharing in chat groups: Chromium prints each page with the
site's own print styles (A4, QR code, embedded CJK font subset, selectable text).

Needs Playwright (`pip install .[pdf]`) and a Chromium: Debian's `/usr/bin/chromium`, with
`fonts-noto-cjk` for Chinese. Pages opt in with `<meta name="shouwang:pdf">`, which the
templates write for every published guide when the build was asked for PDFs.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = os.environ.get("SHOUWANG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MAX_BYTES = 1024 * 1024
PDF_META = re.compile(r'<meta name="shouwang:pdf" content="([^"]+)">')


@dataclass
class Written:
    path: Path
    size: int


def pages_wanting_pdf(site_dir: Path) -> list[tuple[Path, Path]]:
    """(page, pdf) pairs for every page that asks for a PDF."""
    found = []
    for page in sorted(Path(site_dir).rglob("index.html")):
        match = PDF_META.search(page.read_text(encoding="utf-8"))
        if match:
            found.append((page, page.parent / match.group(1)))
    return found


def write_pdfs(site_dir: Path) -> list[Written]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"Chromium not found at {CHROMIUM} (apt-get install chromium "
                           "fonts-noto-cjk, or set SHOUWANG_CHROMIUM)")
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(service_workers="block")
        page = context.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
            "file:") else route.abort())  # nothing from the network, ever
        page.emulate_media(media="print")
        for html, pdf in pages_wanting_pdf(Path(site_dir)):
            page.goto(html.resolve().as_uri(), wait_until="load")
            page.pdf(path=str(pdf), format="A4", print_background=True,
                     prefer_css_page_size=True, tagged=True)
            written.append(Written(pdf, pdf.stat().st_size))
        browser.close()
    return written
