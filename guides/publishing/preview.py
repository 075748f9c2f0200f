"""`guides serve`: MkDocs' live-reload server, compressing what it sends.

A phone on a crowded network should see in the preview what it will see when published:
text files gzip-compressed. MkDocs' server sends them as they are, so `guides serve`
runs it with this subclass.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable

from mkdocs.livereload import LiveReloadServer

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml",
                "image/svg+xml", "application/manifest+json")


class CompressingServer(LiveReloadServer):
    def serve_request(self, environ, start_response) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if "gzip" not in environ.get("HTTP_ACCEPT_ENCODING", "") or path.startswith(
                "/livereload/"):
            return super().serve_request(environ, start_response)
        captured: dict = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers

        body = b"".join(super().serve_request(environ, capture))
        headers = [(k, v) for k, v in captured["headers"] if k.lower() != "content-length"]
        content_type = next((v for k, v in headers if k.lower() == "content-type"), "")
        if content_type.startswith(COMPRESSIBLE) and len(body) > 512:
            body = gzip.compress(body, compresslevel=6, mtime=0)
            headers += [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")]
        headers.append(("Content-Length", str(len(body))))
        start_response(captured["status"], headers)
        return [body]
