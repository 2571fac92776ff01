import pytest

from mtaudit.checks import REGISTRY
from mtaudit.model import Alignment

from .conftest import make_context


def test_changed_year_and_weekday(run_check):
    text = "The peace plan was agreed in 2022.\nShe spoke on Thursday."
    reference = "The peace plan was agreed in 2021.\nShe spoke on Friday."
    findings = run_check("MT006", text, reference=reference, similarity=0.8)
    assert [(f.text, f.suggestion) for f in findings] == [("2022", "2021"), ("Thursday", "Friday")]


def test_spelled_numbers(run_check):
    findings = run_check("MT006", "Indah said seven people were arrested.", "Eight people were detained.", 0.8)
    assert [(f.text, f.suggestion) for f in findings] == [("seven", "eight")]


def test_value_in_a_neighbouring_reference_sentence_is_not_a_contradiction(tmp_path):
    ctx = make_context(tmp_path, "Troops arrived in 1950.", "The war ended in 1953.\nChina sent troops in 1950.", 0.8)
    ctx.alignments[0] = Alignment(0, (0,), 0.8, None, neighbours=(0, 1))
    assert list(REGISTRY["MT006"]().run(ctx)) == []


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
    findings = run_check("MT006", text, "About 2,700 people were moved to 14 centres.", similarity=0.8)
    assert [(f.text, f.suggestion) for f in findings] == [("2,100", None)]


def test_numbers_and_names_need_a_close_pair(run_check):
    """A comparable report states other facts in loosely similar sentences (real tune split: 0.5-0.77)."""
    text = "The deposit facility rate was kept at 5.25 percent, Perry Warjiyo said."
    reference = "Bank Indonesia held its benchmark rate at 6 percent, Governor Perry Warjiyo said."
    assert run_check("MT006", text, reference=reference, similarity=0.6) == []
    assert run_check("MT006", "It happened on Tuesday.", "It happened on Monday.", similarity=0.6)  # weekdays still


# The same value written two ways is never a contradiction (the format misses).
@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Around 3,5 million people watched the final.", "Some 3.5 million viewers watched the final."),
        ("The launch was at 15.00 UTC on Monday.", "The launch was at 3 p.m. on Monday."),
        ("Police arrested twelve people.", "Police detained 12 people."),
        ("The plan costs 1.2 billion dollars.", "The plan costs 1,200 million dollars."),
        ("About 15.000 people marched.", "Some 15,000 people marched."),
        ("The wage rises to 1.134 euros.", "The wage rises to €1,134."),
        ("Profit was 5.400 million euros.", "Profit was €5.4 billion."),
        ("The train leaves at 17 h 30.", "The train leaves at 5:30 p.m."),
        ("The bank cut the rate by 0,5 percentage points.", "The bank cut the rate by half a percentage point."),
        ("Rains displaced 1.2 lakh residents.", "Rains displaced 120,000 residents."),
        ("The state approved Rs 10,000 crore.", "The state approved 100 billion rupees."),
        ("Temperatures fell to minus 18 degrees.", "Temperatures fell to -18C."),
        ("The ash rose 3,000 metres.", "The ash rose 3 km."),
        ("Bayern won 3:1 on Saturday.", "Bayern won 3-1 on Saturday."),
        ("The fund holds CHF 1.8 billion.", "The fund holds 1,8 billion francs."),
        ("Exports reached Rp 5 trillion.", "Exports reached 5 triliun rupiah."),
        ("The match drew 1,01,000 spectators.", "The match drew 101,000 spectators."),
        ("Twenty-one aircraft entered the zone.", "21 aircraft entered the zone."),
    ],
)
def test_number_formats_agree(run_check, text, reference):
    assert run_check("MT006", text, reference=reference, similarity=0.8) == []


@pytest.mark.parametrize(
    ("text", "reference", "flagged", "fix"),
    [
        ("Around 3,8 million people watched.", "Some 3.5 million viewers watched.", "3,8 million", "3.5 million"),
        ("The launch was at 16.00 UTC.", "The launch was at 3 p.m.", "16.00 UTC", "3 p.m."),
        ("Police arrested fifteen people.", "Police detained 12 people.", "fifteen", "12"),
        ("The plan costs 1.7 billion dollars.", "The plan costs 1,200 million dollars.", "1.7 billion dollars", None),
        ("Inflation fell to 2,9 % in May.", "Inflation fell to 2.4 percent in May.", "2,9 %", "2.4 percent"),
        ("The trial begins on 17 May.", "The trial begins on May 14.", "17", "14"),
    ],
)
def test_changed_values_are_flagged(run_check, text, reference, flagged, fix):
    findings = run_check("MT006", text, reference=reference, similarity=0.8)
    assert [(f.text, f.suggestion) for f in findings] == [(flagged, fix or findings[0].suggestion)]
    if fix:
        assert findings[0].suggestion == fix


