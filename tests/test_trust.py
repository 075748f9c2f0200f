"""Issue 12, the checks that make trust visible: sources, review records, medical steps,
time context, one source for every number, and translations that say the same. Each check
with passing and failing input and its exact file:line messages; then the pages."""

from __future__ import annotations

import datetime as dt
import re

from conftest import REPO, TODAY, Tree, build_site
from guides.checks import check_directory

SOURCE = "[{title: 医院隔离技术标准, code: WS/T 311—2023, org: 国家卫生健康委员会, date: 2023-09-05}]"
CONTENT_REVIEW = "[{type: content, role: 项目编辑, org: 守望指南项目, date: 2026-11-25}]"
RESIDENT = """
## 现在就做 {#do-now}
戴好口罩。
## 已经知道的 {#known}
检测免费。
## 还不知道的 {#not-known}
还要做几轮。
## 正在做的 {#being-done}
社工在帮忙。
## 求助电话 {#help}
打 {{hotline:citizen}}。
"""

RESIDENT_EN = """
## Do this now {#do-now}
Wear a mask.
## What we know {#known}
Testing is free.
## What is not known {#not-known}
How many rounds.
## What is being done {#being-done}
Social workers help.
## Help {#help}
Call {{hotline:citizen}}.
"""


def resident(tree: Tree, folder: str = "g", lang: str = "zh", body: str = RESIDENT,
             **meta: object):
    tree.guide(folder, lang=lang, kind="resident-guide", body=body, **meta)


# -- sources --------------------------------------------------------------------------

def test_guides_that_give_steps_must_cite_sources(tree):
    tree.hotlines(citizen="12345")
    resident(tree, sources=None)
    tree.guide("c", kind="checklist", sources=None, status="draft",
               body="## 上岗前 {#before}\n- [ ] 测体温\n")
    tree.guide("p", kind="page", body="普通页面不用写依据。\n")
    assert [f for f in tree.found(notes=True) if "translation.missing" not in f] == [
        "content/c/zh.md:1: note: no sources: a checklist must name the documents it "
        "follows [sources.missing]",
        "content/g/zh.md:1: error: no sources: a resident-guide must name the documents "
        "it follows [sources.missing]",
    ]
    resident(tree, sources=SOURCE)
    tree.guide("c", kind="checklist", sources=SOURCE, status="draft",
               body="## 上岗前 {#before}\n- [ ] 测体温\n")
    assert [f for f in tree.found(notes=True) if "translation.missing" not in f] == []


def test_each_source_needs_a_title_an_issuer_and_a_date(tree):
    tree.hotlines(citizen="12345")
    resident(tree, sources="\n".join([
        "",
        "  - title: 医院隔离技术标准",
        "    org: 国家卫生健康委员会",
        "    date: 2023-09",
        "  - title: 新型冠状病毒肺炎防控方案（第九版）",
        "    date: 2022年6月",
        "    orgn: 联防联控机制",
        "  - 只写了标题",
        "  - {title: 网址, org: 某机构, date: 2022, url: \"javascript:alert(1)\"}",
        "  - {title: 将来, org: 某机构, date: 2027-01-01, url: \"https://www.nhc.gov.cn/\"}",
    ]))
    assert tree.found() == [
        "content/g/zh.md:16: error: entry 2 has no sources.org [trust.required]",
        'content/g/zh.md:17: error: source 2: the date "2022年6月" is not a date '
        "[sources.date]",
        'content/g/zh.md:18: error: unknown key "orgn" in sources[2] (did you mean "org"?) '
        "[trust.unknown-key]",
        "content/g/zh.md:19: error: source 3 is malformed [sources.item]",
        'content/g/zh.md:20: error: source 4: "javascript:alert(1)" is not a full http:// '
        "or https:// address [sources.url]",
        "content/g/zh.md:21: error: entry 5: sources.date 2027-01-01 is after today "
        "(2026-11-29) [trust.future]",
    ]


