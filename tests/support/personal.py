"""A load full of personal data in every place an export can put it, for the privacy scans."""

from __future__ import annotations

import re
from pathlib import Path

PERSONAL = [
    "Klaas Klaassen",
    "Klaassen",
    "Marieke van der Wal",
    "Wal",
    "Ans",
    "klaas@privé.nl",
    "jöran@example.org",
    "0687654321",
    "06-11111111",
    "030 – 123 45 67",
    "3511 ab 12",
    "3511AB12",
]


def write_personal_everywhere(raw: Path) -> None:
    """Personal data in free text, names, places, websites, surplus cells, unknown headers,
    rejected values and a headerless file; an erased initiative rejected in load 1."""
    raw.mkdir(parents=True, exist_ok=True)
    head = "initiatief_id;naam;gemeente;kern;website;contactpersoon;omschrijving;geregistreerd_op"
    vragen = "vragen aan jan@x.nl of 06-11111111"
    rows = [
        f"{head};{vragen}",
        "P1;Huiskamer van Klaassen;Utrecht;;www.klaassen.nl;Klaas Klaassen;"
        "Bel Klaas op 0687654321 of mail klaas@privé.nl;2024-01-01;x",
        "P2;Buurtkamer Ans;Utrecht;Marieke van der Wal;;Marieke van der Wal;"
        "Mevrouw Van der Wal, 030 – 123 45 67, 3511 ab 12;2024-01-01;",
        "P3;Tuin;Utrecht jöran@example.org;;;Ans Bakker;"
        "Ans en Wal, adres 3511AB12;2024-01-01;;overbodig 06-11111111;Klaassen",
        "P4;Geheim;Utrect Klaassen;;;Jan Geheim;Jan Geheim belt;2024-01-01;",
    ]
    (raw / "initiatieven_a.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (raw / "initiatieven_x.csv").write_text(
        "I9;Buurtkamer;Utrecht;;zorg;;;;;;Klaas Klaassen;klaas@privé.nl;0687654321;Klaas belt;"
        "2024-01-01\n",
        encoding="utf-8",
    )
    (raw / "knelpunten.csv").write_text(
        "knelpunt_id;initiatief_id;gemeente;gemeld_op;thema;categorie;omschrijving\n"
        "PK1;P1;Utrecht;2024-02-01;zorg;subsidie;Klaassen zegt: bel (030) 123 45 67\n"
        "PK2;P2;Utrecht;2024-02-01;zorg;subsidie;Marieke belt 06 - 11111111\n",
        encoding="utf-8",
    )
    (raw / "reacties.csv").write_text(
        "reactie_id;knelpunt_id;datum;uitkomst;toelichting\n"
        "PR1;PK1;2024-03-01;ontvangen;Terug naar Ans, 3511 ab 12\n"
        "PR2;PK2;2024-03-01;weet Klaassen;n.v.t.\n",
        encoding="utf-8",
    )


def personal_strings_in(text: str) -> list[str]:
    """The personal strings of PERSONAL (and the erased 'Geheim') found as words in text."""
    return [
        personal
        for personal in [*PERSONAL, "Geheim"]
        if re.search(rf"(?<!\w){re.escape(personal)}(?!\w)", text, re.I)
    ]
