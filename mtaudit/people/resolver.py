"""Which person a pronoun means.

**Attributed quotations.**  News attributes a quotation with a pronoun once the speaker is
known: `"…," he said`, `he added`, `According to her, …`.  That pronoun means the quotation's
speaker: the person most recently named as speaking (a speech verb next to the name, "according
to X"), in the same sentence or up to :data:`SPEAKER_LOOKBACK` sentences back.  If an unnamed
speaker ("the regent said") came later, or another named person was the subject of a sentence in
between, the speaker is not certain and the pronoun is left alone.  A pronoun that attributed a
quotation counts as a mention of its speaker for the next attribution ("According to her, …" carries
the speaker on to a later `"…," she continued`).  With no speech verb in reach,
the speaker is the one person the last :data:`TOPIC_LOOKBACK` sentences name, if there is exactly
one and no unnamed role ("the regent") among them.

**Other pronouns.**  The candidate antecedents are the people (and gendered nouns such as "his
wife", and unnamed roles or names of unknown gender such as "her Chinese counterpart", "the
regent", "Nguyen Thi Lan") mentioned earlier in the same sentence; if there are none, those of the
nearest earlier sentence (up to three back) that mentions anyone.  Before a pronoun is flagged the
window is widened (people named later in the sentence; for object pronouns, the people of the
sentence before), and every candidate must contradict it.

**News conventions the check relies on** (``checks/pronouns.py`` and ``mentions.py``). A "he"/"she" that opens a
sentence continues the subject of the nearest earlier sentence that names anyone, up to :data:`TOPIC_REACH`
sentences back (a list of figures may stand between the official and "He said"), and a sentence that opens with a role
set before a name ("A young singer who …, Nabila released …") has that person as its subject; a person there after a
preposition ("gave support to Prabowo") competes with nobody. A pronoun in a fronted clause may mean the subject named
after its comma ("While sparring with Hontiveros over his remarks, Duterte …"). A role that opens a sentence ("The PBSI
athlete …") restates the person just named, unless it is an office of its own or the article spoke of such a person
before; a nickname introduced as such ("Kiki, as she is familiarly called") is the person just named. A speaking
pronoun ("He said, …") names its speaker for the next attribution, and an attribution names its speaker for a
pronoun that opens a later sentence ('"…," he said. He also asked …'). A title set before a name in apposition
("The Minister of PPPA (…), I Gusti Ayu …") is that person's, and "the Minister of PPPA" restates her; a name after
"told"/"asked" is the listener, not the speaker. "Someone", "a person" may be whom a pronoun means, and so may the
unnamed newcomer a sentence opens with ("A French drug trafficker … saw his sentence commuted"); bylines and
captions name nobody. An intensive reflexive means the name right before it ("Duterte himself"), and "his party" is
the *pihaknya* calque, left to MT008.

**Quotations.**  A pronoun inside a quotation is resolved to people named earlier in the same
quotation: the speaker may be talking about anyone; a bracketed first-person passage ("(I can't say …)") is a
quotation's translation.  When the quotation names nobody before the pronoun, it means the one person other than
the speaker whom the passage names around the quotation, if the speaker is known and nobody unnamed is there
(:func:`quoted_topic`): the speaker is "I".  Quotation marks are paired within a
paragraph, each mark read as opening or closing from its neighbours (machine translation mixes “
and " and drops marks).
"""

from __future__ import annotations

import re

