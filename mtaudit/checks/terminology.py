from __future__ import annotations

import re
from collections import defaultdict

from ..language import zipf
from ..model import Severity
from .acronyms import defined_in_article
from .base import Check, whole_word_pattern

# "Kim Jong-un" and "Kim Jong Un": a hyphenated lower-case syllable belongs to the name.
# An apostrophe only inside a word ("O'Brien"): a closing quotation mark after a name is no part of it.
_NAME_RUN = re.compile(r"[A-Z]\w*(?:['’]\w+)*(?:-[a-z]+)?(?:[\s\-]+[A-Z]\w*(?:['’]\w+)*(?:-[a-z]+)?)+")
# Lookahead so that "to Leader Kim" still yields "Leader Kim" after "to Leader".
_TITLE_BEFORE_NAME = re.compile(r"\b([A-Za-z]+)(?=\s+([A-Z][\w'’\-]+))")


def _one_letter_variants(forms: dict[str, list[re.Match]]) -> list[list[re.Match]]:
    """Groups of multi-word names that differ in one letter of one word ("Hendra Saputra" and
    "Hendra Saputro"): the classic MT/typing slip in a name.  Only rare words (names, not
    English words such as "Korea"/"Korean") are compared."""
    by_shape: dict[tuple, list[str]] = defaultdict(list)
    surfaces = {key: matches[0].group() for key, matches in forms.items()}
    for key, surface in surfaces.items():
        words = re.split(r"[\s\-]+", surface)
        if len(words) >= 2:
            by_shape[(len(words), tuple(len(w) for w in words))].append(key)
    groups = []
    for keys in by_shape.values():
        for i, first in enumerate(keys):
            for second in keys[i + 1 :]:
                a = re.split(r"[\s\-]+", surfaces[first])
                b = re.split(r"[\s\-]+", surfaces[second])
                diff = [(x, y) for x, y in zip(a, b, strict=True) if x.lower() != y.lower()]
                if len(diff) != 1:
                    continue
                x, y = diff[0]
                changed = [i for i, (p, q) in enumerate(zip(x.lower(), y.lower(), strict=True)) if p != q]
                # Only an ending that changed ("Saputra"/"Saputro"): "Marapi" and "Merapi" are two volcanoes.
                ending = len(changed) == 1 and changed[0] >= len(x) - 2
                if ending and len(x) >= 4 and zipf(x.lower(), "en") < 3.5 and zipf(y.lower(), "en") < 3.5:
                    groups.append(forms[first] + forms[second])
    return groups


def _capitals(name: str) -> list[str]:
    """The words of a name written in capitals: the abbreviations in it ("PDI-P")."""
    return [word for word in name.split() if word.replace("-", "").isupper()]