def test_sources_and_reviews_belong_in_the_mandarin_source_only(tree):
    tree.hotlines(citizen="12345")
    resident(tree)
    resident(tree, lang="en", sources=SOURCE, review=CONTENT_REVIEW, medical="true",
             body=RESIDENT_EN)
    assert tree.found() == [
        "content/g/en.md:12: error: a translation does not repeat sources "
        "[trust.source-only]",
        "content/g/en.md:13: error: a translation does not repeat review [trust.source-only]",
        "content/g/en.md:14: error: a translation does not repeat medical "
        "[trust.source-only]",
    ]


# -- reviews ----------------------------------------------------------------------------

def test_publishing_needs_the_reviews_the_kind_asks_for(tree):
    tree.hotlines(citizen="12345")
    resident(tree, review=None)
    tree.guide("m", kind="checklist", medical="true", review=CONTENT_REVIEW,
               body="## 穿戴 {#on}\n- [ ] 戴口罩\n")
    tree.guide("n", kind="ngo-manual", review=None, status="review", body=(
        "".join(f"## {t} {{#{t}}}\n内容。\n" for t in
                ("scope", "roles", "levels", "procedures", "management", "resources"))))
    assert tree.found() == [
        "content/g/zh.md:7: error: published without a content review (a resident-guide "
        "must be reviewed before publishing) [review.missing]",
        "content/m/zh.md:7: error: published without a medical review (a checklist must be "
        "reviewed before publishing) [review.missing]",
    ]
    tree.guide("m", kind="checklist", medical="true", body="## 穿戴 {#on}\n- [ ] 戴口罩\n",
               review="[{type: content, role: 项目编辑, org: 守望指南项目, date: 2026-11-25}, "
                      "{type: medical, role: 护士长, org: 某社区卫生服务中心, date: 2026-11-26}]")
    resident(tree)
    assert tree.found() == []


def test_review_records_are_checked(tree):
    tree.hotlines(citizen="12345")
    resident(tree, review="\n".join([
        "",
        "  - type: contnet",
        "    role: 项目编辑",
        "    org: 守望指南项目",
        "    date: 2026-11-25",
        "  - {type: content, role: {zh: 项目编辑, eng: editor}, org: 守望指南项目, "
        "date: 2026-11-25}",
        "  - {type: content, role: 项目编辑, org: 守望指南项目, date: 2026-11-02}",
        "  - {type: content, role: 项目编辑, org: 守望指南项目, date: 2026-12-02}",
        "  - {type: content, role: 项目编辑, org: 守望指南项目}",
    ]), updated="2026-11-20")
    found = tree.found()
    assert found == [
        'content/g/zh.md:7: error: published without a content review (a resident-guide '
        "must be reviewed before publishing) [review.missing]",
        'content/g/zh.md:13: error: review record 1: "contnet" is not a review type '
        '(did you mean "content"?) [review.type]',
        "content/g/zh.md:17: error: review record 2: review.role is empty or malformed "
        "[review.text]",
        "content/g/zh.md:18: warning: review record 3 (2026-11-02) is older than the last "
        "change (2026-11-20): it reviewed an earlier version [review.before-update]",
        "content/g/zh.md:19: error: entry 4: review.date 2026-12-02 is after today "
        "(2026-11-29) [trust.future]",
        "content/g/zh.md:20: error: entry 5 has no review.date [trust.required]",
    ]
    # one that predates the last change is a warning, and does not count
    resident(tree, review="[{type: content, role: 项目编辑, org: 守望指南项目, date: 2026-11-02}]")
    assert tree.found() == [
        "content/g/zh.md:7: error: published without a content review (a resident-guide "
        "must be reviewed before publishing) [review.missing]",
        "content/g/zh.md:12: warning: review record 1 (2026-11-02) is older than the last "
        "change (2026-11-20): it reviewed an earlier version [review.before-update]",
    ]


