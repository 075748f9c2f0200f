#!/usr/bin/env python3
"""Write a synthetic but realistic project of about N pages, for measuring at scale.

    python3 scripts/corpus.py OUT_DIR --pages 3000 --seed 1

Every guide kind in realistic proportions, in zh (always), wuu and en; text sampled
sentence by sentence from the repository's own content, so sentence and word statistics
are real. The same N and seed give byte-identical files. Needs nothing but Python 3.11.
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
from guides.model import (  # noqa: E402  (stdlib-only module: no .venv needed)
    FIRST_SECTION,
    HOME_FOLDER,
    SECTIONS,
    SUMMARY_MAX_CHARS,
    TIP_MAX_CHARS,
)

LANGS = ("zh", "wuu", "en")
KINDS = {"resident-guide": 35, "checklist": 20, "page": 20, "volunteer-tips": 15,
         "ngo-manual": 10}  # weights
STATUSES = {"published": 92, "withdrawn": 3, "draft": 3, "review": 2}
AUDIENCE = {"resident-guide": "[residents, elderly]", "checklist": "[volunteers, social-workers]",
            "page": "[everyone]", "volunteer-tips": "[volunteers]",
            "ngo-manual": "[ngos, social-workers]"}
OWNERS = {"zh": ["守望指南编辑组", "郭巷街道社工站", "娄葑街道社工站", "斜塘街道社工站", "沧浪街道社工站"],
          "en": ["Shouwang Guides editors", "Guoxiang social-work station",
                 "Loufeng social-work station", "Xietang social-work station",
                 "Canglang social-work station"]}
HOTLINES = ("120", "110", "119", "12345", "12320", "12356")
END = {"zh": "。", "wuu": "。", "en": "."}
COMMA = {"zh": "，", "wuu": "，", "en": ", "}
COLON = {"zh": "：", "wuu": "：", "en": ": "}
HOME_SECTIONS = {"resident-guide": ("居民", "拨居民看格", "Residents"),
                 "checklist": ("清单", "清单", "Checklists"), "page": ("常用", "常用", "Pages"),
                 "volunteer-tips": ("志愿者", "志愿者", "Volunteers"),
                 "ngo-manual": ("社会组织", "社会组织", "NGOs")}
SEE = {"zh": ("更多内容，请看", "、", "。"), "wuu": ("还有，看", "、", "。"),
       "en": ("See also ", ", ", ".")}
WITHDRAWN = {"zh": "内容已经合并到新版指南。", "wuu": "内容并到新格指南里去哉。",
             "en": "Merged into a newer guide."}
TODAY_MAX = dt.date(2026, 11, 20)  # latest `updated`: fixed, so output never depends on the clock
MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|\{[^}]*\}|<[^>]*>|[*`_|{}<>\[\]]")


@dataclass
class Pool:
    """Sentences, list items, clauses and headings of one language's real content."""

    sentences: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    clauses: list[str] = field(default_factory=list)
    headings: dict[str, str] = field(default_factory=dict)  # id -> text
    words: list[str] = field(default_factory=list)  # English slugs for folder names


def load_pools() -> dict[str, Pool]:
    pools = {lang: Pool() for lang in LANGS}
    for path in sorted((ROOT / "content").glob("*/*.md")):
        lang, pool = path.stem, pools.get(path.stem)
        if pool is None:
            continue
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        for line in body.split("\n"):
            heading = re.match(r"#{2,3}\s+(?:\d+\.\s*)?(.+?)\s*\{#([a-z0-9-]+)\}", line)
            if heading:
                pool.headings.setdefault(heading.group(2), heading.group(1))
                continue
            if line.startswith("#") or "tel:" in line or not line.strip():
                continue
            is_item = re.match(r"\s*(?:[-*+]|\d+[.)])\s+", line) is not None
            text = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?", "", line)
            text = re.sub(r"\s+", " ", MARKUP.sub(r"\1", text)).strip(" ：:")
            if len(text) < (12 if lang == "en" else 4):
                continue
            (pool.items if is_item else pool.sentences).extend(split_sentences(text, lang))
            pool.clauses.extend(c.strip(" .。") for c in re.split(r"[，、；,;:：]\s*", text)
                                if (len(c) >= 18 if lang == "en" else 5 <= len(c) <= 24))
        if lang == "en":
            pool.words.extend(re.findall(r"\b[a-z]{5,11}\b", body.lower()))
    for pool in pools.values():
        for name in ("sentences", "items", "clauses", "words"):
            setattr(pool, name, sorted(set(getattr(pool, name))))
        pool.sentences = pool.sentences or pool.items
    return pools


