"""People named in an article, their mentions, and the evidence for each person's gender.

Used by the pronoun check (MT003) and the reference check (MT006).  Three parts, each a documented
heuristic tuned for precision — the pronoun check must never flag on weak evidence:

- :mod:`.mentions` finds people and their mentions (names with a cue, initials, unnamed roles);
- :mod:`.evidence` weighs what says whether a person is a man or a woman — never the translation's
  own pronouns, which are the output being audited;
- :mod:`.resolver` decides which person a pronoun means, including the speaker of an attributed
  quotation (`"…," he said`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..language import ASSUMED
from ..lexicon import NameMarker, PublicFigure, SourcePack
from .evidence import (
    HONORIFIC,
    MONONYM_SHARE,
    REFERENCE_PRONOUN,
    Decision,
    Evidence,
    Person,
    lean,
    opening_marker,
    prior_evidence,
    prior_for,
    public_figure_evidence,
    word_before,
)
from .mentions import _POSSESSIVE_END, Finder, Mention, zipf_en
from .resolver import (
    PRONOUN_RE,
    PRONOUNS,
    antecedents,
    is_attribution,
    possible_speakers,
    previous_subject,
    pronouns_in,
    quotations,
    quoted_topic,
    speaker,
    unique_person,
)

__all__ = [
    "PRONOUNS",
    "PRONOUN_RE",
    "Decision",
    "Evidence",
    "Mention",
    "People",
    "Person",
    "antecedents",
    "build_people",
    "describe",
    "is_attribution",
    "lean",
    "previous_subject",
    "pronouns_in",
    "quotations",
    "quoted_topic",
    "possible_speakers",
    "speaker",
    "zipf_en",
]


@dataclass
class People:
    persons: list[Person]
    candidate_mentions: dict[int, list[Mention]]  # by candidate sentence index
    reference_mentions: dict[int, list[Mention]]

    def person(self, pid: int) -> Person:
        return self.persons[pid]


def build_people(ctx) -> People:
    english = ctx.english
    honorifics = dict(english.honorifics)
    for entry in ctx.pack.honorifics:
        if not entry.unless:  # "Kang" may be a Korean surname in any article: no evidence of gender
            honorifics[entry.word.lower().rstrip(".")] = entry.gender
    persons: list[Person] = []
    # The source language's names first ("Bambang"), then names common in English-language news.
    given_names = ctx.given_names
    finder = Finder(
        persons,
        honorifics,
        english.titles,
        english.gendered_nouns,
        given_names,
        ctx.pack.neutral_nouns,
        frozenset(_figures_by_name(ctx.pack)),
        ctx.pack,
    )
    reference_mentions: dict[int, list[Mention]] = {}
    if ctx.reference:
        sentences = ctx.reference.audited_sentences
        reference_mentions = finder.find(
            ctx.reference.text, sentences, register=True, where="reference", translated=False
        )
        _reference_pronouns(ctx.reference.text, sentences, reference_mentions, persons)
    finder.last_seen.clear()
    # Bylines and captions are no part of the story: "By Maria Santos" is nobody a pronoun in it means.
    story = [s for s in ctx.candidate.audited_sentences if s.index not in ctx.furniture]
    candidate_mentions = finder.find(ctx.candidate.text, story, register=True, where="article", translated=True)
    mononym_names: dict | None = None  # built at most once per article: it filters every given name
    translated = not ctx.candidate.source_lang_evidence.endswith(ASSUMED)
    called = _called_by(
        persons, ((ctx.candidate.text, candidate_mentions), (ctx.reference and ctx.reference.text, reference_mentions))
    )
    for person in persons:
        figure = public_figure(person, ctx.pack)
        if figure is not None:
            person.evidence.append(public_figure_evidence(figure))
        marker = name_marker(person, ctx.pack, ((ctx.candidate.text, candidate_mentions),))
        if marker is not None:
            person.evidence.append(
                Evidence(marker.gender, HONORIFIC, f'"{marker.words}" opens the name ({marker.origin})')
            )
        if mononym_names is None and len(person.name.split()) == 1:
            mononym_names = _mononym_names(given_names, ctx.pack)
        _add_prior(
            person,
            given_names,
            ctx.pack,
            mononym_names,
            translated=translated,
            called=called[person.id],
        )
    return People(persons, candidate_mentions, reference_mentions)


def _called_by(persons: list[Person], documents) -> dict[int, set[str]]:
    """The words each person's longer name is used alone for ("Lestari said" for "Dwi Hendra Lestari"): the name an
    Indonesian goes by, or a family name ("Christie" for "Hendra Christie": see :func:`.evidence.prior_for`)."""
    called: dict[int, set[str]] = {person.id: set() for person in persons}
    for text, mentions in documents:
        for found in mentions.values():
            for mention in found:
                if mention.person is None or mention.role:
                    continue
                words = text[mention.start : mention.end].split()
                if len(words) == 1 and len(persons[mention.person].name.split()) > 1:
                    called[mention.person].add(_POSSESSIVE_END.sub("", words[0]))
    return called


@cache
def _figures_by_name(pack: SourcePack) -> dict[str, PublicFigure]:
    return {name: figure for figure in pack.public_figures for name in figure.names}


def public_figure(person: Person, pack: SourcePack) -> PublicFigure | None:
    """The listed public figure a person is, if any: a listed name is the person's fullest name or one
    of its aliases, or a run of two or more of its words ("Sri Mulyani" in "Sri Mulyani Indrawati"), or the
    person's name of three or more words is a run of a listed name's words.
    A one-word listed name must be the whole name: "Acha" is Acha Septriasa, "Acha Saputra" is not."""
    figures = _figures_by_name(pack)
    if not figures:
        return None
    for name in (person.name, *person.aliases):
        if name in figures:
            return figures[name]
        words = name.split()
        for size in range(len(words) - 1, 1, -1):
            for start in range(len(words) - size + 1):
                if (figure := figures.get(" ".join(words[start : start + size]))) is not None:
                    return figure
        if len(words) >= 3:
            # "Gusti Ayu Bintang Darmawati" for the listed "I Gusti Ayu Bintang Darmawati": three or more words
            # of a listed name, in its order, name nobody else.
            for listed, figure in figures.items():
                if f" {name} " in f" {listed} ":
                    return figure
    return None


def name_marker(
    person: Person, pack: SourcePack, documents: tuple[tuple[str, dict[int, list[Mention]]], ...]
) -> NameMarker | None:
    """The marker of gender that opens the person's name ("Ida Bagus Komang Ardika": a man), if any; a marker
    that opens with "I" or "Ni" also when a mention of the name in ``documents`` ((text, mentions) pairs) has that
    word right before it ("Ni" kept out of "Ni Wayan Sari"'s name)."""
    words = person.name.split()
    found = opening_marker(words, "", pack.name_markers)
    mentions = (
        (text, mention)
        for text, by_sentence in documents
        if text
        for in_sentence in by_sentence.values()
        for mention in in_sentence
        if mention.person == person.id
    )
    for text, mention in mentions:
        if found is not None:
            break
        found = opening_marker(words, word_before(text, mention.start), pack.name_markers)
    return found


def _mononym_names(given_names: dict, pack) -> dict:
    """The names a one-word name is looked up in.  One word may be a family name ("Shoigu said"): the
    source language's list, or a name English records almost only for one gender ("Jennie", "Danielle"),
    which no surname is."""
    english_only = {k: v for k, v in given_names.items() if v.share is not None and v.share >= MONONYM_SHARE}
    return {**english_only, **pack.given_names}


def _add_prior(
    person: Person,
    given_names: dict,
    pack,
    mononym_names: dict | None = None,
    *,
    translated: bool = False,
    called: set[str] = frozenset(),
) -> None:
    """The first-name prior, from the fullest name seen (and aliases such as "Risma").  A one-word name
    may be a family name ("Shoigu said"), so it counts only when the source language lists it
    (``mononym_names``: :func:`_mononym_names`, computed here when not given)."""
    words = person.name.split()
    if len(words) > 1:
        found = prior_for(words, given_names, pack.name_suffixes, called, embedded_in=given_names)
    else:
        names = mononym_names if mononym_names is not None else _mononym_names(given_names, pack)
        found = prior_for(words, names, ())
        if found is None and translated and words[0].lower() not in given_names:
            # Many Indonesians have one name ("Vionita"): in an article the text shows was translated from the
            # source language, an ending its names share tells as much alone as in a longer name.  Elsewhere one
            # word is as likely a family name ("Emir Monti" in a Malaysian paper).
            found = prior_for(words, {}, pack.name_suffixes, embedded_in=given_names)
    for alias in person.aliases:
        found = found or prior_for([alias], pack.given_names, ())
    # A neighbouring country's first names (pack.toml ``names_from``) when the lists above know none; the
    # first word only: a later one may be a father's name ("Siti Aminah Johar") or a Korean given name's
    # syllable ("Kim Keon Hee").
    found = found or prior_for(words[:1], pack.neighbour_names, ())
    if found:
        person.evidence.append(prior_evidence(*found))


def _reference_pronouns(text, sentences, mentions, persons) -> None:
    """Pronouns in the human-written reference that resolve to exactly one person are evidence."""
    quotes = quotations(text)
    by_index = {s.index: s for s in sentences}
    for sentence in sentences:
        for match in pronouns_in(text, sentence):
            if is_attribution(text, sentence, match, quotes):
                said = speaker(text, by_index, mentions, sentence.index, match.start(), quotes)
                pid = said.person if said else None
            else:
                pid = unique_person(antecedents(mentions, sentence.index, match.start(), quotes))
            if pid is None:
                continue
            gender = PRONOUNS[match.group().lower()]
            persons[pid].evidence.append(
                Evidence(gender, REFERENCE_PRONOUN, f"pronoun in the reference at {match.start()}")
            )


def describe(person: Person) -> str:
    """Readable evidence: '"Mr Kim" in the reference (male, 4x); pronouns in the reference (male 2x)'."""
    groups: dict[str, dict[str, int]] = {}
    for item in person.evidence:
        label = item.description
        if label.startswith("pronoun in the "):
            label = "pronouns in the " + label.split(" ")[3]
        groups.setdefault(label, {}).setdefault(item.gender, 0)
        groups[label][item.gender] += 1
    parts = []
    for label, genders in groups.items():
        parts.append(label + " (" + ", ".join(f"{g} {n}x" if n > 1 else g for g, n in genders.items()) + ")")
    return "; ".join(parts) or "no evidence"
