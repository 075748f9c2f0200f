"""Publishing: releases, atomic switch, rollback, a real web server (Debian's nginx)
serving while releases change, SIGKILL at random moments, and reproducible output."""

from __future__ import annotations

import filecmp
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import CONFIG, OVERRIDES, REPO, SITE_URL, Tree
from guides.linkcheck import check_site
from guides.publish import KEEP, PublishError, current, is_complete, publish, releases, rollback

NGINX = "/usr/sbin/nginx"
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def copier(source: Path, marker: str = ""):
    """A build function that copies a built site (and stamps each page with a marker)."""
    def build(folder: Path) -> None:
        shutil.copytree(source, folder)
        if marker:
            for page in folder.rglob("index.html"):
                text = page.read_text(encoding="utf-8")
                page.write_text(text.replace("</body>", f"<!-- {marker} --></body>"),
                                encoding="utf-8")
    return build


def test_publish_switches_current_and_keeps_five(tmp_path, site):
    target = tmp_path / "www"
    made = [publish(target, copier(site, f"r{i}")) for i in range(7)]
    assert current(target) == made[-1].resolve()
    assert [r.name for r in releases(target)] == [r.name for r in made[-KEEP:]]
    assert os.readlink(target / "current") == f"releases/{made[-1].name}"
    assert is_complete(made[-1])
    assert rollback(target) == made[-2]
    assert current(target) == made[-2].resolve()
    assert rollback(target) == made[-3]
    assert "<!-- r4 -->" in (target / "current/index.html").read_text(encoding="utf-8")


def test_broken_links_are_not_published(tmp_path, site):
    target = tmp_path / "www"
    good = publish(target, copier(site))

    def broken(folder: Path) -> None:
        copier(site)(folder)
        page = folder / "testing-guide/index.html"
        page.write_text(page.read_text(encoding="utf-8").replace(
            "</article>", '<a href="../gone/">x</a><a href="#nowhere">y</a></article>'),
            encoding="utf-8")

    with pytest.raises(PublishError) as raised:
        publish(target, broken)
    assert raised.value.code == "publish.links"
    assert raised.value.details == [
        "testing-guide/index.html: ../gone/ (missing)",
        "testing-guide/index.html: #nowhere (no such anchor)"]
    assert current(target) == good.resolve()
    assert releases(target) == [good]
    assert not list((target / "releases").glob(".staging-*"))


def test_the_built_site_has_no_broken_internal_link(site):
    assert check_site(site) == []


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def nginx(tmp_path):
    assert Path(NGINX).exists(), "Debian's nginx is not installed (scripts/dev.py test)"
    target = tmp_path / "www"
    target.mkdir()
    port = free_port()
    conf = tmp_path / "nginx.conf"
    conf.write_text(f"""
daemon off;
worker_processes 2;
{'user root;' if os.geteuid() == 0 else ''}
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{ worker_connections 64; }}
http {{
  access_log off;
  client_body_temp_path {tmp_path}/body; proxy_temp_path {tmp_path}/proxy;
  fastcgi_temp_path {tmp_path}/fcgi; uwsgi_temp_path {tmp_path}/uwsgi; scgi_temp_path {tmp_path}/scgi;
  types {{ text/html html; text/css css; application/javascript js; }}
  server {{
    listen 127.0.0.1:{port};
    root {target}/current;
    location / {{ try_files $uri $uri/index.html =404; }}
  }}
}}
""")
    process = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(tmp_path)],
                               stderr=subprocess.PIPE)
    yield target, f"http://127.0.0.1:{port}/"
    process.send_signal(signal.SIGQUIT)
    process.wait(timeout=10)


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_nginx_never_serves_an_error_or_a_partial_page(nginx, site):
    target, url = nginx
    publish(target, copier(site, "r0"))
    deadline = time.monotonic() + 20
    while fetch(url)[0] != 200:
        assert time.monotonic() < deadline, "nginx did not start"
        time.sleep(0.1)
    stop = threading.Event()
    problems: list[str] = []
    fetched = [0]

    def client() -> None:
        paths = ["", "testing-guide/", "en/volunteer-tips/", "wuu/hotlines/",
                 "assets/images/favicon.png", "sitemap.xml"]
        while not stop.is_set():
            for path in paths:
                try:
                    status, body = fetch(url + path)
                except OSError as error:  # a refused or broken connection is a failure too
                    problems.append(f"{error} {path}")
                    continue
                fetched[0] += 1
                if status != 200:
                    problems.append(f"{status} {path}")
                elif path.endswith("/") or not path:
                    if not body.rstrip().endswith("</html>") or "<!-- r" not in body:
                        problems.append(f"partial {path}")

    threads = [threading.Thread(target=client) for _ in range(3)]
    for thread in threads:
        thread.start()
    try:
        for i in range(1, 9):  # publishes and rollbacks while readers keep reading
            publish(target, copier(site, f"r{i}"))
            time.sleep(0.3)
            if i % 3 == 0:
                rollback(target)
                time.sleep(0.3)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert problems == []
    assert fetched[0] > 60


@pytest.fixture
def project(tmp_path) -> Path:
    """A small site project that `guides publish` can build (about a second a build)."""
    tree = Tree(tmp_path)
    tree.guide("home", title="首页", body="[指南](../guide/)\n")
    tree.guide("guide", title="指南", body="## 现在 {#now}\n正文\n")
    config = CONFIG.format(language="zh", overrides=OVERRIDES, extra="")
    # publishing refuses the example address; a project about to publish has its own
    (tmp_path / "mkdocs.yml").write_text(config.replace(SITE_URL, "https://zhinan.test-station.cn/"),
                                         encoding="utf-8")
    return tmp_path


def test_killed_at_any_moment_current_is_a_whole_release(project):
    target = project / "www"
    cli = [sys.executable, "-m", "guides", "publish", "--to", str(target)]
    assert subprocess.run(cli, cwd=project, capture_output=True, env=ENV).returncode == 0
    rng = random.Random(20261129)
    for _ in range(10):
        process = subprocess.Popen(cli, cwd=project, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, env=ENV)
        time.sleep(rng.uniform(0.0, 3.0))
        process.kill()
        process.wait()
        live = current(target)
        assert live is not None and is_complete(live), live
        assert (live / "index.html").is_file() and (live / "en/index.html").is_file()
    final = subprocess.run(cli, cwd=project, capture_output=True, text=True, env=ENV)
    assert final.returncode == 0, final.stderr
    assert not list((target / "releases").glob(".staging-*"))
    assert len(releases(target)) <= KEEP


def test_the_same_sources_give_byte_identical_output(tmp_path):
    for name in ("a", "b"):
        result = subprocess.run([sys.executable, "-m", "guides", "build", "-d",
                                 str(tmp_path / name)], cwd=REPO, capture_output=True,
                                text=True, env=ENV)
        assert result.returncode == 0, result.stderr
    comparison = filecmp.dircmp(tmp_path / "a", tmp_path / "b")
    differing = []

    def walk(cmp: filecmp.dircmp, prefix: str = "") -> None:
        assert not cmp.left_only and not cmp.right_only, (cmp.left_only, cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files,
                                               shallow=False)
        differing.extend(prefix + m for m in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(comparison)
    assert differing == []
    assert sum(1 for _ in (tmp_path / "a").rglob("*")) > 100
