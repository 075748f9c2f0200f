"""A search index a phone can afford at ten thousand pages: split into small files,
fetched only for the words asked.

Material's search sends the whole index to the browser before the first result (1.4 MB
compressed for 1,000 Mandarin pages). This module turns the index Material's search
plugin wrote into, under `search/<version>/`:

- `<k>.json`: shard k of the inverted index (term -> entries, a bit for "in a title"; a
  common term -> the name of its own file, `w/<hash>.json`, fetched only for a query
  asking it);
- `p/<k>.json`: the page list, PAGES_PER_FILE pages a file (address, title), fetched only
  for the results shown by title (an entry's number tells its page: `page * STRIDE +
  section`);
- `d/<page>.json`: one page's entries (its address, then section anchors; titles, plain
  text), fetched only for the first results shown, to pick the sentence that matched;
- `t/<k>.json`: traditional -> simplified characters (guides/search_t2s.py), fetched only
  for a query character the index does not hold;

and replaces `search/search_index.json` by a stub holding Material's config, where the
files are, the synonym groups (guides/synonyms.py) and which pages are stations' copies
of one guide (guides/search_families.py; s-fold: a family's pages are numbered one after
another, so the stub lists them in a few numbers). The worker,
`overrides/assets/javascripts/search-worker.js`, ranks pages by how much of the query
they hold (BM25-like weights over these terms, titles counting more) and answers
Material's search UI, so the UI stays Material's.

Terms: Chinese text is indexed by character pairs (bigrams), so a word is found anywhere
inside a sentence whatever a word segmenter would have made of it (核酸检测 holds 检测),
in Mandarin and in dialect alike; every character is also indexed alone, so a
one-character query reads one list. Other text is indexed by words, matched by prefix.

Which shard: a Chinese term's own hash (a query fetches the lists of its own pairs and
little else: keyed by first character, the shard of 人家 carried every pair starting with
人, 70 KB at 10,000 pages); a word's first two letters (a prefix query reads every word
starting with them). The worker must tokenise and shard exactly as this module does:
keep the two in step (tests/test_search_shards.py runs both).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import rjsmin

from guides import search_families, search_t2s

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TOKEN = re.compile(rf"[{HAN}]+|[0-9a-z\u00c0-\u024f]+")
TAG = re.compile(r"<[^>]*>")
ENTRIES_PER_SHARD = 400  # about 0.5 KB compressed a shard, besides the query's own terms
OWN_FILE = 512  # a term in more entries than this gets a file of its own (w/<hash>.json)
MAX_SHARDS = 4096
STRIDE = 64  # entry numbers per page: a page's 64th section and those after it share one
PAGES_PER_FILE = 4  # pages per file of the page list (about 0.2 KB compressed)
# s-speed: which Chinese terms have a file of their own, as a Bloom filter in the stub, so
# that a query fetches a common term's file at once instead of first its shard (one round
# of fetches fewer). 10 bits a term and 7 hashes: about 1 % of rare terms look common; the
# worker then finds no list in that file (or no file) and reads the shard after all.
COMMON_BITS = 10
COMMON_HASHES = 7
WORKER = "assets/javascripts/search-worker.js"


def normalise(text: str) -> str:
    """Markup out, entities decoded, full-width forms folded, lower case."""
    text = html.unescape(TAG.sub(" ", text)).replace("\u200b", "")
    return unicodedata.normalize("NFKC", text).lower()


def is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u4dbf" or "\u4e00" <= char <= "\u9fff" \
        or "\uf900" <= char <= "\ufaff"


def terms(text: str) -> set[str]:
    """Index terms of already normalised text: Chinese bigrams and single characters,
    and whole words of other scripts."""
    found: set[str] = set()
    for token in TOKEN.findall(text):
        if is_han(token[0]):
            found.update(token[i:i + 2] for i in range(len(token) - 1))
            found.update(token)
        else:
            found.add(token)
    return found


def shard_key(term: str) -> str:
    """A Chinese term (a pair or one character) is looked up exactly: its own key, so its
    shard holds it and a few unrelated terms; a word by its first two letters (a prefix
    query reads every word starting with them)."""
    return term if is_han(term[0]) else term[:2]


def fnv1a(text: str) -> int:
    """32-bit FNV-1a over UTF-16 code units, the same in search-worker.js."""
    value = 2166136261
    data = text.encode("utf-16-le")
    for i in range(0, len(data), 2):
        value ^= data[i] | data[i + 1] << 8
        value = (value * 16777619) & 0xFFFFFFFF
    return value


@dataclass
class Page:
    location: str
    title: str
    entries: list[list[str]] = field(default_factory=list)  # [anchor, title, text]


def pages_of(docs: list[dict]) -> list[Page]:
    """Material lists a page, then its sections (`page/#anchor`); a section whose page is
    not in the index (it happens with excluded pages) becomes its own page."""
    pages: list[Page] = []
    for doc in docs:
        location = str(doc.get("location", ""))
        title = str(doc.get("title", "")).replace("\u200b", "")
        text = str(doc.get("text", "")).replace("\u200b", "")
        page_location, _, anchor = location.partition("#")
        if not pages or pages[-1].location != page_location:
            pages.append(Page(page_location, title if not anchor else page_location))
            if anchor:
                pages[-1].entries.append(["", pages[-1].title, ""])
        pages[-1].entries.append([f"#{anchor}" if anchor else "", title, text])
    return pages


def own_file(term: str) -> str:
    """A common term's own file, named by its hash (the worker names it the same way)."""
    return f"w/{fnv1a(term):08x}.json"


