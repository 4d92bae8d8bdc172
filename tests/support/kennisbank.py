"""Exports for the knowledge base: a starting care co-operative in Bunnik, its planted twin in
Houten, a look-alike in its own municipality, and obstacles of its kinds resolved elsewhere.

Every expected list in tests/readmodel/test_kennisbank.py follows from these rows.
Regions (shipped reference): Bunnik, Houten, Zeist, Woerden are U10 and U16; Amersfoort is
Regio Amersfoort; Renswoude is Regio Foodvalley.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

AS_OF_TEXT = "2026-11-26"

INITIATIVES_HEADER = [
    "initiatief_id",
    "naam",
    "gemeente",
    "kern",
    "themas",
    "rechtsvorm",
    "opgericht",
    "vrijwilligers",
    "website",
    "contactpersoon",
    "omschrijving",
    "zichtbaar",
    "geregistreerd_op",
]
# (id, naam, gemeente, kern, themas, rechtsvorm, opgericht, vrijwilligers, website,
#  contactpersoon, omschrijving, zichtbaar, geregistreerd_op)
INITIATIVES = [
    (
        "KB-START",
        "Zorgcoöperatie Odijk",
        "Bunnik",
        "Odijk",
        "zorg; wonen",
        "coöperatie",
        "2025",
        "8",
        "https://zorgodijk.example.org",
        "Marieke Jansen",
        "Zorgcoöperatie voor ouderen: maaltijden, burenhulp en dagbesteding in het dorp. "
        "Vragen? Mail Marieke Jansen via marieke@example.org.",
        "ja",
        "2025-03-01",
    ),
    (
        "KB-TWIN",
        "Zorgcoöperatie Schalkwijk",
        "Houten",
        "Schalkwijk",
        "wonen|zorg_welzijn",
        "cooperatie",
        "2012",
        "10",
        "",
        "",
        "Zorgcoöperatie voor ouderen met maaltijden, burenhulp en dagbesteding.",
        "Ja",
        "2022-01-15",
    ),
    (
        "KB-NEIGHBOUR",
        "Zorgcoöperatie Bunnik",
        "Bunnik",
        "Bunnik",
        "zorg_welzijn, wonen",
        "cooperatie",
        "2015",
        "9",
        "",
        "",
        "Zorgcoöperatie voor ouderen: maaltijden, burenhulp en dagbesteding in het dorp.",
        "1",
        "2022-02-01",
    ),
    (
        "KB-HALF",
        "Buurthulp Zeist",
        "Zeist",
        "",
        "zorg",
        "stichting",
        "2025",
        "40",
        "",
        "",
        "Buurthulp voor ouderen met boodschappen en vervoer.",
        "true",
        "2025-06-01",
    ),
    (
        "KB-ENERGY",
        "Zonnedak Lombok",
        "Utrecht",
        "Utrecht",
        "energie",
        "vereniging",
        "2010",
        "5",
        "",
        "",
        "Zonnepanelen op de daken van de wijk.",
        "nee",
        "2026-06-01",
    ),
    (
        "KB-PRIVATE",
        "Huiskamer Amersfoort",
        "Amersfoort",
        "",
        "ontmoeting",
        "informeel",
        "",
        "",
        "",
        "",
        "Een huiskamer voor de buurt.",
        "",
        "2024-05-01",
    ),
]

OBSTACLES_HEADER = [
    "knelpunt_id",
    "initiatief_id",
    "gemeente",
    "gemeld_op",
    "thema",
    "categorie",
    "omschrijving",
]
OBSTACLES = [
    # KB-START's own: two unresolved, one resolved.
    ("OB-OPEN-1", "KB-START", "Bunnik", "2026-03-01", "zorg", "subsidie", "Subsidie loopt af"),
    ("OB-OPEN-2", "KB-START", "Bunnik", "2026-05-01", "wonen", "ruimte", "Geen ruimte"),
    ("OB-START-DONE", "KB-START", "Bunnik", "2025-06-01", "zorg", "inkoop", ""),
    # zorg_welzijn / financiering, resolved elsewhere (C1..C3) and not usable (C4, C7).
    ("C1", "KB-TWIN", "Houten", "2025-01-10", "zorg_welzijn", "financiering", ""),
    ("C2", "KB-HALF", "Zeist", "2026-01-05", "zorg_welzijn", "financiering", ""),
    ("C3", "KB-ENERGY", "Amersfoort", "2026-06-01", "zorg_welzijn", "financiering", ""),
    ("C4", "KB-NEIGHBOUR", "Bunnik", "2024-05-01", "zorg_welzijn", "financiering", ""),
    ("C7", "KB-HALF", "Zeist", "2026-02-01", "zorg_welzijn", "financiering", ""),
    # Other kinds: another category, another theme.
    ("C5", "KB-TWIN", "Houten", "2025-02-01", "zorg_welzijn", "regelgeving", ""),
    ("C6", "KB-TWIN", "Houten", "2025-02-01", "wonen", "financiering", ""),
    # wonen / huisvesting, resolved elsewhere.
    ("C8", "KB-PRIVATE", "Woerden", "2025-09-01", "wonen", "huisvesting", ""),
    ("C9", "", "Renswoude", "2026-01-10", "wonen", "huisvesting", ""),
]

RESPONSES_HEADER = ["reactie_id", "knelpunt_id", "datum", "uitkomst", "toelichting"]
RESPONSES = [
    ("R-OPEN-1", "OB-OPEN-1", "2026-03-10", "ontvangen", "Wij kijken ernaar."),
    ("R-DONE", "OB-START-DONE", "2025-07-01", "opgelost", "Contract afgesloten."),
    (
        "R-C1",
        "C1",
        "2025-03-01",
        "opgelost",
        "Subsidie toegekend uit het Wmo-budget; bel 06-12345678",
    ),
    ("R-C2A", "C2", "2026-02-04", "deels opgelost", "Eenmalige startsubsidie toegekend."),
    ("R-C2B", "C2", "2026-06-01", "opgelost", "Structurele subsidie vanaf 2027."),
    ("R-C3", "C3", "2026-07-01", "opgelost", "Structurele bijdrage in de begroting."),
    ("R-C4", "C4", "2024-06-01", "opgelost", "Opgelost in Bunnik zelf."),
    ("R-C5", "C5", "2025-03-01", "opgelost", "Vergunning verleend."),
    ("R-C6", "C6", "2025-03-01", "opgelost", "Bijdrage voor het woonhofje."),
    ("R-C7", "C7", "2026-03-01", "afgewezen", "Geen budget."),
    ("R-C8", "C8", "2025-10-01", "opgelost", "Gemeente stelt een ruimte ter beschikking."),
    ("R-C9", "C9", "2026-02-09", "opgelost", ""),
]


def _csv(header: list[str], rows: list[tuple]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def write_kennisbank_exports(raw: Path) -> Path:
    """The knowledge base exports as three ';' csv files in `raw`."""
    raw.mkdir(parents=True, exist_ok=True)
    (raw / "initiatieven_kennisbank.csv").write_bytes(_csv(INITIATIVES_HEADER, INITIATIVES))
    (raw / "knelpunten_kennisbank.csv").write_bytes(_csv(OBSTACLES_HEADER, OBSTACLES))
    (raw / "reacties_kennisbank.csv").write_bytes(_csv(RESPONSES_HEADER, RESPONSES))
    return raw
