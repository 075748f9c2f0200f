"""How the search worker orders pages (issue 13, quality): each test builds a tiny sharded
index in tmp_path, asks the real worker (overrides/assets/javascripts/search-worker.js)
under Node, and asserts an order that the rule it names decides: undo the rule and the
order changes."""

from __future__ import annotations

import json
from pathlib import Path

from searching import ask, found_pages

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


def test_pages_under_one_title_fold_behind_other_guides(tmp_path):
    """Pages under one title that are not copies (their text differs: s-fold's families
    do not join them) stay in the list, but among the first results the second and third
    go after a different page of the same tier."""
    texts = ["急救电话打 120，说清地址。", "急救电话：120。老人摔倒先别扶。", "家里有人晕倒，打急救电话。"]
    same = [d for n, text in enumerate(texts) for d in page(f"title{n}", "急救电话", text)]
    site = index(tmp_path, same + page("other", "求助热线", "急救电话：120。"))
    assert found_pages(site, "急救电话")[:2] == ["title0", "other"]
    assert sorted(found_pages(site, "急救电话")) == ["other", "title0", "title1", "title2"]


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


# s-fold (issue 13, quality at 3,000 pages): stations' copies of one guide are one result.

STEPS = ["到核酸采样点前，先在手机上打开健康码。", "排队时戴好口罩，和前后的人隔开一米。",
         "采样时张大嘴，发出“啊”的声音。", "采样后马上离开，不要在采样点聊天。",
         "结果一般在二十四小时内出来。", "结果是阴性，照常生活。",
         "接到电话说要复核，请留在家里等通知。", "老人不会用手机，可以带身份证。",
         "行动不便的老人，请社工站上门采样。", "有发热、咳嗽，先告诉采样点工作人员。",
         "采样点的位置，看社区的通知。", "排队的人多，可以晚一点再来。"]


def copies(n: int, titles: list[str]) -> list[dict]:
    """n stations' copies of one guide: its steps, a different two left out and the rest
    in another order in each, under the guide's title or the station's own."""
    docs = []
    for k in range(n):
        steps = [s for i, s in enumerate(STEPS) if i not in (k % 12, (k + 5) % 12)]
        steps = steps[k % 7:] + steps[:k % 7]
        docs += page(f"copy{k}", titles[k % len(titles)], "".join(steps[:5]), "".join(steps[5:]))
    return docs


def test_copies_of_a_guide_are_one_result_however_many_and_however_named(tmp_path):
    """Fourteen stations' copies of the testing guide, some under their own titles, hold
    核酸 more than anything else does: the old worker filled the first ten results with
    them (the other guides came 11th and later). Now they are one result, the best copy
    (copy4: one more section of it says 核酸), and the other guides follow."""
    docs = copies(14, ["核酸检测指南", "郭巷社工站：采样须知"])
    docs.insert(4 * 3 + 3, {"location": "copy4/#s2", "title": "出结果前",
                            "text": "<p>核酸结果出来前，不要出门。</p>"})
    site = index(tmp_path, docs + page("sites", "采样点清单", "核酸采样点的桌椅。")
                 + page("vols", "志愿者值班", "核酸检测点的志愿者先签到。"))
    assert found_pages(site, "核酸") == ["copy4", "sites", "vols"]
    first = ask(site, "核酸")["核酸"][0][0]
    assert first["copies"] == 13 and "sw-copies" not in first["title"]  # no words given