def split_sentences(text: str, lang: str) -> list[str]:
    if lang == "en":
        parts = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"(])", text)
    else:
        parts = re.findall(r"[^。！？!?]+[。！？!?]?", text)
    return [p.strip() for p in parts if len(p.strip()) >= 4]


@dataclass
class Guide:
    folder: str
    kind: str
    langs: list[str]
    status: str
    version: int
    stale: set[str]
    updated: dt.date
    review_by: dt.date
    owner: int
    image: bool
    titles: dict[str, str] = field(default_factory=dict)
    replaced_by: str = ""


class Text:
    """Seeded sampling from one language's pool."""

    def __init__(self, rng: random.Random, pool: Pool, lang: str) -> None:
        self.rng, self.pool, self.lang = rng, pool, lang

    def sentence(self) -> str:
        rng, pool = self.rng, self.pool
        if rng.random() < 0.2 and len(pool.clauses) > 1:  # lightly recombine two clauses
            a, b = rng.sample(pool.clauses, 2)
            return a + COMMA[self.lang] + (b[0].lower() + b[1:] if self.lang == "en" else b) \
                + END[self.lang]
        return rng.choice(pool.sentences)

    def paragraph(self, lo: int = 2, hi: int = 4) -> str:
        return ("" if self.lang != "en" else " ").join(
            self.sentence() for _ in range(self.rng.randint(lo, hi)))

    def item(self) -> str:
        return self.rng.choice(self.pool.items) if self.rng.random() < 0.7 else self.sentence()

    def phrase(self, limit: int) -> str:
        """A short clause without end punctuation: titles, checklist items, alt text."""
        for _ in range(50):
            text = self.rng.choice(self.pool.clauses + self.pool.items).rstrip("。.！!？?；;")
            if len(text) <= limit:
                return text[0].upper() + text[1:] if self.lang == "en" else text
        return text[:limit]

    def items(self, n: int, ordered: bool = False) -> str:
        return "\n".join(f"{f'{i}.' if ordered else '-'} {self.item()}" for i in range(1, n + 1))


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
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def plan(rng: random.Random, pools: dict[str, Pool], pages: int) -> list[Guide]:
    guides: list[Guide] = []
    count = len(LANGS)  # the home page's three files
    words = pools["en"].words
    while count < pages:
        kind = rng.choices(list(KINDS), weights=list(KINDS.values()))[0]
        langs = ["zh"]
        if kind in ("resident-guide", "page") and rng.random() < 1 / 3:
            langs.append("wuu")
        if rng.random() < 2 / 3:
            langs.append("en")
        langs = langs[: pages - count]
        count += len(langs)
        status = rng.choices(list(STATUSES), weights=list(STATUSES.values()))[0]
        version = rng.choice((1, 1, 1, 2, 2, 3))
        stale = {lang for lang in langs[1:] if version > 1 and rng.random() < 0.1}
        updated = TODAY_MAX - dt.timedelta(days=rng.randint(0, 240))
        guides.append(Guide(f"g{len(guides) + 1:04d}-{rng.choice(words)}", kind, langs, status,
                            version, stale, updated, updated + dt.timedelta(rng.randint(90, 300)),
                            rng.randrange(len(OWNERS["zh"])), rng.random() < 0.08))
    for guide in guides:
        limit = 20 if guide.kind == "page" else 14
        for lang in guide.langs:
            text = Text(rng, pools[lang], lang)
            guide.titles[lang] = text.phrase(60 if lang == "en" else limit)
        if guide.status == "withdrawn":
            same = [g for g in guides if g.kind == guide.kind and g.status == "published"]
            guide.replaced_by = rng.choice(same).folder if same else ""
            guide.status = "withdrawn" if same else "published"
    return guides


