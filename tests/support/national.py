"""A small national fixture: two municipalities of every province, a few rows each.

Enough to build a warehouse for any province or for Nederland in well under a second, and
to see which rows a scope keeps and which it rejects as out of scope.
"""

from __future__ import annotations

import csv
from pathlib import Path

from etl import reference

# Per province the two municipalities with the lowest CBS codes; each gets one initiative,
# two obstacles (one written by name, one by CBS code) and one response.
PER_PROVINCE = 2


def fixture_municipalities() -> list[tuple[str, str, str]]:
    """(cbs_code, name, province) of the fixture's municipalities, by province then code."""
    everyone = reference.municipalities_nl().sort_values(["province", "cbs_code"])
    picked = everyone.groupby("province", sort=True).head(PER_PROVINCE)
    return list(picked[["cbs_code", "name", "province"]].itertuples(index=False, name=None))


def _write(path: Path, header: list[str], rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_national_fixture(raw: Path) -> Path:
    """Initiatives, obstacles and responses spread over every province, as csv exports."""
    raw.mkdir(parents=True, exist_ok=True)
    initiatives, obstacles, responses = [], [], []
    for i, (code, name, _province) in enumerate(fixture_municipalities(), start=1):
        initiatives.append([f"INI-{i:03d}", f"Initiatief {i}", name, "2023-05-01"])
        obstacles.append([f"K-{i:03d}a", f"INI-{i:03d}", name, "2024-02-01", "zorg", "subsidie"])
        obstacles.append([f"K-{i:03d}b", "", code, "2024-03-01", "wonen", "regels"])
        responses.append([f"R-{i:03d}", f"K-{i:03d}a", "2024-02-20", "opgelost"])
    _write(
        raw / "initiatieven_nl.csv",
        ["initiatief_id", "naam", "gemeente", "geregistreerd_op"],
        initiatives,
    )
    _write(
        raw / "knelpunten_nl.csv",
        ["knelpunt_id", "initiatief_id", "gemeente", "gemeld_op", "thema", "categorie"],
        obstacles,
    )
    _write(raw / "reacties_nl.csv", ["reactie_id", "knelpunt_id", "datum", "uitkomst"], responses)
    return raw
