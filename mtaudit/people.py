"""People named in an article, their mentions, and the evidence for each person's gender.

Used by the pronoun check (MT003) and the reference check (MT006).  Everything here is a
documented heuristic, tuned for precision — the pronoun check must never flag on weak
evidence:

**Finding people.**  A run of capitalised words is a person when a cue says so: an
honorific before it ("Mr", "Mrs", or a source-language one such as Indonesian "Pak"/"Bu"),
a job title before it ("Defence Minister Sergei Shoigu", "analyst Ankit Panda"), or a
speech verb next to it ("Lukin said", "said Ankit Panda").  Words that name organisations
or places ("Party", "University", "Korea") disqualify a run.  Later mentions of any single
word of a known person's name ("Shoigu", "Kim") refer to that person — to the most recently
mentioned one when two people share a word.

**Resolving a pronoun.**  The candidate antecedents of he/she/his/her/him are the people
(and gendered nouns such as "his wife", "the queen", and unnamed roles or names of unknown
gender such as "her Chinese counterpart", "the regent", "Nguyen Thi Lan") mentioned earlier in
the same sentence; if there are none, those of the nearest earlier sentence (up to three
back) that mentions anyone.  That narrow window gathers evidence.  Before a pronoun is
flagged the window is widened (people named later in the sentence; for object pronouns,
the people of the sentence before), and every candidate must contradict it.  A pronoun
inside a quotation is resolved only to people named earlier in the same quotation: the
speaker may be talking about anyone.

**Gender evidence, strongest first.**  An honorific or gendered title before a mention
(weight 3); a pronoun in the *reference* report that resolves to exactly one person
(weight 2 each); a pronoun elsewhere in the candidate that resolves to exactly one person
(weight 1 each); and, weakest, a first-name prior (weight 1): the source language's
given-name list (``lexicons/<lang>/given_names.tsv``: "Bambang", "Wahyuni"), then the names
common in English-language news (``lexicons/en/given_names.tsv``: "Julie", "Sergei"), both
extracted from the maintained ``names-dataset`` by ``tools/extract_given_names.py`` and
keeping only names recorded at least 90% one gender ("Kim", 80% female there, is left out).
A gender is *decided* only when its score beats the other by at least 2 and includes
evidence other than the name prior.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .language import quoted_spans, zipf

PRONOUNS = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}
PRONOUN_RE = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
_EITHER = re.compile(
    r"\b(?:he or she|she or he|his or her|her or his|him or her|her or him|s/he|his/her|he/she)\b", re.I
)

_NAME_SEQUENCE = re.compile(r"[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|(?:bin|binti|al|van|de|der|von|da)\b))*")
_NON_PERSON = {
    "party",
    "university",
    "council",
    "ministry",
    "agency",
    "news",
    "media",
    "union",
    "republic",
    "army",
    "endowment",
    "committee",
    "commission",
    "court",
    "bank",
    "company",
    "group",
    "association",
    "institute",
    "international",
    "federation",
    "times",
    "post",
    "daily",
    "korea",
    "china",
    "russia",
    "indonesia",
    "america",
    "states",
    "kingdom",
    "office",
    "department",
    "police",
    "force",
    "forces",
    "navy",
    "government",
    "parliament",
    "house",
    "assembly",
    "corporation",
    "foundation",
    "center",
    "centre",
    "school",
    "hospital",
    "airport",
    "street",
    "city",
    "province",
    "regency",
    "island",
    "islands",
    "sea",
    "ocean",
    "river",
    "mount",
    "war",
    "day",
    "week",
    "month",
    "year",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "reuters",
    "kcna",
    "afp",
    "ap",
    "bbc",
    "cnn",
    "antara",
    "xinhua",
    "tass",
    "yonhap",
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "for",
    "but",
    "and",
    "it",
    "this",
    "that",
    "photos",
    "images",
    "east",
    "west",
    "north",
    "south",
    "federal",
    "national",
    "global",
    "world",
    "politburo",
    "communist",
    "palace",
    "embassy",
    "summit",
    "program",
    "programme",
    "exhibition",
    "museum",
    "affairs",
    "java",
    "sumatra",
    "kalimantan",
    "sulawesi",
    "papua",
    "bali",
    "jakarta",
    "regional",
    "district",
}
_SPEECH = r"(?:said|says|told|added|explained|stated|stressed|noted|asked|argued|warned|wrote|revealed|claimed)"
_PREPOSITION_END = re.compile(r"\b(?:from|in|at|to|of|on|near|for|with|by|into|across)\s+$", re.IGNORECASE)
_ROLE_NOUN = re.compile(r"\b([Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[A-Za-z][\w-]*\s+){0,2}?([a-z]+)\b")
_PARTICLES = {"bin", "binti", "al", "van", "de", "der", "von", "da"}


@dataclass
class Evidence:
    gender: str
    weight: float
    description: str


@dataclass
class Person:
    id: int
    name: str  # the fullest form seen
    keys: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)

    def decided_gender(self, exclude_description: str | None = None) -> tuple[str | None, bool]:
        """(gender or None, whether the evidence is strong).

        Decided when the winning gender leads by at least 2; it must rest on more than the
        name prior (so one "he" against one "she" in the article decides nothing).  Strong means an honorific, a
        gendered title or the reference supports it, not only the article's own pronouns.
        """
        items = [e for e in self.evidence if e.description != exclude_description]
        totals = {"male": 0.0, "female": 0.0}
        for item in items:
            totals[item.gender] += item.weight
        winner = max(totals, key=totals.get)
        loser = "female" if winner == "male" else "male"
        support = [e for e in items if e.gender == winner and not e.description.startswith("name prior")]
        if not support:
            return None, False
        margin = totals[winner] - totals[loser]
        if margin >= 2:
            return winner, any(e.weight >= 2 for e in support)
        return None, False


@dataclass
class Mention:
    person: int | None  # None for a gendered common noun
    gender: str | None  # fixed gender for common nouns ("his wife")
    start: int
    end: int
    sentence: int


@dataclass
class People:
    persons: list[Person]
    candidate_mentions: dict[int, list[Mention]]  # by candidate sentence index
    reference_mentions: dict[int, list[Mention]]

    def person(self, pid: int) -> Person:
        return self.persons[pid]


def _name_prior(first_name: str, given_names: dict[str, str] | None = None) -> tuple[str, float, str] | None:
    """(gender, weight, source) for a first name from the given-name lists, or None."""
    gender = (given_names or {}).get(first_name.lower())
    return (gender, 1.0, "given-name list") if gender else None


class _Finder:
    """Finds people and mentions in one document, sharing the person registry."""

    def __init__(
        self,
        persons: list[Person],
        honorifics: dict[str, str],
        titles: set[str],
        gendered: dict[str, str],
        given_names: dict[str, str],
    ):
        self.persons = persons
        self.given_names = given_names
        self.honorifics = honorifics
        self.titles = titles
        self.gendered = gendered
        self.last_seen: dict[int, int] = {}

    def _is_cue_word(self, word: str) -> bool:
        lowered = word.lower().rstrip(".").split("-")[0]  # "President-elect" is a title too
        # Gendered nouns count only via titles ("Queen"): a capitalised "Son" is part of a name.
        return lowered in self.honorifics or lowered in self.titles

    def _split(self, words: list[str]) -> tuple[list[str], list[str]]:
        """(title/honorific prefix, name) of a capitalised run."""
        last_cue = -1
        for i, word in enumerate(words):
            if not self._is_cue_word(word):
                continue
            # "Julie Bishop", "Bishop said": a title word that ends a run after a first name, or
            # that is already known as someone's name, is the name itself.
            known = any(word in p.keys for p in self.persons)
            if known or (i == len(words) - 1 and i > 0 and _name_prior(words[i - 1], self.given_names)):
                continue
            last_cue = i
        return words[: last_cue + 1], words[last_cue + 1 :]

    def _lookup(self, key: str) -> int | None:
        owners = [p.id for p in self.persons if key in p.keys]
        if not owners:
            return None
        return max(owners, key=lambda pid: self.last_seen.get(pid, -1))

    def find(self, text: str, sentences, *, register: bool, where: str) -> dict[int, list[Mention]]:
        mentions: dict[int, list[Mention]] = {}
        for sentence in sentences:
            found: list[Mention] = []
            for match in _NAME_SEQUENCE.finditer(text, sentence.start, sentence.end):
                words = match.group().split()
                # Strip a possessive so "Shoigu's" is "Shoigu".
                words[-1] = re.sub(r"['’]s$", "", words[-1])
                prefix, name = self._split(words)
                if not name:
                    continue
                at_start = match.start() == sentence.start or not text[sentence.start : match.start()].strip(' "“‘(')
                if at_start and not prefix and len(name) == 1 and name[0].lower() in _NON_PERSON | {"he", "she"}:
                    continue
                # Offsets from word positions, not a text search: "Budi Budiman" must not match "Budi" twice.
                word_starts = [match.start() + w.start() for w in re.finditer(r"\S+", match.group())]
                name_start, name_end = _name_span(word_starts, name)
                before = text[max(0, match.start() - 40) : match.start()]
                lowercase_title = re.search(r"\b([a-z][a-z\-]+)\s+$", before)
                has_cue = bool(prefix) or (lowercase_title is not None and lowercase_title.group(1) in self.titles)
                after = text[match.end() : match.end() + 90]
                speaks = re.match(
                    rf"\s*(?:,[^,.;\"“”]{{1,70}},|\(.*?\)|,)?\s*(?:also\s+|later\s+)?{_SPEECH}\b", after
                ) or re.search(rf"\b{_SPEECH}\s+$", before)
                if speaks and _PREPOSITION_END.search(before):
                    speaks = None  # "from Lamongan, East Java, said": a place, not the speaker
                known = self._resolve(name, commit=False) is not None
                if not has_cue and not speaks and not known:
                    trimmed = _trim_to_first_name(name, self.given_names)
                    if not trimmed:
                        # A name-like run nobody is known by ("Nguyen Thi Lan"): a person of unknown
                        # gender as far as pronouns go, so they cannot be pinned on someone else.
                        subject_like = (
                            len(name) == 1
                            and zipf_en(name[0]) < 3.5
                            and re.match(r"\s+[a-z]+(?:ed|s)\b", text[match.end() : match.end() + 20])
                        )
                        name_like = _name_like(name) and not at_start
                        if (name_like or subject_like) and not _PREPOSITION_END.search(before):
                            # "Marcos accepted …": an unknown subject may be the person a pronoun means.
                            found.append(Mention(None, None, name_start, name_end, sentence.index))
                        continue
                    name = trimmed
                    has_cue = True  # a known first name followed by a surname is a person
                    name_start, name_end = _name_span(word_starts, name)
                if any(w.lower().strip("'’") in _NON_PERSON for w in name):
                    continue
                pid = self._resolve(name, register_conflicts=register and (has_cue or bool(speaks)))
                if pid is None and register and (has_cue or speaks) and len(name) <= 4:
                    pid = self._register(name)
                if pid is None:
                    continue
                self.last_seen[pid] = name_start
                mention = Mention(pid, None, name_start, name_end, sentence.index)
                found.append(mention)
                self._cue_evidence(pid, prefix, lowercase_title, where, " ".join(name))
            body = text[sentence.start : sentence.end]
            for match in re.finditer(r"\b[A-Za-z]+\b", body):
                word = match.group().lower()
                gender = self.gendered.get(word)
                if gender and not re.match(r"\s+[A-Z]", body[match.end() : match.end() + 2]):
                    start = sentence.start + match.start()
                    found.append(Mention(None, gender, start, start + len(word), sentence.index))
            # "the regent", "her Chinese counterpart", "the late president": a person of unknown
            # gender, which makes a pronoun ambiguous.
            for match in _ROLE_NOUN.finditer(body):
                word = match.group(2).lower()
                if word not in self.titles or word in ("head", "member"):
                    continue
                if re.match(r"\s+[A-Z]", body[match.end() : match.end() + 2]):
                    continue  # "leader Kim": the title belongs to the name mention
                start = sentence.start + match.start(2)
                found.append(Mention(None, None, start, start + len(word), sentence.index))
            mentions[sentence.index] = sorted(found, key=lambda m: m.start)
        return mentions

    def _resolve(self, name: list[str], *, commit: bool = True, register_conflicts: bool = False) -> int | None:
        """The known person ``name`` refers to, or None.  A full name whose first name differs from
        the known person's ("Rodrigo Duterte" after "Sara Duterte") is someone else."""
        keys = [w for w in name if w.lower() not in _PARTICLES and len(w) > 1]
        full = " ".join(name)
        for person in self.persons:
            if full == person.name:
                return person.id
        candidates = [self._lookup(k) for k in keys]
        candidates = [c for c in candidates if c is not None]
        if not candidates:
            return None
        pid = candidates[-1]
        known_first = self.persons[pid].name.split()[0]
        if len(name) > 1 and len(self.persons[pid].name.split()) > 1 and name[0] != known_first:
            if name[0] not in self.persons[pid].keys:
                return None if not register_conflicts or not commit else self._register(name)
        if commit:
            if len(name) > len(self.persons[pid].name.split()):
                self.persons[pid].name = full
            self.persons[pid].keys.update(keys)
        return pid

    def _register(self, name: list[str]) -> int | None:
        keys = {w for w in name if w.lower() not in _PARTICLES and len(w) > 1}
        if not keys:
            return None
        person = Person(len(self.persons), " ".join(name), keys)
        prior = _name_prior(name[0], self.given_names) if len(name) > 1 else None
        if prior:
            person.evidence.append(Evidence(prior[0], prior[1], f"name prior for '{name[0]}' ({prior[2]})"))
        self.persons.append(person)
        return person.id

    def _cue_evidence(self, pid: int, prefix: list[str], lowercase_title, where: str, surface: str) -> None:
        words = list(prefix)
        if lowercase_title:
            words.append(lowercase_title.group(1))
        for word in words[-2:]:
            lowered = word.lower().rstrip(".")
            gender = self.honorifics.get(lowered) or self.gendered.get(lowered)
            if gender:
                self.persons[pid].evidence.append(Evidence(gender, 3.0, f'"{word} {surface}" in the {where}'))


