"""The regional comparison: the municipalities of one region side by side and the funnel.

Built like the compare page (dashboard.measures.compute / references / judged and
etl.metrics' funnel functions), so the export ranks, flags and judges as the page does.
"""

from __future__ import annotations

from datetime import date

import duckdb
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import measures
from dashboard import strings as page_strings
from dashboard.charts.compare import NUMBER, PERCENT, funnel_plot, with_labels
from dashboard.filters import Filters
from dashboard.queries.compare import comparison_inputs
from etl import metrics, settings
from reports import model, strings
from reports.common import (
    Warehouse,
    definitions_section,
    measure_text,
    numbers,
    open_warehouse,
    provenance,
)

# The region as a whole against the province.
SUMMARY_MEASURES = (
    "obstacles_per_10k",
    "initiatives_per_10k",
    "answered_share",
    "resolved_share",
    "first_response_within_30d",
    "median_days_to_first_response",
)
# Per municipality, each with a chart and a table; the funnel for the binomial shares.
DETAIL_MEASURES = ("resolved_share", "first_response_within_30d", "obstacles_per_10k")
MAP_MEASURE = "resolved_share"


def comparison(
    con: duckdb.DuckDBPyConnection,
    region: str,
    filters: Filters | None = None,
    *,
    intern: bool = False,
    made_on: date | None = None,
) -> model.Report:
    """The comparison of the municipalities of `region` (KeyError for an unknown region)."""
    warehouse = open_warehouse(con)
    if region not in warehouse.region_names:
        raise KeyError(region)
    region_name = warehouse.region_names[region]
    filters = (filters or Filters()).with_(region=region, municipality=None)
    data = selection_data(warehouse, filters)
    if data.counts.loc[data.counts["cbs_code"].isin(data.in_region), "obstacles"].sum() == 0:
        raise model.NothingToReport(strings.COMPARE_EMPTY.format(region=region_name))
    in_region = data.in_region

    sections = [
        model.Section(
            strings.COMPARE_REGION.format(region=region_name),
            strings.COMPARE_INTRO.format(count=len(in_region), region=region_name),
            (model.Table(_summary(data), widths=(2.4, 1.6, 1.6, 1.4)),),
        )
    ]
    for key in DETAIL_MEASURES:
        sections.append(_detail(data, measures.BY_KEY[key]))
    figure = map_figure(data, measures.BY_KEY[MAP_MEASURE])
    if figure is not None:
        sections.append(
            model.Section(
                figure.title, strings.COMPARE_MAP_TEXT.format(region=region_name), (figure,)
            )
        )
    sections.append(definitions_section((*SUMMARY_MEASURES, "funnel", "comparison")))
    return model.Report(
        kind="vergelijking",
        title=strings.COMPARE_TITLE.format(region=region_name),
        subtitle=strings.COMPARE_SUBTITLE.format(region=region_name),
        provenance=provenance(warehouse, filters, intern=intern, made_on=made_on),
        sections=tuple(sections),
    )


def selection_data(warehouse: Warehouse, filters: Filters) -> _Data:
    """Counts and dates of the selection; the rows are the region's (or all) municipalities.

    The province is the reference, so the counts cover every municipality; the region
    narrows the rows shown, not the reference.
    """
    inputs = comparison_inputs(warehouse.con, filters)
    counts, dates, members, in_region = (
        inputs.counts,
        inputs.dates,
        inputs.members,
        set(inputs.shown),
    )
    return _Data(warehouse, counts, dates, members, filters.region, in_region)


class _Data:
    """The counts and dates of the selection, with the province and region references."""

    def __init__(self, warehouse: Warehouse, counts, dates, members, region, in_region):
        self.warehouse = warehouse
        self.counts = counts
        self.dates = dates
        self.members = members
        self.region = region
        self.in_region = in_region

    def references(self, measure: measures.Measure) -> pd.DataFrame:
        return measures.references(
            self.counts,
            self.dates,
            self.members,
            self.warehouse.region_names,
            measure,
            self.warehouse.as_of,
            page_strings.PROVINCE_NAME,
        ).set_index("code")

    def judged(self, measure: measures.Measure) -> tuple[pd.DataFrame, pd.Series]:
        """The region's municipalities on `measure`, judged against the province."""
        province = self.references(measure).loc["provincie"]
        table = measures.compute(self.counts, self.dates, measure, self.warehouse.as_of)
        table = table[table["cbs_code"].isin(self.in_region)]
        unit = PERCENT if measure.is_share else NUMBER
        return with_labels(measures.judged(table, measure, province["value"]), unit), province


def _summary(data: _Data) -> pd.DataFrame:
    region_name = data.warehouse.region_names[data.region]
    rows: list[dict[str, str]] = []
    for key in SUMMARY_MEASURES:
        measure = measures.BY_KEY[key]
        refs = data.references(measure)
        own, province = refs.loc[data.region], refs.loc["provincie"]
        verdict = metrics.compare_to_reference([own["low"]], [own["high"]], [province["value"]])
        rows.append(
            {
                page_strings.PROFILE_COL_MEASURE: measure.label,
                strings.COMPARE_COL_REGION.format(region=region_name): measure_text(
                    own["value"], own["low"], own["high"], measure.is_share
                ),
                strings.COMPARE_COL_PROVINCE: measure_text(
                    province["value"], province["low"], province["high"], measure.is_share
                ),
                strings.COMPARE_COL_VERDICT: verdict[0] or strings.NO_VALUE,
            }
        )
    return pd.DataFrame(rows)


