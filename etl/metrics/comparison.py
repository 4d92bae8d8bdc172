"""Municipality against region against province: hoger, vergelijkbaar or lager, by interval.

The rule (one rule for shares, Kaplan-Meier shares and rates alike): a figure is "hoger"
when its whole 95% interval lies above the reference value, "lager" when it lies wholly
below, and "vergelijkbaar" otherwise. The reference (region or province) is the pooled value
over all its obstacles, taken as fixed, as the target in a funnel plot is (Spiegelhalter
2005); for a share this is the one-sample score test at the 5% level, which is exactly what
the Wilson interval inverts (Wilson 1927; Newcombe 1998, Stat Med 17:857-872). A raw
difference (45% against 52%) decides nothing: with 8 obstacles it is noise.

The reference includes the municipality itself, as the funnel's p0 does. That makes the
test a little conservative for the largest municipality (Utrecht is a quarter of the
province's inhabitants); it never makes a difference appear that is not there.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

HIGHER, SIMILAR, LOWER = "hoger", "vergelijkbaar", "lager"
VERDICTS = (HIGHER, SIMILAR, LOWER)


def compare_to_reference(low: ArrayLike, high: ArrayLike, reference: ArrayLike) -> np.ndarray:
    """'hoger' where low > reference, 'lager' where high < reference, else 'vergelijkbaar'.

    Element-wise; None where the interval or the reference is missing (no cases).
    """
    lo = np.asarray(low, dtype=float)
    hi = np.asarray(high, dtype=float)
    ref = np.asarray(reference, dtype=float)
    lo, hi, ref = np.broadcast_arrays(lo, hi, ref)
    verdict = np.where(lo > ref, HIGHER, np.where(hi < ref, LOWER, SIMILAR)).astype(object)
    verdict[np.isnan(lo) | np.isnan(hi) | np.isnan(ref)] = None
    return verdict
