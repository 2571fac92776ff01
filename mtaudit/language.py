"""Word-level language evidence: tokens, word frequencies, the source-language guess.

Frequencies come from ``wordfreq`` (Zipf scale: 7 = "the", 3 = about once per million
words, 0 = unseen).  A word is *source-language-like* when it is common in the source
language and rare in English; that single mechanism finds leftover words ("Cina",
"warga", "untuk") without any list of seed words.
"""

from __future__ import annotations

import contextlib
import re
from functools import cache, lru_cache
from typing import NamedTuple

from .errors import MtauditError
from .model import Document

WORD_RE = re.compile(r"[^\W\d_]+")

# A token is a leftover source word when it is at least this common in the source
# language and at least this much more common there than in English.
SOURCE_MIN_ZIPF = 3.0
SOURCE_MARGIN = 1.8
ENGLISH_MAX_ZIPF = 3.0


class Token(NamedTuple):
    """A word of a text.  A named tuple rather than a frozen dataclass: every word of every article is
    one, and a tuple is built several times faster (same fields, equality and immutability)."""

    text: str
    start: int  # offset in the document
    end: int
    sentence_initial: bool

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()


def tokens(text: str, offset: int = 0) -> list[Token]:
    out = []
    first = True
    for match in WORD_RE.finditer(text):
        out.append(Token(match.group(), offset + match.start(), offset + match.end(), first))
        first = False
    return out


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


@lru_cache(maxsize=200_000)  # a pure function of its arguments, asked about the same words again and again
def detected_as_source(pack) -> tuple[str, ...]:
    """The langdetect codes that mean "the source language": langdetect confuses Indonesian and Malay, so
    either is the source for either pack."""
    return (*pack.langdetect, *(("id", "ms") if pack.wordfreq in ("id", "ms") else ()))


def is_source_word(word: str, source_wordfreq: str) -> bool:
    lowered = word.lower()
    src = zipf(lowered, source_wordfreq)
    en = zipf(lowered, "en")
    return src >= SOURCE_MIN_ZIPF and src - en >= SOURCE_MARGIN and en < ENGLISH_MAX_ZIPF


# How the evidence ends when nothing in the text named the source language and the default was taken.
ASSUMED = "assuming Indonesian, the default"


def guess_source_language(doc: Document, override: str | None = None) -> tuple[str, str]:
    """(language code, the evidence for it).  ``override`` (``--source-lang``) always wins."""
    from .lexicon import available_languages, load_pack

    languages = available_languages()
    if override:
        if override not in languages:
            raise MtauditError(
                f"--source-lang {override}: no lexicons for that language (available: {', '.join(languages)})"
            )
        return override, "set by --source-lang"
    packs = [load_pack(code) for code in languages if code != "en"]
    if doc.disclaimer:
        for pack in packs:
            for name in pack.disclaimer_names:
                if re.search(rf"\b{re.escape(name)}\b", doc.disclaimer, re.IGNORECASE):
                    return pack.code, f"MT disclaimer names {name}"
    # Leftover words: count lower-case tokens that look like each candidate language.  Loanwords
    # English itself uses ("rupiah", "batik") are no evidence: clean English news has them.
    counts = {}
    loanwords: set[str] = set()
    lowercase = [t for s in doc.audited_sentences for t in tokens(s.text) if not t.capitalized]  # once, not per pack
    for pack in packs:
        hits = []
        for t in lowercase:
            if not is_source_word(t.text, pack.wordfreq):
                continue
            if t.lower in pack.loanwords:
                loanwords.add(t.lower)
            else:
                hits.append(t.lower)
        counts[pack.code] = hits
    best = max(counts, key=lambda code: len(counts[code]), default=None)
    if best and len(counts[best]) >= 2:
        sample = ", ".join(sorted(set(counts[best]))[:5])
        return best, f"{len(counts[best])} {load_pack(best).name} words left in the English text ({sample})"
    found = []
    if best and counts[best]:
        found.append(f"one {load_pack(best).name} word ({counts[best][0]}), too few to decide")
    if loanwords:
        found.append(f"loanwords English also uses ({', '.join(sorted(loanwords)[:5])}), not evidence")
    evidence = "; ".join(found) if found else "no source-language words in the text"
    disclaimer = "the MT disclaimer names no language" if doc.disclaimer else "no MT disclaimer"
    return "id", f"{disclaimer}; {evidence}; {ASSUMED}"


