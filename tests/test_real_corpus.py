"""The real-article corpus: its tool (always) and quality floors on the tune split (when the texts are present).

Article texts are third-party and not in git (corpora/real/README.md says how to re-create them), so on a clean
clone the evaluation tests skip; the tool's own rules are tested everywhere."""

import sys

import pytest

from mtaudit.evaluate import evaluate
from mtaudit.model import Severity

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import real_corpus  # noqa: E402

TUNE = ROOT / "corpora" / "real" / "tune"
HAVE_TEXTS = any(TUNE.glob("mt/*.txt"))


def test_normalise_drops_the_partial_last_sentence_of_a_cut_excerpt():
    cut = "JAKARTA - The minister spoke on Monday.\r\n\r\n\r\nShe said the plan was ready. The next st" + "x" * 1900
    text = real_corpus.normalise(cut)
    assert text.endswith("the plan was ready.\n") and "\n\n\n" not in text and "\r" not in text
    complete = "A short page without a final stop"
    assert real_corpus.normalise(complete) == complete + "\n"  # not cut: nothing dropped


def test_other_language_versions_share_an_article_key():
    assert real_corpus.article_key("https://voi.id/en/news/16513") == real_corpus.article_key(
        "https://dev.voi.id/fr/berita/16513/some-slug"
    )
    assert real_corpus.article_key("https://voi.id/en/sports/7655") == "voi.id#7655"
    assert real_corpus.article_key("https://example.com/2024/05/story") == "example.com/2024/05/story"


def test_jobs_keep_pages_of_one_query_together_and_balance_pages():
    rows = [{"id": f"p{n}", "query": q} for n, q in enumerate("aaaabbbccdefgh")]
    jobs = real_corpus.split_jobs(rows, 3)
    assert sorted(r["id"] for job in jobs for r in job) == sorted(r["id"] for r in rows)  # every page, once
    for query in "abcd":
        assert sum(any(r["query"] == query for r in job) for job in jobs) == 1  # one search serves them all
    assert max(map(len, jobs)) - min(map(len, jobs)) <= 1
    assert real_corpus.split_jobs(rows[:1], 4) == [[rows[0]]]  # no empty job files


def test_verify_compares_the_built_excerpt_with_its_recorded_hash(tmp_path, monkeypatch):
    monkeypatch.setattr(real_corpus, "RAW", tmp_path)
    excerpt = "JAKARTA - An invented page.\r\n\r\n\r\nIt has two sentences.  "
    row = {"id": "mt-example-1", "sha256": real_corpus.sha256(real_corpus.normalise(excerpt))}
    assert real_corpus.verify(row) == "MISSING"
    (tmp_path / "mt-example-1.txt").write_text(excerpt, encoding="utf-8")
    assert real_corpus.verify(row) == "OK"
    (tmp_path / "mt-example-1.txt").write_text(excerpt.replace("two", "2"), encoding="utf-8")
    assert real_corpus.verify(row) == "DIFF"


@pytest.mark.skipif(not real_corpus.RESERVED.exists(), reason="the reserved-page list is not beside this checkout")
def test_reserved_pages_and_their_language_versions_are_refused():
    addresses, _ = real_corpus.reserved_keys()
    reserved = sorted(addresses)[0]
    with pytest.raises(real_corpus.CorpusError, match="reserved"):
        real_corpus.check_not_reserved("https://" + reserved)


def test_manifest_and_gold_files_agree():
    rows = real_corpus.read_manifest()
    assert len([r for r in rows if r["kind"] == "mt"]) >= 50 and len([r for r in rows if r["kind"] == "pro"]) >= 40
    assert sum(1 for r in rows if r["pair"]) >= 8
    tune = sum(1 for r in rows if r["kind"] == "mt" and r["split"] == "tune")
    assert tune / sum(1 for r in rows if r["kind"] == "mt") >= 2 / 3
    for row in rows:
        assert (ROOT / "corpora" / "real" / row["split"] / row["kind"] / f"{row['id']}.gold.tsv").exists()


