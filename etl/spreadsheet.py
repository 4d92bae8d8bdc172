"""Tables handed to people who open them in Excel: formula-safe cells, Dutch-Excel CSV, xlsx."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter

# A cell starting with one of these is run as a formula by spreadsheet programs
# (CSV/formula injection); a leading apostrophe makes it plain text.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
PROVENANCE_SHEET = "Bron"
SYNTHETIC_NOTE = "SYNTHETISCHE DEMOGEGEVENS: verzonnen initiatieven, geen echte meldingen."
# Widest column Excel opens with; longer text stays in the cell, it is only not shown whole.
MAX_COLUMN_WIDTH = 60


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would evaluate get a leading apostrophe."""

    def safe(column: pd.Series) -> pd.Series:
        if not (pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column)):
            return column
        text = column.astype("string")
        risky = text.str.startswith(FORMULA_PREFIXES).fillna(False)
        return text.mask(risky, "'" + text)

    return frame.apply(safe)


def excel_csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV that Dutch Excel opens correctly: UTF-8 with BOM, semicolon-separated."""
    return neutralise_formulas(frame).to_csv(sep=";", index=False).encode("utf-8-sig")


def write_excel_csv(frame: pd.DataFrame, path: Path) -> None:
    """`excel_csv_bytes` written to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(excel_csv_bytes(frame))


def _xlsx_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Formula-safe text without the control characters xlsx cannot hold; dates as dates.

    openpyxl writes any string starting with '=' as a formula, so neutralising matters
    here as much as in CSV. Dates without a time become Excel dates, not date-times.
    """
    safe = neutralise_formulas(frame)
    for name in safe.columns:
        column = safe[name]
        if pd.api.types.is_string_dtype(column):
            safe[name] = column.str.replace(ILLEGAL_CHARACTERS_RE, "", regex=True)
        elif (
            pd.api.types.is_datetime64_any_dtype(column)
            and (column.dropna() == column.dropna().dt.normalize()).all()
        ):
            safe[name] = column.dt.date
    return safe


def _fit_columns(sheet, frame: pd.DataFrame) -> None:
    for number, name in enumerate(frame.columns, start=1):
        longest = frame[name].astype("string").str.len().max()
        longest = 0 if pd.isna(longest) else int(longest)
        width = min(MAX_COLUMN_WIDTH, max(len(str(name)), longest) + 2)
        sheet.column_dimensions[get_column_letter(number)].width = width


def write_xlsx(
    frame: pd.DataFrame,
    *,
    sheet: str = "Gegevens",
    provenance: Mapping[str, object] | None = None,
    synthetic: bool = False,
) -> bytes:
    """An xlsx workbook as bytes: the table (formula-safe) and a 'Bron' sheet.

    The 'Bron' sheet lists `provenance` (label, value), headed by SYNTHETIC_NOTE when the
    data are synthetic, so a table passed on by e-mail still says where it came from.
    """
    return write_xlsx_sheets({sheet: frame}, provenance=provenance, synthetic=synthetic)


def write_xlsx_sheets(
    sheets: Mapping[str, pd.DataFrame],
    *,
    provenance: Mapping[str, object] | None = None,
    synthetic: bool = False,
) -> bytes:
    """`write_xlsx` with several tables, one sheet each (names as given: at most 31
    characters, unique), then the 'Bron' sheet."""
    rows = [(label, str(value)) for label, value in (provenance or {}).items()]
    if synthetic:
        rows.insert(0, ("Let op", SYNTHETIC_NOTE))
    source = neutralise_formulas(pd.DataFrame(rows, columns=["Gegeven", "Waarde"], dtype="string"))
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            table = _xlsx_safe(frame)
            table.to_excel(writer, sheet_name=name, index=False)
            writer.sheets[name].freeze_panes = "A2"
            _fit_columns(writer.sheets[name], table)
        _xlsx_safe(source).to_excel(writer, sheet_name=PROVENANCE_SHEET, index=False)
        _fit_columns(writer.sheets[PROVENANCE_SHEET], source)
    return buffer.getvalue()
