"""scripts/corpus.py --copies (the city of issue 13 for scripts/search_quality.py): every
synthetic page is a station's copy of one published real guide, and says so."""

from __future__ import annotations

import json
import re
import sys

from conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
import corpus  # noqa: E402


def test_every_copy_names_its_guide_and_keeps_its_title_and_sentences(tmp_path):
    corpus.generate(tmp_path, 90, seed=3, copies=True)
    sources = json.loads((tmp_path / "corpus-sources.json").read_text(encoding="utf-8"))
    real = corpus.real_guides()
    folders = {p.name for p in (tmp_path / "content").iterdir() if p.is_dir()} - {"_data"}
    assert set(sources) == folders - {"home"} and set(sources.values()) <= set(real)
    assert len(set(sources.values())) > 3  # copies of many guides, not one
    total = repeated = 0
    for folder, source in sources.items():
        kind, titles, _ = real[source]
        zh = (tmp_path / "content" / folder / "zh.md").read_text(encoding="utf-8")
        assert f"kind: {kind}\n" in zh
        assert re.search(r"(?m)^title: (.+)$", zh).group(1).strip('"') == titles["zh"]
        own = re.sub(r"[ \t]+", " ", corpus.MARKUP.sub(r"\1", (
            REPO / "content" / source / "zh.md").read_text(encoding="utf-8")))  # as pools read it
        steps = re.findall(r"(?m)^\d+\. (.+)$", zh.split("\n---\n", 1)[1])
        total, repeated = total + len(steps), repeated + len(steps) - len(set(steps))
        for step in steps:
            assert step[:6] in own, (folder, step)  # its own guide's sentences
    # a copy says a line again only once its guide's lines are used up (sampling with
    # replacement, as the mixed corpus does, repeats 52 of these 353 steps; copies 18)
    assert repeated <= 0.1 * total, (repeated, total)


def test_without_copies_the_corpus_is_what_it_was(tmp_path):
    """The scale and bytes benchmarks keep their corpus: no sources file, the same bytes
    for the same seed."""
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        out.mkdir()
        corpus.generate(out, 40, seed=2)
    assert not (first / "corpus-sources.json").exists()
    a = sorted(p.relative_to(first) for p in first.rglob("*.md"))
    assert a == sorted(p.relative_to(second) for p in second.rglob("*.md"))
    assert all((first / p).read_bytes() == (second / p).read_bytes() for p in a)