from ..entities import fold, places
from ..language import zipf
from ..segment import ABBREVIATIONS
from .mentions import _TO_LISTENER, SPEECH, TITLE_RUN, Mention

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
# "He" before a capitalised word English does not use is the Chinese surname He.
_CHINESE_SURNAME = re.compile(r"He\s+([A-Z][a-z]+)\b")
SPEAKER_LOOKBACK = 4
TOPIC_LOOKBACK = 6
# Past TOPIC_LOOKBACK sentences that name nobody (a list of figures, a paraphrase) the passage goes on back to the
# nearest sentence that names anyone, up to this far.
PASSAGE_LOOKBACK = 12
_QUOTE_MARKS = re.compile(r"[\"“”]")
_AFTER_QUOTE = re.compile(r"[\"”’'][\s,]*$")
_ATTRIBUTION_VERB = re.compile(rf"\s+(?:also\s+|then\s+|later\s+|again\s+|further\s+)?{SPEECH}\b")
# Speech verbs that take no object before their clause, so a pronoun right after them is their subject.
REPORTING_VERBS = (
    r"(?:said|says|explained|added|stated|stressed|admitted|claimed|revealed|insisted|emphasi[sz]ed|conveyed|"
    r"noted|acknowledged|confirmed|hoped|assured|assessed|argued)"
)
# "Rina said he …", "Rina emphasized that so far he …": an adverb of time may stand before the pronoun.
_REPORTED_SUBJECT = re.compile(
    rf"\b{REPORTING_VERBS}\s+(?:that\s+(?:(?:so far|until now|currently|now|later|still|also|previously|"
    r"in the future),?\s+)?)?$"
)
_ACCORDING_TO = re.compile(r"\b[Aa]ccording to\s+$")


def _mark_role(text: str, at: int, start: int, end: int) -> str:
    """ "open" or "close" for a quotation mark; straight marks by the characters around them."""
    mark = text[at]
    if mark == "“":
        return "open"
    if mark == "”":
        return "close"
    before = text[at - 1] if at > start else " "
    after = text[at + 1] if at + 1 < end else " "
    if _ATTRIBUTION_AFTER_MARK.match(text, at + 1, end):
        return "close"  # `money, "he said`: the mark sits on the wrong side of its space
    if before.isspace() or before in "([{—–-":
        return "open"
    if after.isspace() or after in ".,;:!?)]}—–-":
        return "close"
    return "open" if before in ":" else "close"


_ATTRIBUTION_AFTER_MARK = re.compile(rf"\s*(?:he|she|they)\s+{SPEECH}\b")
_TRAILING_ATTRIBUTION = re.compile(rf"[.!?,]\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+{SPEECH}\b[^\"“”]*$")


# A sentence that narrates speech (a reporting verb, "according to"); shared with MT005's quotation marks.
NARRATION = re.compile(rf"\b{SPEECH}\b|\b[Aa]ccording to\b")


def _unopened_start(text: str, start: int, closing: int) -> int:
    """Where a quotation closed at ``closing`` but never opened begins: after the paragraph's last sentence
    that narrates ("Siti said the fires spread. According to her, officers are out. We are on alert,"),
    else at the paragraph's start; or later, where a sentence lost its capital with its opening mark."""
    bounds = [start] + [start + m.end() for m in re.finditer(r"[.!?]\s+(?=[A-Z])", text[start:closing])]
    begin = start
    for here, following in zip(bounds, bounds[1:], strict=False):
        if NARRATION.search(text, here, following):
            begin = following
    return lost_capital(text, begin, closing) or begin


# A word, its full stop and a small letter: "issues. realizing"; not "3 p.m. on", "e.g. roads" (abbreviations).
_STOP_THEN_SMALL = re.compile(r"(?P<word>[\w.)]*[a-z0-9)])[.!?]\s+(?=[a-z]{2,})")


def lost_capital(text: str, start: int, end: int, abbreviated: set[str] = ABBREVIATIONS) -> int | None:
    """Where the last sentence between ``start`` and ``end`` opens with a small letter after a full stop, or None:
    in "… children's issues. realizing a nation that is advanced," he said' the quotation lost its opening mark
    with its capital.  A full stop after an abbreviation (``abbreviated``: "p.m.", "e.g.") ends no sentence."""
    lowered = [
        m.end()
        for m in _STOP_THEN_SMALL.finditer(text, start, end)
        if "." not in m.group("word") and m.group("word").lower() not in abbreviated
    ]
    return lowered[-1] if lowered else None