def ordered(judged: pd.DataFrame) -> pd.DataFrame:
    """Ranked municipalities first (by rank), then the few-case ones by name (unranked)."""
    return pd.concat(
        [
            judged[judged["rank"].notna()].sort_values(["rank", "name"]),
            judged[judged["rank"].isna()].sort_values("name"),
        ]
    )


def _detail(data: _Data, measure: measures.Measure) -> model.Section:
    judged, _ = data.judged(measure)
    rows = ordered(judged)
    chart = model.BarChart(
        title=measure.label,
        categories=tuple(rows["label"]),
        series=(model.Series(measure.label, numbers(rows["value"])),),
        number_format=model.PERCENT if measure.is_share else model.DECIMAL,
        value_axis=measure.label,
        caption=strings.FOOTNOTE_FEW.format(small_numbers=settings.small_numbers()),
    )
    table = pd.DataFrame(
        {
            page_strings.COL_MUNICIPALITY: rows["name"],
            strings.COMPARE_COL_CASES: rows["n"].astype(int),
            strings.COMPARE_COL_VALUE: [
                measure_text(v, lo, hi, measure.is_share)
                for v, lo, hi in zip(rows["value"], rows["low"], rows["high"], strict=True)
            ],
            strings.COMPARE_COL_VERDICT_PROVINCE: rows["comparison"].fillna(strings.NO_VALUE),
            strings.COMPARE_COL_RANK: [
                strings.NO_VALUE if r != r else str(int(r)) for r in rows["rank"]
            ],
        }
    )
    if rows["small_numbers"].any():
        table[page_strings.COL_FEW] = np.where(rows["small_numbers"], strings.FEW_CASES, "")
    blocks: list[model.Block] = [
        chart,
        model.Table(
            table, title=measure.label, widths=(2.2, 0.9, 2.0, 1.4, 0.7, 1.3)[: table.shape[1]]
        ),
    ]
    if measure.funnel:
        blocks.extend(_funnel(data, measure))
    return model.Section(
        measure.label,
        strings.COMPARE_MEASURE_TEXT.format(
            small_numbers=settings.small_numbers(), suppress_below=settings.suppress_below()
        ),
        tuple(blocks),
    )


def funnel_points(data: _Data, measure: measures.Measure, judged: pd.DataFrame, p0: float):
    """The compare page's funnel points for the region's municipalities."""
    successes = data.counts.set_index("cbs_code").loc[judged["cbs_code"], measure.column]
    return metrics.funnel_points(
        judged.assign(obstacles=judged["n"], successes=successes.to_numpy()),
        "successes",
        "obstacles",
        p0=p0,
    ).assign(
        hover=judged["hover"].to_numpy(),
        small_numbers=judged["small_numbers"].to_numpy(),
        suppressed=judged["suppressed"].to_numpy(),
    )


def funnel(data: _Data, measure: measures.Measure) -> tuple[go.Figure, str, int]:
    """The funnel plot of the rows, what it shows in words, and how many lie outside."""
    judged, province = data.judged(measure)
    p0 = province["value"]
    points = funnel_points(data, measure, judged, p0)
    limits = metrics.funnel_limits(p0, np.arange(1, max(int(judged["n"].max()), 10) + 1), phi=1.0)
    title = strings.COMPARE_FUNNEL.format(measure=measure.label)
    figure = funnel_plot(points, limits, p0, title=title, province=page_strings.PROVINCE_NAME)
    # Public: a municipality whose share is not shown is not named either.
    shown = points[~points["suppressed"]]
    outside = int((shown["band"].notna() & (shown["band"] != "binnen")).sum())
    return figure, metrics.describe_funnel(shown), outside


def _funnel(data: _Data, measure: measures.Measure) -> list[model.Block]:
    figure, said, _ = funnel(data, measure)
    title = strings.COMPARE_FUNNEL.format(measure=measure.label)
    return [
        model.Paragraph(said),
        model.Figure(title, figure, caption=strings.COMPARE_FUNNEL_TEXT, height=500),
    ]


def map_figure(data: _Data, measure: measures.Measure) -> model.Figure | None:
    """A choropleth of the region when the maps and the boundaries are there; else None."""
    try:  # the maps are optional: without them (or without boundaries) no map
        from dashboard.charts.maps import choropleth_figure
        from dashboard.queries.maps import boundaries
    except ImportError:
        return None
    shapes = boundaries(data.warehouse.con)
    shapes = shapes[shapes["cbs_code"].isin(data.in_region)]
    if shapes.empty:
        return None
    judged, _ = data.judged(measure)
    title = strings.COMPARE_MAP.format(measure=measure.label)
    values = judged[["cbs_code", "value", "low", "high", "n", "small_numbers"]].assign(label="")
    figure = choropleth_figure(
        shapes, values, title, ".0%" if measure.is_share else ".1f", height=600
    )
    return model.Figure(title, figure, width=800, height=600)
