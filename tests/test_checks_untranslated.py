import pytest

from mtaudit.model import Severity

REFERENCE = "Kim Jong Un hosted guests from Russia and China on Wednesday."


def test_leftover_place_name_with_fix_from_reference(run_check):
    text = "It was a sign of the Russian-Cina-North Korea coalition."
    [finding] = run_check("MT004", text, reference=REFERENCE)
    assert (finding.text, finding.suggestion) == ("Cina", "China")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The warga of the village were evacuated.", "warga"),
        ("Prices rose, sementara wages fell.", "sementara"),
        ("Police arrived di Riyadh on Monday.", "di"),
        ("The match will be played on Kamis.", "Kamis"),
        ("Flights resume in Oktober 2024.", "Oktober"),
    ],
)
def test_leftover_words_found_by_frequency_or_lexicon(run_check, text, span):
    assert [f.text for f in run_check("MT004", text)] == [span]


def test_whole_untranslated_sentence(run_check):
    text = "The minister spoke. Pemerintah akan segera memberikan bantuan kepada warga yang terdampak banjir."
    [finding] = run_check("MT004", text)
    assert finding.text.startswith("Pemerintah") and finding.severity == Severity.ERROR


def test_a_source_word_after_its_english_is_dropped(run_check):
    [finding] = run_check("MT004", "Regions must deal with stunting (tengkes) in each district.")
    assert (finding.text, finding.suggestion, finding.severity) == ("(tengkes)", "", Severity.INFO)
    # An abbreviation in parentheses is MT002's, and a capitalised name there is a gloss.
    assert run_check("MT004", "Residents voted in the village head elections (pilkades) on Sunday.") == []


def test_foreign_script(run_check):
    [finding] = run_check("MT004", "The slogan 和平 was painted on the wall.")
    assert finding.text == "和平" and finding.severity == Severity.WARNING
    assert run_check("MT004", "Peace (和平) was the slogan.") == []
    # Page elements of Korean and Chinese sites: a line in the script alone, a label in a form.
    assert run_check("MT004", "Kim Jae-joong draws 11,000 in Japan\n\n테스트\n\nThe singer met fans.") == []
    assert run_check("MT004", "To write comments, please log in. Standards Board Policy (0/250자)") == []


@pytest.mark.parametrize(
    "text",
    [
        "Finance Minister Sri Mulyani Indrawati met Prabowo Subianto.",
        "Prices are quoted in rupiah and batik sales rose.",
        "Millions joined the annual 'mudik' exodus.",
        "Residents of Bidara Cina were evacuated.",
        "Dr. Tan Mei Ling said the haze would clear.",
        "The Corruption Eradication Commission met in Jakarta.",
        # A title before a month's name makes it a name: "Queen Juli" is a person.
        "Queen Juli smiled at the crowd at noon.",
    ],
)
def test_names_loanwords_and_quoted_terms_are_not_flagged(run_check, text):
    assert run_check("MT004", text) == []


@pytest.mark.parametrize(
    "text", ["The ceremony is on 17 Agustus at the palace.", "The dry season lasts until the end of Juli."]
)
def test_a_month_left_in_indonesian_is_flagged(run_check, text):
    [finding] = run_check("MT004", text)
    assert finding.suggestion in ("August", "July")


@pytest.mark.parametrize(
    ("text", "span", "fix", "severity"),
    [
        # D2: honorifics kept before names in the story's own words are errors ...
        ("Pak Jokowi met Bapak Prabowo and Ibu Megawati.", "Pak Jokowi", "Jokowi", Severity.ERROR),
        ("Pak Jokowi met Bapak Prabowo and Ibu Megawati.", "Bapak Prabowo", "Prabowo", Severity.ERROR),
        ("Pak Jokowi met Bapak Prabowo and Ibu Megawati.", "Ibu Megawati", "Megawati", Severity.ERROR),
        # ... and warnings inside quotations, where a speaker may use them.
        ('"Pak Ganjar, please help us," said a trader.', "Pak Ganjar", "Ganjar", Severity.WARNING),
        # A form of address on its own in a quotation gets its English equivalent.
        ('"Get out of the way, mas, let them pass," he shouted.', "mas", "sir", Severity.WARNING),
        # D10: every MT004 finding carries a fix; a slang word no frequency list knows is found by its letters.
        ("The traders sell takjil every evening in Ramadan.", "takjil", "translate", Severity.ERROR),
        # The "juncto" of Indonesian legal citations, whole or cut to "jo".
        (
            "He was charged under Article 363 jo Article 55 of the Criminal Code.",
            "jo",
            "in conjunction with",
            Severity.ERROR,
        ),
        # A pilgrimage title between the honorific and the name.
        ("The governor is Sdr. H. Adi Nugroho.", "Sdr. H. Adi", "H. Adi", Severity.ERROR),
        # "Mba", a common spelling of "Mbak"; a religious formula written as one word.
        ("'Mba Sekar, wait for me,' he called.", "Mba Sekar", "Sekar", Severity.WARNING),
        (
            '"Astagfirullahaladzim. The water is up to the roof," she said.',
            "Astagfirullahaladzim",
            "God forgive me",
            Severity.ERROR,
        ),
    ],
)
def test_honorifics_and_slang_with_fixes(run_check, text, span, fix, severity):
    [finding] = [f for f in run_check("MT004", text) if f.text == span]
    assert (finding.suggestion, finding.severity) == (fix, severity)


