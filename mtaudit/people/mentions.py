"""Finding people and their mentions in one document.

A run of capitalised words is a person when a cue says so: an honorific before it ("Mr", "Mrs",
or a source-language one such as Indonesian "Pak"/"Bu"), a job title before it ("Defence Minister
Sergei Shoigu", "analyst Ankit Panda"), a speech verb next to it ("Lukin said", "said Ankit
Panda", "according to Lukin"), or a known first name at its start.  Words that name organisations
or places ("Party", "University", "Korea") disqualify a run.  Later mentions of any single word of a
known person's name ("Shoigu", "Kim") refer to that person — to the most recently mentioned one when
two people share a word.  Crime reports name people by their initials ("a woman with the initials
RN", "RN (25)"); those are people too.

A capitalised title after "the" ("the Minister of Finance said") is a mention of the one person named
with that title earlier ("Minister of Finance (Menkeu) Sri Mulyani"), a *role* mention: it can make
that person a quotation's speaker, but never competes with the names around it.

Each mention records whether the person *speaks* there (the speech verb cue), which the resolver
uses to attribute a "…," he said to the quotation's speaker; an unnamed speaker ("the regent said")
is a mention of nobody in particular, so that it is never skipped over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..entities import countries, fold, organisation_words
from ..language import zipf
from .evidence import HONORIFIC, PRIOR_DECIDES, Evidence, Person, lean, opening_marker, word_before

_NAME_SEQUENCE = re.compile(r"[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|(?:bin|binti|al|van|de|der|von|da)\b))*")
# The words of an office's name before a capitalised run: "Ministry of Environment and ", "Minister for ".
_OFFICE_BEFORE = re.compile(r"\b([A-Z][\w'’-]*)\s+(?:of|for)\s+(?:(?:[A-Z][\w'’-]*|and|&)\s+)*$")
_NON_PERSON = set(
    """party university council ministry agency news media union republic army endowment committee commission
    court bank company group association institute international federation times post daily korea china russia
    indonesia america states kingdom office department police force forces navy government parliament house
    assembly corporation foundation center centre school hospital airport street city province regency island
    islands sea ocean river mount war day week month year monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december reuters kcna afp ap bbc
    cnn antara xinhua tass yonhap the a an in on at for but and it this that photos images east west north south
    federal national global world politburo communist palace embassy summit program programme exhibition museum
    affairs java sumatra kalimantan sulawesi papua bali jakarta regional district election elections
    hills hill park square tower building bridge station market mall beach lake bay valley heights gardens cemetery
    stadium plaza road avenue village harbour harbor port terminal hotel resort cinema theatre theater
    youtube instagram tiktok twitter facebook whatsapp telegram channel account""".split()
)
SPEECH = (
    r"(?:said|says|told|added|explained|stated|stressed|noted|asked|argued|warned|wrote|revealed|claimed|continued|"
    r"concluded|emphasi[sz]ed|asserted|admitted|insisted|replied|answered|remarked|shouted|urged|conveyed|"
    r"reminded|mentioned|assessed|assured|appealed|acknowledged|confirmed|announced|expressed|hoped|suggested|"
    r"highlighted|called|firmly said)"
)
_PREPOSITION_END = re.compile(r"\b(?:from|in|at|to|of|on|near|for|with|by|into|across)\s+$", re.IGNORECASE)
# A determiner or possessive up to two words before a role noun: "the regent", "her Chinese counterpart".
_DETERMINED = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|\w+['’]s)\s+(?:[A-Za-z][\w'’-]*\s+){0,2}$")
# What may stand before a sentence's first word: quotation marks, a bracket, a dateline ("JAKARTA - ").
_DATELINE_PREFIX = r"(?:[A-Z][A-Z .,]+\s[-–—]\s*)?"
_SENTENCE_OPENING = re.compile(r"[\s\"“‘(]*" + _DATELINE_PREFIX)
# A word this common in the source language (Zipf scale; "anak", child: 5.6) is an ordinary word there.
ORDINARY_SOURCE_ZIPF = 4.0
_PARTICLES = {"bin", "binti", "al", "van", "de", "der", "von", "da"}
_INITIALS = re.compile(
    r"\binitials?,?\s+([A-Z]{1,4}(?:\.[A-Z]){0,3})\b|\b([A-Z]{2,4})\s+\(\d{1,2}\)"
)  # "with the initials RN", "RN (25)"
_CAPITALS = re.compile(r"\b[A-Z]{2,4}\b")


def _abbreviates(capitals: str, name: list[str]) -> bool:
    """Whether ``capitals`` are the name's initials: its first letter opens a word of the name and the rest follow
    in order ("SMI" for "Sri Mulyani Indrawati", "KD" for "Krisdayanti")."""
    letters = "".join(name).upper()
    if not any(word[:1].upper() == capitals[0] for word in name):
        return False
    position = letters.find(capitals[0])
    for letter in capitals[1:]:
        position = letters.find(letter, position + 1)
        if position < 0:
            return False
    return True


_ACCORDING = re.compile(r"\b[Aa]ccording to\s+$")
_RELATIVE_OPEN = re.compile(r",\s+(?:who|whose|whom|which)\b[^,]*$")
# A title phrase right before a name, maybe with the source abbreviation between:
# "Minister of Finance (Menkeu) Sri Mulyani", "Central Java Governor Ganjar", "The Minister of Women's
# Empowerment (Minister of PPPA), I Gusti Ayu …" (a Balinese name's leading "I"/"Ni" stays out of the name).
_TITLE_WORD = r"[A-Z][a-z]+(?:['’]s)?"
_TITLE_BEFORE = re.compile(
    rf"((?:{_TITLE_WORD}\s+){{0,2}}{_TITLE_WORD}(?:\s+(?:of|for)\s+(?:the\s+)?{_TITLE_WORD}"
    rf"(?:\s+(?:and\s+)?{_TITLE_WORD}){{0,3}})?)"
    r"\s*(?:\(([^()]{1,30})\)\s*)?,?\s*(?:(?:I|Ni)\s+)?$"
)
# "the Minister of Finance", "The Finance Minister": a capitalised title after "the".
# "the Minister of PPPA": the office may be named by its abbreviation.
_QUALIFIER_WORD = r"(?:[A-Z][a-z]+(?:['’]s)?|[A-Z]{2,}\b)"
# A capitalised title and its portfolio: "Minister of Finance", "Coordinating Minister for Maritime Affairs".
_ROLE = (
    rf"(?P<role>(?:[A-Z][a-z]+\s+){{0,2}}[A-Z][a-z]+(?:\s+(?:of|for)\s+(?:the\s+)?{_QUALIFIER_WORD}"
    rf"(?:\s+(?:and\s+)?{_QUALIFIER_WORD}){{0,3}})?)"
)
_CAPITALISED_ROLE = re.compile(rf"\b[Tt]he\s+{_ROLE}")
# The same title opening a sentence without its article, as machine translation leaves it.
_BARE_OPENING_ROLE = re.compile(r"[\s\"“]*" + _DATELINE_PREFIX + _ROLE)
# The office a lower-case title heads, between the title and its holder's name: " of the Legal Aid Institute (LBH)
# Makassar ".
_OFFICE_BEFORE_NAME = re.compile(
    r"\s+(?:of|for|at)\s+(?:the\s+)?(?:(?:[A-Z][\w'’&.-]*|\([^()]{1,30}\)|of|for|and|the)\s+){1,14}"
)
# What may stand between a title and the name mention it belongs to: nothing, or an honorific ("Ibu", "Dr.").
_HONORIFIC_GAP = re.compile(r"(?:[A-Z][a-z]{0,5}\.?\s+)?")
# A title set before the name it belongs to: "The Minister of Finance (Menkeu), Sri Mulyani"; after the
# abbreviation no comma is needed ("The Minister of Women's Empowerment (PPPA) Bintang Puspayoga").
_NAME_IN_APPOSITION = re.compile(r"\s*(?:\([^()]{1,40}\)\s*,?|,)\s*(?:(?:I|Ni)\s+)?(?=[A-Z])")
# A nickname introduced as such: "Kiki, as she is familiarly called,".
_NICKNAME_AFTER = re.compile(
    r",\s+as\s+(?:he|she)\s+is\s+(?:\w+ly\s+)?(?:called|known|nicknamed|addressed)\b", re.IGNORECASE
)
# A nickname introduced before it: "Ratna Dewi Lestari, who is familiarly called Tiwi", "The actress, who is
# familiarly called Nenk,", "the woman who is familiarly called Sisi", "Ratna Dewi Lestari, better known as Dewi".
_NICKNAME_BEFORE = re.compile(
    r"(?:\bwho\s+is\s+(?:\w+ly\s+)?(?:called|known\s+as|nicknamed|greeted)|,\s+(?:better|also)\s+known\s+as)\s+$",
    re.IGNORECASE,
)
_NOUN_BEFORE_CLAUSE = re.compile(r"\b[Tt]he\s+([a-z]+),?\s+$")
# Anybody at all: "if a person is happy …, he will not interfere" speaks of no one named.
_GENERIC_PERSON = re.compile(
    r"\b(?:[Aa] person|[Ss]omeone|[Ss]omebody|[Aa]nyone|[Aa]nybody|[Ee]veryone|[Ee]verybody|[Nn]o one|[Nn]obody|"
    r"[Ww]hoever|[Ee]ach person|[Ee]very person)\b"
)
_COPULA_BEFORE = re.compile(r"\b(?:is|was|are|were|be|been|being|as|become|became|remains?)\s+$", re.IGNORECASE)
# Before a role noun that opens its sentence: a dateline, "The", and up to five modifiers ("The Central Java
# electoral district legislator").
# "The singer …", and after a fronted phrase, "Through her new single, the singer …": the sentence's subject.
_OPENING_ROLE = re.compile(
    r"[\s\"“]*" + _DATELINE_PREFIX + r"(?:(?:The|[A-Z][^,.;:\"“”]{0,60},\s+the)\s+(?:[\w'’-]+\s+){0,5})"
)
# "This 30-year-old woman", "The 24-year-old actress", "This pop singer" before a gendered noun, opening a sentence.
_RESTATING_NOUN_PHRASE = re.compile(
    r"[\s\"“]*" + _DATELINE_PREFIX + r"(?P<phrase>This\s+(?:\d+-year-old\s+)?|The\s+\d+-year-old\s+)"
)
_ROLE_FILLERS = {"the", "of", "for", "and"}
# Titles too general to stand for anyone: "the head of the village", "a member of the board".
_VAGUE_TITLES = ("head", "member")
_LOCATIVE_END = re.compile(r"\b(?:in|at|on|from|near|into|across|along)\s+$", re.IGNORECASE)
# Speech-verb cues, compiled once (they are tried at every capitalised run and role noun).
# "Sri Andari on that occasion said", "Budi, when met by reporters, said": an occasion between name and verb.
_OCCASION = (
    r"(?:(?:on|at|in)\s+(?:that|the|this)\s+(?:same\s+)?(?:occasion|opportunity|event|moment)"
    r"|when\s+(?:met|confirmed|contacted|asked|interviewed)(?:\s+by\s+(?:reporters|journalists|the\s+media))?"
    r"|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s+"
)
_SPEAKS_AFTER_NAME = re.compile(
    rf"\s*(?:,[^,.;\"“”]{{1,70}},|\(.*?\)|,)?\s*(?:also\s+|later\s+|then\s+|{_OCCASION})?{SPEECH}\b"
)
_SPEAKS_AFTER_INITIALS = re.compile(rf"\s*(?:\(\d+\))?,?\s*(?:also\s+)?{SPEECH}\b")
_SPEAKS_AFTER_NOUN = re.compile(rf"\s*(?:also\s+)?{SPEECH}\b")
_SPEECH_BEFORE = re.compile(rf"\b{SPEECH}\s+$")
# '"…," said Head of the Family Welfare Team for West Pasaman Regency, Titi Hamsuardi': the speaker's title first.
TITLE_RUN = r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|for|the|and|in|on|&))*"
_SPEECH_TITLE_BEFORE = re.compile(rf"\b{SPEECH}\s+{TITLE_RUN},\s+$")
# '"…," said Minister of Women's Empowerment and Child Protection Bintang …': the title run straight into the name.
_SPEECH_TITLE_JOINED = re.compile(
    rf"\b{SPEECH}\s+(?:the\s+)?(?P<first>[A-Z][\w'’-]*)(?:\s+(?:[A-Z][\w'’-]*|of|for|the|and|in|on|&))*\s+$"
)
# "Pramono told Putri that …": after these verbs a name is the one spoken to, unless the verb follows its
# quotation ('"Why?" asked Budi').
_TO_LISTENER = re.compile(r"\b(?:told|asked|reminded|urged|warned|assured|called)\s+$")
_AFTER_QUOTATION = re.compile(r"[,.!?][\"”’']\s*\w+\s+$")
_POSSESSIVE_END = re.compile(r"['’]s$")
_CONTRACTION = re.compile(r"^[A-Za-z]+['’](?:ve|m|re|ll|d|t)$")
_WORD = re.compile(r"\S+")
_LOWERCASE_CUE = re.compile(r"\b([a-z][a-z\-]+)\s+$")


@dataclass
class Mention:
    person: int | None  # None for a gendered common noun or somebody unnamed
    gender: str | None  # fixed gender for common nouns ("his wife")
    start: int
    end: int
    sentence: int
    speaker: bool = False  # the mention is the subject of a speech verb ("Lukin said")
    role: bool = False  # a title standing for a person named with it earlier ("the Minister of Finance")


class Finder:
    """Finds people and mentions in one document, sharing the person registry across documents."""

    def __init__(
        self,
        persons: list[Person],
        honorifics: dict[str, str],
        titles: dict[str, bool],
        gendered: dict[str, str],
        given_names: dict,
        neutral_nouns: set[str] = frozenset(),
        public_names: frozenset[str] = frozenset(),
        source_pack=None,
    ):
        self.persons = persons
        # The source language: "Perlindungan Anak" (child protection) in an untranslated sentence is an office's
        # name, though the names dataset holds a record of "Perlindungan" as a first name.
        self.source_pack = source_pack
        # The source's one-word abbreviations ("Polda", "Ditreskrimsus", "Kalbar"): the office before a name in
        # "personnel from the Ditreskrimsus Polda Kalbar Rina Novianti", never part of the name.
        self.source_abbreviations = (
            frozenset(a.acronym for a in source_pack.acronyms if " " not in a.acronym and not a.acronym.isupper())
            if source_pack is not None
            else frozenset()
        )
        # Names of listed public figures ("Greysia Polii"): a person however the article introduces them.
        self.public_names = public_names
        self.given_names = given_names
        self.honorifics = honorifics
        self.titles = titles
        self.gendered = gendered
        self.neutral_nouns = neutral_nouns
        self.last_seen: dict[int, int] = {}
        # Title words written with a person's name ("Minister of Finance (Menkeu) Sri Mulyani"): a later
        # "the Minister of Finance said" names that person when the title fits nobody else.
        self.role_words: dict[int, set[str]] = {}

    def _is_cue_word(self, word: str) -> bool:
        lowered = word.lower().rstrip(".").split("-")[0]  # "President-elect" is a title too
        # Inside a capitalised run only honorifics and formal titles ("Queen", "Governor") are cues: a
        # capitalised "Son" or "Child" is part of a name ("Child Protection").
        return lowered in self.honorifics or self.titles.get(lowered, False)

    def _split(self, words: list[str], initial: bool = False) -> tuple[list[str], list[str]]:
        """(title/honorific prefix, name) of a capitalised run.  ``initial``: the run opens its sentence, so
        its first word may be a lower-case title capitalised by its position ("Soloist Maira Muthma")."""
        last_cue = -1
        for i, word in enumerate(words):
            opening_title = initial and i == 0 and len(words) > 1 and word.lower() in self.titles
            if not (self._is_cue_word(word) or opening_title):
                continue
            # "Julie Bishop", "Bishop said": a title word that ends a run after a first name, or
            # that is already known as someone's name, is the name itself.
            known = any(word in p.keys for p in self.persons)
            if known or (i == len(words) - 1 and i > 0 and words[i - 1].lower() in self.given_names):
                continue
            last_cue = i
        return words[: last_cue + 1], words[last_cue + 1 :]

    def _lookup(self, key: str) -> int | None:
        owners = [p.id for p in self.persons if key in p.keys]
        if not owners:
            return None
        return max(owners, key=lambda pid: self.last_seen.get(pid, -1))

    def find(self, text: str, sentences, *, register: bool, where: str, translated: bool) -> dict[int, list[Mention]]:
        """Mentions by sentence index.  ``translated`` marks the MT article, where gendered nouns that the
        source language does not mark are no evidence."""
        from .resolver import quotations  # the resolver builds on this module

        quotes = quotations(text)
        mentions: dict[int, list[Mention]] = {}
        topic: Mention | None = None  # the person named first, outside quotations, in the last sentence naming anyone
        sole_topic = False
        for sentence in sentences:
            found: list[Mention] = []
            found += self._initials(text, sentence, register=register, where=where)
            taken = [(m.start, m.end) for m in found]
            for match in _NAME_SEQUENCE.finditer(text, sentence.start, sentence.end):
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue
                mention = self._name_mention(text, sentence, match, register=register, where=where)
                if mention:
                    found.append(mention)
            found += self._role_mentions(text, sentence, [(m.start, m.end) for m in found])
            names = {m.start for m in found if m.person is not None}
            found += self._noun_mentions(
                text, sentence, translated, topic, names, where, sole_topic, {m.start for m in found}
            )
            found += [
                Mention(None, None, m.start(), m.end(), sentence.index)
                for m in _GENERIC_PERSON.finditer(text, sentence.start, sentence.end)
                # "Dina is a person who likes to be alone": a description of someone named, not anybody
                if not _COPULA_BEFORE.search(text, max(sentence.start, m.start() - 12), m.start())
            ]
            for mention in found:
                surface = text[mention.start : mention.end]
                if (
                    topic is not None
                    and mention.gender is None
                    and mention.person != topic.person
                    and (mention.person is None or self.persons[mention.person].name == surface)
                    and _NICKNAME_AFTER.match(text, mention.end)
                ):
                    # "Friderica Widyasari Dewi said … However, Kiki, as he is familiarly called, said": the
                    # person the sentence before named goes by this name.
                    mention.person = topic.person
                    self.persons[topic.person].keys.add(surface.split()[0])
            for mention in found:
                self._nickname_introduced(text, sentence, mention, found, topic, where)
            mentions[sentence.index] = sorted(found, key=lambda m: m.start)
            outside = [m for m in mentions[sentence.index] if not any(s <= m.start < e for s, e in quotes)]
            if outside:
                topic = outside[0] if outside[0].person is not None else None
                # Nobody else named or spoken of beside the topic: a noun restating someone means them.
                sole_topic = topic is not None and all(m.person == topic.person for m in outside)
        # "Rossa admitted …" before "said Rossa": a bare name read before anyone with a cue registered it
        # is that person once they are known.
        for found in mentions.values():
            for mention in found:
                if mention.person is None and mention.gender is None and not mention.role:
                    words = text[mention.start : mention.end].split()
                    if words and words[0][:1].isupper():
                        mention.person = self._resolve(words, commit=False)
        return mentions

    def _name_mention(self, text: str, sentence, match: re.Match, *, register: bool, where: str) -> Mention | None:
        words = match.group().split()
        # Strip a possessive so "Shoigu's" is "Shoigu".
        words[-1] = _POSSESSIVE_END.sub("", words[-1])
        opens = bool(_SENTENCE_OPENING.fullmatch(text, sentence.start, match.start()))
        prefix, name = self._split(words, initial=opens)
        of = next((i for i, w in enumerate(name) if w.lower() in ("of", "for")), None)
        org_head = of is not None and of > 0 and name[of - 1].lower() in organisation_words()
        titled_office = False  # a known first name follows "Secretary of …": the holder of that office
        office = _OFFICE_BEFORE.search(text, max(0, match.start() - 80), match.start())
        if office and (office.group(1).lower() in organisation_words() or self.titles.get(office.group(1).lower())):
            org_head = True  # "the Ministry of Environment and Forestry": "Forestry" ends an office's name
        if (prefix and name and name[0].lower() in ("of", "for")) or org_head:
            # "Minister of Environment and Forestry", "the Ministry of Environment and Forestry noted": a title's
            # portfolio or an office's name, not a person, unless a known first name follows ("Minister of
            # Finance Sri Mulyani").
            first = next(
                (
                    i
                    for i, w in enumerate(name)
                    if w.lower() in self.given_names or " ".join(name[i:]) in self.public_names
                ),
                None,
            )
            if first is None:
                return None
            name = name[first:]
            # "Secretary of …" is a title; "University of Sydney" an organisation, whose name may end in a name.
            titled_office = bool(office and self.titles.get(office.group(1).lower()))
        name = self._strip_leading(name)
        if not name or all(w.isupper() and len(w) > 1 for w in name):
            return None  # acronyms ("DPP", "PDI-P") name organisations, not people
        if len(name) > 1 and len(name[-1]) >= 3 and name[-1].isupper() and name[-1].isalpha():
            return None  # "Belitung DPRD": a place's council, not a person
        if any(_CONTRACTION.match(w) for w in name):
            return None  # "a child, I've never married": a contraction is nobody's name
        if all(w.lower() in self.titles for w in name):
            return None  # "said Chief Executive of the …": a title whose holder is named later
        at_start = match.start() == sentence.start or not text[sentence.start : match.start()].strip(' "“‘(')
        if at_start and not prefix and len(name) == 1 and name[0].lower() in _NON_PERSON | {"he", "she"}:
            return None
        # Offsets from word positions, not a text search: "Budi Budiman" must not match "Budi" twice.
        word_starts = [match.start() + w.start() for w in _WORD.finditer(match.group())]
        name_start, name_end = _name_span(word_starts, name)
        before = text[max(0, match.start() - 40) : match.start()]
        lowercase_cue = _LOWERCASE_CUE.search(before)
        if lowercase_cue and lowercase_cue.group(1) not in self.titles and lowercase_cue.group(1) not in self.gendered:
            lowercase_cue = None
        apposition = self._apposition(text, match.start(), match.end())
        # "who is familiarly called Nenk": a name introduced as someone's is a person's, whatever the name lists say.
        introduced = _NICKNAME_BEFORE.search(before) is not None
        # "Ida Bagus Oka", "Ni Made Sukarni": a name that carries its bearer's gender is a person's, though "Made"
        # is an English word too.
        has_cue = bool(prefix) or lowercase_cue is not None or apposition is not None or introduced
        if not has_cue and self.source_pack is not None:
            has_cue = opening_marker(name, word_before(text, name_start), self.source_pack.name_markers) is not None
        if not has_cue and len(name) == 1 and fold(name[0]) in countries():
            return None  # "Retno said Israel had violated …": a country, though "Israel" is a given name too
        after = text[match.end() : match.end() + 90]
        spoken_to = _TO_LISTENER.search(before) and not _AFTER_QUOTATION.search(before)
        speaks = bool(
            _SPEAKS_AFTER_NAME.match(after)
            or (_SPEECH_BEFORE.search(before) and not spoken_to)
            or _SPEECH_TITLE_BEFORE.search(text, max(sentence.start, match.start() - 160), match.start())
            or (
                # only a name that starts with a first name: "said Chief Executive of the Behavior Supervisory" has
                # run its title on without one
                (name[0].lower() in self.given_names or " ".join(name) in self.public_names)
                and self._titled_after_speech(text, max(sentence.start, match.start() - 160), match.start())
            )
            or _ACCORDING.search(before)
        )
        if speaks and _PREPOSITION_END.search(before) and not _ACCORDING.search(before) and not titled_office:
            # "from Lamongan, East Java, said": a place, not the speaker; but "Secretary of Jayapura Regency Rina
            # Wulandari said" names the office's holder after its place.
            speaks = False
        if speaks and _RELATIVE_OPEN.search(text, sentence.start, match.start()):
            speaks = False  # "Rina, who is paired with Dedi, said": the clause's subject speaks
        known = self._resolve(name, commit=False) is not None
        if not has_cue and not speaks and not known and self._ordinary_source_words(name, sentence.text):
            return None
        if speaks and not has_cue and not known and len(name) == 1 and zipf_en(name[0]) >= 4.0:
            if name[0].lower() not in self.given_names:
                return None  # "Election", "Until": a common word at a sentence's start, not a speaker
        if not has_cue and not speaks and not known and _LOCATIVE_END.search(before):
            return None  # "on Jalan Teuku Umar", "in Bidara Cina": a place named after someone
        if not has_cue and not speaks and not known:
            trimmed = name if " ".join(name) in self.public_names else _trim_to_first_name(name, self.given_names)
            if not trimmed:
                # A name-like run nobody is known by ("Nguyen Thi Lan"): a person of unknown
                # gender as far as pronouns go, so they cannot be pinned on someone else.
                subject_like = (
                    len(name) == 1
                    and zipf_en(name[0]) < 3.5
                    and re.match(r"\s+[a-z]+(?:ed|s)\b", text[match.end() : match.end() + 20])
                )
                name_like = _name_like(name) and (
                    not at_start or re.match(r"\s+(?:also\s+)?[a-z]", text[match.end() : match.end() + 12])
                )
                # "Megawati warned Jokowi against breaking his promises": a first name alone in mid-sentence is
                # someone, though nothing says who, and "his" may mean him.  Only a name sure of its gender: many
                # listed names are words too ("Dara", a maiden), and a sure one says which pronouns could mean it.
                prior = self.given_names.get(name[0].lower()) if len(name) == 1 else None
                first_name_alone = (
                    prior is not None
                    and (prior.share is None or prior.share >= PRIOR_DECIDES)
                    and not at_start
                    and zipf_en(name[0]) < 3.5
                )
                # After a preposition too ("worthy of Syaikhona Kholil, … he"): such a mention only ever
                # blocks a flag, so counting a place by mistake costs nothing.
                # "J. Latuheru": a surname after an initial is somebody too.
                initialled = len(name) == 1 and zipf_en(name[0]) < 3.5 and re.search(r"(?:^|\s)[A-Z]\.\s*$", before)
                if (
                    name_like
                    or first_name_alone
                    or initialled
                    or (subject_like and not _PREPOSITION_END.search(before))
                ):
                    # "Marcos accepted …": an unknown subject may be the person a pronoun means.
                    gender = prior.gender if first_name_alone else None
                    return Mention(None, gender, name_start, name_end, sentence.index)
                return None
            name = trimmed
            has_cue = True  # a known first name followed by a surname is a person
            name_start, name_end = _name_span(word_starts, name)
        if any(w.lower().strip("'’") in _NON_PERSON for w in name):
            # "said Public Relations BPBD Sukabumi Regency Sandra Fitria": the person's name follows the last
            # word of the office's name when it starts with a known first name.
            last = max(i for i, w in enumerate(name) if w.lower().strip("'’") in _NON_PERSON)
            rest = name[last + 1 :]
            if not (rest and len(rest) <= 3 and rest[0].lower() in self.given_names and (has_cue or speaks)):
                return None
            name = rest
            name_start, name_end = _name_span(word_starts, name)
        pid = self._resolve(name, register_conflicts=register and (has_cue or speaks))
        if pid is None and register and (has_cue or speaks) and len(name) <= 4:
            pid = self._register(name)
        if pid is None:
            return None
        self.last_seen[pid] = name_start
        alias = re.match(r"\s*\(([A-Z][a-z]+|[A-Z]{2,4})\)", text[match.end() : match.end() + 25])
        if alias and alias.group(1) not in self.persons[pid].aliases:
            if not alias.group(1).isupper() or _abbreviates(alias.group(1), name):
                # "Tri Rismaharini (Risma)"; "Krisdayanti (KD)", but not her party's "(PDI)"
                self.persons[pid].aliases.append(alias.group(1))
                self.persons[pid].keys.add(alias.group(1))
        self._cue_evidence(pid, prefix, lowercase_cue, where, " ".join(name))
        self._learn_role(pid, prefix, lowercase_cue, text[max(sentence.start, match.start() - 120) : match.start()])
        if office:
            # "Minister of Social Affairs Tri Rismaharini": the portfolio an office's name would have dropped
            # from the name is part of her title, so "the Minister of Social Affairs" later is her.
            self._learn_role(pid, [], None, text[max(sentence.start, name_start - 120) : name_start])
        if apposition and apposition in self.gendered and not (where == "article" and apposition in self.neutral_nouns):
            self.persons[pid].evidence.append(
                Evidence(
                    self.gendered[apposition], HONORIFIC, f'"{apposition}" beside "{" ".join(name)}" in the {where}'
                )
            )
        return Mention(pid, None, name_start, name_end, sentence.index, speaker=speaks)

    def _titled_after_speech(self, text: str, start: int, end: int) -> bool:
        joined = _SPEECH_TITLE_JOINED.search(text, start, end)
        return joined is not None and self.titles.get(joined.group("first").lower()) is not None

    def _ordinary_source_words(self, name: list[str], sentence: str) -> bool:
        """In an untranslated sentence, every word of the run is a common source-language word and no English
        one: the capitalised words of an office's name, not a person nothing introduces as one.  Only there:
        in English text "Putri Indah" is a woman's name made of two such words."""
        if self.source_pack is None or len(name) < 2:
            return False
        wordfreq = self.source_pack.wordfreq
        # Untranslated: most of its lower-case words are the source language's, not English.
        lower = re.findall(r"\b[a-z]+\b", sentence)
        source = sum(1 for w in lower if zipf(w, wordfreq) >= 3.0 and zipf(w, "en") < 3.0)
        if len(lower) < 4 or source < len(lower) / 2:
            return False
        return all(zipf(w.lower(), wordfreq) >= ORDINARY_SOURCE_ZIPF and zipf_en(w) < 3.0 for w in name)

    def _strip_leading(self, name: list[str]) -> list[str]:
        """Drop words before the name proper that are not names: acronyms ("DPP Puan Maharani"), the source's
        abbreviations ("Ditreskrimsus Polda Kalbar Rina Novianti"), titles and common words ("Chair Megawati",
        "Meanwhile Risma"), unless the word is a known first name ("Said Iqbal", "Jack Marpaung"), and everything
        up to a possessor ("Indonesia's Hendra Christie")."""
        possessors = [i for i, word in enumerate(name[:-1]) if _POSSESSIVE_END.search(word)]
        if possessors:
            name = name[possessors[-1] + 1 :]
        while len(name) > 1:
            word = name[0]
            lowered = word.lower().strip("'’")
            if word in self.source_abbreviations:
                name = name[1:]  # "Puskesmas" is in the names dataset too, as noise
                continue
            if lowered in self.given_names or any(word in p.keys for p in self.persons):
                break
            if not (
                (word.isupper() and len(word) > 1)
                or lowered in self.titles
                or lowered in _NON_PERSON
                or zipf_en(word) >= 4.0
            ):
                break
            name = name[1:]
        return name

    def _initials(self, text: str, sentence, *, register: bool, where: str) -> list[Mention]:
        found = []
        for match in _CAPITALS.finditer(text, sentence.start, sentence.end):
            # "KD does not …" after "Krisdayanti (KD)": the initials the article gave someone.
            owners = [p for p in self.persons if match.group() in p.aliases]
            if owners:
                self.last_seen[owners[-1].id] = match.start()
                speaks = bool(_SPEAKS_AFTER_INITIALS.match(text[match.end() : match.end() + 40]))
                found.append(Mention(owners[-1].id, None, match.start(), match.end(), sentence.index, speaker=speaks))
        for match in _INITIALS.finditer(text, sentence.start, sentence.end):
            if any(m.start == match.start(match.lastindex) for m in found):
                continue
            group = 1 if match.group(1) else 2
            initials = match.group(group)
            start, end = match.span(group)
            pid = self._lookup(initials)
            if pid is None and register:
                pid = self._register([initials])
            if pid is None:
                continue
            self.last_seen[pid] = start
            # "a 25-year-old woman with the initials RN": the noun names the person.
            clause = text[max(sentence.start, start - 60) : start]
            noun = re.search(r"\b([a-z]+)\b(?=[^.,;]*\binitials?\b)", clause)
            if noun and noun.group(1) in self.gendered and noun.group(1) not in self.neutral_nouns:
                gender = self.gendered[noun.group(1)]
                self.persons[pid].evidence.append(Evidence(gender, HONORIFIC, f'"{noun.group(1)}" ({initials})'))
            speaks = bool(_SPEAKS_AFTER_INITIALS.match(text[end : end + 40]))
            found.append(Mention(pid, None, start, end, sentence.index, speaker=speaks))
        return found

    def _learn_role(self, pid: int, prefix: list[str], lowercase_cue, before: str) -> None:
        words = [w.lower().rstrip(".") for w in prefix]
        if lowercase_cue:
            words.append(lowercase_cue.group(1))
        phrase = _TITLE_BEFORE.search(before)
        if phrase:
            title = phrase.group(1) + " " + (phrase.group(2) or "")  # with the abbreviation: "Minister of PPPA"
            words += [w.lower() for w in re.findall(r"[A-Za-z]{2,}", title)]
        if any(self.titles.get(w) is not None and w not in _VAGUE_TITLES for w in words):
            self.role_words.setdefault(pid, set()).update(w for w in words if w not in _ROLE_FILLERS)

    def _role_person(self, head: str, qualifiers: list[str]) -> int | None:
        """The one person whose title contains ``head`` and every qualifier ("the Minister of Finance")."""
        fits = [pid for pid, words in self.role_words.items() if head in words and all(q in words for q in qualifiers)]
        return fits[0] if len(fits) == 1 else None

    def _role_mentions(self, text: str, sentence, taken: list[tuple[int, int]]) -> list[Mention]:
        """ "The Minister of Finance said", "continued the Finance Minister": a capitalised title standing
        for a person named with it earlier (``role_words``)."""
        found = []
        matches = list(_CAPITALISED_ROLE.finditer(text, sentence.start, sentence.end))
        # "Minister of Finance added that …": machine translation drops the article of a title opening a sentence.
        bare = _BARE_OPENING_ROLE.match(text, sentence.start, sentence.end)
        if (
            bare
            and re.match(rf"\s*(?:also\s+)?{SPEECH}\b", text[bare.end() : bare.end() + 40])
            and not any(m.start() < bare.end() and bare.start("role") < m.end() for m in matches)
        ):
            matches.insert(0, bare)
        for match in matches:
            words = [w.lower() for w in re.findall(r"[A-Za-z]+", match.group("role"))]
            heads = [w for w in words if self.titles.get(w) is not None and w not in _VAGUE_TITLES]
            if not heads or any(s < match.end() and match.start() < e for s, e in taken):
                continue
            if re.match(r"\s+(?:[A-Z]|(?:of|for)\s)", text[match.end() : match.end() + 6]):
                continue  # "the Minister of Finance Sri Mulyani", "the President of UCLG": not this title alone
            apposed = _NAME_IN_APPOSITION.match(text, match.end())
            if apposed and any(_HONORIFIC_GAP.fullmatch(text, apposed.end(), s) for s, _ in taken):
                continue  # "The Minister of Finance (Menkeu), Sri Mulyani": the title belongs to the name
            pid = self._role_person(heads[-1], [w for w in words if w not in _ROLE_FILLERS and w != heads[-1]])
            if pid is None and re.search(r"\b[A-Z]{2,}\b", match.group("role")):
                continue  # "the President of UCLG Aspac": an office named by abbreviation, nobody named with it yet
            after = text[match.end() : match.end() + 40]
            before = text[max(sentence.start, match.start() - 30) : match.start()]
            speaks = bool(re.match(rf"\s*(?:also\s+)?{SPEECH}\b", after) or re.search(rf"\b{SPEECH}\s+$", before))
            start = match.start("role")
            # A title nobody was named with ("the President also asserted") is somebody unnamed, as "the regent" is.
            found.append(Mention(pid, None, start, match.end(), sentence.index, speaker=speaks, role=pid is not None))
        return found

    def _noun_mentions(
        self,
        text: str,
        sentence,
        translated: bool,
        topic: Mention | None = None,
        names: set[int] = frozenset(),
        where: str = "article",
        sole_topic: bool = False,
        named: set[int] = frozenset(),
    ) -> list[Mention]:
        """Gendered nouns ("his wife") and unnamed roles ("the regent", "her counterpart", "the agency's
        spokesman"): somebody a pronoun may mean, of a known gender or none.  A role that opens its sentence
        restates someone already named (see :meth:`_restated`)."""
        found = []
        body = text[sentence.start : sentence.end]
        for match in re.finditer(r"\b[a-z]+\b", body):
            word = match.group()
            gendered = word in self.gendered
            if not gendered and (word not in self.titles or word in _VAGUE_TITLES):
                continue
            if re.match(r"\s+[A-Z]", body[match.end() : match.end() + 2]):
                continue  # "leader Kim": the title belongs to the name mention
            apposed = _NAME_IN_APPOSITION.match(text, sentence.start + match.end())
            if apposed and any(_HONORIFIC_GAP.fullmatch(text, apposed.end(), start) for start in names):
                continue  # "the KPAI chairman, (Ibu) Ai Maryati Solihah": so does a title set off by a comma
            after = sentence.start + match.end()
            # (A name nobody registered yet counts: "Rina Sari" may be known as a person only from a later cue.)
            if any(_OFFICE_BEFORE_NAME.fullmatch(text, after, start) for start in named if start > after):
                continue  # "The director of the Legal Aid Institute (LBH) Makassar Rina Sari": the name's own title
            opening = not gendered and _OPENING_ROLE.fullmatch(body, 0, match.start())
            if (
                not gendered
                and not opening
                and not _DETERMINED.search(body[max(0, match.start() - 60) : match.start()])
            ):
                continue  # a title without "the"/"his" is an adjective or part of a phrase
            gender = self.gendered.get(word)
            if translated and word in self.neutral_nouns:
                gender = None  # "the spokesman" from a language without gender: somebody, gender unknown
            speaks = bool(_SPEAKS_AFTER_NOUN.match(body[match.end() :]) or _SPEECH_BEFORE.search(body[: match.start()]))
            start = sentence.start + match.start()
            pid = None
            if opening:
                pid = self._restated(word, text, sentence.start, topic)
            elif gendered and gender is not None and topic is not None and sole_topic:
                pid = self._restated_as(word, gender, text, sentence, match.start(), topic, where)
            found.append(
                Mention(pid, gender, start, start + len(word), sentence.index, speaker=speaks, role=pid is not None)
            )
        return found

    def _restated_as(
        self, word: str, gender: str, text: str, sentence, at: int, topic: Mention, where: str
    ) -> int | None:
        """The person a sentence-opening "This 30-year-old woman …" or "The 24-year-old actress …" restates: the
        person the sentence before named first.  A demonstrative or an age points back to someone just named
        (Indonesian *perempuan berusia 30 tahun ini*); a bare "The woman" may be somebody new.  The noun is
        gendered in the source language too (*perempuan*, *aktris*), so it is evidence for that person."""
        restating = _RESTATING_NOUN_PHRASE.fullmatch(text, sentence.start, sentence.start + at)
        if not restating or re.match(r"\s+(?:who|that|whose|whom)\b", text[sentence.start + at + len(word) :]):
            return None  # "The 24-year-old woman who reported him": a relative clause introduces someone new
        person = self.persons[topic.person]
        if lean(person) not in (None, gender):
            return None  # the person named before is known to be of the other gender: somebody else
        person.evidence.append(
            Evidence(
                gender,
                HONORIFIC,
                f'"{restating.group("phrase")}{word}" restating "{person.name}" in the {where}',
            )
        )
        return topic.person

    def _restated(self, word: str, text: str, before: int, topic: Mention | None) -> int | None:
        """The person a sentence-opening role restates: "The PBSI athlete tried …" after "Gregoria lost to
        Chen Yu Fei", "The Central Java legislator stated …" after '"…," Luluk said'.  News writes a
        definite description for someone it has just named: the one person named with that title ("the
        player" after "badminton player Chen Yu Fei"), else the person the sentence before named first,
        when the role is no office of its own ("the President") and the article has not used the word
        before (then "the driver" may be the driver it spoke of)."""
        pid = self._role_person(word, [])
        if pid is not None:
            return pid
        if topic is None or self.titles.get(word) or re.search(rf"\b{word}s?\b", text[:before], re.IGNORECASE):
            return None
        return topic.person

    def _resolve(self, name: list[str], *, commit: bool = True, register_conflicts: bool = False) -> int | None:
        """The known person ``name`` refers to, or None.  Of the people who share a word with it, the most
        recently mentioned one whose name fits it (one name's words inside the other's); two full names that
        do not fit are two people ("Rodrigo Duterte" after "Sara Duterte", "Kim Yo Jong" after "Kim Jong Un")."""
        keys = [w for w in name if w.lower() not in _PARTICLES and len(w) > 1]
        full = " ".join(name)
        for person in self.persons:
            if full == person.name:
                return person.id
        owners = {p.id for p in self.persons if any(k in p.keys for k in keys)}
        if not owners:
            return None
        words = _name_words(full)
        fitting = [
            pid
            for pid in owners
            if len(words) == 1
            or len(_name_words(self.persons[pid].name)) == 1
            or words <= _name_words(self.persons[pid].name)
            or _name_words(self.persons[pid].name) <= words
        ]
        if not fitting:
            return None if not register_conflicts or not commit else self._register(name)
        pid = max(fitting, key=lambda candidate: self.last_seen.get(candidate, -1))
        if commit:
            if len(name) > len(self.persons[pid].name.split()):
                self.persons[pid].name = full
            self.persons[pid].keys.update(keys)
        return pid

    def _nickname_introduced(self, text: str, sentence, mention: Mention, found: list[Mention], topic, where) -> None:
        """A name introduced as what someone is called: the person named just before ("Ratna Dewi
        Lestari, who is familiarly called Tiwi"), or the person a sentence-opening noun restates ("… made Ratih
        Purnamasari famous. The actress, who is familiarly called Nenk, …"); a gendered noun there ("the woman who
        is familiarly called Sisi") is evidence for the nickname's bearer."""
        if mention.person is None or mention.gender is not None:
            return
        surface = text[mention.start : mention.end]
        if self.persons[mention.person].name != surface:
            return  # a name known before this sentence is no nickname introduced here
        clause = _NICKNAME_BEFORE.search(text, max(sentence.start, mention.start - 60), mention.start)
        if not clause:
            return
        owner = next(
            (
                m.person
                for m in found
                if m.person not in (None, mention.person) and re.fullmatch(r",?\s*", text[m.end : clause.start()])
            ),
            None,
        )
        noun = _NOUN_BEFORE_CLAUSE.search(text, sentence.start, clause.start())
        if owner is None and noun is None:
            return
        word = noun.group(1) if noun else None
        if word and word in self.gendered and not (where == "article" and word in self.neutral_nouns):
            self.persons[mention.person].evidence.append(
                Evidence(self.gendered[word], HONORIFIC, f'"the {word}, who is called {surface}" in the {where}')
            )
        opening = noun is not None and not text[sentence.start : noun.start()].strip(' "“‘(')
        if owner is None and opening and topic is not None and (word in self.gendered or word in self.titles):
            leaning = lean(self.persons[topic.person])
            if word not in self.gendered or leaning in (None, self.gendered[word]):
                owner = topic.person  # not "Director Budi …. The actress, who is called Ani": someone else
        if owner is None:
            return
        # The nickname is that person's: later "Nenk admits …" is Ratih Purnamasari.
        self.persons[owner].evidence.extend(self.persons[mention.person].evidence)
        self.persons[mention.person].keys.discard(surface.split()[0])
        self.persons[owner].keys.add(surface.split()[0])
        mention.person = owner

    def _register(self, name: list[str]) -> int | None:
        keys = {w for w in name if w.lower() not in _PARTICLES and len(w) > 1}
        if not keys:
            return None
        person = Person(len(self.persons), " ".join(name), keys)
        self.persons.append(person)
        return person.id

    def _cue_evidence(self, pid: int, prefix: list[str], lowercase_cue, where: str, surface: str) -> None:
        words = list(prefix)
        if lowercase_cue:
            words.append(lowercase_cue.group(1))
        for word in words[-2:]:
            lowered = word.lower().rstrip(".")
            gender = self.honorifics.get(lowered) or self.gendered.get(lowered)
            if gender and not (where == "article" and lowered in self.neutral_nouns):
                self.persons[pid].evidence.append(Evidence(gender, HONORIFIC, f'"{word} {surface}" in the {where}'))

    def _apposition(self, text: str, start: int, end: int) -> str | None:
        """The person noun set beside a name: "Wulan, a mother of two," / "the woman, Rina," (or None)."""
        # The noun phrase must close ("Wulan, a mother of two, …"); "X, the actress plays" is a clause.
        after = re.match(
            r",\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?([a-z]+)(?:\s+of\s+[\w\s'’-]{1,30}?)?\s*[,.;)]",
            text[end : end + 80],
        )
        before = re.search(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){0,2}?([a-z]+),\s+$", text[max(0, start - 50) : start])
        for found in (after, before):
            if found and (found.group(1) in self.gendered or found.group(1) in self.titles):
                return found.group(1)
        return None


