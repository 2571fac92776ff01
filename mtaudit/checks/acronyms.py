from __future__ import annotations

import re
from functools import cache, lru_cache

from ..abbreviations import after_name_slash, mostly_source, person_initials
from ..language import ASSUMED, redundant_gloss, zipf
from ..lexicon import Acronym, SourcePack
from ..model import Severity
from .base import Check


@cache
def compiled_acronyms(pack: SourcePack) -> list[tuple[re.Pattern, Acronym]]:
    entries = sorted(pack.acronyms, key=lambda a: -len(a.acronym))
    # Hyphens join lists of abbreviations ("Golkar-PAN-PPP"), so they end a match like spaces do.
    return [(re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, a.acronym.split())) + r"(?!\w)"), a) for a in entries]


def present_acronyms(pack: SourcePack, text: str) -> list[tuple[re.Pattern, Acronym]]:
    """The entries whose words all occur somewhere in ``text``: a plain substring test that
    leaves out most of the lexicon before any per-sentence regex runs (same matches, a
    fraction of the time on batches; MT001 narrows its epithets the same way)."""
    return [
        (pattern, entry)
        for pattern, entry in compiled_acronyms(pack)
        if all(word in text for word in entry.acronym.split())
    ]


_GLOSS_NOUNS = (
    r"(?:agency|commission|body|office|ministry|council|police|military|army|court|bank|budget|party|board|"
    r"authority|institute|company|firm|regulator|watchdog|union|association|foundation|organisation|organization)"
)
# English abbreviations that signal a hybrid when combined with a source one ("UN DK").
_ENGLISH_ACRONYMS = {"UN", "US", "EU", "UK", "UNSC"}
_ADDRESS = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:go|co|ac|or)\.id\b"
)


