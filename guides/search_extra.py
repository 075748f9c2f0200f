"""What a reader sees on a page but Material's search index leaves out, added to it.

Material indexes the Markdown body of each page (checklist items included: they are list
items of their section). It does not see what our templates add: the tap-to-call hotline
cards from `content/_data/hotlines.yml` on the home page and the hotlines page (so 急救电话
found nothing, though every home page shows it), and the front-matter `summary` (the one
sentence search results and share previews use). This module adds them to the index
Material wrote, before `search_shards.py` splits it, in Material's own record shape
({location, title, text}):

- a page's summary goes in front of the text of the page's own (anchorless) record;
- each hotline becomes a record of its own under the hotline section's anchor
  (`#sw-hotlines-home`, `#sw-hotlines-top`, as `partials/sw-hotlines.html` writes them),
  titled with its name and number, its note as text, placed right after the page's own
  record (the cards stand at the top of the page).

Only pages already in the index get anything: withdrawn pages and the "not available in
this language" pages stay out of search. Text from editors is escaped here, since the
index holds HTML that the results show as it is. MkDocs-free: the plugin hands over what
each page showed (`extras`) and calls `add_to_site` before the index is sharded.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

HOTLINE_ANCHORS = {"home": "sw-hotlines-home", "hotlines": "sw-hotlines-top"}


def extras(url: str, title: str, summary: str, folder: str,
           hotlines: list[dict[str, str]]) -> list[dict[str, str]]:
    """The records a page adds: its summary (location = the page itself) and, on the home
    and hotlines pages, one record per hotline card. `hotlines` as
    `guides.hotlines.for_language` gives them (number, name, note)."""
    records: list[dict[str, str]] = []
    if summary.strip():
        records.append({"location": url, "title": html.escape(title),
                        "text": _paragraph(summary)})
    anchor = HOTLINE_ANCHORS.get(folder)
    if anchor:
        for line in hotlines:
            number, name = line.get("number", ""), line.get("name", "")
            heading = name if number and number in name else f"{number} {name}".strip()
            records.append({"location": f"{url}#{anchor}", "title": html.escape(heading),
                            "text": _paragraph(f"{number} {line.get('note', '')}".strip())})
    return records


def _paragraph(text: str) -> str:
    return f"<p>{html.escape(' '.join(text.split()))}</p>"


def add_records(docs: list[dict], extra: dict[str, list[dict[str, str]]]) -> list[dict]:
    """Material's docs with `extra` (page location -> records from `extras`) merged in: a
    record whose location is the page's goes in front of the page record's text, the others
    right after the page record (the cards stand at the top of the page, before its
    text). Pages not in `docs` get nothing."""
    out: list[dict] = []
    previous = None
    for doc in docs:
        location = str(doc.get("location", ""))
        page = location.partition("#")[0]
        records = extra.get(page, []) if page != previous else []
        previous = page
        front = " ".join(r["text"] for r in records if r["location"] == page)
        cards = [dict(r) for r in records if r["location"] != page]
        if location != page:  # the page has no record of its own: the summary makes one
            if front:
                title = next(r["title"] for r in records if r["location"] == page)
                out.append({"location": page, "title": title, "text": front})
            out.extend(cards)
            out.append(doc)
            continue
        if front:
            doc = {**doc, "text": f"{front} {doc.get('text', '')}".strip()}
        out.append(doc)
        out.extend(cards)
    return out


def add_to_site(site_dir: Path, extra: dict[str, list[dict[str, str]]]) -> int:
    """Merge `extra` into `search/search_index.json` of a built language site, before it is
    sharded; returns the number of records added (0 when there is nothing to do)."""
    path = site_dir / "search" / "search_index.json"
    if not extra or not path.is_file():
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    if (index.get("config") or {}).get("shouwang"):
        return 0  # already sharded: a rebuild that kept the folder
    docs = list(index.get("docs") or [])
    merged = add_records(docs, extra)
    index["docs"] = merged
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
    return len(merged) - len(docs)
