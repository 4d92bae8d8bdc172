"""No traceback reaches a user: odd links, odd warehouse files, Markdown in the data.

Every page, through AppTest on real warehouses: dates in the URL outside the data, reversed
or malformed; a corrupt, an empty and a foreign DuckDB file at the warehouse path; an
obstacle id that is Markdown for an image.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from etl.warehouse import build
from tests.support.exports import AS_OF, OBSTACLES_HEADER, write_fixture_exports
from tests.support.pages import PAGES

ODD_DATES = (
    {"van": "1900-01-01"},
    {"tot": "2999-12-31"},
    {"van": "2026-01-01", "tot": "2024-01-01"},
    {"van": "2030-01-01"},
    {"tot": "1901-01-01"},
    {"van": "26-11-2026", "tot": "morgen"},
)
IMAGE_ID = "![t](http://127.0.0.1:8999/id.png)"


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    "dates", ODD_DATES, ids=lambda d: "&".join(f"{k}={v}" for k, v in d.items())
)
def test_dates_outside_the_data_never_break_a_page(app, fixture_warehouse, page, dates) -> None:
    at = app(fixture_warehouse, page=page, gemeente="GM0344", **dates)
    assert not at.exception, at.exception[0].message if at.exception else ""
    start, end = at.sidebar.date_input(key="filter_period").value
    assert date_bounds(fixture_warehouse)[0] <= start <= end <= AS_OF


def date_bounds(warehouse: Path):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(
            "SELECT min(reported_at), max(reported_at) FROM core.obstacles"
        ).fetchone()


@pytest.fixture(scope="module")
def odd_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("odd")
    corrupt = folder / "corrupt.duckdb"
    corrupt.write_bytes(b"DUCK" + bytes(range(256)) * 64)
    empty = folder / "empty.duckdb"
    empty.write_bytes(b"")
    foreign = folder / "foreign.duckdb"
    with duckdb.connect(str(foreign)) as con:
        con.execute("CREATE TABLE klanten (naam VARCHAR)")
    return {"corrupt": corrupt, "empty": empty, "foreign": foreign}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("kind", ["corrupt", "empty", "foreign"])
def test_a_file_that_is_no_warehouse_gets_a_dutch_message(app, odd_files, page, kind) -> None:
    at = app(odd_files[kind], page=page)
    assert not at.exception
    assert at.error, "a Dutch message, as an error element"
    message = at.error[0].value
    assert "warehouse" in message
    assert "omzien etl run" in message


@pytest.fixture(scope="module")
def markdown_warehouse(tmp_path_factory) -> Path:
    """The fixture exports plus one obstacle whose id is Markdown for a remote image."""
    root = tmp_path_factory.mktemp("markdown")
    raw = write_fixture_exports(root / "raw")
    with (raw / "knelpunten_extra.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(OBSTACLES_HEADER)
        writer.writerow([IMAGE_ID, "", "Zeist", "2026-11-20", "zorg", "subsidie", "", "", ""])
    target = root / "omzien.duckdb"
    build(raw, target, as_of=AS_OF, province="Utrecht")
    return target


def test_an_id_from_the_data_is_text_not_markdown(app, markdown_warehouse) -> None:
    at = app(markdown_warehouse, page="obstacles")
    assert not at.exception
    # The newest obstacle is picked first: its summary is plain text, the id as written.
    assert any(t.value.startswith(IMAGE_ID) for t in at.text)
    for element in (*at.markdown, *at.caption, *at.info):
        assert "![" not in element.value.replace("\\!\\[", ""), element.value
