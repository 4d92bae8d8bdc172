"""Municipalities and their place names for the demo, read from the shipped reference data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

# The scope that spreads the demo over all 342 municipalities (as etl.reference says).
NATIONAL = "Nederland"
REFERENCE_DIR = Path(__file__).resolve().parent.parent / "reference" / "data"


@dataclass(frozen=True)
class Geography:
    """Municipalities (sorted by CBS code) and, per code, the names that resolve to it."""

    municipalities: pd.DataFrame  # cbs_code, name, population
    places: dict[str, tuple[str, ...]]  # woonplaatsen (kernen), sorted
    variants: dict[str, tuple[str, ...]]  # places and former municipalities != the name


def load_geography(reference_dir: Path = REFERENCE_DIR, province: str = "Utrecht") -> Geography:
    """The municipalities of the province (all 342 for Nederland) with unambiguous place
    names and former names (the shipped aliases know those of Utrecht only)."""
    everyone = pd.read_csv(
        reference_dir / "municipalities_nl.csv", dtype={"cbs_code": str, "province": str}
    )
    if province != NATIONAL:
        everyone = everyone[everyone["province"] == province]
    munis = everyone.loc[:, ["cbs_code", "name", "population"]].sort_values(
        "cbs_code", ignore_index=True
    )
    aliases = pd.read_csv(reference_dir / "aliases.csv", dtype=str)
    # A name that points to two municipalities is rejected as ambiguous by the ETL;
    # the demo must only write names that resolve.
    key = aliases["alias"].str.casefold()
    unique = aliases.assign(key=key).groupby("key")["cbs_code"].transform("nunique") == 1
    aliases = aliases[unique & aliases["kind"].isin(["place", "former_municipality"])]
    names = dict(zip(munis["cbs_code"], munis["name"], strict=True))
    places: dict[str, tuple[str, ...]] = {}
    variants: dict[str, tuple[str, ...]] = {}
    for code in munis["cbs_code"]:
        own = aliases[aliases["cbs_code"] == code]
        places[code] = tuple(sorted(set(own.loc[own["kind"] == "place", "alias"])))
        variants[code] = tuple(sorted(set(own["alias"]) - {names[code]}))
    return Geography(munis, places, variants)
