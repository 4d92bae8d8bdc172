"""A small, fully known set of exports: the fixture warehouse every query test reads.

Numbers the tests rely on follow from these rows; change them and the expected values
in the tests change with them.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl

AS_OF = date(2026, 11, 26)

INITIATIVES_HEADER = [
    "initiatief_id",
    "naam",
    "gemeente",
    "kern",
    "themas",
    "rechtsvorm",
    "opgericht",
    "fase",
    "vrijwilligers",
    "website",
    "contactpersoon",
    "email",
    "telefoon",
    "omschrijving",
    "geregistreerd_op",
]
# (id, name, gemeente, kern, themas, rechtsvorm, opgericht, fase, vrijwilligers, website,
#  contact, email, phone, omschrijving, geregistreerd_op)
INITIATIVES = [
    (
        "INI-01",
        "Buurtkamer Oost",
        "Utrecht",
        None,
        "zorg;ontmoeting",
        "stichting",
        2015,
        None,
        12,
        "https://buurtkameroost.example.org",
        "Anna de Vries",
        "anna@example.org",
        "06-11111111",
        "Mail Anna de Vries via anna@example.org of bel 06-11111111.",
        datetime(2022, 3, 5),
    ),
    (
        "INI-02",
        "Dorpscoöperatie Werkhoven",
        None,
        "Werkhoven",
        "energie",
        "coöperatie",
        2024,
        None,
        7,
        None,
        "Piet Bakker",
        "piet@example.org",
        "0301234567",
        "Zonnedak op het dorpshuis, postcode 3985 AB 12.",
        datetime(2024, 2, 1),
    ),
    (
        "INI-03",
        "Zorgcoöperatie Maarssen",
        "Maarssen",
        None,
        "zorg_welzijn|wonen",
        "cooperatie",
        2018,
        "ervaren",
        30,
        None,
        None,
        None,
        None,
        "In 2024 is de subsidie gestopt.",
        datetime(2021, 6, 1),
    ),
    (
        "INI-04",
        "Energie Zeist",
        "GM0355",
        None,
        "klimaat",
        "vereniging",
        2023,
        None,
        4,
        None,
        None,
        None,
        None,
        None,
        datetime(2023, 9, 9),
    ),
    (
        "INI-05",
        "Kleine groep Renswoude",
        "Renswoude",
        None,
        "ontmoeting",
        "informeel",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        datetime(2025, 1, 10),
    ),
    (
        "INI-06",
        "Foute gemeente",
        "Utrect",
        None,
        "zorg",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        datetime(2024, 1, 1),
    ),
]

OBSTACLES_HEADER = [
    "knelpunt_id",
    "initiatief_id",
    "gemeente",
    "gemeld_op",
    "thema",
    "categorie",
    "ernst",
    "niveau",
    "omschrijving",
]
OBSTACLES = [
    ("K-01", "INI-01", "Utrecht", "10-03-2024", "zorg", "subsidie", "hoog", "", "Subsidie gestopt"),
    ("K-02", "INI-01", "Utrecht", "01-06-2024", "ontmoeting", "huisvesting", "2", "", ""),
    ("K-03", "INI-02", "Bunnik", "2024-02-10", "energie", "vergunning", "midden", "rijk", ""),
    ("K-04", "INI-03", "Stichtse Vecht", "15-01-2025", "wonen", "financiering", "", "", ""),
    ("K-05", "INI-04", "Zeist", "2025-05-05", "energie", "samenwerking", "1", "gemeente", ""),
    (
        "K-06",
        "INI-04",
        "Zeist",
        "2026-10-01",
        "energie",
        "financiering",
        "3",
        "provincie",
        "Bel 06 1234 5678",
    ),
    ("K-07", "", "Utrecht", "2026-01-15", "zorg_welzijn", "inkoop", "", "rijk", ""),
    ("K-08", "INI-99", "Utrecht", "2025-01-15", "zorg", "inkoop", "", "", ""),
    ("K-09", "INI-05", "Renswoude", "2026-12-01", "ontmoeting", "overig", "", "", ""),
]

RESPONSES_HEADER = ["reactie_id", "knelpunt_id", "datum", "uitkomst", "toelichting"]
RESPONSES = [
    ("R-01", "K-01", "2024-03-15", "ontvangen", ""),
    ("R-02", "K-01", "2024-04-20", "opgelost", "Nieuwe subsidie, bel 030-7654321"),
    ("R-03", "K-02", "2024-09-01", "afgewezen", ""),
    ("R-04", "K-03", "2024-02-12", "ontvangen", ""),
    ("R-05", "K-03", "2024-03-01", "doorverwezen", ""),
    ("R-06", "K-04", "2025-02-01", "in behandeling", ""),
    ("R-07", "K-05", "2025-05-06", "deels opgelost", ""),
    ("R-08", "K-05", "2025-04-01", "ontvangen", ""),
    ("R-09", "K-77", "2025-04-01", "ontvangen", ""),
]


def write_fixture_exports(raw: Path) -> Path:
    """Write the fixture exports into `raw` (xlsx, cp1252 ';' csv, utf-8 tab csv)."""
    raw.mkdir(parents=True, exist_ok=True)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Registraties"
    sheet.append(INITIATIVES_HEADER)
    for row in INITIATIVES:
        sheet.append(list(row))
    workbook.save(raw / "initiatieven_2026.xlsx")

    lines = [";".join(OBSTACLES_HEADER)] + [";".join(row) for row in OBSTACLES]
    (raw / "knelpunten_2026.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))

    lines = ["\t".join(RESPONSES_HEADER)] + ["\t".join(row) for row in RESPONSES]
    (raw / "reacties_2026.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return raw
