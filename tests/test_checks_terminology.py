from mtaudit.model import Severity


def test_acronym_and_english_form_in_one_article(run_check):
    text = "Missiles banned by the UN Security Council were shown.\n\nRussia backs UN DK resolutions."
    [finding] = run_check("MT007", text)
    assert (finding.text, finding.suggestion) == ("UN DK", "UN Security Council")


def test_name_spelled_two_ways(run_check):
    text = "Kim Jong Un met Lavrov. Kim Jong Un smiled. Later Kim Jong-un left."
    [finding] = run_check("MT007", text)
    assert (finding.text, finding.suggestion) == ("Kim Jong-un", "Kim Jong Un")


def test_title_capitalised_two_ways(run_check):
    text = "Media showed leader Kim at home. A letter went to Leader Kim on Monday."
    [finding] = run_check("MT007", text)
    assert (finding.text, finding.suggestion, finding.severity) == ("Leader", "leader", Severity.INFO)


def test_consistent_article_is_clean(run_check):
    text = "President Joko Widodo spoke. Later President Joko Widodo left the UN Security Council meeting."
    assert run_check("MT007", text) == []
