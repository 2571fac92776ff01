"""Stage 2 — split article text into sentences, keeping exact character offsets.

Rules written for news text rather than a general-purpose splitter, because the
artifacts we look for are themselves punctuation: "media said., reported" must stay one
sentence so the debris can be flagged, and "Mr Kim", "U.S. officials" and quoted
speech ('"...," he said.') must not be cut.

A boundary is a run of ``.``, ``!`` or ``?`` (plus closing quotes or brackets) followed
by whitespace and a capital letter, digit or opening quote, unless the word before the
stop is a known abbreviation or an initial.  A line break ends a sentence unless the line
was hard-wrapped mid-sentence (next line starts lower-case).
"""

from __future__ import annotations

import re

from .model import Sentence

ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "lt",
    "col",
    "sen",
    "rep",
    "gov",
    "st",
    "jr",
    "sr",
    "no",
    "vol",
    "inc",
    "ltd",
    "corp",
    "co",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "a.m",
    "p.m",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "capt",
    "sgt",
    "maj",
    "adm",
    "rev",
    "hon",
    "ft",
    "mt",
    "approx",
    "dept",
    "est",
    "fig",
    "ir",
    "drs",
    "h",
    "hj",
    "kh",
    "sdr",
    "sdri",
    # Police ranks: Indonesian "Kombes Pol." (of the police), English "Insp. Gen.", "Sr. Comr.", "Adj. Sr. Comr."
    "pol",
    "insp",
    "brig",
    "comr",
    "adj",
    "supt",
    "pt",
    "tbk",
    "u.s",
    "u.k",
    "u.n",
    "e.u",
}
# After a dotted abbreviation such as "U.S." a new sentence usually starts with one of these.
_SENTENCE_STARTERS = {
    "the",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "in",
    "on",
    "but",
    "and",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "its",
    "there",
    "at",
    "after",
    "before",
    "when",
    "while",
    "however",
    "meanwhile",
    "according",
    "as",
    "for",
    "if",
    "some",
    "many",
}

# Starts only at the first mark of a run, so "......" is linear, not quadratic.
_BOUNDARY = re.compile(r"""(?<![.!?])[.!?]+["”’')\]]*(?=\s+["“‘(\[]?[A-Z0-9À-Ý])""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def _is_abbreviation(text: str, stop: int, next_word: str) -> bool:
    """True if the full stop at ``stop`` ends an abbreviation rather than a sentence."""
    if text[stop] != ".":
        return False
    match = _WORD_BEFORE.search(text, max(0, stop - 12), stop + 1)
    if not match:
        return False
    word = match.group(1)
    lowered = word.lower()
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    if "." in word:  # dotted: U.S., a.m.
        return next_word.lower() not in _SENTENCE_STARTERS
    return lowered in ABBREVIATIONS


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        stop_end = match.end()
        after = text[stop_end:end].lstrip()
        next_word = re.match(r"[\"“‘(\[]?(\w+)", after)
        if _is_abbreviation(text, match.start(), next_word.group(1) if next_word else ""):
            continue
        spans.append((cursor, stop_end))
        cursor = stop_end
    spans.append((cursor, end))
    return spans


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Line spans inside a paragraph, joining lines that were hard-wrapped mid-sentence."""
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        s, e = start + match.start(), start + match.end()
        if spans:
            previous = text[spans[-1][0] : spans[-1][1]].rstrip()
            first = text[s:e].lstrip()[:1]
            if previous and previous[-1] not in '.!?:"”’)' and first.islower():
                spans[-1] = (spans[-1][0], e)
                continue
        spans.append((s, e))
    return spans


_PARAGRAPH = re.compile(r"[^\n](?:.|\n(?![ \t]*\n))*")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of paragraphs: blocks separated by blank (or whitespace-only) lines."""
    return [m.span() for m in _PARAGRAPH.finditer(text)]


def segment(
    text: str, exclude: tuple[int, int] | None = None, hidden: list[tuple[int, int]] | None = None
) -> list[Sentence]:
    """Sentences of ``text`` in order; those inside ``exclude`` are kept but not audited,
    those inside ``hidden`` (mtaudit's own marker lines) are dropped."""
    sentences: list[Sentence] = []
    paragraph = -1
    for block_start, block_end in paragraphs(text):
        paragraph += 1
        for line_start, line_end in _lines(text, block_start, block_end):
            for s, e in _split_line(text, line_start, line_end):
                # Trim whitespace so the offsets cover exactly the sentence.
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                if s >= e or any(hs <= s < he for hs, he in hidden or ()):
                    continue
                audited = not (exclude and exclude[0] <= s < exclude[1])
                sentences.append(Sentence(len(sentences), s, e, text[s:e], paragraph, audited))
    return sentences
