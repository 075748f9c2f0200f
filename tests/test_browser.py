"""The built site in a real browser: Debian's Chromium, headless, on a phone viewport.

Chromium is never downloaded: `scripts/dev.py test` installs Debian's package, and these
tests fail (they do not skip) when /usr/bin/chromium is missing.
"""

from __future__ import annotations

import pytest

PAGES = {  # one page of each kind, in each language (the missing ones say so)
    "zh": ["", "testing-guide/", "volunteer-tips/", "volunteer-shift-checklist/",
           "ngo-contingency-plan/", "hotlines/", "about/", "404.html"],
    "wuu": ["wuu/", "wuu/testing-guide/", "wuu/volunteer-tips/", "wuu/mental-health/",
            "wuu/medicine-in-lockdown/", "wuu/404.html"],
    "en": ["en/", "en/testing-guide/", "en/volunteer-tips/", "en/volunteer-shift-checklist/",
           "en/ngo-emergency-management/", "en/404.html"],
}


@pytest.mark.parametrize("path", [p for paths in PAGES.values() for p in paths])
def test_page_loads_without_leaving_the_origin(page, server, path):
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    assert page.failures == []
    assert [u for u in page.requests if not u.startswith(server)] == []
    assert not [u for u in page.requests if "search" in u], "search loaded before it was opened"
    assert not [u for u in page.requests if "sitemap.xml" in u]


SEARCHES = [
    ("", "核酸", "居民核酸检测五项指南"),
    ("", "口罩", "给防疫志愿者的 8 条温馨提醒"),
    ("", "志愿者", "核酸检测点志愿者值班清单"),
    ("wuu/", "汏手", "居民做核酸五桩事体（苏州话）"),
    ("en/", "volunteers", "8 reminders for epidemic-prevention volunteers"),
    ("en/", "testing", "Nucleic-acid testing in five steps"),
    ("en/", "guides", "Emergency-management guide for NGOs (epidemic prevention)"),
]


@pytest.mark.parametrize(("root", "query", "title"), SEARCHES)
def test_search_box_finds_words_in_the_readers_language(page, server, root, query, title):
    page.goto(server + root)
    page.wait_for_load_state("networkidle")
    page.click("label[for=__search]")
    page.keyboard.insert_text(query)  # a phone keyboard commits the whole word at once
    page.keyboard.press("End")  # Material reads the query on key-up
    results = page.locator(".md-search-result__item h1, .md-search-result__item h2")
    results.first.wait_for(timeout=10_000)
    titles = [t.replace("\u200b", "").strip() for t in results.all_inner_texts()]
    assert title in titles
    index_requests = [u for u in page.requests if u.endswith("search_index.json")]
    assert index_requests == [f"{server}{root}search/search_index.json"]
    assert page.failures == []
    assert [u for u in page.requests if not u.startswith(server)] == []


def test_switcher_lands_on_the_same_guide(page, server):
    page.goto(server + "testing-guide/")
    page.click(".sw-languages a[hreflang=en]")
    page.wait_for_load_state()
    assert page.url == server + "en/testing-guide/"
    assert page.locator("html").get_attribute("lang") == "en"
    page.click(".sw-languages a[hreflang=wuu-Hans]")
    page.wait_for_load_state()
    assert page.url == server + "wuu/testing-guide/"
    assert page.locator("html").get_attribute("lang") == "wuu-Hans"
    page.goto(server + "volunteer-shift-checklist/")
    page.click(".sw-languages__missing >> text=English")
    page.wait_for_load_state()
    assert page.url == server + "en/volunteer-shift-checklist/"
    assert page.locator(".sw-missing").inner_text().startswith(
        "This guide is not available in English yet.")
