"""The social agenda brief: recurring obstacles, ranked, and which level must solve them.

Built from readmodel.agenda, the read-layer function of the agenda page, so the brief and
the page rank the same items with the same figures.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from charts import strings as chart_strings
from etl import settings
from etl.vocabularies import LEVELS
from readmodel import format
from readmodel import strings as page_strings
from readmodel.agenda import RECURRING_MIN, agenda
from readmodel.obstacles import obstacles
from readmodel.selection import Filters
from readmodel.tables import agenda_table, item_labels
from readmodel.warehouse import Warehouse
from reports import model, strings
from reports.common import definitions_section, numbers, provenance

TOP = 10
TABLE_ROWS = 20
EXAMPLE_ITEMS = 5
EXAMPLES_PER_ITEM = 3


def agenda_brief(
    warehouse: Warehouse,
    filters: Filters | None = None,
    *,
    intern: bool = False,
    made_on: date | None = None,
) -> model.Report:
    """The brief for the selection; NothingToReport when it holds no obstacles."""
    filters = filters or Filters()
    items = agenda(warehouse.con, filters, first_day=warehouse.first_day, as_of=warehouse.as_of)
    if items.empty:
        raise model.NothingToReport(strings.AGENDA_EMPTY)
    recurring = items[items["recurring"]]
    shown = recurring if not recurring.empty else items
    summary = (
        strings.AGENDA_SUMMARY.format(
            recurring=format.count(len(recurring)),
            obstacles=format.count(recurring["obstacles"].sum()),
            total=format.count(items["obstacles"].sum()),
            minimum=RECURRING_MIN,
        )
        if not recurring.empty
        else strings.AGENDA_NONE
    )
    sections = [
        model.Section(
            strings.AGENDA_TOP,
            summary,
            (top_chart(shown), level_chart(shown)),
        ),
        model.Section(
            strings.AGENDA_TABLE,
            strings.AGENDA_TABLE_TEXT.format(
                suppress_below=settings.suppress_below(), small_numbers=settings.small_numbers()
            ),
            (_table(shown.head(TABLE_ROWS)),),
        ),
    ]
    if intern:
        sections.append(_examples(warehouse, filters, shown.head(EXAMPLE_ITEMS)))
    sections.append(definitions_section((), agenda_terms()))
    return model.Report(
        kind="agenda",
        title=strings.AGENDA_TITLE,
        subtitle=strings.AGENDA_SUBTITLE,
        provenance=provenance(warehouse, filters, intern=intern, made_on=made_on),
        sections=tuple(sections),
    )


# Relative column widths by header; the rest 1.15 (room for 'Initiatieven' at 12 pt).
_WIDTHS = {
    page_strings.COL_AGENDA_RANK: 0.7,
    page_strings.COL_ITEM: 3.0,
    page_strings.COL_TREND: 1.9,
    page_strings.COL_LEVEL: 1.75,
    page_strings.COL_INITIATIVES: 1.3,
}


def _table(items: pd.DataFrame) -> model.Table:
    table = public_table(items)
    return model.Table(table, widths=tuple(_WIDTHS.get(c, 1.15) for c in table.columns))


def agenda_terms() -> list[tuple[str, str]]:
    """The agenda page's terms (dashboard.strings.PAGE_TERMS) without the obstacle list's."""
    return [
        (term, text.replace("{minimum}", str(settings.small_numbers())))
        for term, text in page_strings.PAGE_TERMS
        if text != page_strings.HELP_DAYS_TO_RESPONSE
    ]


def top_chart(items: pd.DataFrame) -> model.BarChart:
    """In how many municipalities each of the first TOP items occurs (the ranking itself)."""
    top = items.head(TOP)
    return model.BarChart(
        title=chart_strings.AGENDA_CHART_AXIS,
        categories=tuple(item_labels(top)),
        series=(model.Series(strings.SERIES_MUNICIPALITIES, numbers(top["municipalities"])),),
        caption=strings.AGENDA_TOP_TEXT,
    )


def level_chart(items: pd.DataFrame) -> model.BarChart:
    """Obstacles of each of the first TOP items by the level that must solve them, stacked."""
    top = items.head(TOP)
    return model.BarChart(
        title=strings.AGENDA_LEVELS,
        categories=tuple(item_labels(top)),
        series=tuple(
            model.Series(LEVELS.label(code), numbers(top[f"level_{code}"]))
            for code in LEVELS.codes()
        ),
        stacked=True,
        value_axis=strings.COUNTED,
        caption=strings.AGENDA_LEVELS_TEXT,
    )


def public_table(items: pd.DataFrame) -> pd.DataFrame:
    """The agenda page's table, with no rank for items on few obstacles (public rule).

    Shares are already hidden below SUPPRESS_BELOW by the agenda query.
    """
    # The page's table less the unresolved count (its share is there) and severity: a
    # brief for a meeting, the page has the rest.
    table = agenda_table(items).drop(
        columns=[page_strings.COL_UNRESOLVED, page_strings.COL_SEVERE_SHARE]
    )
    few = items["small_numbers"].to_numpy()
    rank = table[page_strings.COL_AGENDA_RANK].astype("string").mask(few, strings.NO_VALUE)
    table = table.assign(**{page_strings.COL_AGENDA_RANK: rank})
    share = page_strings.COL_UNRESOLVED_SHARE
    table[share] = [strings.NO_VALUE if v != v else format.percent(v / 100) for v in table[share]]
    if few.any():
        table[strings.AGENDA_COL_NOTE] = [strings.FEW_CASES if f else "" for f in few]
    return table


def _examples(warehouse: Warehouse, filters: Filters, items: pd.DataFrame):
    """Intern only: a few (redacted) descriptions per top item, newest first."""
    rows = []
    for item, row in zip(item_labels(items), items.itertuples(index=False), strict=True):
        narrowed = filters.with_(categories=(row.category,), themes=(row.theme,))
        found = obstacles(warehouse.con, narrowed, limit=EXAMPLES_PER_ITEM)
        for example in found.itertuples(index=False):
            rows.append(
                {
                    page_strings.COL_ITEM: item,
                    page_strings.COL_MUNICIPALITY: example.municipality,
                    page_strings.COL_DESCRIPTION: example.description or strings.NO_VALUE,
                }
            )
    return model.Section(
        strings.AGENDA_EXAMPLES,
        strings.AGENDA_EXAMPLES_TEXT,
        (model.Table(pd.DataFrame(rows), widths=(2.5, 1.3, 5)),),
    )
