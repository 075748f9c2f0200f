"""The content model: languages, kinds, statuses and the front-matter schema.

Everything an editor may write in front matter is defined here, once. The checks,
the CLI, the plugin and the README's field table all read from this module.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Language:
    code: str  # the file name stem: zh.md, wuu.md, en.md
    tag: str  # BCP 47 tag for <html lang> and hreflang
    name: str  # the language's name, written in itself
    root: str  # where its site lives, relative to the site root: "", "wuu/", "en/"
    theme: str  # Material `theme.language`: overrides/partials/languages/<theme>.html


LANGUAGES: dict[str, Language] = {
    "zh": Language("zh", "zh-Hans", "简体中文", "", "shouwang-zh"),
    "wuu": Language("wuu", "wuu-Hans", "苏州话", "wuu/", "shouwang-wuu"),
    "en": Language("en", "en", "English", "en/", "shouwang-en"),
}
DEFAULT_LANGUAGE = "zh"  # the source of every translation

KINDS = ("resident-guide", "volunteer-tips", "checklist", "ngo-manual", "page")
# Big sites list each kind's guides on a page of its own (guides/listing.py), at these.
KIND_LIST_FOLDERS = {"resident-guide": "all-resident-guides",
                     "volunteer-tips": "all-volunteer-tips", "checklist": "all-checklists",
                     "ngo-manual": "all-ngo-manuals", "page": "all-pages"}
STATUSES = ("draft", "review", "published", "withdrawn")
AUDIENCES = ("residents", "elderly", "volunteers", "social-workers", "ngos", "everyone")

# The folder whose pages become each language's home page ("/" and "/en/").
HOME_FOLDER = "home"
# Folder under content/ for data files (hotlines); never published as pages.
DATA_FOLDER = "_data"
# The one list of hotlines, in DATA_FOLDER: checked, then shown on every home page and guide.
HOTLINES_FILE = "hotlines.yml"

MAX_MARKDOWN_BYTES = 1024 * 1024
SUMMARY_MAX_CHARS = 120

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg")
AUDIO_SUFFIXES = (".mp3", ".m4a", ".ogg")
# What a guide folder may hold besides its Markdown: the only files published from it.
ASSET_SUFFIXES = IMAGE_SUFFIXES + AUDIO_SUFFIXES + (".pdf",)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str  # "str", "int", "date", "choice", "audience", "path"
    required: bool
    choices: tuple[str, ...] = ()
    zh: str = ""  # what the field means, for editors (Chinese)
    en: str = ""  # the same in English
    example: str = ""


FIELDS: dict[str, FieldSpec] = {
    f.name: f
    for f in (
        FieldSpec("id", "id", True, zh="指南编号，各语言版本相同，发布后不再改",
                  en="guide id, the same in every language file; never changes once published",
                  example="testing-guide"),
        FieldSpec("kind", "choice", True, KINDS, zh="指南类型", en="kind of guide",
                  example="resident-guide"),
        FieldSpec("title", "str", True, zh="标题", en="title", example="居民核酸检测五项指南"),
        FieldSpec("summary", "str", True, zh="一句话摘要，用于搜索结果和分享预览",
                  en="one sentence for search results and share previews",
                  example="做核酸前、排队时、采样时和回家后要注意的事。"),
        FieldSpec("version", "int", True, zh="版本号（整数），每次重大修改加 1",
                  en="version (a whole number), raised by each major change", example="3"),
        FieldSpec("status", "choice", True, STATUSES,
                  zh="状态：draft 草稿、review 审核中、published 已发布、withdrawn 已撤下",
                  en="status: draft, review, published or withdrawn", example="published"),
        FieldSpec("updated", "date", True, zh="最近一次重大修改的日期",
                  en="date of the last major change", example="2026-11-20"),
        FieldSpec("review_by", "date", True, zh="最晚复核日期，过期后读者会看到提醒",
                  en="date by which the guide must be reviewed again", example="2027-02-20"),
        FieldSpec("owner", "str", True, zh="负责的社工站或机构", en="station or organisation",
                  example="郭巷街道社工站"),
        FieldSpec("audience", "audience", True, AUDIENCES,
                  zh="读者：residents 居民、elderly 老人、volunteers 志愿者、"
                     "social-workers 社工、ngos 社会组织、everyone 所有人（可写一个或列表）",
                  en="readers: one or a list of " + ", ".join(AUDIENCES),
                  example="[residents, elderly]"),
        FieldSpec("source_version", "int", False,
                  zh="仅译文填写：翻译时所依据的普通话版本号",
                  en="translations only: the Mandarin version this was translated from",
                  example="3"),
        FieldSpec("audio", "path", False, zh="录音文件（MP3、M4A 或 Ogg），与本文件放在同一文件夹",
                  en="a recording (MP3, M4A or Ogg) in the guide's folder", example="wuu.mp3"),
        FieldSpec("withdrawn_reason", "str", False, zh="撤下原因（status 为 withdrawn 时必填）",
                  en="why it was withdrawn (required when status is withdrawn)",
                  example="检测点已调整，请看新版指南。"),
        FieldSpec("replaced_by", "id", False, zh="取代本指南的新指南编号",
                  en="id of the guide that replaces this one", example="testing-2027"),
        FieldSpec("history", "history", False,
                  zh="公开的修改记录，最新的在最前（guides bump --major 会自动添加）",
                  en="public change history, newest first (guides bump --major adds to it)",
                  example='[{version: 2, date: 2026-11-25, note: "采样点改到社区服务中心"}]'),
        FieldSpec("renamed_from", "folders", False,
                  zh="改名前的文件夹名（旧网址会自动跳转到新网址）",
                  en="the folder names this guide had before (old addresses redirect here)",
                  example="[old-testing-guide]"),
        # -- trust (issue 12): sources, reviews, medical steps, time context --
        FieldSpec("sources", "sources", False,
                  zh="依据的文件（只写在 zh.md）：每条写 title 标题、org 发布机构、date 日期，"
                     "可加 code 文号、url 网址；居民指南、清单和提示单必填",
                  en="the documents it follows (zh.md only): each with title, org and date, "
                     "optionally code and url; required for resident guides, checklists and "
                     "tip sheets",
                  example="[{title: 医院隔离技术标准, code: WS/T 311—2023, "
                          "org: 国家卫生健康委员会, date: 2023-09-05}]"),
        FieldSpec("review", "review", False,
                  zh="审核记录（只写在 zh.md）：每条写 type 类型（content 内容或 medical 医学）、"
                     "role 审核人角色、org 机构、date 日期；要发布的居民指南、清单、提示单和"
                     "社会组织手册必须有 content 审核，medical: true 的还要有 medical 审核",
                  en="review records (zh.md only): each with type (content or medical), role, "
                     "org and date; resident guides, checklists, tip sheets and NGO manuals "
                     "need a content review to be published, medical: true ones a medical "
                     "review too",
                  example="[{type: content, role: 项目编辑, org: 守望指南项目, date: 2026-12-01}]"),
        FieldSpec("medical", "bool", False,
                  zh="指南里有医学或急救步骤（防护用品、急救、用药）时写 true（只写在 zh.md）",
                  en="true when the guide gives medical or first-aid steps (PPE, first aid, "
                     "medicines); zh.md only",
                  example="true"),
        FieldSpec("context", "context", False,
                  zh="这些做法属于哪个时间和地点（每个语言文件用自己的语言写），显示在页面顶部",
                  en="the time and place its measures belong to (in each language file, in "
                     "its language); shown at the top of the page",
                  example="{period: 2022 年苏州疫情期间, place: 苏州}"),
    )
}


# Sections each kind must have, as heading ids written `## 标题 {#id}`; in this order.
@dataclass(frozen=True)
class Section:
    id: str
    zh: str
    en: str


SECTIONS: dict[str, tuple[Section, ...]] = {
    "resident-guide": (
        Section("do-now", "现在就做", "What to do now"),
        Section("known", "已经知道的", "What we know"),
        Section("not-known", "还不知道的", "What is not yet known"),
        Section("being-done", "正在做的", "What is being done"),
        Section("help", "求助电话", "Where to get help"),
    ),
    "ngo-manual": (
        Section("scope", "适用范围", "Scope"),
        Section("roles", "角色与职责", "Roles and duties"),
        Section("levels", "响应等级与启动条件", "Response levels and triggers"),
        Section("procedures", "处置流程", "Procedures"),
        Section("management", "内部管理（项目、团队、志愿者安全）",
                "Internal management (projects, teams, volunteer safety)"),
        Section("resources", "资源与联系人", "Resources and contacts"),
    ),
}
# The resident guide's first section must be "what to do now" (risk communication).
FIRST_SECTION = {"resident-guide": "do-now"}

TIP_MAX_LINES = 6
# English needs about two and a half times the characters of Chinese for the same tip.
TIP_MAX_CHARS = {"zh": 240, "wuu": 240, "en": 600}


@dataclass
class Document:
    """One language file of one guide, as read from disk."""

    path: Path  # absolute
    rel: str  # path relative to the repository root, as shown to editors
    folder: str  # the guide's folder name (its URL slug)
    language: str
    text: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    meta_lines: dict[str, int] = field(default_factory=dict)  # key -> line in file
    body: str = ""
    body_line: int = 1  # file line of the first body line
    readable: bool = False  # front matter parsed into a mapping

    def line_of(self, key: str) -> int:
        return self.meta_lines.get(key, 1)

    @property
    def is_source(self) -> bool:
        return self.language == DEFAULT_LANGUAGE


@dataclass
class Guide:
    folder: str
    documents: dict[str, Document] = field(default_factory=dict)  # language -> doc

    @property
    def source(self) -> Document | None:
        return self.documents.get(DEFAULT_LANGUAGE)


def as_date(value: Any) -> dt.date | None:
    """YAML gives dates for bare 2026-11-29; accept quoted ISO strings too."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def audiences(value: Any) -> list[str] | None:
    """`audience` may be one word or a list of words."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


# -- trust (issue 12): which kinds must cite sources and be reviewed before publishing --
# Kinds that give medical or safety steps: zh.md must list `sources`.
SOURCES_REQUIRED = ("resident-guide", "checklist", "volunteer-tips")
# The review types, and the reviews a kind needs before `status: published`.
REVIEW_TYPES = ("content", "medical")
REVIEWS_NEEDED: dict[str, tuple[str, ...]] = {
    "resident-guide": ("content",), "volunteer-tips": ("content",),
    "checklist": ("content",), "ngo-manual": ("content",), "page": (),
}
MEDICAL_REVIEW = "medical"  # what `medical: true` adds to a kind's reviews
# The fields of one source and one review record: (name, required).
SOURCE_FIELDS = (("title", True), ("org", True), ("date", True), ("code", False),
                 ("url", False))
REVIEW_FIELDS = (("type", True), ("role", True), ("org", True), ("date", True),
                 ("name", False))
CONTEXT_FIELDS = ("period", "place")
# Written once, in the Mandarin source; translations show the source's.
SOURCE_ONLY_FIELDS = ("sources", "review", "medical")
# A hotline number not checked again for this long is reported (numbers change rarely,
# but a wrong one sends a caller nowhere): about half a year.
HOTLINE_VERIFY_DAYS = 180


def needed_reviews(kind: object, medical: object) -> tuple[str, ...]:
    """The review types a guide of `kind` needs before it is published."""
    needed = REVIEWS_NEEDED.get(kind, ()) if isinstance(kind, str) else ()
    return needed + ((MEDICAL_REVIEW,) if medical is True else ())


def partial_date(value: Any) -> str | None:
    """A source's date: YYYY-MM-DD, or YYYY-MM / YYYY when that is all that is known."""
    day = as_date(value)
    if day is not None:
        return day.isoformat()
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
        return str(value)
    if isinstance(value, str):
        import re
        text = value.strip()
        if re.fullmatch(r"(19|20)\d\d(-(0[1-9]|1[0-2]))?", text):
            return text
    return None


# -- w-text (issue 14: sharing to WeChat): the broadcast text ------------------------------
FIELDS["broadcast"] = FieldSpec(
    "broadcast", "str", False,
    zh="群发文字（发微信群、短信用，每个语言文件用自己的语言写）：标题、最要紧的三件事、"
       "一个求助电话；网址会自动加在最后，加上网址最多 300 个字。不写就用第一节自动生成",
    en="the broadcast text for WeChat groups and SMS (in each language file, in its "
       "language): title, the three most important actions, one hotline; the page's "
       "address is added at the end, 300 characters in all. Without it, it is made from "
       "the first section",
    example="核酸检测：1. 看社区通知 2. 戴好口罩 3. 带身份证。求助 12320")
