"""Calibrate MT009 (unidiomatic-phrase): how much each rule's rewrites gain under the language model.

    .venv/bin/python tools/calibrate_fluency.py [--threshold 4.0] [--curve]

Reads the written calibration data in corpora/fluency/ (professional sentences, none of which
may be flagged, and MT-like sentences with one artifact each) and the written corpora
(corpora/seed, corpora/dev, corpora/holdout; never corpora/real).  Prints, per rule: how many
rewrites it proposed on professional sentences and the largest gain among them (the
threshold must stay above it), recall on the MT-like sentences, and the check's hits on the
corpora against their gold spans.  ``--normalisation`` compares the scoring variants.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtaudit import lm as lm_module  # noqa: E402
from mtaudit.checks.fluency import RULES, THRESHOLD, propose  # noqa: E402

FLUENCY = ROOT / "corpora" / "fluency"


def professional_sentences() -> list[str]:
    lines = (FLUENCY / "professional.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def garbled_rows() -> list[dict[str, str]]:
    lines = [x for x in (FLUENCY / "garbled.tsv").read_text(encoding="utf-8").splitlines() if not x.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:] if line.strip()]


def slor_total(scored) -> float:
    """Total log-prob minus the words' unigram log-probs (the SLOR variant compared with --normalisation)."""
    return scored.total - sum(lm_module.unigram_logprob(w) for w in lm_module._WORD.findall(scored.text))


def scored_proposals(model, sentences: list[str]):
    """[(sentence index, rewrite, gains by normalisation)] for every proposal."""
    items = [(i, r) for i, s in enumerate(sentences) for r in propose(s)]
    texts = []
    for i, r in items:
        texts += [sentences[i], r.apply(sentences[i])]
    scored = model.token_logprobs(texts)
    out = []
    for k, (i, r) in enumerate(items):
        a, b = scored[2 * k], scored[2 * k + 1]
        gains = {
            "slor": slor_total(b) - slor_total(a),
            "sum": b.total - a.total,
            "mean": b.total / max(len(b.logprobs), 1) - a.total / max(len(a.logprobs), 1),
        }
        out.append((i, r, gains))
    return out


def corpora_hits(model, threshold: float):
    """The check through the real pipeline on seed/dev/holdout, matched against gold spans of any code."""
    from mtaudit.checks import fluency
    from mtaudit.evaluate import evaluate

    fluency.THRESHOLD = threshold

    rows = []
    for corpus in ("seed", "dev", "holdout"):
        report = evaluate([str(ROOT / "corpora" / corpus)], use_reference=False)
        for article in report.articles:
            for n, finding in enumerate(article.findings):
                if finding.code != "MT009":
                    continue
                gold = [article.gold[j] for j in article.hits.get(n, [])]
                overlapping = [
                    g for g in article.gold if g.start < finding.end and finding.start < g.end
                ]
                rows.append((corpus, Path(article.article).name, finding, gold, overlapping))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--normalisation", action="store_true", help="compare slor / sum / mean scoring")
    parser.add_argument("--curve", action="store_true", help="print the precision-recall curve")
    parser.add_argument("--no-corpora", action="store_true")
    args = parser.parse_args()
    model = lm_module.get_model()

    prof = professional_sentences()
    rows = garbled_rows()
    prof_scored = scored_proposals(model, prof)
    garbled_sentences = [row["sentence"] for row in rows]
    garbled_scored = scored_proposals(model, garbled_sentences)

    def target(i, r):
        row = garbled_rows_cache[i]
        s = row["sentence"]
        start = s.find(row["phrase"])
        return start < r.end and r.start < start + len(row["phrase"])

    garbled_rows_cache = rows
    norms = ("sum", "slor", "mean") if args.normalisation else ("sum",)
    for norm in norms:
        prof_max = defaultdict(lambda: float("-inf"))
        prof_n = defaultdict(int)
        prof_over = defaultdict(int)
        for i, r, g in prof_scored:
            prof_n[r.rule] += 1
            prof_max[r.rule] = max(prof_max[r.rule], g[norm])
            if g[norm] >= args.threshold:
                prof_over[r.rule] += 1
                print(f"  professional flagged [{r.rule}] {g[norm]:+.1f}: {prof[i]!r} -> {r.replacement!r}")
        best = {}
        for i, r, g in garbled_scored:
            if target(i, r):
                key = (i, r.rule)
                best[key] = max(best.get(key, float("-inf")), g[norm])
        rules_of_rows = defaultdict(list)
        for i, row in enumerate(rows):
            rules_of_rows[row["rule"]].append(i)
        print(f"\nnormalisation: {norm}; threshold {args.threshold:g} nats")
        print(f"{'rule':<26}{'prof. proposals':>16}{'prof. max gain':>15}{'prof. flagged':>14}{'MT-like found':>14}")
        all_found = all_rows = 0
        for rule in RULES:
            wanted = [i for i, row in enumerate(rows) if row["rule"] == rule or RULES.get(row["rule"]) is RULES[rule]]
            wanted = [i for i in wanted if rows[i]["rule"] == rule]
            found = 0
            for i in wanted:
                gains = [g for (j, rr), g in best.items() if j == i]
                if gains and max(gains) >= args.threshold:
                    found += 1
            all_found += found
            all_rows += len(wanted)
            pm = prof_max[rule]
            print(
                f"{rule:<26}{prof_n[rule]:>16}{(f'{pm:+.1f}' if prof_n[rule] else '-'):>15}{prof_over[rule]:>14}"
                f"{f'{found}/{len(wanted)}':>14}"
            )
        # Recall at the lowest threshold that flags no professional sentence: the fair comparison
        # between normalisations, whose scales differ.
        worst = max((g[norm] for _, _, g in prof_scored), default=float("-inf"))
        best_by_row = [max((g for (j, _), g in best.items() if j == i), default=float("-inf")) for i in range(len(rows))]
        print(f"recall at zero professional flags (threshold just above {worst:+.2f}): "
              f"{sum(g > worst for g in best_by_row)}/{len(rows)}")
        print(f"{'all':<26}{sum(prof_n.values()):>16}{'':>15}{sum(prof_over.values()):>14}{f'{all_found}/{all_rows}':>14}")
        for i, row in enumerate(rows):
            gains = [(g, rr) for (j, rr), g in best.items() if j == i]
            shown = max(gains)[0] if gains else None
            status = "found" if shown is not None and shown >= args.threshold else "missed"
            print(f"  {status:<6} {('%+.1f' % shown) if shown is not None else ' none':>6} [{row['rule']}] {row['phrase']}")

        if args.curve:
            points = sorted({round(g[norm], 1) for _, _, g in prof_scored + garbled_scored})
            print("\nthreshold  professional-flags  MT-like-found  precision(on these)")
            for t in points[::max(len(points) // 25, 1)]:
                fp = sum(1 for _, _, g in prof_scored if g[norm] >= t)
                tp = sum(1 for i in range(len(rows)) if max((g for (j, _), g in best.items() if j == i), default=-99) >= t)
                print(f"{t:>9.1f}{fp:>20}{tp:>15}{(tp / (tp + fp) if tp + fp else 1):>21.3f}")

    if not args.no_corpora:
        print("\nMT009 on the written corpora (gold spans of any code):")
        for corpus, name, finding, gold, overlapping in corpora_hits(model, args.threshold):
            label = "hit " + ",".join(sorted({g.code for g in overlapping})) if overlapping else "FALSE ALARM"
            print(f"  {corpus:<8}{name:<36}{label:<14}{finding.text!r} -> {finding.suggestion!r}  ({finding.evidence})")


if __name__ == "__main__":
    main()
