"""Publishing: releases, atomic switch, rollback, a real web server (Debian's nginx)
serving while releases change, SIGKILL at random moments, and reproducible output."""

from __future__ import annotations

import filecmp
import gzip
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

import brotli
import pytest

from conftest import CONFIG, OVERRIDES, REPO, SITE_URL, Tree
from guides.publishing.linkcheck import check_site
from guides.publishing.local import (
    KEEP,
    PublishError,
    current,
    is_complete,
    publish,
    releases,
    rollback,
)

NGINX = "/usr/sbin/nginx"
NGINX_CONF = REPO / "deploy/nginx.conf"  # the configuration the documentation gives
MIME_TYPES = "/etc/nginx/mime.types"  # Debian's, as a stock http { } block includes it
# deploy/nginx.conf's brotli_static (Debian's libnginx-mod-http-brotli-static), loaded as the
# stock nginx.conf does from modules-enabled/, by an absolute path (-p moves the prefix)
BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"
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
load_module {BROTLI_MODULE};
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{ worker_connections 64; }}
http {{
  access_log off;
  client_body_temp_path {tmp_path}/body; proxy_temp_path {tmp_path}/proxy;
  fastcgi_temp_path {tmp_path}/fcgi; uwsgi_temp_path {tmp_path}/uwsgi; scgi_temp_path {tmp_path}/scgi;
  include {MIME_TYPES};
  server {{
    listen 127.0.0.1:{port};
    root {target}/current;
    include {NGINX_CONF};
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


def response(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, {k.lower(): v for k, v in answer.headers.items()}, \
                answer.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, b""


def wait_for(url: str) -> None:
    deadline = time.monotonic() + 20
    while True:
        try:
            if fetch(url)[0] == 200:
                return
        except OSError:
            pass
        assert time.monotonic() < deadline, "nginx did not start"
        time.sleep(0.1)


def directives(policy: str) -> dict[str, str]:
    return {part.split()[0]: " ".join(part.split()[1:])
            for part in policy.split(";") if part.strip()}


def with_files(site: Path):
    """A release of the built site with an SVG and a PDF beside a guide, as uploaded."""
    from injection_vectors import PLAIN_PDF, SVG_SCRIPT

    def build(folder: Path) -> None:
        copier(site)(folder)
        (folder / "testing-guide/map.svg").write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><rect width="9" '
            'height="9"/></svg>', encoding="utf-8")
        # what the build refuses, put there by hand: the headers are the second wall
        (folder / "testing-guide/unsafe.svg").write_text(SVG_SCRIPT, encoding="utf-8")
        (folder / "testing-guide/sheet.pdf").write_bytes(PLAIN_PDF)
    return build


def test_nginx_sends_the_security_headers(nginx, site):
    """The documented configuration (deploy/nginx.conf): a page's policy matches its <meta>
    policy and adds frame-ancestors; hashed assets are cached for good; SVGs and PDFs get a
    policy of their own; every response is nosniff with a referrer policy."""
    from guides.csp import policy

    target, url = nginx
    publish(target, with_files(site))
    wait_for(url)
    hashed = [next(site.glob(pattern)).relative_to(site).as_posix() for pattern in (
        "assets/javascripts/bundle.*.min.js", "assets/stylesheets/main.*.min.css",
        "assets/javascripts/shouwang.*.js", "assets/stylesheets/shouwang.*.css",
        "search/??????????/*.json", "en/search/??????????/*.json",
        "search/??????????/d/*.json")]
    bundle = hashed[0]
    answers = {path: response(url + path) for path in (
        "", "testing-guide/", *hashed, "testing-guide/map.svg", "testing-guide/sheet.pdf",
        "sw.js", "search/search_index.json", "assets/javascripts/search-worker.js",
        "no-such-page/")}
    assert {path: status for path, (status, _, _) in answers.items() if status != 200} == {
        "no-such-page/": 404}
    for path, (_, headers, _) in answers.items():
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["referrer-policy"] == "same-origin", path
        assert headers["x-frame-options"] == "DENY", path
        assert "server" not in headers or headers["server"] == "nginx", path
    page = directives(answers["testing-guide/"][1]["content-security-policy"])
    meta = directives(policy(""))  # the page's own <meta> policy, less its script hashes
    assert page.pop("frame-ancestors") == "'none'"
    assert page.pop("script-src") == "'self' 'unsafe-inline'"  # meta: 'self' + hashes
    assert meta.pop("script-src") == "'self'"
    assert page.pop("style-src") == "'self' 'unsafe-inline'"  # meta: 'self' + hashes (light)
    assert meta.pop("style-src") == "'self'"
    assert page == meta
    html = answers["testing-guide/"][2].decode("utf-8")
    assert f'content="{policy(html)}"' in html  # the <meta> policy that narrows inline script
    assert {path: answers[path][1]["cache-control"] for path in hashed} == {
        path: "public, max-age=31536000, immutable" for path in hashed}
    for unhashed in ("sw.js", "search/search_index.json", "assets/javascripts/search-worker.js"):
        assert answers[unhashed][1]["cache-control"] == "no-cache", unhashed
    assert answers[bundle][1]["content-security-policy"] == \
        answers[""][1]["content-security-policy"]
    assert answers[""][1]["cache-control"] == answers["sw.js"][1]["cache-control"] == "no-cache"
    svg = answers["testing-guide/map.svg"][1]
    assert svg["content-type"] == "image/svg+xml"
    assert directives(svg["content-security-policy"]) == {
        "default-src": "'none'", "style-src": "'unsafe-inline'", "img-src": "'self' data:",
        "frame-ancestors": "'none'", "sandbox": ""}
    pdf = answers["testing-guide/sheet.pdf"][1]
    assert pdf["content-type"] == "application/pdf"
    assert directives(pdf["content-security-policy"]) == {
        "default-src": "'none'", "style-src": "'unsafe-inline'", "img-src": "'self' data:",
        "object-src": "'self'", "frame-src": "'self'", "frame-ancestors": "'none'"}
    assert "sandbox" not in pdf["content-security-policy"]  # Chrome's viewer will not open
    # brotli_static and gzip_static: the build's .br copies to those who accept Brotli (as
    # every browser does over HTTPS), the .gz to those who accept only gzip, the file as it
    # is to the rest; each with the headers of the file it stands for
    page_bytes = html.encode("utf-8")
    for accept, coding, decode in (
            ("gzip, deflate, br, zstd", "br", brotli.decompress),
            ("gzip, br;q=0", "gzip", gzip.decompress), ("gzip", "gzip", gzip.decompress),
            ("identity", None, bytes)):
        for path in ("testing-guide/", bundle):
            status, headers, body = response(url + path, **{"Accept-Encoding": accept})
            assert status == 200 and headers.get("content-encoding") == coding, (accept, path)
            assert decode(body) == (page_bytes if path == "testing-guide/" else
                                    (target / "current" / bundle).read_bytes())
            assert headers["cache-control"] == answers[path][1]["cache-control"]
            assert "accept-encoding" in headers.get("vary", "").lower() or coding is None
        assert headers["content-security-policy"] == answers["testing-guide/"][1][
            "content-security-policy"]


def test_under_nginx_pages_work_and_an_svg_cannot_run_script(nginx, site, browser):
    """With both policies, the page's scripts all run (no violation); an SVG with script,
    were one ever published, runs none of it under the header's sandbox."""
    from conftest import PHONE

    target, url = nginx
    publish(target, with_files(site))
    wait_for(url)
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("dialog", lambda d: (errors.append(f"dialog {d.message}"), d.dismiss()))
        page.goto(url + "testing-guide/")
        page.wait_for_load_state("load")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null || "
                               "document.readyState === 'complete'")
        page.locator("h1").first.click()  # the reader's first touch loads Material's bundle
        page.wait_for_function("() => typeof document$ !== 'undefined'")  # and it ran
        assert page.evaluate("document.documentElement.dataset.shouwang !== undefined || "
                             "!!document.querySelector('.md-header')")
        page.goto(url + "testing-guide/unsafe.svg")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned") is None
        assert [e for e in errors if "Content Security Policy" in e or "dialog" in e] == []
    finally:
        context.close()


def test_nginx_never_serves_an_error_or_a_partial_page(nginx, site):
    target, url = nginx
    publish(target, copier(site, "r0"))
    wait_for(url)
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
