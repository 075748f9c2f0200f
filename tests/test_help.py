"""Command-line help: Chinese by default for `guides` and every subcommand, English with
`--lang en` before or after the subcommand or with GUIDES_LANG=en."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from guides.cli import main

COMMANDS = ["check", "build", "pdf", "serve", "new", "translate", "bump", "status", "publish",
            "releases", "rollback", "prune"]
ENGLISH_ARGPARSE = ("usage:", "options:", "positional arguments", "show this help")


def helped(capsys, argv: list[str]) -> str:
    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert raised.value.code == 0
    return capsys.readouterr().out


def test_guides_help_is_chinese_by_default():
    env = {k: v for k, v in os.environ.items() if k != "GUIDES_LANG"}
    result = subprocess.run([sys.executable, "-m", "guides", "--help"], capture_output=True,
                            text=True, env={**env, "PYTHONIOENCODING": "utf-8"}, timeout=60)
    assert result.returncode == 0
    text = result.stdout
    assert text.startswith("用法：guides ")
    assert "守望指南：检查、预览和发布社工站的指南。" in text
    assert "显示这段说明" in text
    for command in COMMANDS:
        assert re.search(rf"^    {command} +\S", text, re.M), command
    assert not any(word in text for word in ENGLISH_ARGPARSE)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_subcommand_has_chinese_help(capsys, monkeypatch, command):
    monkeypatch.delenv("GUIDES_LANG", raising=False)
    text = helped(capsys, [command, "--help"])
    assert text.startswith(f"用法：guides {command} ")
    assert "例子：" in text and "选项" in text
    assert not any(word in text for word in ENGLISH_ARGPARSE)
    # every option is explained in Chinese
    options = re.findall(r"^  (-[-\w, ]+?)(?:\s{2,}|\n)(.*)$", text, re.M)
    assert options
    for name, explanation in options:
        assert re.search(r"[\u4e00-\u9fff]", explanation) or "--lang" in name, (name, explanation)


@pytest.mark.parametrize("argv", [["--lang", "en", "publish", "--help"],
                                  ["publish", "--lang", "en", "--help"],
                                  ["publish", "--help", "--lang=en"]])
def test_lang_en_before_or_after_the_subcommand(capsys, argv):
    text = helped(capsys, argv)
    assert text.startswith("usage: guides publish ")
    assert "the folder the web server serves" in text
    assert not re.search(r"[\u4e00-\u9fff]", text)


def test_guides_lang_environment_variable(capsys, monkeypatch):
    monkeypatch.setenv("GUIDES_LANG", "en")
    assert helped(capsys, ["rollback", "--help"]).startswith("usage: guides rollback ")
    # an explicit --lang wins over the environment
    assert helped(capsys, ["rollback", "--help", "--lang", "zh"]).startswith("用法：")


def test_usage_mistakes_are_explained_in_chinese(capsys, monkeypatch):
    monkeypatch.delenv("GUIDES_LANG", raising=False)
    with pytest.raises(SystemExit) as raised:
        main(["bump", "flood-guide"])
    assert raised.value.code == 2
    assert "guides bump：命令写错了：这几个里必须选一个：--major --minor" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["publish"])
    assert "缺少这些参数：--to" in capsys.readouterr().err
    assert main([]) == 2  # `guides` alone shows what it can do
    assert capsys.readouterr().out.startswith("用法：guides ")
