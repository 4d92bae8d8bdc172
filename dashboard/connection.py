"""The one read-only warehouse connection, reopened when the ETL swapped in a new file.

The ETL replaces the warehouse with `os.replace`; a DuckDB connection opened before the
swap keeps reading the old (unlinked) file, so we compare the file's inode and mtime on
every use and reconnect when they changed. The file is ATTACHed to a fresh in-memory
database rather than opened by path: DuckDB caches database instances by path within a
process, so while any cursor on the old file lives, connecting by path again would hand
back the old instance.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl import settings


@dataclass
class _Open:
    path: str
    stamp: tuple[int, int]
    connection: duckdb.DuckDBPyConnection


ALIAS = "warehouse"
_lock = threading.Lock()
_current: _Open | None = None


def warehouse_path() -> Path:
    return settings.warehouse_path()


def _stamp(path: Path) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_ino, status.st_mtime_ns


def connect() -> duckdb.DuckDBPyConnection | None:
    """A cursor on the current warehouse, or None when there is no warehouse file yet.

    Each caller gets its own cursor: Streamlit serves sessions from several threads and a
    DuckDB connection must not be used by two threads at once.
    """
    global _current
    path = warehouse_path()
    if not path.exists():
        return None
    stamp = _stamp(path)
    with _lock:
        if _current is None or _current.path != str(path) or _current.stamp != stamp:
            previous = _current
            _current = _Open(str(path), stamp, _attach(path))
            if previous is not None:
                previous.connection.close()
        cursor = _current.connection.cursor()
    cursor.execute(f"USE {ALIAS}")
    return cursor


def _attach(path: Path) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    connection.execute(f"ATTACH ? AS {ALIAS} (READ_ONLY)", [str(path)])
    return connection
