"""Gemeenten vergelijken (/vergelijken): measures with intervals, funnel, small numbers."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from scipy import stats

from dashboard import measures
from dashboard.filters import Filters
from dashboard.queries.compare import municipality_counts, obstacle_dates, region_members
from tests.support.exports import AS_OF


@pytest.fixture(scope="module")
def con(fixture_warehouse: Path):
    with duckdb.connect(str(fixture_warehouse), read_only=True) as connection:
        yield connection


def test_counts_per_municipality(con) -> None:
    counts = municipality_counts(con, Filters()).set_index("cbs_code")
    assert len(counts) == 26
    assert counts.loc[
        "GM0344", ["obstacles", "answered", "resolved", "refused", "open", "initiatives"]
    ].tolist() == [3, 2, 1, 1, 1, 1]
    assert counts.loc["GM0355", ["obstacles", "answered", "resolved"]].tolist() == [2, 1, 1]
    assert counts["obstacles"].sum() == 7
    # Comparing needs every municipality: the municipality filter is ignored here.
    assert municipality_counts(con, Filters(municipality="GM0355"))["obstacles"].sum() == 7


def test_share_measure_with_wilson_interval(con) -> None:
    counts = municipality_counts(con, Filters())
    dates = obstacle_dates(con, Filters())
    table = measures.compute(counts, dates, measures.BY_KEY["resolved_share"], AS_OF)
    utrecht = table.set_index("cbs_code").loc["GM0344"]
    expected = stats.binomtest(1, 3).proportion_ci(method="wilson")
    assert utrecht["value"] == pytest.approx(1 / 3)
    assert (utrecht["low"], utrecht["high"]) == pytest.approx((expected.low, expected.high))
    province = measures.pooled(counts, dates, measures.BY_KEY["resolved_share"], AS_OF)
    assert province["value"] == pytest.approx(2 / 7)
    assert province["n"] == 7


def test_rate_measure_with_poisson_interval(con) -> None:
    counts = municipality_counts(con, Filters())
    table = measures.compute(
        counts, obstacle_dates(con, Filters()), measures.BY_KEY["obstacles_per_10k"], AS_OF
    )
    utrecht = table.set_index("cbs_code").loc["GM0344"]
    assert utrecht["value"] == pytest.approx(3 / 374_238 * 10_000)
    low = stats.chi2.ppf(0.025, 6) / 2 / 374_238 * 10_000
    assert utrecht["low"] == pytest.approx(low)


def test_kaplan_meier_measure_counts_open_obstacles(con) -> None:
    counts = municipality_counts(con, Filters())
    table = measures.compute(
        counts, obstacle_dates(con, Filters()), measures.BY_KEY["first_response_within_30d"], AS_OF
    )
    utrecht = table.set_index("cbs_code").loc["GM0344"]
    # K-01 answered after 5 days, K-02 after 92, K-07 still open after 315: 1 of 3.
    assert utrecht["value"] == pytest.approx(1 / 3)


def test_small_numbers_are_flagged_and_not_ranked(con) -> None:
    counts = municipality_counts(con, Filters())
    measure = measures.BY_KEY["resolved_share"]
    table = measures.compute(counts, obstacle_dates(con, Filters()), measure, AS_OF)
    judged = measures.judged(table, measure, 2 / 7)
    assert judged["small_numbers"].all()  # no municipality has 10 obstacles in the fixture
    assert judged["rank"].isna().all()
    assert judged["value"].isna().all()  # fewer than 5: no percentage at all


def test_region_members(con) -> None:
    members = region_members(con)
    assert len(members[members["region_code"] == "u16"]) == 16


def test_page_renders_each_measure(app, demo_warehouse: Path) -> None:
    at = app(demo_warehouse, page="compare")
    assert not at.exception
    assert any("binnen de verwachte variatie" in m.value for m in at.markdown)
    for measure in measures.MEASURES:
        at.selectbox(key="compare_measure").set_value(measure.key).run()
        assert not at.exception, measure.key
    at.toggle(key="compare_city_apart").set_value(True).run()
    assert not at.exception
    assert at.metric[0].label == "Stad Utrecht"


def test_ranking_leaves_out_small_municipalities(app, demo_warehouse: Path) -> None:
    at = app(demo_warehouse, page="compare")
    table = at.dataframe[0].value
    few = table[table["small_numbers"]]
    assert set(few["name"]) >= {"Renswoude", "Eemnes"}
    assert few["rank"].isna().all()
    assert table.loc[~table["small_numbers"], "rank"].notna().all()


def test_region_filter_and_url(app, demo_warehouse: Path) -> None:
    at = app(demo_warehouse, page="compare", regio="regio_foodvalley")
    assert not at.exception
    assert sorted(at.dataframe[0].value["name"]) == ["Renswoude", "Rhenen", "Veenendaal"]
    assert at.query_params["maat"] == "resolved_share"


def test_empty_selection(app, fixture_warehouse: Path) -> None:
    at = app(fixture_warehouse, page="compare", thema="cultuur_sport")
    assert not at.exception
    assert any("Geen knelpunten" in i.value for i in at.info)


def test_region_filter_keeps_every_municipality_for_the_province_value(con) -> None:
    """The province line is over all municipalities, whatever region is shown."""
    counts = municipality_counts(con, Filters(region="regio_foodvalley"))
    assert counts["obstacles"].sum() == 7
    assert len(obstacle_dates(con, Filters(region="regio_foodvalley"))) == 7
