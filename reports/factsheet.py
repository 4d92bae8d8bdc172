"""The municipality fact sheet: its figures against region and province, what it shares.

Built with the queries and measures of the profile page (dashboard.queries.*,
dashboard.measures), so the sheet and the page show the same numbers.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from dashboard import measures
from dashboard import strings as page_strings
from dashboard.charts.profile import km_curves
from dashboard.describe import count_text, share_text
from dashboard.filters import Filters
from dashboard.queries.agenda import agenda
from dashboard.queries.compare import municipality_counts, obstacle_dates, region_members
from dashboard.queries.obstacles import obstacles
from dashboard.queries.overview import headline, per_quarter
from dashboard.queries.profile import status_counts
from dashboard.tables import item_labels, level_text
from etl import metrics, settings
from etl.vocabularies import CATEGORIES, STATUSES, THEMES
from reports import model, strings
from reports.common import (
    Warehouse,
    definitions_section,
    measure_text,
    numbers,
    open_warehouse,
    provenance,
    top_bars,
)

SHARED_ITEMS = 10
# Intern: the most recent descriptions; the full list is on the dashboard's obstacle page.
DESCRIPTIONS = 40


def factsheet(
    con: duckdb.DuckDBPyConnection,
    code: str,
    filters: Filters | None = None,
    *,
    intern: bool = False,
    made_on: date | None = None,
) -> model.Report:
    """The fact sheet of municipality `code` for the selection (its period, themes, ...).

    Raises KeyError for a code that is no municipality of the warehouse and
    NothingToReport when the municipality has no obstacles in the selection.
    """
    warehouse = open_warehouse(con)
    if code not in warehouse.municipality_names:
        raise KeyError(code)
    filters = (filters or Filters()).with_(municipality=code, region=None)
    name = warehouse.municipality_names[code]
    counts = municipality_counts(con, filters)
    dates = obstacle_dates(con, filters)
    members = region_members(con)
    own = counts[counts["cbs_code"] == code]
    n = int(own["obstacles"].iloc[0])
    if n == 0:
        raise model.NothingToReport(strings.FACT_NONE.format(name=name))
    own_regions = list(members.loc[members["cbs_code"] == code, "region_code"])
    regions = ", ".join(warehouse.region_names[r] for r in own_regions) or strings.FACT_NO_REGION

    intro = [
        model.Paragraph(
            strings.FACT_INTRO.format(
                name=name, population=count_text(own["population"].iloc[0]), regions=regions
            )
        )
    ]
    if n < settings.small_numbers():
        intro.append(model.Paragraph(strings.FACT_FEW.format(name=name, count=n)))
    if n < settings.suppress_below():
        intro.append(
            model.Paragraph(
                strings.FACT_SUPPRESSED.format(suppress_below=settings.suppress_below())
            )
        )
    figures = headline(con, filters, warehouse.as_of)
    sections = [
        model.Section(
            strings.FACT_KEY,
            strings.FACT_KEY_TEXT,
            (
                *intro,
                key_tiles(figures),
                key_table(warehouse, counts, dates, members, code, own_regions),
            ),
        ),
        _categories_and_themes(con, filters),
        _response(warehouse, filters, dates, code, name, n),
        _trend(con, filters),
        _shared_agenda(warehouse, filters, name),
    ]
    if intern:
        sections.append(_descriptions(con, filters))
    sections.append(definitions_section(measures.PROFILE_KEYS))
    return model.Report(
        kind="gemeente",
        title=strings.FACT_TITLE.format(name=name),
        subtitle=strings.FACT_SUBTITLE,
        provenance=provenance(warehouse, filters, intern=intern, made_on=made_on),
        sections=tuple(s for s in sections if s.blocks),
    )


def key_tiles(figures: dict[str, int]) -> model.KeyFigures:
    """The overview's headline counts; shares only from SUPPRESS_BELOW obstacles on."""
    total = figures["obstacles"]

    def share(count: int) -> tuple[str, str]:
        of = strings.FACT_TILE_OF.format(count=count_text(count), total=count_text(total))
        if total < settings.suppress_below():
            return count_text(count), of + " · " + strings.TOO_FEW
        few = f" · {strings.FEW_CASES}" if total < settings.small_numbers() else ""
        return share_text(count / total), of + few

    answered, answered_note = share(figures["answered"])
    resolved, resolved_note = share(figures["resolved"])
    return model.KeyFigures(
        (
            model.KeyFigure(count_text(total), strings.FACT_TILE_OBSTACLES),
            model.KeyFigure(count_text(figures["initiatives"]), strings.FACT_TILE_INITIATIVES),
            model.KeyFigure(answered, strings.FACT_TILE_ANSWERED, answered_note),
            model.KeyFigure(resolved, strings.FACT_TILE_RESOLVED, resolved_note),
        )
    )