def _name_span(word_starts: list[int], name: list[str]) -> tuple[int, int]:
    """Span of ``name``, the last words of a capitalised run whose words start at ``word_starts``."""
    return word_starts[len(word_starts) - len(name)], word_starts[-1] + len(name[-1])


def _name_like(words: list[str]) -> bool:
    """Two or more capitalised words that are not common English: probably someone's name."""
    return len(words) >= 2 and all(zipf_en(w) < 4.0 for w in words) and not any(w.lower() in _NON_PERSON for w in words)


def _trim_to_first_name(name: list[str], given_names: dict[str, str]) -> list[str]:
    """Drop leading words until the run starts with a known first name ("Myanmar Julie Bishop")."""
    for i in range(len(name) - 1):
        if _name_prior(name[i], given_names) and all(zipf_en(w) < 5.0 for w in name[i:]):
            return name[i:]
    return []


def antecedents(
    mentions: dict[int, list[Mention]],
    sentence_index: int,
    position: int,
    quotes: list[tuple[int, int]] = (),
    *,
    widen: bool = False,
) -> list[Mention]:
    """Candidate antecedents for a pronoun at ``position`` (see the module docstring).

    ``widen`` (used before *flagging*, when every plausible referent must contradict the
    pronoun) also admits people named later in the same sentence, and, for object pronouns,
    the people named in the sentence before.

    Inside a quotation the speaker may be talking about anyone ("'He understands us,' she said"),
    so a quoted pronoun is resolved only to people named earlier in the same quotation.
    """
    quote = next(((s, e) for s, e in quotes if s < position < e), None)
    if quote:
        return [m for m in mentions.get(sentence_index, []) if quote[0] <= m.start and m.end <= position]
    own = mentions.get(sentence_index, [])
    same = [m for m in own if m.end <= position]
    if same and not widen:
        return same
    earlier: list[Mention] = []
    for back in range(1, 4):
        earlier = mentions.get(sentence_index - back, [])
        if earlier:
            break
    if not same:
        # "In her victory speech, Whitfield promised …": the person may come after the pronoun.
        later = [m for m in own if m.start >= position] if widen else []
        return earlier + later
    # Widening past a named person in the pronoun's own sentence: only people with a name or a
    # stated gender from the sentence before ("Marcos … thanked her", her = the woman named
    # just before), never an unnamed "the leader".
    return same + [m for m in earlier if m.person is not None or m.gender is not None]


