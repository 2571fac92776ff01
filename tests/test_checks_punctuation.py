import pytest

from mtaudit.model import Document, Severity
from mtaudit.pipeline import without_company


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ('"Peace," North Korean media said., reported Reuters.', "said.,", "said,"),
        ("Prices rose,, economists said.", ",,", ","),
        ("Prices rose . Then fell.", " .", "."),
        ("He left.The meeting ended.", ".", ". "),
        ("But North Korean Defense Minister Kang Sun Nam, reportedly said the army was ready.", "Nam,", "Nam"),
        ('"We need masks" he said.', 'masks"', 'masks,"'),
        ("Aid reached Aceh. . More is coming.", ". .", "."),
        # Spaces on the wrong side: before a question mark or a possessive, after a hyphen.
        ('"Am I ready for this ?" she asked.', " ?", "?"),
        ("He followed President Joko Widodo (Jokowi) 's instructions.", " 's", "'s"),
        ("The court heard that Section- 144 was imposed.", "- ", "-"),
    ],
)
def test_debris_is_flagged(run_check, text, span, fix):
    findings = run_check("MT005", text)
    assert [(f.text, f.suggestion) for f in findings] == [(span, fix)]


def test_unclosed_quotation_is_flagged_where_the_mark_belongs(run_check):
    [finding] = run_check("MT005", 'The union said "we reject the law, and walked out.')
    assert (finding.text, finding.suggestion) == ("out.", 'out."')


@pytest.mark.parametrize(
    "text",
    [
        "The curator, Dr. Ratna Kusumadewi, said she was pleased.",
        "Supplies were sent to Lumajang, said agency spokesperson Agus Wibisono.",
        "Officials in the U.S., the EU and Japan agreed.",
        "Visit DigitalSiber.id for details.",
        "Prices rose 3.5 percent... then fell.",
        "He arrived at 9 a.m. the next day, approx. two hours late.",
        "Of the many problems, Rini said, the President gave five directions.",
        "He said, although the figures fell, the problem remains.",
        'President Joko "Jokowi" Widodo met Film The Conjuring fans in The Hague.',
        "The actor Jung Hae In also named his favourite scene.",  # a word of a name, not a run-on sentence
        '"We will not back down," she said.',
        # A quotation continued into the next paragraph opens it again: standard news style.
        '"The first part of the quote.\n\n"The second part," he said.',
    ],
)
def test_correct_punctuation_is_not_flagged(run_check, text):
    assert run_check("MT005", text) == []


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        # Indonesian "katanya,": a comma between the reporting verb and what was said
        ("Bagus said, the team would widen the search on Monday.", "said,", "said"),
        # a new sentence run on after a comma
        ("This is not just political small talk, We want to be solid.", ", We", ". We"),
        # an inverted question closed by a full stop
        ('"What do you want to be."', ".", "?"),
        # a number fused to the next word
        ("Growth reached 4.51per cent in the quarter.", "4.51per", "4.51 per"),
        # the closing mark stranded after a space
        ('"Because I can get money, "he said.', ', "', ',"'),
        # a quotation closed by an attribution without its closing mark
        ('"What is not ready is the people. Megawati said.', "people.", 'people,"'),
        # a quotation closed but never opened
        ('Papi is a simple person. I learned a lot from him," he said.', "Papi", '"Papi'),
        # a doubled slash outside a web address
        ("Circular M/2/HK.04.00//III/2023 was issued.", "//", "/"),
        # spaces inside curly quotation marks and parentheses
        ("“ Do you have to be president, you think?” she asked.", "“ ", "“"),
        ("“We don't have to force ourselves, ” Luhut said.", " ”", "”"),
        ("Robby (My Beloved Enemy ) and Cinya sang.", " )", ")"),
        # a comma and a full stop around the closing mark
        ('He greeted fans: "Thank you,".', ',".', '".'),
        # a full stop and a comma apart; the Indonesian comma after a reporting verb late in the sentence
        ('The rest is direct investment by investors. ," he said.', ". ,", ","),
        ("A resident of Tretep named Yangi said, the governor had helped.", "said,", "said"),
        # a sentence started with a small letter, or run on without its full stop
        ("It has little economic value for Bali. the perpetrators were caught.", "Bali. the", "Bali. The"),
        ("His pay was cut by RM150. up to RM300 a month.", "RM150. up", "RM150. Up"),
        (
            "The queues were long at registrationEspecially in the city.",
            "registrationEspecially",
            "registration. Especially",
        ),
        ("They can be with us This is to keep the peace.", "us This", "us. This"),
        ("They spent the night near the apartment At about 6 am they left.", "apartment At", "apartment. At"),
    ],
)
def test_punctuation_copied_from_indonesian(run_check, text, span, fix):
    findings = [f for f in run_check("MT005", text) if f.text == span]
    assert findings and findings[0].suggestion == fix, run_check("MT005", text)


