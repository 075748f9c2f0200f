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
A new build changes the worker's text (it lists every page's hash), so browsers pick up
the new worker on their next visit.
"""

from __future__ import annotations

import json

FETCH_TIMEOUT_MS = 6000

WORKER = r"""/* Shouwang Guides service worker (generated at build time; do not edit). */
"use strict";
const VERSION = __VERSION__;
const PAGES = __PAGES__;          // path under this worker's scope -> content hash
const ASSETS = __ASSETS__;        // theme files, cached on install
const OTHER_ROOTS = __OTHER__;    // other languages' sites below this scope: not ours
const TIMEOUT = __TIMEOUT__;
const CACHE = "shouwang:" + new URL(self.registration.scope).pathname;

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
async function store(path, response) {
  if (!(path in PAGES) || !response.ok) return;
  const cache = await caches.open(CACHE);
  const url = new URL(path, self.registration.scope).href;
  await cache.put(url, await stamped(response, PAGES[path]));
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
}
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(ASSETS.map((a) => new URL(a, self.registration.scope).href)))
    .then(() => self.skipWaiting()));
});
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const keep = new Set(ASSETS.map((a) => new URL(a, self.registration.scope).href));
    for (const path of Object.keys(PAGES)) keep.add(new URL(path, self.registration.scope).href);
    for (const request of await cache.keys()) {
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
  if (!isPage) {
    // theme files and search files have their content's hash in their names: kept once
    // fetched, so a search made before works again offline
    const keep = path.startsWith("assets/") || /^search\/[0-9a-f]{10}\//.test(path);
    event.respondWith(caches.open(CACHE).then((cache) => cache.match(request.url).then(
      (hit) => hit || fetch(request).then((response) => {
        if (response.ok && keep) cache.put(request.url, response.clone());
        return response;
      }))));
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
      const home = await cache.match(new URL("./", self.registration.scope).href);
      if (home) return home;
      throw error;
    }
  })());
});
"""


def service_worker(version: str, pages: dict[str, str], assets: list[str],
                   other_roots: list[str]) -> str:
    """The worker's text. `pages` maps a path under the language root ("", "hotlines/")
    to the hash of its HTML; `assets` are paths under the root; `other_roots` are the
    other languages' roots below this one ("wuu/", "en/" for the default language)."""
    text = WORKER
    for name, value in (("__VERSION__", version), ("__PAGES__", dict(sorted(pages.items()))),
                        ("__ASSETS__", sorted(assets)), ("__OTHER__", sorted(other_roots)),
                        ("__TIMEOUT__", FETCH_TIMEOUT_MS)):
        text = text.replace(name, json.dumps(value, ensure_ascii=False))
    return text


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