def _name_words(name: str) -> set[str]:
    """The words of a name, hyphens and case aside ("Kim Jong-un" = "Kim Jong Un")."""
    return {w for w in re.split(r"[\s\-]+", name.lower()) if w and w not in _PARTICLES}


def _name_span(word_starts: list[int], name: list[str]) -> tuple[int, int]:
    """Span of ``name``, the last words of a capitalised run whose words start at ``word_starts``."""
    return word_starts[len(word_starts) - len(name)], word_starts[-1] + len(name[-1])


def _name_like(words: list[str]) -> bool:
    """Two or more capitalised words that are not common English: probably someone's name."""
    return len(words) >= 2 and all(zipf_en(w) < 4.0 for w in words) and not any(w.lower() in _NON_PERSON for w in words)


_INITIAL = re.compile(r"[A-Z]\.?")


def _trim_to_first_name(name: list[str], given_names: dict) -> list[str]:
    """The person's name in a capitalised run that holds a known first name: from that name on when the
    words before it are ordinary words ("Myanmar Julie Bishop"), the whole run when they look like names
    too ("Gregoria Mariska Tunjung", "Ganindra Bimo": Indonesian names have no fixed order)."""
    # A middle initial ("Rina S Wulandari") is no common word, though "s" is frequent in English text.
    if len(name) < 2 or not all(zipf_en(w) < 5.0 for w in name if not _INITIAL.fullmatch(w)):
        return []
    for i, word in enumerate(name):
        if word.lower() not in given_names:
            continue
        leading = name[:i]
        if all(zipf_en(w) < 3.0 and w.lower() not in _NON_PERSON for w in leading):
            return name
        if len(name) == 2 and i == 1 and zipf_en(leading[0]) < 4.0 and leading[0].lower() not in _NON_PERSON:
            return name  # "Nova Novianti": a first name rarer in English than "Myanmar" before a listed one
        return name[i:] if i < len(name) - 1 else []
    return []


def zipf_en(word: str) -> float:
    return zipf(word.lower(), "en")
