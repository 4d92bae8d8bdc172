"""Knelpunten verkennen (/knelpunten): the obstacle list, search, history, downloads, page.

Fixture obstacles K-01..K-07 are valid (K-08 and K-09 rejected); responses R-01..R-07
(R-08 is before its report, R-09 answers an unknown obstacle).
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest

from dashboard import exports
from readmodel.obstacles import count_obstacles, history, obstacles
from readmodel.selection import Filters
from readmodel.tables import history_table, obstacle_table
from tests.support.exports import AS_OF

NEWEST_FIRST = ["K-06", "K-07", "K-05", "K-04", "K-02", "K-01", "K-03"]
HEADERS = [
    "Nummer",
    "Gemeente",
    "Gemeld op",
    "Thema",
    "Soort knelpunt",
    "Ernst",
    "Op te lossen door",
    "Status",
    "Eerste reactie",
    "Dagen tot eerste reactie",
    "(Deels) opgelost op",
    "Omschrijving",
]


@pytest.fixture
def con(fixture_warehouse: Path):
    with duckdb.connect(str(fixture_warehouse), read_only=True) as connection:
        yield connection


def ids(frame: pd.DataFrame) -> list[str]:
    return list(frame["obstacle_id"])


def test_all_selected_obstacles_newest_first_with_days_to_first_response(con) -> None:
    frame = obstacles(con, Filters())
    assert ids(frame) == NEWEST_FIRST
    days = dict(zip(frame["obstacle_id"], frame["days_to_first_response"], strict=True))
    assert {k: v for k, v in days.items() if not pd.isna(v)} == {
        "K-05": 1,
        "K-04": 17,
        "K-02": 92,
        "K-01": 5,
        "K-03": 2,
    }
    assert pd.isna(days["K-06"])
    assert pd.isna(days["K-07"])
    assert list(frame["municipality"][:3]) == ["Zeist", "Utrecht", "Zeist"]
    assert count_obstacles(con, Filters(), None) == 7
    assert ids(obstacles(con, Filters(), limit=2)) == ["K-06", "K-07"]
    assert ids(obstacles(con, Filters(municipality="GM0355"))) == ["K-06", "K-05"]


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("", NEWEST_FIRST),
        ("  ", NEWEST_FIRST),
        ("UTRECHT", ["K-07", "K-02", "K-01"]),  # municipality name, any case
        ("subsidie", ["K-01"]),  # description
        ("k-05", ["K-05"]),  # id
        ("telefoon", ["K-06"]),  # the redaction marker is text like any other
        ("%", []),  # no wildcards: the search text is a literal
        ("_", []),
    ],
)
def test_search_looks_in_description_id_and_municipality(con, search, expected) -> None:
    assert ids(obstacles(con, Filters(), search)) == expected
    assert count_obstacles(con, Filters(), search) == len(expected)


def test_history_is_oldest_first_and_only_valid_responses(con) -> None:
    first = history(con, "K-01")
    assert list(first["outcome"]) == ["ontvangen", "opgelost"]
    assert list(first["responded_at"].dt.date) == [date(2024, 3, 15), date(2024, 4, 20)]
    assert first["note"].iloc[1] == "Nieuwe subsidie, bel [telefoon]"
    assert list(history(con, "K-05")["outcome"]) == ["deels_opgelost"]  # R-08 was rejected
    assert history(con, "K-06").empty
    assert list(history_table(first).columns) == ["Datum", "Uitkomst", "Toelichting"]
    assert list(history_table(first)["Uitkomst"]) == ["Ontvangen", "Opgelost"]


def test_table_has_dutch_labels_and_no_contact_columns(con) -> None:
    table = obstacle_table(obstacles(con, Filters())).set_index("Nummer")
    assert list(table.reset_index().columns) == HEADERS
    assert table.loc["K-01", ["Thema", "Soort knelpunt", "Ernst", "Status"]].tolist() == [
        "Zorg en welzijn",
        "Financiering en subsidie",
        "Hoog",
        "Opgelost",
    ]
    assert table.loc["K-01", "Dagen tot eerste reactie"] == "5"
    assert table.loc["K-07", "Dagen tot eerste reactie"] == "nog geen reactie"
    assert table.loc["K-07", "Status"] == "Open (geen reactie)"
    assert pd.isna(table.loc["K-07", "Ernst"])
    assert table.loc["K-03", "Op te lossen door"] == "Rijk"


def test_csv_download_holds_every_match_excel_safe(con) -> None:
    data = exports.obstacles_csv(con, Filters(), None)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == HEADERS
    assert [row[0] for row in rows[1:]] == NEWEST_FIRST
    assert rows[1][2] == "2026-10-01"
    assert rows[1][11] == "Bel [telefoon]"
    utrecht = exports.obstacles_csv(con, Filters(), "utrecht").decode("utf-8-sig")
    assert len(utrecht.strip().splitlines()) == 4


def test_xlsx_download_has_the_table_and_its_provenance(con) -> None:
    data = exports.obstacles_xlsx(
        con,
        Filters(municipality="GM0344"),
        "",
        as_of=AS_OF,
        load_id=1,
        selection="gemeld 10-02-2024 t/m 26-11-2026 · Utrecht",
        synthetic=False,
    )
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Knelpunten", "Bron"]
    sheet = book["Knelpunten"]
    assert [c.value for c in sheet[1]] == HEADERS
    assert [sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)] == [
        "K-07",
        "K-02",
        "K-01",
    ]
    assert sheet["C4"].value.date() == date(2024, 3, 10)
    source = dict(book["Bron"].iter_rows(min_row=2, values_only=True))
    assert source["Peildatum"] == "26-11-2026"
    assert source["Load"] == "1"
    assert source["Selectie"] == "gemeld 10-02-2024 t/m 26-11-2026 · Utrecht"
    assert source["Zoekterm"] == "–"
    assert source["Aantal rijen"] == "3"
    assert "Let op" not in source


def test_file_names_say_demo_for_synthetic_data() -> None:
    name = exports.file_name("omzien-{demo}knelpunten-{as_of}", "csv", as_of=AS_OF, synthetic=True)
    assert name == "omzien-DEMO-knelpunten-2026-11-26.csv"
    assert exports.file_name("x-{demo}y", "xlsx", synthetic=False) == "x-y.xlsx"


# --- the page -----------------------------------------------------------------------


def found(at) -> str:
    return next((m.value for m in at.markdown if "gevonden" in m.value), "")


def test_page_lists_the_obstacles_with_downloads_and_history(app, fixture_warehouse) -> None:
    at = app(fixture_warehouse, page="obstacles")
    assert not at.exception
    assert at.title[0].value == "Knelpunten verkennen"
    assert found(at) == "**7** knelpunten gevonden."
    assert [b.label for b in at.get("download_button")] == [
        "Download CSV (Excel)",
        "Download Excel (xlsx)",
    ]
    assert list(at.dataframe[0].value["Nummer"]) == NEWEST_FIRST
    # The newest obstacle is picked first; it has no response yet.
    assert at.selectbox(key="obstacle_pick").value == "K-06"
    assert any("Nog geen reactie op dit knelpunt" in i.value for i in at.info)
    at.selectbox(key="obstacle_pick").set_value("K-01").run()
    assert not at.exception
    assert list(at.dataframe[1].value["Uitkomst"]) == ["Ontvangen", "Opgelost"]
    # Ids come from exports: shown as plain text, never as Markdown.
    assert any(t.value.startswith("K-01 · Utrecht · gemeld 10-03-2024") for t in at.text)


def test_search_and_sidebar_filter_narrow_the_list(app, fixture_warehouse) -> None:
    at = app(fixture_warehouse, page="obstacles")
    at.text_input(key="obstacle_search").input("subsidie").run()
    assert not at.exception
    assert found(at) == "**1** knelpunt gevonden."
    at.text_input(key="obstacle_search").input("").run()
    at.selectbox(key="filter_municipality").set_value("GM0355").run()
    assert not at.exception
    assert found(at) == "**2** knelpunten gevonden."
    assert list(at.dataframe[0].value["Nummer"]) == ["K-06", "K-05"]
    at.text_input(key="obstacle_search").input("xyzzy").run()
    assert any("Geen knelpunten gevonden met 'xyzzy'" in i.value for i in at.info)
    assert not at.get("download_button")


def test_the_url_selects_the_view(app, fixture_warehouse) -> None:
    at = app(fixture_warehouse, page="obstacles", gemeente="GM0344", categorie="financiering")
    assert not at.exception
    assert found(at) == "**1** knelpunt gevonden."
    assert list(at.dataframe[0].value["Nummer"]) == ["K-01"]


def test_empty_selection_and_missing_warehouse_say_so(app, fixture_warehouse, tmp_path) -> None:
    at = app(fixture_warehouse, page="obstacles", gemeente="GM0339", thema="wonen")
    assert not at.exception
    assert any("Geen knelpunten in deze selectie" in i.value for i in at.info)
    at = app(tmp_path / "missing.duckdb", page="obstacles")
    assert not at.exception
    assert "omzien etl run" in at.info[0].value


def test_page_on_the_demo_data_shows_the_first_500(app, demo_warehouse) -> None:
    at = app(demo_warehouse, page="obstacles")
    assert not at.exception
    assert "hieronder de 500 meest recente" in found(at)
    assert len(at.dataframe[0].value) == 500
    assert len(at.get("download_button")) == 2
