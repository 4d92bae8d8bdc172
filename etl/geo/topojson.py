"""TopoJSON for a polygon coverage: every shared border is stored once, as one arc.

Neighbouring municipalities are drawn from the same arcs, so they can neither overlap
nor leave a sliver between them, and a border costs its bytes once instead of twice.
Only what the shipped boundaries need: (multi)polygons, quantized, delta-encoded arcs
(https://github.com/topojson/topojson-specification).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from itertools import pairwise

import shapely
from shapely.geometry import MultiPolygon, Polygon

Point = tuple[int, int]


def _grid_ring(coords, translate: tuple[float, float], scale: float) -> list[Point]:
    """A ring on the grid, closed, without repeated points."""
    tx, ty = translate
    points: list[Point] = []
    for x, y in coords:
        point = (round((x - tx) / scale), round((y - ty) / scale))
        if not points or point != points[-1]:
            points.append(point)
    if points[0] != points[-1]:
        points.append(points[0])
    return points


def _quantized_rings(geometry, translate: tuple[float, float], scale: float) -> list:
    """[polygon][ring] -> closed list of grid points; exterior rings counter-clockwise.

    A ring smaller than the grid collapses (fewer than 4 points) and is left out.
    """
    polygons = []
    for polygon in shapely.get_parts(shapely.orient_polygons(geometry)):
        rings = [
            _grid_ring(r.coords, translate, scale) for r in (polygon.exterior, *polygon.interiors)
        ]
        if len(rings[0]) >= 4:
            polygons.append([rings[0], *(r for r in rings[1:] if len(r) >= 4)])
    return polygons


def _junctions(features: list[list]) -> set[Point]:
    """Points where a border changes neighbours: seen with more than one pair of
    adjacent points (a shared border seen from both sides has the same pair)."""
    pairs: dict[Point, set[frozenset]] = {}
    for polygons in features:
        for rings in polygons:
            for ring in rings:
                points = ring[:-1]  # open: the closing point repeats the first
                for i, point in enumerate(points):
                    adjacent = frozenset((points[i - 1], points[(i + 1) % len(points)]))
                    pairs.setdefault(point, set()).add(adjacent)
    return {point for point, seen in pairs.items() if len(seen) > 1}


class _Arcs:
    """Arcs as found, each stored once; a border walked the other way is its reverse (~i)."""

    def __init__(self) -> None:
        self.arcs: list[list[Point]] = []
        self._index: dict[tuple[Point, ...], int] = {}

    def add(self, points: list[Point]) -> int:
        key = tuple(points)
        if key in self._index:
            return self._index[key]
        if key[::-1] in self._index:
            return ~self._index[key[::-1]]
        self._index[key] = len(self.arcs)
        self.arcs.append(points)
        return self._index[key]

    def ring(self, ring: list[Point], junctions: set[Point]) -> list[int]:
        """A closed ring as arc indexes, cut at its junctions."""
        points = ring[:-1]
        cuts = [i for i, point in enumerate(points) if point in junctions]
        # A ring without junctions (an island, an enclave) is one closed arc; starting it
        # at its smallest point lets the enclave and the hole around it share that arc.
        start = cuts[0] if cuts else points.index(min(points))
        points = [*points[start:], *points[:start], points[start]]
        if not cuts:
            return [self.add(points)]
        indexes, begin = [], 0
        for i in range(1, len(points)):
            if points[i] in junctions:
                indexes.append(self.add(points[begin : i + 1]))
                begin = i
        return indexes


def _delta(arc: list[Point]) -> list[list[int]]:
    encoded = [list(arc[0])]
    encoded += [[x1 - x0, y1 - y0] for (x0, y0), (x1, y1) in pairwise(arc)]
    return encoded


def encode(
    features: Iterable[tuple[object, dict]], *, name: str, scale: float, **members: object
) -> dict:
    """A Topology with one GeometryCollection `name` of MultiPolygons.

    `features` are (WGS84 polygonal geometry, properties) forming a coverage (shared
    borders have identical vertices); coordinates are snapped to a grid of `scale`
    degrees. `members` are added to the topology as top-level members (metadata).
    """
    features = list(features)
    minx, miny, _, _ = shapely.total_bounds([g for g, _ in features])
    # A translate on the grid keeps coordinates that already lie on it exact.
    translate = (math.floor(minx / 0.01) * 0.01, math.floor(miny / 0.01) * 0.01)
    quantized = [_quantized_rings(g, translate, scale) for g, _ in features]
    junctions = _junctions(quantized)
    arcs = _Arcs()
    geometries = [
        {
            "type": "MultiPolygon",
            "arcs": [[arcs.ring(ring, junctions) for ring in rings] for rings in polygons],
            "properties": properties,
        }
        for polygons, (_, properties) in zip(quantized, features, strict=True)
    ]
    return {
        "type": "Topology",
        **members,
        "transform": {"scale": [scale, scale], "translate": list(translate)},
        "objects": {name: {"type": "GeometryCollection", "geometries": geometries}},
        "arcs": [_delta(a) for a in arcs.arcs],
    }


def _decoded_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    transform = topology.get("transform")
    if transform is None:
        return [[(float(x), float(y)) for x, y, *_ in arc] for arc in topology["arcs"]]
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def decode(topology: dict, name: str) -> list[tuple[MultiPolygon | None, dict]]:
    """(geometry, properties) of every geometry of object `name`, in file order.

    Polygons and MultiPolygons become MultiPolygons; anything else (or no arcs) None.
    """
    arcs = _decoded_arcs(topology)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for i in indexes:
            arc = arcs[i] if i >= 0 else arcs[~i][::-1]
            points.extend(arc if not points else arc[1:])
        return points

    decoded = []
    for geometry in topology["objects"][name]["geometries"]:
        kind, parts = geometry.get("type"), geometry.get("arcs") or []
        polygons = [parts] if kind == "Polygon" else parts if kind == "MultiPolygon" else []
        shape = MultiPolygon(
            [Polygon(ring(rings[0]), [ring(hole) for hole in rings[1:]]) for rings in polygons]
        )
        decoded.append((shape if polygons else None, dict(geometry.get("properties") or {})))
    return decoded


def dumps(topology: dict) -> str:
    """Compact JSON text with one geometry and one arc per line, so a re-derivation shows
    in a diff as the municipalities and borders that changed."""

    def compact(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    head = {k: v for k, v in topology.items() if k not in ("objects", "arcs")}
    objects = []
    for name, collection in topology["objects"].items():
        lines = ",\n".join(compact(g) for g in collection["geometries"])
        objects.append(
            f'{compact(name)}:{{"type":"GeometryCollection","geometries":[\n{lines}\n]}}'
        )
    arcs = ",\n".join(compact(arc) for arc in topology["arcs"])
    return f'{compact(head)[:-1]},\n"objects":{{{",".join(objects)}}},\n"arcs":[\n{arcs}\n]}}\n'
