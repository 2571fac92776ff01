"""Command line: a thin layer over the library.  Heavy modules are imported inside commands,
so ``mtaudit --help`` never imports torch."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import MtauditError
from .model import FAIL_ON

SEVERITY_CHOICES = list(FAIL_ON)


def _split(values) -> list[str]:
    if isinstance(values, str):
        values = (values,)
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


def common_options(func):
    """Options shared by ``audit``, ``check`` and ``baseline``; unset ones fall back to the config file."""
    options = [
        click.option(
            "-r", "--reference", type=click.Path(), help="A cleaner report of the same event (comparable text)."
        ),
        click.option("--source-lang", help="Source language of the translation (e.g. id, ms); guessed if omitted."),
        click.option("--select", multiple=True, help="Only these check codes or prefixes (comma-separated)."),
        click.option("--ignore", multiple=True, help="Skip these check codes or prefixes (comma-separated)."),
        click.option(
            "--config",
            "config_path",
            type=click.Path(),
            help="Config file (default: mtaudit.toml or [tool.mtaudit] in pyproject.toml, searched upwards).",
        ),
        click.option("--baseline", type=click.Path(), help="Drop findings accepted in this baseline file."),
        click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


REFERENCE_USAGE = (
    "--reference pairs one article with one reference; to audit several pairs, name each reference "
    "NAME.ref.txt beside its NAME.txt and give the files or their folder, or list the pairs in a manifest "
    "CSV with the columns article,reference (--manifest pairs.csv)"
)


def batch_options(func):
    """Options of ``audit`` and ``check`` for batches of article/reference pairs."""
    options = [
        click.option(
            "--manifest",
            type=click.Path(),
            help="CSV of pairs to audit, columns article,reference (paths relative to the CSV).",
        ),
        click.option(
            "--dask",
            "dask_address",
            metavar="ADDRESS",
            help="Run the batch on this dask.distributed scheduler, e.g. tcp://scheduler:8786.",
        ),
        click.option(
            "--workers", type=click.IntRange(min=1), help="Run the batch on a local Dask cluster of N processes."
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


class Run:
    """Settings for one invocation: command-line flags over the config file over defaults."""

    def __init__(
        self,
        *,
        reference,
        source_lang,
        select,
        ignore,
        config_path,
        baseline,
        quiet,
        fail_on=None,
        use_baseline=True,
        fluency=None,
    ):
        from .config import resolve_config
        from .suppress import BaselineMissing, read_baseline

        self.config = resolve_config(config_path)
        self.reference = reference
        self.source_lang = source_lang or self.config.source_lang
        self.select = _split(select) or self.config.select
        self.ignore = _split(ignore) or self.config.ignore
        self.fail_on = fail_on or self.config.fail_on
        baseline_path = Path(baseline) if baseline else self.config.baseline
        self.notes: list[str] = []  # for stderr, e.g. a baseline that does not exist yet
        self.baseline = None
        if baseline_path and use_baseline:
            try:
                self.baseline = read_baseline(baseline_path)
            except BaselineMissing:
                # A gate names accepted/$ID.json for every article; a new article has none yet.
                # That means "nothing accepted", not "mtaudit could not run" (exit 2 pages someone).
                self.baseline = set()
                self.notes.append(
                    f"--baseline {baseline_path} does not exist yet: no findings accepted "
                    "(an editor accepts findings with 'mtaudit baseline')"
                )
        self.quiet = quiet
        self.fluency = fluency  # None: MT009 runs when the language model is installed (issue 11)

    def print_notes(self, quiet: bool) -> None:
        if not quiet:
            for note in self.notes:
                click.echo(f"note: {note}", err=True)

    def audit(self, path: str):
        from .pipeline import audit

        text = None
        name = path
        if path == "-":
            text, name = _read_stdin(), "stdin.txt"
        self._conversion_notice()
        with _progress(self.quiet, f"auditing {name}", heavy=bool(self.reference)):
            return audit(
                name,
                self.reference,
                source_lang=self.source_lang,
                select=self.select,
                ignore=self.ignore,
                thresholds=self.config.thresholds,
                candidate_text=text,
                severity=self.config.severity,
                lexicons=self.config.lexicons,
                baseline=self.baseline,
                fluency=self.fluency,
            )

    def _conversion_notice(self) -> None:
        if self.fluency is not False and not self.quiet:
            from .lm import cache_root, needs_conversion

            if needs_conversion():  # once per machine; say so rather than look hung
                click.echo(
                    f"mtaudit: converting the fluency check's language model once (a few minutes; cached in "
                    f"{cache_root() / 'lm'})",
                    err=True,
                )

    def failed(self, results) -> bool:
        from .model import Severity

        if self.fail_on == "never":
            return False
        threshold = Severity.parse(self.fail_on)
        return any(f.severity >= threshold for r in results for f in r.findings)

    def settings(self):
        from .batch import Settings
        from .pipeline import resolve_codes

        resolve_codes(self.select, self.ignore)  # a bad code is a usage error, not one per article
        return Settings(
            source_lang=self.source_lang,
            select=tuple(self.select) if self.select else None,
            ignore=tuple(self.ignore) if self.ignore else None,
            thresholds=self.config.thresholds,
            severity=tuple(self.config.severity.items()),
            lexicons=tuple(self.config.lexicons),
            baseline=frozenset(self.baseline) if self.baseline is not None else None,
            fluency=self.fluency,
        )

    def audit_batch(self, paths, manifest, dask_address, workers, command="audit"):
        """Audit every pair named by ``paths``/``manifest``; report the ones that failed on stderr.

        Exit 2 (an MtauditError) when nothing could be audited; otherwise the caller decides 0/1.
        """
        from .batch import audit_many, collect_pairs, read_manifest

        if not paths and not manifest:
            raise MtauditError(f"give articles, folders or --manifest pairs.csv (see 'mtaudit {command} --help')")
        if self.reference and (manifest or len(paths) != 1 or Path(paths[0]).is_dir()):
            raise MtauditError(REFERENCE_USAGE)
        if "-" in paths and (len(paths) > 1 or manifest):
            raise MtauditError("- (stdin) is one article on its own; give files, folders or a manifest instead")
        pairs = collect_pairs(list(paths), self.reference) if paths else []
        if manifest:
            pairs += read_manifest(manifest)
        if not pairs:
            raise MtauditError(f"no articles (.txt, .md, .html) found in {', '.join(paths)}")
        settings = self.settings()
        self._conversion_notice()
        if len(pairs) > 1:  # the config's cluster is for batches; one article never waits for one
            dask_address = dask_address or self.config.dask
            workers = workers or self.config.workers
        client = None
        if dask_address or workers:
            from .distributed import connect

            client = connect(dask_address, workers)
        try:
            single = len(pairs) == 1
            with _progress(self.quiet, f"auditing {pairs[0].article}", heavy=single and bool(pairs[0].reference)):
                with _batch_progress(self.quiet or single) as progress:
                    batch = audit_many(pairs, settings, client=client, progress=progress)
        finally:
            if client is not None:
                from .distributed import close

                close(client)
        from .embed import notes

        for note in notes() if any(o.reference for o in batch.outcomes) else ():
            click.echo(f"note: {note}", err=True)
        if not batch.results:
            if len(batch.outcomes) == 1:
                raise MtauditError(batch.outcomes[0].error)
            for outcome in batch.outcomes:
                click.echo(f"Error: {outcome.error}", err=True)
            raise MtauditError(f"none of the {len(batch.outcomes)} articles could be audited")
        for outcome in batch.failures:
            click.echo(f"Error: {outcome.error} (skipped; the other articles were audited)", err=True)
        return batch


def _read_stdin():
    from .load import MAX_ARTICLE_BYTES, decode_bytes

    data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
    return decode_bytes(data, "stdin")


class _progress:
    """A spinner on stderr for the slow part (loading the embedding model), only on a terminal."""

    def __init__(self, quiet: bool, label: str, heavy: bool):
        self.active = heavy and not quiet and sys.stderr.isatty()
        self.label = label
        self.status = None

    def __enter__(self):
        if self.active:
            from rich.console import Console

            self.status = Console(stderr=True).status(f"{self.label} (loading the embedding model on first use)…")
            self.status.__enter__()
        return self

    def __exit__(self, *exc):
        if self.status is not None:
            self.status.__exit__(*exc)
        return False


class _batch_progress:
    """A progress bar on stderr for batches of articles, only on a terminal."""

    def __init__(self, quiet: bool):
        self.active = not quiet and sys.stderr.isatty()
        self.progress = None
        self.task = None

    def __enter__(self):
        if not self.active:
            return None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("auditing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.progress.start()

        def update(done: int, total: int) -> None:
            if self.task is None:
                self.task = self.progress.add_task("auditing", total=total)
            self.progress.update(self.task, completed=done)

        return update

    def __exit__(self, *exc):
        if self.progress is not None:
            self.progress.stop()
        return False


def print_summary(results, quiet: bool) -> None:
    if quiet:
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    # Piped output (CI logs) is not limited to 80 columns; a terminal uses its own width.
    console = Console() if sys.stdout.isatty() else Console(width=160)
    colours = {"error": "red", "warning": "yellow", "info": "cyan"}
    verdict_colours = {"FAIL": "bold white on red", "REVIEW": "bold black on yellow", "PASS": "bold white on green"}
    for result in results:
        counts = result.counts()
        head = (
            f"[{verdict_colours[result.verdict]}] {result.verdict} [/] {escape(result.candidate.path)}  "
            + ", ".join(f"[{colours[label]}]{n} {label}[/]" for label, n in counts.items())
        )
        extra = []
        if result.accepted:
            extra.append(f"{result.accepted} accepted by baseline")
        if result.suppressed:
            extra.append(f"{result.suppressed} suppressed inline")
        console.print(head + (f"  ({'; '.join(extra)})" if extra else ""), highlight=False)
        for note in result.notes:
            console.print(f"  note: {note}", highlight=False, markup=False)
        if not result.findings:
            continue
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
        # "sentence": the 1-based sentence number, the same column as in the Markdown and CSV reports.
        columns = (("sentence", 8), ("code", 6), ("severity", 8), ("flagged", 28), ("fix", 24), ("reason", None))
        for column, width in columns:
            table.add_column(column, overflow="fold", max_width=width)
        for f in result.findings:
            # Article text is data, never Rich markup: "[/]" in a sentence must print as is.
            table.add_row(
                str(f.sentence + 1),
                f.code,
                f"[{colours[f.severity.label]}]{f.severity.label}[/]",
                escape(f.text),
                escape(f.suggestion or ""),
                escape(f.message),
            )
        console.print(table)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mtaudit")
def cli() -> None:
    """Audit machine-translated news articles for translation artifacts.

    Exit codes: 0 nothing at or above --fail-on, 1 findings at or above --fail-on,
    2 usage or input error.
    """


@cli.command()
@click.argument("candidates", nargs=-1, type=click.Path(allow_dash=True))
@common_options
@batch_options
@click.option("-o", "--out", "out_dir", help="Directory for the reports [default: reports].")
@click.option("-f", "--format", "formats", help="Comma-separated: csv, json, md, html [default: all].")
@click.option("--csv-bom", is_flag=True, default=None, help="Start the CSV with a BOM so Excel opens it as UTF-8.")
@click.option(
    "--fail-on", type=click.Choice(SEVERITY_CHOICES), help="Exit 1 at or above this severity [default: error]."
)
@click.option(
    "--fluency/--no-fluency",
    default=None,
    help="Run the language-model fluency check (MT009) [default: when the model is installed].",
)
def audit(candidates, out_dir, formats, csv_bom, fail_on, fluency, manifest, dask_address, workers, **common):
    """Audit CANDIDATES (plain text, Markdown or HTML files, folders; - for stdin) and write reports.

    Each article gets its own CSV/JSON/Markdown/HTML report; summary.csv has one row per article.
    NAME.ref.txt beside NAME.txt is its reference (give both files, or their folder); --manifest
    names pairs in a CSV.  An article that cannot be read is named on stderr and in summary.csv,
    and the others are still audited: exit 2 only when none could be, 1 when some could not.
    """
    from .report import report_stem, write_reports, write_summary

    run = Run(fail_on=fail_on, fluency=fluency, **common)
    quiet = common["quiet"]
    run.print_notes(quiet)
    batch = run.audit_batch(candidates, manifest, dask_address, workers)
    outcomes = batch.outcomes
    # Two articles with one file name (a/x.txt, b/x.txt) would overwrite each other's reports.
    owners: dict[str, str] = {}
    for outcome in outcomes:
        if outcome.ok:
            stem = report_stem(outcome.result)
            if stem in owners:
                outcome.result, outcome.error = (
                    None,
                    (
                        f"{outcome.article}: its reports would overwrite those of {owners[stem]}; "
                        "rename one or audit them into separate --out folders"
                    ),
                )
                click.echo(f"Error: {outcome.error} (skipped)", err=True)
            else:
                owners[stem] = outcome.article
    results = [o.result for o in outcomes if o.ok]
    out = Path(out_dir) if out_dir else run.config.out
    bom = run.config.csv_bom if csv_bom is None else csv_bom
    written = []
    for result in results:
        written += write_reports(result, out, _split(formats) or run.config.formats, csv_bom=bom)
    written.append(write_summary([o.result if o.ok else o for o in outcomes], out, csv_bom=bom))
    print_summary(results, quiet)
    if not quiet:
        shown = written if len(written) <= 12 else [*written[:10], f"… {len(written) - 10} more in {out}"]
        click.echo("reports: " + ", ".join(str(p) for p in shown))
    if run.failed(results) or len(results) < len(outcomes):
        sys.exit(1)


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@common_options
@batch_options
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: machine-readable findings on stdout (for a CMS).",
)
@click.option(
    "--fail-on", type=click.Choice(SEVERITY_CHOICES), help="Exit 1 at or above this severity [default: error]."
)
@click.option(
    "--fluency",
    is_flag=True,
    help="Also run the language-model fluency check (MT009); off by default to keep the gate fast.",
)
def check(files, output, fail_on, fluency, manifest, dask_address, workers, **common):
    """Pre-publication gate: audit FILES (files, folders; - for stdin), write no reports, set the exit code.

    Pairs as in 'audit': NAME.ref.txt beside NAME.txt, a folder, or --manifest pairs.csv.
    Exit 2 only when no article could be audited; 1 when some could not or findings reach --fail-on.
    """
    quiet = common["quiet"]
    run = Run(fail_on=fail_on, fluency=fluency, **{**common, "quiet": quiet or output == "json"})
    run.print_notes(quiet)  # stderr: never mixed into the JSON on stdout
    batch = run.audit_batch(files, manifest, dask_address, workers, command="check")
    results = batch.results
    failed = run.failed(results) or bool(batch.failures)
    if output == "json":
        import json

        from .report.json import result_to_dict

        payload = {
            "mtaudit": __version__,
            "fail_on": run.fail_on,
            "failed": failed,
            "articles": [
                {
                    key: data[key]
                    for key in ("article", "article_info", "verdict", "counts", "findings", "stamp", "notes")
                }
                for data in map(result_to_dict, results)
            ],
            "not_audited": [{"article": o.article, "reference": o.reference, "error": o.error} for o in batch.failures],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, sort_keys=True))
    else:
        print_summary(results, quiet)
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@common_options
@click.option(
    "-o",
    "--output",
    "output",
    default="mtaudit-baseline.json",
    show_default=True,
    type=click.Path(),
    help="Baseline file to write.",
)
def baseline(files, output, **common):
    """Accept the current findings of FILES: write them to a baseline file."""
    from .report import atomic_write
    from .suppress import baseline_document

    quiet = common["quiet"]
    run = Run(**common, use_baseline=False)  # writing a baseline never filters by one
    results = [run.audit(path) for path in files]
    atomic_write(Path(output), baseline_document(results))
    if not quiet:
        total = sum(len(r.all_findings) for r in results)
        click.echo(f"{output}: {total} finding(s) accepted from {len(results)} article(s)")


@cli.command()
def rules() -> None:
    """List every check with its documentation."""
    import inspect

    from .checks import REGISTRY

    for code, check_class in REGISTRY.items():
        ref = " (needs --reference)" if check_class.needs_reference else ""
        click.echo(f"{code} {check_class.name} [default severity: {check_class.severity.label}]{ref}")
        click.echo("")
        click.echo("    " + inspect.cleandoc(check_class.__doc__).replace("\n", "\n    "))
        click.echo("")


def _eval_progress():
    """A progress bar on stderr for evaluations (many articles), only on a terminal."""
    if not sys.stderr.isatty():
        return None
    from rich.progress import Progress

    progress = Progress(transient=True, console=None)
    state = {}

    def update(done: int, total: int, article: str) -> None:
        if "task" not in state:
            progress.start()
            state["task"] = progress.add_task("evaluating", total=total)
        progress.update(state["task"], completed=done, description=f"evaluating {Path(article).name}")
        if done == total:
            progress.stop()

    return update


@cli.command("eval")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--no-reference", is_flag=True, help="Ignore .ref files (measure the reference-free checks).")
@click.option("--min-precision", type=float, help="Exit 1 if overall precision is below this.")
@click.option("--min-recall", type=float, help="Exit 1 if recall on targeted artifacts is below this.")
@click.option("--csv", "csv_path", type=click.Path(), help="Also write the per-code metrics table to this CSV file.")
@click.option(
    "--skip-missing",
    is_flag=True,
    help="Leave out gold files whose article is absent (and name them) instead of stopping with an error.",
)
def eval_command(paths, no_reference, min_precision, min_recall, csv_path, skip_missing):
    """Score mtaudit against gold annotation files (*.gold.tsv) in PATHS."""
    from .evaluate import evaluate, format_report, metrics_table
    from .report import atomic_write

    report = evaluate(list(paths), use_reference=not no_reference, skip_missing=skip_missing, progress=_eval_progress())
    click.echo(format_report(report), nl=False)
    if csv_path:
        atomic_write(Path(csv_path), metrics_table(report).to_csv(float_format="%.4f", lineterminator="\n"))
    overall = report.overall(targeted_only=True)
    if (min_precision is not None and overall["precision"] < min_precision) or (
        min_recall is not None and overall["recall"] < min_recall
    ):
        sys.exit(1)


# click >= 8.2 raises this for a bare group invocation; older versions print the help themselves.
_NO_ARGS_IS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())


def _usage_error_line(exc: click.UsageError) -> str:
    """One line instead of click's usage block: ``Error: No such option '--foo'. (see 'mtaudit check --help')``."""
    message = " ".join(exc.format_message().split())
    hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
    return f"Error: {message}{hint}"


def _terminate(signum, frame):
    # SIGTERM (a CI timeout, `kill`) unwinds like Ctrl-C, so temporary report files are removed.
    raise KeyboardInterrupt


def main() -> None:
    """Entry point: every failure is one line on stderr and exit 2, never a traceback."""
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    try:
        cli.main(standalone_mode=False)
    except MtauditError as exc:
        click.echo(f"Error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except _NO_ARGS_IS_HELP as exc:  # bare `mtaudit`: the help is the answer
        exc.show()
        sys.exit(2)
    except click.UsageError as exc:
        click.echo(_usage_error_line(exc), err=True)
        sys.exit(2)
    except click.ClickException as exc:
        click.echo(f"Error: {' '.join(exc.format_message().split())}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 — the promise is: no tracebacks for users
        click.echo(f"Error: internal error ({type(exc).__name__}: {exc}); please report it", err=True)
        sys.exit(2)
