"""Tables handed to people who open them in Excel: formula-safe cells, Dutch-Excel CSV."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

# A cell starting with one of these is run as a formula by spreadsheet programs
# (CSV/formula injection); a leading apostrophe makes it plain text.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would evaluate get a leading apostrophe."""

    def safe(column: pd.Series) -> pd.Series:
        if not (pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column)):
            return column
        text = column.astype("string")
        risky = text.str.startswith(FORMULA_PREFIXES).fillna(False)
        return text.mask(risky, "'" + text)

    return frame.apply(safe)


def write_excel_csv(frame: pd.DataFrame, path: Path) -> None:
    """CSV that Dutch Excel opens correctly: UTF-8 with BOM, semicolon-separated."""
    path.parent.mkdir(parents=True, exist_ok=True)
    neutralise_formulas(frame).to_csv(path, sep=";", index=False, encoding="utf-8-sig")
