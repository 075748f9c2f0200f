"""Big sites: one page per kind in the menu instead of every guide (guides/listing.py)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from conftest import Tree, build_site
from guides.model import SECTIONS


def nav_links(page: Path) -> list[str]:
    """The menu's link targets (Material's primary navigation), as the reader's menu has
    them: light3 (issue 17) left the page the home item and its own, and put the whole
    list in one shared file (`data-sw-nav`), whose links are relative to that file."""
    html = page.read_text(encoding="utf-8")
    nav = html.split('<nav class="md-nav md-nav--primary"', 1)[1]
    nav = nav.split('<div class="md-sidebar md-sidebar--secondary"', 1)[0]
    links = re.findall(r'<a href="([^"]*)" class="md-nav__link[" ]', nav)
    shared = re.search(r'data-sw-nav="([^"]+)"', nav)
    if shared is None:
        return links
    groups: dict[str, list[str]] = {"": []}  # the page's items: target -> its links
    last = ""
    for href in links:
        if href.startswith("#"):
            groups[last].append(href)
        else:
            last = os.path.normpath(page.parent.resolve() / href)
            groups[last] = [href]
    file = (page.parent / shared.group(1)).resolve()
    text = file.read_text(encoding="utf-8")
    assert text.startswith("swNav(") and text.endswith(")\n")
    items = json.loads(text[len("swNav("):-2])
    menu = []
    for href in re.findall(r'<a href="([^"]*)" class="md-nav__link[" ]', items):
        target = os.path.normpath(file.parent / href)
        menu += groups.get(target, [os.path.relpath(target, page.parent.resolve()) + "/"])
    return [".." if link == "../" else link for link in menu]


def resident(lang: str = "zh") -> dict[str, str]:
    body = "".join(f"## {getattr(s, 'en' if lang == 'en' else 'zh')} {{#{s.id}}}\n\n"
                   f"{'Text.' if lang == 'en' else '内容。'}\n\n"
                   for s in SECTIONS["resident-guide"])
    return {"kind": "resident-guide", "audience": "[residents]", "body": body}


def city(tmp_path: Path) -> Tree:
    tree = Tree(tmp_path)
    tree.guide("home", title="首页", kind="page")
    tree.guide("b-mask", title="乙 戴口罩", summary="口罩怎么戴。", updated="2026-11-01",
               **resident())
    tree.guide("a-test", title="甲 做核酸", summary="做核酸前要准备什么。", **resident())
    tree.guide("a-test", lang="en", title="Testing", summary="Before a test.",
               **resident("en"))
    tree.guide("gone", title="丙 旧指南", status="withdrawn", withdrawn_reason="不再适用。",
               **resident())
    tree.guide("shift", title="值班清单", kind="checklist", audience="[volunteers]",
               summary="上岗前逐项打勾。", body="## 上岗前\n\n- [ ] 戴好口罩\n")
    return tree


def test_past_the_limit_the_menu_lists_kinds_and_each_kind_its_guides(tmp_path):
    out = build_site(city(tmp_path), shouwang={"nav_guides": 3})
    guide = out / "a-test/index.html"
    assert nav_links(guide) == ["..", "../all-resident-guides/", "../all-checklists/",
                                "../updates/"]
    listing = (out / "all-resident-guides/index.html").read_text(encoding="utf-8")
    assert "共 2 篇，最近更新的在前。" in listing
    items = re.findall(r'<li><a href="([^"]+)">([^<]+)</a>：([^<]+)</li>', listing)
    assert items == [("../a-test/", "甲 做核酸", "做核酸前要准备什么。"),
                     ("../b-mask/", "乙 戴口罩", "口罩怎么戴。")]
    assert "丙 旧指南" not in listing and "值班清单" not in listing
    assert "all-checklists/" in (out / "sitemap.xml").read_text(encoding="utf-8")
    assert '"all-checklists/"' in (out / "sw.js").read_text(encoding="utf-8")  # offline


def test_a_language_without_a_kind_points_to_the_mandarin_list(tmp_path):
    out = build_site(city(tmp_path), shouwang={"nav_guides": 3})
    en = (out / "en/all-checklists/index.html").read_text(encoding="utf-8")
    assert "There is no guide of this kind in English yet." in en
    assert '<a href="../../all-checklists/">清单</a>' in en
    assert (out / "en/all-resident-guides/index.html").read_text(encoding="utf-8").count(
        '<a href="../testing/">') == 0  # links go to folders, not titles
    assert '<a href="../a-test/">Testing</a>: Before a test.' in \
        (out / "en/all-resident-guides/index.html").read_text(encoding="utf-8")


def test_small_sites_keep_every_guide_in_the_menu(tmp_path):
    out = build_site(city(tmp_path))
    links = [link for link in nav_links(out / "a-test/index.html") if "#" not in link]
    assert sorted(links) == ["..", "../b-mask/", "../gone/", "../shift/", "../updates/", "./"]
    assert not (out / "all-resident-guides").exists()


def test_kind_list_folders_are_reserved(tmp_path):
    tree = city(tmp_path)
    tree.guide("all-checklists", title="抢名字")
    assert "file.reserved" in tree.codes()
