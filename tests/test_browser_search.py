"""Search as residents use it, in Debian's Chromium on a phone viewport: a question typed
the way a phone's input method commits it, traditional characters, synonyms, the notice
when no page holds the whole question, and an offline search that needs the network."""

from __future__ import annotations

from offline_pages import controlled_page

from conftest import Tree, build_site, serving

IME_COMMIT = """(text) => {
  const box = document.querySelector("[data-md-component=search-query]");
  box.focus();
  box.dispatchEvent(new CompositionEvent("compositionstart", {bubbles: true, data: ""}));
  box.dispatchEvent(new CompositionEvent("compositionupdate", {bubbles: true, data: text}));
}"""
IME_END = """(text) => document.querySelector("[data-md-component=search-query]")
  .dispatchEvent(new CompositionEvent("compositionend", {bubbles: true, data: text}))"""


def open_search(page, url: str) -> None:
    """Open the search box and wait until the search worker is ready (Material then
    shows its placeholder instead of "initialising"): what is typed after that is read
    only when the page hears of it."""
    page.goto(url)
    page.wait_for_load_state("networkidle")
    meta = page.locator(".md-search-result__meta")
    before = meta.inner_text()
    page.click(".md-header label[for=__search]")
    page.wait_for_function("""(before) => document.querySelector(".md-search-result__meta")
      .textContent.trim() !== before.trim()""", arg=before)


def commit(page, text: str) -> None:
    """What a phone's input method does: composition events around the text it inserts,
    and no key press of ours (Material reads the box on key-up; the page must not wait
    for one)."""
    page.evaluate(IME_COMMIT, text)
    page.keyboard.insert_text(text)
    page.evaluate(IME_END, text)


def clear(page) -> None:
    """Empty the box and wait until the last query's results are gone: otherwise `titles`
    may find them still there, and read the list while the next query replaces it."""
    page.fill("[data-md-component=search-query]", "")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')")


def titles(page) -> list[str]:
    page.locator(".md-search-result__item h1").first.wait_for(timeout=15_000)
    return [t.replace("\u200b", "").strip()
            for t in page.locator(".md-search-result__item h1").all_inner_texts()]


def notice(page) -> str:
    box = page.locator(".sw-search-notice")
    return "" if box.is_hidden() else box.inner_text().strip()


def test_a_question_committed_by_an_input_method_finds_its_guide(page, server):
    open_search(page, server)
    commit(page, "做核酸前要吃饭吗")
    assert "居民核酸检测五项指南" in titles(page)[:3]
    first = page.locator(".md-search-result__item").first
    assert first.locator("mark").count() >= 1  # the sentence that matched, marked
    assert not first.locator("script, img, a a").count()
    assert page.failures == []


def test_traditional_characters_and_synonyms_find_their_guides(page, server):
    open_search(page, server)
    commit(page, "核酸檢測結果")
    assert "居民核酸检测五项指南" in titles(page)[:3]
    clear(page)
    commit(page, "发寒热")  # the dialect word; the guides say 发热 / 发烧
    found = titles(page)
    assert found and page.locator(".md-search-result__item mark").count() >= 1


def test_a_question_no_page_answers_whole_shows_the_closest_with_a_notice(page, server):
    open_search(page, server + "en/")
    commit(page, "testing zebra")
    assert "Nucleic-acid testing in five steps" in titles(page)[:3]
    page.wait_for_function("() => !document.querySelector('.sw-search-notice').hidden")
    assert notice(page) == "No page has every word you typed; these are the closest."
    clear(page)
    commit(page, "testing")
    page.wait_for_function("() => document.querySelector('.sw-search-notice').hidden")


def test_an_offline_search_says_it_needs_the_network(browser, tmp_path):
    """Offline, a search whose files are not on the phone says it needs the network: the
    very first one (not even the search list is cached) and one that needs a page's file
    that an earlier search did not fetch. Online again, the same search answers."""
    tree = Tree(tmp_path)
    tree.guide("home", title="首页", body="首页正文。\n")
    tree.guide("hotlines", title="热线", body="热线正文，打电话。\n")
    tree.guide("guide", title="指南", body="## 现在 {#now}\n记得带口罩，排队保持一米。\n")
    site = build_site(tree)
    message = "搜索需要联网：请连上网络再搜。"
    with serving(site) as url:
        context, page = controlled_page(browser, url)
        page.wait_for_load_state("networkidle")
        context.set_offline(True)
        page.click(".md-header label[for=__search]")
        commit(page, "口罩")
        page.wait_for_function("() => !document.querySelector('.sw-search-notice').hidden",
                               timeout=15_000)
        assert notice(page) == message
        context.set_offline(False)
        page.reload()
        page.click(".md-header label[for=__search]")
        commit(page, "口罩")
        assert titles(page) == ["指南"] and notice(page) == ""
        context.set_offline(True)
        clear(page)
        commit(page, "电话")  # the hotlines page's own file was never fetched
        page.wait_for_function("() => !document.querySelector('.sw-search-notice').hidden",
                               timeout=15_000)
        assert notice(page) == message
        assert page.locator(".md-search-result__item").count() == 0
        context.close()
