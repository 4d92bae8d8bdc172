"""The slides of presentation mode: one message per screen, for the current selection.

The sequence: the overview, the comparison with its funnel plot, the map (when boundaries
are loaded), the top of the social agenda and, when a municipality is chosen, that
municipality. Pure: read-layer functions and charts in, Slides out; no Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

from charts.agenda import agenda_bars
from charts.compare import funnel_plot, with_labels
from charts.maps import choropleth_figure
from charts.overview import quarter_trend
from charts.profile import km_curves
from dashboard import strings
from etl import settings
from etl.metrics import few_cases
from etl.metrics.registry import FIRST_RESPONSE, metric
from readmodel import format
from readmodel import strings as labels
from readmodel.agenda import agenda
from readmodel.comparison import compare
from readmodel.funnel import funnel
from readmodel.maps import attribution, boundaries, map_values
from readmodel.overview import Headline, headline, per_quarter
from readmodel.profile import curves, key_figures
from readmodel.tables import item_labels, level_text

FIGURE_HEIGHT = 560
COMPARE_METRIC = "resolved_share"
PROFILE_METRIC = "first_response_within_30d"


@dataclass(frozen=True)
class Slide:
    """One screen: the message (title), a line under it, and at most one figure."""

    key: str
    title: str
    note: str = ""
    figure: go.Figure | None = None


def sequence(ctx) -> list[Slide]:
    """The slides for the context's selection, in order; empty parts are left out."""
    figures = headline(ctx.con, ctx.filters)
    if figures.obstacles == 0:
        return [Slide("leeg", strings.PRESENT_EMPTY, strings.PRESENT_EMPTY_NOTE)]
    data = ctx.inputs()
    comparison = compare(data, metric(COMPARE_METRIC), ctx.filters.region)
    slides = [_overview(ctx, figures), _compare(ctx, data, comparison)]
    shapes = boundaries(ctx.con)
    shapes = shapes[shapes["cbs_code"].isin(comparison.shown)]
    if not shapes.empty:
        figure = choropleth_figure(shapes, map_values(comparison, ctx.area_reference), "", ".0%")
        title = strings.PRESENT_MAP.format(measure=comparison.metric.label)
        slides.append(Slide("kaart", title, attribution(shapes), big(figure)))
    slides.extend(_agenda(ctx))
    if ctx.filters.municipality:
        slides.append(_municipality(ctx, data))
    return slides


def big(figure: go.Figure, height: int = FIGURE_HEIGHT) -> go.Figure:
    """Large type for the back of the room; the slide's title replaces the figure's."""
    copy = go.Figure(figure)
    copy.update_layout(
        title_text="", font_size=20, height=height, margin={"t": 40, "l": 90, "r": 30, "b": 70}
    )
    copy.update_xaxes(automargin=True)
    copy.update_yaxes(automargin=True)
    return copy


def _overview(ctx, figures: Headline) -> Slide:
    total = figures.obstacles
    public = not few_cases(total, settings.suppress_below())

    def amount(count: int) -> str:
        return format.percent(count / total) if public else format.count(count)

    quarters = per_quarter(ctx.con, ctx.filters, first_day=ctx.first_day, as_of=ctx.as_of)
    return Slide(
        "overzicht",
        strings.PRESENT_OVERVIEW.format(
            obstacles=format.count(total), resolved=amount(figures.resolved)
        ),
        strings.PRESENT_OVERVIEW_NOTE.format(
            initiatives=format.count(figures.initiatives), answered=amount(figures.answered)
        ),
        big(quarter_trend(quarters)),
    )


def _compare(ctx, data, comparison) -> Slide:
    shown = funnel(data, comparison)
    rows = with_labels(comparison.rows(), format.PERCENT)
    figure = funnel_plot(
        shown.points.merge(rows[["cbs_code", "hover"]], on="cbs_code"),
        shown.limits,
        shown.p0,
        title="",
        province=ctx.province_name,
    )
    outside = (
        strings.PRESENT_SOME_OUTSIDE.format(count=shown.outside)
        if shown.outside
        else strings.PRESENT_ALL_INSIDE
    )
    title = strings.PRESENT_COMPARE.format(measure=comparison.metric.label, outside=outside)
    return Slide("vergelijking", title, shown.description, big(figure))


def _agenda(ctx) -> list[Slide]:
    items = agenda(
        ctx.con, ctx.filters.with_(municipality=None), first_day=ctx.first_day, as_of=ctx.as_of
    )
    recurring = items[items["recurring"]] if len(items) else items
    if recurring.empty:
        return []
    first = recurring.iloc[[0]]
    return [
        Slide(
            "agenda",
            strings.PRESENT_AGENDA.format(item=item_labels(first).iloc[0]),
            strings.PRESENT_AGENDA_NOTE.format(
                municipalities=format.count(first["municipalities"].iloc[0]),
                obstacles=format.count(first["obstacles"].iloc[0]),
                level=level_text(first).iloc[0],
            ),
            big(agenda_bars(recurring.head(8))),
        )
    ]


def _municipality(ctx, data) -> Slide:
    code = ctx.filters.municipality
    name = ctx.municipality_names[code]
    count = int(data.counts.loc[data.counts["cbs_code"] == code, "obstacles"].iloc[0])
    if few_cases(count, settings.suppress_below()):
        return Slide("gemeente", strings.PRESENT_PROFILE_FEW.format(name=name, count=count))
    (figure,) = key_figures(data, code, (PROFILE_METRIC,))
    province = figure.references[0]
    groups = {name: frozenset({code}), ctx.province_name: frozenset(ctx.municipality_names)}
    note = strings.PRESENT_PROFILE_NOTE.format(
        area_name=ctx.province_name,
        area=ctx.area_reference,
        province=format.interval(
            province.figure["value"],
            province.figure["low"],
            province.figure["high"],
            format.PERCENT,
            compact=True,
        ),
        verdict=province.verdict or labels.VERDICT_UNKNOWN,
    )
    if few_cases(count, settings.small_numbers()):
        note += f" · {labels.FEW_CASES}"
    return Slide(
        "gemeente",
        strings.PRESENT_PROFILE.format(name=name, value=format.percent(figure.own["value"])),
        note,
        big(km_curves(curves(data, FIRST_RESPONSE, groups), title="")),
    )
