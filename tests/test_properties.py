"""Whatever an editor's files contain, the checks report findings and never crash, and
every finding points at a real line of its file (property-based, with hypothesis)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guides.checks import check_directory

KEYS = st.sampled_from(["id", "kind", "title", "summary", "version", "status", "updated",
                        "review_by", "owner", "audience", "source_version", "audio", "x", ""])
SCALARS = st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.none(),
                    st.dates().map(dt.date.isoformat), st.lists(st.text(max_size=5), max_size=3))
MARKDOWN_BITS = st.sampled_from([
    "## 标题 {#a}", "# H1", "- [ ] 事项", "- [x] done", "[链接](../x/#y)", "![](a.png)",
    "<script>x</script>", "<a href='javascript:1'>", "[t](tel:12345)", "```", "`code`",
    "{: onclick=1 }", "## 1. tip", "正文。", "", "<img src=//x>", "[r]: http://a", "<!--",
])


def write(root: Path, rel: str, data: bytes) -> None:
    path = root / "content" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(meta=st.dictionaries(KEYS, SCALARS, max_size=8),
       body=st.lists(st.one_of(MARKDOWN_BITS, st.text(max_size=30)), max_size=12))
def test_any_front_matter_and_markdown(tmp_path_factory, meta, body):
    root = tmp_path_factory.mktemp("p")
    front = "".join(f"{k}: {v!r}\n" if not isinstance(v, str) else f"{k}: {v}\n"
                    for k, v in meta.items())
    text = f"---\n{front}---\n" + "\n".join(body)
    write(root, "g/zh.md", text.encode("utf-8", "surrogatepass"))
    write(root, "g/en.md", text.encode("utf-8", "surrogatepass"))
    report = check_directory(root / "content", base=root, today=dt.date(2026, 11, 29))
    for finding in report.findings:
        path = root / finding.path
        # a lone \r ends a line too, as editors' old Mac files have it
        raw = path.read_bytes().replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        lines = raw.count(b"\n") + 1 if path.is_file() else 1
        assert 1 <= finding.line <= max(lines, 1), finding
        message, hint = finding.message("zh")
        # no placeholder left unfilled; the editor's own text, quoted “…”, may hold braces
        ours = re.sub(r"“[^”]*”", "", message)
        assert message and "{" not in ours.replace("{#", "").replace("{:", ""), finding


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_any_bytes(tmp_path_factory, data):
    root = tmp_path_factory.mktemp("b")
    write(root, "g/zh.md", data)
    report = check_directory(root / "content", base=root)
    assert report.files_checked == 1
