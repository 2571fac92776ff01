"""The perturbed-MT suite generator (tools/perturb.py): valid data, deterministic output."""

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import perturb  # noqa: E402


def test_pairs_load_and_cover_the_ten_languages():
    pairs = perturb.load_pairs()
    assert len(pairs) >= 250
    assert {p.lang for p in pairs} == {"de", "fr", "es", "it", "cs", "pl", "ru", "zh", "ja", "hi"}


def test_suite_is_deterministic():
    pairs = perturb.load_pairs()[:60]
    first = perturb.build_suite(pairs, seed=3)
    second = perturb.build_suite(pairs, seed=3)
    assert [(d.clean, d.perturbed) for docs in first.values() for d in docs] == [
        (d.clean, d.perturbed) for docs in second.values() for d in docs
    ]


def test_every_sentence_has_exactly_one_change():
    suite = perturb.build_suite(perturb.load_pairs()[:80], seed=5)
    for docs in suite.values():
        for doc in docs:
            assert len(doc.rows) <= perturb.DOC_SIZE
            for row in doc.rows:
                clean = doc.clean[row.clean[0] : row.clean[1]]
                changed = doc.perturbed[row.perturbed[0] : row.perturbed[1]]
                assert clean != changed
                start = row.change[0] - row.perturbed[0]
                assert changed[:start] == clean[:start]  # only the change differs
                assert doc.perturbed[row.change[0] : row.change[1]] == row.replacement


@pytest.mark.parametrize(
    ("kind", "text", "check"),
    [
        ("pronoun", "She thanked her coach.", lambda t: t in ("He thanked her coach.", "She thanked his coach.")),
        ("number", "It cost 3,5 million euros.", lambda t: t != "It cost 3,5 million euros." and "million" in t),
    ],
)
def test_single_perturbations(kind, text, check):
    pair = perturb.Pair("x", "de", text, text, (), ())
    change = perturb.perturb(pair, kind, random.Random(1), {})
    assert check(change.text)


def test_bad_pairs_file_is_reported(tmp_path):
    bad = tmp_path / "pairs.tsv"
    bad.write_text("id\tlang\tcandidate\treference\tentities\tuntranslated\nx\tde\tHello.\tHi.\tParis=CITY\t\n")
    with pytest.raises(perturb.PairsError, match="bad entity"):
        perturb.load_pairs(bad)
