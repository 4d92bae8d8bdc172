"""Which municipality or region changed: every test of a load, then the false discovery rate.

Pure: count frames in, a frame of tests out (`detect`). For every unit (a municipality, or
a region as the sum of its members) and every measure, a recent window of 3, 6 or 12
months is compared with the 24 months before it (see docs/signals.md):

- volume (obstacles, overall and per category): the unit's obstacles in the window against
  what its own earlier level predicts, given how reporting changed in the rest of the
  network (more initiatives joining, holidays). Given the unit's obstacles in window and
  history together, the window's share is beta-binomial: binomial around the rest's share,
  widened by the uncertainty of that share. Overdispersion (months vary more than chance)
  is estimated from the history and divides the counts (effective counts).
- first response within 30 days, resolution within 90 days: a log-rank comparison of the
  window's obstacles with the history's over the first 30 or 90 days, open obstacles
  censored where they are, so recent obstacles are never judged on time they did not
  have. The window's events are compared with the number expected had the history's hazard
  held, as a Poisson count (conservative: its variance is at least the log-rank's),
  overdispersion estimated from the history's months.

Each test takes its best window, Bonferroni-corrected for trying three; the p-values of
all tests of the load get Benjamini-Hochberg q-values. A test on fewer than the
small-numbers threshold of obstacles is not made at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd
from scipy import special

from signals.measures import (
    BASELINE_MONTHS,
    BETTER,
    KEY,
    LONGEST_HORIZON,
    MEASURES,
    MIN_BASELINE_MONTHS,
    MUNICIPALITY,
    SURVIVAL,
    VOLUME,
    WINDOWS,
    WORSE,
    Measure,
)

DAYS_PER_MONTH = 365.25 / 12
# Column order of the tests frame (one row per unit, measure, category).
TEST_COLUMNS = [
    *KEY,
    "window_months",
    "since",
    "baseline_start",
    "before_cases",
    "before_events",
    "after_cases",
    "after_events",
    "before_value",
    "after_value",
    "expected",
    "effect",
    "dispersion",
    "windows_tested",
    "p_value",
]


@dataclass(frozen=True)
class Inputs:
    """The counts the signals are computed from, as the marts hold them.

    units: unit_kind, unit_code, members (tuple of CBS codes): every municipality on its
      own and every region;
    volume: cbs_code, category, month (first day), obstacles;
    survival: event, cbs_code, month (of report), days (0..LONGEST_HORIZON, and
      LONGEST_HORIZON + 1 for "followed longer, no event by then"), events, censored.
    """

    as_of: date
    units: pd.DataFrame
    volume: pd.DataFrame
    survival: pd.DataFrame


def month_number(day: date | pd.Timestamp) -> int:
    return day.year * 12 + day.month - 1


def month_start(number: int) -> date:
    return date(number // 12, number % 12 + 1, 1)


def month_numbers(days: pd.Series) -> np.ndarray:
    """month_number of every day of a column (dates or timestamps)."""
    stamps = pd.to_datetime(days)
    return (stamps.dt.year * 12 + stamps.dt.month - 1).to_numpy(int)


@dataclass(frozen=True)
class Grid:
    """The counts on arrays: units x categories x months (volume), units x events x months
    x days (survival); month 0 is the first month of the data."""

    first: int  # month number of month 0
    months: int
    exposure: np.ndarray  # days of each month that the data cover
    categories: tuple[str, ...]
    volume: np.ndarray  # (units, 1 + categories, months): index 0 = all categories
    rest: np.ndarray  # (units, months): obstacles of the network outside the unit
    code_volume: np.ndarray  # (codes, months): each municipality's obstacles
    members: np.ndarray  # (units, codes): 1 where the municipality is (in) the unit
    events: np.ndarray  # (units, event kinds, months, days)
    censored: np.ndarray
    municipal: np.ndarray  # (units,): True for a municipality, False for a region


def counts_grid(inputs: Inputs) -> Grid:
    volume = inputs.volume
    last = month_number(inputs.as_of)
    first = int(month_numbers(volume["month"]).min()) if len(volume) else last
    months = last - first + 1
    codes = sorted(
        {c for members in inputs.units["members"] for c in members}
        | set(volume["cbs_code"].dropna())
    )
    code_index = {c: i for i, c in enumerate(codes)}
    membership = np.zeros((len(inputs.units), len(codes)))
    for u, members in enumerate(inputs.units["members"]):
        membership[u, [code_index[c] for c in members]] = 1.0
    categories = tuple(sorted(volume["category"].dropna().unique()))
    cat_index = {c: i + 1 for i, c in enumerate(categories)}

    per_code = np.zeros((len(codes), 1 + len(categories), months))
    if len(volume):
        m = month_numbers(volume["month"]) - first
        ci = volume["cbs_code"].map(code_index).to_numpy()
        ki = volume["category"].map(cat_index).to_numpy()
        n = volume["obstacles"].to_numpy(float)
        np.add.at(per_code, (ci, ki, m), n)
        np.add.at(per_code, (ci, 0, m), n)
    unit_volume = np.einsum("uc,ckm->ukm", membership, per_code)
    network = per_code[:, 0, :].sum(axis=0)

    kinds = [m.event for m in MEASURES if m.kind == SURVIVAL]
    days = LONGEST_HORIZON + 2
    ev = np.zeros((len(codes), len(kinds), months, days))
    ce = np.zeros_like(ev)
    survival = inputs.survival
    if len(survival):
        survival = survival[survival["event"].isin(kinds)]
        m = month_numbers(survival["month"]) - first
        keep = m >= 0
        survival, m = survival[keep], m[keep]
        ci = survival["cbs_code"].map(code_index).to_numpy()
        ei = survival["event"].map({k: i for i, k in enumerate(kinds)}).to_numpy()
        di = np.minimum(survival["days"].to_numpy(int), days - 1)
        np.add.at(ev, (ci, ei, m, di), survival["events"].to_numpy(float))
        np.add.at(ce, (ci, ei, m, di), survival["censored"].to_numpy(float))

    exposure = np.array(
        [
            (
                min(_next_month(first + i), inputs.as_of + timedelta(days=1))
                - month_start(first + i)
            ).days
            for i in range(months)
        ],
        dtype=float,
    )
    return Grid(
        first=first,
        months=months,
        exposure=exposure,
        categories=categories,
        volume=unit_volume,
        rest=network[None, :] - unit_volume[:, 0, :],
        code_volume=per_code[:, 0, :],
        members=membership,
        events=np.einsum("uc,ckmd->ukmd", membership, ev),
        censored=np.einsum("uc,ckmd->ukmd", membership, ce),
        municipal=(inputs.units["unit_kind"] == MUNICIPALITY).to_numpy(),
    )


def _next_month(number: int) -> date:
    return month_start(number + 1)


def windows(grid: Grid) -> list[tuple[int, slice, slice]]:
    """(months, window, baseline) as slices of the month axis, for each window that has
    enough history before it."""
    found = []
    for months in WINDOWS:
        start = grid.months - months
        base_start = max(0, start - BASELINE_MONTHS)
        if start - base_start >= MIN_BASELINE_MONTHS:
            found.append((months, slice(start, grid.months), slice(base_start, start)))
    return found


# Overdispersion is a property of how months vary, which a unit's own 12 to 24 months
# estimate poorly; each unit's estimate is pooled with that of all units of the load,
# the pool counting as this many months of the unit's own (a quasi-likelihood prior).
POOLED_MONTHS = 24


def pearson(observed: np.ndarray, expected: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pearson X² of monthly counts around their expectation (last axis), and its df."""
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(expected > 0, (observed - expected) ** 2 / expected, 0.0)
    return terms.sum(axis=-1), np.maximum((expected > 0).sum(axis=-1) - 1, 0)