def mix(value: int) -> int:
    """MurmurHash3's 32-bit finaliser: FNV-1a alone spreads two-character terms badly (4-8 %
    false positives measured instead of 1 %; with this, 0.67 % at 10,000 pages)."""
    value ^= value >> 16
    value = (value * 0x85EBCA6B) & 0xFFFFFFFF
    value ^= value >> 13
    value = (value * 0xC2B2AE35) & 0xFFFFFFFF
    return value ^ value >> 16


def bloom_hashes(term: str) -> tuple[int, int]:
    """The two hashes of a term whose combinations place it in the filter (the worker's
    `common` computes the same)."""
    value = fnv1a(term)
    return mix(value), mix(value ^ 0x9E3779B9) | 1


def bloom(terms_: list[str]) -> str:
    """s-speed: a Bloom filter of `terms_` as hex digits, bit j of the filter in digit j // 4
    (value 1 << j % 4): compact once gzipped and read without base64 by the worker's
    `common`. Bit positions: (h1 + i * h2) mod 2**32 mod m for i < COMMON_HASHES
    (`bloom_hashes`)."""
    if not terms_:
        return ""
    digits = bytearray(-(-len(terms_) * COMMON_BITS // 4))
    bits = len(digits) * 4
    for term in terms_:
        h1, h2 = bloom_hashes(term)
        for i in range(COMMON_HASHES):
            j = ((h1 + i * h2) & 0xFFFFFFFF) % bits
            digits[j // 4] |= 1 << (j % 4)
    return "".join(f"{d:x}" for d in digits)


def family_order(pages: list[Page]) -> tuple[list[Page], list[int]]:
    """s-fold: the pages with stations' copies of one guide numbered one after another
    (guides/search_families.py finds them by their text), and the families for the stub
    ([gap, size, ...]: the worker folds a family into one result, however far down the
    list its copies are, with no more files to fetch)."""
    family = search_families.families(  # the page's title and text, not the headings
        TAG.sub("\n", "\n".join([page.title] + [text for _, _, text in page.entries])).lower()
        for page in pages)
    numbers = search_families.order(family)
    sizes: dict[int, int] = {}
    for root in family:
        sizes[root] = sizes.get(root, 0) + 1
    return ([pages[n] for n in numbers],
            search_families.runs([sizes[n] for n in numbers if family[n] == n]))


def dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


BLOCK_END = re.compile(r"<br\s*/?>|</(?:p|li|h[1-6]|tr|div|blockquote|pre|dt|dd)\s*>",
                       re.IGNORECASE)


def plain(markup: str) -> str:
    """What a result shows of an entry: its text without markup, blocks on their own lines
    (sentences are cut there). The worker escapes it and adds only <mark>: no markup from
    the index ever reaches the results."""
    text = html.unescape(TAG.sub("", BLOCK_END.sub("\n", markup))).replace("\u200b", "")
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def build(index: dict, synonyms: list[list[str]] | None = None,
          t2s: dict[str, str] | None = None,
          strings: dict[str, str] | None = None) -> tuple[dict, dict[str, str]]:
    """The stub index and the files to write (path under search/ -> JSON text).

    An entry (a page's own text, or one section) is numbered `page * STRIDE + n`, so the
    worker knows an entry's page from its number alone; the page list is cut into files of
    PAGES_PER_FILE pages, fetched only for the results shown. `t2s` ({traditional:
    simplified}) is cut to the characters the index holds (guides/search_t2s.py).
    `strings`: words the worker shows, in the site's language (s-fold: "copies",
    "copies.one", how a folded guide's other copies are counted)."""
    pages, families = family_order(pages_of(list(index.get("docs") or [])))
    postings: dict[str, list[int]] = {}
    characters: set[str] = set()
    entries = 0
    for number, page in enumerate(pages):
        for n, (_, title, text) in enumerate(page.entries):
            in_title = terms(normalise(title))
            body = normalise(text)
            characters.update(c for c in body if is_han(c))
            characters.update(c for t in in_title for c in t if is_han(c))
            entry = number * STRIDE + min(n, STRIDE - 1)
            for term in in_title | terms(body):
                values = postings.setdefault(term, [])
                value = entry * 2 + (term in in_title)
                if values and values[-1] >> 1 == entry:  # sections past STRIDE share one
                    values[-1] |= value & 1
                else:
                    values.append(value)
            entries += 1
    # A common term (核酸 in 8,000 entries at 10,000 pages) in a shard would be sent with
    # every query that asks another term of that shard: it gets a file of its own, named in
    # its shard, and the shards keep only the rare terms, a few hundred entries each.
    total = sum(len(p) for p in postings.values() if len(p) <= OWN_FILE)
    count = 1
    while count < MAX_SHARDS and total / count > ENTRIES_PER_SHARD:
        count *= 2
    shards: list[dict[str, list[int] | str]] = [{} for _ in range(count)]
    own: dict[str, dict[str, list[int]]] = {}
    common: list[str] = []  # s-speed: the Chinese ones, in the stub's Bloom filter
    for term, values in postings.items():
        deltas = [values[0]] + [b - a for a, b in pairwise(values)]
        shard = shards[fnv1a(shard_key(term)) % count]
        if len(values) > OWN_FILE:
            name = own_file(term)  # two terms of one hash share the file
            own.setdefault(name, {})[term] = deltas
            if is_han(term[0]):
                common.append(term)
            shard[term] = name
        else:
            shard[term] = deltas
    files: dict[str, str] = {name: dump(lists) for name, lists in own.items()}
    for start in range(0, len(pages), PAGES_PER_FILE):
        files[f"p/{start // PAGES_PER_FILE}.json"] = dump(
            [[p.location, plain(p.title)] for p in pages[start:start + PAGES_PER_FILE]])
    files.update((f"{k}.json", dump(shard)) for k, shard in enumerate(shards))
    # a page's own file: its entries, the first one's anchor replaced by the page's address
    files.update((f"d/{i}.json", dump([[a if n else p.location, plain(t), plain(x)]
                                       for n, (a, t, x) in enumerate(p.entries)]))
                 for i, p in enumerate(pages))
    table = search_t2s.for_site(characters) if t2s is None else \
        {s: t for s, t in t2s.items() if t in characters}
    buckets = search_t2s.buckets(table, fnv1a)
    files.update((f"t/{k}.json", dump(bucket)) for k, bucket in enumerate(buckets))
    groups = [[normalise(w).strip() for w in group] for group in synonyms or []]
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name].encode() + b"\0")
    digest.update(dump(groups).encode())
    if families:  # s-fold (the real site has none: its version stays as it was)
        digest.update(dump(families).encode())
    version = digest.hexdigest()[:10]
    config = dict(index.get("config") or {})
    config["shouwang"] = {"version": version, "shards": count, "pages": len(pages),
                          "entries": entries, "stride": STRIDE, "chunk": PAGES_PER_FILE,
                          "t2s": len(buckets), "synonyms": groups,
                          "common": bloom(sorted(common)), "hashes": COMMON_HASHES}
    if families:  # s-fold: stations' copies of one guide, numbered one after another
        config["shouwang"]["families"] = families
    if strings:
        config["shouwang"]["strings"] = strings
    return {"config": config, "docs": []}, {f"{version}/{name}": text
                                            for name, text in files.items()}


def minify_worker(site_dir: Path) -> None:
    """s-speed: the worker as readers get it, its comments and blanks out (9.2 -> 5.8 KB
    compressed): fewer bytes on a first search and less for a phone to parse. Its name
    stays (partials/sw-lazy-search.html derives it from Material's worker address)."""
    path = site_dir / WORKER
    if path.is_file():
        path.write_text(rjsmin.jsmin(path.read_text(encoding="utf-8")), encoding="utf-8")


def write(site_dir: Path, synonyms: list[list[str]] | None = None,
          strings: dict[str, str] | None = None) -> int:
    """Shard `search/search_index.json` in a built language site; returns the file count
    (0 when the site has no search index). `synonyms`: groups of words search counts as
    one (guides/synonyms.py), applied by the worker at query time."""
    minify_worker(site_dir)
    search = site_dir / "search"
    index_path = search / "search_index.json"
    if not index_path.is_file():
        return 0
    index = json.loads(index_path.read_text(encoding="utf-8"))
    if (index.get("config") or {}).get("shouwang"):
        return 0  # already sharded (a rebuild that kept the folder)
    stub, files = build(index, synonyms, strings=strings)
    for old in search.iterdir():
        if old.is_dir():
            shutil.rmtree(old)
    for name, text in files.items():
        path = search / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    index_path.write_text(dump(stub), encoding="utf-8")
    return len(files)
