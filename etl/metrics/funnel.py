"""Funnel plots (Spiegelhalter 2005): each municipality's share against its number of cases.

A league table ranks Renswoude's 2 of 2 above Utrecht's 150 of 200; a funnel plot puts
both against control limits around the province value that narrow as the number of
obstacles grows, so only a municipality whose share is unlikely under chance alone stands
out. Ref.: Spiegelhalter (2005), "Funnel plots for comparing institutional performance",
Statistics in Medicine 24:1185-1202.

Limits use the normal approximation to the binomial, p0 ± z·sqrt(φ·p0(1−p0)/n), clipped to
[0, 1]. It is poor for a handful of cases, but those municipalities are flagged as small
numbers and never ranked; it is the form Spiegelhalter (§4) extends to overdispersion.

Overdispersion: with many cases, real differences between municipalities (policy, staff)
make far more of them fall outside the limits than chance would. We use Spiegelhalter's
multiplicative φ (§4.2), estimated from z-scores winsorised at 10% each side, rather than
the additive random-effects τ²: one number, easy to explain ("the limits are widened by a
factor √φ"), and robust to the outliers we are looking for. φ is applied only when it
exceeds 1; it never narrows the limits.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from etl.messages import FUNNEL
from etl.metrics.intervals import share, z_value

LEVELS = (0.95, 0.998)
WINSOR = 0.10

# Where a point lies, from high to low; codes are stable, the Dutch words are in messages.
BANDS = ("boven_998", "boven_95", "binnen", "onder_95", "onder_998")


def pooled_share(successes: ArrayLike, trials: ArrayLike) -> float:
    """Σ successes / Σ trials: the province (or region) value as a whole; NaN without cases."""
    total = float(np.nansum(np.asarray(trials, dtype=float)))
    hits = float(np.nansum(np.asarray(successes, dtype=float)))
    return hits / total if total > 0 else float("nan")


def funnel_limits(
    p0: float,
    n_grid: ArrayLike,
    levels: Sequence[float] = LEVELS,
    phi: float = 1.0,
) -> pd.DataFrame:
    """Control limits around `p0` at every n of `n_grid`, one row per (n, level).

        low, high = p0 ∓ z_level · sqrt(φ · p0 (1 − p0) / n), clipped to [0, 1]

    Columns n, level, low, high; sorted by level then n. For plotting, pass e.g.
    `np.arange(1, max_n + 1)`.
    """
    if phi <= 0:
        raise ValueError(f"phi must be positive, not {phi}")
    n = np.asarray(n_grid, dtype=float).ravel()
    if np.any(n <= 0):
        raise ValueError("every n of the grid must be positive")
    parts = []
    for level in levels:
        half = z_value(level) * np.sqrt(phi * p0 * (1 - p0) / n)
        parts.append(
            pd.DataFrame(
                {
                    "n": n,
                    "level": float(level),
                    "low": np.clip(p0 - half, 0.0, 1.0),
                    "high": np.clip(p0 + half, 0.0, 1.0),
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def z_scores(successes: ArrayLike, trials: ArrayLike, p0: float) -> np.ndarray:
    """(y − p0) / sqrt(p0 (1 − p0) / n) with y = successes / trials; NaN where n is 0."""
    y = share(successes, trials)
    n = np.asarray(trials, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return (y - p0) / np.sqrt(p0 * (1 - p0) / n)


def overdispersion(
    successes: ArrayLike, trials: ArrayLike, p0: float | None = None, winsor: float = WINSOR
) -> float:
    """Spiegelhalter's multiplicative overdispersion factor φ̂ (2005, §4.2).

        zᵢ  = (yᵢ − p0) / sqrt(p0 (1 − p0) / nᵢ)            for the I units with nᵢ > 0
        z̃ᵢ  = zᵢ winsorised to its `winsor` and 1 − `winsor` quantiles
        φ̂   = (1 / I) Σ z̃ᵢ²

    Under no overdispersion I·φ̂ is about χ² with I − 1 degrees of freedom, so φ̂ ≈ 1.
    `p0` defaults to the pooled share. NaN with fewer than two units or p0 at 0 or 1.
    """
    k = np.asarray(successes, dtype=float)
    n = np.asarray(trials, dtype=float)
    if p0 is None:
        p0 = pooled_share(k, n)
    z = z_scores(k, n, p0)
    z = z[np.isfinite(z)]
    if z.size < 2:
        return float("nan")
    low, high = np.quantile(z, [winsor, 1 - winsor])
    return float(np.mean(np.clip(z, low, high) ** 2))


def funnel_points(
    frame: pd.DataFrame,
    successes: str,
    trials: str,
    p0: float | None = None,
    levels: Sequence[float] = LEVELS,
    adjust_overdispersion: bool = False,
) -> pd.DataFrame:
    """Each row of `frame` placed on the funnel: its share and the band it falls in.

    Adds: share, p0, phi, z (with φ), low_<level>/high_<level> at the row's own n for each
    level (e.g. low_95, high_998), band (one of BANDS). `p0` defaults to the pooled share of
    the frame (the province when the frame holds all municipalities); with
    `adjust_overdispersion` the limits are widened by √φ, φ = max(1, φ̂). Rows without cases
    get NaN and band None.
    """
    k = frame[successes].to_numpy(dtype=float)
    n = frame[trials].to_numpy(dtype=float)
    if p0 is None:
        p0 = pooled_share(k, n)
    phi = 1.0
    if adjust_overdispersion:
        estimate = overdispersion(k, n, p0)
        phi = max(1.0, estimate) if np.isfinite(estimate) else 1.0
    has_cases = n > 0
    z = z_scores(k, n, p0) / np.sqrt(phi)
    result = frame.assign(share=share(k, n), p0=p0, phi=phi, z=np.where(has_cases, z, np.nan))
    inner, outer = sorted(levels)[0], sorted(levels)[-1]
    for level in levels:
        limits = funnel_limits(p0, np.where(has_cases, n, 1.0), [level], phi)
        suffix = _suffix(level)
        result[f"low_{suffix}"] = np.where(has_cases, limits["low"], np.nan)
        result[f"high_{suffix}"] = np.where(has_cases, limits["high"], np.nan)
    y = result["share"].to_numpy()
    conditions = [
        y > result[f"high_{_suffix(outer)}"].to_numpy(),
        y > result[f"high_{_suffix(inner)}"].to_numpy(),
        y < result[f"low_{_suffix(outer)}"].to_numpy(),
        y < result[f"low_{_suffix(inner)}"].to_numpy(),
        has_cases,
    ]
    choices = ["boven_998", "boven_95", "onder_998", "onder_95", "binnen"]
    result["band"] = pd.Series(
        np.select(conditions, choices, default=""), index=frame.index
    ).replace("", None)
    return result


def describe_funnel(points: pd.DataFrame, name: str = "name") -> str:
    """Dutch summary of `funnel_points`: who lies above or below the limits, the rest in range.

    E.g. "Boven de 99,8%-grens: Utrecht. Onder de 95%-grens: Zeist, Bunnik. De overige
    22 gemeenten liggen binnen de verwachte variatie."
    """
    with_cases = points[points["band"].notna()]
    sentences = []
    for band in BANDS:
        if band == "binnen":
            continue
        names = sorted(with_cases.loc[with_cases["band"] == band, name])
        if names:
            sentences.append(FUNNEL[band].format(names=", ".join(names)))
    inside = int((with_cases["band"] == "binnen").sum())
    if sentences:
        sentences.append(FUNNEL["rest_inside"].format(count=inside))
    elif inside == 1:
        sentences.append(FUNNEL["one_inside"])
    elif inside:
        sentences.append(FUNNEL["all_inside"].format(count=inside))
    if len(points) > len(with_cases):
        sentences.append(FUNNEL["without_cases"].format(count=len(points) - len(with_cases)))
    return " ".join(sentences)


def _suffix(level: float) -> str:
    """0.95 → '95', 0.998 → '998'."""
    return f"{level * 100:g}".replace(".", "")
