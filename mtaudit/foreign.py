"""Words left in a source language other than the one the lexicon pack covers.

MT004's word check knows the pack's language (Indonesian by default) through its lexicons.  An
article translated from German, French or Czech can leave a word of *that* language behind
("the Regierung announced", "the closure of the usine"), and no Indonesian list will see it.
This module finds such words with word frequencies alone:

- a Latin-script word that is rare in English (``wordfreq`` Zipf below ``ENGLISH_MAX_ZIPF``) and
  common in one of the languages in :data:`LATIN_LANGUAGES` (at least ``SOURCE_MIN_ZIPF``, and
  ``SOURCE_MARGIN`` above English) — the article's source language when the disclaimer or
  ``--source-lang`` names one the pack does not cover, else any of them;
- not a name: a capitalised word counts only when a reference is given, the reference does not
  contain it (names survive translation, common nouns do not), it is not inside a run of
  capitalised words, and it is very common in its language (German nouns: "Regierung");
- not a loanword English uses (the pack's ``loanwords.txt``, and anything English itself uses
  often enough, e.g. "fiesta", "kindergarten"), not quoted or glossed as a term;
- the fix is the reference word that stands in its place, when the candidate and the aligned
  reference sentence agree on the words around it ("the Haushalt by" / "the budget by").
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .entities import fold, places
from .language import quoted_spans, tokens, zipf

# Latin-script languages wordfreq knows well enough, Indonesian and Malay included (the wiring
# leaves out the pack's own language, which MT004's lexicon-based check already covers).
# Filipino and Vietnamese are left out: their frequency lists are full of English and of short
# syllables that are English words too.
LATIN_LANGUAGES = (
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "nl",
    "pl",
    "cs",
    "sk",
    "sl",
    "sh",
    "ro",
    "hu",
    "fi",
    "sv",
    "da",
    "nb",
    "ca",
    "lt",
    "lv",
    "tr",
    "id",
    "ms",
)
LANGUAGE_NAMES = {
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "pl": "Polish",
    "cs": "Czech",
    "sk": "Slovak",
    "sl": "Slovenian",
    "sh": "Serbo-Croatian",
    "ro": "Romanian",
    "hu": "Hungarian",
    "fi": "Finnish",
    "sv": "Swedish",
    "da": "Danish",
    "nb": "Norwegian",
    "ca": "Catalan",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "tr": "Turkish",
    "id": "Indonesian",
    "ms": "Malay",
}
ENGLISH_MAX_ZIPF = 2.5
SOURCE_MIN_ZIPF = 3.3
SOURCE_MARGIN = 1.8
# A capitalised word must be at least this common in its language: "Regierung", not "Müller".
CAPITALISED_MIN_ZIPF = 3.5
# A lower-case word with letters English does not use needs only to be a known word.
ACCENTED_MIN_ZIPF = 1.5
_NON_ASCII_LETTER = re.compile(r"[^\x00-\x7f]")


@dataclass(frozen=True)
class ForeignWord:
    start: int  # offsets into the text passed to :func:`foreign_words`
    end: int
    text: str
    lang: str  # wordfreq code of the language it is most common in
    source_zipf: float
    english_zipf: float
    fix: str | None = None


def foreign_words(
    text: str,
    languages: Iterable[str] | None = None,
    *,
    loanwords: Iterable[str] = (),
    reference: str | None = None,
    aligned: str | None = None,
) -> list[ForeignWord]:
    """Words of ``text`` (one English sentence) left in another language.

    ``languages``: wordfreq codes to look in (None = all of :data:`LATIN_LANGUAGES`);
    ``reference``: the whole reference report, if any (lets capitalised words be judged);
    ``aligned``: the reference sentence aligned with ``text``, for the fix.
    """
    langs = tuple(languages) if languages is not None else LATIN_LANGUAGES
    if not langs:
        return []
    loans = {w.lower() for w in loanwords}
    quoted = quoted_spans(text)
    words = tokens(text)
    ref_folded = fold(reference) if reference else None
    out: list[ForeignWord] = []
    for index, token in enumerate(words):
        lowered = token.lower
        if len(lowered) < 3 or lowered in loans or token.text.isupper():
            continue
        if any(s <= token.start < e for s, e in quoted):
            continue  # a quoted term is used on purpose ("the 'Wende'")
        if token.start >= 2 and text[token.start - 1] in "'’ʼ" and text[token.start - 2].isalpha():
            continue  # the rest of a name written with an apostrophe: "Ma’ruf Amin", "Qur’an"
        if any(a.islower() and b.isupper() for a, b in zip(token.text, token.text[1:], strict=False)):
            continue  # a capital inside a word is a brand's own spelling: "tvN", "eBay"
        if _script_not_latin(token.text):
            continue  # other scripts are MT004's foreign-script finding
        english = zipf(lowered, "en")
        if english >= ENGLISH_MAX_ZIPF or (english > 0 and _english_derivation(lowered)):
            continue  # "contestation" is "contest" + "-ation": a rare English word, not French
        lang, source = max(((code, zipf(lowered, code)) for code in langs), key=lambda item: item[1])
        # An inflected form with letters English never uses ("kopalnię", "tazích") is rarer in its
        # own language's list, but English text has no business containing it at all.
        accented = _NON_ASCII_LETTER.search(token.text) is not None and english < 1.0 and not token.capitalized
        if not accented and (source < SOURCE_MIN_ZIPF or source - english < SOURCE_MARGIN):
            continue
        if accented and source < ACCENTED_MIN_ZIPF:
            continue
        if token.capitalized and not _foreign_capitalised(words, index, source, ref_folded):
            continue
        out.append(ForeignWord(token.start, token.end, token.text, lang, source, english))
    if aligned and out:
        out = [_with_fix(text, aligned, w) for w in out]
    return out


_ENGLISH_SUFFIXES = (
    "izations",
    "isations",
    "ization",
    "isation",
    "ations",
    "ation",
    "ments",
    "ment",
    "nesses",
    "ness",
    "ities",
    "ity",
    "isms",
    "ism",
    "ists",
    "ist",
    "ously",
    "ous",
    "ively",
    "ive",
    "ally",
    "al",
    "ings",
    "ing",
    "ers",
    "er",
)


def _english_derivation(word: str) -> bool:
    """An English stem with an English suffix ("contest" + "ation", "normal" + "ization"), or the plural
    of an English word ("verbals")."""
    if word.endswith("s") and zipf(word[:-1], "en") >= 3.0:
        return True
    for suffix in _ENGLISH_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            stem = word[: -len(suffix)]
            if max(zipf(stem, "en"), zipf(stem + "e", "en")) >= 3.0:
                return True
    return False


def _script_not_latin(word: str) -> bool:
    return any(ch.isalpha() and ord(ch) >= 0x250 for ch in word)


def _foreign_capitalised(words, index: int, source: float, reference: str | None) -> bool:
    """A capitalised word is a leftover, not a name, only with strong evidence (module docstring)."""
    token = words[index]
    if reference is None or token.sentence_initial or source < CAPITALISED_MIN_ZIPF:
        return False
    if re.search(r"(?<!\w)" + re.escape(fold(token.text)) + r"(?!\w)", reference):
        return False  # the reference writes it too (in any accents): a name
    if fold(token.text) in places():
        return False  # "Kraków", "Málaga": a place the reference spells without accents or not at all
    # Next to another capitalised word it is part of a name ("Deutsche Bahn", "Gare du Nord").
    for other in (words[index - 1] if index else None, words[index + 1] if index + 1 < len(words) else None):
        if other is not None and other.capitalized and not other.sentence_initial:
            if max(other.start - token.end, token.start - other.end) <= 1:
                return False
    return True


def _with_fix(text: str, aligned: str, word: ForeignWord) -> ForeignWord:
    """The reference words in the place of ``word``, when the words around it agree."""
    cand = [t.lower for t in tokens(text)]
    ref_tokens = tokens(aligned)
    ref = [t.lower for t in ref_tokens]
    position = next(i for i, t in enumerate(tokens(text)) if t.start == word.start)
    matcher = difflib.SequenceMatcher(None, cand, ref, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace" and i1 == position and i2 == position + 1 and 1 <= j2 - j1 <= 3:
            fix = aligned[ref_tokens[j1].start : ref_tokens[j2 - 1].end]
            return ForeignWord(word.start, word.end, word.text, word.lang, word.source_zipf, word.english_zipf, fix)
    return word


def foreign_findings(check, ctx) -> Iterator:
    """MT004 findings for words of other languages (the wiring used by ``checks/untranslated.py``).

    When the source language is known — stated (the disclaimer or ``--source-lang``) or shown by
    the words the translation left behind — the pack's own lexicon-based check covers it and
    nothing is added here (a rare English word such as "contestation" is common in French, and an
    Indonesian article has no French words to find); only when the language was assumed is every
    language of :data:`LATIN_LANGUAGES` except the pack's (and its relatives) searched.
    """
    from .language import ASSUMED, is_source_word

    doc = ctx.candidate
    if not doc.source_lang_evidence.endswith(ASSUMED):
        return
    pack = ctx.pack
    covered = {pack.wordfreq, pack.code, *(("id", "ms") if pack.wordfreq in ("id", "ms") else ())}
    languages = [code for code in LATIN_LANGUAGES if code not in covered]
    reference = ctx.reference.text if ctx.reference else None
    found: list[tuple[int, ForeignWord]] = []
    for sentence in doc.audited_sentences:
        alignment = ctx.alignments.get(sentence.index)
        aligned = None
        if alignment and alignment.references and ctx.reference:
            aligned = " ".join(ctx.reference.sentences[i].text for i in alignment.references)
        for word in foreign_words(
            sentence.text, languages, loanwords=pack.loanwords, reference=reference, aligned=aligned
        ):
            if is_source_word(word.text, pack.wordfreq) or zipf(word.text.lower(), pack.wordfreq) >= SOURCE_MIN_ZIPF:
                continue  # a word of the pack's language ("detention house (rutan)") is the pack's check's to judge
            found.append((sentence.start, word))
    # With nothing naming the source language, one rare word is no proof of one: "interpellation" and
    # "supremo" are English too, "ating" is Tagalog as well as Romanian.  A reference word standing in its
    # place, or a second word of the same language, is.
    distinct: dict[str, set[str]] = {}
    for _, word in found:
        distinct.setdefault(word.lang, set()).add(word.text.lower())
    for offset, word in found:
        if word.fix is None and len(distinct[word.lang]) < 2:
            continue
        language = LANGUAGE_NAMES.get(word.lang, f"'{word.lang}'")
        yield check.finding(
            ctx,
            offset + word.start,
            offset + word.end,
            f'"{word.text}" looks like an untranslated {language} word'
            + (f'; the reference has "{word.fix}".' if word.fix else "; translate it."),
            word.fix,
            evidence=f"Zipf frequency {word.source_zipf:.1f} in {word.lang}, {word.english_zipf:.1f} in English",
        )
