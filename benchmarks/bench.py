"""Speed of mtaudit on the seed pair, as ratios against baselines measured in the same run.

    make bench            (or: python benchmarks/bench.py [--repeat N])

- gate: a fresh `mtaudit check` process (no reports written), with and without a reference;
- cold: a fresh `mtaudit audit` process, from start to reports written (includes Python
  start-up, imports and model load), with and without a reference;
- warm: the same audit again inside one process with the model loaded;
- embedding overhead: the pipeline's embedding time divided by a bare ``model.encode`` of
  the same sentences (normalised, same batch size) — 1.0 means no overhead.
Times are medians of ``--repeat`` runs.  Nothing is asserted: numbers go in the notes.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "seed" / "shoigu-visit.txt"
SEED_REF = ROOT / "corpora" / "seed" / "shoigu-visit.ref.txt"


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def cold(args: list[str], repeat: int) -> float:
    """Median wall time of a fresh `mtaudit` process (audit writes reports; check writes none)."""
    mtaudit = [sys.executable, "-m", "mtaudit"]
    with tempfile.TemporaryDirectory() as out:
        extra = ["--out", out] if args[0] == "audit" else []
        return median_time(
            lambda: subprocess.run([*mtaudit, *args, *extra, "--fail-on", "never", "-q"], check=True), repeat
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat

    python_start = median_time(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), repeat)
    help_time = median_time(
        lambda: subprocess.run([sys.executable, "-m", "mtaudit", "--help"], check=True, capture_output=True), repeat
    )
    cold_ref = cold(["audit", str(SEED), "--reference", str(SEED_REF)], repeat)
    cold_free = cold(["audit", str(SEED)], repeat)
    gate_free = cold(["check", str(SEED)], repeat)
    gate_ref = cold(["check", str(SEED), "--reference", str(SEED_REF)], repeat)

    from mtaudit import embed
    from mtaudit.pipeline import audit
    from mtaudit.report import write_reports

    with tempfile.TemporaryDirectory() as out:
        first = audit(SEED, SEED_REF)  # loads the model
        write_reports(first, out, ["csv", "json", "md"])
        warm_ref = median_time(lambda: write_reports(audit(SEED, SEED_REF), out, ["csv", "json", "md"]), repeat)
        warm_free = median_time(lambda: write_reports(audit(SEED), out, ["csv", "json", "md"]), repeat)

    sentences = [s.text for s in first.candidate.audited_sentences] + [
        s.text for s in first.reference.audited_sentences
    ]
    model = embed.get_model()
    bare = median_time(
        lambda: model.encode(
            sentences, batch_size=embed.BATCH_SIZE, normalize_embeddings=True, show_progress_bar=False
        ),
        repeat,
    )
    pipeline_embed = statistics.median(audit(SEED, SEED_REF).timings["embed"] for _ in range(repeat))

    rows = [
        ("python -c pass (baseline)", python_start, 1.0),
        ("mtaudit --help", help_time, help_time / python_start),
        ("gate: mtaudit check, no reference", gate_free, gate_free / python_start),
        ("gate: mtaudit check, with reference", gate_ref, gate_ref / python_start),
        ("cold audit, no reference", cold_free, cold_free / python_start),
        ("cold audit, with reference", cold_ref, cold_ref / python_start),
        ("warm audit, no reference", warm_free, warm_free / cold_free),
        ("warm audit, with reference", warm_ref, warm_ref / cold_ref),
        ("bare model.encode (baseline)", bare, 1.0),
        ("pipeline embedding", pipeline_embed, pipeline_embed / bare),
    ]
    print(
        f"seed pair: {len(first.candidate.audited_sentences)} + {len(first.reference.audited_sentences)} sentences, "
        f"median of {repeat} runs"
    )
    print(f"{'measurement':<34}{'seconds':>9}{'ratio':>8}  ratio against")
    against = ["", *["python start"] * 5, "cold", "cold", "", "bare encode"]
    for (name, seconds, ratio), base in zip(rows, against, strict=True):
        print(f"{name:<34}{seconds:>9.3f}{ratio:>8.2f}  {base}")


if __name__ == "__main__":
    main()
