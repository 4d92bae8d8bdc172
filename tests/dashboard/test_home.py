"""The landing page through Streamlit's AppTest, on real warehouses."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from etl.settings import PROJECT_ROOT

APP = str(PROJECT_ROOT / "dashboard" / "app.py")


def run_app(monkeypatch: pytest.MonkeyPatch, warehouse: Path) -> AppTest:
    monkeypatch.setenv("OMZIEN_WAREHOUSE", str(warehouse))
    return AppTest.from_file(APP, default_timeout=60).run()


def test_home_shows_the_warehouse_counts(monkeypatch, fixture_warehouse: Path) -> None:
    at = run_app(monkeypatch, fixture_warehouse)
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Initiatieven": "5", "Knelpunten": "7", "Reacties": "7", "Gemeenten": "26"}
    assert "peildatum **26-11-2026**" in at.caption[0].value
    assert not at.warning  # real (fixture) data: no synthetic banner


def test_home_without_a_warehouse_says_what_to_do(monkeypatch, tmp_path: Path) -> None:
    at = run_app(monkeypatch, tmp_path / "missing.duckdb")
    assert not at.exception
    assert "omzien etl run" in at.info[0].value


@pytest.mark.slow
def test_demo_data_carry_the_synthetic_banner(monkeypatch, demo_warehouse: Path) -> None:
    at = run_app(monkeypatch, demo_warehouse)
    assert not at.exception
    assert "SYNTHETISCHE" in at.warning[0].value
