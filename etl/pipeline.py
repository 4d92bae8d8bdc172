"""The transform: raw text tables in, core and etl tables out, all set-based in DuckDB.

`transform` takes a connection to an empty database and the extracted exports and leaves
the `core` and `marts` schemas built and temporary tables describing what happened to
every row.
Reading files happens before (etl.extract), writing the file after (etl.warehouse).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

import duckdb
import pandas as pd

from etl import reference
from etl.contract import (
    ALIASES,
    DATA_SOURCES,
    ERASURES,
    INITIATIVES,
    OBSTACLES,
    REDACTED_SUFFIX,
    REGIONS,
    RESPONSES,
    Source,
    shown_text,
)
from etl.geo import BoundaryInput, load_boundaries
from etl.marts import build_marts
from etl.messages import ANALYST_REGION_NOTE, SCORECARD
from etl.models import run_models
from etl.redaction import Redactor
from etl.validation import (
    Rule,
    alias_rules,
    initiative_rules,
    obstacle_rules,
    region_rules,
    reject_query,
    response_rules,
)

ROW_COLUMNS = ("file_seq", "path", "row_number", "extra_fields")

# Staging table, and the column that identifies a record for superseding, per source.
STAGED: dict[str, tuple[str, str]] = {
    ALIASES.name: ("stg_aliases", "alias_key"),
    INITIATIVES.name: ("stg_initiatives", "initiatief_id"),
    OBSTACLES.name: ("stg_obstacles", "knelpunt_id"),
    RESPONSES.name: ("stg_responses", "reactie_id"),
    REGIONS.name: ("stg_regions", "member_key"),
}
# Sources read in a load, in the order their raw tables are made.
READ_SOURCES = (*DATA_SOURCES, ALIASES, REGIONS, ERASURES)


@dataclass(frozen=True)
class RawFile:
    """One export as the extract step delivered it, with its place in the reading order."""

    file_seq: int
    relpath: str
    source: Source
    frame: pd.DataFrame | None


@dataclass
class TransformSettings:
    as_of: date
    province: str
    progress: Callable[[str], None] = field(default=lambda message: None)
    # Redacts the text that the warehouse stores; knows the contact names of the load.
    redactor: Redactor = field(default_factory=Redactor)


def _text_columns(source: Source) -> list[str]:
    return [
        *(c.name for c in source.columns),
        *(c.name + REDACTED_SUFFIX for c in shown_text(source)),
    ]


def raw_table(source: Source, files: list[RawFile], redactor: Redactor) -> pd.DataFrame:
    """All readable exports of one source stacked, every contract column present as text.

    The text the warehouse will show (names, places, descriptions, notes) is redacted here,
    where it leaves the extract step, into `<column>_redacted` beside the text as written,
    which validation and municipality resolution still need.
    """
    columns = [*ROW_COLUMNS, *_text_columns(source)]
    frames = [
        f.frame.assign(file_seq=f.file_seq, path=f.relpath)
        for f in files
        if f.source is source and f.frame is not None and len(f.frame)
    ]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    stacked = pd.concat(frames, ignore_index=True)
    for column in shown_text(source):
        if column.name in stacked:
            stacked[column.name + REDACTED_SUFFIX] = redactor.series(stacked[column.name])
    return stacked.reindex(columns=columns)


def register_raw(con: duckdb.DuckDBPyConnection, source: Source, frame: pd.DataFrame) -> None:
    text_columns = ", ".join(f'CAST("{c}" AS VARCHAR) AS "{c}"' for c in _text_columns(source))
    con.register("incoming", frame)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE raw_{source.name} AS SELECT "
        "CAST(file_seq AS INTEGER) AS file_seq, CAST(path AS VARCHAR) AS path, "
        "CAST(row_number AS INTEGER) AS row_number, "
        f"CAST(extra_fields AS VARCHAR) AS extra_fields, {text_columns} FROM incoming "
        "ORDER BY file_seq, row_number"
    )
    con.unregister("incoming")


def register_reference(con: duckdb.DuckDBPyConnection, settings: TransformSettings) -> None:
    con.execute(
        "CREATE OR REPLACE TEMP TABLE run_params AS SELECT ?::DATE AS as_of, "
        "?::VARCHAR AS run_scope, ?::VARCHAR AS national_scope, ?::VARCHAR[] AS region_kinds, "
        "?::VARCHAR AS analyst_region_note",
        [
            settings.as_of,
            settings.province,
            reference.NATIONAL,
            list(reference.REGION_KINDS),
            # DuckDB's format() fills {} where the message says {path}.
            ANALYST_REGION_NOTE.replace("{path}", "{}"),
        ],
    )
    tables = {
        "ref_municipalities_nl": reference.municipalities_nl(),
        "ref_aliases": reference.aliases(),
        "ref_regions": reference.regions(settings.province),
        "ref_region_members": reference.region_members(settings.province),
        "ref_vocabulary_terms": reference.vocabulary_terms(),
    }
    for name, frame in tables.items():
        con.register("incoming", frame)
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM incoming")
        con.unregister("incoming")
    run_models(con, "macros", "staging/ref_vocabulary")


def validate(con: duckdb.DuckDBPyConnection, source: Source, rules: list[Rule]) -> None:
    """Add the rows of a staging table that break a rule to `rejects`; keep the rest."""
    table, id_column = STAGED[source.name]
    sql, params = reject_query(source.name, table, rules)
    con.execute(f"INSERT INTO rejects {sql}", params)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE accepted_{source.name} AS "
        f"SELECT s.*, row_number() OVER (PARTITION BY s.{id_column} "
        "ORDER BY s.file_seq DESC, s.row_number DESC) = 1 AS is_latest "
        f"FROM {table} AS s "
        "ANTI JOIN (SELECT DISTINCT file_seq, row_number FROM rejects WHERE source = ?) AS j "
        "USING (file_seq, row_number)",
        [source.name],
    )


def transform(
    con: duckdb.DuckDBPyConnection,
    files: list[RawFile],
    settings: TransformSettings,
    boundaries: BoundaryInput | None = None,
) -> None:
    """Build `core`, then `marts`, from the raw exports; `rejects` and `accepted_*` say what
    became of rows. `files` is emptied of its frames once they are in DuckDB."""
    con.execute(
        "CREATE SCHEMA IF NOT EXISTS core; CREATE SCHEMA IF NOT EXISTS marts; "
        "CREATE SCHEMA IF NOT EXISTS etl;"
    )
    register_reference(con, settings)
    for source in READ_SOURCES:
        register_raw(con, source, raw_table(source, files, settings.redactor))
        # The frames are in DuckDB now: let go of them, a million rows at a time.
        files[:] = [replace(f, frame=None) if f.source is source else f for f in files]
    con.execute(
        "CREATE OR REPLACE TEMP TABLE rejects (source VARCHAR, rule VARCHAR, file_seq INTEGER, "
        "path VARCHAR, row_number INTEGER, field VARCHAR, value VARCHAR, reason VARCHAR, "
        "record_id VARCHAR, parent_id VARCHAR)"
    )

    settings.progress("Gemeenten herkennen ...")
    run_models(con, "staging/stg_aliases")
    validate(con, ALIASES, alias_rules())
    run_models(
        con,
        "staging/analyst_aliases",
        "staging/municipality_names",
        "staging/municipality_inputs",
        "staging/municipality_resolution",
        "staging/erased_initiatives",
        "staging/erased_obstacles",
    )

    settings.progress("Initiatieven controleren ...")
    run_models(con, "staging/stg_initiative_themes", "staging/stg_initiatives")
    validate(con, INITIATIVES, initiative_rules(settings.as_of, settings.province))
    run_models(con, "staging/stg_regions")
    validate(con, REGIONS, region_rules(settings.province, reference.REGION_KINDS))
    run_models(
        con,
        "core/municipalities",
        "staging/analyst_regions",
        "staging/region_membership",
        "core/regions",
        "core/region_members",
        "core/initiatives",
        "core/initiative_themes",
    )
    load_boundaries(con, boundaries, settings.province, settings.progress)

    settings.progress("Knelpunten controleren ...")
    run_models(con, "staging/stg_obstacles")
    validate(con, OBSTACLES, obstacle_rules(settings.as_of, settings.province))

    settings.progress("Reacties controleren ...")
    run_models(con, "staging/stg_responses")
    validate(con, RESPONSES, response_rules(settings.as_of))
    run_models(con, "core/responses", "core/obstacles")

    settings.progress(SCORECARD["progress"])
    build_marts(con)


def file_outcomes(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Per file read: rows read, loaded, rejected, superseded and erased."""
    parts = []
    for source in (*DATA_SOURCES, ALIASES, REGIONS):
        table, _ = STAGED[source.name]
        parts.append(
            f"""
            SELECT r.file_seq,
                count(*) AS rows_read,
                count(*) FILTER (WHERE a.is_latest) AS rows_loaded,
                count(*) FILTER (WHERE j.file_seq IS NOT NULL) AS rows_rejected,
                count(*) FILTER (WHERE NOT a.is_latest) AS rows_superseded,
                count(*) FILTER (WHERE s.file_seq IS NULL) AS rows_erased
            FROM raw_{source.name} AS r
            LEFT JOIN {table} AS s USING (file_seq, row_number)
            LEFT JOIN accepted_{source.name} AS a USING (file_seq, row_number)
            LEFT JOIN (SELECT DISTINCT file_seq, row_number FROM rejects) AS j
                USING (file_seq, row_number)
            GROUP BY r.file_seq
            """
        )
    parts.append("SELECT file_seq, count(*), count(*), 0, 0, 0 FROM raw_erasures GROUP BY file_seq")
    return con.execute(" UNION ALL ".join(parts) + " ORDER BY file_seq").df()
