import pytest

from mtaudit.model import Severity


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Shin Tae-yong told the media crew after training.", "media crew", "reporters"),
        ("The KPK held a case title on Monday.", "case title", "case review"),
        (
            "Investigators explained the construction of the case.",
            "the construction of the case",
            "the details of the case",
        ),
        ("He said there is a shrimp behind the rock.", "there is a shrimp behind the rock", "a hidden agenda"),
        ("Police secured five suspects in Bekasi.", "secured five suspects", "detained"),
        ("For information, the KPK named him a suspect.", "For information,", ""),
        (
            "It is known that the suspect fled to Bali.",
            "It is known that",
            "",
        ),
        ("From the raid, it was known that 73 motorcycles had no papers.", "it was known that", ""),
        ("It is currently known that the budget is large.", "It is currently known that", ""),
        ("It is known, four players have played their first match.", "It is known,", ""),
        ("He said so when confirmed about the new policy.", "when confirmed", "when contacted"),
        (
            "It was not conveyed in detail the number of employees who were questioned.",
            "It was not conveyed in detail",
            "(he/she) did not give details of",
        ),
        (
            "Actor Tora Sudiro is trusted to play in the latest horror film.",
            "is trusted to play",
            "cast / chosen",
        ),
        (
            "Police Chief Kombes Dony Alexander said that his party found 68 bottles.",
            "his party",
            '(he/she, or the institution: "the police", "the ministry")',
        ),
        # Outside a paragraph about parties and elections "his party" is the speaker's side: the office, or "she".
        (
            "The head of the health office said her party would check every school this week.",
            "her party",
            '(he/she, or the institution: "the police", "the ministry")',
        ),
        (
            "The office held the socialization of the new admission rules for parents.",
            "socialization",
            "outreach / inform the public about",
        ),
        (
            "The agency will socialize the policy to residents next week.",
            "socialize",
            "outreach / inform the public about",
        ),
        ("Police seized a sharp weapon from the suspect.", "sharp weapon", "knife / machete / bladed weapon"),
        ("The rule applies to all education units in the city.", "education units", "schools"),
        ("Investigators made the arrests in a silent operation.", "silent operation", "covert operation"),
        (
            "Police seized 2 kg of crystal meth in the disclosure of a drug case in Medan.",
            "the disclosure",
            "the police uncovered / the bust of",
        ),
        ("The minister floated the discourse of postponing the election.", "discourse", "plan / proposal / idea"),
        (
            "Prices rose 2 percent, he said in Jakarta, Monday, confiscated by Antara.",
            "confiscated by Antara",
            "Antara reported / according to Antara",
        ),
        ("The victim worked as a household assistant in Medan.", "household assistant", "domestic worker / maid"),
        ("The state treasurer said the deficit would narrow.", "state treasurer", "finance minister"),
        ("The KPK has 1x24 hours to determine their status.", "1x24 hours", "24 hours"),
        ("The KPK arrested 11 people in a hand arrest operation.", "hand arrest operation", "sting operation"),
        ("The law will serve as a legal umbrella for victims.", "legal umbrella", "legal basis / legal framework"),
        ("Many business actors now sell online.", "business actors", "businesses / business people"),
        ("He was left behind by the figure of Ganjar Pranowo.", "the figure of", ""),
        ("Prices rose, Tito said, quoting Antara.", "quoting Antara", "as quoted by Antara / Antara reported"),
        ("The court allowed the trial to be held online or online.", "online or online", "online or offline"),
        (
            "Police are ready for elections and elections in 2024.",
            "elections and elections",
            "general and regional elections",
        ),
        ("He asked the ranks of the city government to act.", "the ranks of", "officials of / staff of"),
        (
            "The results cannot be separated from the coaches' support.",
            "cannot be separated from",
            "is due to / is linked to",
        ),
        ("Not to forget, the minister asked for help.", "Not to forget,", "in addition,"),
        (
            "Police dispersed the mass of action with tear gas.",
            "the mass of action",
            "the protesters / the demonstrators",
        ),
        (
            "The mayor instructed the regional apparatus to speed up the reports.",
            "regional apparatus",
            "regional government agencies",
        ),
        (
            "His party will also inspect the markets before the holiday, the agency said.",
            "His party",
            '(he/she, or the institution: "the police", "the ministry")',
        ),
        ("Inflation is targeted at 3 percent plus minus 1 percent.", "plus minus", "plus or minus"),
        ("Perry ensured that the rupiah would stay stable.", "ensured that", "said that / gave assurances that"),
        ("The KPK also ensures that the probe will go on.", "ensures that", "said that / gave assurances that"),
        ("The suspect is accused of receiving gratification.", "gratification", "gratuities (gifts to officials)"),
        ("Three perpetrators of the persecution were arrested.", "persecution", "assault / abuse"),
        ("The Ganjar-Mahfud National Winning Team met on Monday.", "National Winning Team", "campaign team"),
        (
            "The allegation then became the spotlight of the commission.",
            "became the spotlight",
            "came under scrutiny / drew attention",
        ),
        ("She will run again in the 2024 Pilkada contestation.", "contestation", "race / contest"),
        ("The increasingly sloping rate of inflation helped the rupiah.", "sloping", "easing / declining"),
        ("He warned naughty entrepreneurs who hoard rice.", "naughty", "rogue / unscrupulous"),
        ("Heavy rains that flushed the area caused the river to overflow.", "flushed", "drenched / pounded"),
        ("Regional heads who are promoted by the PDI-P must campaign.", "promoted", "nominated / fielded"),
        ("Six names are to be promoted in the 2024 Pilkada.", "promoted", "nominated / fielded"),
        ("The chairman of the DPR RI, Puan Maharani, rejected the idea.", "chairman", "Speaker"),
        (
            "Medan still has problems. Starting from floods to dirty streets.",
            "Starting from",
            "They range from / These include",
        ),
    ],
)
def test_formulas_are_flagged_with_their_fix(run_check, text, span, fix):
    [finding] = run_check("MT008", text)
    assert (finding.text, finding.suggestion, finding.severity) == (span, fix, Severity.WARNING)
    assert finding.evidence.startswith("lexicon id/calques.tsv:")


