"""Measure mtaudit on the perturbed-MT suite (``tools/perturb.py``): the issue-10 table.

For every perturbation kind, every document is audited four times through the library API
(the embedding model is loaded once per process): clean and perturbed copy, each with the
reference document and without it.  Then, per sentence:

- **detected** — the perturbed copy of the sentence has a warning-or-error finding that the clean
  copy does not (same code and flagged text), as the issue defines detection;
- **on target** — such a finding overlaps the changed words themselves (a stricter reading);
- **false alarm** — the clean copy of the sentence has any warning-or-error finding;
- **sentence chrF at 5 % false alarms** — the baseline the issue compares with: flag a sentence
  when its chrF against its reference sentence is below the 5th percentile of the clean
  sentences' chrF, and count the perturbed sentences flagged.

Usage:
    python tools/perturb_eval.py [--kinds entity,number] [--seed 10] [--json out.json] [--show-misses]
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from perturb import KINDS, SEED, Doc, build_suite  # noqa: E402

from mtaudit.model import Severity  # noqa: E402
from mtaudit.pipeline import audit  # noqa: E402
from mtaudit.score import sentence_chrf  # noqa: E402

LABELS = {
    "entity": "a named entity replaced by another (a person, a city, a country)",
    "number": "a number changed",
    "pronoun": "a pronoun's gender swapped",
    "untranslated": "one word left in the source language",
    "punctuation": "punctuation added",
}


def _by_row(findings, spans: list[tuple[int, int]]) -> list[list]:
    """Warning+ findings grouped by the sentence (row) they fall in."""
    starts = [s for s, _ in spans]
    out: list[list] = [[] for _ in spans]
    for finding in findings:
        if finding.severity < Severity.WARNING:
            continue
        row = bisect.bisect_right(starts, finding.start) - 1
        if 0 <= row < len(spans) and finding.start < spans[row][1]:
            out[row].append(finding)
    return out


def _audit(folder: Path, name: str, text: str, reference: Path | None):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return audit(path, reference).findings


def evaluate_doc(doc: Doc, folder: Path) -> list[dict]:
    ref_path = folder / f"{doc.name}.ref.txt"
    ref_path.write_text(doc.reference, encoding="utf-8")
    clean_spans = [r.clean for r in doc.rows]
    pert_spans = [r.perturbed for r in doc.rows]
    results = {}
    for mode, reference in (("ref", ref_path), ("noref", None)):
        clean = _by_row(_audit(folder, f"{doc.name}.clean.txt", doc.clean, reference), clean_spans)
        pert = _by_row(_audit(folder, f"{doc.name}.perturbed.txt", doc.perturbed, reference), pert_spans)
        results[mode] = (clean, pert)
    rows = []
    ref_sentences = doc.reference.rstrip("\n").split("\n\n")
    for i, row in enumerate(doc.rows):
        record = {"pair": row.pair, "lang": row.lang, "original": row.original, "replacement": row.replacement}
        for mode, (clean, pert) in results.items():
            clean_keys = {(f.code, f.text) for f in clean[i]}
            new = [f for f in pert[i] if (f.code, f.text) not in clean_keys]
            on_target = [f for f in new if f.start < row.change[1] and row.change[0] < f.end]
            record[mode] = {
                "detected": bool(new),
                "on_target": bool(on_target),
                "false_alarm": bool(clean[i]),
                "new_codes": sorted({f.code for f in new}),
                "new": [f"{f.code} {f.text!r}" for f in new],
                "clean": [f"{f.code} {f.text!r}" for f in clean[i]],
            }
        clean_text = doc.clean[row.clean[0] : row.clean[1]]
        pert_text = doc.perturbed[row.perturbed[0] : row.perturbed[1]]
        record["chrf_clean"] = sentence_chrf(clean_text, ref_sentences[i])
        record["chrf_perturbed"] = sentence_chrf(pert_text, ref_sentences[i])
        record["text"] = pert_text
        rows.append(record)
    return rows


def summarise(rows: list[dict]) -> dict:
    n = len(rows)
    clean_chrf = sorted(r["chrf_clean"] for r in rows)
    threshold = clean_chrf[int(0.05 * n)] if n else 0.0  # at most 5 % of clean sentences fall below
    share = lambda items: sum(items) / n if n else 0.0  # noqa: E731
    return {
        "sentences": n,
        "detected_ref": share(r["ref"]["detected"] for r in rows),
        "on_target_ref": share(r["ref"]["on_target"] for r in rows),
        "detected_noref": share(r["noref"]["detected"] for r in rows),
        "false_alarms_ref": share(r["ref"]["false_alarm"] for r in rows),
        "false_alarms_noref": share(r["noref"]["false_alarm"] for r in rows),
        "chrf_baseline": share(r["chrf_perturbed"] < threshold for r in rows),
        "chrf_false_alarms": share(r["chrf_clean"] < threshold for r in rows),
        "codes_ref": dict(Counter(c for r in rows for c in r["ref"]["new_codes"]).most_common()),
    }


def table(summary: dict[str, dict]) -> str:
    lines = [
        "| perturbation | sentences | detected with reference (on the changed words) | without | "
        "false alarms with reference / without | sentence chrF at 5 % false alarms | codes that detected it |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind, s in summary.items():
        codes = ", ".join(f"{c} {n}" for c, n in s["codes_ref"].items()) or "—"
        lines.append(
            f"| {LABELS[kind]} | {s['sentences']} | {s['detected_ref']:.0%} ({s['on_target_ref']:.0%}) | "
            f"{s['detected_noref']:.0%} | {s['false_alarms_ref']:.1%} / {s['false_alarms_noref']:.1%} | "
            f"{s['chrf_baseline']:.0%} | {codes} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--json", type=Path, help="write every sentence's result here")
    parser.add_argument("--show-misses", action="store_true", help="print missed perturbations and false alarms")
    args = parser.parse_args(argv)
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    unknown = set(kinds) - set(KINDS)
    if unknown:
        print(f"Error: unknown kind(s) {', '.join(sorted(unknown))} (use {', '.join(KINDS)})", file=sys.stderr)
        return 2
    started = time.perf_counter()
    suite = build_suite(seed=args.seed, kinds=kinds)
    per_kind: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory(prefix="mtaudit-perturbed-") as tmp:
        for kind, docs in suite.items():
            folder = Path(tmp) / kind
            folder.mkdir()
            per_kind[kind] = [row for doc in docs for row in evaluate_doc(doc, folder)]
    summary = {kind: summarise(rows) for kind, rows in per_kind.items()}
    print(table(summary))
    print(
        f"\n{sum(s['sentences'] for s in summary.values())} perturbed sentences, seed {args.seed}, "
        f"{time.perf_counter() - started:.0f} s"
    )
    if args.show_misses:
        for kind, rows in per_kind.items():
            for r in rows:
                if not r["ref"]["detected"]:
                    print(f"MISS {kind} {r['pair']}: {r['original']!r} -> {r['replacement']!r} | {r['text']}")
                if r["ref"]["false_alarm"]:
                    print(f"FALSE ALARM {kind} {r['pair']}: {r['ref']['clean']}")
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "rows": per_kind}, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
