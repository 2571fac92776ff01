"""The ONNX encoder: same cosines as the torch encoder, reproducible graph, verified cache, fallback."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from mtaudit import embed
from mtaudit.load import load

from .conftest import ROOT, SEED, SEED_REF

CORPORA = [ROOT / "corpora" / name for name in ("seed", "dev", "holdout")]


def corpus_sentences() -> list[str]:
    sentences = []
    for folder in CORPORA:
        for path in sorted(folder.rglob("*.txt")):
            sentences += [s.text for s in load(path).audited_sentences]
    return list(dict.fromkeys(sentences))


def test_onnx_is_the_default_encoder():
    # CI must exercise the ONNX path: a silent fallback to torch would hide a broken export.
    assert embed.get_encoder().name == "onnx", embed.notes()


def test_onnx_cosines_match_torch_on_every_corpus_sentence():
    sentences = corpus_sentences()
    assert len(sentences) > 500
    onnx_vectors = embed.get_encoder().encode(sentences)
    torch_vectors = embed.TorchEncoder().encode(sentences)
    assert onnx_vectors.shape == torch_vectors.shape == (len(sentences), embed.DIMENSIONS)
    assert np.allclose(np.linalg.norm(onnx_vectors, axis=1), 1.0, atol=1e-5)
    # Every cosine the aligner could compute between two corpus sentences.
    difference = np.abs(onnx_vectors @ onnx_vectors.T - torch_vectors @ torch_vectors.T).max()
    assert difference <= embed.TOLERANCE, difference
    # And each sentence's two embeddings point the same way.
    assert (np.sum(onnx_vectors * torch_vectors, axis=1) >= 1 - embed.TOLERANCE).all()


def test_duplicates_and_order_do_not_change_vectors():
    encoder = embed.get_encoder()
    sentences = ["A short one.", "A much longer sentence about the central bank and its rates.", "A short one."]
    vectors = encoder.encode(sentences)
    assert np.array_equal(vectors[0], vectors[2])
    single = encoder.encode([sentences[1]])
    assert np.abs(single[0] - vectors[1]).max() < 1e-5
    assert encoder.encode([]).shape == (0, embed.DIMENSIONS)


def test_graph_is_reproducible_and_matches_the_cache():
    from mtaudit.onnx_graph import build_graph

    graph = embed.graph_path()
    meta = json.loads(graph.with_suffix(".json").read_text(encoding="utf-8"))
    first = build_graph(embed.model_path())
    assert first == build_graph(embed.model_path())
    assert hashlib.sha256(first).hexdigest() == meta["graph_sha256"]
    assert meta["verified_max_cosine_difference"] <= embed.TOLERANCE
    assert graph.read_bytes() == first


def test_a_graph_that_fails_verification_is_not_cached(tmp_path, monkeypatch):
    monkeypatch.setattr(embed, "verify_graph", lambda graph, model_dir: 0.3)
    with pytest.raises(RuntimeError, match="differs from the torch encoder"):
        embed.graph_path(cache=tmp_path)
    assert not list(tmp_path.glob("*.onnx")) and not list(tmp_path.glob("*.tmp"))


def test_falls_back_to_torch_with_a_note(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("no room in the cache")

    monkeypatch.setattr(embed, "graph_path", broken)
    monkeypatch.setattr(embed, "_NOTES", [])
    encoder = embed.get_encoder.__wrapped__("auto")
    assert encoder.name == "torch"
    assert any("no room in the cache" in note and "torch" in note for note in embed.notes())
    with pytest.raises(embed.MtauditError, match="ONNX encoder is unavailable"):
        embed.get_encoder.__wrapped__("onnx")


def test_cache_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("MTAUDIT_CACHE_DIR", str(tmp_path / "c"))
    assert embed.cache_dir() == tmp_path / "c"
    monkeypatch.delenv("MTAUDIT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert embed.cache_dir() == tmp_path / "xdg" / "mtaudit"


def test_weights_digest_is_remembered(tmp_path):
    weights = tmp_path / "w.bin"
    weights.write_bytes(b"weights")
    first = embed.weights_digest(weights, tmp_path)
    assert first == hashlib.sha256(b"weights").hexdigest()
    memo = json.loads((tmp_path / "weights-sha256.json").read_text(encoding="utf-8"))
    assert memo["sha256"] == first and len(first) == 64
    weights.write_bytes(b"other weights!")  # size changes: hashed again
    assert embed.weights_digest(weights, tmp_path) != first


def _modules_after(args: list[str], cwd: Path) -> dict:
    """Run the CLI in a fresh process and report which heavy modules it imported."""
    code = (
        "import sys, json\n"
        "from mtaudit.cli import main\n"
        f"sys.argv = ['mtaudit', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps({m: m in sys.modules for m in ('torch', 'sentence_transformers', 'onnxruntime')}),"
        " file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd)
    return json.loads(proc.stderr.strip().splitlines()[-1])


def test_help_and_reference_free_runs_import_neither_torch_nor_onnxruntime(tmp_path):
    none = {"torch": False, "sentence_transformers": False, "onnxruntime": False}
    assert _modules_after(["--help"], tmp_path) == none
    assert _modules_after(["check", str(SEED), "-q"], tmp_path) == none
    # audit runs the language-model check (MT009, ONNX Runtime) when the model is installed; without it,
    # a reference-free audit needs no model runtime either.
    out = str(tmp_path / "out")
    assert _modules_after(["audit", str(SEED), "-q", "--no-fluency", "--out", out], tmp_path) == none


def test_reference_run_uses_onnx_without_torch(tmp_path):
    embed.graph_path()  # exported by the session already; this process only reads it
    modules = _modules_after(["check", str(SEED), "--reference", str(SEED_REF), "-q"], tmp_path)
    assert modules == {"torch": False, "sentence_transformers": False, "onnxruntime": True}


def test_reference_findings_are_the_same_with_either_encoder(monkeypatch):
    from mtaudit.pipeline import audit

    onnx_result = audit(SEED, SEED_REF)
    torch_result = audit(SEED, SEED_REF, encode=embed.TorchEncoder().encode)
    assert [(f.code, f.start, f.end, f.severity) for f in onnx_result.findings] == [
        (f.code, f.start, f.end, f.severity) for f in torch_result.findings
    ]
    assert [a.references for a in onnx_result.alignments] == [a.references for a in torch_result.alignments]
    for a, b in zip(onnx_result.alignments, torch_result.alignments, strict=True):
        assert abs(a.similarity - b.similarity) <= 1e-4
