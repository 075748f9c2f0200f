"""A reader caught by a publish or a rollback, under Debian's nginx with deploy/nginx.conf:
the page came from one release, its stylesheet, search shards and the files its service
worker lists come after the switch. Nothing may be missing or from another release
(scripts/mixed_release.py judges every file; scripts/load_benchmark.py runs the same
checker during 10 publishes under wrk)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_publish import copier

from conftest import REPO
from guides.publishing.carry import HASHED, base_of
from guides.publishing.local import publish, rollback

sys.path.insert(0, str(REPO / "scripts"))
import load_benchmark  # noqa: E402
import mixed_release  # noqa: E402
from load_servers import nginx  # noqa: E402

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


@pytest.fixture(scope="module")
def two_releases(tmp_path_factory, site) -> tuple[Path, Path]:
    """The real site, and the real site after an edit of one guide and of the stylesheet
    (a new search version and a new stylesheet name: files release A's readers need that
    release B does not have)."""
    tmp = tmp_path_factory.mktemp("releases")
    project = load_benchmark.make_project(tmp / "project")
    load_benchmark.edit(project, 2)
    done = subprocess.run([sys.executable, "-m", "guides", "build", "-d", str(tmp / "b")],
                          cwd=project, capture_output=True, text=True, env=ENV)
    assert done.returncode == 0, done.stderr
    return site, tmp / "b"


def hashed(site: Path) -> set[str]:
    """The site's files named by their content's hash."""
    names = (p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    return {name for name in names if HASHED.search(base_of(name))}


def caught(tmp_path: Path, a: Path, b: Path) -> mixed_release.Report:
    """Publish A; a reader loads a page, B is published, the reader fetches what the page
    loads; a second reader gets B's search stub, then a rollback to A, then the shards."""
    target = tmp_path / "www"
    publish(target, copier(a))
    index = mixed_release.ReleaseIndex()
    index.add_folder("A", a)
    index.add_folder("B", b)
    with nginx(target, tmp_path / "nginx") as url:
        checker = mixed_release.Checker(mixed_release.Client(url), index)

        def publish_after_the_page(step: str) -> None:
            if step == "page":
                publish(target, copier(b))

        def rollback_after_the_stub(step: str) -> None:
            if step == "search":
                rollback(target)

        checker.visit("testing-guide/", publish_after_the_page)
        checker.visit("", rollback_after_the_stub)
        checker.client.close()
    return checker.report


def test_a_reader_caught_by_a_publish_and_a_rollback_gets_one_release(tmp_path, two_releases):
    a, b = two_releases
    # what makes it a real test: B lacks files A's pages and search name, and vice versa
    assert hashed(a) - hashed(b) and hashed(b) - hashed(a)
    assert {p.split("/")[1] for p in hashed(a) if p.startswith("search/")} != \
        {p.split("/")[1] for p in hashed(b) if p.startswith("search/")}
    report = caught(tmp_path, a, b)
    assert [str(p) for p in report.problems] == []
    assert report.releases_seen == {"A", "B"}
    assert report.requests > 80  # the page, its assets, sw.js's list, every search file


def test_without_carrying_the_reader_gets_missing_files(tmp_path, two_releases, monkeypatch):
    """The checker sees the failure it guards against: a switch that keeps nothing of the
    old release leaves the caught reader without the old stylesheet and search shards."""
    import guides.publishing.local

    monkeypatch.setattr(guides.publishing.local, "carry", lambda old, new: [])
    a, b = two_releases
    report = caught(tmp_path, a, b)
    missing = {p.path for p in report.problems if p.kind == "missing"}
    css = next(p.relative_to(a).as_posix() for p in a.glob("assets/stylesheets/site.*.css"))
    assert css in missing
    assert any(p.startswith("search/") for p in missing)
    assert {p.kind for p in report.problems} == {"missing"}
