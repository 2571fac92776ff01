from __future__ import annotations

import re
from functools import cache

from ..lexicon import Epithet, SourcePack
from ..model import Severity
from .base import Check, whole_word_pattern

_CALQUE_SUFFIX = re.compile(r"\s+(country|nation|land|state)\b", re.IGNORECASE)


@cache
def _compiled(pack: SourcePack) -> list[tuple[re.Pattern, Epithet]]:
    # Longer phrases first so "country of the Bamboo Curtain" wins over a shorter overlap.
    entries = sorted(pack.epithets, key=lambda e: -len(e.phrase))
    return [(re.compile(r"(?:\bthe\s+)?" + whole_word_pattern(e.phrase), re.IGNORECASE), e) for e in entries]


@cache
def _words(phrase: str) -> tuple[str, ...]:
    """The phrase's words as they appear in the folded article text (lower case, straight apostrophes)."""
    return tuple(re.split(r"[\s\-]+", phrase.strip().lower().replace("’", "'")))


class EpithetCalque(Check):
    """Literal translation of a source-language nickname for a country, city or region.

    What it finds:
        English phrases that are word-for-word renderings of nicknames the source-language
        press uses instead of a place name: "the Bamboo Curtain country" (Indonesian
        *Negeri Tirai Bambu* = China), "Uncle Sam's country" (the United States), "Ginseng
        Country" (South Korea), "Sakura country" (Japan).  The phrases live in
        ``lexicons/<lang>/epithets.tsv``; users add their own rows.

    Why it matters:
        English readers do not know these nicknames, so the sentence loses its subject.
        Established English nicknames ("Land of the Rising Sun", "the Big Apple") are
        reported as *info* only: they are correct English, but the plain name is clearer.
        Historical English such as "behind the Bamboo Curtain" is never matched, because
        only the "... country / land / nation" calque forms are listed; a match written all in
        lower case ("Sichuan is panda country") is reported as *info* only.

    Example:
        "a commitment by the leadership of the Bamboo Curtain country"

    Use instead:
        "a commitment by the leadership of China"
    """

    code = "MT001"
    name = "epithet-calque"
    severity = Severity.ERROR

    def run(self, ctx):
        text = ctx.candidate.text
        taken: list[tuple[int, int]] = []
        # A substring test on each of the phrase's words leaves out most of the lexicon at once (the first
        # word alone does not: "country", "land" and "city" open dozens of entries and occur everywhere).
        folded = text.lower().replace("’", "'")
        present = [(p, e) for p, e in _compiled(ctx.pack) if all(word in folded for word in _words(e.phrase))]
        for sentence in ctx.candidate.audited_sentences:
            for pattern, entry in present:
                for match in pattern.finditer(text, sentence.start, sentence.end):
                    start, end = match.span()
                    if any(start < e and s < end for s, e in taken):
                        continue
                    severity = entry.severity
                    # D1: "the Land of the Rising Sun country" is the calque of "Negeri Matahari Terbit", even
                    # though "the Land of the Rising Sun" alone is an established English nickname.
                    suffix = _CALQUE_SUFFIX.match(text, end, sentence.end)
                    calqued = severity < Severity.WARNING and suffix is not None
                    if calqued:
                        end, severity = suffix.end(), Severity.ERROR
                    taken.append((start, end))
                    if not any(ch.isupper() for ch in match.group()):
                        # MT capitalises the nickname ("the Bamboo Curtain country"); all lower case
                        # is usually ordinary English ("Sichuan is panda country").
                        severity = min(severity, Severity.INFO)
                    if calqued:
                        message = (
                            f'"{text[start:end]}" adds "{suffix.group(1)}" to a nickname, a word-for-word translation '
                            f'of the {ctx.pack.name} "negeri …" form; English writes "{entry.fix}".'
                        )
                    elif entry.severity >= Severity.WARNING:
                        message = (
                            f'"{match.group().strip()}" is a word-for-word translation of the '
                            f'{ctx.pack.name} nickname "{entry.source}"; English readers will not know it means '
                            f"{entry.fix}."
                        )
                    else:
                        message = (
                            f'"{match.group().strip()}" is an established English nickname for {entry.fix}; '
                            "acceptable, but the plain name is clearer for an international audience."
                        )
                    yield self.finding(
                        ctx, start, end, message, entry.fix, severity=severity, evidence=f"lexicon {entry.origin}"
                    )