@pytest.mark.parametrize(
    "text",
    [
        "The plan, he said, will take effect in March.",  # a parenthetical attribution
        "He said, however, that talks would continue.",
        'President Joko “Jokowi“ Widodo spoke, and his aides “agreed".',  # shapes mixed in professional copy
        "Indonesia won on Sunday (Oct 17) in Aarhus.",  # "17)" closes the parenthesis, it is no list marker
        '"The first paragraph of a long quotation.\n\n"The second paragraph closes it," she said.',
        "Published : 12 June 2024",  # page furniture
        "What he said was true.",  # a statement, not a question
    ],
)
def test_professional_copy_stays_quiet(run_check, text):
    # As the pipeline rates them: a trait of house style alone (mixed quotation marks) is info.
    findings = without_company(set(run_check("MT005", text)), Document(path="a.txt", text=text, format="text"))
    assert [f for f in findings if f.severity >= Severity.WARNING] == []


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        # the subject's appositive name opened by a comma and never closed
        (
            "The coach of the national team, Shin Tae-yong admits that the rule hurts.",
            "Shin Tae-yong admits",
            "Shin Tae-yong, admits",
        ),
        # an attribution shows the quotation ended, even when the next paragraph opens another
        (
            '"What is not ready is the people. Megawati said.\n\n"As long as I am chair, I am fierce," she added.',
            "people.",
            'people,"',
        ),
        # a curly closing mark stranded after a space and fused to the verb
        ('"For the community it is huge, ”said the minister.', ", ”", ",”"),
        # a place set after its regency with one comma, then the verb
        (
            "KENDAL - The government of Kendal Regency, Central Java opened two new markets.",
            "Central Java opened",
            "Central Java, opened",
        ),
        # a title's name inside the sentence, after "when"
        (
            "Villagers cheered when the Regent of Kendal, Budi Santoso arrived at the market.",
            "Budi Santoso arrived",
            "Budi Santoso, arrived",
        ),
        (
            "A young singer from Bandung, Sinta Maharani released her new single.",
            "Sinta Maharani released",
            "Sinta Maharani, released",
        ),
        # a bare title opening the sentence, as Indonesian news writes it, after a dateline too
        (
            "PLN President Director, Darmawan Prasodjo said the grid was ready.",
            "Darmawan Prasodjo said",
            "Darmawan Prasodjo, said",
        ),
        (
            "JAKARTA - Minister of Environment and Forestry (LHK), Siti Nurbaya said the fires were out.",
            "Siti Nurbaya said",
            "Siti Nurbaya, said",
        ),
        (
            "Bank Indonesia's (BI) Governor, Perry Warjiyo announced the rate.",
            "Perry Warjiyo announced",
            "Perry Warjiyo, announced",
        ),
    ],
)
def test_more_punctuation_copied_from_indonesian(run_check, text, span, fix):
    findings = [f for f in run_check("MT005", text) if f.text == span]
    assert findings and findings[0].suggestion == fix, run_check("MT005", text)


@pytest.mark.parametrize(
    "text",
    [
        "The next day, Budi Santoso arrived at the market.",  # an opening phrase of time
        "Her voice rising, Ratna warned the mayor.",  # an absolute phrase
        "The economy will grow this year, Sri Mulyani said.",  # an attribution after a paraphrase
        "The minister revealed that with growth, Indonesia has room to spend.",  # a clause, not a noun phrase
        "Even when the process of filming the series in Seoul, Dimas tells me it was hard.",  # no title to restate
        "The Regent of Kendal, Budi Santoso, arrived at the market.",  # closed
        "PLN President Director, Darmawan Prasodjo, said the grid was ready.",  # closed, without an article
        "As Minister of Finance, Sri Mulyani said the budget was safe.",  # an opening phrase, not a title
        "In West Java, Ridwan Kamil said the roads were open.",  # a place, not a title
        "Jakarta Governor Anies Baswedan, Deputy Ahmad Riza Patria said nothing.",  # a name, not a title, before it
        "Following the President, Macron said the talks went well.",  # a fronted phrase
        "Dear Minister, Retno Marsudi wrote back.",
    ],
)
def test_a_comma_that_closes_an_opening_phrase_is_no_open_appositive(run_check, text):
    assert not [f for f in run_check("MT005", text) if "set off by a comma" in f.message]


def test_an_open_comma_after_a_bare_title_is_a_note(run_check):
    # Annotators of the real articles fixed it in fewer than half of the sentences; after "The …" it stays a warning.
    [bare] = [f for f in run_check("MT005", "PLN President Director, Darmawan Prasodjo said so.") if f.code == "MT005"]
    [determined] = run_check("MT005", "The PLN President Director, Darmawan Prasodjo said so.")
    assert (bare.severity, determined.severity) == (Severity.INFO, Severity.WARNING)


