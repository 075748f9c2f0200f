"""The broadcast text an editor wrote (`broadcast:` in front matter) must fit, with the
page's address added, into the 300 characters a WeChat group message or an SMS allows.

An error on a published page (it would be cut off in the group), a warning on a draft or a
page under review (it is not sent yet). The address comes from site_url in the mkdocs.yml
beside content/; without one, a stand-in host of guides.outputs.share.broadcast.HOST_ALLOWANCE
characters is counted. `guides share` counts again with the real address.
"""

from __future__ import annotations

import re

from guides.checks.context import Context
from guides.model import HOME_FOLDER, LANGUAGES
from guides.outputs.share import broadcast

URL = re.compile(r"https?://[^\s，。、；）)」』】]+", re.I)


def check(ctx: Context) -> None:
    site_url = broadcast.site_url_beside(ctx.content.root)
    for doc in ctx.content.documents():
        text = doc.meta.get("broadcast") if doc.readable else None
        if not isinstance(text, str) or not text.strip():
            continue  # not written (or not text: the schema says so)
        if doc.folder == HOME_FOLDER or doc.language not in LANGUAGES:
            continue
        url = broadcast.page_address(site_url, LANGUAGES[doc.language].root, doc.folder)
        report = ctx.error if doc.meta.get("status") == "published" else ctx.warning
        line = doc.line_of("broadcast")
        over = broadcast.over_by(text, url)
        if over:
            report(doc, line, "broadcast.too-long", over=over, limit=broadcast.MAX_CHARS,
                   total=broadcast.length(broadcast.with_address(text, url)), url=url,
                   url_length=broadcast.length(url))
        for found in URL.findall(text):
            if found.rstrip("/") != url.rstrip("/"):
                ctx.warning(doc, line, "broadcast.multiple-urls", url=found)
                break
