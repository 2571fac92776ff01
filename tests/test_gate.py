"""The pre-publication gate: check command, stdin, JSON on stdout, config, inline markers, baseline."""

import json
import textwrap

import pytest
from click.testing import CliRunner

from mtaudit.cli import cli
from mtaudit.config import load_config
from mtaudit.errors import MtauditError
from mtaudit.model import Severity

ARTICLE = (
    "Officials in Uncle Sam's country reacted on Monday.\n\n"
    "The minister said., reported the agency.\n\n"
    "The ministry said the talks would continue."
)


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def invoke(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_check_exit_codes(workdir):
    assert invoke("check", "story.txt", "-q").exit_code == 1
    assert invoke("check", "story.txt", "-q", "--fail-on", "never").exit_code == 0
    assert invoke("check", "story.txt", "-q", "--ignore", "MT001").exit_code == 0  # only a warning is left
    assert invoke("check", "story.txt", "-q", "--ignore", "MT001", "--fail-on", "warning").exit_code == 1
    assert invoke("check", "missing.txt").exit_code == 2


def test_check_reads_stdin_and_writes_json(workdir):
    result = invoke("check", "-", "--format", "json", input=ARTICLE)
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert payload["failed"] is True
    [article] = payload["articles"]
    # "article" is the path (issue 10: it was an object); what mtaudit learnt is beside it.
    assert article["article"] == "stdin.txt"
    assert article["article_info"]["encoding"] == "UTF-8" and article["verdict"] == "FAIL"
    assert {f["code"] for f in article["findings"]} == {"MT001", "MT005"}
    assert not list(workdir.glob("reports*"))  # the gate writes no report files


def test_config_in_pyproject(workdir):
    (workdir / "pyproject.toml").write_text(
        textwrap.dedent(
            """
            [tool.mtaudit]
            fail-on = "warning"
            ignore = ["MT001"]
            [tool.mtaudit.severity]
            MT005 = "info"
            """
        ),
        encoding="utf-8",
    )
    # MT001 ignored and MT005 lowered to info: nothing at warning or above.
    assert invoke("check", "story.txt", "-q").exit_code == 0
    # A command-line flag wins over the file.
    assert invoke("check", "story.txt", "-q", "--fail-on", "info").exit_code == 1


def test_severity_off_in_mtaudit_toml(workdir):
    (workdir / "mtaudit.toml").write_text('[severity]\nMT001 = "off"\nMT005 = "off"\n', encoding="utf-8")
    assert invoke("check", "story.txt", "-q").exit_code == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[tool.mtaudit]\nfail_on = "error"\n', "unknown key 'fail_on'"),
        ('[tool.mtaudit]\nignore = ["MT999"]\n', "unknown check code 'MT999'"),
        ('[tool.mtaudit.severity]\nMT001 = "fatal"\n', "severity.MT001 must be"),
        ("[tool.mtaudit.thresholds]\nalign = 3\n", "thresholds.align must be"),
        ('[tool.mtaudit]\nlexicons = ["nowhere"]\n', "lexicons entry 'nowhere'"),
        ("[tool.mtaudit\n", "invalid TOML"),
    ],
)
def test_config_errors_name_the_file_and_key(tmp_path, content, message):
    path = tmp_path / "pyproject.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(MtauditError, match=message) as info:
        load_config(path)
    assert str(path) in str(info.value)