def test_missing_opening_mark_placed_after_the_narration(run_check):
    # Real MT drops the opening mark after reported speech in the same paragraph: the quotation
    # starts after the last narrating sentence, not at the paragraph's first word.
    text = (
        "JAKARTA - Minister Siti Nurbaya said the fires had spread. According to him, officers are in the field. "
        'We are currently on alert. The smoke is heavy," Siti explained.'
    )
    [finding] = [f for f in run_check("MT005", text) if "never opened" in f.message]
    assert (finding.text, finding.suggestion) == ("We", '"We')


def test_missing_opening_mark_placed_where_the_speaker_says_i(run_check):
    # The narration speaks of the speaker in the third person; the quotation begins with "I'm".
    text = (
        "Being an elegant person, Karenina has her own way of acting. I'm in various roles. "
        'So I need two days alone before the set," she said.'
    )
    [finding] = [f for f in run_check("MT005", text) if "never opened" in f.message]
    assert (finding.text, finding.suggestion) == ("I'm", "\"I'm")


@pytest.mark.parametrize(
    ("text", "first_word"),
    [
        # Pasted with single line breaks, the story is one paragraph: the quotation starts on its own line.
        (
            "The regent visited the market on Monday.\nRice prices were stable this week.\n"
            'We will keep watching the stock every day," the regent said.',
            "We",
        ),
        # A sentence that narrates in the first person ("… says in front of me") is the speaker's own.
        (
            "The singer recalled her debut.\n\nI was waiting alone in the hall. Then the coach says to me that we "
            'must leave. I did not understand why," said the singer.',
            "I",
        ),
    ],
)
def test_missing_opening_mark_stays_in_the_speaker_s_passage(run_check, text, first_word):
    [finding] = [f for f in run_check("MT005", text) if "never opened" in f.message]
    assert finding.text == first_word and text[finding.start : finding.start + 14] in (
        "We will keep w",
        "I was waiting ",
    )


def test_missing_opening_mark_where_a_sentence_lost_its_capital(run_check):
    # The opening mark went with the capital of the quotation's first word.
    text = (
        "JAKARTA - The minister spoke about the role of families in child protection. realizing a nation that "
        'is strong and resilient," she said.'
    )
    [finding] = [f for f in run_check("MT005", text) if "never opened" in f.message]
    assert (finding.text, finding.suggestion) == ("realizing", '"Realizing')


@pytest.mark.parametrize(
    ("text", "first_word"),
    [
        # The full stop of an abbreviation ends no sentence.
        ('JAKARTA - We met at 3 p.m. on Monday and agreed on the plan this year," the governor said.', "We"),
        # A first word that is not all in small letters keeps its capitals in the fix.
        (
            'Sales grew in Jakarta.\n\niPhone sales rose again in the last quarter of the year," the analyst said.',
            "iPhone",
        ),
    ],
)
def test_missing_opening_mark_keeps_abbreviations_and_capitals(run_check, text, first_word):
    [finding] = [f for f in run_check("MT005", text) if "never opened" in f.message]
    assert (finding.text, finding.suggestion) == (first_word, '"' + first_word)


def test_missing_opening_mark_after_a_dateline(run_check):
    text = 'JAKARTA - We will finish the road this year," the governor said.'
    [finding] = [f for f in run_check("MT005", text) if "never opened" in f.message]
    assert finding.text == "We"


@pytest.mark.parametrize(
    "text, span",
    [
        ('"We are left behind in investment", he said.', 'investment",'),
        ('JAKARTA - "The port reopens on Monday", said Budi Santoso.', 'Monday",'),
        ('The vote was close. "We won", Kim Jong Un said.', 'won",'),
    ],
)
def test_comma_outside_a_quoted_sentence(run_check, text, span):
    [finding] = [f for f in run_check("MT005", text) if "inside the closing" in f.message]
    assert (finding.text, finding.suggestion) == (span, span[:-2] + ',"')
    # Editors of the real articles fixed it about half the time: info, never a gate.
    assert finding.severity == Severity.INFO


def test_a_stray_closing_mark_after_an_attributed_quotation(run_check):
    text = (
        '"I will oversee those cases," Perkasa said, adding that several cases are being handled, including '
        'one in which two civilians went missing," said Perkasa on Wednesday.'
    )
    [finding] = run_check("MT005", text)
    assert (finding.text, finding.suggestion) == ('missing,"', "missing,")
    # A quotation resumed in a new sentence without its opening mark is a missing opener, not a stray mark.
    resumed = '"I am proud of the city," Bambang told reporters. I used to hate it. Now I love it."'
    assert [f.text for f in run_check("MT005", resumed)] == ["I"]


