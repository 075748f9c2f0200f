"""What a page shows of why it can be trusted: the documents it follows (依据 / Sources),
who reviewed it and when, and the time and place its measures belong to. No MkDocs here.

`sources` and `review` come from the Mandarin source (translations show the source's);
`context` from the page's own language file. Values are passed on as text: the templates
escape every one of them. A malformed entry (which `guides check` reports) is left out.
"""

from __future__ import annotations

import re
from typing import Any

from guides.checks.trust import is_web_address
from guides.model import DEFAULT_LANGUAGE, LANGUAGES, Guide, as_date, partial_date

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def page_trust(guide: Guide | None, language: str, missing: bool = False) -> dict[str, Any]:
    empty: dict[str, Any] = {"sources": [], "reviews": [], "context": None, "medical": False}
    if guide is None or missing:
        return empty
    doc = guide.documents.get(language)
    source = guide.source
    meta = source.meta if source is not None and source.readable else {}
    own = doc.meta if doc is not None and doc.readable else {}
    return {
        "sources": [s for s in (_source(item, language) for item in _list(meta, "sources"))
                    if s],
        "reviews": [r for r in (_review(item, language) for item in _list(meta, "review"))
                    if r],
        "context": _context(own.get("context")),
        "medical": meta.get("medical") is True,
    }


def _list(meta: dict, key: str) -> list:
    value = meta.get(key)
    return value if isinstance(value, list) else []


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _in(value: Any, language: str) -> str:
    """A text, or a {zh: …, en: …} mapping read in `language` (Mandarin as fallback)."""
    if isinstance(value, dict):
        return _text(value.get(language)) or _text(value.get(DEFAULT_LANGUAGE))
    return _text(value)


def _lang(text: str, language: str) -> str:
    """The `lang` a Chinese name needs on an English page (for screen readers)."""
    return LANGUAGES[DEFAULT_LANGUAGE].tag if language == "en" and CJK.search(text) else ""


def _source(item: Any, language: str) -> dict[str, str] | None:
    if not isinstance(item, dict):
        return None
    title, org = _text(item.get("title")), _text(item.get("org"))
    date = partial_date(item.get("date")) or ""
    if not title or not org:
        return None
    url = item.get("url")
    return {"title": title, "code": _text(item.get("code")), "org": org, "date": date,
            "url": url.strip() if is_web_address(url) else "",
            "lang": _lang(title + org, language)}


def _review(item: Any, language: str) -> dict[str, str] | None:
    if not isinstance(item, dict) or item.get("type") not in ("content", "medical"):
        return None
    role, org = _in(item.get("role"), language), _in(item.get("org"), language)
    date = as_date(item.get("date"))
    if not role or not org or date is None:
        return None
    return {"type": item["type"], "role": role, "org": org, "date": date.isoformat(),
            "name": _text(item.get("name")), "lang": _lang(role + org, language)}


def _context(value: Any) -> dict[str, str] | None:
    if not isinstance(value, dict) or not _text(value.get("period")):
        return None
    return {"period": _text(value["period"]), "place": _text(value.get("place"))}