@pytest.mark.skipif(not HAVE_TEXTS, reason="real article texts not present (see corpora/real/README.md)")
def test_tune_split_quality_floor():
    """A regression floor on the real tune split; the measured numbers are in README."""
    # A page the search tool no longer returns cannot be re-created on a new machine (2 of 919 in December 2026).
    report = evaluate([TUNE], skip_missing=True)
    assert len(report.skipped) <= 0.01 * (len(report.skipped) + len(report.articles))
    codes = report.per_code(Severity.WARNING)
    # The eleventh round's pronoun errors are mostly about people no evidence outside the MT output names a
    # gender for (first run 8 of 39): 0.699 -> 0.635 with it in the split.
    # With rounds fourteen and fifteen and the pronoun changes they informed: 0.690.  The sixteenth round (first run
    # 14 of 49: women no list or cue names, a singer called by her initials): 0.647.  Rounds twenty and twenty-one
    # (first runs 38 of 49 and 23 of 44) and the changes they informed: 0.712.  The given name an article uses alone
    # and compound names that end in a listed first name: 0.724.  Reflexives, subjects after a fronted phrase and roles
    # set before a name: 0.731.  A pronoun in a quotation that speaks of nobody means the one other person the
    # passage names, a quotation that lost its capital starts there, "Nova Novianti" is a name: 0.746.
    assert codes["MT003"]["recall"] >= 0.72 and codes["MT003"]["precision"] >= 0.95
    # "his party" for pihaknya outside political paragraphs and recurring formulas: calque recall 0.050 -> 0.119.
    assert report.per_category(Severity.WARNING)["calque"]["recall"] >= 0.11
    # Rounds twenty and twenty-one (first runs 0.40 and 0.48: association and unit abbreviations, glossed ones the
    # annotators wanted deleted): MT002 0.662 -> 0.646; 0.652 with four more clipped syllables.  MT004 0.561 with
    # religious formulas.
    assert codes["MT002"]["recall"] >= 0.64 and codes["MT004"]["recall"] >= 0.52
    # Rounds eight and nine brought 57 punctuation artifacts (first runs: 0.20 and 0.29 recall): 0.488 -> 0.436.
    # Unstopped story paragraphs and quotations that open where a sentence lost its capital: 0.495.
    assert codes["MT005"]["recall"] >= 0.47
    # Measured 0.835 with rounds six to ten in the split (their first runs: 0.62, 0.55, 0.56, 0.66 and 0.59; the
    # tenth round's annotators marked a missing opening quotation mark at its closing mark, and left party
    # initialisms alone, more often than earlier ones).  The twelfth round (first run 0.535; its MT annotator
    # marked a repeated abbreviation at its first use only): 0.823.  The fourteenth round (first run 0.500; its MT
    # annotator marked abbreviations at their first use only and left "general chairman" and honorifics inside
    # quotations alone): 0.806 with it, 0.819 after the changes it informed; 0.825 with the fifteenth round and its.
    # The sixteenth round (first run 0.683; a professional article in very rough English whose annotator marked some
    # of its stray spaces and not others): 0.811; 0.834 once "general chairman" and "quoted from Antara" became info
    # (their annotators fixed them in fewer than half of the articles that have them).  The seventeenth round (first
    # run 0.593; one MT annotator left "DKI", "Polda" and "posyandu" alone, another marked a repeated abbreviation
    # at its first use only): 0.814 with it, 0.821 after the changes it informed.  The eighteenth round (first run
    # 0.714; its MT annotators split on "WIB", "AKBP" and "Kombes"): 0.822 with it, 0.826 after the changes it informed.
    # The nineteenth round (first run 0.784): 0.824 with it, 0.830 after the changes it informed.  The twentieth
    # (first run 0.705; "DKI Jakarta" left alone by one annotator) and twenty-first (0.796): 0.826; 0.837 after the
    # twenty-second and twenty-third sessions' changes; 0.840 after the twenty-fourth's; 0.841 after the twenty-fifth's;
    # 0.839 after the twenty-sixth's (its formulas fall on artifacts annotated under other categories too).
    assert report.overall(Severity.WARNING)["precision"] >= 0.83
    # Calques, found by MT008's formulas on spans annotated as calques: 0.119 -> 0.139 with fourteen more formulas;
    # 0.143 with "it was known that", "is trusted to play" and "it was not conveyed in detail"; 0.178 with "X ensured
    # that", "persecution", "gratification", "chairman of the DPR" and the other formulas of the twenty-sixth session.
    assert report.per_category(Severity.WARNING)["calque"]["recall"] >= 0.17
    # The eleventh round's professional articles drew 5 warnings in 332 sentences on their first run: 1.9 -> 2.5.
    # The twelfth round's, about Indonesia, 18 in 364 (now 3): 2.7.  The thirteenth round's, 5 in 353 (now 3): 3.1.
    # The fourteenth round's, about Indonesia and Asia, 11 in 591 (now 2): 3.1.  The fifteenth's, 8 in 375 (now 0): 2.4.
    # The sixteenth's, about Indonesia and Asia, 14 in 647 (now 13, 8 of them in that rough article): 4.4.
    # The seventeenth's, about Indonesia and Asia, 16 in 600 (now 7): 5.0.  The eighteenth's, 7 in 649 (now 3): 5.1.
    # The nineteenth's, 8 in 624 (now 2): 5.7 with it; 4.3 once a speech's salutations were page furniture and the same
    # slip in several quotations (mixed quotation marks) stopped keeping itself company.  The twentieth's, 6 in 597
    # (now 2), and the twenty-first's, 8 in 574 (now 4): 4.3; 4.1 once ", or sabu-sabu" was a gloss and "reported
    # detik" an outlet; 3.9 once a pronoun after an unnamed newcomer ("A French drug trafficker … his sentence") meant
    # the newcomer and a straight mark glued after a full stop opened a quotation; 3.5 once a paragraph the page broke
    # paired its quotation marks with the one before, "PPP" needed Indonesian politics and "Dody" was a man's name.
    assert report.clean_rate()["per_1000"] <= 4.0
