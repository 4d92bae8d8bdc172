"""What every report needs from the warehouse: the load, names, provenance, definitions.

Pure functions over a DuckDB connection, through the dashboard's own queries, so a figure
in an export is the figure on the screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import duckdb
import pandas as pd

from dashboard.charts.compare import NUMBER, PERCENT, interval_text
from dashboard.describe import period_text
from dashboard.filters import Filters
from dashboard.queries.overview import top
from dashboard.warehouse import Warehouse, read_warehouse
from etl import settings
from etl.metrics import definitions
from reports import model, strings


def open_warehouse(con: duckdb.DuckDBPyConnection) -> Warehouse:
    """The warehouse behind `con`; NothingToReport when it holds no load yet."""
    warehouse = read_warehouse(con)
    if warehouse is None:
        raise model.NothingToReport(strings.NO_LOAD)
    return warehouse


def provenance(
    warehouse: Warehouse, filters: Filters, *, intern: bool, made_on: date | None = None
) -> model.Provenance:
    return model.Provenance(
        as_of=warehouse.as_of,
        load_id=int(warehouse.load["load_id"]),
        period=period_text(filters, warehouse.first_day, warehouse.as_of),
        selection=warehouse.selection(filters),
        synthetic=warehouse.synthetic,
        intern=intern,
        made_on=made_on or date.today(),
        small_numbers=settings.small_numbers(),
        suppress_below=settings.suppress_below(),
    )


def definitions_block(
    keys: Iterable[str], terms: Iterable[tuple[str, str]] = ()
) -> model.Definitions:
    """The definitions of the figures used (etl.metrics.definitions), then extra terms.

    The small-numbers and suppression rules are always added: every export applies them.
    """
    wanted = [*keys, "small_numbers", "suppression"]
    by_key = {d.key: d for d in definitions()}
    items = []
    for key in dict.fromkeys(wanted):
        d = by_key[key]
        text = strings.DEF_LINE.format(
            numerator=_sentence(d.numerator),
            denominator=_sentence(d.denominator),
            period=_sentence(d.period),
            interval=_sentence(d.interval),
        )
        if d.note:
            text += strings.DEF_NOTE.format(note=d.note)
        items.append((d.label, text))
    return model.Definitions((*items, *terms))


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def definitions_section(
    keys: Iterable[str], terms: Iterable[tuple[str, str]] = ()
) -> model.Section:
    return model.Section(
        strings.DEFINITIONS, strings.DEFINITIONS_TEXT, (definitions_block(keys, terms),)
    )


def top_bars(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    dimension: str,
    labels: dict[str, str],
    title: str,
    caption: str,
) -> model.BarChart | None:
    """Obstacles and resolved per category or theme (dashboard.queries.overview.top).

    Counts only: the small-numbers rule hides percentages, not counts.
    """
    frame = top(con, filters, dimension, limit=len(labels))
    if frame.empty:
        return None
    return model.BarChart(
        title=title,
        categories=tuple(labels.get(code, code) for code in frame["code"]),
        series=(
            model.Series(strings.SERIES_OBSTACLES, _numbers(frame["obstacles"])),
            model.Series(strings.SERIES_RESOLVED, _numbers(frame["resolved"])),
        ),
        value_axis=strings.COUNTED,
        caption=caption,
    )


def _numbers(values: pd.Series) -> tuple[float | None, ...]:
    return tuple(None if v != v else float(v) for v in values)


def numbers(values: Iterable) -> tuple[float | None, ...]:
    """Chart values: floats, with None where a value is missing or suppressed."""
    return _numbers(pd.Series(list(values), dtype="float64"))


def measure_text(value: float, low: float, high: float, is_share: bool) -> str:
    """'62% (44% – 77%)' as in the dashboard's tables; 'te weinig gevallen' when hidden."""
    return interval_text(value, low, high, PERCENT if is_share else NUMBER, compact=True)


def region_codes(warehouse: Warehouse) -> tuple[str, ...]:
    return tuple(warehouse.region_names)