def test_medical_is_true_or_false(tree):
    tree.guide("p", medical="是")
    assert tree.found() == ['content/p/zh.md:12: error: medical must be true or false, '
                            'not "是" [medical.type]']


# -- time context -------------------------------------------------------------------------

def test_context_is_written_in_every_language(tree):
    tree.guide("p", context="{period: 2022 年新冠疫情期间, place: 苏州}")
    tree.guide("p", lang="en")
    tree.guide("p", lang="wuu", context="{place: 苏州, year: 2022}")
    assert tree.found() == [
        "content/p/en.md:1: error: content/p/zh.md has a context (time and place) and this "
        "translation does not [context.missing]",
        "content/p/wuu.md:12: error: context has no period [context.period]",
        'content/p/wuu.md:12: error: unknown key "year" in context [trust.unknown-key]',
    ]
    tree.guide("p", lang="en", context='{period: "the 2022 outbreak", place: Suzhou}')
    tree.guide("p", lang="wuu", context="2022 年")
    assert tree.found() == ["content/p/wuu.md:12: error: context is malformed "
                            "[context.not-mapping]"]


# -- one source for every number -----------------------------------------------------------

def test_a_placeholder_must_name_a_hotline_in_the_file(tree):
    tree.hotlines(ambulance="120", mental_health="12356")
    tree.guide("p", body="\n".join([
        "打 {{hotline:ambulance}} 或 {{ hotline : mental-health }}。",
        "打 {{hotline:ambulence}}。",
        "打 {{hotline:}}。",
        "写成代码就是文字：`{{hotline:nothing}}`",
        "打 ｛｛hotline：ambulance｝｝ 或 {hotline:ambulance}。",
        "打 {{hotline ambulance}}。",
        "",
    ]))
    assert tree.found() == [
        'content/p/zh.md:15: error: the hotlines file has no number with the id "ambulence" '
        '(did you mean "ambulance"?) [hotline.unknown-id]',
        'content/p/zh.md:16: error: the hotlines file has no number with the id "" '
        "[hotline.unknown-id]",
        'content/p/zh.md:18: error: "｛｛hotline：ambulance｝｝" is not a hotline placeholder '
        "and will be shown as it is [hotline.malformed]",
        'content/p/zh.md:18: error: "{hotline:ambulance}" is not a hotline placeholder and '
        "will be shown as it is [hotline.malformed]",
        'content/p/zh.md:19: error: "{{hotline ambulance}}" is not a hotline placeholder '
        "and will be shown as it is [hotline.malformed]",
    ]


def test_a_placeholder_in_a_link_or_in_front_matter_is_reported(tree):
    tree.hotlines(ambulance="120")
    tree.guide("p", summary="急救打 {{hotline:ambulance}}。",
               body="[急救 {{hotline:ambulance}}](tel:120)\n")
    assert tree.found() == [
        "content/p/zh.md:5: error: {{hotline:…}} cannot be used in the front matter (summary) "
        "[hotline.in-front-matter]",
        'content/p/zh.md:14: error: the link text "急救 {{hotline:ambulance}}" holds a '
        "{{hotline:…}} [hotline.in-link]",
    ]


def test_a_number_dialled_by_hand_must_be_in_the_file(tree):
    tree.hotlines(ambulance="120", station="0512-65221234")
    tree.guide("p", body="[120](tel:120) [站](tel:0512-6522-1234) [错](tel:110)\n"
                         '<a href="tel:12345">12345</a>\n')
    assert tree.found() == [
        'content/p/zh.md:14: error: the number "110" is not in content/_data/hotlines.yml '
        "[phone.not-in-hotlines]",
        'content/p/zh.md:15: error: the number "12345" is not in content/_data/hotlines.yml '
        "[phone.not-in-hotlines]",
    ]
    tree.root.joinpath("_data/hotlines.yml").unlink()  # no file: no number has a source
    assert tree.codes() == ["phone.not-in-hotlines"] * 4


