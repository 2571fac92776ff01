"""Reporters: each turns an AuditResult into one file format, and reads nothing else.

Files are written atomically (temporary file in the same directory, then rename), so a
crash or Ctrl-C never leaves a half-written report where a pipeline expects a whole one.
Reports contain no timestamps: the same inputs give byte-identical files.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import MtauditError
from .csv import render_csv, render_summary_csv
from .html import render_html
from .json import render_json
from .markdown import render_markdown

RENDERERS = {"csv": render_csv, "json": render_json, "md": render_markdown, "html": render_html}
SUFFIXES = {"csv": ".csv", "json": ".json", "md": ".md", "html": ".html"}
SUMMARY_NAME = "summary.csv"


def atomic_write(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def report_stem(result) -> str:
    return Path(result.candidate.path).stem or "stdin"


def _write(out: Path, name: str, content: str) -> Path:
    path = out / name
    # A run killed with SIGKILL cannot clean up; its temporary file is removed by the next run.
    for stale in out.glob(f".{name}.*.tmp"):
        stale.unlink(missing_ok=True)
    try:
        atomic_write(path, content)
    except PermissionError:
        raise MtauditError(f"--out {out}: permission denied, cannot write {name}") from None
    except OSError as exc:
        raise MtauditError(f"--out {out}: cannot write {name} ({exc.strerror})") from None
    return path


def write_reports(result, out_dir: str | Path, formats: list[str], *, csv_bom: bool = False) -> list[Path]:
    """Write one article's reports; ``csv_bom`` prefixes the CSV with a BOM so Excel reads UTF-8."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise MtauditError(f"--out {out}: cannot create the report directory ({exc.strerror})") from None
    written = []
    for fmt in formats:
        if fmt not in RENDERERS:
            raise MtauditError(f"--format {fmt}: unknown format (use {', '.join(RENDERERS)})")
        content = RENDERERS[fmt](result)
        if fmt == "csv" and csv_bom:
            content = "\ufeff" + content
        written.append(_write(out, f"{report_stem(result)}{SUFFIXES[fmt]}", content))
    return written


def write_summary(results, out_dir: str | Path, *, csv_bom: bool = False) -> Path:
    """One row per article: verdict, counts per severity, document scores; ``results`` may also
    hold articles of a batch that could not be audited (anything with article, reference, error)."""
    content = render_summary_csv(results)
    return _write(Path(out_dir), SUMMARY_NAME, ("\ufeff" if csv_bom else "") + content)
