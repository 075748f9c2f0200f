"""How the search worker orders pages (issue 13, quality): each test builds a tiny sharded
index in tmp_path, asks the real worker (overrides/assets/javascripts/search-worker.js)
under Node, and asserts an order that the rule it names decides: undo the rule and the
order changes."""

from __future__ import annotations

import json
from pathlib import Path

from searching import found_pages

from guides import search_shards


def index(site: Path, docs: list[dict], synonyms: list[list[str]] | None = None) -> Path:
    (site / "search").mkdir(parents=True, exist_ok=True)
    data = {"config": {"lang": ["en"], "separator": "[\\s]+", "pipeline": []}, "docs": docs}
    (site / "search/search_index.json").write_text(json.dumps(data, ensure_ascii=False),
                                                   encoding="utf-8")
    search_shards.write(site, synonyms)
    return site


def page(name: str, title: str, *sections: str) -> list[dict]:
    """A page's record and one record per section, as Material writes them."""
    docs = [{"location": f"{name}/", "title": title, "text": ""}]
    docs += [{"location": f"{name}/#s{n}", "title": f"{title} {n}", "text": f"<p>{text}</p>"}
             for n, text in enumerate(sections)]
    return docs


def test_an_english_word_as_typed_ranks_above_other_forms_of_its_stem(tmp_path):
    """"guides" finds "guide" too, but a page saying "guides" comes first, however
    strongly another says "guide"; "guide" typed has no other form, so score decides."""
    site = index(tmp_path, page("stem", "The guide", "A guide to the guide.", "This guide.")
                 + page("typed", "Other things", "Read the guides."))
    assert found_pages(site, "guides") == ["typed", "stem"]
    assert found_pages(site, "guide") == ["stem", "typed"]


def test_adverbs_and_indefinite_pronouns_weigh_nothing(tmp_path):
    """"do i still need health code": "still" names no topic (as 还 does not)."""
    site = index(tmp_path, page("still", "Still", "Still, still, still.")
                 + page("code", "Codes", "Show the health code at the gate."))
    assert found_pages(site, "do i still need health code") == ["code"]
    assert found_pages(site, "someone fainted") == found_pages(site, "fainted") == []


def test_a_rare_synonym_does_not_outweigh_the_word_typed(tmp_path):
    """A unit weighs by its meaning's rarity: one page mentioning "hotlines.yml" (a rare
    synonym of 电话) does not beat the page about 急救电话."""
    groups = [["电话", "热线", "hotline"]]
    common = [d for n in range(6) for d in page(f"p{n}", f"通知{n}", "有事打电话。")]
    site = index(tmp_path, common
                 + page("file", "改指南", "急救步骤请医生审核。",
                        "号码写进 hotlines.yml，打电话核对过。")
                 + page("calls", "求助电话", "急救打电话。"), groups)
    assert found_pages(site, "急救电话")[0] == "calls"


def test_copies_of_one_guide_fold_behind_other_guides(tmp_path):
    """Stations publish copies of a guide under its title: among the first results the
    second and third copy go after a different page of the same tier."""
    copies = [d for n in range(3) for d in page(f"copy{n}", "急救电话", "急救电话打 120。")]
    site = index(tmp_path, copies + page("other", "求助热线", "急救电话：120。"))
    assert found_pages(site, "急救电话")[:2] == ["copy0", "other"]
    assert sorted(found_pages(site, "急救电话")) == ["copy0", "copy1", "copy2", "other"]


def test_a_character_left_by_a_pair_across_two_words_still_asks(tmp_path):
    """买药找谁: 药找 is no word, but 找 is; the page saying both 买药 and 找 comes first.
    A word the index lacks altogether stays missing (发烧 without synonyms)."""
    site = index(tmp_path, page("ngo", "预案", "买药难。", "买药组。", "帮忙买药。")
                 + page("guide", "药快吃完了", "请社工站帮你买药。", "找不到电话，打 12345。"))
    assert found_pages(site, "买药找谁")[0] == "guide"
    assert found_pages(site, "发烧找谁") == []  # 发烧找 is not in the index at all


def test_pages_holding_more_of_the_query_come_before_the_word_as_typed(tmp_path):
    """防护服怎么脱: a page saying 脱 and a synonym of 防护服 answers it; one saying only
    防护服 does not."""
    groups = [["防护服", "防护用品"]]
    site = index(tmp_path, page("typed", "提醒", "戴好口罩、手套或防护服。")
                 + page("synonym", "清单", "到脱卸区脱下防护用品。"), groups)
    assert found_pages(site, "防护服怎么脱") == ["synonym", "typed"]


def test_a_page_saying_it_in_more_sections_ranks_higher(tmp_path):
    """BM25's saturation: with all else equal, more sections holding the query count."""
    site = index(tmp_path, page("once", "甲", "独居老人。", "别的事。", "另外的事。")
                 + page("thrice", "乙", "独居老人。", "给独居老人打电话。", "独居老人的药。"))
    assert found_pages(site, "独居老人") == ["thrice", "once"]


def test_a_particle_inside_a_listed_word_does_not_split_it(tmp_path):
    """会 and 想 weigh nothing as words of their own, but 社会组织 and 想吐 are in the
    synonyms file: asked whole, they find the page that says them, before a page that
    holds only their other pieces (社 and 组织, 吐) even in its title."""
    groups = [["社会组织", "公益组织"], ["想吐", "恶心"]]
    site = index(tmp_path, page("pieces", "组织", "社区组织。", "社区。")
                 + page("ngo", "预案", "社会组织介入社区。")
                 + page("spit", "吐", "吐痰不文明。", "不要吐。")
                 + page("vomit", "抽血", "有点想吐是正常的。"), groups)
    assert found_pages(site, "社会组织")[0] == "ngo"
    assert found_pages(site, "想吐")[0] == "vomit"