def front(guide: Guide, lang: str, text: Text) -> str:
    summary = text.sentence()
    while len(summary) > SUMMARY_MAX_CHARS:
        summary = text.sentence()
    owner = OWNERS["en" if lang == "en" else "zh"][guide.owner]
    lines = ["---", f"id: {guide.folder}", f"kind: {guide.kind}",
             f"title: {q(guide.titles[lang])}", f"summary: {q(summary)}",
             f"version: {guide.version}", f"status: {guide.status}",
             f"updated: {guide.updated}", f"review_by: {guide.review_by}",
             f"owner: {q(owner)}", f"audience: {AUDIENCE[guide.kind]}"]
    if lang != "zh":
        lines.append(f"source_version: {guide.version - (lang in guide.stale)}")
    if guide.status == "withdrawn":
        lines += [f"withdrawn_reason: {WITHDRAWN[lang]}", f"replaced_by: {guide.replaced_by}"]
    if lang == "zh":
        lines.append("history:")
        for v in range(guide.version, 0, -1):
            date = guide.updated - dt.timedelta(days=30 * (guide.version - v))
            note = "首次发布" if v == 1 else text.phrase(20)
            lines.append(f'  - {{"version": {v}, "date": "{date}", "note": {json.dumps(note, ensure_ascii=False)}}}')
    return "\n".join(lines + ["---", ""])


def links(guide: Guide, lang: str, text: Text, targets: dict[str, list[Guide]]) -> str:
    """A sentence linking 1-3 published guides that exist in this language."""
    chosen = [g for g in text.rng.sample(targets[lang], min(3, len(targets[lang])))
              if g is not guide][: text.rng.randint(1, 3)]
    parts = []
    for g in chosen:
        anchor = "#" + FIRST_SECTION.get(g.kind, "") if g.kind in FIRST_SECTION \
            and text.rng.random() < 0.3 else ""
        parts.append(f"[{g.titles[lang]}](../{g.folder}/{anchor})")
    start, sep, end = SEE[lang]
    return start + sep.join(parts) + end if parts else ""


def sections(rng: random.Random, pools: dict[str, Pool], guide: Guide) -> list[str]:
    """Section ids for the guide, shared by all its languages, with the kind's rules."""
    required = [s.id for s in SECTIONS.get(guide.kind, ())]
    spare = [i for i in pools["zh"].headings if i not in required]
    extra = rng.sample(spare, rng.randint(*{"resident-guide": (1, 4), "ngo-manual": (0, 2),
                                            "volunteer-tips": (5, 10), "checklist": (2, 4),
                                            "page": (2, 4)}[guide.kind]))
    if guide.kind == "resident-guide":
        return required[:1] + extra + required[1:]
    if guide.kind == "ngo-manual":
        for item in extra:
            required.insert(rng.randint(1, len(required) - 1), item)
        return required
    return extra


def heading(pools: dict[str, Pool], lang: str, sid: str, text: Text) -> str:
    for section in (s for kind in SECTIONS.values() for s in kind if s.id == sid):
        return pools[lang].headings.get(sid) or (section.en if lang == "en" else section.zh)
    return pools[lang].headings.get(sid) or text.phrase(40 if lang == "en" else 12)


def body(guide: Guide, lang: str, text: Text, ids: list[str], pools: dict[str, Pool],
         targets: dict[str, list[Guide]]) -> str:
    rng, out = text.rng, []
    image = f"![{text.phrase(40 if lang == 'en' else 16)}](figure.png)" if guide.image else ""
    if guide.kind != "resident-guide":
        out.append(text.paragraph(1, 3) + links(guide, lang, text, targets))
        out += [image] if image else []
    for n, sid in enumerate(ids, start=1):
        title = heading(pools, lang, sid, text)
        if guide.kind == "volunteer-tips":
            out.append(f"## {n}. {title} {{#{sid}}}")
            items = [text.item() for _ in range(rng.randint(2, 5))]
            while len(items) > 1 and sum(map(len, items)) > TIP_MAX_CHARS[lang] * 0.8:
                items.pop()
            out.append("\n".join(f"- {i}" for i in items))
            continue
        out.append(f"## {title} {{#{sid}}}")
        if guide.kind == "checklist":
            limit = 100 if lang == "en" else 36
            out.append("\n".join(f"- [ ] {text.phrase(limit)}" for _ in range(rng.randint(4, 9))))
        elif guide.kind == "resident-guide":
            if sid == "help":
                out.append("\n".join(f"- {text.phrase(30 if lang != 'en' else 80)}{COLON[lang]}"
                                     f"[{num}](tel:{num})" for num in rng.sample(HOTLINES, 4)))
                out.append(links(guide, lang, text, targets))
            elif sid in ("known", "not-known", "being-done"):
                out.append(text.items(rng.randint(2, 4)))
            else:
                out.append(text.items(rng.randint(3, 7), ordered=True))
            if sid == "do-now" and image:
                out.append(image)
        else:  # ngo-manual and page: paragraphs, lists, bold leads, subsections, phones
            out.append(text.paragraph())
            if rng.random() < 0.6:
                out.append(text.items(rng.randint(3, 6), rng.random() < 0.4))
            if guide.kind == "ngo-manual" and rng.random() < 0.4:
                for k in range(rng.randint(2, 3)):
                    out.append(f"### {text.phrase(40 if lang == 'en' else 12)} {{#{sid}-{k + 1}}}")
                    out.append(f"**{text.phrase(30 if lang == 'en' else 8)}**{COLON[lang]}"
                               + text.paragraph(1, 2))
            if sid in ("resources", "help") or rng.random() < 0.2:
                phone = f"0512-6{rng.randint(2, 9)}{rng.randint(0, 999999):06d}"
                short = rng.choice(HOTLINES)
                out.append(f"{text.phrase(60 if lang == 'en' else 16)}{COLON[lang]}"
                           f"[{phone}](tel:{phone}){COMMA[lang]}[{short}](tel:{short})")
    if guide.kind == "resident-guide" and not guide.image and rng.random() < 0.5:
        out.append(text.paragraph(1, 2))
    return "\n\n".join(p for p in out if p) + "\n"


