"""marts.municipality_scorecard on the fixture and demo warehouses, row by row.

Expected values are computed here from core.* independently of etl.metrics: Kaplan-Meier by
lifelines, Wilson and Garwood intervals by hand (tests/etl/metrics_support.py).
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pytest

from etl.metrics import rank_without_small_numbers
from etl.metrics.registry import SCORECARD_KEYS
from etl.warehouse import build
from tests.etl.metrics_support import hand_garwood, hand_wilson, reference_km, same
from tests.support.exports import AS_OF, write_fixture_exports

MART = "marts.municipality_scorecard"
STATISTICS = (
    *(f"{key}{suffix}" for key in SCORECARD_KEYS for suffix in ("", "_low", "_high")),
    "small_numbers",
)

# The warehouse contract's promised columns with the types it states.
PROMISED = {
    "cbs_code": "VARCHAR",
    "name": "VARCHAR",
    "population": "INTEGER",
    "initiatives": "INTEGER",
    "initiatives_per_10k": "DOUBLE",
    "obstacles": "INTEGER",
    "obstacles_open": "INTEGER",
    "first_response_within_30d": "DOUBLE",
    "first_response_within_30d_low": "DOUBLE",
    "first_response_within_30d_high": "DOUBLE",
    "median_days_to_first_response": "DOUBLE",
    "resolved_share": "DOUBLE",
    "resolved_share_low": "DOUBLE",
    "resolved_share_high": "DOUBLE",
    "refused_share": "DOUBLE",
    "small_numbers": "BOOLEAN",
}
COUNT_COLUMNS = (
    "population",
    "initiatives",
    "obstacles",
    "obstacles_open",
    "obstacles_answered",
    "obstacles_resolved",
    "obstacles_refused",
)


def columns_of(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(
        con.execute(
            "SELECT column_name, data_type FROM duckdb_columns() "
            "WHERE schema_name = 'marts' AND table_name = 'municipality_scorecard' "
            "ORDER BY column_index"
        ).fetchall()
    )


def mart_rows(con: duckdb.DuckDBPyConnection) -> list[dict[str, object]]:
    cursor = con.execute(f"SELECT * FROM {MART}")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def expected_rows(con: duckdb.DuckDBPyConnection, as_of: date) -> dict[str, dict[str, object]]:
    """Every figure of every municipality, from core.* with lifelines and hand formulas."""
    municipalities = con.execute(
        "SELECT m.cbs_code, m.name, m.population, "
        "(SELECT count(*) FROM core.initiatives i WHERE i.cbs_code = m.cbs_code) AS initiatives "
        "FROM core.municipalities m ORDER BY cbs_code"
    ).fetchall()
    obstacles = con.execute(
        "SELECT cbs_code, reported_at, first_response_at, resolved_at, status FROM core.obstacles"
    ).fetchall()
    expected = {}
    for code, name, population, initiatives in municipalities:
        mine = [o for o in obstacles if o[0] == code]
        n = len(mine)
        answered = sum(o[2] is not None for o in mine)
        resolved = sum(o[3] is not None for o in mine)
        refused = sum(o[4] == "afgewezen" for o in mine)
        row: dict[str, object] = {
            "cbs_code": code,
            "name": name,
            "population": population,
            "initiatives": initiatives,
            "obstacles": n,
            "obstacles_open": sum(o[4] == "open" for o in mine),
            "obstacles_answered": answered,
            "obstacles_resolved": resolved,
            "obstacles_refused": refused,
            "small_numbers": n < 10,
        }
        for prefix, count in (("initiatives", initiatives), ("obstacles", n)):
            low, high = hand_garwood(count)
            row[f"{prefix}_per_10k"] = count / population * 10_000
            row[f"{prefix}_per_10k_low"] = low / population * 10_000
            row[f"{prefix}_per_10k_high"] = high / population * 10_000
        for prefix, count in (
            ("answered_share", answered),
            ("resolved_share", resolved),
            ("refused_share", refused),
        ):
            low, high = hand_wilson(count, n)
            row[prefix] = count / n if n else math.nan
            row[f"{prefix}_low"], row[f"{prefix}_high"] = low, high
        response = durations(mine, 2, as_of)
        resolution = durations(mine, 3, as_of)
        for column, (d, o), horizon in (
            ("first_response_within_30d", response, 30),
            ("first_response_within_90d", response, 90),
            ("resolved_within_90d", resolution, 90),
        ):
            km = reference_km(d, o, horizon)
            row[column] = 1 - km.survival
            row[f"{column}_low"], row[f"{column}_high"] = 1 - km.high, 1 - km.low
        for column, (d, o) in (
            ("median_days_to_first_response", response),
            ("median_days_to_resolution", resolution),
        ):
            km = reference_km(d, o, 30)
            row[column] = km.median
            row[f"{column}_low"], row[f"{column}_high"] = km.median_low, km.median_high
        expected[code] = row
    return expected


def durations(rows: list[tuple], event: int, as_of: date) -> tuple[list[float], list[bool]]:
    """Days from report to the event, or to the as-of day where there is none (censored)."""
    d = [float(((r[event] or as_of) - r[1]).days) for r in rows]
    return d, [r[event] is not None for r in rows]


def mismatches(con: duckdb.DuckDBPyConnection, as_of: date) -> list[str]:
    expected = expected_rows(con, as_of)
    actual = {row["cbs_code"]: row for row in mart_rows(con)}
    assert actual.keys() == expected.keys()
    problems = []
    for code, want in expected.items():
        for column, value in want.items():
            got = actual[code][column]
            if isinstance(value, str | bool | int) and not isinstance(value, float):
                ok = got == value
            else:
                ok = same(got, value)
            if not ok:
                problems.append(f"{code} {column}: mart {got!r}, expected {value!r}")
    return problems


# ---------------------------------------------------------------- fixture warehouse


@pytest.fixture(scope="module")
def con(fixture_warehouse: Path):
    with duckdb.connect(str(fixture_warehouse), read_only=True) as connection:
        yield connection


def test_promised_columns_with_their_types(con) -> None:
    actual = columns_of(con)
    assert {c: actual.get(c) for c in PROMISED} == PROMISED


def test_every_column_has_the_type_of_its_kind(con) -> None:
    actual = columns_of(con)
    assert list(actual)[:4] == ["cbs_code", "name", "population", "initiatives"]
    assert set(actual) == {"cbs_code", "name", *COUNT_COLUMNS, *STATISTICS}
    for column in actual:
        assert con.execute(
            "SELECT comment FROM duckdb_columns() WHERE schema_name = 'marts' "
            "AND table_name = 'municipality_scorecard' AND column_name = ?",
            [column],
        ).fetchone()[0], column
    for column, dtype in actual.items():
        if column in ("cbs_code", "name"):
            assert dtype == "VARCHAR", column
        elif column in COUNT_COLUMNS:
            assert dtype == "INTEGER", column
        elif column == "small_numbers":
            assert dtype == "BOOLEAN"
        else:
            assert dtype == "DOUBLE", column


def test_one_row_per_municipality_in_cbs_order(con) -> None:
    codes = [r[0] for r in con.execute(f"SELECT cbs_code FROM {MART}").fetchall()]
    municipalities = [
        r[0] for r in con.execute("SELECT cbs_code FROM core.municipalities").fetchall()
    ]
    assert len(codes) == 26
    assert codes == sorted(municipalities)


def test_every_row_matches_an_independent_computation(con) -> None:
    assert mismatches(con, AS_OF) == []


def test_fixture_figures_by_hand(con) -> None:
    rows = {r["name"]: r for r in mart_rows(con)}
    utrecht = rows["Utrecht"]
    # K-01 answered after 5 days, K-02 after 92, K-07 open 315 days (censored):
    # S(30) = 2/3, so 1/3 within 30 days; S(92) = 1/3 ≤ ½, so the median is 92 days.
    assert (utrecht["obstacles"], utrecht["obstacles_open"]) == (3, 1)
    assert utrecht["first_response_within_30d"] == pytest.approx(1 / 3)
    assert utrecht["median_days_to_first_response"] == 92.0
    assert utrecht["resolved_share"] == pytest.approx(1 / 3)
    assert utrecht["refused_share"] == pytest.approx(1 / 3)
    assert utrecht["resolved_share_low"] == pytest.approx(hand_wilson(1, 3)[0])
    assert utrecht["small_numbers"] is True
    # Zeist: K-05 answered (deels opgelost) the next day, K-06 open for 56 days.
    zeist = rows["Zeist"]
    assert zeist["first_response_within_30d"] == pytest.approx(0.5)
    assert zeist["median_days_to_first_response"] == 1.0
    assert zeist["first_response_within_90d"] is None  # nobody followed 90 days yet
    # Bunnik: its single obstacle answered in 2 days: 100%, but the interval says "1 case".
    bunnik = rows["Bunnik"]
    assert bunnik["first_response_within_30d"] == 1.0
    assert bunnik["first_response_within_30d_low"] == pytest.approx(hand_wilson(1, 1)[0])


def test_municipalities_without_obstacles_have_zero_counts_and_null_rates(con) -> None:
    rows = [r for r in mart_rows(con) if r["obstacles"] == 0]
    assert len(rows) == 22  # 26 municipalities; Utrecht, Bunnik, Zeist, Stichtse Vecht have some
    renswoude = next(r for r in rows if r["name"] == "Renswoude")
    assert renswoude["initiatives"] == 1  # its obstacle K-09 lies after the as-of day
    for row in rows:
        assert all(row[c] == 0 for c in COUNT_COLUMNS if c not in ("population", "initiatives"))
        shares_and_days = [c for c in STATISTICS if "per_10k" not in c and c != "small_numbers"]
        assert all(row[c] is None for c in shares_and_days), row["name"]
        assert row["small_numbers"] is True
        assert row["obstacles_per_10k"] == 0.0


def test_estimates_lie_inside_their_intervals(con) -> None:
    frame = con.execute(f"SELECT * FROM {MART}").df()
    for base in [c for c in STATISTICS if f"{c}_low" in STATISTICS]:
        rows = frame[frame[base].notna()]
        assert (rows[f"{base}_low"] <= rows[base]).all(), base
        if not base.startswith("median"):  # a median's upper end may be "not reached"
            assert (rows[base] <= rows[f"{base}_high"]).all(), base


def test_same_inputs_give_the_same_mart(con, tmp_path: Path) -> None:
    raw = write_fixture_exports(tmp_path / "raw")
    target = tmp_path / "omzien.duckdb"
    build(raw, target, as_of=AS_OF, province="Utrecht")
    with duckdb.connect(str(target), read_only=True) as again:
        first = con.execute(f"SELECT * FROM {MART}").fetchall()
        second = again.execute(f"SELECT * FROM {MART}").fetchall()
    assert first == second


# ---------------------------------------------------------------- demo warehouse


@pytest.fixture(scope="module")
def demo(demo_warehouse: Path):
    with duckdb.connect(str(demo_warehouse), read_only=True) as connection:
        yield connection


@pytest.mark.slow
def test_demo_every_row_matches_an_independent_computation(demo) -> None:
    assert mismatches(demo, AS_OF) == []


@pytest.mark.slow
def test_demo_small_municipalities_are_flagged_and_never_ranked(demo) -> None:
    frame = demo.execute(f"SELECT * FROM {MART}").df()
    few = frame["obstacles"] < 10
    assert few.any()
    assert (frame["small_numbers"] == few).all()
    flagged = set(frame.loc[frame["small_numbers"], "name"])
    assert {"Renswoude", "Eemnes"} <= flagged
    ranks = rank_without_small_numbers(frame, "resolved_share", flag_below=10)
    assert ranks[few].isna().all()
    assert ranks[~few].notna().all()
    assert sorted(ranks.dropna().astype(int)) == sorted(
        frame.loc[~few, "resolved_share"].rank(method="min", ascending=False).astype(int)
    )


@pytest.mark.slow
def test_demo_open_obstacles_count_against_speed(demo) -> None:
    # The municipality with most unanswered obstacles has a low KM share within 30 days,
    # below the naive share over answered obstacles only.
    frame = demo.execute(f"SELECT * FROM {MART} ORDER BY obstacles_open DESC LIMIT 1").df()
    row = frame.iloc[0]
    naive = demo.execute(
        "SELECT avg(CAST(first_response_at - reported_at <= 30 AS INTEGER)) "
        "FROM core.obstacles WHERE cbs_code = ? AND first_response_at IS NOT NULL",
        [row["cbs_code"]],
    ).fetchone()[0]
    assert row["first_response_within_30d"] < naive
    assert np.isfinite(row["first_response_within_30d_high"])
