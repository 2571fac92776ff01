"""Build the real-article corpus (``corpora/real/``) from saved search excerpts.

Article text is third-party: it lives only in ignored folders (``corpora/real/raw/``, the
``*.txt`` files under ``corpora/real/<split>/``).  What git holds is ``manifest.tsv`` — one row
per page: id, kind (``mt`` machine translation, ``pro`` professional English), split, beat,
address, the query that finds it in the search tool's ``pages`` corpus, the id of the
professional report paired with an MT article as its reference, and the sha256 of the built
text — plus the gold annotations written next to the (ignored) texts.

Re-creating the texts on a new machine (see ``corpora/real/README.md``): for each manifest
row, run the row's query against the ``pages`` corpus, save the excerpt whose address is the
row's address to a file, and ``add`` it again (same address: the row is kept, the raw file
rewritten); then ``build`` checks every text against its sha256.

Commands::

    python tools/real_corpus.py add --url URL --query Q --kind mt|pro --beat B FILE
    python tools/real_corpus.py pair MT_ID PRO_ID
    python tools/real_corpus.py jobs 8       # split the missing excerpts into jobs for helpers (corpora/real/README.md)
    python tools/real_corpus.py verify ID... # does a saved excerpt build to its recorded sha256?
    python tools/real_corpus.py build        # raw excerpts -> corpora/real/<split>/<kind>/<id>.txt
    python tools/real_corpus.py status

Normalisation is the same for every page, in :func:`normalise`: line endings and trailing
blanks, runs of blank lines, and the partial last sentence of an excerpt cut at the corpus's
~2,000-byte limit.  Nothing else is removed: bylines, datelines and page furniture stay,
because editors paste pages with them and mtaudit must stay quiet on them.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import fcntl
import hashlib
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "corpora" / "real"
RAW = REAL / "raw"
MANIFEST = REAL / "manifest.tsv"
RESERVED = ROOT.parent / "shared" / "reserved-pages.txt"
COLUMNS = ("id", "kind", "split", "beat", "url", "query", "pair", "sha256")
KINDS = ("mt", "pro")
SPLITS = ("tune", "heldout")

# The pages corpus stores the first ~2,000 bytes of a page; an excerpt this long was cut.
CUT_BYTES = 1900
_TERMINAL = re.compile(r"[.!?][\"'”’)\]]*(?=\s|$)")


class CorpusError(Exception):
    pass


def site_of(url: str) -> str:
    """The registered site of an address: dev.voi.id and voi.id are one site."""
    host = urlsplit(url if "://" in url else "https://" + url).hostname or ""
    parts = host.lower().split(".")
    # Keep two labels, three for second-level country domains (co.id, com.my, co.kr, co.jp, go.id).
    if len(parts) >= 3 and parts[-2] in {"co", "com", "go", "or", "ac", "net", "org", "gov"}:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def article_key(url: str) -> str:
    """Site plus article number, else the bare address.

    The article number is the first run of 5+ digits in the path or query, or a path segment of
    4 digits that is not a year.  Other language versions of an article share its number
    (voi.id/en/news/16513, voi.id/fr/berita/16513), so they share the key.
    """
    parts = urlsplit(url if "://" in url else "https://" + url)
    numbers = re.findall(r"(?<!\d)\d{5,}(?!\d)", parts.path + "?" + parts.query) or [
        segment
        for segment in parts.path.split("/")
        if re.fullmatch(r"\d{4}", segment) and not 1900 <= int(segment) <= 2099
    ]
    if numbers:
        return f"{site_of(url)}#{numbers[0]}"
    return bare_address(url)


def bare_address(url: str) -> str:
    """The address compared with the reserved list: no scheme, no www./m./amp. host prefix, no trailing slash."""
    return re.sub(r"^(?:https?://)?(?:www\.|m\.)?", "", url.strip()).rstrip("/").lower()


def reserved_keys() -> tuple[set[str], set[str]]:
    if not RESERVED.exists():
        raise CorpusError(f"{RESERVED} not found: cannot check pages against the reserved list")
    addresses, keys = set(), set()
    for line in RESERVED.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            addresses.add(bare_address(line))
            keys.add(article_key(line))
    return addresses, keys


def check_not_reserved(url: str) -> None:
    addresses, keys = reserved_keys()
    if bare_address(url) in addresses or article_key(url) in keys:
        raise CorpusError(f"{url}: reserved for the independent evaluation (or another language version of one)")


def read_manifest() -> list[dict[str, str]]:
    if not MANIFEST.exists():
        return []
    with MANIFEST.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))
    for row in rows:
        if tuple(row) != COLUMNS:
            raise CorpusError(f"{MANIFEST}: columns must be {', '.join(COLUMNS)}")
    return rows


def write_manifest(rows: list[dict[str, str]]) -> None:
    MANIFEST.parent.mkdir(parents=True, exist_ok=True)
    tmp = MANIFEST.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# Real articles: see corpora/real/README.md. Texts are not in git; tools/real_corpus.py rebuilds them.\n"
        )
        writer = csv.DictWriter(handle, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(MANIFEST)


@contextlib.contextmanager
def manifest_lock():
    """Several collectors may add pages at once; one writer at a time."""
    REAL.mkdir(parents=True, exist_ok=True)
    with (REAL / ".manifest.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def make_id(url: str, kind: str) -> str:
    site = site_of(url).split(".")[0]
    key = article_key(url)
    if "#" in key:
        return f"{kind}-{site}-{key.split('#')[1]}"
    return f"{kind}-{site}-{hashlib.sha1(bare_address(url).encode()).hexdigest()[:8]}"


def normalise(raw: str) -> str:
    """The article text built from one excerpt (see the module docstring)."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if len(raw.encode("utf-8")) >= CUT_BYTES and not re.search(r"[.!?][\"'”’)\]]*$", text):
        ends = list(_TERMINAL.finditer(text))
        if not ends:
            raise CorpusError("the excerpt has no complete sentence")
        text = text[: ends[-1].end()].rstrip()
    return text + "\n"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cmd_add(args) -> None:
    source = Path(args.file)
    raw = source.read_text(encoding="utf-8")
    if len(raw.strip()) < 300:
        raise CorpusError(f"{source}: fewer than 300 characters; not an article excerpt")
    check_not_reserved(args.url)
    rows = read_manifest()
    key = article_key(args.url)
    same = [r for r in rows if article_key(r["url"]) == key]
    if same and bare_address(same[0]["url"]) != bare_address(args.url):
        raise CorpusError(f"{args.url}: another version of {same[0]['url']} ({same[0]['id']}) is already in the corpus")
    if same:
        row = same[0]
        print(f"{row['id']}: already in the manifest; raw excerpt rewritten")
    else:
        if args.kind not in KINDS:
            raise CorpusError(f"--kind must be one of {KINDS}")
        row = dict.fromkeys(COLUMNS, "")
        row.update(id=make_id(args.url, args.kind), kind=args.kind, beat=args.beat, url=args.url, query=args.query)
        if args.split:
            row["split"] = args.split
        rows.append(row)
        print(f"{row['id']}: added")
    RAW.mkdir(parents=True, exist_ok=True)
    (RAW / f"{row['id']}.txt").write_text(raw, encoding="utf-8")
    write_manifest(rows)


