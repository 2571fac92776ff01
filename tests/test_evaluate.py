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


def test_gold_text_keeps_its_blanks(tmp_path):
    """D7: a gold span " ," (a space before a comma) is located as written, not stripped to ","."""
    gold = tmp_path / "a.gold.tsv"
    gold.write_text("code\ttext\toccurrence\tfix\talso\tnote\nMT005\t ,\t1\t,\t\t\n", encoding="utf-8")
    [artifact] = read_gold(gold, "One, two , three.", "a.txt")
    assert (artifact.start, artifact.end, artifact.text) == (8, 10, " ,")


def test_category_column_is_optional_and_checked(tmp_path):
    header = "code\ttext\toccurrence\tfix\talso\tnote\tcategory\n"
    gold = tmp_path / "a.gold.tsv"
    gold.write_text(
        header + "MT000\tPhotos of state media\t1\t\t\t\tgarbled\nMT003\the\t1\tshe\t\t\t\n", encoding="utf-8"
    )
    garbled, pronoun = read_gold(gold, "Photos of state media show he", "a.txt")
    assert garbled.category == "garbled"
    assert pronoun.category == "pronoun"  # from the code when the column is empty
    gold.write_text(header + "MT000\tPhotos\t1\t\t\t\tgibberish\n", encoding="utf-8")
    with pytest.raises(MtauditError, match=r"a.gold.tsv:2: unknown category 'gibberish'"):
        read_gold(gold, "Photos", "a.txt")


def test_held_out_folders_report_aggregates_only(tmp_path):
    """A HELDOUT marker hides an article's misses and false alarms from the report, not its numbers."""
    import shutil

    held = tmp_path / "heldout"
    held.mkdir()
    (held / "HELDOUT").write_text("", encoding="utf-8")
    for name in ("shoigu-visit.txt", "shoigu-visit.gold.tsv"):
        shutil.copy(ROOT / "corpora" / "seed" / name, held / name)
    report = evaluate([held], use_reference=False)
    assert report.held_out_articles == 1
    assert report.overall()["gold"] == 15 and report.overall()["found"] >= 1
    assert report.misses() == [] and report.false_alarms() == []
    assert report.misses(include_held_out=True)
    text = format_report(report)
    assert "held-out articles: their misses and false alarms are not listed" in text
    assert "Personal trend" not in text


def test_a_gold_file_without_its_article_stops_unless_skipping_is_asked_for(tmp_path):
    """A corpus re-created from a source that lost a page: an error by default, a named omission on request."""
    import shutil

    for name in ("shoigu-visit.txt", "shoigu-visit.gold.tsv"):
        shutil.copy(ROOT / "corpora" / "seed" / name, tmp_path / name)
    (tmp_path / "lost.gold.tsv").write_text("code\ttext\toccurrence\tfix\talso\tnote\n", encoding="utf-8")
    with pytest.raises(MtauditError, match="lost.gold.tsv: no article next to it"):
        evaluate([tmp_path], use_reference=False)
    report = evaluate([tmp_path], use_reference=False, skip_missing=True)
    assert [art.article.endswith("shoigu-visit.txt") for art in report.articles] == [True]
    assert report.skipped == [str(tmp_path / "lost.gold.tsv")]
    assert "1 gold files skipped, their article is missing: lost" in format_report(report)

    from click.testing import CliRunner

    from mtaudit.cli import cli

    assert CliRunner().invoke(cli, ["eval", str(tmp_path), "--no-reference"]).exit_code != 0
    result = CliRunner().invoke(cli, ["eval", str(tmp_path), "--no-reference", "--skip-missing"])
    assert result.exit_code == 0 and "skipped, their article is missing: lost" in result.output


def test_clean_rate_counts_warnings_per_1000_sentences():
    report = evaluate([ROOT / "corpora" / "dev" / "clean"])
    rate = report.clean_rate()
    assert rate["articles"] == len(report.articles) and rate["sentences"] > 200
    assert rate["warnings"] == len(report.clean_articles_with_warnings())


def test_a_finding_on_an_artifact_of_another_code_is_a_false_alarm_reported_apart(tmp_path):
    # The annotator calls the debris part of a garbled phrase; MT005 reports it as punctuation.
    (tmp_path / "a.txt").write_text(
        "The minister spoke to reporters on Monday. The ministry said., reported the agency on Tuesday.\n",
        encoding="utf-8",
    )
    (tmp_path / "a.gold.tsv").write_text(
        "code\ttext\toccurrence\tfix\talso\tnote\tcategory\n"
        "MT000\tsaid., reported the agency\t1\tsaid, the agency reported\t\tWord order.\tgarbled\n",
        encoding="utf-8",
    )
    report = evaluate([tmp_path], use_reference=False)
    overall = report.overall(Severity.WARNING)
    other = report.on_other_artifacts(Severity.WARNING)
    assert overall["tp"] == 0 and overall["fp"] >= 1  # no hit: the codes differ
    assert other["false_alarms"] == overall["fp"] and other["on_other_artifacts"] >= 1
    assert "fall on an artifact annotated under another code" in format_report(report)
