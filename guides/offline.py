"""The offline pieces of a language's site: its service worker and its web app manifest.

The worker (one per language, scoped to that language's root):
- pages: network first (a reader online always gets the current page), falling back to
  the cached copy when the network fails or hangs for FETCH_TIMEOUT_MS;
- theme assets: cache first (their names change with their content), cached on install
  (what every page loads) or on first use (the rest);
- after a first visit the page asks it to "fill": it fetches, in the background, every
  published page of the language that is not cached or has changed since;
- on activation it deletes cached pages that are no longer published (a withdrawn or
  removed guide is never served from the cache as if current).
- lite pages (`P/lite/`, guides/outputs/lite.py; `LITE`): network first like pages, cached when a
  reader opens one, never fetched by the fill (the fill already holds every full page;
  a lite page offline that was never opened falls back to its cached full page).
- files named by their content (the theme's assets, the search shards): the worker holds
  the SHA-256 of every one as the build wrote it (`DIGESTS`; the shards through one
  `search/<version>/digests.json` whose own digest it holds) and checks a copy with
  `crypto.subtle.digest` before it caches it and each time before it serves it from the
  cache. A copy that differs (a script at the site's address can write into the cache) is
  deleted and the file fetched from the network instead: the cache can never replace
  Material's bundle or our script for later pages.
A new build changes the worker's text (it lists every page's hash), so browsers pick up
the new worker on their next visit.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
from pathlib import Path

from guides.compressed import is_precompressed

FETCH_TIMEOUT_MS = 6000

WORKER = r"""/* Shouwang Guides service worker (generated at build time; do not edit). */
"use strict";
const VERSION = __VERSION__;
const PAGES = __PAGES__;          // path under this worker's scope -> content hash
const LITE = __LITE__;            // lite pages (P/lite/) -> hash: cached on visit only
const ASSETS = __ASSETS__;        // theme files, cached on install
const OTHER_ROOTS = __OTHER__;    // other languages' sites below this scope: not ours
const TIMEOUT = __TIMEOUT__;
const DIGESTS = __DIGESTS__;      // file -> SHA-256 (base64) of the bytes the build wrote
const SHORT = __SHORT__;          // the shortest digest accepted (search files' lists)
const CACHE = "shouwang:" + new URL(self.registration.scope).pathname;
const SHARD = /^(search\/[0-9a-f]{10}\/)(.+)$/;
const SHARED = __SHARED__;        // pages' share/share.json (issue 14), fetched by "fill"
const SHARE = /^((?:[^\/]+\/)*)share\/[^\/]+$/;  // a page's share files: kept once fetched

