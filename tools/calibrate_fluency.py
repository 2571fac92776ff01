"""Calibrate MT009 (unidiomatic-phrase): how much each rule's rewrites gain under the language model.

    .venv/bin/python tools/calibrate_fluency.py [--threshold 3] [--normalisation] [--curve] [--no-corpora]

Reads the written calibration data in corpora/fluency/ (professional sentences, none of which
may be flagged, and MT-like sentences with one artifact each) and the written corpora
(corpora/seed, corpora/dev, corpora/holdout; never corpora/real).  Prints, per rule: how many
rewrites it proposed on professional sentences and the largest gain among them (the threshold
must stay above it), how many MT-like artifacts it finds, then the check's findings on the
corpora against their gold spans.  ``--normalisation`` compares ways of scoring a rewrite;
``--curve`` prints professional flags and MT-like hits by threshold.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtaudit import lm as lm_module  # noqa: E402
from mtaudit.checks import fluency  # noqa: E402

FLUENCY = ROOT / "corpora" / "fluency"
NEG_INF = float("-inf")


def professional_sentences() -> list[str]:
    lines = (FLUENCY / "professional.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def garbled_rows() -> list[dict[str, str]]:
    lines = [x for x in (FLUENCY / "garbled.tsv").read_text(encoding="utf-8").splitlines() if not x.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:] if line.strip()]


def slor_total(scored) -> float:
    """Total log-prob minus the words' unigram log-probs (the SLOR variant)."""
    return scored.total - sum(lm_module.unigram_logprob(w) for w in lm_module._WORD.findall(scored.text))


def scored_proposals(model, sentences: list[str]):
    """[(sentence index, rewrite, {normalisation: gain})] for every proposal."""
    items = [(i, r) for i, s in enumerate(sentences) for r in fluency.propose(s)]
    texts = [t for i, r in items for t in (sentences[i], r.apply(sentences[i]))]
    scored = model.token_logprobs(texts)
    out = []
    for k, (i, r) in enumerate(items):
        a, b = scored[2 * k], scored[2 * k + 1]
        gains = {
            "sum": b.total - a.total,
            "slor": slor_total(b) - slor_total(a),
            "mean": b.total / max(len(b.logprobs), 1) - a.total / max(len(a.logprobs), 1),
        }
        out.append((i, r, gains))
    return out


def corpora_findings(threshold: float):
    """MT009 through the real pipeline on seed/dev/holdout, with the gold spans each finding overlaps."""
    from mtaudit.evaluate import evaluate

    fluency.THRESHOLD = threshold
    for corpus in ("seed", "dev", "holdout"):
        report = evaluate([str(ROOT / "corpora" / corpus)], use_reference=False)
        for article in report.articles:
            for finding in article.findings:
                if finding.code == "MT009":
                    overlapping = [g for g in article.gold if g.start < finding.end and finding.start < g.end]
                    yield corpus, Path(article.article).name, finding, overlapping


