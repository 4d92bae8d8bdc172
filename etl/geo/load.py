"""The boundary step of the transform: fill core.municipality_boundaries and account for
every feature of the boundary file (rejects, warnings and its etl.files row).

`load_boundaries` runs inside `etl.pipeline.transform` once core.municipalities exists;
`boundary_report` gives `etl.warehouse` the etl.files and etl.warnings rows afterwards.
The join itself (`join_boundaries`) is a pure function over DataFrames.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb
import pandas as pd

from etl.duck import run_with_frames
from etl.geo.read import BoundaryInput
from etl.messages import GEO
from etl.models import run_models

SOURCE = "boundaries"
TABLE_COLUMNS = [
    "cbs_code",
    "geometry_geojson",
    "area_km2",
    "source_path",
    "boundary_year",
    "attribution",
]
REJECT_COLUMNS = ["source", "rule", "path", "row_number", "field", "value", "reason"]


@dataclass
class JoinedBoundaries:
    """The boundary file against the municipalities of the province."""

    rows: pd.DataFrame  # core.municipality_boundaries, sorted by cbs_code
    rejects: pd.DataFrame  # one row per feature that is not used (REJECT_COLUMNS)
    loaded: int  # features whose code joined
    out_of_scope: int  # features of municipalities in other provinces: left out, not rejected
    missing: pd.DataFrame  # municipalities of the province without a boundary (cbs_code, name)


def join_boundaries(
    boundaries: BoundaryInput,
    municipalities: pd.DataFrame,
    all_municipalities: pd.DataFrame,
    province: str,
) -> JoinedBoundaries:
    """Features whose code is a municipality of the province are used.

    Features of other provinces are left out and only counted (a national file is a normal
    input, limited to the province); features with an unknown or invalid code are rejected.

    `municipalities` is core.municipalities (cbs_code, name); `all_municipalities` every
    Dutch municipality (cbs_code, name, province), to tell an unknown code from one of
    another province.
    """
    features = boundaries.features
    in_province = set(municipalities["cbs_code"])
    names = dict(zip(all_municipalities["cbs_code"], all_municipalities["name"], strict=True))
    usable = features["rule"].isna()
    joined = usable & features["cbs_code"].isin(in_province)
    elsewhere = usable & ~joined & features["cbs_code"].isin(names)
    unknown = usable & ~joined & ~elsewhere
    reasons = features["reason"].copy()
    rules = features["rule"].copy()
    for position in features.index[unknown]:
        rules.at[position] = "boundary_code_unknown"
        reasons.at[position] = GEO["code_unknown"].format(value=features.at[position, "cbs_code"])
    not_used = ~joined & ~elsewhere
    rejected = features[not_used]
    rejects = pd.DataFrame(
        {
            "source": SOURCE,
            "rule": rules[not_used],
            "path": boundaries.relpath,
            "row_number": rejected["feature"],
            "field": rejected["field"],
            "value": rejected["value"],
            "reason": reasons[not_used],
        },
        columns=REJECT_COLUMNS,
    )
    shapes = boundaries.shapes
    rows = (
        shapes[shapes["cbs_code"].isin(in_province) & shapes["geometry_geojson"].notna()]
        .assign(source_path=boundaries.relpath)
        .sort_values("cbs_code")
        .reindex(columns=TABLE_COLUMNS)
        .reset_index(drop=True)
    )
    missing = (
        municipalities[~municipalities["cbs_code"].isin(rows["cbs_code"])][["cbs_code", "name"]]
        .sort_values("cbs_code")
        .reset_index(drop=True)
    )
    return JoinedBoundaries(rows, rejects, int(joined.sum()), int(elsewhere.sum()), missing)


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame, sql: str) -> None:
    if frame.empty:
        return
    run_with_frames(con, f"INSERT INTO {table} {sql}", incoming_geo=frame)


def load_boundaries(
    con: duckdb.DuckDBPyConnection,
    boundaries: BoundaryInput | None,
    province: str,
    progress: Callable[[str], None] = lambda message: None,
) -> None:
    """Create core.municipality_boundaries and fill it from `boundaries` (a file of
    data/raw/geo/ or the shipped set; None leaves it empty).

    Needs core.municipalities, ref_municipalities_nl and the temporary `rejects` table of
    the transform; leaves the temporary tables boundary_files and boundary_warnings.
    """
    run_models(con, "core/municipality_boundaries")
    con.execute(
        "CREATE OR REPLACE TEMP TABLE boundary_files (path VARCHAR, sha256 VARCHAR, "
        "rows_read INTEGER, rows_loaded INTEGER, rows_rejected INTEGER, "
        "rows_out_of_scope INTEGER, error VARCHAR)"
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE boundary_warnings (path VARCHAR, kind VARCHAR, "
        "message VARCHAR)"
    )
    if boundaries is None or boundaries.relpath is None:
        return
    progress(GEO["progress"])
    notes = pd.DataFrame(list(boundaries.warnings), columns=["path", "kind", "message"])
    if boundaries.error is not None:
        con.execute(
            "INSERT INTO boundary_files VALUES (?, ?, 0, 0, 0, 0, ?)",
            [boundaries.relpath, boundaries.sha256, boundaries.error],
        )
        con.execute(
            "INSERT INTO rejects (source, rule, path, row_number, field, value, reason) "
            "VALUES (?, 'file_rejected', ?, NULL, NULL, NULL, ?)",
            [SOURCE, boundaries.relpath, boundaries.error],
        )
        _insert(con, "boundary_warnings", notes, "SELECT path, kind, message FROM incoming_geo")
        return

    joined = join_boundaries(
        boundaries,
        con.execute("SELECT cbs_code, name FROM core.municipalities ORDER BY cbs_code").df(),
        con.execute("SELECT cbs_code, name, province FROM ref_municipalities_nl").df(),
        province,
    )
    _insert(
        con,
        "core.municipality_boundaries",
        joined.rows,
        "SELECT cbs_code, geometry_geojson, CAST(area_km2 AS DOUBLE), source_path, "
        "CAST(boundary_year AS INTEGER), attribution FROM incoming_geo ORDER BY cbs_code",
    )
    _insert(
        con,
        "rejects",
        joined.rejects,
        "(source, rule, path, row_number, field, value, reason) "
        "SELECT source, rule, path, CAST(row_number AS INTEGER), field, value, reason "
        "FROM incoming_geo",
    )
    if len(joined.missing):
        listed = ", ".join(f"{n} ({c})" for c, n in joined.missing.itertuples(index=False))
        message = GEO["missing"].format(
            count=len(joined.missing), province=province, file=boundaries.relpath, names=listed
        )
        notes.loc[len(notes)] = [boundaries.relpath, "boundary_missing", message]
    _insert(con, "boundary_warnings", notes, "SELECT path, kind, message FROM incoming_geo")
    if boundaries.shipped:
        return
    con.execute(
        "INSERT INTO boundary_files VALUES (?, ?, ?, ?, ?, ?, NULL)",
        [
            boundaries.relpath,
            boundaries.sha256,
            len(boundaries.features),
            joined.loaded,
            len(joined.rejects),
            joined.out_of_scope,
        ],
    )


def boundary_report(
    con: duckdb.DuckDBPyConnection, load_id: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The etl.files row of the boundary file (none without one: the shipped set is
    reference data) and the etl.warnings rows of the boundaries used."""
    files = con.execute(
        "SELECT ? AS load_id, path, sha256, ? AS source, rows_read, rows_loaded, rows_rejected, "
        "0 AS rows_superseded, 0 AS rows_erased, rows_out_of_scope, error, "
        "false AS synthetic FROM boundary_files",
        [load_id, SOURCE],
    ).df()
    warnings = con.execute(
        "SELECT ? AS load_id, path, kind, message FROM boundary_warnings ORDER BY path, kind",
        [load_id],
    ).df()
    return files, warnings
