from __future__ import annotations

import re
from dataclasses import replace

from ..model import Severity
from ..people import (
    PRONOUNS,
    antecedents,
    describe,
    is_attribution,
    lean,
    possible_speakers,
    previous_subject,
    pronouns_in,
    quotations,
    quoted_topic,
    speaker,
)
from ..people.mentions import SPEECH
from ..people.resolver import REPORTING_VERBS
from .base import Check

_SWAP = {
    ("he", "female"): "she",
    ("him", "female"): "her",
    ("himself", "female"): "herself",
    ("she", "male"): "he",
    ("hers", "male"): "his",
    ("herself", "male"): "himself",
}
# Words after "her" that show it is an object ("thanked her for"), not a possessive ("her guests").
_OBJECT_FOLLOWERS = {
    "to",
    "for",
    "with",
    "in",
    "on",
    "at",
    "by",
    "from",
    "as",
    "and",
    "or",
    "but",
    "that",
    "about",
    "after",
    "before",
    "during",
    "into",
    "of",
    "over",
    "than",
    "when",
    "while",
    "because",
    "if",
    "again",
    "too",
    "back",
    "up",
    "down",
    "out",
    "off",
    "not",
}


def corrected(pronoun: str, gender: str, following: str) -> str:
    lowered = pronoun.lower()
    if lowered == "her":
        replacement = "him" if (not following or following.lower() in _OBJECT_FOLLOWERS) else "his"
    elif lowered == "his":
        replacement = "hers" if (not following or following.lower() in _OBJECT_FOLLOWERS) else "her"
    else:
        replacement = _SWAP[(lowered, gender)]
    return replacement.capitalize() if pronoun[0].isupper() else replacement


# "He said that he …": a pronoun subject of a reporting verb, then the pronoun it reports about.
_SELF_REPORT = re.compile(rf"\b(?:[Hh]e|[Ss]he)\s+(?:also\s+)?{REPORTING_VERBS}\s+(?:that\s+)?\Z")


_TRANSLATED_QUOTE = re.compile(r"\((?:I|We|My|Our)\b[^()\n]{10,}\)")
_NAME_JUST_BEFORE = re.compile(r"[A-Z][\w'’-]+\s$")
# A sentence that opens with an indefinite noun phrase: "A French drug trafficker …", "One resident …".
# Up to the pronoun: no comma ("An hour later, he …" fronts a phrase), no time or quantity word ("A day after his
# arrest"), and no preposition right before the pronoun, which would put it inside the phrase ("One of his friends",
# "A statement from his office", "A search for his body").
_INDEFINITE_SUBJECT = re.compile(
    r"[\s\"“‘(]*(?:An?|One)\s+(?!(?:day|night|week|weekend|month|year|decade|century|season|hour|minute|second|"
    r"moment|morning|afternoon|evening|while|time|few|number|total|lot|couple|bit|little|series|group|of)\b)"
    r"[^,;:\"“”()]*\s\Z"
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|for|from|against|to|with|about|after|before|on|by|over|into|near|at|in|under|without|behind)\s*\Z",
    re.IGNORECASE,
)
# A phrase set before the subject and closed by its comma: "In this activity, ", "Meanwhile, ".
_FRONTED_PHRASE = re.compile(r"[^,;:\"“”()]{2,60},\s*")
_OBJECT_OF_PREPOSITION = re.compile(
    # "with President Joko Widodo (Jokowi)": the short name in brackets is the same object.
    r"\b(?:to|with|by|for|from|against|toward|towards|about|of)\s+(?:[A-Z][\w'’-]*\s+){0,3}"
    r"(?:[A-Z][\w'’-]*\s*\(\s*)?$"
)
# "and his wife, Maria": the name after the possessed noun is that noun (the wife), not the possessor.
_POSSESSED_NOUN_APPOSED = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*,?\s+")
_FRONTED_CLAUSE = re.compile(
    r"\W*(?:While|When|After|Before|As|Although|Though|Despite|Since|Upon|During|Following|Unlike|Like|Once|If)\b[^,;.]*$"
)
_SPEAKING = re.compile(rf"\s+(?:also\s+|then\s+|later\s+|again\s+|further\s+)?{SPEECH}\b")


def _carry(speakers: dict, mention, index: int, match: re.Match) -> None:
    """Record a speaking pronoun as a mention of the speaker it means, for the next attribution."""
    speakers.setdefault(index, []).append(
        replace(mention, start=match.start(), end=match.end(), sentence=index, speaker=True)
    )
    speakers[index].sort(key=lambda m: m.start)


