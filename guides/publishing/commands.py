"""The command line's side of `--to s3://...` (publish, releases, rollback, prune) and the
purge list both targets print. guides/cli.py calls these when `--to` is an S3 address."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from guides.publishing import manifest as m
from guides.publishing.local import PublishError

SHOWN = 20  # addresses printed; the JSON file has them all


def _t(args: argparse.Namespace, zh: str, en: str) -> str:
    return zh if args.lang == "zh" else en


def release_line(args: argparse.Namespace, name: str, when: str, entry) -> str:
    """One line of `guides releases`, the same for a folder and a bucket (`entry`: a
    release with `files`, `live`, `previous` and `in_line`)."""
    marks = []
    if entry.live:
        marks.append(_t(args, "← 线上正在用", "← live"))
    if entry.previous:
        marks.append(_t(args, "← 回退会回到这里", "← a rollback goes here"))
    if not entry.in_line:
        marks.append(_t(args, "（已被回退）", "(rolled back)"))
    files = _t(args, f"{entry.files} 个文件", f"{entry.files} files")
    return f"  {name}  {when}  {files}  {' '.join(marks)}".rstrip()


def print_purge(args: argparse.Namespace, purge: dict, changes: m.Changes) -> None:
    """Say what changed, list the pages a CDN must purge, and write them as JSON."""
    pages = purge["pages"]
    print(_t(args, f"改动：新增 {len(changes.added)} 个文件，修改 {len(changes.changed)} 个，"
                   f"删除 {len(changes.removed)} 个，{changes.unchanged} 个没变。",
             f"Changes: {len(changes.added)} files added, {len(changes.changed)} changed, "
             f"{len(changes.removed)} removed, {changes.unchanged} unchanged."))
    if pages:
        print(_t(args, f"内容变了的网页（{len(pages)} 个地址，CDN 要刷新这些）：",
                 f"Pages whose HTML changed ({len(pages)} addresses for the CDN to purge):"))
        for path in pages[:SHOWN]:
            print(f"  {path}")
        if len(pages) > SHOWN:
            print(_t(args, f"  ……还有 {len(pages) - SHOWN} 个", f"  ... and {len(pages) - SHOWN} more"))
    else:
        print(_t(args, "没有网页的内容变化。", "No page's HTML changed."))
    target = getattr(args, "purge_file", None)
    if target:
        Path(target).write_text(json.dumps(purge, ensure_ascii=False, indent=1) + "\n",
                                encoding="utf-8")
        print(_t(args, f"刷新列表已写入 {target}", f"Purge list written to {target}"))


def local_changes(before: Path | None, after: Path) -> tuple[m.Changes, dict]:
    """What a local publish changed against the release that was live before it."""
    from guides.publishing.local import MANIFEST

    def files(release: Path | None) -> dict[str, str]:
        try:
            return m.Manifest.from_json((release / MANIFEST).read_bytes()).files
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}

    new = files(after)
    changes = m.diff(files(before), new)
    return changes, m.purge_list(changes, new, after.name, str(after.parent.parent))


def _client(args: argparse.Namespace):
    from guides.publishing.s3store import make_client, parse_target

    target = parse_target(args.to)
    return target, make_client(getattr(args, "endpoint", None))


def _run(args: argparse.Namespace, work: Callable[[], int]) -> int:
    try:
        return work()
    except PublishError as exc:
        print(exc.render(args.lang), file=sys.stderr)
        return 1
    except ImportError:
        print(_t(args, "缺少 boto3：运行 python3 scripts/dev.py guides …（会自动安装），或 pip install -e .",
                 "boto3 is missing: run python3 scripts/dev.py guides ... (it installs it), or "
                 "pip install -e ."), file=sys.stderr)
        return 1


def publish(args: argparse.Namespace, build_into: Callable[[Path], None], g) -> int:
    from guides.publishing import s3

    def work() -> int:
        target, client = _client(args)
        started = time.monotonic()
        limit = None if args.force else args.max_deletes
        result = s3.publish(target, build_into, client, keep=args.keep, max_deletes=limit)
        seconds = time.monotonic() - started
        print(_t(args, f"已发布到 {target}：发布包 {result.name} 已上线（上传 {result.uploaded} 个文件内容，"
                       f"放好 {result.copied} 个文件，删除 {len(result.deleted)} 个，用时 {seconds:.1f} 秒）。",
                 f"Published to {target}: release {result.name} is live ({result.uploaded} "
                 f"bodies uploaded, {result.copied} files put in place, "
                 f"{len(result.deleted)} deleted, {seconds:.1f} s)."))
        print_purge(args, result.purge, result.changes)
        if result.left:
            print(_t(args, f"还有 {result.left} 个已不在网站里的文件没删（每次最多删 {args.max_deletes} 个）。"
                           f"确认没问题后：{g(f'publish --to {args.to} --force')}",
                     f"{result.left} files that left the site were kept (at most "
                     f"{args.max_deletes} are deleted per publish). When sure: "
                     f"{g(f'publish --to {args.to} --force')}"))
        print(_t(args, f"出问题可以回退：{g(f'rollback --to {args.to}')}；查看全部发布包："
                       f"{g(f'releases --to {args.to}')}",
                 f"To go back: {g(f'rollback --to {args.to}')}; all releases: "
                 f"{g(f'releases --to {args.to}')}"))
        return 0
    return _run(args, work)


def rollback(args: argparse.Namespace, g) -> int:
    from guides.publishing import s3

    def work() -> int:
        target, client = _client(args)
        before = s3.listing(target, client)[1]["live"]
        result = s3.rollback(target, client, args.release)
        back = (f"\n{_t(args, '要回到刚才那个：', 'To return to the one before: ')}"
                f"{g(f'rollback --to {args.to} --release {before}')}") if before else ""
        print(_t(args, f"已切换：{target} 线上现在是发布包 {result.name}（放好 {result.copied} 个文件，"
                       f"删除 {len(result.deleted)} 个）。",
                 f"Switched: release {result.name} is live at {target} ({result.copied} files "
                 f"put in place, {len(result.deleted)} deleted).") + back)
        print_purge(args, result.purge, result.changes)
        return 0
    return _run(args, work)


def releases(args: argparse.Namespace, g) -> int:
    from guides.publishing import s3
    from guides.publishing.local import release_time

    def work() -> int:
        target, client = _client(args)
        entries, state = s3.listing(target, client)
        if not entries:
            print(_t(args, f"{target} 里还没有发布包。发布：{g(f'publish --to {args.to}')}",
                     f"No releases in {target} yet. Publish: {g(f'publish --to {args.to}')}"))
            return 0
        print(_t(args, f"{target} 的发布包（最新的在最上面）：", f"Releases in {target} (newest first):"))
        for e in entries:
            print(release_line(args, e.name, release_time(Path(e.name)), e))
        if state["pending"]:
            print(_t(args, f"有一次发布或回退（{state['pending']}）没有做完：线上每个网页仍然完整，"
                           f"下一次发布或回退会补齐。",
                     f"A publish or rollback ({state['pending']}) did not finish: every live "
                     f"page is whole, and the next publish or rollback completes it."))
        print(_t(args, f"回退到上一个：{g(f'rollback --to {args.to}')}\n"
                       f"切换到任意一个：{g(f'rollback --to {args.to} --release 名字')}",
                 f"Back one: {g(f'rollback --to {args.to}')}\n"
                 f"To any: {g(f'rollback --to {args.to} --release NAME')}"))
        return 0
    return _run(args, work)
