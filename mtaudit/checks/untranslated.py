from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache

from ..foreign import foreign_findings
from ..language import (
    detect_language,
    detected_as_source,
    is_source_word,
    letters_ratio,
    looks_like_source,
    redundant_gloss,
    tokens,
    zipf,
)
from ..lexicon import Exonym, SourcePack
from ..model import Severity
from .base import Check, quoted_spans

# A capitalised word that opens a sentence is judged like a lower-case one only when it
# is a very common source word that English almost never uses ("Sementara", "Menurut");
# this keeps sentence-initial names ("Prabowo", "Bandung") out.
INITIAL_MIN_SOURCE_ZIPF = 5.5
INITIAL_MAX_ENGLISH_ZIPF = 2.0
# A sentence is untranslated as a whole when this share of its words are source words
# and langdetect agrees with at least this probability.
CLAUSE_SHARE = 0.4
CLAUSE_PROBABILITY = 0.8
# ... or, below that share, when it has at least this many source words and langdetect is this sure.
CLAUSE_MIN_WORDS = 3
CLAUSE_SURE_PROBABILITY = 0.99
# A sentence langdetect puts in a third language (neither English nor the source) this surely is that
# language's, not leftovers of the source: Philippine English papers quote Tagalog.
THIRD_LANGUAGE_PROBABILITY = 0.9
# Languages the region's English papers quote, mixed with English ("Taglish"): a sentence with this many of
# their common words that the source language rarely uses is a quotation in that language.
QUOTED_LANGUAGES = ("fil",)
QUOTED_LANGUAGE_MIN_WORDS = 3
QUOTED_LANGUAGE_MIN_ZIPF = 5.0
QUOTED_LANGUAGE_MARGIN = 2.0


def _quoted_language_words(words, pack: SourcePack) -> int:
    """The most words of one :data:`QUOTED_LANGUAGES` language ("ng", "mga", "naman") in a sentence."""
    best = 0
    for lang in QUOTED_LANGUAGES:
        count = 0
        for token in words:
            if token.capitalized:
                continue
            there = zipf(token.lower, lang)
            if there >= QUOTED_LANGUAGE_MIN_ZIPF and there - zipf(token.lower, pack.wordfreq) >= QUOTED_LANGUAGE_MARGIN:
                count += 1
        best = max(best, count)
    return best


# Month names that are given names too ("Juli", "Mei"): a title before one makes it a name.
_MONTHS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
}
# "…, reported detik, Tuesday": the word after an attribution verb, closing its clause, names a news outlet.
_OUTLET_BEFORE = re.compile(r"\b(?:reported|quoted from|quoting|citing)\s+$")
_OUTLET_AFTER = re.compile(r"(?:\.com)?\s*(?:[,.;)]|$)")
# "crystal methamphetamine, or sabu-sabu": the English first, then the local word it glosses.
_GLOSS_BEFORE = re.compile(
    r"(?:known as|called|so-called|dubbed|term|word|locally|literally|\w,\s+or)\W*$", re.IGNORECASE
)
_GLOSS_AFTER = re.compile(r"^['’\"”]?\s*(?:[(\[](?!\s*[)\]])|,\s+or\s)")
# "Alhamdulillah, praise be to Allah, …": a religious formula followed by its English.
_FORMULA_GLOSS = re.compile(r"^\s*[,—–-]\s*(?!I\b|[Ww]e\b)(?:[\w'’]+\s+){0,3}(?:God|Allah)\b")
# "ayam taliwang (a local dish from Lombok)": a term of two or three words explained after its last word.
_GLOSS_AFTER_TERM = re.compile(r"^(?:\s+[a-z][\w'’-]*){1,2}\s*\((?:a|an|the|[a-z]+ [a-z]+)\b")
# A sentence that says it is using a foreign word: "…, using the Malay word for 'the people'".
_GLOSS_SENTENCE = re.compile(r"\b(?:word|term|phrase|expression|name)s?\s+(?:for|meaning)\b", re.IGNORECASE)
_ADDRESS = re.compile(
    r"@\w+|(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:go\.id|co\.id|ac\.id|or\.id|com|org|net|id)\b"
)
_ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}


