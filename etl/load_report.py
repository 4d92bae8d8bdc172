"""What a load did, as rows for the etl tables: pure functions over the files that were read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from etl import messages
from etl.contract import DATA_SOURCES
from etl.extract import Discovery, Extracted
from etl.extract.discover import is_inbox
from etl.messages import CLI

COUNTS = ("rows_loaded", "rows_rejected", "rows_superseded", "rows_erased")
REJECT_COLUMNS = ["load_id", "path", "source", "row_number", "field", "value", "reason", "rule"]


@dataclass(frozen=True)
class ReadFile:
    """One export as the extract step read it, with the digest of its bytes."""

    extracted: Extracted
    sha256: str | None  # None when the file was never opened (not a regular file, ...)


def file_rows(
    load_id: int, files: list[ReadFile], outcomes: pd.DataFrame, synthetic: set[str]
) -> pd.DataFrame:
    """One etl.files row per file; `outcomes` (by file_seq) counts what became of its rows."""
    rows = []
    for seq, read in enumerate(files):
        e = read.extracted
        counts = outcomes.loc[seq] if seq in outcomes.index else None
        row = {
            "load_id": load_id,
            "path": e.relpath,
            "sha256": read.sha256,
            "source": e.source.name,
            "rows_read": e.rows_read,
            "error": e.error,
            "encoding": e.encoding,
            "delimiter": e.delimiter,
            "sheet": e.sheet,
            "unknown_columns": ", ".join(e.unknown_columns) or None,
            "synthetic": read.sha256 in synthetic,
            "rows_out_of_scope": 0,
        }
        row |= {key: int(counts[key]) if counts is not None else 0 for key in COUNTS}
        if e.error:  # rejected whole: every row of it is lost to the warehouse
            row["rows_rejected"] = e.rows_read
        rows.append(row)
    return pd.DataFrame(rows)


def file_reject_rows(load_id: int, files: list[ReadFile]) -> pd.DataFrame:
    """One etl.rejects row (without row number) per file rejected whole."""
    rows = [
        {
            "load_id": load_id,
            "path": read.extracted.relpath,
            "source": read.extracted.source.name,
            "row_number": None,
            "field": None,
            "value": None,
            "reason": read.extracted.error,
            "rule": "file_rejected",
        }
        for read in files
        if read.extracted.error
    ]
    return pd.DataFrame(rows, columns=REJECT_COLUMNS).astype({"row_number": "Int32"})


def discovery_warnings(found: Discovery) -> list[tuple[str, str, str]]:
    """(path, kind, message) for folders that were skipped and demo folders left out."""
    rows = [(path, "skipped_folder", message) for path, message in found.skipped]
    rows += [
        (folder, "demo_left_out", messages.DEMO_LEFT_OUT.format(folder=folder))
        for folder in found.demo_left_out
    ]
    rows += [(path, "mapping_row", message) for path, message in found.mapping_warnings]
    return rows


def all_synthetic(files: pd.DataFrame) -> bool:
    """A load is synthetic only when every export of the three data sources is. The
    dashboard's submissions do not count: a test report on the demo keeps it a demo."""
    data = files[files["source"].isin([s.name for s in DATA_SOURCES])]
    data = data[~data["path"].map(is_inbox)]
    return bool(len(data)) and bool(data["synthetic"].fillna(False).astype(bool).all())


def warning_rows(
    load_id: int,
    files: list[ReadFile],
    unmatched: list[str],
    extra: list[tuple[str, str, str]] = (),
) -> pd.DataFrame:
    """Files that matched no source, columns that were ignored, and `extra` (path, kind,
    message) rows."""
    rows = list(extra)
    rows += [(p, "unmatched_file", CLI["unmatched_file"].format(path=p)) for p in unmatched]
    rows += [
        (
            read.extracted.relpath,
            "unknown_columns",
            CLI["unknown_columns"].format(
                path=read.extracted.relpath, columns=", ".join(read.extracted.unknown_columns)
            ),
        )
        for read in files
        if read.extracted.unknown_columns
    ]
    return pd.DataFrame(
        [{"load_id": load_id, "path": p, "kind": k, "message": m} for p, k, m in rows],
        columns=["load_id", "path", "kind", "message"],
    )


def load_row(
    load_id: int,
    *,
    started_at: datetime,
    finished_at: datetime,
    as_of: date,
    province: str,
    files: pd.DataFrame,
) -> pd.DataFrame:
    """The etl.loads row: rows or whole files rejected make it completed_with_rejects."""
    rejected = int(files["rows_rejected"].sum())
    any_file_failed = bool(files["error"].notna().any())
    return pd.DataFrame(
        [
            {
                "load_id": load_id,
                "started_at": started_at,
                "finished_at": finished_at,
                "status": "completed_with_rejects" if rejected or any_file_failed else "completed",
                "as_of": as_of,
                "synthetic": all_synthetic(files),
                "province": province,
                "files": len(files),
                "rows_loaded": int(files["rows_loaded"].sum()),
                "rows_rejected": rejected,
            }
        ]
    )
