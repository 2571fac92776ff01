"""Accepting findings: inline markers in the article, and a baseline file.

**Inline marker** (like flake8's ``# noqa``), an HTML comment naming codes::

    <!-- mtaudit: ignore MT003 -->          this paragraph (or, alone on its line, the next one)
    <!-- mtaudit: ignore-file MT001,MT004 --> the whole article

In plain text the paragraph form applies to one paragraph; Markdown and HTML drop comments
while extracting the article text, so there every marker applies to the whole article.

**Baseline**: ``mtaudit baseline`` writes the current findings' fingerprints to a JSON file;
audits given that file drop findings whose fingerprint is in it.  A fingerprint hashes the
check code, the flagged text and the whole sentence (whitespace-normalised), so an accepted
finding stays accepted when other sentences change and comes back when its own sentence
is edited.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from .errors import MtauditError
from .model import Finding

MARKER = re.compile(r"<!--\s*mtaudit:\s*(ignore|ignore-file)\s+([A-Za-z0-9,\s]+?)\s*-->")
BASELINE_VERSION = 1


def parse_markers(raw: str, text: str, fmt: str) -> tuple[list[tuple[int, int, frozenset[str]]], list[tuple[int, int]]]:
    """(suppressed spans with their codes, spans of marker-only lines to leave out of the audit)."""
    from .segment import paragraphs

    spans: list[tuple[int, int, frozenset[str]]] = []
    hidden: list[tuple[int, int]] = []
    blocks = paragraphs(text)
    for m in MARKER.finditer(raw):
        codes = frozenset(c.strip().upper() for c in m.group(2).replace(",", " ").split() if c.strip())
        if fmt != "text":
            spans.append((0, len(text), codes))  # comments are gone from extracted text
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        alone = not (text[line_start : m.start()] + text[m.end() : line_end]).strip()
        if alone:
            hidden.append((line_start, line_end))
        if m.group(1) == "ignore-file":
            spans.append((0, len(text), codes))
            continue
        # The paragraph holding the marker, or, for a marker alone on its line, the next text.
        anchor = m.end()
        if alone:
            rest = re.search(r"\S", text[line_end:])
            anchor = line_end + rest.start() if rest else line_end
        block = next(((s, e) for s, e in blocks if s <= anchor < e), None)
        if block:
            spans.append((max(block[0], anchor if alone else block[0]), block[1], codes))
    return spans, hidden


def is_suppressed(finding: Finding, spans: list[tuple[int, int, frozenset[str]]]) -> bool:
    return any(s <= finding.start < e and (finding.code in codes or "ALL" in codes) for s, e, codes in spans)


def fingerprint(finding: Finding, sentence_text: str) -> str:
    normalised = " ".join(sentence_text.split())
    return hashlib.sha256(f"{finding.code}\x1f{finding.text}\x1f{normalised}".encode()).hexdigest()[:20]


class BaselineMissing(MtauditError):
    """The baseline file does not exist (yet).

    The CLI treats this as "nothing accepted yet": a publish gate names ``accepted/$ID.json``
    for every article, and a new article has none until an editor accepts something.
    """


def read_baseline(path: Path) -> set[str]:
    """Accepted fingerprints.  A missing file raises :class:`BaselineMissing`; an unreadable,
    corrupt or foreign file raises :class:`MtauditError`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineMissing(f"--baseline {path}: no such file (create it with 'mtaudit baseline')") from None
    except IsADirectoryError:
        raise MtauditError(f"--baseline {path}: is a directory, expected a baseline file") from None
    except PermissionError:
        raise MtauditError(f"--baseline {path}: permission denied") from None
    except OSError as exc:
        raise MtauditError(f"--baseline {path}: cannot read ({exc.strerror})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise MtauditError(f"--baseline {path}: not a valid baseline file ({exc})") from None
    if (
        not isinstance(data, dict)
        or data.get("version") != BASELINE_VERSION
        or not isinstance(data.get("accepted"), list)
    ):
        raise MtauditError(f"--baseline {path}: not an mtaudit baseline (version {BASELINE_VERSION})")
    try:
        return {entry["fingerprint"] for entry in data["accepted"]}
    except (TypeError, KeyError):
        raise MtauditError(f"--baseline {path}: an entry has no fingerprint") from None


def baseline_document(results) -> str:
    accepted = []
    for result in results:
        for f in result.all_findings:
            sentence = result.candidate.sentences[f.sentence].text
            accepted.append(
                {
                    "article": result.candidate.path,
                    "code": f.code,
                    "text": f.text,
                    "fingerprint": fingerprint(f, sentence),
                }
            )
    accepted.sort(key=lambda e: (e["article"], e["fingerprint"]))
    return json.dumps({"version": BASELINE_VERSION, "accepted": accepted}, indent=2, ensure_ascii=False) + "\n"
