"""Speed of mtaudit, as ratios against baselines measured in the same run.

    make bench     (or: python benchmarks/bench.py [--repeat N] [--pairs N] [--only gate,embed,batch,fluency])

- gate: fresh `mtaudit check` processes on the seed pair (no reports written), with and
  without a reference, the reference run with the ONNX encoder and with torch
  (MTAUDIT_EMBED=torch); their findings are compared;
- cold/warm: a fresh `mtaudit audit` process, and the same audit again in one process;
- embed: sentences per second of the pipeline's encoder on the sentences of a batch chunk,
  against bare ONNX Runtime `run` calls on the same pre-tokenized batches and against the
  torch encoder;
- batch: a generated corpus of --pairs seed-sized article/reference pairs
  (benchmarks/make_corpus.py) audited with reports written, in one process and on a local
  Dask cluster of 1 and 2 worker processes; the three report folders are compared byte for byte;
- fluency (MT009, issue 11): the language model's load time (warm cache), its throughput in
  sentences per second at several batch sizes on news sentences of about 25 words (from the
  written corpora), and the fluency stage's share of a reference-free seed audit
  (``--torch-baseline`` adds transformers on torch for the same log-probs).
Times are medians of ``--repeat`` runs (the batch runs once).  Nothing is asserted.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEED = ROOT / "corpora" / "seed" / "shoigu-visit.txt"
SEED_REF = ROOT / "corpora" / "seed" / "shoigu-visit.ref.txt"
MTAUDIT = [sys.executable, "-m", "mtaudit"]


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def row(name: str, seconds: float, ratio: float | None = None, against: str = "") -> None:
    ratio_text = f"{ratio:>8.2f}" if ratio is not None else " " * 8
    print(f"  {name:<46}{seconds:>10.3f}{ratio_text}  {against}", flush=True)


def cold(args: list[str], repeat: int, env: dict | None = None) -> float:
    """Median wall time of a fresh `mtaudit` process (audit writes reports; check writes none)."""
    with tempfile.TemporaryDirectory() as out:
        extra = ["--out", out] if args[0] == "audit" else []
        run = [*MTAUDIT, *args, *extra, "--fail-on", "never", "-q"]
        return median_time(lambda: subprocess.run(run, check=True, env=env), repeat)


def gate(repeat: int) -> None:
    torch_env = {**os.environ, "MTAUDIT_EMBED": "torch"}
    subprocess.run([*MTAUDIT, "check", str(SEED), "-r", str(SEED_REF), "-q", "--fail-on", "never"], check=True)
    python_start = median_time(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), repeat)
    help_time = median_time(lambda: subprocess.run([*MTAUDIT, "--help"], check=True, capture_output=True), repeat)
    gate_free = cold(["check", str(SEED)], repeat)
    gate_ref = cold(["check", str(SEED), "--reference", str(SEED_REF)], repeat)
    gate_torch = cold(["check", str(SEED), "--reference", str(SEED_REF)], repeat, env=torch_env)
    cold_free = cold(["audit", str(SEED)], repeat)
    cold_ref = cold(["audit", str(SEED), "--reference", str(SEED_REF)], repeat)

    def findings(env=None):
        proc = subprocess.run(
            [*MTAUDIT, "check", str(SEED), "-r", str(SEED_REF), "--format", "json", "--fail-on", "never"],
            capture_output=True,
            text=True,
            env=env,
        )
        [article] = json.loads(proc.stdout)["articles"]
        return [(f["code"], f["start"], f["end"], f["severity"]) for f in article["findings"]]

    same = findings() == findings(torch_env)

    from mtaudit.pipeline import audit
    from mtaudit.report import write_reports

    with tempfile.TemporaryDirectory() as out:
        write_reports(audit(SEED, SEED_REF), out, ["csv", "json", "md"])  # loads the encoder
        warm_ref = median_time(lambda: write_reports(audit(SEED, SEED_REF), out, ["csv", "json", "md"]), repeat)
        warm_free = median_time(lambda: write_reports(audit(SEED), out, ["csv", "json", "md"]), repeat)

    print(f"gate and single audits, seed pair, median of {repeat} runs")
    print(f"  {'measurement':<46}{'seconds':>10}{'ratio':>8}  ratio against")
    row("python -c pass", python_start, 1.0)
    row("mtaudit --help", help_time, help_time / python_start, "python start")
    row("gate: check, no reference", gate_free, 1.0)
    row("gate: check --reference (ONNX encoder)", gate_ref, gate_ref / gate_free, "gate without reference")
    row("gate: check --reference (torch encoder)", gate_torch, gate_torch / gate_free, "gate without reference")
    row("cold audit, no reference", cold_free, 1.0)
    row("cold audit --reference, reports written", cold_ref, cold_ref / cold_free, "cold audit, no reference")
    row("warm audit, no reference", warm_free, warm_free / cold_free, "cold audit, no reference")
    row("warm audit --reference", warm_ref, warm_ref / cold_ref, "cold audit --reference")
    print(f"  findings of the ONNX and torch gates identical: {'yes' if same else 'NO'}")


def corpus(pairs: int) -> Path:
    folder = Path(tempfile.gettempdir()) / f"mtaudit-bench-{pairs}"
    if not (folder / "manifest.csv").is_file():
        make = ROOT / "benchmarks" / "make_corpus.py"
        subprocess.run([sys.executable, str(make), str(folder), "--pairs", str(pairs)], check=True)
    return folder


def embedding(repeat: int, pairs: int) -> None:
    import numpy as np

    from mtaudit import embed
    from mtaudit.batch import CHUNK_PAIRS, read_manifest
    from mtaudit.load import load

    chunk = read_manifest(corpus(pairs) / "manifest.csv")[:CHUNK_PAIRS]
    texts = []
    for pair in chunk:
        texts += [s.text for s in load(pair.article).audited_sentences]
        texts += [s.text for s in load(pair.reference).audited_sentences]
    sentences = list(dict.fromkeys(texts))
    encoder = embed.get_encoder()
    if encoder.name != "onnx":
        print("embedding: the ONNX encoder is unavailable:", embed.notes())
        return
    encoder.encode(sentences[:32])
    batches = list(encoder.batches(encoder.token_ids(sentences)))

    def bare():
        for _, input_ids, mask in batches:
            encoder.run(input_ids, mask)

    torch_encoder = embed.TorchEncoder()
    torch_encoder.encode(sentences[:32])
    times = {"bare": [], "pipeline": [], "torch": []}
    for _ in range(repeat):  # interleaved, so a busy moment on the machine hits all three alike
        for name, fn in (
            ("bare", bare),
            ("pipeline", lambda: encoder.encode(sentences)),
            ("torch", lambda: torch_encoder.encode(sentences)),
        ):
            started = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - started)
    bare_s, pipe_s, torch_s = (statistics.median(times[k]) for k in ("bare", "pipeline", "torch"))
    tokens = np.mean([len(ids) for ids in encoder.token_ids(sentences)])
    print(
        f"embedding: {len(sentences)} distinct sentences of one batch chunk ({len(chunk)} pairs, "
        f"{tokens:.0f} tokens on average), median of {repeat} runs"
    )
    print(f"  {'measurement':<46}{'sent/s':>10}{'ratio':>8}  ratio against")
    n = len(sentences)
    row("bare ONNX Runtime run, same batches", n / bare_s, 1.0)
    row("pipeline encoder (tokenize, sort, pad, run)", n / pipe_s, bare_s / pipe_s, "bare ONNX run")
    row("torch encoder (sentence-transformers)", n / torch_s, pipe_s / torch_s, "pipeline encoder")


def batch(pairs: int) -> None:
    from mtaudit.batch import Settings, audit_many, read_manifest
    from mtaudit.distributed import close, connect
    from mtaudit.report import write_reports, write_summary

    folder = corpus(pairs)
    todo = read_manifest(folder / "manifest.csv")
    results = {}
    with tempfile.TemporaryDirectory() as scratch:

        def run(label: str, client=None) -> float:
            out = Path(scratch) / label
            started = time.perf_counter()
            # The language-model check (MT009, issue 11) is measured on its own below; batches measure issue 9.
            done = audit_many(todo, Settings(fluency=False), client=client)
            for result in done.results:
                write_reports(result, out, ["csv", "json", "md", "html"])
            write_summary([o.result if o.ok else o for o in done.outcomes], out)
            seconds = time.perf_counter() - started
            stats = done.stats
            results[label] = (seconds, out, len(done.results), stats)
            return seconds

        single = run("no Dask")
        timings = {}
        for workers in (1, 2):
            started = time.perf_counter()
            client = connect(workers=workers)
            start_up = time.perf_counter() - started
            try:
                timings[workers] = (start_up, run(f"{workers} Dask worker(s)", client))
            finally:
                close(client)

        stats = results["no Dask"][3]
        sentences = sum(s.sentences for s in stats)
        distinct = sum(s.unique_sentences for s in stats)
        embed_seconds = sum(s.embed_seconds for s in stats)
        print(
            f"batch: {pairs} generated pairs ({sentences} sentences embedded, {distinct} distinct), "
            "reports in 4 formats written, one run each"
        )
        print(f"  {'measurement':<46}{'seconds':>10}{'art/s':>8}  notes")
        audited = results["no Dask"][2]
        print(
            f"  {'one process (no Dask)':<46}{single:>10.1f}{audited / single:>8.2f}  "
            f"of which embedding {embed_seconds:.1f} s ({distinct / embed_seconds:.0f} sentences/s)"
        )
        for workers, (start_up, seconds) in timings.items():
            print(
                f"  {f'Dask LocalCluster, {workers} worker(s)':<46}{seconds:>10.1f}{audited / seconds:>8.2f}  "
                f"cluster start-up {start_up:.1f} s (not included)"
            )
        print(f"  speed-up from 1 to 2 workers: {timings[1][1] / timings[2][1]:.2f}x")
        base = results["no Dask"][1]
        identical = True
        for label in ("1 Dask worker(s)", "2 Dask worker(s)"):
            other = results[label][1]
            names = sorted(p.name for p in base.iterdir())
            match, mismatch, errors = filecmp.cmpfiles(base, other, names, shallow=False)
            same_names = names == sorted(p.name for p in other.iterdir())
            identical &= same_names and not mismatch and not errors
        print(f"  reports byte-identical across no Dask, 1 and 2 workers: {'yes' if identical else 'NO'}")


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument(
        "--only", default="gate,embed,batch,fluency", help="comma-separated: gate, embed, batch, fluency"
    )
    parser.add_argument("--torch-baseline", action="store_true", help="fluency: also time transformers on torch")
    args = parser.parse_args()
    parts = set(args.only.split(","))
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    if "gate" in parts:
        gate(args.repeat)
    if "embed" in parts:
        embedding(args.repeat, args.pairs)
    if "batch" in parts:
        batch(args.pairs)
    if "fluency" in parts:
        for line in fluency(args.repeat, args.torch_baseline):
            print(line)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
