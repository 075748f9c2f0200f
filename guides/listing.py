"""One page per kind of guide, listing them all, for sites too big for a flat menu.

Material puts the whole navigation into every page. With a dozen guides that is the best
menu there is; with a city's thousand it made every page carry a thousand links (42 KB
compressed at 3,000 pages, and builds that grew with the square of the site). Past
`nav_guides` guides in Mandarin, the menu lists the home page, one page per kind
("居民指南", "清单" …) and the latest updates; each kind's page lists its guides with their
summaries. Pure text work: the plugin decides when and writes the files.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from guides import site
from guides.model import DEFAULT_LANGUAGE, HOME_FOLDER, KIND_LIST_FOLDERS, KINDS

FOLDERS = KIND_LIST_FOLDERS  # reserved (guides/reader.py): no editor's folder can take them
TITLES = {
    "zh": {"resident-guide": "居民指南", "volunteer-tips": "志愿者提示", "checklist": "清单",
           "ngo-manual": "社会组织手册", "page": "其他页面"},
    "wuu": {"resident-guide": "居民指南", "volunteer-tips": "志愿者提醒", "checklist": "清单",
            "ngo-manual": "社会组织手册", "page": "别格页面"},
    "en": {"resident-guide": "Guides for residents", "volunteer-tips": "Tips for volunteers",
           "checklist": "Checklists", "ngo-manual": "Manuals for NGOs", "page": "Other pages"},
}
COUNT = {"zh": "共 {n} 篇，最近更新的在前。", "wuu": "一共 {n} 篇，最近改过格排勒前头。",
         "en": "{n} in all, the most recently updated first."}
NONE = {"zh": "这一类还没有指南。", "wuu": "搿一类还呒不指南，请看普通话版：",
        "en": "There is no guide of this kind in English yet. See the Mandarin list:"}


@dataclass(frozen=True)
class Entry:
    folder: str
    kind: str
    title: str
    summary: str = ""
    updated: str = ""  # YYYY-MM-DD
    withdrawn: bool = False  # keeps its address, but is no longer listed


def kinds_with_guides(entries: list[Entry]) -> list[str]:
    """Kinds, in the model's order, that have a guide among the entries (the home page is
    not listed: it is the menu's first line)."""
    present = {e.kind for e in entries if e.folder != HOME_FOLDER}
    return [kind for kind in KINDS if kind in present]


def _text(value: str) -> str:
    """Front-matter text as Markdown link text: no markup, no link syntax."""
    return escape(value, quote=False).replace("[", "\\[").replace("]", "\\]")


def kind_markdown(language: str, kind: str, entries: list[Entry]) -> str:
    """The kind's page: its guides in `language`, each with its summary, the most recently
    updated first (in an emergency the newest advice matters most; search finds a title)."""
    folder = FOLDERS[kind]
    rows = sorted((e for e in entries
                   if e.kind == kind and e.folder != HOME_FOLDER and not e.withdrawn),
                  key=lambda e: (e.title, e.folder))
    rows.sort(key=lambda e: e.updated, reverse=True)  # ISO dates; stable: titles stay in order
    lines = [f"---\ntitle: {TITLES[language][kind]}\nstatus: published\nsearch:\n"
             "  exclude: true\n---\n"]
    if rows:
        lines += [COUNT[language].format(n=len(rows)), ""]
    else:
        lines.append(NONE[language])
        if language != DEFAULT_LANGUAGE:
            href = site.relative_href(language, folder, DEFAULT_LANGUAGE, folder)
            lines[-1] += f" [{TITLES[DEFAULT_LANGUAGE][kind]}]({href})"
    for e in rows:
        href = site.relative_href(language, folder, language, e.folder)
        line = f"- [{_text(e.title)}]({href})"
        if e.summary:
            line += ("：" if language != "en" else ": ") + _text(e.summary)
        lines.append(line)
    return "\n".join(lines) + "\n"
