"""The example text `guides new` writes into a new guide (guides/editor/editing.py) and
the checks look for (guides/checks/writing.py): any of it left in a guide to be published
is an error. One module below both, so the two can never drift apart."""

from __future__ import annotations

TITLE_PLACEHOLDER = "在这里写标题"
SUMMARY_PLACEHOLDER = "用一句话说明这篇讲什么。"
OWNER_PLACEHOLDER = "（填写社工站或机构名称）"
SECTION_PLACEHOLDER = "在这里写{title}。一句话一件事。"  # {title}: the section's title
PART_HEADING = "## 第一部分 {#part-1}"
PART_PLACEHOLDER = "在这里写具体做法，一步一行。"
TIP_TITLE = "第{n}条提示"  # {n}: 1, 2, 3
TIP_HEADING = "## {n}. " + TIP_TITLE + " {{#tip-{n}}}"
TIP_PLACEHOLDER = "用一两句话写清楚要做什么。"
CHECKLIST_PLACEHOLDERS = ("第一件要做的事", "第二件要做的事", "离开前要做的事")
PAGE_PLACEHOLDER = "在这里写正文。"
# Fixed phrases of the above, as the check looks for them in any line.
PLACEHOLDERS = (TITLE_PLACEHOLDER, SUMMARY_PLACEHOLDER, OWNER_PLACEHOLDER,
                SECTION_PLACEHOLDER.split("{")[0], "一句话一件事。", PART_PLACEHOLDER,
                "第一部分", TIP_PLACEHOLDER, *CHECKLIST_PLACEHOLDERS, PAGE_PLACEHOLDER)
# `guides translate` copies the Mandarin source: its lines left as they are are leftovers
# too (guides/checks/writing.py compares a translation's lines with its source's).
