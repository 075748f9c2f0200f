"""The hotline list (content/_data/hotlines.yml), read once for every page that shows it.

`guides check` validates the file; here bad entries are simply left out, so a broken file
never breaks a build that checks were told to skip.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from guides import limits
from guides.model import DATA_FOLDER, DEFAULT_LANGUAGE, HOTLINES_FILE
from guides.phones import is_valid_chinese_number, normalise


def load(content_root: Path) -> list[dict]:
    path = Path(content_root) / DATA_FOLDER / HOTLINES_FILE
    try:
        text = path.read_text(encoding="utf-8")
        data = None if limits.yaml_problems(text) else yaml.safe_load(text)  # no alias bombs
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []
    if not isinstance(data, list):
        return []
    return [item for item in data if isinstance(item, dict)
            and isinstance(item.get("number"), (str, int))
            and is_valid_chinese_number(str(item["number"]))
            and isinstance(item.get("name"), dict)
            and isinstance(item["name"].get(DEFAULT_LANGUAGE), str)]


def for_language(hotlines: list[dict], language: str) -> list[dict[str, str]]:
    """Each hotline's number, `tel:` target, name and note in `language` (Mandarin where
    a translation is missing)."""

    def text(field: object) -> str:
        if not isinstance(field, dict):
            return ""
        value = field.get(language, field.get(DEFAULT_LANGUAGE, ""))
        return value if isinstance(value, str) else ""

    return [{"number": str(item["number"]), "tel": normalise(str(item["number"])),
             "name": text(item["name"]), "note": text(item.get("note"))} for item in hotlines]
