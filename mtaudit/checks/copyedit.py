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

# "94 thousand people": Indonesian writes "94 ribu"; English news gives the figure, "94,000" (a decimal, "115.2
# thousand hectares", would need rewriting, not a comma, and is left alone).
# The end of a range ("5 to 10 thousand") is left alone: "10,000" alone would change its meaning.
_THOUSAND = re.compile(
    r"(?<![\d.,])(?<!\d (?:to|or) )(?<!\d and )(?<!\d[-–])(?P<number>[1-9]\d{0,2}) thousand\b(?!-)"
    r"(?! (?:rupiah|dollars?|won|yen|euros?|ringgit|baht|pesos?|dong|yuan|rupees?|pounds)\b)"
)
# Money is left alone: "Rp150 thousand" is how English papers in Indonesia often write rupiah amounts, and the tune
# annotators left all four such amounts in machine translation as they were.
_CURRENCY_BEFORE = re.compile(r"(?:Rp|IDR|USD|US\$|S\$|RM|\$|€|£|¥)\.?\s?$")


class CopyEditSlip(Check):
    """Words the copy repeats by mistake, and numbers written the source language's way.

    What it finds:
        - a function word typed twice ("the the", "and and", "of of"); "that that" and "had had" are
          grammatical and are left alone;
        - a name repeated in parentheses right after itself ("Central Java (Central Java)"): the Indonesian
          text glossed the name with its abbreviation ("Jawa Tengah (Jateng)"), and machine translation
          expanded both.
        - a whole number written with "thousand" ("94 thousand people", Indonesian *94 ribu*): English news
          gives the figure, "94,000".  English papers in Indonesia write it too (the tune annotators fixed 9 of
          15 there, 7 of 10 in machine translation), so it is a warning only beside another finding at warning
          or above; alone, in otherwise clean copy, it is info.  Amounts of money ("Rp150 thousand") are left
          alone: the annotators kept them.

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
            for m in _THOUSAND.finditer(text, sentence.start, sentence.end):
                if _CURRENCY_BEFORE.search(text, max(0, m.start() - 5), m.start()):
                    continue
                figure = f"{m.group('number')},000"
                yield self.finding(
                    ctx,
                    m.start(),
                    m.end(),
                    f'"{m.group()}": English news gives the figure, "{figure}".',
                    figure,
                    needs_company=True,
                )
