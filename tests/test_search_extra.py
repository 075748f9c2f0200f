"""What readers see is searchable (guides/search_extra.py): hotline cards, front-matter
summaries and checklist items, in the index of the real site and through the real worker."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from questions import LANG_ROOT, folder_of
from searching import ask, indexed, stub

from conftest import REPO
from guides import search_extra
from guides.frontmatter import split
from guides.search_shards import normalise

WORDS = re.compile(r"[\w\u3400-\u9fff]+")


def words(text: str) -> str:
    """Letters, digits and Han characters only: markup, punctuation and spacing out."""
    return "".join(WORDS.findall(normalise(text)))


def entries(lang_dir: Path) -> dict[str, str]:
    """Folder -> the words of every entry of that page in the sharded index."""
    version = stub(lang_dir)["config"]["shouwang"]["version"]
    out = {}
    for i, (location, _, _) in enumerate(indexed(lang_dir)):
        data = json.loads((lang_dir / "search" / version / "d" / f"{i}.json")
                          .read_text(encoding="utf-8"))
        out[folder_of(location)] = words(" ".join(f"{title} {text}" for _, title, text in data))
    return out


def published(lang: str) -> dict[str, tuple[dict, str]]:
    """Folder -> (front matter, body) of every published page in `lang`."""
    out = {}
    for path in sorted((REPO / "content").glob(f"*/{lang}.md")):
        parsed = split(path.read_text(encoding="utf-8"))
        if parsed.meta and parsed.meta.get("status") == "published":
            out[path.parent.name] = (parsed.meta, parsed.body)
    return out


HOTLINES = yaml.safe_load((REPO / "content/_data/hotlines.yml").read_text(encoding="utf-8"))
NUMBERS = {item["id"]: str(item["number"]) for item in HOTLINES["national"]}


def test_checklist_items_are_in_the_index(site):
    """Material indexes task items as the text of their section; every item of every
    published checklist, in every language, must be there (hotline references read as
    the number the page shows)."""
    checked = 0
    for lang, root in LANG_ROOT.items():
        index = entries(site / root)
        for folder, (meta, body) in published(lang).items():
            if meta.get("kind") != "checklist":
                continue
            for item in re.findall(r"^\s*- \[[ xX]\] (.+)$", body, re.M):
                item = re.sub(r"\{\{hotline:([a-z-]+)\}\}", lambda m: NUMBERS[m.group(1)], item)
                assert words(item) in index[folder], (lang, folder, item)
                checked += 1
    assert checked > 40


def test_summaries_are_in_the_index(site):
    for lang, root in LANG_ROOT.items():
        index = entries(site / root)
        pages = published(lang)
        assert pages
        for folder, (meta, _) in pages.items():
            assert words(meta["summary"]) in index[folder], (lang, folder)


def test_hotline_names_and_notes_are_on_the_home_and_hotlines_pages(site):
    for lang, root in LANG_ROOT.items():
        index = entries(site / root)
        for item in HOTLINES["national"]:
            name = item["name"].get(lang, item["name"]["zh"])
            note = (item.get("note") or {}).get(lang, "")
            for folder in ("home", "hotlines"):
                assert words(name) in index[folder], (lang, folder, name)
                assert words(note) in index[folder], (lang, folder, note)


def test_the_ambulance_number_is_found_by_its_name(site):
    """The issue's example: 急救电话 found nothing, though every home page shows it."""
    for root, query in (("", "急救电话"), ("wuu/", "急救电话"), ("en/", "Ambulance")):
        groups = ask(site / root, query)[query]
        top = [folder_of(group[0]["location"]) for group in groups][:3]
        assert {"home", "hotlines"} & set(top), (root, query, top)
        card = [item for group in groups for item in group
                if "#sw-hotlines-" in item["location"]]
        assert card, "the hotline card itself is a result, linked to the cards' section"
    # the section the results link to exists on the page
    for root, anchor in (("", "sw-hotlines-home"), ("hotlines/", "sw-hotlines-top")):
        assert f'id="{anchor}"' in (site / root / "index.html").read_text(encoding="utf-8")


def test_a_summary_only_phrase_finds_its_page(site):
    """分五步讲清楚 is in the testing guide's summary, not in its text."""
    meta, body = published("zh")["testing-guide"]
    assert "分五步讲清楚" in meta["summary"] and "分五步讲清楚" not in body
    groups = ask(site, "分五步讲清楚")["分五步讲清楚"]
    assert "testing-guide" in [folder_of(group[0]["location"]) for group in groups][:3]


# -- the merge itself ---------------------------------------------------------------------

CARDS = [{"number": "120", "name": "急救电话", "note": "马上打"},
         {"number": "12345", "name": "12345 便民热线", "note": ""}]


def test_extras_escape_what_editors_wrote():
    records = search_extra.extras("hotlines/", "热线<b>", "一句<script>x</script>话", "hotlines",
                                  [{"number": "110", "name": "<img src=x>", "note": "&"}])
    assert records[0] == {"location": "hotlines/", "title": "热线&lt;b&gt;",
                          "text": "<p>一句&lt;script&gt;x&lt;/script&gt;话</p>"}
    assert records[1] == {"location": "hotlines/#sw-hotlines-top",
                          "title": "110 &lt;img src=x&gt;", "text": "<p>110 &amp;</p>"}


def test_cards_only_on_the_home_and_hotlines_pages():
    assert [r["location"] for r in search_extra.extras("", "首页", "", "home", CARDS)] == \
        ["#sw-hotlines-home", "#sw-hotlines-home"]
    assert search_extra.extras("testing-guide/", "指南", "", "testing-guide", CARDS) == []
    titles = [r["title"] for r in search_extra.extras("hotlines/", "热线", "", "hotlines", CARDS)]
    assert titles == ["120 急救电话", "12345 便民热线"]  # the number once


def test_records_join_their_page_and_only_pages_in_the_index():
    docs = [{"location": "", "title": "首页", "text": "<p>正文</p>"},
            {"location": "#a", "title": "一", "text": "甲"},
            {"location": "b/#x", "title": "乙一", "text": "乙"},
            {"location": "c/", "title": "丙", "text": "丙"}]
    extra = {"": search_extra.extras("", "首页", "总结", "home", CARDS[:1]),
             "b/": search_extra.extras("b/", "乙", "乙的总结", "b", []),
             "gone/": search_extra.extras("gone/", "撤下", "不该出现", "gone", [])}
    merged = search_extra.add_records(docs, extra)
    assert [(d["location"], d["title"], d["text"]) for d in merged] == [
        ("", "首页", "<p>总结</p> <p>正文</p>"),
        ("#sw-hotlines-home", "120 急救电话", "<p>120 马上打</p>"),
        ("#a", "一", "甲"),
        ("b/", "乙", "<p>乙的总结</p>"),  # a page without a record of its own gets one
        ("b/#x", "乙一", "乙"),
        ("c/", "丙", "丙")]
    assert docs[0]["text"] == "<p>正文</p>"  # the input is left as it was


def test_an_already_sharded_index_is_left_alone(tmp_path):
    search = tmp_path / "search"
    search.mkdir()
    sharded = json.dumps({"config": {"shouwang": {"version": "x"}}, "docs": []})
    (search / "search_index.json").write_text(sharded, encoding="utf-8")
    extra = {"": search_extra.extras("", "首页", "总结", "home", CARDS)}
    assert search_extra.add_to_site(tmp_path, extra) == 0
    assert (search / "search_index.json").read_text(encoding="utf-8") == sharded
    assert search_extra.add_to_site(tmp_path / "missing", extra) == 0
