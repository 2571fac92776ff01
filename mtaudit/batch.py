"""Batches of articles, each with its own reference: one model load for the whole run.

Three ways to name the pairs (:func:`collect_pairs`):

- files: ``NAME.ref.txt`` (or ``.md``/``.html``) given among the files is the reference of
  ``NAME.txt`` beside it — ``mtaudit audit desk/*.txt`` picks up both;
- a folder: every article under it (recursively, in path order), each with its
  ``NAME.ref.*`` sibling when there is one;
- a manifest CSV with the columns ``article,reference`` (reference may be empty); paths
  are relative to the manifest's folder.

The work is cut into chunks of ``CHUNK_PAIRS`` consecutive pairs.  In a chunk, the sentences
of every article and reference are embedded together (each distinct sentence once, batches
sorted by length), then each pair goes through the usual pipeline with those vectors.  The
chunks do not depend on how many processes run them, so a run in one process and a run on
any number of Dask workers (:mod:`mtaudit.distributed`) give byte-identical reports.

A file that cannot be audited (missing, empty, binary, bad encoding, a reference without
its article) becomes an :class:`Outcome` with an ``error``; the rest of the batch goes on.
"""

from __future__ import annotations

import csv
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .checks import Thresholds
from .errors import MtauditError
from .load import Decoded
from .model import Document, Severity

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
REFERENCE_MARK = ".ref"
# Pairs per chunk: enough sentences (about 700 for seed-sized articles) for well-filled,
# length-sorted embedding batches, small enough to spread a few hundred pairs over workers.
CHUNK_PAIRS = 16
STDIN = "-"


@dataclass(frozen=True)
class Pair:
    """One article and its reference (``None``: audit without one)."""

    article: str
    reference: str | None = None
    error: str | None = None  # a problem found while pairing files (e.g. a reference without its article)


@dataclass
class Outcome:
    """What became of one pair: its result, or why it could not be audited."""

    article: str
    reference: str | None
    result: object | None = None  # AuditResult
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.result is not None


@dataclass(frozen=True)
class Settings:
    """Audit options shared by every pair of a run (sent to Dask workers with each chunk)."""

    source_lang: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    thresholds: Thresholds = field(default_factory=Thresholds)
    severity: tuple[tuple[str, Severity | None], ...] = ()
    lexicons: tuple[Path, ...] = ()
    baseline: frozenset[str] | None = None
    fluency: bool | None = None  # MT009: True run, False skip, None when the language model is installed

    def kwargs(self) -> dict:
        return {
            "source_lang": self.source_lang,
            "select": list(self.select) if self.select else None,
            "ignore": list(self.ignore) if self.ignore else None,
            "thresholds": self.thresholds,
            "severity": dict(self.severity),
            "lexicons": self.lexicons,
            "baseline": set(self.baseline) if self.baseline is not None else None,
            "fluency": self.fluency,
        }


@dataclass
class Job:
    """A pair with its files already read (the client reads; workers need no shared disk)."""

    index: int
    article: str
    reference: str | None
    article_text: Decoded | None = None
    reference_text: Decoded | None = None
    error: str | None = None


@dataclass
class ChunkStats:
    pairs: int = 0
    sentences: int = 0  # sentences embedded for alignment, before removing repeats
    unique_sentences: int = 0
    embed_seconds: float = 0.0
    seconds: float = 0.0


# --- naming the pairs ---------------------------------------------------------------------


def _split_reference(path: Path) -> Path | None:
    """``NAME.ref.txt`` -> ``NAME`` (as a path beside it); None if ``path`` is no reference."""
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        return None
    stem = path.name[: -len(path.suffix)]
    if not stem.lower().endswith(REFERENCE_MARK) or len(stem) == len(REFERENCE_MARK):
        return None
    return path.with_name(stem[: -len(REFERENCE_MARK)])


def is_reference(path: str | Path) -> bool:
    return _split_reference(Path(path)) is not None


def _article_key(path: Path) -> Path:
    return path.with_name(path.name[: -len(path.suffix)])


