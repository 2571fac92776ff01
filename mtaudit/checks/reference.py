from __future__ import annotations

import re

from .. import entities, numbers
from ..language import quoted_spans
from ..model import Severity
from ..people import PRONOUN_RE, PRONOUNS, pronouns_in
from .base import Check
from .pronouns import corrected

_MONTHS = "January February March April May June July August September October November December".split()
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_MONTH_RE = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b")
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b")
_KIND_NAMES = {"number": "number", "percent": "percentage", "money": "amount", "time": "time", "day": "date"}
_ENTITY_NAMES = {"person": "name", "place": "place", "org": "organisation"}
# A gendered noun in the candidate sentence is someone a pronoun of that gender may refer to.
_EITHER = re.compile(r"\b(?:he or she|she or he|his or her|her or his|him or her|her or him|his/her|he/she)\b", re.I)


# A reference whose typical sentence matches this closely is another translation of the same text, not a
# comparable report.  Measured median best similarity per document: sentence-parallel translations 0.91
# (0.705 at the lowest even with every sentence of the document perturbed), the real comparable reports of
# the tune split 0.40-0.59, the written development references 0.48-0.70.
PARALLEL_MEDIAN = 0.65


def _facts_threshold(ctx) -> float:
    """``reference_check`` against a parallel reference, ``reference_facts`` against a comparable report."""
    scores = sorted(a.similarity for a in ctx.alignments.values())
    if scores and scores[len(scores) // 2] >= PARALLEL_MEDIAN:
        return ctx.thresholds.reference_check
    return max(ctx.thresholds.reference_check, ctx.thresholds.reference_facts)


class ReferenceDisagreement(Check):
    """A fact in the sentence contradicts the aligned sentence of the reference report.

    What it finds:
        In sentence pairs that the aligner matched (similarity at least ``reference_check``,
        0.5 by default).  Against a *comparable* report (the median sentence matches below 0.65),
        numbers, names, months and years are compared only in pairs at least ``reference_facts``
        similar (0.78 by default): such a report states other facts in loosely similar sentences,
        while two translations of one sentence score 0.79 and up:

        - a number, amount, percentage, time, date or year whose *value* differs from the one the
          aligned reference sentence states for the same kind of fact.  Values are compared, not
          strings (``mtaudit/numbers.py``): "3,5 million" equals "3.5 million", "15.00 UTC"
          equals "3 p.m.", "twelve" equals "12", "1.2 billion" equals "1,200 million",
          "Rs 10,000 crore" equals "100 billion rupees";
        - a person, city, country or organisation the reference does not name anywhere, where
          the aligned reference sentence names a different one of the same kind that the
          sentence lacks — "Lyon" where the reference says "Lille" (``mtaudit/entities.py``;
          spelling and transliteration variants such as Shoigu/Shoygu or Kim Jong-un/Kim Jong
          Un are the same name);
        - a month that differs from the aligned sentence's, or a weekday that differs from the
          one in the most similar reference sentence that names one;
        - a gendered pronoun that contradicts the aligned reference sentence: the reference
          uses only "he" (or only "she") in the matching sentence, the sentence shares a name
          with it, and nobody of the other gender is named in the sentence — or the named person
          the two sentences share is gendered the other way.

        A value or name that the reference states in a neighbouring sentence is never flagged,
        and neither is a fact the reference simply does not mention: comparable reports
        legitimately mention different facts.  Only a *different* fact of the same kind in the
        same place counts.

    Why it matters:
        MT engines misread dates and numbers ("1953" -> "1935"), swap names and genders, and a
        wrong one is a factual error.  The reference is the editor's quickest second source.

    Example:
        Article: "the 70th anniversary of the armistice signed in 1935"; reference: "the
        armistice signed in 1953".

    Use instead:
        "the 70th anniversary of the armistice signed in 1953"
    """

    code = "MT006"
    name = "reference-disagreement"
    severity = Severity.WARNING
    needs_reference = True

    def run(self, ctx):
        if not ctx.reference:
            return
        ref_doc = ctx.reference
        ref_text_all = ref_doc.text
        names = _NameFinder(ctx)
        reported: set[tuple[int, int]] = set()  # the two pronoun comparisons may flag the same word
        facts_threshold = _facts_threshold(ctx)
        for sentence in ctx.candidate.audited_sentences:
            alignment = ctx.alignments.get(sentence.index)
            if not alignment or not alignment.references or alignment.similarity < ctx.thresholds.reference_check:
                continue
            ref_texts = [ref_doc.sentences[i].text for i in alignment.references]
            ref_sentence = " ".join(ref_texts)
            nearby_texts = [ref_doc.sentences[i].text for i in alignment.neighbours if i not in alignment.references]
            nearby = " ".join(nearby_texts)
            best = ref_doc.sentences[(alignment.neighbours or alignment.references)[0]].text
            if alignment.similarity >= facts_threshold:
                yield from self._numbers(ctx, sentence, ref_sentence, nearby)
                yield from self._entities(ctx, sentence, ref_texts, nearby_texts, names)
                yield from self._named(ctx, sentence, ref_sentence, ref_text_all, _MONTH_RE, "month")
            # The day of the event is often stated in a neighbouring sentence of a comparable
            # report: use the most similar reference sentence that names a weekday.
            neighbours = alignment.neighbours or alignment.references
            stating = next(
                (ref_doc.sentences[i].text for i in neighbours if _WEEKDAY_RE.search(ref_doc.sentences[i].text)), ""
            )
            yield from self._named(ctx, sentence, stating, ref_text_all, _WEEKDAY_RE, "day")
            for finding in (
                *self._pronouns(ctx, sentence, ref_sentence, alignment),
                *self._aligned_pronouns(ctx, sentence, best, names),
            ):
                if (finding.start, finding.end) not in reported:
                    reported.add((finding.start, finding.end))
                    yield finding

    def _numbers(self, ctx, sentence, ref_sentence, nearby):
        cand = numbers.extract(sentence.text)
        ref = numbers.extract(ref_sentence)
        around = numbers.extract(nearby) if nearby else []
        # Reference values the sentence already states are accounted for; only the rest can be
        # the value a changed number should have had.
        open_ref = [r for r in ref if not any(r.matches(c) for c in cand)]
        for q in cand:
            if any(q.matches(r) for r in ref) or any(q.matches(r) for r in around):
                continue
            rivals = [r for r in open_ref if numbers.contradicts(q, r) and _same_magnitude(q, r)]
            if not rivals:
                continue
            fix = _as_written(rivals[0].text, q.text) if len({r.values for r in rivals}) == 1 else None
            kind = _KIND_NAMES.get(q.kind, q.kind)
            yield self.finding(
                ctx,
                sentence.start + q.start,
                sentence.start + q.end,
                f"The {kind} {q.text} does not match the reference, whose matching sentence gives "
                f"{', '.join(r.text for r in rivals)}; check which is right.",
                fix,
                evidence=f"reference: {ref_sentence}",
            )

    def _entities(self, ctx, sentence, ref_texts, nearby_texts, names):
        cand = [(e, sentence.text) for e in names.of(sentence.text)]
        ref = [(e, t) for t in ref_texts for e in names.of(t)]
        around = [e for t in nearby_texts for e in names.of(t)]
        ref_text = " ".join(ref_texts + nearby_texts)
        cand_entities = [e for e, _ in cand]
        # Reference names the sentence lacks (in any spelling): the candidates for a swapped name.
        open_ref = [
            (r, t) for r, t in ref if r.kind != "other" and not entities.mentioned(r.text, cand_entities, sentence.text)
        ]
        all_ref = [e for e, _ in ref] + around
        unmatched = [(c, t) for c, t in cand if c.kind != "other" and not entities.mentioned(c.text, all_ref, ref_text)]
        for c, text in unmatched:
            rivals = [r for r, t in open_ref if entities.comparable(c, r) and _same_role(c, text, r, t)]
            peers = [u for u, _ in unmatched if entities.comparable(u, c)]
            same_kind = [r for r, _ in open_ref if entities.comparable(c, r)]
            # One name for one name: "Lyon" where the reference says "Lille".  With more names on
            # either side the sentences are probably listing different things.
            if not rivals or len(peers) != len(same_kind):
                continue
            fix = rivals[0].text if len(rivals) == 1 and len(peers) == 1 else None
            what = _ENTITY_NAMES[c.kind] if c.kind != "place" or not c.subtype else c.subtype
            yield self.finding(
                ctx,
                sentence.start + c.start,
                sentence.start + c.end,
                f'The {what} "{c.text}" does not appear in the reference, whose matching sentence names '
                f"{', '.join(r.text for r in rivals)} instead; check which is right.",
                fix,
                evidence=f"reference: {' '.join(ref_texts)}",
            )

    def _named(self, ctx, sentence, ref_sentence, ref_text_all, pattern, kind):
        ref_values = pattern.findall(ref_sentence)
        if not ref_values:
            return
        for m in pattern.finditer(sentence.text):
            if m.group() in ref_text_all:
                continue
            yield self.finding(
                ctx,
                sentence.start + m.start(),
                sentence.start + m.end(),
                f"The {kind} {m.group()} contradicts the reference, which says {', '.join(sorted(set(ref_values)))}.",
                ref_values[0] if len(set(ref_values)) == 1 else None,
                evidence=f"reference: {ref_sentence}",
            )

    def _pronouns(self, ctx, sentence, ref_sentence, alignment):
        people = ctx.people
        cand_people = {m.person for m in people.candidate_mentions.get(sentence.index, []) if m.person is not None}
        ref_people = {
            m.person for i in alignment.references for m in people.reference_mentions.get(i, []) if m.person is not None
        }
        shared = cand_people & ref_people
        if len(shared) != 1 or len(cand_people) != 1 or len(ref_people) != 1:
            return  # only a single shared person makes the pronouns comparable
        ref_genders = {PRONOUNS[p.group().lower()] for p in PRONOUN_RE.finditer(ref_sentence)}
        if len(ref_genders) != 1:
            return
        ref_gender = ref_genders.pop()
        quotes = quoted_spans(ctx.candidate.text)
        for match in pronouns_in(ctx.candidate.text, sentence):
            gender = PRONOUNS[match.group().lower()]
            if gender == ref_gender or any(s <= match.start() < e for s, e in quotes):
                continue  # a quoted pronoun may be about anyone
            following = re.match(r"\s*([A-Za-z]+)", ctx.candidate.text[match.end() : match.end() + 30])
            fix = corrected(match.group(), ref_gender, following.group(1) if following else "")
            name = people.person(next(iter(shared))).name
            yield self.finding(
                ctx,
                match.start(),
                match.end(),
                f'The reference uses "{"he" if ref_gender == "male" else "she"}" for {name} in the matching '
                f'sentence; "{match.group()}" contradicts it.',
                fix,
                evidence=f"reference: {ref_sentence}",
            )

    def _aligned_pronouns(self, ctx, sentence, ref_sentence, names):
        """Pronouns against the aligned sentence alone, for pairs the person finder cannot tie to
        one shared person: the reference sentence uses one gender only, the two sentences name the
        same person or place, and nobody of the other gender is named in the sentence."""
        ref_genders = _genders(ref_sentence)
        if len(ref_genders) != 1:
            return
        ref_gender = ref_genders.pop()
        text = ctx.candidate.text
        quotes = quoted_spans(text)
        wrong = [
            m
            for m in pronouns_in(text, sentence)
            if PRONOUNS[m.group().lower()] != ref_gender and not any(s <= m.start() < e for s, e in quotes)
        ]
        if not wrong:
            return
        cand_names = [e for e in names.of(sentence.text) if e.kind in ("person", "place", "org")]
        ref_names = names.of(ref_sentence)
        if not any(entities.mentioned(e.text, ref_names, ref_sentence) for e in cand_names):
            return  # no shared name: the sentences may be about different people
        found = {m.person for m in ctx.people.candidate_mentions.get(sentence.index, []) if m.person is not None}
        # people.py takes "VfB Stuttgart said" for a person; the entity types know better.
        not_people = [e for e in cand_names if e.kind != "person"]
        found = {pid for pid in found if not entities.mentioned(ctx.people.person(pid).name, not_people, "")}
        people_named = max(len(found), sum(e.kind == "person" for e in cand_names))
        if people_named > 1 or sum(e.kind == "person" for e in ref_names) > 1:
            return  # with two people named, the pronouns may be about either
        other = "female" if ref_gender == "male" else "male"
        if _names_someone(ctx, sentence, other):
            return
        word = "he" if ref_gender == "male" else "she"
        for match in wrong:
            following = re.match(r"\s*([A-Za-z]+)", text[match.end() : match.end() + 30])
            yield self.finding(
                ctx,
                match.start(),
                match.end(),
                f'The matching reference sentence refers to this person as "{word}"; "{match.group()}" contradicts it.',
                corrected(match.group(), ref_gender, following.group(1) if following else ""),
                evidence=f"reference: {ref_sentence}",
            )


class _NameFinder:
    """Entity extraction with the article's lexicons, cached per sentence text."""

    def __init__(self, ctx):
        english = ctx.english
        self._options = {
            "titles": frozenset(english.titles),
            "honorifics": frozenset(english.honorifics)
            | {h.word.lower().rstrip(".") for h in ctx.pack.honorifics if h.applies_to(ctx.candidate.text)},
            "given_names": ctx.given_names,
        }
        self._cache: dict[str, list[entities.Entity]] = {}

    def of(self, text: str) -> list[entities.Entity]:
        if text not in self._cache:
            self._cache[text] = entities.extract(text, **self._options)
        return self._cache[text]


def _genders(text: str) -> set[str]:
    blocked = [m.span() for m in _EITHER.finditer(text)]
    quotes = quoted_spans(text)
    return {
        PRONOUNS[m.group().lower()]
        for m in PRONOUN_RE.finditer(text)
        if not any(s <= m.start() < e for s, e in blocked + quotes)
    }


def _names_someone(ctx, sentence, gender: str) -> bool:
    """True when the candidate sentence names a person or gendered noun of ``gender`` ("his wife",
    "Mrs Berger", a person whose gender the evidence decides)."""
    people = ctx.people
    for mention in people.candidate_mentions.get(sentence.index, []):
        if mention.gender == gender:
            return True
        if mention.person is not None and people.person(mention.person).decided_gender().gender == gender:
            return True
    for word in re.findall(r"[^\W\d_]+", sentence.text):
        lowered = word.lower()
        if ctx.english.gendered_nouns.get(lowered) == gender or ctx.english.honorifics.get(lowered) == gender:
            return True
        if word[0].isupper() and ctx.english.given_names.get(lowered) == gender:
            return True
    return False


def _same_role(cand: entities.Entity, cand_text: str, ref: entities.Entity, ref_text: str) -> bool:
    """The two names stand in the same place: the same word before or after them, or about the
    same position in their sentences (translations keep the order; comparable reports need not)."""

    def around(entity, text):
        before = re.findall(r"[A-Za-z]+", text[: entity.start])[-1:]
        after = re.findall(r"[A-Za-z]+", text[entity.end :])[:1]
        return [w.lower() for w in before], [w.lower() for w in after]

    cand_before, cand_after = around(cand, cand_text)
    ref_before, ref_after = around(ref, ref_text)
    if (cand_before and cand_before == ref_before) or (cand_after and cand_after == ref_after):
        return True
    return abs(cand.start / max(len(cand_text), 1) - ref.start / max(len(ref_text), 1)) <= 0.3


def _same_magnitude(cand: numbers.Quantity, ref: numbers.Quantity) -> bool:
    """A misread or changed digit keeps a number within a factor of ten of the original; "three"
    against "70,000" is a different fact, not a contradiction."""
    if cand.kind not in ("number", "money", "percent"):
        return True
    ours = [abs(v) for tag, v in cand.values if tag == "n"]
    theirs = [abs(v) for tag, v in ref.values if tag == "n"]
    if not ours or not theirs:
        return True
    return any(min(a, b) > 0 and max(a, b) / min(a, b) <= 10 for a in ours for b in theirs)


def _as_written(reference: str, candidate: str) -> str:
    """The reference's value as a suggestion: "Eight" -> "eight" inside a sentence."""
    if reference[:1].isupper() and reference[1:2].islower() and not candidate[:1].isupper():
        return reference.lower()
    return reference
