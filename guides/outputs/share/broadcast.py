"""The broadcast text: what a station pastes into a WeChat group or sends as an SMS.

At most MAX_CHARS characters, the page's address included: the title, the three most
important actions, the most important hotline, the address. An editor may write it in
front matter (`broadcast:`, checked by guides/checks/broadcast.py); otherwise it is made
from the guide's first section as the page shows it. Pure functions: no files, no MkDocs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from guides.outputs.share.htmltree import Element

MAX_CHARS = 300  # the WeChat group-message and SMS length to plan for
ACTIONS = 3
MIN_ACTION = 8  # an action is never cut shorter than this (then one is left out)
ELLIPSIS = "…"
# When the site's address is not known (a check without mkdocs.yml), this many characters
# are kept for "https://host/" in front of the page's path.
HOST_ALLOWANCE = 40

LABELS = {
    "zh": {"help": "求助电话：{number}{name}", "more": "详情：{url}"},
    "wuu": {"help": "求助电话：{number}{name}", "more": "详细看：{url}"},
    "en": {"help": "Help: call {number}{name}", "more": "More: {url}"},
}


@dataclass(frozen=True)
class Hotline:
    number: str
    name: str = ""


def length(text: str) -> int:
    """Characters as a phone counts them: one per character, line breaks included."""
    return len(unicodedata.normalize("NFC", text))


def tidy(text: str) -> str:
    """One line: spaces collapsed, no trailing list punctuation left dangling."""
    return " ".join(text.split())


def with_address(text: str, url: str) -> str:
    """An editor's text with the page's address on its own last line (once)."""
    text = text.strip()
    return text if url in text else f"{text}\n{url}"


def over_by(text: str, url: str) -> int:
    """How many characters an editor's text must lose to fit, its address added (0: fits)."""
    return max(0, length(with_address(text, url)) - MAX_CHARS)


def _hotline_line(hotline: Hotline | None, language: str) -> str:
    if hotline is None:
        return ""
    name = tidy(hotline.name)
    if name.startswith(hotline.number):  # "12320 卫生健康热线" names its number already
        name = name[len(hotline.number):].strip()
    if name:
        name = f" ({name})" if language == "en" else f"（{name}）"
    return LABELS.get(language, LABELS["zh"])["help"].format(number=hotline.number, name=name)


def _cut(text: str, size: int) -> str:
    return text if length(text) <= size else text[: max(1, size - 1)].rstrip() + ELLIPSIS


def compose(title: str, actions: list[str], hotline: Hotline | None, url: str,
            language: str = "zh") -> str:
    """The made broadcast text, fitted into MAX_CHARS: long actions are shortened (never
    below MIN_ACTION characters), then the last ones left out; the address is never cut."""
    labels = LABELS.get(language, LABELS["zh"])
    steps = [tidy(a) for a in actions if tidy(a)][:ACTIONS]
    title = tidy(title)
    tail = [line for line in (_hotline_line(hotline, language),
                              labels["more"].format(url=url)) if line]

    def text(items: list[str], head: str) -> str:
        lines = [head, *(f"{n}. {item}" for n, item in enumerate(items, 1)), *tail]
        return "\n".join(line for line in lines if line)

    for count in range(len(steps), -1, -1):  # fewer actions only when all cannot fit
        kept = steps[:count]
        longest = max((length(s) for s in kept), default=0)
        for cap in range(longest, min(longest, MIN_ACTION) - 1, -1):  # one cap for all
            made = text([_cut(s, cap) for s in kept], title)
            if length(made) <= MAX_CHARS:
                return made
            if not kept:
                break
    for size in range(length(title), MIN_ACTION - 1, -1):
        made = text([], _cut(title, size))
        if length(made) <= MAX_CHARS:
            return made
    return text([], _cut(title, MIN_ACTION))  # the address alone is too long: caller says so


# -- the address, when only content/ is known (the check) -----------------------------------

SITE_URL = re.compile(r"^site_url:\s*[\"']?(?P<url>[^\s\"'#]+)", re.M)


def site_url_beside(content_root: Path) -> str | None:
    """site_url from the mkdocs.yml next to content/ (the project's layout), if any."""
    try:
        text = (Path(content_root).parent / "mkdocs.yml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    match = SITE_URL.search(text)
    return match.group("url").rstrip("/") + "/" if match else None


def page_address(site_url: str | None, root: str, folder: str) -> str:
    """The page's address; with no site_url, a stand-in of HOST_ALLOWANCE characters."""
    base = site_url or "https://" + "x" * (HOST_ALLOWANCE - len("https://") - 1) + "/"
    return f"{base}{root}{folder}/"


# -- made from the page: the first section's actions and the guide's own hotline ---------------

SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?|[^.!?]+[.!?]?")


def first_actions(body: Element | None, count: int = ACTIONS) -> list[str]:
    """The first section's list items (a checklist's items, a guide's steps); when it
    has no list, its first sentences."""
    if body is None:
        return []
    heading = body.find("h2")
    section = next((e for e in body.iter() if heading in e.children), body) if heading \
        else body
    if heading is not None and section is body:  # an h2 straight in the body: up to the next
        items, seen = [], False
        for child in body.children:
            if child is heading:
                seen = True
            elif seen and isinstance(child, Element) and child.tag == "h2":
                break
            elif seen and isinstance(child, Element):
                items.append(child)
        section = Element("div", {}, items)
    lists = [e for e in section.iter() if e.tag in ("ol", "ul")]
    if lists:
        found = [li.text().replace("\n", " ") for li in lists[0].children
                 if isinstance(li, Element) and li.tag == "li"]
        return [tidy(x) for x in found if tidy(x)][:count]
    text = " ".join(p.text().replace("\n", " ") for p in section.iter() if p.tag == "p")
    return [tidy(s) for s in SENTENCE.findall(text) if tidy(s)][:count]


def first_hotline(body: Element | None, hotlines: list[tuple[str, str, str]]) -> Hotline | None:
    """The number the guide's own text sends readers to first; else the first of the
    site's list (the emergency number)."""
    names = {number: name for number, name, _ in hotlines}
    for link in body.iter() if body is not None else []:
        href = (link.attrs.get("href") or "") if link.tag == "a" else ""
        if href.lower().startswith("tel:"):
            number = href[4:].strip()
            return Hotline(number, names.get(number, ""))
    if hotlines:
        return Hotline(hotlines[0][0], hotlines[0][1])
    return None
