"""The MkDocs plugin: thin glue that runs the content checks and lays out a language's pages.

The rules live in `guides.checks` and the path logic in `guides.site`; this module only
connects them to MkDocs events, so `mkdocs build` and `guides build` always agree.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from guides import site
from guides.checks import check_directory
from guides.findings import Report
from guides.model import DEFAULT_LANGUAGE, LANGUAGES

log = get_plugin_logger(__name__)


class LanguageCode(c.Choice):
    """A content language code (the file-name stem: zh, wuu, en)."""

    def __init__(self, default: str = DEFAULT_LANGUAGE) -> None:
        super().__init__(tuple(LANGUAGES), default=default)


class ShouwangConfig(base.Config):
    enabled = c.Type(bool, default=True)
    language = LanguageCode()
    # Language of the messages editors see in the build log.
    messages = c.Choice(("zh", "en"), default="zh")
    checks = c.Type(bool, default=True)


class ShouwangPlugin(BasePlugin[ShouwangConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        # Set by `guides build`, which has already checked and printed the report.
        self.report: Report | None = None
        self.folders: set[str] = set()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_pre_build(self, *, config) -> None:
        if not self.config.enabled or not self.config.checks:
            return
        report = self.report
        if report is None:
            docs_dir = Path(config.docs_dir)
            report = check_directory(docs_dir, base=Path(config.config_file_path).parent)
            self._log(report)
        if report.has_errors and self.command != "serve":
            lang = self.config.messages
            more = {"en": "; run `guides check` for details",
                    "zh": "。运行 guides check 查看详情。"}[lang]
            raise PluginError(report.summary(lang) + more)

    def _log(self, report: Report) -> None:
        lang = self.config.messages
        for finding in report.sorted():
            text = finding.format(lang).replace("\n    ", " — ")
            if finding.severity == "error":
                log.error(text)
            elif finding.severity == "warning":
                log.warning(text)
            else:
                log.info(text)

    def on_files(self, files: Files, *, config) -> Files:
        if not self.config.enabled:
            return files
        language = self.config.language
        kept = Files([])
        self.folders = set()
        for file in files:
            placed = site.page_language(file.src_uri)
            if placed is None:
                if site.is_published_asset(file.src_uri):
                    kept.append(file)
                continue
            folder, file_language = placed
            if file_language != language:
                continue
            self.folders.add(folder)
            kept.append(File(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls,
                             dest_uri=site.dest_for(folder), inclusion=file.inclusion))
        return kept

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        if not self.config.enabled:
            return markdown
        placed = site.page_language(page.file.src_uri)
        if placed is None:
            return markdown
        folder, language = placed
        return site.rewrite_folder_links(markdown, folder, language, self.folders)
