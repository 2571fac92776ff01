"""Stage 3 — align candidate sentences to a *comparable* reference report.

The reference is an independent report of the same event, not a translation, so:
- a candidate sentence may match several reference sentences (one-to-many): every
  reference sentence within ``ALIGN_MARGIN`` of the best match and above the threshold;
- a sentence whose best match is below ``ALIGN_THRESHOLD`` gets the explicit verdict
  "no counterpart" instead of a forced, meaningless pairing.

Both documents are embedded in one batch; similarity is the cosine of unit vectors.
``encode`` lets a batch of articles pass vectors it computed for all of them at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .model import Alignment, Document
from .score import sentence_chrf

ALIGN_THRESHOLD = 0.5
ALIGN_MARGIN = 0.05
MAX_REFERENCES = 3


@dataclass
class AlignmentResult:
    alignments: list[Alignment]
    embed_seconds: float


def align(
    candidate: Document,
    reference: Document,
    threshold: float = ALIGN_THRESHOLD,
    encode: Callable[[list[str]], object] | None = None,
) -> AlignmentResult:
    """Align ``candidate`` to ``reference``; ``encode`` maps sentences to unit vectors
    (default: :func:`mtaudit.embed.encode`)."""
    import time

    if encode is None:
        from .embed import encode

    cand = candidate.audited_sentences
    refs = reference.audited_sentences
    started = time.perf_counter()
    vectors = encode([s.text for s in cand] + [s.text for s in refs])
    embed_seconds = time.perf_counter() - started
    cand_vectors, ref_vectors = vectors[: len(cand)], vectors[len(cand) :]
    similarity = cand_vectors @ ref_vectors.T if len(refs) else None

    alignments = []
    for row, sentence in enumerate(cand):
        if similarity is None:
            alignments.append(Alignment(sentence.index, (), 0.0, None))
            continue
        scores = similarity[row]
        best = int(scores.argmax())
        best_score = float(scores[best])
        if best_score < threshold:
            alignments.append(Alignment(sentence.index, (), round(best_score, 4), None))
            continue
        floor = max(threshold, best_score - ALIGN_MARGIN)
        ranked = sorted(range(len(refs)), key=lambda j: -float(scores[j]))
        chosen = sorted(j for j in ranked[:MAX_REFERENCES] if float(scores[j]) >= floor)
        ref_indexes = tuple(refs[j].index for j in chosen)
        joined = " ".join(refs[j].text for j in chosen)
        neighbours = tuple(refs[j].index for j in ranked[:5] if float(scores[j]) >= threshold)
        chrf = round(sentence_chrf(sentence.text, joined), 2)
        alignments.append(Alignment(sentence.index, ref_indexes, round(best_score, 4), chrf, neighbours))
    return AlignmentResult(alignments, embed_seconds)
