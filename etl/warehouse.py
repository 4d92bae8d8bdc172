"""Builds a new warehouse file beside the old one and swaps it in atomically.

A reader sees the old file or the new one, never a half-built one: the build writes to a
hidden sibling file, checkpoints and closes it, then `os.replace`s it over the target.
A failed or killed run leaves the target as it was; its leftovers are cleared next run.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import duckdb
import pandas as pd

from etl import settings
from etl.contract import DATA_SOURCES, INITIATIVES, SOURCES, Kind, contact_name_column
from etl.duck import run_with_frames
from etl.extract import Discovery, discover, load_export, read_careful, store_export
from etl.geo import boundary_report, read_boundaries
from etl.load_report import (
    ReadFile,
    all_synthetic,
    discovery_warnings,
    file_reject_rows,
    file_rows,
    load_row,
    warning_rows,
)
from etl.messages import CLI, EXTRA_FIELDS_EARLIER, MASKED_VALUE
from etl.models import run_models
from etl.pipeline import RawFile, TransformSettings, file_outcomes, transform
from etl.redaction import Redactor
from etl.vocabularies import CATEGORIES
from signals import Built, build_signals

# DuckDB's share of a build's memory; beyond it joins and sorts spill to disk. At a million
# obstacles the temporary tables of a build peak near 1 GB: with 1 GB they spilled, with
# 1.5 GB they stay in memory (about 0.5 s faster) and the process peaks near 1.6 GB RSS,
# under the 2 GB the ETL may take (bench/etl_bench.py).
DUCKDB_MEMORY_LIMIT = "1.5GB"
# Rejects of older loads are kept for this many loads; loads and files for ever.
KEEP_REJECTS_OF_LOADS = 10
ETL_TABLES = ("loads", "files", "rejects", "warnings")
# The signals' own history (signals.tables): carried over too, by the signals.
SIGNAL_HISTORY = "signal_history"
PERSONAL_FIELDS = sorted({c.name for s in SOURCES for c in s.columns if c.kind is Kind.PERSONAL})
# Text in the etl tables that may quote an export (values, messages, column names): it is
# redacted on its way in, whatever wrote it.
REDACTED_ETL_COLUMNS = {
    "files": ("error", "unknown_columns"),
    "rejects": ("value", "reason"),
    "warnings": ("message",),
}
# Ids an etl table keeps to find the rows of an erased record (never shown).
ERASURE_IDS = {"rejects": ("record_id", "parent_id")}


class NothingToBuild(Exception):
    """The inputs allow no warehouse; the message (Dutch) says why."""


class Busy(Exception):
    """Another ETL run holds the lock on this warehouse."""


@dataclass
class LoadResult:
    """What one run did, for the summary the CLI prints."""

    load_id: int
    as_of: date
    warehouse: Path
    synthetic: bool
    files: pd.DataFrame  # the rows written to etl.files for this load
    warnings: list[tuple[str, str, str]] = field(default_factory=list)
    rejected_rows: int = 0
    signals: Built | None = None


def load_redactor(con: duckdb.DuckDBPyConnection, files: list[ReadFile]) -> Redactor:
    """A Redactor that knows every contact name of the load's initiative rows (any file, any
    row: rejected, superseded and erased rows name people too)."""
    column = contact_name_column()
    names: set[str] = set()
    for read in files:
        table = read.extracted.table
        if read.extracted.source is INITIATIVES and table is not None:
            present = {row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()}
            if column in present:
                found = con.execute(
                    f'SELECT DISTINCT "{column}" FROM {table} WHERE "{column}" IS NOT NULL'
                ).fetchall()
                names.update(name for (name,) in found)
    return Redactor(names)


def extract(
    con: duckdb.DuckDBPyConnection,
    found: Discovery,
    scratch: Path,
    progress: Callable[[str], None],
) -> list[ReadFile]:
    """Every export found into a temporary table of the build (extract_<n>), in reading order.

    The workbooks are read in a worker thread (fastexcel and calamine do not need Python's
    lock) while DuckDB reads the csv files; they are put in DuckDB when those are done.
    """
    scratch.mkdir(parents=True, exist_ok=True)
    read: dict[int, ReadFile] = {}
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="omzien-xlsx") as pool:
        workbooks = {
            seq: pool.submit(read_careful, item)
            for seq, item in enumerate(found.files)
            if item.problem is None and item.path.suffix.lower() == ".xlsx"
        }
        for seq, item in enumerate(found.files):
            if seq not in workbooks:
                progress(CLI["reading"].format(path=item.relpath))
                read[seq] = ReadFile(*load_export(item, con, f"extract_{seq}", scratch))
        for seq, future in workbooks.items():
            progress(CLI["reading"].format(path=found.files[seq].relpath))
            extracted, digest = future.result()
            read[seq] = ReadFile(store_export(con, f"extract_{seq}", extracted), digest)
    return [read[seq] for seq in range(len(found.files))]


def raw_files(files: list[ReadFile]) -> list[RawFile]:
    """The extracted exports as the transform takes them, in reading order."""
    return [
        RawFile(seq, f.extracted.relpath, f.extracted.source, f.extracted.table)
        for seq, f in enumerate(files)
    ]


def redacted(frame: pd.DataFrame, table: str, redactor: Redactor) -> pd.DataFrame:
    """The etl table rows with every text that may quote an export redacted.

    A reject's record and parent ids serve erasures only: an id that redaction would change
    (an e-mail address or a street written as an id) is dropped rather than kept. A reject
    without ids goes whenever a later load erases anything (`erase_from_history`)."""
    columns = [c for c in REDACTED_ETL_COLUMNS.get(table, ()) if c in frame]
    if frame.empty or not columns:
        return frame
    frame = frame.assign(**{c: redactor.series(frame[c].astype("string")) for c in columns})
    for column in (c for c in ERASURE_IDS.get(table, ()) if c in frame):
        written = frame[column].astype("string")
        personal = (redactor.series(written) != written).fillna(False)
        frame[column] = written.mask(personal)
    return frame


def scrubbed_history(frame: pd.DataFrame, table: str, redactor: Redactor) -> pd.DataFrame:
    """Rows of earlier loads as today's rules would have written them: every text that may
    quote an export redacted again (the redaction learns notations, such as street + house
    number), and no surplus cells quoted (loads before that rule quoted them)."""
    if table == "rejects" and "rule" in frame and len(frame):
        # Only those loads stored a value for this rule: the cells' content.
        surplus = ((frame["rule"] == "extra_fields") & frame["value"].notna()).to_numpy()
        if surplus.any():
            frame = frame.assign(
                value=frame["value"].mask(surplus, None),
                reason=frame["reason"].mask(surplus, EXTRA_FIELDS_EARLIER),
            )
    return redacted(frame, table, redactor)


def erase_from_history(con: duckdb.DuckDBPyConnection) -> None:
    """Rejects of earlier loads that belong to an erased initiative or obstacle go too.

    Rows of a warehouse from before record ids were kept cannot be told apart; when this
    load erases anything, those rows are dropped as well (they are at most ten loads old).
    """
    con.execute(
        """
        DELETE FROM etl.rejects AS r
        WHERE (r.source = 'initiatives'
               AND lower(r.record_id) IN (SELECT id_key FROM erased_initiatives))
           OR (r.source = 'obstacles'
               AND (lower(r.record_id) IN (SELECT id_key FROM erased_obstacles)
                    OR lower(r.parent_id) IN (SELECT id_key FROM erased_initiatives)))
           OR (r.source IN ('responses', 'checks')
               AND lower(r.parent_id) IN (SELECT id_key FROM erased_obstacles))
           OR (r.record_id IS NULL AND r.row_number IS NOT NULL
               AND r.source IN ('initiatives', 'obstacles', 'responses', 'checks')
               AND (EXISTS (SELECT 1 FROM erased_initiatives)
                    OR EXISTS (SELECT 1 FROM erased_obstacles)))
        """
    )


def synthetic_hashes(manifests: list[Path]) -> set[str]:
    """SHA-256 of every export that a demo manifest lists as synthetic."""
    hashes: set[str] = set()
    for manifest in manifests:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            content = json.loads(manifest.read_text(encoding="utf-8"))
            if content.get("synthetic") is True:
                hashes.update(str(h) for h in content.get("files", {}).values())
    return hashes


@contextlib.contextmanager
def build_lock(target: Path) -> Iterator[None]:
    target.parent.mkdir(parents=True, exist_ok=True)
    lock_path = target.parent / f".{target.name}.lock"
    with lock_path.open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise Busy(CLI["busy"].format(path=target)) from exc
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def previous_history(target: Path) -> dict[str, pd.DataFrame]:
    """The etl tables of the warehouse being replaced; empty when there is none readable."""
    if not target.exists():
        return {}
    try:
        with duckdb.connect(str(target), read_only=True) as old:
            return {
                t: old.execute(f"SELECT * FROM etl.{t}").df()
                for t in (*ETL_TABLES, SIGNAL_HISTORY)
                if _has_table(old, "etl", t)
            }
    except duckdb.Error:
        return {}


def _has_table(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE schema_name = ? AND table_name = ?",
            [schema, table],
        ).fetchone()[0]
    )


def _insert_by_name(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    if frame.empty:
        return
    wanted = [
        c
        for c in frame.columns
        if c
        in set(
            con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'etl' "
                "AND table_name = ?",
                [table],
            ).df()["column_name"]
        )
    ]
    run_with_frames(
        con, f"INSERT INTO etl.{table} BY NAME SELECT * FROM incoming", incoming=frame[wanted]
    )


def duckdb_config(scratch: Path) -> dict[str, str]:
    """DuckDB settings of a build: a memory ceiling, spilling into `scratch` (beside the
    warehouse, removed after the build) beyond it."""
    return {"memory_limit": DUCKDB_MEMORY_LIMIT, "temp_directory": str(scratch)}


def _clear_leftovers(target: Path) -> None:
    for leftover in target.parent.glob(f".{target.name}.building-*"):
        leftover.unlink(missing_ok=True)
    for spill in target.parent.glob(f".{target.name}.spill-*"):
        _remove_scratch(spill)


def _remove_scratch(folder: Path) -> None:
    """Remove a build's scratch folder: flat, DuckDB's spill files and re-encoded copies."""
    with contextlib.suppress(OSError):
        for child in folder.iterdir():
            child.unlink(missing_ok=True)
        folder.rmdir()


def fsync_dir(directory: Path) -> None:
    """Make a rename or link in `directory` durable (its entry written to disk)."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@dataclass(frozen=True)
