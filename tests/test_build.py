"""Build real sites into tmp_path with MkDocs and the plugin, and read the output."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from conftest import CONFIG, OVERRIDES, Tree, build_site
from guides.compressed import is_precompressed
from injection_vectors import PLAIN_PDF


@pytest.fixture
def site(tmp_path: Path) -> Tree:
    tree = Tree(tmp_path)
    tree.guide("home", title="首页", body="[去指南](../guide/#do-now) [电话](tel:12345)\n")
    tree.guide("home", lang="en", title="Home", body="[Guide](../guide/#do-now) [Call](tel:12345)\n")
    tree.guide("guide", title="指南", body="""
        ## 现在就做 {#do-now}
        ![排队](queue.png)
        [回首页](../home/) [本页](#do-now)
        """)
    tree.guide("guide", lang="en", title="Guide", body="## Now {#do-now}\n[Home](../home/)\n")
    tree.write("guide/queue.png", b"\x89PNG\r\n\x1a\n")
    tree.write("_data/hotlines.yml", HOTLINES)
    return tree


HOTLINES = """\
national:
  - {id: ambulance, number: "120", verified: 2026-11-01, name: {zh: 急救}}
  - {id: citizen, number: "12345", verified: 2026-11-01, name: {zh: 便民热线}}
local: []
"""


def html_files(site_dir: Path) -> list[str]:
    """Every output file but Material's assets, the search index and compressed copies."""
    names = (p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    return sorted(n for n in names if "assets/" not in n and "search/" not in n
                  and not is_precompressed(n))


def test_each_guide_becomes_a_folder_page(site):
    out = build_site(site)
    assert html_files(out) == [
        "404.html", "en/404.html", "en/guide/index.html", "en/guide/lite/index.html",
        "en/guide/queue.png",
        "en/guide/share/card.png", "en/index.html",  # its share card (issue 14)
        "en/lite/index.html",
        "en/manifest.webmanifest", "en/sitemap.xml", "en/sw.js", "en/updates.xml",
        "en/updates/index.html", "guide/index.html", "guide/lite/index.html",
        "guide/queue.png", "guide/share/card.png", "index.html", "lite/index.html",
        "manifest.webmanifest", "robots.txt", "sitemap.xml", "sw.js", "updates.xml",
        "updates/index.html", "wuu/404.html", "wuu/guide/index.html", "wuu/guide/queue.png",
        "wuu/index.html", "wuu/manifest.webmanifest", "wuu/sitemap.xml", "wuu/sw.js",
        "wuu/updates.xml", "wuu/updates/index.html"]
    home = (out / "index.html").read_text(encoding="utf-8")
    guide = (out / "guide/index.html").read_text(encoding="utf-8")
    assert '<a href="guide/#do-now">去指南</a>' in home
    assert '<a href="tel:12345">电话</a>' in home
    assert "<h1>指南</h1>" in guide
    assert '<h2 id="do-now">现在就做</h2>' in guide
    assert '<img alt="排队" src="queue.png">' in guide  # as the cleaning writes it
    assert '<a href="../">回首页</a>' in guide


def test_the_english_build_takes_the_english_files(site):
    out = build_site(site) / "en"
    guide = (out / "guide/index.html").read_text(encoding="utf-8")
    assert "<h1>Guide</h1>" in guide and "现在就做" not in guide
    assert '<a href="../">Home</a>' in guide


def test_errors_in_content_stop_the_build(site, caplog):
    site.guide("broken", version="二")  # (and not linked from the home page: a warning)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        with pytest.raises(Abort):
            build_site(site)
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [
        'guides: content/broken/zh.md:6: error: field "version" must be a whole number, '
        'not "二" [fm.type] — hint: for example version: 3',
        "FAILED: checked 5 files: 1 error, 1 warning, 2 notes; run `guides check` for details",
    ]
    assert not (site.base / "site/index.html").exists()


def test_warnings_fail_only_a_strict_build(site):
    site.guide("old", updated="2020-01-01", review_by="2020-06-01")
    with pytest.raises(Abort):
        build_site(site, strict=True)
    build_site(site)  # MkDocs logs a repeated message once per process: strict build first


def run_cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "guides", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_guides_build_checks_then_builds(site):
    (site.base / "mkdocs.yml").write_text(CONFIG.format(language="zh", overrides=OVERRIDES, extra=""), encoding="utf-8")
    result = run_cli(["build"], site.base)
    assert result.returncode == 0, result.stderr
    summary, built = result.stdout.splitlines()[-2:]
    assert summary == "通过：检查了 4 个文件，0 个错误，0 个警告，2 条提示"
    assert re.fullmatch(r"网站已生成：site/（\d+ 个网页，用时 \d+ 秒）。预览：guides serve；"
                        r"发布：guides publish --to 文件夹", built), built
    assert (site.base / "site/guide/index.html").is_file()
    assert "guides:" not in result.stderr  # checked once, not again inside MkDocs


def test_guides_build_refuses_on_errors_and_writes_nothing(site):
    (site.base / "mkdocs.yml").write_text(CONFIG.format(language="zh", overrides=OVERRIDES, extra=""), encoding="utf-8")
    site.write("guide/zh.md", textwrap.dedent("""\
        ---
        id: guide
        kind: page
        ---
        """))
    result = run_cli(["build", "--lang", "en"], site.base)
    assert result.returncode == 1
    assert result.stderr == "Not built: fix the errors above first, then run guides check.\n"
    assert 'content/guide/zh.md:1: error: required field "title" is missing' in result.stdout
    assert not (site.base / "site").exists()


def test_guides_build_strict_refuses_on_warnings(site):
    (site.base / "mkdocs.yml").write_text(CONFIG.format(language="zh", overrides=OVERRIDES, extra=""), encoding="utf-8")
    site.guide("old", updated="2020-01-01", review_by="2020-06-01")
    assert run_cli(["build"], site.base).returncode == 0
    result = run_cli(["build", "--strict"], site.base)
    assert result.returncode == 1
    assert result.stderr == "没有生成网站：--strict 模式下警告也要改正。\n"


def test_task_items_become_labelled_checkboxes():
    from guides.checklists import label_task_items

    html = ('<ul class="task-list"><li class="task-list-item"><input type="checkbox" disabled/>'
            ' 测体温</li><li class="task-list-item"><input type="checkbox" checked disabled/> '
            '穿防护服<ul><li>手套</li></ul></li></ul>')
    assert label_task_items(html) == (
        '<ul class="task-list"><li class="task-list-item"><label class="sw-task"><input '
        'type="checkbox" disabled> <span>测体温</span></label></li><li class="task-list-item">'
        '<label class="sw-task"><input type="checkbox" checked disabled> <span>穿防护服</span>'
        "</label><ul><li>手套</li></ul></li></ul>")


def test_compact_html_keeps_words_and_preformatted_text():
    from guides.output import compact_html

    html = "<p>\n    一句\n    two words\n</p>\n\n\n<pre>  keep\n    this\n</pre>\n  <b>x</b>"
    assert compact_html(html) == ("<p>\n一句\ntwo words\n</p>\n<pre>  keep\n    this\n</pre>"
                                  "\n<b>x</b>")


def test_only_images_audio_and_pdfs_are_published_from_guide_folders(tmp_path):
    """Even in the preview, where errors do not stop the build: an uploaded page or script
    would run at the site's own address."""
    tree = Tree(tmp_path)
    tree.guide("home", title="首页")
    tree.guide("guide", title="指南", body="![排队](queue.png)\n")
    tree.write("guide/queue.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    tree.write("guide/leaflet.pdf", PLAIN_PDF)  # a real PDF: an unreadable one is refused
    tree.write("guide/page.html", "<script>window.__pwned = 1</script>")
    tree.write("guide/tool.js", "window.__pwned = 1;")
    tree.write("guide/notes.txt", "草稿")
    out = build_site(tree, command="serve")
    assert (out / "guide/queue.png").is_file() and (out / "guide/leaflet.pdf").is_file()
    assert not [p for p in out.rglob("*") if p.name in ("page.html", "tool.js", "notes.txt")]
    assert list((out / "assets/javascripts").glob("bundle.*.js"))  # the theme's files stay
