"""The method measured on simulated networks: false alarms when nothing changes, and how
soon a planted change is found. Shared by the tests (few replicates) and the benchmark
(bench/signals_simulation.py, many), whose figures docs/signals.md reports.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from signals import signals_of_tests
from signals.detect import detect
from signals.measures import MUNICIPALITY, WORSE
from signals.simulate import STEADY, Change, Network, codes, load, world

SMALL_NUMBERS = 10
# A replicate's network runs this many months before a planted change, so every window has
# its full 24 months of history when the change starts.
MONTHS_BEFORE_CHANGE = 36


@dataclass(frozen=True)
class Scenario:
    """A planted change in municipality 0, and the signal that must find it."""

    name: str
    kind: str
    factor: float
    measure: str
    category: str | None = None

    def change(self, month: int) -> Change:
        return Change(0, self.kind, month, self.factor, self.category)


SCENARIOS = (
    Scenario("stops_answering", "response", np.inf, "first_response_within_30d"),
    Scenario("response_4x_slower", "response", 4.0, "first_response_within_30d"),
    Scenario("volume_triples", "volume", 3.0, "obstacles", "financiering"),
    Scenario("resolution_stops", "resolution", 0.1, "resolved_within_90d"),
    Scenario("resolution_halves", "resolution", 0.5, "resolved_within_90d"),
)


def null_loads(replicates: int, seed: int = 2026, months: int = 36) -> pd.DataFrame:
    """One row per replicate of a steady network (26 municipalities, 4 regions, 5 to 25
    obstacles a month, overdispersed months): how many municipalities and regions the
    load signals."""
    rows = []
    for r in range(replicates):
        rng = np.random.default_rng([seed, r])
        found = signals_of_tests(
            detect(load(world(rng, months), months), SMALL_NUMBERS), SMALL_NUMBERS
        )
        municipal = found[found["unit_kind"] == MUNICIPALITY]
        rows.append(
            {
                "replicate": r,
                "signals": len(found),
                "municipalities": municipal["unit_code"].nunique(),
                "regions": found.loc[found["unit_kind"] != MUNICIPALITY, "unit_code"].nunique(),
            }
        )
    return pd.DataFrame(rows)


def months_to_find(
    scenario: Scenario,
    rate: float,
    replicates: int,
    *,
    horizon: int = 6,
    seed: int = 17,
    network: Network = STEADY,
) -> pd.DataFrame:
    """One row per replicate: the first monthly load (1 = a month after the change) whose
    signals name municipality 0 with the scenario's measure, worse; NaN when none within
    `horizon` months. The municipality reports `rate` obstacles a month."""
    rows = []
    target = codes(network)[0]
    for r in range(replicates):
        rng = np.random.default_rng([seed, r])
        rates = rng.uniform(*network.per_month, network.municipalities)
        rates[0] = rate
        change = scenario.change(MONTHS_BEFORE_CHANGE)
        found_world = world(
            rng, MONTHS_BEFORE_CHANGE + horizon, network=network, changes=(change,), rates=rates
        )
        first = np.nan
        for month in range(1, horizon + 1):
            tests = detect(load(found_world, MONTHS_BEFORE_CHANGE + month), SMALL_NUMBERS)
            found = signals_of_tests(tests, SMALL_NUMBERS)
            hit = found[
                (found["unit_code"] == target)
                & (found["measure"] == scenario.measure)
                & (found["direction"] == WORSE)
            ]
            if scenario.category:
                hit = hit[hit["category"] == scenario.category]
            if len(hit):
                first = month
                break
        rows.append({"replicate": r, "months": first})
    return pd.DataFrame(rows)
