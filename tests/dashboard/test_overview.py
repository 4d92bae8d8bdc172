"""Overzicht (/) through AppTest on the fixture warehouse: exact figures, filters, URL."""

from __future__ import annotations

from pathlib import Path


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_overview_renders_the_figures(app, fixture_warehouse: Path) -> None:
    at = app(fixture_warehouse)
    assert not at.exception
    assert metrics(at) == {
        "Initiatieven": "5",
        "Knelpunten": "7",
        "Beantwoord": "71%",
        "(Deels) opgelost": "29%",
        "Na 90 dagen nog open": "29%",
    }
    captions = [c.value for c in at.caption]
    assert "5 van 7 · weinig gevallen" in captions


def test_a_filter_changes_the_figures_and_the_url(app, fixture_warehouse: Path) -> None:
    at = app(fixture_warehouse)
    at.selectbox(key="filter_municipality").set_value("GM0355").run()
    assert not at.exception
    assert metrics(at)["Knelpunten"] == "2"
    assert at.query_params["gemeente"] == "GM0355"


def test_the_url_selects_the_view(app, fixture_warehouse: Path) -> None:
    at = app(fixture_warehouse, gemeente="GM0344", categorie="financiering")
    assert not at.exception
    assert metrics(at)["Knelpunten"] == "1"
    assert at.selectbox(key="filter_municipality").value == "GM0344"


def test_an_empty_selection_says_so(app, fixture_warehouse: Path) -> None:
    at = app(fixture_warehouse, gemeente="GM0339", thema="wonen")
    assert not at.exception
    assert metrics(at)["Knelpunten"] == "0"
    assert any("Geen knelpunten in deze selectie" in i.value for i in at.info)


def test_no_warehouse_gives_a_helpful_message(app, tmp_path: Path) -> None:
    at = app(tmp_path / "missing.duckdb")
    assert not at.exception
    assert "omzien etl run" in at.info[0].value


def test_demo_data_carry_the_synthetic_banner(app, demo_warehouse: Path) -> None:
    at = app(demo_warehouse)
    assert not at.exception
    assert "SYNTHETISCHE" in at.warning[0].value
