"""Large xlsx sheets go to Arrow through fastexcel: the same text cells as the careful path."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from etl.contract import INITIATIVES
from etl.extract import FoundFile, read_export, xlsx_reader
from tests.etl.conftest import Exports

HEADER = ["initiatief_id", "naam", "gemeente", "opgericht", "vrijwilligers", "geregistreerd_op"]
ROWS = [
    ["INI-1", "Buurtkamer", "Utrecht", 2019, 12, datetime(2024, 3, 5)],
    ["INI-2", "  Dorpshuis ", "Zeist", date(2020, 9, 12), 2.5, datetime(2024, 3, 5, 10, 30, 12)],
    [None, None, None, None, None, None],
    ["INI-3", "Energie", "Houten", "12-09-2020", 31612345678, date(2024, 1, 2)],
    ["INI-4", "n.v.t.", "-", "onbekend", None, "2024-02-01"],
]


def both_ways(path: Path, monkeypatch: pytest.MonkeyPatch, *, fast_used: bool = True):
    found = FoundFile(path, path.name, INITIATIVES)
    monkeypatch.setattr(xlsx_reader, "LARGE_SHEET_ROWS", 1)
    grids = []
    fast_grid = xlsx_reader._fast_grid
    monkeypatch.setattr(
        xlsx_reader, "_fast_grid", lambda *args: grids.append(fast_grid(*args)) or grids[-1]
    )
    fast = read_export(found)
    assert any(g is not None for g in grids) is fast_used
    monkeypatch.setattr(xlsx_reader, "_fast_grid", lambda *args: None)
    careful = read_export(found)
    return fast, careful


@pytest.mark.parametrize("blank_rows_above", [0, 2])
def test_fast_path_gives_the_careful_cells(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blank_rows_above: int
) -> None:
    x = Exports(tmp_path)
    sheet = [[None] * len(HEADER)] * blank_rows_above + [HEADER, *ROWS]
    path = x.xlsx("initiatieven.xlsx", {"Info": [["Uitleg"]], "Data": sheet})
    fast, careful = both_ways(path, monkeypatch)
    assert careful.error is None
    pd.testing.assert_frame_equal(fast.frame, careful.frame)
    assert (fast.headers, fast.sheet, fast.rows_read) == (
        careful.headers,
        careful.sheet,
        careful.rows_read,
    )
    assert fast.frame["row_number"].tolist()[0] == blank_rows_above + 2


def test_a_repeated_or_blank_header_takes_the_careful_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    x = Exports(tmp_path)
    header = [*HEADER[:3], None, "naam", *HEADER[3:]]
    rows = [[*r[:3], "x", "y", *r[3:]] for r in ROWS]
    path = x.xlsx("initiatieven.xlsx", {"Data": [header, *rows]})
    fast, careful = both_ways(path, monkeypatch, fast_used=False)
    pd.testing.assert_frame_equal(fast.frame, careful.frame)
    assert fast.unknown_columns == careful.unknown_columns
