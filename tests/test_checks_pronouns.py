from mtaudit.model import Severity

SEED_LIKE = (
    '"(Kim) expressed his views on issues of common concern," media said.\n\n'
    "Photos of state media show leader Kim and her guests at the exhibition."
)
REFERENCE = "Mr Kim had a friendly talk with the visitors.\nMr Kim showed off new missiles."


def test_wrong_pronoun_with_reference_and_own_evidence(run_check):
    [finding] = run_check("MT003", SEED_LIKE, reference=REFERENCE)
    assert (finding.text, finding.suggestion, finding.severity) == ("her", "his", Severity.ERROR)
    assert "Mr Kim" in finding.evidence


def test_honorific_in_article_is_evidence(run_check):
    text = "Mrs Indah Lestari led the raid. Lestari said his team found cash. Lestari said her team left."
    findings = run_check("MT003", text)
    assert [(f.text, f.suggestion) for f in findings] == [("his", "her")]


def test_source_language_honorific_is_evidence(run_check):
    text = "One of the pilgrims, Ibu Sumarni, 78, said he had waited 12 years to depart."
    [finding] = run_check("MT003", text)
    assert (finding.text, finding.suggestion) == ("he", "she")


def test_no_evidence_means_no_flag(run_check):
    assert run_check("MT003", "Analyst Kang Sun Nam said her data was clear.") == []


def test_name_prior_alone_never_flags(run_check):
    # Name lists call "Kim" mostly female; a prior alone must never flag "his".
    assert run_check("MT003", "Leader Kim Jong-un spoke. Kim said his army was ready.") == []


def test_two_people_of_different_genders_are_ambiguous(run_check):
    text = "Mr Budi met Mrs Sari. Budi and Sari said her plan would work."
    assert run_check("MT003", text) == []


def test_role_noun_blocks_resolution(run_check):
    text = 'Mrs Indah Lestari spoke. "The regent received the money through his aide," she said.'
    assert run_check("MT003", text) == []


def test_conflicting_article_pronouns_decide_nothing(run_check):
    text = "Governor Harahap Siregar visited evacuees. He said pumps were deployed. Siregar said she was hopeful."
    assert run_check("MT003", text) == []


def test_given_name_prior_breaks_a_tie_as_a_warning_only(run_check):
    # "Bambang" is a male Indonesian given name: with the article's own "He", that outweighs one "she".
    text = "Governor Bambang Sutrisno visited evacuees. He said pumps were deployed. Sutrisno said she was hopeful."
    [finding] = run_check("MT003", text)
    assert (finding.text, finding.suggestion, finding.severity) == ("she", "he", Severity.WARNING)
    assert "given-name list" in finding.evidence