class Verdict:
    """What a load would say of the files of a folder, before anything is built: the
    files it would reject whole (path: Dutch reason) and the rows it would reject (path,
    row_number, field, value, reason, rule), redacted as etl.rejects is."""

    file_errors: dict[str, str]
    rejects: pd.DataFrame


def verdict(raw_dir: Path, *, as_of: date, province: str) -> Verdict:
    """The rules of a load applied to the exports in `raw_dir`, in memory: the one
    definition of what is accepted, for whoever must know it before writing a file (the
    dashboard's /melden). Nothing is written."""
    province = settings.canonical_province(province)
    found = discover(raw_dir)
    with (
        tempfile.TemporaryDirectory(prefix="omzien-verdict-") as scratch,
        duckdb.connect(config=duckdb_config(Path(scratch) / "spill")) as con,
    ):
        files = extract(con, found, Path(scratch), lambda message: None)
        redactor = load_redactor(con, files)
        errors = {
            f.extracted.relpath: redactor.text(f.extracted.error)
            for f in files
            if f.extracted.error
        }
        transform(
            con,
            raw_files(files),
            TransformSettings(as_of=as_of, province=province, redactor=redactor),
            checking=True,
        )
        rejects = con.execute(
            "SELECT path, row_number, field, value, reason, rule FROM rejects "
            "ORDER BY file_seq, row_number, field"
        ).df()
    return Verdict(errors, redacted(rejects, "rejects", redactor))


