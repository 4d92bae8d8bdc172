"""`omzien geo fetch`: municipal boundaries for the maps, from PDOK."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.common import ProvinceOption, RawOption, console, fail, parse_province
from etl import settings

geo_app = typer.Typer(help="Gemeentegrenzen voor de kaarten.", no_args_is_help=True)


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
    province: ProvinceOption = settings.PROVINCE.default,
) -> None:
    """Haal de gemeentegrenzen van CBS op bij PDOK en zet ze in de ruwe map (geo/)."""
    from etl import reference
    from etl.geo.fetch import PDOK_OGC_API, FetchError, fetch_boundaries
    from etl.messages import GEO_FETCH

    if year is None:
        year = int(reference.province_municipalities()["population_year"].astype(int).max())
    if not 1995 <= year <= 2100:
        raise fail(GEO_FETCH["bad_year"].format(value=year), 2)
    try:
        fetch_boundaries(
            raw,
            year,
            parse_province(province),
            base_url=url or PDOK_OGC_API,
            timeout=timeout,
            progress=console.print,
        )
    except FetchError as exc:
        raise fail(str(exc), 1) from None
    except Exception as exc:  # `make run` goes on without boundaries: a message, no traceback
        raise fail(GEO_FETCH["failed"].format(error=f"{type(exc).__name__}: {exc}"), 1) from None
