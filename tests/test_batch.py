"""Batches of article/reference pairs: naming the pairs, bad files, summary, exit codes."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from mtaudit.batch import Pair, Settings, audit_many, collect_pairs, read_manifest
from mtaudit.cli import REFERENCE_USAGE, cli
from mtaudit.config import load_config
from mtaudit.errors import MtauditError

from .conftest import ROOT, SEED, SEED_REF

DEV = ROOT / "corpora" / "dev" / "mt"


@pytest.fixture
def desk(tmp_path):
    """Two pairs, one article without reference, an empty file and a PNG named .txt."""
    folder = tmp_path / "desk"
    folder.mkdir()
    shutil.copy(SEED, folder / "shoigu.txt")
    shutil.copy(SEED_REF, folder / "shoigu.ref.txt")
    shutil.copy(DEV / "04_lavrov_pyongyang.txt", folder / "lavrov.txt")
    shutil.copy(DEV / "04_lavrov_pyongyang.ref.txt", folder / "lavrov.ref.txt")
    shutil.copy(DEV / "03_heat_wave_bmkg.txt", folder / "heat.txt")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return folder


def summary_rows(out):
    return list(csv.DictReader(io.StringIO((out / "summary.csv").read_text(encoding="utf-8"))))


def test_pairs_from_files_follow_the_ref_convention(desk):
    files = sorted(str(p) for p in desk.glob("*.txt"))  # what desk/*.txt expands to
    pairs = collect_pairs(files)
    by_article = {p.article.rsplit("/", 1)[-1]: p for p in pairs}
    assert set(by_article) == {"empty.txt", "heat.txt", "lavrov.txt", "picture.txt", "shoigu.txt"}
    assert by_article["shoigu.txt"].reference == str(desk / "shoigu.ref.txt")
    assert by_article["lavrov.txt"].reference == str(desk / "lavrov.ref.txt")
    assert by_article["heat.txt"].reference is None
    # A reference is used only when it is named: the article alone is audited without it.
    assert collect_pairs([str(desk / "shoigu.txt")]) == [Pair(str(desk / "shoigu.txt"))]
    [lone] = collect_pairs([str(desk / "lavrov.ref.txt")])
    assert lone.error and "without its article" in lone.error


def test_pairs_from_a_folder_and_a_manifest(desk, tmp_path):
    assert [(p.article, p.reference) for p in collect_pairs([str(desk)])] == [
        (str(desk / name), str(desk / ref) if ref else None)
        for name, ref in [
            ("empty.txt", None),
            ("heat.txt", None),
            ("lavrov.txt", "lavrov.ref.txt"),
            ("picture.txt", None),
            ("shoigu.txt", "shoigu.ref.txt"),
        ]
    ]
    manifest = tmp_path / "pairs.csv"
    manifest.write_text(
        "\ufeffarticle,reference\ndesk/shoigu.txt,desk/lavrov.ref.txt\n\ndesk/heat.txt,\n", encoding="utf-8"
    )
    assert read_manifest(manifest) == [
        Pair(str(tmp_path / "desk/shoigu.txt"), str(tmp_path / "desk/lavrov.ref.txt")),
        Pair(str(tmp_path / "desk/heat.txt"), None),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("file,ref\na.txt,b.txt\n", ":1: the first line must name the columns"),
        ("article,reference\n,b.txt\n", ":2: the article column is empty"),
        ("article,reference\n", "no articles listed"),
    ],
)
def test_bad_manifest_is_a_usage_error(tmp_path, content, message):
    manifest = tmp_path / "pairs.csv"
    manifest.write_text(content, encoding="utf-8")
    with pytest.raises(MtauditError, match=message):
        read_manifest(manifest)


def test_batch_with_bad_files_writes_every_good_report_and_names_the_bad(desk, tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "mtaudit", "audit", str(desk), "--out", str(out), "-q", "--fail-on", "never"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1, proc.stderr  # some articles could not be audited
    assert "Traceback" not in proc.stderr
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 2
    assert "empty.txt: the article is empty" in errors[0] and "picture.txt: this is a PNG image" in errors[1]
    for stem in ("shoigu", "lavrov", "heat"):
        for suffix in (".csv", ".json", ".md", ".html"):
            assert (out / f"{stem}{suffix}").is_file()
    assert not (out / "empty.csv").exists() and not (out / "picture.csv").exists()
    rows = {row["article"].rsplit("/", 1)[-1]: row for row in summary_rows(out)}
    assert [row["article"].rsplit("/", 1)[-1] for row in summary_rows(out)] == [
        "empty.txt",
        "heat.txt",
        "lavrov.txt",
        "picture.txt",
        "shoigu.txt",
    ]
    assert rows["empty.txt"]["verdict"] == "not audited" and "empty" in rows["empty.txt"]["error"]
    assert rows["picture.txt"]["verdict"] == "not audited" and "PNG" in rows["picture.txt"]["error"]
    assert rows["shoigu.txt"]["error"] == "" and rows["shoigu.txt"]["reference"].endswith("shoigu.ref.txt")
    assert rows["shoigu.txt"]["mean_similarity"] and rows["lavrov.txt"]["mean_similarity"]
    assert rows["heat.txt"]["reference"] == "" and rows["heat.txt"]["verdict"] in ("FAIL", "REVIEW", "PASS")
    data = json.loads((out / "shoigu.json").read_text(encoding="utf-8"))
    assert data["stamp"]["model"] != "none"


def test_nothing_audited_is_exit_2_without_reports(desk, tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "mtaudit", "audit", str(desk / "empty.txt"), str(desk / "picture.txt"), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 3 and "none of the 2 articles could be audited" in lines[-1]
    assert not out.exists()


def test_batch_findings_equal_single_audits(desk):
    from mtaudit.pipeline import audit

    shutil.copy(desk / "shoigu.txt", desk / "shoigu-again.txt")
    pairs = [
        Pair(str(desk / "shoigu.txt"), str(desk / "shoigu.ref.txt")),
        Pair(str(desk / "heat.txt")),
        Pair(str(desk / "shoigu-again.txt"), str(desk / "shoigu.ref.txt")),
    ]
    batch = audit_many(pairs, Settings())
    assert not batch.failures
    for pair, result in zip(pairs, batch.results, strict=True):
        single = audit(pair.article, pair.reference)
        assert [(f.code, f.start, f.end, f.severity) for f in result.findings] == [
            (f.code, f.start, f.end, f.severity) for f in single.findings
        ]
        assert [a.references for a in result.alignments] == [a.references for a in single.alignments]
    stats = batch.stats[0]
    assert stats.pairs == 3 and stats.sentences == 2 * stats.unique_sentences  # repeated sentences embedded once


def test_reference_with_several_articles_says_how_to_audit_pairs(desk):
    result = CliRunner().invoke(
        cli, ["check", str(desk / "shoigu.txt"), str(desk / "heat.txt"), "--reference", str(SEED_REF)]
    )
    assert result.exit_code == 2
    assert f"Error: {REFERENCE_USAGE}" in result.output
    assert "NAME.ref.txt" in REFERENCE_USAGE and "--manifest" in REFERENCE_USAGE and "folder" in REFERENCE_USAGE


def test_check_json_lists_what_was_not_audited(desk):
    result = CliRunner().invoke(
        cli, ["check", str(desk / "heat.txt"), str(desk / "empty.txt"), "--format", "json", "--fail-on", "never"]
    )
    assert result.exit_code == 1  # the gate cannot pass an article it could not read
    payload = json.loads(result.stdout)
    assert [a["article"] for a in payload["articles"]] == [str(desk / "heat.txt")]
    assert payload["not_audited"] == [
        {"article": str(desk / "empty.txt"), "reference": None, "error": f"{desk / 'empty.txt'}: the article is empty"}
    ]


def test_manifest_on_the_command_line(desk, tmp_path):
    manifest = tmp_path / "pairs.csv"
    manifest.write_text("article,reference\ndesk/shoigu.txt,desk/shoigu.ref.txt\ndesk/heat.txt,\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["audit", "--manifest", str(manifest), "-o", str(out), "-q", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    assert [row["reference"] for row in summary_rows(out)] == [str(tmp_path / "desk/shoigu.ref.txt"), ""]


def test_same_file_name_in_two_folders_is_not_overwritten(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"The minister from {folder} spoke today.", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["audit", str(tmp_path / "a"), str(tmp_path / "b"), "-o", str(out), "-q"])
    assert result.exit_code == 1
    rows = summary_rows(out)
    assert rows[0]["error"] == "" and "would overwrite" in rows[1]["error"]


def test_config_names_a_cluster(tmp_path):
    config = tmp_path / "mtaudit.toml"
    config.write_text('dask = "tcp://scheduler:8786"\nworkers = 2\n', encoding="utf-8")
    loaded = load_config(config)
    assert (loaded.dask, loaded.workers) == ("tcp://scheduler:8786", 2)
    config.write_text("workers = 0\n", encoding="utf-8")
    with pytest.raises(MtauditError, match=r"mtaudit.toml:1: workers must be at least 1"):
        load_config(config)
