"""`omzien etl run|status|rejects|dictionary`: build the warehouse and say what each load did."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import duckdb
import typer
from rich.table import Table

from cli.common import (
    AsOfOption,
    OverwriteOption,
    ProvinceOption,
    RawOption,
    WarehouseOption,
    console,
    fail,
    open_warehouse,
    parse_as_of,
    parse_province,
    safe_output,
    warehouse_problem,
)
from cli.publish import refresh_after_build
from etl import settings
from etl.messages import CLI, SOURCE_LABELS
from readmodel.follow_up import overdue_count

etl_app = typer.Typer(help="Exports inlezen en het warehouse bouwen.", no_args_is_help=True)
SUMMARY_COLUMNS = ["bron", "gelezen", "geladen", "afgekeurd", "vervangen", "verwijderd"]


@contextlib.contextmanager
def _as_warehouse_error(path: Path) -> Iterator[None]:
    """A warehouse that opens but does not hold what a query expects: a message, exit 1."""
    try:
        yield
    except duckdb.Error:
        raise fail(
            CLI["not_a_warehouse"].format(path=path, detail=CLI["not_a_warehouse_unreadable"]), 1
        ) from None


def _check_target(warehouse: Path, raw: Path) -> None:
    """The warehouse is never built over a folder, an export, or someone else's file."""
    if warehouse.is_dir():
        raise fail(CLI["out_is_directory"].format(path=warehouse), 2)
    resolved, raw_root = warehouse.resolve(), raw.resolve()
    if resolved == raw_root or resolved.is_relative_to(raw_root):
        raise fail(CLI["warehouse_in_raw"].format(path=warehouse, raw=raw), 2)
    if warehouse.exists() and warehouse_problem(warehouse):
        raise fail(CLI["warehouse_target_taken"].format(path=warehouse), 2)


@etl_app.command("run")
def etl_run(
    raw: RawOption = Path(settings.RAW_DIR.default),
    warehouse: WarehouseOption = Path(settings.WAREHOUSE.default),
    as_of: AsOfOption = None,
    province: ProvinceOption = settings.PROVINCE.default,
) -> None:
    """Lees alle exports in de ruwe map en bouw het warehouse opnieuw op."""
    from etl.warehouse import Busy, NothingToBuild, build

    day = parse_as_of(as_of)
    scope = parse_province(province)
    if not raw.is_dir():
        raise fail(CLI["raw_missing"].format(raw=raw), 2)
    _check_target(warehouse, raw)
    try:
        result = build(
            raw,
            warehouse,
            as_of=day,
            province=scope,
            progress=lambda message: console.print(message),
            inbox=settings.inbox_path(raw),
        )
    except (NothingToBuild, Busy) as exc:
        raise fail(CLI["nothing_to_build"].format(reason=exc), 1) from None
    except Exception as exc:  # a crash must still leave a readable message, not a traceback
        raise fail(
            CLI["nothing_to_build"].format(
                reason=CLI["build_failed"].format(error=f"{type(exc).__name__}: {exc}")
            ),
            1,
        ) from None
    print_summary(result)
    refresh_after_build(result.warehouse)


def print_summary(result) -> None:
    console.print(
        CLI["summary_header"].format(as_of=result.as_of.isoformat(), load_id=result.load_id)
    )
    counts = ["rows_read", "rows_loaded", "rows_rejected", "rows_superseded", "rows_erased"]
    totals = result.files.groupby("source", sort=False)[counts].sum().reset_index()
    totals["source"] = totals["source"].map(lambda s: SOURCE_LABELS.get(s, s))
    _print_frame(
        totals.rename(columns=dict(zip(["source", *counts], SUMMARY_COLUMNS, strict=True))), None
    )
    for error in result.files["error"].dropna():
        console.print(CLI["file_error"].format(error=error))
    for _path, _kind, message in result.warnings:
        console.print(CLI["warning"].format(message=message))
    console.print(
        CLI["rejects_hint"].format(count=result.rejected_rows)
        if result.rejected_rows
        else CLI["no_rejects"]
    )
    if result.synthetic:
        console.print(CLI["synthetic"])
    console.print(CLI["written"].format(path=result.warehouse))
    found = result.signals
    if found is not None:
        console.print(
            CLI["signals_summary"].format(new=found.new, ongoing=found.ongoing, ended=found.ended)
            if found.new or found.ongoing or found.ended
            else CLI["no_signals"].format(tests=found.tests)
        )


def _print_frame(frame, title: str | None) -> None:
    from pandas import isna  # None, NaN and pd.NA (a whole-file reject has no row number)

    table = Table(title=title, show_lines=False)
    for column in frame.columns:
        table.add_column(str(column))
    for row in frame.itertuples(index=False):
        table.add_row(*("" if isna(v) else str(v) for v in row))
    console.print(table)