def cmd_pair(args) -> None:
    rows = read_manifest()
    by_id = {r["id"]: r for r in rows}
    for needed, kind in ((args.mt_id, "mt"), (args.pro_id, "pro")):
        if needed not in by_id or by_id[needed]["kind"] != kind:
            raise CorpusError(f"{needed}: no {kind} article with that id in the manifest")
    by_id[args.mt_id]["pair"] = args.pro_id
    write_manifest(rows)
    print(f"{args.mt_id} <- reference {args.pro_id}")


def assign_splits(rows: list[dict[str, str]]) -> None:
    """Fixed once: rows without a split get one, and a split is never changed afterwards.

    Among the unassigned MT articles, ordered by the sha256 of their address, every third is held out;
    a professional report paired with an MT article follows that article; the other professional
    articles are split the same way among themselves.
    """
    by_id = {r["id"]: r for r in rows}
    for kind in KINDS:
        todo = [r for r in rows if r["kind"] == kind and not r["split"]]
        if kind == "pro":
            for mt in rows:
                if mt["pair"] and by_id[mt["pair"]] in todo:
                    by_id[mt["pair"]]["split"] = mt["split"]
            todo = [r for r in todo if not r["split"]]
        for n, row in enumerate(sorted(todo, key=lambda r: sha256(bare_address(r["url"])))):
            row["split"] = "heldout" if n % 3 == 2 else "tune"


def text_path(row: dict[str, str]) -> Path:
    return REAL / row["split"] / row["kind"] / f"{row['id']}.txt"


