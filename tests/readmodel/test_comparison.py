"""Municipalities against regions and province: counts, figures, small numbers, verdicts."""

from __future__ import annotations

import pytest
from scipy import stats

from etl.metrics.registry import metric
from readmodel.comparison import (
    BEST,
    CHOSEN,
    PROVINCE,
    WORST,
    city_apart,
    compare,
    focus,
    inputs,
    shown_references,
)
from readmodel.funnel import funnel
from readmodel.selection import Filters


def test_counts_per_municipality(warehouse) -> None:
    counts = inputs(warehouse, Filters()).counts.set_index("cbs_code")
    assert len(counts) == 26
    assert counts.loc[
        "GM0344", ["obstacles", "answered", "resolved", "refused", "open", "initiatives"]
    ].tolist() == [3, 2, 1, 1, 1, 1]
    assert counts.loc["GM0355", ["obstacles", "answered", "resolved"]].tolist() == [2, 1, 1]
    assert counts["obstacles"].sum() == 7
    # Comparing needs every municipality: the place filters are left out here.
    for place in (Filters(municipality="GM0355"), Filters(region="regio_foodvalley")):
        assert inputs(warehouse, place).counts["obstacles"].sum() == 7


def test_share_with_wilson_interval(warehouse) -> None:
    result = compare(inputs(warehouse, Filters()), metric("resolved_share"))
    utrecht = result.municipalities.set_index("cbs_code").loc["GM0344"]
    # Fewer than SUPPRESS_BELOW obstacles: no percentage in public views.
    assert utrecht["suppressed"]
    assert utrecht["n"] == 3
    province = result.province
    expected = stats.binomtest(2, 7).proportion_ci(method="wilson")
    assert province["value"] == pytest.approx(2 / 7)
    assert (province["low"], province["high"]) == pytest.approx((expected.low, expected.high))
    assert province["n"] == 7
    # All four municipalities with obstacles lie in the U10; none in Regio Amersfoort.
    u10 = result.reference("u10")
    assert (u10["value"], u10["n"]) == (pytest.approx(2 / 7), 7)
    amersfoort = result.reference("regio_amersfoort")
    assert amersfoort["n"] == 0
    assert amersfoort["value"] != amersfoort["value"]  # NaN: no figure, not 0%


def test_rate_with_poisson_interval(warehouse) -> None:
    result = compare(inputs(warehouse, Filters()), metric("obstacles_per_10k"))
    utrecht = result.municipalities.set_index("cbs_code").loc["GM0344"]
    assert utrecht["value"] == pytest.approx(3 / 374_238 * 10_000)
    assert utrecht["low"] == pytest.approx(stats.chi2.ppf(0.025, 6) / 2 / 374_238 * 10_000)


def test_kaplan_meier_counts_open_obstacles(warehouse) -> None:
    result = compare(inputs(warehouse, Filters()), metric("median_days_to_first_response"))
    # K-01 answered after 5 days, K-02 after 92, K-07 still open after 315: S(92) = 1/3.
    assert result.municipalities.set_index("cbs_code").loc["GM0344", "value"] == 92.0


def test_small_numbers_are_flagged_and_not_ranked(warehouse) -> None:
    judged = compare(inputs(warehouse, Filters()), metric("resolved_share")).municipalities
    assert judged["small_numbers"].all()  # no municipality has 10 obstacles in the fixture
    assert judged["rank"].isna().all()
    assert judged["value"].isna().all()  # fewer than 5: no percentage at all


def test_a_region_narrows_the_rows_not_the_references(warehouse) -> None:
    result = compare(inputs(warehouse, Filters()), metric("resolved_share"), "regio_foodvalley")
    assert set(result.rows()["cbs_code"]) == {"GM0340", "GM0339", "GM0345"}
    assert result.province["n"] == 7
    shown = shown_references(result, warehouse, "regio_foodvalley")
    assert shown["code"].tolist() == [PROVINCE, "regio_foodvalley"]
    everything = shown_references(result, warehouse, None)
    # U10 lies inside U16 and the city inside U10: the main regions are the outer ones.
    assert everything["code"].tolist() == [PROVINCE, "u16", "regio_amersfoort", "regio_foodvalley"]


