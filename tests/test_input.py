"""Issue 16 items 3 and 5 (h-input): content is read once, links and special files are
never followed, names cannot take the site's own addresses, and no build step writes
outside the output folder. The file-system corpus is in input_vectors.py."""

from __future__ import annotations

import gzip
import json
import os
import threading
from pathlib import Path

import brotli
import pytest
from input_vectors import FILE_VECTORS, PNG, SECRET, FileVector, guide
from mkdocs.commands import build as mkdocs_build
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

import guides.plugin
from conftest import Tree, build_site
from guides import site
from guides.checks import check_directory
from guides.model import LANGUAGES
from guides.publishing import manifest
from injection_vectors import VECTORS

VECTORS_HERE = [v for v in FILE_VECTORS if not v.root_only or os.geteuid() == 0]


def test_the_corpora_hold_this_issue_s_vectors():
    names = [v.name for v in FILE_VECTORS]
    assert len(names) >= 25 and len(set(names)) == len(names)
    mine = [v for v in VECTORS if v.name.startswith("fm-") and v.name not in
            ("fm-title", "fm-summary-breakout")]
    assert len(mine) >= 12


def check_in_time(tree: Tree, seconds: float = 20):
    """`guides check`, which must finish: a FIFO opened for reading would block forever."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(tree.check()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert result, "check did not finish"
    return result[0]


def make(tmp_path: Path, vector: FileVector) -> Tree:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    tree = Tree(tmp_path)
    vector.make(tree.root, secret)
    return tree


@pytest.mark.parametrize("vector", VECTORS_HERE, ids=lambda v: v.name)
def test_file_vector_is_an_error_at_its_place(tmp_path, vector):
    tree = make(tmp_path, vector)
    report = check_in_time(tree)
    errors = [f for f in report.findings if f.severity == "error"]
    assert {f.code for f in errors} == vector.codes, errors
    if vector.meta_line:
        for f in errors:
            lines = (tmp_path / f.path).read_text(encoding="utf-8").split("\n")
            assert lines[f.line - 1].startswith("renamed_from:"), f
    else:
        assert {(f.path, f.line) for f in errors} == {(f"content/{w}", 1) for w in vector.where}
    for lang, text in vector.hints.items():
        assert any(text in f.format(lang) for f in errors), [f.format(lang) for f in errors]
    # nothing of it was read: the snapshot the build uses holds none of its files
    snapshot = report.content.files
    assert not any(SECRET.encode() in data for data in snapshot.values())
    assert not set(snapshot) & set(vector.where)


# -- one site with every file vector, built as `guides serve` builds it -------------------

@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("hostile")
    secret = base / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    tree = Tree(base)
    guide(tree.root, "home")
    for vector in VECTORS_HERE:
        if not vector.meta_line:
            try:
                vector.make(tree.root, secret)
            except FileExistsError:  # two vectors at one path: the first stays
                pass
    with pytest.raises(Abort):  # `guides build` refuses: errors
        build_site(tree)
    return build_site(tree, command="serve"), tree.root


def site_files(site_dir: Path) -> dict[str, bytes]:
    out = {}
    for path in site_dir.rglob("*"):
        assert not path.is_symlink(), path
        if path.is_file():
            data = path.read_bytes()
            out[path.relative_to(site_dir).as_posix()] = \
                gzip.decompress(data) if path.suffix == ".gz" else \
                brotli.decompress(data) if path.suffix == ".br" else data
    return out


def test_no_file_vector_is_published(hostile_site):
    site_dir, content = hostile_site
    published = site_files(site_dir)
    assert not [name for name, data in published.items() if SECRET.encode() in data]
    for name in ("photo.png", "form.pdf", "gone.png", "loop.png", "big.mp3", "wait.png",
                 "s.pdf", "zero.png", "x#y.png"):
        assert not [p for p in published if p.endswith("/" + name)], name
    # the site's own files are the site's own
    from conftest import REPO

    theme = REPO / "overrides/assets/images/favicon.png"
    assert published["assets/images/favicon.png"] == theme.read_bytes()
    assert b"x=1" not in published.values()  # the uploaded "theme script"
    assert b"caches" in published["sw.js"] and b"Sitemap:" in published["robots.txt"]
    assert published["sitemap.xml"].startswith(b"<?xml")
    assert not (site_dir / "a#b").exists() and not (site_dir / "Testing Guide").exists()
    assert (site_dir / "a/index.html").is_file()  # the guide around the vectors builds


def test_mkdocs_reads_a_private_copy_and_gives_the_folder_back(tmp_path, monkeypatch):
    """MkDocs follows links when it walks docs_dir: it walks the private copy instead (made
    only of the files the checks read), removed after the build; docs_dir is given back,
    since `serve` watches it for changes."""
    tree = Tree(tmp_path)
    tree.guide("home", title="首页")
    os.symlink("/etc", tree.root / "home" / "etc")
    made: list[Path] = []
    real = guides.plugin.tempfile.mkdtemp
    monkeypatch.setattr(guides.plugin.tempfile, "mkdtemp",
                        lambda **kw: made.append(Path(real(**kw))) or str(made[-1]))
    seen: list[list[str]] = []
    real_get_files = mkdocs_build.get_files

    def get_files(config):
        files = real_get_files(config)
        seen.append(sorted(f.src_uri for f in files if f.abs_src_path
                           and f.abs_src_path.startswith(config.docs_dir)))
        return files

    monkeypatch.setattr(mkdocs_build, "get_files", get_files)
    build_site(tree, command="serve")
    config_docs = load_config(config_file=str(tmp_path / "mkdocs.yml")).docs_dir
    assert len(made) == 1 and not made[0].exists()
    assert seen[0] == ["home/zh.md"]  # not /etc, not the link
    assert Path(config_docs) == tree.root


# -- read once: a file swapped after the check is not what is published --------------------

def _swap(tree: Tree, secret: Path) -> None:
    page = tree.root / "a/zh.md"
    page.write_text(page.read_text(encoding="utf-8").replace("检查过的文字", "换过的文字"),
                    encoding="utf-8")
    (tree.root / "a/pic.png").unlink()
    os.symlink(secret, tree.root / "a/pic.png")


def _checked_tree(tmp_path: Path) -> tuple[Tree, Path]:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    tree = Tree(tmp_path)
    tree.guide("home", title="首页")
    tree.guide("a", body="检查过的文字\n\n![图](pic.png)\n")
    tree.write("a/pic.png", PNG)
    return tree, secret


def _assert_checked_version_published(out: Path) -> None:
    page = (out / "a/index.html").read_text(encoding="utf-8")
    assert "检查过的文字" in page and "换过的文字" not in page
    for language in ("", "en/", "wuu/"):
        if (out / f"{language}a/pic.png").exists():
            assert (out / f"{language}a/pic.png").read_bytes() == PNG
    assert (out / "a/pic.png").read_bytes() == PNG


def test_guides_build_publishes_what_guides_check_read(tmp_path):
    """`guides build` checks, then builds: the build uses the check's snapshot."""
    tree, secret = _checked_tree(tmp_path)
    build_site(tree)  # writes mkdocs.yml (and builds once)
    report = tree.check()
    assert not report.has_errors, report.format_text("en")
    _swap(tree, secret)  # between the check and the build
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    config.plugins["shouwang"].report = report
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    _assert_checked_version_published(Path(config.site_dir))