def cmd_build(args) -> None:
    rows = read_manifest()
    assign_splits(rows)
    by_id = {r["id"]: r for r in rows}
    missing, changed = [], []
    for row in rows:
        raw_file = RAW / f"{row['id']}.txt"
        if not raw_file.exists():
            missing.append(row["id"])
            continue
        text = normalise(raw_file.read_text(encoding="utf-8"))
        digest = sha256(text)
        if row["sha256"] and row["sha256"] != digest and not args.rehash:
            changed.append(row["id"])
            continue
        row["sha256"] = digest
        path = text_path(row)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for row in rows:
        if row["kind"] == "mt" and row["pair"]:
            ref = text_path(by_id[row["pair"]])
            if ref.exists():
                text_path(row).with_suffix(".ref.txt").write_text(ref.read_text(encoding="utf-8"), encoding="utf-8")
    write_manifest(rows)
    print(f"{len(rows) - len(missing) - len(changed)} texts built under {REAL.relative_to(ROOT)}/")
    if missing:
        print(f"{len(missing)} without a raw excerpt (re-create them, see README): {', '.join(missing)}")
    if changed:
        print(f"{len(changed)} differ from their sha256 in the manifest, not written: {', '.join(changed)}")
        sys.exit(1)


GOLD_HEADER = ("code", "text", "occurrence", "fix", "also", "note", "category")
CATEGORY_CODES = {
    "pronoun": "MT003",
    "acronym": "MT002",
    "untranslated": "MT004",
    "punctuation": "MT005",
    "epithet": "MT001",
    "calque": "MT000",
    "garbled": "MT000",
    "terminology": "MT007",
    "other": "MT000",
}


def check_gold(gold: Path, show: bool = False) -> list[str]:
    """Problems in one gold file written by an annotator (format of corpora/real/README.md)."""
    article = gold.with_name(gold.name[: -len(".gold.tsv")] + ".txt")
    if not article.exists():
        return [f"{gold}: no article {article.name} next to it"]
    text = article.read_text(encoding="utf-8")
    problems = []
    lines = gold.read_text(encoding="utf-8").splitlines()
    rows = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    if not rows or tuple(rows[0][1].split("\t")) != GOLD_HEADER:
        return [f"{gold}:1: the header must be " + "<TAB>".join(GOLD_HEADER)]
    for number, line in rows[1:]:
        fields = line.split("\t")
        where = f"{gold}:{number}"
        if len(fields) != len(GOLD_HEADER):
            problems.append(f"{where}: {len(fields)} tab-separated fields, expected {len(GOLD_HEADER)}")
            continue
        row = dict(zip(GOLD_HEADER, fields, strict=True))
        if row["category"] not in CATEGORY_CODES:
            problems.append(f"{where}: category {row['category']!r} is not one of {', '.join(CATEGORY_CODES)}")
        elif row["code"] != CATEGORY_CODES[row["category"]]:
            problems.append(f"{where}: category {row['category']} goes with code {CATEGORY_CODES[row['category']]}")
        if not row["occurrence"].isdigit() or int(row["occurrence"]) < 1:
            problems.append(f"{where}: occurrence must be 1, 2, ...")
            continue
        count = text.count(row["text"]) if row["text"] else 0
        if count < int(row["occurrence"]):
            problems.append(f"{where}: {row['text']!r} occurs {count} time(s) in the article, not {row['occurrence']}")
        elif show:
            position = -1
            for _ in range(int(row["occurrence"])):
                position = text.find(row["text"], position + 1)
            end = position + len(row["text"])
            context = text[max(0, position - 40) : position] + "[[" + text[position:end] + "]]" + text[end : end + 40]
            print(f"{where}: {row['category']}: " + context.replace("\n", " "))
        if len(row["text"].split()) > 8:
            problems.append(f"{where}: the span has more than 8 words; mark the smallest span an editor would change")
    return problems


def cmd_check_gold(args) -> None:
    files = [Path(f) for f in args.files] or sorted(REAL.rglob("*.gold.tsv"))
    problems = [p for f in files for p in check_gold(f, args.show)]
    for problem in problems:
        print(problem)
    print(f"{len(files)} gold files, {len(problems)} problems")
    if problems:
        sys.exit(1)


def split_jobs(rows: list[dict[str, str]], count: int) -> list[list[dict[str, str]]]:
    """Rows grouped so that one search serves every page its query finds, in ``count`` jobs of about the same
    number of pages (largest query groups first, each to the job with the fewest pages so far)."""
    by_query: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_query.setdefault(row["query"], []).append(row)
    jobs: list[list[dict[str, str]]] = [[] for _ in range(count)]
    for query in sorted(by_query, key=lambda q: (-len(by_query[q]), q)):
        min(jobs, key=len).extend(by_query[query])
    return [sorted(job, key=lambda r: (r["query"], r["id"])) for job in jobs if job]


