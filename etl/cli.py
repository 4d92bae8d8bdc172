"""The `omzien` command: ETL runs, load status, rejects and synthetic demo exports."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import duckdb
import typer
from rich.console import Console
from rich.table import Table

from etl import settings
from etl.messages import CLI, SOURCE_LABELS
from reports.cli import export_app

app = typer.Typer(
    help="Omzien: signalen van bewonersinitiatieven.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
etl_app = typer.Typer(help="Exports inlezen en het warehouse bouwen.", no_args_is_help=True)
app.add_typer(etl_app, name="etl")
app.add_typer(export_app, name="export")
# Piped output (CI logs, files) gets a wide console so tables stay readable.
console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
errors = Console(stderr=True, highlight=False, width=None if sys.stderr.isatty() else 160)
SUMMARY_COLUMNS = ["bron", "gelezen", "geladen", "afgekeurd", "vervangen", "verwijderd"]

RawOption = Annotated[
    Path, typer.Option("--raw", envvar=settings.RAW_DIR.env, help=settings.RAW_DIR.help)
]
WarehouseOption = Annotated[
    Path, typer.Option("--warehouse", envvar=settings.WAREHOUSE.env, help=settings.WAREHOUSE.help)
]
AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="Peildatum JJJJ-MM-DD (standaard: vandaag).")
]


def _fail(message: str, code: int) -> typer.Exit:
    errors.print(message)
    return typer.Exit(code)


def parse_as_of(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(CLI["bad_date"].format(value=value), 2) from None


def _open_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    if not path.exists():
        raise _fail(CLI["no_warehouse"].format(path=path), 1)
    return duckdb.connect(str(path), read_only=True)


@etl_app.command("run")
def etl_run(
    raw: RawOption = Path(settings.RAW_DIR.default),
    warehouse: WarehouseOption = Path(settings.WAREHOUSE.default),
    as_of: AsOfOption = None,
) -> None:
    """Lees alle exports in de ruwe map en bouw het warehouse opnieuw op."""
    from etl.warehouse import Busy, NothingToBuild, build

    day = parse_as_of(as_of)
    if not raw.is_dir():
        raise _fail(CLI["raw_missing"].format(raw=raw), 2)
    try:
        result = build(
            raw,
            warehouse,
            as_of=day,
            province=settings.province(),
            progress=lambda message: console.print(message),
        )
    except (NothingToBuild, Busy) as exc:
        raise _fail(CLI["nothing_to_build"].format(reason=exc), 1) from None
    except Exception as exc:  # a crash must still leave a readable message, not a traceback
        raise _fail(
            CLI["nothing_to_build"].format(
                reason=CLI["build_failed"].format(error=f"{type(exc).__name__}: {exc}")
            ),
            1,
        ) from None
    print_summary(result)


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
    loads: Annotated[int, typer.Option(help="Aantal laatste loads.")] = 5,
) -> None:
    """Laat de laatste loads zien en per bestand wat ermee gebeurde."""
    with _open_read_only(warehouse) as con:
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
    per_file["bron"] = per_file["bron"].map(lambda s: SOURCE_LABELS.get(s, s))
    _print_frame(recent, "Laatste loads")
    _print_frame(per_file, f"Bestanden van load {latest}")


def rejects_frame(con: duckdb.DuckDBPyConnection, load_id: int | None):
    """The rejects of one load (default: the latest) with Dutch column names."""
    if load_id is None:
        load_id = con.execute("SELECT max(load_id) FROM etl.loads").fetchone()[0]
    elif not con.execute("SELECT count(*) FROM etl.loads WHERE load_id = ?", [load_id]).fetchone()[
        0
    ]:
        raise _fail(CLI["unknown_load"].format(load_id=load_id), 2)
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
        int | None, typer.Option("--load", help="Load-nummer (standaard: de laatste).")
    ] = None,
    csv: Annotated[
        Path | None,
        typer.Option(
            "--csv", help="Schrijf de afgekeurde rijen naar dit CSV-bestand (voor Excel)."
        ),
    ] = None,
    limit: Annotated[int, typer.Option(help="Hoeveel rijen op het scherm.")] = 50,
) -> None:
    """Toon de afgekeurde rijen, of schrijf ze naar CSV om terug te geven."""
    from etl.spreadsheet import write_excel_csv

    with _open_read_only(warehouse) as con:
        frame = rejects_frame(con, load)
    if csv is not None:
        write_excel_csv(frame, csv)
        console.print(CLI["rejects_written"].format(count=len(frame), path=csv))
        return
    if frame.empty:
        console.print(CLI["no_rejects"])
        return
    _print_frame(frame.head(limit).astype({"rij": "Int64"}), f"Afgekeurde rijen ({len(frame)})")
    if len(frame) > limit:
        console.print(f"... en {len(frame) - limit} meer; gebruik --csv BESTAND voor alles.")


@app.command("demo")
def demo(
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Map voor de demo-exports (standaard: data/raw/demo)."),
    ] = None,
    seed: Annotated[int, typer.Option(help="Startwaarde van de toevalsgenerator.")] = 2026,
    as_of: AsOfOption = None,
) -> None:
    """Schrijf synthetische demo-exports (fictieve initiatieven, knelpunten en reacties)."""
    from etl.demo import write_demo_exports

    target = out or settings.raw_dir() / "demo"
    try:
        result = write_demo_exports(
            target, seed=seed, as_of=parse_as_of(as_of), progress=console.print
        )
    except ValueError as exc:  # an as-of day or scale the demo cannot tell its story with
        raise _fail(str(exc), 2) from None
    console.print(
        CLI["demo_written"].format(path=target, files=len(result.files), broken=result.broken_rows)
    )


def main() -> None:
    app()


@etl_app.command("dictionary")
def etl_dictionary(
    out: Annotated[Path, typer.Option("--out", help="Waar het datawoordenboek komt.")] = Path(
        settings.PROJECT_ROOT / "docs" / "warehouse.md"
    ),
) -> None:
    """Schrijf het datawoordenboek van het warehouse (docs/warehouse.md)."""
    from etl.dictionary import generate

    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(generate(), encoding="utf-8")
    console.print(f"Datawoordenboek geschreven naar {out}.")


geo_app = typer.Typer(help="Gemeentegrenzen voor de kaarten.", no_args_is_help=True)
app.add_typer(geo_app, name="geo")


@geo_app.command("fetch")
def geo_fetch(
    raw: RawOption = Path(settings.RAW_DIR.default),
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            help="Jaar van de gemeentelijke indeling (standaard: het jaar van de inwonertallen).",
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Zoveel seconden mag het ophalen hooguit duren.")
    ] = 20.0,
    url: Annotated[
        str | None,
        typer.Option("--url", help="OGC API Features van CBS Gebiedsindelingen (standaard: PDOK)."),
    ] = None,
) -> None:
    """Haal de gemeentegrenzen van CBS op bij PDOK en zet ze in de ruwe map (geo/)."""
    from etl import reference
    from etl.geo.fetch import PDOK_OGC_API, FetchError, fetch_boundaries
    from etl.messages import GEO_FETCH

    if year is None:
        year = int(reference.province_municipalities()["population_year"].astype(int).max())
    if not 1995 <= year <= 2100:
        raise _fail(GEO_FETCH["bad_year"].format(value=year), 2)
    try:
        fetch_boundaries(
            raw,
            year,
            settings.province(),
            base_url=url or PDOK_OGC_API,
            timeout=timeout,
            progress=console.print,
        )
    except FetchError as exc:
        raise _fail(str(exc), 1) from None
    except Exception as exc:  # `make run` goes on without boundaries: a message, no traceback
        raise _fail(GEO_FETCH["failed"].format(error=f"{type(exc).__name__}: {exc}"), 1) from None