def _english_use(words, token) -> bool:
    """Source function words that are also English in context: "yin and yang", "a fifth dan black
    belt", "Monte dei Paschi di Siena"."""
    index = words.index(token)
    previous = words[index - 1] if index else None
    following = words[index + 1] if index + 1 < len(words) else None
    if token.lower == "yang" and index >= 2 and words[index - 2].lower == "yin":
        return True
    if (
        token.lower == "dan"
        and previous is not None
        and (previous.lower in _ORDINALS or re.fullmatch(r"\d+(?:st|nd|rd|th)?", previous.text))
    ):
        return True
    # Between two capitalised words of a name it is a particle ("Monte dei Paschi di Siena"); after a
    # common English word or place ("Saudi Arabia di Riyadh") it is the Indonesian preposition.
    return bool(
        previous
        and following
        and previous.capitalized
        and following.capitalized
        and not previous.sentence_initial
        and zipf(previous.lower, "en") < 3.5
    )


# A capitalised word after a lower-case one, where only a name is: "… in Bengkulu", "with Garuda".
_CAPITALISED_INSIDE_SENTENCE = re.compile(r"\b[a-z][\w'’-]* ([A-Z][a-z]\w*)")


@cache
def _exonym_patterns(pack: SourcePack) -> list[tuple[re.Pattern, Exonym]]:
    entries = sorted(pack.exonyms, key=lambda x: -len(x.word))
    # Hyphens may join an exonym to English ("the Russian-Cina-North Korea coalition").
    return [(re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, x.word.split())) + r"(?!\w)"), x) for x in entries]


# Words after an honorific that make a compound, not a person: "Ibu Kota" (capital city).
_HONORIFIC_NOT_NAMES = {"kota", "pertiwi", "negara", "rumah", "tangga", "hamil", "muda", "haji"}


def _exonyms_in(pack: SourcePack, text: str) -> list[tuple[re.Pattern, Exonym]]:
    """The exonym patterns that can match somewhere in ``text``: a match contains the exonym's first
    word verbatim, so one substring test per entry and article leaves out most of the lexicon before
    the per-sentence search."""
    return [(pattern, entry) for pattern, entry in _exonym_patterns(pack) if entry.word.split()[0] in text]


@cache
def _honorific_patterns(pack: SourcePack) -> list[tuple[re.Pattern, re.Pattern, re.Pattern, object]]:
    """Per honorific: the honorific, capitalised, right before a capitalised name; the honorific
    alone as a form of address ("…, mas, …", "please, Pak."); and the honorific in any case, with no
    context, which both others need (to leave out absent honorifics once per article)."""
    patterns = []
    for entry in sorted(pack.honorifics, key=lambda h: -len(h.word)):
        if entry.note.lower().startswith("javanese aristocratic"):
            continue  # "Raden Ajeng Kartini": a noble title is part of the name; English news keeps it
        word = re.escape(entry.word.rstrip(".")) + (r"\.?" if entry.word.endswith(".") else "")
        # "Sdr. H. Sahbirin Noor": a pilgrimage or academic title may stand between the honorific and the name.
        before_name = re.compile(
            rf"(?<![\w-])(?P<word>{word})\s+(?:(?:H|Hj|Dr|Drs|Ir|Prof)\.\s+)?(?P<name>[A-Z][a-z][\w'’-]*)"
        )
        vocative = re.compile(rf"(?<=, )(?i:{word})(?=[,.!?])")
        anywhere = re.compile(rf"(?i:{word})")
        patterns.append((before_name, vocative, anywhere, entry))
    return patterns


def _honorifics_in(pack: SourcePack, text: str) -> list[tuple[re.Pattern, re.Pattern, object]]:
    """(before-name pattern, vocative pattern, entry) of the honorifics that occur in ``text`` at all."""
    return [
        (before_name, vocative, entry)
        for before_name, vocative, anywhere, entry in _honorific_patterns(pack)
        if anywhere.search(text) and entry.applies_to(text)
    ]


def _reference_counterpart(word: str, reference_words: dict[str, str]) -> str | None:
    """A reference word that is the English spelling of ``word`` ("Cina" -> "China")."""
    best, best_ratio = None, 0.0
    for lowered, surface in reference_words.items():
        if lowered[:1] != word[:1].lower() or zipf(lowered, "en") < 3.0:
            continue
        ratio = difflib.SequenceMatcher(None, word.lower(), lowered).ratio()
        if ratio > best_ratio:
            best, best_ratio = surface, ratio
    return best if best_ratio >= 0.75 else None


# Characters from U+0250 on: the only ones :func:`_script` can name a script for.
_BEYOND_LATIN = re.compile(r"[^\x00-\u024f]")


