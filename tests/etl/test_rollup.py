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
from tests.support.networks import published_earlier, tampered, write_network_exports

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


# ---------------------------------------------------------------- damaged and hostile inputs

# A snapshot changed by hand or broken on the way: each gets a Dutch reason (exit 2) and
# no output file, never a traceback and never a roll-up that counts something wrong.
DAMAGED = {
    "kolom-weg-uit-snapshot": ["ALTER TABLE public.snapshot DROP COLUMN synthetic"],
    "kolom-weg-uit-dekking": ["ALTER TABLE public.coverage RENAME cbs_code TO code"],
    "geen-herkomst": ["DELETE FROM public.snapshot"],
    "twee-keer-herkomst": [
        "INSERT INTO public.snapshot SELECT 'Ander netwerk', province, load_id, as_of, "
        "synthetic, published_at FROM public.snapshot"
    ],
    "netwerk-zonder-naam": ["UPDATE public.snapshot SET network = NULL"],
    "lege-netwerknaam": ["UPDATE public.snapshot SET network = '  '"],
    "stuurtekens-in-naam": ["UPDATE public.snapshot SET network = 'Twente' || chr(27) || '[31m'"],
    "gemeente-leeg": ["INSERT INTO public.coverage VALUES (NULL, 'Twentse Noabers')"],
    "gemeente-onbekend": ["INSERT INTO public.coverage VALUES ('GM9999', 'Twentse Noabers')"],
    "gemeente-sql": [
        "INSERT INTO public.coverage VALUES ('''; DROP TABLE marts.obstacle_counts; --', 'x')"
    ],
    "gemeente-dubbel": ["INSERT INTO public.coverage SELECT * FROM public.coverage LIMIT 1"],
    "gemeente-buiten-de-gemeenten": [
        "DELETE FROM core.municipalities WHERE cbs_code = "
        "(SELECT min(cbs_code) FROM public.coverage)"
    ],
    "ander-type": ["ALTER TABLE marts.obstacle_counts ALTER obstacles TYPE VARCHAR"],
    "tabel-weg": ["DROP TABLE core.region_members"],
    "initiatief-kolom-weg": ["ALTER TABLE public.initiatives DROP COLUMN cbs_code"],
}


@pytest.mark.parametrize("statements", DAMAGED.values(), ids=DAMAGED)
def test_a_damaged_snapshot_gets_a_dutch_reason(built, tmp_path, statements) -> None:
    damaged = tampered(built["OV-publiek"], tmp_path / "twente.duckdb", *statements)
    target = tmp_path / "nl.duckdb"
    with pytest.raises(RollupError) as refused:
        rollup([built["UT-publiek"], damaged], target)
    assert refused.value.exit_code == 2
    assert "twente.duckdb" in str(refused.value)
    assert "Error" not in str(refused.value)  # no DuckDB message in English
    assert [p.name for p in tmp_path.iterdir()] == ["twente.duckdb"]  # nothing half-written


def test_a_directory_is_no_snapshot(built, tmp_path) -> None:
    with pytest.raises(RollupError, match="map") as refused:
        rollup([built["UT-publiek"], tmp_path], tmp_path / "nl.duckdb")
    assert refused.value.exit_code == 2


def test_columns_a_snapshot_should_not_have_stay_out(built, tmp_path) -> None:
    """Only the directory's own columns are published again: a column someone added to
    both snapshots (here a secret) does not reach the roll-up."""
    secret = "ALTER TABLE public.initiatives ADD COLUMN contact VARCHAR DEFAULT 'GEHEIM-06'"
    one = tampered(built["UT-publiek"], tmp_path / "ut.duckdb", secret)
    other = tampered(built["OV-publiek"], tmp_path / "ov.duckdb", secret)
    rollup([one, other], tmp_path / "nl.duckdb")
    with (
        duckdb.connect(str(tmp_path / "nl.duckdb"), read_only=True) as con,
        duckdb.connect(str(built["rollup"]), read_only=True) as plain,
    ):
        columns = {c for (c,) in con.execute("SELECT column_name FROM duckdb_columns()").fetchall()}
        assert "contact" not in columns
        assert_frame_equal(
            con.execute("SELECT * FROM public.initiatives").df(),
            plain.execute("SELECT * FROM public.initiatives").df(),
        )


