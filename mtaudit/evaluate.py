"""Score mtaudit against gold annotation files: precision, recall and F1 per check code.

Gold files are tab-separated, next to the article they annotate::

    corpora/seed/shoigu-visit.txt          the article (also .md or .html)
    corpora/seed/shoigu-visit.ref.txt      optional reference report
    corpora/seed/shoigu-visit.gold.tsv     code  text  occurrence  fix  also  note  [category]

``text`` + ``occurrence`` (1-based, counted as ``str.find`` finds it) locate the span, so
annotators never count characters; ``text`` is taken verbatim (" ," is a space before a comma).
A header-only gold file means "annotated, clean".  The optional ``category`` names the kind of
artifact in the annotator's terms (``pronoun``, ``acronym``, ``calque``, ``garbled`` …, see
:data:`CATEGORIES`); without it the category follows from the code.

A folder holding a file named ``HELDOUT`` is a held-out split: the report gives only aggregate
numbers for its articles, never the misses or false alarms, so nobody tunes on them.

Matching: a finding *hits* an annotated artifact when their spans overlap and the
finding's code is the artifact's code or one of its ``also`` codes.  Precision counts
findings (a finding that hits nothing is a false alarm); recall counts artifacts (an
artifact hit by any finding is found).  Code ``MT000`` marks artifacts no check is meant
to find; they count as misses in the overall recall, so the number stays honest.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .errors import MtauditError
from .lexicon import read_tsv
from .model import Finding, Severity

UNTARGETED = "MT000"
GOLD_COLUMNS = ("code", "text", "occurrence", "fix", "also", "note")
GOLD_OPTIONAL = ("category",)
HELDOUT_MARKER = "HELDOUT"
CONTROL_FOLDERS = {"clean", "pro"}  # professional or clean copy: every warning there that hits nothing is a false alarm
# Annotators' categories, and the category an artifact gets from its code when none is given.
CATEGORIES = {
    "pronoun": "MT003",
    "acronym": "MT002",
    "untranslated": "MT004",
    "punctuation": "MT005",
    "epithet": "MT001",
    "calque": UNTARGETED,
    "garbled": UNTARGETED,
    "terminology": "MT007",
    "fact": "MT006",
    "other": UNTARGETED,
}
CODE_CATEGORY = {code: name for name, code in CATEGORIES.items() if code != UNTARGETED} | {UNTARGETED: "other"}
# Checks written since the annotation that find artifacts of a category (issue 11): a finding of theirs on
# such an artifact is a hit, whatever code the annotator's category mapped to.
CATEGORY_CHECKS = {"calque": ("MT008", "MT009"), "garbled": ("MT009", "MT008"), "other": ("MT010",)}
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")


@dataclass(frozen=True)
class GoldArtifact:
    article: str
    code: str
    also: tuple[str, ...]
    start: int
    end: int
    text: str
    fix: str
    note: str
    category: str = "other"

    @property
    def codes(self) -> set[str]:
        return {self.code, *self.also, *CATEGORY_CHECKS.get(self.category, ())}


@dataclass
class ArticleEval:
    article: str
    reference: str | None
    gold: list[GoldArtifact]
    findings: list[Finding]
    hits: dict[int, list[int]] = field(default_factory=dict)  # finding index -> artifact indexes
    sentences: int = 0  # audited sentences, for false alarms per 1,000 sentences of clean text
    held_out: bool = False
    control: bool = False  # professional or clean copy (a folder named "pro" or "clean")


@dataclass
class EvalReport:
    articles: list[ArticleEval]
    # Gold files measured without their article: a corpus rebuilt from a source that no longer holds every page.
    skipped: list[str] = field(default_factory=list)

    def _rows(self):
        for art in self.articles:
            found = {a for hits in art.hits.values() for a in hits}
            yield art, found

    def per_code(self, min_severity: Severity = Severity.INFO) -> dict[str, dict[str, float]]:
        stats: dict[str, dict[str, float]] = defaultdict(lambda: {"tp": 0, "fp": 0, "gold": 0, "found": 0})
        for art, _found in self._rows():
            for i, f in enumerate(art.findings):
                if f.severity < min_severity:
                    continue
                stats[f.code]["tp" if art.hits.get(i) else "fp"] += 1
            found = self._found(art, min_severity)
            for j, g in enumerate(art.gold):
                stats[g.code]["gold"] += 1
                stats[g.code]["found"] += j in found
        return {code: _ratios(s) for code, s in sorted(stats.items())}

    def _found(self, art: ArticleEval, min_severity: Severity) -> set[int]:
        return {a for i, hits in art.hits.items() if art.findings[i].severity >= min_severity for a in hits}

    def overall(self, min_severity: Severity = Severity.INFO, *, targeted_only: bool = False) -> dict[str, float]:
        """Totals over all findings; ``targeted_only`` leaves out MT000 artifacts (no check targets them)."""
        s = {"tp": 0, "fp": 0, "gold": 0, "found": 0}
        for art in self.articles:
            for i, f in enumerate(art.findings):
                if f.severity >= min_severity:
                    s["tp" if art.hits.get(i) else "fp"] += 1
            found = self._found(art, min_severity)
            for j, g in enumerate(art.gold):
                if targeted_only and g.code == UNTARGETED:
                    continue
                s["gold"] += 1
                s["found"] += j in found
        return _ratios(s)

    def on_other_artifacts(self, min_severity: Severity = Severity.WARNING) -> dict[str, float]:
        """Findings that hit nothing of their own code but fall on an artifact annotated under another one: MT005's
        "regions. input data" on a span the annotator called a garbled phrase.  They count as false alarms in
        the precision above; an editor who follows them still finds something to fix.  Reported beside the
        precision, never in it."""
        counted = {"findings": 0, "false_alarms": 0, "on_other_artifacts": 0}
        for art in self.articles:
            for i, f in enumerate(art.findings):
                if f.severity < min_severity:
                    continue
                counted["findings"] += 1
                if art.hits.get(i):
                    continue
                counted["false_alarms"] += 1
                counted["on_other_artifacts"] += any(f.start < g.end and g.start < f.end for g in art.gold)
        right = counted["findings"] - counted["false_alarms"] + counted["on_other_artifacts"]
        return {**counted, "on_something_to_fix": right / counted["findings"] if counted["findings"] else 1.0}

    def misses(self, *, include_held_out: bool = False) -> list[GoldArtifact]:
        out = []
        for art, found in self._rows():
            if include_held_out or not art.held_out:
                out += [g for j, g in enumerate(art.gold) if j not in found]
        return out

    def false_alarms(self, *, include_held_out: bool = False) -> list[tuple[str, Finding]]:
        return [
            (art.article, f)
            for art in self.articles
            if include_held_out or not art.held_out
            for i, f in enumerate(art.findings)
            if not art.hits.get(i)
        ]

    def clean_articles_with_warnings(self, *, include_held_out: bool = False) -> list[tuple[str, Finding]]:
        """Findings at warning level or above in articles annotated as clean (empty gold)."""
        return [
            (art.article, f)
            for art in self.articles
            if not art.gold and (include_held_out or not art.held_out)
            for f in art.findings
            if f.severity >= Severity.WARNING
        ]

    def clean_rate(self) -> dict[str, float]:
        """False alarms at warning level or above per 1,000 sentences of the control articles: those in a
        folder named ``clean`` or ``pro`` (professional copy) and any article annotated as clean.  A finding
        on an artifact the annotators marked (a typo in professional copy) is not a false alarm."""
        controls = [art for art in self.articles if art.control or not art.gold]
        sentences = sum(art.sentences for art in controls)
        flagged = sum(
            1
            for art in controls
            for i, f in enumerate(art.findings)
            if f.severity >= Severity.WARNING and not art.hits.get(i)
        )
        per_1000 = 1000 * flagged / sentences if sentences else 0.0
        return {"articles": len(controls), "sentences": sentences, "warnings": flagged, "per_1000": per_1000}

    def per_category(self, min_severity: Severity = Severity.INFO) -> dict[str, dict[str, float]]:
        """Recall per annotated category (what the annotator called it, whatever the code)."""
        stats: dict[str, dict[str, int]] = defaultdict(lambda: {"gold": 0, "found": 0})
        for art in self.articles:
            found = self._found(art, min_severity)
            for j, g in enumerate(art.gold):
                stats[g.category]["gold"] += 1
                stats[g.category]["found"] += j in found
        total = sum(s["gold"] for s in stats.values())
        return {
            name: {**s, "share": s["gold"] / total, "recall": s["found"] / s["gold"]}
            for name, s in sorted(stats.items(), key=lambda item: -item[1]["gold"])
        }

    @property
    def held_out_articles(self) -> int:
        return sum(1 for art in self.articles if art.held_out)


def _ratios(s: dict) -> dict[str, float]:
    findings = s["tp"] + s["fp"]
    precision = s["tp"] / findings if findings else 1.0
    recall = s["found"] / s["gold"] if s["gold"] else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {**s, "precision": precision, "recall": recall, "f1": f1}


def find_article(gold_path: Path) -> Path:
    stem = gold_path.name[: -len(".gold.tsv")]
    for suffix in ARTICLE_SUFFIXES:
        candidate = gold_path.with_name(stem + suffix)
        if candidate.exists():
            return candidate
    raise MtauditError(f"{gold_path}: no article next to it (expected {stem}.txt, .md or .html)")


def find_reference(gold_path: Path) -> Path | None:
    stem = gold_path.name[: -len(".gold.tsv")]
    for suffix in ARTICLE_SUFFIXES:
        candidate = gold_path.with_name(f"{stem}.ref{suffix}")
        if candidate.exists():
            return candidate
    return None


def read_gold(gold_path: Path, article_text: str, article: str) -> list[GoldArtifact]:
    artifacts = []
    rows = read_tsv(gold_path, GOLD_COLUMNS, ("code", "text", "occurrence"), optional=GOLD_OPTIONAL, verbatim=("text",))
    for origin, row in rows:
        try:
            occurrence = int(row["occurrence"])
        except ValueError:
            raise MtauditError(f"{origin}: occurrence must be a whole number, got {row['occurrence']!r}") from None
        position = -1
        for _ in range(occurrence):
            position = article_text.find(row["text"], position + 1)
            if position < 0:
                raise MtauditError(f"{origin}: {row['text']!r} does not occur {occurrence} time(s) in {article}")
        also = tuple(c.strip() for c in row["also"].split(",") if c.strip())
        category = row["category"] or CODE_CATEGORY.get(row["code"], "other")
        if category not in CATEGORIES:
            raise MtauditError(f"{origin}: unknown category {category!r} (use {', '.join(CATEGORIES)})")
        artifacts.append(
            GoldArtifact(
                article,
                row["code"],
                also,
                position,
                position + len(row["text"]),
                row["text"],
                row["fix"],
                row["note"],
                category,
            )
        )
    return artifacts


def is_held_out(gold_path: Path) -> bool:
    """True when the gold file lies in a folder marked held out (a ``HELDOUT`` file in it or above)."""
    return any((folder / HELDOUT_MARKER).exists() for folder in gold_path.resolve().parents)


def gold_files(paths: list[str | Path]) -> list[Path]:
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(path.rglob("*.gold.tsv"))
        elif path.name.endswith(".gold.tsv") and path.exists():
            files.append(path)
        else:
            raise MtauditError(f"{path}: not a directory or a .gold.tsv file")
    if not files:
        raise MtauditError(f"no .gold.tsv files under {', '.join(map(str, paths))}")
    return files


def evaluate(
    paths: list[str | Path], *, use_reference: bool = True, skip_missing: bool = False, progress=None
) -> EvalReport:
    """Audit every article that has a gold file under ``paths`` and match findings to the gold spans.

    ``skip_missing`` leaves out a gold file whose article is absent (a re-created corpus may lack a page its
    source no longer holds) and names it in the report instead of failing."""
    from .pipeline import audit

    articles, skipped = [], []
    files = gold_files(paths)
    for n, gold_path in enumerate(files):
        try:
            article = find_article(gold_path)
        except MtauditError:
            if not skip_missing:
                raise
            skipped.append(str(gold_path))
            continue
        reference = find_reference(gold_path) if use_reference else None
        result = audit(article, reference)
        gold = read_gold(gold_path, result.candidate.text, str(article))
        art = ArticleEval(
            str(article),
            str(reference) if reference else None,
            gold,
            result.findings,
            sentences=len(result.candidate.audited_sentences),
            held_out=is_held_out(gold_path),
            control=bool(CONTROL_FOLDERS & set(gold_path.parent.parts)),
        )
        for i, f in enumerate(result.findings):
            hits = [j for j, g in enumerate(gold) if f.start < g.end and g.start < f.end and f.code in g.codes]
            if hits:
                art.hits[i] = hits
        articles.append(art)
        if progress:
            progress(n + 1, len(files), str(article))
    return EvalReport(articles, skipped)


def metrics_table(report: EvalReport, min_severity: Severity = Severity.INFO):
    """Per-code and overall precision/recall/F1 as a pandas DataFrame (rows: codes, overall, targeted)."""
    import pandas as pd

    rows = dict(report.per_code(min_severity))
    rows["overall"] = report.overall(min_severity)
    rows["targeted"] = report.overall(min_severity, targeted_only=True)
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame["findings"] = frame["tp"] + frame["fp"]
    frame = frame[["gold", "found", "findings", "precision", "recall", "f1"]].astype(
        {"gold": int, "found": int, "findings": int}
    )
    frame.index.name = "code"
    return frame


def category_table(report: EvalReport, min_severity: Severity = Severity.INFO):
    """Recall per annotated category as a pandas DataFrame (rows: categories, most frequent first)."""
    import pandas as pd

    frame = pd.DataFrame.from_dict(
        report.per_category(min_severity), orient="index", columns=["gold", "found", "share", "recall"]
    )
    frame.index.name = "category"
    return frame


def format_report(report: EvalReport) -> str:
    lines = [
        f"{len(report.articles)} articles. 'overall' counts every annotated artifact; 'targeted' leaves out "
        f"{UNTARGETED} (artifacts no check targets: garbled phrases, word order).",
        "",
    ]
    if report.skipped:
        names = ", ".join(Path(path).name[: -len(".gold.tsv")] for path in report.skipped)
        lines += [f"{len(report.skipped)} gold files skipped, their article is missing: {names}", ""]
    for label, severity in (("all findings", Severity.INFO), ("warning and above", Severity.WARNING)):
        table = metrics_table(report, severity)
        lines += [f"== {label} ==", table.to_string(float_format=lambda v: f"{v:.3f}"), ""]
    if any(art.gold for art in report.articles):
        table = category_table(report, Severity.WARNING)
        lines += ["== recall by category, warning and above ==", table.to_string(float_format=lambda v: f"{v:.3f}"), ""]
    other = report.on_other_artifacts(Severity.WARNING)
    if other["on_other_artifacts"]:
        lines += [
            f"{other['on_other_artifacts']} of the {other['false_alarms']} warning-or-above findings that hit no "
            "artifact of their own code fall on an artifact annotated under another code (counted as false alarms "
            f"above); counting them, {other['on_something_to_fix']:.3f} of the findings point at something to fix.",
            "",
        ]
    clean = report.clean_rate()
    if clean["articles"]:
        lines += [
            f"== control articles (professional or clean): {clean['articles']} articles, {clean['sentences']} "
            f"sentences, {clean['warnings']} warning-or-above false alarms ({clean['per_1000']:.1f} per 1,000 "
            "sentences) ==",
            "",
        ]
    if report.held_out_articles:
        lines += [
            f"({report.held_out_articles} held-out articles: their misses and false alarms are not listed)",
            "",
        ]
    misses = report.misses()
    lines.append(f"== misses ({len(misses)}) ==")
    for g in misses:
        lines.append(f"{g.article}: {g.code} {g.text!r} (fix: {g.fix or '—'}) — {g.note}")
    alarms = report.false_alarms()
    lines += ["", f"== false alarms ({len(alarms)}) =="]
    for article, f in alarms:
        lines.append(f"{article}:{f.sentence + 1}: {f.code} {f.severity.label} {f.text!r} — {f.message}")
    clean = report.clean_articles_with_warnings()
    lines += ["", f"== warning-or-above findings in clean articles ({len(clean)}) =="]
    for article, f in clean:
        lines.append(f"{article}:{f.sentence + 1}: {f.code} {f.text!r}")
    return "\n".join(lines) + "\n"
