"""The preview's check panel: what `guides check` says about the page being looked at.

`guides serve` adds it to the bottom of every page (the plugin calls `add_panel` only in
serve, never in a build or a publish): the page's errors and warnings, each with
file:line, message and hint, and how many there are in other files. Every rebuild (every
save) makes it again, so a fixed problem leaves the panel and a new one appears in it.
Everything printed is escaped: messages quote what editors wrote. Knows nothing of MkDocs.
"""

from __future__ import annotations

import html
import posixpath

from guides.findings import Finding

PANEL_ID = "sw-check-panel"
SHOWN = ("error", "warning")

WORDS = {
    "zh": {"title": "检查结果（只在预览里显示，不会发布）", "error": "错误", "warning": "警告",
           "page": "本页：{e} 个错误，{w} 个警告", "page_ok": "本页没有问题。",
           "rest": "其他文件还有 {e} 个错误、{w} 个警告：运行 guides check 查看全部。",
           "hint": "怎么改：", "label": "检查结果"},
    "en": {"title": "Check results (preview only, never published)", "error": "error",
           "warning": "warning", "page": "This page: {e} error(s), {w} warning(s)",
           "page_ok": "No problems on this page.",
           "rest": "Other files: {e} error(s), {w} warning(s) (run guides check for all of them).",
           "hint": "How to fix: ", "label": "Check results"},
}

STYLE = (
    f"#{PANEL_ID}{{position:fixed;left:0;right:0;bottom:0;z-index:1000;max-height:45vh;"
    "overflow:auto;background:#fff8e1;color:#1a1a1a;border-top:3px solid #c62828;"
    "font:15px/1.5 system-ui,sans-serif;padding:.5em 1em;box-shadow:0 -2px 8px #0003}"
    f"#{PANEL_ID}.sw-ok{{border-top-color:#ef6c00}}"
    f"#{PANEL_ID} summary{{font-weight:700;cursor:pointer}}"
    f"#{PANEL_ID} ol{{margin:.3em 0;padding-left:1.4em}}"
    f"#{PANEL_ID} li{{margin:.3em 0}}"
    f"#{PANEL_ID} code{{background:#0000000d;padding:0 .2em}}"
    f"#{PANEL_ID} .sw-error{{color:#b71c1c;font-weight:700}}"
    f"#{PANEL_ID} .sw-warning{{color:#8a4b00;font-weight:700}}"
    f"#{PANEL_ID} .sw-hint{{display:block;color:#333}}"
    "@media print{" f"#{PANEL_ID}" "{display:none}}"
)


def for_page(findings: list[Finding], page_path: str | None) -> tuple[list[Finding], list[Finding]]:
    """(this page's errors and warnings, everyone else's). A page's own are those of its
    Markdown file and of its folder's other files (images, recordings)."""
    shown = sorted((f for f in findings if f.severity in SHOWN),
                   key=lambda f: (f.path, f.line, f.code))
    if not page_path:
        return [], shown
    folder = posixpath.dirname(page_path)
    mine = [f for f in shown if f.path == page_path or (
        posixpath.dirname(f.path) == folder and not f.path.endswith(".md"))]
    return mine, [f for f in shown if f not in mine]


def render(mine: list[Finding], rest: list[Finding], lang: str = "zh") -> str:
    """The panel's HTML; empty when there is nothing to say anywhere."""
    if not mine and not rest:
        return ""
    lang = lang if lang in WORDS else "zh"
    w = WORDS[lang]
    count = lambda items, s: sum(1 for f in items if f.severity == s)  # noqa: E731
    e, wn = count(mine, "error"), count(mine, "warning")
    items = []
    for f in mine:
        message, hint = f.message(lang)
        hint_html = (f'<span class="sw-hint">{html.escape(w["hint"])}{html.escape(hint)}</span>'
                     if hint else "")
        items.append(f'<li data-code="{html.escape(f.code)}"><code>{html.escape(f.path)}:'
                     f'{f.line}</code> <span class="sw-{f.severity}">'
                     f'{html.escape(w[f.severity])}</span> {html.escape(message)}{hint_html}</li>')
    summary = w["page"].format(e=e, w=wn) if mine else w["page_ok"]
    rest_line = (f'<p class="sw-rest">{html.escape(w["rest"].format(e=count(rest, "error"), w=count(rest, "warning")))}</p>'  # noqa: E501
                 if rest else "")
    return (f'<style>{STYLE}</style><aside id="{PANEL_ID}" class="{"" if e else "sw-ok"}" '
            f'role="region" aria-label="{html.escape(w["label"])}" lang="{"zh-Hans" if lang == "zh" else "en"}">'  # noqa: E501
            f'<details open><summary>{html.escape(w["title"])}: {html.escape(summary)}</summary>'
            f'{"<ol>" + "".join(items) + "</ol>" if items else ""}{rest_line}</details></aside>')


def add_panel(page_html: str, panel: str) -> str:
    """The panel just before </body> (or at the end of a page without one)."""
    if not panel:
        return page_html
    at = page_html.rfind("</body>")
    return page_html + panel if at < 0 else page_html[:at] + panel + page_html[at:]


def stand_in_markdown(rel_path: str, lang: str = "zh") -> str:
    """The page shown in the preview for a file whose front matter cannot be read: it opens
    (no 404) and the panel under it says what is wrong."""
    title = posixpath.basename(posixpath.dirname(rel_path)) or rel_path
    if lang == "en":
        text = (f"**This page cannot be shown yet.** The front matter at the top of "
                f"`{rel_path}` cannot be read: the check results below say where and how to "
                "fix it. Save the file and this page reloads by itself.")
    else:
        text = (f"**这一页暂时显示不出来。** `{rel_path}` 开头的元数据（两行 --- 之间）读不出来："
                "页面下方的检查结果写明了第几行、怎么改。改好保存后，这一页会自动刷新。")
    safe_title = title.replace("\\", "\\\\").replace('"', '\\"')
    return f'---\ntitle: "{safe_title}"\nsearch:\n  exclude: true\n---\n\n{text}\n'