def cmd_jobs(args) -> None:
    todo = [r for r in read_manifest() if args.all or not (RAW / f"{r['id']}.txt").exists()]
    out = REAL / "inbox"
    out.mkdir(parents=True, exist_ok=True)
    for n, job in enumerate(split_jobs(todo, args.count), 1):
        path = out / f"job{n}.tsv"
        lines = ["id\turl\tquery"] + [f"{r['id']}\t{r['url']}\t{r['query']}" for r in job]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(job)} pages, {len({r['query'] for r in job})} queries")


def verify(row: dict[str, str]) -> str:
    """OK, DIFF or MISSING: whether the saved excerpt of a row builds to the text its sha256 records."""
    raw = RAW / f"{row['id']}.txt"
    if not raw.exists():
        return "MISSING"
    try:
        return "OK" if sha256(normalise(raw.read_text(encoding="utf-8"))) == row["sha256"] else "DIFF"
    except CorpusError as exc:
        return f"DIFF ({exc})"


def cmd_verify(args) -> None:
    by_id = {r["id"]: r for r in read_manifest()}
    ids = list(args.ids)
    if args.job:
        ids += [line.split("\t")[0] for line in Path(args.job).read_text(encoding="utf-8").splitlines()[1:] if line]
    if not ids:
        ids = list(by_id)
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise CorpusError(f"not in the manifest: {', '.join(unknown)}")
    verdicts = {i: verify(by_id[i]) for i in ids}
    for i, verdict in verdicts.items():
        if verdict != "OK" or args.verbose:
            print(f"{i}\t{verdict}")
    ok = sum(v == "OK" for v in verdicts.values())
    print(f"{ok}/{len(ids)} OK")


def cmd_status(args) -> None:
    rows = read_manifest()
    counts: dict[tuple[str, str], int] = {}
    for row in rows:
        counts[(row["kind"], row["split"] or "unsplit")] = counts.get((row["kind"], row["split"] or "unsplit"), 0) + 1
    for (kind, split), n in sorted(counts.items()):
        print(f"{kind:4} {split:8} {n}")
    print(f"pairs: {sum(1 for r in rows if r['pair'])}")
    beats: dict[str, int] = {}
    for row in rows:
        beats[f"{row['kind']}:{row['beat']}"] = beats.get(f"{row['kind']}:{row['beat']}", 0) + 1
    print("beats: " + ", ".join(f"{k} {v}" for k, v in sorted(beats.items())))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    add = sub.add_parser("add", help="save one excerpt (a file holding the excerpt exactly as the search tool gave it)")
    add.add_argument("--url", required=True)
    add.add_argument("--query", required=True, help="the pages-corpus query that returned this page")
    add.add_argument("--kind", required=True, choices=KINDS)
    add.add_argument("--beat", required=True, help="politics, crime, economy, celebrity, regional, sports, world, ...")
    add.add_argument(
        "--split",
        choices=SPLITS,
        help="fix the split now (pages collected after the held-out split was measured go to tune)",
    )
    add.add_argument("file")
    add.set_defaults(func=cmd_add)
    pair = sub.add_parser("pair", help="use a professional article as the reference of an MT article")
    pair.add_argument("mt_id")
    pair.add_argument("pro_id")
    pair.set_defaults(func=cmd_pair)
    jobs = sub.add_parser("jobs", help="split the pages without a saved excerpt into jobs for helpers")
    jobs.add_argument("count", type=int, help="number of jobs (one per helper)")
    jobs.add_argument("--all", action="store_true", help="every page, also those with a saved excerpt")
    jobs.set_defaults(func=cmd_jobs)
    ver = sub.add_parser("verify", help="does each saved excerpt build to its recorded sha256? (writes nothing)")
    ver.add_argument("ids", nargs="*", help="page ids (default: every page, or those of --job)")
    ver.add_argument("--job", help="a job file written by `jobs`")
    ver.add_argument("-v", "--verbose", action="store_true", help="print OK pages too")
    ver.set_defaults(func=cmd_verify)
    build = sub.add_parser("build", help="build texts from raw excerpts and check them against the manifest")
    build.add_argument("--rehash", action="store_true", help="accept changed texts (after a change to normalise)")
    build.set_defaults(func=cmd_build)
    gold = sub.add_parser("check-gold", help="check annotators' gold files (all under corpora/real by default)")
    gold.add_argument("files", nargs="*")
    gold.add_argument("--show", action="store_true", help="print each span in its context, marked [[like this]]")
    gold.set_defaults(func=cmd_check_gold)
    status = sub.add_parser("status", help="counts by kind, split and beat")
    status.set_defaults(func=cmd_status)
    args = parser.parse_args(argv)
    try:
        with manifest_lock():
            args.func(args)
    except (CorpusError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
