"""The PowerPoint decks: slides, titles, native charts carrying the warehouse's numbers."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pptx.util import Emu

from etl.vocabularies import CATEGORIES
from reports.factsheet import factsheet
from reports.render_pptx import HEIGHT, WIDTH
from reports.render_pptx import render as render_pptx
from tests.reports.conftest import (
    MADE_ON,
    all_text,
    charts,
    slide_footer,
    slide_marks,
    slide_title,
)


def test_sixteen_by_nine_with_title_and_provenance_slides(bunnik_pptx) -> None:
    assert (bunnik_pptx.slide_width, bunnik_pptx.slide_height) == (WIDTH, HEIGHT)
    assert Emu(WIDTH).inches / Emu(HEIGHT).inches == pytest.approx(16 / 9, rel=1e-3)
    titles = [slide_title(s) for s in bunnik_pptx.slides]
    assert titles[0] == "Feitenblad Bunnik"
    assert titles[-1] == "Waar deze cijfers vandaan komen"
    for wanted in ("Kerncijfers", "Soorten knelpunten", "Thema's", "Verloop", "Definities"):
        assert wanted in titles


def test_every_slide_says_synthetic_and_where_from(bunnik_pptx) -> None:
    for number, slide in enumerate(bunnik_pptx.slides, start=1):
        assert "SYNTHETISCHE DEMOGEGEVENS" in slide_marks(slide), number
        if number > 1:
            footer = slide_footer(slide)
            assert "Omzien, warehouse load 1, peildatum 26-11-2026" in footer
            assert "Bunnik" in footer


def test_category_chart_is_native_and_carries_the_counts(bunnik_pptx, demo_con) -> None:
    expected = demo_con.execute(
        "SELECT category, count(*), count(resolved_at) FROM core.obstacles "
        "WHERE cbs_code = 'GM0312' GROUP BY category ORDER BY 2 DESC, category"
    ).fetchall()
    (chart,) = charts(bunnik_pptx, "Soorten knelpunten")
    plot = chart.plots[0]
    assert list(plot.categories) == [CATEGORIES.label(code) for code, _, _ in expected]
    assert [s.name for s in plot.series] == ["Knelpunten", "Waarvan (deels) opgelost"]
    assert list(plot.series[0].values) == [float(n) for _, n, _ in expected]
    assert list(plot.series[1].values) == [float(r) for _, _, r in expected]


def test_trend_chart_has_every_quarter(bunnik_pptx, demo_con) -> None:
    # Every quarter from the first report to the last, a quarter without reports as zero.
    expected = demo_con.execute(
        "WITH reported AS (SELECT date_trunc('quarter', reported_at) AS q FROM core.obstacles "
        "WHERE cbs_code = 'GM0312'), quarters AS (SELECT unnest(generate_series("
        "(SELECT min(q) FROM reported), (SELECT max(q) FROM reported), INTERVAL 3 MONTH)) AS q) "
        "SELECT strftime(quarters.q, '%Y') || ' K' || quarter(quarters.q), count(reported.q) "
        "FROM quarters LEFT JOIN reported USING (q) GROUP BY ALL ORDER BY 1"
    ).fetchall()
    (chart,) = charts(bunnik_pptx, "Verloop")
    # The quarter of the as-of day (26 November 2026) is still running and says so.
    labels = [label for label, _ in expected]
    labels[-1] += " (lopend)"
    assert list(chart.plots[0].categories) == labels
    assert list(chart.plots[0].series[0].values) == [float(n) for _, n in expected]
    assert chart.plots[0].series[1].name == "Binnen 90 dagen (deels) opgelost"


def test_response_curve_is_a_picture(bunnik_pptx) -> None:
    slide = next(
        s
        for s in bunnik_pptx.slides
        if slide_title(s) == "Aandeel knelpunten met een eerste reactie"
    )
    pictures = [shape for shape in slide.shapes if shape.shape_type == 13]  # PICTURE
    assert len(pictures) == 1
    assert pictures[0].image.size[0] >= 2000  # high resolution (scale 2.5)


def test_comparison_chart_values_are_the_measure(u16_pptx, demo_con) -> None:
    """Resolved share per U16 municipality: resolved / obstacles, ranked ones first."""
    rows = demo_con.execute(
        "SELECT m.name, count(o.obstacle_id), count(o.resolved_at) FROM core.municipalities m "
        "JOIN core.region_members r USING (cbs_code) LEFT JOIN core.obstacles o USING (cbs_code) "
        "WHERE r.region_code = 'u16' GROUP BY ALL"
    ).fetchall()
    expected = {name: resolved / n for name, n, resolved in rows if n >= 10}
    chart = charts(u16_pptx, "Aandeel (deels) opgelost")[0]
    got = dict(zip(chart.plots[0].categories, chart.plots[0].series[0].values, strict=True))
    assert got.keys() == expected.keys()  # no one with fewer than 10 obstacles in U16
    for name, value in expected.items():
        assert got[name] == pytest.approx(value)
    values = list(chart.plots[0].series[0].values)
    assert values == sorted(values, reverse=True)  # the ranking, best first


def test_comparison_funnel_and_map_are_pictures(u16_pptx) -> None:
    titles = [slide_title(s) for s in u16_pptx.slides]
    assert "Trechterdiagram: Aandeel (deels) opgelost" in titles
    assert titles[0] == "Vergelijking U16"


def test_small_numbers_in_a_deck(fixture_wh) -> None:
    deck = Presentation(io.BytesIO(render_pptx(factsheet(fixture_wh, "GM0344", made_on=MADE_ON))))
    text = all_text(deck)
    assert "te weinig gevallen" in text
    assert "SYNTHETISCHE" not in text  # the fixture is no demo
    assert all(slide_marks(s) == "" for s in deck.slides)
    tiles = next(s for s in deck.slides if slide_title(s) == "Kerncijfers")
    assert "67%" not in " ".join(sh.text_frame.text for sh in tiles.shapes if sh.has_text_frame)
