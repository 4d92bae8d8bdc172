"""`omzien export gemeente|agenda|vergelijking|oplossingen|kennisbank`: write a report.

Exit codes: 0 written, 1 no warehouse or nothing to export (or it could not be written),
2 wrong usage (unknown municipality, region, format or date). Messages are Dutch and
never a traceback.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from cli import strings
from cli.common import (
    OverwriteOption,
    console,
    errors,
    fail,
    in_range,
    read_model,
    safe_output,
)
from etl import settings
from reports.output import FORMATS

export_app = typer.Typer(help=strings.EXPORT["help"], no_args_is_help=True)
MESSAGES = strings.EXPORT

WarehouseOption = Annotated[
    Path, typer.Option("--warehouse", envvar=settings.WAREHOUSE.env, help=settings.WAREHOUSE.help)
]
OutOption = Annotated[Path | None, typer.Option("--out", help=MESSAGES["out_help"])]
InternOption = Annotated[bool, typer.Option("--intern", help=MESSAGES["intern_help"])]
# Tables an export reads beside etl.loads; a DuckDB file without them is no warehouse.
StartOption = Annotated[str | None, typer.Option("--van", help=MESSAGES["start_help"])]
EndOption = Annotated[str | None, typer.Option("--tot", help=MESSAGES["end_help"])]


def _format_option(kind: str):
    return Annotated[
        str,
        typer.Option(
            "--format", help=MESSAGES["format_help"].format(formats=", ".join(FORMATS[kind]))
        ),
    ]


def _check_format(kind: str, value: str) -> str:
    wanted = value.strip().lower().lstrip(".")
    if wanted not in FORMATS[kind]:
        raise fail(MESSAGES["bad_format"].format(value=value, formats=", ".join(FORMATS[kind])), 2)
    return wanted


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise fail(MESSAGES["bad_date"].format(value=value), 2) from None
    return in_range(day, value)


def _filters(start: str | None, end: str | None):
    from readmodel.selection import Filters

    first, last = _day(start), _day(end)
    if first and last and first > last:
        first, last = last, first
    return Filters(start=first, end=last)


def municipality_code(value: str, names: dict[str, str]) -> str | None:
    """'GM0312', 'gm0312', '0312', '312' or 'Bunnik' -> 'GM0312'; None when unknown."""
    text = value.strip()
    digits = text.upper().removeprefix("GM")
    if digits.isdigit() and f"GM{int(digits):04d}" in names:
        return f"GM{int(digits):04d}"
    by_name = {name.casefold(): code for code, name in names.items()}
    return by_name.get(text.casefold())


def _suggest(value: str, names: dict[str, str]) -> str:
    close = difflib.get_close_matches(value, list(names.values()), n=3, cutoff=0.5)
    examples = close or sorted(names.values())[:3]
    return ", ".join(f"{name} ({code})" for code, name in names.items() if name in examples)


def _export(
    kind: str,
    file_format: str,
    warehouse: Path,
    out: Path | None,
    build: Callable,
    *,
    code: str | None = None,
    check: Callable | None = None,
    overwrite: bool = False,
    file_code: Callable[[str | None], str | None] | None = None,
):
    """Open the warehouse, build the report, render it and write it; exit codes as above.
    Returns the report, the path written and its bytes.

    `file_code` names the default file from the checked code (else the code itself)."""
    from reports import output
    from reports.images import ImageError
    from reports.model import NothingToReport

    if out is not None:  # a bad --out is wrong usage: say so before the work starts
        out = safe_output(out, overwrite=overwrite, warehouse=warehouse)
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}", markup=False),
        TimeElapsedColumn(),
    )
    with read_model(warehouse, empty_message=MESSAGES["empty_warehouse"]) as context:
        if check is not None:
            code = check(context)
        with Progress(*columns, console=errors, transient=True) as progress:
            step = progress.add_task(MESSAGES["building"])
            try:
                report = build(context, code) if code is not None else build(context)
                progress.update(
                    step, description=MESSAGES["rendering"].format(format=file_format.upper())
                )
                content = output.render(report, file_format)
            except NothingToReport as exc:
                raise fail(MESSAGES["nothing"].format(reason=exc), 1) from None
            except ImageError as exc:
                raise fail(str(exc), 1) from None
            except Exception as exc:  # a readable message, never a traceback
                raise fail(
                    MESSAGES["failed"].format(error=f"{type(exc).__name__}: {exc}"), 1
                ) from None
        as_of = context.as_of
    target = out or safe_output(
        output.default_path(
            kind,
            file_format,
            day=as_of,
            code=file_code(code) if file_code else code,
            intern=report.provenance.intern,
        ),
        overwrite=overwrite,
        warehouse=warehouse,
    )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    except OSError as exc:
        raise fail(MESSAGES["write_failed"].format(path=target, reason=exc.strerror), 1) from None
    if report.provenance.synthetic:
        console.print(MESSAGES["synthetic"])
    console.print(MESSAGES["written"].format(path=target))
    return report, target, content


@export_app.command("gemeente", help=MESSAGES["gemeente_help"])
def export_municipality(
    code: Annotated[str, typer.Argument(help=MESSAGES["code_help"], show_default=False)],
    file_format: _format_option("gemeente") = "pdf",
    out: OutOption = None,
    warehouse: WarehouseOption = Path(settings.WAREHOUSE.default),
    intern: InternOption = False,
    start: StartOption = None,
    end: EndOption = None,
    overwrite: OverwriteOption = False,
) -> None:
    from reports.factsheet import factsheet

    file_format = _check_format("gemeente", file_format)
    filters = _filters(start, end)

    def check(context) -> str:
        found = municipality_code(code, context.municipality_names)
        if found is None:
            raise fail(
                MESSAGES["unknown_code"].format(
                    value=code, examples=_suggest(code, context.municipality_names)
                ),
                2,
            )
        return found

    _export(
        "gemeente",
        file_format,
        warehouse,
        out,
        lambda warehouse, found: factsheet(warehouse, found, filters, intern=intern),
        check=check,
        overwrite=overwrite,
    )


def _default_region(context) -> str:
    """U16 where the warehouse has it (Omzien's habit), else the network's first main region."""
    if "u16" in context.region_names:
        return "u16"
    regions = context.main_regions() or list(context.region_names)
    if not regions:
        raise fail(MESSAGES["no_regions"], 2)
    return regions[0]


def _region_check(value: str | None, required: bool):
    def check(context) -> str | None:
        if value is None and not required:
            return None
        if value is None:
            return _default_region(context)
        wanted = value.strip().lower()
        by_name = {name.casefold(): c for c, name in context.region_names.items()}
        found = wanted if wanted in context.region_names else by_name.get(wanted)
        if found is None:
            raise fail(
                MESSAGES["unknown_region"].format(
                    value=value, codes=", ".join(context.region_names)
                ),
                2,
            )
        return found

    return check


@export_app.command("agenda", help=MESSAGES["agenda_help"])
def export_agenda(
    file_format: _format_option("agenda") = "pdf",
    out: OutOption = None,
    warehouse: WarehouseOption = Path(settings.WAREHOUSE.default),
    region: Annotated[
        str | None,
        typer.Option("--regio", help=MESSAGES["agenda_region_help"]),
    ] = None,
    intern: InternOption = False,
    start: StartOption = None,
    end: EndOption = None,
    overwrite: OverwriteOption = False,
) -> None:
    from reports.agenda_brief import agenda_brief

    file_format = _check_format("agenda", file_format)
    filters = _filters(start, end)

    def build(warehouse, found=None):
        return agenda_brief(warehouse, filters.with_(region=found), intern=intern)

    _export(
        "agenda",
        file_format,
        warehouse,
        out,
        build,
        check=_region_check(region, False),
        overwrite=overwrite,
    )


@export_app.command("vergelijking", help=MESSAGES["vergelijking_help"])
def export_comparison(
    region: Annotated[str | None, typer.Option("--regio", help=MESSAGES["region_help"])] = None,
    file_format: _format_option("vergelijking") = "pdf",
    out: OutOption = None,
    warehouse: WarehouseOption = Path(settings.WAREHOUSE.default),
    intern: InternOption = False,
    start: StartOption = None,
    end: EndOption = None,
    overwrite: OverwriteOption = False,
) -> None:
    from reports.comparison import comparison

    file_format = _check_format("vergelijking", file_format)
    filters = _filters(start, end)
    _export(
        "vergelijking",
        file_format,
        warehouse,
        out,
        lambda warehouse, found: comparison(warehouse, found, filters, intern=intern),
        check=_region_check(region, True),
        overwrite=overwrite,
    )


def _key(text: str) -> str:
    """Case-, accent-, space- and punctuation-insensitive, as the ETL matches vocabularies."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def vocabulary_code(vocabulary, value: str, what: str) -> str:
    """The code of a theme or category written as its code, label or an alias; exit 2 when
    it is none."""
    for term in vocabulary.terms:
        if _key(value) in {_key(w) for w in (term.code, term.label, *term.aliases)}:
            return term.code
    raise fail(
        MESSAGES["unknown_vocabulary"].format(
            value=value, what=what, codes=", ".join(vocabulary.codes())
        ),
        2,
    )


@export_app.command("oplossingen", help=MESSAGES["oplossingen_help"])
def export_solutions(
    theme: Annotated[str, typer.Option("--thema", help=MESSAGES["theme_help"])],
    category: Annotated[str, typer.Option("--categorie", help=MESSAGES["category_help"])],
    file_format: _format_option("oplossingen") = "xlsx",
    out: OutOption = None,
    warehouse: WarehouseOption = Path(settings.WAREHOUSE.default),
    region: Annotated[
        str | None, typer.Option("--regio", help=MESSAGES["solutions_region_help"])
    ] = None,
    intern: InternOption = False,
    start: StartOption = None,
    end: EndOption = None,
    overwrite: OverwriteOption = False,
) -> None:
    from etl.vocabularies import CATEGORIES, THEMES
    from reports.solutions import solutions_report

    file_format = _check_format("oplossingen", file_format)
    theme = vocabulary_code(THEMES, theme, MESSAGES["what_theme"])
    category = vocabulary_code(CATEGORIES, category, MESSAGES["what_category"])
    filters = _filters(start, end)

    def build(warehouse, found=None):
        return solutions_report(
            warehouse, theme, category, filters.with_(region=found), intern=intern
        )

    _export(
        "oplossingen",
        file_format,
        warehouse,
        out,
        build,
        check=_region_check(region, False),
        overwrite=overwrite,
        file_code=lambda found: f"{theme}-{category}" + (f"_{found}" if found else ""),
    )


@export_app.command("kennisbank", help=MESSAGES["kennisbank_help"])
def export_directory(
    file_format: _format_option("kennisbank") = "xlsx",
    out: OutOption = None,
    warehouse: WarehouseOption = Path(settings.WAREHOUSE.default),
    region: Annotated[
        str | None, typer.Option("--regio", help=MESSAGES["solutions_region_help"])
    ] = None,
    intern: InternOption = False,
    end: Annotated[str | None, typer.Option("--tot", help=MESSAGES["kennisbank_end_help"])] = None,
    overwrite: OverwriteOption = False,
) -> None:
    from reports.directory import directory_report

    file_format = _check_format("kennisbank", file_format)
    filters = _filters(None, end)

    def build(warehouse, found=None):
        return directory_report(warehouse, filters.with_(region=found), intern=intern)

    _export(
        "kennisbank",
        file_format,
        warehouse,
        out,
        build,
        check=_region_check(region, False),
        overwrite=overwrite,
        file_code=lambda found: found,
    )


@export_app.command("signalen", help=MESSAGES["signalen_help"])
def export_signals(
    file_format: _format_option("signalen") = "pdf",
    out: OutOption = None,
    warehouse: WarehouseOption = Path(settings.WAREHOUSE.default),
    region: Annotated[
        str | None, typer.Option("--regio", help=MESSAGES["signals_region_help"])
    ] = None,
    mail: Annotated[bool, typer.Option("--mail", help=MESSAGES["mail_help"])] = False,
    overwrite: OverwriteOption = False,
) -> None:
    from cli.mail import MailError, message, recipients, send, server
    from readmodel.selection import Filters
    from readmodel.signals import signals
    from reports.signals_digest import digest

    file_format = _check_format("signalen", file_format)
    try:  # settings that are missing are wrong usage: said before any work starts
        to, smtp = (recipients(), server()) if mail else ([], None)
    except MailError as exc:
        raise fail(str(exc), exc.code) from None

    seen = {}

    def build(warehouse, found=None):
        scope = Filters(region=found)
        seen["signals"] = signals(warehouse.con, scope)
        return digest(warehouse, scope, found=seen["signals"])

    report, target, content = _export(
        "signalen",
        file_format,
        warehouse,
        out,
        build,
        check=_region_check(region, False),
        overwrite=overwrite,
        file_code=lambda found: found,
    )
    if not mail:
        return
    from readmodel import format
    from reports.output import MIME
    from reports.render_md import render as render_md

    current = seen["signals"].current
    subject = strings.MAIL["subject"].format(
        new=seen["signals"].new,
        ongoing=len(current) - seen["signals"].new,
        as_of=format.day(report.provenance.as_of),
    )
    if report.provenance.synthetic:
        subject = strings.MAIL["subject_demo"] + subject
    attachment = None if file_format == "md" else (target.name, content, MIME[file_format])
    try:
        send(message(subject, render_md(report).decode("utf-8"), to, attachment), smtp)
    except MailError as exc:
        raise fail(str(exc), exc.code) from None
    console.print(MESSAGES["mail_sent"].format(count=len(to), server=smtp.label))
