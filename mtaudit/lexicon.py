"""Lexicons: word lists as data files, one folder per language.

``mtaudit/lexicons/<lang>/`` holds a ``pack.toml`` (language name, wordfreq code,
which pack it extends) and tab-separated files that users can extend without touching
code.  ``en/`` holds target-language (English) data such as honorifics.  Every file is
hashed into the reproducibility stamp, and every bad line is reported as
``file:line: problem``, never silently skipped.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .errors import MtauditError
from .model import Severity

LEXICON_ROOT = Path(__file__).parent / "lexicons"
# A neighbour's first name this common as a word of the pack's language is a word the dataset mistook for a
# name ("menteri" 5.2); "risa" (3.7) and "lilis" (3.2) are names.
NEIGHBOUR_NAME_MAX_ZIPF = 4.0


class LexiconError(MtauditError):
    pass


@dataclass(frozen=True)
class Epithet:
    phrase: str
    fix: str
    source: str
    severity: Severity
    note: str
    origin: str  # "file:line", so a user can find the entry that fired


@dataclass(frozen=True)
class Calque:
    pattern: re.Pattern
    fix: str
    source: str
    severity: Severity
    note: str
    origin: str
    # Words whose presence in the paragraph gives the phrase its literal English meaning: "his party" is
    # *pihaknya* (his side, his office) unless the paragraph is about political parties.
    unless_paragraph: re.Pattern | None = None


@dataclass(frozen=True)
class Acronym:
    acronym: str
    english: str
    expansion: str
    policy: str  # "translate", "keep" (once glossed) or "name" (kept as is, never flagged)
    severity: Severity
    unless_next: frozenset[str]
    note: str
    origin: str
    # Next words one of which must follow for a match ("#": any number): "RT 03/RW 04".
    only_next: frozenset[str] = frozenset()
    # Words one of which the article must use for a match: "OTT" is the KPK's sting operation only in a story
    # about an arrest, otherwise an English streaming service.
    context: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Exonym:
    word: str
    english: str
    note: str
    origin: str
    # "spelling" (Cina = China), "expression" (Alhamdulillah = thank God) or "unit", an administrative unit
    # written before a place's name (Kecamatan Tebet = Tebet district)
    kind: str = "spelling"


@dataclass(frozen=True)
class Honorific:
    word: str
    gender: str  # "male" or "female"
    english: str
    note: str
    # Words whose presence in an article makes ``word`` a surname there, not an honorific: "Kang" is a
    # Sundanese elder brother ("Kang Emil") unless the article is about Korea ("Kang Kyung-wha").
    unless: tuple[str, ...] = ()

    def applies_to(self, text: str) -> bool:
        """Whether the word can be this honorific in ``text`` (no word of ``unless`` occurs in it)."""
        return not any(re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) for word in self.unless)


@dataclass(frozen=True)
class PublicFigure:
    """A person news in this language often names, with their gender: what an editor knows about them."""

    name: str
    gender: str  # "male" or "female"
    also: tuple[str, ...]  # other names that identify the person ("Sri Mulyani", "Risma")
    who: str
    origin: str

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.also)


@dataclass(frozen=True)
class NamePrior:
    """What a first name says about a person's gender: the share of that gender among the names-dataset's
    records of the name (None for a hand-curated name), and where the prior comes from."""

    gender: str
    share: float | None
    source: str  # "names-dataset", "curated", or "ending -wati" for a name ending

    def describe(self, name: str) -> str:
        if self.share is None or self.source in ("names-dataset", "curated"):
            share = f", {self.share:.0%} of records" if self.share is not None else ""
            return f"name prior for '{name}' ({self.gender}{share}; {self.source})"
        # An ending or an embedded name: its share is how often it is right on the names list.
        return f"name prior for '{name}' ({self.gender}; {self.source}, right for {self.share:.0%} of listed names)"


@dataclass(frozen=True)
class NameSuffix:
    suffix: str
    gender: str
    purity: float
    support: int


@dataclass(frozen=True)
class NameMarker:
    """Words that open a name and mark its bearer's gender as part of the name: Balinese "Ida Bagus" (a man),
    "Ni Luh" (a woman).  Unlike an honorific, English news keeps them: they are no finding, only evidence."""

    words: str
    gender: str
    note: str
    origin: str


class NeighbourNames(Mapping):
    """First names from neighbouring countries' lists (``pack.toml`` ``names_from``), read on first use: most
    articles never need them, and reading 15,000 names costs a gate a third of a second.  A name that is a
    common word of the pack's language is none: the dataset's records hold words as names ("menteri",
    minister)."""

    def __init__(self, paths: list[Path], wordfreq: str):
        self._paths = tuple(paths)
        self._wordfreq = wordfreq
        self._names: dict[str, NamePrior] | None = None

    def _all(self) -> dict[str, NamePrior]:
        if self._names is None:
            self._names = {}
            for path in self._paths:
                for name, prior in load_given_names(path).items():
                    self._names.setdefault(name, prior)
        return self._names

    def __getitem__(self, name: str) -> NamePrior:
        from .language import zipf

        prior = self._all()[name]
        if zipf(name, self._wordfreq) >= NEIGHBOUR_NAME_MAX_ZIPF:
            raise KeyError(name)
        return prior

    def __iter__(self):
        return (name for name in self._all() if name in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


@dataclass(eq=False)  # identity hash: compiled patterns are cached per pack
class SourcePack:
    """Everything mtaudit knows about one source language."""

    code: str
    name: str
    wordfreq: str
    langdetect: tuple[str, ...]
    disclaimer_names: tuple[str, ...]
    epithets: list[Epithet] = field(default_factory=list)
    calques: list[Calque] = field(default_factory=list)
    acronyms: list[Acronym] = field(default_factory=list)
    exonyms: list[Exonym] = field(default_factory=list)
    honorifics: list[Honorific] = field(default_factory=list)
    public_figures: list[PublicFigure] = field(default_factory=list)
    loanwords: set[str] = field(default_factory=set)
    function_words: set[str] = field(default_factory=set)
    given_names: dict[str, NamePrior] = field(default_factory=dict)  # lowercase first name -> prior
    neighbour_names: Mapping[str, NamePrior] = field(default_factory=dict)  # pack.toml names_from: priors only
    name_suffixes: list[NameSuffix] = field(default_factory=list)  # longest first
    name_markers: list[NameMarker] = field(default_factory=list)  # longest first
    # English nouns that MT produces from words without gender in this language ("brother" from
    # "kakak", "chairman" from "ketua"): in the translation they say nothing about a person's gender.
    neutral_nouns: set[str] = field(default_factory=set)
    abbreviation_parts: set[str] = field(default_factory=set)  # clipped syllables ("ka", "pol", "res")
    # Words of a site's own interface ("ikuti", "artikel ini"): a source-language line with them is furniture.
    interface_words: set[str] = field(default_factory=set)
    hashes: dict[str, str] = field(default_factory=dict)


@dataclass
class EnglishData:
    """Target-language data: honorifics, gendered nouns, titles."""

    honorifics: dict[str, str]  # lowercase word -> gender
    gendered_nouns: dict[str, str]
    titles: dict[str, bool]  # lowercase title -> capitalised before a name in English style
    given_names: dict[str, NamePrior]  # lowercase first name -> prior, names common in English-language news
    hashes: dict[str, str]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def display_path(path: Path) -> str:
    """Bundled lexicons are named relative to the package so reports do not depend on the machine."""
    try:
        return str(path.resolve().relative_to(LEXICON_ROOT.resolve()))
    except ValueError:
        return str(path)


def read_tsv(
    path: Path,
    columns: tuple[str, ...],
    required: tuple[str, ...],
    *,
    optional: tuple[str, ...] = (),
    verbatim: tuple[str, ...] = (),
) -> list[tuple[str, dict]]:
    """Rows of a lexicon TSV as ``(origin, {column: value})``.

    The header must name exactly ``columns``, optionally followed by the ``optional`` columns in
    that order (missing ones read as ""); ``#`` lines and blank lines are skipped.  Values are
    stripped of surrounding blanks except in ``verbatim`` columns, where a blank can be the point
    (a gold span " ," is a space before a comma).
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: not valid UTF-8 ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read lexicon ({exc.strerror})") from None
    rows: list[tuple[str, dict]] = []
    header: list[str] | None = None
    shown = display_path(path)
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        origin = f"{shown}:{number}"
        if header is None:
            header = [f.strip() for f in fields]
            extra = tuple(header[len(columns) :])
            if tuple(header[: len(columns)]) != columns or extra != optional[: len(extra)]:
                expected = " | ".join(columns) + "".join(f" [| {name}]" for name in optional)
                raise LexiconError(f"{origin}: header must be {expected} (tab-separated), got {' | '.join(header)}")
            continue
        if len(fields) != len(header):
            raise LexiconError(f"{origin}: expected {len(header)} tab-separated fields, found {len(fields)}")
        row = {name: value if name in verbatim else value.strip() for name, value in zip(header, fields, strict=True)}
        row.update((name, "") for name in optional if name not in row)
        for name in required:
            if not row[name]:
                raise LexiconError(f"{origin}: column '{name}' must not be empty")
        rows.append((origin, row))
    if header is None:
        raise LexiconError(f"{path}: empty lexicon file (it needs at least a header row)")
    return rows


