"""Generate a benchmark corpus of article/reference pairs the size of the seed pair.

    python benchmarks/make_corpus.py OUT_DIR [--pairs 1000] [--seed 0]

Each pair is built from one of the corpora's article/reference pairs (seed, dev, held-out):
the article gets 18 sentences drawn from that MT article, in paragraphs of one to three
sentences; the reference 28 sentences drawn from its reference, one per line, as in
``corpora/seed``.  Every drawn sentence is varied (its numbers changed, or a time phrase put
in front, an attribution after) so that sentences repeat across the corpus about as rarely as in real news; the
share of distinct sentences is printed, because repeated sentences are embedded once.
Writes ``NAME.txt`` + ``NAME.ref.txt`` and a ``manifest.csv``.  Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ARTICLE_SENTENCES = 18
REFERENCE_SENTENCES = 28
OPENERS = (
    "On Monday,",
    "On Tuesday,",
    "On Wednesday,",
    "On Thursday,",
    "On Friday,",
    "Earlier this week,",
    "Later that day,",
    "Last month,",
    "According to officials,",
    "Meanwhile,",
    "In a statement,",
    "At the same time,",
)


def source_pairs() -> list[tuple[list[str], list[str]]]:
    """(article sentences, reference sentences) of every corpus pair that has a reference."""
    from mtaudit.load import load

    pairs = []
    for folder in ("seed", "dev", "holdout"):
        for ref in sorted((ROOT / "corpora" / folder).rglob("*.ref.txt")):
            article = ref.with_name(ref.name.replace(".ref.txt", ".txt"))
            pairs.append(
                (
                    [s.text for s in load(article).audited_sentences],
                    [s.text for s in load(ref).audited_sentences],
                )
            )
    return pairs


MONTHS = "January February March April May June July August September October November December".split()


def opener(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.3:
        return rng.choice(OPENERS)
    if kind < 0.7:
        return f"On {rng.randint(1, 28)} {rng.choice(MONTHS)},"
    return f"In {rng.choice(MONTHS)} {rng.randint(1990, 2024)},"


CLOSERS = (
    ", officials said",
    ", the report said",
    ", according to the statement",
    ", a spokesperson said",
    ", local media reported",
    ", the agency said",
    ", sources said",
)


def vary(sentence: str, rng: random.Random) -> str:
    """The sentence with its numbers changed, a time phrase in front and/or an attribution after."""
    if re.search(r"\d", sentence) and rng.random() < 0.7:
        sentence = re.sub(r"\d+", lambda m: str(rng.randint(2, 10 ** len(m.group()) - 1)), sentence)
    if rng.random() < 0.9:
        keep_case = sentence[:2] == sentence[:2].upper()  # a quote, an acronym, "I"
        sentence = f"{opener(rng)} {sentence if keep_case else sentence[0].lower() + sentence[1:]}"
    if rng.random() < 0.6 and sentence.endswith(".") and not sentence.endswith('."'):
        sentence = sentence[:-1] + rng.choice(CLOSERS) + "."
    return sentence


def make(out: Path, pairs: int, seed: int) -> dict:
    rng = random.Random(seed)
    sources = source_pairs()
    out.mkdir(parents=True, exist_ok=True)
    sentences: list[str] = []
    rows = []
    for n in range(pairs):
        article_pool, reference_pool = sources[n % len(sources)]
        article = [vary(rng.choice(article_pool), rng) for _ in range(ARTICLE_SENTENCES)]
        reference = [vary(rng.choice(reference_pool), rng) for _ in range(REFERENCE_SENTENCES)]
        paragraphs, i = [], 0
        while i < len(article):
            size = rng.randint(1, 3)
            paragraphs.append(" ".join(article[i : i + size]))
            i += size
        name = f"pair{n:05d}"
        (out / f"{name}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        (out / f"{name}.ref.txt").write_text("\n".join(reference) + "\n", encoding="utf-8")
        rows.append((f"{name}.txt", f"{name}.ref.txt"))
        sentences += article + reference
    with (out / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article", "reference"])
        writer.writerows(rows)
    return {"pairs": pairs, "sentences": len(sentences), "distinct": len(set(sentences))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    info = make(args.out, args.pairs, args.seed)
    print(
        f"{info['pairs']} pairs, {info['sentences']} sentences drawn, "
        f"{info['distinct'] / info['sentences']:.1%} distinct, in {args.out}"
    )


if __name__ == "__main__":
    main()
