"""The straightforward computation from core rows, to check the marts and the read layer.

Nothing here reads a mart or imports etl.metrics / readmodel: counts come from plain SQL
over core.obstacles and core.initiatives, Kaplan-Meier from scipy.stats.ecdf on one
duration per obstacle, Wilson and Garwood intervals from the hand formulas.
"""

from __future__ import annotations

import math
import warnings
from datetime import date

import duckdb
import numpy as np
from scipy import stats

from tests.etl.metrics_support import hand_garwood, hand_wilson

Z95 = stats.norm.ppf(0.975)


def selected_rows(con: duckdb.DuckDBPyConnection, filters) -> list[dict]:
    """One dict per selected obstacle, with its initiative's phase; plain SQL, bound values."""
    clauses, params = ["TRUE"], []
    if filters.start:
        clauses.append("o.reported_at >= ?")
        params.append(filters.start)
    if filters.end:
        clauses.append("o.reported_at <= ?")
        params.append(filters.end)
    if filters.region:
        clauses.append(
            "o.cbs_code IN (SELECT cbs_code FROM core.region_members WHERE region_code = ?)"
        )
        params.append(filters.region)
    if filters.municipality:
        clauses.append("o.cbs_code = ?")
        params.append(filters.municipality)
    if filters.themes:
        clauses.append("list_contains(?, o.theme)")
        params.append(list(filters.themes))
    if filters.categories:
        clauses.append("list_contains(?, o.category)")
        params.append(list(filters.categories))
    if filters.phase:
        clauses.append("i.phase = ?")
        params.append(filters.phase)
    if filters.level:
        clauses.append("o.level = ?")
        params.append(filters.level)
    cursor = con.execute(
        "SELECT o.*, i.phase FROM core.obstacles AS o "
        "LEFT JOIN core.initiatives AS i USING (initiative_id) WHERE " + " AND ".join(clauses),
        params,
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def initiatives(con: duckdb.DuckDBPyConnection, filters) -> list[dict]:
    """The initiatives a selection counts: place, phase, any chosen theme, registered by the
    period's end."""
    rows = con.execute(
        "SELECT i.initiative_id, i.cbs_code, i.phase, i.registered_at, "
        "list(t.theme) FILTER (WHERE t.theme IS NOT NULL) AS themes "
        "FROM core.initiatives AS i LEFT JOIN core.initiative_themes AS t USING (initiative_id) "
        "GROUP BY ALL"
    ).fetchall()
    members = {
        code
        for (code,) in con.execute(
            "SELECT cbs_code FROM core.region_members WHERE region_code = ?", [filters.region]
        ).fetchall()
    }
    kept = []
    for initiative_id, code, phase, registered, themes in rows:
        if filters.region and code not in members:
            continue
        if filters.municipality and code != filters.municipality:
            continue
        if filters.end and registered > filters.end:
            continue
        if filters.phase and phase != filters.phase:
            continue
        if filters.themes and not set(themes or []) & set(filters.themes):
            continue
        kept.append({"initiative_id": initiative_id, "cbs_code": code})
    return kept


def durations(rows: list[dict], event: str, as_of: date) -> tuple[np.ndarray, np.ndarray]:
    """Days from report to the event, or to the as-of day (censored) where there is none."""
    column = "first_response_at" if event == "first_response" else "resolved_at"
    d = np.array([((r[column] or as_of) - r["reported_at"]).days for r in rows], dtype=float)
    o = np.array([r[column] is not None for r in rows], dtype=bool)
    return d, o


def km(d: np.ndarray, o: np.ndarray, points) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Kaplan-Meier survival and its log-log band at `points`, by scipy.stats.ecdf, with the
    documented fallback (Wilson on the obstacles known at t) where the band is undefined."""
    t = np.atleast_1d(np.asarray(points, dtype=float))
    if d.size == 0:
        nan = np.full(t.shape, np.nan)
        return nan, nan, nan
    sf = stats.ecdf(stats.CensoredData.right_censored(d, ~o)).sf
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        band = sf.confidence_interval(0.95, method="log-log")
    survival, low, high = sf.evaluate(t), band.low.evaluate(t), band.high.evaluate(t)
    for i, point in enumerate(t):
        if survival[i] in (0.0, 1.0) or math.isnan(low[i]) or math.isnan(high[i]):
            answered = int(np.sum(o & (d <= point)))
            known = int(d.size - np.sum(~o & (d <= point)))
            wl, wh = hand_wilson(answered, known) if known else (0.0, 1.0)
            low[i], high[i] = 1 - wh, 1 - wl
        if point > d.max() and survival[i] > 0:
            survival[i] = low[i] = high[i] = np.nan
    return survival, low, high


def km_figure(d: np.ndarray, o: np.ndarray, horizon: int | None) -> tuple[float, float, float]:
    """Share within `horizon` days with its interval, or (horizon None) the median with its
    Brookmeyer-Crowley interval from the curve at day 0 and every duration."""
    if horizon is not None:
        s, lo, hi = km(d, o, [horizon])
        return 1 - s[0], 1 - hi[0], 1 - lo[0]
    points = np.union1d([0.0], d)
    s, lo, hi = km(d, o, points)

    def first(values):
        hits = points[values <= 0.5 + 1e-12]
        return float(hits[0]) if hits.size else math.nan

    return first(s), first(lo), first(hi)


def share(k: int, n: int) -> tuple[float, float, float]:
    low, high = hand_wilson(k, n)
    return (k / n if n else math.nan), low, high


def rate(k: int, population: int) -> tuple[float, float, float]:
    low, high = hand_garwood(k)
    return k / population * 1e4, low / population * 1e4, high / population * 1e4