@pytest.mark.parametrize(
    "text",
    [
        "The match was played at the Gelora Bung Karno Stadium.",  # part of a place's name
        "The Ibu Kota Nusantara project continues.",  # "capital city", not a person
        '"The results show a thrust fault," bambang said.',  # a lowercased first name
        "Kamis, 30 Maret 2023",  # a date line
        "Many netizens criticised the @ridwan_sanur account.",  # English word and a handle
        "The multibarreled launchers were shown in Pyongyang.",  # an English word wordfreq lacks
    ],
)
def test_names_places_furniture_and_english_are_not_leftovers(run_check, text):
    assert run_check("MT004", text) == []


def test_short_sundanese_and_betawi_honorifics_unless_the_article_is_about_korea(run_check):
    # "Kang" and "Bang" are also Korean surnames: honorifics.tsv's "unless" column names the words that
    # make an article about Korea, where "Kang Kyung-wha" is a name.
    text = "In his mandate, Kang Emil conveyed three messages. Bang Surya is abroad."
    assert {(f.text, f.suggestion) for f in run_check("MT004", text)} == {
        ("Kang Emil", "Emil"),
        ("Bang Surya", "Surya"),
    }
    korea = "South Korean Foreign Minister Kang Kyung-wha met Bang Si-hyuk in Seoul."
    assert run_check("MT004", korea) == []
    # Without Korean context, a two-part given name still shows a surname: "Kang Sun Nam".
    assert run_check("MT004", "Analyst Kang Sun Nam said the data was clear.") == []


def test_an_introduced_nickname_and_an_english_interjection_are_not_honorifics(run_check):
    assert run_check("MT004", "Governor Ridwan Kamil, familiarly called Kang Emil, opened the road.") == []
    assert run_check("MT004", '"We heard a shot and then, bang.," he said.') == []


@pytest.mark.parametrize(
    "text",
    [
        # Three shapes from a sixth round of real professional articles.
        "Minggu Bulu, a member of a protesting labor group, cited safety issues.",  # a name opening a sentence
        "Her siblings liked ayam taliwang (a local dish from Lombok).",  # a two-word term glossed after it
        "Kalla spoke at the closing ceremony at Bung Karno Main Stadium on Sunday.",  # a place's name
        "She spoke at the peak of the Bung Karno Month commemoration on Friday.",  # an event's name
        "The grant came from the Pak Harto Foundation last year.",  # a body's name
        # A religious formula with its English right after it.
        '"Insya Allah [God willing], I believe the bond will last," he said.',
        '"Alhamdulillah, praise be to Allah, in five years we have built the roads," he said.',
        # Shapes from an eighth round: Thai place names, a village's reduplicated name, words run together.
        "Officers searched a shophouse in Bang Yai district on Friday.",
        "Rescuers reached tambon Bang Rak Noi in Thailand on Monday.",
        "Floodwater reached the hamlets of Lalowaru, Kolo-kolo and Ambesea.",
        "The songBersama Kita (Together We) was played at the rally.",
        # The English first, then the local word it glosses.
        "Officers found 3 kilograms of crystal methamphetamine, or sabu-sabu, on the boat.",
        "The count is an estimate, a spokesman said, reported detik, Monday.",  # an outlet's name
    ],
)
def test_names_and_explained_terms_in_professional_copy_are_quiet(run_check, text):
    assert run_check("MT004", text) == []


@pytest.mark.parametrize(
    "text",
    [
        # Philippine English quotes Tagalog, whose "batas" (law) looks Indonesian; langdetect knows better.
        "“Walang puwang ang pagtatago sa batas. Kahit gaano pa katagal, ipinatutupad namin ang batas,” he said.",
        # A Malaysian state's chief minister: Malaysian English papers keep the title (loanwords.txt).
        "The menteri besar said the state would not change its policy.",
    ],
)
def test_a_third_language_and_kept_titles_are_not_leftovers(run_check, text):
    assert run_check("MT004", text) == []


def test_a_sentence_left_untranslated_is_one_finding(run_check):
    text = "Saya tahu sudah terbocor, tapi saya yakin tidak (mundur), karena dirilis pada 26 Juli lalu."
    findings = run_check("MT004", text)
    assert [f.suggestion for f in findings] == ["translate"] and findings[0].text == text


