import pytest

from mtaudit.foreign import foreign_words

REFERENCE = "The government said the budget would be agreed by September in Kraków and Málaga."


@pytest.mark.parametrize(
    ("text", "word", "lang"),
    [
        ("The strike disrupted the trains between the two écoles.", "écoles", "fr"),
        ("The city sindaco resigned on Monday.", "sindaco", "it"),
        ("Officials expect the ayuntamiento to approve it.", "ayuntamiento", "es"),
        ("She will close the last coal kopalnię in Silesia.", "kopalnię", "pl"),
    ],
)
def test_lower_case_words_of_any_language(text, word, lang):
    [found] = foreign_words(text)
    assert (found.text, found.lang) == (word, lang)


def test_capitalised_noun_needs_a_reference_that_lacks_it():
    text = "The coalition agreed on the Haushalt by September."
    assert foreign_words(text) == []  # without a reference a capitalised word may be a name
    [found] = foreign_words(text, reference=REFERENCE, aligned="The coalition agreed on the budget by September.")
    assert (found.text, found.lang, found.fix) == ("Haushalt", "de", "budget")


@pytest.mark.parametrize(
    "text",
    [
        "The government met in Kraków and Málaga.",  # places, with or without accents in the reference
        "Deutsche Bahn ordered trains from Siemens.",  # names
        "The fiesta and the kindergarten reopened.",  # loanwords English uses
        "Residents call the festival 'Oktoberfest' every year.",  # quoted on purpose
        "The government said the budget would be agreed by September.",  # plain English
    ],
)
def test_not_foreign(text):
    assert foreign_words(text, reference=REFERENCE) == []


def test_language_restriction():
    assert foreign_words("The ayuntamiento approved it.", ["de"]) == []


def test_mt004_flags_a_german_word_with_the_fix_from_the_reference(run_check):
    text = "The coalition agreed on the Haushalt by September."
    findings = run_check("MT004", text, reference="The coalition agreed on the budget by September.", similarity=0.9)
    assert [(f.text, f.suggestion) for f in findings] == [("Haushalt", "budget")]


def test_rare_english_derivations_are_not_foreign_words():
    """ "contestation" is rare in English and common in French, but it is "contest" + "-ation"."""
    from mtaudit.foreign import foreign_words

    assert foreign_words("The party is ready for the contestation of the 2024 election.", ["fr", "es"]) == []
    # the plural of an English word: "verbals" (rare in English, a Catalan word too)
    assert foreign_words("The police weighed the suspects' verbals and actions.") == []


@pytest.mark.parametrize(
    "text",
    [
        # From real articles, whose source language nothing named: a rare English word, a Tagalog word,
        # and an Indonesian term glossed in brackets (also a Swedish word).
        "The council may use its interpellation right against the governor.",
        '"Mahalaga po ang kalusugan ng bawat pamilya," she said.',
        "Visitors were barred from the detention house (rutan) for a week.",
    ],
)
def test_mt004_needs_more_than_one_rare_word_to_call_a_language(run_check, text):
    assert run_check("MT004", text) == []


def test_mt004_flags_words_of_a_language_the_article_shows_twice(run_check):
    text = "The city sindaco resigned on Monday. The regional giunta met after the sindaco left."
    assert [f.text for f in run_check("MT004", text)] == ["sindaco", "giunta", "sindaco"]
