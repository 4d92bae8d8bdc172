"""The national roll-up (omzien rollup): the public snapshots of two networks, added up,
give the same figures as one warehouse built from both networks' exports together.

Omzien (Utrecht) and Twentse Noabers (Overijssel) each build, publish and hand over a
snapshot; the reference is one national warehouse (scope Nederland) loaded with both
networks' exports. Every figure of the registry per municipality and per province, the
headline, the trend, the agenda and the Kaplan-Meier curves must agree exactly.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from etl import reference
from etl.metrics.registry import metrics
from etl.publish import publish
from etl.rollup import RollupError, rollup
from etl.warehouse import build
from readmodel.agenda import agenda
from readmodel.comparison import compare, inputs
from readmodel.overview import headline, per_quarter
from readmodel.profile import curves
from readmodel.selection import Filters
from readmodel.warehouse import read_warehouse
from tests.support.exports import AS_OF
from tests.support.networks import write_network_exports

PROVINCES = ("utrecht", "overijssel")
IN_PROVINCE = (
    reference.municipalities_nl()
    .groupby("province")["cbs_code"]
    .count()
    .loc[["Utrecht", "Overijssel", "Gelderland"]]
    .to_dict()
)


@pytest.fixture(scope="module")
def built(rollup_networks) -> dict[str, Path]:
    return rollup_networks


@pytest.fixture(scope="module")
def both(built):
    with (
        duckdb.connect(str(built["rollup"]), read_only=True) as rolled,
        duckdb.connect(str(built["samen"]), read_only=True) as together,
    ):
        yield read_warehouse(rolled), read_warehouse(together)


def covered(warehouse) -> set[str]:
    return set(warehouse.municipality_names)


def test_the_rollup_covers_both_networks(both) -> None:
    rolled, together = both
    assert rolled.public
    # A network covers its province: every municipality of Utrecht and of Overijssel.
    assert len(covered(rolled)) == IN_PROVINCE["Utrecht"] + IN_PROVINCE["Overijssel"]
    assert covered(rolled) < covered(together)
    assert {r: rolled.region_kinds[r] for r in PROVINCES} == dict.fromkeys(PROVINCES, "provincie")
    # Each network's own groupings come along (U16 etc. of Omzien).
    networks = dict(
        rolled.con.execute("SELECT network, count(*) FROM public.coverage GROUP BY ALL").fetchall()
    )
    assert networks == {
        "Omzien": IN_PROVINCE["Utrecht"],
        "Twentse Noabers": IN_PROVINCE["Overijssel"],
    }


@pytest.mark.parametrize(
    "filters",
    [Filters(), Filters(start=date(2025, 1, 1), end=date(2026, 6, 30), phase="startend")],
    ids=["alles", "periode-en-fase"],
)
def test_headline_and_trend_equal_one_warehouse_of_both(both, filters) -> None:
    rolled, together = both
    assert headline(rolled.con, filters) == headline(together.con, filters)
    assert_frame_equal(
        per_quarter(rolled.con, filters, first_day=rolled.first_day, as_of=rolled.as_of),
        per_quarter(together.con, filters, first_day=together.first_day, as_of=together.as_of),
    )


@pytest.mark.parametrize("metric", [m for m in metrics() if m.comparable], ids=lambda m: m.key)
def test_every_figure_per_municipality_and_province_is_the_same(both, metric) -> None:
    rolled, together = both
    mine, theirs = (compare(inputs(w, Filters()), metric) for w in (rolled, together))
    columns = ["cbs_code", "value", "low", "high", "n", "small_numbers", "comparison"]
    shown = sorted(covered(rolled))

    def by_code(frame: pd.DataFrame) -> pd.DataFrame:
        rows = frame[frame["cbs_code"].isin(shown)]
        return rows.sort_values("cbs_code")[columns].reset_index(drop=True)

    # The verdict is against the whole area, which differs (all of Nederland there): only
    # the figures themselves must agree.
    assert_frame_equal(
        by_code(mine.municipalities).drop(columns="comparison"),
        by_code(theirs.municipalities).drop(columns="comparison"),
    )
    for province in PROVINCES:
        assert mine.reference(province)[["value", "low", "high", "n"]].equals(
            theirs.reference(province)[["value", "low", "high", "n"]]
        )


def test_the_scorecard_is_computed_again_from_the_summed_counts(both) -> None:
    rolled, together = both
    mine = rolled.con.execute("SELECT * FROM marts.municipality_scorecard ORDER BY 1").df()
    theirs = together.con.execute(
        "SELECT * FROM marts.municipality_scorecard WHERE list_contains(?, cbs_code) ORDER BY 1",
        [sorted(covered(rolled))],
    ).df()
    assert_frame_equal(mine, theirs, check_dtype=False)


@pytest.mark.parametrize("region", [None, "utrecht", "overijssel"])
def test_the_agenda_with_different_initiatives_is_the_same(both, region) -> None:
    rolled, together = both
    filters = Filters(region=region)
    mine, theirs = (
        agenda(w.con, filters, first_day=w.first_day, as_of=w.as_of) for w in (rolled, together)
    )
    assert mine["initiatives"].notna().all()
    assert_frame_equal(mine, theirs)


def test_curves_are_the_same(both) -> None:
    rolled, together = both
    groups = {"utrecht": rolled.members("utrecht"), "overijssel": rolled.members("overijssel")}
    for event in ("first_response", "resolution"):
        mine = curves(inputs(rolled, Filters()), event, groups)
        theirs = curves(inputs(together, Filters()), event, groups)
        for code in groups:
            assert_frame_equal(mine[code], theirs[code])


def test_overlapping_snapshots_are_refused_unless_one_is_preferred(built, tmp_path) -> None:
    other = tmp_path / "ander.duckdb"
    publish(built["UT"], other, network="Zorgzaam Utrecht")
    with pytest.raises(RollupError) as refused:
        rollup([built["UT-publiek"], other], tmp_path / "dubbel.duckdb")
    assert "Omzien" in str(refused.value)
    assert "Zorgzaam Utrecht" in str(refused.value)
    assert refused.value.exit_code == 2
    assert not (tmp_path / "dubbel.duckdb").exists()
    result = rollup(
        [built["UT-publiek"], other, built["OV-publiek"]],
        tmp_path / "voorkeur.duckdb",
        prefer="omzien",
    )
    assert result.left_out == {"Zorgzaam Utrecht": IN_PROVINCE["Utrecht"]}
    with duckdb.connect(str(tmp_path / "voorkeur.duckdb"), read_only=True) as con:
        networks = dict(
            con.execute("SELECT network, count(*) FROM public.coverage GROUP BY ALL").fetchall()
        )
        assert networks == {
            "Omzien": IN_PROVINCE["Utrecht"],
            "Twentse Noabers": IN_PROVINCE["Overijssel"],
        }
        with duckdb.connect(str(built["rollup"]), read_only=True) as plain:
            assert headline(con, Filters()) == headline(plain, Filters())


def test_what_cannot_be_rolled_up_gets_a_dutch_reason(built, tmp_path) -> None:
    with pytest.raises(RollupError, match="minstens twee"):
        rollup([built["UT-publiek"]], tmp_path / "x.duckdb")
    with pytest.raises(RollupError, match="geen publieke momentopname"):
        rollup([built["UT-publiek"], built["OV"]], tmp_path / "x.duckdb")
    with pytest.raises(RollupError, match="twee keer"):
        rollup([built["UT-publiek"], built["UT-publiek"]], tmp_path / "x.duckdb")
    with pytest.raises(RollupError, match="geen van de netwerken"):
        rollup([built["UT-publiek"], built["OV-publiek"]], tmp_path / "x.duckdb", prefer="X")


def test_a_rollup_rolls_up_again(built, tmp_path) -> None:
    third = tmp_path / "gelderland"
    raw = write_network_exports(third, "Gelderland", "GE", seed=13, as_of=AS_OF)
    warehouse = tmp_path / "GE.duckdb"
    build(raw, warehouse, as_of=AS_OF, province="Gelderland")
    snapshot = tmp_path / "GE-publiek.duckdb"
    publish(warehouse, snapshot, network="Gelders netwerk")
    result = rollup([built["rollup"], snapshot], tmp_path / "drie.duckdb")
    assert set(result.networks) == {"Omzien", "Twentse Noabers", "Gelders netwerk"}
    assert result.municipalities == sum(IN_PROVINCE[p] for p in IN_PROVINCE)
