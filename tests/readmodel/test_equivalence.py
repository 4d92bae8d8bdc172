"""The figures do not change: every figure from the marts equals the straightforward
computation from core rows, for any selection.

Random selections (hypothesis) on the demo warehouse: counts must be equal exactly,
Kaplan-Meier figures and intervals to 1e-9 (tests/support/reference.py computes them from
one duration per obstacle with scipy, knowing nothing of the marts).
"""

from __future__ import annotations

import math
from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.metrics.registry import SCORECARD_KEYS, comparable, metric
from etl.vocabularies import CATEGORIES, LEVELS, PHASES, THEMES
from readmodel.agenda import agenda
from readmodel.comparison import PROVINCE, compare, inputs
from readmodel.overview import headline
from readmodel.rollups import initiative_totals, obstacle_totals
from readmodel.selection import Filters
from tests.support import reference
from tests.support.exports import AS_OF

FIRST = date(2023, 1, 1)
STATUSES = ("open", "ontvangen", "in_behandeling", "opgelost", "deels_opgelost", "afgewezen")
MUNICIPALITIES = ("GM0307", "GM0344", "GM0312", "GM0355", "GM0340")
REGIONS = ("u10", "u16", "regio_amersfoort", "regio_foodvalley", "stad_utrecht")

days = st.integers(0, (AS_OF - FIRST).days).map(lambda n: FIRST + timedelta(days=n))
selections = st.builds(
    Filters,
    start=st.none() | days,
    end=st.none() | days,
    region=st.none() | st.sampled_from(REGIONS),
    municipality=st.none() | st.sampled_from(MUNICIPALITIES),
    themes=st.lists(st.sampled_from(THEMES.codes()), max_size=2, unique=True).map(tuple),
    categories=st.lists(st.sampled_from(CATEGORIES.codes()), max_size=2, unique=True).map(tuple),
    phase=st.none() | st.sampled_from(PHASES.codes()),
    level=st.none() | st.sampled_from(LEVELS.codes()),
)
HYPOTHESIS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def same(a: float, b: float) -> bool:
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return a == pytest.approx(b, abs=1e-9, rel=1e-9)


