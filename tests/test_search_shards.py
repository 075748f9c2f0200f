"""The sharded search index (guides/search_shards.py) and the worker that reads it
(overrides/assets/javascripts/search-worker.js, run under Node by tests/search_query.js)."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import threading
from pathlib import Path

from searching import RUNNER, answers, ask, found_pages, indexed, stub

from guides import search_shards
from guides.search_shards import build, fnv1a, normalise, pages_of, terms

HAN_SAMPLE = "核酸检测社工站志愿者口罩发热隔离老人孩子排队采样消毒居家健康码抗原阳性药品热线"


def write_index(site: Path, docs: list[dict], synonyms: list[list[str]] | None = None
                ) -> Path:
    (site / "search").mkdir(parents=True, exist_ok=True)
    index = {"config": {"lang": ["en"], "separator": "[\\s]+", "pipeline": []}, "docs": docs}
    (site / "search/search_index.json").write_text(json.dumps(index, ensure_ascii=False),
                                                   encoding="utf-8")
    search_shards.write(site, synonyms)
    return site


def test_chinese_is_indexed_by_pairs_and_single_characters():
    assert terms(normalise("做核酸检测。")) == {"做核", "核酸", "酸检", "检测",
                                            "做", "核", "酸", "检", "测"}
    assert terms(normalise("<p>Volunteers&amp;Ｔｅｓｔｓ 12345</p>")) == \
        {"volunteers", "tests", "12345"}
    assert terms(normalise("核\u200b酸")) == {"核酸", "核", "酸"}  # jieba's separators are ignored


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
    answered = answers(site, *queries)
    for query in queries:
        if query.isascii():
            stem = {"volunteering": "volunteer", "tests": "test", "mask": "mask"}[query]
            truth = {p for p, t in texts.items() if stem in t}
        else:
            truth = {p for p, t in texts.items() if query in t}
        items, exact = answered[query]["items"], answered[query]["exact"]
        found = {group[0]["location"].rstrip("/") for group in items[:exact]}
        # at most 20 pages are shown: the leading ones hold the whole query
        assert len(items) == min(20, max(exact, len(items))), query
        if query.isascii() or len(query) <= 2:
            assert exact == len(truth) and found <= truth, query
        else:  # every pair of the run, not always side by side: in random text a superset
            assert exact >= len(truth), query


def test_pages_holding_every_word_come_first_then_the_closest(tmp_path):
    site = write_index(tmp_path, [
        {"location": "both/", "title": "老人做核酸", "text": ""},
        {"location": "one/", "title": "核酸检测", "text": ""},
        {"location": "split/", "title": "说明", "text": ""},
        {"location": "split/#a", "title": "核酸", "text": ""},
        {"location": "split/#b", "title": "照顾老人", "text": ""}])
    answer = answers(site, "核酸 老人")["核酸 老人"]
    pages = [g[0]["location"] for g in answer["items"]]
    assert answer["exact"] == 2 and sorted(pages[:2]) == ["both/", "split/"]
    assert pages[2:] == ["one/"] and answer["notice"] == ""
    partial = answers(site, "核酸 陌生")["核酸 陌生"]
    assert {g[0]["location"] for g in partial["items"]} == {"both/", "one/", "split/"}
    assert partial["exact"] == 0 and partial["notice"] == "partial"
    assert all(group[0]["terms"] == {"核酸": True, "陌生": False} for group in partial["items"])


def test_a_title_match_outranks_a_body_only_match(tmp_path):
    site = write_index(tmp_path, [
        {"location": "body/", "title": "出门须知", "text": "<p>出门记得戴口罩，回家先洗手。</p>"},
        {"location": "title/", "title": "口罩怎样戴", "text": "<p>盖住口鼻，压紧鼻夹。</p>"},
        {"location": "heading/", "title": "防护", "text": ""},
        {"location": "heading/#a", "title": "口罩", "text": "<p>盖住口鼻。</p>"}])
    assert found_pages(site, "口罩") == ["title", "heading", "body"]
    assert found_pages(site, "mask") == []


def test_the_whole_query_outranks_part_of_it_however_strong(tmp_path):
    """A page with 老人 in its title and text, over and over, but no 核酸, comes after a
    page that mentions both once in its text: reversing the sort fails here."""
    site = write_index(tmp_path, [
        {"location": "part/", "title": "老人", "text": "<p>" + "老人。" * 30 + "</p>"},
        {"location": "part/#care", "title": "照顾老人", "text": "<p>老人</p>"},
        {"location": "whole/", "title": "通知", "text": "<p>明天做核酸，家里有老人的请提前说。</p>"}])
    answer = answers(site, "老人核酸")["老人核酸"]
    assert [g[0]["location"] for g in answer["items"]] == ["whole/", "part/"]
    assert answer["exact"] == 1


def test_question_words_and_particles_weigh_nothing(tmp_path):
    site = write_index(tmp_path, [
        {"location": "talk/", "title": "怎么办", "text": "<p>怎么办呢？能不能问问吗？啥辰光？</p>"},
        {"location": "mask/", "title": "戴口罩", "text": "<p>口罩盖住口鼻。</p>"},
        {"location": "en/", "title": "How to wear a mask", "text": "<p>Cover mouth.</p>"}])
    for query in ("口罩怎么戴呢", "口罩能不能反复戴吗", "阿是要戴口罩", "口罩哪能戴啊"):
        pages = [g[0]["location"] for g in answers(site, query)[query]["items"]]
        assert pages[:1] == ["mask/"] and "talk/" not in pages, query
    answer = answers(site, "how do i wear the mask")["how do i wear the mask"]
    assert [g[0]["location"] for g in answer["items"]] == ["en/"] and answer["exact"] == 1
    assert found_pages(site, "怎么办") == ["talk"]  # a query of question words alone still asks


def test_synonyms_apply_in_every_language(tmp_path):
    groups = [["发烧", "发热", "发寒热", "fever"], ["老人", "老年人", "elderly"]]
    site = write_index(tmp_path, [
        {"location": "fever/", "title": "发热门诊", "text": "<p>体温高于 37.3 度算发热。</p>"},
        {"location": "en/", "title": "Fever clinics", "text": "<p>Go if you have a fever.</p>"},
        {"location": "old/", "title": "照顾老年人", "text": "<p>每天打个电话。</p>"}], groups)
    assert stub(site)["config"]["shouwang"]["synonyms"] == groups
    for query, page in [("发烧", "fever"), ("发寒热哪能办", "fever"), ("fever", "en"),
                        ("发烧", "en"), ("老人", "old"), ("elderly", "old")]:
        assert page in found_pages(site, query), query
    assert found_pages(site, "发热")[:1] == ["fever"]  # the word typed before its synonyms
    assert found_pages(write_index(tmp_path / "none", [
        {"location": "fever/", "title": "发热门诊", "text": ""}]), "发烧") == []


def test_traditional_characters_are_read_as_simplified(tmp_path):
    site = write_index(tmp_path, [
        {"location": "a/", "title": "检测结果", "text": "<p>核酸检测结果怎么查。</p>"},
        {"location": "b/", "title": "口罩", "text": "<p>戴口罩。</p>"}])
    for query in ("檢測結果", "核酸檢測", "結果", "口罩"):
        assert found_pages(site, query)[:1] == (["b"] if query == "口罩" else ["a"]), query
    info = stub(site)["config"]["shouwang"]
    folder = site / "search" / info["version"] / "t"
    table = {}
    for k in range(info["t2s"]):
        table.update(json.loads((folder / f"{k}.json").read_text(encoding="utf-8")))
    assert table["檢"] == "检" and table["結"] == "结"
    assert set(table.values()) <= set("检测结果核酸怎么查戴口罩")  # only what the site holds


def test_a_result_shows_the_sentence_that_matched_escaped_and_marked(tmp_path):
    site = write_index(tmp_path, [
        {"location": "a/", "title": "出门 &lt;b&gt; 须知", "text": ""},
        {"location": "a/#go", "title": "出门", "text": "<p>第一句不相干。</p><p>记得戴<b>口罩</b>，"
                                                    "&lt;script&gt;alert(1)&lt;/script&gt;不要摘。"
                                                    "</p><p>回家洗手。</p>"}])
    (group,) = ask(site, "口罩")["口罩"]
    section = next(i for i in group if i["location"] == "a/#go")
    assert section["text"] == "记得戴<mark>口罩</mark>，&lt;script&gt;alert(1)&lt;/script&gt;不要摘。"
    assert group[0]["title"] == "出门 &lt;b&gt; 须知"
    (group,) = ask(site, "Alert")["Alert"]
    assert "&lt;script&gt;<mark>alert</mark>(1)" in group[-1]["text"]


def test_an_offline_search_says_it_needs_the_network(tmp_path):
    site = write_index(tmp_path, [{"location": "a/", "title": "口罩", "text": ""}])
    answer = answers(site, "口罩", offline=True)["口罩"]
    assert answer["items"] == [] and answer["notice"] == "offline"
    assert answers(site, "口罩")["口罩"]["notice"] == ""


def test_the_page_list_is_split_and_an_entry_names_its_page(tmp_path):
    docs = []
    for i in range(100):
        docs += [{"location": f"p{i}/", "title": f"第{i}篇", "text": "正文"},
                 {"location": f"p{i}/#s", "title": "小节", "text": "核酸" if i == 77 else ""}]
    site = write_index(tmp_path, docs)
    info = stub(site)["config"]["shouwang"]
    folder = site / "search" / info["version"]
    assert not (folder / "pages.json").exists()
    assert sorted(p.name for p in (folder / "p").glob("*.json")) == \
        sorted(f"{k}.json" for k in range(25))  # 4 pages a file
    assert [row[0] for row in indexed(site)] == [f"p{i}/" for i in range(100)]
    assert ask(site, "核酸")["核酸"][0][0]["location"] == "p77/"


def test_results_are_materials_shape_with_marks_outside_markup(tmp_path):
    site = write_index(tmp_path, [
        {"location": "a/", "title": "Hotline &amp; help", "text": ""},
        {"location": "a/#call", "title": "Call", "text": '<p><a href="/hotline/">hotlines</a> '
                                                         "and amp notes</p>"}])
    groups = ask(site, "hotline amp")["hotline amp"]
    (group,) = groups
    assert [i["location"] for i in group][0] in ("a/", "a/#call")
    call = next(i for i in group if i["location"] == "a/#call")
    assert call["text"] == "<mark>hotlines</mark> and <mark>amp</mark> notes"
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


# s-scale: what a query fetches (issue 13's 10,000-page target)

def fetched(site: Path, query: str) -> list[str]:
    """The files the real worker fetched for one query (nothing cached), under search/."""
    runner = RUNNER.read_text(encoding="utf-8").replace(
        "  fetch: async (url) => {\n",
        "  fetch: async (url) => {\n    process.stderr.write('GET ' + url + '\\n');\n")
    assert "GET " in runner, "tests/search_query.js changed: its fetch is not found"
    copy = RUNNER.with_name(f"_fetched_{os.getpid()}_{threading.get_ident()}.js")
    copy.write_text(runner, encoding="utf-8")  # beside the original: it finds the worker
    try:
        done = subprocess.run(["node", str(copy), str(site), query], capture_output=True,
                              text=True, timeout=120)
    finally:
        copy.unlink()
    assert done.returncode == 0, done.stderr
    return [line.split("/search/", 1)[1] for line in done.stderr.splitlines()
            if line.startswith("GET ")]


def test_a_pair_fetches_its_own_list_not_every_pair_of_its_first_character(tmp_path,
                                                                           monkeypatch):
    """核酸 in every page and 核对, 核查, 核心 ... too: keyed by its first character, the
    shard of 核酸 carried them all. Now the query reads its own list, and 核 alone (every
    page holding the character) one list too. (Many shards, as at a city's scale, so that
    no other 核 pair shares 核酸's shard by chance of the hash.)"""
    monkeypatch.setattr(search_shards, "ENTRIES_PER_SHARD", 1)
    monkeypatch.setattr(search_shards, "MAX_SHARDS", 512)
    others = ["核对", "核查", "核心", "核实", "核发", "核准", "核定", "核减"]
    docs = [{"location": f"p{i}/", "title": f"第{i}页",
             "text": f"<p>核酸{others[i % 8]}。{'核' if i % 5 == 0 else ''}</p>"}
            for i in range(300)]
    docs.append({"location": "last/", "title": "末页", "text": "<p>只有一个核</p>"})
    site = write_index(tmp_path, docs)
    version = stub(site)["config"]["shouwang"]["version"]
    files = fetched(site, "核酸")
    index = [f for f in files if f.split("/")[1] not in ("d", "p")]  # not the pages shown
    assert index and all(f.startswith(version + "/") for f in files), files
    text = "".join((site / "search" / f).read_text(encoding="utf-8") for f in index)
    assert "核酸" in text and not any(word in text for word in others), files
    asked = answers(site, "核酸", "核")
    assert asked["核酸"]["exact"] == 300 and asked["核"]["exact"] == 301  # and last/


def test_a_common_terms_own_file_gives_the_same_answers(tmp_path, monkeypatch):
    """A term in more than OWN_FILE entries is moved out of its shard into a file of its
    own; the worker follows the shard's pointer, so every answer stays the same."""
    rng = random.Random(11)
    docs = []
    for i in range(120):
        text = "".join(rng.choice(HAN_SAMPLE) for _ in range(60))
        word = rng.choice(["volunteers", "volunteering", "testing", "tests", "masks"])
        docs.append({"location": f"p{i}/", "title": f"第{i}页 {word}",
                     "text": f"<p>{text} {word}</p>"})
        docs.append({"location": f"p{i}/#s", "title": rng.choice(HAN_SAMPLE) * 2,
                     "text": f"<p>{text[::-1]}</p>"})
    queries = ["核酸检测", "社工站志愿者", "老人", "码", "volunteer", "test", "masks 口罩"]
    monkeypatch.setattr(search_shards, "OWN_FILE", 10**9)
    alone = answers(write_index(tmp_path / "alone", docs), *queries)
    monkeypatch.setattr(search_shards, "OWN_FILE", 8)
    site = write_index(tmp_path / "own", docs)
    folder = site / "search" / stub(site)["config"]["shouwang"]["version"]
    assert len(list((folder / "w").glob("*.json"))) > 50
    assert any(f.startswith(folder.name + "/w/") for f in fetched(site, "核酸检测"))
    assert answers(site, *queries) == alone
    assert all(alone[q]["items"] for q in queries)


# s-speed: a common Chinese term's own file without its shard (one round of fetches fewer)

def common_site(base: Path) -> Path:
    rng = random.Random(5)
    docs = []
    for i in range(200):
        text = "".join(rng.choice(HAN_SAMPLE) for _ in range(40))
        docs.append({"location": f"p{i}/", "title": f"第{i}页", "text": f"<p>核酸。{text}</p>"})
    docs.append({"location": "rare/", "title": "稀有", "text": "<p>檐溜</p>"})
    return write_index(base, docs)


def test_a_common_terms_own_file_is_fetched_without_its_shard(tmp_path, monkeypatch):
    monkeypatch.setattr(search_shards, "OWN_FILE", 50)
    site = common_site(tmp_path)
    info = stub(site)["config"]["shouwang"]
    assert info["common"] and info["hashes"] == search_shards.COMMON_HASHES
    files = [f.split("/", 1)[1] for f in fetched(site, "核酸")]
    shard = f"{fnv1a('核酸') % info['shards']}.json"
    assert search_shards.own_file("核酸") in files and shard not in files, files
    # a rare term is read from its shard, as before: the filter does not list it
    assert f"{fnv1a('檐溜') % info['shards']}.json" in [
        f.split("/", 1)[1] for f in fetched(site, "檐溜")]
    assert found_pages(site, "檐溜") == ["rare"]


def test_a_filter_that_calls_every_term_common_changes_no_answer(tmp_path, monkeypatch):
    """The filter's false positives: no own file, or one without the term; the worker
    reads the shard after all. Here every term looks common."""
    monkeypatch.setattr(search_shards, "OWN_FILE", 50)
    site = common_site(tmp_path)
    queries = ["核酸", "檐溜", "核酸 志愿者", "老人", "码", "不在索引里的词"]
    before = answers(site, *queries)
    path = site / "search/search_index.json"
    index = stub(site)
    index["config"]["shouwang"]["common"] = "f" * len(index["config"]["shouwang"]["common"])
    path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    assert answers(site, *queries) == before
    assert before["檐溜"]["items"] and before["核酸"]["exact"] == 200
    files = [f.split("/", 1)[1] for f in fetched(site, "檐溜")]
    assert search_shards.own_file("檐溜") in files  # asked, not there: then the shard
    assert f"{fnv1a('檐溜') % stub(site)['config']['shouwang']['shards']}.json" in files


def test_the_bloom_filter_holds_every_term_it_was_given():
    terms_ = [f"{a}{b}" for a in HAN_SAMPLE[:20] for b in HAN_SAMPLE[:20]]
    bits = search_shards.bloom(terms_)
    assert len(bits) * 4 >= len(terms_) * search_shards.COMMON_BITS
    assert search_shards.bloom([]) == ""
    m = len(bits) * 4

    def listed(term: str) -> bool:
        h1, h2 = search_shards.bloom_hashes(term)
        return all(int(bits[j // 4], 16) >> (j % 4) & 1 for j in
                   (((h1 + i * h2) & 0xFFFFFFFF) % m for i in range(search_shards.COMMON_HASHES)))
    assert all(listed(t) for t in terms_)
    others = [f"{a}{b}" for a in HAN_SAMPLE[20:] for b in HAN_SAMPLE[20:]]
    assert sum(listed(t) for t in others) < 0.03 * len(others)  # about 1 %


def test_the_worker_reads_the_filter_as_it_was_written():
    """search-worker.js's `common` (with its fnv1a and mix) against Python's filter, on
    terms in it and not."""
    source = (RUNNER.parent.parent / "overrides/assets/javascripts/search-worker.js").read_text(
        encoding="utf-8")
    code = "".join(re.search(rf"\nfunction {name}\(.*?\n}}\n", source, re.S).group(0)
                   for name in ("fnv1a", "mix", "common"))
    listed = [f"{a}{b}" for a in HAN_SAMPLE[:25] for b in HAN_SAMPLE[:25]]
    probe = listed[::7] + [f"{a}{b}" for a in HAN_SAMPLE[25:] for b in HAN_SAMPLE[:30]]
    info = {"common": search_shards.bloom(listed), "hashes": search_shards.COMMON_HASHES}
    script = (f"var IS_HAN = /^[\\u3400-\\u9fff]/, info = {json.dumps(info)};{code}"
              f"console.log(JSON.stringify({json.dumps(probe, ensure_ascii=False)}.map(common)));")
    done = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    said = json.loads(done.stdout)
    assert all(said[:len(listed[::7])])
    m = len(info["common"]) * 4
    expected = [all(int(info["common"][j // 4], 16) >> (j % 4) & 1 for j in (
        ((h1 + i * h2) & 0xFFFFFFFF) % m for i in range(search_shards.COMMON_HASHES)))
        for h1, h2 in map(search_shards.bloom_hashes, probe)]
    assert said == expected and not all(said)


def test_the_minified_worker_gives_the_same_answers(tmp_path):
    """The build writes the worker minified (search_shards.minify_worker): run that copy
    under Node beside the original, on the same index."""
    source = RUNNER.parent.parent / "overrides/assets/javascripts/search-worker.js"
    site = common_site(tmp_path / "site")
    (site / "assets/javascripts").mkdir(parents=True)
    shipped = site / search_shards.WORKER
    shipped.write_bytes(source.read_bytes())
    search_shards.minify_worker(site)
    small = shipped.read_text(encoding="utf-8")
    assert len(small) < 0.7 * len(source.read_text(encoding="utf-8")) and "/*" not in small
    runner = tmp_path / "runner/tests/search_query.js"  # search_query.js finds the worker
    runner.parent.mkdir(parents=True)                   # at ../overrides/… beside it
    runner.write_bytes(RUNNER.read_bytes())
    (tmp_path / "runner/overrides/assets/javascripts").mkdir(parents=True)
    (tmp_path / "runner/overrides" / search_shards.WORKER).write_text(small, encoding="utf-8")
    queries = ["核酸", "檐溜", "核酸 志愿者", "老人", "码", "不在索引里的词"]
    done = subprocess.run(["node", str(runner), str(site), *queries], capture_output=True,
                          text=True, timeout=120, check=True)
    assert {a["query"]: a for a in json.loads(done.stdout)} == answers(site, *queries)
