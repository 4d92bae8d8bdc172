"""`omzien rollup` end to end through the installed entry point, and the roll-up served."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from dashboard.members import PUBLIC
from etl.publish import publish
from tests.dashboard.test_access import served
from tests.support.pages import PAGES, QUERIES

OMZIEN = Path(sys.executable).parent / "omzien"


def omzien(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(OMZIEN), "rollup", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env=dict(os.environ),
    )


def test_two_snapshots_add_up_into_one_file(rollup_networks, tmp_path) -> None:
    out = tmp_path / "nl.duckdb"
    done = omzien(
        rollup_networks["UT-publiek"], rollup_networks["OV-publiek"], "--out", out, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert "2 netwerken" in done.stdout
    assert "Aantallen optellen" in done.stdout  # the steps show as they run
    with duckdb.connect(str(out), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM public.networks").fetchone()[0] == 2


def test_overlap_is_a_usage_error_naming_both_networks(rollup_networks, tmp_path) -> None:
    other = tmp_path / "ander.duckdb"
    publish(rollup_networks["UT"], other, network="Zorgzaam Utrecht")
    refused = omzien(
        rollup_networks["UT-publiek"], other, "--out", tmp_path / "x.duckdb", cwd=tmp_path
    )
    assert refused.returncode == 2
    assert "Omzien" in refused.stderr
    assert "Zorgzaam Utrecht" in refused.stderr
    assert "--voorkeur" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not (tmp_path / "x.duckdb").exists()
    chosen = omzien(
        rollup_networks["UT-publiek"],
        other,
        "--out",
        tmp_path / "x.duckdb",
        "--voorkeur",
        "Omzien",
        cwd=tmp_path,
    )
    assert chosen.returncode == 0, chosen.stderr
    assert "Zorgzaam Utrecht: 26 gemeente(n)" in chosen.stderr


def test_never_over_one_of_its_own_inputs(rollup_networks, tmp_path) -> None:
    copy = tmp_path / "ut.duckdb"
    copy.write_bytes(rollup_networks["UT-publiek"].read_bytes())
    before = copy.read_bytes()
    refused = omzien(
        copy, rollup_networks["OV-publiek"], "--out", copy, "--overwrite", cwd=tmp_path
    )
    assert refused.returncode == 2
    assert copy.read_bytes() == before


@pytest.mark.parametrize("page", PAGES)
def test_the_rollup_is_served_in_public_mode(monkeypatch, tmp_path, rollup_networks, page):
    query = {"gemeente": "GM0141", **QUERIES.get(page, {})}  # Almelo, Overijssel
    at = served(monkeypatch, tmp_path, PUBLIC, rollup_networks["rollup"], page, **query)
    assert not at.exception, at.exception[0].message if at.exception else ""
    assert not at.error


def test_the_quality_page_names_the_networks_of_a_rollup(monkeypatch, tmp_path, rollup_networks):
    at = served(monkeypatch, tmp_path, PUBLIC, rollup_networks["rollup"], "quality")
    assert not at.exception
    table = next(d.value for d in at.dataframe if "Netwerk" in d.value.columns)
    assert sorted(table["Netwerk"]) == ["Omzien", "Twentse Noabers"]
    assert "Alle netwerken" in at.sidebar.selectbox(key="filter_region").options
