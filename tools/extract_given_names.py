"""Regenerate lexicons/<lang>/given_names.tsv from the maintained `names-dataset` package.

names-dataset (https://pypi.org/project/names-dataset/) takes ~14 s and ~250 MB to load,
far too slow for a pre-publication gate, so mtaudit ships a small extract instead: the most
common first names of the source language's country with the share of the gender recorded for
them, and for Indonesian and Malay the name endings that indicate a gender.  Run it by hand when updating
the lexicons (it is not needed at run time):

    python -m venv /tmp/nd && /tmp/nd/bin/pip install names-dataset
    /tmp/nd/bin/python tools/extract_given_names.py id ID 20000
    /tmp/nd/bin/python tools/extract_given_names.py ms MY 20000
    /tmp/nd/bin/python tools/extract_given_names.py en \
        US,GB,AU,CA,IE,NZ,ZA,IN,PH,SG,FR,DE,IT,ES,NL,RU,UA,PL,TR,SA,EG,BR,MX 400
"""

from __future__ import annotations

import sys
from pathlib import Path

# Names used for both genders in Indonesia and Malaysia whatever the dataset's global share
# says (Balinese birth-order names, common Javanese/Malay prefixes).
ALWAYS_AMBIGUOUS = {
    "sri",
    "nur",
    "tri",
    "dwi",
    "andi",
    "dian",
    "ade",
    "made",
    "wayan",
    "nyoman",
    "ketut",
    "putu",
    "komang",
    "kadek",
    "gede",
    "eka",
    "catur",
    "nurul",
    "noor",
    "nor",
}
# Well-known Indonesian names that the extract misses (below the top-N) or leaves undecided (under the 0.85
# share at which a first name decides alone: mtaudit/people/evidence.py), added by hand for the Indonesian pack.
HAND_CURATED = {
    "male": [
        "Aditya",
        "Agus",
        "Ahmad",
        "Airlangga",
        "Andika",
        "Anies",
        "Arief",
        "Arif",
        "Bagus",
        "Bahlil",
        "Bambang",
        "Basuki",
        "Bayu",
        "Bobby",
        "Budi",
        "Dedi",
        "Dimas",
        "Dodi",
        "Dody",
        "Eko",
        "Erick",
        "Fajar",
        "Firman",
        "Galih",
        "Ganjar",
        "Gede",
        "Gibran",
        "Gilang",
        "Hadi",
        "Hari",
        "Harun",
        "Haryanto",
        "Hasan",
        "Hendra",
        "Hendro",
        "Herman",
        "Heru",
        "Imam",
        "Irfan",
        "Ismail",
        "Iwan",
        "Joko",
        "Jokowi",
        "Joni",
        "Jusuf",
        "Kaesang",
        "Krisna",
        "Kurniawan",
        "Kusno",
        "Listyo",
        "Luhut",
        "Lukman",
        "Mahfud",
        "Moeldoko",
        "Mohamad",
        "Mohammad",
        "Muhamad",
        "Muhammad",
        "Nugroho",
        "Prabowo",
        "Pratikno",
        "Purnomo",
        "Rahmat",
        "Ridwan",
        "Rizal",
        "Rudi",
        "Samsul",
        "Sandiaga",
        "Setiawan",
        "Sigit",
        "Slamet",
        "Soekarno",
        "Sugeng",
        "Suharto",
        "Sukarno",
        "Surya",
        "Susilo",
        "Sutopo",
        "Sutrisno",
        "Syahrul",
        "Taufik",
        "Teguh",
        "Tito",
        "Wibowo",
        "Widodo",
        "Yaqut",
        "Yoga",
        "Yudhoyono",
        "Yusuf",
        "Zainal",
        "Zulkifli",
    ],
    "female": [
        "Aisyah",
        "Aminah",
        "Anggun",
        "Ani",
        "Anita",
        "Annisa",
        "Astuti",
        "Ayu",
        "Citra",
        "Dewi",
        "Dina",
        "Erna",
        "Euis",
        "Fatimah",
        "Fitri",
        "Grace",
        "Halimah",
        "Handayani",
        "Ida",
        "Imas",
        "Indah",
        "Intan",
        "Kartini",
        "Khofifah",
        "Kurniasih",
        "Lestari",
        "Lina",
        "Maharani",
        "Megawati",
        "Melati",
        "Nabila",
        "Najwa",
        "Neneng",
        "Nining",
        "Novita",
        "Puspita",
        "Putri",
        "Rahayu",
        "Ratih",
        "Ratna",
        "Retno",
        "Rina",
        "Rini",
        "Risma",
        "Rismaharini",
        "Rosita",
        "Sari",
        "Sinta",
        "Siti",
        "Suciati",
        "Sulastri",
        "Sumarni",
        "Sumiati",
        "Suryani",
        "Susanti",
        "Susi",
        "Tiara",
        "Titik",
        "Tuti",
        "Wahyuni",
        "Wati",
        "Wulan",
        "Yanti",
        "Yenny",
        "Yuliana",
        "Yuni",
        "Zahra",
    ],
}


