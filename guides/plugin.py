"""The MkDocs plugin: thin glue between MkDocs events and the project's pure modules.

- `guides.checks` holds the rules: run once, before the first build.
- `guides.site` says where pages go and how languages link to each other;
  `guides.pagecontext` what templates know about a page; `guides.output` and
  `guides.assets` what is written after a build.
- One build per language (Material's advice): `mkdocs build` builds the default language
  into `site/` and then, from `on_post_build`, each other language into `site/<code>/`,
  each from a freshly loaded configuration, so nothing of one language leaks into the next.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import jinja2.bccache
from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from guides import (
    assets,
    checklists,
    compressed,
    csp,
    filesafety,
    hotline_links,
    hotlines,
    lighten,
    limits,
    listing,
    output,
    pagecontext,
    panel,
    sanitize,
    search_extra,
    search_shards,
    site,
    synonyms,
    trust_page,
    updates,
)
from guides.checks import run_checks
from guides.findings import Report
from guides.messages import render
from guides.model import DEFAULT_LANGUAGE, HOME_FOLDER, LANGUAGES, Guide
from guides.outputs import lite, printing
from guides.outputs.share import card as share_card  # issue 14 (w-images): per-page og:image
from guides.outputs.share import fonts as share_fonts
from guides.reader import Content, read_content

log = get_plugin_logger(__name__)
SAFE_FOLDER = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # preview stand-ins only for these
# Pages the build writes itself, in every language.
GENERATED_FOLDERS = {updates.UPDATES_FOLDER, *listing.FOLDERS.values()}
# The project's own theme files. Pages load minified copies named by their content hash
# (shouwang.<hash>.js), as Material names its own: cached for good, fetched again only
# when they change.
OUR_FILES = {"script": "assets/javascripts/shouwang.js",
             "stylesheet": "assets/stylesheets/shouwang.css"}
# w-text (issue 14): the Share panel's code, loaded on its first tap (it loads its own
# styles, assets/stylesheets/share.css, and words: a static template rendered in each
# language's build from partials/languages).
OUR_FILES.update({"share_script": "assets/javascripts/share.js"})
SHARE_STRINGS = "assets/javascripts/share-strings.json"


class LanguageCode(c.Choice):
    """A content language code (the file-name stem: zh, wuu, en)."""

    def __init__(self, default: str = DEFAULT_LANGUAGE) -> None:
        super().__init__(tuple(LANGUAGES), default=default)


class LanguageSettings(base.Config):
    site_name = c.Type(str)
    site_description = c.Optional(c.Type(str))


class Languages(c.DictOfItems):
    """Per-language settings, keyed by language code; every code must be a known one."""

    def __init__(self) -> None:
        super().__init__(c.SubConfig(LanguageSettings), default={})

    def run_validation(self, value: object) -> dict[str, Any]:
        result = super().run_validation(value)
        unknown = sorted(set(result) - set(LANGUAGES))
        if unknown:
            raise c.ValidationError(f"unknown language code(s) {', '.join(unknown)}; "
                                    f"known: {', '.join(LANGUAGES)}")
        return result


class ShouwangConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # The language this build makes; the default language's build makes all the others.
    language = LanguageCode()
    languages = Languages()
    # Language of the messages editors see in the build log.
    messages = c.Choice(("zh", "en"), default="zh")
    checks = c.Type(bool, default=True)
    # Past this many Mandarin guides the menu lists one page per kind instead of every
    # guide (Material puts the whole menu into every page).
    nav_guides = c.Type(int, default=40)
    # Issue 14 (w-images): each published guide's own share card (og:image), drawn in
    # every build (about 15 ms a page); false keeps the site's one picture for every page.
    share_cards = c.Type(bool, default=True)


@dataclass
class Build:
    """What one language's build knows. Builds nest (the others run inside the default
    language's post-build), and MkDocs hands every build the same plugin instance, so the
    plugin keeps a stack of these rather than state of its own."""

    language: str
    top: bool
    folders: set[str] = field(default_factory=set)  # guides with a page in this language
    pages: dict[str, dict[str, Any]] = field(default_factory=dict)  # folder -> sitemap entry
    offline: list[str] = field(default_factory=list)  # published pages, for the worker
    changes: list[updates.Change] = field(default_factory=list)  # for the Atom feed
    # lite pages (issue 17, guides/outputs/lite.py): page path -> its lite page
    lite: dict[str, lite.Lite] = field(default_factory=dict)
    lite_paths: set[str] | None = None  # pages of this language that have one
    shared: list[str] = field(default_factory=list)  # w-text: share.json files to keep offline
    # s-questions (search input): page URL -> records guides/search_extra.py adds to search
    search_extra: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    cards: list[share_card.Card] = field(default_factory=list)  # share cards (w-images)


class SharedBytecode(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the next language build of this process; a
    template whose source changed (its checksum) is compiled again."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


class ShouwangPlugin(BasePlugin[ShouwangConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.report: Report | None = None  # set by `guides build`, which already checked
        self.pdf = False  # set by `guides build --pdf`: pages link the PDFs it writes
        self.share = False  # set by `guides share` (w-text): pages read share/share.json
        self.content: Content | None = None
        self.hotlines: list[dict] = []
        # hotline id -> number, for `{{hotline:ID}}` (filled before each build's pages)
        self.hotline_numbers: dict[str, str] = {}
        self.versioned: dict[str, str] = {}  # asset -> its minified, hashed name
        self.base_url = ""
        self.builds: list[Build] = []
        self._languages: dict[int, str] = {}  # id(config) -> language, for the nested builds
        self._templates = SharedBytecode()
        self.preview_findings: list = []  # `guides serve`: what the check panel shows
        self._snapshot: Path | None = None  # the private copy of content/ MkDocs reads
        self._docs_dir = ""  # docs_dir as configured, put back after the build
        self._snapshot_config: Any = None
        # share cards (issue 14, w-images): the Chinese font they are drawn with, if any
        self.card_font: share_fonts.FontFile | None = None

    @property
    def build(self) -> Build:
        return self.builds[-1]

    # -- configuration ------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_env(self, env, *, config, files):
        """The language builds share compiled templates (Material's compile in about half a
        second a build). Every value a template prints is escaped (`_escaping`)."""
        env.bytecode_cache = self._templates
        _escaping(env, config)
        return env

    def on_config(self, config):
        if not self.config.enabled:
            return config
        nested = self._languages.pop(id(config), None)
        if nested is None:
            self.builds = [Build(self.config.language, top=True)]
        else:
            self.builds.append(Build(nested, top=False))
        language = LANGUAGES[self.build.language]
        if self.build.top:
            if not config.site_url:
                raise PluginError(
                    "mkdocs.yml: site_url is required: the address the site is published at, "
                    "e.g. https://guides.example.org/ (language links and the sitemap need it)")
            self.base_url = config.site_url.rstrip("/") + "/"
        config.site_url = self.base_url + language.root
        settings = self.config.languages.get(language.code)
        if settings:
            config.site_name = settings.site_name
            if settings.site_description:
                config.site_description = settings.site_description
        config.theme["language"] = language.theme
        theme_file = next((Path(d) for d in config.theme.dirs
                           if Path(d, "partials/languages", f"{language.theme}.html").is_file()),
                          None)
        if theme_file is None:
            raise PluginError(
                f"theme.custom_dir must be the project's overrides/ folder: the template "
                f"partials/languages/{language.theme}.html was not found in {config.theme.dirs}")
        self.versioned = {asset: assets.hashed_name(asset, theme_file / asset)
                          for asset in OUR_FILES.values()}
        # lite pages: the language's UI strings, as the full pages say them
        self.lite_strings = lite.ui_strings(
            theme_file / "partials/languages" / f"{language.theme}.html")
        config.markdown_extensions.append(
            hotline_links.HotlineExtension(numbers=self.hotline_numbers))
        config.theme.static_templates.add(SHARE_STRINGS)  # w-text: the Share panel's words
        return config

    # -- checks -------------------------------------------------------------------------

    def on_pre_build(self, *, config) -> None:
        if not self.config.enabled or not self.build.top:
            return
        base_dir = Path(config.config_file_path).parent
        report, self.report = self.report, None
        docs_dir = Path(config.docs_dir).resolve()
        checked = getattr(report, "content", None)
        if checked is None or checked.root != docs_dir:  # not what `guides build` read
            report, checked = None, read_content(docs_dir, base=base_dir)
        self.content = checked
        if self.config.checks:
            if report is None:
                report = run_checks(self.content)
                self._log(report)
            self._remember_for_preview(report)
            if report.has_errors and self.command != "serve":
                lang = self.config.messages
                more = {"en": "; run `guides check` for details",
                        "zh": "。运行 guides check 查看详情。"}[lang]
                raise PluginError(report.summary(lang) + more)
        self._take_snapshot(config)
        self.hotlines = hotlines.load(Path(config.docs_dir))
        self.hotline_numbers.clear()
        self.hotline_numbers.update(hotlines.numbers_by_id(self.hotlines))
        # share cards (issue 14, w-images): drawn only with a font that has Chinese
        self.card_font = share_fonts.find("bold") if self.config.share_cards else None
        if self.card_font is None and self.config.share_cards:
            message, hint = render("share.no-font", self.config.messages, {})
            log.warning(f"{message}. {hint}")

    # -- one snapshot of content/ (issue 16): what was checked is what is built ----------

    def _take_snapshot(self, config) -> None:
        """MkDocs reads the files as the checks read them, from a private copy: a file
        changed, linked or swapped on disk after the check is never published, and
        MkDocs never walks a link in content/ (it follows them)."""
        self._drop_snapshot()
        self._snapshot = Path(tempfile.mkdtemp(prefix="shouwang-content-"))
        self.content.write_snapshot(self._snapshot)
        self._docs_dir, self._snapshot_config = config.docs_dir, config
        config.docs_dir = str(self._snapshot)

    def _drop_snapshot(self) -> None:
        if self._snapshot is not None:
            shutil.rmtree(self._snapshot, ignore_errors=True)
            self._snapshot = None
            # `serve` watches docs_dir after the first build: the editor's folder, not ours
            self._snapshot_config.docs_dir = self._docs_dir

    def on_build_error(self, *, error) -> None:
        self._drop_snapshot()

    def on_shutdown(self) -> None:
        self._drop_snapshot()

    def _log(self, report: Report) -> None:
        for finding in report.sorted():
            text = finding.format(self._editor_language()).replace("\n    ", " — ")
            {"error": log.error, "warning": log.warning}.get(finding.severity, log.info)(text)

    # -- one language's pages -----------------------------------------------------------

    def on_files(self, files: Files, *, config) -> Files:
        if not self.config.enabled:
            return files
        language = self.build.language
        folders = self.build.folders
        kept = Files([])
        content_dir = os.path.abspath(config.docs_dir)
        for file in files:
            placed = site.page_language(file.src_uri)
            if placed is None:
                from_content = file.abs_src_path and \
                    os.path.abspath(file.abs_src_path).startswith(content_dir + os.sep)
                if not from_content or site.is_published_asset(file.src_uri):
                    if from_content and filesafety.is_checked(file.src_uri):
                        # SVG and PDF: published only as the bytes that passed, never unsafe
                        data = filesafety.safe_bytes(file.abs_src_path)
                        if data is None:
                            continue
                        file.content_bytes = data
                    kept.append(file)  # the theme's files, and the guides' images ...
                continue
            folder, file_language = placed
            if file_language != language or not self._public(folder, language):
                continue
            folders.add(folder)
            kept.append(File(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls,
                             dest_uri=site.dest_for(folder), inclusion=file.inclusion))
        self._add_preview_stand_ins(config, kept, folders)
        for folder, guide in self._guides().items():
            if folder not in folders and self._public(folder, DEFAULT_LANGUAGE):
                kept.append(self._missing_page(config, folder, guide))
        changes = updates.changes(self._guides(), language, folders)
        page = File.generated(config, f"{updates.UPDATES_FOLDER}/{language}.md",
                              content=updates.updates_markdown(language, changes))
        page.dest_uri = site.dest_for(updates.UPDATES_FOLDER)
        kept.append(page)
        self.build.changes = changes
        entries = [listing.Entry(f, str(meta.get("kind", "")), str(meta.get("title", "")),
                                 str(meta.get("summary") or ""), str(meta.get("updated", "")),
                                 meta.get("status") == "withdrawn")
                   for f, g in self._guides().items() if f in folders
                   for meta in [g.documents[language].meta]]
        kinds = self._kind_pages()
        if kinds:
            config.nav = [f"{HOME_FOLDER}/{language}.md"] if HOME_FOLDER in folders else []
            for kind in kinds:
                folder = listing.FOLDERS[kind]
                page = File.generated(config, f"{folder}/{language}.md",
                                      content=listing.kind_markdown(language, kind, entries))
                page.dest_uri = site.dest_for(folder)
                kept.append(page)
                config.nav.append(page.src_uri)
        else:
            config.nav = [f"{folder}/{language}.md" for folder in site.nav_order(
                [(e.folder, e.kind, e.title) for e in entries])]
        config.nav.append(f"{updates.UPDATES_FOLDER}/{language}.md")
        return kept

    def _kind_pages(self) -> list[str]:
        """The kinds that get a list page (none while every guide fits the menu). Decided
        on the Mandarin guides, so every language's menu has the same shape."""
        public = [listing.Entry(folder, str(g.source.meta.get("kind", "")), "")
                  for folder, g in self._guides().items()
                  if g.source and self._public(folder, DEFAULT_LANGUAGE)]
        if len(public) <= self.config.nav_guides:
            return []
        return listing.kinds_with_guides(public)

    def _public(self, folder: str, language: str) -> bool:
        """Drafts and guides under review reach only the local preview (`guides serve`)."""
        guide = self._guides().get(folder)
        doc = guide.documents.get(language) if guide else None
        if doc is None or not doc.readable:
            return False
        return self.command == "serve" or doc.meta.get("status") in ("published", "withdrawn")

    def _guides(self) -> dict[str, Guide]:
        return self.content.guides if self.content else {}

    def _missing_page(self, config, folder: str, guide: Guide) -> File:
        """A page that says plainly this guide has no version in this language (never a 404
        and never a silent swap to another language); kept out of search and navigation."""
        title = str(guide.source.meta.get("title", folder)) if guide.source else folder
        text = (f"---\ntitle: {json.dumps(title)}\nsearch:\n  exclude: true\n"
                "missing_translation: true\n---\n")
        file = File.generated(config, f"{folder}/{self.build.language}.md", content=text,
                              inclusion=InclusionLevel.NOT_IN_NAV)
        file.dest_uri = site.dest_for(folder)
        return file

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        if not self.config.enabled:
            return markdown
        placed = site.page_language(page.file.src_uri)
        if placed is None:
            return markdown
        folder, language = placed
        if notice := self._over_limits(markdown):
            return notice
        if page.meta.get("status") == "withdrawn":
            page.meta["search"] = {"exclude": True}  # the URL stays; search forgets it
        return site.rewrite_folder_links(markdown, folder, language, self.build.folders)

    def _over_limits(self, markdown: str) -> str:
        """A page over a hard limit (guides.limits) never reaches Markdown, which could take
        minutes or end in RecursionError on it: `guides serve` shows this notice instead."""
        if not limits.markdown_problems(markdown):
            return ""
        message, hint = render("md.not-rendered", self.config.messages, {})
        return f"**{message}**\n\n{hint}\n"

    def on_page_content(self, html: str, *, page, config, files) -> str:
        if not self.config.enabled:
            return html
        # Last, whatever the checks said: `guides serve` previews pages with errors.
        return sanitize.clean(printing.wrap_sections(checklists.label_task_items(html)))

    def _page_context(self, context, *, page, config, nav):
        if not self.config.enabled:
            return context
        placed = site.page_language(page.file.src_uri)
        if placed is None:
            return context
        folder, language = placed
        missing = bool(page.meta.get("missing_translation"))
        guide = self._guides().get(folder)
        available = (set(LANGUAGES) if folder in GENERATED_FOLDERS else
                     {code for code in LANGUAGES if self._public(folder, code)})
        sw = pagecontext.page_context(guide, language, folder, self.base_url,
                                      hotlines.for_language(self.hotlines, language), missing,
                                      available)
        sw["banner"] = None if missing else self._banner(page, language, folder)
        sw["trust"] = trust_page.page_trust(guide, language, missing)
        sw["history"] = updates.history(guide) if guide and not missing else []
        sw["feed"] = sw["home_href"] + "updates.xml"
        sw.update({name: self.versioned[asset] for name, asset in OUR_FILES.items()})
        # lite pages (guides/outputs/lite.py): published and withdrawn guides have one
        sw["lite"] = f"{lite.FOLDER}/" if not missing and self._has_lite(folder, language) \
            else ""
        if not missing:
            # SVG made by segno (which escapes the title): HTML, printed as it is
            sw["qr"] = Markup(printing.qr_svg(sw["url"], str(page.title or folder)))
        published = page.meta.get("status") == "published"
        sw["pdf"] = (f"{folder}.pdf" if self.pdf and published and not missing
                     and not sw["home"] else "")
        # -- w-images + w-text (issue 14): share card, long images and the Share panel, on
        #    every published guide but the home page
        self._share(sw, page, config, folder, published and not missing)
        sw["share_json"] = sw["share"] and self.share
        if sw["share_json"]:
            self.build.shared.append(site.page_path(folder) + "share/share.json")
        context["sw"] = sw
        if not missing:  # s-questions: hotline cards and summary into search
            self.build.search_extra[page.url] = search_extra.extras(
                page.url, str(page.title or folder), sw["summary"], folder,
                sw["hotlines"])
        if sw["summary"]:
            page.meta.setdefault("description", sw["summary"])
        if not missing and page.meta.get("status") != "withdrawn":
            self.build.pages[folder] = {
                "loc": sw["url"], "lastmod": sw["updated"],
                "alternates": [(item["tag"], item["url"]) for item in sw["languages"]
                               if item["available"]],
            }
            if page.meta.get("status") == "published":
                self.build.offline.append(site.page_path(folder))
        page.meta = sanitize.escaped(page.meta)  # before the search plugin reads the title
        return context

    def _share(self, sw: dict[str, Any], page, config, folder: str, published: bool) -> None:
        """Issue 14 (w-images): a published guide's page is marked for `guides share`
        (long images, poster) and gets a card of its own, drawn after the build."""
        sw["share"] = published and not sw["home"]
        if not sw["share"] or self.card_font is None:
            return
        title = page.meta.get("title")
        sw["image"] = sw["url"] + share_card.CARD_PATH
        self.build.cards.append(share_card.Card(
            site.page_path(folder), title if isinstance(title, str) else str(page.title),
            config.site_name, urlsplit(self.base_url).netloc))

    def on_template_context(self, context, *, template_name: str, config):
        """The 404 page (overrides/404.html) shows the hotlines in its build's language."""
        if self.config.enabled and template_name == "404.html":
            context["sw_404"] = {
                "hotlines": hotlines.for_language(self.hotlines, self.build.language),
                "stylesheet": self.versioned[OUR_FILES["stylesheet"]],
            }
        return context

    @event_priority(-100)  # after every other plugin (Material's search rewrites content)
    def _page_html(self, context, *, page, config, nav):
        if self.config.enabled:
            _mark_html(page)
            self._lite_page(context, page)
        return context

    def _lite_page(self, context, page) -> None:
        """The guide's lite page (guides/outputs/lite.py), from its cleaned article and context."""
        sw = context.get("sw")
        if not sw or not sw.get("lite"):
            return
        language = self.build.language
        if self.build.lite_paths is None:  # once a build: links between lite pages
            self.build.lite_paths = {site.page_path(folder) for folder in self._guides()
                                     if self._has_lite(folder, language)}
        title = page.meta.get("title")  # escaped Markup (sanitize.escaped): printed as is
        made = lite.render(title=title if isinstance(title, str) else str(sw["folder"]),
                           article=str(page.content), sw=sw, strings=self.lite_strings,
                           banner=sw.get("banner"), page_path=site.page_path(sw["folder"]),
                           lite_pages=self.build.lite_paths)
        if not made.fits:
            message, hint = render("lite.too-big", self._editor_language(), {
                "folder": sw["folder"], "language": language,
                "size": made.compressed, "budget": lite.BUDGET})
            log.warning(f"{message} — {hint}")
        self.build.lite[site.page_path(sw["folder"])] = made

    def _has_lite(self, folder: str, language: str) -> bool:
        """Published and withdrawn guides have a lite page (and every page in the preview)."""
        guide = self._guides().get(folder)
        doc = guide.documents.get(language) if guide else None
        return doc is not None and doc.readable and (
            self.command == "serve" or doc.meta.get("status") in ("published", "withdrawn"))

    on_page_context = CombinedEvent(_page_context, _page_html)

    def on_post_page(self, output_content: str, *, page, config) -> str:
        if not self.config.enabled:
            return output_content
        html = output.compact_html(output_content)
        # The preview's live-reload script is injected later and would be refused.
        if self.command == "serve":
            return self._with_preview_panel(html, page, config)
        return csp.add_policy(html)

    def on_post_template(self, output_content: str, *, template_name: str, config) -> str:
        if not self.config.enabled or not template_name.endswith(".html"):
            return output_content
        return self.on_post_page(output_content, page=None, config=config)

    def _banner(self, page, language: str, folder: str) -> dict[str, Any] | None:
        status = page.meta.get("status")
        if status in ("draft", "review"):
            return {"kind": status}
        if status != "withdrawn":
            return None
        banner: dict[str, Any] = {"kind": "withdrawn",
                                  "reason": str(page.meta.get("withdrawn_reason", ""))}
        target = page.meta.get("replaced_by")
        for other, guide in self._guides().items():
            if guide.source is not None and guide.source.meta.get("id") == target \
                    and self._public(other, language):
                doc = guide.documents[language]
                banner["replacement"] = {
                    "href": site.relative_href(language, folder, language, other),
                    "title": str(doc.meta.get("title", other))}
        return banner

    # -- the preview's check panel (guides/panel.py); `guides serve` only -----------------

    def _editor_language(self) -> str:
        lang = os.environ.get("GUIDES_LANG", "")  # set by `guides serve --lang`
        return lang if lang in ("zh", "en") else self.config.messages

    def _remember_for_preview(self, report: Report) -> None:
        self.preview_findings = list(report.findings) if self.command == "serve" else []

    def _add_preview_stand_ins(self, config, kept: Files, folders: set[str]) -> None:
        """In the preview, a language file that cannot be read (or whose front matter
        cannot) still has its page, under which the panel says why. Found from the
        findings, not from MkDocs' files, which may leave such a file out."""
        if self.command != "serve" or self.content is None:
            return
        language = self.build.language
        root = self.content.rel(Path(self.content.root))
        taken = {file.src_uri for file in kept}
        for path in sorted({f.path for f in self.preview_findings}):
            folder, _, name = path.removeprefix(root + "/").partition("/")
            if not path.startswith(root + "/") or name != f"{language}.md" \
                    or not SAFE_FOLDER.fullmatch(folder) or f"{folder}/{name}" in taken:
                continue
            guide = self._guides().get(folder)
            doc = guide.documents.get(language) if guide else None
            if (doc is not None and doc.readable) or (guide is not None and doc is None):
                continue  # a page of its own, or the missing-translation page
            file = File.generated(config, f"{folder}/{name}",
                                  content=panel.stand_in_markdown(path, self._editor_language()),
                                  inclusion=InclusionLevel.NOT_IN_NAV)
            file.dest_uri = site.dest_for(folder)
            kept.append(file)
            if doc is not None:
                folders.add(folder)

    def _with_preview_panel(self, html: str, page, config) -> str:
        if not self.config.checks:
            return html
        rel = None
        if page is not None and self.content is not None:  # as the checks name the file
            rel = self.content.rel(Path(self.content.root) / page.file.src_uri)
        mine, rest = panel.for_page(self.preview_findings, rel)
        return panel.add_panel(html, panel.render(mine, rest, self._editor_language()))

    # -- after the pages: other languages, sitemaps, offline, compression ------------------

    # Last of all plugins: the other languages' builds reuse their instances (MkDocs shares
    # plugin instances between builds), so every plugin must be done with this build first.
    @event_priority(-100)
    def on_post_build(self, *, config) -> None:
        if not self.config.enabled:
            return
        site_dir = Path(config.site_dir)
        output.write_sitemap(site_dir, list(self.build.pages.values()))
        search_extra.add_to_site(site_dir, self.build.search_extra)  # s-questions
        search_shards.write(site_dir, synonyms.load(Path(config.docs_dir)),  # s-rank
                            strings={k[len("sw.search."):]: v for k, v in self.lite_strings.items()
                                     if k.startswith("sw.search.copies")})  # s-fold
        assets.scrub_site(site_dir, urlsplit(self.base_url).netloc)
        assets.write_hashed(site_dir, self.versioned)
        if self.command != "serve":  # light: the preview keeps Material's files as they are
            lighten.lighten_site(site_dir, self.build.language,
                                 self.versioned[OUR_FILES["stylesheet"]],
                                 self.versioned[OUR_FILES["script"]])
        lite_pages = lite.write(site_dir, self.build.lite)  # cached on visit, not filled
        output.write_offline(site_dir, self.build.language, self.build.offline,
                             config.site_name, config.site_description or "",
                             shared=self.build.shared, lite_pages=lite_pages)
        language = self.build.language
        (site_dir / "updates.xml").write_text(
            updates.atom_feed(language, self.build.changes, self.base_url, config.site_name),
            encoding="utf-8")
        self._write_redirects(site_dir, language)
        if self.build.cards and self.card_font is not None:  # issue 14 (w-images)
            share_card.write_cards(site_dir, self.build.cards, self.card_font)
        if not self.build.top:
            self.builds.pop()
            return
        if self.build.language == DEFAULT_LANGUAGE:
            for code in LANGUAGES:
                if code != DEFAULT_LANGUAGE:
                    self._build_language(config, code)
        output.write_robots(site_dir, self.base_url)
        if self.command != "serve":  # the preview's server compresses what it sends
            compressed.compress_tree(site_dir, cache=Path(config.config_file_path).parent
                                     / ".cache" / "shouwang" / "brotli")
        self._drop_snapshot()

    def _write_redirects(self, site_dir: Path, language: str) -> None:
        """Old addresses of renamed guides. Only names the checks accept are written (a
        folder name no guide, generated page or other guide's old name holds), and the
        writer refuses any path outside the site, `guides serve` included."""
        claims = site.old_names({folder: g.source.meta.get("renamed_from")
                                 for folder, g in self._guides().items() if g.source})
        for old, folder in sorted(claims.items()):
            if folder not in self.build.folders or old in self._guides():
                continue
            title = str(self._guides()[folder].documents[language].meta.get("title", folder))
            try:
                path = site.inside(site_dir, site.page_path(old) + "index.html")
            except ValueError as exc:
                log.error(f"renamed_from: {exc}")
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(updates.redirect_html(language, old, folder, self.base_url, title),
                            encoding="utf-8")

    def _build_language(self, config, code: str) -> None:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        sub = load_config(config_file=config.config_file_path, strict=config.strict,
                          site_dir=os.path.join(config.site_dir, LANGUAGES[code].root),
                          site_url=self.base_url, docs_dir=config.docs_dir)
        if sub.plugins.get("shouwang") is not self:
            raise PluginError("the shouwang plugin is missing from the language build")
        self._languages[id(sub)] = code
        build(sub)


# -- escaping (issue 16): every value a template prints --------------------------------------

def _escaping(env: jinja2.Environment, config) -> None:
    """Autoescape for Material's templates and ours: whatever they print (titles, summaries,
    reasons, hotline names, site names) is escaped for HTML text and quoted attributes by
    the engine, and `tojson` is safe inside <script>. The one setting MkDocs documents as
    HTML, `copyright` in mkdocs.yml, stays HTML."""
    env.autoescape = True
    if config.copyright and not isinstance(config.copyright, Markup):
        config.copyright = Markup(config.copyright)


def _mark_html(page) -> None:
    """What is HTML already is marked so: the page's content (cleaned) and its table of
    contents (Markdown escaped it). Front matter was made escaped Markup before (so
    Material's search index, which takes the page title as HTML, gets it escaped too)."""
    page.content = Markup(page.content or "")
    stack = list(page.toc or [])
    while stack:
        item = stack.pop()
        item.title = Markup(item.title)
        stack.extend(item.children)