def key_table(
    warehouse: Warehouse,
    counts: pd.DataFrame,
    dates: pd.DataFrame,
    members: pd.DataFrame,
    code: str,
    own_regions: list[str],
) -> model.Table:
    """Each key measure for the municipality, the province and its regions, with verdicts.

    The same computation as the profile page: measures.compute and measures.judged for the
    municipality (small-numbers rule applied), measures.references for the others.
    """
    name = warehouse.municipality_names[code]
    own = counts[counts["cbs_code"] == code]
    rows = []
    for key in measures.PROFILE_KEYS:
        measure = measures.BY_KEY[key]
        mine = measures.compute(
            own, dates[dates["cbs_code"] == code], measure, warehouse.as_of
        ).pipe(measures.judged, measure, float("nan"))
        mine = mine.iloc[0]
        refs = measures.references(
            counts,
            dates,
            members,
            warehouse.region_names,
            measure,
            warehouse.as_of,
            page_strings.PROVINCE_NAME,
        ).set_index("code")
        row = {
            strings.FACT_COL_MEASURE: measure.label,
            strings.FACT_COL_OWN.format(name=name): measure_text(
                mine["value"], mine["low"], mine["high"], measure.is_share
            ),
        }
        for ref_code in ("provincie", *own_regions):
            ref = refs.loc[ref_code]
            verdict = metrics.compare_to_reference([mine["low"]], [mine["high"]], [ref["value"]])
            row[ref["name"]] = measure_text(ref["value"], ref["low"], ref["high"], measure.is_share)
            row[strings.FACT_COL_VS.format(name=_short(ref["name"]))] = verdict[0] or "–"
        rows.append(row)
    frame = pd.DataFrame(rows)
    # Measure, own value, then (reference value, verdict) pairs.
    widths = (1.7, 1.45, *[1.45, 1.5] * (len(own_regions) + 1))
    return model.Table(frame, widths=widths)


def _short(name: str) -> str:
    return strings.PROVINCE if name == page_strings.PROVINCE_NAME else name


def _categories_and_themes(con: duckdb.DuckDBPyConnection, filters: Filters) -> model.Section:
    charts = [
        top_bars(
            con,
            filters,
            "category",
            CATEGORIES.labels(),
            strings.FACT_CATEGORIES,
            strings.FACT_CATEGORIES_TEXT,
        ),
        top_bars(
            con, filters, "theme", THEMES.labels(), strings.FACT_THEMES, strings.FACT_THEMES_TEXT
        ),
    ]
    return model.Section(
        strings.FACT_CATEGORIES, strings.FACT_CATEGORIES_TEXT, tuple(c for c in charts if c)
    )


def _response(
    warehouse: Warehouse,
    filters: Filters,
    dates: pd.DataFrame,
    code: str,
    name: str,
    n: int,
) -> model.Section:
    """Kaplan-Meier curves (an image) and where the obstacles stand now (a native chart)."""

    def curve(frame: pd.DataFrame) -> pd.DataFrame:
        events = metrics.time_to_event(
            frame["reported_at"], frame["first_response_at"], warehouse.as_of
        )
        return metrics.km_curve(events["duration"], events["observed"])

    blocks: list[model.Block] = []
    curves = {page_strings.PROVINCE_NAME: curve(dates)}
    if n >= settings.suppress_below():
        curves = {name: curve(dates[dates["cbs_code"] == code]), **curves}
    else:
        blocks.append(model.Paragraph(strings.FACT_RESPONSE_SUPPRESSED.format(name=name)))
    blocks.append(
        model.Figure(
            strings.FACT_KM_TITLE,
            km_curves(curves, title=strings.FACT_KM_TITLE),
            caption=strings.FACT_RESPONSE_TEXT,
        )
    )
    status = status_counts(warehouse.con, filters)
    labels = STATUSES.labels()
    blocks.append(
        model.BarChart(
            title=strings.FACT_STATUS,
            categories=tuple(labels.get(s, s) for s in status["status"]),
            series=(model.Series(strings.SERIES_OBSTACLES, numbers(status["obstacles"])),),
            value_axis=strings.COUNTED,
            caption=strings.FACT_STATUS_TEXT,
        )
    )
    return model.Section(strings.FACT_RESPONSE, strings.FACT_RESPONSE_TEXT, tuple(blocks))


