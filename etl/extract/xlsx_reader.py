"""Read an xlsx export with calamine: pick the sheet, turn typed cells into text.

Large sheets (LARGE_SHEET_ROWS rows or more) go straight to Arrow through fastexcel
(calamine underneath) when the header row names every column once. A column of one cell
type gives the same text as the careful path, which turns every cell into a Python object
first; a column mixing types is taken as fastexcel writes it, a date cell at midnight as the
bare date: the same values for every rule of the contract (booleans read true/false).
"""

from __future__ import annotations

import datetime as dt

import fastexcel
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
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
# From this many rows a sheet is read through fastexcel (Arrow), below it cell by cell.
LARGE_SHEET_ROWS = 20_000
# fastexcel writes a date cell in a column of mixed types as a datetime; at midnight it is
# a date, as the careful path writes it.
_MIDNIGHT = r"^(\d{4}-\d{2}-\d{2}) 00:00:00$"


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


def _arrow_text(column: pa.ChunkedArray) -> pd.Series | None:
    """One typed fastexcel column as text cells, as cell_text writes them; None for a type
    the careful path must handle."""
    kind = column.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_null(kind):
        text = column.cast(pa.large_string())
        # The regular expression only where a cell may hold a midnight (cheap substring test).
        if pc.any(pc.ends_with(text, " 00:00:00")).as_py():
            text = pc.replace_substring_regex(text, _MIDNIGHT, r"\1")
        return pd.Series(pd.arrays.ArrowStringArray(text), dtype=STRING)
    if pa.types.is_boolean(kind):
        values = pc.if_else(column, _BOOL_TEXT[True], _BOOL_TEXT[False])
        return pd.Series(pd.arrays.ArrowStringArray(values.cast(pa.large_string())), dtype=STRING)
    present = pc.is_valid(column).to_numpy(zero_copy_only=False)
    text = pd.Series(pd.NA, index=range(len(column)), dtype=STRING)
    if not present.any():
        return text
    if pa.types.is_floating(kind) or pa.types.is_integer(kind):
        numbers = pd.Series(column.to_numpy(zero_copy_only=False)[present].astype(float))
        converted = _floats(numbers)
    elif pa.types.is_timestamp(kind):
        moments = column.cast(pa.timestamp("us")).to_numpy(zero_copy_only=False)[present]
        converted = _datetimes(pd.Series(list(moments.astype("datetime64[us]"))))
    elif pa.types.is_date(kind):
        converted = pd.Series(column.cast(pa.string()).to_numpy(zero_copy_only=False)[present])
    else:
        return None
    text[present] = converted.to_numpy()
    return text


def _fast_grid(reader: fastexcel.ExcelReader, sheet: str, first_row: int) -> pd.DataFrame | None:
    """The sheet as text cells through fastexcel (row i = spreadsheet row i + 1), or None
    when a column mixes cell types, a header cell is blank or repeated, or a cell type needs
    the careful path. `first_row` is the first row holding a value (the range's start)."""
    try:
        # Types are guessed over all rows: a column of mixed types comes as text.
        loaded = reader.load_sheet(
            sheet, header_row=0, dtype_coercion="coerce", schema_sample_rows=None
        )
        columns = loaded.available_columns()
        table = loaded.to_arrow()
    except Exception:
        return None
    names = [c.name for c in columns]
    if any(c.column_name_from != "looked_up" for c in columns) or len(set(names)) < len(names):
        return None
    cells: dict[int, pd.Series] = {}
    for position, column in enumerate(columns):
        text = _arrow_text(table.column(position))
        if text is None:
            return None
        header = pd.Series([column.name], dtype=STRING)
        blank = pd.Series([pd.NA] * (first_row - 1), dtype=STRING)
        cells[column.absolute_index] = pd.concat([blank, header, text], ignore_index=True)
    if not cells:
        return None
    width = max(cells) + 1
    height = len(next(iter(cells.values())))
    empty = pd.Series(pd.NA, index=range(height), dtype=STRING)
    return pd.DataFrame({i: cells.get(i, empty) for i in range(width)})


def read_xlsx_export(found: FoundFile) -> Extracted:
    """The first sheet holding the required headers; else reject relative to the first sheet."""
    first_rows: dict[str, tuple[int, int]] = {}
    too_big = xlsx_problem(found.path, found.relpath, first_rows)
    if too_big:
        return rejected(found, too_big)
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(found.path))
    except python_calamine.PasswordError:
        return rejected(found, messages.XLSX_PASSWORD.format(file=found.relpath))
    except (python_calamine.CalamineError, OSError, ValueError):
        return rejected(found, messages.XLSX_UNREADABLE.format(file=found.relpath))

    try:
        reader = fastexcel.read_excel(str(found.path)) if first_rows else None
    except Exception:
        reader = None
    first_rejection: Extracted | None = None
    sheets = list(workbook.sheet_names)
    with workbook:
        for sheet in sheets:
            grid = None
            first, last = first_rows.get(sheet, (0, 0))
            if reader is not None and last - first >= LARGE_SHEET_ROWS:
                grid = _fast_grid(reader, sheet, first)
            if grid is not None:
                row = grid.iloc[first - 1]
                header = header_cells([None if pd.isna(v) else v for v in row])
            else:
                try:
                    rows = workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
                except python_calamine.CalamineError:
                    continue  # chart sheets and the like hold no table
                header = _header(rows)
                if header is None:
                    continue
                grid = _grid(rows)
            match = match_headers(found.source, header, found.mappings)
            if not match.rejected:
                return build_extracted(found, grid, sheet=sheet)
            if first_rejection is None:
                first_rejection = build_extracted(found, grid, sheet=sheet)
    if first_rejection is not None:
        return first_rejection
    # No sheet holds anything: an empty export, like an empty csv.
    nothing = pd.DataFrame({0: pd.Series(dtype=STRING)})
    return build_extracted(found, nothing, sheet=sheets[0] if sheets else None)
