"""An analyst's regios*.csv through the dashboard: its groupings in the sidebar and the
comparison."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.warehouse import build
from tests.support.exports import AS_OF, write_fixture_exports


@pytest.fixture(scope="module")
def regions_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("regions")
    raw = write_fixture_exports(root / "raw")
    (raw / "regios.csv").write_text(
        "regio_code;regio_naam;gemeente\n"
        "kromme_rijn;Kromme Rijnstreek;Bunnik\n"
        "kromme_rijn;Kromme Rijnstreek;Houten\n"
        "kromme_rijn;Kromme Rijnstreek;Zeist\n",
        encoding="utf-8",
    )
    target = root / "omzien.duckdb"
    build(raw, target, as_of=AS_OF, province="Utrecht")
    return target


def test_the_grouping_is_in_the_sidebar(app, regions_warehouse: Path) -> None:
    at = app(regions_warehouse)
    assert not at.exception
    options = [o for box in at.sidebar.selectbox for o in box.options]
    assert "Kromme Rijnstreek" in options


def test_the_grouping_filters_the_comparison(app, regions_warehouse: Path) -> None:
    at = app(regions_warehouse, page="compare", regio="kromme_rijn")
    assert not at.exception
    assert sorted(at.dataframe[0].value["Gemeente"]) == ["Bunnik", "Houten", "Zeist"]
