"""Articles that are not UTF-8 (issue 10, D5): Windows-1252 for Western text, as the README promises,
checked against real words; another codepage only when its words are clearly real and cp1252's are not.

charset-normalizer alone read English with curly apostrophes as cp852/cp1250 ("Korea’s" became
"Koreaĺs", "très" became "trčs") and Latin-1 French as cp1257.
"""

import json
import subprocess
import sys

import pytest

from mtaudit.load import decode_bytes, load

ENGLISH = (
    "North Korea’s leader said “no” to the deal — again. The minister’s café was très busy, "
    "and Zoë Müller’s naïve résumé was read aloud. Officials in Jakarta welcomed the decision on Monday."
)
FRENCH = (
    "Le ministre a déclaré que la réunion était très importante. Les élèves étaient déjà à l'école, "
    "où la fenêtre était ouverte. Ça suffit, a-t-il ajouté."
)
GERMAN = "Die Größe der Straße überrascht die Bürger. Für die Behörde ist das schön, sagte der Sprecher."
CZECH = "Dnes je hezký den. Přijeli jsme do města, kde teče řeka. Všichni čekali na vlak do Brna."
POLISH = "Wczoraj był piękny dzień, więc poszliśmy nad jezioro. Łódź jest dużym miastem w Polsce."
RUSSIAN = "Министр заявил, что переговоры продолжатся. Делегация прибыла в понедельник."


@pytest.mark.parametrize(
    ("text", "written_as", "decoded_as"),
    [
        pytest.param(ENGLISH, "cp1252", "cp1252", id="english-cp1252-curly-quotes-accents"),
        pytest.param("North Korea’s leader met Russia’s minister.", "cp1252", "cp1252", id="english-apostrophes"),
        pytest.param(FRENCH, "latin-1", "cp1252", id="french-latin-1"),
        pytest.param(GERMAN, "latin-1", "cp1252", id="german-latin-1"),
        pytest.param(CZECH, "cp1250", "cp1250", id="czech-cp1250"),
        pytest.param(POLISH, "cp1250", "cp1250", id="polish-cp1250"),
        pytest.param(RUSSIAN, "cp1251", "cp1251", id="russian-cp1251"),
    ],
)
def test_single_byte_codepages_decode_to_the_written_text(tmp_path, text, written_as, decoded_as):
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(written_as))
    doc = load(path)
    assert doc.encoding == decoded_as
    assert doc.text == text
    assert any(note.endswith(f"decoded as {decoded_as}") for note in doc.notes), doc.notes


def test_cp1252_wins_unless_another_codepage_is_clearly_better():
    # A Spanish name in English: ñ is a real letter in cp1252 ("Peña"), not "Peńa" as cp1250 reads it.
    text = "Officials said Peña Nieto and Ibáñez met in São Paulo on Monday."
    assert decode_bytes(text.encode("cp1252"), "a.txt").text == text
    # Polish place names written in cp1250 cannot be cp1252 text (cp1252 has no "ń" or "Ł").
    names = "The delegation from Kraków and Gdańsk met officials in Łódź on Monday."
    decoded = decode_bytes(names.encode("cp1250"), "a.txt")
    assert (decoded.text, decoded.encoding) == (names, "cp1250")


def test_cp1252_from_stdin_is_named_in_the_json(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "mtaudit", "check", "-", "--format", "json", "--fail-on", "never"],
        input=ENGLISH.encode("cp1252"),
        capture_output=True,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    [article] = json.loads(proc.stdout)["articles"]
    assert article["article_info"]["encoding"] == "cp1252"
    assert "Koreaĺs" not in proc.stdout.decode() and "trčs" not in proc.stdout.decode()
