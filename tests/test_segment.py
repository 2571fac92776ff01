import pytest

from mtaudit.segment import segment


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr Kim arrived. He spoke.", ["Mr Kim arrived.", "He spoke."]),
        ("Mr. Kim arrived in the U.S. on Monday. He spoke.", ["Mr. Kim arrived in the U.S. on Monday.", "He spoke."]),
        ("She moved to the U.S. The move surprised many.", ["She moved to the U.S.", "The move surprised many."]),
        # MT debris must stay inside one sentence so that it can be flagged.
        (
            '"Peace," North Korean media said., reported Reuters.',
            ['"Peace," North Korean media said., reported Reuters.'],
        ),
        ('"We will win." The minister left.', ['"We will win."', "The minister left."]),
        ('"Why now?" he asked. Nobody answered.', ['"Why now?" he asked.', "Nobody answered."]),
        ("Growth was 3.5 percent. Prices rose.", ["Growth was 3.5 percent.", "Prices rose."]),
        ("Led by J. Smith, the team won. It was close.", ["Led by J. Smith, the team won.", "It was close."]),
        ("First line\nSecond line", ["First line", "Second line"]),
        ("A hard-wrapped sentence that\ncontinues here.", ["A hard-wrapped sentence that\ncontinues here."]),
        ("Para one.\n\nPara two.", ["Para one.", "Para two."]),
        # Indonesian honorific abbreviations before a name: "Sdr." (Saudara), "Hj." (Hajjah).
        ("The pair are Sdr. Adi Nugroho and Hj. Sri Wahyuni.", ["The pair are Sdr. Adi Nugroho and Hj. Sri Wahyuni."]),
        # Police ranks: "Kombes Pol." (of the police), "Insp. Gen.", "Sr. Comr.".
        ("Police chief Kombes Pol. Adi Nugroho spoke.", ["Police chief Kombes Pol. Adi Nugroho spoke."]),
        (
            "Insp. Gen. Budi Santoso and Sr. Comr. Rina Wati came.",
            ["Insp. Gen. Budi Santoso and Sr. Comr. Rina Wati came."],
        ),
    ],
)
def test_sentences(text, expected):
    assert [s.text for s in segment(text)] == expected


def test_offsets_point_into_the_text():
    text = '  One sentence.  Two sentences!\n\n"Three?" he asked.  '
    for s in segment(text):
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()


def test_paragraph_numbers():
    sentences = segment("A one. A two.\n\nB one.")
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_excluded_span_is_kept_but_not_audited():
    text = "Story. More story.\n\nThis text is automatically generated."
    sentences = segment(text, exclude=(text.index("This"), len(text)))
    assert [s.audited for s in sentences] == [True, True, False]
