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
    [finding] = run_check("MT002", "The KPK arrested the regent. The KPK said more arrests would follow.")
    assert finding.severity == Severity.INFO and finding.text == "KPK"
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
