"""Hypothesis strategies and properties shared by the property tests and the fuzz run (fuzz/run.py)."""

from __future__ import annotations

from hypothesis import strategies as st

from mtaudit.errors import MtauditError
from mtaudit.load import decode_bytes
from mtaudit.pipeline import audit
from mtaudit.segment import segment

# Pieces that exercise the checks, mixed with arbitrary Unicode: combining marks, right-to-left
# script, emoji, zero-width characters, CRLF and other line breaks.
FRAGMENTS = [
    "Uncle Sam's country",
    "the Bamboo Curtain country",
    "UN DK",
    "PBB",
    "Cina",
    "warga",
    "said.,",
    ",,",
    " ,",
    '"',
    "“",
    "”",
    "(",
    ")",
    "Mr Kim",
    "Mrs Sari",
    " he ",
    " her ",
    " she ",
    " his ",
    "Leader Kim",
    "leader Kim",
    "Kim Jong-un",
    "Kim Jong Un",
    "\r\n",
    "\n\n",
    "\u200b",
    "\u200d",
    "\u202e",
    "é",
    "e\u0301",
    "שלום",
    "مرحبا",
    "😀",
    "👩‍👩‍👧",
    "和平",
    ". ",
    "? ",
    "! ",
    "U.S.",
    "3.5",
    "2021",
    "<!-- mtaudit: ignore MT001 -->",
    "\t",
    # MT009's rewrite rules (scored by the language model when it is installed)
    ", reported Reuters July 27",
    "Photos of state media show ",
    "Li Hongzhong and their delegation",
    "every semester once",
    "Tuesday (18/6)",
    "312 point",
]
SPECIAL = st.sampled_from(["\u0301", "\u0308", "\u200b", "\u200c", "\u200d", "\ufeff", "\u202e", "\u2028", "\r", "\n"])
ARTICLE_TEXT = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(min_size=0, max_size=12), SPECIAL), min_size=1, max_size=40
).map("".join)


def check_segmentation(text: str) -> None:
    previous_end = 0
    for sentence in segment(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.start >= previous_end
        previous_end = sentence.end


def check_reference_free_audit(text: str, path) -> None:
    """Every check runs without raising; spans point at their text; findings are sorted and unique."""
    try:
        result = audit(path, candidate_text=text)
    except MtauditError:
        return  # empty or unusable input is a clear error, which is the documented outcome
    doc_text = result.candidate.text
    keys = [(f.start, f.end, f.code) for f in result.findings]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    for f in result.findings:
        assert doc_text[f.start : f.end] == f.text
        assert f.message and f.code.startswith("MT")


def check_decoding(data: bytes) -> None:
    try:
        decoded = decode_bytes(data, "fuzz")
    except MtauditError:
        return
    assert isinstance(decoded.text, str) and decoded.text.strip()
