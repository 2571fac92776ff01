"""Precision-recall of the fluency signals (issue 11) on a split of the real corpus, as aggregate counts only.

    .venv/bin/python tools/real_signal_curves.py corpora/real/heldout [corpora/real/tune]

For each split: the garbled and calque artifacts the annotators marked in the MT articles, and per signal
the findings that overlap one (hits) or none (false alarms), plus the same signal's findings per 1,000
sentences of the professional articles.  Signals:

- MT008, the calque lexicon: one operating point;
- MT009, each rewrite rule verified by the language model: every threshold from -2 to 8 nats (the check
  uses 3), so the curve shows what a lower or higher threshold would give.

Only counts are printed — never the spans — so the held-out split can be measured without reading it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtaudit import lm as lm_module  # noqa: E402
from mtaudit.checks import AuditContext  # noqa: E402
from mtaudit.checks.calques import CalqueFormula  # noqa: E402
from mtaudit.checks.fluency import verify  # noqa: E402
from mtaudit.evaluate import find_article, read_gold  # noqa: E402
from mtaudit.furniture import furniture  # noqa: E402
from mtaudit.lexicon import load_english, load_pack  # noqa: E402
from mtaudit.load import load  # noqa: E402

THRESHOLDS = [-2, 0, 1, 2, 3, 4, 5, 6, 8]
TARGET = {"garbled", "calque"}


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def measure(split: Path, model) -> None:
    golds = sorted(split.rglob("*.gold.tsv"))
    n_target = 0
    calque_hits = calque_fa = 0
    pro_sentences = 0
    pro_calque = 0
    rows: list[tuple[float, bool, bool]] = []  # (gain, hit, professional)
    found_at: dict[float, set[tuple[str, int]]] = {t: set() for t in THRESHOLDS}
    calque_found: set[tuple[str, int]] = set()
    for gold_path in golds:
        article = find_article(gold_path)
        doc = load(article)
        professional = "pro" in gold_path.parent.parts
        gold = [g for g in read_gold(gold_path, doc.text, str(article)) if g.category in TARGET]
        spans = [(g.start, g.end) for g in gold]
        n_target += 0 if professional else len(gold)
        ctx = AuditContext(candidate=doc, pack=load_pack(doc.source_lang), english=load_english())
        sentences = [s for s in doc.audited_sentences if s.index not in furniture(doc)]
        if professional:
            pro_sentences += len(doc.audited_sentences)
        for f in CalqueFormula().run(ctx):
            if professional:
                pro_calque += not _overlaps(f.start, f.end, spans)
            elif _overlaps(f.start, f.end, spans):
                calque_hits += 1
                calque_found |= {(str(article), i) for i, s in enumerate(spans) if f.start < s[1] and s[0] < f.end}
            else:
                calque_fa += 1
        for sentence, verified in zip(sentences, verify(model, [s.text for s in sentences], -99.0), strict=True):
            for v in verified:
                start, end = sentence.start + v.rewrite.start, sentence.start + v.rewrite.end
                hit = _overlaps(start, end, spans)
                rows.append((v.gain, hit, professional))
                if hit and not professional:
                    for t in THRESHOLDS:
                        if v.gain >= t:
                            found_at[t] |= {
                                (str(article), i) for i, s in enumerate(spans) if start < s[1] and s[0] < end
                            }
    print(f"== {split}: {n_target} garbled or calque artifacts in MT articles; {pro_sentences} professional sentences")
    print(
        f"MT008 calque lexicon: {calque_hits} hits, {calque_fa} false alarms in MT articles, recall "
        f"{len(calque_found) / max(n_target, 1):.3f}; professional: {pro_calque} "
        f"({1000 * pro_calque / max(pro_sentences, 1):.1f} per 1,000 sentences)"
    )
    print("MT009 rewrite rules, by threshold (nats): findings, precision, recall, professional flags per 1,000")
    for t in THRESHOLDS:
        mt = [r for r in rows if r[0] >= t and not r[2]]
        pro = [r for r in rows if r[0] >= t and r[2]]
        precision = sum(r[1] for r in mt) / len(mt) if mt else 1.0
        recall = len(found_at[t]) / max(n_target, 1)
        print(
            f"  >= {t:>3}: {len(mt):4d} findings, precision {precision:.3f}, recall {recall:.3f}, "
            f"professional {1000 * len(pro) / max(pro_sentences, 1):.1f}"
        )


def main(argv: list[str]) -> None:
    model = lm_module.get_model()
    for split in argv or ["corpora/real/heldout"]:
        measure(Path(split), model)


if __name__ == "__main__":
    main(sys.argv[1:])
