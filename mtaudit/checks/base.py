"""What every check shares: the context it reads and the Finding it returns."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar

from ..language import quoted_spans  # noqa: F401  (re-exported for the checks)
from ..lexicon import EnglishData, SourcePack
from ..model import Alignment, Document, Finding, Sentence, Severity


@dataclass
class Thresholds:
    """Numbers that change what gets flagged; all of them go into the report stamp."""

    align: float = 0.5  # cosine similarity below which a sentence has no counterpart
    reference_check: float = 0.5  # MT006 compares weekdays and pronouns only in pairs at least this similar
    # Numbers, names, months and years only in pairs this similar: a comparable report states other facts
    # in sentences of 0.5-0.77 similarity (measured on the real tune split: 35 of 35 such findings were no
    # error), while sentences translated from one source score 0.79 and up (5th percentile).
    reference_facts: float = 0.78

    def as_dict(self) -> dict[str, float]:
        return {"align": self.align, "reference_check": self.reference_check, "reference_facts": self.reference_facts}


@dataclass
class AuditContext:
    candidate: Document
    pack: SourcePack
    english: EnglishData
    reference: Document | None = None
    alignments: dict[int, Alignment] = field(default_factory=dict)
    thresholds: Thresholds = field(default_factory=Thresholds)
    # The offline language model (mtaudit.lm.LanguageModel) for checks that need one, or None.
    language_model: object | None = None

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.candidate.sentences]

    def sentence_at(self, offset: int) -> Sentence:
        index = bisect.bisect_right(self._starts, offset) - 1
        return self.candidate.sentences[max(index, 0)]

    @cached_property
    def people(self):
        """People named in the candidate and reference, with gender evidence (shared by checks)."""
        from ..people import build_people

        return build_people(self)

    @cached_property
    def furniture(self) -> set[int]:
        """Indexes of candidate sentences that are page furniture (headline, byline, caption)."""
        from ..furniture import furniture

        return furniture(self.candidate)

    @cached_property
    def headlines(self) -> set[int]:
        """The headline, part of the furniture but translated text all the same."""
        from ..furniture import headlines

        return headlines(self.candidate)

    @cached_property
    def acronym_matches(self) -> list:
        """The lexicon acronyms in the candidate (read only: MT002 reports them, MT007 compares them)."""
        from .acronyms import acronym_matches

        return acronym_matches(self)

    @cached_property
    def abbreviations(self) -> list:
        """Source-language abbreviations found by their form (read only: MT002 reports them, MT004 leaves
        them to MT002)."""
        from ..abbreviations import find_abbreviations

        return find_abbreviations(self.candidate.text, self.candidate.audited_sentences, self.pack, self.given_names)

    @cached_property
    def given_names(self) -> dict:
        """First names: the source language's over those common in English-language news (shared by
        checks, read only; merging the two lists once per article rather than once per check)."""
        return {**self.english.given_names, **self.pack.given_names}

    @cached_property
    def reference_text(self) -> str:
        return self.reference.text if self.reference else ""


class Check:
    """Base class: subclasses set the class attributes and implement ``run``."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    needs_reference: ClassVar[bool] = False
    needs_language_model: ClassVar[bool] = False  # skipped (with a note) when the model is not loaded

    def run(self, ctx: AuditContext) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(
        self,
        ctx: AuditContext,
        start: int,
        end: int,
        message: str,
        suggestion: str | None = None,
        *,
        severity: Severity | None = None,
        evidence: str | None = None,
        needs_company: bool = False,
    ) -> Finding:
        return Finding(
            start=start,
            end=end,
            code=self.code,
            sentence=ctx.sentence_at(start).index,
            name=self.name,
            severity=severity or self.severity,
            text=ctx.candidate.text[start:end],
            message=message,
            suggestion=suggestion,
            evidence=evidence,
            needs_company=needs_company,
        )


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def line_at(text: str, position: int) -> str:
    """The line (a paragraph, in plain-text articles) that holds ``position``."""
    return text[text.rfind("\n", 0, position) + 1 : (text.find("\n", position) + 1 or len(text) + 1) - 1]


def whole_word_pattern(phrase: str, flexible: bool = True) -> str:
    """Regex for ``phrase`` as whole words; spaces and hyphens interchangeable, either apostrophe."""
    parts = re.split(r"[\s\-]+", phrase.strip())
    escaped = [re.sub(r"['’]", "['’]", re.escape(p)) for p in parts]
    joiner = r"[\s\-]+" if flexible else r"\s+"
    return r"(?<![\w-])" + joiner.join(escaped) + r"(?![\w-])"
