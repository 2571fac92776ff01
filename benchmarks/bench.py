"""Speed of mtaudit on the seed pair, as ratios against baselines measured in the same run.

    make bench            (or: python benchmarks/bench.py [--repeat N])

- gate: a fresh `mtaudit check` process (no reports written), with and without a reference;
- cold: a fresh `mtaudit audit` process, from start to reports written (includes Python
  start-up, imports and model load), with and without a reference;
- warm: the same audit again inside one process with the model loaded;
- embedding overhead: the pipeline's embedding time divided by a bare ``model.encode`` of
  the same sentences (normalised, same batch size) — 1.0 means no overhead.
- fluency (MT009, issue 11): the language model's load time (warm cache), its throughput in
  sentences per second at several batch sizes on news sentences of about 25 words (from the
  written corpora), and the fluency stage's share of a reference-free seed audit.
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
    parser.add_argument(
        "--fluency-only", action="store_true", help="only the language-model measurements (faster on a busy machine)"
    )
    parser.add_argument(
        "--torch-baseline",
        action="store_true",
        help="also time the same model in transformers' fp32 forward (loads the GGUF file: slow)",
    )
    args = parser.parse_args()
    repeat = args.repeat
    if args.fluency_only:
        for line in fluency(repeat, args.torch_baseline):
            print(line)
        return

    python_start = median_time(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), repeat)
    help_time = median_time(
        lambda: subprocess.run([sys.executable, "-m", "mtaudit", "--help"], check=True, capture_output=True), repeat
    )
    cold_ref = cold(["audit", str(SEED), "--reference", str(SEED_REF)], repeat)
    cold_free = cold(["audit", str(SEED)], repeat)
    gate_free = cold(["check", str(SEED)], repeat)
    gate_ref = cold(["check", str(SEED), "--reference", str(SEED_REF)], repeat)

    fluency_rows = fluency(repeat, args.torch_baseline)

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
    print()
    for line in fluency_rows:
        print(line)


def news_sentences(limit: int = 64) -> list[str]:
    """Sentences of 18-32 words from the written corpora (dev and held-out), about 25 words on average."""
    from mtaudit.segment import segment

    out = []
    for path in sorted((ROOT / "corpora").glob("*/*/*.txt")) + sorted((ROOT / "corpora" / "fluency").glob("*.txt")):
        if "real" in path.parts:
            continue
        for sentence in segment(path.read_text(encoding="utf-8")):
            if 18 <= len(sentence.text.split()) <= 32 and not sentence.text.startswith("#"):
                out.append(sentence.text)
    return out[:limit]


def torch_baseline(sentences: list[str], batch: int, repeat: int) -> float:
    """Seconds for the same token log-probs from transformers' fp32 forward on torch (the alternative runtime)."""
    import torch
    from transformers import AutoModelForCausalLM

    from mtaudit import lm

    lm._offline_env()
    gguf = lm.find_gguf()
    model = AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name, dtype=torch.float32).eval()
    tokenizer = lm.get_model()._tokenizer
    ids = [[lm.BOS_ID, *e.ids] for e in tokenizer.encode_batch(sentences, add_special_tokens=False)]
    ids.sort(key=len)

    def run():
        for start in range(0, len(ids), batch):
            chunk = ids[start : start + batch]
            width = max(map(len, chunk))
            input_ids = torch.zeros(len(chunk), width, dtype=torch.long)
            mask = torch.zeros_like(input_ids)
            for row, seq in enumerate(chunk):
                input_ids[row, : len(seq)] = torch.tensor(seq)
                mask[row, : len(seq)] = 1
            with torch.inference_mode():
                logits = model(input_ids=input_ids, attention_mask=mask).logits[:, :-1]
                logits.gather(-1, input_ids[:, 1:, None]) - torch.logsumexp(logits, -1, keepdim=True)

    run()
    return median_time(run, repeat)


def fluency(repeat: int, with_torch: bool = False) -> list[str]:
    """The language model: cold-process load, throughput by batch size, share of a seed audit."""
    import os

    from mtaudit import lm
    from mtaudit.pipeline import audit

    try:
        lm.get_model()  # converts once if this machine has no cache yet (not timed)
    except lm.ModelUnavailable as exc:
        return [f"fluency: skipped ({exc})"]
    code = "from mtaudit import lm; lm.get_model()"
    load = median_time(lambda: subprocess.run([sys.executable, "-c", code], check=True), repeat)
    model = lm.get_model()
    sentences = news_sentences()
    words = sum(len(s.split()) for s in sentences) / len(sentences)
    lines = [
        f"fluency: {model.signature}, ONNX Runtime; {len(sentences)} news sentences of {words:.1f} words on average; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
        f"{'measurement':<34}{'seconds':>9}{'sent/s':>8}",
        f"{'LM load, fresh process (warm cache)':<34}{load:>9.3f}{'':>8}  (python start {python_start_time():.3f})",
    ]
    default_batch = model.batch_size
    for batch in (1, 8, 16, 32):
        model.batch_size = batch
        seconds = median_time(lambda: model.token_logprobs(sentences), repeat)
        lines.append(f"{f'token log-probs, batch {batch}':<34}{seconds:>9.3f}{len(sentences) / seconds:>8.1f}")
    model.batch_size = default_batch
    if with_torch:
        model.batch_size = 16
        ort_seconds = median_time(lambda: model.token_logprobs(sentences), repeat)
        model.batch_size = default_batch
        torch_seconds = torch_baseline(sentences, 16, repeat)
        lines.append(
            f"{'transformers fp32 on torch, batch 16':<34}{torch_seconds:>9.3f}{len(sentences) / torch_seconds:>8.1f}"
            f"  ONNX Runtime is {torch_seconds / ort_seconds:.2f}x as fast (same run, batch 16)"
        )
    audit(SEED)  # warm
    results = [audit(SEED, fluency=True) for _ in range(repeat)]
    share = statistics.median(r.timings["fluency"] / r.timings["total"] for r in results)
    stage = statistics.median(r.timings["fluency"] for r in results)
    lines.append(
        f"{'MT009 stage in a seed audit':<34}{stage:>9.3f}{'':>8}  {share:.0%} of the warm reference-free audit"
    )
    return lines


def python_start_time() -> float:
    return median_time(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), 3)


if __name__ == "__main__":
    main()
