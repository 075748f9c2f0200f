"""Raw HTML and URLs that could run script or load from another host are all reported."""

from __future__ import annotations

import pytest

VECTORS = [
    ("<script>alert(1)</script>", "html.forbidden-tag"),
    ('<iframe src="page.html"></iframe>', "html.forbidden-tag"),
    ('<object data="x.swf"></object>', "html.forbidden-tag"),
    ('<embed src="x.swf">', "html.forbidden-tag"),
    ('<svg onload="alert(1)"></svg>', "html.forbidden-tag"),
    ('<b onclick="alert(1)">点我</b>', "html.event-attr"),
    ('<img src="a.png" alt="a" ONERROR="alert(1)">', "html.event-attr"),
    ('<a href="javascript:alert(1)">点我</a>', "html.unsafe-url"),
    ('<a href="jav&#x61;script:alert(1)">点我</a>', "html.unsafe-url"),
    ('<a href=" java\tscript:alert(1)">点我</a>', "html.unsafe-url"),
    ("[点我](javascript:alert(1))", "html.unsafe-url"),
    ("[点我](JaVaScRiPt:alert(1))", "html.unsafe-url"),
    ("[点我](jav&#x61;script:alert(1))", "html.unsafe-url"),
    ("[点我](data:text/html;base64,PHNjcmlwdD4=)", "html.unsafe-url"),
    ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "html.unsafe-url"),
    ("![图](https://example.com/a.png)", "html.remote-resource"),
    ("![图](//example.com/a.png)", "html.remote-resource"),
    ('<img src="http://example.com/a.png" alt="a">', "html.remote-resource"),
    ('<video poster="https://example.com/p.png"></video>', "html.remote-resource"),
    ('<p style="background:url(https://example.com/t.gif)">x</p>', "html.remote-resource"),
    ("段落 {: onclick=\"alert(1)\" }", "html.event-attr"),
    ("![图](a.png){: onerror=alert(1) }", "html.event-attr"),
    ('<link rel="stylesheet" href="https://fonts.googleapis.com/css">', "html.forbidden-tag"),
    ('<meta http-equiv="refresh" content="0;url=https://example.com">', "html.forbidden-tag"),
]


@pytest.mark.parametrize(("markdown", "code"), VECTORS)
def test_injection_vector_is_reported(tree, markdown, code):
    tree.write("a/a.png", b"\x89PNG")
    tree.guide("a", body=f"正文\n\n{markdown}\n")
    found = tree.check().findings
    assert code in [f.code for f in found if f.severity == "error"], found
    assert all(f.line == 16 for f in found if f.code == code)


def test_safe_html_and_links_pass(tree):
    tree.hotlines(citizen="12345")
    tree.write("a/a.png", b"\x89PNG")
    tree.guide("a", body='<details><summary>更多</summary>内容</details>\n\n'
                         '[政府网站](https://www.suzhou.gov.cn/) [电话](tel:12345) '
                         '[邮件](mailto:a@example.com)\n\n<img src="a.png" alt="图">\n\n'
                         "`<script>` 在代码里只是文字\n\n```html\n<script>alert(1)</script>\n```\n")
    assert tree.found() == []


def test_message_names_the_tag(tree):
    tree.guide("a", body="<script>alert(1)</script>\n")
    assert tree.found() == [
        "content/a/zh.md:14: error: the HTML tag <script> is not allowed [html.forbidden-tag]"]


@pytest.mark.parametrize("svg", [
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.com/x.png"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)">x</a></svg>',
])
def test_unsafe_svg_files(tree, svg):
    tree.write("a/pic.svg", svg)
    tree.guide("a", body="![图](pic.svg)\n")
    assert "svg.unsafe" in tree.codes()


def test_plain_svg_passes(tree):
    tree.write("a/pic.svg", '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" '
                            'height="1"/></svg>')
    tree.guide("a", body="![方块](pic.svg)\n")
    assert tree.found() == []
