"""Numbers in English news text, as values rather than strings.

Machine translation carries the source language's number formats into English ("3,5 million",
"15.000 people", "17 h 30", "1,2 lakh"), and a reference translation writes the same fact its own
way ("3.5 million", "15,000", "5:30 p.m.", "120,000").  MT006 must compare the *values*.  This
module finds every quantity in a sentence and gives it:

- ``values``: every value the text can mean.  An ambiguous "1.134" is both 1134 (thousands
  separator) and 1.134 (decimal point); "at 4.30" is 4.3, 4:30 and 16:30; "3 km" is 3 and 3000
  metres.  Two quantities *match* when they share any value, so a format difference never looks
  like a contradiction.
- ``kind``: what the number counts ("year", "time", "day", "percent", "money", "ordinal",
  "decade", "number").  Only quantities of the same kind (and, for money, the same currency) can
  *contradict* each other, so "27 July" is never weighed against "the 70th anniversary".

Handled: decimal commas and points, thousands separators (",", ".", spaces, Indian "1,01,000"),
number words ("twelve", "twenty-one", "half a million", "two thousand"), scale words (thousand,
million, billion, trillion, bn, m, tn, lakh, crore, juta, miliar, ribu, triliun), percentages and
percentage points, currencies (€ $ £ ¥ ₹ Rp, EUR/USD/CZK/PLN/CHF/JPY/INR/IDR, euros, zlotys,
crowns, yen, yuan, rupees, rupiah), clock times in 24- and 12-hour form with time zones (UTC, GMT,
CET, WIB, JST, "Moscow time"…), dates ("14 May", "May 14"), years, decades, ordinals, signs
("minus 18", "-18C"), and metric lengths (m, km, cm).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
WORD_VALUES.update({w: 10 * i for i, w in enumerate(_TENS) if w != "_"})
# "first" and "second" are left out: "for the first time", "a second visit" are not facts to compare.
ORDINAL_WORDS = {
    w: i
    for i, w in enumerate(
        "_ _ _ third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
        "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
    if w != "_"
}
ORDINAL_WORDS.update({"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100})
SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "ribu": 1e3,  # Indonesian scale words MT leaves behind: "5 juta", "1,2 miliar"
    "juta": 1e6,
    "miliar": 1e9,
    "milyar": 1e9,
    "triliun": 1e12,
    "bn": 1e9,
    "tn": 1e12,
    "k": 1e3,
    "mn": 1e6,
}
_MONTHS = "January February March April May June July August September October November December".split()
_MONTH = "(?:" + "|".join(_MONTHS) + ")"

# Currency symbols and codes before a number, and currency words after it.
_CURRENCY_BEFORE = {
    "€": "EUR",
    "$": "USD",
    "us$": "USD",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "rp": "IDR",
    "rp.": "IDR",
    "eur": "EUR",
    "usd": "USD",
    "gbp": "GBP",
    "jpy": "JPY",
    "cny": "CNY",
    "rmb": "CNY",
    "inr": "INR",
    "idr": "IDR",
    "czk": "CZK",
    "pln": "PLN",
    "chf": "CHF",
    "rub": "RUB",
    "sgd": "SGD",
    "myr": "MYR",
    "aud": "AUD",
}
_CURRENCY_AFTER = {
    "euro": "EUR",
    "euros": "EUR",
    "dollar": "USD",
    "dollars": "USD",
    "pound": "GBP",
    "pounds": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "rupiah": "IDR",
    "zloty": "PLN",
    "zlotys": "PLN",
    "zlotych": "PLN",
    "crown": "CZK",
    "crowns": "CZK",
    "koruna": "CZK",
    "korunas": "CZK",
    "franc": "CHF",
    "francs": "CHF",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "ringgit": "MYR",
    **{code.lower(): code for code in ("EUR", "USD", "GBP", "JPY", "CNY", "INR", "IDR", "CZK", "PLN", "CHF", "RUB")},
}
# Hours to add to a local clock time to get UTC.
_ZONES = {
    "utc": 0,
    "gmt": 0,
    "z": 0,
    "bst": -1,
    "cet": -1,
    "cest": -2,
    "eet": -2,
    "eest": -3,
    "msk": -3,
    "moscow time": -3,
    "ist": -5.5,
    "wib": -7,
    "wita": -8,
    "wit": -9,
    "jst": -9,
    "kst": -9,
    "est": 5,
    "edt": 4,
    "cst": 6,
    "pst": 8,
    "pdt": 7,
}
_LENGTH = {
    "m": 1.0,
    "metre": 1.0,
    "metres": 1.0,
    "meter": 1.0,
    "meters": 1.0,
    "km": 1e3,
    "kilometre": 1e3,
    "kilometres": 1e3,
    "kilometer": 1e3,
    "kilometers": 1e3,
    "cm": 1e-2,
    "centimetre": 1e-2,
    "centimetres": 1e-2,
    "centimeter": 1e-2,
    "centimeters": 1e-2,
    "mm": 1e-3,
}

# The numeric core: Indian grouping ("1,01,000"), space-grouped thousands ("20 000"), or digits
# with separators.  Never part of a word or code ("A7", "F-35", "COVID-19", "G20").
_CORE = re.compile(
    r"(?<![\w.,:/'’])(?<![A-Za-z]-)"
    r"(\d{1,2}(?:,\d\d)+,\d{3}(?![\d,])|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])(?:,\d+)?|\d+(?:[.,:]\d+)*)"
)
_GLUED = re.compile(r"(st|nd|rd|th|s|kg|km|cm|mm|m|bn|tn|mn|k|°C|°|C)?(?![\w])")
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


@dataclass(frozen=True)
class Quantity:
    start: int  # span in the text, scale and currency words included
    end: int
    text: str
    values: frozenset[tuple[str, float]]  # every (scale, value) the text can mean (module docstring)
    kind: str  # year, time, day, percent, money, ordinal, decade or number
    currency: str | None = None
    core: tuple[int, int] = (0, 0)  # span of the digits or number words alone

    def matches(self, other: Quantity) -> bool:
        return bool(self.values & other.values)


def _tag(values) -> frozenset[tuple[str, float]]:
    return frozenset(("n", _round(v)) for v in values)


def _round(value: float) -> float:
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, 6 - int(math.floor(math.log10(abs(value)))))


def parse_digits(token: str) -> set[float]:
    """Every value a digit string can mean: "3,5" -> {3.5}; "1.134" -> {1134, 1.134};
    "1,234.5" -> {1234.5}; "20 000" -> {20000}; "1,01,000" -> {101000}."""
    token = re.sub(r"[ \u00a0\u202f]", "", token) if re.fullmatch(r"[\d \u00a0\u202f,]+", token) else token
    if re.fullmatch(r"\d{1,2}(?:,\d\d)+,\d{3}", token):
        return {float(token.replace(",", ""))}
    separators = [c for c in token if c in ".,"]
    if not separators:
        return {float(token)}
    kinds = set(separators)
    if len(kinds) == 2:
        decimal = separators[-1]
        grouping = "," if decimal == "." else "."
        if token.count(decimal) != 1:
            return set()
        return {float(token.replace(grouping, "").replace(decimal, "."))}
    sep = separators[0]
    groups = token.split(sep)
    if len(groups) > 2:
        if all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3:
            return {float("".join(groups))}
        return set()
    whole, fraction = groups
    decimal = float(f"{whole}.{fraction}")
    if len(fraction) == 3 and len(whole) <= 3 and whole != "0":
        return {float(whole + fraction), decimal}
    return {decimal}


def _word_number(words: list[str]) -> tuple[float, int] | None:
    """(value, words used) for a run of English number words: "twenty-one", "two hundred and
    fifty", "half a million", "a dozen"."""
    total, current, used, seen = 0.0, 0.0, 0, False
    i = 0
    while i < len(words):
        word = words[i].lower()
        parts = word.split("-")
        if all(p in WORD_VALUES for p in parts) and len(parts) <= 2:
            current += sum(WORD_VALUES[p] for p in parts)
            seen = True
        elif word == "half" and not seen:
            current, seen = 0.5, True
            if i + 1 < len(words) and words[i + 1].lower() == "a":
                i += 1
        elif word in ("a", "one") and not seen and i + 1 < len(words) and words[i + 1].lower() in SCALES:
            current, seen = 1.0, True
        elif word == "dozen" and (seen or i == 0):
            current = (current or 1.0) * 12
            seen = True
        elif word == "hundred" and seen:
            current = (current or 1.0) * 100
        elif word in ("thousand", "million", "billion", "trillion", "lakh", "crore") and seen:
            total += (current or 1.0) * SCALES[word]
            current = 0.0
        elif word == "and" and seen and i + 1 < len(words) and words[i + 1].lower().split("-")[0] in WORD_VALUES:
            pass
        else:
            break
        i += 1
        used = i
    if not seen:
        return None
    return total + current, used


