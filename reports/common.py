"""What every report needs from the read layer: provenance, definitions, bar charts of counts.

Reports are built from the same read-layer functions the dashboard uses, so a figure in an
export is the figure on the screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pandas as pd

from etl import settings
from etl.metrics.registry import metric
from readmodel import format
from readmodel.describe import describe, period_text
from readmodel.overview import top
from readmodel.selection import Filters
from readmodel.warehouse import Warehouse
from reports import model, strings


def provenance(
    warehouse: Warehouse, filters: Filters, *, intern: bool, made_on: date | None = None
) -> model.Provenance:
    return model.Provenance(
        as_of=warehouse.as_of,
        load_id=warehouse.load_id,
        period=period_text(filters, warehouse.first_day, warehouse.as_of),
        selection=describe(warehouse, filters),
        synthetic=warehouse.synthetic,
        intern=intern,
        made_on=made_on or date.today(),
        small_numbers=settings.small_numbers(),
        suppress_below=settings.suppress_below(),
    )


def definitions_block(
    keys: Iterable[str], terms: Iterable[tuple[str, str]] = ()
) -> model.Definitions:
    """The registry's definitions of the figures used, then extra terms.

    The small-numbers and suppression rules are always added: every export applies them.
    """
    items = []
    for key in dict.fromkeys([*keys, "small_numbers", "suppression"]):
        found = metric(key)
        text = strings.DEF_LINE.format(
            numerator=_sentence(found.numerator),
            denominator=_sentence(found.denominator),
            period=_sentence(found.period),
            interval=_sentence(found.interval),
        )
        if found.note:
            text += strings.DEF_NOTE.format(note=found.note)
        items.append((found.label, text))
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
    warehouse: Warehouse,
    filters: Filters,
    dimension: str,
    labels: dict[str, str],
    title: str,
    caption: str,
) -> model.BarChart | None:
    """Obstacles and resolved per category or theme (readmodel.overview.top).

    Counts only: the small-numbers rule hides percentages, not counts.
    """
    frame = top(warehouse.con, filters, dimension, limit=len(labels))
    if frame.empty:
        return None
    return model.BarChart(
        title=title,
        categories=tuple(labels.get(code, code) for code in frame["code"]),
        series=(
            model.Series(strings.SERIES_OBSTACLES, numbers(frame["obstacles"])),
            model.Series(strings.SERIES_RESOLVED, numbers(frame["resolved"])),
        ),
        value_axis=strings.COUNTED,
        caption=caption,
    )


def numbers(values: Iterable) -> tuple[float | None, ...]:
    """Chart values: floats, with None where a value is missing or suppressed."""
    return tuple(None if v != v else float(v) for v in pd.Series(list(values), dtype="float64"))


def measure_text(value: float, low: float, high: float, is_share: bool) -> str:
    """'62% (44% – 77%)' as in the dashboard's tables; 'te weinig gevallen' when hidden."""
    return format.interval(
        value, low, high, format.PERCENT if is_share else format.NUMBER, compact=True
    )
