"""The analyst's regios*.csv: own groupings beside (or instead of) the shipped ones."""

from __future__ import annotations

from datetime import date

import pytest

from readmodel.warehouse import read_warehouse
from tests.etl.conftest import Exports

AS_OF = date(2026, 11, 26)
FILE = "regios_netwerk.csv"


def write(x: Exports) -> None:
    x.csv("initiatieven.csv", [x.initiative("INI-1")])
    x.csv("knelpunten.csv", [x.obstacle("K-1"), x.obstacle("K-2", gemeente="Zeist")])
    x.csv(
        FILE,
        [
            # row 2..4: a new grouping, by name, CBS code and former municipality
            {"regio_code": "Kromme_Rijn", "regio_naam": "Kromme Rijnstreek", "gemeente": "Bunnik"},
            {"regio_code": "kromme_rijn", "regio_naam": "Kromme Rijnstreek", "gemeente": "GM0321"},
            {
                "regio_code": "kromme_rijn",
                "regio_naam": "Kromme Rijnstreek",
                "gemeente": "Wijk bij Duurstede",
            },
            # row 5: the same member again: superseded, not a reject
            {"regio_code": "kromme_rijn", "regio_naam": "Kromme Rijnstreek", "gemeente": "bunnik"},
            # rows 6..7: U10 as the network counts it now: it replaces the shipped U10
            {"regio_code": "u10", "regio_naam": "U10 (16)", "gemeente": "Lopik", "soort": ""},
            {"regio_code": "u10", "regio_naam": "U10 (16)", "gemeente": "Utrecht"},
            # row 8: a city area of its own
            {
                "regio_code": "stad_amersfoort",
                "regio_naam": "Stad Amersfoort",
                "gemeente": "Amersfoort",
                "soort": "Stad",
            },
            # rows 9..14: bad rows
            {"regio_code": "kromme_rijn", "regio_naam": "Kromme Rijn", "gemeente": "Houten"},
            {"regio_code": "west", "regio_naam": "West", "gemeente": "Utrect"},
            {"regio_code": "west", "regio_naam": "West", "gemeente": "Amsterdam"},
            {"regio_code": "regio west", "regio_naam": "West", "gemeente": "Woerden"},
            {"regio_code": "west", "regio_naam": "West", "gemeente": "Woerden", "soort": "dorp"},
            {"regio_code": "", "regio_naam": "West", "gemeente": "Woerden"},
        ],
        header=["regio_code", "regio_naam", "gemeente", "soort"],
    )


@pytest.fixture(scope="module")
def wh(built):
    return built("regions", write, as_of=AS_OF)


def members(wh, code: str) -> list[str]:
    return [
        r["cbs_code"]
        for r in wh.query(
            "SELECT cbs_code FROM core.region_members WHERE region_code = ? ORDER BY 1", [code]
        )
    ]


def test_a_new_grouping_with_municipalities_by_name_code_and_former_name(wh) -> None:
    assert members(wh, "kromme_rijn") == ["GM0312", "GM0321", "GM0352"]
    region = wh.one("SELECT * FROM core.regions WHERE region_code = 'kromme_rijn'")
    assert region["name"] == "Kromme Rijnstreek"
    assert region["kind"] == "samenwerkingsverband"
    assert FILE in region["note"]


def test_a_code_of_a_shipped_region_replaces_it(wh) -> None:
    assert members(wh, "u10") == ["GM0331", "GM0344"]
    u10 = wh.one("SELECT name, sort_order FROM core.regions WHERE region_code = 'u10'")
    assert u10 == {"name": "U10 (16)", "sort_order": 1}
    # The other shipped regions stay, then the analyst's in file order.
    codes = [
        r["region_code"]
        for r in wh.query("SELECT region_code FROM core.regions ORDER BY sort_order")
    ]
    assert codes == [
        "u10",
        "u16",
        "regio_amersfoort",
        "regio_foodvalley",
        "stad_utrecht",
        "kromme_rijn",
        "stad_amersfoort",
    ]


def test_the_big_city_rule_is_region_data(wh) -> None:
    kinds = {
        r["region_code"]: r["kind"] for r in wh.query("SELECT region_code, kind FROM core.regions")
    }
    assert kinds["stad_amersfoort"] == "stad"
    assert kinds["stad_utrecht"] == "stad"
    warehouse = read_warehouse(wh.con)
    assert warehouse.city_areas() == {"GM0307", "GM0344"}
    assert "kromme_rijn" in warehouse.region_names
    assert warehouse.regions_of("GM0312") == ["u16", "kromme_rijn"]


def test_bad_rows_are_rejects_with_a_dutch_reason(wh) -> None:
    wh.assert_rejected(
        FILE,
        9,
        field="regio_naam",
        value="Kromme Rijn",
        words=["Kromme Rijnstreek", "dezelfde naam"],
    )
    wh.assert_rejected(FILE, 10, field="gemeente", value="Utrect", words=["bedoelde u Utrecht?"])
    wh.assert_rejected(
        FILE, 11, field="gemeente", value="Amsterdam", words=["buiten de provincie Utrecht"]
    )
    wh.assert_rejected(FILE, 12, field="regio_code", value="regio west", words=["letters, cijfers"])
    wh.assert_rejected(
        FILE, 13, field="soort", value="dorp", words=["samenwerkingsverband, stad, provincie"]
    )
    wh.assert_rejected(FILE, 14, field="regio_code", value=None, words=["Verplicht"])
    # A region none of whose rows is valid is no region.
    assert wh.one("SELECT * FROM core.regions WHERE region_code = 'west'") is None


def test_every_row_is_accounted_for(wh) -> None:
    wh.assert_file_counts(FILE, read=13, loaded=6, rejected=6, superseded=1)
    assert wh.file(FILE)["source"] == "regions"
