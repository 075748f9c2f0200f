#!/usr/bin/env python3
"""Serve a built site the way a production server would: the pre-compressed `.br` copy
of a file when the client accepts Brotli, else its `.gz` copy when it accepts gzip (as
nginx's brotli_static and gzip_static do with deploy/nginx.conf), with cache headers.
For measuring page weight and Lighthouse scores; not for production.

    python3 scripts/serve_static.py site 8000
"""

from __future__ import annotations

import email.utils
import functools
import os
import re
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

ENCODINGS = (("br", ".br"), ("gzip", ".gz"))  # preferred first, as nginx does


def accepted_encodings(header: str) -> set[str]:
    """The codings an Accept-Encoding header accepts (`br;q=0` refuses br)."""
    accepted = set()
    for item in header.split(","):
        name, _, params = item.strip().partition(";")
        q = params.strip().removeprefix("q=") if params.strip().startswith("q=") else "1"
        try:
            if float(q) > 0:
                accepted.add(name.strip().lower())
        except ValueError:
            pass
    return accepted


class PrecompressedHandler(SimpleHTTPRequestHandler):
    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the trailing slash
            path = os.path.join(path, "index.html")
        accepted = accepted_encodings(self.headers.get("Accept-Encoding", ""))
        encoding, copy = next(((e, path + suffix) for e, suffix in ENCODINGS
                               if e in accepted and os.path.isfile(path + suffix)),
                              (None, None))
        if copy is not None:
            try:
                f = open(copy, "rb")
            except OSError:
                return super().send_head()
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", encoding)
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
            self.send_header("Last-Modified",
                             email.utils.formatdate(os.stat(path).st_mtime, usegmt=True))
            self._cache_headers(path)
            self.end_headers()
            return f
        return super().send_head()

    def end_headers(self):
        if not any(h.lower().startswith(b"cache-control") for h in self._headers_buffer):
            self._cache_headers(self.translate_path(self.path))
        super().end_headers()

    def _cache_headers(self, path: str) -> None:
        # Files named by their content hash (bundle.a5f9d56c.min.js, shouwang.22ec19a608.js)
        # never change; pages must be checked each time.
        name = path.replace(os.sep, "/")
        immutable = "/assets/" in name and re.search(r"\.[0-9a-f]{8,}\.", name) is not None
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if immutable
                         else "no-cache")

    def log_message(self, *args):
        pass


PrecompressedHandler.extensions_map = {**SimpleHTTPRequestHandler.extensions_map,
                                       ".webmanifest": "application/manifest+json",
                                       ".js": "text/javascript"}


def serve(directory: str, port: int) -> ThreadingHTTPServer:
    handler = functools.partial(PrecompressedHandler, directory=directory)
    return ThreadingHTTPServer(("127.0.0.1", port), handler)


if __name__ == "__main__":
    site, port = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 8000
    server = serve(site, port)
    print(f"serving {site} at http://127.0.0.1:{server.server_address[1]}/", flush=True)
    server.serve_forever()
