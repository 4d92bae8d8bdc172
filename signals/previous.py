"""The signals a file already holds: what a new roll-up judges new or ongoing against."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd


def signals_in(path: Path) -> pd.DataFrame | None:
    """marts.signals of the DuckDB file at `path`; None when there is no such readable
    file or table (every signal is then new)."""
    if not path.is_file():
        return None
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            return con.execute("SELECT * FROM marts.signals").df()
    except duckdb.Error:
        return None
