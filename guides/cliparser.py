"""The `guides` command line: its options and its help, in Chinese (default) or English.

The language is known before parsing (help is printed while parsing): `--lang en`
anywhere on the line, before or after the subcommand, else the GUIDES_LANG environment
variable, else Chinese. argparse's own words ("usage:", "options", its error messages)
are translated with it, so a Chinese help page holds no English but option names.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
from collections.abc import Iterator, Sequence

DEFAULT_CONFIG = "mkdocs.yml"
LANGS = ("zh", "en")

# argparse's own strings (Python 3.11-3.13), in Chinese.
ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "show this help message and exit": "显示这段说明",
    "%(prog)s: error: %(message)s\n": "%(prog)s：命令写错了：%(message)s\n",
    "the following arguments are required: %s": "缺少这些参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "不能用 %(value)r（可选：%(choices)s）",
    "unrecognized arguments: %s": "不认识这些参数：%s",
    "expected one argument": "后面要跟一个值",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "not allowed with argument %s": "不能和 %s 一起用",
    "one of the arguments %s is required": "这几个里必须选一个：%s",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的值",
    "ambiguous option: %(option)s could match %(matches)s":
        "%(option)s 不明确，可能是：%(matches)s",
    "ignored explicit argument %r": "多余的值 %r",
    "expected at least one argument": "后面至少要跟一个值",
    "expected at most one argument": "后面最多跟一个值",
}


def detect_lang(argv: Sequence[str]) -> str:
    """`--lang X` or `--lang=X` anywhere, else $GUIDES_LANG, else zh."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in LANGS:
            return value
    env = os.environ.get("GUIDES_LANG", "").strip().lower()
    return env if env in LANGS else "zh"


@contextlib.contextmanager
def argparse_language(lang: str) -> Iterator[None]:
    """argparse looks its strings up through the module's `_` at call time."""
    if lang != "zh":
        yield
        return
    original = argparse._  # type: ignore[attr-defined]
    argparse._ = lambda text: ARGPARSE_ZH.get(text, original(text))  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