def home(lang: str, text: Text, targets: dict[str, list[Guide]]) -> str:
    title = {"zh": "守望指南", "wuu": "守望指南（苏州话）", "en": "Shouwang Guides"}[lang]
    out = ["---", "id: home", "kind: page", f"title: {title}", f"summary: {q(text.sentence())}",
           "version: 1", "status: published", "updated: 2026-11-20", "review_by: 2027-05-31",
           f"owner: {OWNERS['en' if lang == 'en' else 'zh'][0]}", "audience: [everyone]"]
    out += ["source_version: 1"] if lang != "zh" else []
    out += ["---", "", text.paragraph(1, 2), ""]
    for kind in KINDS:
        shown = [g for g in targets[lang] if g.kind == kind][:5]
        if shown:
            out += [f"## {HOME_SECTIONS[kind][LANGS.index(lang)]} {{#{kind}}}", ""]
            out += [f"- [{g.titles[lang]}](../{g.folder}/)" for g in shown] + [""]
    return "\n".join(out)


def generate(out_dir: Path, pages: int, seed: int) -> int:
    """Write mkdocs.yml and content/ into OUT_DIR; return the number of Markdown files."""
    out_dir = out_dir.resolve()
    if out_dir == ROOT or ROOT.is_relative_to(out_dir):
        raise SystemExit("corpus.py: OUT_DIR must not be the repository or hold it")
    rng, pools = random.Random(seed), load_pools()
    guides = plan(rng, pools, pages)
    targets = {lang: [g for g in guides if g.status == "published" and lang in g.langs]
               for lang in LANGS}
    content = out_dir / "content"
    if content.exists():
        shutil.rmtree(content)
    (content / "_data").mkdir(parents=True)
    shutil.copy(ROOT / "content/_data/hotlines.yml", content / "_data/hotlines.yml")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for key, value in (("docs_dir", "content"), ("custom_dir", str(ROOT / "overrides")),
                       ("search_words", str(ROOT / "content/_data/search-words.txt"))):
        config, n = re.subn(rf"(?m)^(\s*{key}:).*$", lambda m, v=value: f"{m.group(1)} {v}",
                            config)
        assert n == 1, f"mkdocs.yml: expected one {key}"
    (out_dir / "mkdocs.yml").write_text(config, encoding="utf-8")
    written = 0
    for lang in LANGS:
        (content / HOME_FOLDER).mkdir(exist_ok=True)
        (content / HOME_FOLDER / f"{lang}.md").write_text(
            home(lang, Text(rng, pools[lang], lang), targets), encoding="utf-8")
        written += 1
    for guide in guides:
        folder = content / guide.folder
        folder.mkdir()
        ids = sections(rng, pools, guide)
        if guide.image:
            (folder / "figure.png").write_bytes(png(rng))
        for lang in guide.langs:
            text = Text(rng, pools[lang], lang)
            (folder / f"{lang}.md").write_text(
                front(guide, lang, text) + "\n" + body(guide, lang, text, ids, pools, targets),
                encoding="utf-8")
            written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--pages", type=int, default=1000, help="Markdown files in all")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    written = generate(args.out_dir, max(args.pages, len(LANGS) + 1), args.seed)
    print(f"{written} Markdown files in {args.out_dir / 'content'}")


if __name__ == "__main__":
    main()
