"""Find and read the boundary file in data/raw/geo/, or fall back to the shipped set.

The only code that opens a boundary file; without one, the boundaries shipped with omzien
(etl.geo.shipped) are the input.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from etl.extract.discover import GEO_FOLDER
from etl.geo.boundaries import BoundaryError, prepare_boundaries
from etl.geo.shipped import SHIPPED_LABEL, SHIPPED_YEAR, shipped_boundaries, shipped_sha256
from etl.messages import GEO

SUFFIXES = (".geojson", ".gpkg", ".shp")
# A Shapefile is several files; its digest covers the ones that carry data.
SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg")
# GDAL messages can be long; the analyst needs the gist.
DETAIL_CHARS = 200


@dataclass(frozen=True)
class BoundaryInput:
    """The boundary file a load uses, as read and prepared (or why it could not be)."""

    # relative to data/raw/, e.g. 'geo/gemeenten.geojson'; SHIPPED_LABEL for the shipped set
    relpath: str | None = None
    sha256: str | None = None
    features: pd.DataFrame | None = None  # see PreparedBoundaries.features
    shapes: pd.DataFrame | None = None  # see PreparedBoundaries.shapes
    error: str | None = None  # the whole file was unusable: why, in Dutch
    warnings: tuple[tuple[str, str, str], ...] = field(default=())  # (path, kind, message)
    # The set shipped with omzien: reference data like the municipality list, so it gets
    # no etl.files row and the load's file and row counts mean the same with or without it.
    shipped: bool = False


def geo_folder(raw_dir: Path) -> Path | None:
    """data/raw/geo (any case), the folder the export discovery skips."""
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        return None
    for entry in sorted(raw_dir.iterdir()):
        if entry.is_dir() and entry.name.lower() == GEO_FOLDER:
            return entry
    return None


def boundary_files(raw_dir: Path) -> list[tuple[str, Path]]:
    """Boundary files under data/raw/geo/, in lexical order of their relative POSIX path."""
    folder = geo_folder(raw_dir)
    if folder is None:
        return []
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith((".", "~$")) and name.lower().endswith(SUFFIXES):
                path = Path(root, name)
                found.append((path.relative_to(raw_dir).as_posix(), path))
    return sorted(found, key=lambda item: item[0])


def sha256_of_boundary_file(path: Path) -> str:
    digest = hashlib.sha256()
    parts = [path]
    if path.suffix.lower() == ".shp":
        parts = [
            p
            for p in sorted(path.parent.glob(f"{path.stem}.*"))
            if p.suffix.lower() in SHAPEFILE_PARTS
        ]
    for part in parts:
        digest.update(part.read_bytes())
    return digest.hexdigest()


def polygon_layer(path: Path, file: str) -> str | None:
    """The first layer with polygons (a GeoPackage can hold several); None for one-layer files."""
    layers = pyogrio.list_layers(path)
    if len(layers) <= 1:
        return None
    for name, geometry_type in layers:
        if geometry_type and "polygon" in str(geometry_type).lower():
            return str(name)
    found = ", ".join(f"{name} ({kind})" for name, kind in layers)
    raise BoundaryError(GEO["no_polygon_layer"].format(file=file, found=found))


def read_boundary_file(path: Path, file: str) -> gpd.GeoDataFrame:
    """One boundary file as a GeoDataFrame; a Dutch BoundaryError when it cannot be read."""
    try:
        layer = polygon_layer(path, file)
        with warnings.catch_warnings():
            # pyogrio warns about e.g. a missing .prj; with_crs deals with that case itself.
            warnings.simplefilter("ignore", RuntimeWarning)
            return gpd.read_file(path, layer=layer, engine="pyogrio")
    except BoundaryError:
        raise
    except Exception as exc:  # GDAL raises many kinds; all mean "cannot be read"
        raise BoundaryError(_unreadable(file, exc, path)) from exc


def _unreadable(file: str, exc: BaseException, path: Path | None = None) -> str:
    """GDAL's reason, shortened: first sentence, the file named as the analyst knows it."""
    text = " ".join(str(exc).split())
    if path is not None:
        text = text.replace(f"'{path}'", file).replace(str(path), file)
    if "not recognized as being in a supported file format" in text:
        detail = GEO["not_a_geo_file"]
    else:
        detail = (text.split("; ")[0].split(". ")[0] or type(exc).__name__)[:DETAIL_CHARS]
    return GEO["unreadable"].format(file=file, detail=detail)


def shipped_input() -> BoundaryInput:
    """The shipped set as a boundary input: all 342 features; the join keeps those of
    the municipalities the warehouse covers (core.municipalities)."""
    shapes = shipped_boundaries()
    features = pd.DataFrame(
        {
            "feature": range(1, len(shapes) + 1),
            "value": shapes["cbs_code"],
            "cbs_code": shapes["cbs_code"],
            "boundary_year": pd.array(shapes["boundary_year"], dtype="Int64"),
            "field": "statcode",
            "rule": None,
            "reason": None,
        }
    )
    return BoundaryInput(
        relpath=SHIPPED_LABEL,
        sha256=shipped_sha256(),
        features=features,
        shapes=shapes.drop(columns="name"),
        shipped=True,
    )


def read_boundaries(
    raw_dir: Path, progress: Callable[[str], None] = lambda message: None
) -> BoundaryInput:
    """The last boundary file in data/raw/geo/, read and prepared; never raises for its content.

    More than one file: the last in lexical order is used and the others get a warning,
    the same rule as for exports (later files win). No file: the shipped boundaries.
    """
    found = boundary_files(raw_dir)
    if not found:
        progress(GEO["shipped"].format(year=SHIPPED_YEAR))
        return shipped_input()
    relpath, path = found[-1]
    progress(GEO["reading"].format(path=relpath))
    notes = [
        (other, "boundary_ignored", GEO["ignored_file"].format(file=other, used=relpath))
        for other, _ in found[:-1]
    ]
    try:
        sha256 = sha256_of_boundary_file(path)
    except OSError as exc:
        return BoundaryInput(
            relpath=relpath, error=_unreadable(relpath, exc), warnings=tuple(notes)
        )
    try:
        prepared = prepare_boundaries(read_boundary_file(path, relpath), relpath)
    except Exception as exc:  # whatever is wrong with the file, the rest of the load goes on
        error = str(exc) if isinstance(exc, BoundaryError) else _unreadable(relpath, exc, path)
        return BoundaryInput(relpath=relpath, sha256=sha256, error=error, warnings=tuple(notes))
    notes += [(relpath, kind, message) for kind, message in prepared.warnings]
    return BoundaryInput(
        relpath=relpath,
        sha256=sha256,
        features=prepared.features,
        shapes=prepared.shapes,
        warnings=tuple(notes),
    )
