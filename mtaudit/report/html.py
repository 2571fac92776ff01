"""HTML: one self-contained page for editors (inline CSS, no scripts, no network).

A findings list at the top gives every finding (severity, sentence number linking to the
sentence, flagged text, reason, fix), so an editor need not open each sentence.  Below it the
article is shown sentence by sentence with every flagged span highlighted by severity;
hovering a highlight shows the reason and fix (``title``), and clicking the sentence's
finding list (``<details>``) shows them in full.  With a reference, each sentence sits beside
its aligned reference sentence with a small similarity bar; without one those columns are
left out.  Every piece of article text goes
through ``html.escape``: an article containing ``<script>`` renders it as text.  The page
carries no JavaScript at all, so nothing from an article can run.
"""

from __future__ import annotations

from html import escape

_CSS = """
body{font-family:Georgia,serif;margin:0;color:#222;background:#fafafa}
header{background:#1f2933;color:#fff;padding:16px 24px}
header h1{font-size:20px;margin:0 0 6px}
.verdict{display:inline-block;padding:2px 10px;border-radius:4px;font-weight:bold;font-family:sans-serif}
.v-fail{background:#c62828}.v-review{background:#ef6c00}.v-pass{background:#2e7d32}
.meta{font:13px sans-serif;color:#cbd2d9;margin-top:6px}
.stamp{font:11px monospace;color:#9aa5b1;word-break:break-all}
main{padding:16px 24px}
table{border-collapse:collapse;width:100%}
td,th{vertical-align:top;border-bottom:1px solid #e4e7eb;padding:8px;text-align:left}
th{font:bold 12px sans-serif;color:#52606d;text-transform:uppercase}
td.n{font:12px sans-serif;color:#7b8794;width:2em}
td.ref{font-size:14px;color:#52606d;width:34%}
td.sim{width:110px;font:12px sans-serif}
.bar{height:8px;background:#e4e7eb;border-radius:4px;overflow:hidden;margin-top:4px}
.bar span{display:block;height:8px;background:#3e7cb1}
mark{padding:0 2px;border-radius:2px;cursor:help}
mark.error{background:#ffcdd2;border-bottom:2px solid #c62828}
mark.warning{background:#ffe0b2;border-bottom:2px solid #ef6c00}
mark.info{background:#e3f2fd;border-bottom:2px solid #1565c0}
details{font:13px sans-serif;margin-top:6px}
details li{margin:4px 0}
.code{font:bold 12px monospace}
.fix{color:#2e7d32;font-weight:bold}
.none{color:#9aa5b1;font-style:italic}
.skipped{color:#9aa5b1}
h2{font:bold 15px sans-serif;color:#3e4c59;margin:18px 0 8px}
.findings td{font:13px sans-serif}
.findings td.flagged{font-family:Georgia,serif}
.sev{display:inline-block;padding:1px 6px;border-radius:3px;font:bold 11px sans-serif;text-transform:uppercase}
.sev.error{background:#ffcdd2;color:#8e0000}.sev.warning{background:#ffe0b2;color:#8a3c00}
.sev.info{background:#e3f2fd;color:#0d47a1}
tr:target{background:#fff8e1}
"""


def _highlight(text: str, offset: int, findings) -> str:
    """The sentence with flagged spans wrapped in <mark>; overlapping spans nest by taking the outermost."""
    out = []
    cursor = 0
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        start, end = f.start - offset, f.end - offset
        if start < cursor:
            continue  # already inside an earlier highlight
        tip = f"{f.code} {f.severity.label}: {f.message}" + (f" Fix: {f.suggestion}" if f.suggestion else "")
        out.append(escape(text[cursor:start]))
        out.append(
            f'<mark class="{f.severity.label}" data-code="{escape(f.code)}" title="{escape(tip)}">'
            f"{escape(text[start:end])}</mark>"
        )
        cursor = end
    out.append(escape(text[cursor:]))
    return "".join(out)