def _script(ch: str) -> str | None:
    """The script of a letter outside Latin, e.g. "CJK", "ARABIC"; None for Latin and non-letters."""
    if not ch.isalpha() or ord(ch) < 0x250:
        return None
    name = unicodedata.name(ch, "")
    first = name.split(" ")[0]
    if first in ("LATIN", "MODIFIER", "COMBINING", ""):
        return None
    return first


# Cyrillic and Greek letters that look like Latin ones: pasted or OCR'd text mixes them into English words.
_HOMOGLYPHS = str.maketrans("асеіјорхуАВСЕНІЈКМОРТХУΑΒΕΗΙΚΜΝΟΡΤΥΧο", "aceijopxyABCEHIJKMOPTXYABEHIKMNOPTYXo")
_WORD_AROUND = re.compile(r"\w+")


def _word_start(text: str, at: int) -> int:
    while at > 0 and text[at - 1].isalnum():
        at -= 1
    return at


# "Article 28 Paragraph (2) Jo Article 45a": the Latin "juncto" of Indonesian legal citations, often cut to "jo".
_LEGAL_CONNECTOR = re.compile(r"(?<=[\w)] )(?:[Jj]uncto|[Jj]o\.?)(?= (?:Article|Articles|Paragraph|Law|Government)\b)")
# The place named after an administrative unit word: "Kecamatan Tebet Barat", up to three capitalised words.
_PLACE_AFTER_UNIT = re.compile(r" ((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*){0,2})")
# A capitalised noun of a place, an event or a body after "honorific + name" makes the whole a name.
_NAME_NOUN_AFTER = re.compile(
    r"(?:\s+[A-Z][\w'’-]*){0,2}?\s+(?:Stadium|Street|Road|Avenue|Airport|Hospital|University|Park|Square|Bridge|Building|Hall|Field|"
    r"Mosque|Museum|Port|Harbour|Harbor|Station|Terminal|Monument|Arena|Complex|Tower|Market|Village|Toll|"
    r"Month|Award|Foundation|Institute|Cent(?:er|re)|"
    r"[Dd]istrict|[Ss]ub-?[Dd]istrict|[Pp]rovince|[Rr]egency)\b"
)