def test_comma_after_a_quoted_fragment_is_british_style(run_check):
    text = 'The general left the army with a message to "never let go of each other", said a colonel.'
    assert [f for f in run_check("MT005", text) if "inside the closing" in f.message] == []


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        # Shapes from real professional pages (the sixth collection round).
        ('"Cases continue to increase,“ he said.', ",“", ",”"),
        ("In the first `extra` monthly meeting, the bank held rates.", "`", "'"),
        ("The quake hit the province`s western coast.", "`", "’"),
        ("The bloc holds 41 percent of ASEAN‘s population.", "‘s", "’s"),
        ("KPK spokesman FebriDiansyah said the suspect was detained.", "FebriDiansyah", "Febri Diansyah"),
        ("He told the policeNoor had left the house.", "policeNoor", "police Noor"),
        ("The songBersama Kita was played at the rally.", "songBersama", "song Bersama"),
        (
            "The team hopes to do better than in Vietnam,\n\nThe minister asked for more gold medals.",
            "Vietnam,",
            "Vietnam.",
        ),
    ],
)
def test_marks_of_the_wrong_shape_and_joined_words(run_check, text, span, fix):
    findings = [f for f in run_check("MT005", text) if f.text == span]
    assert findings and {f.suggestion for f in findings} == {fix}


@pytest.mark.parametrize(
    "text",
    [
        "Residents use the PeduliLindung application and the DokterSehat service.",  # brands join common words
        "View all search resultsCan't find what you are looking for?",
        "The Games ended in Vietnam, the capital of the host nation.",  # a comma inside a paragraph
    ],
)
def test_brands_and_ordinary_commas_are_not_joined_words(run_check, text):
    assert [
        f for f in run_check("MT005", text) if "space is missing" in f.message or "ends with a comma" in f.message
    ] == []


def test_a_closing_mark_that_opens_a_paragraph_s_quotation(run_check):
    text = '"It was a good start," he said.\n\n”I wish to thank my coach and my team."'
    findings = [f for f in run_check("MT005", text) if "opens this quotation" in f.message]
    assert [(f.text, f.suggestion) for f in findings] == [("”", "“")]
    # ... and it continues the quotation of the paragraph before, which is then not unbalanced.
    text = '“I will come back stronger. It was a good start.\n\n”I wish to thank my coach," he said.'
    assert not [f for f in run_check("MT005", text) if "never closed" in f.message]


def test_a_hashtag_joins_words_on_purpose(run_check):
    text = 'The leaflet reads "#WadasMelawan" and residents repeated it.'
    assert not [f for f in run_check("MT005", text) if "space is missing" in f.message]


def test_a_quotation_opened_with_a_single_mark_and_closed_with_a_double_one(run_check):
    # From a real professional page: the mismatch, not a missing opening mark, is what the editor fixes.
    text = "Acorda praised the police. 'The PNP remains steadfast. We will continue our operations,\" Acorda said."
    findings = [f for f in run_check("MT005", text) if "quotation" in f.message]
    assert [(f.text, f.suggestion) for f in findings] == [("'", '"')]
    assert "single mark" in findings[0].message


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        # Shapes from a tenth round of real professional pages.
        (
            "Troops came under fire near the village.”About 30 armed men opened fire,” the spokesman said.",
            "”",
            " “",
        ),
        ("Senator Juan ''Johnny'' Cruz said he was surprised.", "''", '"'),
    ],
)
def test_a_glued_closing_mark_and_two_apostrophes_open_quotations(run_check, text, span, fix):
    findings = run_check("MT005", text)
    assert {(f.text, f.suggestion) for f in findings if f.text.startswith(span)} == {(span, fix)}
    assert len({f.start for f in findings}) == len(findings)  # one finding per place
    assert not [f for f in findings if "never opened" in f.message or "never closed" in f.message]


@pytest.mark.parametrize(
    "text",
    [
        # The story's last line opens a quotation that an excerpt or a feed cut off,
        'The coach said the team trained twice a day.\n"We are hungry for the title.',
        'The coach said the team trained twice a day. "We are hungry for the title.',
        # or a quotation continued over its last lines, each opening with a quotation mark.
        "The coach said the team trained twice a day.\n“We trained hard this month.\n“We are hungry for the title.",
    ],
)
def test_a_quotation_cut_at_the_end_of_the_story_is_not_called_unclosed(run_check, text):
    assert not [f for f in run_check("MT005", text) if "never closed" in f.message]


def test_the_disclaimer_and_a_sentence_left_in_the_source_language_are_not_punctuated(run_check):
    text = (
        "Floods hit three villages on Monday.\n\n"
        "Untuk kecamatan itu, pihaknya mengirim sejumlah personel dibantu tim gabungan.Warga sudah dievakuasi ke "
        "tempat yang lebih aman.\n"
        "The English versions are automatically generated by the AI. So there may still be inaccuracies in "
        "translating, please always see Indonesian as our main language. (system supported by"
    )
    assert run_check("MT005", text) == []


