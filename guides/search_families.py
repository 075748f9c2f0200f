"""Which pages of a search index are copies of one guide (issue 13, s-fold).

In a city every social-work station may publish its own copy of a guide: 130-170 copies of
the testing guide among 3,000 pages. Search shows a guide once, its best copy first, with
how many other stations have it (search-worker.js `folded`); for that the index must say
which pages are copies of which. The content model cannot: a station's copy has its own
`id`, and nothing obliges an editor to say where its text came from. So the text says it:
two pages are copies when they say many of the same clauses.

How: a page's title and text (its summary and sections, not their headings, which every
guide of a kind shares; markup as line ends) is cut into clauses at punctuation and line
ends; a clause of CLAUSE_MIN characters or more is one shingle, hashed once (a station that
edits a word changes one clause, not the page). Two pages are copies when the clauses
they share are at least SIMILAR of all their clauses (Jaccard) and SHARED_MIN in number
(two short pages sharing a hotline line are not copies). Not every pair is compared: a
one-permutation MinHash signature (Li, Owen and Zhang 2012: the smallest hash in each of
BINS ranges; empty bins filled as Shrivastava and Li 2014) and locality-sensitive hashing
(BANDS bands of BINS // BANDS bins) name candidate pairs, which are then checked exactly.
Families are the joined pages (union-find); two families join only if their first pages
share KIN of their clauses, so a page merging two guides does not make them one (`kin`).
datasketch does MinHash LSH too, but needs numpy and scipy for what is sixty lines here.

Measured on `scripts/corpus.py --copies` at 3,000 pages (30,000 random pairs a
language; copies draw their guide's sentences in another order, some left out): two
copies of one guide share 12-100 % of their clauses (half the pairs over 40 %), two
different guides at most 12 % (99.9 % under 9-10 %). SIMILAR = 0.3 is well clear of the
different guides and of the pages of the default corpus (`corpus.py`, sentences of all
the guides mixed: a few pairs share 20-23 %; at 0.3 it has no family, so its
benchmarks are unchanged), and a copy needs only one link to join its family: all 24
families are pure and whole, found in 1-2 s a language at load 10 (at 0.35 copies start
to be left out). Hiding a different guide is worse than showing a copy twice, so the bar
stays high: a real station's copy shares far more than the corpus's. A pair at 0.3 is a
candidate with probability 1 - (1 - 0.3²)³² = 95 %.

Pure functions, MkDocs-free; guides/search_shards.py numbers the pages of a family one
after another and writes the families in the search stub.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable

CLAUSE = re.compile(r"[\n。！？；：，、!?;:,()（）]+|\.(?:\s|$)")
CLAUSE_MIN = 4  # characters: shorter pieces (一、 numbers, "120") say nothing of the page
BINS = 64
BANDS = 32
SIMILAR = 0.3
SHARED_MIN = 4
KIN = 0.1
TRIES = 4  # pairs tried between two families meeting in a bucket
SPAN = 1 << 26  # a bin's values are under 2^32 / BINS
EMPTY = 1 << 40  # a page without a clause: never a candidate


def _mix(value: int) -> int:
    """MurmurHash3's 32-bit finaliser: CRC-32 is linear, and its low bits pick the bin."""
    value ^= value >> 16
    value = (value * 0x85EBCA6B) & 0xFFFFFFFF
    value ^= value >> 13
    value = (value * 0xC2B2AE35) & 0xFFFFFFFF
    return value ^ (value >> 16)


def clauses(text: str) -> frozenset[int]:
    """The hashes of a page's clauses (`text` in lower case, markup replaced by line
    ends: copies are written alike, so nothing more is normalised)."""
    pieces = (piece.strip() for piece in CLAUSE.split(text))
    return frozenset(_mix(zlib.crc32(p.encode("utf-8"))) for p in pieces
                     if len(p) >= CLAUSE_MIN)


def signature(shingles: frozenset[int]) -> tuple[int, ...]:
    """One-permutation MinHash: per bin, the smallest hash that falls in it. A short page
    leaves bins empty; each takes the next filled bin's value, marked with the distance
    (Shrivastava and Li's densification, 2014), so short copies still meet in a band."""
    sig = [EMPTY] * BINS
    for value in shingles:
        bin_, rest = value % BINS, value // BINS
        if rest < sig[bin_]:
            sig[bin_] = rest
    if len(shingles) and EMPTY in sig:
        filled = sig[:]
        for i in range(BINS):
            distance = 0
            while filled[(i + distance) % BINS] == EMPTY:
                distance += 1
            sig[i] = filled[(i + distance) % BINS] + distance * SPAN
    return tuple(sig)


def similar(a: frozenset[int], b: frozenset[int]) -> bool:
    """Copies: a share of SIMILAR of their clauses (Jaccard), and SHARED_MIN at least (two
    short pages sharing a hotline line and a heading are not copies)."""
    same = len(a & b)
    return same >= SHARED_MIN and same >= SIMILAR * len(a | b)


def kin(a: frozenset[int], b: frozenset[int]) -> bool:
    """Two families join only if their first pages are not strangers (KIN of their clauses
    shared): a page that merges two guides (a station's testing guide with its medicine
    guide) is like both, but must not make one family of them, or search would hide one
    guide behind the other. Copies of one guide share 12 % or more, first pages too;
    different guides under 10 % in 99.9 % of pairs."""
    return len(a & b) >= KIN * len(a | b)


def families(texts: Iterable[str]) -> list[int]:
    """Each page's family: the number of its family's first page (a page alone: its own
    number). The same texts give the same families."""
    sets = [clauses(text) for text in texts]
    sigs = [signature(s) for s in sets]
    parent = list(range(len(sets)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    rows = BINS // BANDS
    for band in range(BANDS):
        buckets: dict[tuple[int, ...], list[int]] = {}
        for number, sig in enumerate(sigs):
            key = sig[band * rows:(band + 1) * rows]
            if EMPTY not in key:
                buckets.setdefault(key, []).append(number)
        for members in buckets.values():
            joined: dict[int, list[int]] = {}  # the bucket's pages by the family they are in
            for number in members:
                joined.setdefault(find(number), []).append(number)
            groups = list(joined.values())
            for i, one in enumerate(groups):  # a few pairs of two families: each band
                for other in groups[i + 1:]:   # brings others, so they meet if they are one
                    for a, b in zip(one[:TRIES], other[:TRIES], strict=False):
                        ra, rb = find(a), find(b)
                        if ra != rb and similar(sets[a], sets[b]) and kin(sets[ra], sets[rb]):
                            parent[max(ra, rb)] = min(ra, rb)
    return [find(i) for i in range(len(sets))]


def order(family: list[int]) -> list[int]:
    """The pages renumbered so a family's pages follow one another, at the place of its
    first page (the others keep their order): old numbers in their new order."""
    members: dict[int, list[int]] = {}
    for number, root in enumerate(family):
        members.setdefault(root, []).append(number)
    return [n for number, root in enumerate(family) if root == number for n in members[root]]


def runs(sizes: list[int]) -> list[int]:
    """The families of two pages or more, for the stub: [gap, size, gap, size, ...], where
    gap counts the single pages since the previous family (`sizes`: every family's size,
    pages numbered as `order` leaves them)."""
    out: list[int] = []
    gap = 0
    for size in sizes:
        if size < 2:
            gap += 1
            continue
        out += [gap, size]
        gap = 0
    return out
