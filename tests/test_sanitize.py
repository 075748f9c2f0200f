"""The render-time cleaning keeps everything the project's Markdown legitimately makes, and
removes what could run script, fetch from another host or pose as the theme."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import pytest
from markupsafe import Markup, escape
from mkdocs.config import load_config

from conftest import REPO
from guides import checklists
from guides.checks.safety import looks_like_markup
from guides.frontmatter import split
from guides.outputs import printing
from guides.sanitize import clean, escaped, safe_href

BOOLEAN = {"checked", "disabled", "open", "controls", "loop", "muted", "reversed", "default"}


class Events(HTMLParser):
    """A page as the browser sees it, ignoring how it is written: tags, attributes, text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("<", tag, sorted((k, value(k, v)) for k, v in attrs)))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        self.events.append((">", tag))

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.events.append(("text", re.sub(r"\s+", " ", data.strip())))


def value(name: str, text: str | None) -> str | bool:
    if name in BOOLEAN:
        return True
    return re.sub(r"\s|;$", "", text or "") if name == "style" else text or ""


def events(html: str) -> list[tuple]:
    parser = Events()
    parser.feed(html)
    parser.close()
    return parser.events


def render(text: str) -> str:
    """Markdown as the site renders it (mkdocs.yml's extensions), then the plugin's own
    changes, as on_page_content makes them before cleaning."""
    config = load_config(config_file=str(REPO / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config.markdown_extensions,
                           extension_configs=config.mdx_configs)
    return printing.wrap_sections(checklists.label_task_items(md.convert(text)))


SAMPLE = """
## 现在就做 {#do-now}

段落，**重点**、*强调*、`代码`、<kbd>Ctrl</kbd>、H<sub>2</sub>O、<mark>标记</mark>、
<abbr title="社会工作站">社工站</abbr>、<ruby>汏<rt>dà</rt></ruby>手。
[站内](../testing-guide/#do-now) [本页](#do-now) [政府](https://www.suzhou.gov.cn/)
[电话](tel:12345) [邮件](mailto:a@example.com) <https://www.suzhou.gov.cn/>

![排队](queue.png){: width="320" height="200" loading="lazy" }
<img src="map.png" alt="地图" srcset="map.png 1x, map@2x.png 2x">

说明 {: .sw-note #note lang="en" data-step="2" }

!!! warning "注意"
    内容，[链接](../hotlines/)。

??? note "更多"
    收起的内容。

???+ tip "展开"
    展开的内容。

| 项目 | 时间 | 数量 |
| :--- | :---: | ---: |
| 核酸 | 8:00 | 2 |

- [ ] 测体温
- [x] 穿防护服
    - [ ] 手套

1. 第一
2. 第二

```python
print("<script>不是脚本</script>")
```

> 引用

<details><summary>问答</summary><p>内容</p></details>

<audio controls preload="none" src="wuu.mp3"></audio>
<video controls src="clip.mp4" poster="clip.png"></video>

<figure><img src="a.png" alt="图"><figcaption>图注</figcaption></figure>

---
"""


def test_everything_our_markdown_makes_is_kept():
    html = render(SAMPLE)
    assert 'class="admonition warning"' in html and "<details" in html  # the sample is real
    assert 'style="text-align: center;"' in html and 'class="sw-task"' in html
    assert events(clean(html)) == events(html)


@pytest.mark.parametrize("path", sorted(p.relative_to(REPO / "content").as_posix()
                                        for p in (REPO / "content").glob("*/*.md")))
def test_the_real_content_is_kept(path):
    body = split((REPO / "content" / path).read_text(encoding="utf-8")).body
    html = render(body)
    assert events(clean(html)) == events(html)


@pytest.mark.parametrize(("html", "expected"), [
    ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
    ('<a href="java&#10;script:alert(1)">x</a>', "<a>x</a>"),
    ('<a href="data:text/html,x">x</a>', "<a>x</a>"),
    ('<a href="../x/" onclick="alert(1)" target="_blank">x</a>', '<a href="../x/">x</a>'),
    ('<img src="https://evil.example/t.gif" alt="t">', '<img alt="t">'),
    ('<img src="\\\\evil.example/t.gif" alt="t">', '<img alt="t">'),
    ('<img src="a.png" srcset="a.png 1x, //evil.example/b.png 2x" alt="a">',
     '<img src="a.png" alt="a">'),
    ('<p id="__search" data-md-component="search" data-sw-root="javascript:x" data-x="1">'
     "p</p>", '<p data-x="1">p</p>'),
    ('<table><tr><td style="text-align: right; background: url(https://evil.example/)">1'
     "</td></tr></table>",
     '<table><tbody><tr><td style="text-align:right">1</td></tr></tbody></table>'),
    ('<input type="text" autofocus onfocus="alert(1)">', '<input disabled="disabled">'),
    ('<input type="checkbox" checked>', '<input type="checkbox" checked="" disabled="disabled">'),
    ("<form action=x><button formaction=javascript:alert(1)>go</button></form>", "go"),
    ("<svg><script>alert(1)</script><text>t</text></svg>after", "after"),
    ('<noscript><p title="</noscript><img src=x onerror=alert(1)>">', '<img src="x">"&gt;'),
    ("<!--><img src=x onerror=alert(1)>-->", '<img src="x">--&gt;'),
    ("<iframe srcdoc='<script>alert(1)</script>'></iframe>ok", "ok"),
    ('<base href="https://evil.example/"><meta http-equiv="refresh" content="0">ok', "ok"),
])
def test_what_could_run_or_fetch_is_removed(html, expected):
    assert clean(html) == expected


@pytest.mark.parametrize("text", ["Q&A: testing", "居民须知：“五项”要点", 'It\'s "fine"',
                                  "年龄>60岁、体温<37.3℃", "a < b", "price: 5 <= 6"])
def test_plain_front_matter_is_not_called_markup(text):
    """The editor's warning (fm.html): ordinary text does not trigger it."""
    assert not looks_like_markup(text)


@pytest.mark.parametrize("text", ['<img src=x onerror="alert(1)">', "</title><script>",
                                  '"><b>x</b>', "x' onmouseover='alert(1)",
                                  'x" http-equiv="refresh" content="0;url=//evil.example',
                                  "&lt;img src=x onerror=alert(1)&gt;", "<!-- x -->"])
def test_markup_in_front_matter_is_called_markup_and_escaped_whatever_it_looks_like(text):
    assert looks_like_markup(text)
    for value in (text, "an ordinary title", "Q&A \"quoted\" 'single' `tick`"):
        out = escaped({"title": value, "history": [{"note": value}], "version": 2})
        assert out["version"] == 2
        for shown in (out["title"], out["history"][0]["note"]):
            assert isinstance(shown, Markup) and shown == escape(value)
            assert not set("<>\"'") & set(str(shown))
            assert Markup(shown).unescape() == value  # shown as the editor wrote it
            assert escape(shown) == shown  # printed again: not escaped twice


@pytest.mark.parametrize("url, kept", [
    ("../x/", True), ("x.mp3", True), ("https://gov.example/a?b=1&c=2", True),
    ("tel:12345", True), ("mailto:a@example.org", True), ("#top", True),
    ("javascript:alert(1)", False), (" JaVaScRiPt:alert(1)", False),
    ("java&#x09;script:alert(1)", False), ("jav&#x61;script:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False), ("vbscript:x", False),
    ("java\nscript:alert(1)", False)])
def test_safe_href_keeps_only_urls_that_cannot_run(url, kept):
    assert safe_href(url) == (url if kept else "")
    assert safe_href(Markup(escape(url))) == (escape(url) if kept else "")
