"""Signals in the public snapshot and in the national roll-up.

Two networks (Utrecht and Overijssel) with enough obstacles to test, one municipality of
Utrecht silent for the last six months. The snapshot carries the warehouse's signals as
they are; the roll-up computes them again from the summed counts and finds, for every
municipality, exactly what one national warehouse of both networks' exports finds.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest

from etl.publish import publish
from etl.rollup import rollup
from etl.warehouse import build
from tests.support.exports import AS_OF
from tests.support.networks import network_municipalities, write_network_exports

NETWORKS = (("Omzien", "Utrecht", "UT", 31), ("Twentse Noabers", "Overijssel", "OV", 32))
SILENT = network_municipalities("Utrecht", 6)[0]
SILENT_FROM = date(AS_OF.year, AS_OF.month, 1) - timedelta(days=150)
KEY = ("unit_code", "measure", "category", "direction", "since", "before_cases", "after_cases")


def silence(raw: Path, prefix: str) -> None:
    """No response from SILENT since SILENT_FROM: drop those rows of the responses export."""
    with (raw / f"knelpunten_{prefix}.csv").open(encoding="utf-8") as handle:
        mine = {
            row["knelpunt_id"]
            for row in csv.DictReader(handle, delimiter=";")
            if row["gemeente"] == SILENT
        }
    path = raw / f"reacties_{prefix}.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    kept = [rows[0]] + [
        r for r in rows[1:] if not (r[1] in mine and date.fromisoformat(r[2]) >= SILENT_FROM)
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\r\n").writerows(kept)


@pytest.fixture(scope="module")
def networks(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("signal-networks")
    paths: dict[str, Path] = {}
    for network, province, prefix, seed in NETWORKS:
        for raw in (root / prefix, root / "samen"):
            write_network_exports(
                raw, province, prefix, seed=seed, as_of=AS_OF, obstacles=2400, response_days=30
            )
            if prefix == "UT":
                silence(raw, prefix)
        paths[prefix] = root / f"{prefix}.duckdb"
        build(root / prefix, paths[prefix], as_of=AS_OF, province=province)
        paths[f"{prefix}-publiek"] = root / f"{prefix}-publiek.duckdb"
        publish(paths[prefix], paths[f"{prefix}-publiek"], network=network)
    paths["samen"] = root / "samen.duckdb"
    build(root / "samen", paths["samen"], as_of=AS_OF, province="Nederland")
    paths["rollup"] = root / "nederland.duckdb"
    rollup([paths["UT-publiek"], paths["OV-publiek"]], paths["rollup"])
    return paths


def rows(path: Path, where: str = "true") -> list[dict]:
    with duckdb.connect(str(path), read_only=True) as con:
        result = con.execute(f"SELECT * FROM marts.signals WHERE {where} ORDER BY signal_key")
        names = [c[0] for c in result.description]
        return [dict(zip(names, r, strict=True)) for r in result.fetchall()]


def test_the_silent_municipality_is_signalled(networks) -> None:
    found = rows(networks["UT"], f"municipality_code = '{SILENT}'")
    # No response at all: no first response, and nothing resolved either.
    assert {(r["measure"], r["direction"]) for r in found} == {
        ("first_response_within_30d", "worse"),
        ("resolved_within_90d", "worse"),
    }


def test_the_snapshot_carries_the_signals_as_they_are(networks) -> None:
    assert rows(networks["UT-publiek"]) == rows(networks["UT"])
    with duckdb.connect(str(networks["UT-publiek"]), read_only=True) as con:
        series = con.execute("SELECT count(*) FROM marts.signal_series").fetchone()[0]
        history = con.execute(
            "SELECT count(*) FROM duckdb_tables() "
            "WHERE schema_name = 'etl' AND table_name = 'signal_history'"
        ).fetchone()[0]
    assert series > 0
    assert history == 0  # a snapshot keeps no load history


def test_signals_hold_no_free_text_or_ids(networks) -> None:
    """Sentences are made from counts and names of places: no obstacle or response id, no
    initiative's name, and only the columns of the promised table."""
    for path in (networks["UT-publiek"], networks["rollup"]):
        for row in rows(path):
            for value in row.values():
                if isinstance(value, str):
                    assert "-K0" not in value
                    assert "-R0" not in value
                    assert "Initiatief " not in value


def test_the_rollup_finds_what_one_warehouse_of_both_finds(networks) -> None:
    """Per municipality: the same tests on the same summed counts (the regions differ: the
    roll-up has the networks' own groupings besides the provinces)."""
    rolled = rows(networks["rollup"], "unit_kind = 'gemeente'")
    together = rows(networks["samen"], "unit_kind = 'gemeente'")
    assert rolled
    assert [tuple(r[k] for k in KEY) for r in rolled] == [
        tuple(r[k] for k in KEY) for r in together
    ]
    for one, other in zip(rolled, together, strict=True):
        assert one["p_value"] == pytest.approx(other["p_value"], rel=1e-9)
        assert one["sentence"] == other["sentence"]


def test_a_rollup_again_tells_ongoing_from_new(networks, tmp_path) -> None:
    target = tmp_path / "nederland.duckdb"
    rollup([networks["UT-publiek"], networks["OV-publiek"]], target)
    assert {r["status"] for r in rows(target)} == {"new"}
    rollup([networks["UT-publiek"], networks["OV-publiek"]], target)
    assert {r["status"] for r in rows(target)} == {"ongoing"}