def test_config_error_names_the_line(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n\n[tool.mtaudit]\nfail-on = "warning"\ncolour = "red"\n', encoding="utf-8")
    with pytest.raises(MtauditError, match=r"pyproject.toml:6 \[tool.mtaudit\]: unknown key 'colour'"):
        load_config(path)


def test_config_error_is_exit_2_one_line(workdir):
    (workdir / "mtaudit.toml").write_text('colour = "red"\n', encoding="utf-8")
    from mtaudit.cli import main

    with pytest.raises(SystemExit) as exit_info:
        import sys

        sys.argv = ["mtaudit", "check", "story.txt"]
        main()
    assert exit_info.value.code == 2


def test_config_extra_lexicon_folder(workdir):
    folder = workdir / "house" / "id"
    folder.mkdir(parents=True)
    (folder / "epithets.tsv").write_text(
        "phrase\tfix\tsource\tseverity\tnote\nLand of Smiles country\tThailand\tNegeri Senyum\terror\t\n",
        encoding="utf-8",
    )
    (workdir / "mtaudit.toml").write_text('lexicons = ["house/id"]\n', encoding="utf-8")
    (workdir / "smiles.txt").write_text("Tourists love the Land of Smiles country.", encoding="utf-8")
    result = invoke("check", "smiles.txt", "--format", "json")
    findings = json.loads(result.output)["articles"][0]["findings"]
    assert [(f["code"], f["suggestion"]) for f in findings] == [("MT001", "Thailand")]
    assert any(k.startswith("user:") for k in json.loads(result.output)["articles"][0]["stamp"]["lexicons"])


def test_inline_marker_suppresses_one_paragraph(workdir):
    text = (
        "<!-- mtaudit: ignore MT001 -->\nOfficials in Uncle Sam's country reacted.\n\n"
        "Officials in Uncle Sam's country reacted again."
    )
    (workdir / "marked.txt").write_text(text, encoding="utf-8")
    result = invoke("check", "marked.txt", "--format", "json")
    findings = json.loads(result.output)["articles"][0]["findings"]
    assert [f["sentence"] for f in findings if f["code"] == "MT001"] == [2]
    assert all("mtaudit" not in f["text"] for f in findings)


def test_inline_marker_for_the_whole_file(workdir):
    text = "Officials in Uncle Sam's country reacted.\n\n<!-- mtaudit: ignore-file MT001, MT005 -->"
    (workdir / "marked.txt").write_text(text, encoding="utf-8")
    assert invoke("check", "marked.txt", "-q").exit_code == 0


def test_baseline_accepts_until_the_sentence_changes(workdir):
    assert invoke("baseline", "story.txt", "-o", "accepted.json", "-q").exit_code == 0
    assert invoke("check", "story.txt", "-q", "--baseline", "accepted.json", "--fail-on", "info").exit_code == 0

    # An unrelated sentence changes: the accepted findings stay accepted.
    (workdir / "story.txt").write_text(ARTICLE.replace("talks would continue", "talks ended"), encoding="utf-8")
    assert invoke("check", "story.txt", "-q", "--baseline", "accepted.json", "--fail-on", "info").exit_code == 0

    # The flagged sentence itself changes: its finding comes back.
    edited = ARTICLE.replace("reacted on Monday", "reacted on Tuesday")
    (workdir / "story.txt").write_text(edited, encoding="utf-8")
    result = invoke("check", "story.txt", "--baseline", "accepted.json", "--format", "json")
    assert result.exit_code == 1
    assert [f["code"] for f in json.loads(result.output)["articles"][0]["findings"]] == ["MT001"]


def test_broken_baseline_is_a_clear_error(workdir):
    (workdir / "bad.json").write_text("{not json", encoding="utf-8")
    result = invoke("check", "story.txt", "--baseline", "bad.json")
    assert result.exit_code == 2 or isinstance(result.exception, MtauditError)


def test_severity_enum_parse():
    assert Severity.parse("Warning") is Severity.WARNING


# --- a broken config is an error wherever it was found (issue 10, D6) ----------------------------

BROKEN_PYPROJECT = '[project]\nname = "desk"\n\n[tool.mtaudit]\nfail-on = "warning\nignore = ["MT001"]\n'


def _mtaudit(*args, cwd):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "mtaudit", *args], capture_output=True, text=True, cwd=cwd)


def _one_line_error(proc) -> str:
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2 and len(lines) == 1 and "Traceback" not in proc.stderr, proc
    return lines[0]


