"""What a build prints: our report and one summary line, not MkDocs' twenty INFO lines.

MkDocs' INFO lines show only with `--verbose`; its warnings and errors always do, labelled
in the editor's language. A build that takes more than a few seconds shows one progress
line on a terminal, rewritten in place and cleared at the end. A log (not a terminal) gets
one plain line a minute instead, so a long build in CI or a script is not mistaken for a
hung one (a 10,000-page build was stopped by hand for that).
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from typing import IO, Any

LEVELS = {"zh": {"WARNING": "警告", "ERROR": "错误", "CRITICAL": "错误", "INFO": "信息",
                 "DEBUG": "调试"},
          "en": {}}
LANGUAGE_NAMES = {"zh": {"zh": "普通话", "wuu": "苏州话", "en": "英文"},
                  "en": {"zh": "Mandarin", "wuu": "Suzhou dialect", "en": "English"}}

SERVING = re.compile(r"^(?:\[[\d:]+\] )?Serving on (\S+)")


class _EditorFilter(logging.Filter):
    def __init__(self, lang: str, verbose: bool) -> None:
        super().__init__()
        self.lang, self.verbose = lang, verbose

    def filter(self, record: logging.LogRecord) -> bool:
        serving = SERVING.match(record.getMessage())
        if record.name.startswith("mkdocs.livereload") and serving:
            url = serving.group(1)
            record.msg, record.args = ({"zh": f"预览已就绪：{url}", "en": f"Preview ready: {url}"}
                                       [self.lang], None)
            record.levelname = "INFO"
            return True
        return self.verbose or record.levelno >= logging.WARNING


class _Formatter(logging.Formatter):
    def __init__(self, lang: str) -> None:
        super().__init__("%(levelname)s - %(message)s")
        self.lang = lang

    def format(self, record: logging.LogRecord) -> str:
        if record.levelno < logging.WARNING:  # progress, as it is
            return record.getMessage()
        level = LEVELS.get(self.lang, {}).get(record.levelname, record.levelname)
        return f"{level} - {record.getMessage()}"


def quiet_logging(lang: str, verbose: bool = False) -> None:
    """MkDocs' logger prints warnings and errors; INFO only when asked (`--verbose`)."""
    # Material prints a banner about its future on every build; editors need none of it.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logger = logging.getLogger("mkdocs")
    for handler in list(logger.handlers):
        if getattr(handler, "shouwang", False):
            logger.removeHandler(handler)
    handler = logging.StreamHandler()
    handler.shouwang = True  # type: ignore[attr-defined]
    handler.setFormatter(_Formatter(lang))
    handler.addFilter(_EditorFilter(lang, verbose))
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    logger.propagate = False


class Progress:
    """`正在生成网站（苏州话）… 已用 7 秒`, on a terminal after `delay` seconds, rewritten
    every `every`; in a log, as a line of its own every `log_every` seconds."""

    def __init__(self, stream: IO[str], lang: str, plugin: Any = None, delay: float = 3.0,
                 every: float = 1.0, log_every: float = 60.0) -> None:
        self.stream, self.lang, self.plugin = stream, lang, plugin
        self.delay, self.every, self.log_every = delay, every, log_every
        self.terminal = False
        self.shown = 0  # width of the line on screen
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._started = 0.0

    def text(self, seconds: float) -> str:
        builds = getattr(self.plugin, "builds", None) or []
        code = getattr(builds[-1], "language", "") if builds else ""
        name = LANGUAGE_NAMES[self.lang].get(code, "")
        if self.lang == "zh":
            return f"正在生成网站{f'（{name}）' if name else ''}… 已用 {int(seconds)} 秒"
        return f"Building the site{f' ({name})' if name else ''}... {int(seconds)} s"

    def __enter__(self) -> Progress:
        isatty = getattr(self.stream, "isatty", None)
        self.terminal = bool(isatty is not None and isatty())
        self._started = time.monotonic()
        self._thread = threading.Thread(
            target=self._run if self.terminal else self._log, daemon=True)
        self._thread.start()
        return self

    def _log(self) -> None:
        while not self._stop.wait(self.log_every):
            self.stream.write(self.text(time.monotonic() - self._started) + "\n")
            self.stream.flush()

    def _run(self) -> None:
        if self._stop.wait(self.delay):
            return
        while not self._stop.is_set():
            line = self.text(time.monotonic() - self._started)
            width = sum(2 if ord(c) > 0x2E80 else 1 for c in line)
            self.stream.write("\r" + line + " " * max(0, self.shown - width))
            self.stream.flush()
            self.shown = max(self.shown, width)
            self._stop.wait(self.every)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self.shown:
            self.stream.write("\r" + " " * self.shown + "\r")
            self.stream.flush()