def launcher() -> str:
    """How the editor starts `guides` (scripts/dev.py sets this), for printed next steps."""
    return os.environ.get("GUIDES_COMMAND") or "guides"


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(value) from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(value) from None
    if number < 1:
        raise argparse.ArgumentTypeError(value)
    return number


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Examples keep their lines; the list of commands is not headed by its metavar."""

    def _format_action(self, action: argparse.Action) -> str:
        text = super()._format_action(action)
        if isinstance(action, argparse._SubParsersAction):
            text = text.split("\n", 1)[1]
        return text


def build_parser(lang: str) -> argparse.ArgumentParser:
    """The whole command line, its help in `lang`. Call inside argparse_language(lang)."""
    def t(zh: str, en: str) -> str:
        return zh if lang == "zh" else en

    g = launcher()
    raw = _Formatter
    parser = argparse.ArgumentParser(
        prog="guides", formatter_class=raw,
        description=t("守望指南：检查、预览和发布社工站的指南。",
                      "Shouwang Guides: check, preview and publish a station's guides."),
        epilog=t(f"常用顺序：new → 写 → translate → check → serve → bump → publish → rollback\n"
                 f"每个命令的说明：{g} 命令 --help（例如 {g} new --help）\n"
                 f"英文说明：加 --lang en，或设置环境变量 GUIDES_LANG=en\n"
                 f"完整的编辑手册：HANDBOOK.md",
                 f"Usual order: new → write → translate → check → serve → bump → publish → "
                 f"rollback\nHelp on a command: {g} COMMAND --help (e.g. {g} new --help)\n"
                 f"Chinese help: --lang zh (or GUIDES_LANG=zh)\nThe editors' handbook: "
                 f"HANDBOOK.md (in Chinese)"))
    lang_help = t("提示语言：zh 中文（默认）或 en 英文；也可以设环境变量 GUIDES_LANG",
                  "language of messages and help: zh (default) or en; or set GUIDES_LANG")
    parser.add_argument("--lang", choices=LANGS, default=lang, help=lang_help)
    sub = parser.add_subparsers(dest="command", metavar=t("命令", "COMMAND"),
                                title=t("命令", "commands"))
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=lang_help)
    common.add_argument("--today", type=_date, help=argparse.SUPPRESS)

    def command(name: str, summary: tuple[str, str], text: tuple[str, str],
                examples: tuple[str, str]) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[common], formatter_class=raw, help=t(*summary),
                              description=t(*text), epilog=t(*examples).format(g=g))

    def config(p: argparse.ArgumentParser) -> None:
        p.add_argument("-f", "--config-file", default=DEFAULT_CONFIG, metavar=t("文件", "FILE"),
                       help=t("网站配置文件（默认 mkdocs.yml）", "site configuration (default: mkdocs.yml)"))

    def content(p: argparse.ArgumentParser) -> None:
        p.add_argument("--content", default=None, metavar=t("文件夹", "DIR"),
                       help=t("内容文件夹（默认：mkdocs.yml 的 docs_dir，即 content/）",
                              "content folder (default: docs_dir of mkdocs.yml, content/)"))

    def verbose(p: argparse.ArgumentParser) -> None:
        p.add_argument("-v", "--verbose", action="store_true",
                       help=t("显示 MkDocs 的全部过程信息", "show all of MkDocs' INFO lines"))

    def target(p: argparse.ArgumentParser) -> None:
        p.add_argument("--to", required=True, dest="to", metavar=t("文件夹", "DIR"),
                       help=t("网站服务器读取的文件夹（服务器指向 文件夹/current）；"
                              "或者对象存储 s3://桶名/前缀",
                              "the folder the web server serves (point it at DIR/current); "
                              "or object storage, s3://BUCKET/PREFIX"))
        # s3: the object store's address (else AWS_ENDPOINT_URL or ~/.aws/config)
        p.add_argument("--endpoint", default=None, metavar=t("网址", "URL"),
                       help=t("对象存储的服务地址（只用于 s3://；默认读 AWS_ENDPOINT_URL）",
                              "the object store's address (s3:// only; default: "
                              "AWS_ENDPOINT_URL)"))

    def fmt(p: argparse.ArgumentParser) -> None:
        p.add_argument("--format", choices=("text", "json"), default="text",
                       help=t("text 给人看（默认），json 给程序用", "text (default) or json for tools"))

    p = command("check", ("检查全部内容", "check all content"),
                ("检查 content/ 里的每个文件：每个问题一行“文件:行号”，下一行说怎么改。\n"
                 "有错误时退出码是 1。", "Check every file in content/: one line per problem "
                 "(file:line), how to fix it on the next. Exit 1 on errors."),
                ("例子：\n  {g} check\n  {g} check --lang en", "Examples:\n  {g} check\n  "
                 "{g} check --format json"))
    content(p), fmt(p), config(p)

    for name in ("build", "pdf"):
        p = command(name, ("检查后生成网站（site/）", "check, then build the site (site/)")
                    if name == "build" else
                    ("生成网站，并给每篇已发布的指南生成 PDF", "build the site with a PDF of every guide"),
                    ("先检查；有错误就不生成。网站生成在 site/ 文件夹。",
                     "Checks first and refuses on errors; builds into site/.")
                    if name == "build" else
                    ("和 build --pdf 一样：生成网站，再为每篇已发布的指南生成 PDF。",
                     "The same as build --pdf."),
                    (f"例子：\n  {{g}} {name}\n  {{g}} {name} --strict",
                     f"Examples:\n  {{g}} {name}\n  {{g}} {name} --strict"))
        config(p)
        p.add_argument("-d", "--site-dir", default=None, metavar=t("文件夹", "DIR"),
                       help=t("生成到哪个文件夹（默认 site/）", "output folder (default: site/)"))
        p.add_argument("--strict", action="store_true",
                       help=t("有警告也不生成", "refuse on warnings too"))
        if name == "build":
            p.add_argument("--pdf", action="store_true",
                           help=t("同时生成 PDF，并在页面上放下载链接", "also write PDFs, linked from pages"))
        else:
            p.set_defaults(pdf=True)
        verbose(p)

    p = command("serve", ("边写边预览", "live preview"),
                ("在 http://127.0.0.1:8000/ 预览网站（包括草稿）。保存文件后页面自动刷新；\n"
                 "每页底部的检查面板列出这一页的问题。按 Ctrl+C 停止。",
                 "Preview the site (drafts included) at http://127.0.0.1:8000/. Pages reload "
                 "when a file is saved;\na panel on every page lists its problems. Ctrl+C stops."),
                ("例子：\n  {g} serve\n  {g} serve -a 127.0.0.1:8001",
                 "Examples:\n  {g} serve\n  {g} serve -a 127.0.0.1:8001"))
    config(p)
    p.add_argument("-a", "--dev-addr", default=None, metavar=t("地址:端口", "IP:PORT"),
                   help=t("预览地址（默认 127.0.0.1:8000）", "address (default 127.0.0.1:8000)"))
    verbose(p)

    p = command("new", ("新建一篇指南（草稿）", "start a guide from its kind's template"),
                ("按类型的模板新建 content/名字/zh.md：草稿，必需的章节都已写好。",
                 "Start content/SLUG/zh.md from the kind's template: a draft with every "
                 "required section."),
                ("例子：\n  {g} new resident-guide flood-guide\n  {g} new checklist shelter-checklist",
                 "Examples:\n  {g} new resident-guide flood-guide"))
    p.add_argument("kind", metavar=t("类型", "KIND"),
                   help=t("resident-guide 居民指南、volunteer-tips 志愿者提示单、checklist 清单、"
                          "ngo-manual 社会组织手册、page 普通页面",
                          "resident-guide, volunteer-tips, checklist, ngo-manual or page"))
    p.add_argument("slug", metavar=t("名字", "SLUG"),
                   help=t("文件夹名和编号：小写英文字母、数字、短横线，例如 flood-guide",
                          "folder name and id, e.g. flood-guide"))
    content(p), config(p)

    p = command("translate", ("开始翻译一篇指南", "start a translation"),
                ("复制普通话原文，建好译文文件（草稿），记下依据的版本号。",
                 "Copy the Mandarin source into a new translation file (a draft)."),
                ("例子：\n  {g} translate flood-guide --to en\n  {g} translate flood-guide --to wuu",
                 "Examples:\n  {g} translate flood-guide --to en"))
    p.add_argument("id", metavar=t("编号", "ID"), help=t("指南的 id", "the guide's id"))
    p.add_argument("--to", required=True, dest="to", choices=("wuu", "en"),
                   help=t("wuu 苏州话，en 英文", "wuu (Suzhou dialect) or en"))
    content(p), config(p)

    p = command("bump", ("记录一次修改（版本）", "record a major or minor change"),
                ("--major：读者看得到的修改，版本加 1，写进修改记录，译文标为过期。\n"
                 "--minor：改错别字，读者看到的版本和日期都不变。",
                 "--major: a change readers see (version + 1, noted, translations stale).\n"
                 "--minor: a typo; nothing readers see changes."),
                ("例子：\n  {g} bump flood-guide --major -m \"转移路线改了\"\n  {g} bump flood-guide --minor",
                 "Examples:\n  {g} bump flood-guide --major -m \"new route\""))
    p.add_argument("id", metavar=t("编号", "ID"), help=t("指南的 id", "the guide's id"))
    size = p.add_mutually_exclusive_group(required=True)
    size.add_argument("--major", action="store_true", help=t("重大修改：新版本", "new version"))
    size.add_argument("--minor", action="store_true", help=t("小修改：版本不变", "a typo"))
    p.add_argument("-m", "--message", default="", metavar=t("说明", "NOTE"),
                   help=t("修改说明（--major 时写给读者看）", "the change note (major changes)"))
    content(p), config(p)

    p = command("status", ("所有指南、所有语言的状态", "every guide × language"),
                ("版本、状态、日期、离复核还有几天、译文是否过期；需要处理的排在前面。",
                 "Version, status, dates, days to review, translations; what needs attention "
                 "first."), ("例子：\n  {g} status", "Example:\n  {g} status"))
    fmt(p), content(p), config(p)

    keep_help = t("保留最近几个发布包（默认 5；线上的和回退要用的总会保留）",
                  "how many releases to keep (default 5; the live one and the rollback "
                  "target always stay)")
    p = command("publish", ("发布：生成新的发布包并上线", "build a new release and make it live"),
                ("检查、生成网站，检查每个链接，然后一步切换 文件夹/current 到新的发布包。\n"
                 "出问题时线上网站不变。发布前要在 mkdocs.yml 里填好真实的 site_url。",
                 "Check, build, check every link, then switch DIR/current to the new release "
                 "in one step.\nOn any problem the live site stays as it was. site_url in "
                 "mkdocs.yml must be the real address."),
                ("例子：\n  {g} publish --to /srv/guides\n"
                 "  {g} publish --to s3://guides-site/zhinan --purge-file purge.json",
                 "Examples:\n  {g} publish --to /srv/guides\n"
                 "  {g} publish --to s3://guides-site/zhinan --purge-file purge.json"))
    target(p), config(p)
    p.add_argument("--strict", action="store_true", help=t("有警告也不发布", "refuse on warnings too"))
    p.add_argument("--pdf", action="store_true", help=t("同时生成 PDF", "with PDFs of every guide"))
    p.add_argument("--keep", type=_positive, default=5, metavar="N", help=keep_help)
    # s3: deletes after the release is whole, bounded; the CDN purge list
    p.add_argument("--max-deletes", type=_positive, default=200, metavar="N",
                   help=t("s3://：每次最多删除几个已不在网站里的文件（默认 200）",
                          "s3://: at most this many files that left the site are deleted "
                          "per publish (default 200)"))
    p.add_argument("--force", action="store_true",
                   help=t("s3://：不限数量，删除所有已不在网站里的文件",
                          "s3://: delete every file that left the site, however many"))
    p.add_argument("--purge-file", default=None, metavar=t("文件", "FILE"),
                   help=t("把内容变了的网页地址写进这个 JSON 文件（给 CDN 刷新用）",
                          "write the addresses of changed pages to this JSON file (for a "
                          "CDN purge)"))
    verbose(p)

    p = command("releases", ("列出发布包，哪个在线上", "list releases and which is live"),
                ("列出 文件夹/releases/ 里的发布包（最新的在上面），标出线上正在用的和回退会回到的。",
                 "List the releases in DIR/releases/ (newest first): which is live, which a "
                 "rollback goes to."), ("例子：\n  {g} releases --to /srv/guides",
                                        "Example:\n  {g} releases --to /srv/guides"))
    target(p)

    p = command("rollback", ("回退到上一个发布包（或切换到指定的）", "go back one release (or to any)"),
                ("不加 --release：回到线上这个之前的发布包。\n"
                 "加 --release 名字：切换到那个发布包，更早的、更新的都可以（撤销回退就用它）。",
                 "Without --release: back to the release before the live one.\n"
                 "With --release NAME: to that release, earlier or later (to undo a rollback)."),
                ("例子：\n  {g} rollback --to /srv/guides\n"
                 "  {g} rollback --to /srv/guides --release 20261201T080000.000000Z-1a2b3c4d5e",
                 "Examples:\n  {g} rollback --to /srv/guides\n"
                 "  {g} rollback --to /srv/guides --release NAME"))
    target(p)
    p.add_argument("--release", default=None, metavar=t("名字", "NAME"),
                   help=t("发布包的名字（guides releases 列出的）", "a release's name (as listed)"))
    p.add_argument("--purge-file", default=None, metavar=t("文件", "FILE"),
                   help=t("把内容变了的网页地址写进这个 JSON 文件（给 CDN 刷新用）",
                          "write the addresses of changed pages to this JSON file (for a "
                          "CDN purge)"))

    p = command("prune", ("删除旧的发布包", "delete old releases"),
                ("只保留最近的几个发布包；线上的和回退会回到的那个永远不删。",
                 "Keep only the newest releases; never the live one nor the rollback target."),
                ("例子：\n  {g} prune --to /srv/guides --keep 3",
                 "Example:\n  {g} prune --to /srv/guides --keep 3"))
    target(p)
    p.add_argument("--keep", type=_positive, default=5, metavar="N", help=keep_help)
    return parser


def parse(argv: Sequence[str]) -> tuple[argparse.ArgumentParser, argparse.Namespace]:
    lang = detect_lang(argv)
    with argparse_language(lang):
        parser = build_parser(lang)
        args = parser.parse_args(list(argv))
    return parser, args


def help_text(lang: str) -> str:
    with argparse_language(lang):
        return build_parser(lang).format_help()