def test_a_number_written_as_text_is_checked_against_the_file(tree):
    tree.hotlines(citizen="12345", station="0512-65221234")
    tree.guide("p", body="\n".join([
        "有事打 12345，或本站 0512 6522 1234（不在文件里的 12320 不行）。",
        "也不行：+86 512 6522 1239。日期 2022-06-27、体温 37.3 不是电话。",
        "链接里的号码按链接查：[本站](https://example.org/12320)",
        "",
    ]))
    assert tree.codes() == ["phone.space", "phone.text-not-in-hotlines", "phone.space",
                            "phone.text-not-in-hotlines"]
    assert [f for f in tree.found() if "text-not-in" in f] == [
        'content/p/zh.md:14: error: the number "12320" in the text is not in '
        "content/_data/hotlines.yml [phone.text-not-in-hotlines]",
        'content/p/zh.md:15: error: the number "+86 512 6522 1239" in the text is not in '
        "content/_data/hotlines.yml [phone.text-not-in-hotlines]",
    ]


def test_the_hotlines_file_has_ids_verified_dates_and_a_local_part(tree):
    tree.write("_data/hotlines.yml", """
        national:
          - {id: ambulance, number: "120", verified: 2026-11-01, name: {zh: 急救}}
          - {id: ambulance, number: "110", verified: 2026-11-01, name: {zh: 报警}}
          - {id: Fire, number: "119", verified: 2026-11-01, name: {zh: 火警}}
          - {id: citizen, number: "12345", verified: 2026-05-01, name: {zh: 热线}}
          - {id: health, number: "12320", verified: 2026-12-25, name: {zh: 卫生}}
          - {id: mental, number: "12356", verified: 去年, name: {zh: 心理}, phone: x}
          - {number: "12315", name: {zh: 消费}}
        local:
          - {id: station, number: "0512 6522 1234", verified: 2026-11-20, name: {zh: 本站}}
          - {id: clinic, number: "0512-65221234", verified: 2026-11-20, name: {zh: 门诊}}
        regional: []
        """)
    assert tree.found() == [
        'content/_data/hotlines.yml:3: error: the hotline id "ambulance" is used twice '
        "(first on line 2) [hotlines.duplicate-id]",
        'content/_data/hotlines.yml:4: error: hotline 3: "Fire" is not a valid id '
        "[hotlines.id-format]",
        "content/_data/hotlines.yml:5: warning: the number 12345 was last verified 212 days "
        "ago (2026-05-01; limit 180) [hotlines.verified-old]",
        "content/_data/hotlines.yml:6: error: hotline 5: verified 2026-12-25 is after today "
        "(2026-11-29) [hotlines.verified-future]",
        'content/_data/hotlines.yml:7: error: hotline 6 has an unknown key "phone" '
        "[hotlines.unknown-key]",
        'content/_data/hotlines.yml:7: error: hotline 6: verified "去年" is not a date '
        "[hotlines.verified-format]",
        "content/_data/hotlines.yml:8: error: hotline 7 has no id [hotlines.field]",
        "content/_data/hotlines.yml:8: error: hotline 7 has no verified [hotlines.field]",
        'content/_data/hotlines.yml:11: error: the number "0512-65221234" is listed twice '
        "(first on line 10) [hotlines.duplicate-number]",
        'content/_data/hotlines.yml:12: error: unknown part "regional" in the hotlines file '
        "[hotlines.part]",
    ]


def test_the_repository_hotlines_file_is_complete():
    data = __import__("yaml").safe_load((REPO / "content/_data/hotlines.yml")
                                        .read_text(encoding="utf-8"))
    assert [(h["id"], h["number"]) for h in data["national"]] == [
        ("ambulance", "120"), ("police", "110"), ("fire", "119"), ("citizen", "12345"),
        ("health", "12320"), ("mental-health", "12356")]
    assert data["local"] == []  # a station fills these in; never an invented number
    assert all(isinstance(h["verified"], dt.date) for h in data["national"])