def quotations(text: str) -> list[tuple[int, int]]:
    """Spans of double-quoted passages within each paragraph.  Machine translation mixes “ with " and
    drops marks, so each mark is read as opening or closing from its neighbours: a closing mark without an
    opening one closes a quotation begun after the paragraph's last narrating sentence (or at its start), and
    an opening mark never closed runs to the paragraph's end, or to a trailing attribution ("… the people.
    Megawati said.")."""
    spans = []
    for paragraph in re.finditer(r"[^\n]+", text):
        start, end = paragraph.span()
        opened: int | None = None
        for mark in _QUOTE_MARKS.finditer(text, start, end):
            at = mark.start()
            role = _mark_role(text, at, start, end)
            if role == "open" and opened is None:
                opened = at
            elif role == "close":
                spans.append((_unopened_start(text, start, at) if opened is None else opened, at + 1))
                opened = None
        if opened is not None:
            trailing = _TRAILING_ATTRIBUTION.search(text, opened, end)
            spans.append((opened, trailing.start() + 1 if trailing else end))
    return spans


def pronouns_in(text: str, sentence) -> list[re.Match]:
    body = text[sentence.start : sentence.end]
    blocked = [m.span() for m in _EITHER.finditer(body)]
    out = []
    for match in PRONOUN_RE.finditer(text, sentence.start, sentence.end):
        rel = match.start() - sentence.start
        if any(s <= rel < e for s, e in blocked):
            continue
        surname = _CHINESE_SURNAME.match(text, match.start())
        if surname and zipf(surname.group(1).lower(), "en") < 3.0:
            continue  # "China's He Bingjiao", "Vice Premier He Lifeng": a surname before a given name
        out.append(match)
    return out


def is_attribution(text: str, sentence, match: re.Match, quotes: list[tuple[int, int]]) -> bool:
    """`"…," he said` / `he added` after a quotation / `According to her,` / `Rina said she …`."""
    pronoun = match.group().lower()
    before = text[sentence.start : match.start()]
    if pronoun in ("him", "her") and _ACCORDING_TO.search(before):
        return True
    if pronoun in ("he", "she") and _REPORTED_SUBJECT.search(before):
        return True  # "Rina … said he will focus": the speaker reports on themself
    if pronoun not in ("he", "she") or not _ATTRIBUTION_VERB.match(text, match.end()):
        return False
    if _AFTER_QUOTE.search(before):
        return True
    # "… the people. He said." closing a paragraph of quotation, or a quotation earlier in the sentence.
    return any(sentence.start <= s and e <= match.start() for s, e in quotes)


def speaker(
    text: str,
    sentences: dict[int, object],
    mentions: dict[int, list[Mention]],
    sentence_index: int,
    position: int,
    quotes: list[tuple[int, int]],
) -> Mention | None:
    """The mention of the quotation's speaker for an attributing pronoun at ``position``, or None
    when the speaker is not certain (see the module docstring).  Without a speech verb in reach, the
    one person the passage names (outside quotations) is the speaker."""
    found = possible_speakers(text, sentences, mentions, sentence_index, position, quotes)
    return found[0] if len(found) == 1 else None


def possible_speakers(
    text: str,
    sentences: dict[int, object],
    mentions: dict[int, list[Mention]],
    sentence_index: int,
    position: int,
    quotes: list[tuple[int, int]],
) -> list[Mention]:
    """Everyone who may have said the quotation an attributing pronoun at ``position`` closes: the speaker a
    speech verb names; else the people the passage names, when nobody unnamed ("the regent", "the agency")
    could have spoken.  Empty when anyone else may have; more than one when :func:`speaker` cannot tell."""
    subjects_between: list[Mention] = []
    named_in_passage: dict[int, Mention] = {}
    unnamed = False
    for back in range(0, PASSAGE_LOOKBACK + 1):
        index = sentence_index - back
        if index < 0 or (back > TOPIC_LOOKBACK and (named_in_passage or unnamed)):
            break
        here = [m for m in mentions.get(index, []) if back or m.end <= position]
        here = [m for m in here if not any(s <= m.start < e for s, e in quotes)]  # names inside quotes speak not
        if index in sentences and _unattributed_speech(
            text, sentences[index], here, quotes, None if back else position
        ):
            return []  # "the agency said", "YG Entertainment explained": somebody speaks who is no person here
        if back <= SPEAKER_LOOKBACK:
            for mention in reversed(here):
                if mention.speaker:
                    if mention.person is None:
                        return []  # "the regent said": an unnamed speaker
                    others = {m.person for m in subjects_between} - {mention.person}
                    if not others:
                        return [mention]
                    # Two people in turn: either may speak ("Megawati told Risma …"), never a third.
                    return list({m.person: m for m in [mention, *subjects_between]}.values())
            # A title standing for someone ("the Minister of Finance") restates a person; it competes with nobody.
            named = [m for m in here if m.person is not None and not m.role]
            if named:
                subjects_between.append(named[0])
        for n, mention in enumerate(here):
            if mention.person is None:
                # An unnamed speaker or subject ("The regent explained …") may be the one talking.
                unnamed = unnamed or (mention.gender is None and (mention.speaker or n == 0))
            elif not mention.role:
                named_in_passage.setdefault(mention.person, mention)
    return [] if unnamed else list(named_in_passage.values())


