"""Regenerate lexicons/<lang>/given_names.tsv from the maintained `names-dataset` package.

names-dataset (https://pypi.org/project/names-dataset/) takes ~14 s and ~250 MB to load,
far too slow for a pre-publication gate, so mtaudit ships a small extract instead: the most
common first names of the source language's country whose recorded gender is at least 90%
one way.  Run it by hand when updating the lexicons (it is not needed at run time):

    python -m venv /tmp/nd && /tmp/nd/bin/pip install names-dataset
    /tmp/nd/bin/python tools/extract_given_names.py id ID 1500
    /tmp/nd/bin/python tools/extract_given_names.py ms MY 1000
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
SHARE = 0.9
# Well-known Indonesian names that the extract misses (below the top-N or under the share),
# added by hand for the Indonesian pack.
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
        "Endang",
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
        "Nurul",
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


def main(lang: str, countries: str, per_gender: int) -> None:
    from names_dataset import NameDataset

    dataset = NameDataset()
    rows = {}
    country = countries
    for code, gender in (("M", "male"), ("F", "female")):
        names = []
        for alpha2 in countries.split(","):
            top = dataset.get_top_names(n=per_gender, use_first_names=True, country_alpha2=alpha2).get(alpha2, {})
            names += top.get(code, [])
        for name in names:
            key = name.lower()
            if key in ALWAYS_AMBIGUOUS or key in rows or not name.isalpha():
                continue
            found = dataset.search(name).get("first_name") or {}
            share = (found.get("gender") or {}).get("Male" if code == "M" else "Female", 0)
            if share >= SHARE:
                rows[key] = (name.capitalize(), gender)
    if lang == "id":
        for gender, names in HAND_CURATED.items():
            for name in names:
                rows.setdefault(name.lower(), (name, gender))
    target = Path(__file__).resolve().parent.parent / "mtaudit" / "lexicons" / lang / "given_names.tsv"
    target.parent.mkdir(parents=True, exist_ok=True)
    header = [
        f"# First names common in {country} and the gender they indicate (>= {SHARE:.0%} one way), extracted",
        "# from the names-dataset package by tools/extract_given_names.py; the weakest evidence mtaudit uses",
        "# for a person's gender (it never decides alone). Names used for both genders are left out.",
        "# Columns: name, gender (male/female). One tab-separated line per name; edit freely.",
        "name\tgender",
    ]
    lines = [f"{name}\t{gender}" for name, gender in sorted(rows.values())]
    target.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{target}: {len(lines)} names")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
