"""Read `content/` into guides, whatever the files contain.

Every file problem (wrong place, unknown language, binary junk, wrong encoding, too
large) becomes a finding; nothing here raises on bad input.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path

from guides import frontmatter
from guides.findings import Finding
from guides.model import (
    ASSET_SUFFIXES,
    DATA_FOLDER,
    KIND_LIST_FOLDERS,
    LANGUAGES,
    MAX_MARKDOWN_BYTES,
    Document,
    Guide,
)

# Addresses the site itself uses: a guide folder by these names would collide with them.
RESERVED_FOLDERS = {code for code in LANGUAGES if code != "zh"} | {
    "assets", "search", "updates", "releases", *KIND_LIST_FOLDERS.values()}


@dataclass
class Content:
    root: Path  # the content directory
    base: Path  # paths in findings are relative to this (the repository)
    guides: dict[str, Guide] = field(default_factory=dict)  # folder -> guide
    assets: set[str] = field(default_factory=set)  # posix paths relative to root
    data_files: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    files_checked: int = 0

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.base).as_posix()
        except ValueError:
            return path.as_posix()

    def documents(self) -> list[Document]:
        return [d for g in self.guides.values() for d in g.documents.values()]


def read_text(path: Path, rel: str, findings: list[Finding],
              limit: int = MAX_MARKDOWN_BYTES) -> str | None:
    """Return the file's text, or None with a finding saying why it cannot be read."""
    try:
        size = path.stat().st_size
        if size > limit:
            findings.append(Finding(rel, 1, "error", "file.too-large",
                                    {"size": _human(size), "limit": _human(limit)}))
            return None
        raw = path.read_bytes()
    except OSError as exc:
        findings.append(Finding(rel, 1, "error", "file.unreadable", {"error": exc.strerror or ""}))
        return None
    if b"\x00" in raw:
        findings.append(Finding(rel, raw.count(b"\n", 0, raw.index(b"\x00")) + 1, "error",
                                "file.binary", {}))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        guess = "gb18030" if _decodes(raw, "gb18030") else ""
        findings.append(Finding(rel, line, "error", "file.encoding", {"guess": guess}))
        return None
    if not text.strip():
        findings.append(Finding(rel, 1, "error", "file.empty", {}))
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decodes(raw: bytes, encoding: str) -> bool:
    try:
        raw.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _human(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def read_content(root: Path, base: Path | None = None) -> Content:
    root = Path(root).resolve()
    content = Content(root=root, base=(base or root.parent).resolve())
    if not root.is_dir():
        content.findings.append(Finding(content.rel(root), 1, "error", "file.no-content", {}))
        return content
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        here = Path(dirpath)
        depth = len(here.relative_to(root).parts)
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            _read_file(content, here / name, depth)
    return content


def _read_file(content: Content, path: Path, depth: int) -> None:
    rel = content.rel(path)
    rel_root = path.relative_to(content.root)
    suffix = path.suffix.lower()
    if rel_root.parts[0] == DATA_FOLDER:
        if suffix in (".yml", ".yaml"):
            content.data_files.append(path)
        return
    if suffix != ".md":
        content.assets.add(rel_root.as_posix())
        if suffix not in ASSET_SUFFIXES:
            content.findings.append(Finding(rel, 1, "warning", "file.unexpected",
                                            {"suffix": suffix or path.name}))
        return
    content.files_checked += 1
    if depth != 1:
        content.findings.append(Finding(rel, 1, "error", "file.misplaced", {"name": path.name}))
        return
    language = path.stem
    if language not in LANGUAGES:
        close = difflib.get_close_matches(language.lower().replace("_", "-").split("-")[0],
                                          list(LANGUAGES), n=1, cutoff=0.5)
        content.findings.append(Finding(rel, 1, "error", "file.language", {
            "name": path.name, "suggestion": f"{close[0]}.md" if close else ""}))
        return
    text = read_text(path, rel, content.findings)
    if text is None:
        return
    folder = rel_root.parts[0]
    if folder in RESERVED_FOLDERS:
        content.findings.append(Finding(rel, 1, "error", "file.reserved", {
            "name": folder, "reserved": ", ".join(sorted(RESERVED_FOLDERS))}))
        return
    doc = Document(path=path, rel=rel, folder=folder, language=language, text=text)
    parsed = frontmatter.split(text)
    for line, code, args in parsed.problems:
        content.findings.append(Finding(rel, line, "error", code, args))
    doc.body, doc.body_line = parsed.body, parsed.body_line
    if parsed.meta is not None:
        doc.meta, doc.meta_lines, doc.readable = parsed.meta, parsed.key_lines, True
    content.guides.setdefault(folder, Guide(folder)).documents[language] = doc
