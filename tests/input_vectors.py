"""h-input (issue 16, items 3 and 5): hostile files and names in content/, as a corpus.

These are file-system cases (links, FIFOs, devices, sockets, names the site writes itself,
names that break addresses, old names that would replace a page or leave the site): they
need a real folder to exist in, so they live beside injection_vectors.py rather than in it.
Each vector makes its files in a content tree and names the findings `guides check` must
report, as errors at line 1 of a path (or at the `renamed_from` line of a guide).

A SECRET file outside content/ stands for /etc/passwd or a private key: no vector may
publish it, in any language, in `guides build` or `guides serve`.
"""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SECRET = "SECRET-KEY-7f3a9c"  # the content of the file outside content/ links point at
PNG = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class FileVector:
    name: str
    make: Callable[[Path, Path], None]  # (content root, the secret file) -> None
    codes: frozenset[str]  # the error codes check must report
    where: tuple[str, ...] = ()  # paths under content/ the findings are at (line 1)
    meta_line: bool = False  # the findings are at the guide's renamed_from line instead
    root_only: bool = False  # needs root (mknod)
    hints: dict[str, str] = field(default_factory=dict)  # English message must contain


def guide(root: Path, folder: str, **meta: str) -> Path:
    """A valid guide (front matter as in conftest.BASE_META) in content/<folder>/zh.md."""
    fields = {"id": folder, "kind": "page", "title": "示例", "summary": "一句话摘要。",
              "version": "1", "status": "published", "updated": "2026-11-20",
              "review_by": "2027-05-31", "owner": "测试社工站", "audience": "[residents]",
              **meta}
    path = root / folder / "zh.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "---\n" + "".join(f"{k}: {v}\n" for k, v in fields.items()) + "---\n\n正文。\n"
    path.write_text(text, encoding="utf-8")
    return path


def link(target: str | Path, *where: str) -> Callable[[Path, Path], None]:
    def make(root: Path, secret: Path) -> None:
        guide(root, "a")
        path = root.joinpath(*where)
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(secret if target == "SECRET" else target, path)
    return make


def special(kind: str, *where: str) -> Callable[[Path, Path], None]:
    def make(root: Path, secret: Path) -> None:
        guide(root, "a")
        path = root.joinpath(*where)
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "socket":
            sock = socket.socket(socket.AF_UNIX)
            sock.bind(str(path))
            sock.close()  # the socket file stays
        else:  # a character device: the same as /dev/zero
            os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 5))
    return make


def files(*paths: str, data: bytes = PNG) -> Callable[[Path, Path], None]:
    def make(root: Path, secret: Path) -> None:
        for rel in paths:
            if rel.endswith("/zh.md"):
                guide(root, rel[:-len("/zh.md")])
                continue
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    return make


def hardlink(root: Path, secret: Path) -> None:
    guide(root, "a")
    os.link(secret, root / "a" / "copy.png")  # the secret sits beside content/: one disk


def renamed(value: str, *others: str) -> Callable[[Path, Path], None]:
    def make(root: Path, secret: Path) -> None:
        guide(root, "moved", renamed_from=value)
        for other in others:
            guide(root, other)
    return make


def shared(root: Path, secret: Path) -> None:
    guide(root, "flood-2027", renamed_from="[flood]")
    guide(root, "flood-tips", renamed_from="[flood]")