def build(
    raw_dir: Path,
    target: Path,
    *,
    as_of: date,
    province: str,
    progress: Callable[[str], None] = lambda message: None,
    inbox: Path | None = None,
) -> LoadResult:
    """Rebuild the warehouse at `target` from everything in `raw_dir`, and the submissions
    in `inbox` after them (etl.extract.discover).

    `province` is one of the twelve or Nederland, in any spelling `settings.canonical_province`
    accepts (UnknownProvince otherwise); the load records its CBS spelling.
    """
    province = settings.canonical_province(province)
    started_at = datetime.now().replace(microsecond=0)
    found = discover(raw_dir, inbox)
    if not any(f.source in DATA_SOURCES for f in found.files):
        raise NothingToBuild(CLI["no_exports"].format(raw=raw_dir))

    with build_lock(target):
        _clear_leftovers(target)
        history = previous_history(target)
        previous_ids = history.get("loads", pd.DataFrame({"load_id": []}))["load_id"]
        load_id = int(previous_ids.max()) + 1 if len(previous_ids) else 1
        building = target.parent / f".{target.name}.building-{os.getpid()}"
        scratch = target.parent / f".{target.name}.spill-{os.getpid()}"
        try:
            with duckdb.connect(str(building), config=duckdb_config(scratch)) as con:
                files = extract(con, found, scratch, progress)
                if all(
                    f.extracted.table is None for f in files if f.extracted.source in DATA_SOURCES
                ):
                    raise NothingToBuild(CLI["no_usable_exports"])
                boundaries = read_boundaries(raw_dir, progress)
                redactor = load_redactor(con, files)
                con.execute("SET preserve_insertion_order = false")
                transform(
                    con,
                    raw_files(files),
                    TransformSettings(
                        as_of=as_of, province=province, progress=progress, redactor=redactor
                    ),
                    boundaries,
                )
                progress(CLI["building"])
                report = _write_etl_tables(
                    con, load_id, files, found, history, started_at, as_of, province, redactor
                )
                progress(CLI["signals"])
                found_signals = _signals(con, load_id, history.get(SIGNAL_HISTORY))
                con.execute("CHECKPOINT")
            os.replace(building, target)
            fsync_dir(target.parent)
        finally:
            building.unlink(missing_ok=True)
            Path(f"{building}.wal").unlink(missing_ok=True)
            _remove_scratch(scratch)
    return LoadResult(
        load_id=load_id,
        as_of=as_of,
        warehouse=target,
        synthetic=all_synthetic(report["files"]),
        files=report["files"],
        warnings=list(report["warnings"][["path", "kind", "message"]].itertuples(index=False)),
        rejected_rows=int(report["files"]["rows_rejected"].sum()),
        signals=found_signals,
    )


