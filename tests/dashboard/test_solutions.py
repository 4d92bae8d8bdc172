"""Wie loste het op? (/oplossingen) and the links to it from the agenda and the obstacle list."""

from __future__ import annotations

import duckdb
import pytest

from etl.metrics.registry import metric
from readmodel.comparison import compare, inputs
from readmodel.selection import Filters
from readmodel.warehouse import read_warehouse

KIND = {"thema": "zorg_welzijn", "categorie": "financiering"}


def test_choose_a_theme_and_category_first(app, kennisbank_warehouse) -> None:
    at = app(kennisbank_warehouse, page="solutions")
    assert not at.exception
    assert at.title[0].value == "Wie loste het op?"
    assert any("Kies een thema en een soort knelpunt" in i.value for i in at.info)
    # The page's choice becomes the sidebar's, and so the URL's.
    at.selectbox(key="solutions_theme").set_value("zorg_welzijn").run()
    at.selectbox(key="solutions_category").set_value("financiering").run()
    assert not at.exception
    assert at.multiselect(key="filter_themes").value == ["zorg_welzijn"]
    assert at.multiselect(key="filter_categories").value == ["financiering"]
    assert dict(at.query_params) == {"thema": "zorg_welzijn", "categorie": "financiering"}
    assert at.metric[0].value == "67%"


def test_per_municipality_and_the_notes_newest_first(app, kennisbank_warehouse) -> None:
    at = app(kennisbank_warehouse, page="solutions", **KIND)
    assert not at.exception
    assert at.selectbox(key="solutions_theme").value == "zorg_welzijn"
    # C1, C2, C3, C4 (deels) opgelost of six (OB-OPEN-1 waits, C7 was refused).
    assert at.metric[0].label == "(Deels) opgelost"
    assert at.metric[0].value == "67%"
    assert any(c.value.startswith("4 van 6") for c in at.caption)
    table = at.dataframe[0].value
    assert list(table["Gemeente"]) == ["Amersfoort", "Bunnik", "Houten", "Zeist"]
    assert list(table["Knelpunten"]) == [1, 2, 1, 2]
    assert list(table["Aandeel (deels) opgelost"]) == ["te weinig gevallen"] * 4
    assert list(table["Weinig gevallen"]) == ["weinig gevallen"] * 4
    cases = at.dataframe[1].value
    assert list(cases["Gemeente"]) == ["Amersfoort", "Zeist", "Houten", "Bunnik"]
    assert list(cases["Toelichting"]) == [
        "Structurele bijdrage in de begroting.",
        "Eenmalige startsubsidie toegekend.",
        "Subsidie toegekend uit het Wmo-budget; bel [telefoon]",
        "Opgelost in Bunnik zelf.",
    ]


def test_the_other_shared_filters_narrow_it(app, kennisbank_warehouse) -> None:
    at = app(kennisbank_warehouse, page="solutions", regio="u10", **KIND)
    assert not at.exception
    assert list(at.dataframe[0].value["Gemeente"]) == [
        "Bunnik",
        "Houten",
        "Zeist",
    ]
    assert list(at.dataframe[1].value["Gemeente"]) == [
        "Zeist",
        "Houten",
        "Bunnik",
    ]
    at = app(kennisbank_warehouse, page="solutions", gemeente="GM0339", **KIND)
    assert any("Geen knelpunten van deze soort" in i.value for i in at.info)


def test_figures_on_the_demo_equal_the_compare_pages(app, demo_warehouse) -> None:
    at = app(demo_warehouse, page="solutions", **KIND)
    assert not at.exception
    table = at.dataframe[0].value.set_index("Gemeente")
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        expected = compare(
            inputs(
                read_warehouse(con),
                Filters(themes=("zorg_welzijn",), categories=("financiering",)),
            ),
            metric("resolved_share"),
        ).rows()
    compared = app(demo_warehouse, page="compare", maat="resolved_share", **KIND)
    page = compared.dataframe[0].value.set_index("Gemeente")
    ranked = expected[expected["rank"].notna()]
    assert len(ranked) >= 1
    for row in ranked.itertuples():
        percent = round(row.value * 100)
        assert table.loc[row.name, "Aandeel (deels) opgelost"].startswith(f"{percent}% (")
        assert round(page.loc[row.name, "Waarde"]) == percent
        assert table.loc[row.name, "Rang"] == str(int(row.rank))
    # Every resolved case of the table is listed (fewer than the 200 shown at most).
    assert len(at.dataframe[1].value) == table["(Deels) opgelost"].sum()


@pytest.mark.parametrize("grouping", ["pair", "category"])
def test_the_agenda_links_to_who_resolved_an_item(app, demo_warehouse, grouping) -> None:
    at = app(demo_warehouse, page="agenda")
    if grouping == "category":
        at.segmented_control(key="agenda_grouping").set_value("category").run()
    assert not at.exception
    (link,) = at.get("page_link")
    assert link.proto.page == "oplossingen"
    first = at.dataframe[0].value["Agendapunt"].iloc[0]
    assert at.selectbox(key="agenda_solutions").format_func(0) == first
    query = link.proto.query_string
    assert "categorie=" in query
    assert ("thema=" in query) == (grouping == "pair")


def test_the_obstacle_list_links_the_picked_obstacle(app, fixture_warehouse) -> None:
    at = app(fixture_warehouse, page="obstacles")
    at.selectbox(key="obstacle_pick").set_value("K-01").run()
    assert not at.exception
    (link,) = at.get("page_link")
    assert link.proto.page == "oplossingen"
    assert link.proto.query_string == "thema=zorg_welzijn&categorie=financiering"