class UntranslatedWord(Check):
    """Source-language words, clauses or foreign-script text left in the English article.

    What it finds:
        - single leftover words, found by a general mechanism rather than a list: a word
          that is common in the source language and rare in English according to the
          ``wordfreq`` frequency lists ("warga", "untuk", "kemarin"), plus the source
          language's function words (``function_words.txt``: "dan", "yang", "di"), which
          English frequency lists count high only because of names like "Dan"; capitalised words
          are only flagged when the English spelling is known, either from the source
          language's place-name list (``exonyms.tsv``: "Jepang" -> "Japan") or from the
          reference report ("Cina" where the reference says "China"), because a
          capitalised unknown word is usually a name;
        - whole untranslated sentences (confirmed by seeded ``langdetect``);
        - an administrative unit written before a place's name, as the source language does
          ("Kecamatan Tebet"; ``exonyms.tsv`` kind ``unit``): English puts it after the name ("Tebet
          district");
        - words in a non-Latin script (Chinese, Arabic, Cyrillic …) inside English text;
        - a source word in parentheses after the English it translates ("stunting (tengkes)"):
          the fix is to drop the parenthesis (info: the English is there);
        - the Latin "juncto" of Indonesian legal citations, often cut to "jo" ("Article 28 jo Article
          45a"): English writes "in conjunction with".
        - a word of ``loanwords.txt`` that no English word list knows ("sahur", "lurah", "camat") and that the
          article never explains: English papers in Indonesia keep such words, but explained.  They use one
          bare too, so this is a warning only beside another finding at warning or above (or the MT
          disclaimer); alone, in otherwise clean copy, it is info.
        Proper names, established loanwords and titles (``loanwords.txt``: "rupiah", "batik",
        "menteri besar"), source words that are quoted as a term or glossed ("the 'mudik'
        (homecoming) exodus", "known as gotong royong", "ayam taliwang (a local dish)"), and
        sentences langdetect puts in a third language (Tagalog quoted in a Philippine paper) are
        not flagged; a sentence left untranslated is one finding, not one per word.

    Why it matters:
        A leftover word is meaningless to an English reader and is the clearest sign of
        unchecked machine translation.

    Example:
        "the resurgence of the Russian-Cina-North Korea coalition"

    Use instead:
        "the resurgence of the Russia-China-North Korea coalition"
    """

    code = "MT004"
    name = "untranslated-word"
    severity = Severity.ERROR

    def run(self, ctx):
        text = ctx.candidate.text
        pack = ctx.pack
        quoted = quoted_spans(text)
        reference_tokens = tokens(ctx.reference_text)  # no tokens without a reference
        reference_words: dict[str, str] = {}
        for token in reference_tokens:
            if token.capitalized:
                reference_words.setdefault(token.lower, token.text)
        reference_lower = {t.lower for t in reference_tokens}
        addresses = [m.span() for m in _ADDRESS.finditer(text)]
        names_inside = set(_CAPITALISED_INSIDE_SENTENCE.findall(text))
        given = ctx.given_names
        # Lexicon entries absent from the whole article cannot match in any of its sentences.
        honorifics = _honorifics_in(pack, text)
        exonyms = _exonyms_in(pack, text)
        # "(pilkades)", "(caleg)": abbreviations are MT002's.
        abbreviation_starts = {a.start for a in ctx.abbreviations} | {start for start, _, _ in ctx.acronym_matches}
        for sentence in ctx.candidate.audited_sentences:
            if sentence.index in ctx.furniture and sentence.index not in ctx.headlines:
                continue  # "Kamis, 23 Maret 2023 | 14:39 WIB", "(photo: dok ANTARA)", menus: page furniture
            yield from self._foreign_script(ctx, sentence)
            claimed: list[tuple[int, int]] = []
            # Held back until the sentence is judged as a whole: in a sentence left untranslated, one finding.
            pending = []
            for m in _LEGAL_CONNECTOR.finditer(text, sentence.start, sentence.end):
                claimed.append(m.span())
                pending.append(
                    self.finding(
                        ctx,
                        m.start(),
                        m.end(),
                        f'"{m.group()}" (juncto) joins two legal provisions in {pack.name} law texts; in English: '
                        '"in conjunction with".',
                        "in conjunction with",
                        evidence="a legal citation: an article or law follows",
                    )
                )
            for finding in self._honorifics(ctx, sentence, quoted, honorifics):
                claimed.append((finding.start, finding.end))
                pending.append(finding)
            for pattern, entry in exonyms:
                for m in pattern.finditer(text, sentence.start, sentence.end):
                    if any(m.start() < e and s < m.end() for s, e in claimed) or self._glossed(
                        text, m.start(), m.end(), quoted
                    ):
                        continue
                    if entry.kind == "expression" and _FORMULA_GLOSS.match(text[m.end() : m.end() + 60]):
                        continue  # the speaker's formula, translated right after it
                    if entry.kind == "unit":
                        place = _PLACE_AFTER_UNIT.match(text, m.end())
                        if place is None:
                            continue  # "the kabupaten" as a word of its own is glossed or quoted elsewhere
                        english = f"{place.group(1)} {entry.english}"
                        message = (
                            f'"{m.group()}" is the {pack.name} word for an administrative unit, written before the '
                            f'name; English news writes "{english}".'
                        )
                    elif self._part_of_name(text, sentence.start, m.start(), m.end()):
                        continue  # "Bidara Cina" (a place), "Tan Mei Ling" (a person): names, not leftovers
                    elif entry.english in _MONTHS and _title_before(ctx, text, m.start()):
                        continue  # "Queen Juli smiled": a title makes "Juli" a name, not a month
                    else:
                        english = entry.english
                        message = (
                            f'"{m.group()}" is the {pack.name} spelling; in English it is "{english}".'
                            if entry.kind == "spelling"
                            else f'"{m.group()}" is an {pack.name} expression left in English; in English: "{english}".'
                        )
                    claimed.append(m.span())
                    pending.append(
                        self.finding(ctx, m.start(), m.end(), message, english, evidence=f"lexicon {entry.origin}")
                    )
            words = tokens(sentence.text, sentence.start)
            glossed_sentence = _GLOSS_SENTENCE.search(sentence.text) is not None
            leftovers = []
            for token in words:
                if any(token.start < e and s < token.end for s, e in claimed) or token.start in abbreviation_starts:
                    continue  # an honorific or exonym already reported, or an abbreviation (MT002's)
                if token.lower in pack.loanwords:
                    # "sahur", "lurah", "camat": kept by English papers in Indonesia, but explained, and no English
                    # word list knows them; an MT article that leaves one bare has not translated it.
                    if (
                        not token.capitalized
                        and zipf(token.lower, "en") == 0
                        and not any(
                            self._glossed(text, m.start(), m.end(), quoted) or redundant_gloss(text, m.start(), m.end())
                            for m in re.finditer(rf"\b{re.escape(token.text)}\b", text)
                        )
                    ):
                        pending.append(
                            self.finding(
                                ctx,
                                token.start,
                                token.end,
                                f'"{token.text}" is an {pack.name} term English readers do not know; translate it, '
                                "or explain it at first use as English papers in Indonesia do.",
                                "translate",
                                evidence=f"{pack.name} term (loanwords.txt) unknown to English word lists",
                                # English papers in Indonesia use it bare too: alone in clean copy, a note.
                                needs_company=True,
                            )
                        )
                    continue
                if token.lower in reference_lower and not token.capitalized:
                    continue
                if not token.capitalized and token.text.capitalize() in names_inside:
                    continue  # "the bengkulu police": a name the article writes capitalised elsewhere
                if (
                    redundant_gloss(text, token.start, token.end)
                    and token.start not in abbreviation_starts
                    and (hit := self._judge(token, pack, reference_words, reference_lower))
                ):
                    pending.append(
                        self.finding(
                            ctx,
                            token.start - 1,
                            token.end + 1,
                            f'"{token.text}" is the {pack.name} word for the English before it; English readers '
                            "do not need it: drop the parenthesis.",
                            "",
                            evidence=hit[1],
                            # The English is there, so nothing is lost: a note for the copy (the tune annotators
                            # dropped such a parenthesis in 8 of 22 cases).
                            severity=Severity.INFO,
                        )
                    )
                    continue
                if self._glossed(text, token.start, token.end, quoted) or glossed_sentence:
                    continue
                if _OUTLET_BEFORE.search(text, max(0, token.start - 16), token.start) and _OUTLET_AFTER.match(
                    text, token.end
                ):
                    continue  # "…, reported detik, Tuesday": a news outlet, named as it writes its name
                if any(s <= token.start < e for s, e in addresses):
                    continue  # part of a web or e-mail address, or a social-media handle
                if re.match(r"-[A-Z]", text[token.end : token.end + 2]) and re.search(
                    r"[A-Z][\w'’]*\s$", text[max(0, token.start - 30) : token.start]
                ):
                    continue  # "Yang di-Pertuan Agong": a particle joined to the capitalised word of a title or name
                if token.capitalized and _NAME_NOUN_AFTER.match(text, token.end):
                    continue  # "Sesayap Hilir Sub-district", "Tanjung Priok Port": a word of a place's or a body's name
                if re.search(r"[a-z][A-Z]", token.text):
                    continue  # two words run together ("songBersama"): MT005 reports the missing space
                if text[token.start - len(token.text) - 1 : token.start] == token.text.capitalize() + "-":
                    continue  # the second half of a capitalised reduplication is a name's: "Dawi-dawi" (a village)
                if token.lower in given and not (
                    not token.capitalized
                    and (token.lower in pack.function_words or self._common_word_not_name(token, text, pack))
                ):
                    continue  # a first name ("Bagus said", a lowercased "bambang said"), not a leftover word
                if token.lower in pack.function_words and _english_use(words, token):
                    continue
                following = text[token.end : token.end + 2]
                hit = self._judge(
                    token, pack, reference_words, reference_lower, re.match(r" [A-Z]", following) is not None
                )
                if hit is None and sentence.index in ctx.headlines and token.capitalized:
                    hit = self._headline_word(token, pack, given, text, sentence)
                if hit:
                    leftovers.append((token, hit))
            source_languages = detected_as_source(pack)
            # Words neither English nor the source's ("walang", "pagtatago"): only then is a third language
            # possible, and langdetect (slow to load) worth asking.
            unknown = sum(
                1
                for t in words
                if not t.capitalized and zipf(t.lower, "en") < 2.5 and not is_source_word(t.text, pack.wordfreq)
            )
            if (leftovers or pending) and len(words) >= 5 and unknown >= 2:
                if _quoted_language_words(words, pack) >= QUOTED_LANGUAGE_MIN_WORDS:
                    continue  # "… ang plano ng mga opisyal …": Taglish in a Philippine paper, too mixed for langdetect
                lang, prob = detect_language(sentence.text)
                if lang not in ("en", *source_languages) and prob >= THIRD_LANGUAGE_PROBABILITY:
                    # "Walang puwang ang pagtatago sa batas": Tagalog, whose "batas" only looks Indonesian.
                    continue
            source_count = len(leftovers)
            source_share = source_count / max(len(words), 1)
            # Names and numbers dilute a short sentence ("Adapun rapat dan Munas Partai Maju ke-5 digelar pada
            # 10-12 Agustus 2023."): with three source words, a near-certain detector decides it.
            if len(words) >= 5 and (source_share >= CLAUSE_SHARE or source_count >= CLAUSE_MIN_WORDS):
                lang, prob = detect_language(sentence.text)
                needed = CLAUSE_PROBABILITY if source_share >= CLAUSE_SHARE else CLAUSE_SURE_PROBABILITY
                if lang in source_languages and prob >= needed:
                    yield self.finding(
                        ctx,
                        sentence.start,
                        sentence.end,
                        f"This sentence was left in {pack.name} (language detector: {lang}, p={prob:.2f}).",
                        "translate",
                        evidence=f"{source_count} of {len(words)} words are {pack.name}",
                    )
                    continue
            yield from pending
            yield from self._leftover_findings(ctx, leftovers)
        # Words of source languages the pack does not cover (German, French, Czech …): foreign.py.
        yield from foreign_findings(self, ctx)

    @staticmethod
    def _common_word_not_name(token, text: str, pack: SourcePack) -> bool:
        """A lower-case word the first-name list knows but that is a common source-language word, never written
        capitalised in the article: "puskesmas" and "relawan" have records as first names in the names dataset,
        but "at the puskesmas" is the health centre.  A name lowercased by mistake ("khofifah") is written
        capitalised elsewhere in the article or speaks ("bambang said"), and a hyphenated name's second half follows a
        capital ("Rahmat-syah")."""
        if re.search(r"[A-Z][\w'’]*-$", text[max(0, token.start - 30) : token.start]):
            return False  # "Rahmat-syah": the second half of a hyphenated name
        if re.match(r"\s+(?:said|says|told|added|explained|asked)\b", text[token.end : token.end + 12]):
            return False  # '"…," bambang said': a speaker
        return is_source_word(token.text, pack.wordfreq) and token.text.capitalize() not in text

    @staticmethod
    def _part_of_name(text: str, sentence_start: int, start: int, end: int) -> bool:
        """True when a capitalised word sits next to the match inside a name ("Bidara Cina",
        "Zhang Mei", "Pasar Minggu"); a sentence-initial common word ("The Cina …") does not count."""
        before = text[sentence_start:start]
        previous = re.search(r"([A-Z][\w'’]*) $", before)
        if previous:
            initial = not before[: previous.start()].strip(' "“‘(')
            if not initial or zipf(previous.group(1).lower(), "en") < 4.5:
                return True
        return re.match(r" [A-Z][a-z]", text[end : end + 3]) is not None and not re.match(
            r" (?:[A-Z][a-z]+day|January|February|March|April|June|July|August|September|October|November|December)\b",
            text[end : end + 12],
        )

    @staticmethod
    def _glossed(text: str, start: int, end: int, quoted) -> bool:
        # The second half of a reduplicated word ("sabu-sabu") is glossed where its first half is.
        before = re.sub(r"\b\w+-$", "", text[max(0, start - 30) : start])
        if _GLOSS_AFTER.match(text[end : end + 4]) or _GLOSS_BEFORE.search(before):
            return True
        if _GLOSS_AFTER_TERM.match(text[end : end + 60]):
            return True
        if text[max(0, start - 1) : start] == "(" and text[end : end + 1] == ")":
            return True
        for s, e in quoted:
            if s <= start and end <= e:
                # A short quoted term ("the 'mudik' exodus") is a deliberate use of the word, and so
                # is a quoted chant or slogan followed by its translation in parentheses.
                if len(text[s:e].split()) <= 4 or _GLOSS_AFTER.match(text[e : e + 4].lstrip(",. ")):
                    return True
        return False

    @staticmethod
    def _judge(
        token, pack: SourcePack, reference_words, reference_lower, following_capitalized: bool = False
    ) -> tuple[str | None, str] | None:
        """(suggested fix, evidence) when ``token`` is a leftover source word, else None.
        ``following_capitalized``: the next word is capitalised (with this one, maybe a name)."""
        src = zipf(token.lower, pack.wordfreq)
        en = zipf(token.lower, "en")
        evidence = f"Zipf frequency {src:.1f} in {pack.name}, {en:.1f} in English"
        if not token.capitalized:
            if token.lower in pack.function_words:
                return None, f"{pack.name} function word"
            if is_source_word(token.text, pack.wordfreq):
                return None, evidence
            if looks_like_source(token.text, pack.wordfreq):
                ratio = letters_ratio(token.text, pack.wordfreq)
                return None, f"in neither frequency list; its letters look {pack.name} (trigram log ratio {ratio:.1f})"
            return None
        if token.sentence_initial and src >= INITIAL_MIN_SOURCE_ZIPF and en < INITIAL_MAX_ENGLISH_ZIPF:
            if following_capitalized:
                return None  # "Minggu Bulu, a member of …": a name that starts the sentence
            return None, evidence
        if token.sentence_initial or token.lower in reference_lower:
            return None
        if is_source_word(token.text, pack.wordfreq):
            counterpart = _reference_counterpart(token.text, reference_words)
            if counterpart:
                return counterpart, f'{evidence}; the reference writes "{counterpart}"'
        return None

    @staticmethod
    def _headline_word(token, pack, given, text, headline):
        """A headline capitalises every word ("Bocor", "Telusuri"): a capitalised source word there is a
        leftover unless it is a first name or appears capitalised in the body (a name)."""
        if not token.text[1:].islower() or token.lower in given or not is_source_word(token.text, pack.wordfreq):
            return None  # "KPK" is an abbreviation (MT002's), "Budi" a name
        if re.search(rf"(?<![.!?]\s)(?<!^)\b{re.escape(token.text)}\b", text[headline.end :]):
            return None
        return (
            None,
            f"Zipf frequency {zipf(token.lower, pack.wordfreq):.1f} in {pack.name}, "
            f"{zipf(token.lower, 'en'):.1f} in English; a headline word",
        )

    def _leftover_findings(self, ctx, leftovers):
        """One finding per run of adjacent leftover words ("sementara itu" is one phrase)."""
        text = ctx.candidate.text
        runs: list[list] = []
        for token, hit in leftovers:
            if runs and re.fullmatch(r"[\s\-]*", text[runs[-1][-1][0].end : token.start]):
                runs[-1].append((token, hit))
            else:
                runs.append([(token, hit)])
        for run in runs:
            start, end = run[0][0].start, run[-1][0].end
            words = text[start:end]
            if " ".join(words.lower().split()) in ctx.pack.loanwords:
                continue  # a kept phrase: "menteri besar" (a Malaysian state's chief minister)
            fix = run[0][1][0] if len(run) == 1 else None
            evidence = "; ".join(f"{t.text}: {h[1]}" for t, h in run)
            what = "word" if len(run) == 1 else "phrase"
            message = f'"{words}" is an untranslated {ctx.pack.name} {what}' + (
                f'; in English: "{fix}".' if fix else "; translate it."
            )
            yield self.finding(ctx, start, end, message, fix or "translate", evidence=evidence)

    def _honorifics(self, ctx, sentence, quoted, honorifics):
        """ "Pak Budi", "Ibu Risma", "Mbak Puan": a source-language honorific kept before a name; and
        "…, mas, …" or "please, Pak": one used on its own to address somebody in a quotation.
        ``honorifics``: the patterns of :func:`_honorifics_in` for the article."""
        text = ctx.candidate.text
        for pattern, vocative, entry in honorifics:
            for match in pattern.finditer(text, sentence.start, sentence.end):
                name = match.group("name")
                if name.lower() in _HONORIFIC_NOT_NAMES:
                    continue  # "Ibu Kota" (the capital), "Ibu Pertiwi" (the motherland)
                if re.search(r"[A-Z][\w'’-]*\s+$", text[sentence.start : match.start()]) and not re.fullmatch(
                    r"\W*[A-Z][\w'’-]*\s+", text[sentence.start : match.start()]
                ):
                    continue  # "Gelora Bung Karno Stadium", "Jalan Bung Tomo": part of a place's name
                after = text[match.end("name") : match.end("name") + 60]
                if _NAME_NOUN_AFTER.match(after):
                    continue  # "at Bung Karno (Main) Stadium", "the Bung Karno Month": a place's or an event's name
                if re.search(re.escape(match.group()) + r"\s*\((?:[a-z]+[\s,-]*){1,6}\)", text):
                    continue  # "Bu Wali (mother mayor)": the article explains the form of address
                if entry.unless and re.match(r"[-‐]|\s+[A-Z]", text[match.end("name") :]):
                    continue  # "Kang Sun Nam", "Bang Si-hyuk": a surname before a two-part given name
                if _GLOSS_BEFORE.search(text[max(0, match.start() - 25) : match.start()]):
                    continue  # "Ridwan Kamil, familiarly called Kang Emil": the article introduces the nickname
                in_quote = any(s <= match.start() < e for s, e in quoted)
                english = entry.english if entry.english.lower() not in ("mr", "ms", "mrs", "miss") else ""
                where = "inside a quotation" if in_quote else "in the story's own words"
                yield self.finding(
                    ctx,
                    match.start(),
                    match.end("name"),
                    f'"{match.group("word")}" is an {ctx.pack.name} honorific left {where}; English news writes the '
                    "name alone.",
                    f"{english} {text[match.end('word') : match.end('name')].strip()}".strip(),
                    severity=Severity.WARNING if in_quote else Severity.ERROR,
                    evidence=f"honorifics.tsv: {entry.word} ({entry.gender}, English: {entry.english or '-'})",
                )
            for match in vocative.finditer(text, sentence.start, sentence.end):
                if not any(s <= match.start() < e for s, e in quoted):
                    continue
                if zipf(match.group().lower(), "en") >= 4.0:
                    continue  # "and then, bang!": an English word, not a form of address
                yield self.finding(
                    ctx,
                    match.start(),
                    match.end(),
                    f'"{match.group()}" is an {ctx.pack.name} form of address left in the quotation; translate it.',
                    "sir" if entry.gender == "male" else "ma'am",
                    severity=Severity.WARNING,
                    evidence=f"honorifics.tsv: {entry.word} ({entry.gender})",
                )

    def _foreign_script(self, ctx, sentence):
        text = ctx.candidate.text
        i, end = sentence.start, sentence.end
        if not re.search(r"[A-Za-z]", sentence.text):
            return  # a line in another script alone ("테스트" under a headline) is a page element, not prose
        while i < end:
            beyond = _BEYOND_LATIN.search(text, i, end)
            if beyond is None:
                break  # all Latin (or punctuation, digits): no script to report
            i = beyond.start()
            script = _script(text[i])
            if not script:
                i += 1
                continue
            j = i + 1
            while j < end and (
                _script(text[j]) == script or (text[j] == " " and j + 1 < end and _script(text[j + 1]) == script)
            ):
                j += 1
            before = text[max(sentence.start, i - 2) : i]
            after = text[j : j + 2]
            # "(김민재)" after a name, "(0/250자)" in a comment form: inside a parenthesis it is a gloss or a label.
            glossed = ("(" in before and ")" in after) or (
                text.rfind("(", sentence.start, i) > text.rfind(")", sentence.start, i) and ")" in text[j : j + 12]
            )
            if script == "GREEK" and j - i == 1:
                glossed = True  # a unit or symbol: "2.5 μm", "10 Ω"
            word = _WORD_AROUND.match(text, _word_start(text, i))
            latin = word.group().translate(_HOMOGLYPHS)
            mixed = any(c.isascii() and c.isalpha() for c in word.group())  # Latin letters around it
            if not glossed and mixed and word.end() >= j and latin.isascii() and latin != word.group():
                # "placе" with a Cyrillic "е": a look-alike letter inside an English word, not foreign text.
                yield self.finding(
                    ctx,
                    word.start(),
                    word.end(),
                    f'"{word.group()}" contains a {script.title()} letter that looks like a Latin one; '
                    "retype the word.",
                    latin,
                    severity=Severity.WARNING,
                )
            elif not glossed:
                yield self.finding(
                    ctx,
                    i,
                    j,
                    f"Text in {script.title()} script inside English text; translate or transliterate it.",
                    "translate",
                    severity=Severity.WARNING,
                )
            i = j


def _title_before(ctx, text: str, start: int) -> bool:
    """Whether a title ("Queen", "Minister") stands right before ``start``."""
    previous = re.search(r"([A-Z][a-z]+)\s+$", text[max(0, start - 30) : start])
    return previous is not None and previous.group(1).lower() in ctx.english.titles
