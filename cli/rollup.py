"""`omzien rollup`: the public snapshots of several networks added up into one."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.common import OverwriteOption, console, errors, fail, safe_output
from etl.messages import ROLLUP


def rollup(
    snapshots: Annotated[list[Path], typer.Argument(help=ROLLUP["snapshots_help"])],
    out: Annotated[Path, typer.Option("--out", help=ROLLUP["out_help"])],
    voorkeur: Annotated[str | None, typer.Option("--voorkeur", help=ROLLUP["prefer_help"])] = None,
    naam: Annotated[str | None, typer.Option("--naam", help=ROLLUP["name_help"])] = None,
    overwrite: OverwriteOption = False,
) -> None:
    """Tel publieke momentopnamen van netwerken op tot één landelijk beeld."""
    from etl.rollup import RollupError, is_rollup
    from etl.rollup import rollup as add_up

    if any(out.exists() and s.exists() and out.samefile(s) for s in snapshots):
        raise fail(ROLLUP["out_is_input"].format(path=out), 2)
    # An earlier roll-up is replaced unasked; a network's own snapshot only with --overwrite.
    target = safe_output(out, overwrite=overwrite or is_rollup(out))
    try:
        result = add_up(
            snapshots,
            target,
            prefer=voorkeur,
            name=naam,
            progress=lambda step: console.print(f"… {step}"),
        )
    except RollupError as exc:
        raise fail(str(exc), exc.exit_code) from None
    for network, count in result.left_out.items():
        errors.print(ROLLUP["left_out"].format(network=network, count=count))
    for region in result.dropped_regions:
        errors.print(ROLLUP["dropped_region"].format(region=region))
    if len(set(result.as_of_days.values())) > 1:
        days = ", ".join(f"{n} {d:%d-%m-%Y}" for n, d in result.as_of_days.items())
        errors.print(ROLLUP["as_of_differs"].format(days=days))
    if result.unknown_reach:
        errors.print(ROLLUP["unknown_reach"].format(places=", ".join(result.unknown_reach)))
    console.print(
        ROLLUP["written"].format(
            path=result.path,
            networks=len(result.networks),
            municipalities=result.municipalities,
        )
    )
