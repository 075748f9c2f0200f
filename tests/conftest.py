"""Shared helpers: write small content trees in tmp_path and check or build them for real."""

from __future__ import annotations

import datetime as dt
import functools
import re
import shutil
import textwrap
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from guides.checks import check_directory
from guides.findings import Report

TODAY = dt.date(2026, 11, 29)
REPO = Path(__file__).resolve().parent.parent
SITE_URL = "https://guides.example.org/"  # site_url in mkdocs.yml

BASE_META = {
    "id": "demo",
    "kind": "page",
    "title": "示例",
    "summary": "一句话摘要。",
    "version": 1,
    "status": "published",
    "updated": "2026-11-20",
    "review_by": "2027-05-31",
    "owner": "测试社工站",
    "audience": "[residents]",
}


# What the trust checks (issue 12) ask of resident guides, checklists, tip sheets and NGO
# manuals before they are published: sources and a content review, in zh.md. `Tree.guide`
# adds them to those kinds' Mandarin files unless a test gives its own (None drops them).
TRUSTED = {
    "sources": "[{title: 测试依据, org: 测试机构, date: 2022-06}]",
    "review": "[{type: content, role: 编辑, org: 测试社工站, date: 2026-11-21}]",
}
TRUSTED_KINDS = ("resident-guide", "checklist", "volunteer-tips", "ngo-manual")


def front_matter(**changes: object) -> str:
    """YAML front matter from BASE_META; a value of None drops the key."""
    meta = {**BASE_META, **changes}
    lines = [f"{k}: {v}" for k, v in meta.items() if v is not None]
    return "---\n" + "\n".join(lines) + "\n---\n"


class Tree:
    """A content/ folder inside tmp_path, with findings relative to tmp_path."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.root = base / "content"
        self.root.mkdir(parents=True, exist_ok=True)

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def guide(self, folder: str, lang: str = "zh", body: str = "正文。\n", **meta: object) -> Path:
        meta.setdefault("id", folder)
        if lang != "zh":
            meta.setdefault("source_version", 1)
        elif meta.get("kind") in TRUSTED_KINDS:
            for key, value in TRUSTED.items():
                meta.setdefault(key, value)
        return self.write(f"{folder}/{lang}.md",
                          front_matter(**meta) + "\n" + textwrap.dedent(body).lstrip("\n"))

    def hotlines(self, **numbers: str) -> Path:
        """A valid content/_data/hotlines.yml with these ids and numbers (national)."""
        lines = ["national:"] + [
            f'  - {{id: {key.replace("_", "-")}, number: "{number}", verified: 2026-11-01, '
            f"name: {{zh: {key}}}}}" for key, number in numbers.items()]
        return self.write("_data/hotlines.yml", "\n".join(lines + ["local: []", ""]))

    def check(self, today: dt.date = TODAY) -> Report:
        return check_directory(self.root, base=self.base, today=today)

    def found(self, today: dt.date = TODAY, lang: str = "en", notes: bool = False) -> list[str]:
        """Findings as `path:line: severity: message [code]` lines (no hints)."""
        return [f.format(lang).split("\n")[0] for f in self.check(today).sorted()
                if notes or f.severity != "note"]

    def codes(self, today: dt.date = TODAY) -> list[str]:
        return [f.code for f in self.check(today).sorted() if f.severity != "note"]


@pytest.fixture
def tree(tmp_path: Path) -> Tree:
    return Tree(tmp_path)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once from the repository's mkdocs.yml and content, with one
    change: the Mandarin testing guide is moved up one version, so its dialect and English
    translations (made from the version before) are stale."""
    tmp = tmp_path_factory.mktemp("site")
    content = tmp / "content"
    shutil.copytree(REPO / "content", content)
    source = content / "testing-guide/zh.md"
    text = source.read_text(encoding="utf-8")
    version = int(re.search(r"^version: (\d+)$", text, re.M).group(1))
    source.write_text(text.replace(f"\nversion: {version}\n", f"\nversion: {version + 1}\n", 1),
                      encoding="utf-8")
    config = load_config(config_file=str(REPO / "mkdocs.yml"), docs_dir=str(content),
                         site_dir=str(tmp / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return tmp / "site"


# -- a real browser: Debian's Chromium through Playwright, on a phone viewport ------------
# Chromium is never downloaded: scripts/dev.py test installs Debian's package, and the
# browser tests fail (they do not skip) when it is missing.

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "locale": "zh-CN",
    "user_agent": "Mozilla/5.0 (Linux; Android 12; Redmi Note 11) AppleWebKit/537.36 "
                  "(KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0",
}
class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output readable
        pass


@pytest.fixture(scope="session")
def server(site: Path):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is not installed (scripts/dev.py test)"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.failures = []  # type: ignore[attr-defined]
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("requestfailed", lambda r: page.failures.append(f"{r.url} {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and page.failures.append(f"{r.status} {r.url}"))
    yield page
    context.close()




class serving:
    """Serve a folder on a free port for the duration of a `with` block."""

    def __init__(self, directory: Path) -> None:
        handler = functools.partial(Quiet, directory=str(directory))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)

    def __enter__(self) -> str:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# -- tiny sites built with the real plugin and theme -------------------------------------

OVERRIDES = REPO / "overrides"

CONFIG = """
site_name: 测试站
site_url: https://guides.example.org/
docs_dir: content
theme:
  name: material
  custom_dir: {overrides}
  font: false
plugins:
  - shouwang:
      language: {language}
      messages: en
{extra}  - search
markdown_extensions:
  - attr_list
  - pymdownx.tasklist
  - toc:
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
"""


def build_site(tree: Tree, language: str = "zh", command: str = "build",
               shouwang: dict[str, object] | None = None, **overrides) -> Path:
    """Build a tiny site in the tree's folder; `command="serve"` builds it as the local
    preview does (drafts included); `shouwang` adds plugin options."""
    config_file = tree.base / "mkdocs.yml"
    extra = "".join(f"      {key}: {value}\n" for key, value in (shouwang or {}).items())
    config_file.write_text(CONFIG.format(language=language, overrides=OVERRIDES, extra=extra),
                           encoding="utf-8")
    config = load_config(config_file=str(config_file), **overrides)
    config.plugins.on_startup(command=command, dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return Path(config.site_dir)