def test_mkdocs_build_publishes_what_its_own_check_read(tmp_path, monkeypatch):
    tree, secret = _checked_tree(tmp_path)
    real = guides.plugin.run_checks

    def check_then_swap(content, *args, **kwargs):
        report = real(content, *args, **kwargs)
        _swap(tree, secret)  # the moment after the check, before MkDocs reads anything
        return report

    monkeypatch.setattr(guides.plugin, "run_checks", check_then_swap)
    out = build_site(tree)
    assert (tree.root / "a/pic.png").is_symlink()  # the swap did happen
    _assert_checked_version_published(out)


# -- names the site writes itself ----------------------------------------------------------

def test_every_entry_the_build_writes_at_a_site_root_is_reserved(tmp_path):
    """Derived from a real build, so the list cannot drift from what the build writes."""
    tree = Tree(tmp_path)
    tree.guide("home", title="首页")
    tree.guide("guide")
    tree.guide("guide", lang="en", title="Guide")
    tree.hotlines(ambulance="120")
    out = build_site(tree, shouwang={"nav_guides": 0})  # kind list pages too
    roots = [out, *(out / spec.root for spec in LANGUAGES.values() if spec.root)]
    written = {manifest.base_of(p.name) for root in roots for p in root.iterdir()} - {"guide"}
    assert "all-pages" in written and "updates" in written  # the test sees them
    assert written <= site.RESERVED_NAMES, written - site.RESERVED_NAMES
    # and a guide folder by any of these names is refused
    for name in sorted(written):
        assert site.name_problem(name, folder=True)[0] in ("reserved", "chars"), name


