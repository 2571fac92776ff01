import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from mtaudit.checks import REGISTRY
from mtaudit.cli import cli


def test_help_does_not_import_torch():
    code = (
        "import sys; from mtaudit.cli import cli; print('torch' in sys.modules, 'sentence_transformers' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_rules_lists_every_check_with_docs():
    result = CliRunner().invoke(cli, ["rules"])
    assert result.exit_code == 0
    for code, check in REGISTRY.items():
        assert f"{code} {check.name}" in result.output
    assert result.output.count("Use instead:") == len(REGISTRY)


def test_reference_free_audit_exit_codes_and_reports(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Officials in Uncle Sam's country reacted., said the statement.", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["audit", str(article), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output  # an error-level finding with the default --fail-on error
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert names == {"story.csv", "story.json", "story.md", "story.html", "summary.csv"}
    data = json.loads((tmp_path / "out" / "story.json").read_text(encoding="utf-8"))
    assert {f["code"] for f in data["findings"]} == {"MT001", "MT005"}
    assert data["stamp"]["model"] == "none"
    ok = runner.invoke(cli, ["audit", str(article), "--out", str(tmp_path / "out"), "--fail-on", "never"])
    assert ok.exit_code == 0
    clean = tmp_path / "clean.txt"
    clean.write_text("The minister said the budget was approved.", encoding="utf-8")
    assert runner.invoke(cli, ["audit", str(clean), "--out", str(tmp_path / "out")]).exit_code == 0


def test_select_and_ignore(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Officials in Uncle Sam's country reacted., said the statement.", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["audit", str(article), "--out", str(out), "--ignore", "MT001", "-q"])
    assert result.exit_code == 0  # only a warning remains, below --fail-on error
    data = json.loads((out / "story.json").read_text(encoding="utf-8"))
    assert {f["code"] for f in data["findings"]} == {"MT005"}


def _main(*args):
    return subprocess.run([sys.executable, "-m", "mtaudit", *args], capture_output=True, text=True)


def test_bad_input_is_one_line_and_exit_2(tmp_path):
    for args in (
        ["audit", str(tmp_path / "missing.txt")],
        ["audit", str(tmp_path)],
        ["audit", "x.txt", "--select", "ZZ9"],
    ):
        proc = _main(*args)
        assert proc.returncode == 2, proc
        assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr


@pytest.mark.parametrize(
    ("args", "message", "help_for"),
    [
        (["audit"], "Error: give articles, folders or --manifest pairs.csv", "mtaudit audit"),
        (["check", "--foo", "x.txt"], "Error: No such option '--foo'", "mtaudit check"),
        (["check", "--fail-on", "fatal", "x.txt"], "Error: Invalid value for '--fail-on'", "mtaudit check"),
        (["chek", "x.txt"], "Error: No such command 'chek'", "mtaudit"),
        (["--bogus"], "Error: No such option '--bogus'", "mtaudit"),
    ],
)
def test_usage_error_is_one_line_and_exit_2(args, message, help_for):
    """click's usage errors ran to 3-4 lines (usage, hint, blank, error); the README promises one."""
    proc = _main(*args)
    assert proc.returncode == 2 and proc.stdout == "", proc
    [line] = proc.stderr.strip().splitlines()
    assert line.startswith(message) and "(see '" in line and line.endswith(f"{help_for} --help')"), line


def test_terminal_table_numbers_sentences_like_the_reports(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("The minister spoke.\n\nOfficials in Uncle Sam's country reacted.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(article)])
    header, row = result.output.splitlines()[1:3]
    assert header.split()[:2] == ["sentence", "code"]  # labelled, not "#"
    assert row.split()[:2] == ["2", "MT001"]  # 1-based sentence number, as in CSV, Markdown and HTML


def test_article_text_is_not_terminal_markup(tmp_path):
    article = tmp_path / "[x].txt"
    article.write_text(
        'The minister said "the plan [/] will fail" in Uncle Sam\'s country [red]today[/red].', encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["check", str(article)])
    assert result.exit_code == 1, result.output
    assert "[x].txt" in result.output and "internal error" not in result.output
