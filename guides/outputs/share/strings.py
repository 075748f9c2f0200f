"""The few words the share outputs add to what the page already says, per page language
(`lang` of the built page). Everything else (title, steps, hotlines, "scan for the
current version", version line) comes from the page itself."""

from __future__ import annotations

STRINGS = {
    "zh": {"hotlines": "求助电话", "more": "后面还有内容，请扫码看全文。",
           "first": "先做这几件事"},
    "wuu": {"hotlines": "求助电话", "more": "后头还有，扫一扫二维码看全篇。",
            "first": "先做搿几桩事体"},
    "en": {"hotlines": "Hotlines", "more": "There is more: scan the code for the whole guide.",
           "first": "Do these first"},
}


def strings(lang_tag: str) -> dict[str, str]:
    code = lang_tag.split("-")[0].lower()
    return STRINGS.get(code, STRINGS["zh"])