# How many sentences back a pronoun may find the topic when the sentences between name nobody: a report keeps its
# subject through a list of figures ("South Palu had 34 cases. West Palu had 31. He said …").
TOPIC_REACH = 5


def previous_subject(
    text: str, mentions: dict[int, list[Mention]], sentence_index: int, position: int, quotes: list[tuple[int, int]]
) -> tuple[Mention, list[Mention]] | None:
    """(referent, everyone who could compete) for a pronoun with nobody named before it in its own
    sentence.  When a name follows the pronoun's fronted phrase ("In his speech, Budi said"), that name;
    otherwise the first person named, outside quotations, in the nearest earlier sentence that names
    anyone — news keeps its topic as the subject ("Gregoria lost to Chen. … his defeat").  None when the
    pronoun's sentence names someone before it, or the subject there is not a named person."""
    own = [m for m in mentions.get(sentence_index, []) if not _inside(m.start, quotes)]
    if any(m.end <= position for m in own) or _inside(position, quotes):
        return None
    later = [m for m in own if m.start > position]
    # Only a pronoun inside a fronted phrase: "He asked one of the residents, Yani …" opens its sentence as its
    # subject, and the name after the comma is someone else.
    # "… and his wife, Maria, reported it": a pronoun joined to a name by "and" is in no fronted phrase, and the
    # name after the comma is the wife.
    fronted = not text[position : position + 1].isupper() and not re.search(
        r"\b(?:and|or)\s+$", text[max(0, position - 5) : position]
    )
    if fronted and later and re.fullmatch(r"[^,.;]{0,60},\s*", text[position : later[0].start]):
        return (later[0], own) if later[0].person is not None else None
    for back in range(1, TOPIC_REACH + 1):
        earlier = [m for m in mentions.get(sentence_index - back, []) if not _inside(m.start, quotes)]
        if earlier:
            first = _apposed_name(text, earlier) or earlier[0]
            return (first, earlier + later) if first.person is not None else None
    return None


def _apposed_name(text: str, mentions: list[Mention]) -> Mention | None:
    """The person a sentence opens with when it opens with a role set before their name: "A young singer who won
    the talent show, Nabila Taqiyyah released …" is about Nabila Taqiyyah."""
    first = mentions[0]
    if first.person is not None or first.gender is not None:
        return None
    for mention in mentions[1:]:
        if mention.person is not None:
            between = text[first.end : mention.start]
            return mention if _APPOSED_BEFORE_NAME.fullmatch(between) else None
    return None


# What may stand between a role and the name it is set before: its own words, closed by a comma, and an honorific
# or title ("…, Ibu Ratna").
_APPOSED_BEFORE_NAME = re.compile(r"[^.;:!?\"“”]{0,100},\s*(?:[A-Z][\w.'’-]*\s+){0,3}")


def _inside(position: int, quotes: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in quotes)