@pytest.mark.parametrize(
    ("text", "formula", "english"),
    [
        (
            '"The team is ready and Alhamdulillah we have won three golds," said the coach in Jakarta on Monday.',
            "Alhamdulillah",
            "thank God",
        ),
        ('"So, by saying bismillah, I accept the nomination," she told the cadres.', "bismillah", "in the name of God"),
        (
            "In fact, he continued, Rasulullah said that women are pillars of the nation.",
            "Rasulullah",
            "the Prophet Muhammad",
        ),
    ],
)
def test_religious_formula_gets_its_english(run_check, text, formula, english):
    findings = [f for f in run_check("MT004", text) if f.text == formula]
    assert [f.suggestion for f in findings] == [english]
    assert "expression" in findings[0].message


def test_look_alike_letter_inside_an_english_word(run_check):
    # A Cyrillic "е" in "placе" (seen in a real professional article): retype the word, nothing to translate.
    [finding] = [f for f in run_check("MT004", "The ceremony took placе in Jakarta.") if "look" in f.message]
    assert (finding.text, finding.suggestion) == ("placе", "place")


def test_a_word_in_cyrillic_is_still_foreign_script(run_check):
    findings = run_check("MT004", "The minister visited Москва last week.")
    assert [f.text for f in findings] == ["Москва"] and "Cyrillic script" in findings[0].message


def test_a_short_sentence_left_in_indonesian_is_one_finding(run_check):
    # From a real MT article: names and numbers keep the share of Indonesian words under 40%.
    text = "The party met on Tuesday. Adapun rapat dan Munas Partai Maju ke-5 digelar pada 10-12 Agustus 2023."
    [finding] = run_check("MT004", text)
    assert finding.text.startswith("Adapun rapat") and "left in Indonesian" in finding.message


def test_abang_is_part_of_a_name_in_an_article_about_sarawak(run_check):
    text = "KUCHING: Premier Abang Johari said Sarawak will build a hydrogen plant."
    assert run_check("MT004", text) == []
    assert [f.text for f in run_check("MT004", "Abang Budi sold vegetables at the market.")] == ["Abang Budi"]


def test_taglish_in_a_philippine_paper_is_not_left_in_indonesian(run_check):
    text = (
        '"Hindi ko po alam kung ano ang plano ng mga opisyal, pero ang trabaho namin ay malaman ang totoo as soon '
        'as possible," the senator said.'
    )
    assert run_check("MT004", text) == []


def test_an_administrative_unit_before_a_place_name_goes_after_it_in_english(run_check):
    [finding] = run_check("MT004", "Floods reached 40 homes in Kecamatan Sukamaju Timur on Monday.")
    assert (finding.text, finding.suggestion) == ("Kecamatan", "Sukamaju Timur district")
    # Malaysian place names that begin with such a word are names: "Kota Kinabalu", "Kampung Baru".
    assert run_check("MT004", "Police in Kota Kinabalu and Kampung Baru arrested two men.") == []


def test_a_particle_joined_to_a_capitalised_title_is_part_of_the_name(run_check):
    # Malaysia's "Yang di-Pertuan Agong" is a title, not an Indonesian "di" left in English.
    text = "Parliament sat for one day and rose right after the Yang di-Pertuan Agong's address."
    assert run_check("MT004", text) == []


def test_a_source_word_in_a_place_s_name_before_its_unit_is_no_leftover(run_check):
    # "Hilir" (downstream) is part of the sub-district's name, as "Barat" is of "Jakarta Barat Regency".
    text = "The president planted mangroves in Bebatu Village, Sesayap Hilir Sub-District, on Tuesday."
    assert not [f for f in run_check("MT004", text) if f.text == "Hilir"]


def test_a_loanword_no_english_list_knows_is_flagged_unless_the_article_explains_it(run_check):
    bare = run_check("MT004", "The mayor instructed the lurah and camat to clear the drains before the rains.")
    assert [(f.text, f.needs_company) for f in bare] == [("lurah", True), ("camat", True)]
    explained = (
        "The lurah (urban village head) met residents on Monday. "
        "The lurah said the drains would be cleared before the rains."
    )
    assert run_check("MT004", explained) == []
    # "rupiah" is English too.
    assert run_check("MT004", "The rupiah weakened against the dollar on Monday.") == []


def test_a_common_word_with_records_as_a_first_name_is_still_a_leftover(run_check):
    # The names dataset lists "puskesmas" (health centre) as a first name; written lower case, and never
    # capitalised in the article, it is the word.
    text = "Residents with a fever should go to the puskesmas, the head of the health office said on Monday."
    assert [f.text for f in run_check("MT004", text)] == ["puskesmas"]
    # A name lower-cased by mistake is written capitalised elsewhere.
    named = "Governor Khofifah opened the market. Traders thanked khofifah for the new roof on Monday."
    assert run_check("MT004", named) == []
    assert run_check("MT004", "The agency's acting head, Rahmat-syah Putra, said the fires were out.") == []


def test_a_name_written_in_lower_case_is_no_leftover_word(run_check):
    # "Bengkulu" is written capitalised inside a sentence elsewhere: the lower-case one is the same name.
    text = "Fuel prices rose in Bengkulu on Monday. Drivers in bengkulu queued at every station for hours."
    assert run_check("MT004", text) == []
