"""Headline figures, the honest trend per quarter and the top lists on the fixture."""

from __future__ import annotations

import math
from datetime import date

import pytest

from readmodel.overview import Headline, headline, per_quarter, previous_period, status_counts, top
from readmodel.selection import Filters
from tests.etl.metrics_support import hand_wilson
from tests.support.exports import AS_OF


def test_headline_counts_on_the_fixture(warehouse) -> None:
    con = warehouse.con
    assert headline(con, Filters()) == Headline(
        initiatives=5, obstacles=7, answered=5, resolved=2, stale=2
    )
    assert headline(con, Filters(municipality="GM0344")) == Headline(
        initiatives=1, obstacles=3, answered=2, resolved=1, stale=1
    )
    # Initiatives count when registered by the end of the period (INI-05 registered in
    # 2025), obstacles when reported within it.
    early = headline(con, Filters(end=date(2024, 12, 31)))
    assert (early.initiatives, early.obstacles) == (4, 3)


def test_quarters_count_reports_and_the_share_resolved_within_90_days(warehouse) -> None:
    quarters = per_quarter(warehouse.con, Filters(), first_day=warehouse.first_day, as_of=AS_OF)
    # Quarters without reports in between are there with zeros: the time axis never jumps.
    assert list(quarters["label"]) == [
        *(f"2024 K{q}" for q in range(1, 5)),
        *(f"2025 K{q}" for q in range(1, 5)),
        *(f"2026 K{q}" for q in range(1, 4)),
        "2026 K4 (lopend)",
    ]
    assert quarters["complete"].tolist() == [True] * 11 + [False]
    assert quarters["obstacles"].tolist() == [2, 1, 0, 0, 1, 1, 0, 0, 1, 0, 0, 1]
    # K-01 resolved after 41 days, K-05 after one: within 90 days. K-06 (1 October 2026)
    # had not been followed 90 days on the as-of day: it does not count, and its quarter
    # has no share rather than a falsely low one.
    assert quarters["followed_90d"].tolist() == [2, 1, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0]
    assert quarters["resolved_in_90d"].tolist() == [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]
    assert quarters["value"].iloc[0] == pytest.approx(0.5)
    assert (quarters["low"].iloc[0], quarters["high"].iloc[0]) == pytest.approx(hand_wilson(1, 2))
    assert math.isnan(quarters["value"].iloc[2])  # nothing reported, so no share either
    assert math.isnan(quarters["value"].iloc[-1])


def test_a_period_that_cuts_a_quarter_marks_it_partial(warehouse) -> None:
    filters = Filters(start=date(2024, 3, 1), end=date(2025, 5, 31))
    quarters = per_quarter(warehouse.con, filters, first_day=warehouse.first_day, as_of=AS_OF)
    assert list(quarters["label"]) == [
        "2024 K1 (deels)",
        "2024 K2",
        "2024 K3",
        "2024 K4",
        "2025 K1",
        "2025 K2 (deels)",
    ]
    assert quarters["obstacles"].tolist() == [1, 1, 0, 0, 1, 1]


def test_top_categories_and_themes(warehouse) -> None:
    categories = top(warehouse.con, Filters(), "category")
    # 'subsidie' (K-01) is an alias of financiering, like K-04 and K-06.
    assert categories.iloc[0].to_dict() == {"code": "financiering", "obstacles": 3, "resolved": 1}
    themes = top(warehouse.con, Filters(), "theme", limit=2)
    assert themes.to_dict("records") == [
        {"code": "energie", "obstacles": 3, "resolved": 1},
        {"code": "zorg_welzijn", "obstacles": 2, "resolved": 1},
    ]
    with pytest.raises(ValueError, match="level"):
        top(warehouse.con, Filters(), "level")


def test_status_counts(warehouse) -> None:
    frame = status_counts(warehouse.con, Filters(municipality="GM0344"))
    assert dict(zip(frame["status"], frame["obstacles"], strict=True)) == {
        "afgewezen": 1,
        "open": 1,
        "opgelost": 1,
    }


def test_previous_period_is_as_long_and_ends_the_day_before() -> None:
    chosen = Filters(start=date(2025, 3, 1), end=date(2025, 3, 31))
    previous = previous_period(chosen, date(2024, 1, 1), AS_OF)
    assert (previous.start, previous.end) == (date(2025, 1, 29), date(2025, 2, 28))
    everything = previous_period(Filters(), date(2024, 1, 1), date(2024, 12, 31))
    assert everything.end == date(2023, 12, 31)
    assert everything.end - everything.start == date(2024, 12, 31) - date(2024, 1, 1)
