"""Reports: CSV safety for spreadsheets, HTML escaping (also checked in a real browser), atomic writes."""

import csv
import io
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from mtaudit.pipeline import audit
from mtaudit.report import atomic_write, write_reports, write_summary
from mtaudit.report.csv import COLUMNS, neutralise

from .conftest import ROOT

HOSTILE = (
    'Officials in Uncle Sam\'s country said., <script>document.title="pwned"</script> '
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"> the plan.\n\n"
    '=HYPERLINK("http://evil") +cmd @SUM(1) -2 and the Bamboo Curtain country, "quoted, text".'
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTAB", "'\tTAB"),
        ("\rCR", "'\rCR"),
        ("safe text", "safe text"),
        (None, ""),
    ],
)
def test_formula_injection_is_neutralised(value, expected):
    assert neutralise(value) == expected


@pytest.fixture(scope="module")
def hostile_result(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    return audit(path)


def test_csv_round_trips_commas_quotes_newlines_and_has_stable_columns(hostile_result, tmp_path):
    [csv_path] = write_reports(hostile_result, tmp_path, ["csv"], csv_bom=True)
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the BOM
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == COLUMNS
    assert {r["code"] for r in rows} >= {"MT001", "MT005"}
    for row in rows:
        assert not row["sentence_text"].startswith(("=", "+", "-", "@"))
    flagged = {r["flagged_text"] for r in rows}
    assert "the Bamboo Curtain country" in flagged


def test_csv_cell_starting_with_formula_is_prefixed(hostile_result, tmp_path):
    [csv_path] = write_reports(hostile_result, tmp_path, ["csv"])
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    starts = [r["sentence_text"] for r in rows if "HYPERLINK" in r["sentence_text"]]
    assert starts and all(s.startswith("'=") for s in starts)


def test_summary_csv(hostile_result, tmp_path):
    path = write_summary([hostile_result, hostile_result], tmp_path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert len(rows) == 2 and rows[0]["verdict"] == "FAIL" and int(rows[0]["errors"]) >= 1


def test_html_escapes_article_text(hostile_result, tmp_path):
    [html_path] = write_reports(hostile_result, tmp_path, ["html"])
    page = html_path.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<img" not in page and "&lt;img" in page
    assert 'class="error"' in page  # highlighted spans by severity


def test_atomic_write_leaves_no_partial_file_on_failure(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")

    with pytest.raises(TypeError):
        atomic_write(target, 42)  # not a string: the write fails midway
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium(*args):
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=120,
        )


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"), reason="chromium not installed (make test installs it)"
)
def test_html_in_a_real_browser(hostile_result, tmp_path):
    """Headless Chromium loads the report: highlights exist, nothing from the article ran."""
    assert CHROMIUM, "CI must have chromium: the Makefile's test target installs it"
    [html_path] = write_reports(hostile_result, tmp_path, ["html"])
    dom = _chromium("--dump-dom", html_path.as_uri()).stdout
    assert "<mark" in dom and 'data-code="MT001"' in dom
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]  # onerror never ran
    assert "<title>mtaudit: " in dom and "pwned</title>" not in dom  # the script never ran

    # The committed seed report renders (a screenshot of it; `make demo` refreshes reports/shoigu-visit.png).
    seed_html = ROOT / "reports" / "shoigu-visit.html"
    shot = tmp_path / "shoigu-visit.png"
    _chromium("--window-size=1400,1800", f"--screenshot={shot}", seed_html.as_uri())
    assert shot.exists() and shot.stat().st_size > 10_000


def test_json_report_is_complete_and_deterministic(hostile_result, tmp_path):
    first = write_reports(hostile_result, tmp_path / "a", ["json"])[0].read_text(encoding="utf-8")
    second = write_reports(hostile_result, tmp_path / "b", ["json"])[0].read_text(encoding="utf-8")
    assert first == second
    data = json.loads(first)
    assert {"stamp", "article", "verdict", "counts", "scores", "findings", "sentences"} <= set(data)
    assert Path(data["article"]).name == "hostile.txt"  # the path, a string; details beside it
    assert data["article_info"]["format"] == "text" and data["reference"] is None


