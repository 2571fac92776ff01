"""Source-language abbreviations found by their form, not by a list (used by MT002).

Indonesian news is dense with abbreviations — initialisms (DPR, BPBD, PSSI) and syllabic clippings
(Bareskrim, Kombes, Permenaker, Pilkada) — far more than any list can keep up with.  A word is read
as one when its *form* says so and the frequency lists agree:

- **initialism**: two or more capitals in a row ("DPR", "PDI-P"), not a Roman numeral, not a word
  written in capitals ("JAKARTA", "ANTARA" in a dateline or credit: three or more letters with two
  vowels that the frequency lists know as a word; four letters or fewer only when English knows it,
  since "KONI" is common in Indonesian text because it is an abbreviation), in a sentence that is
  not set in capitals, that is either the source language's (below) or *unknown*: three or more
  letters that neither frequency list knows (Zipf under 1.5 in both: "KSPSI", "DNDF") and that
  cannot be read as a word (at most 40% vowels: "MARUDU", "HYBE" are a place and a company) —
  English readers cannot expand those either; a paragraph's dateline ("KOTA MARUDU:", "JAKARTA
  (Reuters) -") is no abbreviation;
- **syllabic**: a word rare in English that is not a known first name and splits wholly into two or
  more of the source language's clipped syllables (``lexicons/<lang>/abbreviation_parts.txt``:
  "ka+pol+res", "bares+krim");

An initialism is the *source language's* when it has at least :data:`MIN_SOURCE_ZIPF` on the source
language's ``wordfreq`` list, :data:`MARGIN` more than in English, and less than
:data:`ENGLISH_ZIPF` in English ("KPK" 4.6 vs 2.2; "NATO", "GDP", "COVID", "AFF", "GW" are English).
A syllabic clipping needs no frequency: many ("Permenaker", "sprindik") are too new for the lists.
What an abbreviation means, and whether English news keeps it, comes
from the lexicon (``acronyms.tsv``), never the detection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .furniture import DATELINE
from .language import zipf

MIN_SOURCE_ZIPF = 2.0
MARGIN = 1.0
# An abbreviation this common in English is English too ("AFF", "GW"), whatever the source language says.
ENGLISH_ZIPF = 2.5
UNKNOWN_ZIPF = 1.5
ENGLISH_UNKNOWN_ZIPF = 1.5
_ROMAN = re.compile(r"^(?=[MDCLXVI]+$)M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$")
_INITIALISM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]*[A-Z](?:-[A-Z0-9]+)*(?![\w-])")
_WORD = re.compile(r"(?<![\w-])[A-Za-z][a-z]{3,}(?![\w-])")


@dataclass(frozen=True)
class Abbreviation:
    start: int
    end: int
    text: str
    kind: str  # "initialism" or "syllabic"
    evidence: str
    known_source: bool = True  # False: neither frequency list knows it, so its language is unknown


def _mostly_upper(sentence: str) -> bool:
    """Headlines in capitals ("LIVE: AS IT HAPPENED") contain every acronym-looking word; skip them."""
    letters = [c for c in sentence if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.6


def _is_source(word: str, source: str) -> tuple[bool, str]:
    src, en = zipf(word.lower(), source), zipf(word.lower(), "en")
    evidence = f"Zipf frequency {src:.1f} in the source language, {en:.1f} in English"
    return src >= MIN_SOURCE_ZIPF and src - en >= MARGIN and en < ENGLISH_ZIPF, evidence


def _unknown(token: str, source: str) -> bool:
    return zipf(token.lower(), source) < UNKNOWN_ZIPF and zipf(token.lower(), "en") < ENGLISH_UNKNOWN_ZIPF


def _unpronounceable(token: str) -> bool:
    letters = [c for c in token.lower() if c.isalpha()]
    return sum(c in "aeiouy" for c in letters) / len(letters) <= 0.4


# A slash-joined code with a number in it: a police report's, a court case's or a decree's number.
_REFERENCE_NUMBER = re.compile(r"/.*\d|\d.*/")
# A capitalised word, then a slash right before the abbreviation.
_AFTER_NAME_SLASH = re.compile(r"\b[A-Z][a-z]+/$")
# A page's own date before the dateline on its line ("date 2019-12-16 ALOR GAJAH:").
_DATE_BEFORE_DATELINE = re.compile(r"(?:[Dd]ate\s+)?\d{4}-\d{2}-\d{2}\s+")


def after_name_slash(text: str, start: int) -> bool:
    """ "Planning/Bappenas", "Locsin/RSJ": the abbreviation follows a capitalised word and a slash."""
    return _AFTER_NAME_SLASH.search(text, max(0, start - 40), start) is not None


def _chunk(text: str, at: int) -> str:
    """The run of non-blank characters around ``at``."""
    start = at
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = at
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end]


def _dateline(text: str, start: int) -> bool:
    """ "JAKARTA -", "KOTA MARUDU:", "JAKARTA (Reuters) -": capitals that open a paragraph as its dateline."""
    line_start = text.rfind("\n", 0, start) + 1
    page_date = _DATE_BEFORE_DATELINE.match(text, line_start)
    dateline = DATELINE.match(text, page_date.end() if page_date else line_start)
    return dateline is not None and start < dateline.end()


_COMPANY_BEFORE = re.compile(r"\b(?:Bank|PT|Persero)\s+$")
_COMPANY_AFTER = re.compile(r"\s+(?:Bank|Group|Tbk|Hospital|Clinic)\b")  # "UMMI Hospital": a named institution


def _word_in_capitals(token: str, source: str) -> bool:
    """ "JAKARTA", "ANTARA": a word set in capitals, not an initialism."""
    lowered = token.lower()
    vowels = sum(c in "aeiou" for c in lowered)
    if len(token) <= 4:
        # Short capitals frequent only in the source language are its abbreviations ("KONI", the sports
        # committee, is common in Indonesian text because it is an abbreviation); "BALI" is English too.
        return vowels >= 2 and zipf(lowered, "en") >= 3.0
    return vowels >= 2 and max(zipf(lowered, source), zipf(lowered, "en")) >= 3.0


@cache
def _splits(word: str, parts: frozenset[str]) -> int:
    """The fewest parts ``word`` splits into wholly, or 0 when it does not."""
    best = 0
    for size in range(2, min(len(word), 9) + 1):
        if word[:size] not in parts:
            continue
        if size == len(word):
            return 1
        rest = _splits(word[size:], parts)
        if rest and (not best or rest + 1 < best):
            best = rest + 1
    return best


def mostly_source(sentence: str, pack) -> bool:
    """An untranslated sentence: MT004 reports it whole, so its abbreviations are not reported one by one."""
    words = re.findall(r"[^\W\d_]+", sentence)
    if len(words) < 5:
        return False
    # Names are no evidence: "Syahrul Yasin Limpo, Semarang Police Chief Kombes Irwan Anwar" is English around
    # Indonesian names, while an untranslated sentence is made of the source language's lower-case words.
    source = sum(
        1
        for i, w in enumerate(words)
        if (i == 0 or not w[:1].isupper()) and zipf(w.lower(), pack.wordfreq) >= 3.0 and zipf(w.lower(), "en") < 3.0
    )
    return source / len(words) >= 0.4


# Indonesian crime news names suspects by initials: "the initials MA, SF, KV, R", "identified by his initials as
# AB", "AR (32)", "IS (male)".
_INITIALS_BEFORE = re.compile(r"\binitials?\s+(?:as\s+)?(?:(?:[A-Z]{1,4}|and|or|alias\s+[A-Z][\w-]*)[\s,]+)*$")
# "RN (25)", "AS alias CS": a person's initials before an age, a sex or a nickname.
_PERSON_AFTER = re.compile(r"\s*\((?:\d{1,2}|male|female|man|woman|[MF])\)|\s+alias\b")
_INITIALS_CUE = re.compile(r"\binitials?\b")
# In an article that names people by initials, two or three capitals that open a clause and do what people do
# ("AS came clean to the police", "AS was quoted as saying") are one more person's.
_CLAUSE_OPENING = re.compile(r"(?:^|[.!?]\s+|\n|\b(?:after|before|when|while|because|since|until|and|but)\s+)$")
_PERSON_VERB_AFTER = re.compile(r"\s+(?:was|were|had|then|also|admitted|confessed|came|went|told|said|[a-z]{3,}ed)\b")


# Indonesian press releases give a name's academic degrees: "Zumi Zola, S. TP., MA.", "Budi, S.H., M.H.".
_DEGREES_BEFORE = re.compile(r",\s*(?:[A-Z][A-Za-z]{0,3}\.\s?){1,4},\s*$")


def person_initials(text: str, start: int, end: int) -> bool:
    """Whether the capitals at ``text[start:end]`` are a person's initials or degrees, not an abbreviation."""
    if _INITIALS_BEFORE.search(text[max(0, start - 80) : start]) or _PERSON_AFTER.match(text, end):
        return True
    if _DEGREES_BEFORE.search(text, max(0, start - 30), start):
        return True
    return (
        end - start <= 3
        and _CLAUSE_OPENING.search(text, max(0, start - 10), start) is not None
        and _PERSON_VERB_AFTER.match(text, end) is not None
        and _INITIALS_CUE.search(text) is not None
    )