MIN_SHARE = 0.5  # every known name is kept: a name word says "this is a person", its share how strong a prior it is
SUFFIX_LENGTHS = (3, 4, 5)
SUFFIX_MIN_SUPPORT = 40
SUFFIX_MIN_PURITY = 0.97
# A long ending is nearly a name element of its own (Javanese "-ningsih", "-ningrum"; "-santoso"): a
# handful of names, every one of them one gender, is enough for it.
LONG_SUFFIX_LENGTHS = (6, 7)
LONG_SUFFIX_MIN_SUPPORT = 4
# Between the two: an ending of 4 or 5 letters that 20 names share, every one of them one gender ("-nita": Anita,
# Yunita, Vionita).  The 40-name rule alone misses the Indonesian women's endings that are common in the news
# but rare in the dataset's top lists.
MID_SUFFIX_LENGTHS = (4, 5)
MID_SUFFIX_MIN_SUPPORT = 20


def _share(dataset, name: str) -> tuple[str, float] | None:
    found = dataset.search(name).get("first_name") or {}
    genders = found.get("gender") or {}
    if not genders:
        return None
    male, female = genders.get("Male", 0.0), genders.get("Female", 0.0)
    return ("male", male) if male >= female else ("female", female)


def suffix_model(shares: dict[str, tuple[str, float]]) -> list[tuple[str, str, float, int]]:
    """Name endings that tell the gender in the source country ("-wati", "-iyah"; "-wan"), with their purity
    among the extracted names recorded at least 90% one gender; only endings with enough support and purity."""
    counts: dict[str, dict[str, int]] = {}
    for name, (gender, share) in shares.items():
        if share < 0.9:
            continue
        for length in SUFFIX_LENGTHS + LONG_SUFFIX_LENGTHS:
            if len(name) > length + 1:
                counts.setdefault(name[-length:], {"male": 0, "female": 0})[gender] += 1
    rules = []
    for suffix, by_gender in counts.items():
        support = by_gender["male"] + by_gender["female"]
        gender = max(by_gender, key=by_gender.get)
        purity = by_gender[gender] / support
        if support >= SUFFIX_MIN_SUPPORT and purity >= SUFFIX_MIN_PURITY:
            rules.append((suffix, gender, round(purity, 3), support))
        elif len(suffix) in LONG_SUFFIX_LENGTHS and support >= LONG_SUFFIX_MIN_SUPPORT and purity == 1.0:
            rules.append((suffix, gender, 1.0, support))
        elif len(suffix) in MID_SUFFIX_LENGTHS and support >= MID_SUFFIX_MIN_SUPPORT and purity == 1.0:
            rules.append((suffix, gender, 1.0, support))
    # A longer ending that says no more than a shorter one is redundant.
    kept = [r for r in rules if not any(r[0].endswith(o[0]) and o[0] != r[0] and o[1] == r[1] for o in rules)]
    return sorted(kept)