R = "fm.renamed-reserved"
FILE_VECTORS: list[FileVector] = [
    # -- links: never followed, read or published -----------------------------------------
    FileVector("symlink-png-to-secret", link("SECRET", "a", "photo.png"),
               frozenset({"file.symlink"}), ("a/photo.png",)),
    FileVector("symlink-pdf-to-secret", link("SECRET", "a", "form.pdf"),
               frozenset({"file.symlink"}), ("a/form.pdf",)),
    FileVector("symlink-md-to-secret", link("SECRET", "a", "en.md"),
               frozenset({"file.symlink"}), ("a/en.md",)),
    FileVector("symlink-dir-to-etc", link("/etc", "a", "pictures"),
               frozenset({"file.symlink"}), ("a/pictures",)),
    FileVector("symlink-guide-folder", link("/etc", "b"), frozenset({"file.symlink"}), ("b",)),
    FileVector("symlink-dangling", link("/nonexistent/x.png", "a", "gone.png"),
               frozenset({"file.symlink"}), ("a/gone.png",)),
    FileVector("symlink-loop-self", link("loop.png", "a", "loop.png"),
               frozenset({"file.symlink"}), ("a/loop.png",)),
    FileVector("symlink-dir-loop", link("..", "a", "up"), frozenset({"file.symlink"}),
               ("a/up",)),
    FileVector("symlink-to-dev-zero", link("/dev/zero", "a", "big.mp3"),
               frozenset({"file.symlink"}), ("a/big.mp3",)),
    FileVector("symlink-hotlines", link("SECRET", "_data", "hotlines.yml"),
               frozenset({"file.symlink"}), ("_data/hotlines.yml",)),
    # -- special files: never opened (a FIFO would make check hang) ---------------------
    FileVector("fifo-png", special("fifo", "a", "wait.png"), frozenset({"file.special"}),
               ("a/wait.png",), hints={"en": "FIFO"}),
    FileVector("fifo-md", special("fifo", "a", "en.md"), frozenset({"file.special"}),
               ("a/en.md",)),
    FileVector("socket-pdf", special("socket", "a", "s.pdf"), frozenset({"file.special"}),
               ("a/s.pdf",)),
    FileVector("device-png", special("device", "a", "zero.png"),
               frozenset({"file.special"}), ("a/zero.png",), root_only=True),
    FileVector("hardlink-png", hardlink, frozenset({"file.hardlink"}), ("a/copy.png",)),
    # -- folder and file names ----------------------------------------------------------
    FileVector("folder-sw-js", files("sw.js/zh.md"), frozenset({"file.reserved"}),
               ("sw.js/zh.md",)),
    FileVector("folder-404-html", files("404.html/zh.md"), frozenset({"file.reserved"}),
               ("404.html/zh.md",)),
    FileVector("folder-sitemap", files("sitemap.xml/zh.md"), frozenset({"file.reserved"}),
               ("sitemap.xml/zh.md",)),
    FileVector("folder-search", files("search/zh.md"), frozenset({"file.reserved"}),
               ("search/zh.md",)),
    FileVector("folder-updates-feed", files("updates.xml/zh.md"),
               frozenset({"file.reserved"}), ("updates.xml/zh.md",)),
    FileVector("theme-icon-replaced", files("assets/images/favicon.png"),
               frozenset({"file.reserved"}), ("assets/images/favicon.png",)),
    FileVector("theme-script-replaced", files("assets/javascripts/shouwang.js", data=b"x=1"),
               frozenset({"file.reserved"}), ("assets/javascripts/shouwang.js",)),
    FileVector("root-robots", files("robots.txt", data=b"Disallow: /"),
               frozenset({"file.reserved"}), ("robots.txt",)),
    FileVector("root-image", files("logo.png"), frozenset({"file.misplaced"}), ("logo.png",)),
    FileVector("folder-hash", files("a#b/zh.md"), frozenset({"file.folder-name"}), ("a#b",),
               hints={"en": '"a-b"'}),
    FileVector("folder-space-upper", files("Testing Guide/zh.md"),
               frozenset({"file.folder-name"}), ("Testing Guide",),
               hints={"en": '"testing-guide"'}),
    FileVector("folder-double-hyphen", files("a--b/zh.md"), frozenset({"file.folder-name"}),
               ("a--b",)),
    FileVector("folder-chinese", files("核酸检测/zh.md"), frozenset({"file.folder-name"}),
               ("核酸检测",)),
    FileVector("folder-escape", files("a\x1b[2Jb/zh.md"), frozenset({"file.folder-name"}),
               ("a\x1b[2Jb",)),
    FileVector("file-hash", files("a/zh.md", "a/x#y.png"), frozenset({"file.file-name"}),
               ("a/x#y.png",), hints={"en": '"x-y.png"'}),
    FileVector("file-bidi", files("a/zh.md", "a/photo\u202egnp.pdf"),
               frozenset({"file.file-name"}), ("a/photo\u202egnp.pdf",)),
    FileVector("file-quote", files("a/zh.md", 'a/x".png'), frozenset({"file.file-name"}),
               ('a/x".png',)),
    # -- old names (renamed_from) -------------------------------------------------------
    FileVector("renamed-updates", renamed("[updates]"), frozenset({R}), meta_line=True),
    FileVector("renamed-kind-list", renamed("[all-checklists]"), frozenset({R}),
               meta_line=True),
    FileVector("renamed-language-root", renamed("[en]"), frozenset({R}), meta_line=True),
    FileVector("renamed-sw-js", renamed("[sw.js]"), frozenset({R}), meta_line=True),
    FileVector("renamed-home", renamed("[home]"), frozenset({R}), meta_line=True),
    FileVector("renamed-other-guide", renamed("[testing]", "testing"),
               frozenset({"fm.renamed-taken"}), meta_line=True),
    FileVector("renamed-dotdot", renamed("['../../outside']"), frozenset({"fm.renamed-path"}),
               meta_line=True),
    FileVector("renamed-absolute", renamed("[/tmp/outside]"), frozenset({"fm.renamed-path"}),
               meta_line=True),
    FileVector("renamed-backslash", renamed("['..\\\\outside']"),
               frozenset({"fm.renamed-path"}), meta_line=True),
    FileVector("renamed-url", renamed("['https://evil.example/']"),
               frozenset({"fm.renamed-path"}), meta_line=True),
    FileVector("renamed-uppercase", renamed("[Old Name]"), frozenset({"fm.renamed-name"}),
               meta_line=True, hints={"en": '"old-name"'}),
    FileVector("renamed-shared", shared, frozenset({"fm.renamed-shared"}), meta_line=True),
]
