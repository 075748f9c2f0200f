"""`guides status`: every guide in every language, what needs attention first."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from dataclasses import asdict, dataclass

from guides.model import DEFAULT_LANGUAGE, LANGUAGES, as_date
from guides.reader import Content

SOON_DAYS = 14


@dataclass
class Row:
    guide: str  # the guide's id (its folder when the id is unreadable)
    language: str
    version: int | None  # the source's version; a translation's source_version
    status: str
    updated: str
    review_by: str
    days_left: int | None
    translation: str  # source, up-to-date, stale, missing
    attention: str  # overdue, stale, due-soon, missing, draft, ok

    @property
    def rank(self) -> tuple:
        order = ["overdue", "stale", "due-soon", "missing", "draft", "ok"]
        return (order.index(self.attention), self.days_left if self.days_left is not None
                else 10**6, self.guide, list(LANGUAGES).index(self.language))


def rows(content: Content, today: dt.date) -> list[Row]:
    out = []
    for folder, guide in sorted(content.guides.items()):
        source = guide.source
        if source is None or not source.readable:
            continue
        guide_id = str(source.meta.get("id", folder))
        version = source.meta.get("version")
        published = source.meta.get("status") == "published"
        for code in LANGUAGES:
            doc = guide.documents.get(code)
            if doc is None or not doc.readable:
                if published and code != DEFAULT_LANGUAGE:
                    out.append(Row(guide_id, code, None, "", "", "", None, "missing",
                                   "missing"))
                continue
            meta = doc.meta
            status = str(meta.get("status", ""))
            review_by = as_date(meta.get("review_by"))
            updated = as_date(meta.get("updated"))
            days = (review_by - today).days if review_by else None
            if code == DEFAULT_LANGUAGE:
                translation, shown = "source", version
            else:
                shown = meta.get("source_version")
                behind = isinstance(version, int) and isinstance(shown, int) and shown < version
                translation = "stale" if behind else "up-to-date"
            if status in ("draft", "review"):
                attention = "draft"
            elif status == "published" and days is not None and days < 0:
                attention = "overdue"
            elif translation == "stale":
                attention = "stale"
            elif status == "published" and days is not None and days <= SOON_DAYS:
                attention = "due-soon"
            else:
                attention = "ok"
            out.append(Row(guide_id, code, shown if isinstance(shown, int) else None, status,
                           updated.isoformat() if updated else "",
                           review_by.isoformat() if review_by else "", days, translation,
                           attention))
    return sorted(out, key=lambda r: r.rank)


HEADERS = {
    "zh": ("指南", "语言", "版本", "状态", "更新", "复核日期", "剩余天数", "译文", "需要处理"),
    "en": ("guide", "lang", "version", "status", "updated", "review by", "days left",
           "translation", "attention"),
}
WORDS = {"zh": {"source": "原文", "up-to-date": "最新", "stale": "过期", "missing": "缺少",
                "overdue": "已过复核日期", "due-soon": "快到复核日期", "draft": "未发布",
                "ok": "—", "published": "已发布", "withdrawn": "已撤下", "review": "审核中"},
         "en": {}}


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def format_table(table: list[Row], lang: str = "zh") -> str:
    words = WORDS[lang]
    cells = [HEADERS[lang]] + [
        (r.guide, r.language, "" if r.version is None else str(r.version),
         words.get(r.status, r.status), r.updated, r.review_by,
         "" if r.days_left is None else str(r.days_left), words.get(r.translation, r.translation),
         words.get(r.attention, r.attention)) for r in table]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(cells[0]))]
    return "\n".join("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True))
                     .rstrip() for row in cells)


def format_json(table: list[Row]) -> str:
    return json.dumps([asdict(r) for r in table], ensure_ascii=False, indent=2)
