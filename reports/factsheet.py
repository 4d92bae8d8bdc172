"""The municipality fact sheet: its figures against region and province, what it shares.

Built with the read-layer functions of the profile page (readmodel.profile, .overview,
.agenda), so the sheet and the page show the same numbers.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from charts.profile import km_curves
from etl import settings
from etl.metrics import few_cases
from etl.metrics.registry import FIRST_RESPONSE
from etl.vocabularies import CATEGORIES, STATUSES, THEMES
from readmodel import format
from readmodel import strings as labels
from readmodel.agenda import agenda
from readmodel.comparison import Inputs, inputs
from readmodel.obstacles import obstacles
from readmodel.overview import Headline, headline, per_quarter, status_counts
from readmodel.profile import PROFILE_KEYS, curves, key_figures
from readmodel.selection import Filters
from readmodel.tables import item_labels, key_figures_frame, level_text
from readmodel.warehouse import Warehouse
from reports import model, strings
from reports.common import definitions_section, numbers, provenance, top_bars

SHARED_ITEMS = 10
# Intern: the most recent descriptions; the full list is on the dashboard's obstacle page.
DESCRIPTIONS = 40


def factsheet(
    warehouse: Warehouse,
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
    if code not in warehouse.municipality_names:
        raise KeyError(code)
    filters = (filters or Filters()).with_(municipality=code, region=None)
    name = warehouse.municipality_names[code]
    data = inputs(warehouse, filters)
    own = data.counts[data.counts["cbs_code"] == code].iloc[0]
    n = int(own["obstacles"])
    if n == 0:
        raise model.NothingToReport(strings.FACT_NONE.format(name=name))
    regions = [warehouse.region_names[r] for r in warehouse.regions_of(code)]
    intro = [
        model.Paragraph(
            strings.FACT_INTRO.format(
                name=name,
                population=format.count(own["population"]),
                regions=", ".join(regions) or strings.FACT_NO_REGION,
            )
        )
    ]
    if few_cases(n, settings.small_numbers()):
        intro.append(model.Paragraph(strings.FACT_FEW.format(name=name, count=n)))
    if few_cases(n, settings.suppress_below()):
        intro.append(
            model.Paragraph(
                strings.FACT_SUPPRESSED.format(suppress_below=settings.suppress_below())
            )
        )
    table = key_figures_frame(key_figures(data, code), name, warehouse.area_short)
    sections = [
        model.Section(
            strings.FACT_KEY,
            strings.FACT_KEY_TEXT,
            (
                *intro,
                key_tiles(headline(warehouse.con, filters)),
                # Measure, own value, then (reference value, verdict) pairs.
                model.Table(table, widths=(1.7, 1.45, *[1.45, 1.5] * (len(regions) + 1))),
            ),
        ),
        _categories_and_themes(warehouse, filters),
        _response(warehouse, filters, data, code, name, n),
        _trend(warehouse, filters),
        _shared_agenda(warehouse, filters, name),
    ]
    if intern:
        sections.append(_descriptions(warehouse, filters))
    sections.append(definitions_section(PROFILE_KEYS))
    return model.Report(
        kind="gemeente",
        title=strings.FACT_TITLE.format(name=name),
        subtitle=strings.FACT_SUBTITLE,
        provenance=provenance(warehouse, filters, intern=intern, made_on=made_on),
        sections=tuple(s for s in sections if s.blocks),
    )


def key_tiles(figures: Headline) -> model.KeyFigures:
    """The overview's headline counts; shares only from SUPPRESS_BELOW obstacles on."""
    total = figures.obstacles

    def share(count: int) -> tuple[str, str]:
        of = strings.FACT_TILE_OF.format(count=format.count(count), total=format.count(total))
        if few_cases(total, settings.suppress_below()):
            return format.count(count), of + " · " + strings.TOO_FEW
        few = f" · {strings.FEW_CASES}" if few_cases(total, settings.small_numbers()) else ""
        return format.percent(count / total), of + few

    answered, answered_note = share(figures.answered)
    resolved, resolved_note = share(figures.resolved)
    return model.KeyFigures(
        (
            model.KeyFigure(format.count(total), strings.FACT_TILE_OBSTACLES),
            model.KeyFigure(format.count(figures.initiatives), strings.FACT_TILE_INITIATIVES),
            model.KeyFigure(answered, strings.FACT_TILE_ANSWERED, answered_note),
            model.KeyFigure(resolved, strings.FACT_TILE_RESOLVED, resolved_note),
        )
    )


