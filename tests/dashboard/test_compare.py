"""Gemeenten vergelijken (/vergelijken) through AppTest: measures, funnel, table, URL."""

from __future__ import annotations

from pathlib import Path

from etl.metrics.registry import comparable


def test_page_renders_each_measure(app, demo_warehouse: Path) -> None:
    at = app(demo_warehouse, page="compare")
    assert not at.exception
    assert any("binnen de verwachte variatie" in m.value for m in at.markdown)
    for measure in comparable():
        at.selectbox(key="compare_measure").set_value(measure.key).run()
        assert not at.exception, measure.key
    at.toggle(key="compare_city_apart").set_value(True).run()
    assert not at.exception
    assert at.metric[0].label == "Stad Utrecht"


def test_ranking_leaves_out_small_municipalities(app, demo_warehouse: Path) -> None:
    at = app(demo_warehouse, page="compare")
    table = at.dataframe[0].value
    few = table[table["Weinig gevallen"]]
    assert set(few["Gemeente"]) >= {"Renswoude", "Eemnes"}
    assert few["Rang"].isna().all()
    assert table.loc[~table["Weinig gevallen"], "Rang"].notna().all()


def test_region_filter_and_url(app, demo_warehouse: Path) -> None:
    at = app(demo_warehouse, page="compare", regio="regio_foodvalley")
    assert not at.exception
    assert sorted(at.dataframe[0].value["Gemeente"]) == ["Renswoude", "Rhenen", "Veenendaal"]
    assert at.query_params["maat"] == "resolved_share"


def test_empty_selection(app, fixture_warehouse: Path) -> None:
    at = app(fixture_warehouse, page="compare", thema="cultuur_sport")
    assert not at.exception
    assert any("Geen knelpunten" in i.value for i in at.info)