def sibling_reference(article: Path) -> Path | None:
    """The ``NAME.ref.*`` file beside ``article``, if there is one."""
    for suffix in ARTICLE_SUFFIXES:
        candidate = article.with_name(f"{article.name[: -len(article.suffix)]}{REFERENCE_MARK}{suffix}")
        if candidate.is_file():
            return candidate
    return None


def _folder_pairs(folder: Path) -> list[Pair]:
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in ARTICLE_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and p.is_file()
    )
    pairs = []
    for path in files:
        if is_reference(path):
            continue
        reference = sibling_reference(path)
        pairs.append(Pair(str(path), str(reference) if reference else None))
    return pairs


def collect_pairs(paths: list[str], reference: str | None = None) -> list[Pair]:
    """Pairs from the command line's paths (files, folders, ``-``) in the order given.

    ``reference`` is the single ``--reference`` of a one-article run.
    """
    if reference is not None:
        return [Pair(paths[0], reference)]
    files = [Path(p) for p in paths if p != STDIN and not Path(p).is_dir()]
    references = {}
    for path in files:
        base = _split_reference(path)
        if base is not None:
            references.setdefault(base, path)
    articles = {_article_key(p) for p in files if not is_reference(p)}
    pairs: list[Pair] = []
    for raw in paths:
        path = Path(raw)
        if raw == STDIN:
            pairs.append(Pair(STDIN))
        elif path.is_dir():
            found = _folder_pairs(path)
            empty = f"{raw}: is a directory with no articles ({', '.join(ARTICLE_SUFFIXES)}) in it"
            pairs += found or [Pair(raw, None, error=empty)]
        elif is_reference(path):
            if _split_reference(path) not in articles:
                pairs.append(
                    Pair(
                        raw,
                        None,
                        error=f"{raw}: a reference (NAME.ref.txt) given without its article NAME.txt; not audited",
                    )
                )
        else:
            ref = references.get(_article_key(path))
            pairs.append(Pair(raw, str(ref) if ref else None))
    return pairs


def read_manifest(manifest: str | Path) -> list[Pair]:
    """Pairs from a CSV with the columns ``article`` and ``reference`` (header required)."""
    manifest = Path(manifest)
    try:
        text = manifest.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise MtauditError(f"--manifest {manifest}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise MtauditError(f"--manifest {manifest}: cannot read it ({exc})") from None
    rows = list(csv.reader(text.splitlines()))
    header = [h.strip().lower() for h in rows[0]] if rows else []
    if "article" not in header:
        raise MtauditError(f"--manifest {manifest}:1: the first line must name the columns, e.g. 'article,reference'")
    col_article = header.index("article")
    col_reference = header.index("reference") if "reference" in header else None
    base = manifest.parent
    pairs = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        article = row[col_article].strip() if col_article < len(row) else ""
        if not article:
            raise MtauditError(f"--manifest {manifest}:{line}: the article column is empty")
        ref = row[col_reference].strip() if col_reference is not None and col_reference < len(row) else ""
        pairs.append(Pair(str(base / article), str(base / ref) if ref else None))
    if not pairs:
        raise MtauditError(f"--manifest {manifest}: no articles listed")
    return pairs


# --- running ------------------------------------------------------------------------------


def _read_stdin() -> Decoded:
    from .load import MAX_ARTICLE_BYTES, decode_bytes

    return decode_bytes(sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1), "stdin")


def prepare(index: int, pair: Pair) -> Job:
    """Read one pair's files (errors become the job's ``error``)."""
    from .load import read_text

    article = "stdin.txt" if pair.article == STDIN else pair.article
    job = Job(index, article, pair.reference, error=pair.error)
    if job.error:
        return job
    try:
        job.article_text = _read_stdin() if pair.article == STDIN else read_text(pair.article)
        if pair.reference:
            job.reference_text = read_text(pair.reference, role="reference")
    except MtauditError as exc:
        job.error = exc.format_message()
    return job