def report(norm: str, threshold: float, prof, prof_scored, rows, garbled_scored, curve: bool) -> None:
    prof_n, prof_max, prof_over = defaultdict(int), defaultdict(lambda: NEG_INF), defaultdict(int)
    for i, r, gains in prof_scored:
        prof_n[r.rule] += 1
        prof_max[r.rule] = max(prof_max[r.rule], gains[norm])
        if gains[norm] >= threshold:
            prof_over[r.rule] += 1
            print(f"  professional flagged [{r.rule}] {gains[norm]:+.1f}: {prof[i]!r} -> {r.replacement!r}")
    # Best gain, per MT-like row, among the proposals that overlap its garbled phrase.
    best = [NEG_INF] * len(rows)
    for i, r, gains in garbled_scored:
        start = rows[i]["sentence"].index(rows[i]["phrase"])
        if r.start < start + len(rows[i]["phrase"]) and start < r.end:
            best[i] = max(best[i], gains[norm])
    print(f"\nnormalisation: {norm}; threshold {threshold:g} nats")
    print(f"{'rule':<26}{'prof. proposals':>16}{'prof. max gain':>15}{'prof. flagged':>14}{'MT-like found':>14}")
    for rule in fluency.RULES:
        wanted = [i for i, row in enumerate(rows) if row["rule"] == rule]
        found = sum(best[i] >= threshold for i in wanted)
        top = f"{prof_max[rule]:+.1f}" if prof_n[rule] else "-"
        print(f"{rule:<26}{prof_n[rule]:>16}{top:>15}{prof_over[rule]:>14}{f'{found}/{len(wanted)}':>14}")
    found = sum(g >= threshold for g in best)
    print(f"{'all':<26}{sum(prof_n.values()):>16}{'':>15}{sum(prof_over.values()):>14}{f'{found}/{len(rows)}':>14}")
    # The fair comparison between normalisations, whose scales differ: recall just above the
    # largest gain of any professional proposal.
    worst = max((g[norm] for _, _, g in prof_scored), default=NEG_INF)
    print(f"recall at zero professional flags (threshold just above {worst:+.2f}): {sum(g > worst for g in best)}")
    for i, row in enumerate(rows):
        status = "found" if best[i] >= threshold else "missed"
        print(f"  {status:<6} {best[i]:>+6.1f} [{row['rule']}] {row['phrase']}")
    if curve:
        points = sorted({round(g[norm], 1) for _, _, g in prof_scored + garbled_scored})
        print("\nthreshold  professional-flags  MT-like-found  precision (on these)")
        for t in points[:: max(len(points) // 25, 1)]:
            fp = sum(g[norm] >= t for _, _, g in prof_scored)
            tp = sum(g >= t for g in best)
            print(f"{t:>9.1f}{fp:>20}{tp:>15}{(tp / (tp + fp) if tp + fp else 1):>22.3f}")


def flags_per_thousand(model, paths: list[str], threshold: float) -> None:
    """MT009 findings per 1,000 audited sentences in the given articles (each finding listed)."""
    from mtaudit.load import load

    files = [f for p in map(Path, paths) for f in (sorted(p.rglob("*.txt")) if p.is_dir() else [p])]
    sentences, flagged = 0, []
    for path in files:
        texts = [s.text for s in load(path).audited_sentences]
        sentences += len(texts)
        for text, verified in zip(texts, fluency.verify(model, texts, threshold), strict=True):
            flagged += [(path, text, v) for v in verified]
    for path, text, v in flagged:
        phrase = text[v.rewrite.start : v.rewrite.end]
        print(f"  {path}: [{v.rewrite.rule}] +{v.gain:.1f} {phrase!r} -> {v.rewrite.replacement!r}")
    rate = 1000 * len(flagged) / sentences if sentences else 0.0
    print(f"{len(files)} articles, {sentences} sentences, {len(flagged)} MT009 flags: {rate:.2f} per 1,000 sentences")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=fluency.THRESHOLD)
    parser.add_argument("--normalisation", action="store_true", help="compare sum / slor / mean scoring")
    parser.add_argument("--curve", action="store_true", help="print flags and hits by threshold")
    parser.add_argument("--no-corpora", action="store_true", help="skip the seed/dev/holdout run")
    parser.add_argument(
        "--texts",
        nargs="+",
        metavar="PATH",
        help="only count MT009 flags per 1,000 sentences in these articles or folders (e.g. professional news)",
    )
    args = parser.parse_args()
    model = lm_module.get_model()
    if args.texts:
        flags_per_thousand(model, args.texts, args.threshold)
        return
    prof, rows = professional_sentences(), garbled_rows()
    prof_scored = scored_proposals(model, prof)
    garbled_scored = scored_proposals(model, [row["sentence"] for row in rows])
    print(f"{len(prof)} professional sentences, {len(rows)} MT-like sentences; model {model.signature}")
    for norm in ("sum", "slor", "mean") if args.normalisation else ("sum",):
        report(norm, args.threshold, prof, prof_scored, rows, garbled_scored, args.curve)
    if not args.no_corpora:
        print("\nMT009 on the written corpora (gold spans of any code):")
        for corpus, name, finding, overlapping in corpora_findings(args.threshold):
            label = "hit " + ",".join(sorted({g.code for g in overlapping})) if overlapping else "FALSE ALARM"
            print(f"  {corpus:<8}{name:<36}{label:<10}{finding.text!r} -> {finding.suggestion!r} ({finding.evidence})")


if __name__ == "__main__":
    main()
