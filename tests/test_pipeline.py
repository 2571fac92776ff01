"""End to end on the seed pair: the named artifacts are found with the right fixes."""

import json

from click.testing import CliRunner

from mtaudit.cli import cli

from .conftest import ROOT, SEED, SEED_REF

NAMED_ARTIFACTS = {
    ("MT001", "the Bamboo Curtain country", "China"),
    ("MT002", "UN DK", "UN Security Council"),
    ("MT003", "her", "his"),
    ("MT004", "Cina", "China"),
    ("MT005", "said.,", "said,"),
}


def test_seed_named_artifacts(seed_result):
    found = {(f.code, f.text, f.suggestion) for f in seed_result.findings}
    assert NAMED_ARTIFACTS <= found
    her = next(f for f in seed_result.findings if f.code == "MT003")
    assert "Mr Kim" in her.evidence and her.reference_sentence


def test_seed_document_facts(seed_result):
    cand = seed_result.candidate
    assert cand.machine_translated and cand.source_lang == "id"
    assert all("automatically generated" not in s.text for s in cand.audited_sentences)
    assert seed_result.verdict == "FAIL"
    scores = seed_result.scores
    assert 0 < scores["chrf"] < 100 and 0 <= scores["bleu"] < 100
    assert 0 < scores["no_counterpart"] < 1  # comparable text: some sentences have no counterpart
    no_counterpart = [a for a in seed_result.alignments if not a.references]
    assert all(a.chrf is None for a in no_counterpart)
    assert all(1 <= len(a.references) <= 3 for a in seed_result.alignments if a.references)


def test_finding_spans_point_at_their_text(seed_result):
    text = seed_result.candidate.text
    for f in seed_result.findings:
        assert text[f.start : f.end] == f.text
        assert f.message and f.severity


def test_committed_reports_regenerate_identically(tmp_path, monkeypatch):
    """reports/ holds what `make demo` produced; regenerating gives the same findings and stamp."""
    monkeypatch.chdir(ROOT)
    args = ["audit", str(SEED.relative_to(ROOT)), "-r", str(SEED_REF.relative_to(ROOT)), "--out", str(tmp_path)]
    result = CliRunner().invoke(cli, [*args, "--fail-on", "never", "-q"])
    assert result.exit_code == 0, result.output
    new = json.loads((tmp_path / "shoigu-visit.json").read_text(encoding="utf-8"))
    committed = json.loads((ROOT / "reports" / "shoigu-visit.json").read_text(encoding="utf-8"))
    assert new["findings"] == committed["findings"]
    assert new["stamp"] == committed["stamp"]
    assert (tmp_path / "shoigu-visit.csv").read_text(encoding="utf-8") == (
        ROOT / "reports" / "shoigu-visit.csv"
    ).read_text(encoding="utf-8")
