"""Read an xlsx export with calamine: pick the sheet, turn typed cells into text."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import python_calamine

from etl import messages
from etl.extract.frame import (
    STRING,
    build_extracted,
    header_cells,
    rejected,
)
from etl.extract.headers import match_headers
from etl.extract.model import Extracted, FoundFile
from etl.extract.xlsx_guard import xlsx_problem

# Integral floats below this print as whole numbers ('12', '31612345678'); beyond it
# a float no longer holds every integer exactly.
_EXACT_INTEGER = 2.0**53
_BOOL_TEXT = {True: "ja", False: "nee"}


def _floats(values: pd.Series) -> pd.Series:
    numbers = values.to_numpy(dtype=float)
    integral = np.isfinite(numbers) & (np.floor(numbers) == numbers)
    integral &= np.abs(numbers) < _EXACT_INTEGER
    # numpy prints the shortest repr that round-trips: 0.1, 1.5, 1e+20.
    text = numbers.astype(str)
    text[integral] = numbers[integral].astype(np.int64).astype(str)
    return pd.Series(text, index=values.index, dtype=STRING)


def _datetimes(values: pd.Series) -> pd.Series:
    """ISO text to the second; a datetime at midnight is a date."""
    moments = np.array(values.tolist(), dtype="datetime64[us]")
    # Excel stores time as a fraction of a day; round off the float noise.
    seconds = (moments + np.timedelta64(500_000, "us")).astype("datetime64[s]")
    days = seconds.astype("datetime64[D]")
    text = np.where(
        seconds == days,
        np.datetime_as_string(days, unit="D"),
        np.char.replace(np.datetime_as_string(seconds, unit="s"), "T", " "),
    )
    return pd.Series(text, index=values.index, dtype=STRING)


def _as_str(values: pd.Series) -> pd.Series:
    # str() of a date is ISO, of a time 'HH:MM:SS', of an int its digits.
    return values.astype(str).astype(STRING)


# Exact types as calamine returns them (bool before int: bool is an int subclass).
_CONVERTERS = {
    str: lambda values: values.astype(STRING),
    float: _floats,
    bool: lambda values: values.map(_BOOL_TEXT).astype(STRING),
    dt.datetime: _datetimes,
    dt.date: _as_str,
    int: _as_str,
}


def cell_text(column: pd.Series) -> pd.Series:
    """Typed calamine cells of one column to text; empty cells are ''."""
    if pd.api.types.infer_dtype(column, skipna=True) in ("string", "empty"):
        return column.astype(STRING)
    types = column.map(type)
    text = pd.Series(pd.NA, index=column.index, dtype=STRING)
    handled = np.zeros(len(column), dtype=bool)
    for kind, convert in _CONVERTERS.items():
        mask = (types == kind).to_numpy(dtype=bool)
        if mask.any():
            text[mask] = convert(column[mask])
            handled |= mask
    rest = ~handled & column.notna().to_numpy(dtype=bool)
    if rest.any():  # time, timedelta and anything newer calamine may return
        text[rest] = _as_str(column[rest])
    return text


def _grid(rows: list[list[object]]) -> pd.DataFrame:
    cells = pd.DataFrame(rows, dtype=object)
    return pd.DataFrame({c: cell_text(cells[c]) for c in cells.columns}, index=cells.index)


def _header(rows: list[list[object]]) -> list[str | None] | None:
    """The first row with a non-blank cell, as trimmed text; None for an empty sheet."""
    for row in rows:
        # Blank as build_extracted sees it: whitespace-only text is no header.
        if any(v.strip() if isinstance(v, str) else v is not None for v in row):
            grid = _grid([row])
            return header_cells([grid[c].iloc[0] for c in grid.columns])
    return None


def read_xlsx_export(found: FoundFile) -> Extracted:
    """The first sheet holding the required headers; else reject relative to the first sheet."""
    too_big = xlsx_problem(found.path, found.relpath)
    if too_big:
        return rejected(found, too_big)
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(found.path))
    except python_calamine.PasswordError:
        return rejected(found, messages.XLSX_PASSWORD.format(file=found.relpath))
    except (python_calamine.CalamineError, OSError, ValueError):
        return rejected(found, messages.XLSX_UNREADABLE.format(file=found.relpath))

    first_rejection: Extracted | None = None
    sheets = list(workbook.sheet_names)
    with workbook:
        for sheet in sheets:
            try:
                rows = workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
            except python_calamine.CalamineError:
                continue  # chart sheets and the like hold no table
            header = _header(rows)
            if header is None:
                continue
            match = match_headers(found.source, header)
            if not match.rejected:
                return build_extracted(found, _grid(rows), sheet=sheet)
            if first_rejection is None:
                first_rejection = build_extracted(found, _grid(rows), sheet=sheet)
    if first_rejection is not None:
        return first_rejection
    # No sheet holds anything: an empty export, like an empty csv.
    nothing = pd.DataFrame({0: pd.Series(dtype=STRING)})
    return build_extracted(found, nothing, sheet=sheets[0] if sheets else None)