@etl_app.command("status")
def etl_status(
    warehouse: WarehouseOption = Path(settings.WAREHOUSE.default),
    loads: Annotated[int, typer.Option(help="Aantal laatste loads.", min=1, max=10_000)] = 5,
) -> None:
    """Laat de laatste loads zien en per bestand wat ermee gebeurde."""
    with open_warehouse(warehouse) as con, _as_warehouse_error(warehouse):
        recent = con.execute(
            "SELECT load_id AS load, CAST(as_of AS VARCHAR) AS peildatum, "
            "CAST(started_at AS VARCHAR) AS gestart, status, "
            "files AS bestanden, rows_loaded AS geladen, rows_rejected AS afgekeurd, "
            "synthetic AS synthetisch FROM etl.loads ORDER BY load_id DESC LIMIT ?",
            [loads],
        ).df()
        latest = int(recent["load"].iloc[0]) if len(recent) else None
        per_file = con.execute(
            "SELECT path AS bestand, source AS bron, rows_read AS gelezen, rows_loaded AS geladen,"
            " rows_rejected AS afgekeurd, rows_superseded AS vervangen, rows_erased AS verwijderd,"
            " coalesce(error, '') AS fout FROM etl.files WHERE load_id = ? ORDER BY path",
            [latest],
        ).df()
        days = settings.follow_up_days()
        overdue = overdue_count(con, days)
    per_file["bron"] = per_file["bron"].map(lambda s: SOURCE_LABELS.get(s, s))
    _print_frame(recent, "Laatste loads")
    _print_frame(per_file, f"Bestanden van load {latest}")
    if overdue is not None:
        console.print(CLI["follow_up"].format(count=overdue, days=days))


def rejects_frame(con: duckdb.DuckDBPyConnection, load_id: int | None):
    """The rejects of one load (default: the latest) with Dutch column names."""
    if load_id is None:
        load_id = con.execute("SELECT max(load_id) FROM etl.loads").fetchone()[0]
    elif not con.execute("SELECT count(*) FROM etl.loads WHERE load_id = ?", [load_id]).fetchone()[
        0
    ]:
        raise fail(CLI["unknown_load"].format(load_id=load_id), 2)
    return con.execute(
        "SELECT path AS bestand, row_number AS rij, field AS veld, value AS waarde, "
        "reason AS reden FROM etl.rejects WHERE load_id = ? "
        "ORDER BY path, row_number NULLS FIRST, field",
        [load_id],
    ).df()


@etl_app.command("rejects")
def etl_rejects(
    warehouse: WarehouseOption = Path(settings.WAREHOUSE.default),
    load: Annotated[
        int | None,
        typer.Option("--load", help="Load-nummer (standaard: de laatste).", min=1, max=2**31 - 1),
    ] = None,
    csv: Annotated[
        Path | None,
        typer.Option(
            "--csv", help="Schrijf de afgekeurde rijen naar dit CSV-bestand (voor Excel)."
        ),
    ] = None,
    limit: Annotated[int, typer.Option(help="Hoeveel rijen op het scherm.", min=0)] = 50,
    overwrite: OverwriteOption = False,
) -> None:
    """Toon de afgekeurde rijen, of schrijf ze naar CSV om terug te geven."""
    from etl.spreadsheet import write_excel_csv

    target = safe_output(csv, overwrite=overwrite, warehouse=warehouse) if csv else None
    with open_warehouse(warehouse) as con, _as_warehouse_error(warehouse):
        frame = rejects_frame(con, load)
    if target is not None:
        try:
            write_excel_csv(frame, target)
        except OSError as exc:
            raise fail(CLI["write_failed"].format(path=target, reason=exc.strerror), 1) from None
        console.print(CLI["rejects_written"].format(count=len(frame), path=target))
        return
    if frame.empty:
        console.print(CLI["no_rejects"])
        return
    _print_frame(frame.head(limit).astype({"rij": "Int64"}), f"Afgekeurde rijen ({len(frame)})")
    if len(frame) > limit:
        console.print(f"... en {len(frame) - limit} meer; gebruik --csv BESTAND voor alles.")


@etl_app.command("dictionary")
def etl_dictionary(
    out: Annotated[Path, typer.Option("--out", help="Waar het datawoordenboek komt.")] = Path(
        settings.PROJECT_ROOT / "docs" / "warehouse.md"
    ),
    overwrite: OverwriteOption = False,
) -> None:
    """Schrijf het datawoordenboek van het warehouse (docs/warehouse.md)."""
    from etl.dictionary import generate

    # The generated docs page is this command's own file: it is always replaced.
    default = settings.PROJECT_ROOT / "docs" / "warehouse.md"
    out = safe_output(out, overwrite=overwrite or out.resolve() == default.resolve())
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(generate(), encoding="utf-8")
    console.print(f"Datawoordenboek geschreven naar {out}.")