def test_old_names_never_replace_a_page_nor_leave_the_site(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    tree = Tree(tmp_path / "project")
    tree.guide("home", title="首页")
    tree.guide("testing", title="检测指南")
    tree.guide("moved", title="新名字", renamed_from="[updates, en, sw.js, testing, "
               f"'../../outside', '{outside}/x', '..', old-one, shared]")
    tree.guide("other", title="另一篇", renamed_from="[shared]")
    codes = tree.codes()
    assert codes.count("fm.renamed-shared") == 2 and "fm.renamed-path" in codes
    out = build_site(tree, command="serve")  # the preview builds in spite of errors
    assert list(outside.iterdir()) == []
    assert not (tmp_path / "project" / "x").exists() and not (out.parent / "x").exists()
    assert "检测指南" in (out / "testing/index.html").read_text(encoding="utf-8")
    updates = (out / "updates/index.html").read_text(encoding="utf-8")
    assert "http-equiv=\"refresh\"" not in updates
    assert "caches" in (out / "sw.js").read_text(encoding="utf-8")
    assert (out / "en/index.html").is_file() and not (out / "shared").exists()
    assert "moved/" in (out / "old-one/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("rel", ["../x", "../../etc/passwd", "/etc/passwd", "a/../../x", "",
                                 ".", "a/..", "..\\x", "a\x00b"])
def test_the_writer_refuses_paths_outside_the_site(tmp_path, rel):
    with pytest.raises(ValueError):
        site.inside(tmp_path / "site", rel)


def test_the_writer_refuses_a_link_out_of_the_site(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "elsewhere").mkdir()
    os.symlink(tmp_path / "elsewhere", tmp_path / "site" / "old")
    with pytest.raises(ValueError):
        site.inside(tmp_path / "site", "old/index.html")
    assert site.inside(tmp_path / "site", "new/index.html") == \
        (tmp_path / "site/new/index.html").resolve()


# -- the text report -------------------------------------------------------------------------

def test_the_text_report_prints_control_characters_escaped(tree):
    tree.guide("a", title="'标题\u202e反向'")
    (tree.root / "b\x1b]0;owned\x07").mkdir()
    (tree.root / "b\x1b]0;owned\x07" / "zh.md").write_text("x")
    report = tree.check()
    text = report.format_text("en")
    assert "\x1b" not in text and "\x07" not in text
    assert "content/b\\x1b]0;owned\\x07:1: error:" in text
    data = json.loads(report.format_json("en"))  # JSON stays JSON, with the real name
    assert any(f["path"] == "content/b\x1b]0;owned\x07" for f in data["findings"])


def test_check_directory_reads_each_file_once(tmp_path, monkeypatch):
    tree = Tree(tmp_path)
    tree.guide("a", body="![图](pic.png)\n")
    tree.write("a/pic.png", PNG)
    tree.hotlines(ambulance="120")
    opened: list[str] = []
    real_open = os.open

    def counting_open(path, flags, *args, **kwargs):
        if not flags & os.O_DIRECTORY:
            opened.append(str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", counting_open)
    check_directory(tree.root, base=tmp_path)
    assert sorted(opened) == ["hotlines.yml", "pic.png", "zh.md"]