HOSTILE_NAMES = [
    'O\'Brien "x"; DROP TABLE marts.obstacle_counts; --',
    "**vet** [klik](https://example.org) # kop",
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_network_name_is_data_never_sql(built, tmp_path, name) -> None:
    hostile = tampered(
        built["OV-publiek"],
        tmp_path / "ov.duckdb",
        "UPDATE public.snapshot SET network = '" + name.replace("'", "''") + "'",
        "UPDATE public.coverage SET network = (SELECT network FROM public.snapshot)",
    )
    result = rollup([built["UT-publiek"], hostile], tmp_path / "nl.duckdb", name=name)
    assert name in result.networks
    with (
        duckdb.connect(str(tmp_path / "nl.duckdb"), read_only=True) as con,
        duckdb.connect(str(built["rollup"]), read_only=True) as plain,
    ):
        assert con.execute("SELECT network FROM public.snapshot").fetchone() == (name,)
        assert headline(con, Filters()) == headline(plain, Filters())


@pytest.mark.parametrize("name", ["   ", "Land\nelijk", "Landelijk\x1b[2J", "x" * 201])
def test_the_name_of_the_rollup_is_checked(built, tmp_path, name) -> None:
    target = tmp_path / "nl.duckdb"
    with pytest.raises(RollupError, match="naam") as refused:
        rollup([built["UT-publiek"], built["OV-publiek"]], target, name=name)
    assert refused.value.exit_code == 2
    assert not target.exists()


def test_one_network_in_another_spelling_is_the_same_network(built, tmp_path) -> None:
    """' omzien ' is Omzien: refused like the same network twice, also with a preference
    (which would otherwise match both)."""
    again = tmp_path / "omzien-klein.duckdb"
    publish(built["UT"], again, network=" omzien ")
    for prefer in (None, "omzien", "OMZIEN"):
        with pytest.raises(RollupError, match="twee keer") as refused:
            rollup([built["UT-publiek"], again], tmp_path / "x.duckdb", prefer=prefer)
        assert refused.value.exit_code == 2
    assert not (tmp_path / "x.duckdb").exists()


def test_a_rollup_with_one_of_its_own_parts_is_refused(built, tmp_path) -> None:
    """Rolled up again with one of its networks: refused whatever is preferred, naming both
    files; under another name the part still overlaps."""
    for prefer in (None, "Omzien", "Twentse Noabers"):
        with pytest.raises(RollupError) as refused:
            rollup([built["rollup"], built["UT-publiek"]], tmp_path / "x.duckdb", prefer=prefer)
        assert refused.value.exit_code == 2
        assert "Omzien" in str(refused.value)
        assert "landelijk.duckdb" in str(refused.value)
        assert "UT-publiek.duckdb" in str(refused.value)
    renamed = tmp_path / "zorgzaam.duckdb"
    publish(built["UT"], renamed, network="Zorgzaam Utrecht")
    with pytest.raises(RollupError, match="--voorkeur"):
        rollup([built["rollup"], renamed], tmp_path / "x.duckdb")
    assert not (tmp_path / "x.duckdb").exists()


def test_different_as_of_days_are_named(built, tmp_path) -> None:
    earlier = published_earlier(built["OV-publiek"], tmp_path / "ov.duckdb")
    result = rollup([built["UT-publiek"], earlier], tmp_path / "nl.duckdb")
    assert result.as_of_days == {"Omzien": AS_OF, "Twentse Noabers": date(2026, 10, 27)}
    same = rollup([built["UT-publiek"], built["OV-publiek"]], tmp_path / "nl2.duckdb")
    assert set(same.as_of_days.values()) == {AS_OF}


def test_region_codes_stay_apart_when_networks_share_them(built, tmp_path) -> None:
    """Both networks call a region u16, and Twente also has one with the code the roll-up
    would give its u16: every region keeps its own members."""
    codes = "SELECT cbs_code FROM public.coverage ORDER BY cbs_code"
    twente = tampered(
        built["OV-publiek"],
        tmp_path / "ov.duckdb",
        "INSERT INTO core.regions (region_code, name, kind, sort_order) VALUES "
        "('twentse_noabers_u16', 'Noord-Twente', 'samenwerkingsverband', 90), "
        "('u16', 'Twentse zestien', 'samenwerkingsverband', 91)",
        f"INSERT INTO core.region_members SELECT 'u16', cbs_code FROM ({codes} LIMIT 3)",
        "INSERT INTO core.region_members SELECT 'twentse_noabers_u16', cbs_code "
        f"FROM ({codes} OFFSET 3 LIMIT 2)",
    )
    rollup([built["UT-publiek"], twente], tmp_path / "nl.duckdb")
    with duckdb.connect(str(tmp_path / "nl.duckdb"), read_only=True) as con:
        regions = con.execute("SELECT region_code FROM core.regions").fetchall()
        assert len(regions) == len(set(regions))
        sizes = dict(
            con.execute(
                "SELECT r.name, count(*) FROM core.regions AS r "
                "JOIN core.region_members USING (region_code) GROUP BY ALL"
            ).fetchall()
        )
    assert sizes["Twentse zestien"] == 3
    assert sizes["Noord-Twente"] == 2
    assert sizes["U16"] == 16
