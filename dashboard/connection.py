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
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb

from etl import settings
from readmodel import strings
from readmodel.warehouse import Warehouse, WarehouseProblem, read_warehouse


@dataclass
class _Open:
    path: str
    stamp: tuple[int, int]
    connection: duckdb.DuckDBPyConnection
    # What the read layer knows of this file (its load, names, regions): read once per file.
    warehouse: Warehouse | None = None


ALIAS = "warehouse"
_lock = threading.Lock()
_current: _Open | None = None
# The file each thread's last cursor reads, so `read` matches the cursor it is given.
_opened = threading.local()


def _stamp(path: Path) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_ino, status.st_mtime_ns


def connect(path: Path | None = None) -> duckdb.DuckDBPyConnection | None:
    """A cursor on the warehouse at `path` (default: OMZIEN_WAREHOUSE), or None when there
    is no file there yet.

    Raises WarehouseProblem (a Dutch message) when the file cannot be opened as a database.

    Each caller gets its own cursor: Streamlit serves sessions from several threads and a
    DuckDB connection must not be used by two threads at once.
    """
    global _current
    path = path or settings.warehouse_path()
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
        _opened.file = _current
    cursor.execute(f"USE {ALIAS}")
    return cursor


def read(cursor: duckdb.DuckDBPyConnection) -> Warehouse | None:
    """The warehouse behind a cursor from `connect`: read once per file, then reused with
    the caller's own cursor (the names and the load do not change until the file does)."""
    opened: _Open | None = getattr(_opened, "file", None)
    known = opened.warehouse if opened is not None else None
    if known is None:
        known = read_warehouse(cursor)
        if opened is not None:
            opened.warehouse = known
    return replace(known, con=cursor) if known is not None else None


def _attach(path: Path) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    try:
        connection.execute(f"ATTACH ? AS {ALIAS} (READ_ONLY)", [str(path)])
    except duckdb.Error as exc:  # an empty, corrupt or foreign file at the warehouse path
        connection.close()
        raise WarehouseProblem(strings.UNREADABLE_WAREHOUSE) from exc
    return connection