# -- translation parity ---------------------------------------------------------------

def test_a_translation_carries_the_same_sections_items_steps_and_numbers(tree):
    tree.hotlines(ambulance="120", citizen="12345")
    tree.guide("c", body="""
        开始前打 {{hotline:citizen}}。
        ## 上岗前 {#before}
        - [ ] 测体温
        - [ ] 戴口罩
        - [ ] 穿防护服
        ## 出事了 {#emergency}
        1. 先让人离开
        2. 打 {{hotline:ambulance}}
        3. 告诉负责人
        ## 下岗后 {#after}
        - [ ] 洗手
        """)
    tree.guide("c", lang="en", body="""
        Call [12345](tel:12345) before you start.
        ## Before {#before}
        - [ ] Take your temperature
        - [ ] Put on the gown
        ## Emergency {#emergency}
        1. Get people out
        2. Tell the lead
        ## Later {#later}
        - [ ] Wash hands
        """)
    assert tree.found() == [
        "content/c/en.md:17: error: section #before has 2 checklist items (zh.md:16 has 3) "
        "[parity.tasks]",
        "content/c/en.md:19: error: section #emergency lacks the number 120 (zh.md:21 has "
        "it) [parity.number-missing]",
        "content/c/en.md:19: error: the section #after is missing (zh.md:23 has it) "
        "[parity.section-missing]",
        "content/c/en.md:20: error: section #emergency has 2 numbered steps (zh.md:20 has 3) "
        "[parity.steps]",
        "content/c/en.md:22: error: the section #later is not in the source (zh.md:13) "
        "[parity.section-extra]",
    ]


def test_a_number_in_the_wrong_section_or_added_is_reported(tree):
    tree.hotlines(ambulance="120", police="110")
    tree.guide("p", body="## 急救 {#help}\n打 {{hotline:ambulance}}。\n## 其他 {#more}\n看看。\n")
    tree.guide("p", lang="en", body="## Help {#help}\nCall [110](tel:110).\n"
                                    "## More {#more}\nCall {{hotline:ambulance}}.\n")
    assert tree.found() == [
        "content/p/en.md:15: error: section #help lacks the number 120 (zh.md:15 has it) "
        "[parity.number-missing]",
        "content/p/en.md:16: error: the number 110 is not in this section of the source "
        "(zh.md:14) [parity.number-extra]",
        "content/p/en.md:18: error: the number 120 is not in this section of the source "
        "(zh.md:16) [parity.number-extra]",
    ]


def test_every_translation_in_the_repository_says_what_its_source_says():
    report = check_directory(REPO / "content", base=REPO, today=dt.date.today())
    pairs = [d for g in __import__("guides.reader", fromlist=["read_content"])
             .read_content(REPO / "content", REPO).guides.values()
             for d in g.documents.values() if not d.is_source]
    assert len(pairs) >= 13  # every translation was compared with its source
    assert [f.format("en") for f in report.findings if f.code.startswith("parity.")] == []


# -- on the page ----------------------------------------------------------------------

TRUSTED_PAGE = dict(
    kind="resident-guide", body=RESIDENT,
    sources='[{title: "隔离<b>标准</b>", code: WS/T 311—2023, org: 国家卫生健康委员会, '
            'date: 2023-09-05, url: "https://www.nhc.gov.cn/a?b=1&c=2"}, '
            '{title: 报道, org: 荔枝网, date: 2022-03}]',
    review='[{type: content, role: {zh: 项目编辑, en: project editor}, org: 守望指南项目, '
           'date: 2026-11-25}]',
    context="{period: 2022 年新冠疫情期间, place: 苏州}",
)


