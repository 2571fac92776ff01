"""How often a first name that ends a longer name gives that name's gender (mtaudit/people/evidence.py).

For every name in lexicons/id/given_names.tsv recorded at least 90% one gender, the longest ending of at least
EMBEDDED_NAME_MIN_LETTERS letters (after two letters of its own) that is another listed name with at least
EMBEDDED_NAME_MIN_SHARE of one gender predicts the gender; this prints how often the prediction is right, per
predicted gender, for the thresholds in use and a few others:

    .venv/bin/python tools/embedded_names.py
"""

from __future__ import annotations

from collections import Counter

from mtaudit.lexicon import load_english, load_pack
from mtaudit.people import evidence


def measure(letters: int, share: float) -> dict[str, Counter]:
    pack = load_pack("id")
    names = {**load_english().given_names, **pack.given_names}
    outcomes: dict[str, Counter] = {"female": Counter(), "male": Counter()}
    for name, prior in pack.given_names.items():
        if prior.share is None or prior.share < 0.9:
            continue
        others = {k: v for k, v in names.items() if k != name}
        predicted = evidence.embedded_name(name, others, min_letters=letters, min_share=share)
        if predicted is not None:
            outcomes[predicted.gender][predicted.gender == prior.gender] += 1
    return outcomes


def main() -> None:
    in_use = (evidence.EMBEDDED_NAME_MIN_LETTERS, evidence.EMBEDDED_NAME_MIN_SHARE)
    for letters, share in sorted({in_use, (4, 0.9), (5, 0.9), (5, 0.95), (6, 0.9), (7, 0.95)}):
        outcomes = measure(letters, share)
        parts = []
        for gender, counts in outcomes.items():
            total = counts[True] + counts[False]
            parts.append(f"{gender} {counts[True]}/{total} = {counts[True] / total:.3f}" if total else f"{gender} -")
        marker = "  (in use)" if (letters, share) == in_use else ""
        print(f">= {letters} letters, share >= {share}: " + "; ".join(parts) + marker)


if __name__ == "__main__":
    main()