function key(url) {
  const u = new URL(url, self.registration.scope);
  let path = u.pathname.slice(new URL(self.registration.scope).pathname.length);
  if (path.endsWith("index.html")) path = path.slice(0, -"index.html".length);
  return path;
}
function ours(url) {
  const u = new URL(url);
  if (u.origin !== self.location.origin) return false;
  if (!u.pathname.startsWith(new URL(self.registration.scope).pathname)) return false;
  const path = key(url);
  return !OTHER_ROOTS.some((root) => path.startsWith(root));
}
function stamped(response, hash) {
  const headers = new Headers(response.headers);
  headers.set("X-Shouwang-Hash", hash);
  return response.blob().then((body) => new Response(body, {
    status: response.status, statusText: response.statusText, headers }));
}
async function sha256(response) {
  const hash = await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer());
  let text = "";
  for (const byte of new Uint8Array(hash)) text += String.fromCharCode(byte);
  return btoa(text);
}
function own(object, name) {
  return object !== null && typeof object === "object" &&
    Object.prototype.hasOwnProperty.call(object, name);
}
function bucketOf(name, count) {  // FNV-1a over UTF-16 code units, as guides/offline.py
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}
// s-speed: each digest list is read once while this worker runs (a search asks for
// dozens of files at once, all under the same few lists).
const LISTS = new Map();
function listing(path, cache) {
  if (!LISTS.has(path)) {
    LISTS.set(path, (async () => {
      const response = await verified(path, cache);
      if (!response || !response.ok) return null;
      try { return await response.clone().json(); } catch (error) { return null; }
    })().then((list) => {
      if (list === null) LISTS.delete(path);
      return list;
    }, (error) => { LISTS.delete(path); throw error; }));
  }
  return LISTS.get(path);
}
// The digest the build wrote for a file: in this worker for theme files; for a search
// file, in a tree of lists under its version (guides/offline.py, write_search_digests):
// digests.json (whose digest is here) holds those of the middle lists digests/m/<k>.json,
// which hold those of the buckets digests/<n>.json, which hold the files'.
async function expected(path, cache) {
  if (own(DIGESTS, path)) return DIGESTS[path];
  const shard = SHARD.exec(path);
  if (!shard || shard[2] === "digests.json") return null;
  const top = await listing(shard[1] + "digests.json", cache);
  if (!top || !Array.isArray(top.mids) || !(top.count > 0) || !(top.group > 0) ||
      top.mids.length !== Math.ceil(top.count / top.group)) return null;
  const middle = /^digests\/m\/(\d+)\.json$/.exec(shard[2]);
  if (middle) return Number(middle[1]) < top.mids.length ? top.mids[Number(middle[1])] : null;
  const index = /^digests\/(\d+)\.json$/.exec(shard[2]);
  if (index) {
    const n = Number(index[1]);
    if (n >= top.count) return null;
    const list = await listing(`${shard[1]}digests/m/${Math.floor(n / top.group)}.json`, cache);
    const want = Array.isArray(list) ? list[n % top.group] : null;
    return typeof want === "string" ? want : null;
  }
  const bucket = await listing(`${shard[1]}digests/${bucketOf(shard[2], top.count)}.json`,
                               cache);
  return own(bucket, shard[2]) ? bucket[shard[2]] : null;
}
// A search file's digest is cut to its first SHORT characters (96 bits: still beyond
// any forgery), so a first search's lists of digests stay small.
function same(digest, want) {
  return typeof want === "string" && want.length >= SHORT &&
    digest.slice(0, want.length) === want;
}
// A file named by its content: the cached copy only if its bytes are the build's (any
// other copy is deleted), else the network's answer, cached when its bytes are the
// build's. null for a file this worker has no digest for. s-speed: a file not cached is
// fetched at once, while its digest is looked up, and given as it comes (the network is
// trusted, as before): only caching it waits for the digest. `hold` (a fetch event's
// waitUntil) keeps this worker alive for that; without it (a list of digests, the
// install), nothing is fetched before its digest is known, and caching is waited for.
async function verified(path, cache, hold) {
  const wanted = expected(path, cache).catch(() => null);
  if (!hold && !(await wanted)) return null;  // a list, or the install: digest first
  const url = new URL(path, self.registration.scope).href;
  const hit = await cache.match(url);
  if (hit) {
    const want = await wanted;
    if (!want) return null;
    if (same(await sha256(hit), want)) return hit;
    await cache.delete(url);
  }
  const response = await fetch(url);
  const copy = response.clone();
  const keep = wanted.then(async (want) => {
    if (want && copy.ok && same(await sha256(copy), want)) await cache.put(url, copy);
  }).catch(() => null);
  if (hold) hold(keep);
  else await keep;
  return response;
}
async function store(path, response) {
  const hash = own(PAGES, path) ? PAGES[path] : own(LITE, path) ? LITE[path] : null;
  if (hash === null || !response.ok) return;
  const cache = await caches.open(CACHE);
  const url = new URL(path, self.registration.scope).href;
  await cache.put(url, await stamped(response, hash));
}
async function fill() {
  const cache = await caches.open(CACHE);
  for (const [path, hash] of Object.entries(PAGES)) {
    const url = new URL(path, self.registration.scope).href;
    const cached = await cache.match(url);
    if (cached && cached.headers.get("X-Shouwang-Hash") === hash) continue;
    try {
      const response = await fetch(url, { cache: "no-cache" });
      if (response.ok) await cache.put(url, await stamped(response, hash));
    } catch (error) { return; }  // offline again: try on the next visit
  }
  for (const path of SHARED) {  // what the Share panel lists, so it opens offline
    const url = new URL(path, self.registration.scope).href;
    try {
      const response = await fetch(url, { cache: "no-cache" });
      if (response.ok) await cache.put(url, response);
    } catch (error) { return; }
  }
}
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE)
    .then((cache) => Promise.all(ASSETS.map((a) => verified(a, cache).catch(() => null))))
    .then(() => self.skipWaiting()));
});
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const keep = new Set(ASSETS.map((a) => new URL(a, self.registration.scope).href));
    for (const path of Object.keys(PAGES)) keep.add(new URL(path, self.registration.scope).href);
    for (const path of Object.keys(LITE)) keep.add(new URL(path, self.registration.scope).href);
    for (const request of await cache.keys()) {
      const shared = SHARE.exec(key(request.url));  // a share file of a page still published
      if (shared && ours(request.url) && shared[1] in PAGES) continue;
      if (!keep.has(request.url)) await cache.delete(request);
    }
    await self.clients.claim();
  })());
});
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "fill") event.waitUntil(fill());
});
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !ours(request.url)) return;
  const path = key(request.url);
  const isPage = request.mode === "navigate" || path in PAGES || path.endsWith("/");
  if (path === "search/search_index.json") {  // names the search files of this release
    event.respondWith(caches.open(CACHE).then((cache) => fetch(request).then((response) => {
      if (response.ok) cache.put(request.url, response.clone());
      return response;
    }, (error) => cache.match(request.url).then((hit) => hit || Promise.reject(error)))));
    return;
  }
  if (SHARE.test(path)) {  // a page's share files: the network's when online, else kept
    event.respondWith(caches.open(CACHE).then((cache) => fetch(request).then((response) => {
      if (response.ok) cache.put(request.url, response.clone());
      return response;
    }, (error) => cache.match(request.url).then((hit) => hit || Promise.reject(error)))));
    return;
  }
  if (!isPage) {
    // theme files and search files have their content's hash in their names: kept once
    // fetched (so a search made before works again offline), served only as built
    const keep = path.startsWith("assets/") || SHARD.test(path) || ASSETS.includes(path);
    if (keep) {
      event.respondWith(caches.open(CACHE)
        .then((cache) => verified(path, cache, (keep) => event.waitUntil(keep)))
        .then((response) => response || fetch(request)));
    }
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const url = new URL(path, self.registration.scope).href;
    try {
      const response = await Promise.race([
        // always asks the server (a cheap 304 when nothing changed): never a stale page
        fetch(request.url, { cache: "no-cache", credentials: "same-origin" }),
        new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), TIMEOUT)),
      ]);
      if (response.ok) await store(path, response.clone());
      else if (response.status === 404 || response.status === 410) await cache.delete(url);
      return response;
    } catch (error) {
      const hit = await cache.match(url);
      if (hit) return hit;
      if (own(LITE, path)) {  // a lite page never opened: its full page, if the fill has it
        const full = await cache.match(new URL(path.slice(0, -"lite/".length),
                                               self.registration.scope).href);
        if (full) return full;
      }
      const home = await cache.match(new URL("./", self.registration.scope).href);
      if (home) return home;
      throw error;
    }
  })());
});
"""


def service_worker(version: str, pages: dict[str, str], assets: list[str],
                   other_roots: list[str], digests: dict[str, str] | None = None,
                   lite: dict[str, str] | None = None,
                   shared: list[str] | None = None) -> str:
    """The worker's text. `pages` maps a path under the language root ("", "hotlines/")
    to the hash of its HTML; `assets` are paths under the root; `other_roots` are the
    other languages' roots below this one ("wuu/", "en/" for the default language);
    `digests` maps files named by their content to their SHA-256 (`digests()`); `lite`
    maps lite pages ("testing-guide/lite/") to their hash, like `pages`."""
    text = WORKER
    for name, value in (("__VERSION__", version), ("__PAGES__", dict(sorted(pages.items()))),
                        ("__ASSETS__", sorted(assets)), ("__OTHER__", sorted(other_roots)),
                        ("__TIMEOUT__", FETCH_TIMEOUT_MS),
                        ("__LITE__", dict(sorted((lite or {}).items()))),
                        ("__DIGESTS__", dict(sorted((digests or {}).items()))),
                        ("__SHORT__", SHORT),
                        ("__SHARED__", sorted(shared or []))):
        text = text.replace(name, json.dumps(value, ensure_ascii=False))
    return text


def sha256(path: Path) -> str:
    """The digest the worker compares: SHA-256, base64 (what crypto.subtle gives, encoded)."""
    return base64.b64encode(hashlib.sha256(path.read_bytes()).digest()).decode("ascii")


def digests(site_dir: Path, extra: list[str]) -> dict[str, str]:
    """The SHA-256 of every file the worker may cache by name in this language's site
    (`site_dir`, its own root: other languages' sites have their own assets and search):
    everything under assets/, the files in `extra` (what it caches on install), and one
    `search/<version>/digests.json` per search version (`write_search_digests`)."""
    found: dict[str, str] = {}
    for path in sorted((site_dir / "assets").rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if path.is_file() and not is_precompressed(rel):
            found[rel] = sha256(path)
    for rel in extra:
        if (site_dir / rel).is_file():
            found[rel] = sha256(site_dir / rel)
    search = site_dir / "search"
    for folder in sorted(search.iterdir()) if search.is_dir() else []:
        if folder.is_dir():
            listing = write_search_digests(folder)
            found[listing.relative_to(site_dir).as_posix()] = sha256(listing)
    return found


SHORT = 16  # base64 characters kept of a search file's digest: 96 of SHA-256's 256 bits


def short_sha256(path: Path) -> str:
    """A search file's digest in its version's lists (`SHORT`)."""
    return sha256(path)[:SHORT]


FILES_PER_BUCKET = 6  # s-speed: search files a bucket of digests lists, about


def tree_shape(files: int) -> tuple[int, int]:
    """(buckets, buckets per middle list) for `files` search files. A first search fetches
    the top list, then for each of the ~20-50 files it reads one bucket and that bucket's
    middle list. With two levels (√(64 × files) buckets under the top list) the top list
    alone was 12 KB at 10,000 pages; three levels, buckets of about 6 files and
    √(32 × buckets) middle lists, were the least of those measured (BENCHMARKS.md, "Scale":
    16.5 instead of 25 KB at 10,000 pages, 12.9 instead of 16.2 at 3,000)."""
    count = max(1, round(files / FILES_PER_BUCKET))
    middles = max(1, round(math.sqrt(count * 32)))
    return count, -(-count // middles)


def bucket_of(name: str, count: int) -> int:
    """FNV-1a over UTF-16 code units: the worker's bucketOf, in Python."""
    data = name.encode("utf-16-le")
    value = 0x811C9DC5
    for index in range(0, len(data), 2):
        value ^= data[index] | data[index + 1] << 8
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value % count


def write_search_digests(folder: Path) -> Path:
    """The digests of a search version's files, for the worker, as a tree: `digests.json`
    lists the digests of the middle lists (`digests/m/<k>.json`), each listing those of
    `group` buckets (`digests/<n>.json`, bucket n in middle list n // group), each listing
    a few files' digests. The search files are many (one per page), so a reader's first
    search fetches a few short lists per file it reads, not the digest of every file."""
    files = {path.relative_to(folder).as_posix(): short_sha256(path)
             for path in sorted(folder.rglob("*"))
             if path.is_file() and not is_precompressed(path.name)
             and path.relative_to(folder).parts[0] not in ("digests", "digests.json")}
    count, group = tree_shape(len(files))
    buckets: list[dict[str, str]] = [{} for _ in range(count)]
    for name, digest in files.items():
        buckets[bucket_of(name, count)][name] = digest
    (folder / "digests" / "m").mkdir(parents=True, exist_ok=True)
    below: list[str] = []
    for index, bucket in enumerate(buckets):
        path = folder / "digests" / f"{index}.json"
        path.write_text(json.dumps(bucket, separators=(",", ":")), encoding="utf-8")
        below.append(short_sha256(path))
    middles: list[str] = []
    for k in range(0, count, group):
        path = folder / "digests" / "m" / f"{k // group}.json"
        path.write_text(json.dumps(below[k:k + group], separators=(",", ":")),
                        encoding="utf-8")
        middles.append(short_sha256(path))
    listing = folder / "digests.json"
    listing.write_text(json.dumps({"count": count, "group": group, "mids": middles},
                                  separators=(",", ":")), encoding="utf-8")
    return listing


def manifest(name: str, short_name: str, description: str, lang: str,
             theme_color: str, icons: list[tuple[str, int]]) -> str:
    """The web app manifest: installable, opens at the language's home page."""
    data = {
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": lang,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": theme_color,
        "icons": [{"src": src, "sizes": f"{size}x{size}", "type": "image/png",
                   "purpose": "any maskable"} for src, size in icons],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
