"""What the templates get about a page (`sw` in the template context). No MkDocs here.

Everything a reader sees around the article comes from this one dictionary: the language
row, the stale-translation notice, the hotlines, the recording, version and dates, and
the sharing preview.
"""

from __future__ import annotations

from typing import Any

from guides import site
from guides.model import (
    AUDIO_SUFFIXES,
    DEFAULT_LANGUAGE,
    HOME_FOLDER,
    LANGUAGES,
    Document,
    Guide,
    as_date,
)
from guides.sanitize import safe_href

AUDIO_TYPES = {".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".ogg": "audio/ogg"}


def languages(language: str, folder: str, base_url: str, available: set[str]) -> list[dict]:
    return [{
        "code": code, "name": spec.name, "tag": spec.tag,
        "href": site.relative_href(language, folder, code, folder),
        "url": site.absolute_url(base_url, code, folder),
        "available": code in available, "current": code == language,
    } for code, spec in LANGUAGES.items()]


def stale(guide: Guide | None, language: str, folder: str) -> dict[str, Any] | None:
    """Versions and link when this translation was made from an older Mandarin version."""
    if guide is None or language == DEFAULT_LANGUAGE or guide.source is None:
        return None
    version = guide.source.meta.get("version")
    doc = guide.documents.get(language)
    based_on = doc.meta.get("source_version") if doc else None
    if not (isinstance(version, int) and isinstance(based_on, int)) or based_on >= version:
        return None
    return {"source_version": based_on, "version": version,
            "href": site.relative_href(language, folder, DEFAULT_LANGUAGE, folder)}


def audio(doc: Document | None) -> dict[str, str] | None:
    """The guide's recording in this language, served from the page's own folder."""
    name = doc.meta.get("audio") if doc else None
    if not isinstance(name, str) or not name.lower().endswith(AUDIO_SUFFIXES):
        return None
    suffix = name[name.rfind("."):].lower()
    # a front-matter value that becomes a URL: never one that could run (`javascript:`)
    return {"src": safe_href(site.asset_href(doc.folder, name)), "type": AUDIO_TYPES[suffix]}


def page_context(guide: Guide | None, language: str, folder: str, base_url: str,
                 hotlines: list[dict[str, str]], missing: bool,
                 available: set[str]) -> dict[str, Any]:
    """`available`: the languages in which this guide has a page readers can see."""
    doc = guide.documents.get(language) if guide else None
    meta = doc.meta if doc and not missing else {}
    updated, review_by = as_date(meta.get("updated")), as_date(meta.get("review_by"))
    return {
        "language": language,
        "folder": folder,
        "home": folder == HOME_FOLDER,
        "missing": missing,
        "languages": languages(language, folder, base_url, available),
        "home_href": site.relative_href(language, folder, language, HOME_FOLDER),
        "hotlines_href": site.relative_href(language, folder, language, "hotlines"),
        "stale": None if missing else stale(guide, language, folder),
        "hotlines": hotlines,
        "audio": None if missing else audio(doc),
        "id": meta.get("id", folder),  # templates escape whatever they print
        "kind": meta.get("kind", ""),
        "version": meta.get("version") if isinstance(meta.get("version"), int) else None,
        "updated": updated.isoformat() if updated else "",
        "review_by": review_by.isoformat() if review_by else "",
        "summary": meta["summary"] if isinstance(meta.get("summary"), str) else "",
        "url": site.absolute_url(base_url, language, folder),
        "image": base_url + LANGUAGES[language].root + "assets/images/share.png",
    }
