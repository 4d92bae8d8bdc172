"""Sociale agenda (/agenda): exact agenda items on the fixture warehouse, trend, chart, page.

Fixture obstacles (K-08 and K-09 are rejected): every (category, theme) pair occurs once,
so nothing recurs by pair; by category, financiering recurs: K-01 (Utrecht, gemeente,
severity 3, resolved), K-04 (Stichtse Vecht, gemeente, no severity), K-06 (Zeist,
provincie, severity 3).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from charts.agenda import agenda_bars
from readmodel.agenda import agenda, trend, trend_possible
from readmodel.selection import Filters
from readmodel.tables import agenda_table, level_text
from tests.support.exports import AS_OF

FIRST_DAY = date(2024, 2, 10)  # K-03, the earliest valid report


@pytest.fixture
def con(fixture_warehouse: Path):
    with duckdb.connect(str(fixture_warehouse), read_only=True) as connection:
        yield connection


def items(con, filters: Filters | None = None, grouping: str = "pair") -> pd.DataFrame:
    return agenda(con, filters or Filters(), first_day=FIRST_DAY, as_of=AS_OF, grouping=grouping)


def test_by_category_financiering_recurs_in_three_municipalities(con) -> None:
    frame = items(con, grouping="category")
    assert list(frame["category"]) == [
        "financiering",
        "huisvesting",
        "regelgeving",
        "samenwerking",
        "inkoop",
    ]
    assert list(frame["rank"]) == [1, 2, 3, 4, 5]
    assert list(frame["recurring"]) == [True, False, False, False, False]
    first = frame.iloc[0]
    assert first[
        ["municipalities", "initiatives", "obstacles", "unresolved", "severity_known", "severe"]
    ].tolist() == [3, 3, 3, 2, 2, 2]
    assert first["mean_severity"] == 3.0
    assert first[["level_gemeente", "level_regio", "level_provincie", "level_rijk"]].tolist() == [
        2,
        0,
        1,
        0,
    ]
    assert first["level"] == "gemeente"
    assert first["level_share"] == pytest.approx(2 / 3)
    assert first["level_mix"] == "gemeente 67% · provincie 33%"
    # Last 12 months up to the as-of day: K-06; the 12 before: K-04. Two is too few.
    assert (first["recent"], first["before"], first["trend"]) == (1, 1, "te weinig gegevens")
    # Three obstacles: below SUPPRESS_BELOW (5), so no percentages.
    assert first["suppressed"]
    assert np.isnan(first["unresolved_share"])
    assert np.isnan(first["severe_share"])
    # K-07 has no initiative; inkoop ranks last on initiatives touched.
    assert frame.iloc[-1][["initiatives", "unresolved"]].tolist() == [0, 1]


def test_by_pair_nothing_recurs(con) -> None:
    frame = items(con)
    assert len(frame) == 7
    assert not frame["recurring"].any()
    assert list(zip(frame["category"], frame["theme"], strict=True))[:2] == [
        ("financiering", "energie"),
        ("financiering", "wonen"),
    ]
    assert frame["obstacles"].sum() == 7


def test_filters_narrow_the_agenda(con) -> None:
    local = items(con, Filters(level="gemeente"), grouping="category")
    first = local.iloc[0]
    assert (first["category"], first["municipalities"], first["obstacles"]) == (
        "financiering",
        2,
        2,
    )
    assert (first["level_share"], first["level_mix"]) == (1.0, "gemeente 100%")
    assert local["obstacles"].sum() == 4
    # Utrecht: huisvesting (K-02, open) ranks above financiering (K-01, resolved).
    utrecht = items(con, Filters(municipality="GM0344"), grouping="category")
    assert list(utrecht["category"]) == ["huisvesting", "financiering", "inkoop"]
    assert not utrecht["recurring"].any()
    assert items(con, Filters(municipality="GM0339")).empty


def test_trend_needs_enough_reports_and_a_clear_difference() -> None:
    recent = pd.Series([20, 5, 10, 3, 12, 9])
    before = pd.Series([5, 20, 10, 2, 8, 0])
    assert list(trend(recent, before, minimum=10)) == [
        "stijgend",
        "dalend",
        "geen duidelijk verschil",
        "te weinig gegevens",
        "geen duidelijk verschil",
        "te weinig gegevens",
    ]


def test_no_trend_when_the_period_is_shorter_than_two_years(con) -> None:
    assert trend_possible(Filters(), first_day=FIRST_DAY, as_of=AS_OF)
    short = Filters(start=date(2025, 1, 1))
    assert not trend_possible(short, first_day=FIRST_DAY, as_of=AS_OF)
    assert trend_possible(Filters(start=date(2024, 11, 27)), first_day=FIRST_DAY, as_of=AS_OF)
    assert set(items(con, short)["trend"]) == {"periode te kort"}


def test_level_text() -> None:
    frame = pd.DataFrame({"level": ["gemeente", "rijk", "regio"], "level_share": [1, 0.6, 0.4]})
    assert list(level_text(frame)) == ["alleen gemeente", "vooral rijk (60%)", "meest regio (40%)"]


def test_table_and_chart_show_the_ranked_items(con) -> None:
    frame = items(con, grouping="category")
    table = agenda_table(frame)
    assert table.columns[:3].tolist() == ["Rang", "Agendapunt", "Gemeenten"]
    assert table.iloc[0]["Agendapunt"] == "Financiering en subsidie"
    assert table.iloc[0]["Trend"] == "te weinig gegevens (1 → 1)"
    assert table.iloc[0]["Op te lossen door"] == "vooral gemeente (67%)"
    assert pd.isna(table.iloc[0]["% onopgelost"])

    figure = agenda_bars(frame)
    municipalities, *levels = figure.data
    assert list(municipalities.y) == [
        "Financiering en subsidie",
        "Huisvesting en ruimte",
        "Regels en vergunningen",
        "Samenwerking en contact",
        "Inkoop en aanbesteding",
    ]
    assert list(municipalities.x) == [3, 1, 1, 1, 1]
    assert [trace.name for trace in levels] == ["Gemeente", "Regio", "Provincie", "Rijk"]
    assert levels[0].x[0] == pytest.approx(2 / 3)
    assert levels[2].x[0] == pytest.approx(1 / 3)
    assert list(figure.layout.yaxis.categoryarray)[-1] == "Financiering en subsidie"
    pair = agenda_bars(items(con))
    assert pair.data[0].y[0] == "Financiering en subsidie · Energie en duurzaamheid"


# --- the page -----------------------------------------------------------------------


def summary(at) -> str:
    return next((m.value for m in at.markdown if "terugkerende agendapunten" in m.value), "")


def test_page_says_nothing_recurs_by_pair_and_shows_the_items(app, fixture_warehouse) -> None:
    at = app(fixture_warehouse, page="agenda")
    assert not at.exception
    assert at.title[0].value == "Sociale agenda"
    assert any("geen enkel knelpunt in meer dan één gemeente" in i.value for i in at.info)
    assert len(at.dataframe[0].value) == 7
    assert len(at.get("plotly_chart")) == 1
    assert any("Hele provincie" in c.value for c in at.caption)


def test_page_by_category_and_a_sidebar_filter_change_the_figures(app, fixture_warehouse) -> None:
    at = app(fixture_warehouse, page="agenda")
    at.segmented_control(key="agenda_grouping").set_value("category").run()
    assert not at.exception
    assert summary(at).startswith("**1** terugkerende agendapunten, samen 3 van de 7 knelpunten")
    table = at.dataframe[0].value
    assert table[["Agendapunt", "Gemeenten", "Initiatieven", "Onopgelost"]].values.tolist() == [
        ["Financiering en subsidie", 3, 3, 2]
    ]
    at.selectbox(key="filter_level").set_value("gemeente").run()
    assert not at.exception
    assert summary(at).startswith("**1** terugkerende agendapunten, samen 2 van de 4 knelpunten")
    assert at.dataframe[0].value["Gemeenten"].tolist() == [2]
    assert at.query_params["niveau"] == "gemeente"


def test_the_url_selects_the_view(app, fixture_warehouse) -> None:
    at = app(fixture_warehouse, page="agenda", gemeente="GM0344")
    assert not at.exception
    assert at.selectbox(key="filter_municipality").value == "GM0344"
    assert at.dataframe[0].value["Agendapunt"].tolist() == [
        "Huisvesting en ruimte · Ontmoeting en eenzaamheid",
        "Financiering en subsidie · Zorg en welzijn",
        "Inkoop en aanbesteding · Zorg en welzijn",
    ]
    assert any("Utrecht" in c.value for c in at.caption)


def test_empty_selection_and_missing_warehouse_say_so(app, fixture_warehouse, tmp_path) -> None:
    at = app(fixture_warehouse, page="agenda", gemeente="GM0339", thema="wonen")
    assert not at.exception
    assert any("Geen knelpunten in deze selectie" in i.value for i in at.info)
    assert not at.dataframe
    at = app(tmp_path / "missing.duckdb", page="agenda")
    assert not at.exception
    assert "omzien etl run" in at.info[0].value


def test_page_on_the_demo_data(app, demo_warehouse) -> None:
    at = app(demo_warehouse, page="agenda")
    assert not at.exception
    assert "SYNTHETISCHE" in at.warning[0].value
    assert "terugkerende agendapunten" in summary(at)
    assert len(at.get("plotly_chart")) == 1
    assert set(at.dataframe[0].value["Trend"].str.split(" (", regex=False).str[0]) <= {
        "stijgend",
        "geen duidelijk verschil",
        "dalend",
        "te weinig gegevens",
    }


def test_a_deep_link_runs_app_py_before_the_page(monkeypatch, fixture_warehouse) -> None:
    from streamlit.testing.v1 import AppTest

    from tests.dashboard.conftest import APP, PAGES

    monkeypatch.setenv("OMZIEN_WAREHOUSE", str(fixture_warehouse))
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page(str(PAGES / "agenda.py")).run()
    assert at.title[0].value == "Sociale agenda"
    # app.py ran too: the shared filters are in the sidebar.
    assert "filter_municipality" in [box.key for box in at.selectbox]
