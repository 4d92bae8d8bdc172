"""Synthetic monthly series with known truth, to measure the method's false alarms and power.

`simulate` draws, for a network of municipalities (and regions of them), obstacles per
month with their first response and resolution, and returns them as the counts the
marts hold (`detect.Inputs`). Nothing changes unless a `Change` is planted, but months
vary more than chance (overdispersion): each municipality's monthly rate, response speed
and resolved share move by a random month effect. The tests (tests/signals) and the
benchmark (bench/signals_simulation.py) run `detect` on many such loads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from signals.detect import Inputs, month_number, month_start
from signals.measures import LONGEST_HORIZON, MUNICIPALITY, REGION

# The share of each category among a network's obstacles (the demo generator reports the same).
CATEGORY_MIX = {
    "financiering": 0.24,
    "regelgeving": 0.16,
    "samenwerking": 0.13,
    "huisvesting": 0.11,
    "inkoop": 0.09,
    "beleid": 0.08,
    "informatie": 0.07,
    "vrijwilligers": 0.07,
    "overig": 0.05,
}
FIRST_MONTH = date(2023, 1, 1)


@dataclass(frozen=True)
class Change:
    """A change planted in one municipality from `month` (0 = the first month) on.

    kind: 'volume' (the category's obstacles times `factor`), 'response' (the time to a
    first response times `factor`, or no response at all with `factor` = inf), or
    'resolution' (the resolved share times `factor`)."""

    municipality: int
    kind: str
    month: int
    factor: float
    category: str | None = None


@dataclass(frozen=True)
class Network:
    """The steady behaviour of the municipalities, drawn once per replicate."""

    municipalities: int = 26
    regions: int = 4
    per_month: tuple[float, float] = (5.0, 25.0)  # obstacles a month, drawn per municipality
    rate_cv: float = 0.25  # month-to-month variation of the rate (gamma)
    answer_share: float = 0.9
    response_median: float = 14.0  # days
    response_sigma: float = 0.8
    response_month_sd: float = 0.25  # log-scale month effect on the response time
    resolved_share: float = 0.55
    resolution_median: float = 35.0
    resolution_sigma: float = 0.7
    resolution_month_sd: float = 0.3  # logit-scale month effect on the resolved share


# The steady network every simulation starts from.
STEADY = Network()


def codes(network: Network) -> list[str]:
    return [f"GM{9000 + i:04d}" for i in range(network.municipalities)]


def units(network: Network) -> pd.DataFrame:
    """Every municipality, and regions that split them into consecutive groups."""
    found = codes(network)
    rows = [(MUNICIPALITY, c, (c,)) for c in found]
    for r, group in enumerate(np.array_split(np.array(found), network.regions)):
        rows.append((REGION, f"regio_{r + 1}", tuple(group)))
    return pd.DataFrame(rows, columns=["unit_kind", "unit_code", "members"])


@dataclass(frozen=True)
class World:
    """Every obstacle of a simulated network: where, when, and when it would be answered
    and resolved (inf: never). A load sees the obstacles up to its as-of day, censored."""

    network: Network
    municipality: np.ndarray
    month: np.ndarray
    category: np.ndarray  # index into CATEGORY_MIX
    reported: np.ndarray  # days since FIRST_MONTH
    response: np.ndarray  # days from report to the first response
    resolution: np.ndarray  # days from report to (partial) resolution


def world(
    rng: np.random.Generator,
    months: int,
    *,
    network: Network = STEADY,
    changes: tuple[Change, ...] = (),
    rates: np.ndarray | None = None,
) -> World:
    """The obstacles of `months` months from FIRST_MONTH on; `rates` fixes each
    municipality's obstacles a month (else drawn from network.per_month)."""
    first = month_number(FIRST_MONTH)
    n_munis = network.municipalities
    if rates is None:
        rates = rng.uniform(*network.per_month, n_munis)
    shape = 1 / network.rate_cv**2
    month_rate = rates[:, None] * rng.gamma(shape, 1 / shape, (n_munis, months))
    categories = np.array(list(CATEGORY_MIX))
    mix = np.array(list(CATEGORY_MIX.values()))
    # Per (municipality, month, category): the expected count, with planted volume changes.
    expected = month_rate[:, :, None] * mix[None, None, :]
    for change in changes:
        if change.kind == "volume":
            c = int(np.flatnonzero(categories == change.category)[0])
            expected[change.municipality, change.month :, c] *= change.factor
    counts = rng.poisson(expected)
    m_idx, mo_idx, c_idx = np.nonzero(counts)
    reps = counts[m_idx, mo_idx, c_idx]
    muni = np.repeat(m_idx, reps)
    month = np.repeat(mo_idx, reps)
    starts = np.array([(month_start(first + i) - FIRST_MONTH).days for i in range(months + 1)])
    length = starts[month + 1] - starts[month]
    return World(
        network=network,
        municipality=muni,
        month=month,
        category=np.repeat(c_idx, reps),
        reported=starts[month] + np.floor(rng.random(len(muni)) * length).astype(int),
        response=_response_days(rng, network, muni, month, changes, n_munis, months),
        resolution=_resolution_days(rng, network, muni, month, changes, n_munis, months),
    )


