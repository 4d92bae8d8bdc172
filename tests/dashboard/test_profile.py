"""Gemeenteprofiel (/gemeente): one municipality against its regions and the province."""

from __future__ import annotations

from pathlib import Path


def test_url_selects_the_municipality(app, demo_warehouse: Path) -> None:
    at = app(demo_warehouse, page="profile", gemeente="GM0312")
    assert not at.exception
    assert at.title[0].value == "Gemeenteprofiel: Bunnik"
    table = at.dataframe[0].value
    assert list(table["Maat"])[:2] == [
        "Knelpunten per 10.000 inwoners",
        "Initiatieven per 10.000 inwoners",
    ]
    assert {"T.o.v. provincie", "T.o.v. U10", "T.o.v. U16"} <= set(table.columns)
    assert set(table["T.o.v. provincie"]) <= {"hoger", "vergelijkbaar", "lager", "–"}
    # Bunnik is one of the demo's quick municipalities: faster than the province.
    row = table.set_index("Maat").loc["Eerste reactie binnen 30 dagen"]
    assert row["T.o.v. provincie"] == "hoger"
    assert len(at.get("plotly_chart")) == 5


def test_choosing_a_municipality_on_the_page(app, fixture_warehouse: Path) -> None:
    at = app(fixture_warehouse, page="profile")
    assert not at.exception
    assert "Kies een gemeente" in at.info[0].value
    at.selectbox(key="profile_pick").set_value("GM0344").run()
    assert not at.exception
    assert at.title[0].value == "Gemeenteprofiel: Utrecht"
    assert at.query_params["gemeente"] == "GM0344"
    assert any("maar 3 knelpunt(en)" in w.value for w in at.warning)


def test_municipality_without_obstacles(app, fixture_warehouse: Path) -> None:
    at = app(fixture_warehouse, page="profile", gemeente="GM0339")
    assert not at.exception
    assert any("geen knelpunten" in i.value for i in at.info)