_QUOTE_PAIRS = [("“", "”"), ("‘", "’")]


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans (including the marks) of quotations in ``text``: straight or curly double quotes,
    curly single quotes, and short straight-single-quoted terms ('mudik'), which are kept short so
    that apostrophes in ordinary words never pair up."""
    spans = [(m.start(), m.end()) for m in re.finditer(r'"[^"\n]*"', text)]
    for opening, closing in _QUOTE_PAIRS:
        spans += [(m.start(), m.end()) for m in re.finditer(rf"{opening}[^{closing}\n]*{closing}", text)]
    # 'mudik' style single-quoted terms (short, so apostrophes do not pair up across words).
    spans += [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)'[^'\n]{1,40}'(?!\w)", text)]
    return sorted(spans)


@cache
def _detector_ready() -> None:
    from langdetect import DetectorFactory, detector_factory

    DetectorFactory.seed = 0  # langdetect is random unless seeded; reports must be reproducible
    # langdetect reads its profiles under a bare `except:` that turns Ctrl-C or SIGTERM into a "profile format
    # error" and leaves the factory half-built: hold those signals until the profiles are read.
    with _signals_held():
        detector_factory.init_factory()


@contextlib.contextmanager
def _signals_held():
    """Defer SIGINT and SIGTERM: remember them while the block runs, deliver them after it.

    The Python handlers are swapped, not the signal mask: a process-directed signal may reach any thread
    (torch and onnxruntime start thread pools), but its Python handler always runs in the main thread."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {}
    for number in (signal.SIGINT, signal.SIGTERM):
        handler = signal.getsignal(number)
        if handler is not None:  # None: a handler not installed from Python, left alone
            previous[number] = signal.signal(number, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        if caught:
            signal.raise_signal(caught[0])


def detect_language(text: str) -> tuple[str, float]:
    """(language code, probability) from langdetect, seeded so results repeat; ("", 0) if undecidable."""
    from langdetect import detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    _detector_ready()
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return "", 0.0
    return best.lang, best.prob


# A word neither frequency list knows ("takjil", "kepiye", slang and new coinages) is judged by its
# letters: the average log-likelihood ratio of its character trigrams under the source language's and
# English's most frequent words.  Measured on the real tune split: Indonesian slang scores 1.1-1.7,
# English words wordfreq lacks ("multibarreled", "downstreaming") and typos ("recieve") below 0.
LETTERS_MIN_RATIO = 1.0
_TRIGRAM_VOCABULARY = 40_000


@cache
def _trigram_model(lang: str) -> tuple[dict[str, int], int]:
    from wordfreq import top_n_list

    counts: dict[str, int] = {}
    for word in top_n_list(lang, _TRIGRAM_VOCABULARY):
        if word.isalpha():
            padded = f"^{word}$"
            for i in range(len(padded) - 2):
                counts[padded[i : i + 3]] = counts.get(padded[i : i + 3], 0) + 1
    return counts, sum(counts.values())


def letters_ratio(word: str, source_wordfreq: str) -> float:
    """How much more the word's letters look like the source language than English (log ratio per trigram)."""
    import math

    source, source_total = _trigram_model(source_wordfreq)
    english, english_total = _trigram_model("en")
    padded = f"^{word.lower()}$"
    grams = [padded[i : i + 3] for i in range(len(padded) - 2)]
    total = 0.0
    for gram in grams:
        total += math.log((source.get(gram, 0) + 0.5) / (source_total + 1000))
        total -= math.log((english.get(gram, 0) + 0.5) / (english_total + 1000))
    return total / len(grams)


def looks_like_source(word: str, source_wordfreq: str) -> bool:
    """A lowercase word unknown to both frequency lists whose letters are the source language's."""
    lowered = word.lower()
    if len(lowered) < 4 or zipf(lowered, "en") >= 1.0 or zipf(lowered, source_wordfreq) >= SOURCE_MIN_ZIPF:
        return False
    return letters_ratio(lowered, source_wordfreq) >= LETTERS_MIN_RATIO


def redundant_gloss(text: str, start: int, end: int) -> bool:
    """ "village head elections (pilkades)", "stunting (tengkes)": a lower-case source word or clipping
    alone in parentheses right after the English words it translates.  An institution's abbreviation
    is capitalised ("the House (DPR)") and may stay as its short name; a common noun's never does.
    MT002 and MT004 report it with the parenthesis as the span and deleting it as the fix."""
    word = text[start:end]
    return (
        word.islower()
        and text[start - 1 : start] == "("
        and text[end : end + 1] == ")"
        and re.search(r"\b[a-z]{3,} $", text[max(0, start - 20) : start - 1]) is not None
    )