def test_a_quotation_that_mixes_curly_and_straight_marks_is_reported_at_the_odd_mark(run_check):
    # The article uses straight marks; one quotation opens with a curly one.
    text = (
        '"The road is open," the mayor said.\n\n'
        '“We have cleared the bridge and the market," the mayor said.\n\n'
        '"Trucks can pass now," he added.'
    )
    [finding] = [f for f in run_check("MT005", text) if "mixes" in f.message]
    assert (finding.text, finding.suggestion) == ("“We", '"We')
    assert "mostly uses straight" in finding.message and finding.needs_company


def test_a_mixed_closing_mark_with_its_own_debris_is_the_one_reported(run_check):
    # 'market", the' needs its comma moved inside anyway: the closing mark is retyped with it.
    text = '“We have cleared the bridge and the market", the mayor said. “Trucks can pass,” he added.'
    [finding] = [f for f in run_check("MT005", text) if "mixes" in f.message]
    assert finding.text == 'market"'


def test_an_attribution_that_ends_its_paragraph_unstopped_is_flagged(run_check):
    text = '"Who moved the barrier?" snapped Wirawan at the gate\n\n"Nobody," said the guard.\n\nThe gate reopened.'
    findings = [f for f in run_check("MT005", text) if "attribution" in f.message]
    assert [(f.text, f.suggestion) for f in findings] == [("gate", "gate.")]


def test_a_title_run_into_the_name_is_missing_its_space(run_check):
    [finding] = run_check("MT005", "She plays Ms.Sekar, a teacher in a mountain village.")
    assert (finding.text, finding.suggestion) == (".", ". ")


@pytest.mark.parametrize(
    "text",
    [
        "The bill went back to the DPR.The vote was delayed.",
        "The plan runs until 2025.The budget is set.",
        "The defendants were Ayu Sari and H.Rasyid Lubis.",
    ],
)
def test_a_full_stop_after_an_acronym_a_number_or_an_initial_run_into_a_word_is_missing_its_space(run_check, text):
    [finding] = run_check("MT005", text)
    assert (finding.text, finding.suggestion) == (".", ". ")


def test_a_quoted_phrase_opening_with_a_speech_verb_is_opened_not_closed(run_check):
    # "continued" is a speech verb ('"…," continued Budi'), but after "a " the mark opens a quoted phrase.
    text = "The ban was backed by a “continued threat to the witnesses”, the judges said."
    assert run_check("MT005", text) == []


def test_a_curly_opening_mark_glued_to_the_sentence_before_is_missing_its_space(run_check):
    [finding] = run_check("MT005", "The farm lies far from the town.“Nothing has changed here,” she said.")
    assert (finding.text, finding.suggestion) == (".“", ". “")


def test_a_space_after_the_decimal_point_splits_the_number(run_check):
    text = "The bank booked a profit of Rp4. 17 trillion, and the insurer Rp 2. 05 trillion."
    findings = run_check("MT005", text)
    assert [(f.text, f.suggestion) for f in findings] == [("4. 17", "4.17"), ("2. 05", "2.05")]


def test_a_year_and_a_comma_before_a_percentage_are_no_split_number(run_check):
    assert run_check("MT005", "In 2022, 70 percent of the voters came. By 2023 the share fell.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The head of the office, Ayu Sari, S.Sos., spoke to the press.",
        "The teacher, Ayu Sari, S.Pd, M.Pd, spoke to the press.",  # Indonesian degrees
        "It was founded in 2019. 30 million people use it now.",  # a year, not a split decimal
        '"I was going to—" he said.',  # a quotation broken off by a dash closes it
    ],
)
def test_degrees_years_and_broken_off_quotations_are_no_debris(run_check, text):
    assert run_check("MT005", text) == []


def test_a_quotation_mark_stranded_before_concluded_closes_the_quotation(run_check):
    text = '"The album comes out on May 3, "concluded Dimas.'
    findings = run_check("MT005", text)
    assert findings and not any("never closed" in f.message for f in findings)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # One style of quotation marks, whichever it is, is not mixed.
        ('"The road is open," the mayor said.\n\n“Trucks can pass,” he added.', "mixes"),
        # An unstopped attribution in the last paragraph is where an excerpt may end.
        ('"Nobody," said the guard.\n\n"Who moved the barrier?" snapped Wirawan at the gate', "attribution"),
        # So is a quotation opened after a colon on the story's last line.
        (
            "JAKARTA - The agency moved 40 families.\n\n"
            "Asked about new homes, the official said: “We put them on higher ground. The river is rising.",
            "never closed",
        ),
        # Or after its attribution and a comma.
        (
            "The captain was delighted.\n\n"
            'After the match, the smiling captain said, "Our batting was superb. We fielded as a team.',
            "never closed",
        ),
        # An ellipsis opening the text marks an excerpt, whose quotation may have opened before the cut.
        ("... the river keeps rising. Residents should move to higher ground.", "stray punctuation"),
        ('... the river keeps rising," the officer said.\n\nResidents moved uphill.', "never opened"),
    ],
)
def test_where_an_excerpt_may_end_and_one_style_of_marks_stay_quiet(run_check, text, message):
    assert not [f for f in run_check("MT005", text) if message in f.message]


