"""Task-list items as labelled checkboxes: the whole line is the label (and so the tap
target), where Python-Markdown's task lists leave a bare checkbox with no label."""

from __future__ import annotations

import re

TASK_ITEM = re.compile(
    r'<li class="task-list-item"><input type="checkbox"( checked)?( disabled)?\s*/?>\s*'
    r"(.*?)</li>", re.S)


def label_task_items(html: str) -> str:
    """Checkboxes stay `disabled` in the HTML: without JavaScript a checklist is a plain
    readable list; shouwang.js enables them and keeps their state on the device."""
    def replace(match: re.Match[str]) -> str:
        checked = " checked" if match.group(1) else ""
        text = match.group(3)
        # a nested list stays outside the label, so its own items keep their own labels
        nested = text.find("<ul")
        inner, rest = (text, "") if nested < 0 else (text[:nested], text[nested:])
        return (f'<li class="task-list-item"><label class="sw-task"><input type="checkbox"'
                f"{checked} disabled> <span>{inner.strip()}</span></label>{rest}</li>")

    return TASK_ITEM.sub(replace, html)
