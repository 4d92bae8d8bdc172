"""`omzien demo`: write the synthetic demo exports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.common import AsOfOption, console, fail, parse_as_of, parse_province
from etl import settings
from etl.messages import CLI


def demo(
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Map voor de demo-exports (standaard: data/raw/demo)."),
    ] = None,
    seed: Annotated[int, typer.Option(help="Startwaarde van de toevalsgenerator.")] = 2026,
    as_of: AsOfOption = None,
    province: Annotated[
        str,
        typer.Option(
            "--province",
            help="Provincie waarover de demo zich spreidt, of Nederland voor alle gemeenten.",
        ),
    ] = settings.PROVINCE.default,
) -> None:
    """Schrijf synthetische demo-exports (fictieve initiatieven, knelpunten en reacties)."""
    from etl.demo import write_demo_exports

    target = out or settings.raw_dir() / "demo"
    try:
        result = write_demo_exports(
            target,
            seed=seed,
            as_of=parse_as_of(as_of),
            progress=console.print,
            province=parse_province(province),
        )
    except ValueError as exc:  # an as-of day or scale the demo cannot tell its story with
        raise fail(str(exc), 2) from None
    console.print(
        CLI["demo_written"].format(path=target, files=len(result.files), broken=result.broken_rows)
    )
