#!/usr/bin/env python3
"""Print HANDBOOK.md's front-matter field table from `guides.model` (the one definition).

    python3 scripts/field_table.py

tests/test_repository.py fails when HANDBOOK.md's table differs from this output.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from guides.model import FIELDS  # noqa: E402


def table() -> str:
    rows = ["| 字段 field | 必填 required | 含义 | meaning | 例子 example |",
            "|---|---|---|---|---|"]
    for spec in FIELDS.values():
        required = "是 yes" if spec.required else "否 no"
        rows.append(f"| `{spec.name}` | {required} | {spec.zh} | {spec.en} | `{spec.example}` |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(table())
