import pytest

from mtaudit.entities import comparable, extract, fold, same_entity, skeleton
from mtaudit.lexicon import load_english

ENGLISH = load_english()
OPTIONS = {"titles": set(ENGLISH.titles), "honorifics": set(ENGLISH.honorifics), "given_names": ENGLISH.given_names}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Foreign Minister Lukas Brandt travelled to Warsaw.", [("Lukas Brandt", "person"), ("Warsaw", "place")]),
        ("The mayor of Brno Markéta Pokorná spoke.", [("Brno", "place"), ("Markéta Pokorná", "person")]),
        ("The Bank of Japan kept its rate.", [("Bank of Japan", "org")]),
        ("Bayern Munich beat Borussia Dortmund.", [("Bayern Munich", "org"), ("Borussia Dortmund", "org")]),
        ("In Lyon, the temperature reached a record.", [("Lyon", "place")]),
        ("Ms Berger said she called the police.", [("Berger", "person")]),
        ("Taiwan's Foreign Ministry said so.", [("Taiwan", "place"), ("Foreign Ministry", "org")]),
        ("The ISRO launch was delayed.", [("ISRO", "org")]),
        ("She said the plan would work in May.", []),
        ("Heavy rain fell on Tuesday.", []),
    ],
)
def test_extract(text, expected):
    assert [(e.text, e.kind) for e in extract(text, **OPTIONS)] == expected


def test_places_have_their_type():
    [city, country] = extract("Lyon, France", **OPTIONS)
    assert (city.subtype, country.subtype) == ("city", "country")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Shoigu", "Shoygu", True),
        ("Sergei Shoigu", "Shoigu", True),
        ("Kim Jong-un", "Kim Jong Un", True),
        ("Dvořáková", "Dvorakova", True),
        ("Jürgen Hoffmann", "Juergen Hoffmann", True),
        ("Yelena Smirnova", "Elena Smirnova", True),
        ("Andrei Fedorov", "Andrey Fyodorov", True),
        ("Zhang Wei", "Wei Zhang", True),
        ("Prado Museum", "Prado", True),
        ("UN Security Council", "U.N. Security Council", True),
        ("Cologne", "Köln", True),
        ("Austria", "Australia", False),
        ("Lyon", "Lille", False),
        ("Natalia Orlova", "Yelena Smirnova", False),
        ("Lucie Holá", "Lucie Novak", False),
    ],
)
def test_same_entity(a, b, same):
    assert same_entity(a, b) is same


def test_fold_and_skeleton():
    assert fold("Łódź") == "lodz"
    assert skeleton("Maksim") == skeleton("Maxim")


def test_comparable_kinds():
    city, country = extract("Lyon and Austria", **OPTIONS)
    other_city = extract("Lille", **OPTIONS)[0]
    assert comparable(city, other_city) and not comparable(city, country)
