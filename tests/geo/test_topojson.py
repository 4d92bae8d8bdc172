"""TopoJSON for a polygon coverage (etl.geo.topojson): borders stored once, decoded exactly."""

from __future__ import annotations

import json

import pytest
from shapely.geometry import MultiPolygon, Polygon

from etl.geo.topojson import decode, dumps, encode


def test_topojson_stores_a_shared_border_once() -> None:
    left = Polygon([(5.0, 52.0), (5.1, 52.0), (5.1, 52.1), (5.0, 52.1)])
    right = Polygon([(5.1, 52.0), (5.2, 52.0), (5.2, 52.1), (5.1, 52.1)])
    hole = Polygon([(5.02, 52.02), (5.04, 52.02), (5.04, 52.04), (5.02, 52.04)])
    features = [
        (left.difference(hole), {"statcode": "GM0001"}),
        (right, {"statcode": "GM0002"}),
        (hole, {"statcode": "GM0003"}),  # an enclave: its outline is the hole of GM0001
    ]
    topology = encode(features, name="t", scale=0.00001, attribution="x")
    assert topology["attribution"] == "x"
    # left/right border, the rest of left, the rest of right, the enclave's ring
    assert len(topology["arcs"]) == 4
    decoded = decode(json.loads(dumps(topology)), "t")
    for (geometry, properties), (original, expected) in zip(decoded, features, strict=True):
        assert properties == expected
        assert geometry.normalize().equals_exact(MultiPolygon([original]).normalize(), 1e-9)


def test_plain_topojson_from_other_tools_is_decoded() -> None:
    """No transform (absolute coordinates), a Polygon, and a geometry without arcs."""
    topology = {
        "type": "Topology",
        "objects": {
            "t": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "properties": {"statcode": "GM0001"}},
                    {"type": "Polygon", "arcs": [[-3, -2]], "properties": {"statcode": "GM0002"}},
                    {"type": None, "properties": {"statcode": "GM0003"}},
                ],
            }
        },
        "arcs": [
            [[5.1, 52.1], [5.0, 52.1], [5.0, 52.0], [5.1, 52.0]],
            [[5.1, 52.0], [5.1, 52.1]],
            [[5.1, 52.1], [5.2, 52.1], [5.2, 52.0], [5.1, 52.0]],
        ],
    }
    (left, _), (right, _), (nothing, properties) = decode(topology, "t")
    assert [left.area, right.area] == pytest.approx([0.01, 0.01])
    assert all(p.exterior.is_ccw for p in (*left.geoms, *right.geoms))
    assert left.intersection(right).area == 0
    assert left.union(right).area == pytest.approx(0.02)
    assert nothing is None
    assert properties == {"statcode": "GM0003"}
