#!/usr/bin/env python3
"""Draw the site's icons and sharing preview with Debian's Chromium (run by hand when the
design changes; the PNGs are committed under overrides/assets/images/).

    .venv/bin/python scripts/make_images.py
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent.parent / "overrides/assets/images"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FONT = "'Noto Sans CJK SC', 'Noto Sans SC', sans-serif"
ICON = f"""<body style="margin:0;width:{{size}}px;height:{{size}}px;background:#1a237e;
display:flex;align-items:center;justify-content:center;font-family:{FONT};">
<div style="color:#fff;font-size:{{glyph}}px;font-weight:700;line-height:1">守</div></body>"""
SHARE = f"""<body style="margin:0;width:1200px;height:630px;background:#1a237e;color:#fff;
font-family:{FONT};display:flex;flex-direction:column;justify-content:center;padding:0 90px;
box-sizing:border-box">
<div style="font-size:120px;font-weight:700;letter-spacing:8px">守望指南</div>
<div style="font-size:48px;margin-top:24px">社工站应急公共卫生指南</div>
<div style="font-size:40px;margin-top:16px;opacity:.9">Shouwang Guides · 苏州话 · English</div>
</body>"""


def main() -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for name, size in (("favicon.png", 48), ("icon-192.png", 192), ("icon-512.png", 512)):
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(ICON.format(size=size, glyph=int(size * 0.68)))
            page.screenshot(path=str(OUT / name))
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(SHARE)
        page.screenshot(path=str(OUT / "share.png"))
        browser.close()


if __name__ == "__main__":
    main()
