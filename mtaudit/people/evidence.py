"""Evidence for a person's gender, and the decision it supports.

A machine translation's own pronouns are the output being audited: an engine translating from a
language whose pronouns have no gender (Indonesian *dia*, *ia*, *-nya*) writes "he" by default, so
the article's pronouns say nothing about the person and are never counted.  Evidence comes from
outside that guess:

==========================  ======  =================================================================
source                      weight  example
==========================  ======  =================================================================
listed public figure        3       "Sri Mulyani" (``lexicons/<lang>/public_figures.tsv``: Indonesia's
                                    finance minister); the name, or two or more of its words, must match
honorific or gendered word  3       "Mrs Sri Mulyani", "Ibu Risma", "Pak Budi", "Queen Rania", "actress
before the name                     Karina Suwandi" in the article or the reference
gender-marking name words   3       "Ida Bagus Komang Ardika", "Ni Wayan Sari" (Balinese names;
                                    ``lexicons/<lang>/name_markers.tsv``)
gendered noun in apposition 3       "Wulan, a mother of two,", "the woman, Rina,", "X, the wife of Y";
or restating                        "This 30-year-old woman …" opening the sentence after one naming only her
pronoun in the reference    2       a pronoun in the (human-written) reference that resolves to exactly
                                    this person
first-name prior            2 or 1  the share of records of one gender for the person's first name in the
                                    ``names-dataset`` extract (``lexicons/<lang>/given_names.tsv``, then
                                    ``lexicons/en/given_names.tsv``); for a name the extract lacks, an
                                    ending that marks gender among the source country's names
                                    (``name_suffixes.tsv``: "-wati", "-nto"), or a listed first name of
                                    six letters or more that ends a compound name ("Kusastuty": Astuty;
                                    a one-word name only in an article the text shows was translated
                                    from that language)
==========================  ======  =================================================================

Gendered nouns that the source language does not mark ("brother" for *kakak*, "chairman" for
*ketua*: ``lexicons/<lang>/neutral_nouns.txt``) count only in the reference, never in the
translation.

**The decision** (:meth:`Person.decided_gender`).  The weights of the *strong* sources (everything
but the prior) decide when they lead by at least 2, or when they are unanimous; the prior then
does not count.  Without strong evidence, a prior decides alone only when it is near-unambiguous:
the name is recorded for one gender in at least :data:`PRIOR_DECIDES` of the dataset's records
(0.85; "Megawati" 98%, "Mulyani" 85%, "Budi" 92%), or it is a hand-curated entry, or its ending has
a purity of at least that share.  The threshold was set on the real tune split (86 annotated
pronoun errors): at 0.95, 0.90 and 0.85 no pronoun was flagged wrongly, and recall rose with each
step, because Indonesian names carry 5-15% of stray records of the other gender in the dataset.
A prior-only decision is reported as a warning, never an error, and is never used to flag a female
pronoun: engines write "she" only when the source gave them a reason, so a "she" is not overruled by
a first name alone.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from ..lexicon import NameMarker, NamePrior, PublicFigure

# A first name recorded for one gender in at least this share of the dataset's records decides alone
# (absent any other evidence).  Below it the prior only supports other evidence.
PRIOR_DECIDES = 0.85
# A one-word name counts with the English-language list only when its records are almost all of one gender.
MONONYM_SHARE = 0.97
# Below this share a first name is no evidence at all ("Kim": 80% female records, a Korean surname).
PRIOR_SUPPORTS = 0.8

HONORIFIC = 3.0
# A listed public figure is known the way an editor knows them: as sure as an honorific.
PUBLIC_FIGURE = 3.0
REFERENCE_PRONOUN = 2.0


@dataclass
class Evidence:
    gender: str
    weight: float
    description: str
    strong: bool = True  # False for the first-name prior


@dataclass
class Decision:
    gender: str | None
    strong: bool  # honorific, gendered noun or the reference support it, not only the first name
    prior_only: bool


@dataclass
class Person:
    id: int
    name: str  # the fullest form seen
    keys: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # "Risma" for "Tri Rismaharini (Risma)"

    def decided_gender(self) -> Decision:
        """The gender the evidence decides, if any (see the module docstring)."""
        strong = [e for e in self.evidence if e.strong]
        totals = {"male": 0.0, "female": 0.0}
        for item in strong:
            totals[item.gender] += item.weight
        if strong:
            winner = max(totals, key=totals.get)
            loser = "female" if winner == "male" else "male"
            if totals[loser] == 0 or totals[winner] - totals[loser] >= 2:
                return Decision(winner, True, False)
            return Decision(None, False, False)
        priors = [e for e in self.evidence if not e.strong]
        genders = {e.gender for e in priors}
        if len(genders) == 1 and any(e.weight >= 2 for e in priors):
            return Decision(genders.pop(), False, True)
        return Decision(None, False, False)


def lean(person: Person) -> str | None:
    """The gender all of a person's evidence leans to, weak priors included (None without evidence or
    on a tie): enough to *block* a flag, never to raise one."""
    totals = {"male": 0.0, "female": 0.0}
    for item in person.evidence:
        totals[item.gender] += item.weight
    if totals["male"] == totals["female"]:
        return None
    return max(totals, key=totals.get)


def prior_for(
    words: list[str],
    given_names: dict[str, NamePrior],
    suffixes,
    called: Collection[str] = (),
    embedded_in: dict[str, NamePrior] | None = None,
) -> tuple[str, NamePrior] | None:
    """(name word, prior) for a person's name: of the words the name lists know, the surest when they
    agree on the gender; when they disagree, the name the article calls the person by (``called``: the
    words it uses alone for them, "Lestari" for "Dwi Hendra Lestari") unless a sure first name opens the name,
    else the gender most of them give, else the first; without a listed word, the first word a
    gender-marking ending fits, else the first word a listed name of ``embedded_in`` ends
    (:func:`embedded_name`).
    East Asian names put the family name first, so a first word that is no given name ("Kim",
    "Shin") is skipped rather than trusted."""
    known = [
        (word, prior)
        for word in words
        if (prior := given_names.get(word.lower())) and (prior.share is None or prior.share >= PRIOR_SUPPORTS)
    ]
    if known:
        # Given names that agree add up: of "Sri Mulyani Indrawati" the surest word speaks for the name.
        if len({prior.gender for _, prior in known}) == 1:
            return max(known, key=lambda item: 1.0 if item[1].share is None else item[1].share)
        # Disagreeing words: an Indonesian goes by one of their names, and the article uses it alone; the
        # others may be a father's name or a word that is a name of either gender ("Hendra" beside "Lestari").
        # But a name that opens with a sure first name is in the Western order, and what the article uses
        # alone is the family name, which may be a first name elsewhere ("Hendra Christie": "Christie").
        by_call = [item for item in known if item[0] in called]
        western = known[0][0] == words[0] and words[0] not in called
        if by_call and not western and len({prior.gender for _, prior in by_call}) == 1:
            return max(by_call, key=lambda item: 1.0 if item[1].share is None else item[1].share)
        # Otherwise the gender most of them give, else the first.  A title-like word that opens a
        # name is outvoted by the given names after it ("Gusti Ayu Bintang Darmawati": a Balinese title, then
        # two women's names).
        votes = {gender: sum(1 for _, prior in known if prior.gender == gender) for gender in ("male", "female")}
        if votes["male"] != votes["female"]:
            majority = max(votes, key=votes.get)
            return next(item for item in known if item[1].gender == majority)
        return known[0]
    for word in words:
        lowered = word.lower()
        if len(lowered) < 5 or not lowered.isalpha() or lowered in given_names:
            continue
        for entry in suffixes:
            if lowered.endswith(entry.suffix):
                return word, NamePrior(entry.gender, entry.purity, f"ending -{entry.suffix}")
    for word in words if embedded_in else ():
        if (embedded := embedded_name(word, embedded_in)) is not None:
            return word, embedded
    return None


# Javanese and Sundanese names are often compounds that end in a first name ("Kusastuty": Astuty).  Of the
# names in the Indonesian extract recorded at least 90% one gender whose ending of six letters or more is another
# listed name (at least 95% one gender), that name gives the right gender for 95 of the 97 it calls women and
# 194 of the 198 it calls men (`python tools/embedded_names.py`); endings of four or five letters are right for
# only 87-91% of the women ("-diana" ends men's names in Sunda).
EMBEDDED_NAME_MIN_LETTERS = 6
EMBEDDED_NAME_MIN_SHARE = 0.95
EMBEDDED_NAME_ACCURACY = {"female": 0.979, "male": 0.98}


def embedded_name(
    word: str,
    given_names: dict[str, NamePrior],
    *,
    min_letters: int = EMBEDDED_NAME_MIN_LETTERS,
    min_share: float = EMBEDDED_NAME_MIN_SHARE,
) -> NamePrior | None:
    """The prior of the longest listed first name of ``min_letters`` or more, recorded at least ``min_share`` one
    gender, that ends ``word`` after at least two letters of its own."""
    lowered = word.lower()
    if not lowered.isalpha() or lowered in given_names:
        return None
    for cut in range(2, len(lowered) - min_letters + 1):
        ending = lowered[cut:]
        prior = given_names.get(ending)
        if prior is not None and prior.share is not None and prior.share >= min_share:
            source = f"ends in the first name {ending.capitalize()}"
            return NamePrior(prior.gender, EMBEDDED_NAME_ACCURACY[prior.gender], source)
    return None


def public_figure_evidence(figure: PublicFigure) -> Evidence:
    return Evidence(figure.gender, PUBLIC_FIGURE, f"{figure.name}, {figure.who} (public figures list, {figure.origin})")


def opening_marker(name: list[str], word_before: str, markers: Collection[NameMarker]) -> NameMarker | None:
    """The marker of gender that opens ``name`` ("Ida Bagus Komang Ardika"), of ``markers`` in their order (the pack
    keeps the longest first); a marker that opens with "I" or "Ni" also when ``word_before`` the name is that word
    ("Ni" before "Wayan Sari")."""
    for marker in markers:
        marked = marker.words.split()
        if len(name) > len(marked) and name[: len(marked)] == marked:
            return marker
        rest = marked[1:]
        if (
            marked[0] in ("I", "Ni")
            and word_before == marked[0]
            and len(name) > len(rest)
            and name[: len(rest)] == rest
        ):
            return marker
    return None


def word_before(text: str, start: int) -> str:
    """The word right before offset ``start``, across any run of spaces or one line break ("Ni\nWayan")."""
    before = re.search(r"(\S+)[ \t]*\n?[ \t]*$", text[max(0, start - 12) : start])
    if not before or before.end() - before.start() == len(before.group(1)):
        return ""  # no space: the name's own first characters
    return before.group(1).lstrip('("“‘')


def prior_evidence(word: str, prior: NamePrior) -> Evidence:
    decides = prior.share is None or prior.share >= PRIOR_DECIDES
    return Evidence(prior.gender, 2.0 if decides else 1.0, prior.describe(word), strong=False)
