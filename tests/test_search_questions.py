"""Search answers residents' questions: the regression set (tests/search_questions.yml),
asked of the real worker under Node on the real site, finds the right guide in the first
three results for at least 95 % of the questions in each language (issue 13, "Verified")."""

from __future__ import annotations

import pytest
from questions import LANG_ROOT, TOP, answer, load, misses, rates

from conftest import REPO
from guides.frontmatter import split

TARGET = 0.95
QUESTIONS = load()


def published(lang: str) -> set[str]:
    out = set()
    for path in (REPO / "content").glob(f"*/{lang}.md"):
        meta = split(path.read_text(encoding="utf-8")).meta or {}
        if meta.get("status") == "published":
            out.add(path.parent.name)
    return out


@pytest.mark.parametrize("lang", list(LANG_ROOT))
def test_the_set_covers_every_published_guide(lang):
    """At least 50 questions a language, every published guide asked about, and no
    question expecting a guide readers of that language cannot find."""
    questions = QUESTIONS[lang]
    assert len(questions) >= 50
    wanted = {guide for q in questions for guide in q.guides}
    assert wanted <= published(lang), f"not published in {lang}: {wanted - published(lang)}"
    assert published(lang) <= wanted, f"no question for {published(lang) - wanted}"


def test_residents_questions_find_their_guide(site):
    outcomes = answer(site, [q for qs in QUESTIONS.values() for q in qs])
    found = rates(outcomes)
    report = "\n".join([f"{lang}: {hits}/{total} in the top {TOP}"
                        for lang, (hits, total) in found.items()] + misses(outcomes))
    print(report)
    assert set(found) == set(LANG_ROOT)
    for hits, total in found.values():
        assert hits / total >= TARGET, report


@pytest.mark.parametrize("text", [
    "zh:\n  - {q: 急救电话}\n",  # no guide
    "zh:\n  - {q: 急救电话, guide: hotlines}\n  - {q: 急救电话, guide: home}\n",  # twice
    "fr:\n  - {q: urgence, guide: hotlines}\n",  # not a language of the site
    "zh:\n  - {q: '', guide: hotlines}\n",
    "zh:\n  - 急救电话\n",
])
def test_a_broken_entry_is_refused_not_dropped(tmp_path, text):
    path = tmp_path / "questions.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="questions.yml"):
        load(path)
