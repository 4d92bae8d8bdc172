"""Extract: the only code that reads csv/xlsx exports; it hands on text cells with row numbers."""

from __future__ import annotations

from etl.extract.csv_reader import read_csv_export
from etl.extract.discover import classify, discover
from etl.extract.frame import rejected
from etl.extract.headers import header_key
from etl.extract.model import Discovery, Extracted, FoundFile
from etl.extract.xlsx_reader import read_xlsx_export

__all__ = [
    "Discovery",
    "Extracted",
    "FoundFile",
    "classify",
    "discover",
    "header_key",
    "read_export",
]


def read_export(found: FoundFile) -> Extracted:
    """Text cells of one export; a whole-file problem is reported in .error, never raised."""
    if found.problem:
        return rejected(found, found.problem)
    if found.path.suffix.lower() == ".xlsx":
        return read_xlsx_export(found)
    return read_csv_export(found)
