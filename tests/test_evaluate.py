"""Precision and recall come from running the tool on annotated data."""

import pytest

from mtaudit.errors import MtauditError
from mtaudit.evaluate import evaluate, format_report, read_gold
from mtaudit.model import Severity

from .conftest import ROOT


@pytest.fixture(scope="module")
def seed_eval():
    return evaluate([ROOT / "corpora" / "seed"])


def test_seed_meets_the_bar_on_targeted_artifacts(seed_eval):
    targeted = seed_eval.overall(targeted_only=True)
    assert targeted["recall"] >= 0.9
    assert targeted["precision"] >= 0.8
    report = format_report(seed_eval)
    assert "misses" in report and "false alarms" in report


def test_dev_clean_texts_have_no_warnings():
    report = evaluate([ROOT / "corpora" / "dev" / "clean"])
    assert len(report.articles) >= 5
    assert report.clean_articles_with_warnings() == []


def test_dev_set_quality_floor():
    """A regression floor for the development set (measured values are in README)."""
    report = evaluate([ROOT / "corpora" / "dev"])
    overall = report.overall(Severity.WARNING)
    targeted = report.overall(targeted_only=True)
    assert overall["precision"] >= 0.85
    assert targeted["recall"] >= 0.7


def test_gold_errors_name_file_and_line(tmp_path):
    gold = tmp_path / "a.gold.tsv"
    gold.write_text("code\ttext\toccurrence\tfix\talso\tnote\nMT001\tnowhere\t1\t\t\t\n", encoding="utf-8")
    with pytest.raises(MtauditError, match=r"a.gold.tsv:2: 'nowhere' does not occur"):
        read_gold(gold, "some article", "a.txt")


def test_metrics_table_and_csv(seed_eval, tmp_path):
    from click.testing import CliRunner

    from mtaudit.cli import cli
    from mtaudit.evaluate import metrics_table

    table = metrics_table(seed_eval)
    assert table.loc["targeted", "recall"] == seed_eval.overall(targeted_only=True)["recall"]
    assert {"MT001", "MT000", "overall", "targeted"} <= set(table.index)
    out = tmp_path / "metrics.csv"
    result = CliRunner().invoke(cli, ["eval", str(ROOT / "corpora" / "seed"), "--csv", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").splitlines()[0] == "code,gold,found,findings,precision,recall,f1"
