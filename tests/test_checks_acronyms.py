import pytest

from mtaudit.model import Severity


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Russia remains committed to UN DK resolutions.", "UN DK", "UN Security Council"),
        ("The PBB condemned the attack.", "PBB", None),
        ("Leaders met at the KTT in Bali.", "KTT", None),
        ("Tensions with Korut rose.", "Korut", "North Korea"),
    ],
)
def test_untranslated_acronyms(run_check, text, span, fix):
    [finding] = run_check("MT002", text)
    assert finding.text == span and finding.severity == Severity.ERROR
    assert finding.suggestion  # the English rendering from the lexicon
    if fix:
        assert finding.suggestion == fix


def test_half_translated_is_called_so(run_check):
    [finding] = run_check("MT002", "Russia backs UN DK resolutions.")
    assert "half-translated" in finding.message


def test_kept_name_is_flagged_only_when_never_glossed(run_check):
    # Real annotators mark an unexplained KPK at its first mention: a warning, once.
    [finding] = run_check("MT002", "The KPK arrested the regent. The KPK said more arrests would follow.")
    assert finding.severity == Severity.WARNING and finding.text == "KPK" and finding.start == 4
    glossed = "The Corruption Eradication Commission (KPK) arrested the regent. The KPK said more would follow."
    assert run_check("MT002", glossed) == []


@pytest.mark.parametrize(
    "text",
    [
        "The US and the UN agreed.",
        "ASEAN leaders met in Jakarta.",
        "AS Roma beat Lazio.",
        "THE PBB HEADLINE IN CAPITALS IS SKIPPED ENTIRELY HERE",
    ],
)
def test_english_or_ambiguous_uses_are_not_flagged(run_check, text):
    assert run_check("MT002", text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # Found by form and frequency, not by a list: initialisms common in Indonesian and rare in English,
        ("The bill was sent to the DPRD for approval last week.", "DPRD"),
        # initialisms neither frequency list knows,
        ("The KSPSI union leaders joined the protest in Jakarta.", "KSPSI"),
        # clippings made of Indonesian abbreviation syllables (Per+men+aker), known to no list.
        ("The Permenaker was revoked after the protest.", "Permenaker"),
    ],
)
def test_abbreviations_found_by_mechanism(run_check, text, span):
    findings = [f for f in run_check("MT002", text) if f.severity >= Severity.WARNING]
    assert [f.text for f in findings] == [span]
    assert findings[0].suggestion and findings[0].evidence


def test_unexplained_initialism_is_flagged_once_and_never_when_explained(run_check):
    text = "The KSPSI union marched. KSPSI leaders spoke later."
    assert [f.start for f in run_check("MT002", text)] == [4]
    explained = "The Confederation of All Indonesian Workers' Unions (KSPSI) marched. KSPSI leaders spoke."
    assert run_check("MT002", explained) == []


@pytest.mark.parametrize(
    "text",
    [
        "JAKARTA - The NATO summit discussed GDP growth and COVID-19 rules.",  # English, and a dateline
        "The AFF Cup final was played in Hanoi.",  # common in English too
        "Complaints go to https://poskothr.kemnaker.go.id before Friday.",  # a web address
        "10 Jan 2023 | 14:39 WIB",  # a date line is page furniture
        "PT Pertamina raised the price of fuel.",  # PT before a company name is kept in English
        "Chapter III of the law and Article VI were cited.",  # Roman numerals
    ],
)
def test_not_abbreviations_english_readers_need_explained(run_check, text):
    assert [f for f in run_check("MT002", text) if f.severity >= Severity.WARNING] == []


def test_two_spellings_of_one_party_need_one_gloss(run_check):
    findings = run_check("MT002", "Cadres of the PDI-P (PDIP) met. PDIP leaders spoke. PDI-P won.")
    assert [f.text for f in findings] == ["PDI-P"]


def test_headline_is_not_a_first_mention(run_check):
    text = "KSPSI Rejects The New Rules\n\nJAKARTA - Union leaders said the KSPSI would strike."
    [finding] = run_check("MT002", text)
    assert text[finding.start :].startswith("KSPSI would")