def pronouns_in(text: str, sentence) -> list[re.Match]:
    body = text[sentence.start : sentence.end]
    blocked = [m.span() for m in _EITHER.finditer(body)]
    out = []
    for match in PRONOUN_RE.finditer(text, sentence.start, sentence.end):
        rel = match.start() - sentence.start
        if any(s <= rel < e for s, e in blocked):
            continue
        out.append(match)
    return out


def _unique_person(candidates: list[Mention]) -> int | None:
    ids = {m.person for m in candidates if m.person is not None}
    nouns = [m for m in candidates if m.person is None]
    if len(ids) == 1 and not nouns:
        return ids.pop()
    return None


def build_people(ctx) -> People:
    english = ctx.english
    honorifics = dict(english.honorifics)
    for entry in ctx.pack.honorifics:
        honorifics[entry.word.lower().rstrip(".")] = entry.gender
    titles = set(english.titles)
    persons: list[Person] = []
    # The source language's names first ("Bambang"), then names common in English-language news.
    given_names = {**english.given_names, **ctx.pack.given_names}
    finder = _Finder(persons, honorifics, titles, english.gendered_nouns, given_names)
    reference_mentions: dict[int, list[Mention]] = {}
    if ctx.reference:
        reference_mentions = finder.find(
            ctx.reference.text, ctx.reference.audited_sentences, register=True, where="reference"
        )
        _pronoun_evidence(
            ctx.reference.text, ctx.reference.audited_sentences, reference_mentions, persons, 2.0, "reference"
        )
    finder.last_seen.clear()
    candidate_mentions = finder.find(
        ctx.candidate.text, ctx.candidate.audited_sentences, register=True, where="article"
    )
    _pronoun_evidence(ctx.candidate.text, ctx.candidate.audited_sentences, candidate_mentions, persons, 1.0, "article")
    return People(persons, candidate_mentions, reference_mentions)


