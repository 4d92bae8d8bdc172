"""Where each municipality's tile goes on a tile map: a deterministic grid from centroids."""

from __future__ import annotations

import math

import pandas as pd


def tile_layout(centroids: pd.DataFrame, *, fill: float = 0.8) -> pd.DataFrame:
    """Grid cells for a tile map: each municipality as near its centroid as the grid allows.

    Centroids (lon, lat) are projected (lon scaled by cos(mean latitude)) and scaled so the
    grid has about n / `fill` cells over the province's extent. Municipalities then get
    cells greedily, the closest (municipality, cell) pair first, and pairwise swaps and
    moves to free cells follow while they shorten the total squared distance. Ties are
    broken by code, row and column, so the same centroids always give the same layout.
    Returns cbs_code, name, col, row (row 0 = north), sorted by cbs_code.
    """
    frame = centroids.sort_values("cbs_code").reset_index(drop=True)
    if frame.empty:
        return pd.DataFrame({"cbs_code": [], "name": [], "col": [], "row": []})
    ys = [float(v) for v in frame["centroid_lat"]]
    lat0 = math.radians(sum(ys) / len(ys))
    xs = [float(v) * math.cos(lat0) for v in frame["centroid_lon"]]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    n = len(frame)
    cell = math.sqrt(width * height * fill / n) if width * height > 0 else None
    cell = cell or (max(width, height) / n) or 1.0
    ideal = [((x - min(xs)) / cell, (max(ys) - y) / cell) for x, y in zip(xs, ys, strict=True)]
    cols, rows = math.ceil(width / cell) + 1, math.ceil(height / cell) + 1
    cells = [(c, r) for r in range(-1, rows + 1) for c in range(-1, cols + 1)]

    def cost(i: int, c: int, r: int) -> float:
        return (ideal[i][0] - (c + 0.5)) ** 2 + (ideal[i][1] - (r + 0.5)) ** 2

    codes = list(frame["cbs_code"])
    pairs = sorted((cost(i, c, r), codes[i], r, c, i) for i in range(n) for c, r in cells)
    place: dict[int, tuple[int, int]] = {}
    taken: dict[tuple[int, int], int] = {}
    for _, _, r, c, i in pairs:
        if i not in place and (c, r) not in taken:
            place[i], taken[(c, r)] = (c, r), i
    _improve(place, taken, cells, cost, n)

    col_shift = min(c for c, _ in place.values())
    row_shift = min(r for _, r in place.values())
    return pd.DataFrame(
        {
            "cbs_code": codes,
            "name": list(frame["name"]),
            "col": [place[i][0] - col_shift for i in range(n)],
            "row": [place[i][1] - row_shift for i in range(n)],
        }
    )


def _improve(place, taken, cells, cost, n: int, max_rounds: int = 50) -> None:
    """Moves to a free cell or swaps of two municipalities, while either lowers the cost."""
    for _ in range(max_rounds):
        changed = False
        for i in range(n):
            ci, ri = place[i]
            best, best_cell = 0.0, None
            for c, r in cells:
                j = taken.get((c, r))
                if j == i:
                    continue
                gain = cost(i, ci, ri) - cost(i, c, r)
                if j is not None:
                    gain += cost(j, c, r) - cost(j, ci, ri)
                if gain > best + 1e-12:
                    best, best_cell = gain, (c, r)
            if best_cell is None:
                continue
            j = taken.get(best_cell)
            place[i], taken[best_cell] = best_cell, i
            if j is None:
                del taken[(ci, ri)]
            else:
                place[j], taken[(ci, ri)] = (ci, ri), j
            changed = True
        if not changed:
            return