# A subject pronoun between a name and a reflexive: the reflexive is the pronoun's ("Ratna said he would defend
# himself").  A name joined to the reflexive is its fellow object ("win Khofifah and himself").
_SUBJECT_PRONOUN_BETWEEN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\b")
_JOINED = re.compile(r"\s*(?:and|or|as well as|with)\s*")
# What opens a clause before its subject: the sentence's start, a comma, "that", a conjunction.
_CLAUSE_OPENS_BEFORE = re.compile(
    r"(?:^|[,;:]|\bthat|\b(?:and|but|while|when|because|as|if|so|although|after|before))\s*$"
)
# Titles and honorifics set before a name ("Ibu", "Minister of Finance"): capitalised words, maybe joined by "of".
_TITLE_RUN_BEFORE = re.compile(r"(?:\b(?:[A-Z][\w.'’-]*|of|the)\s+)*$")


def _reflexive_subject(text: str, sentence, mentions: list, position: int, quotes: list[tuple[int, int]]):
    """Whom a reflexive object ("himself", "herself") means: the subject of its own clause, taken as the person or
    person noun named last before it that opens a clause ("Karus said that, as an official, KD failed to position
    himself": KD, not the speaker; "Budi thanked Ratna, promising to devote himself": Budi, since Ratna is an
    object).  A reflexive inside a quotation looks only inside it, one outside only outside them.  None when nobody
    is, or when a subject pronoun stands between them or the name is joined to the reflexive: the usual rules
    then find whom it means."""
    quote = next(((s, e) for s, e in quotes if s < position < e), None)
    if quote is None:
        before = [m for m in mentions if m.end <= position and not any(s <= m.start < e for s, e in quotes)]
    else:
        before = [m for m in mentions if quote[0] <= m.start and m.end <= position]
    subjects = [
        m for m in before if _CLAUSE_OPENS_BEFORE.search(_TITLE_RUN_BEFORE.sub("", text[sentence.start : m.start]))
    ]
    if not subjects:
        return None
    between = text[subjects[-1].end : position]
    if _SUBJECT_PRONOUN_BETWEEN.search(between) or _JOINED.fullmatch(between):
        return None
    return subjects[-1]


