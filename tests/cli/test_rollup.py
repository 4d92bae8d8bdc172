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
from tests.support.networks import published_earlier, tampered
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


def test_a_damaged_or_odd_input_is_a_usage_error_without_traceback(
    rollup_networks, tmp_path
) -> None:
    damaged = tampered(
        rollup_networks["OV-publiek"],
        tmp_path / "twente.duckdb",
        "ALTER TABLE public.coverage RENAME cbs_code TO code",
    )
    garbage = tmp_path / "rommel.duckdb"
    garbage.write_bytes(b"DUCK" + bytes(range(256)) * 8)
    ut = rollup_networks["UT-publiek"]
    for odd in (damaged, garbage, tmp_path, tmp_path / "er-niet.duckdb"):
        refused = omzien(ut, odd, "--out", tmp_path / "uit" / "nl.duckdb", cwd=tmp_path)
        assert refused.returncode == 2, refused.stderr
        assert "Traceback" not in refused.stderr
        assert str(odd) in refused.stderr
    assert not (tmp_path / "uit").exists()


def test_an_out_that_cannot_be_written_is_a_usage_error(rollup_networks, tmp_path) -> None:
    (tmp_path / "bestand").write_text("geen map", encoding="utf-8")
    refused = omzien(
        rollup_networks["UT-publiek"],
        rollup_networks["OV-publiek"],
        "--out",
        tmp_path / "bestand" / "nl.duckdb",
        cwd=tmp_path,
    )
    assert refused.returncode == 2
    assert "Traceback" not in refused.stderr
    assert "--out" in refused.stderr


def test_a_name_that_would_rewrite_the_terminal_is_refused(rollup_networks, tmp_path) -> None:
    hostile = tampered(
        rollup_networks["OV-publiek"],
        tmp_path / "twente.duckdb",
        "UPDATE public.snapshot SET network = 'Twente' || chr(27) || '[2J'",
    )
    refused = omzien(
        rollup_networks["UT-publiek"], hostile, "--out", tmp_path / "nl.duckdb", cwd=tmp_path
    )
    assert refused.returncode == 2
    assert "\x1b" not in refused.stderr + refused.stdout
    named = omzien(
        rollup_networks["UT-publiek"],
        rollup_networks["OV-publiek"],
        "--out",
        tmp_path / "nl.duckdb",
        "--naam",
        "Land\nelijk",
        cwd=tmp_path,
    )
    assert named.returncode == 2
    assert "--naam" in named.stderr
    assert not (tmp_path / "nl.duckdb").exists()


def test_different_as_of_days_are_said(rollup_networks, tmp_path) -> None:
    earlier = published_earlier(rollup_networks["OV-publiek"], tmp_path / "twente.duckdb")
    done = omzien(
        rollup_networks["UT-publiek"], earlier, "--out", tmp_path / "nl.duckdb", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert "peildata verschillen" in done.stderr
    assert "Twentse Noabers 27-10-2026" in done.stderr


def test_a_network_snapshot_at_out_is_not_replaced_unasked(rollup_networks, tmp_path) -> None:
    """--out naming a network's snapshot (not an input) writes beside it; an earlier roll-up
    there is replaced."""
    other = tmp_path / "gelderland.duckdb"
    other.write_bytes(rollup_networks["UT-publiek"].read_bytes())
    before = other.read_bytes()
    parts = (rollup_networks["UT-publiek"], rollup_networks["OV-publiek"])
    done = omzien(*parts, "--out", other, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert other.read_bytes() == before
    assert (tmp_path / "gelderland-2.duckdb").exists()
    again = omzien(*parts, "--out", tmp_path / "gelderland-2.duckdb", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert not (tmp_path / "gelderland-3.duckdb").exists()
