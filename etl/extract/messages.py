"""Dutch message templates of the extract step, in one place so a translation can follow."""

from __future__ import annotations

# Whole-file rejects. {file} is the path relative to data/raw/, {where} adds the sheet.
FILE_UNREADABLE = "Bestand {file} kan niet geopend worden."
NOT_TEXT = "Bestand {file} is geen tekstbestand (csv) en kan niet gelezen worden."
UTF16 = (
    "Bestand {file} is opgeslagen als UTF-16 ('Unicode-tekst'); sla het op als "
    "'CSV UTF-8' of 'CSV (gescheiden door lijstscheidingsteken)'."
)
UNCLOSED_QUOTE = (
    'Bestand {file} kan niet gelezen worden: het aanhalingsteken (") dat in rij {row} '
    "begint, wordt nergens afgesloten."
)
CSV_UNPARSEABLE = (
    "Bestand {file} kan niet gelezen worden als csv-bestand; controleer of het een "
    "geldige export is."
)
XLSX_UNREADABLE = "Bestand {file} is geen leesbaar Excel-bestand (.xlsx)."
XLSX_PASSWORD = "Bestand {file} is met een wachtwoord beveiligd; sla het op zonder wachtwoord."
MISSING_REQUIRED = (
    "Bestand {file}{where} mist de verplichte kolom(men) {missing}; gevonden kolommen: {found}."
)
MISSING_ALL_OPTIONAL = (
    "Bestand {file}{where} heeft geen van de kolommen {columns}; gevonden kolommen: {found}."
)
SHEET = " (blad '{sheet}')"
NO_HEADERS = "(geen)"

# Entries of Extracted.unknown_columns next to plain unknown headers.
DUPLICATE_HEADER = "{header} (tweede kolom voor '{column}', genegeerd)"
UNNAMED_COLUMN = "(kolom {number} zonder kopnaam)"


def quoted_list(names: list[str]) -> str:
    """'a', 'b' — how column names appear inside a message."""
    return ", ".join(f"'{name}'" for name in names)


def plain_list(names: list[str]) -> str:
    return ", ".join(names) if names else NO_HEADERS
