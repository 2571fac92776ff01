import pytest

from mtaudit.model import Severity

REFERENCE = "Kim Jong Un hosted guests from Russia and China on Wednesday."


def test_leftover_place_name_with_fix_from_reference(run_check):
    text = "It was a sign of the Russian-Cina-North Korea coalition."
    [finding] = run_check("MT004", text, reference=REFERENCE)
    assert (finding.text, finding.suggestion) == ("Cina", "China")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The warga of the village were evacuated.", "warga"),
        ("Prices rose, sementara wages fell.", "sementara"),
        ("Police arrived di Riyadh on Monday.", "di"),
        ("The match will be played on Kamis.", "Kamis"),
        ("Flights resume in Oktober 2024.", "Oktober"),
    ],
)
def test_leftover_words_found_by_frequency_or_lexicon(run_check, text, span):
    assert [f.text for f in run_check("MT004", text)] == [span]


def test_whole_untranslated_sentence(run_check):
    text = "The minister spoke. Pemerintah akan segera memberikan bantuan kepada warga yang terdampak banjir."
    [finding] = run_check("MT004", text)
    assert finding.text.startswith("Pemerintah") and finding.severity == Severity.ERROR


def test_foreign_script(run_check):
    [finding] = run_check("MT004", "The slogan 和平 was painted on the wall.")
    assert finding.text == "和平" and finding.severity == Severity.WARNING
    assert run_check("MT004", "Peace (和平) was the slogan.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Finance Minister Sri Mulyani Indrawati met Prabowo Subianto.",
        "Prices are quoted in rupiah and batik sales rose.",
        "Millions joined the annual 'mudik' exodus.",
        "Residents of Bidara Cina were evacuated.",
        "Dr. Tan Mei Ling said the haze would clear.",
        "The Corruption Eradication Commission met in Jakarta.",
    ],
)
def test_names_loanwords_and_quoted_terms_are_not_flagged(run_check, text):
    assert run_check("MT004", text) == []