def test_the_city_apart(warehouse) -> None:
    data = inputs(warehouse, Filters())
    narrowed, cities = city_apart(data, compare(data, metric("resolved_share")))
    assert cities["cbs_code"].tolist() == ["GM0344"]
    assert "GM0344" not in narrowed.shown
    rest = narrowed.references.set_index("code").loc["zonder_stad"]
    assert (rest["value"], rest["n"]) == (pytest.approx(1 / 4), 4)
    assert rest["name"] == "Provincie Utrecht zonder Stad Utrecht"


def test_funnel_only_for_shares_of_obstacles(demo) -> None:
    data = inputs(demo, Filters())
    assert funnel(data, compare(data, metric("obstacles_per_10k"))) is None
    shown = funnel(data, compare(data, metric("resolved_share")))
    assert shown.p0 == pytest.approx(compare(data, metric("resolved_share")).province["value"])
    assert len(shown.points) == 26
    assert "binnen de verwachte variatie" in shown.description
    assert shown.outside == int(
        (shown.points["band"].notna() & (shown.points["band"] != "binnen")).sum()
    )


def test_a_focus_shows_the_surest_best_and_worst_and_the_chosen(demo) -> None:
    comparison = compare(inputs(demo, Filters()), metric("resolved_share"))
    rows = comparison.rows()
    assert focus(comparison)["focus"].isna().all()  # 26 municipalities fit
    shown = focus(comparison, "GM0589", ends=3, above=10)
    judged = rows[~rows["small_numbers"] & rows["value"].notna()]
    best = judged.sort_values("low", ascending=False)["cbs_code"].head(3)
    worst = judged.sort_values("high")["cbs_code"].head(3)
    by_label = shown.groupby("focus")["cbs_code"].apply(set).to_dict()
    assert by_label[BEST] == set(best)
    assert by_label[WORST] == set(worst) - set(best)
    assert by_label[CHOSEN] == {"GM0589"}
    # Lower is better for days: the best are the surest short ones (days tie often: then
    # the lower value, then the name).
    days = compare(inputs(demo, Filters()), metric("median_days_to_first_response"))
    judged = days.rows()[~days.rows()["small_numbers"] & days.rows()["value"].notna()]
    fastest = set(judged.sort_values(["high", "value", "name"])["cbs_code"].head(2))
    fast = focus(days, ends=2, above=10)
    assert set(fast.loc[fast["focus"] == BEST, "cbs_code"]) == fastest


def test_group_survival_is_the_sum_of_its_members_per_day(demo_warehouse) -> None:
    """Per group and day, the survival counts of its members added up (the days the group
    has rows on, in day order), on the demo's real survival counts."""
    import duckdb

    from etl.metrics.registry import FIRST_RESPONSE, RESOLUTION
    from readmodel.comparison import group_survival, reference_groups
    from readmodel.warehouse import read_warehouse

    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        wh = read_warehouse(con)
        data = inputs(wh, Filters(themes=("zorg_welzijn",)))
        groups = {**reference_groups(wh), "leeg": frozenset(), "een": frozenset({"GM0344"})}
        for event in (FIRST_RESPONSE, RESOLUTION):
            survival = data.survival(event)
            found = group_survival(data, event, groups)
            for code, members in groups.items():
                mine = survival[survival["cbs_code"].isin(members)]
                expected = mine.groupby("days")[["events", "censored"]].sum()
                got = found[found["code"] == code].set_index("days")[["events", "censored"]]
                assert got.index.tolist() == expected.index.tolist()
                assert got.to_numpy().tolist() == expected.to_numpy().tolist()
            assert len(found[found["code"] == "leeg"]) == 0