def test_audit_several_articles_one_summary(tmp_path):
    from click.testing import CliRunner

    from mtaudit.cli import cli

    for name, text in (("a.txt", "Officials in Uncle Sam's country reacted."), ("b.txt", "The minister spoke.")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    args = ["audit", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--out", str(out), "-q"]
    assert CliRunner().invoke(cli, args).exit_code == 1
    rows = list(csv.DictReader(io.StringIO((out / "summary.csv").read_text(encoding="utf-8"))))
    assert [(Path(r["article"]).name, r["verdict"]) for r in rows] == [("a.txt", "FAIL"), ("b.txt", "PASS")]


# --- issue 10: one verdict spelling, one sentence column, an HTML findings list ------------------


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Officials in Uncle Sam's country reacted.", "FAIL"),
        ("The minister said., reported the agency.", "REVIEW"),
        ("The minister spoke.", "PASS"),
    ],
)
def test_verdict_is_spelt_the_same_everywhere(tmp_path, text, verdict):
    """summary.csv said "fail" where the terminal, HTML and Markdown said "FAIL"."""
    from click.testing import CliRunner

    from mtaudit.cli import cli

    article = tmp_path / "story.txt"
    article.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["audit", str(article), "--out", str(out), "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    [row] = csv.DictReader(io.StringIO((out / "summary.csv").read_text(encoding="utf-8")))
    assert row["verdict"] == verdict
    assert json.loads((out / "story.json").read_text(encoding="utf-8"))["verdict"] == verdict
    assert f"Verdict: **{verdict}**" in (out / "story.md").read_text(encoding="utf-8")
    assert f'<span class="verdict v-{verdict.lower()}">{verdict}</span>' in (out / "story.html").read_text(
        encoding="utf-8"
    )
    assert result.output.split()[0] == verdict  # the terminal summary line
    check = CliRunner().invoke(cli, ["check", str(article), "--format", "json", "--fail-on", "never"])
    assert json.loads(check.output)["articles"][0]["verdict"] == verdict


def test_markdown_first_column_is_the_sentence_number(hostile_result, tmp_path):
    """The Markdown "#" column counted findings while the terminal's "#" was the sentence number."""
    [md_path] = write_reports(hostile_result, tmp_path, ["md"])
    lines = md_path.read_text(encoding="utf-8").splitlines()
    header = next(line for line in lines if line.startswith("| sentence | code |"))
    rows = [line for line in lines[lines.index(header) + 2 :] if line.startswith("|")]
    assert len(rows) == len(hostile_result.findings)
    for row, finding in zip(rows, hostile_result.findings, strict=True):
        assert row.split("|")[1].strip() == str(finding.sentence + 1)


def _findings_section(page: str) -> str:
    return page.split("<h2>Findings", 1)[1].split("<h2>", 1)[0]


def test_html_lists_every_finding_at_the_top_linking_to_its_sentence(hostile_result, tmp_path):
    [html_path] = write_reports(hostile_result, tmp_path, ["html"])
    page = html_path.read_text(encoding="utf-8")
    assert page.index("<h2>Findings") < page.index('<tr id="s1">')  # before the article
    section = _findings_section(page)
    assert section.count("<tr>") == len(hostile_result.findings) + 1  # header + one row per finding
    for f in hostile_result.findings:
        assert f'<a href="#s{f.sentence + 1}">{f.sentence + 1}</a>' in section
        assert f'id="s{f.sentence + 1}"' in page
        assert f'class="sev {f.severity.label}"' in section
    assert "the Bamboo Curtain country" in section and "China" in section  # flagged text and fix
    assert "<script" not in page and "&lt;script&gt;" in page  # still escaped, still no scripts


def test_html_without_a_reference_has_no_reference_columns(hostile_result, tmp_path):
    [html_path] = write_reports(hostile_result, tmp_path, ["html"])
    page = html_path.read_text(encoding="utf-8")
    assert "Reference counterpart" not in page and "Similarity" not in page
    assert 'class="ref"' not in page and 'class="sim"' not in page and 'class="bar"' not in page


def test_html_with_a_reference_keeps_the_reference_columns(seed_result, tmp_path):
    [html_path] = write_reports(seed_result, tmp_path, ["html"])
    page = html_path.read_text(encoding="utf-8")
    assert "<th>Reference counterpart</th><th>Similarity</th>" in page and 'class="bar"' in page
    assert _findings_section(page).count('<a href="#s') == len(seed_result.findings)