def load(found: World, months: int) -> Inputs:
    """What a load on the last day of month `months - 1` sees: the counts of the marts."""
    first = month_number(FIRST_MONTH)
    as_of = month_start(first + months) - timedelta(days=1)
    seen = found.month < months
    muni, month = found.municipality[seen], found.month[seen]
    follow = (as_of - FIRST_MONTH).days - found.reported[seen]
    network = found.network
    names = np.array(codes(network))
    volume = (
        pd.DataFrame({"m": muni, "month": month, "c": found.category[seen], "obstacles": 1})
        .groupby(["m", "month", "c"], as_index=False)["obstacles"]
        .sum()
    )
    volume = pd.DataFrame(
        {
            "cbs_code": names[volume["m"]],
            "category": np.array(list(CATEGORY_MIX))[volume["c"]],
            "month": [month_start(first + int(i)) for i in volume["month"]],
            "obstacles": volume["obstacles"].to_numpy(),
        }
    )
    survival = pd.concat(
        [
            _day_counts("first_response", found.response[seen], follow, muni, month, first, names),
            _day_counts("resolution", found.resolution[seen], follow, muni, month, first, names),
        ],
        ignore_index=True,
    )
    return Inputs(as_of=as_of, units=units(network), volume=volume, survival=survival)


def simulate(
    rng: np.random.Generator,
    months: int,
    *,
    network: Network = STEADY,
    changes: tuple[Change, ...] = (),
    rates: np.ndarray | None = None,
) -> Inputs:
    """One load on the last day of month `months - 1` of a freshly drawn world."""
    return load(world(rng, months, network=network, changes=changes, rates=rates), months)


def _response_days(rng, network, muni, month, changes, n_munis, months) -> np.ndarray:
    """Days to the first response (inf: none), before censoring."""
    effect = rng.normal(0, network.response_month_sd, (n_munis, months))[muni, month]
    median = network.response_median * np.exp(effect)
    answered = rng.random(len(muni)) < network.answer_share
    for change in changes:
        if change.kind == "response":
            hit = (muni == change.municipality) & (month >= change.month)
            if np.isinf(change.factor):
                answered &= ~hit
            else:
                median = np.where(hit, median * change.factor, median)
    days = np.floor(rng.lognormal(np.log(median), network.response_sigma))
    return np.where(answered, days, np.inf)


def _resolution_days(rng, network, muni, month, changes, n_munis, months) -> np.ndarray:
    """Days to (partial) resolution (inf: never), before censoring."""
    logit = np.log(network.resolved_share / (1 - network.resolved_share))
    effect = rng.normal(0, network.resolution_month_sd, (n_munis, months))[muni, month]
    share = 1 / (1 + np.exp(-(logit + effect)))
    for change in changes:
        if change.kind == "resolution":
            hit = (muni == change.municipality) & (month >= change.month)
            share = np.where(hit, share * change.factor, share)
    resolved = rng.random(len(muni)) < share
    days = np.floor(
        rng.lognormal(np.log(network.resolution_median), network.resolution_sigma, len(muni))
    )
    return np.where(resolved, days, np.inf)


def _day_counts(event, days, follow, muni, month, first, names) -> pd.DataFrame:
    """Per (municipality, report month, day): events, and obstacles censored then."""
    happened = days <= follow
    at = np.where(happened, days, follow)
    at = np.minimum(at, LONGEST_HORIZON + 1).astype(int)
    frame = pd.DataFrame(
        {
            "m": muni,
            "month": month,
            "days": at,
            "events": happened & (days <= LONGEST_HORIZON),
            "censored": ~(happened & (days <= LONGEST_HORIZON)),
        }
    )
    counted = frame.groupby(["m", "month", "days"], as_index=False)[["events", "censored"]].sum()
    return pd.DataFrame(
        {
            "event": event,
            "cbs_code": names[counted["m"]],
            "month": [month_start(first + int(i)) for i in counted["month"]],
            "days": counted["days"],
            "events": counted["events"],
            "censored": counted["censored"],
        }
    )