def _findings_list(result) -> str:
    """The table at the top: every finding, each linking to its sentence's row."""
    if not result.findings:
        return '<h2>Findings</h2><p class="none">No findings.</p>'
    rows = "".join(
        f'<tr><td><span class="sev {f.severity.label}">{escape(f.severity.label)}</span></td>'
        f'<td><a href="#s{f.sentence + 1}">{f.sentence + 1}</a></td>'
        f'<td class="flagged">“{escape(f.text)}”</td>'
        f'<td><span class="code">{escape(f.code)}</span> {escape(f.message)}</td>'
        f'<td class="fix">{escape(f.suggestion or "")}</td></tr>'
        for f in result.findings
    )
    return (
        f"<h2>Findings ({len(result.findings)})</h2>"
        '<table class="findings"><thead><tr><th>Severity</th><th>Sentence</th><th>Flagged</th><th>Reason</th>'
        f"<th>Fix</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def render_html(result) -> str:
    cand = result.candidate
    with_reference = result.reference is not None
    by_sentence: dict[int, list] = {}
    for f in result.findings:
        by_sentence.setdefault(f.sentence, []).append(f)
    alignments = {a.sentence: a for a in result.alignments}
    counts = ", ".join(f"{n} {label}" for label, n in result.counts().items())
    scores = result.scores
    reference = (
        f"Reference: {escape(result.reference.path)} — document chrF {scores['chrf']}, BLEU {scores['bleu']}, "
        f"mean similarity {scores['mean_similarity']}"
        if with_reference
        else "No reference: reference-free checks only"
    )
    mt = "yes" if cand.machine_translated else "no disclaimer found"
    rows = []
    for s in cand.sentences:
        if not s.audited:
            rows.append(
                f'<tr class="skipped" id="s{s.number}"><td class="n">{s.number}</td>'
                f'<td colspan="{3 if with_reference else 1}">{escape(s.text)} '
                "<em>(MT disclaimer, not audited)</em></td></tr>"
            )
            continue
        findings = by_sentence.get(s.index, [])
        cell = _highlight(s.text, s.start, findings)
        if findings:
            items = "".join(
                f'<li><span class="code">{escape(f.code)}</span> {escape(f.severity.label)} — '
                f"“{escape(f.text)}”: {escape(f.message)}"
                + (f' <span class="fix">Fix: {escape(f.suggestion)}</span>' if f.suggestion else "")
                + (f"<br><small>Evidence: {escape(f.evidence)}</small>" if f.evidence else "")
                + "</li>"
                for f in findings
            )
            cell += f"<details><summary>{len(findings)} finding(s)</summary><ul>{items}</ul></details>"
        row = f'<tr id="s{s.number}"><td class="n">{s.number}</td><td>{cell}</td>'
        if with_reference:
            a = alignments.get(s.index)
            if a is None:
                ref_cell, sim_cell = '<span class="none">—</span>', ""
            else:
                if a.references:
                    ref_cell = " ".join(escape(result.reference.sentences[i].text) for i in a.references)
                else:
                    ref_cell = '<span class="none">no counterpart in the reference</span>'
                width = max(a.similarity, 0) * 100
                sim_cell = f'{a.similarity:.2f}<div class="bar"><span style="width:{width:.0f}%"></span></div>'
            row += f'<td class="ref">{ref_cell}</td><td class="sim">{sim_cell}</td>'
        rows.append(row + "</tr>")
    head = "<th>Sentence</th><th>Article</th>" + (
        "<th>Reference counterpart</th><th>Similarity</th>" if with_reference else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>mtaudit: {escape(cand.path)}</title><style>{_CSS}</style></head>
<body><header><h1>mtaudit report: {escape(cand.path)}</h1>
<span class="verdict v-{result.verdict.lower()}">{result.verdict}</span>
<div class="meta">{escape(counts)} · source language {escape(str(cand.source_lang))}
({escape(cand.source_lang_evidence)}) · machine-translated: {mt}</div>
<div class="meta">{reference}</div>
{"".join(f'<div class="meta">Note: {escape(n)}</div>' for n in result.notes)}
<div class="stamp">{escape(result.stamp["signature"])}</div></header>
<main>{_findings_list(result)}
<h2>Article, sentence by sentence</h2>
<table><thead><tr>{head}</tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table></main></body></html>
"""
