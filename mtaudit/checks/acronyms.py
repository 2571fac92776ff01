from __future__ import annotations

import re
from functools import cache, lru_cache

from ..lexicon import Acronym, SourcePack
from ..model import Severity
from .base import Check, whole_word_pattern


@cache
def compiled_acronyms(pack: SourcePack) -> list[tuple[re.Pattern, Acronym]]:
    entries = sorted(pack.acronyms, key=lambda a: -len(a.acronym))
    return [(re.compile(whole_word_pattern(a.acronym, flexible=False)), a) for a in entries]


_GLOSS_NOUNS = (
    r"(?:agency|commission|body|office|ministry|council|police|military|army|court|bank|budget|party|board|"
    r"authority|institute|company|firm|regulator|watchdog|union|association|foundation|organisation|organization)"
)
# English abbreviations that signal a hybrid when combined with a source one ("UN DK").
_ENGLISH_ACRONYMS = {"UN", "US", "EU", "UK", "UNSC"}


def _mostly_upper(sentence: str) -> bool:
    """Headlines in capitals ("LIVE: AS IT HAPPENED") contain every acronym-looking word; skip them."""
    letters = [c for c in sentence if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.6


def _english_context(text: str, sentence_start: int, start: int, end: int) -> bool:
    """Two-letter acronyms that are English in context: a US state after a city ("Cambridge, MA,"),
    or the end of a company or title name ("Wilhelmsen Holding AS", "sports daily AS")."""
    before = text[sentence_start:start]
    if re.search(r"[A-Z][a-z]+, $", before) and re.match(r"(?:,|\.|\s*$|\s+\d{5})", text[end : end + 7]):
        return True
    previous = re.search(r"(\S+) $", before)
    if not previous:
        return False
    word = previous.group(1)
    initial = not before[: previous.start()].strip(' "“‘(')
    return (word[:1].isupper() and word.isalpha() and not word.isupper() and not initial) or word == "daily"


def acronym_matches(ctx) -> list[tuple[int, int, Acronym]]:
    """Non-overlapping acronym occurrences in audited sentences, longest entry first."""
    text = ctx.candidate.text
    found: list[tuple[int, int, Acronym]] = []
    for sentence in ctx.candidate.audited_sentences:
        if _mostly_upper(sentence.text):
            continue
        for pattern, entry in compiled_acronyms(ctx.pack):
            for match in pattern.finditer(text, sentence.start, sentence.end):
                start, end = match.span()
                if any(start < e and s < end for s, e, _ in found):
                    continue
                following = re.match(r"[\s\-]+([\w'’-]+)", text[end : end + 40])
                if following and following.group(1) in entry.unless_next:
                    continue
                if len(entry.acronym) <= 2 and _english_context(text, sentence.start, start, end):
                    continue
                found.append((start, end, entry))
    return sorted(found, key=lambda item: item[0])


@lru_cache(maxsize=8)
def _parenthesised(text: str) -> tuple[str, ...]:
    """Every "(...)" group of the article, found once (a per-acronym regex over the whole text
    backtracks quadratically after an unclosed parenthesis)."""
    return tuple(m.group() for m in re.finditer(r"\([^()]*\)", text))


def defined_in_parentheses(text: str, acronym: str) -> bool:
    """True when the article defines ``acronym`` in a parenthesis: "East Java Police (Polda Jatim)"."""
    pattern = re.compile(rf"\b{re.escape(acronym)}\b")
    return any(pattern.search(group) for group in _parenthesised(text))


def is_glossed(text: str, acronym: str, english: str) -> bool:
    """Whether the article explains the acronym somewhere: "(DPR)", "DPR (the House …)",
    "the weather agency BMKG", or the English gloss itself."""
    name = re.escape(acronym)
    if re.search(rf"\(\s*{name}\b", text) or re.search(rf"\b{name}\s*\(", text):
        return True
    # Apposition: "the weather agency BMKG", "the anti-graft commission KPK".
    if re.search(rf"\b[Tt]he(?:\s+[a-z][\w-]*){{0,3}}\s+{_GLOSS_NOUNS}\s+{name}\b", text):
        return True
    return bool(english) and re.search(whole_word_pattern(english), text, re.IGNORECASE) is not None


class SourceAcronym(Check):
    """Untranslated or half-translated source-language acronym.

    What it finds:
        Abbreviations left in the source language — "PBB" (the UN), "AS" (the US), "KTT"
        (summit), "WNI" (Indonesian citizens) — and hybrids where MT translated only half:
        "UN DK" from *DK PBB* (*Dewan Keamanan*, the UN Security Council).  Names that
        English-language news keeps (DPR, TNI, KPK, Polri) are reported, as *info*, only
        when the article never explains them.  Entries live in
        ``lexicons/<lang>/acronyms.tsv`` with a policy of ``translate`` or ``keep``.

    Why it matters:
        English readers cannot expand a foreign abbreviation; a half-translated one looks
        like a typo and undermines the story.

    Example:
        "Russia remains officially committed to UN DK resolutions"

    Use instead:
        "Russia remains officially committed to UN Security Council resolutions"
    """

    code = "MT002"
    name = "source-acronym"
    severity = Severity.ERROR

    def run(self, ctx):
        text = ctx.candidate.text
        reported_keep: set[str] = set()
        for start, end, entry in acronym_matches(ctx):
            expansion = f" ({entry.expansion})" if entry.expansion else ""
            if entry.policy == "keep":
                if entry.acronym in reported_keep or is_glossed(text, entry.acronym, entry.english):
                    continue
                reported_keep.add(entry.acronym)
                yield self.finding(
                    ctx,
                    start,
                    end,
                    f'"{entry.acronym}"{expansion} is kept in English news, but this article never says what it '
                    f"is; add the gloss at first mention.",
                    f"{entry.english} ({entry.acronym})",
                    severity=Severity.INFO,
                    evidence=f"lexicon {entry.origin}",
                )
                continue
            # "(Polda Jatim)" or ", or THR," after its English name: the acronym is a gloss, not the text.
            or_gloss = re.search(r",\s+or\s+$", text[max(0, start - 6) : start]) is not None
            group = re.search(r"\(([^()]*)\)", text[max(0, start - 40) : end + 40])
            window_start = max(0, start - 40)
            in_parentheses = or_gloss or (
                bool(group) and window_start + group.start() < start and end <= window_start + group.end()
            )
            defined = defined_in_parentheses(text, entry.acronym) or re.search(
                rf",\s+or\s+{re.escape(entry.acronym)}\b", text
            )
            if defined and not in_parentheses:
                continue  # the article defines it once in parentheses; that one occurrence is reported
            if in_parentheses:
                yield self.finding(
                    ctx,
                    start,
                    end,
                    f'"{entry.acronym}" is the {ctx.pack.name} abbreviation{expansion}; it is glossed here, but '
                    "English readers do not need it.",
                    None,
                    severity=Severity.INFO,
                    evidence=f"lexicon {entry.origin}",
                )
                continue
            parts = entry.acronym.split()
            kind = "a half-translated" if len(parts) > 1 and set(parts) & _ENGLISH_ACRONYMS else "an untranslated"
            yield self.finding(
                ctx,
                start,
                end,
                f'"{entry.acronym}" is {kind} {ctx.pack.name} abbreviation{expansion}; '
                f'English readers know it as "{entry.english}".',
                entry.english,
                severity=entry.severity,
                evidence=f"lexicon {entry.origin}",
            )
