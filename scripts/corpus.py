#!/usr/bin/env python3
"""Write a synthetic project of about N pages (all language files counted) for measuring at scale.

    python3 scripts/corpus.py OUT_DIR --pages 3000 --seed 1

Every kind in realistic proportions, in zh (always), wuu and en, with text sampled sentence
by sentence from the repository's own content (real sentence and word statistics). The same
N and seed give byte-identical files. Needs nothing but Python 3.11.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import struct
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from guides.model import FIRST_SECTION, HOME_FOLDER, SECTIONS, TIP_MAX_CHARS  # noqa: E402
from guides.model import SUMMARY_MAX_CHARS as SUMMARY_MAX  # noqa: E402  (stdlib only)

LANGS = ("zh", "wuu", "en")
KINDS = {  # kind: weight, (fewest, most) sections of the editor's own, audience
    "resident-guide": (35, (1, 4), "[residents, elderly]"),
    "checklist": (20, (2, 4), "[volunteers, social-workers]"),
    "page": (20, (2, 4), "[everyone]"),
    "volunteer-tips": (15, (5, 10), "[volunteers]"),
    "ngo-manual": (10, (0, 2), "[ngos, social-workers]")}
STATUSES = {"published": 92, "withdrawn": 3, "draft": 3, "review": 2}
OWNERS = {"zh": ["守望指南编辑组", "郭巷街道社工站", "娄葑街道社工站", "斜塘街道社工站"],
          "en": ["Shouwang Guides editors", "Guoxiang social-work station",
                 "Loufeng social-work station", "Xietang social-work station"]}
HOTLINES = ("120", "110", "119", "12345", "12320", "12356")
# Their ids in content/_data/hotlines.yml: pages insert numbers as {{hotline:ID}} too.
HOTLINE_IDS = {"120": "ambulance", "110": "police", "119": "fire", "12345": "citizen",
               "12320": "health", "12356": "mental-health"}
# What the trust checks ask of the Mandarin source (issue 12): a real source document
# and the project's content review, dated the day of the guide's last change.
SOURCE = ("  - {title: 新型冠状病毒肺炎防控方案（第九版）, "
          "org: 国务院应对新型冠状病毒肺炎疫情联防联控机制综合组, date: 2022-06}")
WORDS = {  # end, comma, colon, "see also" (start, separator, end), why withdrawn
    "zh": ("。", "，", "：", ("更多内容，请看", "、", "。"), "内容已经合并到新版指南。"),
    "wuu": ("。", "，", "：", ("还有，看", "、", "。"), "内容并到新格指南里去哉。"),
    "en": (".", ", ", ": ", ("See also ", ", ", "."), "Merged into a newer guide.")}
HOME = {"zh": "守望指南", "wuu": "守望指南（苏州话）", "en": "Shouwang Guides"}
LAST_UPDATE = dt.date(2026, 11, 20)  # fixed: the output never depends on the clock
MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|\{[^}]*\}|<[^>]*>|[*`_|{}<>\[\]]")


@dataclass
class Pool:
    """Sentences, list items, clauses and headings of one language's real content."""

    sentences: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    clauses: list[str] = field(default_factory=list)
    headings: dict[str, str] = field(default_factory=dict)  # id -> text
    words: list[str] = field(default_factory=list)  # English words for folder names


def load_pools(folder: str = "*") -> dict[str, Pool]:
    """The pools of all the real content, or of one guide's folder."""
    pools = {lang: Pool() for lang in LANGS}
    for path in sorted((ROOT / "content").glob(f"{folder}/*.md")):
        lang, pool = path.stem, pools.get(path.stem)
        if pool is None:
            continue
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        for line in body.split("\n"):
            heading = re.match(r"#{2,3}\s+(?:\d+\.\s*)?(.+?)\s*\{#([a-z0-9-]+)\}", line)
            if heading:
                pool.headings.setdefault(heading.group(2), heading.group(1))
            if line.startswith("#") or "tel:" in line or not line.strip():
                continue
            is_item = re.match(r"\s*(?:[-*+]|\d+[.)])\s+", line) is not None
            text = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?", "", line)
            text = re.sub(r"\s+", " ", MARKUP.sub(r"\1", text)).strip(" ：:")
            if len(text) < (12 if lang == "en" else 4):
                continue
            parts = (re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"(])", text) if lang == "en"
                     else re.findall(r"[^。！？!?]+[。！？!?]?", text))
            (pool.items if is_item else pool.sentences).extend(
                p.strip() for p in parts if len(p.strip()) >= 4)
            pool.clauses.extend(c.strip(" .。") for c in re.split(r"[，、；,;:：]\s*", text)
                                if (len(c) >= 18 if lang == "en" else 5 <= len(c) <= 24))
        if lang == "en":
            pool.words.extend(re.findall(r"\b[a-z]{5,11}\b", body.lower()))
    for pool in pools.values():
        for name in ("sentences", "items", "clauses", "words"):
            setattr(pool, name, sorted(set(getattr(pool, name))))
    return pools


