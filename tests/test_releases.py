"""Releases (发布包): history, rolling back and forward, pruning, and the clear messages for
what goes wrong on a real server: `current` that is not a link, a full disk, a lock."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from guides.publishing.local import (
    PublishError,
    current,
    is_example_url,
    listing,
    prune,
    publish,
    releases,
    rollback,
)

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}
T0 = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)


def page(marker: str):
    """A build function: a one-page site saying `marker` (no links, so it passes the check)."""
    def build(folder: Path) -> None:
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(f"<html><body>{marker}</body></html>",
                                           encoding="utf-8")
    return build


def live_marker(target: Path) -> str:
    return (target / "current/index.html").read_text(encoding="utf-8")[12:-14]


def publish_n(target: Path, markers: list[str], start: int = 0) -> list[Path]:
    return [publish(target, page(m), now=T0 + dt.timedelta(minutes=start + i))
            for i, m in enumerate(markers)]


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "guides", *args], cwd=cwd, capture_output=True,
                          text=True, env=ENV, timeout=120)


def test_rolling_back_after_a_newer_publish_goes_to_the_release_before_the_live_one(tmp_path):
    target = tmp_path / "www"
    r1, r2, r3 = publish_n(target, ["r1", "r2", "r3"])
    assert rollback(target) == r2  # r3 was wrong
    r4 = publish(target, page("r4"), now=T0 + dt.timedelta(minutes=10))  # the fix
    assert current(target) == r4.resolve()
    # before: r3 (the release that had been rolled away from); now: r2, which was live before r4
    assert rollback(target) == r2
    assert rollback(target) == r1
    with pytest.raises(PublishError) as raised:
        rollback(target)
    assert raised.value.code == "publish.no-earlier"
    assert current(target) == r1.resolve()
    assert r3.is_dir()  # still on disk, out of the line
    listed = {e.path.name: e for e in listing(target)}
    assert not listed[r3.name].in_line and listed[r4.name].in_line


def test_rolling_forward_again(tmp_path):
    target = tmp_path / "www"
    r1, r2, r3 = publish_n(target, ["r1", "r2", "r3"])
    rollback(target)
    rollback(target)
    assert live_marker(target) == "r1"
    assert rollback(target, r3.name) == r3  # forward to the newest again
    assert live_marker(target) == "r3"
    assert rollback(target) == r2  # and back one still means the one before it
    # a release that had left the line (rolled away from, then a new publish) can come back
    r4 = publish(target, page("r4"), now=T0 + dt.timedelta(minutes=10))
    assert rollback(target, r3.name) == r3
    assert rollback(target) == r4  # the line is now r1, r2, r4, r3
    with pytest.raises(PublishError) as raised:
        rollback(target, "20260101T000000.000000Z-nothing")
    assert raised.value.code == "publish.no-release"
    with pytest.raises(PublishError) as raised:
        rollback(target, r4.name)
    assert raised.value.code == "publish.already-live"


def test_a_damaged_release_is_never_switched_to(tmp_path):
    target = tmp_path / "www"
    r1, _ = publish_n(target, ["r1", "r2"])
    (r1 / "index.html").write_text("changed on the server", encoding="utf-8")
    with pytest.raises(PublishError) as raised:
        rollback(target)
    assert raised.value.code == "publish.incomplete"
    assert live_marker(target) == "r2"


def test_listing_marks_the_live_release_and_where_a_rollback_goes(tmp_path):
    target = tmp_path / "www"
    r1, r2, r3 = publish_n(target, ["r1", "r2", "r3"])
    rollback(target)
    entries = listing(target)
    assert [e.path.name for e in entries] == [r3.name, r2.name, r1.name]
    assert [(e.live, e.previous, e.in_line, e.files) for e in entries] == [
        (False, False, True, 1), (True, False, True, 1), (False, True, True, 1)]


def test_prune_keeps_n_and_never_the_live_one_nor_the_rollback_target(tmp_path):
    target = tmp_path / "www"
    made = publish_n(target, [f"r{i}" for i in range(6)])
    assert releases(target) == made[1:]  # publishing kept the default five
    rollback(target)
    rollback(target)
    rollback(target)  # live r2, a rollback would go to r1
    removed = prune(target, keep=1)
    assert [p.name for p in removed] == [m.name for m in made[3:]]
    assert [r.name for r in releases(target)] == [made[1].name, made[2].name]
    assert live_marker(target) == "r2"
    assert rollback(target) == made[1]
    history = json.loads((target / "history.json").read_text(encoding="utf-8"))
    assert history["line"] == [made[1].name, made[2].name]


def test_publish_keeps_the_default_five(tmp_path):
    target = tmp_path / "www"
    made = publish_n(target, [f"r{i}" for i in range(7)])
    assert releases(target) == made[-5:]


@pytest.mark.parametrize("kind", ["directory", "file"])
def test_current_that_is_not_a_link_gets_a_clear_message(tmp_path, kind):
    target = tmp_path / "www"
    publish_n(target, ["r1", "r2"])
    (target / "current").unlink()
    if kind == "directory":
        (target / "current").mkdir()
        (target / "current/index.html").write_text("someone's copy", encoding="utf-8")
    else:
        (target / "current").write_text("a file", encoding="utf-8")
    before = sorted(p.name for p in (target / "releases").iterdir())
    for attempt in (lambda: publish(target, page("r3")), lambda: rollback(target)):
        with pytest.raises(PublishError) as raised:
            attempt()
        assert raised.value.code == f"publish.current-{'dir' if kind == 'directory' else 'file'}"
    assert sorted(p.name for p in (target / "releases").iterdir()) == before
    assert (target / "current").is_dir() == (kind == "directory")
    # the command line says so in Chinese, with the fix, never "internal error"
    _write_project(tmp_path)
    for command in ("publish", "rollback", "releases"):
        result = cli(command, "--to", "www", cwd=tmp_path)
        assert result.returncode == 1, result
        assert f"www/current 是一个普通{'文件夹' if kind == 'directory' else '文件'}" in \
            result.stderr
        assert "mv www/current www/current.old" in result.stderr
        assert "内部错误" not in result.stderr and "Traceback" not in result.stderr


def test_a_full_disk_is_reported_and_the_staging_folder_removed(tmp_path):
    """Simulated: the build function writes files until a budget is spent, then fails the way
    the OS does (OSError ENOSPC). The real disk is in the next test."""
    target = tmp_path / "www"
    (r1,) = publish_n(target, ["r1"])

    def fills_the_disk(folder: Path) -> None:
        folder.mkdir(parents=True)
        for i in range(20):
            (folder / f"page{i}.html").write_text("x" * 1000, encoding="utf-8")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(folder / "page20.html"))

    with pytest.raises(PublishError) as raised:
        publish(target, fills_the_disk)
    assert raised.value.code == "publish.no-space"
    assert "磁盘满了" in raised.value.render("zh")
    assert "guides prune --to" in raised.value.render("zh")
    assert "the disk is full" in raised.value.render("en")
    assert not list((target / "releases").glob(".staging-*"))
    assert releases(target) == [r1] and live_marker(target) == "r1"


def _mount_tmpfs(folder: Path, size: str) -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    folder.mkdir(parents=True, exist_ok=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True).returncode == 0


@pytest.fixture
def small_disk(tmp_path):
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "32m"):
        pytest.skip("mounting a tmpfs needs root; the simulated full-disk test above still runs")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_really_full_disk(small_disk, tmp_path):
    """A real tmpfs filled up to the last 300 KB: the real `guides publish` runs out of space."""
    site = tmp_path / "project"
    site.mkdir()
    _write_project(site)
    target = small_disk / "www"
    first = cli("publish", "--to", str(target), cwd=site)
    assert first.returncode == 0, first.stderr
    live = current(target)
    stat = os.statvfs(small_disk)
    with open(small_disk / "filler", "wb") as filler:
        filler.write(b"\0" * (stat.f_bavail * stat.f_frsize - 300_000))
    result = cli("publish", "--to", str(target), cwd=site)
    assert result.returncode == 1
    assert "磁盘满了：新的发布包没能写完，已经删掉，线上网站没有变化" in result.stderr
    assert "内部错误" not in result.stderr and "Traceback" not in result.stderr
    assert not list((target / "releases").glob(".staging-*"))
    assert current(target) == live and len(releases(target)) == 1
    (small_disk / "filler").unlink()
    assert cli("publish", "--to", str(target), cwd=site).returncode == 0


def _write_project(folder: Path) -> None:
    from conftest import CONFIG, OVERRIDES, SITE_URL, Tree

    tree = Tree(folder)
    tree.guide("home", title="首页", body="[指南](../guide/)\n")
    tree.guide("guide", title="指南", body="## 现在 {#now}\n正文\n")
    config = CONFIG.format(language="zh", overrides=OVERRIDES, extra="")
    (folder / "mkdocs.yml").write_text(config.replace(SITE_URL, "https://zhinan.station.cn/"),
                                       encoding="utf-8")


def test_the_lock_keeps_two_publishes_apart(tmp_path):
    target = tmp_path / "www"
    publish_n(target, ["r1"])

    def publishes_again(folder: Path) -> None:
        with pytest.raises(PublishError) as raised:
            publish(target, page("inner"))
        assert raised.value.code == "publish.locked"
        page("outer")(folder)

    publish(target, publishes_again)
    assert live_marker(target) == "outer"


@pytest.mark.parametrize("url", [
    "https://guides.example.org/", "https://example.com", "http://www.example.net/x/",
    "http://localhost:8000/", "http://127.0.0.1/", "https://[::1]/", "", "not a url",
    "https://guides.test/", "https://zhinan.local/", "HTTPS://GUIDES.EXAMPLE.ORG/"])
def test_example_addresses(url):
    assert is_example_url(url)


@pytest.mark.parametrize("url", [
    "https://zhinan.shouwang.cn/", "https://guides.example-station.org/",
    "https://notexample.com/", "https://example.org.cn/"])
def test_real_addresses(url):
    assert not is_example_url(url)


def test_publish_refuses_the_example_site_url_and_says_where_to_set_it(tmp_path):
    _write_project(tmp_path)
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "https://zhinan.station.cn/", "https://guides.example.org/"), encoding="utf-8")
    result = cli("publish", "--to", "www", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "mkdocs.yml:3: error: 网站地址 site_url 还是示例地址 https://guides.example.org/，不能发布",
        "    提示：打开 mkdocs.yml，把第 3 行改成你们网站的真实地址，例如 site_url: https://指南.你们的站.cn/"
        "（二维码、分享链接和搜索引擎都用这个地址）。本地预览 guides serve 不受影响。"]
    assert not (tmp_path / "www").exists()
    # the local build and preview are not held back by it
    assert cli("build", cwd=tmp_path).returncode == 0
