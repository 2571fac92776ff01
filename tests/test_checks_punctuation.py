import pytest


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ('"Peace," North Korean media said., reported Reuters.', "said.,", "said,"),
        ("Prices rose,, economists said.", ",,", ","),
        ("Prices rose . Then fell.", " .", "."),
        ("He left.The meeting ended.", ".", ". "),
        ("But North Korean Defense Minister Kang Sun Nam, reportedly said the army was ready.", "Nam,", "Nam"),
        ('"We need masks" he said.', 'masks"', 'masks,"'),
        ("Aid reached Aceh. . More is coming.", ". .", "."),
    ],
)
def test_debris_is_flagged(run_check, text, span, fix):
    findings = run_check("MT005", text)
    assert [(f.text, f.suggestion) for f in findings] == [(span, fix)]


def test_unclosed_quotation_is_flagged_from_its_mark(run_check):
    [finding] = run_check("MT005", 'The union said "we reject the law, and walked out.')
    assert finding.text.startswith('"we reject')


@pytest.mark.parametrize(
    "text",
    [
        "The curator, Dr. Ratna Kusumadewi, said she was pleased.",
        "Supplies were sent to Lumajang, said agency spokesperson Agus Wibisono.",
        "Officials in the U.S., the EU and Japan agreed.",
        "Visit DigitalSiber.id for details.",
        "Prices rose 3.5 percent... then fell.",
        '"We will not back down," she said.',
        # A quotation continued into the next paragraph opens it again: standard news style.
        '"The first part of the quote.\n\n"The second part," he said.',
    ],
)
def test_correct_punctuation_is_not_flagged(run_check, text):
    assert run_check("MT005", text) == []
