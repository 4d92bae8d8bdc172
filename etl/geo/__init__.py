"""Municipal boundaries: read a boundary file from data/raw/geo/ (or the shipped set), load it.

- `read_boundaries(raw_dir)`: the extract step for boundaries, falling back to the set
  shipped in the package when data/raw/geo/ has no file (etl.geo.read);
- `shipped_boundaries(province)`: the shipped outlines, CBS/PDOK 2024 (etl.geo.shipped;
  derived by etl.geo.derive_shipped, stored as TopoJSON via etl.geo.topojson);
- `load_boundaries(con, boundaries, province)` / `boundary_report(con, load_id)`: the load
  into core.municipality_boundaries and the etl tables (etl.geo.load);
- `fetch_boundaries(...)`: `omzien geo fetch`, the PDOK download (etl.geo.fetch);
- `region_outlines(boundaries, region_members)`: geometry for maps (etl.geo.shapes).
"""

from __future__ import annotations

from etl.geo.boundaries import BoundaryError, normalise_code, prepare_boundaries
from etl.geo.load import boundary_report, join_boundaries, load_boundaries
from etl.geo.read import BoundaryInput, read_boundaries
from etl.geo.shapes import region_outlines
from etl.geo.shipped import shipped_boundaries

__all__ = [
    "BoundaryError",
    "BoundaryInput",
    "boundary_report",
    "join_boundaries",
    "load_boundaries",
    "normalise_code",
    "prepare_boundaries",
    "read_boundaries",
    "region_outlines",
    "shipped_boundaries",
]