def _severity(origin: str, value: str) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise LexiconError(f"{origin}: {exc}") from None


def _choice(origin: str, column: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise LexiconError(f"{origin}: column '{column}' must be one of {', '.join(allowed)}, got {value!r}")
    return value


def _load_epithets(path: Path) -> list[Epithet]:
    out = []
    for origin, row in read_tsv(path, ("phrase", "fix", "source", "severity", "note"), ("phrase", "fix")):
        if re.match(r"(?i)the\s", row["phrase"]):
            raise LexiconError(f"{origin}: drop the leading 'the' from the phrase; the matcher absorbs it")
        out.append(
            Epithet(row["phrase"], row["fix"], row["source"], _severity(origin, row["severity"]), row["note"], origin)
        )
    return out


def _load_calques(path: Path) -> list[Calque]:
    out = []
    columns = ("pattern", "fix", "source", "severity", "note")
    for origin, row in read_tsv(path, columns, ("pattern", "fix"), optional=("unless_paragraph",)):
        try:
            pattern = re.compile(rf"(?<![\w-])(?:{row['pattern']})(?![\w-])", re.IGNORECASE)
            # Case-sensitive: "PAN" (a party) is not "pan", "Labour" not "labour".
            unless = (
                re.compile(rf"(?<![\w-])(?:{row['unless_paragraph']})(?![\w-])") if row["unless_paragraph"] else None
            )
        except re.error as exc:
            raise LexiconError(f"{origin}: pattern is not a valid regular expression ({exc})") from None
        severity = _severity(origin, row["severity"])
        out.append(Calque(pattern, row["fix"], row["source"], severity, row["note"], origin, unless))
    return out


def _load_acronyms(path: Path) -> list[Acronym]:
    cols = ("acronym", "english", "expansion", "policy", "severity", "unless_next", "note")
    out = []
    for origin, row in read_tsv(path, cols, ("acronym", "english", "policy"), optional=("only_next", "context")):
        unless = frozenset(w.strip() for w in row["unless_next"].split(",") if w.strip())
        only = frozenset(w.strip() for w in row["only_next"].split(",") if w.strip())
        context = frozenset(w.strip().lower() for w in row["context"].split(",") if w.strip())
        out.append(
            Acronym(
                row["acronym"],
                row["english"],
                row["expansion"],
                _choice(origin, "policy", row["policy"], ("translate", "keep", "name")),
                _severity(origin, row["severity"]),
                unless,
                row["note"],
                origin,
                only,
                context,
            )
        )
    return out


def _load_exonyms(path: Path) -> list[Exonym]:
    return [
        Exonym(
            row["word"],
            row["english"],
            row["note"],
            origin,
            _choice(origin, "kind", row["kind"], ("spelling", "expression", "unit")) if row["kind"] else "spelling",
        )
        for origin, row in read_tsv(path, ("word", "english", "note"), ("word", "english"), optional=("kind",))
    ]


def _load_honorifics(path: Path) -> list[Honorific]:
    out = []
    rows = read_tsv(path, ("word", "gender", "english", "note"), ("word", "gender"), optional=("unless",))
    for origin, row in rows:
        gender = _choice(origin, "gender", row["gender"], ("male", "female"))
        unless = tuple(word.strip() for word in row["unless"].split("|") if word.strip())
        out.append(Honorific(row["word"], gender, row["english"], row["note"], unless))
    return out


def _load_name_markers(path: Path) -> list[NameMarker]:
    out = []
    for origin, row in read_tsv(path, ("words", "gender", "note"), ("words", "gender")):
        gender = _choice(origin, "gender", row["gender"], ("male", "female"))
        words = " ".join(row["words"].split())
        if words in ("I", "Ni"):
            # "I" alone would make any capitalised word after the English pronoun a man's name.
            raise LexiconError(f"{origin}: '{words}' marks a name only with the word after it (\"{words} Wayan\")")
        out.append(NameMarker(words, gender, row["note"], origin))
    return out


def _longest_first(markers: list[NameMarker]) -> list[NameMarker]:
    return sorted(markers, key=lambda entry: -len(entry.words.split()))


def _load_public_figures(path: Path) -> list[PublicFigure]:
    out = []
    for origin, row in read_tsv(path, ("name", "gender", "also", "who"), ("name", "gender", "who")):
        gender = _choice(origin, "gender", row["gender"], ("male", "female"))
        also = tuple(name.strip() for name in row["also"].split("|") if name.strip())
        out.append(PublicFigure(row["name"], gender, also, row["who"], origin))
    return out


def _load_wordlist(path: Path) -> set[str]:
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line.lower())
    return words