class PronounGender(Check):
    """A gendered pronoun that contradicts the known gender of the person it refers to.

    What it finds:
        "he/him/his" for a woman or "she/her" for a man.  Indonesian (like Malay, Turkish,
        Finnish, Chinese in speech) has gender-neutral pronouns — *dia*, *ia*, *-nya* — so
        the MT engine guesses, nearly always "he": a woman minister becomes "he" in every
        "…," he said after her own quotations.  The article's own pronouns are that guess, so
        they are never evidence.  mtaudit learns each person's gender from honorifics and
        gendered words ("Mrs", "Ibu Risma", "Pak Budi", "the actress", "a mother of two"), names
        that carry their bearer's gender (``name_markers.tsv``: Balinese "Ida Bagus", "Ni Wayan"), the
        list of public figures the news often names (``public_figures.tsv``: Sri Mulyani is
        the finance minister), the reference report's pronouns, and the person's first name
        when it is near-unambiguous (at least 85% of the records of one gender in the
        names-dataset extract; 97% for a one-word name).  A pronoun that attributes a
        quotation ("…," he said) means the quotation's speaker (when the passage names two people
        who may have said it, it is flagged only if both contradict it); a "he" or "she" inside a
        quotation that speaks of nobody before it means the one other person the passage names
        around it (the speaker is "I"); other pronouns are flagged only when every person they
        could mean contradicts them.  See ``mtaudit/people/``
        for the heuristics.  Each finding lists the evidence.  Severity is *error* when an
        honorific, a gendered word, the public figures list or the reference supports the
        gender, *warning* when only the first name does; a first name alone never overrules
        a "she".

    Why it matters:
        Misgendering a named person is a factual error readers notice and complain about.

    Example:
        "Megawati asked the cadres to stay humble. \"Remember, 2024 is close,\" he said."

    Use instead:
        "Megawati asked the cadres to stay humble. \"Remember, 2024 is close,\" she said."
    """

    code = "MT003"
    name = "pronoun-gender"
    severity = Severity.ERROR

    def run(self, ctx):
        people = ctx.people
        text = ctx.candidate.text
        # A bracketed first-person passage is a quotation's translation: "(I can't say I would like to see him)".
        quotes = sorted(quotations(text) + [m.span() for m in _TRANSLATED_QUOTE.finditer(text)])
        mentions = people.candidate_mentions
        # Speakers as the attributions carry them on: '"…," said Sandra Fitria. … According to her, … "…," she
        # continued.' The pronoun that attributed a quotation to a speaker names that speaker for the next one.
        speakers = {index: list(found) for index, found in mentions.items()}
        by_index = {s.index: s for s in ctx.candidate.audited_sentences}
        # Words for somebody a quotation may speak of without a name ("the referee", "my partner").
        person_words = frozenset(ctx.english.titles) | frozenset(ctx.english.gendered_nouns)
        for sentence in ctx.candidate.audited_sentences:
            flagged_here: dict[str, bool] = {}  # gender -> whether the sentence's first such pronoun was flagged
            flagged_for: dict[str, list] = {}  # gender -> who the sentence's flagged pronoun of that gender meant
            for match in pronouns_in(text, sentence):
                pronoun = match.group()
                gender = PRONOUNS[pronoun.lower()]
                following = re.match(r"\s*([A-Za-z]+)", text[match.end() : match.end() + 30])
                next_word = following.group(1) if following else ""
                if pronoun.lower() in ("his", "her") and next_word.lower() == "party":
                    continue  # "his party" renders "pihaknya" (the institution): MT008's calque, not a gender slip
                if pronoun.lower() in ("himself", "herself") and _NAME_JUST_BEFORE.search(
                    text, sentence.start, match.start()
                ):
                    # "hear from Rodrigo Duterte himself": an intensive reflexive means the name right before it.
                    before = [m for m in mentions.get(sentence.index, []) if 0 <= match.start() - m.end <= 1]
                    if not before or before[-1].person is None:
                        continue
                    gender_of = people.person(before[-1].person).decided_gender()
                    if gender_of.gender in (None, gender):
                        continue
                bound = (
                    _reflexive_subject(text, sentence, mentions.get(sentence.index, []), match.start(), quotes)
                    if pronoun.lower() in ("himself", "herself")
                    else None
                )
                said = (
                    speaker(text, by_index, speakers, sentence.index, match.start(), quotes)
                    if bound is None and is_attribution(text, sentence, match, quotes)
                    else None
                )
                if bound is not None:
                    candidates = [bound]
                elif said:
                    candidates = [said]
                    _carry(speakers, said, sentence.index, match)
                elif is_attribution(text, sentence, match, quotes) and pronoun.lower() in ("he", "she"):
                    # "He emphasised that he was ready": the subject reports on themself, so this pronoun
                    # means whoever the flagged "He" meant.
                    chained = _SELF_REPORT.search(text, sentence.start, match.start()) and flagged_for.get(gender)
                    # '"…," he said' after "Megawati told Risma …": either woman may have spoken, so "he" is wrong
                    # whichever did.  An agency or an unnamed official may have: leave it.
                    candidates = chained or possible_speakers(
                        text, by_index, speakers, sentence.index, match.start(), quotes
                    )
                    if not candidates:
                        continue
                else:
                    candidates = self._candidates(people, text, sentence, match, next_word, quotes, mentions, speakers)
                    if not candidates and any(start < match.start() < end for start, end in quotes):
                        # '"I think he is like a diamond," said Taufik' after Taufik handed Ester her medal
                        candidates = quoted_topic(
                            text, by_index, speakers, sentence.index, match.start(), quotes, person_words
                        )
                    if (
                        pronoun.lower() in ("he", "she")
                        and _SPEAKING.match(text, match.end())
                        and not any(start < match.start() < end for start, end in quotes)
                        and len(candidates) == 1
                        and candidates[0].person is not None
                    ):
                        # "He said, although …" names its speaker for the next '"…," he said' as a name would.
                        _carry(speakers, candidates[0], sentence.index, match)
                    # "thanked her for her service": a later pronoun of the same gender in the sentence follows
                    # the first one, flagged or not.
                    if not flagged_here.get(gender, True):
                        continue
                if not any(start < match.start() < end for start, end in quotes):
                    flagged_here.setdefault(gender, False)  # a quoted "his" may mean anyone: it leads nothing
                if not candidates:
                    continue
                verdicts = []
                for mention in candidates:
                    if mention.person is None:
                        verdicts.append((mention.gender, None, None))
                        continue
                    person = people.person(mention.person)
                    verdicts.append((person.decided_gender().gender, person, person.decided_gender()))
                if any(decided is None or decided == gender for decided, _, _ in verdicts):
                    continue
                persons = list({p.id: p for _, p, _ in verdicts if p is not None}.values())
                decisions = [d for _, p, d in verdicts if p is not None]
                if not persons:
                    continue  # only gendered nouns around ("his wife"): no named person to explain
                if gender == "female" and not all(d.strong for d in decisions):
                    continue  # engines write "she" only with a reason; a first name does not overrule it
                flagged_here[gender] = True
                flagged_for[gender] = candidates
                correct = "female" if gender == "male" else "male"
                fix = corrected(pronoun, correct, next_word)
                who = " or ".join(p.name for p in persons)
                kind = (
                    ("a man" if correct == "male" else "a woman")
                    if len(persons) == 1
                    else ("men" if correct == "male" else "women")
                )
                yield self.finding(
                    ctx,
                    match.start(),
                    match.end(),
                    f'"{pronoun}" refers to {who}, {"who is" if len(persons) == 1 else "all"} {kind} according to '
                    f'the evidence; use "{fix}".',
                    fix,
                    evidence=" | ".join(f"{p.name}: {describe(p)}" for p in persons),
                    # A first name alone: ask the editor to check, do not fail the article.
                    severity=Severity.ERROR if all(d.strong for d in decisions) else Severity.WARNING,
                )

    @staticmethod
    def _candidates(people, text, sentence, match, next_word, quotes, mentions, speakers):
        """Everyone the pronoun could mean (see ``mtaudit/people/resolver.py``)."""
        pronoun = match.group().lower()
        gender = PRONOUNS[pronoun]
        # An object pronoun ("thanked her for") is not the subject of its own clause, so the
        # person it means is often the one named in the sentence before.
        is_object = pronoun == "him" or (pronoun == "her" and (not next_word or next_word.lower() in _OBJECT_FOLLOWERS))
        named_before = [m for m in mentions.get(sentence.index, []) if m.person is not None and m.start < match.start()]
        if (
            not is_object
            and not named_before
            and _INDEFINITE_SUBJECT.fullmatch(text, sentence.start, match.start())
            and not _PREPOSITION_BEFORE.search(text, sentence.start, match.start())
        ):
            # "A French drug trafficker briefly on death row saw his sentence commuted": the sentence brings in
            # someone new, unnamed and of no stated gender, whom the pronoun means.
            return []
        # Earlier sentences as the attributions left them: '"…," he said.' names its speaker for "He stated …".
        earlier = {**speakers, sentence.index: mentions.get(sentence.index, [])}
        subject = previous_subject(text, earlier, sentence.index, match.start(), quotes)
        if subject is not None:
            primary, window = subject
            # "He admitted …" opening the sentence after "Megawati denied … gave support to Prabowo": a subject
            # pronoun continues the subject; a person after a preposition there was no subject.
            # So is one after a fronted phrase ("In this activity, he was accompanied by Ganjar").
            lead = text[sentence.start : match.start()]
            opens = pronoun in ("he", "she") and (not lead.strip(' "“‘') or _FRONTED_PHRASE.fullmatch(lead) is not None)
            if opens:
                # "He also expressed his pride in seeing the President": a subject pronoun opening its sentence is
                # not the person the sentence names later (English would have named them first).
                window = [m for m in window if m.sentence != sentence.index or m.start < match.start()]
            # The subject of the sentence before, unless someone else there could be meant: a person whose
            # evidence leans to the pronoun's gender, a gendered noun of that gender, or an unnamed subject.
            for other in window:
                if other is primary:
                    continue
                if other.person is None and (other.gender == gender or (other.gender is None and other.speaker)):
                    return []
                if other.person is not None and other.person != primary.person:
                    if lean(people.person(other.person)) == gender and not (
                        opens and _OBJECT_OF_PREPOSITION.search(text, max(0, other.start - 50), other.start)
                    ):
                        return []
            return [primary]
        candidates = antecedents(mentions, sentence.index, match.start(), quotes, widen=True)
        if not is_object:
            narrow = antecedents(mentions, sentence.index, match.start(), quotes)
            # A subject "he"/"she" is not the person its own sentence names later ("He did not resist when he
            # was pulled on stage by Inul"): English would have named them first.  A fronted possessive may
            # be ("In her speech, Whitfield promised").
            later = [
                m
                for m in candidates
                if m.start >= match.start() and not _POSSESSED_NOUN_APPOSED.fullmatch(text, match.end(), m.start)
            ]
            later = later if pronoun not in ("he", "she") else []
            candidates = narrow + later
        # "While sparring with Hontiveros over his remarks, Duterte asked …": a pronoun in a fronted
        # clause may mean the main clause's subject, named after the comma.
        if _FRONTED_CLAUSE.match(text, sentence.start, match.start()):
            comma = text.find(",", match.end(), sentence.end)
            if comma != -1:
                subject = next(
                    (
                        m
                        for m in mentions.get(sentence.index, [])
                        if m.start > comma and not text[comma + 1 : m.start].strip()
                    ),
                    None,
                )
                if subject is not None and subject not in candidates:
                    candidates = [*candidates, subject]
        return candidates
