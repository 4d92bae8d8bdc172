"""Presentation mode (?presentatie=1): no sidebar, one message per screen, next / previous."""

from __future__ import annotations

from pathlib import Path

import duckdb

from dashboard.context import PageContext
from dashboard.members import LOCAL, Access
from dashboard.presentation.slides import sequence
from readmodel.selection import Filters
from readmodel.warehouse import read_warehouse


def _titles(at) -> list[str]:
    return [m.value for m in at.markdown if 'class="omzien-title"' in m.value]


def test_no_sidebar_first_slide_and_next(app, demo_warehouse: Path) -> None:
    at = app(demo_warehouse, presentatie="1")
    assert not at.exception
    for kind in ("selectbox", "multiselect", "date_input", "toggle", "button"):
        assert not at.sidebar.get(kind), kind
    assert "2.525 knelpunten gemeld" in _titles(at)[0]
    assert any("SYNTHETISCHE DEMOGEGEVENS" in m.value for m in at.markdown)
    assert at.query_params["dia"] == "1"
    at.button(key="present_next").click().run()
    assert not at.exception
    assert at.query_params["dia"] == "2"
    assert _titles(at)[0].count("Aandeel (deels) opgelost")
    at.button(key="present_previous").click().run()
    assert at.query_params["dia"] == "1"


def test_slide_from_the_url_and_leaving(app, demo_warehouse: Path) -> None:
    at = app(demo_warehouse, presentatie="1", dia="99", gemeente="GM0312")
    assert not at.exception
    # Past the end: the last slide, the chosen municipality.
    assert "Bunnik: eerste reactie binnen 30 dagen" in _titles(at)[0]
    assert at.button(key="present_next").disabled
    at.button(key="present_exit").click().run()
    assert not at.exception
    assert "presentatie" not in at.query_params
    assert at.query_params["gemeente"] == "GM0312"
    assert at.sidebar.selectbox(key="filter_municipality").value == "GM0312"


def test_toggle_starts_the_presentation(app, fixture_warehouse: Path) -> None:
    at = app(fixture_warehouse)
    at.sidebar.toggle(key="presentation_toggle").set_value(True).run()
    assert not at.exception
    assert at.query_params["presentatie"] == "1"
    assert _titles(at)


def test_sequence_follows_the_selection(demo_warehouse: Path) -> None:
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        ctx = PageContext.of(
            read_warehouse(con), Filters(region="u16", municipality="GM0312"), Access(LOCAL)
        )
        slides = sequence(ctx)
    # the map slide: the shipped boundaries are there without a boundary file
    assert [s.key for s in slides] == [
        "overzicht",
        "vergelijking",
        "kaart",
        "agenda",
        "gemeente",
    ]
    assert all(s.figure is not None for s in slides)