def _signals(con: duckdb.DuckDBPyConnection, load_id: int, history: pd.DataFrame | None) -> Built:
    """marts.signals of this load; the previous load's signals (load_id - 1) give the
    status, and the signals' history is carried over like the load history."""
    history = history if history is not None else pd.DataFrame(columns=["load_id"])
    previous = history[history["load_id"] == load_id - 1] if len(history) else None
    return build_signals(
        con,
        load_id=load_id,
        previous=previous,
        small_numbers=settings.small_numbers(),
        suppress_below=settings.suppress_below(),
        category_labels=CATEGORIES.labels(),
        history=history,
    )


def _write_etl_tables(
    con: duckdb.DuckDBPyConnection,
    load_id: int,
    files: list[ReadFile],
    found: Discovery,
    history: dict[str, pd.DataFrame],
    started_at: datetime,
    as_of: date,
    province: str,
    redactor: Redactor,
) -> dict[str, pd.DataFrame]:
    """Carry over the earlier loads, then add what this load did."""
    run_models(con, *(f"etl/{t}" for t in ETL_TABLES))
    for table, frame in history.items():
        if table not in ETL_TABLES:
            continue
        if table == "rejects":
            frame = frame[frame["load_id"] > load_id - KEEP_REJECTS_OF_LOADS]
        _insert_by_name(con, table, scrubbed_history(frame, table, redactor))
    erase_from_history(con)

    outcomes = file_outcomes(con).set_index("file_seq")
    files_frame = file_rows(load_id, files, outcomes, synthetic_hashes(found.manifests))
    boundary_file, boundary_warnings = boundary_report(con, load_id)
    if len(boundary_file):
        files_frame = pd.concat([files_frame, boundary_file], ignore_index=True)
    files_frame = redacted(files_frame, "files", redactor)
    _insert_by_name(con, "files", files_frame)
    # Values of personal columns are masked; other values, and the reasons that quote them,
    # are redacted (in Python: the names of the load are known there).
    rejects = con.execute(
        "SELECT ? AS load_id, path, source, row_number, field, "
        "CASE WHEN list_contains(?, field) THEN ? ELSE value END AS value, reason, rule, "
        "trim(record_id) AS record_id, trim(parent_id) AS parent_id "
        "FROM rejects ORDER BY path, row_number, field, rule",
        [load_id, PERSONAL_FIELDS, MASKED_VALUE],
    ).df()
    _insert_by_name(con, "rejects", redacted(rejects, "rejects", redactor))
    _insert_by_name(con, "rejects", redacted(file_reject_rows(load_id, files), "rejects", redactor))
    warnings = warning_rows(load_id, files, found.unmatched, discovery_warnings(found))
    if len(boundary_warnings):
        warnings = pd.concat([warnings, boundary_warnings], ignore_index=True)
    warnings = redacted(warnings, "warnings", redactor)
    _insert_by_name(con, "warnings", warnings)
    finished_at = datetime.now().replace(microsecond=0)
    _insert_by_name(
        con,
        "loads",
        load_row(
            load_id,
            started_at=started_at,
            finished_at=finished_at,
            as_of=as_of,
            province=province,
            files=files_frame,
        ),
    )
    return {"files": files_frame, "warnings": warnings}
