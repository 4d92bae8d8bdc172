"""Reference data shipped with the package: municipalities (CBS 2024), regions, aliases.

The facts come from ../shared/reference (see docs/reference-data.md for sources); this
module only reads the CSV files in `data/` and shapes the region tables.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import pandas as pd

from etl.vocabularies import ALL_VOCABULARIES

_DATA = files("etl.reference") / "data"

# Region flags in municipalities.csv, and the big-city area of the meeting notes.
REGIONS: tuple[tuple[str, str, str, str], ...] = (
    (
        "u10",
        "U10",
        "samenwerkingsverband",
        "Twaalf gemeenten rond Utrecht (bron: utrecht10.nl, 2023); de U10 noemt zich "
        "inmiddels ook een netwerk van 16 gemeenten.",
    ),
    (
        "u16",
        "U16",
        "samenwerkingsverband",
        "De U10 plus De Ronde Venen, Lopik, Montfoort en Oudewater; ook de RES-regio.",
    ),
    (
        "regio_amersfoort",
        "Regio Amersfoort",
        "samenwerkingsverband",
        "De zeven Utrechtse "
        "gemeenten van het convenant (Barneveld en Nijkerk doen op onderdelen mee).",
    ),
    (
        "regio_foodvalley",
        "Regio Foodvalley",
        "samenwerkingsverband",
        "Alleen de drie Utrechtse leden: Renswoude, Rhenen, Veenendaal.",
    ),
    ("stad_utrecht", "Stad Utrecht", "stad", "De grote stad, apart getoond in vergelijkingen."),
)
BIG_CITY = "GM0344"


def _read(name: str) -> pd.DataFrame:
    with (_DATA / name).open("rb") as handle:
        return pd.read_csv(handle, dtype=str, keep_default_na=False, encoding="utf-8")


@cache
def municipalities_nl() -> pd.DataFrame:
    """All Dutch municipalities on 1 January 2024 with province and population."""
    return _read("municipalities_nl.csv")


@cache
def province_municipalities() -> pd.DataFrame:
    """The municipalities of the province of Utrecht with their region flags."""
    return _read("municipalities.csv")


@cache
def aliases() -> pd.DataFrame:
    """Former municipalities, places and spelling variants (alias, cbs_code, kind)."""
    return _read("aliases.csv")


def regions() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"region_code": code, "name": name, "kind": kind, "sort_order": i + 1, "note": note}
            for i, (code, name, kind, note) in enumerate(REGIONS)
        ]
    )


def region_members() -> pd.DataFrame:
    flags = province_municipalities()
    parts = [
        pd.DataFrame({"region_code": code, "cbs_code": flags.loc[flags[code] == "1", "cbs_code"]})
        for code, *_ in REGIONS
        if code in flags.columns
    ]
    parts.append(pd.DataFrame({"region_code": ["stad_utrecht"], "cbs_code": [BIG_CITY]}))
    return pd.concat(parts, ignore_index=True).sort_values(["region_code", "cbs_code"])


def vocabulary_terms() -> pd.DataFrame:
    """One row per (vocabulary, code, written form): code, label and each alias."""
    rows = [
        {"vocabulary": vocabulary.name, "code": term.code, "written": written}
        for vocabulary in ALL_VOCABULARIES
        for term in vocabulary.terms
        for written in (term.code, term.label, *term.aliases)
    ]
    return pd.DataFrame(rows)