def pronoun_description(where: str, start: int) -> str:
    return f"pronoun in the {where} at {start}"


def _pronoun_evidence(text, sentences, mentions, persons, weight, where) -> None:
    quotes = quoted_spans(text)
    for sentence in sentences:
        for match in pronouns_in(text, sentence):
            pid = _unique_person(antecedents(mentions, sentence.index, match.start(), quotes))
            if pid is None:
                continue
            gender = PRONOUNS[match.group().lower()]
            persons[pid].evidence.append(Evidence(gender, weight, pronoun_description(where, match.start())))


def describe(person: Person, exclude: str | None = None) -> str:
    """Readable evidence: '"Mr Kim" in the reference (male, 4x); 1 pronoun in this article (male)'."""
    groups: dict[str, dict[str, int]] = {}
    for item in person.evidence:
        if item.description == exclude:
            continue
        label = item.description
        if label.startswith("pronoun in the "):
            label = "pronouns in the " + label.split(" ")[3]
        groups.setdefault(label, {}).setdefault(item.gender, 0)
        groups[label][item.gender] += 1
    parts = []
    for label, genders in groups.items():
        parts.append(label + " (" + ", ".join(f"{g} {n}x" if n > 1 else g for g, n in genders.items()) + ")")
    return "; ".join(parts) or "no evidence"


def zipf_en(word: str) -> float:
    return zipf(word.lower(), "en")
