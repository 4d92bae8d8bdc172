"""What the signals watch, and the fixed choices of the method (see docs/signals.md).

Each measure is a key of the figure registry (etl/metrics/registry.py; a test keeps the two
in step): the volume of obstacles, and two Kaplan-Meier shares with their horizon.
"""

from __future__ import annotations

from dataclasses import dataclass

VOLUME, SURVIVAL = "volume", "survival"
WORSE, BETTER = "worse", "better"
MUNICIPALITY, REGION = "gemeente", "regio"
NEW, ONGOING, ENDED = "new", "ongoing", "ended"
# What makes a signal (a test, a series, two loads' signals) the same signal.
KEY = ["unit_kind", "unit_code", "measure", "theme", "category", "direction"]


@dataclass(frozen=True)
class Measure:
    key: str  # the registry's key
    kind: str  # VOLUME or SURVIVAL
    event: str | None = None  # survival: first_response or resolution
    horizon: int | None = None  # survival: days within which the event counts
    per_category: bool = False  # also tested per category of obstacle


MEASURES: tuple[Measure, ...] = (
    Measure("obstacles", VOLUME, per_category=True),
    Measure("first_response_within_30d", SURVIVAL, "first_response", 30),
    Measure("resolved_within_90d", SURVIVAL, "resolution", 90),
)
BY_KEY = {m.key: m for m in MEASURES}
# The longest horizon: survival counts are read up to it (beyond it one bucket).
LONGEST_HORIZON = max(m.horizon for m in MEASURES if m.horizon)

# The recent windows compared with the unit's own history, in months up to the as-of day
# (the running month counts with the days it has): a short one finds an abrupt change
# soon, a long one a smaller change in a small municipality. Each test takes the window
# with the smallest p-value, Bonferroni-corrected for trying three.
WINDOWS: tuple[int, ...] = (3, 6, 12)
# The history a window is compared with: the months just before it, at most this many ...
BASELINE_MONTHS = 24
# ... and at least this many (fewer: the window is not tested).
MIN_BASELINE_MONTHS = 12
# The false discovery rate controlled over every test of a load (Benjamini-Hochberg):
# when nothing changed anywhere, at most this share of loads shows any signal.
FALSE_DISCOVERY_RATE = 0.05
# Two-sided 95% band of the expected monthly value in the small charts.
BAND_Z = 1.959963984540054
