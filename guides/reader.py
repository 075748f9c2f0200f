"""Read `content/` into guides, whatever the files contain: once, and only regular files.

Every file problem (wrong place, unknown language, binary junk, wrong encoding, too
large, a link or a special file, a name the site cannot use) becomes a finding; nothing
here raises on bad input.

Each file is read once, into `Content.files`: the checks and the build both work from
these bytes (the plugin builds from a private copy of them), so a file changed after the
check is never published unchecked. Symbolic links, FIFOs, devices and sockets are never
followed, opened or read: directories are opened with O_NOFOLLOW and walked by descriptor,
files opened with O_NOFOLLOW | O_NONBLOCK and kept only if `fstat` says they are regular
(and not hard links: a second name for a file elsewhere on the disk is a link too).
"""

from __future__ import annotations

import difflib
import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from guides import frontmatter
from guides.findings import Finding
from guides.model import (
    ASSET_SUFFIXES,
    DATA_FOLDER,
    LANGUAGES,
    MAX_MARKDOWN_BYTES,
    Document,
    Guide,
)
from guides.site import RESERVED_NAMES, name_problem

# Addresses the site itself uses: a guide folder by these names would collide with them.
RESERVED_FOLDERS = RESERVED_NAMES
# Images, audio and PDFs: larger than any phone should download, and more than the build
# should hold in memory.
MAX_ASSET_BYTES = 20 * 1024 * 1024
# content/<guide>/<subfolder>/...: deeper than this is a mistake (and bounds the walk).
MAX_DEPTH = 6
_OPEN_FILE = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
_OPEN_DIR = _OPEN_FILE | os.O_DIRECTORY
_KINDS = ((stat.S_ISFIFO, "FIFO"), (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "device"),
          (stat.S_ISBLK, "device"))


@dataclass
class Content:
    root: Path  # the content directory
    base: Path  # paths in findings are relative to this (the repository)
    guides: dict[str, Guide] = field(default_factory=dict)  # folder -> guide
    assets: set[str] = field(default_factory=set)  # posix paths relative to root
    data_files: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    files_checked: int = 0
    # The snapshot: every file the build may use, as read (posix path relative to root).
    files: dict[str, bytes] = field(default_factory=dict)

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.base).as_posix()
        except ValueError:
            return path.as_posix()

    def documents(self) -> list[Document]:
        return [d for g in self.guides.values() for d in g.documents.values()]

    def data(self, path: Path | str) -> bytes | None:
        """The snapshot's bytes of a file under root (absolute or root-relative path)."""
        path = Path(path)
        try:
            key = path.relative_to(self.root).as_posix() if path.is_absolute() \
                else path.as_posix()
        except ValueError:
            return None
        return self.files.get(key)

    def write_snapshot(self, target: Path) -> None:
        """The snapshot as files under `target` (an empty, private folder), for MkDocs."""
        for rel, data in sorted(self.files.items()):
            path = target / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


class _Refused(Exception):
    """A file that is not read: (code, args) of its finding."""

    def __init__(self, code: str, **args: str) -> None:
        super().__init__(code)
        self.code, self.args_ = code, args


def _kind(mode: int) -> str:
    return next((kind for test, kind in _KINDS if test(mode)), "other")


def read_bytes(name: str | Path, limit: int, dir_fd: int | None = None) -> bytes:
    """A regular file's bytes, never following a link nor blocking on a FIFO or device."""
    try:
        fd = os.open(name, _OPEN_FILE, dir_fd=dir_fd)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # O_NOFOLLOW met a symbolic link
            raise _Refused("file.symlink", target="") from None
        raise _Refused("file.unreadable", error=exc.strerror or "") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _Refused("file.special", kind=_kind(info.st_mode))
        if info.st_nlink > 1:  # the same file as one elsewhere on the disk: a hard link
            raise _Refused("file.hardlink", links=str(info.st_nlink))
        if info.st_size > limit:
            raise _Refused("file.too-large", size=_human(info.st_size), limit=_human(limit))
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:  # it grew while being read
            raise _Refused("file.too-large", size=_human(total), limit=_human(limit))
        return b"".join(chunks)
    except OSError as exc:
        raise _Refused("file.unreadable", error=exc.strerror or "") from None
    finally:
        os.close(fd)


def read_text(source: Path | bytes, rel: str, findings: list[Finding],
              limit: int = MAX_MARKDOWN_BYTES) -> str | None:
    """Return the file's text, or None with a finding saying why it cannot be read.
    `source`: the bytes already read (the snapshot), or a path to read safely."""
    if isinstance(source, bytes):
        raw = source
        if len(raw) > limit:
            findings.append(Finding(rel, 1, "error", "file.too-large",
                                    {"size": _human(len(raw)), "limit": _human(limit)}))
            return None
    else:
        try:
            raw = read_bytes(source, limit)
        except _Refused as refused:
            findings.append(Finding(rel, 1, "error", refused.code, refused.args_))
            return None
    return decode(raw, rel, findings)


def decode(raw: bytes, rel: str, findings: list[Finding]) -> str | None:
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
    try:
        fd = os.open(root, _OPEN_DIR)
    except OSError:
        content.findings.append(Finding(content.rel(root), 1, "error", "file.no-content", {}))
        return content
    try:
        _walk(content, fd, ())
    finally:
        os.close(fd)
    return content


