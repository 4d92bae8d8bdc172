"""No personal string on any page, in any download or export, after a load full of them.

The load of tests/support/personal.py puts contact names, e-mail addresses, phone numbers
and postcodes in every place an export can hold them. The warehouse scan is in
tests/etl/test_privacy.py; here every served page (AppTest, element by element), every
download of the dashboard and every export (public and --intern) is read back.
"""

from __future__ import annotations

import io
from pathlib import Path

import duckdb
import openpyxl
import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from etl.settings import PROJECT_ROOT
from etl.warehouse import build
from readmodel.selection import Filters
from readmodel.warehouse import read_warehouse
from tests.support.exports import AS_OF
from tests.support.pages import PAGES, QUERIES, open_page, page_texts
from tests.support.personal import personal_strings_in, write_personal_everywhere


@pytest.fixture(scope="module")
def personal_warehouse(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("personal")
    raw = root / "raw"
    write_personal_everywhere(raw)
    target = root / "omzien.duckdb"
    build(raw, target, as_of=AS_OF, province="Utrecht")
    (raw / "verwijderen.csv").write_text("initiatief_id\nP4\n", encoding="utf-8")
    build(raw, target, as_of=AS_OF, province="Utrecht")
    return target


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
def test_no_personal_string_on_any_page(personal_warehouse, monkeypatch, page) -> None:
    monkeypatch.setenv("OMZIEN_WAREHOUSE", str(personal_warehouse))
    query = {"gemeente": "GM0344", **QUERIES.get(page, {})}
    at = open_page(page, query)
    assert not at.exception
    found = {hit for text in page_texts(at) for hit in personal_strings_in(text)}
    assert found == set()


@pytest.mark.slow
def test_no_personal_string_in_the_downloads(personal_warehouse) -> None:
    from dashboard import exports

    with duckdb.connect(str(personal_warehouse), read_only=True) as con:
        files = [
            exports.obstacles_csv(con, Filters(), None).decode("utf-8-sig"),
            exports.rejects_csv(con, 1).decode("utf-8-sig"),
            exports.rejects_csv(con, 2).decode("utf-8-sig"),
        ]
        book = openpyxl.load_workbook(
            io.BytesIO(
                exports.obstacles_xlsx(
                    con, Filters(), None, as_of=AS_OF, load_id=2, selection="s", synthetic=False
                )
            )
        )
    files += [str(c.value) for sheet in book for row in sheet.iter_rows() for c in row]
    assert {hit for text in files for hit in personal_strings_in(text)} == set()


@pytest.mark.slow
@pytest.mark.parametrize("intern", [False, True])
def test_no_personal_string_in_the_exports(personal_warehouse, intern) -> None:
    from reports.agenda_brief import agenda_brief
    from reports.comparison import comparison
    from reports.factsheet import factsheet
    from reports.render_md import render as render_md
    from reports.render_pdf import render as render_pdf

    with duckdb.connect(str(personal_warehouse), read_only=True) as con:
        warehouse = read_warehouse(con)
        reports = [
            factsheet(warehouse, "GM0344", intern=intern),
            agenda_brief(warehouse, intern=intern),
            comparison(warehouse, "u10", intern=intern),
        ]
        texts = [render_md(report).decode() for report in reports if report.kind == "agenda"]
        pdf = PdfReader(io.BytesIO(render_pdf(reports[0])))
        texts += [page.extract_text() for page in pdf.pages]
    assert {hit for text in texts for hit in personal_strings_in(text)} == set()


@pytest.mark.slow
def test_the_page_scan_would_catch_a_leak(personal_warehouse, tmp_path, monkeypatch) -> None:
    """Plant a contact name where the obstacle page shows descriptions: the scan finds it."""
    import shutil

    leaky = tmp_path / "leaky.duckdb"
    shutil.copy(personal_warehouse, leaky)
    with duckdb.connect(str(leaky)) as con:
        con.execute("UPDATE core.obstacles SET description = 'Bel Klaas Klaassen'")
    monkeypatch.setenv("OMZIEN_WAREHOUSE", str(leaky))
    at = AppTest.from_file(str(PROJECT_ROOT / "dashboard" / "app.py"), default_timeout=60)
    at.run()
    at.switch_page(str(PROJECT_ROOT / "dashboard" / "views" / "obstacles.py")).run()
    found = {hit for text in page_texts(at) for hit in personal_strings_in(text)}
    assert "Klaas Klaassen" in found