def test_a_comma_after_said_before_a_named_subject_is_flagged_but_not_in_an_as_clause(run_check):
    flagged = "A resident of the village named Sumi said, Governor Adi had visited twice."
    assert [f.text for f in run_check("MT005", flagged)] == ["said,"]
    quiet = "The price, as Hartono said, Jakarta could not control."
    assert not [f for f in run_check("MT005", quiet) if f.text == "said,"]


def test_quotation_marks_in_page_furniture_take_no_part_in_pairing(run_check):
    # A caption's pasted markup on a line of a paragraph of prose: its attribute quotes are not quotations.
    text = (
        "Search results\n"
        'div class="caption" style="width: 300px;">Residents clear mud in Garut on Monday.\n'
        "The flood hit 40 homes in the district, officials said on Monday. Aid arrived the next day."
    )
    assert not [f for f in run_check("MT005", text) if "quotation" in f.message.lower()]


def test_a_double_space_is_a_note_not_a_warning(run_check):
    # A web page collapses the spaces: readers never see them, so the copy gets a note and the gate stays open.
    [finding] = run_check("MT005", "The minister  opened the bridge on Monday.")
    assert (finding.text, finding.severity) == ("  ", Severity.INFO)


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Smoke rose more than two kilometres into thesky on Monday.", "thesky", "the sky"),
        ("The health agency chief saidthat cases had doubled.", "saidthat", "said that"),
        ("Ministers and other appointedgovernment officials attended.", "appointedgovernment", "appointed government"),
    ],
)
def test_two_lower_case_words_run_together_are_flagged(run_check, text, span, fix):
    assert [(f.text, f.suggestion) for f in run_check("MT005", text)] == [(span, fix)]


@pytest.mark.parametrize(
    "text",
    [
        "The antigraft agency questioned the regent on Monday.",  # a prefix, not a word of its own
        "Two subvariants of the virus spread in the capital.",
        "The volunteers handed out tarpaulins and blankets.",  # words the lists know
        "Visit the page kemnaker.go.id/posko for details.",  # an address joins its words on purpose
        "Protesters clashed with police in hourslong street battles.",  # news writes "-long" compounds solid
        "Travellers can use the autogates at the airport.",  # "auto" is a prefix
    ],
)
def test_compounds_and_known_words_are_not_run_together(run_check, text):
    assert not [f for f in run_check("MT005", text) if "space is missing" in f.message]


def test_a_paragraph_of_story_that_ends_without_a_full_stop_is_flagged_with_company(run_check):
    story = (
        "Floods hit the town of Garut on Sunday night.\n\n"
        "Flood waters reached the market on Monday. Traders moved their stalls to the road, but many of them "
        "lost their goods to the water in the afternoon\n\n"
        "The regent visited the market on Tuesday.\n\n"
        "Aid will arrive this week."
    )
    [finding] = [f for f in run_check("MT005", story) if "without a full stop" in f.message]
    assert (finding.text, finding.suggestion, finding.needs_company) == ("afternoon", "afternoon.", True)
    # Alone in clean copy it is a note: sub-headings and standfirsts also go without a stop.
    [alone] = without_company({finding}, Document(path="x.txt", text=story, format="text"))
    assert alone.severity == Severity.INFO


@pytest.mark.parametrize(
    ("story", "last_word"),
    [
        # One sentence alone, but long and telling the story: a reporting verb or a linking adverb.
        (
            "Floods hit the town of Garut on Sunday night.\n\n"
            "Meanwhile, the damage was conveyed by the regent during a press conference at the market on Monday\n\n"
            "Aid will arrive this week.\n\nMore later.",
            "Monday",
        ),
        # A linking adverb opens a story sentence too.
        (
            "Floods hit the town of Garut on Sunday night.\n\n"
            "Meanwhile, the water in the market of the old town reached the height of an adult by Monday morning\n\n"
            "Aid will arrive this week.\n\nMore later.",
            "morning",
        ),
        # A colon inside a story sentence is no linked headline's.
        (
            "Floods hit the town of Garut on Sunday night.\n\n"
            "The regent met the victims. He listed three needs for the families: rice, water and blankets for all\n\n"
            "Aid will arrive this week.\n\nMore later.",
            "all",
        ),
        # The paragraph that opens with the dateline is the story's first, and names keep their capitals.
        (
            "Mayor Appointed As Minister\n\n"
            "SURABAYA - The president appointed the mayor of Surabaya, Tri Wahyuni, as social affairs minister. "
            "Wahyuni will leave Surabaya City Hall and move to Jakarta\n\n"
            "She thanked the residents of the city.\n\nMore later.",
            "Jakarta",
        ),
    ],
)
def test_a_story_paragraph_that_ends_without_a_full_stop_is_flagged(run_check, story, last_word):
    [finding] = [f for f in run_check("MT005", story) if "without a full stop" in f.message]
    assert (finding.text, finding.suggestion) == (last_word, last_word + ".")


