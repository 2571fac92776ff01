"""Named entities (people, places, organisations) and when two spellings name the same one.

Used by MT006 to catch a name the MT engine swapped for another ("Lyon" where the reference
says "Lille", "Natalia Orlova" where it says "Yelena Smirnova").  The extractor is a documented
capitalisation heuristic with lexicons, chosen over the NER models that install offline by
measurement (``tools/ner_measure.py``; the numbers are in the README):

**Finding names.**  A run of capitalised words, joined by particles ("Bank *of* Japan", "Celorico
*da* Beira"), minus what is not part of a name: a sentence-initial common word ("The", "Heavy"),
months and weekdays, and a title before the name ("Foreign Minister *Lukas Brandt*"), which is
kept as evidence that a person follows.

**Typing them.**  A *place* when the whole name is in ``lexicons/en/places.tsv`` (31,000
countries and cities from GeoNames, with their English exonyms: "Cologne" for Köln) or has a
place word ("Lake Baikal", "Ishikawa Prefecture"); an *organisation* when it has an organisation
word (``organisation_words.txt``: "Bank", "University", "Airlines") or is an acronym ("ZDF",
"ISRO"); a *person* when a title, honorific or role noun precedes it ("the cyclist Thomas
Petit", ``person_roles.txt``), its first word is a known given name ("Priya Sharma"), or it is
two or three capitalised words that are not common English ("Chen Xiaoyu").  Anything else is
*other* and never compared.

**Same entity.**  Two names match when, after folding accents and common transliteration
differences (y/i, j/i, ks/x, kh/h, w/v, ue/u, doubled letters), their words are equal ("Kim
Jong-un"/"Kim Jong Un", "Dvořáková"/"Dvorakova", "Shoygu"/"Shoigu" by similarity of at least
0.8), one's words are a subset of the other's ("Shoigu"/"Sergei Shoigu", "the Prado"/"Prado
Museum"), or in another order ("Wei Zhang"/"Zhang Wei").  Two different places of the lexicon
("Austria"/"Australia") never match.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from .language import zipf
from .lexicon import LEXICON_ROOT, read_tsv

PLACES = LEXICON_ROOT / "en" / "places.tsv"
_SPECIAL = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "ss", "æ": "ae", "đ": "d", "ı": "i", "’": "'"})
_PARTICLES = {"of", "de", "da", "del", "della", "di", "du", "des", "la", "le", "von", "van", "der", "den", "al", "bin"}
_PLACE_WORDS = {
    "lake",
    "mount",
    "river",
    "sea",
    "ocean",
    "island",
    "islands",
    "prefecture",
    "province",
    "region",
    "valley",
    "bay",
    "gulf",
    "castle",
    "peninsula",
    "desert",
    "palace",
    "station",
    "square",
    "airport",
}
_MONTHS_DAYS = set(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_SPEECH = re.compile(r"^\s*(?:,[^,.]{1,60},|,)?\s*(?:said|says|told|added|stated|announced|warned)\b")
# Sentence-initial words that are never part of a name ("According to INSEE", "In Lyon").
_OPENERS = {"the", "in", "on", "at", "about", "around", "some", "more", "according", "after", "for", "from", "a", "an"}


@dataclass(frozen=True)
class Entity:
    text: str
    start: int  # offsets into the text that was passed to :func:`extract`
    end: int
    kind: str  # person, place, org or other
    subtype: str | None = None  # city or country for places in the lexicon
    place_id: int | None = None


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents: "Dvořáková" -> "dvorakova", "Łódź" -> "lodz"."""
    if text.isascii():
        return text.lower()  # nothing to translate or decompose (most text): the same result, much sooner
    text = text.translate(_SPECIAL)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def skeleton(word: str) -> str:
    """A word with common transliteration and spelling differences removed."""
    w = fold(word)
    w = re.sub(r"^y(?=[aeiou])", "", w)  # Yelena/Elena, Yuri/Uri
    for old, new in (
        ("tsch", "ch"),
        ("sch", "sh"),
        ("kh", "h"),
        ("ks", "x"),
        ("ph", "f"),
        ("yo", "e"),
        ("ou", "u"),
        ("oo", "u"),
        ("ue", "u"),
        ("oe", "o"),
        ("ae", "a"),
        ("ck", "k"),
        ("y", "i"),
        ("j", "i"),
        ("w", "v"),
    ):
        w = w.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", w)


