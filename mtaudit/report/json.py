"""JSON: everything, machine-readable, deterministic (sorted keys, no timestamps).

``article`` and ``reference`` are paths (strings, ``null`` without a reference), so
``jq '.article'`` prints a file name; what mtaudit learnt about each input sits beside it in
``article_info`` and ``reference_info``.  ``verdict`` is one of ``PASS``, ``REVIEW``, ``FAIL``.
"""

from __future__ import annotations

import json


def result_to_dict(result) -> dict:
    cand = result.candidate
    alignments = {a.sentence: a for a in result.alignments}
    sentences = []
    for s in cand.sentences:
        entry = {"number": s.number, "start": s.start, "end": s.end, "text": s.text, "audited": s.audited}
        a = alignments.get(s.index)
        if a is not None:
            entry["alignment"] = {
                "verdict": a.verdict,
                "references": [i + 1 for i in a.references],
                "similarity": a.similarity,
                "chrf": a.chrf,
            }
        sentences.append(entry)
    return {
        "stamp": result.stamp,
        "article": cand.path,
        "article_info": {
            "format": cand.format,
            "encoding": cand.encoding,
            "notes": cand.notes,
            "machine_translated": cand.machine_translated,
            "disclaimer": cand.disclaimer,
            "source_lang": cand.source_lang,
            "source_lang_evidence": cand.source_lang_evidence,
        },
        "reference": None if result.reference is None else result.reference.path,
        "reference_info": None
        if result.reference is None
        else {"sentences": [s.text for s in result.reference.sentences]},
        "verdict": result.verdict,
        "notes": result.notes,
        "counts": result.counts(),
        "scores": result.scores,
        "findings": [f.to_dict() for f in result.findings],
        "sentences": sentences,
    }


def render_json(result) -> str:
    return json.dumps(result_to_dict(result), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
