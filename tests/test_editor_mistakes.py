"""Every mistake in tests/editor_mistakes.py gets exactly its code, on its line, with its
severity, and a message in the editor's words (Chinese with no parser English; the same
in English with --lang en); nothing else is an error or a warning."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from editor_mistakes import BODY, MISTAKES, Mistake

from conftest import BASE_META, TRUSTED, Tree
from guides.editor import editing
from guides.findings import Finding

# PyYAML's and Python's own words: none may reach an editor in a Chinese message
LIBRARY_ENGLISH = re.compile(r"could not|expected|mapping|scanning|found|stream|token|"
                             r"constructor|alias|out of range|unacceptable|Error", re.I)


def front_matter(meta: dict[str, object], raw: dict[str, str]) -> list[str]:
    lines = ["---"] + [f"{k}: {v}" for k, v in meta.items() if v is not None] + ["---"]
    for key, text in raw.items():
        if key == "---":
            lines[-1] = text
        elif key in meta:
            at = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
            lines[at] = text
    return lines


def hotlines(tree: Tree, text: str) -> None:
    """Every valid number the mistake's text shows is in hotlines.yml (issue 12: a number
    the file lacks is an error of its own), so only the mistake itself is reported."""
    from guides.phones import ascii_digits, find_numbers, is_valid_chinese_number

    found = [run.digits for line in text.split("\n") for run in find_numbers(line)]
    found += [ascii_digits(re.split(r"[,;]|转|分机|ext", t)[0])
              for t in re.findall(r"tel:([^)\"'>]*)", text)]
    numbers = sorted({n for n in found if n and is_valid_chinese_number(n)})
    tree.write("_data/hotlines.yml", "national:\n" + "".join(
        f'  - {{id: n{i}, number: "{n}", verified: 2026-11-01, name: {{zh: 号码}}}}\n'
        for i, n in enumerate(numbers)) + "local: []\n")


def write(tree: Tree, mistake: Mistake) -> None:
    # the Mandarin source cites a source and has its content review (issue 12), after
    # the corpus's own fields: only the body moves (BODY), translations do not repeat them
    meta = {**BASE_META, "id": "a", **mistake.meta, **TRUSTED}
    body = mistake.body
    text = "\n".join(front_matter(meta, mistake.fm)) + "\n\n" + body
    data = text.encode("utf-8")
    if "BOM" in mistake.fm:
        data = b"\xef\xbb\xbf" + data
    if "CRLF" in mistake.fm:
        data = data.replace(b"\n", b"\r\n")
    if "GBK" in mistake.fm:
        data = text.encode("gb18030")
    tree.write("a/zh.md", data)
    for rel, content in mistake.files.items():
        if content in ("EN", "WUU"):
            title = "Example" if content == "EN" else "示例"
            lang_meta = {k: v for k, v in meta.items() if k not in TRUSTED}
            lang_meta.update(title=title, source_version=1)
            content = "\n".join(front_matter(lang_meta, {})) + "\n\n" + body
        elif content.startswith("HOME"):
            link = "[另一篇](../b/)\n" if content == "HOME->b" else "欢迎。\n"
            content = "\n".join(front_matter({**BASE_META, "id": "home"}, {})) + "\n\n" + link
        tree.write(rel, content)
    hotlines(tree, body + "\n".join(mistake.files.values()))


def findings(tree: Tree) -> list[Finding]:
    return [f for f in tree.check().findings
            if f.severity in ("error", "warning") or f.code != "translation.missing"]


def test_the_corpus_is_large_names_are_unique_and_codes_have_messages():
    from guides.messages import CATALOG

    names = [mistake.name for mistake in MISTAKES]
    assert len(names) >= 80
    assert len(set(names)) == len(names)
    assert all(m.code in CATALOG for m in MISTAKES if m.code), \
        [m.code for m in MISTAKES if m.code and m.code not in CATALOG]


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda mistake: mistake.name)
def test_mistake_gets_exactly_its_code_on_its_line(tree, mistake):
    write(tree, mistake)
    found = findings(tree)
    where = f"content/{mistake.file}"
    got = {(f.path, f.line, f.code, f.severity) for f in found}
    want = set()
    if mistake.code:
        want.add((where, mistake.line, mistake.code, mistake.severity))
    for code, line in mistake.also:
        want |= {g for g in got if g[:3] == (where, line, code)} or {(where, line, code, "?")}
    assert got == want, [f.format("en") for f in found]
    for finding in found:
        message, hint = finding.message("zh")
        text = message + hint
        assert not LIBRARY_ENGLISH.search(text), text
        assert re.search(r"[\u4e00-\u9fff]", message), text
        if (finding.path, finding.line, finding.code) == (where, mistake.line, mistake.code):
            for word in mistake.words:
                assert word in text, (word, text)
            english, english_hint = finding.message("en")
            assert english and english != message and not LIBRARY_ENGLISH.search(
                english.replace("expected", "")), english


def test_the_first_body_line_is_where_the_corpus_says():
    tree_meta = front_matter({**BASE_META, **TRUSTED}, {})
    assert len(tree_meta) + 2 == BODY


def test_a_new_guide_published_as_it_was_made_is_refused(tmp_path):
    """`guides new`, then status: published and nothing filled in: every placeholder line
    is an error, the title's first."""
    tree = Tree(tmp_path)
    for kind in ("resident-guide", "volunteer-tips", "checklist", "page"):
        path = editing.new_guide(tree.root, kind, f"new-{kind}", dt.date(2026, 11, 20),)
        text = path.read_text(encoding="utf-8").replace("status: draft", "status: published")
        path.write_text(text, encoding="utf-8")
        lines = text.split("\n")
        found = [f for f in tree.check().findings if f.path.endswith(f"new-{kind}/zh.md")
                 and f.code == "writing.placeholder"]
        assert all(f.severity == "error" for f in found)
        flagged = {f.line for f in found}
        assert lines.index(f"title: {editing.TITLE_PLACEHOLDER}") + 1 in flagged
        assert lines.index(f"summary: {editing.SUMMARY_PLACEHOLDER}") + 1 in flagged
        assert lines.index(f"owner: {editing.OWNER_PLACEHOLDER}") + 1 in flagged
        body_start = lines.index("---", 1) + 1
        written = {i + 1 for i, line in enumerate(lines) if i > body_start and line.strip()
                   and not line.startswith("## ")}
        assert written <= flagged, (kind, sorted(written - flagged))


def test_a_new_draft_has_notes_only(tmp_path):
    tree = Tree(tmp_path)
    editing.new_guide(tree.root, "resident-guide", "fresh", dt.date(2026, 11, 20))
    report = tree.check()
    assert report.count("error") == 0, report.format_text("en")
    assert {f.code for f in report.findings if f.severity == "note"} >= {"writing.placeholder"}


def test_a_bom_and_windows_line_ends_build_as_written(tmp_path):
    """The corpus says BOM and CRLF are no mistakes: the built page agrees."""
    from conftest import build_site

    tree = Tree(tmp_path)
    tree.guide("home", title="首页", body="[a](../a/)\n")
    meta = {**BASE_META, "id": "a", "title": "记事本保存的指南"}
    text = "\n".join(front_matter(meta, {})) + "\n\n## 现在就做\n\n- 洗手\n"
    tree.write("a/zh.md", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert tree.codes() == []
    page = (build_site(tree) / "a/index.html").read_text(encoding="utf-8")
    assert "<title>记事本保存的指南" in page
    assert "<li>洗手</li>" in page