def find_abbreviations(text: str, sentences, pack, given_names) -> list[Abbreviation]:
    """Source-language abbreviations in the audited ``sentences`` of ``text``, in reading order."""
    found: list[Abbreviation] = []
    parts = frozenset(pack.abbreviation_parts)
    for sentence in sentences:
        if _mostly_upper(sentence.text):
            continue
        if mostly_source(sentence.text, pack):
            continue  # an untranslated sentence: MT004 reports it whole
        for match in _INITIALISM.finditer(text, sentence.start, sentence.end):
            # "PDI-P" is one abbreviation; "PAN-PPP" joins two.
            whole = re.search(r"-[A-Z0-9]$", match.group()) is not None
            pieces = [match] if whole else list(re.finditer(r"[A-Z][A-Z0-9]*", match.group()))
            for piece in pieces:
                token = piece.group()
                lookup = token.split("-")[0]
                if len(lookup) < 2 or any(c.isdigit() for c in token) or _ROMAN.match(lookup):
                    continue
                if _word_in_capitals(lookup, pack.wordfreq) or _dateline(text, match.start()):
                    continue
                if _REFERENCE_NUMBER.search(_chunk(text, match.start())):
                    continue  # "STTLP/B/4702/IX/2021/SPKT": a case or letter number, copied as it is filed
                if after_name_slash(text, match.start()):
                    continue  # "Development Planning/Bappenas", "— Joel Locsin/RSJ": a gloss, a credit
                if person_initials(text, match.start() + piece.start(), match.start() + piece.end()):
                    continue
                if _COMPANY_BEFORE.search(text, max(sentence.start, match.start() - 12), match.start()) or (
                    _COMPANY_AFTER.match(text, match.end())
                ):
                    continue  # "Bank BJB", "the BJB Bank", "PT KAI": a company's registered name
                source, evidence = _is_source(lookup, pack.wordfreq)
                unknown = (
                    not source
                    and len(lookup) >= 3
                    and _unknown(lookup, pack.wordfreq)
                    and _unpronounceable(lookup)  # "KSPSI", "DNDF"; "MARUDU", "HYBE" are words and names
                )
                if unknown:
                    evidence = "not in the English or source-language frequency lists"
                if source or unknown:
                    start = match.start() + (0 if whole else piece.start())
                    found.append(Abbreviation(start, start + len(token), token, "initialism", evidence, not unknown))
        if not parts:
            continue
        for match in _WORD.finditer(text, sentence.start, sentence.end):
            word = match.group()
            lowered = word.lower()
            if zipf(lowered, "en") >= 2.0 or lowered in given_names or lowered in pack.loanwords:
                continue
            pieces = _splits(lowered, parts)
            if not (pieces >= 2 or (pieces == 1 and len(lowered) >= 5)):
                continue  # a clipping of its own ("kombes") or two or more clipped syllables
            if after_name_slash(text, match.start()):
                continue
            evidence = (
                f"made of {pack.name} abbreviation syllables; Zipf frequency {zipf(lowered, pack.wordfreq):.1f} in "
                f"{pack.name}, {zipf(lowered, 'en'):.1f} in English"
            )
            found.append(Abbreviation(match.start(), match.end(), word, "syllabic", evidence))
    return sorted(found, key=lambda a: a.start)