def main(lang: str, countries: str, per_gender: int) -> None:
    from names_dataset import NameDataset

    dataset = NameDataset()
    shares: dict[str, tuple[str, float]] = {}
    spelled: dict[str, str] = {}
    for alpha2 in countries.split(","):
        top = dataset.get_top_names(n=per_gender, use_first_names=True, country_alpha2=alpha2).get(alpha2, {})
        for name in top.get("M", []) + top.get("F", []):
            key = name.lower()
            if key in shares or not name.isalpha():
                continue
            found = _share(dataset, name)
            if found:
                shares[key] = found
                spelled[key] = name.capitalize()
    rows = {}
    for key, (gender, share) in shares.items():
        if key in ALWAYS_AMBIGUOUS:
            rows[key] = (spelled[key], gender, "0.500", "used for both genders in Indonesia and Malaysia (curated)")
        elif share >= MIN_SHARE:
            rows[key] = (spelled[key], gender, f"{share:.3f}", "names-dataset")
    if lang == "id":
        for gender, names in HAND_CURATED.items():
            for name in names:
                if name.lower() in ALWAYS_AMBIGUOUS:
                    continue  # "Nurul Arifin" is a woman, "Nurul Ghufron" a man
                listed = rows.get(name.lower())
                # The dataset's records decide where they are near-unanimous for the same gender; a curated name
                # they leave undecided ("Agus" 67 % male, "Fitri" 52 % female: Indonesians know better) or give the
                # other gender is what the curation is for.
                if listed is None or listed[3] != "names-dataset" or listed[1] != gender or float(listed[2]) < 0.85:
                    rows[name.lower()] = (name, gender, "", "curated")
        # A both-gender name the dataset's top list lacks is still a name word ("Nurul").
        for key in sorted(ALWAYS_AMBIGUOUS - rows.keys()):
            both = "used for both genders in Indonesia and Malaysia (curated)"
            rows[key] = (key.capitalize(), "female", "0.500", both)
    folder = Path(__file__).resolve().parent.parent / "mtaudit" / "lexicons" / lang
    folder.mkdir(parents=True, exist_ok=True)
    header = [
        f"# First names common in {countries} and the gender recorded for them in the names-dataset package,",
        "# extracted by tools/extract_given_names.py.  share = the share of the dataset's records of that gender",
        "# (0.5 for names used for both genders in Indonesia and Malaysia, whatever the dataset says);",
        "# source = names-dataset, or curated (added by hand, no share).  mtaudit/people/evidence.py says how",
        "# strong a prior each share is.  Columns: name, gender, share, source.  One tab-separated line per name.",
        "name\tgender\tshare\tsource",
    ]
    lines = ["\t".join(row) for row in sorted(rows.values())]
    (folder / "given_names.tsv").write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{folder / 'given_names.tsv'}: {len(lines)} names")
    if lang in ("id", "ms"):
        rules = suffix_model({k: v for k, v in shares.items() if k not in ALWAYS_AMBIGUOUS})
        header = [
            "# Name endings that indicate a gender among first names common in " + countries + ", measured on the",
            f"# names-dataset extract by tools/extract_given_names.py: endings with at least {SUFFIX_MIN_SUPPORT}",
            f"# names recorded at least 90% one gender, of which at least {SUFFIX_MIN_PURITY:.0%} share the gender;",
            f"# endings of {' or '.join(map(str, MID_SUFFIX_LENGTHS))} letters with at least {MID_SUFFIX_MIN_SUPPORT} "
            f"such names, and endings of {' or '.join(map(str, LONG_SUFFIX_LENGTHS))} letters with at least "
            f"{LONG_SUFFIX_MIN_SUPPORT},",
            "# all of one gender.",
            "# Used only for names not in given_names.tsv.  Columns: suffix, gender, purity, support.",
            "suffix\tgender\tpurity\tsupport",
        ]
        lines = [f"{suffix}\t{gender}\t{purity}\t{support}" for suffix, gender, purity, support in rules]
        (folder / "name_suffixes.tsv").write_text("\n".join(header + lines) + "\n", encoding="utf-8")
        print(f"{folder / 'name_suffixes.tsv'}: {len(lines)} endings")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