def _lookup_encoder(vectors: dict):
    """An ``encode`` for the pipeline that serves precomputed vectors (and embeds any stranger)."""
    import numpy as np

    from . import embed

    def encode(sentences: list[str]):
        missing = [s for s in dict.fromkeys(sentences) if s not in vectors]
        if missing:
            vectors.update(zip(missing, embed.encode(missing), strict=True))
        if not sentences:
            return np.zeros((0, embed.DIMENSIONS), dtype=np.float32)
        return np.stack([vectors[s] for s in sentences])

    return encode


def audit_chunk(jobs: list[Job], settings: Settings) -> tuple[list[Outcome], ChunkStats]:
    """Audit consecutive pairs: embed all their sentences at once, then run each pair.

    This is the unit of work of a batch, in one process or as one Dask task.
    """
    from . import embed
    from .load import load
    from .pipeline import audit

    started = time.perf_counter()
    stats = ChunkStats(pairs=len(jobs))
    failures: dict[int, str] = {}
    loaded: dict[int, tuple[Document, Document]] = {}  # handed to the pipeline, which need not load them again
    texts: list[str] = []
    for job in jobs:
        if job.error or not job.reference:
            continue
        try:
            cand = load(job.article, settings.source_lang, text=job.article_text)
            ref = load(job.reference, cand.source_lang, text=job.reference_text, role="reference")
        except MtauditError as exc:
            failures[job.index] = exc.format_message()
            continue
        loaded[job.index] = (cand, ref)
        texts += [s.text for s in cand.audited_sentences] + [s.text for s in ref.audited_sentences]
    vectors: dict = {}
    if texts:
        unique = list(dict.fromkeys(texts))
        t = time.perf_counter()
        try:
            vectors = dict(zip(unique, embed.encode(unique), strict=True))
        except MtauditError as exc:  # no encoder at all: the pairs with references cannot be aligned
            for job in jobs:
                if job.reference and not job.error:
                    failures.setdefault(job.index, exc.format_message())
        stats.embed_seconds = time.perf_counter() - t
        stats.sentences, stats.unique_sentences = len(texts), len(unique)
    encode = _lookup_encoder(vectors)
    kwargs = settings.kwargs()
    outcomes = []
    for job in jobs:
        outcome = Outcome(job.article, job.reference, error=job.error or failures.get(job.index))
        if outcome.error is None:
            try:
                outcome.result = audit(
                    job.article,
                    job.reference,
                    candidate_text=job.article_text,
                    reference_text=job.reference_text,
                    encode=encode,
                    documents=loaded.get(job.index),
                    **kwargs,
                )
            except MtauditError as exc:
                outcome.error = exc.format_message()
            except Exception as exc:  # noqa: BLE001 — one broken article must not sink the batch
                outcome.error = f"{job.article}: internal error ({type(exc).__name__}: {exc}); please report it"
        outcomes.append(outcome)
    stats.seconds = time.perf_counter() - started
    return outcomes, stats


def chunks(jobs: list[Job], size: int = CHUNK_PAIRS) -> list[list[Job]]:
    return [jobs[i : i + size] for i in range(0, len(jobs), size)]


@dataclass
class BatchResult:
    outcomes: list[Outcome]
    stats: list[ChunkStats]

    @property
    def results(self) -> list:
        return [o.result for o in self.outcomes if o.ok]

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok]


def audit_many(
    pairs: list[Pair],
    settings: Settings | None = None,
    *,
    client=None,
    chunk_size: int = CHUNK_PAIRS,
    progress: Callable[[int, int], None] | None = None,
) -> BatchResult:
    """Audit every pair; ``client`` (a ``dask.distributed.Client``) spreads the chunks over
    its workers.  Outcomes come back in the order of ``pairs`` whatever ran them."""
    settings = settings or Settings()
    jobs = [prepare(i, pair) for i, pair in enumerate(pairs)]
    parts = chunks(jobs, chunk_size)
    if client is not None:
        from .distributed import run_chunks

        done = run_chunks(client, parts, settings, progress=progress)
    else:
        done = []
        finished = 0
        for part in parts:
            done.append(audit_chunk(part, settings))
            finished += len(part)
            if progress:
                progress(finished, len(jobs))
    outcomes = [outcome for part_outcomes, _ in done for outcome in part_outcomes]
    return BatchResult(outcomes, [stats for _, stats in done])
