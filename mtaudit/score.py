"""Surface metrics from sacrebleu.

chrF is reported per aligned sentence pair and per document.  BLEU is reported only at
document level: sentence-level BLEU on comparable (non-parallel) text is mostly zeros and
would mislead an editor.
"""

from __future__ import annotations

from functools import cache


@cache
def _chrf():
    from sacrebleu.metrics import CHRF

    return CHRF()


def sentence_chrf(hypothesis: str, reference: str) -> float:
    return _chrf().sentence_score(hypothesis, [reference]).score


def document_scores(candidate_text: str, reference_text: str) -> dict[str, float]:
    from sacrebleu.metrics import BLEU

    chrf = _chrf().corpus_score([candidate_text], [[reference_text]]).score
    bleu = BLEU().corpus_score([candidate_text], [[reference_text]]).score
    return {"chrf": round(chrf, 2), "bleu": round(bleu, 2)}