@pytest.mark.parametrize(
    "text",
    [
        # A sentence-case headline between paragraphs: no reporting verb, no quotation.
        "Flood waters reached the market on Monday.\n\n"
        "Indonesia hikes fuel prices to rein in ballooning subsidies for millions of poor households\n\n"
        "Aid will arrive this week.",
        # A sentence the page broke over two paragraphs: the next one goes on in small letters.
        "Flood waters reached the market on Monday.\n\n"
        "Traders moved their stalls. The regent said prices would hold amid low inflation\n\n"
        "forecasts, officials said.\n\nAid will arrive this week.",
        # A paragraph the page cut off on a function word.
        "Flood waters reached the market on Monday.\n\n"
        "Traders moved their stalls. The regent said the two powers will represent two cultural patterns in the\n\n"
        "Aid will arrive this week.",
        # A linked headline and a photo credit.
        "Flood waters reached the market on Monday.\n\n"
        "Traders moved their stalls. Music: Coldplay – 'Music Of The Spheres' review: "
        "world-conquering band is back\n\n"
        "Aid will arrive this week.",
        "Flood waters reached the market on Monday.\n\n"
        "Traders moved their stalls to the road. Photo: courtesy of the regency government of Garut district\n\n"
        "Aid will arrive this week.",
        # A one-sentence paragraph: a standfirst or a sub-heading.
        "Flood waters reached the market on Monday.\n\n"
        "Traders moved their stalls to the road but many of them lost their goods to the water\n\n"
        "Aid will arrive this week.",
        # The last paragraph: an excerpt may be cut there.
        "Flood waters reached the market on Monday.\n\n"
        "Traders moved their stalls. Many of them lost their goods to the water in the afternoon",
        # A credit line.
        "Flood waters reached the market on Monday.\n\n"
        "Traders moved their stalls. Many lost their goods to the water in the afternoon, officials said - AFP\n\n"
        "More stories",
    ],
)
def test_paragraphs_that_end_without_a_stop_by_design_are_not_flagged(run_check, text):
    assert not [f for f in run_check("MT005", text) if "without a full stop" in f.message]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ('"We are still afraid. How can we stop the landslide from happening again," said a resident.', "again,"),
        ('"Why can other regions do that," the minister asked.', "that,"),
    ],
)
def test_a_quoted_question_closed_with_a_comma_is_flagged(run_check, text, span):
    [finding] = [f for f in run_check("MT005", text) if "question" in f.message]
    assert (finding.text, finding.suggestion) == (span, span[:-1] + "?")


def test_a_quoted_statement_that_opens_like_a_question_is_not(run_check):
    text = '"What is clear is that our client is using his right," he said.'
    assert not [f for f in run_check("MT005", text) if "question" in f.message]


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Prices rose again, the agency said in Medan, Thursday. January 27.", "Thursday.", "Thursday,"),
        (
            "Two suspects were arrested at the location. Thursday, February 20, by the police.",
            "location. Thursday",
            "location on Thursday",
        ),
    ],
)
def test_a_full_stop_that_splits_a_date_from_its_sentence_is_flagged(run_check, text, span, fix):
    [finding] = [f for f in run_check("MT005", text) if "full stop" in f.message and "date" in f.message]
    assert (finding.text, finding.suggestion) == (span, fix)


def test_a_day_that_starts_its_own_sentence_is_not_split(run_check):
    text = "The police arrested two suspects. Thursday was the last day of the operation."
    assert not [f for f in run_check("MT005", text) if "date" in f.message]


def test_a_subject_comma_after_an_opening_phrase_is_flagged_but_an_appositive_is_not(run_check):
    flagged = "Regarding the candidates, the chair of the party board Budi Santoso, said the talks would go on."
    assert [f.text for f in run_check("MT005", flagged) if "subject" in f.message] == ["Santoso,"]
    appositive = "Meanwhile, the head of the agency, Budi Santoso, said the talks would go on."
    assert not [f for f in run_check("MT005", appositive) if "subject" in f.message]


