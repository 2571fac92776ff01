from __future__ import annotations

from ..model import Severity
from .base import Check, line_at


class CalqueFormula(Check):
    """A literal translation of a source-language news formula or idiom.

    What it finds:
        Fixed expressions of Indonesian news that machine translation renders word for word:
        "general chairman" (*ketua umum*: the party's chair), "the media crew" (*awak media*:
        reporters), "the determination of the suspect" (*penetapan tersangka*: naming him a
        suspect), "case title" (*gelar perkara*: a case review), "there is a shrimp behind the
        rock" (*ada udang di balik batu*: a hidden agenda), "the mother city" (*ibu kota*: the
        capital).  The formulas live in ``lexicons/<lang>/calques.tsv``, one regular expression
        each with its fix, written narrowly so that legitimate English never matches; newsrooms
        add their own in a lexicon folder named in the config.  An entry may name words that give the
        phrase its English meaning in the paragraph (``unless_paragraph``): "his party" renders *pihaknya*
        (his side: "the police", "the ministry", or just "he") unless the paragraph is about political
        parties.

    Why it matters:
        The words are English but the phrase is not: readers stumble, or take the literal
        meaning ("he secured five people" sounds like protection, not arrest).

    Example:
        "PDIP general chairman Megawati told the media crew after the case title"

    Use instead:
        "PDIP chair Megawati told reporters after the case review"
    """

    code = "MT008"
    name = "calque-formula"
    severity = Severity.WARNING

    def run(self, ctx):
        text = ctx.candidate.text
        taken: list[tuple[int, int]] = []
        for sentence in ctx.candidate.audited_sentences:
            if sentence.index in ctx.furniture:
                continue
            for entry in ctx.pack.calques:
                for match in entry.pattern.finditer(text, sentence.start, sentence.end):
                    # A group named "span" marks the words to fix; the rest of the match is context.
                    start, end = match.span("span") if "span" in entry.pattern.groupindex else match.span()
                    if start == end or any(start < e and s < end for s, e in taken):
                        continue
                    if entry.unless_paragraph and entry.unless_paragraph.search(line_at(text, start)):
                        continue  # "her party" beside "coalition" or "PDI-P": a political party, as in English
                    taken.append((start, end))
                    source = f' ("{entry.source}")' if entry.source else ""
                    meaning = f" {entry.note}" if entry.note else ""
                    yield self.finding(
                        ctx,
                        start,
                        end,
                        f'"{text[start:end]}" is a word-for-word rendering of an {ctx.pack.name} formula{source}; '
                        f'English news writes "{entry.fix}".{meaning}',
                        "" if entry.fix == "—" else entry.fix,
                        severity=entry.severity,
                        evidence=f"lexicon {entry.origin}",
                    )
