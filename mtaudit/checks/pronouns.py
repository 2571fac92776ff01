from __future__ import annotations

import re

from ..model import Severity
from ..people import PRONOUNS, antecedents, describe, pronoun_description, pronouns_in
from .base import Check, quoted_spans

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


def _follows_same_gender_pronoun(text: str, sentence, match, gender: str) -> bool:
    """True when an earlier pronoun of the same gender in the sentence leads to this one."""
    from ..people import PRONOUN_RE

    return any(PRONOUNS[m.group().lower()] == gender for m in PRONOUN_RE.finditer(text, sentence.start, match.start()))


def corrected(pronoun: str, gender: str, following: str) -> str:
    lowered = pronoun.lower()
    if lowered == "her":
        replacement = "him" if (not following or following.lower() in _OBJECT_FOLLOWERS) else "his"
    elif lowered == "his":
        replacement = "hers" if (not following or following.lower() in _OBJECT_FOLLOWERS) else "her"
    else:
        replacement = _SWAP[(lowered, gender)]
    return replacement.capitalize() if pronoun[0].isupper() else replacement


class PronounGender(Check):
    """A gendered pronoun that contradicts the known gender of the person it refers to.

    What it finds:
        "he/him/his" for a woman or "she/her" for a man.  Indonesian (like Malay, Turkish,
        Finnish, Chinese in speech) has gender-neutral pronouns — *dia*, *ia*, *-nya* — so
        the MT engine guesses, in both directions.  mtaudit learns each person's gender
        from evidence: honorifics and gendered titles ("Mr Kim", "Ibu Sri Mulyani", "the
        queen"), pronouns in the reference report, the article's own pronouns for that
        person, and (weakest) a first-name dataset.  See ``mtaudit/people.py`` for the
        resolution heuristic.  It flags only when every possible antecedent has a decided
        gender that contradicts the pronoun; absent or mixed evidence is never flagged.
        Each finding lists the evidence.  Severity is *error* when an honorific, a gendered
        title or the reference supports the gender, *warning* when only the article's own
        other pronouns do.

    Why it matters:
        Misgendering a named person is a factual error readers notice and complain about.

    Example:
        "Photos of state media show leader Kim and her guests" (the reference calls him
        "Mr Kim"; the article itself says "Kim expressed his views").

    Use instead:
        "Photos of state media show leader Kim and his guests"
    """

    code = "MT003"
    name = "pronoun-gender"
    severity = Severity.ERROR

    def run(self, ctx):
        people = ctx.people
        text = ctx.candidate.text
        quotes = quoted_spans(text)
        for sentence in ctx.candidate.audited_sentences:
            for match in pronouns_in(text, sentence):
                pronoun = match.group()
                gender = PRONOUNS[pronoun.lower()]
                following = re.match(r"\s*([A-Za-z]+)", text[match.end() : match.end() + 30])
                next_word = following.group(1) if following else ""
                # An object pronoun ("thanked her for") is not the subject of its own clause, so the
                # person it means is often the one named in the sentence before.
                is_object = pronoun.lower() == "him" or (
                    pronoun.lower() == "her" and (not next_word or next_word.lower() in _OBJECT_FOLLOWERS)
                )
                candidates = antecedents(people.candidate_mentions, sentence.index, match.start(), quotes, widen=True)
                if not is_object:
                    narrow = antecedents(people.candidate_mentions, sentence.index, match.start(), quotes)
                    later = [m for m in candidates if m.start >= match.start()]
                    candidates = narrow + later
                if not candidates:
                    continue
                if _follows_same_gender_pronoun(text, sentence, match, gender):
                    continue  # "thanked her for her service": the second "her" follows the first
                own = pronoun_description("article", match.start())
                verdicts = []
                strengths: list[bool] = []
                for mention in candidates:
                    if mention.person is None:
                        verdicts.append((mention.gender, None))
                        continue
                    person = people.person(mention.person)
                    decided, strong = person.decided_gender(exclude_description=own)
                    verdicts.append((decided, person))
                    strengths.append(strong)
                if any(decided is None or decided == gender for decided, _ in verdicts):
                    continue
                persons = list({p.id: p for _, p in verdicts if p is not None}.values())
                if not persons:
                    continue  # only gendered nouns around ("his wife"): no named person to explain
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
                    evidence=" | ".join(f"{p.name}: {describe(p, exclude=own)}" for p in persons),
                    # Only the article's own pronouns as evidence: ask the editor to check, do not fail.
                    severity=Severity.ERROR if all(strengths) else Severity.WARNING,
                )
