from mtaudit.model import Severity


def test_acronym_and_english_form_in_one_article(run_check):
    text = "Missiles banned by the UN Security Council were shown.\n\nRussia backs UN DK resolutions."
    [finding] = run_check("MT007", text)
    assert (finding.text, finding.suggestion) == ("UN DK", "UN Security Council")


def test_name_spelled_two_ways(run_check):
    # Only a hyphen differs: romanisations and wire copy mix them, so it is a note for the copy desk.
    text = "Kim Jong Un met Lavrov. Kim Jong Un smiled. Later Kim Jong-un left."
    [finding] = run_check("MT007", text)
    assert (finding.text, finding.suggestion, finding.severity) == ("Kim Jong-un", "Kim Jong Un", Severity.INFO)


def test_an_abbreviation_spelled_two_ways_in_a_name_is_a_warning(run_check):
    text = "PDI-P General Chair Megawati spoke. PDI-P General Chair Megawati left. PDIP General Chair Megawati ate."
    [finding] = run_check("MT007", text)
    assert (finding.text, finding.severity) == ("PDIP General Chair Megawati", Severity.WARNING)


def test_a_caption_s_spelling_is_no_variant_of_the_story_s(run_check):
    text = (
        "South Korea's An Se Young displays her medal on Sunday. PHOTO: EPA-EFE\n\n"
        "South Korea's An Se-young won two of three finals. An Se-young beat Carolina Marin."
    )
    assert run_check("MT007", text) == []


def test_title_capitalised_two_ways(run_check):
    text = "Media showed leader Kim at home. A letter went to Leader Kim on Monday."
    [finding] = run_check("MT007", text)
    assert (finding.text, finding.suggestion, finding.severity) == ("Leader", "leader", Severity.INFO)


def test_consistent_article_is_clean(run_check):
    text = "President Joko Widodo spoke. Later President Joko Widodo left the UN Security Council meeting."
    assert run_check("MT007", text) == []


def test_name_with_one_letter_changed(run_check):
    text = "Regent Hendra Saputra was arrested. Hendra Saputra denied it. Later, Hendra Saputro resigned."
    [finding] = run_check("MT007", text)
    assert (finding.text, finding.suggestion) == ("Hendra Saputro", "Hendra Saputra")


def test_english_word_pairs_are_not_name_variants(run_check):
    text = "South Korea and South Korean officials met. North Korea spoke."
    assert run_check("MT007", text) == []


def test_a_closing_quotation_mark_is_no_part_of_a_name(run_check):
    text = "Fans filled the ‘Kopi Senja Nite’ concert. Later the 'Kopi Senja Nite' concert moved to Penang."
    assert run_check("MT007", text) == []


def test_a_name_with_a_curly_and_a_straight_apostrophe_is_one_spelling(run_check):
    text = (
        "He equalled Australian great Ricky Ponting’s record of 41 centuries as captain. "
        "Only Ricky Ponting's team had won more Tests abroad."
    )
    assert [f for f in run_check("MT007", text) if "spelled" in f.message] == []
