"""Perturbed-MT documents from the sentence pairs in ``corpora/perturbed/pairs.tsv``.

Each pair is an MT-style English rendering of a source sentence (the *candidate*) and an
independent human-style translation of the same sentence (the *reference*).  For every
perturbation kind the generator picks the pairs that have something to perturb, shuffles them
(seeded), cuts them into 25-sentence documents, and writes three texts per document: the
clean candidate, the candidate with exactly one perturbation in every sentence, and the
reference document.  Sentences are independent of each other (each is its own paragraph), so
one perturbation per sentence is one perturbation per comparison; ``--one-per-doc`` instead
writes one document per perturbed sentence (slow to audit, used to check the two agree).

Kinds:
    entity        a person, city or country replaced by another of the same type (and, for
                  people, the same gender, so pronouns stay consistent)
    number        one digit of a number changed, or a number word replaced by another
    pronoun       one gendered pronoun swapped (he <-> she, his <-> her, him <-> her)
    untranslated  one word or phrase replaced by its source-language word (column
                  ``untranslated``; Latin script for de/fr/es/it/cs/pl, native script otherwise)
    punctuation   a comma, full stop or semicolon inserted between two words

Usage:
    python tools/perturb.py --out /tmp/perturbed [--seed 10] [--size 25]

Deterministic: the same pairs file and seed give byte-identical output.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "corpora" / "perturbed" / "pairs.tsv"
KINDS = ("entity", "number", "pronoun", "untranslated", "punctuation")
COLUMNS = ("id", "lang", "candidate", "reference", "entities", "untranslated")
ENTITY_TYPES = ("PERM", "PERF", "PER", "CITY", "COUNTRY", "LOC", "ORG", "MISC")
REPLACEABLE = ("PERM", "PERF", "CITY", "COUNTRY")  # the types the suite replaces
DOC_SIZE = 25
SEED = 10


@dataclass(frozen=True)
class Pair:
    id: str
    lang: str
    candidate: str
    reference: str
    entities: tuple[tuple[str, str], ...]  # (surface in the candidate, type)
    untranslated: tuple[tuple[str, str], ...]  # (English word or phrase in the candidate, source word)


@dataclass
class Perturbation:
    kind: str
    text: str  # the perturbed candidate sentence
    start: int  # span of the change in the perturbed sentence
    end: int
    original: str
    replacement: str


@dataclass
class Row:
    pair: str
    lang: str
    clean: tuple[int, int]  # span of the sentence in the clean document
    perturbed: tuple[int, int]  # span of the sentence in the perturbed document
    change: tuple[int, int]  # span of the change in the perturbed document
    original: str
    replacement: str


@dataclass
class Doc:
    kind: str
    name: str
    clean: str
    perturbed: str
    reference: str
    rows: list[Row] = field(default_factory=list)


class PairsError(ValueError):
    pass


def load_pairs(path: Path = PAIRS) -> list[Pair]:
    """The pairs, validated: every entity and untranslated word must occur in its candidate."""
    pairs: list[Pair] = []
    header = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        where = f"{path.name}:{number}"
        if header is None:
            header = tuple(fields)
            if header != COLUMNS:
                raise PairsError(f"{where}: header must be {' | '.join(COLUMNS)}")
            continue
        if len(fields) != len(COLUMNS):
            raise PairsError(f"{where}: expected {len(COLUMNS)} tab-separated fields, found {len(fields)}")
        row = dict(zip(COLUMNS, fields, strict=True))
        entities = []
        for item in filter(None, row["entities"].split(";")):
            surface, _, kind = item.rpartition("=")
            if kind not in ENTITY_TYPES or not re.search(_word(surface), row["candidate"]):
                raise PairsError(f"{where}: bad entity {item!r}")
            entities.append((surface, kind))
        untranslated = []
        for item in filter(None, row["untranslated"].split(";")):
            english, _, source = item.partition("=")
            if not source or not re.search(_word(english), row["candidate"], re.IGNORECASE):
                raise PairsError(f"{where}: bad untranslated item {item!r}")
            untranslated.append((english, source))
        pairs.append(
            Pair(row["id"], row["lang"], row["candidate"], row["reference"], tuple(entities), tuple(untranslated))
        )
    if len({p.id for p in pairs}) != len(pairs):
        raise PairsError(f"{path.name}: duplicate ids")
    return pairs


def _word(phrase: str) -> str:
    return r"(?<![\w'-])" + re.escape(phrase) + r"(?![\w-])"


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def entity_pools(pairs: list[Pair]) -> dict[str, list[str]]:
    pools: dict[str, set[str]] = {}
    for pair in pairs:
        for surface, kind in pair.entities:
            pools.setdefault(kind, set()).add(surface)
    return {kind: sorted(surfaces) for kind, surfaces in pools.items()}


# --- the perturbations -------------------------------------------------------------------------


def perturb_entity(pair: Pair, rng: random.Random, pools: dict[str, list[str]]) -> Perturbation | None:
    choices = [(s, k) for s, k in pair.entities if k in REPLACEABLE]
    if not choices:
        return None
    surface, kind = rng.choice(choices)
    taken = set(re.findall(r"\w+", _fold(pair.candidate + " " + pair.reference)))
    size = len(surface.split())
    pool = []
    for other in pools[kind]:
        words = other.split()
        if kind in ("PERM", "PERF") and size == 1:
            other = words[-1]  # a surname for a surname ("Berger")
        elif len(words) != size and kind in ("PERM", "PERF"):
            continue
        if set(re.findall(r"\w+", _fold(other))) & taken:
            continue  # never a name (or a variant of one) the pair already contains
        pool.append(other)
    if not pool:
        return None
    replacement = rng.choice(sorted(set(pool)))
    return _replace(pair.candidate, re.search(_word(surface), pair.candidate), replacement, "entity")


_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty".split()
)
_DIGITS = re.compile(r"(?<![\w'’-])(?<![A-Za-z]-)\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?(?![\w-]*[A-Za-z])")
_WORD_NUMBER = re.compile(r"(?<![\w-])(" + "|".join(_NUMBER_WORDS) + r")(?![\w])", re.IGNORECASE)


def _ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def perturb_number(pair: Pair, rng: random.Random) -> Perturbation | None:
    text = pair.candidate
    found = [m for m in _DIGITS.finditer(text)] + [m for m in _WORD_NUMBER.finditer(text)]
    if not found:
        return None
    match = rng.choice(sorted(found, key=lambda m: m.start()))
    token = match.group()
    if token[0].isdigit():
        suffix = re.search(r"(st|nd|rd|th)$", token)
        body = token[: suffix.start()] if suffix else token
        integer = re.match(r"\d+", body).group()
        positions = list(range(len(integer)))
        if len(integer) == 4 and integer[:2] in ("19", "20"):
            positions = [2, 3]  # a year stays a plausible year
        pos = rng.choice(positions)
        digits = [d for d in "0123456789" if d != integer[pos] and not (pos == 0 and d == "0" and len(integer) > 1)]
        if pos == 0 and len(integer) == 1:
            digits = [d for d in digits if d != "0"]
        new_integer = integer[:pos] + rng.choice(digits) + integer[pos + 1 :]
        new = new_integer + body[len(integer) :]
        if suffix:
            new += _ordinal_suffix(int(new_integer))
    else:
        lowered = token.lower()
        new = rng.choice([w for w in _NUMBER_WORDS if w != lowered])
        if token[0].isupper():
            new = new.capitalize()
    return _replace(text, match, new, "number")


_PRONOUN = re.compile(r"\b(he|she|his|him|her|hers|himself|herself)\b", re.IGNORECASE)
_SWAP = {
    "he": "she",
    "she": "he",
    "his": "her",
    "him": "her",
    "hers": "his",
    "himself": "herself",
    "herself": "himself",
}
# After these, "her" is an object pronoun ("thanked her for"), so it becomes "him", not "his".
_AFTER_OBJECT = {
    "to",
    "and",
    "in",
    "on",
    "at",
    "for",
    "with",
    "that",
    "as",
    "by",
    "from",
    "after",
    "before",
    "when",
    "of",
    "about",
    "",
}


def perturb_pronoun(pair: Pair, rng: random.Random) -> Perturbation | None:
    text = pair.candidate
    found = list(_PRONOUN.finditer(text))
    if not found:
        return None
    match = rng.choice(found)
    word = match.group()
    lowered = word.lower()
    if lowered == "her":
        following = re.match(r"\s*([A-Za-z]*)", text[match.end() :]).group(1).lower()
        new = "him" if following in _AFTER_OBJECT else "his"
    else:
        new = _SWAP[lowered]
    if word[0].isupper():
        new = new.capitalize()
    return _replace(text, match, new, "pronoun")


def perturb_untranslated(pair: Pair, rng: random.Random) -> Perturbation | None:
    if not pair.untranslated:
        return None
    english, source = rng.choice(pair.untranslated)
    match = re.search(_word(english), pair.candidate, re.IGNORECASE)
    if match.start() == 0 and source[:1].islower():
        source = source[:1].upper() + source[1:]
    return _replace(pair.candidate, match, source, "untranslated")


def perturb_punctuation(pair: Pair, rng: random.Random) -> Perturbation | None:
    text = pair.candidate
    gaps = [m.start() for m in re.finditer(r"(?<=[A-Za-z]) (?=[A-Za-z])", text)]
    if not gaps:
        return None
    at = rng.choice(gaps)
    mark = rng.choice([",", ".", ";"])
    return Perturbation("punctuation", text[:at] + mark + text[at:], at, at + 1, "", mark)


def _replace(text: str, match: re.Match, new: str, kind: str) -> Perturbation:
    start = match.start()
    return Perturbation(kind, text[:start] + new + text[match.end() :], start, start + len(new), match.group(), new)


def perturb(pair: Pair, kind: str, rng: random.Random, pools: dict[str, list[str]]) -> Perturbation | None:
    if kind == "entity":
        return perturb_entity(pair, rng, pools)
    return {
        "number": perturb_number,
        "pronoun": perturb_pronoun,
        "untranslated": perturb_untranslated,
        "punctuation": perturb_punctuation,
    }[kind](pair, rng)


# --- documents ---------------------------------------------------------------------------------


def build_suite(
    pairs: list[Pair] | None = None, *, seed: int = SEED, size: int = DOC_SIZE, kinds=KINDS
) -> dict[str, list[Doc]]:
    """Documents per kind; each perturbed document differs from its clean copy in every sentence."""
    pairs = load_pairs() if pairs is None else pairs
    pools = entity_pools(pairs)
    suite: dict[str, list[Doc]] = {}
    for kind in kinds:
        rng = random.Random(f"{seed}:{kind}")
        items = []
        for pair in pairs:
            change = perturb(pair, kind, rng, pools)
            if change is not None:
                items.append((pair, change))
        rng.shuffle(items)
        docs = []
        for number, first in enumerate(range(0, len(items), size), start=1):
            docs.append(_document(kind, f"{kind}-{number:02d}", items[first : first + size]))
        suite[kind] = docs
    return suite


def _document(kind: str, name: str, items: list[tuple[Pair, Perturbation]]) -> Doc:
    clean_parts, perturbed_parts, reference_parts, rows = [], [], [], []
    clean_at = perturbed_at = 0
    for pair, change in items:
        rows.append(
            Row(
                pair.id,
                pair.lang,
                (clean_at, clean_at + len(pair.candidate)),
                (perturbed_at, perturbed_at + len(change.text)),
                (perturbed_at + change.start, perturbed_at + change.end),
                change.original,
                change.replacement,
            )
        )
        clean_parts.append(pair.candidate)
        perturbed_parts.append(change.text)
        reference_parts.append(pair.reference)
        clean_at += len(pair.candidate) + 2
        perturbed_at += len(change.text) + 2
    joiner = "\n\n"  # one paragraph per sentence: sentences are unrelated to each other
    return Doc(
        kind,
        name,
        joiner.join(clean_parts) + "\n",
        joiner.join(perturbed_parts) + "\n",
        joiner.join(reference_parts) + "\n",
        rows,
    )


def write_suite(suite: dict[str, list[Doc]], out: Path) -> int:
    count = 0
    for kind, docs in suite.items():
        folder = out / kind
        folder.mkdir(parents=True, exist_ok=True)
        for doc in docs:
            (folder / f"{doc.name}.clean.txt").write_text(doc.clean, encoding="utf-8")
            (folder / f"{doc.name}.perturbed.txt").write_text(doc.perturbed, encoding="utf-8")
            (folder / f"{doc.name}.ref.txt").write_text(doc.reference, encoding="utf-8")
            manifest = [asdict(row) for row in doc.rows]
            (folder / f"{doc.name}.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the documents")
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--size", type=int, default=DOC_SIZE, help="sentences per document")
    args = parser.parse_args(argv)
    try:
        suite = build_suite(load_pairs(args.pairs), seed=args.seed, size=args.size)
    except (OSError, PairsError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    count = write_suite(suite, args.out)
    sizes = ", ".join(f"{kind}: {sum(len(d.rows) for d in docs)}" for kind, docs in suite.items())
    print(f"{count} documents in {args.out} ({sizes} perturbed sentences)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
