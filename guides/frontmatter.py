"""Split a Markdown file into YAML front matter and body, keeping file line numbers.

PyYAML's safe loader is used through its node API so that every key keeps the line it
was written on, duplicate keys are caught (PyYAML silently keeps the last one), and a
syntax error is reported at its line in the file rather than in the YAML block.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from guides import yamlhints

# libyaml's parser when PyYAML was built with it (its wheels are): several times faster
# than the pure-Python one, with the same safe constructors and the same error marks.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class FrontMatter:
    meta: dict[str, Any] | None = None
    key_lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    # problems found while splitting/parsing: (line, code, args)
    problems: list[tuple[int, str, dict[str, Any]]] = field(default_factory=list)


def split(text: str) -> FrontMatter:
    """Parse `---\\n<yaml>\\n---\\n<body>`; never raises."""
    result = FrontMatter(body=text)
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        result.problems.append((1, "fm.missing", {}))
        return result
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        result.problems.append((yamlhints.unclosed_line(lines), "fm.unclosed", {}))
        return result
    yaml_text = "\n".join(lines[1:end])
    result.body = "\n".join(lines[end + 1:])
    result.body_line = end + 2
    _parse_yaml(yaml_text, result, first_line=2)
    return result


def parse_yaml(yaml_text: str, first_line: int = 1
               ) -> tuple[Any, dict[str, int], list[tuple[int, str, dict[str, Any]]]]:
    """YAML with file lines: (data, top-level key -> line, problems). Never raises.
    A syntax error is told as its cause on the line at fault (`guides.yamlhints`)."""
    data, seen, problems = _parse_yaml_nodes(yaml_text, first_line)
    return data, seen, yamlhints.explain(yaml_text, first_line, problems)


def _parse_yaml_nodes(yaml_text: str, first_line: int
                      ) -> tuple[Any, dict[str, int], list[tuple[int, str, dict[str, Any]]]]:
    problems: list[tuple[int, str, dict[str, Any]]] = []
    seen: dict[str, int] = {}
    try:
        # the reader refuses control characters as soon as it is created
        loader = SafeLoader(yaml_text)
    except yaml.YAMLError as exc:
        problems.append((first_line, "fm.yaml", {"problem": " ".join(str(exc).split())[:120]}))
        return None, seen, problems
    try:
        node = loader.get_single_node()
        if node is None:
            return None, seen, problems
        if isinstance(node, yaml.MappingNode):
            for key_node, _value in node.value:
                line = first_line + key_node.start_mark.line
                key = str(key_node.value)
                if key in seen:
                    problems.append((line, "fm.duplicate-key", {"key": key, "first": seen[key]}))
                else:
                    seen[key] = line
        return loader.construct_document(node), seen, problems
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        problem = " ".join(str(exc.problem or exc.context or "").split())
        problems.append((line, "fm.yaml", {"problem": problem}))
    except RecursionError:
        problems.append((first_line, "fm.yaml", {"problem": "nested too deeply"}))
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
        # e.g. a date that does not exist (2026-02-30): "day is out of range for month"
        problem = " ".join(str(exc).split())[:120] or type(exc).__name__
        problems.append((first_line, "fm.yaml", {"problem": problem}))
    finally:
        loader.dispose()
    return None, seen, problems


def _parse_yaml(yaml_text: str, result: FrontMatter, first_line: int) -> None:
    data, key_lines, problems = parse_yaml(yaml_text, first_line)
    result.problems.extend(problems)
    if any(code != "fm.duplicate-key" for _, code, _ in problems):  # not read
        return
    if data is None:
        result.problems.append((first_line, "fm.empty", {}))
    elif not isinstance(data, dict):
        result.problems.append((first_line, "fm.not-mapping", {}))
    else:
        # Keys that are not text (numbers, dates) are reported by the schema check.
        result.meta = {str(k): v for k, v in data.items()}
        result.key_lines = key_lines
