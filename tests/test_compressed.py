"""The precompressed copies servers send in a file's place (guides/compressed.py), and the
cache that spares a rebuild Brotli's slowest quality."""

from __future__ import annotations

import gzip
import os
import time
from pathlib import Path

import brotli

from guides.compressed import BROTLI_QUALITY, BrotliCache, compress_tree, is_precompressed

PAGE = ("<!doctype html><title>核酸检测</title>" + "<p>排队时戴好口罩，保持一米距离。</p>" * 40
        ).encode("utf-8")


def small_site(root: Path) -> Path:
    site = root / "site"
    (site / "guide").mkdir(parents=True)
    (site / "en/guide").mkdir(parents=True)
    (site / "guide/index.html").write_bytes(PAGE)
    (site / "en/guide/index.html").write_bytes(PAGE)  # the same bytes: compressed once
    (site / "sw.js").write_text("self.addEventListener('fetch', () => {});\n" * 20)
    (site / "logo.png").write_bytes(b"\x89PNG not text")
    return site


def copies(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and is_precompressed(p.name)}


def test_every_text_file_gets_both_copies_and_nothing_else_does(tmp_path):
    site = small_site(tmp_path)
    assert compress_tree(site) == 3
    found = copies(site)
    assert sorted(found) == ["en/guide/index.html.br", "en/guide/index.html.gz",
                             "guide/index.html.br", "guide/index.html.gz",
                             "sw.js.br", "sw.js.gz"]
    for name, body in found.items():
        original = (site / name[:-3]).read_bytes()
        assert (gzip.decompress(body) if name.endswith(".gz") else
                brotli.decompress(body)) == original, name
    assert found["guide/index.html.br"] == brotli.compress(PAGE, quality=BROTLI_QUALITY)
    assert len(found["guide/index.html.br"]) < len(found["guide/index.html.gz"])
    assert not list(site.rglob("*.partial"))


def test_a_rebuild_uses_the_cache_and_gives_the_same_bytes(tmp_path):
    cache = tmp_path / "cache"
    first = small_site(tmp_path / "a")
    compress_tree(first, cache=cache)
    entries = sorted(cache.glob("??/*.br"))
    assert len(entries) == 2  # the page (once for both languages) and sw.js
    second = small_site(tmp_path / "b")
    compress_tree(second, cache=cache)
    assert copies(second) == copies(first)


def test_a_damaged_cache_entry_is_never_sent(tmp_path):
    """An entry whose bytes do not decompress to the file (a disk error, an edit, another
    file's copy) is compressed again: the reader gets the page, not the damage."""
    cache = tmp_path / "cache"
    compress_tree(small_site(tmp_path / "a"), cache=cache)
    entries = sorted(cache.glob("??/*.br"))
    other = brotli.compress("<p>别的页面</p>".encode())
    entries[0].write_bytes(other)
    entries[1].write_bytes(b"not brotli at all")
    site = small_site(tmp_path / "b")
    compress_tree(site, cache=cache)
    for name, body in copies(site).items():
        if name.endswith(".br"):
            assert brotli.decompress(body) == (site / name[:-3]).read_bytes(), name
    assert other not in [e.read_bytes() for e in entries]  # and the entry is mended


def test_the_cache_keeps_what_the_last_two_builds_used(tmp_path):
    cache = tmp_path / "cache"
    site = small_site(tmp_path / "a")
    (site / "old.html").write_text("<p>旧通知</p>" * 30, encoding="utf-8")
    compress_tree(site, cache=cache)
    old_entries = set(cache.glob("??/*.br"))
    assert len(old_entries) == 3
    past = time.time() - 3600  # that build was an hour ago
    for path in [*old_entries, cache / BrotliCache.MARK]:
        os.utime(path, (past, past))
    (site / "old.html").unlink()
    compress_tree(site, cache=cache)  # the next build: still kept (the one before used it)
    assert set(cache.glob("??/*.br")) == old_entries
    compress_tree(site, cache=cache)  # two builds without it: gone
    assert len(set(cache.glob("??/*.br"))) == 2


def test_a_cache_that_cannot_be_written_costs_time_only(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    site = small_site(tmp_path)
    assert compress_tree(site, cache=blocker) == 3
    assert brotli.decompress(copies(site)["sw.js.br"]) == (site / "sw.js").read_bytes()


def test_a_copy_cached_at_another_quality_or_version_is_not_used(tmp_path):
    """Correct but not what a build without the cache writes: the same sources must give
    the same bytes, whatever the cache holds."""
    cold = small_site(tmp_path / "cold")
    compress_tree(cold)
    cache = tmp_path / "cache"
    compress_tree(small_site(tmp_path / "a"), cache=cache)
    for entry in list(cache.glob("??/*.br")):
        data = brotli.decompress(entry.read_bytes())
        entry.unlink()
        entry.with_name(entry.name.replace(BrotliCache.TAG, "q1-0.9")).write_bytes(
            brotli.compress(data, quality=1))
    site = small_site(tmp_path / "b")
    compress_tree(site, cache=cache)
    assert copies(site) == copies(cold)