@cache
def places() -> dict[str, tuple[str, int]]:
    """Folded place name -> (kind, GeoNames id)."""
    out: dict[str, tuple[str, int]] = {}
    for _, row in read_tsv(PLACES, ("name", "kind", "id"), ("name", "kind", "id")):
        out.setdefault(fold(row["name"]), (row["kind"], int(row["id"])))
    return out


@cache
def countries() -> frozenset[str]:
    """Folded country names ("israel", "jordan"): read without parsing every city, for checks that run
    in the gate."""
    return frozenset(
        fold(line.split("\t", 1)[0])
        for line in PLACES.read_text(encoding="utf-8").splitlines()
        if "\tcountry\t" in line and not line.startswith("#")
    )


def organisation_words() -> frozenset[str]:
    """English words that make a capitalised run an organisation's name ("Ministry", "Agency")."""
    return _word_list("organisation_words.txt")


@cache
def _word_list(name: str) -> frozenset[str]:
    words = set()
    for line in (LEXICON_ROOT / "en" / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.add(line)
    return frozenset(words)


def _common(word: str) -> bool:
    return zipf(word.lower(), "en") >= 4.0


def extract(
    text: str,
    *,
    titles: frozenset[str] | set[str] = frozenset(),
    honorifics: frozenset[str] | set[str] = frozenset(),
    given_names: dict[str, str] | None = None,
) -> list[Entity]:
    """Named entities in one sentence ``text`` (see the module docstring)."""
    given_names = given_names or {}
    roles = _word_list("person_roles.txt") | {t.lower() for t in titles}
    org_words = _word_list("organisation_words.txt")
    words = list(_WORD.finditer(text))
    out: list[Entity] = []
    i = 0
    while i < len(words):
        if not words[i].group()[0].isupper():
            i += 1
            continue
        j = i + 1
        while j < len(words):
            gap = text[words[j - 1].end() : words[j].start()]
            if gap not in (" ", "-"):
                break
            word = words[j].group()
            if re.search(r"['’]s$", words[j - 1].group()):
                break  # a possessive ends a name: "Taiwan's Foreign Ministry"
            if word[0].isupper():
                j += 1
            elif word.lower() in _PARTICLES and j + 1 < len(words) and words[j + 1].group()[0].isupper():
                if text[words[j].end() : words[j + 1].start()] != " ":
                    break
                j += 2
            else:
                break
        out.extend(_entities(text, words[i:j], i == 0, roles, honorifics, given_names, org_words))
        i = j
    return out


def _entities(text, run, initial, roles, honorifics, given_names, org_words) -> list[Entity]:
    names = [w.group().rstrip(".") for w in run]
    names[-1] = re.sub(r"['’]s$", "", names[-1])
    cue = False
    # A word before the run: "the cyclist Thomas Petit", "Mr Lefebvre".
    before = re.search(r"([A-Za-z]+)\.?\s+$", text[: run[0].start()])
    if before and (before.group(1).lower() in roles):
        cue = True
    first = 0
    # Leading words that are not the name: "The", a sentence-initial common word, a title.
    has_org = any(n.lower() in org_words for n in names)
    while first < len(names):
        lowered = names[first].lower()
        if lowered in honorifics or lowered in roles:
            cue = True
            first += 1
            # "Minister of Health Vlastimil Beneš": the portfolio is not part of the name.
            if first + 1 < len(names) and names[first].lower() == "of" and _common(names[first + 1]):
                first += 2
        elif lowered in _MONTHS_DAYS or lowered == "the":
            first += 1
        elif (
            initial
            and first == 0
            and len(names) > 1
            and not names[0].isupper()
            and (lowered in _OPENERS or (_common(names[0]) and not has_org))
            and fold(" ".join(names)) not in places()
        ):
            first += 1
        elif first < len(names) - 1 and any(n.lower() in roles for n in names[first + 1 :]) and _common(names[first]):
            first += 1  # "Foreign" of "Foreign Minister Lukas Brandt"
        else:
            break
    last = len(names)
    while last > first and names[last - 1].lower() in _MONTHS_DAYS:
        last -= 1
    # A title inside the run splits it: "US President" -> "US"; "Senegalese President Amadou Diallo".
    inner = [k for k in range(first, last) if names[k].lower() in roles]
    if inner:
        k = inner[-1]
        out = []
        if k > first:
            out += _typed(text, run, first, k, names, False, initial, given_names, org_words)
        if k + 1 < last and names[k + 1].lower() not in _PARTICLES:
            out += _typed(text, run, k + 1, last, names, True, False, given_names, org_words)
        return out
    while first < last and names[first].lower() in _PARTICLES:
        first += 1
    if first >= last:
        return []
    # A place before a person in one run: "the mayor of Brno Markéta Pokorná".
    for k in range(first + 1, last - 1):
        rest = names[k:last]
        person_like = rest[0].lower() in given_names or (len(rest) >= 2 and not any(_common(w) for w in rest))
        if (
            person_like
            and fold(" ".join(names[first:k])) in places()
            and not any(w.lower() in org_words or w.lower() in _PARTICLES for w in rest)
        ):
            return _typed(text, run, first, k, names, False, initial, given_names, org_words) + _typed(
                text, run, k, last, names, True, False, given_names, org_words
            )
    if len(names) - first == 1 and initial and first == 0 and _common(names[0]) and fold(names[0]) not in places():
        return []
    if last - first == 1 and not names[first].isupper() and zipf(names[first].lower(), "en") >= 5.5:
        return []  # "She", "Both", "May": a very common English word alone is not a name
    return _typed(text, run, first, last, names, cue, initial and first == 0, given_names, org_words)


def _typed(text, run, first, last, names, cue, initial, given_names, org_words) -> list[Entity]:
    while first < last and names[first].lower() in _PARTICLES:
        first += 1
    if first >= last:
        return []
    start = run[first].start()
    end = run[last - 1].start() + len(names[last - 1])
    surface = text[start:end]
    words = [n for n in names[first:last] if n.lower() not in _PARTICLES]
    lowered = [w.lower() for w in words]
    place = places().get(fold(surface))
    if any(w in org_words for w in lowered) or (len(words) == 1 and _acronym(words[0])):
        return [Entity(surface, start, end, "org")]
    if place and not cue:
        return [Entity(surface, start, end, "place", place[0], place[1])]
    if any(w in _PLACE_WORDS for w in lowered):
        return [Entity(surface, start, end, "place")]
    # A club or company named after its city: "Bayern Munich", "Sparta Prague", "Zenit St Petersburg".
    if len(words) >= 2 and not cue and lowered[0] not in given_names and not _common(words[0]):
        if any(places().get(fold(" ".join(words[k:])), ("",))[0] == "city" for k in range(1, len(words))):
            return [Entity(surface, start, end, "org")]
    speaks = _SPEECH.match(text[end:]) is not None
    known_first = lowered[0] in given_names and len(words) > 1
    name_like = 2 <= len(words) <= 3 and not any(_common(w) for w in words)
    if cue or known_first or (name_like and not initial) or (speaks and len(words) <= 3):
        return [Entity(surface, start, end, "person")]
    return [Entity(surface, start, end, "other")]


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 6 and all(c.isupper() for c in letters) and word not in ("US", "USA", "UK")


def _tokens(entity_text: str) -> list[str]:
    words = re.split(r"[\s\-]+", fold(entity_text).replace(".", ""))  # "U.N." is "UN"
    words = ["st" if w in ("saint", "sankt", "san", "ste") else w for w in words]  # St Petersburg
    return [skeleton(w) for w in words if w and w not in _PARTICLES and w != "the"]


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    return len(a) >= 5 and len(b) >= 5 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def same_entity(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` can name the same entity (see the module docstring)."""
    known_a, known_b = places().get(fold(a)), places().get(fold(b))
    if known_a and known_b:
        return known_a[1] == known_b[1]
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return False
    if "".join(ta) == "".join(tb):
        return True
    small, large = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return all(any(_same_word(s, w) for w in large) for s in small)


def mentioned(name: str, entities: list[Entity], text: str) -> bool:
    """True when ``name`` (or a variant of it) is among ``entities`` or written in ``text``."""
    if re.search(r"(?<!\w)" + re.escape(fold(name)) + r"(?!\w)", fold(text)):
        return True
    return any(same_entity(name, e.text) for e in entities)


def comparable(a: Entity, b: Entity) -> bool:
    """Same kind of entity: person/person, city/city, country/country, organisation/organisation
    (an acronym only with an acronym: "KPU" is not contradicted by "Elections Commission")."""
    if a.kind != b.kind or a.kind == "other":
        return False
    if a.kind == "place":
        return a.subtype == b.subtype or a.subtype is None or b.subtype is None
    if a.kind == "org":
        return _acronym(a.text) == _acronym(b.text)
    return True
