"""Plain data passed between the pipeline stages.

load -> Document; segment -> Sentence list; align -> Alignment list; checks -> Finding list.
Every character offset in this module is into ``Document.text``: for plain text that is
the decoded file itself, so an editor's editor can jump straight to it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import IntEnum

# Values of --fail-on and the config's fail-on: a severity, or "never" to always exit 0.
FAIL_ON = ("error", "warning", "info", "never")


class Severity(IntEnum):
    """Ordered so that ``severity >= threshold`` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (use error, warning or info)") from None

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Sentence:
    index: int  # 0-based position in the document
    start: int
    end: int
    text: str
    paragraph: int  # 0-based paragraph number
    audited: bool = True  # False for boilerplate such as the MT disclaimer

    @property
    def number(self) -> int:
        """1-based number shown to editors."""
        return self.index + 1


@dataclass
class Document:
    path: str
    text: str
    format: str  # "text", "markdown" or "html"
    encoding: str = "UTF-8"  # the encoding that was assumed when decoding the file
    sentences: list[Sentence] = field(default_factory=list)
    machine_translated: bool = False
    disclaimer: str | None = None
    source_lang: str | None = None
    source_lang_evidence: str = ""
    notes: list[str] = field(default_factory=list)
    suppressions: list[tuple[int, int, frozenset[str]]] = field(default_factory=list)

    @property
    def audited_sentences(self) -> list[Sentence]:
        return [s for s in self.sentences if s.audited]

    @property
    def audited_text(self) -> str:
        return "\n".join(s.text for s in self.audited_sentences)


@dataclass(frozen=True)
class Alignment:
    """Where one candidate sentence lands in the reference.

    ``references`` is empty when the sentence has no counterpart: comparable reports
    legitimately differ, and a forced match would produce nonsense comparisons.
    """

    sentence: int
    references: tuple[int, ...]
    similarity: float  # cosine similarity to the best reference sentence
    chrf: float | None  # chrF against the aligned reference sentences, if any
    # Every reference sentence above the threshold, best first (up to five): a date or day is
    # often stated in a neighbouring sentence of a comparable report, not the aligned one.
    neighbours: tuple[int, ...] = ()

    @property
    def verdict(self) -> str:
        return "aligned" if self.references else "no counterpart"


@dataclass(frozen=True, order=True)
class Finding:
    # Field order is the sort order: findings come out in reading order.
    start: int
    end: int
    code: str
    sentence: int
    name: str = field(compare=False)
    severity: Severity = field(compare=False)
    text: str = field(compare=False)
    message: str = field(compare=False)
    suggestion: str | None = field(default=None, compare=False)
    evidence: str | None = field(default=None, compare=False)
    reference_sentence: str | None = field(default=None, compare=False)
    similarity: float | None = field(default=None, compare=False)
    # A house-style signal ("“…\"", mixed quotation marks) that professional copy also shows: it keeps its
    # severity only beside another finding at warning or above, and is info in otherwise clean copy.
    needs_company: bool = field(default=False, compare=False, repr=False)

    def to_dict(self) -> dict:
        data = asdict(self)
        del data["needs_company"]
        data["severity"] = self.severity.label
        data["sentence"] = self.sentence + 1
        return data
