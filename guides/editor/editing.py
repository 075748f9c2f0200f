"""What editors ask of their files: start a guide, start a translation, record a change.

Front matter is edited line by line, so an editor's comments, key order and quoting stay
as they wrote them; only the lines a command owns change. Nothing is overwritten: a
command that would replace a file refuses with a message instead.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from guides.frontmatter import split
from guides.model import (
    DEFAULT_LANGUAGE,
    FIRST_SECTION,
    KINDS,
    LANGUAGES,
    SECTIONS,
)
from guides.placeholders import (
    CHECKLIST_PLACEHOLDERS,
    OWNER_PLACEHOLDER,
    PAGE_PLACEHOLDER,
    PART_HEADING,
    PART_PLACEHOLDER,
    SECTION_PLACEHOLDER,
    SUMMARY_PLACEHOLDER,
    TIP_HEADING,
    TIP_PLACEHOLDER,
    TITLE_PLACEHOLDER,
)
from guides.reader import Content, read_content

REVIEW_AFTER_DAYS = 90
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
AUDIENCE = {"resident-guide": "[residents, elderly]", "volunteer-tips": "[volunteers]",
            "checklist": "[volunteers]", "ngo-manual": "[ngos, social-workers]",
            "page": "[everyone]"}




class EditError(Exception):
    """A request that cannot be carried out; the message says why, for the editor, in
    Chinese (str) and English (`render("en")`)."""

    def __init__(self, zh: str, en: str = "") -> None:
        super().__init__(zh)
        self.zh, self.en = zh, en or zh

    def render(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


def _placeholder_body(kind: str) -> str:
    if kind in SECTIONS:
        sections = list(SECTIONS[kind])
        first = FIRST_SECTION.get(kind)
        out = []
        for section in sections:
            text = SECTION_PLACEHOLDER.format(title=section.zh)
            out.append(f"## {section.zh} {{#{section.id}}}\n\n{text}\n")
            if section.id == first:
                out.append(f"{PART_HEADING}\n\n{PART_PLACEHOLDER}\n")
        return "\n".join(out)
    if kind == "volunteer-tips":
        return "\n".join(f"{TIP_HEADING.format(n=n)}\n\n{TIP_PLACEHOLDER}\n" for n in (1, 2, 3))
    if kind == "checklist":
        first, second, last = CHECKLIST_PLACEHOLDERS
        return (f"## 上岗前 {{#before}}\n\n- [ ] {first}\n- [ ] {second}\n\n"
                f"## 下岗后 {{#after}}\n\n- [ ] {last}\n")
    return f"{PAGE_PLACEHOLDER}\n"


def new_guide(content_root: Path, kind: str, slug: str, today: dt.date,
              owner: str = OWNER_PLACEHOLDER) -> Path:
    """content/<slug>/zh.md from the kind's template, as a draft that passes the checks."""
    if kind not in KINDS:
        raise EditError(f"不认识的类型“{kind}”；可选：{', '.join(KINDS)}",
                        f"unknown kind \"{kind}\"; choose one of: {', '.join(KINDS)}")
    if not SLUG.match(slug):
        raise EditError(f"“{slug}”不能做文件夹名：只用小写英文字母、数字和短横线，例如 flood-guide",
                        f"\"{slug}\" cannot be a folder name: use lower-case letters, digits "
                        "and hyphens only, e.g. flood-guide")
    folder = Path(content_root) / slug
    if folder.exists():
        raise EditError(f"{folder} 已经存在：换一个名字，或直接编辑它",
                        f"{folder} already exists: choose another name, or edit it")
    existing = read_content(Path(content_root))
    if any(d.meta.get("id") == slug for d in existing.documents()):
        raise EditError(f"编号“{slug}”已被别的指南使用：换一个名字",
                        f"the id \"{slug}\" is used by another guide: choose another name")
    review_by = today + dt.timedelta(days=REVIEW_AFTER_DAYS)
    text = (f"---\nid: {slug}\nkind: {kind}\ntitle: {TITLE_PLACEHOLDER}\n"
            f"summary: {SUMMARY_PLACEHOLDER}\nversion: 1\nstatus: draft\n"
            f"updated: {today.isoformat()}\nreview_by: {review_by.isoformat()}\n"
            f"owner: {owner}\naudience: {AUDIENCE[kind]}\n---\n\n{_placeholder_body(kind)}")
    folder.mkdir(parents=True)
    path = folder / f"{DEFAULT_LANGUAGE}.md"
    path.write_text(text, encoding="utf-8")
    return path


