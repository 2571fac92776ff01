"""The audit pipeline: load -> segment -> align -> score -> check, as one library call.

The CLI is a thin layer over :func:`audit`; reporters read only :class:`AuditResult`.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import __version__
from .checks import REGISTRY, AuditContext, Thresholds
from .errors import MtauditError
from .lexicon import load_english, load_pack
from .load import Decoded, load
from .model import Alignment, Document, Finding, Severity
from .suppress import fingerprint, is_suppressed


@dataclass
class AuditResult:
    candidate: Document
    reference: Document | None
    alignments: list[Alignment]
    findings: list[Finding]
    scores: dict[str, float | None]
    stamp: dict
    timings: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what the editor should know about the inputs
    all_findings: list[Finding] = field(default_factory=list)  # before the baseline filter
    suppressed: int = 0  # dropped by inline markers
    accepted: int = 0  # dropped because the baseline accepts them

    @property
    def verdict(self) -> str:
        """ "FAIL" if any error, "REVIEW" if any warning, else "PASS": spelt the same in every
        report, the terminal and the JSON (a stable machine-readable value)."""
        worst = max((f.severity for f in self.findings), default=None)
        if worst == Severity.ERROR:
            return "FAIL"
        if worst == Severity.WARNING:
            return "REVIEW"
        return "PASS"

    def counts(self) -> dict[str, int]:
        counts = {s.label: 0 for s in sorted(Severity, reverse=True)}
        for finding in self.findings:
            counts[finding.severity.label] += 1
        return counts


def _overridden(current: Severity, default: Severity, override: Severity) -> Severity:
    """A per-check severity from the config replaces the check's default tier; findings the
    check already rates lower (an established nickname at info) never go up."""
    return override if current == default else min(current, override)


def resolve_codes(select: list[str] | None, ignore: list[str] | None) -> list[str]:
    """Selected check codes in registry order; prefixes work like ruff's ("MT00" selects all)."""

    def expand(codes: list[str], flag: str) -> set[str]:
        out = set()
        for code in codes:
            code = code.strip().upper()
            if not code:
                continue
            matched = {c for c in REGISTRY if c.startswith(code)}
            if not matched:
                raise MtauditError(f"{flag} {code}: unknown check code (see 'mtaudit rules')")
            out |= matched
        return out

    chosen = expand(select, "--select") if select else set(REGISTRY)
    chosen -= expand(ignore or [], "--ignore")
    return [code for code in REGISTRY if code in chosen]


# With at least this share of sentences unaligned, the reference is probably about something else.
UNRELATED_SHARE = 0.8


def reference_problem(candidate: Document, reference: Document) -> str | None:
    """Why the reference cannot be used (and is set aside), or None if it can."""
    if " ".join(candidate.audited_text.split()) == " ".join(reference.audited_text.split()):
        return "the reference is the same text as the article; reference comparisons skipped"
    from .language import detect_language

    lang, prob = detect_language(reference.audited_text[:3000])
    if lang and lang != "en" and prob >= 0.9:
        return (
            f"the reference is not in English (language detector: {lang}, p={prob:.2f}); reference comparisons skipped"
        )
    return None


def one_per_span(findings: set[Finding]) -> set[Finding]:
    """One finding per exact span: an editor fixes "NTT" once, whether MT002 (an unexplained abbreviation) or
    MT007 (two names for one thing) saw it.  The most severe finding stays, then the lowest code."""
    best: dict[tuple[int, int], Finding] = {}
    for finding in sorted(findings, key=lambda f: (-f.severity, f.code)):
        best.setdefault((finding.start, finding.end), finding)
    return set(best.values())


def _trait(finding: Finding) -> str:
    """What a finding that needs company says about the copy: an abbreviation left unexplained is its own trait
    per abbreviation; any other is the kind of slip its message names (up to its first ";" or ":")."""
    if finding.code == "MT002":
        return finding.text.lower()
    return finding.code + re.split(r"[;:]", finding.message, maxsplit=1)[0]


