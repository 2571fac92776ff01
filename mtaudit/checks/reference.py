from __future__ import annotations

import re

from ..model import Severity
from ..people import PRONOUN_RE, PRONOUNS, pronouns_in
from .base import Check
from .pronouns import corrected

_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:st|nd|rd|th|s)?(?![\w])")
_MONTHS = "January February March April May June July August September October November December".split()
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_MONTH_RE = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b")
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b")


_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_ORDINAL_WORDS = {
    w: str(i)
    for i, w in enumerate(
        # "first" and "second" are left out: "for the first time", "a second visit" are not facts to compare.
        "zeroth _ _ third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
    )
}
_ORDINAL_WORDS.pop("_", None)
_WORD_NUMBER = re.compile(r"\b(" + "|".join([*_NUMBER_WORDS, *_ORDINAL_WORDS]) + r")\b", re.IGNORECASE)


def _numbers(text: str) -> list[tuple[str, str, int, int]]:
    """(value, kind, start, end) for each number; kinds are compared only with themselves,
    so "27 July" is never weighed against "the 70th anniversary"."""
    out = []
    for m in _NUMBER.finditer(text):
        grouped = "," in m.group(1)  # "2,100" is a count, never a year
        value = m.group(1).replace(",", "")
        suffix = m.group()[len(m.group(1)) :]
        around = text[max(0, m.start() - 12) : m.end() + 12]
        if suffix in ("st", "nd", "rd", "th"):
            kind = "ordinal"
        elif suffix == "s":
            kind = "decade"
        elif _MONTH_RE.search(around) and not grouped:
            kind = "date" if not _is_year(value) else "year"
        elif _is_year(value) and not grouped:
            kind = "year"
        elif text[m.end() : m.end() + 8].lstrip().startswith(("%", "percent", "per cent")):
            kind = "percent"
        else:
            kind = "number"
        out.append((value, kind, m.start(), m.end()))
    for m in _WORD_NUMBER.finditer(text):
        word = m.group().lower()
        if word in _ORDINAL_WORDS:
            out.append((_ORDINAL_WORDS[word], "ordinal", m.start(), m.end()))
        else:
            out.append((_NUMBER_WORDS[word], "number", m.start(), m.end()))
    return sorted(out, key=lambda item: item[2])


def _is_year(value: str) -> bool:
    return value.isdigit() and len(value) == 4 and 1900 <= int(value) <= 2099


class ReferenceDisagreement(Check):
    """A fact in the sentence contradicts the aligned sentence of the reference report.

    What it finds:
        In sentence pairs that the aligner matched (similarity at least ``reference_check``,
        0.5 by default), a number, year or month that differs from the one the aligned
        reference sentence states; a weekday that differs from the one in the most similar
        reference sentence that names one; or a gendered pronoun for the same named person
        that the reference genders the other way.  A value that appears anywhere else in the
        reference is never flagged: comparable reports legitimately mention different facts.

    Why it matters:
        MT engines misread dates and numbers ("1953" -> "1935"), and a wrong pronoun is a
        factual error.  The reference is the editor's quickest second source.

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
        ref_numbers_all = {v for v, _, _, _ in _numbers(ref_text_all)}
        for sentence in ctx.candidate.audited_sentences:
            alignment = ctx.alignments.get(sentence.index)
            if not alignment or not alignment.references or alignment.similarity < ctx.thresholds.reference_check:
                continue
            ref_sentence = " ".join(ref_doc.sentences[i].text for i in alignment.references)
            yield from self._numbers(ctx, sentence, ref_sentence, ref_numbers_all)
            yield from self._named(ctx, sentence, ref_sentence, ref_text_all, _MONTH_RE, "month")
            # The day of the event is often stated in a neighbouring sentence of a comparable
            # report: use the most similar reference sentence that names a weekday.
            neighbours = alignment.neighbours or alignment.references
            stating = next(
                (ref_doc.sentences[i].text for i in neighbours if _WEEKDAY_RE.search(ref_doc.sentences[i].text)), ""
            )
            yield from self._named(ctx, sentence, stating, ref_text_all, _WEEKDAY_RE, "day")
            yield from self._pronouns(ctx, sentence, ref_sentence, alignment)

    def _numbers(self, ctx, sentence, ref_sentence, ref_numbers_all):
        ref_values = _numbers(ref_sentence)
        for value, kind, start, end in _numbers(sentence.text):
            if value in ref_numbers_all:
                continue
            same_kind = [v for v, k, _, _ in ref_values if k == kind]
            if not same_kind:
                continue
            fix = same_kind[0] if len(same_kind) == 1 else None
            shown = sentence.text[start:end]
            if shown[0].isdigit():
                end = start + len(shown.rstrip("stndrh"))  # flag "70", not the "th" of "70th"
            yield self.finding(
                ctx,
                sentence.start + start,
                sentence.start + end,
                f"The {kind} {shown} does not appear in the reference, whose matching sentence gives "
                f"{', '.join(same_kind)}; check which is right.",
                fix,
                evidence=f"reference: {ref_sentence}",
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
        for match in pronouns_in(ctx.candidate.text, sentence):
            gender = PRONOUNS[match.group().lower()]
            if gender == ref_gender:
                continue
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
