"""CSV for editors: one row per finding, stable documented columns (see README)."""

from __future__ import annotations

import csv
import io

COLUMNS = [
    "article",
    "sentence",
    "sentence_text",
    "flagged_text",
    "start",
    "end",
    "code",
    "check",
    "severity",
    "reason",
    "suggestion",
    "evidence",
    "reference_sentence",
    "similarity",
]
# OWASP: a cell starting with one of these is executed as a formula by spreadsheets.
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_TRIGGERS):
        return "'" + text
    return text


def finding_rows(result) -> list[dict]:
    doc = result.candidate
    rows = []
    for f in result.findings:
        rows.append(
            {
                "article": doc.path,
                "sentence": f.sentence + 1,
                "sentence_text": doc.sentences[f.sentence].text,
                "flagged_text": f.text,
                "start": f.start,
                "end": f.end,
                "code": f.code,
                "check": f.name,
                "severity": f.severity.label,
                "reason": f.message,
                "suggestion": f.suggestion,
                "evidence": f.evidence,
                "reference_sentence": f.reference_sentence,
                "similarity": "" if f.similarity is None else f"{f.similarity:.3f}",
            }
        )
    return rows


def render_csv(result) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in finding_rows(result):
        writer.writerow([neutralise(row[c]) if isinstance(row[c], str) or row[c] is None else row[c] for c in COLUMNS])
    return buffer.getvalue()


SUMMARY_COLUMNS = [
    "article",
    "verdict",
    "errors",
    "warnings",
    "infos",
    "machine_translated",
    "source_lang",
    "reference",
    "document_chrf",
    "document_bleu",
    "mean_similarity",
    "no_counterpart_share",
    "accepted_by_baseline",
    "suppressed_inline",
    "error",  # why an article of a batch could not be audited; empty when it was
]


def summary_row(result) -> dict:
    counts = result.counts()
    scores = result.scores
    return {
        "article": result.candidate.path,
        "verdict": result.verdict,
        "errors": counts["error"],
        "warnings": counts["warning"],
        "infos": counts["info"],
        "machine_translated": "yes" if result.candidate.machine_translated else "no",
        "source_lang": result.candidate.source_lang,
        "reference": result.reference.path if result.reference else "",
        "document_chrf": scores["chrf"],
        "document_bleu": scores["bleu"],
        "mean_similarity": scores["mean_similarity"],
        "no_counterpart_share": scores["no_counterpart"],
        "accepted_by_baseline": result.accepted,
        "suppressed_inline": result.suppressed,
        "error": "",
    }


def failure_row(failed) -> dict:
    """The row of an article that could not be audited (``failed`` has article, reference, error)."""
    row = dict.fromkeys(SUMMARY_COLUMNS)
    row.update(article=failed.article, verdict="not audited", reference=failed.reference or "", error=failed.error)
    return row


def render_summary_csv(results) -> str:
    """One row per item: an AuditResult, or a failed article of a batch (see :func:`failure_row`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(SUMMARY_COLUMNS)
    for result in results:
        row = summary_row(result) if hasattr(result, "candidate") else failure_row(result)
        writer.writerow(
            [
                neutralise(row[c]) if isinstance(row[c], str) else ("" if row[c] is None else row[c])
                for c in SUMMARY_COLUMNS
            ]
        )
    return buffer.getvalue()
