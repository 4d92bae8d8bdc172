"""Signals on simulated networks: false alarms per load, and how soon planted changes are found.

    .venv/bin/python bench/signals_simulation.py                 # the figures of docs/signals.md
    .venv/bin/python bench/signals_simulation.py --null 200 --power 20   # quicker

A steady network of 26 municipalities and 4 regions, 5 to 25 obstacles a month each, over
three years, with months that vary more than chance (the rate, the response time and the
resolved share move by a random month effect): how many loads show any signal, and how
many municipalities a load names. Then each planted change in one municipality at 5, 10,
15 and 25 obstacles a month: the share of replicates in which a monthly load finds it
within 3, 6 and 12 months, and the median month it is first found. The tests run the
same measurement with fewer replicates (tests/signals/test_simulation.py).
"""

from __future__ import annotations

import argparse
import time
from concurrent.futures import ProcessPoolExecutor

import numpy as np

from etl.metrics.intervals import wilson_interval
from signals.evaluate import SCENARIOS, months_to_find, null_loads
from signals.measures import FALSE_DISCOVERY_RATE

RATES = (5, 10, 15, 25)


def _power(args: tuple[int, int, int]) -> tuple[str, int, list[float]]:
    index, rate, replicates = args
    scenario = SCENARIOS[index]
    found = months_to_find(scenario, rate, replicates, horizon=12)
    return scenario.name, rate, list(found["months"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--null", type=int, default=1000, help="steady replicates")
    parser.add_argument("--power", type=int, default=100, help="replicates per change and rate")
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()

    started = time.monotonic()
    chunks = [options.null // options.workers] * options.workers
    chunks[0] += options.null - sum(chunks)
    with ProcessPoolExecutor(options.workers) as pool:
        parts = list(pool.map(null_loads, chunks, range(2026, 2026 + options.workers)))
    import pandas as pd

    steady = pd.concat(parts, ignore_index=True)
    alarms = int((steady["signals"] > 0).sum())
    low, high = wilson_interval(alarms, len(steady))
    print(f"steady network, {len(steady)} loads ({time.monotonic() - started:.0f} s):")
    print(
        f"  loads with any signal: {alarms} ({alarms / len(steady):.1%}, 95% "
        f"{low:.1%} – {high:.1%}; bound {FALSE_DISCOVERY_RATE:.0%})"
    )
    print(
        f"  municipalities signalled per load: mean {steady['municipalities'].mean():.3f}, "
        f"max {steady['municipalities'].max()}; regions per load: mean "
        f"{steady['regions'].mean():.3f}"
    )

    started = time.monotonic()
    jobs = [(i, rate, options.power) for i in range(len(SCENARIOS)) for rate in RATES]
    with ProcessPoolExecutor(options.workers) as pool:
        results = list(pool.map(_power, jobs))
    print(
        f"\nplanted changes, {options.power} replicates each ({time.monotonic() - started:.0f} s):"
    )
    columns = ("a month", "by 3 mo", "by 6 mo", "by 12 mo", "median")
    print(f"  {'change':22s} " + " ".join(f"{c:>8s}" for c in columns))
    for name, rate, months in results:
        found = np.array([np.inf if np.isnan(m) else m for m in months])
        median = np.median(found)
        median_text = f"{median:.0f}" if np.isfinite(median) else ">12"
        print(
            f"  {name:22s} {rate:8d} {np.mean(found <= 3):8.0%} {np.mean(found <= 6):8.0%} "
            f"{np.mean(found <= 12):8.0%} {median_text:>8s}"
        )


if __name__ == "__main__":
    main()