_LOADERS = {
    "epithets.tsv": ("epithets", _load_epithets),
    "calques.tsv": ("calques", _load_calques),
    "acronyms.tsv": ("acronyms", _load_acronyms),
    "exonyms.tsv": ("exonyms", _load_exonyms),
    "honorifics.tsv": ("honorifics", _load_honorifics),
    "public_figures.tsv": ("public_figures", _load_public_figures),
}


def available_languages() -> list[str]:
    return sorted(p.parent.name for p in LEXICON_ROOT.glob("*/pack.toml"))


def _read_pack_meta(folder: Path) -> dict:
    meta_path = folder / "pack.toml"
    try:
        meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{meta_path}: {exc}") from None
    allowed = {"name", "wordfreq", "langdetect", "extends", "disclaimer_names", "names_from"}
    unknown = set(meta) - allowed
    if unknown:
        raise LexiconError(f"{meta_path}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("name", "wordfreq"):
        if key not in meta:
            raise LexiconError(f"{meta_path}: missing key '{key}'")
    return meta


_OTHER_FILES = (
    "given_names.tsv",
    "name_suffixes.tsv",
    "name_markers.tsv",
    "neutral_nouns.txt",
    "abbreviation_parts.txt",
    "loanwords.txt",
    "function_words.txt",
    "interface_words.txt",
    "pack.toml",
)


def _share(origin: str, value: str) -> float | None:
    if not value:
        return None
    try:
        share = float(value)
    except ValueError:
        share = -1.0
    if not 0.5 <= share <= 1.0:
        raise LexiconError(f"{origin}: share must be a number from 0.5 to 1, got {value!r}")
    return share


def load_given_names(path: Path) -> dict[str, NamePrior]:
    """``name gender [share source]``: older two-column files (and users' own lists) still load."""
    names = {}
    for origin, row in read_tsv(path, ("name", "gender"), ("name", "gender"), optional=("share", "source")):
        gender = _choice(origin, "gender", row["gender"], ("male", "female"))
        names[row["name"].lower()] = NamePrior(gender, _share(origin, row["share"]), row["source"] or "curated")
    return names


def _load_suffixes(path: Path) -> list[NameSuffix]:
    entries = []
    for origin, row in read_tsv(path, ("suffix", "gender", "purity", "support"), ("suffix", "gender", "purity")):
        gender = _choice(origin, "gender", row["gender"], ("male", "female"))
        support = int(row["support"]) if row["support"].isdigit() else 0
        entries.append(NameSuffix(row["suffix"].lower(), gender, _share(origin, row["purity"]) or 1.0, support))
    return entries


def add_files(pack: SourcePack, folder: Path, label: str) -> None:
    """Merge the lexicon files found in ``folder`` into ``pack`` (user packs use this too)."""
    for path in sorted(folder.iterdir()):
        if path.name in _LOADERS:
            attr, loader = _LOADERS[path.name]
            getattr(pack, attr).extend(loader(path))
        elif path.name == "loanwords.txt":
            pack.loanwords |= _load_wordlist(path)
        elif path.name == "given_names.tsv":
            pack.given_names.update(load_given_names(path))
        elif path.name == "name_markers.tsv":
            pack.name_markers = _longest_first([*pack.name_markers, *_load_name_markers(path)])
        elif path.name == "name_suffixes.tsv":
            pack.name_suffixes = sorted(
                [*pack.name_suffixes, *_load_suffixes(path)], key=lambda entry: -len(entry.suffix)
            )
        elif path.name == "neutral_nouns.txt":
            pack.neutral_nouns |= _load_wordlist(path)
        elif path.name == "abbreviation_parts.txt":
            pack.abbreviation_parts |= _load_wordlist(path)
        elif path.name == "function_words.txt":
            pack.function_words |= _load_wordlist(path)
        elif path.name == "interface_words.txt":
            pack.interface_words |= _load_wordlist(path)
        elif path.name == "pack.toml" or path.name.startswith((".", "README")):
            pass
        else:
            raise LexiconError(
                f"{path}: unknown lexicon file name (expected one of {', '.join([*_LOADERS, *_OTHER_FILES])})"
            )
        if path.is_file():
            pack.hashes[f"{label}/{path.name}"] = _digest(path)


@cache
def load_pack(code: str, extra: tuple[Path, ...] = ()) -> SourcePack:
    """The lexicon pack for source language ``code`` (e.g. "id"), with the packs it extends and
    the user's ``extra`` lexicon folders (same file names as the bundled ones)."""
    folder = LEXICON_ROOT / code
    if not (folder / "pack.toml").is_file():
        raise LexiconError(f"no lexicons for source language '{code}' (available: {', '.join(available_languages())})")
    meta = _read_pack_meta(folder)
    pack = SourcePack(
        code=code,
        name=meta["name"],
        wordfreq=meta["wordfreq"],
        langdetect=tuple(meta.get("langdetect", [code])),
        disclaimer_names=tuple(meta.get("disclaimer_names", [meta["name"]])),
    )
    for parent in meta.get("extends", []):
        base = load_pack(parent)
        pack.epithets.extend(base.epithets)
        pack.calques.extend(base.calques)
        pack.acronyms.extend(base.acronyms)
        pack.exonyms.extend(base.exonyms)
        pack.honorifics.extend(base.honorifics)
        pack.public_figures.extend(base.public_figures)
        pack.loanwords |= base.loanwords
        pack.function_words |= base.function_words
        pack.given_names.update(base.given_names)
        pack.name_suffixes.extend(base.name_suffixes)
        pack.name_markers = _longest_first([*pack.name_markers, *base.name_markers])
        pack.neutral_nouns |= base.neutral_nouns
        pack.abbreviation_parts |= base.abbreviation_parts
        pack.interface_words |= base.interface_words
        pack.hashes.update(base.hashes)
    # A neighbouring country's first names ("Lilis" is in the Malaysian extract, not the Indonesian one): a
    # gender prior for a person's name when the pack's own list and the English one have none.  Kept apart
    # from ``given_names``, which also tells MT004 that a word is a name, not a leftover.
    neighbours = [LEXICON_ROOT / neighbour / "given_names.tsv" for neighbour in meta.get("names_from", [])]
    pack.neighbour_names = NeighbourNames(neighbours, pack.wordfreq)
    for names in neighbours:
        pack.hashes[f"{names.parent.name}/given_names.tsv"] = _digest(names)
    add_files(pack, folder, code)
    for user_folder in extra:
        add_files(pack, Path(user_folder), f"user:{Path(user_folder).name}")
    return pack


@cache
def load_english() -> EnglishData:
    folder = LEXICON_ROOT / "en"
    hashes = {}
    honorifics = {}
    for _, row in read_tsv(folder / "honorifics.tsv", ("word", "gender", "note"), ("word", "gender")):
        honorifics[row["word"].lower().rstrip(".")] = row["gender"]
    gendered = {}
    for _, row in read_tsv(folder / "gendered_nouns.tsv", ("word", "gender"), ("word", "gender")):
        gendered[row["word"].lower()] = row["gender"]
    titles = {}
    for origin, row in read_tsv(folder / "titles.tsv", ("title", "formal"), ("title", "formal")):
        titles[row["title"].lower()] = _choice(origin, "formal", row["formal"], ("yes", "no")) == "yes"
    given = load_given_names(folder / "given_names.tsv")
    # Every bundled English file is in the stamp, including those other modules read (places, roles).
    for name in sorted(path.name for path in folder.iterdir() if path.suffix in (".tsv", ".txt")):
        hashes[f"en/{name}"] = _digest(folder / name)
    return EnglishData(honorifics, gendered, titles, given, hashes)
