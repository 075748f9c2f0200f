"""A corpus of the mistakes Chinese-speaking editors really make, as `guides check` must
report them: each with its code, its file line, its severity and the words its Chinese
message must contain (the character at fault, the fix).

Each mistake is written into one guide, content/a/zh.md (or the file named by `file`),
made by `Tree.guide` from the standard front matter of tests/conftest.py, whose lines are:

     1 ---            5 summary       9 review_by     13 (blank)
     2 id             6 version      10 owner         14 first body line
     3 kind           7 status       11 audience
     4 title          8 updated      12 ---

`fm` replaces front-matter lines as written (raw, so that YAML mistakes stay mistakes):
by field name, or "---" for the closing line; the keys "BOM", "CRLF" and "GBK" save the
file with a byte-order mark, with Windows line ends or in GB18030. `meta` sets values.
`files` adds files; "EN"/"WUU" stand for a translation that is still the Mandarin copy,
"HOME" for a home page that links to nothing, "HOME->b" for one that links to b. `code=None` means: this is fine, no finding at all
(a decision, explained in the comment). Used by tests/test_editor_mistakes.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BODY = 16  # the first body line (after the source's sources and review, issue 12)
PHASE = "## 上岗前\n\n- [ ] 洗手\n"  # a checklist phase with one good item: line 17 is next


@dataclass(frozen=True)
class Mistake:
    name: str
    code: str | None  # None: no finding at all
    line: int = BODY
    severity: str = "error"
    words: tuple[str, ...] = ()  # in the Chinese message or hint
    body: str = "正文。\n"
    fm: dict[str, str] = field(default_factory=dict)  # key -> the raw line(s) replacing it
    meta: dict[str, object] = field(default_factory=dict)
    file: str = "a/zh.md"  # where the finding is
    files: dict[str, str] = field(default_factory=dict)  # other files (content/-relative)
    raw: bytes | None = None  # the whole of a/zh.md, as bytes
    also: tuple[tuple[str, int], ...] = ()  # other findings (code, line) that are right too


def m(name: str, code: str | None, line: int = BODY, *words: str, **more: object) -> Mistake:
    return Mistake(name, code, line, words=words, **more)  # type: ignore[arg-type]


def warn(name: str, code: str, line: int = BODY, *words: str, **more: object) -> Mistake:
    return Mistake(name, code, line, "warning", words, **more)  # type: ignore[arg-type]


def note(name: str, code: str, line: int = BODY, *words: str, **more: object) -> Mistake:
    return Mistake(name, code, line, "note", words, **more)  # type: ignore[arg-type]


CHECKLIST = {"kind": "checklist"}
SECTIONS = ("## 现在就做 {#do-now}\n\n- 戴口罩。\n\n## 已经知道的 {#known}\n\n{known}\n"
            "## 还不知道的 {#not-known}\n\n- 何时解封。\n\n## 正在做的 {#being-done}\n\n"
            "- 社区在排查。\n\n## 求助电话 {#help}\n\n{help}\n")
PUBLISHED_B = "b/zh.md"
# a Mandarin body long enough that a copy of it is surely not a translation
COPY = "请先洗手，再戴上口罩，排队时保持一米距离，不要聊天。\n"


def other(status: str = "published", title: str = "另一篇") -> str:
    lines = ["---", "id: b", "kind: page", f"title: {title}", "summary: 一句话。",
             "version: 1", f"status: {status}", "updated: 2026-11-20", "review_by: 2027-05-31",
             "owner: 测试社工站", "audience: [residents]", "---", "", "正文。", ""]
    return "\n".join(lines)


MISTAKES: list[Mistake] = [
    # -- front matter: full-width punctuation and spaces from a Chinese input method -------
    # All errors: YAML cannot read the front matter, so the guide cannot be built at all.
    m("fm-fullwidth-colon", "fm.fullwidth-colon", 4, "“：”", "title: 居民指南",
      fm={"title": "title：居民指南"}),
    m("fm-fullwidth-colon-status", "fm.fullwidth-colon", 7, "“：”", "status: published",
      fm={"status": "status：published"}),
    m("fm-chinese-key-fullwidth-colon", "fm.fullwidth-colon", 7, "status: published",
      fm={"status": "状态：已发布"}),
    m("fm-fullwidth-colon-kind-chinese", "fm.fullwidth-colon", 3, "kind: resident-guide",
      fm={"kind": "kind：居民指南"}),
    m("fm-fullwidth-colon-last-field", "fm.fullwidth-colon", 11, "audience: [residents]",
      fm={"audience": "audience：[residents]"}),
    m("fm-no-space-after-colon", "fm.colon-space", 4, "空格", "title: 居民指南",
      fm={"title": "title:居民指南"}),
    m("fm-fullwidth-space-after-colon", "fm.fullwidth-space", 4, "全角空格",
      "title: 居民指南", fm={"title": "title:\u3000居民指南"}),
    m("fm-fullwidth-space-indent", "fm.fullwidth-space", 12, "全角空格",
      fm={"audience": "audience:\n\u3000\u3000- residents"}),
    m("fm-tab-indent", "fm.tab", 12, "Tab", "  - residents",
      fm={"audience": "audience:\n\t- residents"}),
    # a tab after the colon: YAML reads it as a space; the value is right. Not a mistake.
    m("fm-tab-after-colon", None, fm={"title": "title:\t居民指南"}),
    m("fm-curly-quotes-around-value", "fm.fullwidth-quote", 5, "“", 'summary: "开放时间: 8:00"',
      fm={"summary": "summary: “开放时间: 8:00”"}),
    # curly quotes inside a title are text, shown as written: fine.
    m("fm-curly-quotes-in-title", None, fm={"title": "title: 居民“五项”须知"}),
    m("fm-colon-in-value", "fm.colon-in-value", 5, '"开放时间: 8:00-17:00"',
      fm={"summary": "summary: 开放时间: 8:00-17:00"}),
    m("fm-unclosed-double-quote", "fm.unclosed-quote", 5, '"核酸检测须知"',
      fm={"summary": 'summary: "核酸检测须知'}),
    m("fm-unclosed-single-quote", "fm.unclosed-quote", 5, fm={"summary": "summary: '核酸检测须知"}),
    m("fm-quote-then-text", "fm.after-quote", 4, fm={"title": 'title: "居民" 指南'}),
    m("fm-indented-field", "fm.indent", 4, "行首", fm={"title": "  title: 居民指南"}),
    m("fm-at-sign-first", "fm.reserved-start", 10, "“@”", '"@郭巷社工站"',
      fm={"owner": "owner: @郭巷社工站"}),
    m("fm-asterisk-first", "fm.reserved-start", 4, "“*”", fm={"title": "title: *重要*通知"}),
    m("fm-unclosed-list", "fm.unclosed-bracket", 11, "[residents, elderly]",
      fm={"audience": "audience: [residents, elderly"}),
    m("fm-control-character", "fm.control-char", 4, "U+0007", fm={"title": "title: 居民\x07指南"}),
    # `#` starts a YAML comment: the title is empty.
    m("fm-hash-starts-comment", "fm.blank", 4, "title", fm={"title": "title: #1 居民指南"}),
    m("fm-duplicate-key", "fm.duplicate-key", 5, "title", fm={"summary": "title: 另一个标题"},
      also=(("fm.required", 1),)),
    # -- front matter: values in Chinese, or full-width, where a code is expected ----------
    # Errors: the guide's kind, status or readers would be unknown.
    m("fm-status-chinese", "fm.choice", 7, "published", fm={"status": "status: 已发布"}),
    m("fm-status-draft-chinese", "fm.choice", 7, "draft", fm={"status": "status: 草稿"}),
    m("fm-kind-chinese", "fm.choice", 3, "resident-guide", fm={"kind": "kind: 居民指南"}),
    m("fm-kind-checklist-chinese", "fm.choice", 3, "checklist", fm={"kind": "kind: 清单"}),
    m("fm-audience-chinese", "fm.choice", 11, "elderly", fm={"audience": "audience: 老人"}),
    m("fm-audience-fullwidth-comma", "fm.choice", 11, "residents, elderly",
      fm={"audience": "audience: [residents，elderly]"}),
    m("fm-audience-dunhao", "fm.choice", 11, "residents, elderly",
      fm={"audience": "audience: [residents、elderly]"}),
    m("fm-audience-lenticular-brackets", "fm.choice", 11, "residents, elderly",
      fm={"audience": "audience: 【residents, elderly】"}),
    m("fm-audience-without-brackets", "fm.choice", 11, "[residents, elderly]",
      fm={"audience": "audience: residents, elderly"}),
    m("fm-status-trailing-fullwidth-space", "fm.choice", 7, "published",
      fm={"status": "status: published\u3000"}),
    m("fm-chinese-key", "fm.unknown-key", 7, "status", fm={"status": "状态: published"},
      also=(("fm.required", 1),)),
    m("fm-title-a-number", "fm.type", 4, "“2026”", fm={"title": "title: 2026"}),
    m("fm-title-a-list", "fm.type", 4, "“[居民, 老人]”", fm={"title": "title: [居民, 老人]"}),
    m("fm-version-chinese", "fm.type", 6, "正整数", fm={"version": "version: 第一版"}),
    # -- front matter: dates as people write them -----------------------------------------
    # Errors: review reminders and "updated" run on these dates.
    m("fm-date-slashes", "fm.type", 8, "2026-11-01", fm={"updated": "updated: 2026/11/1"}),
    m("fm-date-chinese", "fm.type", 8, "2026-11-01", fm={"updated": "updated: 2026年11月1日"}),
    m("fm-date-no-zero", "fm.type", 8, "2026-02-03", fm={"updated": "updated: 2026-2-3"}),
    m("fm-date-dots", "fm.type", 9, "2027-05-31", fm={"review_by": "review_by: 2027.5.31"}),
    m("fm-date-fullwidth", "fm.type", 8, "2026-11-01",
      fm={"updated": "updated: ２０２６－１１－０１"}),
    m("fm-date-impossible", "fm.bad-date", 8, "2026-02-30", fm={"updated": "updated: 2026-02-30"}),
    # -- front matter: the file's frame ---------------------------------------------------
    # The closing line is missing: reported where it belongs (the blank line before the text).
    m("fm-missing-closing-dashes", "fm.unclosed", 14, "---", fm={"---": ""}),
    m("fm-closing-fullwidth-dashes", "fm.unclosed", 14, fm={"---": "－－－"}),
    # Windows Notepad's BOM and CRLF line ends: read as UTF-8 and LF. Not mistakes.
    m("fm-bom", None, raw=None, fm={"BOM": ""}),
    m("fm-crlf", None, fm={"CRLF": ""}),
    m("file-gbk", "file.encoding", 4, "GBK", fm={"GBK": ""}),  # the first line with Chinese
    # -- body: Chinese enumerations Markdown does not make lists ---------------------------
    # Warnings: the text is all there, but the steps run together into one paragraph.
    warn("enum-dunhao", "writing.enumeration", BODY, "1、", "1. ", body="1、先洗手。\n"),
    warn("enum-fullwidth-comma", "writing.enumeration", BODY, body="1，先洗手。\n"),
    warn("enum-no-space", "writing.enumeration", BODY, body="1.先洗手。\n"),
    warn("enum-close-paren", "writing.enumeration", BODY, body="1) 先洗手。\n"),
    warn("enum-fullwidth-parens", "writing.enumeration", BODY, "（1）", body="（1）先洗手。\n"),
    warn("enum-ascii-parens", "writing.enumeration", BODY, body="(1) 先洗手。\n"),
    warn("enum-chinese-number", "writing.enumeration", BODY, "一、", body="一、先洗手。\n"),
    warn("enum-chinese-parens", "writing.enumeration", BODY, body="（一）先洗手。\n"),
    warn("enum-roman", "writing.enumeration", BODY, "Ⅰ、", body="Ⅰ、总则\n"),
    warn("enum-letter", "writing.enumeration", BODY, "A、", body="A、先洗手。\n"),
    warn("enum-circled", "writing.enumeration", BODY, "①", body="①先洗手。\n"),
    warn("enum-second-line", "writing.enumeration", BODY + 1, body="请按顺序：\n2、再戴口罩。\n"),
    m("decimal-is-not-enumeration", None, body="1.5 米的距离。\n"),
    # -- body: bullets typed as symbols ---------------------------------------------------
    warn("bullet-dot", "writing.bullet", BODY, "“•”", "- ", body="• 先洗手\n"),
    warn("bullet-middle-dot", "writing.bullet", BODY, "“·”", body="· 先洗手\n"),
    warn("bullet-black-circle", "writing.bullet", BODY, "“●”", body="● 先洗手\n"),
    warn("bullet-square", "writing.bullet", BODY, body="■ 先洗手\n"),
    warn("bullet-hyphen-no-space", "writing.bullet", BODY, body="-先洗手\n"),
    warn("bullet-fullwidth-hyphen", "writing.bullet", BODY, "“－”", body="－ 先洗手\n"),
    warn("bullet-em-dash", "writing.bullet", BODY, body="— 先洗手\n"),
    m("horizontal-rule-is-not-bullet", None, body="***\n"),
    # -- body: headings -------------------------------------------------------------------
    # Warnings: Python-Markdown makes `#标题` a heading, but other editors and previews do
    # not, and `#苏州加油#` becomes a huge title.
    warn("heading-no-space", "writing.heading-space", BODY, "#", body="#标题\n"),
    warn("heading-no-space-h2", "writing.heading-space", BODY, body="##现在就做\n"),
    warn("hashtag-line", "writing.heading-space", BODY, body="#苏州加油#\n"),
    warn("heading-skip", "writing.heading-skip", BODY + 2, "####", body="## 一\n\n#### 二\n"),
    warn("heading-first-h3", "writing.heading-skip", BODY, body="### 小标题\n"),
    # -- body: checklist items that are not checkboxes ------------------------------------
    # Errors: they ship as plain bullets with brackets showing ("已完成 0/0").
    m("task-lenticular", "checklist.malformed-item", 19, "- [ ] 事项",
      body=PHASE + "- 【】 打开空调\n", meta=CHECKLIST),
    m("task-lenticular-space", "checklist.malformed-item", 19, body=PHASE + "- 【 】 打开空调\n",
      meta=CHECKLIST),
    m("task-empty-brackets", "checklist.malformed-item", 19, body=PHASE + "- [] 摆好饮用水\n",
      meta=CHECKLIST),
    m("task-no-space-after", "checklist.malformed-item", 19, body=PHASE + "- [ ]检查急救箱\n",
      meta=CHECKLIST),
    m("task-tick-mark", "checklist.malformed-item", 19, body=PHASE + "- [√] 检查急救箱\n",
      meta=CHECKLIST),
    m("task-check-mark", "checklist.malformed-item", 19, body=PHASE + "- [✓] 检查急救箱\n",
      meta=CHECKLIST),
    m("task-fullwidth-space-inside", "checklist.malformed-item", 19,
      body=PHASE + "- [\u3000] 检查急救箱\n", meta=CHECKLIST),
    m("task-fullwidth-square-brackets", "checklist.malformed-item", 19,
      body=PHASE + "- ［ ］ 检查急救箱\n", meta=CHECKLIST),
    m("task-no-space-after-dash", "checklist.malformed-item", 19,
      body=PHASE + "-[ ] 检查急救箱\n", meta=CHECKLIST),
    m("task-no-dash", "checklist.malformed-item", 19, body=PHASE + "[ ] 检查急救箱\n",
      meta=CHECKLIST),
    m("task-ballot-box", "checklist.malformed-item", 19, body=PHASE + "□ 检查急救箱\n",
      meta=CHECKLIST),
    m("task-empty-text", "checklist.malformed-item", 19, body=PHASE + "- [ ]\n", meta=CHECKLIST),
    # Error: a volunteer may skip a step that is already ticked.
    m("task-pre-ticked", "checklist.prechecked", 19, "- [ ]", body=PHASE + "- [x] 戴好口罩\n",
      meta=CHECKLIST),
    # a task list in another kind of guide works (ticks are kept on the phone): fine.
    m("task-in-a-page", None, body="- [ ] 准备口罩\n"),
    # -- body: tables ---------------------------------------------------------------------
    m("table-fullwidth-pipes", "writing.fullwidth-pipe", BODY, "“｜”", body="｜时间｜地点｜\n"),
    m("table-fullwidth-pipe-start", "writing.fullwidth-pipe", BODY, body="｜ 8:00 | 社区 |\n"),
    # -- body: required sections with nothing in them -------------------------------------
    m("section-empty", "structure.empty-section", 20, "已经知道的",
      body=SECTIONS.replace("{known}", "").replace("{help}", "- 拨打 [12345](tel:12345)。"),
      meta={"kind": "resident-guide"}),
    m("section-empty-last", "structure.empty-section", 32, "求助电话",
      body=SECTIONS.replace("{known}", "- 会传染。\n").replace("{help}", ""), meta={"kind": "resident-guide"}),
    # -- template leftovers (the constants of guides/placeholders.py) ---------------------------------
    # Errors in a published guide: the page would go out with the template's words.
    m("template-title", "writing.placeholder", 4, "在这里写标题", meta={"title": "在这里写标题"}),
    m("template-summary", "writing.placeholder", 5, meta={"summary": "用一句话说明这篇讲什么。"}),
    m("template-owner", "writing.placeholder", 10, meta={"owner": "（填写社工站或机构名称）"}),
    m("template-section-text", "writing.placeholder", BODY, body="在这里写现在就做。一句话一件事。\n"),
    m("template-part-heading", "writing.placeholder", BODY, body="## 第一部分 {#part-1}\n\n正文。\n"),
    m("template-part-text", "writing.placeholder", BODY, body="在这里写具体做法，一步一行。\n"),
    m("template-tip-heading", "writing.placeholder", BODY, body="## 1. 第1条提示 {#tip-1}\n\n洗手。\n",
      meta={"kind": "volunteer-tips", "audience": "[volunteers]"}),
    m("template-tip-text", "writing.placeholder", BODY + 2,
      body="## 1. 洗手 {#tip-1}\n\n用一两句话写清楚要做什么。\n",
      meta={"kind": "volunteer-tips", "audience": "[volunteers]"}),
    m("template-checklist-item", "writing.placeholder", 19, body=PHASE + "- [ ] 第一件要做的事\n",
      meta=CHECKLIST),
    m("template-page-text", "writing.placeholder", BODY, body="在这里写正文。\n"),
    # a warning while in review, a note in a draft: that is where template text belongs
    warn("template-title-in-review", "writing.placeholder", 4,
         meta={"title": "在这里写标题", "status": "review"}),
    note("template-title-in-draft", "writing.placeholder", 4,
         meta={"title": "在这里写标题", "status": "draft"}),
    # `guides translate` starts from a copy of the Mandarin source (whose front matter has one
    # line more, source_version: the body starts a line later)
    # a translation has no sources or review, but its source_version: one line less
    m("translation-left-copied", "translation.copied", BODY - 1, "English", file="a/en.md",
      files={"a/en.md": "EN"}, body=COPY),
    m("dialect-left-copied", "translation.copied", BODY - 1, "苏州话", file="a/wuu.md",
      files={"a/wuu.md": "WUU"}, body=COPY),
    # -- to-do marks ------------------------------------------------------------------------
    m("todo", "writing.todo", BODY, "TODO", body="TODO 补上检测点地址。\n"),
    m("todo-fixme", "writing.todo", BODY, "FIXME", body="开放时间 FIXME\n"),
    m("todo-xxx", "writing.todo", BODY, "XXX", body="地点：XXX 路 XXX 号。\n"),
    m("todo-placeholder-number", "writing.todo", BODY, "xxx", body="电话：0512-6xxxxxxx\n"),
    m("todo-to-add", "writing.todo", BODY, "待补充", body="采样点地址：待补充。\n"),
    m("todo-to-complete", "writing.todo", BODY, "待完善", body="交通路线待完善。\n"),
    # not to-do marks: news and instructions a reader needs
    m("undecided-is-news", None, body="解封时间待定，请留意社区通知。\n"),
    m("fill-in-is-an-instruction", None, body="请填写健康申报表。\n"),
    m("todo-fill-here", "writing.todo", BODY, "此处填写", body="（此处填写社区电话）\n"),
    m("todo-question-marks", "writing.todo", BODY, "？？", body="负责人：？？？\n"),
    m("todo-in-owner", "writing.todo", 10, "待补充", meta={"owner": "待补充"}),
    note("todo-in-draft", "writing.todo", BODY, meta={"status": "draft"}, body="TODO 补地址。\n"),
    # an editor's note in an HTML comment is not published: fine
    m("todo-in-comment", None, body="<!-- TODO: 下周更新 -->\n正文。\n"),
    # -- phone numbers in the text ----------------------------------------------------------
    # Errors when the number is wrong or cannot be dialled or found; warnings when a person
    # can still read and dial it. The message names the character at fault.
    warn("number-spaces", "phone.space", BODY, "0512 6525 1234", "0512-65251234",
         body="请拨打 0512 6525 1234 咨询。\n"),
    m("number-fullwidth-digits", "phone.digit", BODY, "“０”", "0512-65251234",
      body="电话：０５１２－６５２５１２３４\n"),
    warn("number-fullwidth-dash", "phone.dash", BODY, "－", "0512-65251234",
         body="电话：0512－65251234\n"),
    warn("number-em-dash", "phone.dash", BODY, "—", body="电话：0512—65251234\n"),
    warn("number-en-dash", "phone.dash", BODY, "–", body="电话：0512–65251234\n"),
    warn("number-extension-em-dash", "phone.dash", BODY, "转 8001",
         body="电话：0512—65251234转8001\n"),
    m("number-extension", None, body="电话：0512-65251234 转 8001\n"),
    m("number-400", None, body="客服 400-820-8820\n"),
    warn("number-400-spaces", "phone.space", BODY, "400-820-8820", body="客服 400 820 8820\n"),
    warn("number-800", "phone.free800", BODY, "800", body="免费电话 800-820-8820\n"),
    warn("mobile-spaces", "phone.space", BODY, "13912345678", body="手机 139 1234 5678\n"),
    m("mobile-one-digit-short", "phone.invalid", BODY, "1391234567", body="手机 1391234567\n"),
    m("landline-one-digit-short", "phone.invalid", BODY, body="电话 0512-6525123\n"),
    m("landline-without-area-code", "phone.invalid", BODY, body="值班电话 65251234\n"),
    # spaces read through, still one digit short: the number is wrong, not merely spaced
    m("landline-spaces-one-digit-short", "phone.invalid", BODY, "0512 6525 123",
      body="咨询 0512 6525 123\n"),
    m("landline-fullwidth-one-digit-short", "phone.invalid", BODY, body="咨询 ０５１２－６５２５１２３\n"),
    m("number-zero-width-space", "phone.invisible", BODY, "U+200B",
      body="电话 0512-6525\u200b1234\n"),
    m("date-is-not-a-number", None, body="2026-12-01 起执行 WS/T 311—2023，08:00—17:30 开放。\n"),
    # -- phone links --------------------------------------------------------------------------
    m("tel-spaces", "phone.space-link", BODY, "tel:051265251234",
      body="[0512 6525 1234](tel:0512 6525 1234)\n"),
    m("tel-spaces-one-digit-short", "phone.invalid", BODY, "0512 6525 123",
      body="[0512 6525 123](tel:0512 6525 123)\n"),
    m("tel-fullwidth-digits", "phone.digit", BODY, "“０”", body="[电话](tel:０５１２６５２５１２３４)\n"),
    m("tel-fullwidth-digits-one-short", "phone.invalid", BODY, body="[电话](tel:０５１２６５２５１２３)\n"),
    m("tel-em-dash", "phone.dash", BODY, "—", body="[电话](tel:0512—65251234)\n"),
    m("tel-extension-words", "phone.extension", BODY, "051265251234,8001",
      body="[总机](tel:0512-65251234转8001)\n"),
    m("tel-shows-another-number", "phone.mismatch", BODY, "12345", "110",
      body="[12345](tel:110)\n"),
    m("tel-words-not-digits", None, body="[急救电话](tel:120)\n"),
    # -- links ----------------------------------------------------------------------------
    # Errors: shown as raw text, or a link to a broken address.
    m("link-fullwidth-parens", "link.fullwidth-bracket", BODY, "（",
      body="[市卫健委]（https://wsjkw.suzhou.gov.cn/）\n"),
    m("link-lenticular-text", "link.fullwidth-bracket", BODY, "【",
      body="【市卫健委】(https://wsjkw.suzhou.gov.cn/)\n"),
    m("link-lenticular-target", "link.fullwidth-bracket", BODY, "【",
      body="[另一篇]【../b/】\n", files={PUBLISHED_B: other()}),
    m("link-with-a-title", None, body='[通知](https://wsjkw.suzhou.gov.cn/ "市卫健委")\n'),
    m("link-space-in-url", "link.space", BODY, "https://wsjkw.suzhou.gov.cn/ 通知",
      body="[通知](https://wsjkw.suzhou.gov.cn/ 通知)\n"),
    # a warning: it works in Mandarin, but names one language's file
    warn("link-md-file", "link.md-file", BODY, "../b/", body="[另一篇](../b/zh.md)\n",
         files={PUBLISHED_B: other()}),
    m("link-to-draft", "link.unpublished", BODY, "draft", body="[另一篇](../b/)\n",
      files={PUBLISHED_B: other("draft")}),
    m("link-to-review", "link.unpublished", BODY, "review", body="[另一篇](../b/)\n",
      files={PUBLISHED_B: other("review")}),
    # -- publishing -----------------------------------------------------------------------
    # A warning: the guide is still in the menu and in search, but a resident who opens the
    # home page from a QR code will not find it.
    warn("published-not-on-home-page", "home.unreachable", 7, "content/home/zh.md",
         files={"home/zh.md": "HOME"}),
    m("published-reached-through-another-page", None,
      files={"home/zh.md": "HOME->b", PUBLISHED_B: other() + "[a](../a/)\n"}),
]