def _walk(content: Content, fd: int, parts: tuple[str, ...]) -> None:
    """One directory, by descriptor: a directory swapped for a link is never entered."""
    with os.scandir(fd) as listing:
        entries = sorted((e.name, e) for e in listing)
    for name, entry in entries:
        if name.startswith("."):
            continue  # hidden files: MkDocs leaves them out too
        here = (*parts, name)
        path = content.root.joinpath(*here)
        rel = content.rel(path)
        try:
            mode = entry.stat(follow_symlinks=False).st_mode
        except OSError as exc:
            content.findings.append(Finding(rel, 1, "error", "file.unreadable",
                                            {"error": exc.strerror or ""}))
            continue
        if stat.S_ISLNK(mode):
            _refuse(content, rel, here, "file.symlink", target=_link_target(name, fd))
        elif stat.S_ISDIR(mode):
            if not _name_ok(content, rel, here, directory=True):
                continue
            if len(here) >= MAX_DEPTH:
                content.findings.append(Finding(rel, 1, "error", "file.too-deep",
                                                {"depth": str(MAX_DEPTH)}))
                continue
            try:
                sub = os.open(name, _OPEN_DIR, dir_fd=fd)
            except OSError as exc:
                code = "file.symlink" if exc.errno == errno.ELOOP else "file.unreadable"
                content.findings.append(Finding(rel, 1, "error", code, {
                    "name": name, "error": exc.strerror or "", "target": "?"}))
                continue
            try:
                _walk(content, sub, here)
            finally:
                os.close(sub)
        elif stat.S_ISREG(mode):
            if _name_ok(content, rel, here, directory=False):
                _read_file(content, fd, path, here)
        else:
            _refuse(content, rel, here, "file.special", kind=_kind(mode))


def _refuse(content: Content, rel: str, here: tuple[str, ...], code: str, **args: str) -> None:
    content.findings.append(Finding(rel, 1, "error", code, {"name": here[-1], **args}))
    if here[-1].lower().endswith(".md"):
        content.files_checked += 1


def _link_target(name: str, fd: int) -> str:
    try:
        return os.readlink(name, dir_fd=fd)
    except OSError:
        return "?"


def _name_ok(content: Content, rel: str, here: tuple[str, ...], directory: bool) -> bool:
    """Names that become addresses: a guide folder must not take one the site writes, and
    every folder and file name must work in a link."""
    top = here[0]
    if top == DATA_FOLDER:
        return True
    if top in RESERVED_NAMES and (len(here) > 1 or not directory):
        if not directory:
            content.findings.append(Finding(rel, 1, "error", "file.reserved", {
                "name": top, "reserved": ", ".join(sorted(RESERVED_NAMES))}))
        return directory  # its files are reported one by one, none is read
    if len(here) == 1 and not directory:
        content.findings.append(Finding(rel, 1, "error", "file.misplaced", {"name": top}))
        if top.lower().endswith(".md"):
            content.files_checked += 1
        return False
    problem, suggestion = name_problem(here[-1], folder=directory)
    if problem == "chars":  # ("reserved" only matters at the top, checked above)
        code = "file.folder-name" if directory else "file.file-name"
        content.findings.append(Finding(rel, 1, "error", code, {
            "name": here[-1], "suggestion": suggestion}))
        return False
    return True


def _read_file(content: Content, dir_fd: int, path: Path, here: tuple[str, ...]) -> None:
    rel = content.rel(path)
    rel_root = "/".join(here)
    suffix = path.suffix.lower()
    if here[0] == DATA_FOLDER:
        if suffix in (".yml", ".yaml") and _snapshot(content, dir_fd, here, rel,
                                                     MAX_MARKDOWN_BYTES):
            content.data_files.append(path)
        return
    if suffix != ".md":
        if suffix not in ASSET_SUFFIXES:
            content.assets.add(rel_root)
            content.findings.append(Finding(rel, 1, "warning", "file.unexpected",
                                            {"suffix": suffix or path.name}))
            return  # never published: not read either
        if _snapshot(content, dir_fd, here, rel, MAX_ASSET_BYTES):
            content.assets.add(rel_root)
        return
    content.files_checked += 1
    if len(here) != 2:
        content.findings.append(Finding(rel, 1, "error", "file.misplaced", {"name": path.name}))
        return
    language = path.stem
    if language not in LANGUAGES:
        close = difflib.get_close_matches(language.lower().replace("_", "-").split("-")[0],
                                          list(LANGUAGES), n=1, cutoff=0.5)
        content.findings.append(Finding(rel, 1, "error", "file.language", {
            "name": path.name, "suggestion": f"{close[0]}.md" if close else ""}))
        return
    if not _snapshot(content, dir_fd, here, rel, MAX_MARKDOWN_BYTES):
        return
    text = decode(content.files[rel_root], rel, content.findings)
    if text is None:
        del content.files[rel_root]
        return
    folder = here[0]
    doc = Document(path=path, rel=rel, folder=folder, language=language, text=text)
    parsed = frontmatter.split(text)
    for line, code, args in parsed.problems:
        content.findings.append(Finding(rel, line, "error", code, args))
    doc.body, doc.body_line = parsed.body, parsed.body_line
    if parsed.meta is not None:
        doc.meta, doc.meta_lines, doc.readable = parsed.meta, parsed.key_lines, True
    content.guides.setdefault(folder, Guide(folder)).documents[language] = doc


def _snapshot(content: Content, dir_fd: int, here: tuple[str, ...], rel: str,
              limit: int) -> bool:
    """Read one file into the snapshot; False (and a finding) when it cannot be."""
    try:
        content.files["/".join(here)] = read_bytes(here[-1], limit, dir_fd=dir_fd)
    except _Refused as refused:
        args = dict(refused.args_)
        if refused.code == "file.symlink":
            args.update(name=here[-1], target=_link_target(here[-1], dir_fd))
        if refused.code in ("file.special", "file.hardlink"):
            args["name"] = here[-1]
        content.findings.append(Finding(rel, 1, "error", refused.code, args))
        return False
    return True

