"""Reference data shipped with the package: municipalities (CBS 2024), regions, aliases.

The facts come from ../shared/reference (see docs/reference-data.md for sources); this
module only reads the CSV files in `data/` and knows which province names exist.
The regions are data too: `regions.csv` lists the shipped groupings per scope (a province,
or `Nederland`), `region_members.csv` their members; a region of kind `provincie` has the
municipalities of that province as members.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib.resources import files

import pandas as pd

from etl.vocabularies import ALL_VOCABULARIES

_DATA = files("etl.reference") / "data"

# The scope that means the whole country: every municipality, the provinces as regions.
NATIONAL = "Nederland"
# Region kinds (core.regions.kind). A 'stad' region is a big-city area the comparisons can
# show apart; 'provincie' regions take their members from the municipality list.
REGION_KINDS = ("samenwerkingsverband", "stad", "provincie")
CITY_KIND = "stad"
PROVINCE_KIND = "provincie"
# The scope of a warehouse when nothing else is said (OMZIEN_PROVINCE's default).
DEFAULT_SCOPE = "Utrecht"
# Other spellings of a province that people write; the official (CBS) name is canonical.
PROVINCE_ALIASES = {"friesland": "Fryslân"}

_NOT_KEY = re.compile(r"[^a-z0-9]+")


def _key(text: str) -> str:
    """Case-, accent-, space- and hyphen-free form: ' Noord Holland ' -> 'noordholland'."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_KEY.sub("", bare.lower())


def _read(name: str) -> pd.DataFrame:
    with (_DATA / name).open("rb") as handle:
        return pd.read_csv(handle, dtype=str, keep_default_na=False, encoding="utf-8")


@cache
def municipalities_nl() -> pd.DataFrame:
    """All Dutch municipalities on 1 January 2024 with province and population."""
    return _read("municipalities_nl.csv")


@cache
def province_municipalities() -> pd.DataFrame:
    """The municipalities of the province of Utrecht (the CBS facts of the first network)."""
    return _read("municipalities.csv")


@cache
def aliases() -> pd.DataFrame:
    """Former municipalities, places and spelling variants (alias, cbs_code, kind)."""
    return _read("aliases.csv")


@cache
def provinces() -> tuple[str, ...]:
    """The twelve provinces by their CBS names, in CBS order (north to south)."""
    shipped = _read("regions.csv")
    return tuple(shipped.loc[shipped["kind"] == PROVINCE_KIND, "name"])


def scopes() -> tuple[str, ...]:
    """Every value a warehouse may cover: the twelve provinces, then the whole country."""
    return (*provinces(), NATIONAL)


def canonical_province(text: str | None) -> str | None:
    """The scope `text` names (case, accents, spaces and hyphens ignored; Friesland is
    Fryslân); None when it names none."""
    if text is None:
        return None
    key = _key(text)
    if not key:
        return None
    known = {_key(name): name for name in scopes()}
    known |= {alias: name for alias, name in PROVINCE_ALIASES.items()}
    return known.get(key)


def municipalities_in(scope: str) -> pd.DataFrame:
    """The municipalities a warehouse of `scope` covers (a province, or all for Nederland)."""
    everyone = municipalities_nl()
    if scope == NATIONAL:
        return everyone
    return everyone[everyone["province"] == scope]


def regions(scope: str = DEFAULT_SCOPE) -> pd.DataFrame:
    """The shipped regions of a scope: region_code, name, kind, sort_order, note."""
    shipped = _read("regions.csv")
    mine = shipped[shipped["scope"] == scope].reset_index(drop=True)
    return mine.assign(sort_order=range(1, len(mine) + 1))[
        ["region_code", "name", "kind", "sort_order", "note"]
    ]


def region_members(scope: str = DEFAULT_SCOPE) -> pd.DataFrame:
    """The members of the shipped regions of a scope: region_code, cbs_code."""
    mine = regions(scope)
    listed = _read("region_members.csv")
    listed = listed[listed["region_code"].isin(mine["region_code"])]
    by_province = mine[mine["kind"] == PROVINCE_KIND][["region_code", "name"]].merge(
        municipalities_nl()[["cbs_code", "province"]], left_on="name", right_on="province"
    )
    members = pd.concat([listed, by_province[["region_code", "cbs_code"]]], ignore_index=True)
    return members.sort_values(["region_code", "cbs_code"], ignore_index=True)


def vocabulary_terms() -> pd.DataFrame:
    """One row per (vocabulary, code, written form): code, label and each alias."""
    rows = [
        {"vocabulary": vocabulary.name, "code": term.code, "written": written}
        for vocabulary in ALL_VOCABULARIES
        for term in vocabulary.terms
        for written in (term.code, term.label, *term.aliases)
    ]
    return pd.DataFrame(rows)