@pytest.mark.parametrize(
    "text",
    [
        "The party's chairman spoke to reporters.",
        "Rescuers secured the building before nightfall.",  # "secured" of a thing is English
        "The title of the case was changed in court.",
        "He went down to the basement.",
        "Prabowo said his party would back the bill.",  # a politician's party is his party
        "Coordinating Minister and Golkar chairman Airlangga said his party would win.",
        "The governor, who is also a Nasdem official, said his party would decide by March.",
        "Rina said her party colleagues had voted against the plan.",
        "Children socialize with their classmates at recess.",
        "The company made a full disclosure of its debts to investors.",
        "Customs officers confiscated 20 kg of cocaine, Antara reported.",
        "The scandal dominated public discourse on whether the law should change.",
        "Sociologists say the socialization of boys starts early.",
        "The senator left his party after the vote.\n\nHis party, meanwhile, lost two seats in the election.",
        # "For information," opens a sentence of narration; a portfolio or a speaker's own words are English.
        "The Minister for Information, Transport and Mass Transit visited the camps.",
        "“For your information, the report was lodged last week,” the lawyer said.",
        # A US state's treasurer is an office of its own; a plus-minus rating is English.
        "Ohio State Treasurer Robert Sprague said the state treasurer's office would invest in bonds.",
        "Former mayor Moreau was second, and state Treasurer Andrea Kim was third.",
        "He finished the season with a plus-minus of 12.",
        "The village apparatus reported the attack to the security apparatus.",
        "He imagined the figure of his late mother.",
        "Exports reached the figure of Rp 5 trillion, and he is a key figure of Indonesian cinema.",
        "He rose through the ranks of the Army after he was recruited from the ranks of the police.",
        "The country joined the ranks of the G20 economies, moving into the ranks of higher-income nations.",
        "Cadres are asked not to forget themselves.",
        "The mass of the ship was measured.",
        "She is still in the ranks of the NU Executive Board.",
        "Funds go through Regional Apparatus Organizations (OPD).",
        "He left early because according to the schedule the train was full.",
        # "it is known that" inside a clause, "trusted to" of a duty: English.
        "Investigators asked whether it was known that the bridge was unsafe.",
        "It is now known that the virus spreads through the air.",
        "Directors are trusted to act in the best interests of shareholders.",
        "Central banks are trusted to be independent, and he has been trusted to become leader.",
        # "ensure" of a duty, an opinion in the first person, pleasure, persecution for beliefs, a match's winner.
        "The rules ensure that workers are paid, and officers will ensure that the roads stay open.",
        "“We assessed that the risk was low,” the bank said.",
        "Social media feeds a culture of instant gratification.",
        "The report documents the political persecution of dissidents.",
        "The winning team lifted the trophy after the final.",
        "The house has a sloping roof, and the naughty children flushed the toilet.",
        "He was promoted to the top post, and he was promoted by the President to general.",
        "The chairman of the House Commission III and the chairman of the MPR spoke.",
        "Starting from there, all humans are equal, and prices rise starting from Monday.",
    ],
)
def test_legitimate_english_is_not_a_calque(run_check, text):
    assert run_check("MT008", text) == []


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        # Formulas the real articles' annotators fixed in fewer than half of the articles that have them: a note.
        ("PDIP general chairman Megawati spoke.", "general chairman", "chair"),
        ("Prices rose, quoted from Antara, Thursday.", "quoted from Antara", "Antara reported / according to Antara"),
        ("The man familiarly called Aa runs the stall.", "familiarly called", "known as"),
        ("Puan assessed that the teacher's courage deserved praise.", "assessed that", "said that / believes that"),
        ("The suspect is threatened with 9 years in prison.", "is threatened with", "faces / could face"),
        ("Cases rose. Because according to him, the rain spread it.", "Because according to", "according to"),
    ],
)
def test_formulas_editors_often_keep_are_notes(run_check, text, span, fix):
    [finding] = run_check("MT008", text)
    assert (finding.text, finding.suggestion, finding.severity) == (span, fix, Severity.INFO)