def dispersion(x2: np.ndarray, df: np.ndarray, municipal: np.ndarray) -> np.ndarray:
    """φ per unit (first axis): its own X² / df shrunk towards the value pooled over the
    load's municipalities, at least 1. Regions are sums of municipalities and stay out of
    the pool, so a municipality's test does not depend on which regions a warehouse has."""
    x2_m, df_m = x2[municipal], df[municipal]
    pooled = x2_m.sum() / df_m.sum() if df_m.sum() > 0 else 1.0
    return np.maximum(1.0, (x2 + POOLED_MONTHS * pooled) / (df + POOLED_MONTHS))


# A municipality whose own window departs from the network's typical growth by more than
# this many standard errors is left out of the reference of every other unit (below).
OUTLIER_Z = 5.0
# ... judged only for municipalities with at least this many obstacles in the history.
OUTLIER_MIN_HISTORY = 10


def reference_rest(grid: Grid, window: slice, base: slice) -> np.ndarray:
    """(units, months): the rest of the network each unit is compared with, without the
    municipalities that changed themselves.

    The rest is what says how reporting moved in the network (growth, holidays). One
    municipality whose obstacles quadrupled would otherwise lift every other unit's
    expectation, and a large network would then call all of them "fewer than expected".
    A municipality is an outlier when its window count is more than OUTLIER_Z standard
    errors off its own history times the median growth of all municipalities (the
    median is not moved by a few outliers); its own test is unaffected."""
    recent = grid.code_volume[:, window].sum(axis=1)
    history = grid.code_volume[:, base].sum(axis=1)
    known = history >= OUTLIER_MIN_HISTORY
    if known.sum() < 3:
        return grid.rest
    growth = float(np.median(recent[known] / history[known]))
    expected = history * growth
    with np.errstate(divide="ignore", invalid="ignore"):
        # Both periods are counts: the variance of window − growth × history.
        z = (recent - expected) / np.sqrt(expected + growth * expected)
    # Month-to-month variation beyond chance widens every z alike (pooled, robustly).
    spread = 1.4826 * float(np.median(np.abs(z[known] - np.median(z[known]))))
    outlier = known & (np.abs(z) > OUTLIER_Z * max(1.0, spread))
    if not outlier.any():
        return grid.rest
    outside = (grid.members == 0) & outlier[None, :]
    return grid.rest - outside.astype(float) @ grid.code_volume


