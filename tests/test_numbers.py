import pytest

from mtaudit.numbers import contradicts, extract, parse_digits


@pytest.mark.parametrize(
    ("token", "values"),
    [
        ("3,5", {3.5}),
        ("3.5", {3.5}),
        ("1.134", {1134.0, 1.134}),  # thousands separator or decimal point: both kept
        ("1,134", {1134.0, 1.134}),
        ("1,234.5", {1234.5}),
        ("1.234,5", {1234.5}),
        ("1,500,000", {1500000.0}),
        ("8.000.000", {8000000.0}),
        ("20 000", {20000.0}),
        ("1,01,000", {101000.0}),
        ("1.2.3", set()),
    ],
)
def test_parse_digits(token, values):
    assert parse_digits(token) == values


def _one(text):
    [quantity] = extract(text)
    return quantity


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Around 3,5 million people", "number", 3.5e6),
        ("twelve percent", "percent", 12.0),
        ("€1.2bn for schools", "money", 1.2e9),
        ("1,2 billion euros", "money", 1.2e9),
        ("half a million", "number", 5e5),
        ("twenty-one aircraft", "number", 21.0),
        ("two thousand residents", "number", 2000.0),
        ("5 juta orang", "number", 5e6),
        ("1,2 miliar", "number", 1.2e9),
        ("Rp 77.3 trillion", "money", 77.3e12),
        ("3 crore houses", "number", 3e7),
        ("68 lakh visitors", "number", 6.8e6),
        ("PLN 2m in damages", "money", 2e6),
        ("in 2023", "year", 2023.0),
        ("on 14 May", "day", 14.0),
        ("on May 14", "day", 14.0),
        ("the 89th minute", "ordinal", 89.0),
        ("his fortieth homer", "ordinal", 40.0),
        ("in the 1990s", "decade", 1990.0),
    ],
)
def test_kinds_and_values(text, kind, value):
    quantity = _one(text)
    assert quantity.kind == kind
    assert ("n", value) in quantity.values


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("at 15.00 UTC", "at 3 p.m."),
        ("at 6.30 in the morning", "at 6:30 a.m."),
        ("at 17 h 30", "at 5:30 p.m."),
        ("at 7:05 pm", "at 19:05"),
        ("at 07.21 Moscow time", "at 7:21 a.m. Moscow time"),
        ("at 16.00 CET", "at 15:00 GMT"),
        ("3,000 metres", "3 km"),
        ("140,5 metres", "140.5m"),
        ("minus 18 degrees", "-18C"),
        ("5.400 million euros", "€5.4 billion"),
        ("Rs 10,000 crore", "100 billion rupees"),
        ("CHF 1.8 billion", "1,8 billion francs"),
        ("¥1tn", "1 trillion yen"),
    ],
)
def test_same_value_in_two_formats(a, b):
    assert _one(a).matches(_one(b))


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("at 16.00 UTC", "at 3 p.m.", True),
        ("2,9 %", "2.4 percent", True),
        ("1.7 billion dollars", "$1.2bn", True),
        ("the 70th anniversary", "27 July", False),  # different kinds
        ("€5m", "5 million yen", False),  # different currencies: different facts
        ("12%", "twelve percent", False),  # the same value
    ],
)
def test_contradicts(a, b, expected):
    assert contradicts(_one(a), _one(b)) is expected


@pytest.mark.parametrize(
    "text",
    ["F-35 fighters", "the A7 motorway", "COVID-19 cases", "K2 summit", "one of the players", "a new plan"],
)
def test_codes_and_idioms_are_not_quantities(text):
    assert extract(text) == []


def test_scores_hold_two_numbers():
    assert [q.text for q in extract("won 3:1 and then 2-0")] == ["3", "1", "2", "0"]