@pytest.mark.parametrize("how", ["found by search", "--config"])
def test_toml_syntax_error_in_the_config_is_an_error_naming_file_and_line(workdir, how):
    (workdir / "pyproject.toml").write_text(BROKEN_PYPROJECT, encoding="utf-8")
    desk = workdir / "desk"  # the search goes upwards from a subfolder, as in a newsroom repository
    desk.mkdir()
    (desk / "story.txt").write_text(ARTICLE, encoding="utf-8")
    extra = ["--config", str(workdir / "pyproject.toml")] if how == "--config" else []
    line = _one_line_error(_mtaudit("check", "story.txt", *extra, cwd=desk))
    assert line.startswith(f"Error: {workdir / 'pyproject.toml'}:5:") and "invalid TOML" in line, line


def test_broken_mtaudit_toml_found_by_search_is_an_error(workdir):
    (workdir / "mtaudit.toml").write_text('fail-on = "warning"\nignore = [\n', encoding="utf-8")
    line = _one_line_error(_mtaudit("check", "story.txt", cwd=workdir))
    assert f"{workdir / 'mtaudit.toml'}:" in line and "invalid TOML" in line, line


def test_broken_pyproject_of_another_tool_is_passed_over(workdir):
    """A parent pyproject.toml that never mentions mtaudit is not mtaudit's config; its syntax error
    belongs to another tool, so the search goes on (here: to the defaults, exit by findings)."""
    (workdir / "pyproject.toml").write_text("[tool.black\nline-length = 100\n", encoding="utf-8")
    proc = _mtaudit("check", "story.txt", "-q", cwd=workdir)
    assert proc.returncode == 1 and proc.stderr == "", proc


# --- a missing baseline in a publish gate means "nothing accepted yet" (issue 10, D9) -------------


def test_publish_gate_flow_with_a_baseline_per_article(workdir):
    """README's publish-gate: `check - --format json --baseline accepted/$ID.json` for every article."""
    (workdir / "accepted").mkdir()
    gate = ["check", "-", "--format", "json", "--fail-on", "error", "--baseline", "accepted/42.json"]

    def run(*args, text=ARTICLE):
        import subprocess
        import sys

        return subprocess.run(
            [sys.executable, "-m", "mtaudit", *args], input=text, capture_output=True, text=True, cwd=workdir
        )

    # A new article: no baseline yet.  Exit by findings (1: back to the desk), never 2 (page someone).
    first = run(*gate)
    assert first.returncode == 1, first
    assert [line for line in first.stderr.splitlines()] == [
        "note: --baseline accepted/42.json does not exist yet: no findings accepted "
        "(an editor accepts findings with 'mtaudit baseline')"
    ]
    assert {f["code"] for f in json.loads(first.stdout)["articles"][0]["findings"]} == {"MT001", "MT005"}
    # A clean new article passes.
    clean = run(*gate, text="The ministry said the talks would continue.")
    assert clean.returncode == 0 and json.loads(clean.stdout)["failed"] is False, clean
    # The desk accepts the findings; the same article now publishes.
    assert run("baseline", "-", "-o", "accepted/42.json", "-q").returncode == 0
    assert run(*gate).returncode == 0
    # A corrupt or unreadable baseline is still an error: mtaudit could not apply what was accepted.
    (workdir / "accepted" / "42.json").write_text("{not json", encoding="utf-8")
    corrupt = run(*gate)
    assert corrupt.returncode == 2 and "not a valid baseline file" in corrupt.stderr, corrupt
    (workdir / "accepted" / "42.json").unlink()
    (workdir / "accepted" / "42.json").mkdir()
    folder = run(*gate)
    assert folder.returncode == 2 and "is a directory" in folder.stderr and "internal" not in folder.stderr, folder


def test_missing_baseline_named_in_the_config_means_nothing_accepted(workdir):
    (workdir / "mtaudit.toml").write_text('baseline = "accepted.json"\n', encoding="utf-8")
    result = invoke("check", "story.txt", "--format", "json")
    assert result.exit_code == 1, result.output
    assert json.loads(result.stdout)["failed"] is True
