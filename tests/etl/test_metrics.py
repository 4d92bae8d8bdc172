"""etl.metrics against independent references: hand formulas, scipy, lifelines, textbooks."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from etl import metrics
from etl import settings as omzien_settings
from etl.messages import FUNNEL
from etl.metrics.registry import KINDS, SCORECARD_KEYS
from tests.etl.metrics_support import (
    FREIREICH_6MP,
    FREIREICH_6MP_TABLE,
    hand_garwood,
    hand_wilson,
    lifelines_fit,
    lifelines_median,
    reference_km,
    same,
)

# ---------------------------------------------------------------- Wilson


@pytest.mark.parametrize(
    ("k", "n"),
    [(0, 1), (1, 1), (0, 2), (2, 2), (0, 10), (10, 10), (1, 10), (5, 10), (3, 7), (150, 200)],
)
def test_wilson_matches_scipy_and_the_hand_formula(k: int, n: int) -> None:
    low, high = metrics.wilson_interval(k, n)
    ci = stats.binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    assert low == pytest.approx(ci.low, abs=1e-12)
    assert high == pytest.approx(ci.high, abs=1e-12)
    assert (low, high) == pytest.approx(hand_wilson(k, n), abs=1e-12)


def test_wilson_edges_are_exact() -> None:
    z2 = stats.norm.ppf(0.975) ** 2
    low, high = metrics.wilson_interval([0, 10, 0, 1], [10, 10, 1, 1])
    # 0 of n: (0, z²/(n+z²)); n of n: (n/(n+z²), 1) — no rounding below 0 or above 1.
    assert low.tolist() == [0.0, pytest.approx(10 / (10 + z2)), 0.0, pytest.approx(1 / (1 + z2))]
    assert high.tolist() == [pytest.approx(z2 / (10 + z2)), 1.0, pytest.approx(z2 / (1 + z2)), 1.0]


def test_two_of_two_is_not_a_certain_hundred_percent() -> None:
    low, high = metrics.wilson_interval(2, 2)
    assert (round(float(low), 2), float(high)) == (0.34, 1.0)


def test_wilson_without_cases_is_nan_not_zero() -> None:
    low, high = metrics.wilson_interval(0, 0)
    assert math.isnan(low)
    assert math.isnan(high)
    assert math.isnan(metrics.share(0, 0))


def test_wilson_rejects_impossible_counts() -> None:
    with pytest.raises(ValueError, match="successes"):
        metrics.wilson_interval(3, 2)


def test_confidence_level_gives_the_z_value() -> None:
    assert metrics.z_value(0.95) == pytest.approx(1.959964, abs=1e-6)
    assert metrics.z_value(0.998) == pytest.approx(3.090232, abs=1e-6)


@settings(max_examples=200, deadline=None)
@given(n=st.integers(1, 5000), data=st.data())
def test_wilson_contains_the_estimate_within_unit_interval(n: int, data) -> None:
    k = data.draw(st.integers(0, n))
    low, high = metrics.wilson_interval(k, n)
    assert 0.0 <= low <= k / n <= high <= 1.0


@settings(max_examples=200, deadline=None)
@given(n=st.integers(1, 500), factor=st.integers(2, 20), data=st.data())
def test_wilson_narrows_as_n_grows(n: int, factor: int, data) -> None:
    k = data.draw(st.integers(0, n))
    low, high = metrics.wilson_interval(k, n)
    wide_low, wide_high = metrics.wilson_interval(k * factor, n * factor)
    assert wide_high - wide_low < high - low


# ---------------------------------------------------------------- Poisson (Garwood)


def test_poisson_zero_events() -> None:
    low, high = metrics.poisson_interval(0)
    assert low == 0.0
    assert high == pytest.approx(-math.log(0.025))  # 3.689: chi-square with 2 df in closed form


def test_poisson_one_event_in_closed_form() -> None:
    low, high = metrics.poisson_interval(1)
    assert low == pytest.approx(-math.log(0.975))
    assert high == pytest.approx(hand_garwood(1)[1])


@pytest.mark.parametrize("k", [0, 1, 2, 5, 10, 37, 671])
def test_poisson_matches_chi_square_and_has_exact_tail_probabilities(k: int) -> None:
    low, high = metrics.poisson_interval(k)
    assert (low, high) == pytest.approx(hand_garwood(k), rel=1e-12)
    # Defining property of the exact interval: each tail has probability α/2.
    assert stats.poisson.cdf(k, high) == pytest.approx(0.025, abs=1e-9)
    if k > 0:
        assert stats.poisson.sf(k - 1, low) == pytest.approx(0.025, abs=1e-9)


def test_poisson_rate_per_10k_inhabitants() -> None:
    rate, low, high = metrics.poisson_rate([3, 0], [30_000, 5_800])
    g3, g0 = hand_garwood(3), hand_garwood(0)
    assert rate.tolist() == pytest.approx([1.0, 0.0])
    assert low.tolist() == pytest.approx([g3[0] / 3, 0.0])
    assert high.tolist() == pytest.approx([g3[1] / 3, g0[1] / 0.58])


def test_poisson_rate_without_population_is_nan() -> None:
    rate, low, high = metrics.poisson_rate(2, 0)
    assert all(math.isnan(v) for v in (rate, low, high))


@settings(max_examples=100, deadline=None)
@given(k=st.integers(0, 10_000))
def test_poisson_interval_contains_the_count_and_narrows_relatively(k: int) -> None:
    low, high = metrics.poisson_interval(k)
    assert low <= k <= high
    low4, high4 = metrics.poisson_interval(4 * k + 4)
    assert (high4 - low4) / (4 * k + 4) < (high - low) / max(k, 1)


# ---------------------------------------------------------------- Kaplan-Meier


def freireich() -> tuple[np.ndarray, np.ndarray]:
    weeks, relapsed = zip(*FREIREICH_6MP, strict=True)
    return np.array(weeks, dtype=float), np.array(relapsed)


def test_km_reproduces_the_freireich_textbook_table() -> None:
    d, o = freireich()
    curve = metrics.km_curve(d, o).set_index("t")
    for week, survival, _ in FREIREICH_6MP_TABLE:
        assert curve.loc[week, "survival"] == pytest.approx(survival, abs=5e-4)
    median, _, _ = metrics.km_median(d, o)
    assert median == 23.0
    # At week 6 there were 21 at risk, 3 relapses and one censored the same week.
    assert curve.loc[6.0, ["at_risk", "events", "censored"]].tolist() == [21, 3, 1]


def test_km_band_is_lifelines_log_log_on_freireich() -> None:
    d, o = freireich()
    fit = lifelines_fit(d, o)
    curve = metrics.km_curve(d, o).set_index("t")
    ci = fit.confidence_interval_
    for week, _, _ in FREIREICH_6MP_TABLE:
        assert curve.loc[week, "low"] == pytest.approx(ci.loc[week].iloc[0], abs=1e-9)
        assert curve.loc[week, "high"] == pytest.approx(ci.loc[week].iloc[1], abs=1e-9)
    median, low, high = metrics.km_median(d, o)
    expected = reference_km(d, o, 30)
    # Where the log-log band crosses ½: from week 13 to not reached (upper band stays > ½).
    assert (median, low) == (expected.median, expected.median_low) == (23.0, 13.0)
    assert math.isnan(high)
    assert math.isnan(expected.median_high)


def test_tiny_hand_example_with_ties() -> None:
    # Day 2: 5 at risk, 2 answered, 1 still open (at risk on its own day) → S = 3/5.
    # Day 3: 2 at risk, 1 answered → S = 3/5 · 1/2 = 0.3. Median: first S ≤ ½ → day 3.
    d = [2, 2, 2, 3, 5]
    o = [True, True, False, True, False]
    curve = metrics.km_curve(d, o).set_index("t")
    assert curve["survival"].to_dict() == pytest.approx({0.0: 1.0, 2.0: 0.6, 3.0: 0.3, 5.0: 0.3})
    assert metrics.km_median(d, o)[0] == 3.0
    share, _, _ = metrics.share_within(d, o, 2)
    assert share == pytest.approx(0.4)


def test_a_curve_reaching_one_half_exactly_has_its_median_there() -> None:
    # 8/10 · 6/8 · 5/6 is one half; scipy's product comes out as 0.5000000000000001.
    d = [0, 0, 1, 1, 2, 2, 2, 2, 2, 2]
    o = [True, True, True, True, False, False, False, False, False, True]
    assert metrics.km_curve(d, o)["survival"].iloc[-1] == pytest.approx(0.5)
    assert metrics.km_median(d, o)[0] == 2.0


def test_open_obstacles_are_not_left_out() -> None:
    # Two answered the next day, eight waiting 200 days: the average over answered ones
    # would say "1 day"; Kaplan-Meier says 20% within 30 days and no median.
    d = [1, 1, *[200] * 8]
    o = [True, True, *[False] * 8]
    share, low, high = metrics.share_within(d, o, 30)
    assert share == pytest.approx(0.2)
    assert low < 0.2 < high
    assert math.isnan(metrics.km_median(d, o)[0])


def test_nothing_answered_gives_an_honest_interval_not_zero_to_zero() -> None:
    share, low, high = metrics.share_within([60] * 10, [False] * 10, 30)
    assert (share, low) == (0.0, 0.0)
    assert high == pytest.approx(hand_wilson(0, 10)[1])


def test_everything_answered_gives_the_wilson_interval() -> None:
    share, low, high = metrics.share_within([2, 5, 20], [True] * 3, 30)
    assert (share, high) == (1.0, 1.0)
    assert low == pytest.approx(hand_wilson(3, 3)[0])


def test_share_within_is_unknown_beyond_the_longest_follow_up() -> None:
    share, low, high = metrics.share_within([1, 56], [True, False], 90)
    assert all(math.isnan(v) for v in (share, low, high))
    assert metrics.share_within([1, 56], [True, False], 30)[0] == pytest.approx(0.5)


def test_empty_sample_gives_nan() -> None:
    assert all(math.isnan(v) for v in metrics.share_within([], [], 30))
    assert all(math.isnan(v) for v in metrics.km_median([], []))
    summary = metrics.km_summary([], [])
    assert all(math.isnan(v) for v in summary.values())


def test_km_rejects_negative_durations() -> None:
    with pytest.raises(ValueError, match="negative"):
        metrics.km_curve([-1, 2], [True, True])


def test_time_to_event_censors_at_the_as_of_day() -> None:
    frame = metrics.time_to_event(
        pd.Series(pd.to_datetime(["2026-01-01", "2026-01-01", "2026-11-26"])),
        pd.Series(pd.to_datetime(["2026-01-06", None, None])),
        date(2026, 11, 26),
    )
    assert frame["duration"].tolist() == [5.0, 329.0, 0.0]
    assert frame["observed"].tolist() == [True, False, False]


def test_km_by_group_gives_one_row_per_group() -> None:
    frame = pd.DataFrame(
        {
            "g": ["b", "a", "a", "b", "b"],
            "duration": [5.0, 1.0, 40.0, 92.0, 315.0],
            "observed": [True, True, False, True, False],
        }
    )
    result = metrics.km_by_group(frame, "g")
    assert result.index.tolist() == ["a", "b"]
    assert result.loc["b", "within_30"] == pytest.approx(1 / 3)
    assert result.loc["b", "median"] == 92.0
    assert result.loc["a", "within_30"] == pytest.approx(0.5)


@pytest.mark.parametrize("seed", range(8))
def test_km_matches_lifelines_on_random_samples_with_ties(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(12, 300))
    d = rng.integers(0, 120, n).astype(float)  # whole days: many ties
    o = rng.random(n) < 0.7
    d[np.argmax(d)], o[np.argmax(d)] = d.max() + 1, False  # curve never reaches 0
    fit = lifelines_fit(d, o)
    for horizon in (0, 1, 30, 90):
        share, low, high = metrics.share_within(d, o, horizon)
        assert 1 - share == pytest.approx(fit.survival_function_at_times(horizon).iloc[0])
        expected = reference_km(d, o, horizon)
        assert same(1 - high, expected.low)
        assert same(1 - low, expected.high)
    median, median_low, median_high = metrics.km_median(d, o)
    expected = reference_km(d, o, 30)
    assert same(median, expected.median)
    assert same(median_low, expected.median_low)
    assert same(median_high, expected.median_high)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.booleans()), min_size=1, max_size=60),
    st.integers(0, 60),
)
def test_km_property_estimate_inside_its_band_and_equal_to_lifelines(sample, horizon) -> None:
    d = [float(t) for t, _ in sample]
    o = [seen for _, seen in sample]
    share, low, high = metrics.share_within(d, o, horizon)
    if math.isnan(share):
        assert horizon > max(d)
        return
    assert 0.0 <= low <= share <= high <= 1.0
    survival = lifelines_fit(d, o).survival_function_at_times(horizon).iloc[0]
    assert 1 - share == pytest.approx(survival, abs=1e-12)
    assert same(metrics.km_median(d, o)[0], lifelines_median(lifelines_fit(d, o)))


def test_km_curve_is_a_plotting_frame() -> None:
    curve = metrics.km_curve([3, 5, 5, 9], [True, True, False, True])
    assert list(curve.columns) == ["t", "survival", "low", "high", "at_risk", "events", "censored"]
    assert curve["t"].tolist() == [0.0, 3.0, 5.0, 9.0]
    assert curve["survival"].is_monotonic_decreasing
    assert (curve["low"] <= curve["survival"]).all()
    assert (curve["survival"] <= curve["high"]).all()
    assert curve["at_risk"].tolist() == [4, 4, 3, 1]


# ---------------------------------------------------------------- funnel plots


def test_funnel_limits_by_hand() -> None:
    limits = metrics.funnel_limits(0.3, [100, 25]).set_index(["level", "n"])
    half95 = 1.959963984540054 * math.sqrt(0.3 * 0.7 / 100)
    half998 = 3.090232306167813 * math.sqrt(0.3 * 0.7 / 25)
    assert limits.loc[(0.95, 100.0), "low"] == pytest.approx(0.3 - half95)
    assert limits.loc[(0.95, 100.0), "high"] == pytest.approx(0.3 + half95)
    assert limits.loc[(0.998, 25.0), "low"] == pytest.approx(0.3 - half998)
    assert limits.loc[(0.998, 25.0), "high"] == pytest.approx(0.3 + half998)


def test_funnel_limits_are_clipped_and_widen_with_phi() -> None:
    limits = metrics.funnel_limits(0.3, [1])
    assert limits["low"].min() == 0.0
    assert limits["high"].max() <= 1.0
    plain = metrics.funnel_limits(0.5, [400])
    wide = metrics.funnel_limits(0.5, [400], phi=4.0)
    assert (wide["high"] - 0.5).to_numpy() == pytest.approx(2 * (plain["high"] - 0.5).to_numpy())


def test_funnel_limits_narrow_as_n_grows() -> None:
    limits = metrics.funnel_limits(0.4, np.arange(10, 1000, 10), levels=[0.95])
    assert (limits["high"] - limits["low"]).is_monotonic_decreasing


def test_overdispersion_by_hand() -> None:
    # p0 = 0.5, n = 100: se = 0.05; shares 0.35 .. 0.65 give z = -3, -1, 0, 1, 3.
    # Winsorised at the 10%/90% quantiles (linear: ±2.2): φ = (2·2.2² + 2·1²) / 5 = 2.336.
    phi = metrics.overdispersion([35, 45, 50, 55, 65], [100] * 5)
    assert phi == pytest.approx(2.336)
    assert metrics.overdispersion([50] * 4, [100] * 4) == 0.0
    assert math.isnan(metrics.overdispersion([5], [10]))


def frame_for_funnel() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "name": ["Groot", "Klein", "Laag", "Midden", "Hoog"],
            "hits": [570, 2, 200, 150, 90],
            "cases": [1200, 2, 600, 300, 120],
        }
    )


def test_funnel_points_place_each_municipality() -> None:
    points = metrics.funnel_points(frame_for_funnel(), "hits", "cases")
    p0 = 1012 / 2222
    assert points["p0"].unique().tolist() == [pytest.approx(p0)]
    bands = dict(zip(points["name"], points["band"], strict=True))
    # Klein: 2 of 2 is 100% but n = 2, so well inside the funnel.
    assert bands == {
        "Groot": "binnen",
        "Klein": "binnen",
        "Laag": "onder_998",
        "Midden": "binnen",
        "Hoog": "boven_998",
    }
    z = (90 / 120 - p0) / math.sqrt(p0 * (1 - p0) / 120)
    assert points.loc[4, "z"] == pytest.approx(z)
    assert {"low_95", "high_95", "low_998", "high_998"} <= set(points.columns)


def test_funnel_points_with_overdispersion_widen_the_limits() -> None:
    frame = frame_for_funnel()
    plain = metrics.funnel_points(frame, "hits", "cases")
    adjusted = metrics.funnel_points(frame, "hits", "cases", adjust_overdispersion=True)
    phi = metrics.overdispersion(frame["hits"], frame["cases"])
    assert phi > 1
    assert adjusted["phi"].unique().tolist() == [pytest.approx(phi)]
    assert (adjusted["high_95"] >= plain["high_95"]).all()
    assert adjusted["z"].to_numpy() == pytest.approx(plain["z"].to_numpy() / math.sqrt(phi))


def test_funnel_points_without_cases_have_no_band() -> None:
    frame = pd.DataFrame({"name": ["Leeg", "Vol"], "hits": [0, 5], "cases": [0, 10]})
    points = metrics.funnel_points(frame, "hits", "cases")
    assert pd.isna(points.loc[0, "band"])
    assert math.isnan(points.loc[0, "share"])


def test_describe_funnel_names_the_outliers_and_calls_the_rest_expected() -> None:
    points = metrics.funnel_points(frame_for_funnel(), "hits", "cases")
    text = metrics.describe_funnel(points)
    assert text == (
        "Boven de 99,8%-grens: Hoog. Onder de 99,8%-grens: Laag. "
        "De overige 3 gemeente(n) liggen binnen de verwachte variatie."
    )
    assert FUNNEL["binnen"] in text


def test_describe_funnel_when_all_are_inside() -> None:
    frame = pd.DataFrame({"name": ["A", "B", "C"], "hits": [5, 6, 0], "cases": [10, 10, 0]})
    text = metrics.describe_funnel(metrics.funnel_points(frame, "hits", "cases"))
    assert text.startswith("Alle 2 gemeenten liggen binnen de verwachte variatie.")
    assert "1 gemeente(n) zonder knelpunten" in text
    single = metrics.funnel_points(frame.iloc[:1], "hits", "cases")
    assert metrics.describe_funnel(single) == FUNNEL["one_inside"]


# ---------------------------------------------------------------- comparison


def test_compare_to_reference_by_interval() -> None:
    verdicts = metrics.compare_to_reference(
        [0.55, 0.30, 0.10, np.nan], [0.70, 0.60, 0.40, np.nan], 0.5
    )
    assert verdicts.tolist() == ["hoger", "vergelijkbaar", "lager", None]


# ---------------------------------------------------------------- small numbers


def test_few_cases_is_the_rule() -> None:
    assert metrics.few_cases([0, 4, 5, 9, 10, np.nan], 10).tolist() == [
        True,
        True,
        True,
        True,
        False,
        True,
    ]


def test_settings_declare_both_thresholds_with_help() -> None:
    assert omzien_settings.SMALL_NUMBERS in omzien_settings.ALL_SETTINGS
    assert omzien_settings.SUPPRESS_BELOW in omzien_settings.ALL_SETTINGS
    assert omzien_settings.SUPPRESS_BELOW.env == "OMZIEN_SUPPRESS_BELOW"
    assert omzien_settings.SUPPRESS_BELOW.default == "5"
    assert omzien_settings.SUPPRESS_BELOW.help


def test_thresholds_follow_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OMZIEN_SMALL_NUMBERS", raising=False)
    monkeypatch.delenv("OMZIEN_SUPPRESS_BELOW", raising=False)
    assert (omzien_settings.small_numbers(), omzien_settings.suppress_below()) == (10, 5)
    monkeypatch.setenv("OMZIEN_SUPPRESS_BELOW", "3")
    assert omzien_settings.suppress_below() == 3
    monkeypatch.setenv("OMZIEN_SUPPRESS_BELOW", "drie")
    with pytest.raises(ValueError, match="OMZIEN_SUPPRESS_BELOW"):
        omzien_settings.suppress_below()


def scorecard_like() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "name": ["Renswoude", "Eemnes", "Utrecht", "Leeg"],
            "obstacles": [4, 8, 671, 0],
            "resolved_share": [1.0, 0.125, 0.35, np.nan],
            "resolved_share_low": [0.51, 0.02, 0.31, np.nan],
            "resolved_share_high": [1.0, 0.47, 0.39, np.nan],
            "median_days_to_first_response": [3.0, 42.0, 22.0, np.nan],
            "obstacles_per_10k": [6.9, 8.2, 17.9, 0.0],
        }
    )


def test_apply_small_numbers_flags_and_hides_shares(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OMZIEN_SMALL_NUMBERS", raising=False)
    monkeypatch.delenv("OMZIEN_SUPPRESS_BELOW", raising=False)
    frame = scorecard_like()
    shown = metrics.apply_small_numbers(frame)
    assert shown["small_numbers"].tolist() == [True, True, False, True]
    assert shown["suppressed"].tolist() == [True, False, False, True]
    assert shown["resolved_share"].isna().tolist() == [True, False, False, True]
    assert shown["resolved_share_high"].isna().tolist() == [True, False, False, True]
    # Counts, rates per inhabitant and days stay; the input frame is not changed.
    assert shown["median_days_to_first_response"].iloc[0] == 3.0
    assert shown["obstacles_per_10k"].iloc[0] == 6.9
    assert frame["resolved_share"].iloc[0] == 1.0


def test_apply_small_numbers_reads_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OMZIEN_SUPPRESS_BELOW", "9")
    shown = metrics.apply_small_numbers(scorecard_like())
    assert shown["suppressed"].tolist() == [True, True, False, True]
    explicit = metrics.apply_small_numbers(scorecard_like(), flag_below=3, suppress_below=1)
    assert explicit["small_numbers"].tolist() == [False, False, False, True]


def test_apply_small_numbers_names_a_missing_count_column() -> None:
    with pytest.raises(KeyError, match="'obstacles'"):
        metrics.apply_small_numbers(pd.DataFrame({"resolved_share": [0.5]}))


def test_small_numbers_are_never_ranked() -> None:
    frame = scorecard_like()
    ranks = metrics.rank_without_small_numbers(frame, "resolved_share", flag_below=10)
    assert ranks.isna().tolist() == [True, True, False, True]
    assert ranks.iloc[2] == 1.0


def test_share_columns_come_from_the_definitions() -> None:
    columns = metrics.share_columns(scorecard_like())
    assert columns == ["resolved_share", "resolved_share_low", "resolved_share_high"]


# ---------------------------------------------------------------- definitions


def test_every_scorecard_column_has_a_dutch_definition() -> None:
    keys = {m.key for m in metrics.metrics()}
    counts = ("population", "initiatives", "obstacles", "obstacles_open", "obstacles_answered")
    for column in (*counts, *SCORECARD_KEYS, "obstacles_resolved", "obstacles_refused"):
        assert metrics.metric(column).key in keys, column
        assert metrics.metric(f"{column}_low").key == column
    for m in metrics.metrics():
        assert m.kind in KINDS
        for field in (m.label, m.numerator, m.denominator, m.period, m.censoring, m.interval):
            assert field, m.key
            assert "{" not in field, (m.key, field)


def test_every_figure_says_how_it_is_computed() -> None:
    """A figure with an interval names its counts or its event, and its method."""
    for m in metrics.metrics():
        if m.kind in ("share", "rate"):
            assert m.counts, m.key
            assert m.method in ("wilson", "garwood"), m.key
        if m.kind in ("km_share", "km_median"):
            assert m.event in ("first_response", "resolution"), m.key
            assert (m.horizon is not None) == (m.kind == "km_share"), m.key
        if m.comparable:
            assert m.method is not None, m.key
    assert metrics.metric("refused_share").better == "lower"
    assert metrics.metric("resolved_share").better == "higher"
    assert metrics.metric("obstacles_per_10k").better is None


def test_definitions_fill_in_the_thresholds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OMZIEN_SMALL_NUMBERS", "12")
    assert "minder dan 12 knelpunten" in metrics.metric("small_numbers").numerator
    frame = metrics.definitions_frame()
    assert {"key", "label", "numerator", "denominator", "period", "censoring", "interval"} <= set(
        frame.columns
    )
    assert frame["key"].is_unique


def test_definitions_of_kaplan_meier_figures_name_the_censoring() -> None:
    for key in ("first_response_within_30d", "median_days_to_first_response"):
        assert "peildatum" in metrics.metric(key).censoring
    assert "Wilson" in metrics.metric("resolved_share_low").interval
