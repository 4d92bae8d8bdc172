"""The regional comparison: the municipalities of one region side by side and the funnel.

Built with the compare page's read-layer functions (readmodel.comparison, .funnel), so the
export ranks, flags and judges as the page does.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from charts.compare import funnel_plot, with_labels
from charts.maps import choropleth_figure
from etl import settings
from etl.metrics.registry import Metric, metric
from readmodel import format
from readmodel import strings as labels
from readmodel.comparison import (
    FOCUS_ENDS,
    WITH_CASES,
    Comparison,
    Inputs,
    compare,
    focus,
    inputs,
    verdict,
)
from readmodel.funnel import funnel
from readmodel.maps import attribution, boundaries, map_values
from readmodel.selection import Filters
from readmodel.warehouse import Warehouse
from reports import model, strings
from reports.common import definitions_section, measure_text, numbers, provenance

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
    warehouse: Warehouse,
    region: str,
    filters: Filters | None = None,
    *,
    intern: bool = False,
    made_on: date | None = None,
) -> model.Report:
    """The comparison of the municipalities of `region` (KeyError for an unknown region)."""
    if region not in warehouse.region_names:
        raise KeyError(region)
    region_name = warehouse.region_names[region]
    filters = (filters or Filters()).with_(region=region, municipality=None)
    data = inputs(warehouse, filters)
    members = warehouse.members(region)
    if data.counts.loc[data.counts["cbs_code"].isin(members), "obstacles"].sum() == 0:
        raise model.NothingToReport(strings.COMPARE_EMPTY.format(region=region_name))

    sections = [
        model.Section(
            strings.COMPARE_REGION.format(region=region_name),
            strings.COMPARE_INTRO.format(count=len(members), region=region_name),
            (model.Table(_summary(data, region), widths=(2.4, 1.6, 1.6, 1.4)),),
        )
    ]
    for key in DETAIL_MEASURES:
        sections.append(_detail(data, compare(data, metric(key), region)))
    figure = map_figure(warehouse, compare(data, metric(MAP_MEASURE), region))
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


def _summary(data: Inputs, region: str) -> pd.DataFrame:
    region_name = data.warehouse.region_names[region]
    rows: list[dict[str, str]] = []
    for key in SUMMARY_MEASURES:
        found = compare(data, metric(key), region)
        own, province = found.reference(region), found.province
        rows.append(
            {
                labels.COL_MEASURE: found.metric.label,
                strings.COMPARE_COL_REGION.format(region=region_name): measure_text(
                    own["value"], own["low"], own["high"], found.metric.is_share
                ),
                strings.COMPARE_COL_PROVINCE: measure_text(
                    province["value"], province["low"], province["high"], found.metric.is_share
                ),
                strings.COMPARE_COL_VERDICT: verdict(own, province["value"]) or strings.NO_VALUE,
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


def _detail(data: Inputs, found: Comparison) -> model.Section:
    measure = found.metric
    rows = ordered(with_labels(found.rows(), _unit(measure)))
    # A slide holds about forty bars: more municipalities (a large province) show the surest
    # best and worst in the chart, every municipality in the table.
    charted = ordered(with_labels(focus(found), _unit(measure)))
    caption = strings.FOOTNOTE_FEW.format(small_numbers=settings.small_numbers())
    if len(charted) < len(rows):
        sparse = (charted["focus"] == WITH_CASES).any()
        lead = strings.COMPARE_WITH_CASES if sparse else strings.COMPARE_FOCUS
        caption = lead.format(count=len(rows), shown=len(charted), ends=FOCUS_ENDS) + " " + caption
    chart = model.BarChart(
        title=measure.label,
        categories=tuple(charted["label"]),
        series=(model.Series(measure.label, numbers(charted["value"])),),
        number_format=model.PERCENT if measure.is_share else model.DECIMAL,
        value_axis=measure.label,
        caption=caption,
    )
    table = pd.DataFrame(
        {
            labels.COL_MUNICIPALITY: rows["name"],
            strings.COMPARE_COL_CASES: rows["n"].astype(int),
            strings.COMPARE_COL_VALUE: [
                measure_text(v, lo, hi, measure.is_share)
                for v, lo, hi in zip(rows["value"], rows["low"], rows["high"], strict=True)
            ],
            strings.COMPARE_COL_VERDICT_PROVINCE: rows["comparison"].fillna(strings.NO_VALUE),
            strings.COMPARE_COL_RANK: [
                strings.NO_VALUE if r != r else format.count(r) for r in rows["rank"]
            ],
        }
    )
    if rows["small_numbers"].any():
        table[labels.COL_FEW] = np.where(rows["small_numbers"], strings.FEW_CASES, "")
    blocks: list[model.Block] = [
        chart,
        model.Table(
            table, title=measure.label, widths=(2.2, 0.9, 2.0, 1.4, 0.7, 1.3)[: table.shape[1]]
        ),
    ]
    shown = funnel(data, found)
    if shown is not None:
        title = strings.COMPARE_FUNNEL.format(measure=measure.label)
        figure = funnel_plot(
            shown.points.merge(rows[["cbs_code", "hover"]], on="cbs_code"),
            shown.limits,
            shown.p0,
            title=title,
            province=data.warehouse.province_name,
        )
        blocks += [
            model.Paragraph(shown.description),
            model.Figure(title, figure, caption=strings.COMPARE_FUNNEL_TEXT, height=500),
        ]
    return model.Section(
        measure.label,
        strings.COMPARE_MEASURE_TEXT.format(
            small_numbers=settings.small_numbers(), suppress_below=settings.suppress_below()
        ),
        tuple(blocks),
    )


def map_figure(warehouse: Warehouse, found: Comparison) -> model.Figure | None:
    """A choropleth of the shown municipalities when boundaries are loaded; else None."""
    shapes = boundaries(warehouse.con)
    shapes = shapes[shapes["cbs_code"].isin(found.shown)]
    if shapes.empty:
        return None
    title = strings.COMPARE_MAP.format(measure=found.metric.label)
    figure = choropleth_figure(
        shapes,
        map_values(found, warehouse.area_reference),
        title,
        ".0%" if found.metric.is_share else ".1f",
        height=600,
    )
    return model.Figure(title, figure, caption=attribution(shapes), width=800, height=600)


def _unit(measure: Metric) -> str:
    return format.PERCENT if measure.is_share else format.NUMBER
