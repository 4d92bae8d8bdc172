"""Entry point of `omzien`: the sub-commands of every layer on one Typer app."""

from __future__ import annotations

import typer

from cli.demo import demo
from cli.etl import etl_app
from cli.export import export_app
from cli.geo import geo_app
from cli.publish import publish
from cli.rollup import rollup
from etl.messages import PUBLISH, ROLLUP

app = typer.Typer(
    help="Omzien: signalen van bewonersinitiatieven.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(etl_app, name="etl")
app.add_typer(export_app, name="export")
app.add_typer(geo_app, name="geo")
app.command("demo")(demo)
app.command("publish", help=PUBLISH["help"])(publish)
app.command("rollup", help=ROLLUP["help"])(rollup)


def main() -> None:
    app()
