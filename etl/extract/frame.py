"""From a grid of text cells to the extract frame: header, trimming, missing values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from etl import messages
from etl.contract import MISSING_TOKENS
from etl.extract.headers import HeaderMatch, is_known_header, match_headers
from etl.extract.mapping import chosen
from etl.extract.model import Extracted, FoundFile

# Arrow-backed text with NA for missing: DuckDB reads it as VARCHAR even when all NA,
# and pyarrow.compute cleans a million cells without a Python loop.
STRING = pd.StringDtype("pyarrow")
ROW_NUMBER = "row_number"
# A row wider than its header: how many surplus cells hold something, and the spreadsheet
# column number (1 = A) of the first. Their content is never kept: nobody described what
# those cells hold (a shifted address or name), so no message may quote them.
EXTRA_CELLS = "extra_cells"
EXTRA_FROM = "extra_from"

Cells = pa.Array | pa.ChunkedArray


def rejected(
    found: FoundFile,
    error: str,
    headers: list[str] | None = None,
    rows_read: int = 0,
    **detail: str | None,
) -> Extracted:
    """A whole-file reject: no frame, the message, and the headers and row count when known."""
    return Extracted(
        found.relpath, found.source, None, rows_read, headers or [], [], error, **detail
    )


def _arrow(column: pd.Series) -> Cells:
    return pa.array(column.astype(STRING))


def _series(cells: Cells) -> pd.Series:
    return pd.Series(pd.arrays.ArrowStringArray(cells), dtype=STRING)


def _trim(cells: Cells) -> Cells:
    # Unicode whitespace, non-breaking spaces included (as Python's str.strip()).
    return pc.utf8_trim_whitespace(cells)


def _filled(cells: Cells) -> np.ndarray:
    return pc.fill_null(pc.greater(pc.binary_length(cells), 0), False).to_numpy(
        zero_copy_only=False
    )


def _missing_to_null(cells: Cells) -> Cells:
    tokens = pa.array(sorted(MISSING_TOKENS), type=cells.type)
    missing = pc.is_in(pc.utf8_lower(cells), value_set=tokens)
    return pc.if_else(missing, pa.scalar(None, cells.type), cells)


def surplus_cells(parts: list[Cells], first_column: int, length: int) -> pd.DataFrame:
    """Per row, the number of surplus cells that hold a value and the column number of the
    first (NA when there is none); `first_column` is the column number of parts[0]."""
    count = np.zeros(length, dtype="int64")
    first = np.full(length, -1, dtype="int64")
    for offset, part in enumerate(parts):
        held = _filled(_missing_to_null(part))
        count += held
        first = np.where((first < 0) & held, first_column + offset, first)
    none = count == 0
    return pd.DataFrame(
        {
            EXTRA_CELLS: pd.arrays.IntegerArray(count, none),
            EXTRA_FROM: pd.arrays.IntegerArray(first, none),
        }
    )


def reject_message(
    relpath: str, headers: list[str], match: HeaderMatch, sheet: str | None, row: int = 1
) -> str:
    where = messages.SHEET.format(sheet=sheet) if sheet else ""
    if match.uncovered:
        return messages.UNMAPPED_HEADERS.format(
            file=relpath + where, headers=messages.quoted_list(match.uncovered)
        )
    if not match.positions and not any(is_known_header(h) for h in headers):
        # Not one known column name of any source: the first row is data, not a header. Its
        # cells may be anything (names, addresses), so none of them is quoted.
        return messages.NO_HEADER_ROW.format(
            file=relpath,
            where=where,
            row=row,
            missing=messages.quoted_list(match.missing or match.missing_any),
        )
    found = messages.plain_list(headers)
    if match.missing:
        return messages.MISSING_REQUIRED.format(
            file=relpath, where=where, missing=messages.quoted_list(match.missing), found=found
        )
    return messages.MISSING_ALL_OPTIONAL.format(
        file=relpath, where=where, columns=messages.quoted_list(match.missing_any), found=found
    )


def _chosen_options(written: pd.Series | None, options: list[tuple[pa.Array, str]]) -> pd.Series:
    """A form-tool export's one-column-per-option answers as one ';'-joined cell per row
    (after what a column of the field itself holds), NA when nothing was chosen."""
    columns = [column.to_pylist() for column, _ in options]
    joined = []
    for i in range(len(columns[0]) if columns else 0):
        parts = [] if written is None or pd.isna(written.iloc[i]) else [str(written.iloc[i])]
        parts += [
            value for (_, value), cells in zip(options, columns, strict=True) if chosen(cells[i])
        ]
        joined.append(";".join(parts) or None)
    return pd.Series(joined, dtype=STRING)


def header_cells(cells: list[object]) -> list[str | None]:
    """Trimmed header cells up to the last non-blank one; blank cells become None."""
    trimmed = [c.strip() or None if isinstance(c, str) else None for c in cells]
    while trimmed and trimmed[-1] is None:
        trimmed.pop()
    return trimmed


def _empty() -> pd.DataFrame:
    return pd.DataFrame(
        {
            ROW_NUMBER: pd.Series(dtype="int64"),
            EXTRA_CELLS: pd.Series(dtype="Int64"),
            EXTRA_FROM: pd.Series(dtype="Int64"),
        }
    )


def build_extracted(found: FoundFile, cells: pd.DataFrame, **detail: str | None) -> Extracted:
    """Read a grid of text cells (positional columns, row i = spreadsheet row i + 1).

    The first non-blank row is the header; rows where every cell is blank are
    dropped. Columns beyond the header's last name are surplus: only how many of them
    hold a value, and where the first is, are kept (extra_cells, extra_from). detail
    (encoding, delimiter, sheet) is passed on.
    """
    trimmed = [_trim(_arrow(cells[c])) for c in cells.columns]
    filled = np.zeros(len(cells), dtype=bool)
    for column in trimmed:
        filled |= _filled(column)
    if not filled.any():
        return Extracted(found.relpath, found.source, _empty(), 0, [], [], None, **detail)

    header_at = int(np.argmax(filled))
    header = header_cells([column[header_at].as_py() for column in trimmed])
    headers = [h for h in header if h is not None]
    match = match_headers(found.source, header, found.mappings)
    if match.rejected:
        error = reject_message(found.relpath, headers, match, detail.get("sheet"), header_at + 1)
        # The rows are lost to the warehouse all the same: the load report counts them.
        return rejected(found, error, headers, int(filled[header_at + 1 :].sum()), **detail)

    keep = filled.copy()
    keep[: header_at + 1] = False
    if keep[header_at + 1 :].all():  # the usual case: a slice copies nothing
        rows = [column.slice(header_at + 1) for column in trimmed]
    else:
        mask = pa.array(keep)
        rows = [column.filter(mask) for column in trimmed]

    unknown = list(match.unknown)
    for position, name in enumerate(header):
        if name is None and _filled(rows[position]).any():
            unknown.append(messages.UNNAMED_COLUMN.format(number=position + 1))

    out = {ROW_NUMBER: np.flatnonzero(keep).astype("int64") + 1}
    for column in found.source.columns:
        if column.name in match.positions:
            cells = _missing_to_null(rows[match.positions[column.name]])
            prefix = (
                match.mapped.prefixes.get(column.name)
                if match.mapped and column.name in match.from_mapping
                else None
            )
            if prefix:
                cells = pc.binary_join_element_wise(
                    pa.scalar(prefix, cells.type), cells, pa.scalar("", cells.type)
                )
            out[column.name] = _series(cells)
        if column.name in match.options:
            out[column.name] = _chosen_options(
                out.get(column.name), [(rows[p], value) for p, value in match.options[column.name]]
            )
    surplus = surplus_cells(rows[len(header) :], len(header) + 1, int(keep.sum()))
    frame = pd.concat([pd.DataFrame(out), surplus], axis=1)
    return Extracted(
        found.relpath, found.source, frame, len(frame), headers, unknown, None, **detail
    )