@lru_cache(maxsize=4096)  # asked of every sentence by MT002's two passes
def _mostly_upper(sentence: str) -> bool:
    """Headlines in capitals ("LIVE: AS IT HAPPENED") contain every acronym-looking word; skip them."""
    letters = [c for c in sentence if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.6


# "letter No.SE-12/Seskab/XII/2014": letters inside a document number are its code, not words to translate.
_REFERENCE_AFTER = re.compile(r"[-/]\d")
_REFERENCE_BEFORE = re.compile(r"(?:\bNo\.\s?|\d/)$")


def _in_reference_number(text: str, start: int, end: int) -> bool:
    return bool(_REFERENCE_AFTER.match(text, end) or _REFERENCE_BEFORE.search(text, max(0, start - 4), start))


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


_ABOUT_KOREA = re.compile(r"\b(?:Korea|Korean|Koreans|Seoul|K-pop|Hallyu)\b|[\uac00-\ud7a3]")
# "Lee Sun-hee", "Kim Jae-joong": a common Korean surname before a hyphenated given name.
_KOREAN_NAME = re.compile(
    r"\b(?:Kim|Lee|Park|Choi|Jung|Jeong|Kang|Cho|Yoon|Jang|Lim|Han|Oh|Seo|Shin|Sin|Kwon|Hwang|Ahn|Song|Jeon|Hong|Moon|"
    r"Yang|Ko|Bae|Baek|Nam|Noh|Ha|Yoo|Ryu|Im)\s+[A-Z][a-z]+-[a-z]+\b"
)


def _about_korea(text: str) -> bool:
    """Whether an article is about Korea: it names the country or Seoul, has Hangul, or two Korean names."""
    return _ABOUT_KOREA.search(text) is not None or len(_KOREAN_NAME.findall(text)) >= 2


def _uses_any(article_words: set[str], words: frozenset[str]) -> bool:
    """Whether the article (its lower-case words) uses any of ``words``."""
    return not article_words.isdisjoint(words)


def acronym_matches(ctx) -> list[tuple[int, int, Acronym]]:
    """Non-overlapping acronym occurrences in audited sentences, longest entry first."""
    text = ctx.candidate.text
    found: list[tuple[int, int, Acronym]] = []
    present = present_acronyms(ctx.pack, text)
    article_words = set(re.findall(r"[a-z]+", text.lower()))  # for entries with a context column
    for sentence in ctx.candidate.audited_sentences:
        if _mostly_upper(sentence.text):
            continue
        for pattern, entry in present:
            for match in pattern.finditer(text, sentence.start, sentence.end):
                start, end = match.span()
                if any(start < e and s < end for s, e, _ in found):
                    continue
                following = re.match(r"[\s\-]+([\w'’-]+)", text[end : end + 40])
                if following and following.group(1) in entry.unless_next:
                    continue
                if entry.only_next and not _followed_by(text, end, entry.only_next):
                    continue  # "RT 03/RW 04" is a neighbourhood unit; "RT" alone may be a retweet
                if re.search(r"(?<![\w-])e-$", text[max(0, start - 3) : start]):
                    continue  # "e-KTP": the electronic ID card programme's name, which English news keeps
                if entry.context and not _uses_any(article_words, entry.context):
                    continue  # "OTT" in a story about films is a streaming service, not a sting operation
                if len(entry.acronym) <= 2 and _english_context(text, sentence.start, start, end):
                    continue
                if person_initials(text, start, end):
                    continue  # "the initials MA, SF": a suspect, not the Supreme Court
                if _in_reference_number(text, start, end):
                    continue
                found.append((start, end, entry))
    return sorted(found, key=lambda item: item[0])


def _followed_by(text: str, end: int, words: frozenset[str]) -> bool:
    """Whether one of ``words`` ("#": any number) follows the acronym ending at ``end``, after a space or a slash."""
    following = re.match(r"[ /]+(\w+)", text[end : end + 40])
    if not following:
        return False
    word = following.group(1)
    return word in words or ("#" in words and word.isdigit())


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
    """Whether the article explains the acronym somewhere: "the House of Representatives (DPR)",
    "DPR (the House …)", "the weather agency BMKG", "BNPT is the agency …", or the English gloss itself.  Another
    abbreviation is no explanation: "PDI-P (PDIP)" explains neither."""
    name = re.escape(acronym)
    for match in re.finditer(rf"\(\s*{name}\b", text):
        before = re.search(r"(\S+)\s*$", text[max(0, match.start() - 40) : match.start()])
        if before and not _is_abbreviation(before.group(1)):
            return True
    for match in re.finditer(rf"\b{name}\s*\(([^()]*)\)", text):
        if re.search(r"\b[a-z]{3,}\b", match.group(1)) or len(match.group(1).split()) >= 2:
            return True
    # Apposition: "the weather agency BMKG", "the national disaster agency, BNPB", "rescue agency Basarnas".
    if re.search(rf"\b(?:[Tt]he\s+)?(?:[a-z][\w-]*\s+){{0,3}}{_GLOSS_NOUNS},?\s+{name}\b", text):
        return True
    # A definition sentence: "Densus 88 is the police force's elite counterterrorist wing", "BNPT stands for …".
    if re.search(
        rf"(?<![\w-]){name}\s+(?:is|are|was)\s+(?:the|an?)\s+[\w’'-]+|(?<![\w-]){name}\s+stands\s+for\b", text
    ):
        return True
    return bool(english) and re.search(_loose(english), text, re.IGNORECASE) is not None


def _named_beside(ctx, entry: Acronym) -> bool:
    """Whether a sentence that uses the acronym also gives its English name ("The Corruption Eradication
    Commission, or KPK, …", "Bawaslu [Election Supervisory Agency]", "Puskesmas community health
    centers").  The English name elsewhere does not tie the two together: "the House of Representatives"
    in one paragraph and "DPR" in the next read as two bodies to an English reader."""
    if not entry.english:
        return False
    text = ctx.candidate.text
    english = re.compile(_loose(entry.english), re.IGNORECASE)
    for match in re.finditer(rf"(?<!\w){re.escape(entry.acronym)}(?!\w)", text):
        sentence = ctx.sentence_at(match.start())
        if english.search(text, sentence.start, sentence.end):
            return True
    return False


_JOINERS = r"(?:\s+(?:of|for|and|the|on|in|&))*\s+"


@lru_cache(maxsize=4096)
def spelled_out_in_english(text: str, acronym: str, source_wordlist: str) -> bool:
    """Whether capitalised English words in the article have the acronym's letters as their initials: "Direct
    Purchase Centres … DPCs" in an Indian paper is an English abbreviation, whatever Indonesian writes "DPC"
    for.  The words must be English, not the source language's own expansion ("Dewan Pimpinan Cabang")."""
    letters = [c for c in acronym if c.isalpha()]
    if len(letters) < 3 or not acronym.isupper():
        return False
    pattern = _JOINERS.join(rf"({letter}[a-z]+)" for letter in letters)
    for match in re.finditer(rf"(?<![\w-]){pattern}(?![\w-])", text):
        words = [word.lower() for word in match.groups()]
        if all(zipf(word, "en") >= 3.0 and zipf(word, "en") > zipf(word, source_wordlist) for word in words):
            return True
    return False


# "the electronic identity card, locally known as e-KTP": the English before it explains the abbreviation.
_KNOWN_AS = r"(?:(?:locally|also|commonly|widely)\s+known\s+as|known\s+locally\s+as|locally\s+called)\s+(?:[a-z]+-)?"


def defined_in_article(text: str, acronym: str) -> bool:
    """The article defines the abbreviation: "East Java Police (Polda Jatim)", "the holiday bonus, or THR",
    "locally known as e-KTP", "a Perppu (government regulation in lieu of law)"."""
    return bool(
        defined_in_parentheses(text, acronym)
        or re.search(rf"(?:,\s+or\s+|{_KNOWN_AS}){re.escape(acronym)}\b", text)
        or explained_after(text, acronym)
    )


def _defined_as_something_else(text: str, acronym: str, english: str) -> bool:
    """The article defines the letters as another name than the entry's: "the Crescent Star Party (PBB)" is a
    party, not the UN; "the Organization of Islamic Cooperation (OKI)" is the OIC the entry means, and so is
    "Perserikatan Bangsa-Bangsa (PBB)", the Indonesian name itself."""
    initials = []
    for match in re.finditer(rf"\({re.escape(acronym)}\)", text):
        # The name before the parenthesis, read backwards from it over a bounded window.
        name = _DEFINED_NAME.search(text, max(0, match.start() - 150), match.start())
        if name:
            initials.append("".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", name.group())))
    if not initials:
        return False
    # In any order: machine translation may keep the Indonesian order ("Islamic Cooperation Organizations (OKI)").
    return all(not set(english) <= set(letters) and not set(letters) <= set(acronym) for letters in initials)


_DEFINED_NAME = re.compile(r"(?:[A-Z][\w'’-]*\s+(?:(?:of|and|the|for)\s+)*)+$")


def explained_after(text: str, acronym: str) -> bool:
    """The abbreviation followed by its explanation in words: "Perppu (government regulation in lieu of law)"."""
    for match in re.finditer(rf"(?<![\w-]){re.escape(acronym)}\s*\(([^()]*)\)", text):
        if len(re.findall(r"\b[a-z]{3,}\b", match.group(1))) >= 2:
            return True
    return False


def _loose(english: str) -> str:
    """The English name with the endings of its long words free: "community health centre" also matches
    "community health centers" (spelling and plural), "Geophysics Agency" "Geophysical Agency"."""
    words = english.split()
    head = r"\s+".join(_free_ending(w) for w in words[:-1])
    last = re.escape(words[-1][:4]) + r"\w*" if len(words[-1]) > 5 else re.escape(words[-1]) + r"s?"
    return r"(?<![\w-])" + (head + r"\s+" if head else "") + last + r"(?![\w-])"


def _free_ending(word: str) -> str:
    core, punctuation = re.match(r"(.*?)(\W*)$", word).groups()
    if len(core) <= 7:
        return re.escape(word)
    return re.escape(core[: max(5, len(core) - 3)]) + r"\w*" + re.escape(punctuation)


def _is_abbreviation(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return (
        len(letters) >= 2
        and sum(c.isupper() for c in letters) >= 2
        and sum(c.isupper() for c in letters) >= len(letters) - 1
    )


class SourceAcronym(Check):
    """Untranslated, half-translated or unexplained source-language abbreviation.

    What it finds:
        - abbreviations English news never uses — "PBB" (the UN), "AS" (the US), "KTT"
          (summit), "WIB" (local time) — at every occurrence, and hybrids where MT translated
          only half: "UN DK" from *DK PBB* (*Dewan Keamanan*, the UN Security Council).  One that
          English knows by other letters stays a warning after the article explains it: "the
          Organisation of Islamic Cooperation (OKI) … From OKI, …" should say "OIC";
        - Indonesian abbreviations English readers cannot expand — institutions, police and
          military ranks and units, ministries, parties, laws ("PSSI", "Bareskrim", "Kombes",
          "Permenaker", "DPP") — at their first mention, when the article never explains them.
          These are found by their form and by word frequencies (see ``mtaudit/abbreviations.py``),
          not by a list: capitals in a row, or a word made of Indonesian abbreviation syllables
          ("Ka+pol+res"), that is common in Indonesian and rare in English.
        - a lower-case clipping in parentheses after the English words it abbreviates ("village
          head elections (pilkades)"): the fix is to drop the parenthesis (info: the English is there).
        ``lexicons/<lang>/acronyms.tsv`` supplies the English name and the policy: ``translate``
        (never kept in English), ``keep`` (kept once glossed: DPR, KPK, TNI) or ``name`` (kept as
        is: "PT" before a company name).  Abbreviations explained in the article — "(DPR)",
        "DPR (the House …)", "the weather agency BMKG", "locally known as e-KTP", or the English name
        itself — are not flagged, nor letters that are the initials of English words in the article
        ("Direct Purchase Centres … a new DPC" in an Indian paper is no Indonesian party board), nor
        letters inside a document number ("letter No.SE-12/Seskab/XII/2014");
        captions and bylines are not first mentions, and a headline is no place for a gloss, but an
        abbreviation the article never explains is reported where the headline uses it.  English papers in
        Indonesia leave well-known abbreviations ("KPK", "PSSI") unglossed for their readers, so an
        unexplained abbreviation is a warning only beside another finding at warning or above (a second
        unexplained abbreviation counts, and so does the MT disclaimer); alone, in otherwise clean copy,
        it is info.

    Why it matters:
        English readers cannot expand a foreign abbreviation; a half-translated one looks
        like a typo and undermines the story.

    Example:
        "Russia remains officially committed to UN DK resolutions"; "said Kombes Endra Zulpan"

    Use instead:
        "Russia remains officially committed to UN Security Council resolutions"; "said Senior
        Commissioner Endra Zulpan"
    """

    code = "MT002"
    name = "source-acronym"
    severity = Severity.ERROR

    def run(self, ctx):
        text = ctx.candidate.text
        reported: set[str] = set()
        lexicon_hits = ctx.acronym_matches
        known = {entry.acronym for _, _, entry in lexicon_hits} | {a.acronym for a in ctx.pack.acronyms}
        for start, end, entry in lexicon_hits:
            if entry.policy == "name":
                continue
            if mostly_source(ctx.sentence_at(start).text, ctx.pack):
                continue  # "… penetapan Ketua Umum DPP Partai Golkar": MT004 reports the untranslated sentence
            if after_name_slash(text, start):
                continue  # "Minister of National Development Planning/Bappenas": the English name glosses it
            if spelled_out_in_english(text, entry.acronym, ctx.pack.wordfreq):
                continue  # "Direct Purchase Centres (DPCs)": English letters that happen to spell a source acronym
            finding = self._lexicon_finding(ctx, start, end, entry, reported)
            if finding:
                yield finding
        taken = [(s, e) for s, e, _ in lexicon_hits]
        addresses = [m.span() for m in _ADDRESS.finditer(text)]
        for abbr in ctx.abbreviations:
            if abbr.text in known or any(abbr.start < e and s < abbr.end for s, e in taken + addresses):
                continue
            if _in_reference_number(text, abbr.start, abbr.end):
                continue
            where = ctx.sentence_at(abbr.start).index
            if where in ctx.furniture and not (abbr.kind == "syllabic" and where in ctx.headlines):
                continue  # a byline or caption; a headline is no first mention, but a clipping is never English
            # An initialism needs its gloss once; an unexplained clipped compound ("Kombes", "Permenaker") is
            # reported at each use, since no English reader can read it.
            if abbr.kind == "initialism" and abbr.text in reported:
                continue
            if redundant_gloss(text, abbr.start, abbr.end):
                reported.add(abbr.text)
                yield self._gloss_finding(ctx, abbr.start, abbr.end, f"an {ctx.pack.name} abbreviation", abbr.evidence)
                continue
            # A clipped compound defined after its English name ("the National Police Commission (Kompolnas)")
            # may be used again, as an initialism may: the annotators of the real articles accepted both.
            if _in_parentheses(text, abbr.start, abbr.end) or is_glossed(text, abbr.text, ""):
                reported.add(abbr.text)  # explained, or itself the gloss of the English name before it
                continue
            reported.add(abbr.text)
            start, end = _headline_occurrence(ctx, abbr.text, abbr.start) or (abbr.start, abbr.end)
            what = "abbreviation" if abbr.kind == "initialism" else "abbreviation (a clipped compound)"
            language = f"an {ctx.pack.name} " if abbr.known_source else "an "
            # An abbreviation neither frequency list knows is the source language's only when the article
            # shows it was translated from it (the disclaimer, or words left behind); otherwise, info.
            evident = not ctx.candidate.source_lang_evidence.endswith(ASSUMED)
            severity = Severity.WARNING if abbr.known_source or evident else Severity.INFO
            if abbr.kind == "initialism" and _about_korea(text):
                # Indonesian web text is full of K-pop and Korean media names ("TVXQ", "KBS"), which is why
                # the Indonesian list knows them: in an article about Korea they are Korean names.
                severity = Severity.INFO
            yield self.finding(
                ctx,
                start,
                end,
                f'"{abbr.text}" is {language}{what} English readers cannot expand, and the article never says '
                "what it stands for; write the English name at first mention.",
                f"the English name ({abbr.text})" if abbr.kind == "initialism" else "translate",
                severity=severity,
                evidence=abbr.evidence,
                needs_company=True,
            )

    def _gloss_finding(self, ctx, start, end, what, evidence):
        """ "village head elections (pilkades)": the parenthesis, with deleting it as the fix."""
        return self.finding(
            ctx,
            start - 1,
            end + 1,
            f'"{ctx.candidate.text[start:end]}" is {what} of the English words before it; English readers do not '
            "need it: drop the parenthesis.",
            "",
            # The English is there, so nothing is lost: a note for the copy (the tune annotators dropped such a
            # parenthesis in 8 of 22 cases).
            severity=Severity.INFO,
            evidence=evidence,
        )

    def _lexicon_finding(self, ctx, start, end, entry, reported):
        text = ctx.candidate.text
        expansion = f" ({entry.expansion})" if entry.expansion else ""
        if entry.policy == "keep":
            # "PDI-P" and "PDIP" are one party: one gloss covers both spellings.
            if entry.english in reported or ctx.sentence_at(start).index in ctx.furniture:
                return None
            if _in_parentheses(text, start, end):
                return None  # "PDI-P (PDIP)": an alternative spelling given with the first mention
            reported.add(entry.english)
            if is_glossed(text, entry.acronym, "") or _named_beside(ctx, entry):
                return None
            start, end = _headline_occurrence(ctx, text[start:end], start) or (start, end)
            return self.finding(
                ctx,
                start,
                end,
                f'"{entry.acronym}"{expansion} is kept in English news, but this article never says what it '
                f"is; add the gloss at first mention.",
                f"{entry.english} ({entry.acronym})",
                severity=Severity.WARNING,
                evidence=f"lexicon {entry.origin}",
                # English papers in Indonesia leave "KPK" unglossed for their readers: a house style.
                needs_company=True,
            )
        where = ctx.sentence_at(start).index
        if where in ctx.furniture and where not in ctx.headlines:
            return None  # "10 Jan 2023 | 14:39 WIB": a date line, not prose; a headline is translated text
        # "(Polda Jatim)" or ", or THR," after its English name: the acronym is a gloss, not the text.
        or_gloss = re.search(r",\s+or\s+$", text[max(0, start - 6) : start]) is not None
        in_parentheses = or_gloss or _in_parentheses(text, start, end)
        if defined_in_article(text, entry.acronym) and not in_parentheses:
            if (
                entry.policy == "translate"
                and entry.english != entry.acronym
                and re.fullmatch(r"[A-Z]{2,6}", entry.english)
                and not _defined_as_something_else(text, entry.acronym, entry.english)
            ):
                # "Organization of Islamic Cooperation (OKI) … From OKI, …": the gloss explains the Indonesian
                # letters, but English readers know the body by its English ones.
                return self.finding(
                    ctx,
                    start,
                    end,
                    f'"{entry.acronym}" is the {ctx.pack.name} abbreviation{expansion}; the article explains it, but '
                    f'English readers know it as "{entry.english}".',
                    entry.english,
                    severity=Severity.WARNING,
                    evidence=f"lexicon {entry.origin}",
                )
            # The article defines it once in parentheses, or explains it right after ("a Perppu (government
            # regulation in lieu of law)"); a parenthesised occurrence is reported as info.
            return None
        if in_parentheses and redundant_gloss(text, start, end):
            what = f"the {ctx.pack.name} abbreviation{expansion}"
            return self._gloss_finding(ctx, start, end, what, f"lexicon {entry.origin}")
        if in_parentheses:
            return self.finding(
                ctx,
                start,
                end,
                f'"{entry.acronym}" is the {ctx.pack.name} abbreviation{expansion}; it is glossed here, but '
                "English readers do not need it.",
                None,
                severity=Severity.INFO,
                evidence=f"lexicon {entry.origin}",
            )
        parts = entry.acronym.split()
        kind = "a half-translated" if len(parts) > 1 and set(parts) & _ENGLISH_ACRONYMS else "an untranslated"
        return self.finding(
            ctx,
            start,
            end,
            f'"{entry.acronym}" is {kind} {ctx.pack.name} abbreviation{expansion}; '
            f'English readers know it as "{entry.english}".',
            entry.english,
            severity=entry.severity,
            evidence=f"lexicon {entry.origin}",
        )


def _headline_occurrence(ctx, token: str, before: int) -> tuple[int, int] | None:
    """Where a headline before ``before`` uses ``token``: an abbreviation the article never explains is
    reported where the reader first meets it, though a headline is no place for its gloss."""
    text = ctx.candidate.text
    pattern = re.compile(rf"(?<![\w-]){re.escape(token)}(?![\w-])")
    for sentence in ctx.candidate.audited_sentences:
        if sentence.start >= before:
            break
        if sentence.index in ctx.headlines and (m := pattern.search(text, sentence.start, sentence.end)):
            return m.span()
    return None


def _in_parentheses(text: str, start: int, end: int) -> bool:
    """The abbreviation stands alone in parentheses, or is the last word in them: "(Polda Jatim)"."""
    window_start = max(0, start - 40)
    group = re.search(r"\(([^()]*)\)", text[window_start : end + 40])
    return bool(group) and window_start + group.start() < start and end <= window_start + group.end()