@dataclass
class Guide:
    folder: str
    kind: str
    langs: list[str]
    status: str
    version: int
    stale: set[str]  # translations made from the previous version
    updated: dt.date
    review_by: dt.date
    image: bool  # a figure.png in the folder, shown in every language
    titles: dict[str, str] = field(default_factory=dict)
    replaced_by: str = ""


class Text:
    """Seeded sampling from one language's pool."""

    def __init__(self, rng: random.Random, pool: Pool, lang: str) -> None:
        self.rng, self.pool, self.lang = rng, pool, lang
        self.end, self.comma, self.colon, self.see, self.withdrawn = WORDS[lang]

    def sentence(self) -> str:
        if self.rng.random() < 0.2:  # lightly recombine two clauses
            a, b = self.rng.sample(self.pool.clauses, 2)
            return a + self.comma + (b[0].lower() + b[1:] if self.lang == "en" else b) + self.end
        return self.rng.choice(self.pool.sentences)

    def paragraph(self, lo: int = 2, hi: int = 4) -> str:
        sep = " " if self.lang == "en" else ""
        return sep.join(self.sentence() for _ in range(self.rng.randint(lo, hi)))

    def item(self) -> str:
        text = self.rng.choice(self.pool.items) if self.rng.random() < 0.7 else self.sentence()
        return text[0].upper() + text[1:].rstrip(";") if self.lang == "en" else text

    def items(self, n: int, ordered: bool = False) -> str:
        return "\n".join(f"{f'{i}.' if ordered else '-'} {self.item()}" for i in range(1, n + 1))

    def phrase(self, zh_limit: int) -> str:
        """A short clause without end punctuation: titles, checklist items, alt text."""
        limit = zh_limit * 3 if self.lang == "en" else zh_limit
        for _ in range(50):
            text = self.rng.choice(self.pool.clauses + self.pool.items).rstrip("。.！!？?；;")
            if len(text) <= limit:
                break
        text = text[:limit]
        return text[0].upper() + text[1:] if self.lang == "en" else text