_SPEECH_RE = re.compile(rf"\b{SPEECH}\b")
# "the so-called rules", "a village called Tegal": "called" names something, nobody speaks.
_NAMING_CALLED = re.compile(r"(?:\bso-|\b(?:is|are|was|were|be|been|being|also|often|commonly|now|locally)\s+)$", re.I)
# "he said", "Both of them asked": people already in the passage speak again.
_PRONOUN_SUBJECT = re.compile(
    r"\b(?:he|she|they|He|She|They|[Bb]oth(?: of them)?|[Tt]he two(?: of them)?|[Hh](?:is|er) party)\s+"
    r"(?:also\s+|then\s+|later\s+|again\s+)?$"
)


def _unattributed_speech(text: str, sentence, here: list[Mention], quotes, limit: int | None) -> bool:
    """A speech verb outside quotations with nobody named next to it: the agency, a company, a group spoke."""
    end = sentence.end if limit is None else limit
    for verb in _SPEECH_RE.finditer(text, sentence.start, end):
        if any(s <= verb.start() < e for s, e in quotes):
            continue
        if verb.group() == "called" and _NAMING_CALLED.search(
            text, max(sentence.start, verb.start() - 12), verb.start()
        ):
            continue
        if _PRONOUN_SUBJECT.search(text, sentence.start, verb.start()):
            continue  # "he said", "his party continued" (the speaker's office, pihaknya): the same speaker again
        if re.match(r"\s+to\s", text[verb.end() : verb.end() + 4]):
            continue  # "continued to maximise": no speech
        if _PASSIVE_BEFORE.search(text, max(sentence.start, verb.start() - 12), verb.start()):
            continue  # "This was conveyed in a statement": a passive names no new speaker
        if _ATTRIBUTION_QUOTE_BEFORE.search(text, max(sentence.start, verb.start() - 3), verb.start()):
            if any(0 <= m.start - verb.end() <= 40 for m in here):
                continue  # '…," said Ida'
        if any(-60 <= verb.start() - m.end <= 60 or 0 <= m.start - verb.end() <= 40 for m in here):
            continue
        if any(m.start > verb.end() and _TITLE_BETWEEN.fullmatch(text, verb.end(), m.start) for m in here):
            continue  # 'said Head of the Family Welfare Team for Garut Regency, Ratna Kusumawati'
        return True
    return False


# The speaker's title between the speech verb and the name, with or without a comma: " Head of the Family Welfare
# Team for Garut Regency, ", " Minister of Women's Empowerment and Child Protection ".
_TITLE_BETWEEN = re.compile(rf"\s+{TITLE_RUN},?\s+")


_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|be)\s+(?:also\s+)?$")
_ATTRIBUTION_QUOTE_BEFORE = re.compile(r"[\"”’']\s*$")


def antecedents(
    mentions: dict[int, list[Mention]],
    sentence_index: int,
    position: int,
    quotes: list[tuple[int, int]] = (),
    *,
    widen: bool = False,
) -> list[Mention]:
    """Candidate antecedents for a pronoun at ``position`` (see the module docstring)."""
    quote = next(((s, e) for s, e in quotes if s < position < e), None)
    if quote:
        # People named earlier in the same quotation: in its own sentence, else the nearest earlier one
        # ("I played opposite Acha. He is very professional").
        for back in range(0, 4):
            inside = [m for m in mentions.get(sentence_index - back, []) if quote[0] <= m.start and m.end <= position]
            if inside:
                return inside
        return []
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


def unique_person(candidates: list[Mention]) -> int | None:
    ids = {m.person for m in candidates if m.person is not None}
    nouns = [m for m in candidates if m.person is None]
    if len(ids) == 1 and not nouns:
        return ids.pop()
    return None


# A capitalised word inside a quotation that does not open a sentence: somebody or something the speaker names.
_NAMED_INSIDE = re.compile(r"(?<![.!?\"“‘(]\s)(?<![.!?\"“‘(])\b(?!I\b|I[’']\w+\b)[A-Z][\w'’-]*")
# People a quotation may speak of without a name, beyond the titles and gendered nouns of the English lexicon.
_SOMEBODY = frozenset(
    "people person persons guy guys kid kids fan fans referee referees everyone everybody someone somebody anyone "
    "anybody nobody whoever".split()
)