def without_company(findings: set[Finding], candidate: Document) -> set[Finding]:
    """Findings that need company (:attr:`Finding.needs_company`) drop to info when no other finding in the
    article is at warning or above, none with other words that needs company too, and no disclaimer says it
    was machine-translated: one trait of house style alone does not make copy machine-made."""
    raised = [f for f in findings if f.severity >= Severity.WARNING]
    # Two such traits with different words ("TNI" and "Polri" unexplained) keep each other company.  A bare
    # loanword ("ojek") keeps none: English papers in Indonesia use one as readily as an abbreviation.  Nor
    # does the same trait again: three quotations that mix curly and straight marks are one habit of the copy.
    # A copy-edit slip (MT010: "the the") is as human as it is machine: no company for house-style findings.
    raised = [f for f in raised if f.code != "MT010"]
    traits = {_trait(f) for f in raised if f.code != "MT004"}
    company = candidate.disclaimer or any(not f.needs_company for f in raised) or len(traits) >= 2
    if company:
        return findings
    return {replace(f, severity=min(f.severity, Severity.INFO)) if f.needs_company else f for f in findings}


def _stamp(
    codes: list[str],
    pack_hashes: dict[str, str],
    thresholds: Thresholds,
    with_model: bool,
    lang: str,
    language_model: str = "none",
) -> dict:
    from .embed import MODEL_NAME

    lexicon_digest = hashlib.sha256("".join(f"{k}={v};" for k, v in sorted(pack_hashes.items())).encode()).hexdigest()[
        :12
    ]
    model = MODEL_NAME if with_model else "none"
    signature = (
        f"mtaudit:{__version__}|model:{model}|source:{lang}|lexicons:{lexicon_digest}|"
        f"align:{thresholds.align}|refcheck:{thresholds.reference_check}|reffacts:{thresholds.reference_facts}|"
        f"lm:{language_model}|checks:{','.join(codes)}"
    )
    return {
        "mtaudit": __version__,
        "model": model,
        "lm": language_model,
        "source_lang": lang,
        "lexicons": dict(sorted(pack_hashes.items())),
        "thresholds": thresholds.as_dict(),
        "checks": codes,
        "signature": signature,
    }


def _language_model(codes: list[str], fluency: bool | None):
    """(model, None), or (None, why it is not used) -- the note is None when nobody asked for it."""
    if fluency is False or not any(REGISTRY[c].needs_language_model for c in codes):
        return None, None
    from .lm import ModelUnavailable, get_model

    try:
        return get_model(), None
    except ModelUnavailable as exc:
        return None, str(exc)


