"""The preview's check panel (only in `guides serve`), pages that fail their checks still
opening in the preview, a quiet build, and the panel appearing and going in Chromium under a
real `guides serve` while a file is edited."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import brotli

from conftest import CONFIG, OVERRIDES, SITE_URL, Tree, build_site
from guides.buildlog import Progress
from guides.findings import Finding
from guides.panel import PANEL_ID, add_panel, for_page, render

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}
LATER = (dt.date.today() + dt.timedelta(days=120)).isoformat()


def texts(site: Path) -> dict[str, str]:
    """Every HTML page of a built site, compressed copies included."""
    out = {}
    for path in site.rglob("*"):
        if path.suffix == ".html":
            out[str(path.relative_to(site))] = path.read_text(encoding="utf-8")
        elif path.name.endswith(".html.gz"):
            out[str(path.relative_to(site))] = gzip.decompress(path.read_bytes()).decode()
        elif path.name.endswith(".html.br"):
            out[str(path.relative_to(site))] = brotli.decompress(path.read_bytes()).decode()
    return out


def small_tree(base: Path, **guide_meta: object) -> Tree:
    tree = Tree(base)
    tree.guide("home", title="首页", review_by=LATER, body="[指南](../guide/)\n")
    tree.guide("guide", title="指南", body="## 现在 {#now}\n正文\n",
               **{"review_by": LATER, **guide_meta})
    return tree


def test_the_panel_is_in_the_preview_and_never_in_a_build(tmp_path):
    tree = small_tree(tmp_path / "a", updated="2020-01-01", review_by="2020-06-01")  # a warning
    built = texts(build_site(tree))
    assert len(built) > 10
    assert [name for name, text in built.items() if PANEL_ID in text] == []
    preview = texts(build_site(small_tree(tmp_path / "b", updated="2020-01-01",
                                          review_by="2020-06-01"), command="serve"))
    guide = preview["guide/index.html"]
    assert guide.count(f'<aside id="{PANEL_ID}"') == 1
    assert "<code>content/guide/zh.md:9</code>" in guide  # review_by's line
    assert "past its review date 2020-06-01" in guide
    home = preview["index.html"]
    assert "No problems on this page." in home
    assert "Other files: 0 error(s), 1 warning(s)" in home


def test_no_panel_when_nothing_is_wrong(tmp_path):
    preview = texts(build_site(small_tree(tmp_path), command="serve"))
    assert [name for name, text in preview.items() if PANEL_ID in text] == []


def test_a_page_whose_front_matter_cannot_be_read_still_opens_in_the_preview(tmp_path):
    tree = small_tree(tmp_path)
    tree.write("guide/zh.md", "---\nid: guide\ntitle：指南\nkind: page\n---\n\n正文\n")
    tree.write("latin1/zh.md", b"---\nid: latin1\n---\n\xe9t\xe9\n")
    preview = texts(build_site(tree, command="serve"))
    guide = preview["guide/index.html"]
    assert "This page cannot be shown yet." in guide
    assert 'data-code="fm.' in guide and "<code>content/guide/zh.md:3</code>" in guide
    assert 'data-code="file.encoding"' in preview["latin1/index.html"]
    # a build refuses such content: no stand-in pages are ever published
    assert not build_site(small_tree(tmp_path / "clean")).joinpath("latin1").exists()


def test_the_panel_escapes_what_editors_wrote():
    hostile = Finding("content/a/zh.md", 3, "error", "fm.choice",
                      {"field": "status", "value": "<img src=x onerror=alert(1)>",
                       "choices": "draft"})
    panel = render(*for_page([hostile], "content/a/zh.md"), lang="zh")
    assert "<img" not in panel and "&lt;img src=x onerror=alert(1)&gt;" in panel
    assert add_panel("<html><body><p>x</p></body></html>", panel).endswith(
        panel + "</body></html>")
    assert render([], [], "zh") == ""


def test_findings_of_a_guides_images_show_on_its_pages():
    image = Finding("content/a/big.png", 1, "warning", "file.too-large", {})
    other = Finding("content/b/zh.md", 2, "error", "fm.yaml", {})
    note = Finding("content/a/zh.md", 1, "note", "translation.missing", {})
    assert for_page([image, other, note], "content/a/en.md") == ([image], [other])


# -- quiet build ----------------------------------------------------------------------------

def project(base: Path) -> Path:
    small_tree(base)
    config = CONFIG.format(language="zh", overrides=OVERRIDES, extra="")
    (base / "mkdocs.yml").write_text(config.replace(SITE_URL, "https://zhinan.station.cn/"),
                                     encoding="utf-8")
    return base


def test_build_output_is_our_report_and_one_summary_line(tmp_path):
    project(tmp_path)
    result = subprocess.run([sys.executable, "-m", "guides", "build"], cwd=tmp_path,
                            capture_output=True, text=True, env=ENV, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[-2].startswith("通过：检查了 2 个文件")
    assert lines[-1].startswith("网站已生成：site/（") and "预览：guides serve" in lines[-1]
    assert (tmp_path / "site/index.html").is_file()
    verbose = subprocess.run([sys.executable, "-m", "guides", "build", "--verbose"],
                             cwd=tmp_path, capture_output=True, text=True, env=ENV, timeout=300)
    assert "Building documentation to directory" in verbose.stderr


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Plugin:
    class Build:
        language = "wuu"

    builds = [Build()]


def test_a_long_build_shows_one_progress_line_on_a_terminal_and_a_line_a_minute_in_a_log():
    screen = Terminal()
    with Progress(screen, "zh", Plugin(), delay=0.05, every=0.02):
        time.sleep(0.3)
    shown = screen.getvalue()
    assert "\r正在生成网站（苏州话）… 已用 0 秒" in shown
    assert "\n" not in shown
    assert shown.endswith("\r") and set(shown.split("\r")[-2]) == {" "}  # cleared at the end
    log = io.StringIO()
    with Progress(log, "zh", Plugin(), delay=0.05, every=0.02):
        time.sleep(0.2)
    assert log.getvalue() == ""  # a log gets a line a minute, not the terminal's line
    slow = io.StringIO()
    with Progress(slow, "zh", Plugin(), delay=0.05, every=0.02, log_every=0.1):
        time.sleep(0.35)
    lines = slow.getvalue().split("\n")
    assert 2 <= len(lines) - 1 <= 4 and lines[-1] == "" and "\r" not in slow.getvalue()
    assert all(line.startswith("正在生成网站（苏州话）… 已用 0 秒") for line in lines[:-1])
    quick = Terminal()
    with Progress(quick, "zh", Plugin(), delay=1.0):
        pass
    assert quick.getvalue() == ""


# -- in Chromium, under a real `guides serve` -----------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            assert time.monotonic() < deadline, f"{url} did not answer"
            time.sleep(0.3)


def test_the_panel_appears_and_goes_while_an_editor_works(tmp_path, page):
    project(tmp_path)
    source = tmp_path / "content/guide/zh.md"
    good = source.read_text(encoding="utf-8")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "guides", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              env=ENV)
    url = f"http://127.0.0.1:{port}/guide/"
    try:
        wait_for(url)
        page.goto(url)
        page.wait_for_selector("h1")
        assert page.locator(f"#{PANEL_ID}").count() == 0
        # a typo in a value: the page reloads by itself with the problem in the panel
        source.write_text(good.replace("status: published", "status: publishd"),
                          encoding="utf-8")
        panel = page.locator(f"#{PANEL_ID}")
        panel.wait_for(timeout=60_000)
        text = panel.inner_text()
        assert "检查结果" in text and "content/guide/zh.md:7" in text and "publishd" in text
        assert "本页：1 个错误，0 个警告" in text
        assert panel.is_visible()
        # a full-width colon: the front matter cannot be read, and the page still opens
        source.write_text(good.replace("title: 指南", "title：指南"), encoding="utf-8")
        page.wait_for_function(
            "document.querySelector('article')?.innerText.includes('这一页暂时显示不出来')",
            timeout=60_000)
        assert "content/guide/zh.md:" in panel.inner_text()
        assert page.evaluate("document.title") != "404"
        # fixed: the panel goes
        source.write_text(good, encoding="utf-8")
        try:
            panel.wait_for(state="detached", timeout=60_000)
        except Exception:
            print(panel.inner_text(), source.read_text(encoding="utf-8"))
            raise
        assert page.locator("h1").inner_text().strip() == "指南"
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode("utf-8", "replace")
    assert "Traceback" not in output
    assert f"预览已就绪：http://127.0.0.1:{port}/" in output
    assert "INFO" not in output and "Building documentation" not in output
    assert "错误 - guides: content/guide/zh.md:7: error: " in output  # the terminal says it too


def test_a_port_in_use_is_explained(tmp_path):
    project(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "guides", "serve", "-a",
                                 f"127.0.0.1:{port}"], cwd=tmp_path, capture_output=True,
                                text=True, env=ENV, timeout=300)
    assert result.returncode == 1
    assert f"预览没有启动：127.0.0.1:{port} 已被占用（可能另一个预览还开着）" in result.stderr
    assert f"guides serve -a 127.0.0.1:{port + 1}" in result.stderr
    assert "内部错误" not in result.stderr and "Traceback" not in result.stderr
