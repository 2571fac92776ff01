import pytest

from mtaudit.model import Severity


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Rina reached the final of the the championship on Sunday.", "the the", "the"),
        ("Prices must be watched and and kept stable.", "and and", "and"),
        ("Police seized a flag of of the group.", "of of", "of"),
    ],
)
def test_a_function_word_typed_twice(run_check, text, span, fix):
    [finding] = run_check("MT010", text)
    assert (finding.text, finding.suggestion, finding.severity) == (span, fix, Severity.WARNING)


def test_a_name_repeated_in_parentheses_is_an_expanded_abbreviation(run_check):
    # "Jawa Tengah (Jateng)" translated whole: the parenthesis says nothing; deleting it is the fix.
    text = "JAKARTA - The Central Java (Central Java) Police arrested two men in Semarang on Monday."
    [finding] = run_check("MT010", text)
    assert (finding.text, finding.suggestion) == (" (Central Java)", "")


@pytest.mark.parametrize(
    "text",
    [
        "He said that that was not the plan.",  # grammatical doubles
        "They had had enough by noon.",
        "The toll stands at at least 28 dead.",
        "The Central Java Police (CJP) met Central Java (Indonesia) officials.",
        "The theme of the event was announced.",
        "Readers can pin the The Star app to their screens.",  # a name that starts with "The"
    ],
)
def test_english_that_repeats_on_purpose_is_left_alone(run_check, text):
    assert run_check("MT010", text) == []


def test_a_typed_twice_word_gives_no_company_to_house_style(run_check):
    from mtaudit.model import Document
    from mtaudit.pipeline import without_company

    # An English paper that leaves "KPK" unexplained and types "the the" once is still professional copy.
    text = "The KPK named the the regent a suspect on Monday."
    findings = set(run_check("MT002", text)) | set(run_check("MT010", text))
    rated = without_company(findings, Document(path="a.txt", text=text, format="text"))
    assert {(f.code, f.severity) for f in rated} == {("MT002", Severity.INFO), ("MT010", Severity.WARNING)}


def test_a_number_in_thousands_is_written_as_a_figure(run_check):
    text = "Floods hit districts inhabited by around 94 thousand people, and 5 thousand more fled."
    findings = run_check("MT010", text)
    assert [(f.text, f.suggestion) for f in findings] == [("94 thousand", "94,000"), ("5 thousand", "5,000")]
    assert all(f.needs_company for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        "Deforestation fell to 115.2 thousand hectares.",  # a decimal needs rewriting, not a comma
        "Tens of thousands fled, and several thousand stayed.",
        "A 10 thousand-strong crowd gathered.",
        "He was fined Rp. 500 thousand, and the wallet held Rp150 thousand.",  # money, as papers in Indonesia write it
        "Some 5 to 10 thousand people came, between 5 and 10 thousand, or 20-30 thousand.",  # the end of a range
        "It costs 20 thousand rupiah, or €5 thousand.",
    ],
)
def test_thousands_that_are_no_figure_are_left_alone(run_check, text):
    assert run_check("MT010", text) == []
