from __future__ import annotations

import re

from ..model import Severity
from .base import Check

# "reached the final of the the championship": a short function word typed twice.  Only words that English never
# doubles: "that that" ("said that that was wrong") and "had had" are grammatical, "at at least" too.
_DOUBLED_WORD = re.compile(
    r"(?<![\w'’-])(?P<word>the|a|an|of|and|to|in|on|for|with|by|from)\s+(?P=word)(?![\w'’-])", re.I
)
# "North Sumatra (North Sumatra)": a capitalised name, then the same words in parentheses.
_REPEATED_IN_PARENTHESES = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][\w'’.-]*(?: [\w'’.-]+){0,5}?) \((?P<repeat>(?P=name))\)"
)


class CopyEditSlip(Check):
    """Words the copy repeats by mistake.

    What it finds:
        - a function word typed twice ("the the", "and and", "of of"); "that that" and "had had" are
          grammatical and are left alone;
        - a name repeated in parentheses right after itself ("Central Java (Central Java)"): the Indonesian
          text glossed the name with its abbreviation ("Jawa Tengah (Jateng)"), and machine translation
          expanded both.

    Why it matters:
        A reader takes a doubled word for careless copy, and a repeated name in parentheses for an
        explanation that explains nothing.  Both are quick to fix once seen.

    Example:
        "The Central Java (Central Java) Police said the the suspects fled."

    Use instead:
        "The Central Java Police said the suspects fled."
    """

    code = "MT010"
    name = "copy-edit-slip"
    severity = Severity.WARNING

    def run(self, ctx):
        text = ctx.candidate.text
        for sentence in ctx.candidate.audited_sentences:
            if sentence.index in ctx.furniture:
                continue
            for m in _DOUBLED_WORD.finditer(text, sentence.start, sentence.end):
                if text[m.end() - len(m.group("word"))].isupper():
                    continue  # "pin the The News app": the second word opens a name
                word = m.group("word")
                yield self.finding(ctx, m.start(), m.end(), f'"{m.group()}": the word "{word}" is typed twice.', word)
            for m in _REPEATED_IN_PARENTHESES.finditer(text, sentence.start, sentence.end):
                yield self.finding(
                    ctx,
                    m.start("repeat") - 2,
                    m.end("repeat") + 1,
                    f'"{m.group()}": the name is repeated in parentheses. The parenthesis held the '
                    f"{ctx.pack.name} abbreviation, which the translation expanded too; drop it.",
                    "",
                    evidence="the same words before and inside the parenthesis",
                )
