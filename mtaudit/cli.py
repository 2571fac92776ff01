"""Command line: a thin layer over the library.  Heavy modules are imported inside commands,
so ``mtaudit --help`` never imports torch."""

from __future__ import annotations

import sys

import click

from . import __version__
from .errors import MtauditError

SEVERITY_CHOICES = ["error", "warning", "info", "never"]


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mtaudit")
def cli() -> None:
    """Audit machine-translated news articles for translation artifacts.

    Exit codes: 0 nothing at or above --fail-on, 1 findings at or above --fail-on,
    2 usage or input error.
    """


@cli.command()
@click.argument("candidate", type=click.Path(dir_okay=True, allow_dash=False))
@click.option("-r", "--reference", type=click.Path(), help="A cleaner report of the same event (comparable text).")
@click.option("-o", "--out", "out_dir", default="reports", show_default=True, help="Directory for the reports.")
@click.option(
    "-f", "--format", "formats", default="csv,json,md", show_default=True, help="Comma-separated: csv, json, md."
)
@click.option("--source-lang", help="Source language of the translation (e.g. id, ms); guessed if omitted.")
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITY_CHOICES),
    default="error",
    show_default=True,
    help="Exit with 1 when a finding is at or above this severity.",
)
@click.option("--select", multiple=True, help="Only these check codes or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these check codes or prefixes (comma-separated).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def audit(candidate, reference, out_dir, formats, source_lang, fail_on, select, ignore, quiet):
    """Audit CANDIDATE (plain text, Markdown or HTML) and write reports."""
    from .model import Severity
    from .pipeline import audit as run_audit
    from .report import write_reports

    result = run_audit(candidate, reference, source_lang=source_lang, select=_split(select), ignore=_split(ignore))
    written = write_reports(result, out_dir, _split((formats,)))
    if not quiet:
        counts = result.counts()
        click.echo(
            f"{result.candidate.path}: {result.verdict.upper()} — "
            + ", ".join(f"{n} {label}" for label, n in counts.items())
        )
        for f in result.findings:
            fix = f" -> {f.suggestion}" if f.suggestion else ""
            click.echo(f"  {f.sentence + 1:>3}:{f.start}-{f.end} {f.code} {f.severity.label:<7} {f.text!r}{fix}")
        click.echo("reports: " + ", ".join(str(p) for p in written))
    if fail_on != "never":
        threshold = Severity.parse(fail_on)
        if any(f.severity >= threshold for f in result.findings):
            sys.exit(1)


@cli.command()
def rules() -> None:
    """List every check with its documentation."""
    import inspect

    from .checks import REGISTRY

    for code, check in REGISTRY.items():
        ref = " (needs --reference)" if check.needs_reference else ""
        click.echo(f"{code} {check.name} [default severity: {check.severity.label}]{ref}")
        click.echo("")
        click.echo("    " + inspect.cleandoc(check.__doc__).replace("\n", "\n    "))
        click.echo("")


@cli.command("eval")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--no-reference", is_flag=True, help="Ignore .ref files (measure the reference-free checks).")
@click.option("--min-precision", type=float, help="Exit 1 if overall precision is below this.")
@click.option("--min-recall", type=float, help="Exit 1 if overall recall is below this.")
def eval_command(paths, no_reference, min_precision, min_recall):
    """Score mtaudit against gold annotation files (*.gold.tsv) in PATHS."""
    from .evaluate import evaluate, format_report

    report = evaluate(list(paths), use_reference=not no_reference)
    click.echo(format_report(report), nl=False)
    overall = report.overall()
    if (min_precision is not None and overall["precision"] < min_precision) or (
        min_recall is not None and overall["recall"] < min_recall
    ):
        sys.exit(1)


def main() -> None:
    """Entry point: every failure is one line on stderr and exit 2, never a traceback."""
    try:
        cli.main(standalone_mode=False)
    except MtauditError as exc:
        click.echo(f"Error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 — the promise is: no tracebacks for users
        click.echo(f"Error: internal error ({type(exc).__name__}: {exc}); please report it", err=True)
        sys.exit(2)