def _volume_tests(grid: Grid, small_numbers: int) -> list[dict]:
    rows = []
    for months, window, base in windows(grid):
        rest = reference_rest(grid, window, base)
        y_r = grid.volume[:, :, window].sum(axis=2)
        y_b = grid.volume[:, :, base].sum(axis=2)
        rest_r = rest[:, window].sum(axis=1)
        rest_b = rest[:, base].sum(axis=1)
        exp_r, exp_b = grid.exposure[window].sum(), grid.exposure[base].sum()
        # The rest's monthly pattern over the history (or its days, for a unit that is the
        # whole network) says how a steady unit would have spread its obstacles.
        has_rest = rest_b > 0
        pattern = np.where(
            has_rest[:, None],
            rest[:, base] / np.where(has_rest, rest_b, 1.0)[:, None],
            (grid.exposure[base] / exp_b)[None, :],
        )
        x2, df = pearson(grid.volume[:, :, base], y_b[:, :, None] * pattern[:, None, :])
        # Overall and per category pooled apart: a category's months are sparser.
        phi_unit = np.concatenate(
            [
                dispersion(x2[:, :1], df[:, :1], grid.municipal),
                dispersion(x2[:, 1:], df[:, 1:], grid.municipal),
            ],
            axis=1,
        )
        rest_mean = np.where(has_rest, rest_b / (base.stop - base.start), 0.0)
        months_b = base.stop - base.start
        x2_rest, df_rest = pearson(rest[:, base], np.repeat(rest_mean[:, None], months_b, 1))
        # A rest reported in one month only has no spread to measure: take it as Poisson.
        phi_rest = np.maximum(1.0, x2_rest / np.maximum(df_rest, 1))
        # The window's share of the unit's obstacles under "no change": the rest's share,
        # as a Beta of its effective counts; without a rest, the share of the days.
        known = 1e9
        a = np.where(has_rest, rest_r / phi_rest + 0.5, known * exp_r / (exp_r + exp_b))
        b = np.where(has_rest, rest_b / phi_rest + 0.5, known * exp_b / (exp_r + exp_b))
        total = y_r + y_b
        n = np.rint(total / phi_unit).astype(int)
        x = y_r / phi_unit
        up = np.minimum(np.floor(x), n).astype(int)
        down = np.minimum(np.ceil(x), n).astype(int)
        aa, bb = a[:, None] * np.ones_like(x), b[:, None] * np.ones_like(x)
        p_up, p_down = beta_binomial_tails(up, down, n, aa, bb)
        # What a steady unit would have reported in the window: its history's obstacles
        # times how much the rest of the network reported in the window against its history.
        ratio = np.where(has_rest, rest_r / np.where(has_rest, rest_b, 1.0), exp_r / exp_b)
        expected = y_b * ratio[:, None]
        for u in range(grid.volume.shape[0]):
            for c in range(grid.volume.shape[1]):
                if total[u, c] < small_numbers:
                    continue
                rows.append(
                    {
                        "unit": u,
                        "measure": "obstacles",
                        "category": None if c == 0 else grid.categories[c - 1],
                        "window_months": months,
                        "window_start": window.start,
                        "baseline_start": base.start,
                        "before_cases": y_b[u, c],
                        "before_events": np.nan,
                        "after_cases": y_r[u, c],
                        "after_events": np.nan,
                        "before_value": y_b[u, c] / (exp_b / DAYS_PER_MONTH),
                        "after_value": y_r[u, c] / (exp_r / DAYS_PER_MONTH),
                        "expected": expected[u, c],
                        "dispersion": phi_unit[u, c],
                        "p_worse": min(1.0, float(p_up[u, c])),
                        "p_better": min(1.0, float(p_down[u, c])),
                        "worse_if_more": True,
                    }
                )
    return rows


