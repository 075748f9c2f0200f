"""The search regression questions (tests/search_questions.yml) asked of the real search
worker under Node, on a built site: which question finds its guide in the first three
results. Used by tests/test_search_questions.py and scripts/search_quality.py.

The file is read strictly (a question without a guide, an unknown language, a duplicate
is an error naming the entry), so a broken edit never shrinks the set unnoticed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from searching import ask

QUESTIONS = Path(__file__).with_name("search_questions.yml")
LANG_ROOT = {"zh": "", "wuu": "wuu/", "en": "en/"}
TOP = 3


@dataclass(frozen=True)
class Question:
    lang: str
    q: str
    guides: tuple[str, ...]  # any of them in the first TOP results is a hit


@dataclass(frozen=True)
class Outcome:
    question: Question
    found: tuple[str, ...]  # folders, best first ("home" for the home page)
    hits: tuple[str, ...] = ()  # the guides those are (a station's copy: its source)

    @property
    def hit(self) -> bool:
        return any(folder in self.question.guides for folder in (self.hits or self.found)[:TOP])


def load(path: Path = QUESTIONS) -> dict[str, list[Question]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or set(data) - set(LANG_ROOT):
        raise ValueError(f"{path}: top level must be a mapping of {sorted(LANG_ROOT)}")
    out: dict[str, list[Question]] = {}
    for lang, items in data.items():
        seen: set[str] = set()
        out[lang] = []
        for n, item in enumerate(items or [], 1):
            where = f"{path.name}: {lang} #{n}"
            if not isinstance(item, dict) or set(item) != {"q", "guide"}:
                raise ValueError(f"{where}: write {{q: 问题, guide: 文件夹}}, got {item!r}")
            q, guide = str(item["q"]).strip(), item["guide"]
            guides = tuple(guide) if isinstance(guide, list) else (guide,)
            if not q or not guides or not all(isinstance(g, str) and g for g in guides):
                raise ValueError(f"{where}: empty question or guide: {item!r}")
            if q in seen:
                raise ValueError(f"{where}: question asked twice: {q}")
            seen.add(q)
            out[lang].append(Question(lang, q, guides))
    return out


def folder_of(location: str) -> str:
    return location.split("#")[0].strip("/").split("/")[-1] or "home"


def answer(site: Path, questions: list[Question]) -> list[Outcome]:
    """Ask the worker every question (one Node process per language)."""
    outcomes: list[Outcome] = []
    for lang in LANG_ROOT:
        mine = [q for q in questions if q.lang == lang]
        if not mine:
            continue
        answers = ask(site / LANG_ROOT[lang], *[q.q for q in mine])
        for question in mine:
            found: list[str] = []
            for group in answers[question.q]:
                folder = folder_of(group[0]["location"])
                if folder not in found:
                    found.append(folder)
            outcomes.append(Outcome(question, tuple(found)))
    return outcomes


def as_sources(outcome: Outcome, sources: dict[str, str]) -> Outcome:
    """The outcome with each station's copy (scripts/corpus.py --copies: copy's folder ->
    the guide it was made from) counted as that guide; the folders shown stay the pages'."""
    return Outcome(outcome.question, outcome.found,
                   hits=tuple(sources.get(f, f) for f in outcome.found))


def rates(outcomes: list[Outcome]) -> dict[str, tuple[int, int]]:
    """Language -> (hits, questions)."""
    out: dict[str, tuple[int, int]] = {}
    for o in outcomes:
        hits, total = out.get(o.question.lang, (0, 0))
        out[o.question.lang] = (hits + o.hit, total + 1)
    return out


def misses(outcomes: list[Outcome]) -> list[str]:
    return [f"{o.question.lang}: {o.question.q!r} wants {'/'.join(o.question.guides)}, "
            f"got {', '.join(o.found[:TOP]) or 'nothing'}" for o in outcomes if not o.hit]
