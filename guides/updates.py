"""Major changes, as readers see them: a "latest updates" page and an Atom feed per
language, and pages that send a guide's old addresses to its new one. No MkDocs here."""

from __future__ import annotations

import html
from dataclasses import dataclass
from xml.sax.saxutils import escape

from guides import site
from guides.model import DEFAULT_LANGUAGE, LANGUAGES, Guide, as_date

TITLES = {"zh": "最近更新", "wuu": "最近改过格内容", "en": "Latest updates"}
INTROS = {
    "zh": "各篇指南最近的重大修改，最新的在最前。",
    "wuu": "各篇指南最近改过格要紧地方，最新格排勒最前头。",
    "en": "Major changes to the guides, newest first. Change notes are written by the "
          "editors in Mandarin.",
}
VERSION = {"zh": "第 {v} 版", "wuu": "第 {v} 版", "en": "version {v}"}
UPDATES_FOLDER = "updates"


@dataclass(frozen=True)
class Change:
    folder: str
    title: str
    version: int
    date: str
    note: str


def history(guide: Guide) -> list[dict]:
    """The source's public history: entries with a version, a date and a note."""
    source = guide.source
    items = source.meta.get("history") if source else None
    if not isinstance(items, list):
        return []
    out = []
    for item in items:
        date = as_date(item.get("date")) if isinstance(item, dict) else None
        if date and isinstance(item.get("version"), int) and isinstance(item.get("note"), str):
            out.append({"version": item["version"], "date": date.isoformat(),
                        "note": item["note"]})
    return out


def changes(guides: dict[str, Guide], language: str, public: set[str]) -> list[Change]:
    """Every recorded major change of the guides public in `language`, newest first."""
    out = []
    for folder, guide in guides.items():
        if folder not in public:
            continue
        doc = guide.documents.get(language) or guide.source
        title = str(doc.meta.get("title", folder))
        for item in history(guide):
            out.append(Change(folder, title, item["version"], item["date"], item["note"]))
    return sorted(out, key=lambda c: (c.date, c.version, c.folder), reverse=True)


def updates_markdown(language: str, items: list[Change]) -> str:
    lines = [f"---\ntitle: {TITLES[language]}\nsearch:\n  exclude: true\n---\n",
             INTROS[language], ""]
    for change in items:
        link = site.relative_href(language, UPDATES_FOLDER, language, change.folder)
        version = VERSION[language].format(v=change.version)
        lines.append(f"- **{change.date}** [{escape(change.title)}]({link}) {version}："
                     f"{escape(change.note)}" if language != "en" else
                     f"- **{change.date}** [{escape(change.title)}]({link}), {version}: "
                     f"{escape(change.note)}")
    return "\n".join(lines) + "\n"


def atom_feed(language: str, items: list[Change], base_url: str, site_name: str) -> str:
    root = base_url + LANGUAGES[language].root
    updated = items[0].date if items else "2000-01-01"
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{LANGUAGES[language].tag}">',
           f"  <title>{escape(site_name)} · {escape(TITLES[language])}</title>",
           f'  <link rel="self" href="{escape(root)}updates.xml"/>',
           f'  <link rel="alternate" href="{escape(root)}{UPDATES_FOLDER}/"/>',
           f"  <id>{escape(root)}updates.xml</id>",
           f"  <updated>{updated}T00:00:00Z</updated>"]
    for change in items:
        url = site.absolute_url(base_url, language, change.folder)
        version = VERSION[language].format(v=change.version)
        out += ["  <entry>",
                f"    <title>{escape(change.title)} · {escape(version)}</title>",
                f'    <link href="{escape(url)}"/>',
                f"    <id>{escape(url)}#v{change.version}</id>",
                f"    <updated>{change.date}T00:00:00Z</updated>",
                f"    <summary>{escape(change.note)}</summary>",
                "  </entry>"]
    out.append("</feed>")
    return "\n".join(out) + "\n"


def redirect_html(language: str, old: str, new: str, base_url: str, title: str) -> str:
    """A page at an old address that sends readers (and search engines) to the new one."""
    href = site.relative_href(language, old, language, new)
    url = site.absolute_url(base_url, language, new)
    tag = LANGUAGES[language].tag
    text = {"zh": "这篇指南换了地址：", "wuu": "搿篇指南换仔地址：", "en": "This guide has moved: "}
    return (f'<!doctype html>\n<html lang="{tag}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{html.escape(title)}</title>"
            f'<link rel="canonical" href="{html.escape(url)}">'
            f'<meta name="robots" content="noindex">'
            f'<meta http-equiv="refresh" content="0; url={html.escape(href)}"></head>'
            f'<body><p>{text.get(language, text[DEFAULT_LANGUAGE])}'
            f'<a href="{html.escape(href)}">{html.escape(title)}</a></p></body></html>\n')
