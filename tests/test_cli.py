"""The `guides` command as editors run it: a tree of broken files, exit codes, text and JSON.

Reports are compared with golden files in tests/golden/; after an intended change to a
message, regenerate them with `UPDATE_GOLDEN=1 pytest tests/test_cli.py` and review the diff.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "guides", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    shutil.copytree(HERE / "fixtures/broken/content", tmp_path / "content")
    huge = tmp_path / "content/huge/zh.md"
    huge.parent.mkdir()
    with open(huge, "wb") as f:
        f.truncate(50 * 1024 * 1024)
    return tmp_path


def test_broken_tree_report_in_chinese(broken):
    result = run(["check", "--content", "content", "--today", "2026-11-29"], broken)
    assert result.returncode == 1
    assert result.stderr == ""
    assert result.stdout.splitlines()[-1] == "未通过：检查了 9 个文件，34 个错误，3 个警告，4 条提示"
    golden("broken.zh.txt", result.stdout)


def test_broken_tree_report_in_english(broken):
    result = run(["check", "--content", "content", "--today", "2026-11-29", "--lang", "en"],
                 broken)
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == \
        "FAILED: checked 9 files: 34 errors, 3 warnings, 4 notes"
    golden("broken.en.txt", result.stdout)


def test_broken_tree_json_has_the_same_findings(broken):
    text = run(["check", "--content", "content", "--today", "2026-11-29"], broken).stdout
    result = run(["check", "--content", "content", "--today", "2026-11-29", "--format", "json"],
                 broken)
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert (data["files_checked"], data["errors"], data["warnings"], data["notes"]) == \
        (9, 34, 3, 4)
    located = [f"{f['path']}:{f['line']}: {f['severity']}: {f['message']} [{f['code']}]"
               for f in data["findings"]]
    assert located == [line for line in text.splitlines() if not line.startswith("    ")][:-1]
    first = data["findings"][0]
    assert set(first) == {"path", "line", "severity", "code", "message", "hint"}
    golden("broken.json", result.stdout)


def test_clean_tree_exits_zero(tmp_path):
    guide = tmp_path / "content/a/zh.md"
    guide.parent.mkdir(parents=True)
    guide.write_text("---\nid: a\nkind: page\ntitle: 标题\nsummary: 摘要。\nversion: 1\n"
                     "status: draft\nupdated: 2026-11-01\nreview_by: 2026-11-02\nowner: 站\n"
                     "audience: everyone\n---\n\n正文\n", encoding="utf-8")
    result = run(["check", "--content", "content", "--today", "2026-11-29"], tmp_path)
    assert (result.returncode, result.stdout) == (0, "通过：检查了 1 个文件，0 个错误，0 个警告，0 条提示\n")
    # warnings alone do not fail the check
    guide.write_text(guide.read_text(encoding="utf-8").replace("draft", "published"),
                     encoding="utf-8")
    result = run(["check", "--content", "content", "--today", "2026-11-29", "--lang", "en"],
                 tmp_path)
    assert result.returncode == 0
    assert "warning: past its review date 2026-11-02" in result.stdout


def test_content_dir_comes_from_mkdocs_yml(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ndocs_dir: pages\n", encoding="utf-8")
    (tmp_path / "pages/a").mkdir(parents=True)
    (tmp_path / "pages/a/zh.md").write_text("没有元数据\n", encoding="utf-8")
    result = run(["check", "--lang", "en"], tmp_path)
    assert result.stdout.splitlines()[0] == \
        "pages/a/zh.md:1: error: the front matter is missing [fm.missing]"


HOSTILE = {
    "deep/zh.md": b"---\nid: " + b"[" * 5000 + b"\n---\n",
    "aliases/zh.md": b"---\na: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n---\n",
    "python/zh.md": b"---\nid: !!python/object/apply:os.system ['echo pwned']\n---\n",
    "tabs/zh.md": b"---\nid:\ta\n\tkind: page\n---\n",
    "keys/zh.md": b"---\n? [a, b]\n: 1\n---\n",
    "numkey/zh.md": b"---\n1: 2\n2026-01-01: x\nnull: y\n---\n",
    "scalar/zh.md": b"---\njust a string\n---\n",
    "utf16/zh.md": "---\nid: x\n---\n".encode("utf-16"),
    "junk/zh.md": bytes(range(1, 256)) * 40,
    "crlf/zh.md": b"---\r\nid: x\r\n---\r\n<a href='\x01javascript:x'>",
    "html/zh.md": b"---\nid: h\n---\n<<<>>><a <b <!-- <![CDATA[ </ <a href=\"x",
    "links/zh.md": b"---\nid: l\n---\n" + b"[" * 3000 + b"](" * 3000 + b"\n![](" + b"(" * 900,
    "dates/zh.md": b"---\nupdated: 2026-02-30\nreview_by: 99999-01-01\nversion: 1e400\n---\n",
}


def test_hostile_files_never_cause_a_traceback(tmp_path):
    for rel, data in HOSTILE.items():
        path = tmp_path / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    result = run(["check", "--content", "content", "--format", "json"], tmp_path)
    assert "Traceback" not in result.stderr
    assert result.stderr == ""
    assert result.returncode == 1
    data = json.loads(result.stdout)
    reported = {f["path"] for f in data["findings"]}
    assert reported == {f"content/{rel}" for rel in HOSTILE}
    assert not (tmp_path / "pwned").exists()


def test_usage_errors_are_explained(tmp_path):
    result = run(["check", "--format", "xml"], tmp_path)
    assert result.returncode == 2
    assert "guides check：命令写错了：参数 --format：不能用 'xml'（可选：'text', 'json'）" in result.stderr
    assert "Traceback" not in result.stderr
    result = run(["check", "--format", "xml", "--lang", "en"], tmp_path)
    assert "invalid choice: 'xml'" in result.stderr
