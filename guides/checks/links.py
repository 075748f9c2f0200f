"""Internal links and #anchors resolve; images and audio exist; images have alt text."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from guides.checks.context import Context
from guides.model import AUDIO_SUFFIXES, HOME_FOLDER, IMAGE_SUFFIXES, LANGUAGES, Document
from guides.urls import is_local

MAX_AUDIO_BYTES = 3 * 1024 * 1024


def check(ctx: Context) -> None:
    for doc in ctx.content.documents():
        if not doc.readable:
            continue
        scan = ctx.scan(doc)
        for link in scan.links:
            if link.image:
                _check_image(ctx, doc, link.url, link.text, link.line)
            else:
                _check_link(ctx, doc, link.url, link.line)
        for tag in scan.tags:
            attrs = dict(tag.attrs)
            if tag.name == "a" and "href" in attrs:
                _check_link(ctx, doc, attrs["href"], tag.line)
            elif tag.name == "img":
                _check_image(ctx, doc, attrs.get("src", ""), attrs.get("alt", ""), tag.line)
            elif tag.name in ("audio", "source") and "src" in attrs:
                _check_asset(ctx, doc, attrs["src"], tag.line, AUDIO_SUFFIXES)
        _check_front_matter_audio(ctx, doc)


def _resolve(doc: Document, path: str) -> str | None:
    """A link's target relative to content/, or None when it leaves content/."""
    joined = posixpath.normpath(posixpath.join(doc.folder, unquote(path)))
    if joined == ".":
        return ""
    if joined.startswith("../") or joined == ".." or joined.startswith("/"):
        return None
    return joined


def _check_link(ctx: Context, doc: Document, url: str, line: int) -> None:
    url = url.strip()
    if not url or not is_local(url):
        return  # other schemes: the safety and phone checks look at those
    parts = urlsplit(url)
    anchor = unquote(parts.fragment)
    if not parts.path:
        if anchor and anchor not in ctx.scan(doc).anchors():
            ctx.error(doc, line, "link.anchor", anchor=anchor, target=doc.rel)
        return
    if parts.path.startswith("/"):
        ctx.error(doc, line, "link.absolute", url=url)
        return
    target = _resolve(doc, parts.path)
    if target is None:
        ctx.error(doc, line, "link.outside", url=url)
        return
    target_doc = _target_document(ctx, doc, target, url, line)
    if target_doc is not None and target_doc.readable and _public(doc) \
            and target_doc.meta.get("status") in ("draft", "review"):
        ctx.error(doc, line, "link.unpublished", url=url, status=target_doc.meta["status"])
        return
    if target_doc is not None and anchor and target_doc.readable \
            and anchor not in ctx.scan(target_doc).anchors():
        ctx.error(doc, line, "link.anchor", anchor=anchor, target=target_doc.rel)


def _target_document(ctx: Context, doc: Document, target: str, url: str,
                     line: int) -> Document | None:
    guides = ctx.content.guides
    if target.endswith(".md"):
        folder, _, name = target.rpartition("/")
        guide = guides.get(folder)
        language = name[:-3]
        if guide is None or language not in guide.documents:
            ctx.error(doc, line, "link.broken", url=url)
            return None
        return guide.documents[language]
    if "/" not in target and (target in guides or target == ""):
        guide = guides.get(target or HOME_FOLDER)
        if guide is None:
            ctx.error(doc, line, "link.broken", url=url)
            return None
        if doc.language not in guide.documents:
            ctx.error(doc, line, "link.no-translation", url=url,
                      language=LANGUAGES[doc.language].name)
            return None
        return guide.documents[doc.language]
    if target not in ctx.content.assets:
        ctx.error(doc, line, "link.broken", url=url)
    return None


def _public(doc: Document) -> bool:
    return doc.meta.get("status") in ("published", "withdrawn")


def _check_image(ctx: Context, doc: Document, src: str, alt: str, line: int) -> None:
    if not alt.strip():
        ctx.error(doc, line, "image.alt", src=src)
    _check_asset(ctx, doc, src, line, IMAGE_SUFFIXES)


def _check_asset(ctx: Context, doc: Document, src: str, line: int,
                 suffixes: tuple[str, ...]) -> None:
    src = src.strip()
    if not src:
        ctx.error(doc, line, "media.missing-src")
        return
    if not is_local(src):
        return  # remote resources and data: URLs are the safety check's
    path = urlsplit(src).path
    target = _resolve(doc, path)
    if target is None or target not in ctx.content.assets:
        ctx.error(doc, line, "media.missing", src=src)
    elif not target.lower().endswith(suffixes):
        ctx.error(doc, line, "media.format", src=src, formats=", ".join(suffixes))


def _check_front_matter_audio(ctx: Context, doc: Document) -> None:
    audio = doc.meta.get("audio")
    if not isinstance(audio, str) or not audio.strip():
        return
    line = doc.line_of("audio")
    target = _resolve(doc, audio.strip())
    if target is None or target not in ctx.content.assets:
        ctx.error(doc, line, "media.missing", src=audio)
        return
    if not target.lower().endswith(AUDIO_SUFFIXES):
        ctx.error(doc, line, "media.format", src=audio, formats=", ".join(AUDIO_SUFFIXES))
        return
    data = ctx.content.data(target) or b""  # the snapshot: what the build publishes
    size = len(data)
    if size > MAX_AUDIO_BYTES:
        ctx.error(doc, line, "audio.too-large", src=audio, size=f"{size / 1048576:.1f} MB",
                  limit="3 MB")
    elif not _looks_like_audio(data[:12]):
        ctx.error(doc, line, "audio.not-audio", src=audio)


def _looks_like_audio(head: bytes) -> bool:
    """MP3 (an ID3 tag or an MPEG frame), Ogg or MP4/M4A, by their first bytes: a file
    renamed to .mp3 would not play on any phone."""
    return (head.startswith((b"ID3", b"OggS"))
            or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)
            or head[4:8] == b"ftyp")
