"""marts.signals on the real ETL: the planted demo changes, the table as an interface, and
new / ongoing / ended across three loads on one warehouse path."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl.demo import profiles, write_demo_exports
from etl.metrics.registry import metric
from etl.warehouse import build
from signals.measures import MEASURES
from tests.support.exports import AS_OF

# Columns analysts and checks read (the interface); more are welcome.
PROMISED = {
    "municipality_code",
    "region_code",
    "measure",
    "theme",
    "category",
    "direction",
    "since",
    "status",
    "before_cases",
    "after_cases",
    "before_events",
    "after_events",
    "effect",
    "p_value",
    "q_value",
    "sentence",
}


def signals_of(path: Path) -> list[dict]:
    """Rows of marts.signals as Python values (NULL is None)."""
    with duckdb.connect(str(path), read_only=True) as con:
        result = con.execute("SELECT * FROM marts.signals")
        names = [column[0] for column in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def by_unit(rows: list[dict]) -> dict[tuple, dict]:
    return {(r["unit_code"], r["measure"], r["category"], r["direction"]): r for r in rows}


NIEUWEGEIN = ("GM0356", "first_response_within_30d", None, "worse")
AMERSFOORT = ("GM0307", "obstacles", "financiering", "worse")


def test_every_measure_is_a_figure_of_the_registry() -> None:
    for found in MEASURES:
        registered = metric(found.key)
        assert registered.horizon == found.horizon
        assert (registered.event or None) == found.event


def test_the_demo_story_is_found(demo_warehouse: Path) -> None:
    rows = signals_of(demo_warehouse)
    found = by_unit(rows)
    assert NIEUWEGEIN in found
    assert AMERSFOORT in found
    # Nothing else changed in the demo: every signal is one of the planted stories (a
    # region sums its municipalities, so Regio Amersfoort carries Amersfoort's).
    planted = {profiles.SUBSIDY_TAP.cbs_code, profiles.STOPS_ANSWERING.cbs_code}
    for row in rows:
        assert row["municipality_code"] in planted or row["region_code"] == "regio_amersfoort"
    nieuwegein = found[NIEUWEGEIN]
    assert nieuwegein["sentence"].startswith("Nieuwegein: van de ")
    assert "binnen 30 dagen een eerste reactie" in nieuwegein["sentence"]
    assert nieuwegein["after_events"] == 0
    assert nieuwegein["status"] == "new"
    amersfoort = found[AMERSFOORT]
    assert "financiering en subsidie" in amersfoort["sentence"]
    assert amersfoort["effect"] >= 2


def test_the_table_is_the_promised_interface(demo_warehouse: Path) -> None:
    rows = signals_of(demo_warehouse)
    assert set(rows[0]) >= PROMISED
    for row in rows:
        assert (row["municipality_code"] is None) != (row["region_code"] is None)
        assert row["direction"] in ("worse", "better")
        assert row["status"] in ("new", "ongoing", "ended")
        assert row["q_value"] <= 0.05
        assert row["since"].day == 1
        assert row["after_cases"] >= 10
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        series = con.execute(
            "SELECT signal_key, count(*) FROM marts.signal_series GROUP BY ALL"
        ).fetchall()
    assert {key for key, _ in series} == {r["signal_key"] for r in rows}


@pytest.mark.slow
def test_new_ongoing_and_ended_across_three_loads(tmp_path: Path, monkeypatch) -> None:
    raw, target = tmp_path / "raw", tmp_path / "omzien.duckdb"
    write_demo_exports(raw / "demo", seed=2026, as_of=AS_OF)
    build(raw, target, as_of=AS_OF, province="Utrecht")
    first = by_unit(signals_of(target))
    assert first[NIEUWEGEIN]["status"] == "new"

    build(raw, target, as_of=AS_OF, province="Utrecht")
    second = by_unit(signals_of(target))
    assert second[NIEUWEGEIN]["status"] == "ongoing"
    assert second[NIEUWEGEIN]["first_seen_load"] == 1

    # Nieuwegein answers again: the next exports have no silence in them.
    monkeypatch.setattr(profiles, "STOPS_ANSWERING", profiles.StopsAnswering("GM9999", 6))
    write_demo_exports(raw / "demo", seed=2026, as_of=AS_OF)
    build(raw, target, as_of=AS_OF, province="Utrecht")
    third = by_unit(signals_of(target))
    assert third[NIEUWEGEIN]["status"] == "ended"
    assert third[NIEUWEGEIN]["sentence"] == second[NIEUWEGEIN]["sentence"]
    assert third[AMERSFOORT]["status"] == "ongoing"

    # An ended signal is kept for one load only.
    build(raw, target, as_of=AS_OF, province="Utrecht")
    assert NIEUWEGEIN not in by_unit(signals_of(target))
    with duckdb.connect(str(target), read_only=True) as con:
        history = con.execute(
            "SELECT load_id, status FROM etl.signal_history WHERE unit_code = 'GM0356' "
            "ORDER BY load_id"
        ).fetchall()
    assert history == [(1, "new"), (2, "ongoing"), (3, "ended")]
