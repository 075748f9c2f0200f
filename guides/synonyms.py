"""The synonyms file (content/_data/synonyms.yml): groups of words that search counts as
one word, in any of the three languages.

    groups:
      - [发烧, 发热, 发寒热, fever]

Read from YAML nodes, so every problem has the line of the entry at fault; scalars are
taken as written (`120` stays the text 120, `no` stays no). `parse` finds every problem;
`load` keeps the good groups only, so a broken file never breaks a build that checks
were told to skip. The search worker applies the groups at query time
(guides/search_shards.py puts them, normalised, in the search stub).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import yaml

from guides import limits
from guides.frontmatter import SafeLoader, parse_yaml
from guides.model import DATA_FOLDER

SYNONYMS_FILE = "synonyms.yml"
MAX_WORD = 40  # characters: a synonym is a word or a short phrase, not a sentence
Problem = tuple[int, str, dict[str, Any]]
SEPARATORS = "，、,；;"  # a list written with full-width commas is one string to YAML
WIDE_BRACKETS = ("［", "【", "〔")  # a list in these is one string to YAML too


def normal(word: str) -> str:
    """A word as search compares it: full-width forms folded, lower case, spaces single."""
    return " ".join(unicodedata.normalize("NFKC", word).lower().split())


def parse(text: str) -> tuple[list[list[str]], list[Problem]]:
    """(good groups, problems) of the file's text. Never raises."""
    _, _, problems = parse_yaml(text)  # syntax, limits, duplicate keys: told by cause
    if problems:
        return [], problems
    try:
        root = yaml.compose(text, Loader=SafeLoader)
    except (yaml.YAMLError, RecursionError, ValueError):
        return [], [(1, "synonyms.not-mapping", {})]
    if root is None:
        return [], []  # an empty file: no groups
    if not isinstance(root, yaml.MappingNode):
        return [], [(line(root), "synonyms.not-mapping", {})]
    groups_node = None
    for key, value in root.value:
        if key.value == "groups":
            groups_node = value
        else:
            problems.append((line(key), "synonyms.unknown-key", {"key": str(key.value)}))
    if groups_node is None or (isinstance(groups_node, yaml.ScalarNode)
                               and groups_node.value in ("", "~", "null")):
        return [], problems
    if not isinstance(groups_node, yaml.SequenceNode):
        problems.append((line(groups_node), "synonyms.not-list", {}))
        return [], problems
    groups: list[list[str]] = []
    seen: dict[tuple[str, ...], int] = {}
    for node in groups_node.value:
        group = _group(node, problems)
        if group is None:
            continue
        key = tuple(sorted(group))
        if key in seen:
            problems.append((line(node), "synonyms.duplicate-group", {"first": seen[key]}))
            continue
        seen[key] = line(node)
        groups.append(group)
    return groups, problems


def _group(node: yaml.Node, problems: list[Problem]) -> list[str] | None:
    if isinstance(node, yaml.ScalarNode):
        code = "synonyms.group-brackets" if node.value.lstrip().startswith(WIDE_BRACKETS) \
            else "synonyms.group-text" if any(s in node.value for s in SEPARATORS) \
            else "synonyms.group-not-list"
        problems.append((line(node), code, {"value": node.value[:40]}))
        return None
    if not isinstance(node, yaml.SequenceNode):
        problems.append((line(node), "synonyms.group-not-list", {"value": ""}))
        return None
    words: list[str] = []
    bad = False
    for item in node.value:
        if not isinstance(item, yaml.ScalarNode):
            problems.append((line(item), "synonyms.word-not-text", {}))
            bad = True
            continue
        word = normal(item.value)
        if not word:
            problems.append((line(item), "synonyms.word-empty", {}))
            bad = True
        elif any(s in word for s in SEPARATORS):
            problems.append((line(item), "synonyms.word-separator", {"word": item.value}))
            bad = True
        elif len(word) > MAX_WORD:
            problems.append((line(item), "synonyms.word-long",
                             {"word": item.value[:20], "limit": MAX_WORD}))
            bad = True
        elif word in words:
            problems.append((line(item), "synonyms.word-twice", {"word": item.value}))
        else:
            words.append(word)
    if bad:
        return None
    if len(words) < 2:
        problems.append((line(node), "synonyms.group-short", {}))
        return None
    return words


def line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def read_file(path: Path) -> list[list[str]]:
    """The good groups of one file; [] when it is missing, unreadable or over a limit."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    if limits.yaml_problems(text):
        return []
    return parse(text)[0]


def load(content_root: Path) -> list[list[str]]:
    """The good groups of content/_data/synonyms.yml."""
    return read_file(Path(content_root) / DATA_FOLDER / SYNONYMS_FILE)
