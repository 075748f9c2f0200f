"""The sharded search index (guides/search_shards.py) and the worker that reads it
(overrides/assets/javascripts/search-worker.js, run under Node by tests/search_query.js)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from searching import ask, found_pages, stub

from guides import search_shards
from guides.search_shards import build, fnv1a, normalise, pages_of, terms

HAN_SAMPLE = "核酸检测社工站志愿者口罩发热隔离老人孩子排队采样消毒居家健康码抗原阳性药品热线"


def write_index(site: Path, docs: list[dict]) -> Path:
    (site / "search").mkdir(parents=True, exist_ok=True)
    index = {"config": {"lang": ["en"], "separator": "[\\s]+", "pipeline": []}, "docs": docs}
    (site / "search/search_index.json").write_text(json.dumps(index, ensure_ascii=False),
                                                   encoding="utf-8")
    search_shards.write(site)
    return site


def test_chinese_is_indexed_by_pairs_and_run_ends():
    assert terms(normalise("做核酸检测。")) == {"做核", "核酸", "酸检", "检测", "测"}
    assert terms(normalise("<p>Volunteers&amp;Ｔｅｓｔｓ 12345</p>")) == \
        {"volunteers", "tests", "12345"}
    assert terms(normalise("核\u200b酸")) == {"核酸", "酸"}  # jieba's separators are ignored


def test_hash_is_the_same_as_the_workers():
    # Values from the 32-bit FNV-1a reference (UTF-16 code units); the worker's copy is
    # checked against real lookups in test_every_term_is_found_in_its_shard.
    assert fnv1a("") == 2166136261
    assert fnv1a("a") == 0xE40C292C
    assert fnv1a("核") == fnv1a("\u6838")


def test_sections_are_grouped_under_their_page():
    pages = pages_of([{"location": "a/", "title": "甲", "text": ""},
                      {"location": "a/#x", "title": "甲一", "text": "<p>一</p>"},
                      {"location": "b/#y", "title": "乙一", "text": "二"}])
    assert [(p.location, p.title, p.entries) for p in pages] == [
        ("a/", "甲", [["", "甲", ""], ["#x", "甲一", "<p>一</p>"]]),
        ("b/", "b/", [["", "b/", ""], ["#y", "乙一", "二"]])]


def test_the_same_index_gives_the_same_files():
    docs = [{"location": f"p{i}/", "title": f"第{i}篇", "text": HAN_SAMPLE[i:i + 9]}
            for i in range(20)]
    assert build({"docs": docs}) == build({"docs": list(docs)})


def test_rewriting_replaces_the_old_shards(tmp_path):
    site = write_index(tmp_path, [{"location": "a/", "title": "核酸", "text": ""}])
    old = stub(site)["config"]["shouwang"]["version"]
    write_index(site, [{"location": "a/", "title": "口罩", "text": ""}])
    new = stub(site)["config"]["shouwang"]["version"]
    assert old != new and sorted(p.name for p in (site / "search").iterdir()) == \
        sorted([new, "search_index.json"])
    assert found_pages(site, "口罩") == ["a"] and found_pages(site, "核酸") == []


def test_every_term_is_found_in_its_shard(tmp_path):
    """Hundreds of shards: a query finds the pages holding it, so the worker's tokens and
    hash agree with Python's."""
    rng = random.Random(7)
    docs, texts = [], {}
    for i in range(400):
        text = "".join(rng.choice(HAN_SAMPLE) for _ in range(120))
        word = rng.choice(["volunteers", "testing", "masks", "hotline"])
        docs.append({"location": f"p{i}/", "title": f"第{i}页", "text": f"<p>{text} {word}</p>"})
        texts[f"p{i}"] = f"{text} {word}"
    site = write_index(tmp_path, docs)
    assert stub(site)["config"]["shouwang"]["shards"] >= 16
    queries = ["检测", "核酸检测", "社工站", "站志", "咳", "码", "阳性药", "volunteering",
               "tests", "mask"]
    answers = ask(site, *queries)
    for query in queries:
        if query.isascii():
            stem = {"volunteering": "volunteer", "tests": "test", "mask": "mask"}[query]
            truth = {p for p, t in texts.items() if stem in t}
        else:
            truth = {p for p, t in texts.items() if query in t}
        found = {group[0]["location"].rstrip("/") for group in answers[query]}
        if query.isascii() or len(query) <= 2:
            assert found == truth, query
        else:  # every pair of the run, not always side by side: in random text a superset
            assert truth <= found, query


def test_pages_holding_every_word_come_first_and_only_they(tmp_path):
    site = write_index(tmp_path, [
        {"location": "both/", "title": "老人做核酸", "text": ""},
        {"location": "one/", "title": "核酸检测", "text": ""},
        {"location": "split/", "title": "说明", "text": ""},
        {"location": "split/#a", "title": "核酸", "text": ""},
        {"location": "split/#b", "title": "照顾老人", "text": ""}])
    assert sorted(found_pages(site, "核酸 老人")) == ["both", "split"]
    groups = ask(site, "核酸 陌生")["核酸 陌生"]
    assert {g[0]["location"].split("#")[0] for g in groups} == {"both/", "one/", "split/"}
    assert all(item["terms"]["陌生"] is False for g in groups for item in g)


def test_results_are_materials_shape_with_marks_outside_markup(tmp_path):
    site = write_index(tmp_path, [
        {"location": "a/", "title": "Hotline &amp; help", "text": ""},
        {"location": "a/#call", "title": "Call", "text": '<p><a href="/hotline/">hotlines</a> '
                                                         "and amp notes</p>"}])
    groups = ask(site, "hotline amp")["hotline amp"]
    (group,) = groups
    assert [i["location"] for i in group][0] in ("a/", "a/#call")
    call = next(i for i in group if i["location"] == "a/#call")
    assert call["text"] == '<p><a href="/hotline/"><mark>hotlines</mark></a> and ' \
                           "<mark>amp</mark> notes</p>"
    title = next(i for i in group if i["location"] == "a/")["title"]
    assert title == "<mark>Hotline</mark> &amp; help"
    assert set(call) == {"location", "title", "text", "score", "terms"}


def test_first_pages_have_sections_and_the_rest_titles(tmp_path):
    docs = []
    for i in range(15):
        docs += [{"location": f"p{i:02}/", "title": f"第{i}篇", "text": ""},
                 {"location": f"p{i:02}/#s", "title": "核酸" * (15 - i), "text": "核酸"}]
    groups = ask(write_index(tmp_path, docs), "核酸")["核酸"]
    assert len(groups) == 15
    assert [g[0]["location"].split("#")[0] for g in groups][:2] == ["p00/", "p01/"]
    assert all(len(g) == 2 for g in groups[:10]) and all(len(g) == 1 for g in groups[10:])
    assert all(g[0]["title"].startswith("第") for g in groups[10:])


def test_no_index_no_files(tmp_path):
    assert search_shards.write(tmp_path) == 0