_WORD_START = re.compile(
    r"(?<![\w-])(?:" + "|".join([*WORD_VALUES, "half", "a", "one", "dozen"]) + r")(?:-[a-z]+)?(?![\w])",
    re.IGNORECASE,
)


_ORDINAL_WORD = re.compile(r"(?<![\w-])(?:" + "|".join(ORDINAL_WORDS) + r")(?![\w-])", re.IGNORECASE)


def _time_zone(after: str) -> tuple[float | None, int]:
    m = re.match(
        r"\s*(?:\(?\s*)(utc|gmt|cest|cet|eest|eet|msk|wib|wita|wit|jst|kst|ist|bst|est|edt|cst|pst|pdt)\b", after, re.I
    )
    if m:
        return _ZONES[m.group(1).lower()], m.end()
    m = re.match(r"\s*moscow time\b", after, re.I)
    if m:
        return _ZONES["moscow time"], m.end()
    return None, 0


def _time_values(hours: int, minutes: int, meridiem: str | None, zone: float | None) -> set[tuple[str, float]]:
    """Clock times as minutes after midnight, plus their UTC equivalents when a zone is given; a
    12-hour time without a.m./p.m. may mean either half of the day."""
    if meridiem == "pm" and hours < 12:
        hours += 12
    elif meridiem == "am" and hours == 12:
        hours = 0
    clocks = {hours * 60 + minutes}
    if meridiem is None and 1 <= hours <= 12:
        clocks.add(((hours + 12) % 24) * 60 + minutes)
    out = {float(c) for c in clocks}
    if zone is not None:
        out |= {float((c + zone * 60) % 1440) for c in clocks}
    return {("clock", v) for v in out}  # tagged, so a time never equals a plain number


