import pytest

from mtaudit.lexicon import (
    LEXICON_ROOT,
    LexiconError,
    SourcePack,
    add_files,
    available_languages,
    load_english,
    load_pack,
)


def test_bundled_packs_load():
    assert {"id", "ms"} <= set(available_languages())
    pack = load_pack("id")
    assert len(pack.epithets) >= 40 and len(pack.acronyms) >= 50 and pack.exonyms and pack.loanwords
    assert all(len(h) == 12 for h in pack.hashes.values())


def test_malay_extends_indonesian():
    ms, indonesian = load_pack("ms"), load_pack("id")
    assert {a.acronym for a in indonesian.acronyms} <= {a.acronym for a in ms.acronyms}
    assert ms.wordfreq == "ms"


def test_english_data():
    english = load_english()
    assert english.honorifics["mr"] == "male" and english.honorifics["mrs"] == "female"
    assert english.titles["president"] is True and english.titles["leader"] is False


def _pack():
    return SourcePack("xx", "Test", "id", ("id",), ("Test",))


def test_user_pack_extends_without_code(tmp_path):
    (tmp_path / "epithets.tsv").write_text(
        "phrase\tfix\tsource\tseverity\tnote\nCountry of Smiles\tThailand\tNegeri Senyum\terror\t\n", encoding="utf-8"
    )
    pack = _pack()
    add_files(pack, tmp_path, "user")
    assert pack.epithets[0].fix == "Thailand"
    assert "user/epithets.tsv" in pack.hashes


def test_user_public_figures_add_people_without_code(tmp_path):
    (tmp_path / "public_figures.tsv").write_text(
        "name\tgender\talso\twho\nRatna Dewi Lestari\tfemale\tRatna Dewi|Dee\tregent of Example\n", encoding="utf-8"
    )
    pack = _pack()
    add_files(pack, tmp_path, "user")
    [figure] = pack.public_figures
    assert (figure.gender, figure.names, figure.who) == (
        "female",
        ("Ratna Dewi Lestari", "Ratna Dewi", "Dee"),
        "regent of Example",
    )
    assert any(f.name == "Sri Mulyani Indrawati" and f.gender == "female" for f in load_pack("id").public_figures)


def test_the_shipped_public_figures_never_name_two_genders():
    # A name or alias that two listed people of different genders share would decide wrongly for one of them,
    # and so would a one-word name the first-name prior gives the other gender (it matches anyone so named).
    pack = load_pack("id")
    genders: dict[str, set[str]] = {}
    for figure in pack.public_figures:
        for name in figure.names:
            genders.setdefault(name.lower(), set()).add(figure.gender)
            prior = pack.given_names.get(name.lower()) if " " not in name else None
            assert prior is None or prior.gender == figure.gender, name
    assert [name for name, found in genders.items() if len(found) > 1] == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("phrase\tfix\n", "header must be"),
        ("phrase\tfix\tsource\tseverity\tnote\nA country\tX\n", r"epithets.tsv:2: expected 5"),
        ("phrase\tfix\tsource\tseverity\tnote\nA country\tX\tY\tfatal\t\n", r"epithets.tsv:2: unknown severity"),
        ("phrase\tfix\tsource\tseverity\tnote\nthe A country\tX\tY\terror\t\n", r"epithets.tsv:2: drop the leading"),
        ("# only a comment\n", "empty lexicon"),
    ],
)
def test_bad_lexicon_names_file_and_line(tmp_path, content, message):
    (tmp_path / "epithets.tsv").write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        add_files(_pack(), tmp_path, "user")


def test_unknown_lexicon_file_is_an_error(tmp_path):
    (tmp_path / "epithet.tsv").write_text("x\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="unknown lexicon file name"):
        add_files(_pack(), tmp_path, "user")


def test_neighbour_names_are_priors_only_and_leave_out_common_words():
    pack = load_pack("id")
    assert pack.neighbour_names["lilis"].gender == "female"
    assert "lilis" not in pack.given_names  # MT004 must not take a neighbour's list as proof a word is a name
    assert "menteri" not in pack.neighbour_names  # "minister": a word the dataset recorded as a name


def test_user_name_markers_are_kept_longest_first_and_a_bare_i_is_refused(tmp_path):
    (tmp_path / "name_markers.tsv").write_text("words\tgender\tnote\nI Gusti Ngurah Bagus\tmale\tlonger\n", "utf-8")
    pack = _pack()
    add_files(pack, tmp_path, "user")
    add_files(pack, LEXICON_ROOT / "id", "id")
    lengths = [len(marker.words.split()) for marker in pack.name_markers]
    assert lengths == sorted(lengths, reverse=True) and lengths[0] == 4
    (tmp_path / "name_markers.tsv").write_text("words\tgender\tnote\nI\tmale\tthe pronoun\n", "utf-8")
    with pytest.raises(LexiconError, match="marks a name only with the word after it"):
        add_files(_pack(), tmp_path, "user")