def test_a_number_of_another_magnitude_is_another_fact(run_check):
    text = "Japan beat Indonesia three times in front of fans."
    assert run_check("MT006", text, "Japan won in front of 70,000 fans.", similarity=0.8) == []


@pytest.mark.parametrize(
    ("text", "reference", "flagged", "fix"),
    [
        (
            "The strike disrupted trains between Paris and Lille.",
            "The strike hit trains between Paris and Lyon.",
            "Lille",
            "Lyon",
        ),
        (
            "The journalist Natalia Orlova said she was held at the airport.",
            "Journalist Elena Smirnova said she was held at the airport.",
            "Natalia Orlova",
            "Elena Smirnova",
        ),
        (
            "Belgium and Austria signed the deal in Brussels.",
            "Belgium and the Netherlands signed the deal in Brussels.",
            "Austria",
            "Netherlands",
        ),
    ],
)
def test_swapped_names_are_flagged(run_check, text, reference, flagged, fix):
    findings = run_check("MT006", text, reference=reference, similarity=0.8)
    assert [(f.text, f.suggestion) for f in findings] == [(flagged, fix)]


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        # spelling and transliteration variants
        ("Defence Minister Sergei Shoigu visited the plant.", "Defense Minister Sergei Shoygu visited the plant."),
        ("Kim Jong-un received the delegation.", "Kim Jong Un received the delegation."),
        ("Karolína Dvořáková won in Stuttgart.", "Karolina Dvorakova won in Stuttgart."),
        ("Zenit St Petersburg won the derby.", "Zenit Saint Petersburg won the derby."),
        ("The UN Security Council met on Thursday.", "The U.N. Security Council met on Thursday."),
        # a name the reference simply does not mention
        ("Officials in Seoul and Tokyo criticised the visit.", "Seoul criticised the visit."),
        # several names on one side: a list of different things, not a swap
        (
            "Officials in Seoul said Pyongyang and Moscow broke the rules.",
            "Seoul and Washington said the pact broke the rules.",
        ),
        # an acronym against its expansion
        ("The KPU announced the results.", "The Elections Commission announced the results."),
    ],
)
def test_names_that_do_not_contradict(run_check, text, reference):
    assert run_check("MT006", text, reference=reference, similarity=0.8) == []


def test_name_stated_in_a_neighbouring_sentence_is_not_flagged(tmp_path):
    text = "The talks took place in Lille on Monday."
    reference = "The talks took place in Lyon on Monday.\nDelegates later travelled on to Lille."
    ctx = make_context(tmp_path, text, reference, 0.8)
    ctx.alignments[0] = Alignment(0, (0,), 0.8, None, neighbours=(0, 1))
    assert list(REGISTRY["MT006"]().run(ctx)) == []


@pytest.mark.parametrize(
    ("text", "reference", "flagged", "fix"),
    [
        (
            "The mayor of Brno Markéta Pokorná said that he wants to build flats.",
            "Brno mayor Marketa Pokorna said she wanted flats built.",
            "he",
            "she",
        ),
        (
            "Coach Markus Keller extended her contract with VfB Stuttgart.",
            "VfB Stuttgart said coach Markus Keller had extended his contract.",
            "her",
            "his",
        ),
    ],
)
def test_pronoun_against_the_aligned_sentence(run_check, text, reference, flagged, fix):
    findings = run_check("MT006", text, reference=reference, similarity=0.8)
    assert [(f.text, f.suggestion) for f in findings] == [(flagged, fix)]


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        # two people named: "she" may be the other one
        (
            "Lavrov held talks with Foreign Minister Choe Son Hui, who said she hoped for closer ties.",
            "Sergey Lavrov held talks with his counterpart, Choe Son Hui.",
        ),
        # a quoted pronoun may be about anyone
        ('Widodo said: "She will win," about the candidate.', "Widodo said he expected the candidate to win."),
        # no name shared: the sentences may be about different people
        ("She said the talks would continue.", "He said the talks would continue in Geneva with Lavrov."),
    ],
)
def test_pronouns_that_are_not_compared(run_check, text, reference):
    findings = run_check("MT006", text, reference=reference, similarity=0.8)
    assert [f.text for f in findings if f.text.lower() in ("he", "she", "his", "her")] == []
