"""The share card (og:image) of each page: its own title on the site's colours, so a link
pasted into a chat shows which guide it is, not one picture for the whole site.

Drawn with Pillow and a Chinese font file found on this machine (guides/outputs/share/fonts.py),
in every build: a card is small (about 30 KB) and quick (a few milliseconds), and the
page's `og:image` must point at a file that exists. Without a Chinese font the build
warns and pages keep the site's one picture (assets/images/share.png): a card drawn with
a font that lacks the characters would show empty boxes. Same title, font and Pillow:
same bytes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from guides.outputs.share.fonts import FontFile, find

CARD_PATH = "share/card.png"  # inside the page's folder (the agreed share/ folder)
WIDTH, HEIGHT = 1200, 630
MARGIN = 72
TITLE_SIZES = (84, 76, 68, 60, 54, 48)  # 3 lines of 84 px fill the title area
TITLE_TOP, TITLE_BOTTOM, ADDRESS_Y = 170, 500, 548
TITLE_LINES = 3
# Characters that may not start a line (Chinese line-breaking rules, 避头点).
NO_LINE_START = set("，。、；：！？）》」』”’…,.;:!?)]%")
NO_LINE_END = set("（《「『“‘([")  # ... nor end one
TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-_/@&+.,:;!?%()]*\s*|\s+|.", re.S)


@dataclass(frozen=True)
class Card:
    """One page's card: where it goes (inside the language's site folder) and what it says."""

    page_path: str  # "testing-guide/": the page's folder inside its language's site
    title: str
    site_name: str
    address: str  # the site's host name, printed small at the bottom


@dataclass
class Written:
    path: Path
    size: int


def wrap(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Break `text` into lines that fit: Chinese between any two characters (never before
    a closing mark), other scripts between words."""
    tokens: list[str] = []
    for token in TOKEN.findall(" ".join(text.split())):
        if tokens and (token[0] in NO_LINE_START or tokens[-1][-1] in NO_LINE_END):
            tokens[-1] += token
        else:
            tokens.append(token)
    lines: list[str] = []
    line = ""
    for token in tokens:
        if line and not fits((line + token).rstrip()):
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _fit_title(title: str, font_file: FontFile, width: int):
    """The largest size at which the title fits in TITLE_LINES lines (the smallest size,
    shortened with an ellipsis, when none does)."""
    from PIL import ImageFont

    for size in TITLE_SIZES:
        font = _font(font_file, size)
        lines = wrap(title, lambda s, f=font: f.getlength(s) <= width)
        if len(lines) <= TITLE_LINES:
            return font, lines
    lines = lines[:TITLE_LINES]
    while lines[-1] and font.getlength(lines[-1] + "…") > width:
        lines[-1] = lines[-1][:-1]
    lines[-1] += "…"
    assert isinstance(font, ImageFont.FreeTypeFont)
    return font, lines


_FONTS: dict[tuple[FontFile, int], object] = {}


def _font(font_file: FontFile, size: int):
    from PIL import ImageFont

    key = (font_file, size)
    if key not in _FONTS:
        _FONTS[key] = ImageFont.truetype(font_file.path, size, index=font_file.index,
                                         layout_engine=ImageFont.Layout.BASIC)
    return _FONTS[key]


def _palette() -> list[int]:
    """Index 0..LEVELS-1: navy to white (the anti-aliased edges of white text), then gold."""
    navy, white, gold = (0x1A, 0x23, 0x7E), (0xFF, 0xFF, 0xFF), (0xFF, 0xD5, 0x4F)
    colours = [tuple(round(n + (w - n) * i / (LEVELS - 1)) for n, w in zip(navy, white,
                                                                          strict=True))
               for i in range(LEVELS)] + [gold]
    return [value for colour in colours for value in colour]


LEVELS = 15  # shades between the navy ground and white text; index LEVELS is gold
GOLD_INDEX = LEVELS


def render(card: Card, bold: FontFile, regular: FontFile | None = None) -> bytes:
    """The card as PNG bytes: site name above, the title large, the address below.

    Drawn as white on black in grey levels, which then index a palette from navy to
    white: a 16-colour PNG, no quantising (fast, about 12 KB, the same bytes each time)."""
    from PIL import Image, ImageDraw

    regular = regular or bold
    grey = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(grey)
    site_font = _font(regular, 42)
    site_name = wrap(card.site_name, lambda s: site_font.getlength(s) <= WIDTH - 2 * MARGIN)
    draw.text((MARGIN, MARGIN), site_name[0] if site_name else "", font=site_font, fill=235)
    font, lines = _fit_title(card.title, bold, WIDTH - 2 * MARGIN)
    step = round(font.size * 1.25)
    middle = (TITLE_TOP + TITLE_BOTTOM) // 2
    for number, line in enumerate(lines):  # centred on the title area, line by line
        y = middle + round((number - (len(lines) - 1) / 2) * step)
        draw.text((MARGIN, y), line, font=font, fill=255, anchor="lm")
    draw.text((MARGIN, ADDRESS_Y), card.address, font=_font(regular, 36), fill=235,
              anchor="lm")
    image = grey.point([round(v * (LEVELS - 1) / 255) for v in range(256)])
    bars = ImageDraw.Draw(image)
    bars.rectangle((0, HEIGHT - 24, WIDTH, HEIGHT), fill=GOLD_INDEX)
    bars.rectangle((MARGIN, MARGIN + 66, MARGIN + 120, MARGIN + 74), fill=GOLD_INDEX)
    image.putpalette(_palette())
    out = io.BytesIO()
    image.save(out, format="PNG", bits=4, compress_level=6)
    return out.getvalue()


def cards_of_site(site_dir: Path) -> list[Card]:
    """The cards of the pages a built site shares, read back from their HTML (for a share
    step run on a site built elsewhere; the build itself passes what it knows)."""
    from urllib.parse import urlsplit

    from guides.outputs.share.pages import shared_pages

    root = Path(site_dir)
    return [Card(page.folder.relative_to(root).as_posix() + "/", page.title, page.site_name,
                 urlsplit(page.url).netloc) for page in shared_pages(root)]


def write_cards(site_dir: Path, cards: Iterable[Card] | None = None,
                bold: FontFile | None = None,
                progress: Callable[[str, Path], None] | None = None) -> list[Written]:
    """Each card at `<page>/share/card.png` under `site_dir` (the build passes one
    language's site folder and its cards; without `cards`, every shared page of the site).
    `progress("card", path)` after each file."""
    bold = bold or find("bold")
    if bold is None:
        raise RuntimeError("no Chinese font found (apt-get install fonts-noto-cjk, or set "
                           "SHOUWANG_CJK_FONT to a .ttf/.otf/.ttc file)")
    regular = find("regular") or bold
    written = []
    for card in cards_of_site(site_dir) if cards is None else cards:
        path = Path(site_dir) / card.page_path / CARD_PATH
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render(card, bold, regular))
        written.append(Written(path, path.stat().st_size))
        if progress:
            progress("card", path)
    return written