class InconsistentTerminology(Check):
    """The same thing is written two different ways in one article.

    What it finds:
        - a source-language acronym next to its English form elsewhere in the article
          ("UN Security Council" in one paragraph, "UN DK" in another);
        - a multi-word name spelled two ways ("Hendra Saputra" and "Hendra Saputro"): the less
          frequent spelling is flagged; when only hyphens or spaces differ ("Kim Jong-un" and
          "Kim Jong Un", as romanisations and wire copy mix them), as *info*, except in
          abbreviations ("PDI-P" and "PDIP");
        - a title before a name capitalised two ways ("leader Kim" and "Leader Kim"):
          English news lowercases descriptive titles such as "leader" and capitalises formal
          ones such as "President" (``lexicons/en/titles.tsv``), so the form that breaks
          that convention is flagged, as *info*.

    Why it matters:
        Readers take two spellings for two different things; consistency is the first thing
        a copy desk checks.

    Example:
        "banned by the UN Security Council" … "committed to UN DK resolutions"

    Use instead:
        "UN Security Council" in both places.
    """

    code = "MT007"
    name = "inconsistent-terminology"
    severity = Severity.WARNING

    def run(self, ctx):
        yield from self._acronym_variants(ctx)
        yield from self._name_variants(ctx)
        yield from self._title_case(ctx)

    def _audited_spans(self, ctx):
        return [(s.start, s.end) for s in ctx.candidate.audited_sentences]

    def _acronym_variants(self, ctx):
        text = ctx.candidate.text
        audited = self._audited_spans(ctx)
        for start, end, entry in ctx.acronym_matches:
            if entry.policy != "translate" or len(entry.english.split()) < 2:
                continue
            if defined_in_article(text, entry.acronym):
                continue  # defined in parentheses or in words: a deliberate, consistent use
            english = re.search(whole_word_pattern(entry.english), text, re.IGNORECASE)
            if english and any(s <= english.start() < e for s, e in audited):
                yield self.finding(
                    ctx,
                    start,
                    end,
                    f'"{entry.acronym}" and "{english.group()}" name the same thing in this article; use '
                    f'"{english.group()}" throughout.',
                    english.group(),
                )

    def _name_variants(self, ctx):
        text = ctx.candidate.text
        forms: dict[str, list[re.Match]] = defaultdict(list)
        # A caption or byline is written apart from the story (often by the picture agency): its spelling
        # is no variant of the story's.  The headline is the story's own.
        apart = ctx.furniture - ctx.headlines
        for sentence in ctx.candidate.audited_sentences:
            if sentence.index in apart:
                continue
            for m in _NAME_RUN.finditer(text, sentence.start, sentence.end):
                words = m.group().split()
                # "Later Kim Jong-un": a capitalised sentence opener is not part of the name.
                if m.start() == sentence.start and zipf(words[0].lower(), "en") >= 5.0:
                    m = re.compile(re.escape(" ".join(words[1:]))).search(text, m.start(), m.end())
                    if m is None or " " not in m.group() and "-" not in m.group():
                        continue
                key = re.sub(r"[\s\-]+", "", m.group()).lower()
                forms[key].append(m)
        groups = list(forms.values())
        groups += _one_letter_variants(forms)
        for matches in groups:
            surfaces: dict[str, list[re.Match]] = defaultdict(list)
            shapes: dict[str, str] = {}
            for m in matches:
                # "Ponting’s" and "Ponting's": one spelling in two apostrophe shapes (MT005 reports mixed marks).
                surfaces[shapes.setdefault(m.group().replace("’", "'"), m.group())].append(m)
            if len(surfaces) < 2:
                continue
            # Case-only differences are the title check's business.
            if len({s.lower() for s in surfaces}) < 2:
                continue
            ranked = sorted(surfaces, key=lambda s: (-len(surfaces[s]), surfaces[s][0].start()))
            main = ranked[0]
            for variant in ranked[1:]:
                # "Kim Keon-hee" and "Kim Keon Hee": romanisations hyphenate given names or not, and wire copy
                # mixes them; a reader takes both for one person.  A note, unless it is an abbreviation ("PDI-P").
                spacing_only = re.sub(r"[\s\-]+", "", variant).lower() == re.sub(r"[\s\-]+", "", main).lower()
                spacing_only = spacing_only and _capitals(variant) == _capitals(main)
                for m in surfaces[variant]:
                    yield self.finding(
                        ctx,
                        m.start(),
                        m.end(),
                        f'"{variant}" is spelled "{main}" elsewhere in this article; use one spelling.',
                        main,
                        severity=Severity.INFO if spacing_only else None,
                    )

    def _title_case(self, ctx):
        text = ctx.candidate.text
        titles = ctx.english.titles
        uses: dict[tuple[str, str], dict[bool, list[re.Match]]] = defaultdict(lambda: {True: [], False: []})
        for sentence in ctx.candidate.audited_sentences:
            for m in _TITLE_BEFORE_NAME.finditer(text, sentence.start, sentence.end):
                title = m.group(1)
                if title.lower() not in titles or m.start() == sentence.start:
                    continue  # sentence-initial capitals say nothing about style
                uses[(title.lower(), m.group(2))][title[0].isupper()].append(m)
        for (title, _name), by_case in uses.items():
            if not by_case[True] or not by_case[False]:
                continue
            formal = titles[title]
            wrong_capital = not formal
            for m in by_case[wrong_capital]:
                good = title.capitalize() if formal else title
                yield self.finding(
                    ctx,
                    m.start(1),
                    m.end(1),
                    f'"{m.group(1)} {m.group(2)}" is written "{good} {m.group(2)}" elsewhere in this article; '
                    f'English news style writes "{good}" here.',
                    good,
                    severity=Severity.INFO,
                )