def _categories_and_themes(warehouse: Warehouse, filters: Filters) -> model.Section:
    charts = [
        top_bars(
            warehouse,
            filters,
            "category",
            CATEGORIES.labels(),
            strings.FACT_CATEGORIES,
            strings.FACT_CATEGORIES_TEXT,
        ),
        top_bars(
            warehouse,
            filters,
            "theme",
            THEMES.labels(),
            strings.FACT_THEMES,
            strings.FACT_THEMES_TEXT,
        ),
    ]
    return model.Section(
        strings.FACT_CATEGORIES, strings.FACT_CATEGORIES_TEXT, tuple(c for c in charts if c)
    )


def _response(
    warehouse: Warehouse, filters: Filters, data: Inputs, code: str, name: str, n: int
) -> model.Section:
    """Kaplan-Meier curves (an image) and where the obstacles stand now (a native chart)."""
    blocks: list[model.Block] = []
    groups = {warehouse.province_name: frozenset(warehouse.municipality_names)}
    if not few_cases(n, settings.suppress_below()):
        groups = {name: frozenset({code}), **groups}
    else:
        blocks.append(model.Paragraph(strings.FACT_RESPONSE_SUPPRESSED.format(name=name)))
    blocks.append(
        model.Figure(
            strings.FACT_KM_TITLE,
            km_curves(curves(data, FIRST_RESPONSE, groups), title=strings.FACT_KM_TITLE),
            caption=strings.FACT_RESPONSE_TEXT,
        )
    )
    status = status_counts(warehouse.con, filters)
    names = STATUSES.labels()
    blocks.append(
        model.BarChart(
            title=strings.FACT_STATUS,
            categories=tuple(names.get(s, s) for s in status["status"]),
            series=(model.Series(strings.SERIES_OBSTACLES, numbers(status["obstacles"])),),
            value_axis=strings.COUNTED,
            caption=strings.FACT_STATUS_TEXT,
        )
    )
    return model.Section(strings.FACT_RESPONSE, strings.FACT_RESPONSE_TEXT, tuple(blocks))


def _trend(warehouse: Warehouse, filters: Filters) -> model.Section:
    frame = per_quarter(
        warehouse.con, filters, first_day=warehouse.first_day, as_of=warehouse.as_of
    )
    if frame.empty:
        return model.Section(strings.FACT_TREND)
    chart = model.BarChart(
        title=strings.FACT_TREND,
        categories=tuple(frame["label"]),
        series=(
            model.Series(strings.SERIES_REPORTED, numbers(frame["obstacles"])),
            model.Series(strings.SERIES_RESOLVED_90D, numbers(frame["resolved_in_90d"])),
        ),
        horizontal=False,
        value_axis=strings.COUNTED,
        caption=strings.FACT_TREND_TEXT,
    )
    return model.Section(strings.FACT_TREND, strings.FACT_TREND_TEXT, (chart,))


def shared_items(warehouse: Warehouse, filters: Filters) -> pd.DataFrame:
    """Agenda items of the municipality that recur in the province (the agenda page's).

    One row per (category, theme) the municipality has, joined to the province-wide item:
    obstacles_here, municipalities, obstacles, level, level_share; in province rank order.
    """
    days = {"first_day": warehouse.first_day, "as_of": warehouse.as_of}
    here = agenda(warehouse.con, filters, **days)
    province = agenda(warehouse.con, filters.with_(municipality=None), **days)
    if here.empty or province.empty:
        return province.iloc[0:0].assign(obstacles_here=[])
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
            labels.COL_ITEM: item_labels(items),
            strings.FACT_COL_HERE: items["obstacles_here"],
            strings.FACT_COL_ELSEWHERE: items["municipalities"],
            strings.FACT_COL_PROVINCE: items["obstacles"],
            labels.COL_LEVEL: level_text(items),
        }
    )
    return model.Section(
        strings.FACT_AGENDA,
        strings.FACT_AGENDA_TEXT.format(name=name),
        (model.Table(table, widths=(3.2, 1, 1.1, 1.1, 1.6)),),
    )


def _descriptions(warehouse: Warehouse, filters: Filters) -> model.Section:
    """Intern only: the (redacted) descriptions of the most recent obstacles."""
    frame = obstacles(warehouse.con, filters, limit=DESCRIPTIONS)
    table = pd.DataFrame(
        {
            labels.COL_ID: frame["obstacle_id"],
            labels.COL_REPORTED: [format.day(d) for d in frame["reported_at"]],
            labels.COL_CATEGORY: frame["category"].map(CATEGORIES.labels()),
            labels.COL_STATUS: frame["status"].map(STATUSES.labels()),
            labels.COL_DESCRIPTION: frame["description"].fillna(strings.NO_VALUE),
        }
    )
    return model.Section(
        strings.FACT_DESCRIPTIONS,
        strings.FACT_DESCRIPTIONS_TEXT,
        (model.Table(table, widths=(1, 1, 1.6, 1.3, 5)),),
    )
