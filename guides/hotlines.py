"""The hotline list (content/_data/hotlines.yml), read once for every page that shows it
and for every `{{hotline:ID}}` a guide's text inserts.

The file has two places: `national` (numbers valid everywhere, such as 120) and `local`
(the station, the community, the fever clinic: a station fills these in; the sample
leaves it empty rather than invent a number). A bare list is read as the national part.

`guides check` validates the file (guides/checks/hotlines.py); here bad entries are simply
left out, so a broken file never breaks a build that checks were told to skip.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from guides import limits
from guides.model import DATA_FOLDER, DEFAULT_LANGUAGE, HOTLINES_FILE
from guides.phones import is_valid_chinese_number, normalise

PARTS = ("national", "local")
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# `{{hotline:ambulance}}`, spaces allowed inside the braces. The checks and the Markdown
# extension use this one pattern, so what is checked is what is inserted.
PLACEHOLDER = re.compile(r"\{\{\s*hotline\s*:\s*([^{}\s]*)\s*\}\}")
# What an editor meant as a placeholder but mistyped: full-width braces or colon, one
# brace, a missing colon (`{{hotline ambulance}}`), `hotlines:`. Reported, never inserted.
NEAR_PLACEHOLDER = re.compile(r"[{｛]{1,2}\s*hotlines?\s*[:：]?\s*[^{}｛｝\s]*\s*[}｝]{0,2}",
                              re.IGNORECASE)


def entries(data: Any) -> list[tuple[str, int, Any]]:
    """(part, index in part, item) for every entry, in the file's order."""
    if isinstance(data, list):
        return [("national", i, item) for i, item in enumerate(data)]
    if isinstance(data, dict):
        return [(part, i, item) for part in PARTS if isinstance(data.get(part), list)
                for i, item in enumerate(data[part])]
    return []


def usable(item: Any) -> bool:
    return (isinstance(item, dict) and isinstance(item.get("number"), (str, int))
            and not isinstance(item.get("number"), bool)
            and is_valid_chinese_number(str(item["number"]))
            and isinstance(item.get("name"), dict)
            and isinstance(item["name"].get(DEFAULT_LANGUAGE), str))


def read(content_root: Path) -> Any:
    path = Path(content_root) / DATA_FOLDER / HOTLINES_FILE
    try:
        text = path.read_text(encoding="utf-8")
        return None if limits.yaml_problems(text) else yaml.safe_load(text)  # no alias bombs
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError):
        return None


def load(content_root: Path) -> list[dict]:
    """Every usable entry, national first, each marked with its `part`."""
    return [{**item, "part": part} for part, _, item in entries(read(content_root))
            if usable(item)]


def numbers_by_id(hotlines: list[dict]) -> dict[str, str]:
    """id -> number as written, for `{{hotline:ID}}` (the first entry with an id wins)."""
    table: dict[str, str] = {}
    for item in hotlines:
        key = item.get("id")
        if isinstance(key, str) and key not in table:
            table[key] = str(item["number"])
    return table


def for_language(hotlines: list[dict], language: str) -> list[dict[str, str]]:
    """Each hotline's number, `tel:` target, name and note in `language` (Mandarin where
    a translation is missing)."""

    def text(field: object) -> str:
        if not isinstance(field, dict):
            return ""
        value = field.get(language, field.get(DEFAULT_LANGUAGE, ""))
        return value if isinstance(value, str) else ""

    return [{"number": str(item["number"]), "tel": normalise(str(item["number"])),
             "name": text(item["name"]), "note": text(item.get("note")),
             "id": str(item.get("id") or ""), "part": str(item.get("part") or "national")}
            for item in hotlines]