@HYPOTHESIS
@given(selections)
def test_obstacle_counts_equal_the_rows(demo, filters: Filters) -> None:
    rows = reference.selected_rows(demo.con, filters)
    totals = obstacle_totals(demo.con, filters).iloc[0]
    statuses = Counter(r["status"] for r in rows)
    followed = [r for r in rows if r["reported_at"] <= AS_OF - timedelta(days=90)]
    expected = {
        "obstacles": len(rows),
        "answered": sum(r["first_response_at"] is not None for r in rows),
        "resolved": sum(r["resolved_at"] is not None for r in rows),
        "stale": sum(r["status"] in ("open", "ontvangen", "in_behandeling") for r in followed),
        "followed_90d": len(followed),
        "resolved_in_90d": sum(
            r["resolved_at"] is not None and (r["resolved_at"] - r["reported_at"]).days <= 90
            for r in followed
        ),
        "severity_known": sum(r["severity"] is not None for r in rows),
        "severe": sum(r["severity"] == 3 for r in rows),
        **{f"status_{s}": statuses[s] for s in STATUSES},
    }
    assert {k: int(totals[k]) for k in expected} == expected
    by_municipality = obstacle_totals(demo.con, filters, by=["cbs_code"])
    assert dict(zip(by_municipality["cbs_code"], by_municipality["obstacles"], strict=True)) == (
        Counter(r["cbs_code"] for r in rows)
    )
    by_quarter = obstacle_totals(demo.con, filters, by=["quarter"])
    quarters = Counter(
        date(r["reported_at"].year, 3 * ((r["reported_at"].month - 1) // 3) + 1, 1) for r in rows
    )
    found = {
        q.date(): n for q, n in zip(by_quarter["quarter"], by_quarter["obstacles"], strict=True)
    }
    assert found == quarters


@HYPOTHESIS
@given(selections)
def test_initiative_counts_equal_the_rows(demo, filters: Filters) -> None:
    expected = reference.initiatives(demo.con, filters)
    assert headline(demo.con, filters).initiatives == len(expected)
    per = initiative_totals(demo.con, filters, by=["cbs_code"])
    assert dict(zip(per["cbs_code"], per["initiatives"], strict=True)) == Counter(
        r["cbs_code"] for r in expected
    )


@HYPOTHESIS
@given(selections, st.sampled_from([m.key for m in comparable()]))
def test_every_comparable_figure_equals_the_rows(demo, filters: Filters, key: str) -> None:
    found = metric(key)
    result = compare(inputs(demo, filters), found)
    everywhere = filters.everywhere()
    rows = reference.selected_rows(demo.con, everywhere)
    population = dict(
        demo.con.execute("SELECT cbs_code, population FROM core.municipalities").fetchall()
    )
    registered = Counter(r["cbs_code"] for r in reference.initiatives(demo.con, everywhere))
    groups = {code: {code} for code in population} | {PROVINCE: set(population)}
    table = result.municipalities.set_index("cbs_code")
    province = result.province
    for code, members in groups.items():
        mine = [r for r in rows if r["cbs_code"] in members]
        expected = _figure(found, mine, sum(population[c] for c in members), registered, members)
        got = province if code == PROVINCE else table.loc[code]
        if code != PROVINCE and got["suppressed"] and found.is_share:
            continue  # hidden on purpose (small numbers): NaN, not the computed value
        for column, value in zip(("value", "low", "high"), expected, strict=True):
            assert same(float(got[column]), value), (code, key, column, got[column], value)


def _figure(found, rows, population, registered, members) -> tuple[float, float, float]:
    if found.kind == "rate":
        count = len(rows) if found.counts[0] == "obstacles" else sum(registered[c] for c in members)
        return reference.rate(count, population)
    if found.kind == "share":
        hits = {
            "answered": lambda r: r["first_response_at"] is not None,
            "resolved": lambda r: r["resolved_at"] is not None,
            "refused": lambda r: r["status"] == "afgewezen",
        }[found.counts[0]]
        return reference.share(sum(hits(r) for r in rows), len(rows))
    d, o = reference.durations(rows, found.event, AS_OF)
    return reference.km_figure(d, o, found.horizon)


@HYPOTHESIS
@given(selections, st.sampled_from(["pair", "category"]))
def test_agenda_counts_equal_the_rows(demo, filters: Filters, grouping: str) -> None:
    items = agenda(demo.con, filters, first_day=demo.first_day, as_of=AS_OF, grouping=grouping)
    rows = reference.selected_rows(demo.con, filters)
    keys = ("category", "theme") if grouping == "pair" else ("category",)
    expected: dict[tuple, dict] = {}
    for r in rows:
        item = expected.setdefault(
            tuple(r[k] for k in keys),
            {"municipalities": set(), "initiatives": set(), "obstacles": 0, "unresolved": 0},
        )
        item["municipalities"].add(r["cbs_code"])
        if r["initiative_id"] is not None:
            item["initiatives"].add(r["initiative_id"])
        item["obstacles"] += 1
        item["unresolved"] += r["resolved_at"] is None
    got = {
        tuple(row[k] for k in keys): {
            "municipalities": row["municipalities"],
            "initiatives": row["initiatives"],
            "obstacles": row["obstacles"],
            "unresolved": row["unresolved"],
        }
        for _, row in items.iterrows()
    }
    assert got == {
        item: {
            "municipalities": len(v["municipalities"]),
            "initiatives": len(v["initiatives"]),
            "obstacles": v["obstacles"],
            "unresolved": v["unresolved"],
        }
        for item, v in expected.items()
    }


def test_the_whole_province_equals_the_scorecard(demo) -> None:
    """The dashboard's figures of the default view are marts.municipality_scorecard's."""
    card = demo.con.execute("SELECT * FROM marts.municipality_scorecard").df()
    card = card.set_index("cbs_code")
    data = inputs(demo, Filters())
    for key in SCORECARD_KEYS:
        found = metric(key)
        table = compare(data, found).municipalities.set_index("cbs_code")
        for column, suffix in (("value", ""), ("low", "_low"), ("high", "_high")):
            mine = table[column]
            if found.is_share:  # the page hides tiny shares; the mart keeps them
                mine = mine.where(~table["suppressed"], card[f"{key}{suffix}"])
            for code in card.index:
                assert same(float(mine[code]), float(card.loc[code, f"{key}{suffix}"])), (
                    key,
                    code,
                    column,
                )