def test_a_straight_quotation_mark_glued_to_a_word_lacks_a_space_on_its_open_side(run_check):
    text = '"This shows how tough the agency is,"Keith Loveard said. The minister said,"We will wait."'
    findings = [f for f in run_check("MT005", text) if "Missing space" in f.message]
    assert [(f.text, f.suggestion) for f in findings] == [(',"', ',"' + " "), (',"', ', "')]


@pytest.mark.parametrize(
    "text",
    [
        "The pre- and post-war economies differed.",  # a suspended hyphen
        "JAKARTA- Indonesian President Joko Widodo on Monday opened the road.",  # a dateline's dash
        "The rock 'n' roll band played Tuesday's show.",
    ],
)
def test_hyphens_and_apostrophes_used_on_purpose_are_not_flagged(run_check, text):
    assert run_check("MT005", text) == []


def test_a_breadcrumb_trail_of_spaced_colons_is_page_furniture(run_check):
    text = "World News Archive\n\nHome   :  Archive   :  2011   :  Courts\n\nThe court heard the appeal on Monday."
    assert [f for f in run_check("MT005", text) if "space before" in f.message] == []
    assert run_check("MT005", "Chairperson of the council : Every case happened there.")


def test_a_preposition_run_into_its_number_misses_a_space(run_check):
    [finding] = run_check("MT005", "The police also held some children aged from eight to10 years.")
    assert (finding.text, finding.suggestion) == ("to10", "to 10")
    assert run_check("MT005", "The campaign used the hashtag #in2020 and the site to10.com.") == []


def test_a_headline_run_into_the_first_sentence_misses_its_full_stop(run_check):
    text = "Trader Beaten by ThugsPreviously, a video showing the beating went viral on social media."
    [finding] = run_check("MT005", text)
    assert (finding.text, finding.suggestion) == ("ThugsPreviously", "Thugs. Previously")


def test_a_straight_mark_glued_after_a_full_stop_opens_the_next_quotation(run_check):
    # 'to rabies."The next two weeks …' with no quotation open: the mark opens one (the space is missing), so
    # nothing was "closed but never opened".
    text = (
        'All four deaths were confirmed to be due to rabies."The next two weeks are crucial," a health official '
        "said. The department has warned that cases will rise."
    )
    findings = run_check("MT005", text)
    assert not [f for f in findings if "never opened" in f.message or "never closed" in f.message]
    assert [f.suggestion for f in findings if "space" in f.message.lower()]
    # With a quotation open, the same glued mark closes it: 'said, "We are ready."He added …'.
    text = 'The minister said, "We are ready."He added that the budget was approved.'
    assert not [f for f in run_check("MT005", text) if "never" in f.message]


def test_a_paragraph_the_page_broke_pairs_its_quotation_marks_with_the_one_before(run_check):
    # '"… amid low inflation\n\nforecasts," the governor said': one paragraph broken by the page, one quotation.
    text = (
        "Jakarta, Nov 19 (IANS) The central bank held its rate.\n\n"
        '"This decision is in line with the need to maintain stability amid low inflation\n\n'
        'forecasts," the governor said in a virtual press conference.\n\n'
        "The deposit facility rate remains at 2.75 per cent."
    )
    assert not [f for f in run_check("MT005", text) if "quotation" in f.message]
    # A paragraph that ends with a stop is no broken one: its quotation is never closed there.
    text = (
        "The central bank held its rate.\n\n"
        '"This decision is in line with the need to maintain stability.\n\n'
        "forecasts were low, the governor said in a virtual press conference.\n\n"
        "The deposit facility rate remains at 2.75 per cent."
    )
    assert [f for f in run_check("MT005", text) if "never closed" in f.message]


def test_a_quotation_never_opened_in_a_broken_paragraph_starts_after_its_narration(run_check):
    # The page broke the paragraph; the narration before the closing mark is in the second block.
    text = (
        "Siti said the fires spread across the regency\n\n"
        'and the town. According to her, officers are out. We are on alert. It is dry," Siti said.'
    )
    [finding] = [f for f in run_check("MT005", text) if "never opened" in f.message]
    assert (finding.text, finding.suggestion) == ("We", '"We')


def test_a_glued_mark_that_nothing_closes_closed_a_quotation_never_opened(run_check):
    # '… the wind is strong."The police …': read as opening, it would be "never closed" at the paragraph's end; it is
    # the closing mark of a quotation whose opening mark is missing.
    text = (
        'The regent said the village was evacuated. We are on alert and the wind is strong."The police added '
        "more patrols on Monday."
    )
    findings = run_check("MT005", text)
    assert [f.text for f in findings if "never opened" in f.message] == ["We"]
    assert not [f for f in findings if "never closed" in f.message]


def test_a_paragraph_the_page_broke_at_a_comma_is_not_cut_off(run_check):
    text = "Prices rose sharply in the region and in the cities,\n\nand forecasts are lower for the next quarter."
    assert not [f for f in run_check("MT005", text) if "ends with a comma" in f.message]
