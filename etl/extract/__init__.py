"""Extract: the only code that reads csv/xlsx exports; it hands on text cells with row numbers."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from etl.duck import run_with_frames
from etl.extract.csv_duckdb import load_csv
from etl.extract.csv_reader import read_csv_export
from etl.extract.discover import classify, discover
from etl.extract.frame import rejected
from etl.extract.headers import header_key
from etl.extract.model import Discovery, Extracted, FoundFile
from etl.extract.xlsx_reader import read_xlsx_export
from etl.messages import FILE_UNREADABLE

__all__ = [
    "Discovery",
    "Extracted",
    "FoundFile",
    "classify",
    "discover",
    "header_key",
    "load_export",
    "read_careful",
    "read_export",
    "release_export",
    "store_export",
]


def read_export(found: FoundFile) -> Extracted:
    """Text cells of one export; a whole-file problem is reported in .error, never raised."""
    if found.problem:
        return rejected(found, found.problem)
    if found.path.suffix.lower() == ".xlsx":
        return read_xlsx_export(found)
    return read_csv_export(found)


def read_careful(found: FoundFile, digest: str | None = None) -> tuple[Extracted, str | None]:
    """The careful reader's result (a frame of text cells) and the SHA-256 of the file.

    Touches no database, so an xlsx can be read in a worker thread while DuckDB reads
    the csv files (fastexcel and DuckDB leave Python's lock while they work).
    """
    if found.problem:
        return rejected(found, found.problem), None
    extracted = read_export(found)
    digest = digest or _sha256(found.path)
    if digest is None:
        return rejected(found, FILE_UNREADABLE.format(file=found.relpath)), None
    return extracted, digest


def store_export(con: duckdb.DuckDBPyConnection, table: str, extracted: Extracted) -> Extracted:
    """The careful reader's frame into the temporary table `table`; the frame is let go."""
    if extracted.frame is not None:
        run_with_frames(
            con,
            f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT * FROM incoming_export",
            incoming_export=extracted.frame,
        )
        extracted.frame, extracted.table = None, table
    return extracted


def release_export(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """Drop an export's rows from the build: its table, or its view and the grid beneath."""
    views = con.execute(
        "SELECT count(*) FROM duckdb_views() WHERE temporary AND view_name = ?", [table]
    ).fetchall()[0][0]
    if views:
        con.execute(f"DROP VIEW {table}")
        con.execute(f"DROP TABLE IF EXISTS {table}_grid")
    else:
        con.execute(f"DROP TABLE IF EXISTS {table}")


def load_export(
    found: FoundFile, con: duckdb.DuckDBPyConnection, table: str, scratch: Path
) -> tuple[Extracted, str | None]:
    """One export into the temporary DuckDB table `table`, and the SHA-256 of its bytes
    (None when the file was never opened).

    A csv goes through DuckDB's own reader where the file allows it (etl.extract.csv_duckdb);
    otherwise the careful reader's frame is put in DuckDB. The Extracted that comes back
    names the table and holds no frame; a file rejected whole has neither.
    """
    digest = None
    if found.problem is None and found.path.suffix.lower() == ".csv":
        try:
            fast, digest = load_csv(found, con, table, scratch)
        except OSError:
            fast = None
        if fast is not None:
            return fast, digest
    extracted, digest = read_careful(found, digest)
    return store_export(con, table, extracted), digest


def _sha256(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()
