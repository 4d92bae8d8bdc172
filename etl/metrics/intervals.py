"""Confidence intervals for shares (Wilson) and for counts and rates (exact Poisson, Garwood).

All functions are vectorised: they take scalars or arrays (numpy, pandas) and broadcast,
returning float arrays (0-d for scalar input). Where the denominator is 0 the result is NaN:
no figure, rather than a made-up 0%.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import special

# Quantiles come from scipy.special, which scipy.stats computes them with: importing
# scipy.stats would add about 0.3 s to every `omzien` command.

CONFIDENCE = 0.95

Floats = NDArray[np.float64]


def z_value(confidence: float = CONFIDENCE) -> float:
    """Two-sided standard normal quantile: 1.96 for 0.95, 3.09 for 0.998."""
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must lie between 0 and 1, not {confidence}")
    return float(special.ndtri(0.5 + confidence / 2))


def share(successes: ArrayLike, trials: ArrayLike) -> Floats:
    """successes / trials; NaN where trials is 0."""
    k, n = _counts(successes, trials)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(n > 0, k / np.where(n > 0, n, 1), np.nan)


def wilson_interval(
    successes: ArrayLike, trials: ArrayLike, confidence: float = CONFIDENCE
) -> tuple[Floats, Floats]:
    """Wilson score interval for a binomial proportion k/n.

        centre = (k + z²/2) / (n + z²)
        half   = z / (n + z²) · sqrt(k (n − k) / n + z²/4)
        (low, high) = centre ∓ half

    Unlike the Wald interval p ± z·sqrt(p(1−p)/n) it never leaves [0, 1] and does not
    collapse to a point at 0 of n or n of n, which is what a small municipality with two
    obstacles, both resolved, needs: 2 of 2 gives (0.34, 1), not (1, 1).
    NaN where n is 0. Ref.: Wilson (1927), JASA 22:209-212; Brown, Cai & DasGupta (2001),
    Statistical Science 16:101-133 (recommended for small n).
    """
    k, n = _counts(successes, trials)
    z = z_value(confidence)
    with np.errstate(divide="ignore", invalid="ignore"):
        centre = (k + z * z / 2) / (n + z * z)
        half = z / (n + z * z) * np.sqrt(k * (n - k) / n + z * z / 4)
    # At k = 0 and k = n the bound is exact in theory; pin it against rounding.
    low = np.where(k == 0, 0.0, np.clip(centre - half, 0.0, 1.0))
    high = np.where(k == n, 1.0, np.clip(centre + half, 0.0, 1.0))
    empty = n == 0
    return np.where(empty, np.nan, low), np.where(empty, np.nan, high)


def poisson_interval(events: ArrayLike, confidence: float = CONFIDENCE) -> tuple[Floats, Floats]:
    """Exact (Garwood) interval for the mean of a Poisson count k.

        low  = ½ χ²(α/2; 2k)          (0 when k = 0)
        high = ½ χ²(1 − α/2; 2k + 2)

    with α = 1 − confidence and χ²(q; ν) the q-quantile of chi-square with ν degrees of
    freedom. Guaranteed coverage (conservative); 0 events give (0, 3.69) at 95%.
    Ref.: Garwood (1936), Biometrika 28:437-442; Ulm (1990), Am J Epidemiol 131:373-375.
    """
    k = np.asarray(events, dtype=float)
    if np.any(k < 0):
        raise ValueError("a count cannot be negative")
    alpha = 1 - confidence
    # ½ χ²(q; 2k) is the q-quantile of Gamma(k, 1), which is what chi2.ppf computes too.
    low = np.where(k > 0, special.gammaincinv(np.maximum(k, 1), alpha / 2), 0.0)
    high = special.gammaincinv(k + 1, 1 - alpha / 2)
    return low, high


def poisson_rate(
    events: ArrayLike, exposure: ArrayLike, per: float = 10_000, confidence: float = CONFIDENCE
) -> tuple[Floats, Floats, Floats]:
    """Rate per `per` units of exposure (e.g. per 10,000 inhabitants) with its Garwood interval.

        rate = k / exposure · per, interval = Garwood(k) / exposure · per

    The population is taken as known exactly; only the count is random. NaN where the
    exposure is missing or not positive.
    """
    k = np.asarray(events, dtype=float)
    e = np.asarray(exposure, dtype=float)
    low, high = poisson_interval(k, confidence)
    valid = np.isfinite(e) & (e > 0)
    scale = np.where(valid, per / np.where(valid, e, 1.0), np.nan)
    return k * scale, low * scale, high * scale


def _counts(successes: ArrayLike, trials: ArrayLike) -> tuple[Floats, Floats]:
    k = np.asarray(successes, dtype=float)
    n = np.asarray(trials, dtype=float)
    if np.any(n < 0) or np.any(k < 0) or np.any(k > n):
        raise ValueError("need 0 <= successes <= trials")
    return k, n
