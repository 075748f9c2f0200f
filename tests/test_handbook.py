"""The handbook's commands work as printed, on a fresh copy of the repository.

Every ```sh block of HANDBOOK.md is run line by line, exactly as printed, in order, in a
copy of the repository in tmp_path (its own content/, mkdocs.yml and scripts/). To keep it
fast the copy's .venv is a link to this checkout's, already set up by `scripts/dev.py test`.
Two things an editor does by hand are done first, as the handbook says ("第一次发布之前"):
site_url is set to a real address, and (for this shared test machine only) the preview's
port is set in mkdocs.yml (`dev_addr`) so that it cannot collide with another preview.
`guides serve` runs until it answers, then is stopped.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from conftest import REPO
from guides.publishing.local import current, releases

HANDBOOK = REPO / "HANDBOOK.md"
SKIP = {".git", ".venv", "site", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache",
        ".hypothesis", ".lighthouse", "build"}


def sh_blocks(text: str) -> list[list[str]]:
    blocks = re.findall(r"^```sh\n(.*?)^```", text, flags=re.S | re.M)
    return [[line for line in block.splitlines() if line.strip() and
             not line.lstrip().startswith("#")] for block in blocks]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fresh_copy(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(REPO, repo, ignore=lambda _dir, names: [
        n for n in names if n in SKIP or n.endswith(".egg-info")])
    stamp = (REPO / ".venv/.installed").read_text()
    spec = (repo / "pyproject.toml").read_bytes()
    assert stamp in {hashlib.sha256(spec + extras).hexdigest() for extras in (b"", b"test")}, \
        ".venv is not set up for this pyproject.toml: run python3 scripts/dev.py test first " \
        "(the copy must not reinstall into the shared .venv)"
    (repo / ".venv").symlink_to(REPO / ".venv", target_is_directory=True)
    return repo


def test_every_command_block_of_the_handbook_works_as_printed(tmp_path):
    blocks = sh_blocks(HANDBOOK.read_text(encoding="utf-8"))
    commands = [line for block in blocks for line in block]
    # the workflow is all there: new, translate, check, preview, bump, publish, roll back
    for step in ("guides new ", "guides translate ", "guides check", "guides serve",
                 "guides bump ", "guides publish ", "guides releases ", "guides rollback "):
        assert any(step in c for c in commands), step
    assert all(c.startswith("python3 scripts/dev.py ") for c in commands), commands

    repo = fresh_copy(tmp_path)
    config = repo / "mkdocs.yml"
    port = free_port()
    text = config.read_text(encoding="utf-8")
    assert "site_url: https://guides.example.org/" in text  # what the handbook tells to change
    config.write_text(text.replace("site_url: https://guides.example.org/",
                                   "site_url: https://zhinan.station.cn/")
                      + f"dev_addr: 127.0.0.1:{port}\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("GUIDES_COMMAND", "GUIDES_LANG")}
    env["PYTHONIOENCODING"] = "utf-8"
    outputs: dict[str, str] = {}
    for command in commands:
        if " guides serve" in command:
            outputs[command] = preview(command, repo, env, port)
            continue
        result = subprocess.run(command, shell=True, cwd=repo, env=env, capture_output=True,
                                text=True, timeout=900)
        assert result.returncode == 0, (command, result.stdout[-3000:], result.stderr[-3000:])
        assert "Traceback" not in result.stderr and "内部错误" not in result.stderr
        outputs[command] = result.stdout

    new = outputs["python3 scripts/dev.py guides new resident-guide flood-guide"]
    # next steps are printed the way the editor typed the command
    assert "已创建 content/flood-guide/zh.md（草稿）" in new
    assert "python3 scripts/dev.py guides check" in new
    assert (repo / "content/flood-guide/zh.md").is_file()
    assert (repo / "content/flood-guide/en.md").is_file()
    assert (repo / "site/index.html").is_file()
    www = tmp_path / "guides-www"
    made = releases(www)
    assert len(made) == 2  # published twice; the rollback went back to the first
    assert current(www) == made[0].resolve()
    listed = outputs["python3 scripts/dev.py guides releases --to ../guides-www"]
    assert "← 线上正在用" in listed and "← 回退会回到这里" in listed
    back = outputs["python3 scripts/dev.py guides rollback --to ../guides-www"]
    # how to undo the rollback, printed as a command that works
    assert f"python3 scripts/dev.py guides rollback --to ../guides-www --release {made[1].name}" \
        in back


def preview(command: str, repo: Path, env: dict[str, str], port: int) -> str:
    process = subprocess.Popen(command, shell=True, cwd=repo, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/flood-guide/"
    deadline = time.monotonic() + 180
    body = ""
    try:
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    body = response.read().decode("utf-8", "replace")
                    break
            except OSError:
                time.sleep(0.5)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        output = process.communicate(timeout=60)[0].decode("utf-8", "replace")
    assert body, f"{command} did not serve {url}: {output[-3000:]}"
    assert "在这里写标题" in body  # the new draft, shown in the preview
    return output