def test_sources_review_and_context_are_shown_in_each_language(tmp_path):
    tree = Tree(tmp_path)
    tree.hotlines(citizen="12345")
    tree.guide("home", title="首页", body="首页。\n")
    tree.guide("g", title="指南", **TRUSTED_PAGE)
    tree.guide("g", lang="en", title="Guide", kind="resident-guide",
               body=RESIDENT.replace("打", "Call"),
               context='{period: "the 2022 outbreak", place: Suzhou}')
    out = build_site(tree, command="serve")  # markup in a title is reported, then shown
    zh = (out / "g/index.html").read_text(encoding="utf-8")
    en = (out / "en/g/index.html").read_text(encoding="utf-8")
    assert ("<p>本页写的是当时的做法（苏州，2022 年新冠疫情期间）。这些防控措施只适用于当时，"
            "今天请先按当地现行的规定做。</p>") \
        in zh
    assert "<p>What this page describes comes from the 2022 outbreak in Suzhou. These were " \
           "that time's measures: follow today's local rules first.</p>" in en.replace("&#39;", "'")
    assert zh.index("sw-context") < zh.index("<h1")  # near the top, before the guide
    assert '<h2 id="sw-sources">依据</h2>' in zh and '<h2 id="sw-sources">Sources</h2>' in en
    assert ('<li><cite><a href="https://www.nhc.gov.cn/a?b=1&amp;c=2" rel="noopener">'
            "隔离&lt;b&gt;标准&lt;/b&gt;</a></cite> WS/T 311—2023<span class=\"sw-sources__by\">"
            " · 国家卫生健康委员会 · <time>2023-09-05</time></span></li>") in zh
    assert '<li lang="zh-Hans"><cite>报道</cite>' in en  # Chinese names keep their language
    assert ('<p class="sw-reviewed sw-reviewed--content"><strong>内容审核</strong>：<span>'
            '项目编辑，守望指南项目</span>，<time datetime="2026-11-25">2026-11-25</time></p>') in zh
    assert ("<strong>Content review</strong>: <span lang=\"zh-Hans\">project editor, "
            "守望指南项目</span>, <time") in en
    # under the guide: its text, the tap-to-call buttons of its help section, then sources
    assert zh.index("sw-body") < zh.index("sw-hotlines") < zh.index("sw-trust")
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "sw-trust" not in home and "sw-context" not in home  # nothing to show


def test_a_placeholder_becomes_a_tap_to_call_link(tmp_path):
    tree = Tree(tmp_path)
    tree.hotlines(ambulance="120", station="0512 6522 1234")
    tree.guide("home", title="首页", body="急救打 {{hotline:ambulance}}；本站 {{hotline:station}}。\n\n"
                                         "代码里不换：`{{hotline:ambulance}}`\n")
    out = build_site(tree)
    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<p>急救打 <a class="sw-tel" href="tel:120">120</a>；本站 ' \
           '<a class="sw-tel" href="tel:051265221234">0512 6522 1234</a>。</p>' in home
    assert "<code>{{hotline:ambulance}}</code>" in home


def test_changing_a_number_in_the_file_changes_every_page_that_shows_it(tmp_path):
    tree = Tree(tmp_path)
    tree.hotlines(citizen="12345", ambulance="120")
    tree.guide("home", title="首页", body="有事打 {{hotline:citizen}}。\n")
    tree.guide("home", lang="en", title="Home", body="Call {{hotline:citizen}}.\n")
    tree.guide("g", title="指南", kind="resident-guide", body=RESIDENT)
    tree.guide("g", lang="wuu", title="指南", kind="resident-guide", body=RESIDENT)
    pages = ["index.html", "en/index.html", "g/index.html", "wuu/g/index.html"]

    def shown(out, number):
        return {page: len(re.findall(rf'href="tel:{number}"', (out / page).read_text(
            encoding="utf-8"))) for page in pages}

    before = shown(build_site(tree), "12345")
    assert all(count >= 2 for count in before.values())  # the text and the footer
    tree.hotlines(citizen="12349", ambulance="120")
    after = build_site(tree)
    assert shown(after, "12345") == dict.fromkeys(pages, 0)
    assert shown(after, "12349") == before
    assert tree.check(TODAY).has_errors is False
