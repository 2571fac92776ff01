"""Clean professional English that an earlier version flagged (found in code review).
None of these may produce a finding at warning level or above."""

import pytest

from mtaudit.model import Document, Severity
from mtaudit.pipeline import without_company

CLEAN = [
    "The exhibition explored yin and yang in Chinese art.",
    "He holds a fifth dan black belt in karate.",
    "Banca Monte dei Paschi di Siena reported a profit.",
    "Athletes competed in pencak silat and sepak takraw.",
    "Pilgrims on umrah must pay zakat before leaving.",
    "Zhang Mei, a 34-year-old teacher, said the school reopened.",
    "Pasar Minggu residents said the market flooded.",
    "Details are at https://www.kemenkeu.go.id/publikasi and by e-mail to redaksi@tempo.co today.",
    "Spanish sports daily AS reported the transfer.",
    "Shares of Wilhelmsen Holding AS rose.",
    "LIVE: AS IT HAPPENED",
    "He studied in Cambridge, MA, for a year.",
    "She lives in Providence, RI, now.",
    "Poland, then an Iron Curtain country, sent athletes.",
    "Sichuan is panda country.",
    "Kim Jong Un, accompanied by his daughter and senior officials, inspected the site.",
    "The Jakarta International Stadium, opened in 2022 at a cost of $300 million, hosted the final.",
    "Albanese thanked Prabowo, visited the Kalibata Heroes Cemetery and left.",
    "Persib, led by a Croatian coach, won the league.",
    "Springfield, Ill., and Sacramento, Calif., both voted.",
    "The study (Smith et al., 2020) was cited.",
    "The plan weighs 1) cost, 2) time and 3) risk.",
    'Witnesses heard a "loud bang" they said lasted seconds.',
    "The 6'2\" striker scored twice.",
    "The court ruled 5 : 4 in favour.",
    "Mount Marapi erupted. Mount Merapi is quiet.",
    "Particles smaller than 2.5 μm are dangerous.",
    'Ms Retno Marsudi met her Chinese counterpart. "He understands our position," she told reporters.',
    'Mrs Megawati praised the late president. "He built this nation," Megawati said.',
    "Her predecessor, Bambang Brodjonegoro, said he had full confidence in her.",
    'The minister said "the plan [/] will fail".',
    # From the third round of real professional articles:
    "The U-20 squad trained at Bung Karno Stadium in Jakarta.",
    "Residents call her Bu Wali (mother mayor). Bu Wali visited the market every week.",
    "Vice President Ma’ruf Amin attended the meeting.",
    "The drama aired on tvN last year.",
    "Syariah Criminal Offences dominated the courts this year.",
    "Nothing would change unless a Perppu (government regulation in lieu of law) is issued.",
    # From the clean-news probe (corpora/dev/clean/p*.txt):
    '"The rakyat are worried," said its secretary-general, Azmin Ali, using the Malay word for "the people."',
    "Many workers receive a religious holiday allowance, or THR, equal to one month's salary.",
    "Vice President Sara Duterte resigned. Marcos accepted the resignation and thanked her for her service, "
    "his office said.",
    "Rusli Chaniago said he cooks rendang. Nearby, Vietnamese cook Nguyen Thi Lan will serve pho that she simmers.",
    "Hutchins was unopposed in his party's primary. In her victory speech in Reno, Whitfield promised child care.",
    # Professional copy from the real-article issue: page furniture, headline style, scripts in brackets.
    "North Korea Fires Missile, Japan Says : State media\n\nBy Kim Jae-heun\n"
    "Published : June 12, 2024 - 15:20 Updated : June 12, 2024 - 17:01",
    "BTS member Jin (진) met fans in Seoul, and Chinese President Xi Jinping (习近平) sent a message.",
    '"We will respond," a spokesperson said. “The drills continue," the agency added.',
    "North Koreans gathered in Pyongyang as North Korea's leader spoke.",  # D3: two words, not two spellings
    "the national disaster agency, BNPB, said 47 climbers were stranded.",
    "Kamis, 30 Maret 2023\n\nKPK Arrests Papua Governor after Four Months\n\n10 Jan 2023 | 14:39 WIB",
    "JAKARTA (Reuters) - Indonesia's central bank held its benchmark rate at 6% on Wednesday.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_english_has_no_warnings(run_check, text):
    from mtaudit.checks import REGISTRY

    findings = set()
    for code in REGISTRY:
        if REGISTRY[code].needs_reference:
            continue
        findings.update(run_check(code, text))
    # As the pipeline rates them: a trait of house style alone (mixed quotation marks) is info.
    findings = without_company(findings, Document(path="a.txt", text=text, format="text"))
    assert [(f.code, f.text) for f in findings if f.severity >= Severity.WARNING] == []