def test_the_copies_count_is_said_in_the_sites_words(tmp_path):
    """The stub carries the language's words for the count (the plugin passes
    partials/languages/*.html's sw.search.copies*): one, many, and none for a page alone."""
    docs = copies(3, ["核酸检测指南"])
    tips = ["志愿者提前十分钟到核酸检测点。", "先签到，再领防护用品。", "穿好防护服，请同伴检查。",
            "扫码登记时，帮老人读出名字。", "换班时把情况告诉下一班。", "离开前脱下防护服，洗手。"]
    docs += page("pair0", "志愿者须知", "".join(tips[:4]), "".join(tips[4:]))
    docs += page("pair1", "值班须知", "".join(tips[1:]), tips[0])
    docs += page("alone", "志愿者值班", "核酸检测点的志愿者先签到。")
    (tmp_path / "search").mkdir()
    (tmp_path / "search/search_index.json").write_text(
        json.dumps({"config": {"lang": ["zh"]}, "docs": docs}, ensure_ascii=False), encoding="utf-8")
    search_shards.write(tmp_path, strings={"copies": "另有 {n} 个社工站也有<这一页>",
                                            "copies.one": "另有 1 个社工站也有这一页"})
    titles = {group[0]["location"].rstrip("/"): group[0]["title"]
              for group in ask(tmp_path, "核酸")["核酸"]}
    assert sorted(titles) == ["alone", "copy0", "pair0"]
    assert titles["copy0"].endswith(' <small class="sw-copies">另有 2 个社工站也有&lt;这一页&gt;</small>')
    assert titles["pair0"].endswith(' <small class="sw-copies">另有 1 个社工站也有这一页</small>')
    assert "sw-copies" not in titles["alone"]


def test_different_guides_sharing_headings_and_hotlines_are_not_folded(tmp_path):
    """Two guides of one kind share their headings and the hotline lines of every guide,
    but not their own steps: both are shown, neither counts the other as a copy."""
    shared = ["不舒服，先打这个电话：急救电话 120。", "其他问题，打市民热线 12345。"]
    guide = page("testing", "做核酸", "".join(STEPS[:6]), *shared)
    other = page("medicine", "配药", "药快吃完了，先看还剩几天。请社工站帮你买药，核酸结果出来再去药店。"
                 "慢性病的药，社区医生可以开长处方。", *shared)
    for docs in (guide, other):
        for n, d in enumerate(docs[1:]):
            d["title"] = ["现在就做", "求助电话", "其他问题"][n]
    site = index(tmp_path, guide + other)
    groups = ask(site, "核酸")["核酸"]
    assert sorted(g[0]["location"] for g in groups) == ["medicine/", "testing/"]
    assert [g[0]["copies"] for g in groups] == [0, 0]


def test_the_real_guides_are_not_copies_of_each_other(site):
    """On the real site no page is folded into another (every guide stays a result of
    its own), and the stub carries each language's words for the count."""
    from searching import stub
    for lang, words in (("", "社工站"), ("wuu/", "社工站"), ("en/", "stations")):
        info = stub(site / lang)["config"]["shouwang"]
        assert "families" not in info, (lang, info.get("families"))
        assert words in info["strings"]["copies"] and "{n}" in info["strings"]["copies"]


def test_a_page_merging_two_guides_does_not_make_them_one_family():
    """A station that puts its testing guide and its volunteers' tips on one page makes a
    page like both; joined to both, it would make one family of two guides, and search
    would show only one of them. Each guide's copies stay a family of their own."""
    from guides import search_families

    tips = ["志愿者提前十分钟到核酸检测点", "先签到，再领防护用品和对讲机", "穿好防护服，请同伴检查拉链",
            "扫码登记时，帮老人读出名字", "换班时把情况告诉下一班的人", "离开前脱下防护服，洗两遍手",
            "不要在采样点吃东西和喝水", "遇到吵架的居民，请组长来处理"]

    def copy(lines: list[str], k: int) -> str:
        kept = [line for i, line in enumerate(lines) if i % 5 != k % 5]
        return "\n".join(kept[k % 3:] + kept[:k % 3])

    texts = [copy(STEPS, k) for k in range(4)] + [copy(tips, k) for k in range(4)]
    texts.insert(4, "\n".join(STEPS[:6] + tips))  # the merged page, between them
    family = search_families.families(texts)
    assert family[:4] == [0] * 4 and family[5:] == [5] * 4, family
