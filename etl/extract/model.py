"""What the extract step hands on: found files and the text cells read from one file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from etl.contract import Source
from etl.extract.mapping import Mapping


@dataclass(frozen=True)
class FoundFile:
    """One file in data/raw/ that belongs to a source."""

    path: Path
    relpath: str  # POSIX path relative to the raw folder; files are read in this order
    source: Source
    # Dutch reason when the file may not be read at all (not a regular file, a link out of
    # the raw folder, too large, a name that is no UTF-8): it is rejected whole.
    problem: str | None = None
    # The source's column mappings of form-tool exports (kolommen*.csv), one per file.
    mappings: tuple[Mapping, ...] = ()


@dataclass(frozen=True)
class Discovery:
    """Everything found in data/raw/, in reading order."""

    files: list[FoundFile]
    manifests: list[Path]  # omzien-demo*.json: manifests of generated demo data
    unmatched: list[str]  # relative paths of files that match no source: a warning
    # Folders that could not be listed, and other things skipped: (relpath, Dutch message).
    skipped: list[tuple[str, str]] = field(default_factory=list)
    # Demo folders left out because real exports lie beside them.
    demo_left_out: list[str] = field(default_factory=list)
    # Column mapping rows that could not be used: (relpath, Dutch message).
    mapping_warnings: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Extracted:
    """The text cells of one export, one frame row per non-empty spreadsheet row.

    frame columns: row_number (header = row 1), the contract columns present in
    the file by their Dutch name in contract order, then extra_cells and extra_from (a
    row wider than the header: how many surplus cells hold a value and the column number
    of the first; never their content). Cells are trimmed
    text or NA; nothing is validated here. In a build the rows live in a DuckDB table
    (`table`) instead.
    """

    relpath: str
    source: Source
    # repr=False: the frame holds personal data, which must never reach a log.
    frame: pd.DataFrame | None = field(repr=False)  # None when the whole file is rejected
    rows_read: int  # non-empty data rows after the header
    headers: list[str]  # non-blank header cells as they appear in the file (trimmed)
    unknown_columns: list[str]  # headers that matched no contract column: a warning
    error: str | None  # Dutch message when the whole file is rejected
    encoding: str | None = None  # csv only
    delimiter: str | None = None  # csv only
    sheet: str | None = None  # xlsx only: the sheet that was read
    # The temporary DuckDB table of the build that holds the rows (the frame's columns),
    # once the file is in DuckDB; then frame is None.
    table: str | None = None
