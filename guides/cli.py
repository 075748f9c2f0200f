"""`guides`: check the content, build the site, preview it.

    guides check [--lang en] [--format json]
    guides build            checks first; refuses to build when there are errors
    guides pdf              the same, plus a PDF of every published guide
    guides serve            live preview that rebuilds on every change
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
from pathlib import Path

from guides.checks import check_directory
from guides.findings import Report

DEFAULT_CONFIG = "mkdocs.yml"


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="guides", description="守望指南 Shouwang Guides")
    sub = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=("zh", "en"), default="zh",
                        help="language of the messages (default: zh)")
    common.add_argument("--today", type=_date, help=argparse.SUPPRESS)

    check = sub.add_parser("check", parents=[common], help="check all content")
    check.add_argument("--content", default=None,
                       help="content folder (default: docs_dir of mkdocs.yml, else content/)")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("-f", "--config-file", default=DEFAULT_CONFIG)

    build = sub.add_parser("build", parents=[common], help="check, then build the site")
    build.add_argument("-f", "--config-file", default=DEFAULT_CONFIG)
    build.add_argument("-d", "--site-dir", default=None, help="output folder (default: site/)")
    build.add_argument("--strict", action="store_true", help="fail on warnings too")
    build.add_argument("--pdf", action="store_true",
                       help="also write a PDF of every published guide, linked from its page")

    pdf = sub.add_parser("pdf", parents=[common],
                         help="build the site with a PDF of every published guide")
    pdf.add_argument("-f", "--config-file", default=DEFAULT_CONFIG)
    pdf.add_argument("-d", "--site-dir", default=None, help="output folder (default: site/)")
    pdf.add_argument("--strict", action="store_true", help="fail on warnings too")
    pdf.set_defaults(pdf=True)

    new = sub.add_parser("new", parents=[common], help="start a guide from its kind's template")
    new.add_argument("kind", help="resident-guide, volunteer-tips, checklist, ngo-manual, page")
    new.add_argument("slug", help="folder name and id, e.g. flood-guide")
    new.add_argument("--content", default=None)
    new.add_argument("-f", "--config-file", default=DEFAULT_CONFIG)

    translate = sub.add_parser("translate", parents=[common], help="start a translation")
    translate.add_argument("id")
    translate.add_argument("--to", required=True, dest="to", help="wuu or en")
    translate.add_argument("--content", default=None)
    translate.add_argument("-f", "--config-file", default=DEFAULT_CONFIG)

    bump = sub.add_parser("bump", parents=[common], help="record a major or minor change")
    bump.add_argument("id")
    size = bump.add_mutually_exclusive_group(required=True)
    size.add_argument("--major", action="store_true", help="readers see it: new version")
    size.add_argument("--minor", action="store_true", help="a typo: nothing readers see")
    bump.add_argument("-m", "--message", default="", help="the change note (major changes)")
    bump.add_argument("--content", default=None)
    bump.add_argument("-f", "--config-file", default=DEFAULT_CONFIG)

    status = sub.add_parser("status", parents=[common], help="every guide × language")
    status.add_argument("--format", choices=("text", "json"), default="text")
    status.add_argument("--content", default=None)
    status.add_argument("-f", "--config-file", default=DEFAULT_CONFIG)

    publish = sub.add_parser("publish", parents=[common],
                             help="build a new release and switch DIR/current to it")
    publish.add_argument("--to", required=True, dest="to", help="the folder the server serves")
    publish.add_argument("-f", "--config-file", default=DEFAULT_CONFIG)
    publish.add_argument("--strict", action="store_true")
    publish.add_argument("--pdf", action="store_true", help="with PDFs of every guide")

    rollback = sub.add_parser("rollback", parents=[common], help="switch back one release")
    rollback.add_argument("--to", required=True, dest="to")

    serve = sub.add_parser("serve", parents=[common], help="live preview")
    serve.add_argument("-f", "--config-file", default=DEFAULT_CONFIG)
    serve.add_argument("-a", "--dev-addr", default=None, help="IP:PORT (default 127.0.0.1:8000)")
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    args = _parser().parse_args(argv)
    args.pdf = getattr(args, "pdf", False)
    try:
        commands = {"check": cmd_check, "build": cmd_build, "pdf": cmd_build, "serve": cmd_serve,
                    "new": cmd_new, "translate": cmd_translate, "bump": cmd_bump,
                    "status": cmd_status, "publish": cmd_publish, "rollback": cmd_rollback}
        return commands[args.command](args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback for editors; say what happened instead
        print(_internal_error(exc, args.lang), file=sys.stderr)
        return 2


def _internal_error(exc: Exception, lang: str) -> str:
    what = f"{type(exc).__name__}: {exc}"
    if lang == "en":
        return f"guides: internal error ({what}). Please report this with the files you changed."
    return f"guides：内部错误（{what}）。请把这条信息和你改过的文件一起反馈给技术人员。"


def _content_dir(args: argparse.Namespace) -> Path:
    if getattr(args, "content", None):
        return Path(args.content)
    config = Path(args.config_file)
    if config.is_file():
        import yaml

        try:
            text = config.read_text(encoding="utf-8")
            docs_dir = yaml.load(text, Loader=_LenientLoader).get("docs_dir", "docs")
            return config.parent / docs_dir
        except (yaml.YAMLError, OSError, AttributeError, UnicodeDecodeError):
            pass
    return Path("content")


def _run_check(args: argparse.Namespace) -> Report:
    content = _content_dir(args)
    return check_directory(content, base=Path.cwd(), today=args.today)


def cmd_check(args: argparse.Namespace) -> int:
    report = _run_check(args)
    if args.format == "json":
        print(report.format_json(args.lang))
    else:
        print(report.format_text(args.lang))
    return 1 if report.has_errors else 0


def cmd_build(args: argparse.Namespace) -> int:
    report = _run_check(args)
    print(report.format_text(args.lang))
    if report.has_errors:
        print("没有构建：请先改正上面的错误。" if args.lang == "zh"
              else "Not built: fix the errors above first.", file=sys.stderr)
        return 1
    if args.strict and report.count("warning"):
        print("没有构建：--strict 模式下警告也要改正。" if args.lang == "zh"
              else "Not built: --strict treats warnings as errors.", file=sys.stderr)
        return 1
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    _setup_logging()
    overrides = {"site_dir": args.site_dir} if args.site_dir else {}
    try:
        config = load_config(config_file=args.config_file, strict=args.strict, **overrides)
        plugin = config.plugins.get("shouwang")
        if plugin is not None:
            plugin.report = report  # already checked and printed
            plugin.pdf = args.pdf
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as exc:
        print(f"{'构建失败' if args.lang == 'zh' else 'Build failed'}: {exc}", file=sys.stderr)
        return 1
    site_dir = Path(config.site_dir)
    print(f"网站已生成：{site_dir}/。预览：guides serve" if args.lang == "zh"
          else f"Site built in {site_dir}/. Preview it with: guides serve")
    return _write_pdfs(site_dir, args.lang) if args.pdf else 0


def _write_pdfs(site_dir: Path, lang: str) -> int:
    from guides.pdf import MAX_BYTES, write_pdfs

    try:
        written = write_pdfs(site_dir)
    except (ImportError, RuntimeError) as exc:
        print(("没有生成 PDF：" if lang == "zh" else "No PDFs written: ") + str(exc),
              file=sys.stderr)
        return 1
    too_big = [w for w in written if w.size > MAX_BYTES]
    for w in written:
        print(f"PDF: {w.path.relative_to(site_dir)} ({w.size // 1024} KB)")
    for w in too_big:
        print((f"PDF 太大（超过 1 MB）：{w.path}" if lang == "zh"
               else f"PDF over 1 MB: {w.path}"), file=sys.stderr)
    return 1 if too_big else 0


def _today(args: argparse.Namespace) -> dt.date:
    return args.today or dt.date.today()


def _edit(args: argparse.Namespace, action) -> int:
    from guides.editing import EditError

    try:
        message = action()
    except EditError as exc:
        print(f"{'没有改动' if args.lang == 'zh' else 'Nothing changed'}: {exc}", file=sys.stderr)
        return 1
    print(message)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from guides.editing import new_guide

    def action() -> str:
        path = new_guide(_content_dir(args), args.kind, args.slug, _today(args))
        return (f"已创建 {path}（草稿）。写好后把 status 改成 published，再运行 guides check。"
                if args.lang == "zh" else
                f"Created {path} (a draft). When it is ready set status: published and run "
                "guides check.")
    return _edit(args, action)


def cmd_translate(args: argparse.Namespace) -> int:
    from guides.editing import translate

    def action() -> str:
        path = translate(_content_dir(args), args.id, args.to)
        return (f"已创建 {path}：内容是原文，请逐段翻译，译完把 status 改成 published。"
                if args.lang == "zh" else
                f"Created {path} with the source text: translate it, then set "
                "status: published.")
    return _edit(args, action)


def cmd_bump(args: argparse.Namespace) -> int:
    from guides.editing import bump

    def action() -> str:
        path, version = bump(_content_dir(args), args.id, args.major, args.message,
                             _today(args))
        if not args.major:
            return (f"小修改：读者看到的版本和日期都不变（仍是第 {version} 版）。" if args.lang == "zh"
                    else f"Minor change: version and dates stay as they are (version {version}).")
        return (f"{path}：第 {version} 版，修改记录已更新；它的译文现在标为过期。"
                if args.lang == "zh" else
                f"{path}: version {version}, change recorded; its translations are now stale.")
    return _edit(args, action)


def cmd_status(args: argparse.Namespace) -> int:
    from guides import status
    from guides.reader import read_content

    table = status.rows(read_content(_content_dir(args), base=Path.cwd()), _today(args))
    print(status.format_json(table) if args.format == "json"
          else status.format_table(table, args.lang))
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from guides.publish import PublishError, publish

    def build_into(folder: Path) -> None:
        args.site_dir = str(folder)
        if cmd_build(args) != 0:
            raise PublishError("构建失败 (the build failed)")

    try:
        release = publish(Path(args.to), build_into)
    except PublishError as exc:
        print(f"{'没有发布' if args.lang == 'zh' else 'Not published'}:\n{exc}", file=sys.stderr)
        return 1
    print(f"已发布：{release}" if args.lang == "zh" else f"Published: {release}")
    return 0


def cmd_rollback(args: argparse.Namespace) -> int:
    from guides.publish import PublishError, rollback

    try:
        release = rollback(Path(args.to))
    except PublishError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"已回退到：{release}" if args.lang == "zh" else f"Rolled back to: {release}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands import serve as mkdocs_serve
    from mkdocs.exceptions import MkDocsException

    from guides.preview import CompressingServer

    mkdocs_serve.LiveReloadServer = CompressingServer  # gzip, as the published site
    serve = mkdocs_serve.serve

    _setup_logging()
    kwargs = {"dev_addr": args.dev_addr} if args.dev_addr else {}
    try:
        serve(config_file=args.config_file, livereload=True, **kwargs)
    except MkDocsException as exc:
        print(f"{'预览失败' if args.lang == 'zh' else 'Preview failed'}: {exc}", file=sys.stderr)
        return 1
    return 0


def _setup_logging() -> None:
    # Material prints a banner about its future on every build; editors need none of it.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s - %(message)s"))
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)


class _LenientLoader:
    """A YAML loader that ignores the !!python/name tags some mkdocs.yml files carry."""

    def __new__(cls, stream):
        import yaml

        loader = yaml.SafeLoader(stream)
        loader.add_multi_constructor("", lambda _loader, _suffix, _node: None)
        return loader
