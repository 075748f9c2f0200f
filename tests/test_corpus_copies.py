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


def test_search_finds_each_guides_copies_as_one_family(tmp_path):
    """s-fold: guides/search_families.py, given each page's title, summary and text
    (headings left out, as guides/search_shards.py gives them), joins a guide's copies and nothing else:
    no family holds two guides, and most copies are in their guide's family."""
    from guides import search_families

    corpus.generate(tmp_path, 300, seed=3, copies=True)
    sources = json.loads((tmp_path / "corpus-sources.json").read_text(encoding="utf-8"))
    for lang in corpus.LANGS:
        folders = sorted(f for f in sources if (tmp_path / "content" / f / f"{lang}.md").is_file())
        texts = []
        for folder in folders:
            text = (tmp_path / "content" / folder / f"{lang}.md").read_text(encoding="utf-8")
            meta, body = text.split("\n---\n", 1)
            title, summary = (re.search(rf"(?m)^{key}: (.+)$", meta).group(1).strip('"')
                              for key in ("title", "summary"))  # the page shows both
            lines = [line for line in body.split("\n") if not line.startswith("#")]
            texts.append("\n".join([title, summary, *lines]).lower())
        family = search_families.families(texts)
        guides: dict[int, set[str]] = {}
        for folder, root in zip(folders, family, strict=True):
            guides.setdefault(root, set()).add(sources[folder])
        assert all(len(g) == 1 for g in guides.values()), (lang, guides)
        # a copy in its guide's biggest family is folded with the others; a copy left out
        # is only shown again, as before (checklists' copies draw their items as random
        # phrases, so two of them share a fifth of their lines, under SIMILAR)
        biggest: dict[str, int] = {}
        for root, (source,) in guides.items():
            biggest[source] = max(biggest.get(source, 0), family.count(root))
        # 300 pages, a tenth of the city, so few siblings: zh 93 %, wuu 98 %, en 88 % of
        # the copies (at 3,000 pages every copy: guides/search_families.py)
        assert sum(biggest.values()) >= 0.85 * len(folders), (lang, biggest)
        assert len(guides) < len(folders) / 5  # copies were joined, not left alone
