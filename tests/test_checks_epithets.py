import pytest

from mtaudit.model import Severity


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("It was a commitment by the leadership of the Bamboo Curtain country.", "the Bamboo Curtain country", "China"),
        ("Officials in Uncle Sam's country reacted.", "Uncle Sam's country", "the United States"),
        ("Officials in Uncle Sam’s country reacted.", "Uncle Sam’s country", "the United States"),
        ("Exports to the Ginseng Country rose.", "the Ginseng Country", "South Korea"),
        ("Tourists from Kangaroo country arrived.", "Kangaroo country", "Australia"),
        ("The Sakura country won 3-0.", "The Sakura country", "Japan"),
    ],
)
def test_calques_are_flagged_with_the_plain_name(run_check, text, span, fix):
    findings = run_check("MT001", text)
    assert [(f.text, f.suggestion, f.severity) for f in findings] == [(span, fix, Severity.ERROR)]


@pytest.mark.parametrize(
    "text",
    [
        "Journalists rarely got behind the Bamboo Curtain in the 1960s.",
        "The Iron Curtain fell in 1989.",
        "Uncle Sam wants you.",
        "China and Japan signed the deal.",
    ],
)
def test_legitimate_english_is_not_flagged(run_check, text):
    assert run_check("MT001", text) == []


def test_established_english_nickname_is_info_only(run_check):
    [finding] = run_check("MT001", "Exports to the Land of the Rising Sun grew.")
    assert finding.severity == Severity.INFO and finding.suggestion == "Japan"


def test_country_calque_around_an_established_nickname_is_an_error(run_check):
    """D1: "the Land of the Rising Sun country" is an error over the whole span, fixed to "Japan"."""
    [finding] = run_check("MT001", "Officials from the Land of the Rising Sun country arrived.")
    assert (finding.text, finding.suggestion, finding.severity.label) == (
        "the Land of the Rising Sun country",
        "Japan",
        "error",
    )