def quoted_topic(
    text: str,
    sentences: dict[int, object],
    mentions: dict[int, list[Mention]],
    sentence_index: int,
    position: int,
    quotes: list[tuple[int, int]],
    person_words: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Whom a third-person pronoun inside a quotation means when the quotation speaks of nobody before it: the one
    person other than the speaker whom the passage names around the quotation ('Taufik also handed medals to Ester.
    … "I think he is like a diamond," said Taufik': Ester).  The speaker talks of themself as "I", so a "he" or "she"
    is somebody else.

    Empty unless the speaker is known (named in the attribution, by an attributing pronoun that names them, or
    before the quotation); the people named outside quotations in the opening sentence before the quotation, or
    else in the nearest of the three sentences before it that names anyone, and in the attribution, are, the speaker
    aside, exactly one person, with nobody unnamed ("the coach") and no listener ("Taufik told Ester") among them;
    and no quoted text from there to the pronoun names anyone or anything (a capitalised word that does not open a
    sentence: "I've never sung with Boril. … he") or speaks of somebody (``person_words``: "the referee", "my
    partner", "every player"), and no quotation between the people named and this one names anyone else."""
    quote = next(((s, e) for s, e in quotes if s < position < e), None)
    if quote is None:
        return []
    opening, closing = quote
    first = last = sentence_index
    while first - 1 in sentences and sentences[first].start > opening:
        first -= 1
    while last + 1 in sentences and sentences[last].end < closing:
        last += 1

    def outside(found: list[Mention]) -> list[Mention]:
        return [m for m in found if not _inside(m.start, quotes)]

    # The speaker: named in the attribution after the quotation, by a pronoun there that names them, or before it.
    attribution = [m for m in outside(mentions.get(last, [])) if m.start >= closing]
    spoken = next((m for m in attribution if m.speaker), None)
    if spoken is None:
        said = _ATTRIBUTION_AFTER_MARK.match(text, closing)  # '…," he said'
        if said and not said.group().lstrip().startswith("they"):
            spoken = speaker(
                text, sentences, mentions, last, said.start() + len(said.group()) - len(said.group().lstrip()), quotes
            )
    if spoken is None:
        spoken = next((m for m in reversed(outside(mentions.get(first, []))) if m.end <= opening and m.speaker), None)
    if spoken is None or spoken.person is None:
        return []
    source = first
    around = [m for m in outside(mentions.get(first, [])) if m.end <= opening]
    while not around and first - source < 3 and source - 1 in sentences:
        source -= 1
        around = outside(mentions.get(source, []))
    if not around:
        return []
    around += attribution
    if any(m.person is None for m in around):
        return []
    if any(_TO_LISTENER.search(text, max(0, m.start - 12), m.start) for m in around):
        return []  # the listener ("…," Taufik told Ester) is spoken to as "you", never "he" or "she"
    others = {m.person: m for m in around if m.person != spoken.person}
    if len(others) != 1:
        return []
    [topic] = others.values()
    # The pronoun's own quotation up to it may speak of nobody: a name ("I've never sung with Boril. … he") or
    # somebody ("the referee", "my partner", "every player") there may be whom it means.
    if _NAMED_INSIDE.search(text, opening + 1, position):
        return []
    words = re.findall(r"[a-z]+", text[opening:position])
    if any(w in person_words or w in _SOMEBODY or w.rstrip("s") in person_words for w in words):
        return []
    # Nor may a quotation between the people named and this one name anyone but them ("I also spoke with Anthony
    # Ginting." … "He is recovering"; '"I met Boril," Taufik said, "and he is great."').
    named = [m for found in mentions.values() for m in found if m.person == topic.person]
    for start, end in quotes:
        if start >= opening or end <= sentences[source].start:
            continue
        for word in _NAMED_INSIDE.finditer(text, start + 1, end):
            if not any(m.start <= word.start() < m.end for m in named) and fold(word.group()) not in places():
                return []  # (a place the speaker names, "held in Medan", is nobody)
    return [topic]
