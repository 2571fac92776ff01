"""Page furniture: the lines of a pasted page that are not running prose."""

import pytest

from mtaudit.furniture import furniture, headlines
from mtaudit.load import load


def _furniture_lines(tmp_path, text: str) -> list[str]:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    doc = load(path)
    marked = furniture(doc)
    return [s.text for s in doc.audited_sentences if s.index in marked]


@pytest.mark.parametrize(
    "line",
    [
        "Published : June 12, 2024 - 15:20",
        "By Kim Jae-heun",
        "Kamis, 30 Maret 2023",
        "10 Jan 2023 | 14:39 WIB",
        "Share:",
        "Follow us on :",
        "See also  Farmers expect a better harvest this year",
        "Related news: Police arrest two suspects in the Garut robbery",
        "By Maria Santos and Lee Min-ji",
        "Ganjar Pranowo (Photo via Central Java Provincial Government)",
        "As many as 10 personnel assisted the evacuation. ANTARA/HO-Humas Basarnas Pekanbaru.",
        "South Korea's An Se Young displays her medal on Sunday. PHOTO: EPA-EFE",
        "Slideshow ( 3 images )",
        # A caption listing who is pictured runs longer than most, and may open a bracket it never closes.
        "(From left: A screenshot of the ministry's website shows spokespersons Hua Chunying, Wang Wenbin, "
        "Mao Ning and Zhao Lijian",
    ],
)
def test_furniture_lines(tmp_path, line):
    text = f"JAKARTA - The minister said the budget was ready.\n\n{line}\n\nThe vote is on Friday."
    assert " ".join(_furniture_lines(tmp_path, text)) == line


def test_a_credit_line_makes_the_line_above_a_caption_and_its_repetition_too(tmp_path):
    # A real professional page: the caption in Indonesian, its credit, the caption again as the image's text.
    caption = "Wakil Presiden RI Jusuf Kalla memberikan kata sambutan di Stadion Utama GBK, Minggu (2/9)."
    text = (
        f"Indonesia reaches highest achievement\n\n{caption}\nFoto: Antara/Wahyudin\n{caption}\n\n"
        "JAKARTA -- Vice President Jusuf Kalla said Indonesia made history."
    )
    lines = _furniture_lines(tmp_path, text)
    assert lines.count(caption) == 2 and "Foto: Antara/Wahyudin" in lines
    assert not any("made history" in line for line in lines)


def test_a_follow_button_is_furniture(tmp_path):
    text = "The police said the situation was normal.\n\nCek Berita dan Artikel yang lain di Google News"
    assert _furniture_lines(tmp_path, text) == ["Cek Berita dan Artikel yang lain di Google News"]


def test_headline_is_the_first_line_that_is_no_other_furniture(tmp_path):
    text = "Kamis, 30 Maret 2023\n\nKPK Arrests Papua Governor After Four Months\n\nJAKARTA - The KPK arrested him."
    assert _furniture_lines(tmp_path, text) == ["Kamis, 30 Maret 2023", "KPK Arrests Papua Governor After Four Months"]


def test_prose_is_not_furniture(tmp_path):
    text = "The minister said the photo was taken in 2023.\n\nBy Friday, the police had arrested six people."
    assert _furniture_lines(tmp_path, text) == []


def test_navigation_menu_lines_are_furniture(tmp_path):
    text = "National\nPodcast\nTopics\n한국어판\nWeekender\n\nYoon picks two women for the Cabinet on Thursday."
    assert _furniture_lines(tmp_path, text) == ["National", "Podcast", "Topics", "한국어판", "Weekender"]


def test_a_sentence_opening_with_related_to_is_prose(tmp_path):
    text = "JAKARTA - The minister spoke.\n\nRelated to the case, the police arrested two suspects.\n\nThey deny it."
    assert _furniture_lines(tmp_path, text) == []


@pytest.mark.parametrize(
    "lines",
    [
        # A picture credit in parentheses after the caption's sentence makes the line a caption.
        "Rina Wulandari speaks at a hearing in Jakarta on Jan. 5,. 2022. (Harian Kota Photo)",
        # A page's archive number under a label.
        "arsip koran : 5512093311.",
        # A reading-time label.
        "· 3 menit baca",
        # A page's markup pasted with a caption.
        'div class="caption" style="width: 300px;">Residents clear mud in Garut on Monday.',
    ],
)
def test_credits_in_parentheses_and_labelled_numbers_are_furniture(tmp_path, lines):
    text = f"JAKARTA - The minister said the budget was ready.\n\n{lines}\n\nThe vote is on Friday."
    assert " ".join(_furniture_lines(tmp_path, text)) == lines


