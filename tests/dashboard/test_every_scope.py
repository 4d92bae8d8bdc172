"""Every page on the warehouses a new network meets first: an empty load, a load with
initiatives but no obstacles yet, and a national warehouse of all 342 municipalities."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.warehouse import build
from tests.support.exports import AS_OF
from tests.support.national import fixture_municipalities, write_national_fixture
from tests.support.pages import PAGES, QUERIES


@pytest.fixture(scope="module")
def warehouses(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("scopes")
    built = {}
    # Exports with their headers and no rows yet: a load of nothing.
    empty = root / "leeg"
    empty.mkdir()
    for name, header in (
        ("initiatieven.csv", "initiatief_id;naam;gemeente;geregistreerd_op"),
        ("knelpunten.csv", "knelpunt_id;initiatief_id;gemeente;gemeld_op;thema;categorie"),
        ("reacties.csv", "reactie_id;knelpunt_id;datum;uitkomst"),
    ):
        (empty / name).write_text(header + "\n", encoding="utf-8")
    built["leeg"] = root / "leeg.duckdb"
    build(empty, built["leeg"], as_of=AS_OF, province="Utrecht")
    only = root / "alleen-initiatieven"
    only.mkdir()
    (only / "initiatieven.csv").write_text(
        "initiatief_id;naam;gemeente;geregistreerd_op\nI-1;Buurtkamer;Utrecht;2026-01-05\n",
        encoding="utf-8",
    )
    built["alleen-initiatieven"] = root / "alleen-initiatieven.duckdb"
    build(only, built["alleen-initiatieven"], as_of=AS_OF, province="Utrecht")
    national = write_national_fixture(root / "nl")
    built["nederland"] = root / "nederland.duckdb"
    build(national, built["nederland"], as_of=AS_OF, province="Nederland")
    return built


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("kind", ["leeg", "alleen-initiatieven", "nederland"])
def test_every_page_on_every_first_warehouse(app, warehouses, kind, page) -> None:
    code = fixture_municipalities()[0][0] if kind == "nederland" else "GM0344"
    query = {"gemeente": code, **QUERIES.get(page, {})}
    query.pop("gemeente") if page == "profile" and kind == "nederland" else None
    at = app(warehouses[kind], page=page, **query)
    assert not at.exception, at.exception[0].message if at.exception else ""
    # Said in Dutch, never an error element for a warehouse that is fine.
    assert not at.error, at.error[0].value if at.error else ""
    assert at.title or at.info


def test_the_national_warehouse_names_the_country(app, warehouses) -> None:
    at = app(warehouses["nederland"], page="compare")
    assert not at.exception
    region = at.sidebar.selectbox(key="filter_region")
    assert region.options[0] == "Heel Nederland"
    assert "Provincie Groningen" in region.options
    texts = " ".join(m.value for m in at.markdown)
    assert "Heel Nederland" in texts


def test_a_national_profile_compares_with_province_and_country(app, warehouses) -> None:
    code, name, province = fixture_municipalities()[0]
    at = app(warehouses["nederland"], page="profile", gemeente=code)
    assert not at.exception
    table = at.dataframe[0].value
    assert {name, "Nederland", "T.o.v. Nederland", f"T.o.v. Provincie {province}"} <= set(
        table.columns
    )
