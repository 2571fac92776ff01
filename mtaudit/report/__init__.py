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
from .csv import render_csv
from .json import render_json
from .markdown import render_markdown

RENDERERS = {"csv": render_csv, "json": render_json, "md": render_markdown}
SUFFIXES = {"csv": ".csv", "json": ".json", "md": ".md"}


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


def write_reports(result, out_dir: str | Path, formats: list[str]) -> list[Path]:
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise MtauditError(f"--out {out}: cannot create the report directory ({exc.strerror})") from None
    written = []
    for fmt in formats:
        if fmt not in RENDERERS:
            raise MtauditError(f"--format {fmt}: unknown format (use {', '.join(RENDERERS)})")
        path = out / f"{report_stem(result)}{SUFFIXES[fmt]}"
        try:
            atomic_write(path, RENDERERS[fmt](result))
        except PermissionError:
            raise MtauditError(f"--out {out}: permission denied, cannot write {path.name}") from None
        except OSError as exc:
            raise MtauditError(f"--out {out}: cannot write {path.name} ({exc.strerror})") from None
        written.append(path)
    return written
