"""`omzien publish`: the public snapshot of the warehouse, for a public dashboard."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.common import OverwriteOption, WarehouseOption, console, fail, safe_output
from etl import settings
from etl.messages import PUBLISH

OutOption = Annotated[
    Path,
    typer.Option("--out", envvar=settings.PUBLIC_WAREHOUSE.env, help=PUBLISH["out_help"]),
]


def publish(
    warehouse: WarehouseOption = Path(settings.WAREHOUSE.default),
    out: OutOption = Path(settings.PUBLIC_WAREHOUSE.default),
    overwrite: OverwriteOption = False,
) -> None:
    """Schrijf de publieke momentopname (alleen cijfers en initiatieven met toestemming)."""
    from etl.publish import PublishError, is_snapshot
    from etl.publish import publish as write_snapshot

    # An earlier snapshot is replaced without asking; any other existing file only with
    # --overwrite, and never the warehouse, an export or a folder.
    target = safe_output(out, overwrite=overwrite or is_snapshot(out), warehouse=warehouse)
    try:
        result = write_snapshot(warehouse, target)
    except PublishError as exc:
        raise fail(str(exc), 1) from None
    console.print(
        PUBLISH["written"].format(
            path=result.path,
            network=result.network,
            load_id=result.load_id,
            municipalities=result.municipalities,
            initiatives=result.initiatives,
        )
    )


def refresh_after_build(warehouse: Path) -> None:
    """After `omzien etl run`: publish again when a snapshot exists, so it never lags."""
    from etl.publish import PublishError, refresh

    try:
        result = refresh(warehouse)
    except PublishError as exc:
        raise fail(str(exc), 1) from None
    if result is not None:
        console.print(PUBLISH["refreshed"].format(path=result.path))
