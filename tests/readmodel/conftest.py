"""The read layer on the fixture warehouse: one read-only connection per module."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from readmodel.warehouse import Warehouse, read_warehouse


@pytest.fixture(scope="module")
def warehouse(fixture_warehouse: Path) -> Warehouse:
    with duckdb.connect(str(fixture_warehouse), read_only=True) as con:
        yield read_warehouse(con)


@pytest.fixture(scope="module")
def demo(demo_warehouse: Path) -> Warehouse:
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        yield read_warehouse(con)
