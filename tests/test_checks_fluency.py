"""MT009 unidiomatic-phrase: the rewrite rules (no model needed) and the check with the model."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtaudit.checks import REGISTRY
from mtaudit.checks.fluency import RULES, THRESHOLD, propose, verify

from .conftest import make_context

ROOT = Path(__file__).resolve().parent.parent
FLUENCY = ROOT / "corpora" / "fluency"


def _garbled():
    lines = [x for x in (FLUENCY / "garbled.tsv").read_text(encoding="utf-8").splitlines() if not x.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:] if line.strip()]


def _professional():
    lines = (FLUENCY / "professional.txt").read_text(encoding="utf-8").splitlines()
    return [x for x in lines if x.strip() and not x.startswith("#")]


GARBLED = _garbled()


@pytest.mark.parametrize("row", GARBLED, ids=[f"{r['rule']}:{r['phrase']}" for r in GARBLED])
def test_each_rule_proposes_the_editors_rewrite(row):
    sentence, phrase, fix = row["sentence"], row["phrase"], row["fix"]
    start = sentence.index(phrase)
    proposals = [r for r in propose(sentence) if r.start < start + len(phrase) and start < r.end]
    assert any(r.replacement == fix and r.rule == row["rule"] for r in proposals), proposals


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("The government this year raised the minimum wage.", "postposed-demonstrative"),
        ("The company this month opened a factory.", "postposed-demonstrative"),
        ("More small businesses applied for loans.", "analytic-comparative"),
        ("The dispute began in 2020 when the ban took effect.", "number-agreement"),
        ("The index rose 2.1 percent and closed at 7,312 points.", "number-agreement"),
        # A number and its unit before a noun modify it: singular, as in "a 10 metre wall".
        ("He won the men's 10 metre (m) air pistol final.", "number-agreement"),
        ("The city built a 12 kilometre toll road.", "number-agreement"),
        ("Photos of the flooded streets show the damage.", "head-first-noun-phrase"),
        ("Professor Artyom Lukin of Far Eastern Federal University said so.", "missing-article"),
        ("President Joko Widodo and his entourage arrived.", "their-for-one-person"),
        ("Members of the Politburo and the cabinet were present.", "plural-for-one-person"),
    ],
)
def test_rules_do_not_propose_for_correct_forms(sentence, rule):
    assert [r for r in propose(sentence) if r.rule == rule] == []


@pytest.mark.parametrize(
    ("sentence", "style_only"),
    [
        ('"We are ready," the minister said, reported Reuters July 27.', False),  # the date lacks "on"
        ("Dengue cases rose sharply, reported Xinhua.", True),  # wire house style (a real professional page)
        ("Cases rose to 35,000, said the Ministry of Health on Sunday.", True),
    ],
)
def test_reporting_verb_first_is_an_error_only_with_a_date_lacking_on(sentence, style_only):
    [rewrite] = [r for r in propose(sentence) if r.rule == "reporting-verb-order"]
    assert rewrite.style_only is style_only


@pytest.mark.parametrize(
    ("sentence", "style_only"),
    [
        ("Economist from the University of Indonesia Faisal Basri said growth would slow.", False),
        ("Chairman of the PDI-P Megawati Soekarnoputri denied the report.", True),  # an office before its holder
        ("Member of the House of Representatives Fadli Zon said so.", True),
    ],
)
def test_a_missing_article_before_an_office_is_style(sentence, style_only):
    [rewrite] = [r for r in propose(sentence) if r.rule == "missing-article"]
    assert rewrite.style_only is style_only


def test_every_rule_has_a_calibration_example():
    assert {row["rule"] for row in GARBLED} >= set(RULES) - {"their-for-one-person"}
    assert "their-for-one-person" in {row["rule"] for row in GARBLED}


def test_rewrite_spans_are_inside_the_sentence():
    for sentence in _professional() + [row["sentence"] for row in GARBLED]:
        for r in propose(sentence):
            assert 0 <= r.start < r.end <= len(sentence)
            assert r.apply(sentence) != sentence


def test_check_is_registered_and_skipped_without_a_model(tmp_path):
    check = REGISTRY["MT009"]
    assert check.name == "unidiomatic-phrase" and check.needs_language_model
    ctx = make_context(tmp_path, "Photos of state media show leader Kim, reported Reuters July 27.")
    assert list(check().run(ctx)) == []


# ---------------------------------------------------------------------------- with the language model


def test_no_professional_sentence_is_flagged(language_model):
    sentences = _professional()
    assert len(sentences) >= 150
    flagged = [(s, v) for s, vs in zip(sentences, verify(language_model, sentences), strict=True) for v in vs]
    assert flagged == []


def test_most_mt_like_artifacts_are_found(language_model):
    sentences = [row["sentence"] for row in GARBLED]
    found = 0
    for row, verified in zip(GARBLED, verify(language_model, sentences), strict=True):
        start = row["sentence"].index(row["phrase"])
        found += any(v.rewrite.start < start + len(row["phrase"]) and start < v.rewrite.end for v in verified)
    # Calibrated value (tools/calibrate_fluency.py); a regression in the runtime or rules shows here.
    assert found / len(GARBLED) >= 0.6


def test_check_flags_the_phrase_with_the_rewrite(tmp_path, language_model):
    text = (
        '"We are ready to cooperate," the minister said, reported Reuters July 27.\n\n'
        "Photos of state media show leader Kim and his guests at the exhibition."
    )
    ctx = make_context(tmp_path, text)
    ctx.language_model = language_model
    findings = sorted(REGISTRY["MT009"]().run(ctx))
    by_text = {f.text: f for f in findings}
    assert by_text["reported Reuters July 27"].suggestion == "Reuters reported on July 27"
    assert by_text["Photos of state media"].suggestion == "State media photos"
    for f in findings:
        assert text[f.start : f.end] == f.text and f.code == "MT009"
        assert f"threshold {THRESHOLD:g}" in f.evidence


def test_gate_runs_fluency_only_when_asked(tmp_path, language_model):
    import json

    from click.testing import CliRunner

    from mtaudit.cli import cli

    article = tmp_path / "story.txt"
    article.write_text("The talks ended, reported Reuters July 27.\n\nThe talks made no progress significant.\n")
    runner = CliRunner()
    plain = runner.invoke(cli, ["check", str(article), "--format", "json", "--fail-on", "never"])
    data = json.loads(plain.output)["articles"][0]
    assert "MT009" not in data["stamp"]["checks"] and data["stamp"]["lm"] == "none"
    asked = runner.invoke(cli, ["check", str(article), "--format", "json", "--fail-on", "warning", "--fluency"])
    assert asked.exit_code == 1, asked.output
    data = json.loads(asked.output)["articles"][0]
    assert data["stamp"]["lm"] == language_model.signature and "MT009" in data["stamp"]["checks"]
    assert {(f["text"], f["suggestion"]) for f in data["findings"] if f["code"] == "MT009"} == {
        ("reported Reuters July 27", "Reuters reported on July 27"),
        ("no progress significant", "no significant progress"),
    }
    off = runner.invoke(cli, ["audit", str(article), "--no-fluency", "--out", str(tmp_path / "r"), "-q"])
    assert off.exit_code == 0, off.output
    report = json.loads((tmp_path / "r" / "story.json").read_text(encoding="utf-8"))
    assert report["stamp"]["lm"] == "none"


def test_gate_without_fluency_imports_no_model_runtime():
    import subprocess
    import sys

    code = (
        "import sys; from mtaudit.cli import cli; "
        "cli.main(['check', 'corpora/seed/shoigu-visit.txt', '-q', '--fail-on', 'never'], standalone_mode=False); "
        "print(*(m in sys.modules for m in ('onnxruntime', 'tokenizers', 'torch', 'mtaudit.lm')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["False", "False", "False", "False"]
