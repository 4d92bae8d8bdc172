"""The quarter trend drawn from the real per-quarter figures of the fixture warehouse."""

from __future__ import annotations

import math
from pathlib import Path

import duckdb
import pytest

from charts.overview import quarter_trend
from readmodel.overview import per_quarter
from readmodel.selection import Filters
from readmodel.warehouse import read_warehouse
from tests.support.exports import AS_OF


@pytest.fixture(scope="module")
def quarters(fixture_warehouse: Path):
    with duckdb.connect(str(fixture_warehouse), read_only=True) as con:
        warehouse = read_warehouse(con)
        yield per_quarter(con, Filters(), first_day=warehouse.first_day, as_of=AS_OF)


def test_every_quarter_is_a_bar_and_empty_ones_leave_the_line_broken(quarters) -> None:
    bars, line = quarter_trend(quarters).data
    assert list(bars.x) == list(quarters["label"])
    assert list(bars.y) == list(quarters["obstacles"])
    # No share where nothing was followed 90 days: a gap, not a line drawn through it.
    assert [math.isnan(y) for y in line.y] == quarters["value"].isna().tolist()
    assert line.connectgaps is False
    assert line.y[0] == pytest.approx(50.0)


def test_axes_read_as_whole_counts_and_round_percentages(quarters) -> None:
    layout = quarter_trend(quarters).layout
    assert layout.yaxis.dtick == 1  # the fixture has at most two reports a quarter
    assert list(layout.yaxis2.ticktext) == ["0%", "25%", "50%", "75%", "100%"]
    assert tuple(layout.yaxis2.range) == (0, 100)