def find_guide(content: Content, guide_id: str):
    for guide in content.guides.values():
        source = guide.source
        if source is not None and source.meta.get("id") == guide_id:
            return guide
    known = sorted(str(g.source.meta.get("id")) for g in content.guides.values()
                   if g.source is not None and g.source.meta.get("id"))
    raise EditError(f"没有编号为“{guide_id}”的指南。现有：{', '.join(known)}",
                    f"no guide has the id \"{guide_id}\". There are: {', '.join(known)}")


def translate(content_root: Path, guide_id: str, language: str) -> Path:
    """<language>.md beside the Mandarin source: its text as the starting point, marked as
    a draft translation of the source's current version."""
    if language not in LANGUAGES or language == DEFAULT_LANGUAGE:
        others = ", ".join(c for c in LANGUAGES if c != DEFAULT_LANGUAGE)
        raise EditError(f"只能翻译成：{others}", f"translations can only be into: {others}")
    guide = find_guide(read_content(Path(content_root)), guide_id)
    target = guide.source.path.parent / f"{language}.md"
    if target.exists():
        raise EditError(f"{target} 已经存在：直接编辑它；原文更新后用 source_version 标记",
                        f"{target} already exists: edit it; after the source changes, "
                        "record it in source_version")
    version = guide.source.meta.get("version")
    if not isinstance(version, int):
        raise EditError(f"{guide.source.path} 的 version 不是整数：先改正它（guides check）",
                        f"the version of {guide.source.path} is not a whole number: fix it "
                        "first (guides check)")
    lines = guide.source.text.split("\n")
    parsed = split(guide.source.text)
    end = parsed.body_line - 2  # index of the closing ---
    # the public history belongs to the source; a new translation starts as a draft
    head = _set(_drop_block(lines[1:end], "history"), "status", "draft")
    head.append(f"source_version: {version}")
    text = "\n".join(["---", *head, "---", *lines[end + 1:]])
    target.write_text(text, encoding="utf-8")
    return target


def _drop_block(head: list[str], key: str) -> list[str]:
    """Front-matter lines without `key:` and the indented lines that belong to it."""
    out, skipping = [], False
    for line in head:
        if line.startswith(f"{key}:"):
            skipping = True
            continue
        if skipping and line.startswith((" ", "-", "\t")):
            continue
        skipping = False
        out.append(line)
    return out


def _set(head: list[str], key: str, value: str) -> list[str]:
    out, done = [], False
    for line in head:
        if line.split(":", 1)[0].strip() == key and not line.startswith(" "):
            out.append(f"{key}: {value}")
            done = True
        else:
            out.append(line)
    if not done:
        out.append(f"{key}: {value}")
    return out


def bump(content_root: Path, guide_id: str, major: bool, note: str,
         today: dt.date) -> tuple[Path, int]:
    """A major change: version + 1, `updated` today, the note at the top of the public
    history (its translations are then stale). A minor change touches nothing."""
    guide = find_guide(read_content(Path(content_root)), guide_id)
    source = guide.source
    version = source.meta.get("version")
    if not isinstance(version, int):
        raise EditError(f"{source.path} 的 version 不是整数：先改正它（guides check）",
                        f"the version of {source.path} is not a whole number: fix it first "
                        "(guides check)")
    if not major:
        return source.path, version
    if not note.strip():
        raise EditError("重大修改要写修改说明：-m \"改了什么\"（读者会在修改记录里看到）",
                        "a major change needs a note: -m \"what changed\" (readers see it in "
                        "the change history)")
    new = version + 1
    lines = source.text.split("\n")
    end = split(source.text).body_line - 2
    head = _set(lines[1:end], "version", str(new))
    head = _set(head, "updated", today.isoformat())
    entry = "  - " + json.dumps({"version": new, "date": today.isoformat(), "note": note.strip()},
                                ensure_ascii=False)
    if any(line.startswith("history:") for line in head):
        at = next(i for i, line in enumerate(head) if line.startswith("history:"))
        if head[at].strip() != "history:":
            raise EditError(f"{source.path}：history 要写成多行列表才能自动添加（每条一行，以 - 开头）",
                            f"{source.path}: history must be a list on several lines (one "
                            "entry per line, starting with -) to be added to")
        head.insert(at + 1, entry)
    else:
        head += ["history:", entry]
    source.path.write_text("\n".join(["---", *head, "---", *lines[end + 1:]]), encoding="utf-8")
    return source.path, new