def extract(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in reading order."""
    out: list[Quantity] = []
    for match in _CORE.finditer(text):
        if out and match.start() < out[-1].end:
            continue  # the "30" of "17 h 30", already part of the quantity before it
        out.extend(_from_digits(text, match))
    taken = [(q.start, q.end) for q in out]
    for match in _ORDINAL_WORD.finditer(text):
        value = ORDINAL_WORDS[match.group().lower()]
        out.append(Quantity(match.start(), match.end(), match.group(), _tag({value}), "ordinal", None, match.span()))
        taken.append(match.span())
    for match in _WORD_START.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        q = _from_words(text, match.start())
        if q:
            out.append(q)
            taken.append((q.start, q.end))
    return sorted(out, key=lambda q: q.start)


def _from_words(text: str, start: int) -> Quantity | None:
    words = list(_WORD.finditer(text, start, min(len(text), start + 80)))
    # Only consecutive words separated by single spaces belong to one number.
    run = [words[0]] if words and words[0].start() == start else []
    for w in words[1:]:
        if text[run[-1].end() : w.start()] != " ":
            break
        run.append(w)
    if not run:
        return None
    parsed = _word_number([w.group() for w in run])
    if not parsed:
        return None
    value, used = parsed
    first = run[0].group().lower()
    if first in ("a", "one") and used == 1:
        return None  # "one of the", "a" alone: not a quantity to compare
    end = run[used - 1].end()
    if first == "one" and used == 1 and not re.match(r"\s+[a-z]", text[end : end + 3]):
        return None
    return _finish(text, start, end, {float(value)}, (start, end), words_only=True)


def _from_digits(text: str, match: re.Match) -> list[Quantity]:
    token = match.group(1)
    start, end = match.span(1)
    # A score or range: "3:1", "13-2", "2-0" holds two numbers.
    if re.fullmatch(r"\d+:\d", token) or (re.fullmatch(r"\d+", token) and re.match(r"-\d+\b", text[end:])):
        if ":" not in token:
            return [Quantity(start, end, token, _tag({float(token)}), "number", None, (start, end))]
        middle = start + token.index(":")
        return [
            Quantity(
                start,
                middle,
                text[start:middle],
                _tag({float(token[: middle - start])}),
                "number",
                None,
                (start, middle),
            ),
            Quantity(middle + 1, end, token[-1], _tag({float(token[-1])}), "number", None, (middle + 1, end)),
        ]
    if ":" in token:
        parts = token.split(":")
        if len(parts) != 2 or len(parts[1]) != 2 or int(parts[0]) > 24 or int(parts[1]) > 59:
            return []
        return [_clock(text, start, end, int(parts[0]), int(parts[1]))]
    values = parse_digits(token)
    if not values:
        return []
    # "17 h 30", "17h30": a French-style clock time.
    french = re.match(r"\s?h\s?(\d\d)\b", text[end:])
    if french and re.fullmatch(r"\d{1,2}", token) and int(token) <= 24:
        return [_clock(text, start, end + french.end(), int(token), int(french.group(1)))]
    # "at 6.30", "15.00 UTC": a clock time written with a point.
    dotted = re.fullmatch(r"(\d{1,2})[.](\d\d)", token)
    unit_after = re.match(r"\s*(?:%|per|[a-z]*(?:metre|meter)s?\b|km|cm|kg|[mC]\b|°|degrees|points?\b)", text[end:])
    if dotted and int(dotted.group(1)) <= 24 and int(dotted.group(2)) < 60 and not unit_after:
        before = text[max(0, start - 12) : start].lower()
        after = text[end : end + 16].lower()
        if (
            re.search(r"\b(?:at|from|until|till|since)\s+$", before)
            or re.match(r"\s*(?:a\.?m\.?|p\.?m\.?|h\b|hours|o'clock|in the (?:morning|evening|night|afternoon))", after)
            or _time_zone(text[end:])[0] is not None
        ):
            clock = _clock(text, start, end, int(dotted.group(1)), int(dotted.group(2)))
            both = clock.values | _tag(values)
            return [Quantity(clock.start, clock.end, clock.text, both, "time", None, (start, end))]
    return [_finish(text, start, end, values, (start, end))]


def _clock(text: str, start: int, end: int, hours: int, minutes: int) -> Quantity:
    after = text[end:]
    meridiem = None
    m = re.match(r"\s*([ap])\.?\s?m\b\.?", after, re.I)
    if m:
        meridiem = m.group(1).lower() + "m"
        end += m.end()
        after = text[end:]
    zone, used = _time_zone(after)
    end += used
    values = frozenset(_time_values(hours, minutes, meridiem, zone))
    return Quantity(start, end, text[start:end], values, "time", None, (start, start + len(str(hours))))


def _finish(
    text: str, start: int, end: int, values: set[float], core: tuple[int, int], words_only: bool = False
) -> Quantity:
    """Attach what surrounds the number: sign, currency, glued suffix, scale, unit, and decide the kind."""
    kind = "number"
    currency = None
    token = text[start:end]
    # A bare hour with a.m./p.m.: "2 a.m.", "3 p.m. GMT".
    if not words_only and re.fullmatch(r"\d{1,2}", token) and re.match(r"\s?[ap]\.?m\b", text[end:], re.I):
        if int(token) <= 12:
            return _clock(text, start, end, int(token), 0)
    glued = _GLUED.match(text, end) if not words_only else None
    suffix = glued.group(1) if glued else None
    if suffix in ("st", "nd", "rd", "th"):
        return Quantity(start, end, token, _tag(values), "ordinal", None, core)
    if suffix == "s" and re.fullmatch(r"\d{4}|\d0", token):
        return Quantity(start, end + 1, token + "s", _tag(values), "decade", None, core)
    # Sign: "minus 18", "-18C".
    before = text[max(0, start - 6) : start]
    if re.search(r"(?:^|\s)[-−–]$", before) or re.search(r"\bminus\s$", before, re.I):
        values = values | {-v for v in values}
    # Currency before: "€1.2bn", "CZK 160bn", "Rs 10,000 crore", "US$ 5".
    cur = re.search(r"(US\$|[€$£¥₹]|\b(?:Rs\.?|Rp\.?|[A-Z]{3}))\s?$", text[max(0, start - 5) : start])
    if cur and cur.group(1).lower() in _CURRENCY_BEFORE:
        currency = _CURRENCY_BEFORE[cur.group(1).lower()]
        start -= len(cur.group(0))
    pos = end
    scale = 1.0
    lengths: set[float] = set()
    if suffix in ("bn", "tn", "mn", "k") or (suffix == "m" and currency):
        scale = SCALES.get(suffix, 1e6)
        pos = glued.end()
    elif suffix in ("kg", "km", "cm", "mm", "m", "°C", "°", "C"):
        pos = glued.end()
        if suffix in _LENGTH:
            lengths = {v * _LENGTH[suffix] for v in values}
    # Scale words after: "3,5 million", "1.2 lakh", "10,000 crore", "two thousand".
    while True:
        m = re.match(r"\s+([A-Za-z]+)\b", text[pos:])
        if m and m.group(1).lower() in SCALES and m.group(1).lower() not in ("k", "bn", "tn", "mn"):
            scale *= SCALES[m.group(1).lower()]
            pos += m.end()
            continue
        break
    if scale != 1.0:
        values = {_round(v * scale) for v in values} | (values if suffix is None and scale < 1e3 else set())
    after = text[pos : pos + 40]
    m = re.match(r"\s*(%|percent\b|per\s?cent\b|percentage points?\b)", after, re.I)
    if m:
        kind = "percent"
        pos += m.end()
    else:
        m = re.match(r"\s+([A-Za-z]+)\b", after)
        if m and m.group(1).lower() in _CURRENCY_AFTER and (currency is None):
            currency = _CURRENCY_AFTER[m.group(1).lower()]
            pos += m.end()
            m2 = re.match(r"\s+(crore|lakh)\b", text[pos:])
            if m2:  # "6,368 crore rupees" is handled above; "Rs 6,368 crore" too
                pos += m2.end()
        elif m and m.group(1).lower() in _LENGTH and not suffix:
            factor = _LENGTH[m.group(1).lower()]
            lengths = {v * factor for v in values}
    if currency:
        kind = "money"
    elif kind == "number" and not words_only and scale == 1.0:
        kind = _plain_kind(text, start, end, token)
    tagged = _tag(values) | {("metres", _round(v)) for v in lengths}
    return Quantity(start, pos, text[start:pos], tagged, kind, currency, core)


def _plain_kind(text: str, start: int, end: int, token: str) -> str:
    """year, day (of a month) or number, for a bare integer."""
    if re.fullmatch(r"\d{1,2}", token) and 1 <= int(token) <= 31:
        if re.match(rf"\s+{_MONTH}\b", text[end : end + 12]) or re.search(
            rf"\b{_MONTH}\s+$", text[max(0, start - 12) : start]
        ):
            return "day"
    if re.fullmatch(r"\d{4}", token) and 1900 <= int(token) <= 2099:
        return "year"
    return "number"


def contradicts(candidate: Quantity, reference: Quantity) -> bool:
    """True when the two state the same kind of fact with different values."""
    if candidate.kind != reference.kind or candidate.matches(reference):
        return False
    if candidate.kind == "money" and candidate.currency and reference.currency:
        return candidate.currency == reference.currency
    return True
