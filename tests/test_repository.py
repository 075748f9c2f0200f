"""The repository's own content and site: clean under `guides check`, and it builds."""

from __future__ import annotations

import datetime as dt
import gzip
import re
import socket
import subprocess
import sys
import time
import urllib.request

from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import REPO, Tree
from guides.checks import check_directory


def test_repository_content_is_clean():
    report = check_directory(REPO / "content", base=REPO, today=dt.date.today())
    problems = [f.format("en") for f in report.findings if f.severity != "note"]
    assert problems == []
    assert report.files_checked >= 19


def test_repository_site_builds(tmp_path):
    config = load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    site = tmp_path / "site"
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.glob("**/index.html")
                   if p.parent.relative_to(site).parts[:1] not in (("en",), ("wuu",))
                   and p.parent.name != "lite")  # lite pages: tests/test_lite.py
    folders = sorted(p.parent.name for p in (REPO / "content").glob("*/zh.md")
                     if re.search(r"^status: (published|withdrawn)$",
                                  p.read_text(encoding="utf-8"), re.M))
    assert pages == sorted(["updates"] + ["." if f == "home" else f for f in folders])
    assert {"testing-guide", "volunteer-tips", "ngo-contingency-plan"} <= set(pages)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'class="sw-hotline" href="tel:120"' in home and 'href="testing-guide/"' in home
    guide = (site / "testing-guide/index.html").read_text(encoding="utf-8")
    first_h2 = re.search(r'<h2 id="([^"]+)"', guide)
    assert first_h2 and first_h2.group(1) == "do-now"
    assert not (site / "_data").exists()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_guides_serve_rebuilds_on_change_and_survives_errors(tmp_path):
    tree = Tree(tmp_path)
    tree.guide("home", title="首页", body="第一版正文\n")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: 预览\ndocs_dir: content\ntheme:\n  name: material\n  font: false\n"
        f"  custom_dir: {REPO / 'overrides'}\nplugins:\n  - shouwang\n", encoding="utf-8")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "guides", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
    try:
        url = f"http://127.0.0.1:{port}/"
        assert "第一版正文" in fetch(url)
        request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert "第一版正文" in gzip.decompress(response.read()).decode("utf-8")
        tree.guide("home", title="首页", body="第二版正文\n")
        deadline = time.monotonic() + 30
        while "第二版正文" not in fetch(url):
            assert time.monotonic() < deadline, "the preview did not rebuild"
            time.sleep(0.3)
        # An error is reported, but the preview keeps running and shows the page.
        tree.guide("home", title="首页", version="二", body="第三版正文\n")
        deadline = time.monotonic() + 30
        while "第三版正文" not in fetch(url):
            assert time.monotonic() < deadline, "the preview stopped on a content error"
            time.sleep(0.3)
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert 'content/home/zh.md:6: error: 字段“version”应该是正整数，现在是“二”' in output
    assert "Traceback" not in output


def test_handbook_field_table_matches_the_model():
    sys.path.insert(0, str(REPO / "scripts"))
    from field_table import table

    readme = (REPO / "HANDBOOK.md").read_text(encoding="utf-8")
    start = readme.index("<!-- field-table:start -->\n") + len("<!-- field-table:start -->\n")
    end = readme.index("<!-- field-table:end -->")
    assert readme[start:end].strip() == table()


def test_readme_opens_with_the_two_commands_ci_runs():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert [line.split("#")[0].strip() for line in block] == [
        "python3 scripts/dev.py build", "python3 scripts/dev.py test"]
    assert "python3 scripts/dev.py test" in (REPO / ".ci/run").read_text(encoding="utf-8")