# Exact beta-binomial tails cost a sum over every count up to n; they are taken where a
# p-value may matter (the normal approximation says below EXACT_BELOW; a larger p-value is
# never significant) and n is at most EXACT_UP_TO, where the normal one is close anyway.
EXACT_BELOW = 0.1
EXACT_UP_TO = 5_000


def beta_binomial_tails(
    up: np.ndarray, down: np.ndarray, n: np.ndarray, a: np.ndarray, b: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """P(X >= up) and P(X <= down) for X beta-binomial(n, a, b), element by element."""
    from scipy.stats import betabinom  # only a build needs it (0.3 s to import)

    share = a / (a + b)
    mean = n * share
    sd = np.sqrt(np.maximum(n * share * (1 - share) * (a + b + n) / (a + b + 1), 1e-12))
    p_up = np.where(up > 0, special.ndtr(-(up - 0.5 - mean) / sd), 1.0)
    p_down = np.where(down < n, special.ndtr((down + 0.5 - mean) / sd), 1.0)
    exact = (np.minimum(p_up, p_down) < EXACT_BELOW) & (n <= EXACT_UP_TO)
    if exact.any():
        e_up, e_down, e_n = up[exact], down[exact], n[exact]
        e_a, e_b = a[exact], b[exact]
        p_up[exact] = np.where(e_up > 0, betabinom.sf(e_up - 1, e_n, e_a, e_b), 1.0)
        p_down[exact] = betabinom.cdf(e_down, e_n, e_a, e_b)
    return np.minimum(p_up, 1.0), np.minimum(p_down, 1.0)


def horizon_counts(
    events: np.ndarray, censored: np.ndarray, horizon: int
) -> tuple[np.ndarray, np.ndarray]:
    """Day counts cut at `horizon`: an event after it, or a follow-up beyond it, is
    censored at it (still at risk on that day), so only the first `horizon` days count."""
    d = events[..., : horizon + 1].copy()
    c = censored[..., : horizon + 1].copy()
    beyond = events[..., horizon + 1 :].sum(axis=-1) + censored[..., horizon + 1 :].sum(axis=-1)
    c[..., horizon] += beyond
    return d, c


def at_risk(d: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Obstacles still waiting at the start of each day (censored on a day: at risk then)."""
    total = (d + c).sum(axis=-1, keepdims=True)
    before = np.cumsum(d + c, axis=-1) - (d + c)
    return total - before


def km_share(d: np.ndarray, c: np.ndarray) -> np.ndarray:
    """1 − Kaplan-Meier Ŝ at the last day: the share with the event by then; NaN when
    nobody was followed that long and not everyone had the event."""
    n = at_risk(d, c)
    with np.errstate(divide="ignore", invalid="ignore"):
        factor = np.where(n > 0, 1 - d / np.where(n > 0, n, 1), 1.0)
    survival = np.prod(factor, axis=-1)
    known = (n[..., -1] > 0) | (survival <= 1e-12)
    return np.where(known, 1 - survival, np.nan)


def _survival_tests(grid: Grid, as_of_month_days: np.ndarray, small_numbers: int) -> list[dict]:
    rows = []
    kinds = [m for m in MEASURES if m.kind == SURVIVAL]
    for k, found in enumerate(kinds):
        h = found.horizon
        d_all, c_all = horizon_counts(grid.events[:, k], grid.censored[:, k], h)
        # Months whose every obstacle was followed the whole horizon (for the dispersion).
        for months, window, base in windows(grid):
            d1, c1 = d_all[:, window].sum(axis=1), c_all[:, window].sum(axis=1)
            d0, c0 = d_all[:, base].sum(axis=1), c_all[:, base].sum(axis=1)
            n1, n0 = at_risk(d1, c1), at_risk(d0, c0)
            d, n = d1 + d0, n1 + n0
            with np.errstate(divide="ignore", invalid="ignore"):
                expected = np.where(n > 0, d * n1 / np.where(n > 0, n, 1), 0.0).sum(axis=1)
            observed = d1.sum(axis=1)
            # Overdispersion: each month of the history against the whole history, on the
            # log-rank's own scale (its months' observed − expected over their variance).
            dm, cm = d_all[:, base], c_all[:, base]
            nm = at_risk(dm, cm)
            safe = np.where(n0 > 0, n0, 1)[:, None, :]
            hazard = (d0[:, None, :] / safe) * (n0[:, None, :] > 0)
            part = np.minimum(nm / safe, 1.0) * (n0[:, None, :] > 0)
            tie = np.where(n0 > 1, (n0 - d0) / np.where(n0 > 1, n0 - 1, 1), 1.0)[:, None, :]
            e_m = (hazard * nm).sum(axis=2)
            v_m = (d0[:, None, :] * part * (1 - part) * tie).sum(axis=2)
            with np.errstate(divide="ignore", invalid="ignore"):
                terms = np.where(v_m > 0, (dm.sum(axis=2) - e_m) ** 2 / v_m, 0.0)
            phi = dispersion(
                terms.sum(axis=1), np.maximum((v_m > 0).sum(axis=1) - 1, 0), grid.municipal
            )
            # The log-rank variance of observed − expected (hypergeometric per day), times
            # φ; the Poisson tails are taken on counts scaled to that variance.
            with np.errstate(divide="ignore", invalid="ignore"):
                daily = np.where(
                    n > 1, d * n1 * n0 * (n - d) / np.where(n > 1, n * n * (n - 1), 1), 0.0
                )
                scale = np.where(expected > 0, phi * daily.sum(axis=1) / expected, 1.0)
            scale = np.where(scale > 0, scale, 1.0)
            mu, x = expected / scale, observed / scale
            # Fewer events than expected (worse): P(X <= x); more (better): P(X >= x).
            p_fewer = special.gammaincc(x + 1, mu)
            p_more = np.where(x > 0, special.gammainc(np.maximum(x, 1e-12), mu), 1.0)
            before, after = km_share(d0, c0), km_share(d1, c1)
            cases_0, cases_1 = (d0 + c0).sum(axis=1), (d1 + c1).sum(axis=1)
            for u in range(d1.shape[0]):
                if cases_1[u] < small_numbers or cases_0[u] < small_numbers or expected[u] <= 0:
                    continue
                rows.append(
                    {
                        "unit": u,
                        "measure": found.key,
                        "category": None,
                        "window_months": months,
                        "window_start": window.start,
                        "baseline_start": base.start,
                        "before_cases": cases_0[u],
                        "before_events": d0[u].sum(),
                        "after_cases": cases_1[u],
                        "after_events": observed[u],
                        "before_value": before[u],
                        "after_value": after[u],
                        "expected": expected[u],
                        "dispersion": phi[u],
                        "p_worse": float(p_fewer[u]),
                        "p_better": float(p_more[u]),
                        "worse_if_more": False,
                    }
                )
    return rows


def detect(inputs: Inputs, small_numbers: int) -> pd.DataFrame:
    """Every test of the load (TEST_COLUMNS plus q_value), most significant first."""
    grid = counts_grid(inputs)
    # Days from the end of each month to the as-of day: a month is followed h days when
    # its last day lies h days or more before it.
    ends = np.array(
        [
            (inputs.as_of - (_next_month(grid.first + i) - timedelta(days=1))).days
            for i in range(grid.months)
        ]
    )
    raw = pd.DataFrame(
        _volume_tests(grid, small_numbers) + _survival_tests(grid, ends, small_numbers)
    )
    if raw.empty:
        return pd.DataFrame(columns=[*TEST_COLUMNS, "q_value"])
    raw["p_two_sided"] = np.minimum(1.0, 2 * raw[["p_worse", "p_better"]].min(axis=1))
    raw["direction"] = np.where(raw["p_worse"] <= raw["p_better"], WORSE, BETTER)
    key = ["unit", "measure", "category"]
    grouped = raw.groupby(key, dropna=False)["p_two_sided"]
    raw["windows_tested"] = grouped.transform("size")
    # The windows of a test overlap, so their p-values hang together positively: Simes'
    # combination min(K p₍ᵢ₎ / i) is valid then, and never above Bonferroni's K p₍₁₎.
    rank = grouped.rank(method="first")
    raw["simes"] = raw["windows_tested"] * raw["p_two_sided"] / rank
    raw["p_value"] = np.minimum(1.0, raw.groupby(key, dropna=False)["simes"].transform("min"))
    # The test's window is the one with the smallest p-value (the shortest on a tie).
    best = raw.sort_values([*key, "p_two_sided", "window_months"], na_position="first")
    best = best.drop_duplicates(key, keep="first").copy()
    from scipy.stats import false_discovery_control  # 0.3 s to import: only a build needs it

    best["q_value"] = false_discovery_control(best["p_value"].to_numpy(), method="bh")
    units = inputs.units.reset_index(drop=True)
    best["unit_kind"] = units["unit_kind"].to_numpy()[best["unit"].to_numpy()]
    best["unit_code"] = units["unit_code"].to_numpy()[best["unit"].to_numpy()]
    best["theme"] = None
    best["since"] = [month_start(grid.first + int(s)) for s in best["window_start"]]
    best["baseline_start"] = [month_start(grid.first + int(s)) for s in best["baseline_start"]]
    best["effect"] = _effect(best)
    return (
        best[[*TEST_COLUMNS, "q_value"]].sort_values(["q_value", "p_value"]).reset_index(drop=True)
    )


def _effect(tests: pd.DataFrame) -> np.ndarray:
    """After against before: the window's obstacles over the expected ones (volume), the
    window's Kaplan-Meier share over the history's (response, resolution)."""
    volume = tests["measure"].map(lambda k: _measure(k).kind == VOLUME).to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(
            volume,
            tests["after_cases"] / tests["expected"],
            tests["after_value"] / tests["before_value"],
        )


def _measure(key: str) -> Measure:
    return next(m for m in MEASURES if m.key == key)
