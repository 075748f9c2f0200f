"""`guides`: check the content, preview it, build and publish the site.

Options and help are in guides/cliparser.py (Chinese by default, `--lang en` anywhere on
the line); build output in guides/buildlog.py. Every command ends by saying what it made
(paths that exist) and what to run next, with the command as the editor types it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import os
import sys
import time
from collections import Counter
from pathlib import Path

from guides.checks import check_directory
from guides.cliparser import help_text, launcher, parse
from guides.findings import Report


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    _, args = parse(sys.argv[1:] if argv is None else argv)
    if args.command is None:  # `guides` alone: what it can do, in the editor's language
        print(help_text(args.lang))
        return 2
    args.pdf = getattr(args, "pdf", False)
    try:
        commands = {"check": cmd_check, "build": cmd_build, "pdf": cmd_build, "serve": cmd_serve,
                    "new": cmd_new, "translate": cmd_translate, "bump": cmd_bump,
                    "status": cmd_status, "publish": cmd_publish, "releases": cmd_releases,
                    "rollback": cmd_rollback, "prune": cmd_prune, "share": cmd_share}
        return commands[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `guides status | head`: the reader has gone, nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # never a traceback for editors; say what happened instead
        print(_internal_error(exc, args.lang), file=sys.stderr)
        return 2


def _internal_error(exc: Exception, lang: str) -> str:
    what = f"{type(exc).__name__}: {exc}"
    if lang == "en":
        return f"guides: internal error ({what}). Please report this with the files you changed."
    return f"guides：内部错误（{what}）。请把这条信息和你改过的文件一起反馈给技术人员。"


def _t(args: argparse.Namespace, zh: str, en: str) -> str:
    return zh if args.lang == "zh" else en


def _g(rest: str) -> str:
    """A command as the editor types it (`guides check`, or through scripts/dev.py)."""
    return f"{launcher()} {rest}"


def _shown(path: Path) -> str:
    """A path as short as it can be and still be found from where the command ran."""
    try:
        return os.path.relpath(path) if Path(path).resolve().is_relative_to(Path.cwd()) \
            else str(Path(path).resolve())
    except (OSError, ValueError):
        return str(path)


def _content_dir(args: argparse.Namespace) -> Path:
    if getattr(args, "content", None):
        return Path(args.content)
    config = _config(args)
    if config is None:
        return Path("content")
    return Path(args.config_file).parent / str(config.get("docs_dir") or "docs")


def _config(args: argparse.Namespace) -> dict | None:
    """mkdocs.yml as data, or None when there is none (or it cannot be read)."""
    config = Path(getattr(args, "config_file", "mkdocs.yml"))
    if not config.is_file():
        return None
    import yaml

    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_LenientLoader)
    except (yaml.YAMLError, OSError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None


def _run_check(args: argparse.Namespace) -> Report:
    return check_directory(_content_dir(args), base=Path.cwd(), today=args.today)


def cmd_check(args: argparse.Namespace) -> int:
    report = _run_check(args)
    if args.format == "json":
        print(report.format_json(args.lang))
        return 1 if report.has_errors else 0
    print(report.format_text(args.lang))
    if not sys.stdout.isatty():  # the report's last line stays its summary for tools
        pass
    elif report.has_errors:
        print(_t(args, f"改好后再运行：{_g('check')}", f"Fix them, then run: {_g('check')}"))
    else:
        print(_t(args, f"下一步：{_g('serve')} 预览，或 {_g('publish --to 文件夹')} 发布",
                 f"Next: {_g('serve')} to preview, or {_g('publish --to DIR')} to publish"))
    return 1 if report.has_errors else 0


def cmd_build(args: argparse.Namespace, publishing: bool = False) -> int:
    report = _run_check(args)
    print(report.format_text(args.lang))
    if report.has_errors:
        print(_t(args, f"没有生成网站：请先改正上面的错误，再运行 {_g('check')}。",
                 f"Not built: fix the errors above first, then run {_g('check')}."),
              file=sys.stderr)
        return 1
    if args.strict and report.count("warning"):
        print(_t(args, "没有生成网站：--strict 模式下警告也要改正。",
                 "Not built: --strict treats warnings as errors."), file=sys.stderr)
        return 1
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from guides.buildlog import Progress, quiet_logging

    quiet_logging(args.lang, getattr(args, "verbose", False))
    overrides = {"site_dir": args.site_dir} if args.site_dir else {}
    started = time.monotonic()
    try:
        config = load_config(config_file=args.config_file, strict=args.strict, **overrides)
        plugin = config.plugins.get("shouwang")
        if plugin is not None:
            plugin.report = report  # already checked and printed
            plugin.pdf = args.pdf
            plugin.share = bool(getattr(args, "share", False))  # w-text (issue 14)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            with Progress(sys.stderr, args.lang, plugin):
                build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as exc:
        print(_t(args, f"没有生成网站：{exc}", f"Build failed: {exc}"), file=sys.stderr)
        return 1
    site_dir = Path(config.site_dir)
    if not publishing and getattr(args, "command", "") != "share":
        pages = sum(1 for _ in site_dir.rglob("index.html"))
        seconds = round(time.monotonic() - started)
        print(_t(args, f"网站已生成：{_shown(site_dir)}{os.sep}（{pages} 个网页，用时 {seconds} 秒）。"
                       f"预览：{_g('serve')}；发布：{_g('publish --to 文件夹')}",
                 f"Site built in {_shown(site_dir)}{os.sep} ({pages} pages, {seconds} s). "
                 f"Preview: {_g('serve')}; publish: {_g('publish --to DIR')}"))
    code = _write_pdfs(site_dir, args.lang) if args.pdf else 0
    if code == 0 and getattr(args, "share", False):
        code = _write_share(args, site_dir, report, publishing)
    return code


def _write_pdfs(site_dir: Path, lang: str) -> int:
    from guides.outputs.pdf import MAX_BYTES, write_pdfs

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


# -- w-text (issue 14): `guides share` and `guides build --share` ------------------------------

def _site_dir(args: argparse.Namespace) -> Path:
    config = _config(args) or {}
    return Path(args.config_file).parent / (args.site_dir or str(config.get("site_dir") or "site"))


def _site_is_current(args: argparse.Namespace, site_dir: Path) -> bool:
    """The site was built for sharing (its worker lists share.json files) after every
    change to content/, mkdocs.yml and the theme overrides."""
    worker = site_dir / "sw.js"
    try:
        if "share/share.json" not in worker.read_text(encoding="utf-8"):
            return False
        built = worker.stat().st_mtime
    except (OSError, UnicodeDecodeError):
        return False
    config = Path(args.config_file)
    sources = [config, _content_dir(args), config.parent / "overrides"]
    for source in sources:
        paths = [source] if source.is_file() else source.rglob("*") if source.is_dir() else []
        for path in paths:
            try:
                if path.stat().st_mtime > built:
                    return False
            except OSError:
                return False
    return True


def cmd_share(args: argparse.Namespace) -> int:
    args.share, args.pdf = True, False
    site_dir = _site_dir(args)
    if args.rebuild or not _site_is_current(args, site_dir):
        print(_t(args, "先检查并生成网站……", "Checking and building the site first..."), flush=True)
        return cmd_build(args)
    report = _run_check(args)  # the site is current; the checks still speak first
    if report.has_errors or (args.strict and report.count("warning")):
        print(report.format_text(args.lang))
        print(_t(args, f"没有生成分享材料：请先改正上面的问题，再运行 {_g('share')}。",
                 f"No share outputs written: fix the problems above, then run {_g('share')}."),
              file=sys.stderr)
        return 1
    print(_t(args, f"网站是最新的（{_shown(site_dir)}），直接生成分享材料。",
             f"The site is current ({_shown(site_dir)}): writing the share outputs."))
    return _write_share(args, site_dir, report, False)


def _write_share(args: argparse.Namespace, site_dir: Path, report: Report,
                 publishing: bool) -> int:
    from guides.findings import Finding
    from guides.outputs.share.outputs import write_share

    content = getattr(report, "content", None)
    documents = {(doc.folder, doc.language): doc
                 for doc in (content.documents() if content is not None else [])}
    names = {"text": _t(args, "文章和群发文字", "article and broadcast text"),
             "image": _t(args, "长图", "long image"), "poster": _t(args, "海报", "poster")}

    def progress(kind: str, index: int, total: int, path: str) -> None:
        what = names.get(kind, kind)
        if total:
            print(f"  [{index}/{total}] /{path}  {what}", flush=True)
        else:  # a file one of the image writers has just made
            print(f"  {what}：/{path}" if args.lang == "zh" else f"  {what}: /{path}", flush=True)

    print(_t(args, "正在生成分享材料……", "Writing the share outputs..."), flush=True)
    result = write_share(site_dir, documents, progress, args.lang)
    for name, why in sorted(result.skipped.items()):
        what = {"write_images": _t(args, "长图", "long images"),
                "write_posters": _t(args, "海报", "posters")}.get(name, name)
        if why == "not installed":
            why = _t(args, "这一步的程序还没有装上", "the module that makes them is not installed")
        print(_t(args, f"没有生成{what}：{why}", f"No {what}: {why}"), file=sys.stderr)
    for problem in result.problems:
        finding = Finding(problem.path, problem.line, "error", problem.code, problem.args)
        print(finding.format(args.lang), file=sys.stderr)
    counts = Counter("long-N.png" if path.name.startswith("long-") else path.name
                     for path in result.written)
    failed = 1 if result.problems or result.failed else 0
    if publishing:
        return failed
    if not result.pages:
        print(_t(args, f"没有要分享的网页：{_shown(site_dir)} 里没有已发布的指南。",
                 f"Nothing to share: {_shown(site_dir)} has no published guide."))
        return failed
    first = result.pages[0].share_dir(site_dir)
    made = ", ".join(f"{name} ×{count}" for name, count in sorted(counts.items()))
    print(_t(args, f"分享材料已生成：{len(result.pages)} 个网页，每页在 网页文件夹{os.sep}share{os.sep} 里"
                   f"（{made}）。例如 {_shown(first)}{os.sep}",
             f"Share outputs written for {len(result.pages)} pages, each in PAGE{os.sep}share"
             f"{os.sep} ({made}); e.g. {_shown(first)}{os.sep}"))
    print(_t(args, f"下一步：用浏览器打开 {_shown(first / 'article.html')}，全选、复制，粘贴到公众号编辑器；"
                   f"上线：{_g('publish --to 文件夹 --share')}",
             f"Next: open {_shown(first / 'article.html')} in a browser, select all, copy and "
             f"paste into the official-account editor; to publish: "
             f"{_g('publish --to DIR --share')}"))
    return failed


def _today(args: argparse.Namespace) -> dt.date:
    return args.today or dt.date.today()


def _edit(args: argparse.Namespace, action) -> int:
    from guides.editor.editing import EditError

    try:
        message = action()
    except EditError as exc:
        print(_t(args, f"没有改动：{exc.render('zh')}", f"Nothing changed: {exc.render('en')}"),
              file=sys.stderr)
        return 1
    print(message)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from guides.editor.editing import new_guide

    def action() -> str:
        path = _shown(new_guide(_content_dir(args), args.kind, args.slug, _today(args)))
        return _t(args, f"已创建 {path}（草稿）。\n下一步：用文本编辑器打开 {path}，把“在这里写……”换成内容；"
                        f"然后运行 {_g('check')}，用 {_g('serve')} 预览。"
                        f"写好后把 status 改成 published。",
                  f"Created {path} (a draft).\nNext: open {path} in a text editor and replace "
                  f"the placeholder text; then run {_g('check')} and preview with "
                  f"{_g('serve')}. When it is ready, set status: published.")
    return _edit(args, action)


def cmd_translate(args: argparse.Namespace) -> int:
    from guides.editor.editing import translate

    def action() -> str:
        path = _shown(translate(_content_dir(args), args.id, args.to))
        return _t(args, f"已创建 {path}：现在的内容是原文。\n下一步：逐段翻译 {path}，"
                        f"译完把 status 改成 published，再运行 {_g('check')}。",
                  f"Created {path} with the source text.\nNext: translate {path}, set "
                  f"status: published, then run {_g('check')}.")
    return _edit(args, action)


def cmd_bump(args: argparse.Namespace) -> int:
    from guides.editor.editing import bump

    def action() -> str:
        path, version = bump(_content_dir(args), args.id, args.major, args.message,
                             _today(args))
        path = _shown(path)
        if not args.major:
            return _t(args, f"小修改：{path} 的版本和日期都不变（仍是第 {version} 版）。"
                            f"下一步：{_g('check')}",
                      f"Minor change: {path} keeps its version and dates (version {version}). "
                      f"Next: {_g('check')}")
        return _t(args, f"{path}：现在是第 {version} 版，修改记录已更新；它的译文现在标为过期。\n"
                        f"下一步：{_g('status')} 查看要更新的译文；{_g('check')} 后再发布。",
                  f"{path}: version {version}, change recorded; its translations are now "
                  f"stale.\nNext: {_g('status')} lists them; {_g('check')}, then publish.")
    return _edit(args, action)


def cmd_status(args: argparse.Namespace) -> int:
    from guides.editor import status
    from guides.reader import read_content

    table = status.rows(read_content(_content_dir(args), base=Path.cwd()), _today(args))
    print(status.format_json(table) if args.format == "json"
          else status.format_table(table, args.lang))
    return 0


def _site_url_problem(args: argparse.Namespace) -> str | None:
    """The message when site_url is still an example address (publishing only)."""
    from guides.messages import render
    from guides.publishing.local import is_example_url

    url = (_config(args) or {}).get("site_url")
    if not isinstance(url, str) or not url.strip() or not is_example_url(url):
        return None  # none at all: the build itself says it is required
    config = Path(args.config_file)
    line = 1
    try:
        for number, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1):
            if text.startswith("site_url:"):
                line = number
                break
    except (OSError, UnicodeDecodeError):
        pass
    message, hint = render("publish.example-url", args.lang,
                           {"url": url, "config": _shown(config), "line": line})
    return (f"{_shown(config)}:{line}: error: {message}\n    "
            f"{_t(args, '提示：', 'hint: ')}{hint}")


def _windows(args: argparse.Namespace) -> bool:
    """Publishing switches a symlink atomically and locks with flock: POSIX servers only."""
    if os.name != "nt":
        return False
    from guides.messages import render

    message, hint = render("publish.windows", args.lang, {})
    print(f"{message}\n    {_t(args, '提示：', 'hint: ')}{hint}", file=sys.stderr)
    return True


def _s3(args: argparse.Namespace) -> bool:
    from guides.publishing.s3store import is_s3

    return is_s3(args.to)


def cmd_publish(args: argparse.Namespace) -> int:
    if not _s3(args) and _windows(args):
        return 1
    from guides.publishing import commands
    from guides.publishing.local import PublishError, check_current, current, publish

    problem = _site_url_problem(args)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    args.site_dir = None

    def build_into(folder: Path) -> None:
        args.site_dir = str(folder)
        if cmd_build(args, publishing=True) != 0:
            raise PublishError("publish.build-failed")

    if _s3(args):
        return commands.publish(args, build_into, _g)
    target = Path(args.to)
    try:
        check_current(target)  # before a build of a minute, not after it
        before = current(target)
        release = publish(target, build_into, keep=args.keep)
    except PublishError as exc:
        print(exc.render(args.lang), file=sys.stderr)
        return 1
    commands.print_purge(args, *reversed(commands.local_changes(before, release)))
    live = _shown(target / "current")
    print(_t(args, f"已发布：发布包 {release.name} 已上线（{live} → releases/{release.name}）。\n"
                   f"出问题可以回退：{_g(f'rollback --to {args.to}')}；查看全部发布包："
                   f"{_g(f'releases --to {args.to}')}",
             f"Published: release {release.name} is live ({live} → releases/{release.name}).\n"
             f"To go back: {_g(f'rollback --to {args.to}')}; all releases: "
             f"{_g(f'releases --to {args.to}')}"))
    return 0


def cmd_releases(args: argparse.Namespace) -> int:
    if _s3(args):
        from guides.publishing import commands

        return commands.releases(args, _g)
    from guides.publishing.local import PublishError, check_current, listing, release_time

    target = Path(args.to)
    try:
        check_current(target)
    except PublishError as exc:
        print(exc.render(args.lang), file=sys.stderr)
        return 1
    entries = listing(target)
    if not entries:
        print(_t(args, f"{_shown(target)} 里还没有发布包。发布：{_g(f'publish --to {args.to}')}",
                 f"No releases in {_shown(target)} yet. Publish: "
                 f"{_g(f'publish --to {args.to}')}"))
        return 0
    print(_t(args, f"{_shown(target / 'releases')} 里的发布包（最新的在最上面）：",
             f"Releases in {_shown(target / 'releases')} (newest first):"))
    from guides.publishing.commands import release_line

    for e in entries:
        print(release_line(args, e.path.name, release_time(e.path), e))
    if not any(e.live for e in entries):
        print(_t(args, "现在没有发布包在线上（current 不存在或指向已删除的发布包）。",
                 "No release is live (current is missing or points to a deleted release)."))
    print(_t(args, f"回退到上一个：{_g(f'rollback --to {args.to}')}\n"
                   f"切换到任意一个：{_g(f'rollback --to {args.to} --release 名字')}",
             f"Back one: {_g(f'rollback --to {args.to}')}\n"
             f"To any: {_g(f'rollback --to {args.to} --release NAME')}"))
    return 0


def cmd_rollback(args: argparse.Namespace) -> int:
    if _s3(args):
        from guides.publishing import commands

        return commands.rollback(args, _g)
    if _windows(args):
        return 1
    from guides.publishing.local import PublishError, current, rollback

    target = Path(args.to)
    try:
        before = current(target)
        release = rollback(target, args.release)
    except PublishError as exc:
        print(exc.render(args.lang), file=sys.stderr)
        return 1
    back = (f"\n{_t(args, '要回到刚才那个：', 'To return to the one before: ')}"
            f"{_g(f'rollback --to {args.to} --release {before.name}')}") if before else ""
    print(_t(args, f"已切换：线上现在是发布包 {release.name}。", f"Switched: release "
             f"{release.name} is live.") + back)
    return 0


def cmd_prune(args: argparse.Namespace) -> int:
    if _s3(args):  # each publish to a bucket prunes to --keep as it ends
        print(_t(args, f"对象存储上每次发布结束时会自动删掉旧发布包，只留最近的几个：{_g(f'publish --to {args.to} --keep {args.keep}')}",
                 f"A bucket is pruned at the end of each publish: "
                 f"{_g(f'publish --to {args.to} --keep {args.keep}')}"))
        return 0
    if _windows(args):
        return 1
    from guides.publishing.local import PublishError, prune

    try:
        removed = prune(Path(args.to), args.keep)
    except PublishError as exc:
        print(exc.render(args.lang), file=sys.stderr)
        return 1
    for path in removed:
        print(_t(args, f"已删除发布包 {path.name}", f"Deleted release {path.name}"))
    print(_t(args, f"删除了 {len(removed)} 个旧发布包。剩下的：{_g(f'releases --to {args.to}')}",
             f"Deleted {len(removed)} old releases. What is left: "
             f"{_g(f'releases --to {args.to}')}"))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands import serve as mkdocs_serve
    from mkdocs.exceptions import MkDocsException

    from guides.buildlog import quiet_logging
    from guides.publishing.preview import CompressingServer

    mkdocs_serve.LiveReloadServer = CompressingServer  # gzip, as the published site
    os.environ["GUIDES_LANG"] = args.lang  # the preview panel speaks the editor's language
    quiet_logging(args.lang, args.verbose)
    address = args.dev_addr or "127.0.0.1:8000"
    print(_t(args, f"正在生成预览……完成后打开 http://{address}/ （保存文件后页面会自动刷新；按 Ctrl+C 停止）",
             f"Building the preview... then open http://{address}/ (pages reload when you "
             f"save; Ctrl+C stops)"), flush=True)
    kwargs = {"dev_addr": args.dev_addr} if args.dev_addr else {}
    try:
        mkdocs_serve.serve(config_file=args.config_file, livereload=True, **kwargs)
    except MkDocsException as exc:
        print(_t(args, f"预览失败：{exc}", f"Preview failed: {exc}"), file=sys.stderr)
        return 1
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        host, _, port = address.rpartition(":")
        other = f"{host}:{int(port) + 1}" if port.isdigit() else "127.0.0.1:8001"
        print(_t(args, f"预览没有启动：{address} 已被占用（可能另一个预览还开着）。关掉它，"
                       f"或者换一个端口：{_g(f'serve -a {other}')}",
                 f"The preview did not start: {address} is in use (another preview may "
                 f"still be running). Stop it, or use another port: {_g(f'serve -a {other}')}"),
              file=sys.stderr)
        return 1
    return 0


class _LenientLoader:
    """A YAML loader that ignores the !!python/name tags some mkdocs.yml files carry."""

    def __new__(cls, stream):
        import yaml

        loader = yaml.SafeLoader(stream)
        loader.add_multi_constructor("", lambda _loader, _suffix, _node: None)
        return loader
