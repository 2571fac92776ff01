def test_changed_year_and_weekday(run_check):
    text = "The peace plan was agreed in 2022.\nShe spoke on Thursday."
    reference = "The peace plan was agreed in 2021.\nShe spoke on Friday."
    findings = run_check("MT006", text, reference=reference, similarity=0.8)
    assert [(f.text, f.suggestion) for f in findings] == [("2022", "2021"), ("Thursday", "Friday")]


def test_spelled_numbers(run_check):
    findings = run_check("MT006", "Indah said seven people were arrested.", "Eight people were detained.", 0.7)
    assert [(f.text, f.suggestion) for f in findings] == [("seven", "eight")]


def test_value_found_elsewhere_in_reference_is_not_a_contradiction(run_check):
    text = "Troops arrived in 1950."
    reference = "The war ended in 1953.\nChina sent troops in 1950."
    assert run_check("MT006", text, reference=reference, similarity=0.8) == []


def test_low_similarity_pairs_are_not_compared(run_check):
    assert run_check("MT006", "It happened in 2022.", "It happened in 2021.", similarity=0.3) == []


def test_different_kinds_of_numbers_are_not_compared(run_check):
    text = "It held the 70th anniversary celebrated every 27 July."
    assert run_check("MT006", text, "The 70th anniversary of the armistice.", similarity=0.8) == []


def test_pronoun_contradicting_reference(run_check):
    text = "Lestari said his office would visit."
    reference = "Lestari said her office would visit."
    [finding] = run_check("MT006", text, reference=reference, similarity=0.9)
    assert (finding.text, finding.suggestion) == ("his", "her")


def test_grouped_thousands_are_counts_not_years(run_check):
    text = "Around 2,100 residents were evacuated."
    findings = run_check("MT006", text, "About 2,700 people were moved to 14 centres.", similarity=0.7)
    assert [(f.text, f.suggestion) for f in findings] == [("2,100", None)]
