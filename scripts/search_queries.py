#!/usr/bin/env python3
"""The regression set of search queries (Mandarin, Suzhou dialect, English) and their ground
truth in a built site, for judging any search engine the same way (issue 7).

    .venv/bin/python scripts/search_queries.py SITE_DIR        # each query's true page count

Ground truth for a query: the searchable pages of that language whose own text (the
`<div class="sw-body">` a guide's Markdown is rendered into: title, sections, links; not the
language row, toolbar, print box, hotline footer or navigation) contains every
space-separated word of the query, compared case-insensitively. Searchable: not marked
`noindex` ("not available" stubs, redirects), not withdrawn (`sw-banner--withdrawn`), not the
updates list; the same pages Material's search indexes. Standard library only.

    from search_queries import LANG_ROOT, queries, ground_truth
    for q in queries("zh"):
        truth = ground_truth("site", "zh", q)   # {"/g0001-pharmacy/", ...}
"""

from __future__ import annotations

import collections
import functools
import html
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

LANG_ROOT = {"zh": "", "wuu": "wuu/", "en": "en/"}
EXCLUDED = ("updates/",)  # excluded from search by the plugin (`search: exclude`)

# Each Chinese query occurs inside running text, most of them inside a longer jieba word of
# the project dictionary (content/_data/search-words.txt) or of jieba's own, so an engine that
# matches whole index tokens only misses pages: 检测 in 核酸检测, 采样 in 采样点/核酸采样,
# 志愿 in 志愿者, 防护 in 防护服, 洗手 in 免洗洗手液, 老人 in 老人家, 清爽 in 汏清爽.
QUERIES: dict[str, tuple[str, ...]] = {
    "zh": ("核酸", "检测", "核酸检测", "隔离", "口罩", "发热", "社工站", "健康码", "老人",
           "志愿者", "志愿", "消毒", "采样", "防护", "洗手", "独居老人", "焦虑", "喷嚏", "冰排",
           "咳", "核酸 老人", "口罩 消毒", "志愿者 防护服"),
    "wuu": ("汏手", "覅", "勿", "辰光", "屋里", "物事", "晓得", "适意", "清爽", "老人家", "老人",
            "小囡", "倷", "呒不", "吃勿消", "隔壁邻舍", "轧勒一淘", "核酸", "汏手 口罩"),
    "en": ("volunteers", "testing", "guides", "masks", "hotline", "elderly", "social worker",
           "wash hands"),
}


def queries(lang: str) -> list[str]:
    """The regression queries of LANG (`zh`, `wuu` or `en`)."""
    return list(QUERIES[lang])


class _BodyText(HTMLParser):
    """Text of the first `<div class="sw-body …">`, blocks separated by a space."""

    BLOCKS = {"p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "div",
              "table", "tr", "td", "th", "br", "details", "summary", "blockquote", "pre",
              "dd", "dt", "dl", "figure", "figcaption", "label"}
    SKIP = {"script", "style", "svg", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open <div>s inside the body, the body's own included
        self.skip = 0
        self.parts: list[str] = []
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if self.depth == 0:
            classes = (dict(attrs).get("class") or "").split()
            if tag == "div" and "sw-body" in classes:
                self.depth = 1
            return
        if tag == "div":
            self.depth += 1
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.done or self.depth == 0:
            return
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append(" ")
        if tag == "div":
            self.depth -= 1
            self.done = self.depth == 0

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip and not self.done:
            self.parts.append(data)


def page_text(page: str) -> str | None:
    """The searchable text of one page's HTML, or None when search leaves the page out."""
    head = page[:page.find("<body")]
    if re.search(r'<meta\s+name="robots"\s+content="[^"]*noindex', head) or \
            "sw-banner--withdrawn" in page:
        return None
    found = re.search(r'<div\b[^>]*\bclass="sw-body\b', page)
    if found is None:
        return None
    start = found.start()
    end = page.find("</article>", start)
    parser = _BodyText()
    parser.feed(page[start:end if end > 0 else len(page)])
    parser.close()
    return re.sub(r"\s+", " ", html.unescape("".join(parser.parts))).strip()


@functools.lru_cache(maxsize=8)
def pages(site_dir: str | Path, lang: str) -> dict[str, str]:
    """URL path (`/wuu/g0001-pharmacy/`) -> casefolded text of LANG's searchable pages."""
    site = Path(site_dir)
    root = site / LANG_ROOT[lang]
    others = [p for code, p in LANG_ROOT.items() if code != lang and p]
    out: dict[str, str] = {}
    summaries: dict[str, str] = {}
    for path in sorted(root.rglob("index.html")):
        rel = path.relative_to(root).as_posix()[:-len("index.html")]
        if lang == "zh" and rel.startswith(tuple(others)) or rel in EXCLUDED:
            continue
        if path.parent.name == "lite":  # lite pages (guides/outputs/lite.py) are not in search
            continue
        page = path.read_text(encoding="utf-8", errors="replace")
        text = page_text(page)
        if text is not None:
            out["/" + LANG_ROOT[lang] + rel] = text.casefold()
            # the front-matter summary is searchable too (guides/search_extra.py): Material
            # writes it as the page's description; the site's own description is not
            found = re.search(r'<meta\s+name="description"\s+content="([^"]*)"', page)
            summaries["/" + LANG_ROOT[lang] + rel] = html.unescape(found.group(1)) if found else ""
    usual = collections.Counter(summaries.values()).most_common(1)
    for url, summary in summaries.items():
        if summary and (not usual or summary != usual[0][0]):
            out[url] += " " + summary.casefold()
    return out


def matches(text: str, query: str) -> bool:
    """Does TEXT (casefolded) contain every space-separated word of QUERY?"""
    return all(word in text for word in query.casefold().split())


def ground_truth(site_dir: str | Path, lang: str, query: str) -> set[str]:
    """URL paths of LANG's searchable pages in SITE_DIR whose text contains QUERY."""
    return {url for url, text in pages(str(site_dir), lang).items() if matches(text, query)}


def main() -> None:
    """Print each language's searchable pages and each query's true page count."""
    site = sys.argv[1] if len(sys.argv) > 1 else "site"
    for lang in LANG_ROOT:
        total = len(pages(site, lang))
        print(f"{lang}: {total} searchable pages")
        for query in queries(lang):
            print(f"  {query}\t{len(ground_truth(site, lang, query))}")


if __name__ == "__main__":
    main()
