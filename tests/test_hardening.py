"""Bad input gets a clear one-line error (exit 2) or a documented graceful result; inputs are never
modified; output is reproducible.  README's "Bad input" table points at these tests."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtaudit.cli import cli
from mtaudit.errors import MtauditError
from mtaudit.load import MAX_ARTICLE_BYTES, load
from mtaudit.pipeline import audit

from .conftest import ROOT, SEED, SEED_REF

ENGLISH = "The minister said the budget was approved on Monday. Officials welcomed the decision."


def mtaudit(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "mtaudit", *args], capture_output=True, text=True, cwd=cwd)


def assert_one_line_error(proc, fragment):
    assert proc.returncode == 2, proc
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert fragment in lines[0], lines[0]


# --- files that are not articles -------------------------------------------------------------


def _zip_bytes(tmp_path):
    target = tmp_path / "x.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("a.txt", "hello")
    return target.read_bytes()


@pytest.mark.parametrize(
    ("name", "make", "fragment"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", lambda p: b"", "the article is empty"),
        ("blank.txt", lambda p: b"  \n\t \n", "the article is empty"),
        ("image.png", lambda p: b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
        ("doc.pdf", lambda p: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF file"),
        ("archive.zip", _zip_bytes, "zip archive"),
        ("noise.bin", lambda p: bytes(range(1, 32)) * 200, "binary data"),
        ("bad.txt", lambda p: b"\xff\xfeA\x00\x00\xd8", "invalid UTF-16"),
    ],
)
def test_not_an_article(tmp_path, name, make, fragment):
    path = tmp_path / name
    if make:
        path.write_bytes(make(tmp_path))
    assert_one_line_error(mtaudit("check", str(path)), fragment)


def test_directory_given_as_file(tmp_path):
    assert_one_line_error(mtaudit("check", str(tmp_path)), "is a directory")


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    if os.geteuid() != 0:
        path.chmod(0)
        assert_one_line_error(mtaudit("check", str(path)), "permission denied")
    else:  # root reads anything: simulate the OS refusing

        def refuse(self):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(Path, "read_bytes", refuse)
        with pytest.raises(MtauditError, match="permission denied"):
            load(path)


def test_too_large(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)  # a sparse 20 MB file, no memory used
    assert_one_line_error(mtaudit("check", str(path)), "MiB limit for one article")


def test_size_error_uses_one_unit(tmp_path):
    """Issue 10: "6.3 MB is larger than the 5 MiB limit" mixed units; 6.3 MB is 6.0 MiB."""
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(6_300_000)
    proc = mtaudit("check", str(path))
    assert_one_line_error(proc, "6.0 MiB is larger than the 5 MiB limit for one article")
    assert " MB " not in proc.stderr


# --- encodings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ENGLISH.encode("utf-8"), "UTF-8"),
        (b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"), "UTF-8 (with BOM)"),
        (ENGLISH.encode("utf-16"), "UTF-16"),
    ],
)
def test_unicode_encodings(tmp_path, data, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    doc = load(path)
    assert doc.encoding == encoding and doc.text.startswith("The minister")


def test_windows_1252_is_detected_and_named(tmp_path):
    path = tmp_path / "a.txt"
    text = "The minister’s café said “no” to the deal — again. Officials in Jakarta welcomed the decision."
    path.write_bytes(text.encode("cp1252"))
    doc = load(path)
    assert "’" in doc.text and "café" in doc.text
    assert doc.notes and "not valid UTF-8" in doc.notes[0]


def test_invalid_byte_in_utf8_is_decoded_with_a_note(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(ENGLISH.encode() + b" Price: 5\xa0euros.")
    doc = load(path)
    assert doc.text.startswith("The minister") and "decoded as" in doc.notes[0]


def test_mojibake_is_repaired_and_reported(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The minister said he donâ€™t know. Officials were â€œsurprisedâ€\x9d.", encoding="utf-8")
    doc = load(path)
    assert "don’t" in doc.text and "â€" not in doc.text
    assert any("mojibake" in n for n in doc.notes)


# --- markup --------------------------------------------------------------------------------------


def test_html_scripts_styles_nav_comments(tmp_path):
    html = (
        "<!doctype html><html><head><script>var x = 'Uncle Sam\\'s country';</script><style>.a{}</style></head>"
        "<body><nav>Home</nav><!-- a comment --><main><p>Officials met.</p><p>They agreed.</p></main>"
        "<footer>© 2024</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    doc = load(path)
    assert doc.text == "Officials met.\n\nThey agreed."


def test_html_without_article_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><script>1</script></body></html>", encoding="utf-8")
    with pytest.raises(MtauditError, match="no article text"):
        load(path)


# --- references -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_copy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed")
    target = folder / "seed.txt"
    target.write_bytes(SEED.read_bytes())
    return target


def test_reference_in_another_language_is_set_aside(seed_copy, tmp_path):
    ref = tmp_path / "ref.txt"
    ref.write_text(
        "Pemimpin Korea Utara Kim Jong Un mengundang Menteri Pertahanan Rusia Sergei Shoigu untuk menghadiri "
        "pameran pertahanan. Rudal balistik yang dilarang oleh Dewan Keamanan PBB juga dipamerkan.",
        encoding="utf-8",
    )
    result = audit(seed_copy, ref)
    assert result.reference is None and result.alignments == []
    assert any("not in English" in n for n in result.notes)


def test_reference_about_a_different_event_is_reported(seed_copy, tmp_path):
    ref = tmp_path / "ref.txt"
    ref.write_text(
        "The football club won the league on Saturday.\nFans celebrated in the streets.\n"
        "The coach praised the young goalkeeper.\nTicket prices will rise next season.",
        encoding="utf-8",
    )
    result = audit(seed_copy, ref)
    assert any("different event" in n for n in result.notes)
    assert all(not a.references for a in result.alignments) or result.scores["no_counterpart"] >= 0.8


def test_identical_reference_is_set_aside(seed_copy):
    result = audit(seed_copy, seed_copy)
    assert result.reference is None and any("same text" in n for n in result.notes)


def test_one_sentence_reference(seed_copy, tmp_path):
    ref = tmp_path / "ref.txt"
    ref.write_text("Kim Jong Un showed off North Korea's latest weapons to Russia's defence chief Sergei Shoigu.")
    result = audit(seed_copy, ref)
    assert result.reference is not None and any(a.references for a in result.alignments)


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("empty.txt", "", "the reference is empty"),
        ("blank.txt", "  \n\t\n", "the reference is empty"),
        ("page.html", "<html><body><nav>Home</nav></body></html>", "no reference text found after removing markup"),
    ],
)
def test_empty_reference_is_named_as_the_reference(tmp_path, name, content, fragment):
    """Issue 10: an empty reference was reported as "the article is empty"."""
    article = tmp_path / "story.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    reference = tmp_path / name
    reference.write_text(content, encoding="utf-8")
    proc = mtaudit("check", str(article), "--reference", str(reference))
    assert_one_line_error(proc, f"{reference}: {fragment}")
    assert "article" not in proc.stderr


# --- sizes -----------------------------------------------------------------------------------------


def test_long_sentence_many_lines_no_punctuation(tmp_path):
    words = ("the minister said that officials in Jakarta would consider " * 600).split()[:5000]
    cases = {
        "long.txt": " ".join(words) + ".",
        "lines.txt": "\n".join(["word"] * 10_000),
        "flat.txt": "officials met in Jakarta and agreed\nthe minister spoke to reporters",
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        if name == "Lines.txt":
            with pytest.raises(MtauditError, match="sentences is more than the 5000 limit"):
                audit(path)
            continue
        result = audit(path)
        assert result.verdict in ("PASS", "REVIEW", "FAIL")
        if name == "flat.txt":
            assert any("no sentence punctuation" in n for n in result.notes)


def test_limit_constant_is_documented():
    assert MAX_ARTICLE_BYTES == 5 * 1024 * 1024


# --- outputs ----------------------------------------------------------------------------------------


def test_missing_output_directory_is_created(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    out = tmp_path / "deep" / "new" / "dir"
    assert CliRunner().invoke(cli, ["audit", str(article), "--out", str(out), "-q"]).exit_code == 0
    assert (out / "a.json").exists()


def test_unwritable_output_is_a_clear_error(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert_one_line_error(mtaudit("audit", str(article), "--out", str(blocker / "sub")), "--out")


def test_existing_reports_are_replaced_whole(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.json").write_text("stale", encoding="utf-8")
    assert CliRunner().invoke(cli, ["audit", str(article), "--out", str(out), "-q"]).exit_code == 0
    json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_interrupted_run_leaves_no_partial_report(tmp_path, monkeypatch):
    from mtaudit import report

    article = tmp_path / "a.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    out = tmp_path / "out"
    real_replace = os.replace

    def interrupted(src, dst):
        raise KeyboardInterrupt  # Ctrl-C between writing the temporary file and renaming it

    monkeypatch.setattr(report.os, "replace", interrupted)
    result = CliRunner().invoke(cli, ["audit", str(article), "--out", str(out), "-q"])
    monkeypatch.setattr(report.os, "replace", real_replace)
    assert result.exit_code != 0
    assert list(out.iterdir()) == []  # no report, no temporary file


# --- inputs are never modified; output is reproducible ------------------------------------------------


def test_inputs_are_never_modified(tmp_path):
    inputs = [SEED, SEED_REF]
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in inputs}
    result = CliRunner().invoke(
        cli, ["audit", str(SEED), "-r", str(SEED_REF), "--out", str(tmp_path), "-q", "--fail-on", "never"]
    )
    assert result.exit_code == 0
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in inputs} == before


def test_byte_identical_reports(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    outputs = []
    for name in ("one", "two"):
        out = tmp_path / name
        args = ["audit", "corpora/seed/shoigu-visit.txt", "-r", "corpora/seed/shoigu-visit.ref.txt"]
        CliRunner().invoke(cli, [*args, "--out", str(out), "-q", "--fail-on", "never"])
        outputs.append({p.name: p.read_bytes() for p in out.iterdir()})
    assert outputs[0] == outputs[1] and len(outputs[0]) == 5


def test_report_names_stay_inside_the_output_directory(tmp_path):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    article = nested / "story.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    out = tmp_path / "out"
    sneaky = str(nested / ".." / ".." / "a" / "b" / "story.txt")
    assert CliRunner().invoke(cli, ["audit", sneaky, "--out", str(out), "-q"]).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["story.csv", "story.json", "story.md", "story.html", "summary.csv"]
    )


def test_stale_temporary_file_from_a_killed_run_is_removed(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / ".a.json.x1y2.tmp").write_text("half a report", encoding="utf-8")  # left by kill -9
    assert CliRunner().invoke(cli, ["audit", str(article), "--out", str(out), "-q"]).exit_code == 0
    assert not list(out.glob("*.tmp")) and not list(out.glob(".*.tmp"))


def test_sigterm_leaves_no_partial_report(tmp_path):
    """A real process killed with SIGTERM in the middle of a batch leaves no report behind."""
    import shutil
    import signal
    import time

    desk = tmp_path / "desk"
    desk.mkdir()
    for n in range(80):  # long enough (several seconds at least) that SIGTERM lands before any report
        shutil.copy(SEED, desk / f"story{n:02d}.txt")
        shutil.copy(SEED_REF, desk / f"story{n:02d}.ref.txt")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "mtaudit", "audit", str(desk), "--out", str(out), "-q"],
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(2.0)  # loading the encoder or auditing the batch
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode != 0 and "Traceback" not in stderr
    assert not out.exists() or not [p for p in out.iterdir()]


def test_a_sigterm_while_langdetect_reads_its_profiles_is_held_not_lost():
    """langdetect reads its profiles under a bare `except:`, which turned a SIGTERM into a "profile format error"
    and let a batch run on; the signal is now held until the profiles are read, then delivered."""
    import os
    import signal
    import threading

    from mtaudit.cli import _terminate
    from mtaudit.language import _signals_held

    # Another thread is alive, as torch's and onnxruntime's pools are in a real run: the kernel may hand the
    # process's signal to it, so blocking the signal in the main thread alone would not hold it.
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait, daemon=True)
    helper.start()
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        survived = False
        with pytest.raises(KeyboardInterrupt):
            with _signals_held():
                os.kill(os.getpid(), signal.SIGTERM)
                for _ in range(1000):  # bytecodes run: a pending Python handler would run here
                    pass
                survived = True  # not interrupted inside: the signal waits
        assert survived
    finally:
        signal.signal(signal.SIGTERM, previous)
        stop.set()
        helper.join()