def _trend(con: duckdb.DuckDBPyConnection, filters: Filters) -> model.Section:
    frame = per_quarter(con, filters)
    if frame.empty:
        return model.Section(strings.FACT_TREND)
    chart = model.BarChart(
        title=strings.FACT_TREND,
        categories=tuple(frame["label"]),
        series=(
            model.Series(strings.SERIES_REPORTED, numbers(frame["obstacles"])),
            model.Series(strings.SERIES_RESOLVED, numbers(frame["resolved"])),
        ),
        horizontal=False,
        value_axis=strings.COUNTED,
        caption=strings.FACT_TREND_TEXT,
    )
    return model.Section(strings.FACT_TREND, strings.FACT_TREND_TEXT, (chart,))


def shared_items(warehouse: Warehouse, filters: Filters) -> pd.DataFrame:
    """Agenda items of the municipality that recur in the province (dashboard agenda).

    One row per (category, theme) the municipality has, joined to the province-wide item:
    obstacles_here, municipalities, obstacles, level, level_share; in province rank order.
    """
    kwargs = {"first_day": warehouse.first_day, "as_of": warehouse.as_of}
    here = agenda(warehouse.con, filters, **kwargs)
    province = agenda(warehouse.con, filters.with_(municipality=None), **kwargs)
    keys = ["category", "theme"]
    joined = province[province["recurring"]].merge(
        here[[*keys, "obstacles"]].rename(columns={"obstacles": "obstacles_here"}), on=keys
    )
    return joined.sort_values("rank").reset_index(drop=True)


def _shared_agenda(warehouse: Warehouse, filters: Filters, name: str) -> model.Section:
    items = shared_items(warehouse, filters).head(SHARED_ITEMS)
    if items.empty:
        return model.Section(
            strings.FACT_AGENDA,
            blocks=(model.Paragraph(strings.FACT_AGENDA_NONE.format(name=name)),),
        )
    table = pd.DataFrame(
        {
            page_strings.COL_ITEM: item_labels(items),
            strings.FACT_COL_HERE: items["obstacles_here"],
            strings.FACT_COL_ELSEWHERE: items["municipalities"],
            strings.FACT_COL_PROVINCE: items["obstacles"],
            page_strings.COL_LEVEL: level_text(items),
        }
    )
    return model.Section(
        strings.FACT_AGENDA,
        strings.FACT_AGENDA_TEXT.format(name=name),
        (model.Table(table, widths=(3.2, 1, 1.1, 1.1, 1.6)),),
    )


def _descriptions(con: duckdb.DuckDBPyConnection, filters: Filters) -> model.Section:
    """Intern only: the (redacted) descriptions of the most recent obstacles."""
    frame = obstacles(con, filters, limit=DESCRIPTIONS)
    table = pd.DataFrame(
        {
            page_strings.COL_ID: frame["obstacle_id"],
            page_strings.COL_REPORTED: pd.to_datetime(frame["reported_at"]).dt.strftime("%d-%m-%Y"),
            page_strings.COL_CATEGORY: frame["category"].map(CATEGORIES.labels()),
            page_strings.COL_STATUS: frame["status"].map(STATUSES.labels()),
            page_strings.COL_DESCRIPTION: frame["description"].fillna("–"),
        }
    )
    return model.Section(
        strings.FACT_DESCRIPTIONS,
        strings.FACT_DESCRIPTIONS_TEXT,
        (model.Table(table, widths=(1, 1, 1.6, 1.3, 5)),),
    )