def audit(
    candidate: str | Path,
    reference: str | Path | None = None,
    *,
    source_lang: str | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    thresholds: Thresholds | None = None,
    candidate_text: str | None = None,
    severity: dict[str, Severity | None] | None = None,
    lexicons: list[Path] | tuple[Path, ...] = (),
    baseline: set[str] | None = None,
    fluency: bool | None = None,
    reference_text: str | Decoded | None = None,
    encode: Callable[[list[str]], object] | None = None,
    documents: tuple[Document, Document] | None = None,
) -> AuditResult:
    """Audit one machine-translated article, optionally against a comparable reference report.

    ``severity`` overrides a check's severity per code (``None`` turns the check off);
    ``lexicons`` adds user lexicon folders; ``baseline`` is a set of accepted fingerprints.
    ``fluency``: checks that need the language model (MT009) run when it is True, are skipped
    when False, and run whenever the model can be loaded when None (the default).
    ``candidate_text``/``reference_text`` stand in for reading the files (already read or
    decoded text); ``encode`` replaces the sentence embedder (batches pass precomputed vectors).
    ``documents``: the candidate and reference as :func:`mtaudit.load.load` returned them for these
    same arguments (a batch loads them to embed their sentences), used instead of loading again.
    """
    thresholds = thresholds or Thresholds()
    severity = severity or {}
    timings: dict[str, float] = {}
    started = time.perf_counter()
    codes = [c for c in resolve_codes(select, ignore) if not (c in severity and severity[c] is None)]
    if documents is not None and reference:
        cand_doc, ref_doc = documents
    else:
        cand_doc = load(candidate, source_lang, text=candidate_text)
        ref_doc = load(reference, cand_doc.source_lang, text=reference_text, role="reference") if reference else None
    timings["load"] = time.perf_counter() - started

    alignments: list[Alignment] = []
    scores: dict[str, float | None] = {"chrf": None, "bleu": None, "mean_similarity": None, "no_counterpart": None}
    notes = list(cand_doc.notes) + [f"reference: {n}" for n in (ref_doc.notes if ref_doc else [])]
    unusable = reference_problem(cand_doc, ref_doc) if ref_doc else None
    if unusable:
        notes.append(unusable)
        ref_doc = None
    if ref_doc:
        from .align import align
        from .score import document_scores

        t = time.perf_counter()
        result = align(cand_doc, ref_doc, thresholds.align, encode=encode)
        alignments = result.alignments
        timings["embed"] = result.embed_seconds
        timings["align"] = time.perf_counter() - t
        scores.update(document_scores(cand_doc.audited_text, ref_doc.audited_text))
        if alignments:
            scores["mean_similarity"] = round(sum(a.similarity for a in alignments) / len(alignments), 4)
            scores["no_counterpart"] = round(sum(1 for a in alignments if not a.references) / len(alignments), 4)
            if scores["no_counterpart"] >= UNRELATED_SHARE:
                notes.append(
                    f"the reference looks like a report of a different event: {scores['no_counterpart']:.0%} of the "
                    "sentences have no counterpart in it"
                )

    pack = load_pack(cand_doc.source_lang, tuple(Path(p).resolve() for p in lexicons))
    english = load_english()
    ctx = AuditContext(
        candidate=cand_doc,
        pack=pack,
        english=english,
        reference=ref_doc,
        alignments={a.sentence: a for a in alignments},
        thresholds=thresholds,
    )
    # Fluency (issue 11): the language model is loaded lazily, once per process, only when wanted.
    t = time.perf_counter()
    language_model, lm_note = _language_model(codes, fluency)
    timings["lm_load"] = time.perf_counter() - t
    if lm_note:
        notes.append(lm_note)
    if language_model is None:
        codes = [c for c in codes if not REGISTRY[c].needs_language_model]
    ctx.language_model = language_model
    t = time.perf_counter()
    findings: set[Finding] = set()
    for code in codes:
        check = REGISTRY[code]()
        if check.needs_reference and ref_doc is None:
            continue
        t_check = time.perf_counter()
        findings.update(check.run(ctx))
        if check.needs_language_model:
            timings["fluency"] = time.perf_counter() - t_check
    timings["checks"] = time.perf_counter() - t
    findings = without_company(one_per_span(findings), cand_doc)

    by_sentence = {a.sentence: a for a in alignments}
    enriched = []
    suppressed = 0
    for finding in sorted(findings):
        if is_suppressed(finding, cand_doc.suppressions):
            suppressed += 1
            continue
        override = severity.get(finding.code)
        if override:
            finding = replace(
                finding, severity=_overridden(finding.severity, REGISTRY[finding.code].severity, override)
            )
        alignment = by_sentence.get(finding.sentence)
        if alignment and alignment.references:
            ref_text = " ".join(ref_doc.sentences[i].text for i in alignment.references)
            finding = replace(finding, reference_sentence=ref_text, similarity=alignment.similarity)
        elif alignment:
            finding = replace(finding, similarity=alignment.similarity)
        enriched.append(finding)

    reported = enriched
    if baseline:
        reported = [f for f in enriched if fingerprint(f, cand_doc.sentences[f.sentence].text) not in baseline]

    hashes = {**pack.hashes, **english.hashes}
    lm_signature = language_model.signature if language_model is not None else "none"
    stamp = _stamp(codes, hashes, thresholds, ref_doc is not None, cand_doc.source_lang, lm_signature)
    stamp["severity_overrides"] = {c: (s.label if s else "off") for c, s in sorted(severity.items())}
    timings["total"] = time.perf_counter() - started
    return AuditResult(
        cand_doc,
        ref_doc,
        alignments,
        reported,
        scores,
        stamp,
        timings,
        notes=notes,
        all_findings=enriched,
        suppressed=suppressed,
        accepted=len(enriched) - len(reported),
    )
