"""Any province, or the whole country: what a scope covers, keeps and rejects."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl import reference, settings
from etl.warehouse import build
from tests.support.exports import AS_OF
from tests.support.national import PER_PROVINCE, fixture_municipalities, write_national_fixture


@pytest.fixture(scope="module")
def national_raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_national_fixture(tmp_path_factory.mktemp("national") / "raw")


@pytest.mark.parametrize("scope", reference.scopes())
def test_every_province_and_nederland_build(scope: str, national_raw: Path, tmp_path: Path) -> None:
    target = tmp_path / "omzien.duckdb"
    result = build(national_raw, target, as_of=AS_OF, province=scope)
    covered = reference.municipalities_in(scope)
    in_scope = [m for m in fixture_municipalities() if scope in (m[2], "Nederland")]
    with duckdb.connect(str(target), read_only=True) as con:
        assert con.execute("SELECT province FROM etl.loads").fetchone() == (scope,)
        assert con.execute("SELECT count(*) FROM core.municipalities").fetchone()[0] == len(covered)
        assert con.execute("SELECT count(*) FROM core.initiatives").fetchone()[0] == len(in_scope)
        assert con.execute("SELECT count(*) FROM core.obstacles").fetchone()[0] == 2 * len(in_scope)
        rules = {r for (r,) in con.execute("SELECT DISTINCT rule FROM etl.rejects").fetchall()}
        regions = con.execute(
            "SELECT region_code, kind FROM core.regions ORDER BY sort_order"
        ).fetchall()
        scorecard = con.execute("SELECT count(*) FROM marts.municipality_scorecard").fetchone()
    if scope == "Nederland":
        assert rules == set()
        assert result.rejected_rows == 0
        assert [kind for _, kind in regions] == ["provincie"] * 12
        assert [code for code, _ in regions][:2] == ["groningen", "fryslan"]
    else:
        # Every other province's rows are out of scope, named as such; their responses hang
        # from a rejected obstacle.
        assert rules == {"municipality_out_of_scope", "initiative_rejected", "obstacle_rejected"}
        # Per municipality of another province: its initiative, two obstacles, one response.
        assert result.rejected_rows == 4 * PER_PROVINCE * 11
    assert scorecard[0] == len(covered)


def test_national_regions_are_the_provinces_with_all_their_municipalities(
    national_raw: Path, tmp_path: Path
) -> None:
    target = tmp_path / "omzien.duckdb"
    build(national_raw, target, as_of=AS_OF, province="nederland")
    with duckdb.connect(str(target), read_only=True) as con:
        sizes = dict(
            con.execute(
                "SELECT r.name, count(*) FROM core.region_members AS m "
                "JOIN core.regions AS r USING (region_code) GROUP BY ALL"
            ).fetchall()
        )
    assert sum(sizes.values()) == 342
    assert sizes["Fryslân"] == 18
    assert sizes["Noord-Brabant"] == 56


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Utrecht", "Utrecht"),
        (" utrecht ", "Utrecht"),
        ("Friesland", "Fryslân"),
        ("fryslan", "Fryslân"),
        ("FRYSLÂN", "Fryslân"),
        ("noord holland", "Noord-Holland"),
        ("Noord-brabant", "Noord-Brabant"),
        ("NEDERLAND", "Nederland"),
    ],
)
def test_province_spellings(written: str, canonical: str) -> None:
    assert settings.canonical_province(written) == canonical


@pytest.mark.parametrize("written", ["Holland", "", "Vlaanderen", "Utrecht-stad"])
def test_an_unknown_province_is_refused_naming_the_valid_ones(written: str) -> None:
    with pytest.raises(settings.UnknownProvince) as raised:
        settings.canonical_province(written)
    message = str(raised.value)
    assert "is geen provincie" in message
    for name in (*reference.provinces(), "Nederland"):
        assert name in message


def test_build_refuses_an_unknown_province(national_raw: Path, tmp_path: Path) -> None:
    with pytest.raises(settings.UnknownProvince):
        build(national_raw, tmp_path / "x.duckdb", as_of=AS_OF, province="Randstad")
    assert not (tmp_path / "x.duckdb").exists()


def test_the_national_demo_spreads_over_every_municipality(tmp_path: Path) -> None:
    from etl.demo import write_demo_exports

    raw = tmp_path / "raw"
    result = write_demo_exports(raw / "demo", seed=3, as_of=AS_OF, scale=0.5, province="Nederland")
    assert not any(b.rule == "municipality_out_of_scope" for b in result.broken)
    target = tmp_path / "omzien.duckdb"
    build(raw, target, as_of=AS_OF, province="Nederland")
    with duckdb.connect(str(target), read_only=True) as con:
        covered = con.execute("SELECT count(DISTINCT cbs_code) FROM core.initiatives").fetchone()
        rules = {r for (r,) in con.execute("SELECT DISTINCT rule FROM etl.rejects").fetchall()}
    assert covered == (342,)
    assert "municipality_out_of_scope" not in rules
    # Every broken row of the demo is rejected for the rule it was made to break.
    assert {b.rule for b in result.broken} <= rules
