"""Editors' commands, run as editors run them (the real CLI), and what they write."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from searching import found_pages, indexed

from conftest import REPO, TODAY, Tree, build_site
from guides.frontmatter import split
from guides.model import KINDS

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def guides(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "guides", *args, "--today", TODAY.isoformat()],
                          cwd=cwd, capture_output=True, text=True, timeout=300, env=ENV)


def check(cwd: Path) -> dict:
    result = guides(["check", "--content", "content", "--format", "json"], cwd)
    return json.loads(result.stdout)


@pytest.mark.parametrize("kind", KINDS)
def test_new_guide_passes_the_checks_at_once(tmp_path, kind):
    (tmp_path / "content").mkdir()
    result = guides(["new", kind, "flood-guide", "--content", "content"], tmp_path)
    assert result.returncode == 0, result.stderr
    path = tmp_path / "content/flood-guide/zh.md"
    assert result.stdout.startswith(f"已创建 {Path('content/flood-guide/zh.md')}（草稿）")
    meta = split(path.read_text(encoding="utf-8")).meta
    assert (meta["id"], meta["kind"], meta["status"], meta["version"]) == \
        ("flood-guide", kind, "draft", 1)
    assert str(meta["updated"]) == "2026-11-29" and str(meta["review_by"]) == "2027-02-27"
    report = check(tmp_path)
    assert (report["errors"], report["warnings"]) == (0, 0), report["findings"]


def test_new_refuses_to_overwrite_and_bad_names(tmp_path):
    Tree(tmp_path).guide("flood-guide")
    before = (tmp_path / "content/flood-guide/zh.md").read_bytes()
    result = guides(["new", "page", "flood-guide", "--content", "content"], tmp_path)
    assert result.returncode == 1
    assert "已经存在" in result.stderr
    assert (tmp_path / "content/flood-guide/zh.md").read_bytes() == before
    result = guides(["new", "page", "Flood Guide", "--content", "content", "--lang", "en"],
                    tmp_path)
    assert result.returncode == 1 and "\"Flood Guide\" cannot be a folder name" in result.stderr
    assert guides(["new", "poster", "x", "--content", "content"], tmp_path).returncode == 1


def test_translate_starts_from_the_source(tmp_path):
    tree = Tree(tmp_path)
    tree.guide("g", version=3, body="## 现在 {#now}\n原文内容。\n",
               history='[{version: 3, date: 2026-11-20, note: 改了}]')
    result = guides(["translate", "g", "--to", "en", "--content", "content"], tmp_path)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "content/g/en.md").read_text(encoding="utf-8")
    meta = split(text).meta
    assert (meta["source_version"], meta["status"], meta["id"]) == (3, "draft", "g")
    assert "history" not in meta
    assert "原文内容。" in text
    report = check(tmp_path)
    assert report["errors"] == 0, report["findings"]
    again = guides(["translate", "g", "--to", "en", "--content", "content"], tmp_path)
    assert again.returncode == 1 and "已经存在" in again.stderr
    unknown = guides(["translate", "nope", "--to", "en", "--content", "content"], tmp_path)
    assert unknown.returncode == 1 and "没有编号为“nope”的指南。现有：g" in unknown.stderr


def test_major_bump_records_history_and_marks_translations_stale(tmp_path):
    tree = Tree(tmp_path)
    tree.guide("g", updated="2026-11-01")
    tree.guide("g", lang="en")
    result = guides(["bump", "g", "--major", "-m", "采样点改到社区服务中心", "--content",
                     "content"], tmp_path)
    assert result.returncode == 0, result.stderr
    meta = split((tmp_path / "content/g/zh.md").read_text(encoding="utf-8")).meta
    assert meta["version"] == 2 and str(meta["updated"]) == "2026-11-29"
    assert meta["history"] == [{"version": 2, "date": "2026-11-29",
                                "note": "采样点改到社区服务中心"}]
    guides(["bump", "g", "--major", "-m", "再改一次", "--content", "content"], tmp_path)
    meta = split((tmp_path / "content/g/zh.md").read_text(encoding="utf-8")).meta
    assert [h["version"] for h in meta["history"]] == [3, 2]  # newest first
    report = check(tmp_path)
    assert report["errors"] == 0
    assert [f["code"] for f in report["findings"] if f["severity"] == "warning"] == \
        ["translation.stale"]
    no_note = guides(["bump", "g", "--major", "--content", "content"], tmp_path)
    assert no_note.returncode == 1 and "修改说明" in no_note.stderr


def test_minor_bump_changes_nothing_readers_see(tmp_path):
    tree = Tree(tmp_path)
    path = tree.guide("g")
    before = path.read_bytes()
    result = guides(["bump", "g", "--minor", "--content", "content"], tmp_path)
    assert result.returncode == 0
    assert path.read_bytes() == before
    assert "仍是第 1 版" in result.stdout


def test_status_sorts_what_needs_attention_first(tmp_path):
    tree = Tree(tmp_path)
    tree.guide("fine", review_by="2027-06-01")
    tree.guide("fine", lang="en", review_by="2027-06-01")
    tree.guide("fine", lang="wuu", review_by="2027-06-01")
    tree.guide("overdue", updated="2026-01-01", review_by="2026-11-01")
    tree.guide("soon", review_by="2026-12-05")
    tree.guide("soon", lang="en", review_by="2026-12-05")
    tree.guide("soon", lang="wuu", review_by="2026-12-05")
    tree.guide("stale", version=2)
    tree.guide("stale", lang="en", source_version=1)
    tree.guide("stale", lang="wuu", source_version=2)
    tree.guide("wip", status="draft")
    result = guides(["status", "--content", "content", "--format", "json"], tmp_path)
    rows = json.loads(result.stdout)
    first = [(r["guide"], r["language"], r["attention"]) for r in rows][:6]
    assert first == [("overdue", "zh", "overdue"), ("stale", "en", "stale"),
                     ("soon", "zh", "due-soon"), ("soon", "wuu", "due-soon"),
                     ("soon", "en", "due-soon"), ("overdue", "wuu", "missing")]
    overdue = rows[0]
    assert (overdue["days_left"], overdue["review_by"], overdue["version"]) == \
        (-28, "2026-11-01", 1)
    text = guides(["status", "--content", "content"], tmp_path).stdout.splitlines()
    assert text[0].split() == ["指南", "语言", "版本", "状态", "更新", "复核日期", "剩余天数",
                               "译文", "需要处理"]
    assert text[1].split()[-1] == "已过复核日期"


def test_drafts_stay_out_of_the_public_build_but_show_in_preview(tmp_path):
    tree = Tree(tmp_path)
    tree.guide("home", title="首页")
    tree.guide("wip", title="草稿指南", status="draft")
    tree.guide("done", title="已发布", body="正文\n")
    tree.guide("done", lang="en", title="Done", status="review")
    out = build_site(tree)
    assert not (out / "wip").exists()
    assert "草稿指南" not in (out / "sitemap.xml").read_text(encoding="utf-8")
    english = (out / "en/done/index.html").read_text(encoding="utf-8")
    assert "This guide is not available in English yet." in english  # under review
    preview = build_site(tree, command="serve", site_dir=str(tmp_path / "preview"))
    page = (preview / "wip/index.html").read_text(encoding="utf-8")
    assert "草稿预览：这一页还没有发布，读者看不到。" in page


def test_withdrawn_guide_keeps_its_address_with_a_banner(tmp_path):
    tree = Tree(tmp_path)
    tree.guide("home", title="首页")
    tree.guide("new", title="新指南")
    tree.guide("old", title="旧指南", status="withdrawn", withdrawn_reason="检测点已撤销。",
               replaced_by="new", body="旧的内容\n")
    out = build_site(tree)
    page = (out / "old/index.html").read_text(encoding="utf-8")
    assert "这篇指南已经撤下，内容可能不再适用。" in page and "检测点已撤销。" in page
    assert '请改看：<a href="../new/">新指南</a>' in page
    assert "new/" in [loc for loc, _, _ in indexed(out)]
    assert not [loc for loc, _, _ in indexed(out) if loc.startswith("old/")]
    assert found_pages(out, "旧的内容") == []
    assert "old/" not in (out / "sitemap.xml").read_text(encoding="utf-8")
    assert '"old/"' not in (out / "sw.js").read_text(encoding="utf-8").split("const ASSETS")[0]


def test_history_updates_page_feed_and_redirects(tmp_path):
    tree = Tree(tmp_path)
    tree.guide("home", title="首页")
    tree.guide("flood", title="防汛指南", version=2, renamed_from="[old-flood]",
               history='[{version: 2, date: 2026-11-25, note: 新增转移路线}, '
                       '{version: 1, date: 2026-11-01, note: 首次发布}]')
    tree.guide("flood", lang="en", title="Flood guide", source_version=2)
    out = build_site(tree)
    page = (out / "flood/index.html").read_text(encoding="utf-8")
    assert "<summary>修改记录</summary>" in page
    assert "<strong>2026-11-25</strong> · 第 2 版：新增转移路线" in page
    updates = (out / "updates/index.html").read_text(encoding="utf-8")
    assert updates.index("新增转移路线") < updates.index("首次发布")
    atom = ElementTree.parse(out / "en/updates.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in atom.findall("a:entry", ns)]
    assert titles == ["Flood guide · version 2", "Flood guide · version 1"]
    assert atom.find("a:entry/a:link", ns).get("href") == "https://guides.example.org/en/flood/"
    redirect = (out / "old-flood/index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../flood/">' in redirect
    assert (out / "en/old-flood/index.html").is_file()


def test_repository_content_passes_status(tmp_path):
    result = subprocess.run([sys.executable, "-m", "guides", "status", "--format", "json"],
                            cwd=REPO, capture_output=True, text=True, env=ENV)
    rows = json.loads(result.stdout)
    assert {r["guide"] for r in rows} >= {"testing-guide", "volunteer-tips", "ppe-checklist"}
    assert not [r for r in rows if r["attention"] in ("overdue", "stale")]