def q(text: str) -> str:
    """A YAML scalar: plain when that is safe, else double-quoted (JSON is valid YAML)."""
    plain = re.fullmatch(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#]*", text) and ": " not in text \
        and not text.endswith(":")
    return text if plain else json.dumps(text, ensure_ascii=False)


def png(rng: random.Random) -> bytes:
    """A 16×16 two-colour checkerboard PNG, built by hand."""
    a, b = (bytes(rng.randrange(256) for _ in range(3)) for _ in range(2))
    rows = b"".join(b"\0" + b"".join(a if (x // 4 + y // 4) % 2 else b for x in range(16))
                    for y in range(16))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def plan(rng: random.Random, pools: dict[str, Pool], pages: int) -> list[Guide]:
    """Every guide's kind, languages, status and dates, before any text is written."""
    guides = [Guide(HOME_FOLDER, "page", list(LANGS), "published", 1, set(), LAST_UPDATE,
                    LAST_UPDATE + dt.timedelta(days=180), False, dict(HOME))]
    count = len(LANGS)
    while count < pages:
        kind = rng.choices(list(KINDS), weights=[k[0] for k in KINDS.values()])[0]
        wuu = kind in ("resident-guide", "page") and rng.random() < 1 / 3  # a third
        langs = (["zh"] + ["wuu"] * wuu + ["en"] * (rng.random() < 2 / 3))[: pages - count]
        count += len(langs)
        status = rng.choices(list(STATUSES), weights=list(STATUSES.values()))[0]
        version = rng.choice((1, 1, 1, 2, 2, 3))
        stale = {lang for lang in langs[1:] if version > 1 and rng.random() < 0.1}
        updated = LAST_UPDATE - dt.timedelta(days=rng.randint(0, 240))
        folder = f"g{len(guides):04d}-{rng.choice(pools['en'].words)}"
        guides.append(Guide(folder, kind, langs, status, version, stale, updated,
                            updated + dt.timedelta(rng.randint(150, 400)), rng.random() < 0.08))
    for guide in guides[1:]:
        for lang in guide.langs:
            guide.titles[lang] = Text(rng, pools[lang], lang).phrase(
                20 if guide.kind == "page" else 14)
        if guide.status == "withdrawn":
            same = [g for g in guides if g.kind == guide.kind and g.status == "published"]
            guide.replaced_by = rng.choice(same).folder if same else ""
            guide.status = "withdrawn" if same else "published"
    return guides


def front(guide: Guide, lang: str, text: Text) -> str:
    summary = getattr(text.pool, "summary", "") or text.sentence()  # a copy keeps its own
    while not (30 if lang == "en" else 10) <= len(summary) <= SUMMARY_MAX:
        summary = text.sentence()
    owners = OWNERS["en" if lang == "en" else "zh"]
    owner = owners[len(guide.titles["zh"]) % len(owners)]
    lines = ["---", f"id: {guide.folder}", f"kind: {guide.kind}",
             f"title: {q(guide.titles[lang])}", f"summary: {q(summary)}",
             f"version: {guide.version}", f"status: {guide.status}",
             f"updated: {guide.updated}", f"review_by: {guide.review_by}",
             f"owner: {q(owner)}", f"audience: {KINDS[guide.kind][2]}"]
    if lang != "zh":
        lines.append(f"source_version: {guide.version - (lang in guide.stale)}")
    if guide.status == "withdrawn":
        lines += [f"withdrawn_reason: {text.withdrawn}", f"replaced_by: {guide.replaced_by}"]
    if lang == "zh":
        lines += ["sources:", SOURCE, "review:", "  - {type: content, role: 项目编辑, "
                  f"org: 守望指南项目, date: {guide.updated}}}"]
        lines.append("history:")
        for v in range(guide.version, 0, -1):
            date = guide.updated - dt.timedelta(days=30 * (guide.version - v))
            note = json.dumps("首次发布" if v == 1 else text.phrase(20), ensure_ascii=False)
            lines.append(f'  - {{"version": {v}, "date": "{date}", "note": {note}}}')
    return "\n".join(lines + ["---", "", ""])


def links(guide: Guide, text: Text, targets: dict[str, list[Guide]]) -> str:
    """A sentence linking 1-3 published guides that exist in this language."""
    lang, rng = text.lang, text.rng
    chosen = [g for g in rng.sample(targets[lang], min(3, len(targets[lang])))
              if g is not guide][: rng.randint(1, 3)]
    parts = [f"[{g.titles[lang]}](../{g.folder}/"
             + (f"#{FIRST_SECTION[g.kind]})" if g.kind in FIRST_SECTION and rng.random() < 0.3
                else ")") for g in chosen]
    start, sep, end = text.see
    return start + sep.join(parts) + end if parts else ""


def sections(rng: random.Random, pools: dict[str, Pool], kind: str) -> list[str]:
    """Section ids shared by all the guide's languages, in the order its kind requires."""
    required = [s.id for s in SECTIONS.get(kind, ())]
    spare = [i for i in pools["zh"].headings if i not in required]
    extra = rng.sample(spare, rng.randint(*KINDS[kind][1]))
    if kind == "resident-guide":
        return required[:1] + extra + required[1:]
    if kind != "ngo-manual":
        return extra
    for item in extra:
        required.insert(rng.randint(1, len(required) - 1), item)
    return required


def heading(pools: dict[str, Pool], text: Text, sid: str) -> str:
    found = pools[text.lang].headings.get(sid)
    for section in (s for kind in SECTIONS.values() for s in kind if s.id == sid):
        return found or (section.en if text.lang == "en" else section.zh)
    return found or text.phrase(12)


def body(guide: Guide, text: Text, ids: list[str], pools: dict[str, Pool],
         targets: dict[str, list[Guide]]) -> str:
    rng, kind, out = text.rng, guide.kind, []
    # Structure (items, steps, sections, numbers) is drawn from the guide's own seed, the
    # same in every language: translations say what their source says (parity checks).
    shape = random.Random(guide.folder)
    image = f"![{text.phrase(16)}](figure.png)" if guide.image else ""
    if kind != "resident-guide":
        out += [text.paragraph(1, 3) + links(guide, text, targets), image]
    for n, sid in enumerate(ids, start=1):
        title = heading(pools, text, sid)
        out.append(f"## {f'{n}. ' if kind == 'volunteer-tips' else ''}{title} {{#{sid}}}")
        if kind == "volunteer-tips":
            items = [text.item() for _ in range(rng.randint(2, 5))]
            while len(items) > 1 and sum(map(len, items)) > TIP_MAX_CHARS[text.lang] * 0.8:
                items.pop()
            out.append("\n".join(f"- {i}" for i in items))
        elif kind == "checklist":
            out.append("\n".join(f"- [ ] {text.phrase(36)}" for _ in range(shape.randint(4, 9))))
        elif kind == "resident-guide" and sid == "help":
            out.append("\n".join(f"- {text.phrase(30)}{text.colon}[{num}](tel:{num})"
                                 for num in shape.sample(HOTLINES, 4)))
            out.append(links(guide, text, targets))
        elif kind == "resident-guide":
            known = sid in ("known", "not-known", "being-done")
            out.append(text.items(shape.randint(2, 4)) if known
                       else text.items(shape.randint(3, 7), ordered=True))
            out += [image] if sid == "do-now" else []
        else:  # ngo-manual and page: paragraphs, lists, bold leads, subsections, phones
            out.append(text.paragraph())
            if shape.random() < 0.6:
                out.append(text.items(shape.randint(3, 6), shape.random() < 0.4))
            for k in range(shape.randint(2, 3) if kind == "ngo-manual" and shape.random() < 0.4
                           else 0):
                out.append(f"### {text.phrase(12)} {{#{sid}-{k + 1}}}")
                out.append(f"**{text.phrase(10)}**{text.colon}{text.paragraph(1, 2)}")
            if shape.random() < 0.2 or sid in ("resources", "help"):
                inserted, short = shape.sample(HOTLINES, 2)
                out.append(f"{text.phrase(16)}{text.colon}{{{{hotline:{HOTLINE_IDS[inserted]}}}}}"
                           f"{text.comma}[{short}](tel:{short})")
    if kind == "resident-guide" and rng.random() < 0.5:
        out.append(text.paragraph(1, 2))
    return "\n\n".join(p for p in out if p) + "\n"


def generate(out_dir: Path, pages: int, seed: int, copies: bool = False) -> int:
    """Write mkdocs.yml and content/ into OUT_DIR; return the number of Markdown files.
    With `copies`, every page is a station's copy of one real guide (see copy_plan) and
    OUT_DIR/corpus-sources.json tells which."""
    out_dir = out_dir.resolve()
    if out_dir == ROOT or ROOT.is_relative_to(out_dir):
        raise SystemExit("corpus.py: OUT_DIR must not be the repository or hold it")
    rng, pools = random.Random(seed), load_pools()
    own: dict[str, dict[str, Pool]] = {}  # a copy's folder -> its source guide's pools
    if copies:
        guides, own, sources = copy_plan(rng, max(pages, len(LANGS) + 1))
        (out_dir / "corpus-sources.json").write_text(json.dumps(sources, indent=0) + "\n",
                                                    encoding="utf-8")
    else:
        guides = plan(rng, pools, max(pages, len(LANGS) + 1))
    targets = {lang: [g for g in guides if g.status == "published" and lang in g.langs]
               for lang in LANGS}
    content = out_dir / "content"
    if content.exists():
        shutil.rmtree(content)
    (content / "_data").mkdir(parents=True)
    shutil.copy(ROOT / "content/_data/hotlines.yml", content / "_data/hotlines.yml")
    shutil.copy(ROOT / "content/_data/synonyms.yml", content / "_data/synonyms.yml")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for key, value in (("docs_dir", "content"), ("custom_dir", str(ROOT / "overrides"))):
        config, n = re.subn(rf"(?m)^(\s*{key}:).*$", lambda m, v=value: f"{m.group(1)} {v}",
                            config)
        assert n == 1, f"mkdocs.yml: expected one {key}"
    (out_dir / "mkdocs.yml").write_text(config, encoding="utf-8")
    written = 0
    for guide in guides:
        folder = content / guide.folder
        folder.mkdir()
        mine = own.get(guide.folder, pools)
        ids = list(mine["zh"].headings) if guide.folder in own else \
            sections(rng, pools, guide.kind)
        if guide.image:
            (folder / "figure.png").write_bytes(png(rng))
        for lang in guide.langs:
            text = (CopyText if guide.folder in own else Text)(rng, mine[lang], lang)
            (folder / f"{lang}.md").write_text(
                front(guide, lang, text) + body(guide, text, ids, mine, targets),
                encoding="utf-8")
            written += 1
    return written


# s-rank2 (issue 13, search quality at scale): a city where every station publishes its own
# copy of the guides. The mixed corpus above samples each page's sentences from all the real
# guides, so a page answers several questions at once and no page is "the right guide" but
# the real one; a station's copy is made from one guide's own sentences, sections and title,
# so a reader who gets a station's copy of the testing guide got the testing guide.


class CopyText(Text):
    """A station's copy says each of its guide's sentences and items at most once, as
    written (a copy drops and reorders, it does not repeat), until they run out."""

    def __init__(self, rng: random.Random, pool: Pool, lang: str) -> None:
        super().__init__(rng, pool, lang)
        self.decks: dict[str, list[str]] = {}

    def draw(self, name: str) -> str:
        deck = self.decks.get(name)
        if not deck:
            deck = self.decks[name] = list(getattr(self.pool, name))
            self.rng.shuffle(deck)
        return deck.pop()

    def sentence(self) -> str:
        return self.draw("sentences")

    def item(self) -> str:
        text = self.draw("items") if self.rng.random() < 0.7 else self.sentence()
        return text[0].upper() + text[1:].rstrip(";") if self.lang == "en" else text


def real_guides() -> dict[str, tuple[str, dict[str, str], dict[str, str]]]:
    """Published real guides but the home page: folder -> (kind, {lang: title},
    {lang: summary}) for the languages it is published in."""
    out: dict[str, tuple[str, dict[str, str], dict[str, str]]] = {}
    for folder in sorted(p for p in (ROOT / "content").iterdir() if p.is_dir()):
        kind, titles, summaries = "", {}, {}
        for lang in LANGS:
            path = folder / f"{lang}.md"
            if not path.is_file():
                continue
            meta = dict(re.findall(r"(?m)^(kind|title|summary|status): *(.+)$",
                                   path.read_text(encoding="utf-8").split("\n---", 1)[0]))
            if meta.get("status") != "published":
                continue
            kind, titles[lang] = meta["kind"], _unquote(meta["title"])
            summaries[lang] = _unquote(meta.get("summary", titles[lang]))
        if "zh" in titles and folder.name != HOME_FOLDER:
            out[folder.name] = (kind, titles, summaries)
    return out


def _unquote(value: str) -> str:
    return json.loads(value) if value.startswith('"') else value


def copy_pools(folder: str) -> dict[str, Pool]:
    """One guide's pools, each list filled from the others where the guide has none."""
    pools = load_pools(folder)
    for pool in pools.values():
        fallback = pool.sentences or pool.items or pool.clauses or ["…"]
        pool.sentences = pool.sentences or fallback
        pool.items = pool.items or fallback
        pool.clauses = pool.clauses if len(pool.clauses) >= 2 else fallback * 2
    return pools


def copy_plan(rng: random.Random, pages: int
              ) -> tuple[list[Guide], dict[str, dict[str, Pool]], dict[str, str]]:
    """Stations' copies of the real guides: each keeps its source's kind, title, summary and
    section headings, in the source's languages (the translations two times in three), with
    text sampled from the source's own sentences. Returns the guides, each copy's pools and
    {copy's folder: source folder}."""
    real = real_guides()
    pools = {folder: copy_pools(folder) for folder in real}
    guides = [Guide(HOME_FOLDER, "page", list(LANGS), "published", 1, set(), LAST_UPDATE,
                    LAST_UPDATE + dt.timedelta(days=180), False, dict(HOME))]
    own: dict[str, dict[str, Pool]] = {}
    sources: dict[str, str] = {}
    count = len(LANGS)
    while count < pages:
        source = rng.choice(sorted(real))
        kind, titles, summaries = real[source]
        langs = (["zh"] + [lang for lang in titles if lang != "zh" and rng.random() < 2 / 3]
                 )[: pages - count]
        count += len(langs)
        status = rng.choices(list(STATUSES), weights=list(STATUSES.values()))[0]
        updated = LAST_UPDATE - dt.timedelta(days=rng.randint(0, 240))
        folder = f"g{len(guides):04d}-{source}"
        guide = Guide(folder, kind, langs, status, 1, set(), updated,
                      updated + dt.timedelta(rng.randint(150, 400)), False,
                      {lang: titles[lang] for lang in langs})
        guides.append(guide)
        own[folder], sources[folder] = pools[source], source
        for lang in langs:  # the summary the station kept
            own[folder][lang].summary = summaries[lang]
    for guide in guides[1:]:
        if guide.status == "withdrawn":
            same = [g for g in guides if g.kind == guide.kind and g.status == "published"]
            guide.replaced_by = rng.choice(same).folder if same else ""
            guide.status = "withdrawn" if same else "published"
    return guides, own, sources


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--pages", type=int, default=1000, help="Markdown files in all")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--copies", action="store_true",
                        help="every page a station's copy of one real guide")
    args = parser.parse_args()
    written = generate(args.out_dir, args.pages, args.seed, args.copies)
    print(f"{written} Markdown files in {args.out_dir / 'content'}")


if __name__ == "__main__":
    main()
