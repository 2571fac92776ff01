"""Markdown: a readable summary an editor can open anywhere."""

from __future__ import annotations

_VERDICTS = {
    "FAIL": "**FAIL** — errors to fix before publishing",
    "REVIEW": "**REVIEW** — warnings for an editor to check",
    "PASS": "**PASS** — no errors or warnings",
}


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(result) -> str:
    cand = result.candidate
    lines = [f"# mtaudit report: {cand.path}", ""]
    lines.append(f"Verdict: {_VERDICTS[result.verdict]}")
    lines.append("")
    counts = result.counts()
    lines.append("Findings: " + ", ".join(f"{n} {label}" for label, n in counts.items()))
    mt = "yes" if cand.machine_translated else "no disclaimer found"
    lines.append(f"Machine-translated: {mt}; source language: {cand.source_lang} ({cand.source_lang_evidence})")
    if result.reference:
        s = result.scores
        lines.append(
            f"Reference: {result.reference.path} — document chrF {s['chrf']}, BLEU {s['bleu']}, "
            f"mean similarity {s['mean_similarity']}, sentences with no counterpart {s['no_counterpart']:.0%}"
        )
    else:
        lines.append("Reference: none (reference-free checks only)")
    for note in result.notes:
        lines.append(f"Note: {note}")
    lines += ["", f"Stamp: `{result.stamp['signature']}`", ""]
    lines += ["## Findings", ""]
    if result.findings:
        # The first column is the 1-based sentence number, as in the terminal, CSV and HTML.
        lines.append("| sentence | code | severity | flagged | reason | suggestion |")
        lines.append("|---|---|---|---|---|---|")
        for f in result.findings:
            lines.append(
                f"| {f.sentence + 1} | {f.code} {f.name} | {f.severity.label} | `{_cell(f.text)}` | "
                f"{_cell(f.message)} | {_cell(f.suggestion)} |"
            )
    else:
        lines.append("No findings.")
    if result.alignments:
        lines += ["", "## Sentences and their reference counterparts", ""]
        lines.append("| sentence | similarity | chrF | alignment | reference sentences |")
        lines.append("|---|---|---|---|---|")
        for a in result.alignments:
            bar = "█" * round(max(a.similarity, 0) * 10)
            refs = ", ".join(str(i + 1) for i in a.references) or "—"
            chrf = "" if a.chrf is None else f"{a.chrf:.1f}"
            lines.append(f"| {a.sentence + 1} | {a.similarity:.2f} {bar} | {chrf} | {a.verdict} | {refs} |")
    return "\n".join(lines) + "\n"