def test_the_sites_own_interface_in_the_source_language_above_the_story_is_furniture(tmp_path):
    # A login box of an Indonesian publisher's English page, then the headline, then the story.
    interface = [
        "Lupa kata sandi? Klik di sini",
        "atau masuk melalui",
        "Belum punya akun? Daftar di sini",
        "Kami telah mengirimkan tautan ke email Anda.",
    ]
    headline = "Finance Minister Says The Budget Will Hold"
    text = "\n\n".join(interface + [headline, "JAKARTA - The minister said the budget would hold this year."])
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    doc = load(path)
    marked = furniture(doc)
    assert [s.text for s in doc.audited_sentences if s.index in marked] == [
        "Lupa kata sandi?",
        "Klik di sini",
        "atau masuk melalui",
        "Belum punya akun?",
        "Daftar di sini",
        "Kami telah mengirimkan tautan ke email Anda.",
        headline,
    ]
    assert [s.text for s in doc.audited_sentences if s.index in headlines(doc)] == [headline]


def test_a_headline_left_in_the_source_language_stays_the_headline(tmp_path):
    # MT004 reports a headline the machine left untranslated: two lines are no site interface.
    headline = "Menteri Keuangan Pastikan Anggaran Aman Tahun Ini"
    text = f"{headline}\n\nSelasa, 4 Juni 2024\n\nJAKARTA - The minister said the budget was safe."
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    doc = load(path)
    assert [s.text for s in doc.audited_sentences if s.index in headlines(doc)] == [headline]


def test_date_lines_and_captions_in_the_source_language_do_not_make_an_untranslated_headline_an_interface(tmp_path):
    headline = "Menteri Keuangan Pastikan Anggaran Aman Tahun Ini"
    text = (
        f"{headline}\n\nSelasa, 4 Juni 2024 | 14:39 WIB\n\nFoto: Antara/Wahyu Putro\n\n"
        "JAKARTA - The minister said the budget was safe."
    )
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    doc = load(path)
    assert [s.text for s in doc.audited_sentences if s.index in headlines(doc)] == [headline]


def test_interface_lines_anywhere_on_the_page_are_furniture(tmp_path):
    # A widget's lower-case labels, and short source-language lines calling on the reader or speaking of the page.
    text = (
        "iklan atas\n\nFinance Minister Says The Budget Will Hold\n\n"
        "JAKARTA - The minister said the budget would hold this year.\n\n"
        "Apa pendapat anda tentang artikel ini?\n\n"
        "She said spending on schools would rise.\n\n"
        "Ikuti kami di media sosial untuk berita terbaru\n\ngo to top"
    )
    assert _furniture_lines(tmp_path, text) == [
        "iklan atas",
        "Finance Minister Says The Budget Will Hold",
        "Apa pendapat anda tentang artikel ini?",
        "Ikuti kami di media sosial untuk berita terbaru",
        "go to top",
    ]


def test_an_untranslated_sentence_of_the_story_is_no_interface_line(tmp_path):
    text = (
        "Finance Minister Says The Budget Will Hold\n\n"
        "JAKARTA - The minister said the budget would hold this year.\n\n"
        "Warga diminta tetap tenang dan mengikuti arahan petugas di lapangan.\n\n"
        "She said spending on schools would rise."
    )
    assert _furniture_lines(tmp_path, text) == ["Finance Minister Says The Budget Will Hold"]


def test_the_salutations_opening_a_speech_are_furniture(tmp_path):
    speech = (
        "Good morning,\n\nDistinguished Ministers of the Cabinet,\n\nExcellencies Ambassadors,\n\n"
        "Greetings to us all.\n\nLadies and Gentlemen,\n\n"
        "The world economy is full of uncertainties, and we have to be ready for them."
    )
    assert _furniture_lines(tmp_path, speech) == [
        "Good morning,",
        "Distinguished Ministers of the Cabinet,",
        "Excellencies Ambassadors,",
        "Greetings to us all.",
        "Ladies and Gentlemen,",
    ]
    # One paragraph that a comma ends is no salutation: machine translation cut its sentence there.
    story = "The regent visited the market,\n\nTraders asked for a new roof. The regent agreed to build one."
    assert _furniture_lines(tmp_path, story) == []
