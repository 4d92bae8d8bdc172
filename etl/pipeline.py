"""The transform: raw text tables in, core and etl tables out, all set-based in DuckDB.

`transform` takes a connection to an empty database and the extracted exports and leaves
the `core` and `marts` schemas built and temporary tables describing what happened to
every row.
Reading files happens before (etl.extract), writing the file after (etl.warehouse).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from etl import reference
from etl.contract import (
    ALIASES,
    CHECKS,
    DATA_SOURCES,
    ERASURES,
    INITIATIVES,
    OBSTACLES,
    REGIONS,
    RESPONSES,
    Source,
    shown_text,
)
from etl.duck import identifier, literal, run_with_frames
from etl.extract import release_export
from etl.geo import BoundaryInput, load_boundaries
from etl.marts import build_marts
from etl.messages import ANALYST_REGION_NOTE, SCORECARD
from etl.models import run_models
from etl.redaction import Redactor
from etl.validation import (
    Rule,
    alias_rules,
    check_rules,
    initiative_rules,
    obstacle_rules,
    region_rules,
    reject_query,
    response_rules,
)

# Staging table, and the column that identifies a record for superseding, per source.
STAGED: dict[str, tuple[str, str]] = {
    ALIASES.name: ("stg_aliases", "alias_key"),
    INITIATIVES.name: ("stg_initiatives", "initiatief_id"),
    OBSTACLES.name: ("stg_obstacles", "knelpunt_id"),
    RESPONSES.name: ("stg_responses", "reactie_id"),
    CHECKS.name: ("stg_checks", "controle_id"),
    REGIONS.name: ("stg_regions", "member_key"),
}
# Sources read in a load, in the order their raw tables are made.
READ_SOURCES = (*DATA_SOURCES, CHECKS, ALIASES, REGIONS, ERASURES)


@dataclass(frozen=True)
class RawFile:
    """One export as the extract step delivered it, with its place in the reading order."""

    file_seq: int
    relpath: str
    source: Source
    table: str | None  # the temporary table holding its rows; None when rejected whole


@dataclass
class TransformSettings:
    as_of: date
    province: str
    progress: Callable[[str], None] = field(default=lambda message: None)
    # Redacts the text that the warehouse stores; knows the contact names of the load.
    redactor: Redactor = field(default_factory=Redactor)


def register_raw(
    con: duckdb.DuckDBPyConnection, source: Source, files: list[RawFile], redactor: Redactor
) -> None:
    """raw_<source>: a view stacking the rows of all its exports, every contract column as text.

    A view, not a copy: each model reads only the columns it needs from the extract step's
    rows, and the staging model is the first (and only) copy of the source's rows.

    The text the warehouse will show (names, places, descriptions, notes) is redacted here,
    where it leaves the extract step: `redacted_<source>_<column>(written, redacted)` holds
    the distinct texts that redaction changes, and the staging models show
    coalesce(redacted, written). The text as written stays in raw_<source> for validation
    and municipality resolution. Only distinct texts go through the redactor.
    """
    mine = [f for f in files if f.source is source and f.table is not None]
    present = {
        f.table: {row[0] for row in con.execute(f"DESCRIBE {f.table}").fetchall()} for f in mine
    }
    names = [c.name for c in source.columns]
    parts = []
    for f in mine:
        cells = ", ".join(
            f"CAST({identifier(n)} AS VARCHAR) AS {identifier(n)}"
            if n in present[f.table]
            else f"CAST(NULL AS VARCHAR) AS {identifier(n)}"
            for n in names
        )
        # Literals, not parameters: a view keeps no parameters. The path is quoted for SQL.
        parts.append(
            f"SELECT CAST({int(f.file_seq)} AS INTEGER) AS file_seq, "
            f"CAST({literal(f.relpath)} AS VARCHAR) AS path, "
            "CAST(row_number AS INTEGER) AS row_number, "
            "CAST(extra_cells AS INTEGER) AS extra_cells, "
            f"CAST(extra_from AS INTEGER) AS extra_from, {cells} FROM {f.table}"
        )
    if not parts:
        empty = ", ".join(f"CAST(NULL AS VARCHAR) AS {identifier(n)}" for n in names)
        parts.append(
            "SELECT CAST(NULL AS INTEGER) AS file_seq, CAST(NULL AS VARCHAR) AS path, "
            "CAST(NULL AS INTEGER) AS row_number, CAST(NULL AS INTEGER) AS extra_cells, "
            "CAST(NULL AS INTEGER) AS extra_from, "
            f"{empty} WHERE false"
        )
    con.execute(f"CREATE OR REPLACE TEMP VIEW raw_{source.name} AS {' UNION ALL '.join(parts)}")
    for column in shown_text(source):
        _redaction_map(con, source, column.name, redactor)


def release_raw(con: duckdb.DuckDBPyConnection, source: Source, files: list[RawFile]) -> None:
    """Once its staging table is built, the source's rows read are let go; `raw_rows` keeps
    how many each file had, for etl.files."""
    con.execute(
        f"INSERT INTO raw_rows SELECT ?, file_seq, count(*) FROM raw_{source.name} GROUP BY ALL",
        [source.name],
    )
    con.execute(f"DROP VIEW raw_{source.name}")
    for f in files:
        if f.source is source and f.table is not None:
            release_export(con, f.table)


def _redaction_map(
    con: duckdb.DuckDBPyConnection, source: Source, column: str, redactor: Redactor
) -> None:
    """redacted_<source>_<column>(written, redacted): the distinct texts of a column that
    redaction changes."""
    distinct = con.sql(
        f"SELECT DISTINCT {identifier(column)} AS v FROM raw_{source.name} "
        f"WHERE {identifier(column)} IS NOT NULL"
    ).to_arrow_table()["v"]
    written = distinct.combine_chunks() if distinct.num_chunks else pa.array([], pa.string())
    written = written.cast(pa.large_string())
    redacted = redactor.array(written)
    changed = pc.fill_null(pc.not_equal(written, redacted), False)
    pairs = pa.table({"written": written.filter(changed), "redacted": redacted.filter(changed)})
    run_with_frames(
        con,
        f"CREATE OR REPLACE TEMP TABLE redacted_{source.name}_{column} AS SELECT "
        "CAST(written AS VARCHAR) AS written, CAST(redacted AS VARCHAR) AS redacted "
        "FROM incoming_redacted",
        incoming_redacted=pairs,
    )


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
        run_with_frames(
            con, f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM incoming", incoming=frame
        )
    run_models(con, "macros", "staging/ref_vocabulary")


def validate(con: duckdb.DuckDBPyConnection, source: Source, rules: list[Rule]) -> None:
    """Add the rows of a staging table that break a rule to `rejects`; keep the rest.

    One scan of the staging table picks every row that may break a rule (`suspect_<source>`,
    a few thousand rows of a million); the rules and their reasons are worked out on those
    rows only, and `broken_<source>` holds the rows they reject.
    `accepted_<source>` is a view: the staging rows less the broken ones, with `is_latest`
    false for a row a later accepted row of the same record supersedes. Only the few ids
    written more than once are sorted for that, not the whole table.
    """
    table, id_column = STAGED[source.name]
    suspect, broken = f"suspect_{source.name}", f"broken_{source.name}"
    may_break = " OR ".join(f"({rule.candidate or rule.when})" for rule in rules)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {suspect} AS SELECT * FROM {table} WHERE {may_break}"
    )
    sql, params = reject_query(source.name, suspect, rules)
    con.execute(f"INSERT INTO rejects {sql}", params)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {broken} AS SELECT * FROM {suspect} "
        "SEMI JOIN (SELECT file_seq, row_number FROM rejects WHERE source = ?) "
        "USING (file_seq, row_number)",
        [source.name],
    )
    kept = f"(SELECT * FROM {table} ANTI JOIN {broken} USING (file_seq, row_number))"
    # IS NOT DISTINCT FROM: rows without an id (an alias of punctuation only) are one record.
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE superseded_{source.name} AS "
        f"SELECT k.file_seq, k.row_number FROM {kept} AS k "
        f"JOIN (SELECT {id_column} AS id FROM {kept} GROUP BY ALL HAVING count(*) > 1) AS r "
        f"ON k.{id_column} IS NOT DISTINCT FROM r.id "
        f"QUALIFY row_number() OVER (PARTITION BY k.{id_column} "
        "ORDER BY k.file_seq DESC, k.row_number DESC) > 1"
    )
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW accepted_{source.name} AS "
        f"SELECT k.*, x.file_seq IS NULL AS is_latest FROM {kept} AS k "
        f"LEFT JOIN superseded_{source.name} AS x "
        "ON x.file_seq = k.file_seq AND x.row_number = k.row_number"
    )


def transform(
    con: duckdb.DuckDBPyConnection,
    files: list[RawFile],
    settings: TransformSettings,
    boundaries: BoundaryInput | None = None,
    *,
    checking: bool = False,
) -> None:
    """Build `core`, then `marts`, from the raw exports; `rejects` and `accepted_*` say what
    became of rows. The extract tables of `files` are dropped once stacked.

    `checking`: only what the rules need (no boundaries, no marts), to tell what a load
    would reject (etl.warehouse.verdict)."""
    con.execute(
        "CREATE SCHEMA IF NOT EXISTS core; CREATE SCHEMA IF NOT EXISTS marts; "
        "CREATE SCHEMA IF NOT EXISTS etl;"
    )
    register_reference(con, settings)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE raw_rows (source VARCHAR, file_seq INTEGER, rows BIGINT)"
    )
    for source in READ_SOURCES:
        register_raw(con, source, files, settings.redactor)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE rejects (source VARCHAR, rule VARCHAR, file_seq INTEGER, "
        "path VARCHAR, row_number INTEGER, field VARCHAR, value VARCHAR, reason VARCHAR, "
        "record_id VARCHAR, parent_id VARCHAR)"
    )

    settings.progress("Gemeenten herkennen ...")
    run_models(con, "staging/stg_aliases")
    release_raw(con, ALIASES, files)
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
    release_raw(con, ERASURES, files)

    settings.progress("Initiatieven controleren ...")
    run_models(
        con,
        "staging/initiative_theme_parts",
        "staging/written_codes",
        "staging/written_dates",
        "staging/stg_initiative_themes",
        "staging/stg_initiatives",
    )
    release_raw(con, INITIATIVES, files)
    validate(con, INITIATIVES, initiative_rules(settings.as_of, settings.province))
    run_models(con, "staging/stg_regions")
    release_raw(con, REGIONS, files)
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
    if not checking:
        load_boundaries(con, boundaries, settings.province, settings.progress)

    settings.progress("Knelpunten controleren ...")
    run_models(con, "staging/stg_obstacles")
    release_raw(con, OBSTACLES, files)
    validate(con, OBSTACLES, obstacle_rules(settings.as_of, settings.province))

    settings.progress("Reacties controleren ...")
    run_models(con, "staging/stg_responses")
    release_raw(con, RESPONSES, files)
    validate(con, RESPONSES, response_rules(settings.as_of))
    run_models(con, "staging/stg_checks")
    release_raw(con, CHECKS, files)
    validate(con, CHECKS, check_rules(settings.as_of))
    run_models(con, "core/responses", "core/obstacle_checks", "core/obstacles")
    count_file_outcomes(con)
    if checking:
        return
    release_staging(con, OBSTACLES, RESPONSES, CHECKS)

    settings.progress(SCORECARD["progress"])
    build_marts(con)


def release_staging(con: duckdb.DuckDBPyConnection, *sources: Source) -> None:
    """Once core is built, the large staging tables are let go before the marts."""
    for source in sources:
        table, _ = STAGED[source.name]
        con.execute(f"DROP VIEW accepted_{source.name}")
        con.execute(f"DROP TABLE {table}")


def file_outcomes(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Per file read: rows read, loaded, rejected, superseded and erased."""
    return con.execute("SELECT * FROM file_outcome_counts ORDER BY file_seq").df()


def count_file_outcomes(con: duckdb.DuckDBPyConnection) -> None:
    """file_outcome_counts: per file read, rows read, loaded, rejected, superseded and erased.

    Every staged row is rejected (`broken_<source>`) or accepted; a row read but not
    staged was erased."""
    parts = []
    for source in (*DATA_SOURCES, CHECKS, ALIASES, REGIONS):
        table, _ = STAGED[source.name]
        parts.append(
            f"""
            SELECT r.file_seq,
                r.rows AS rows_read,
                coalesce(a.loaded, 0) AS rows_loaded,
                coalesce(j.rejected, 0) AS rows_rejected,
                coalesce(a.superseded, 0) AS rows_superseded,
                r.rows - coalesce(s.staged, 0) AS rows_erased
            FROM raw_rows AS r
            LEFT JOIN (SELECT file_seq, count(*) AS staged FROM {table} GROUP BY file_seq) AS s
                USING (file_seq)
            LEFT JOIN (
                SELECT file_seq, count(*) FILTER (WHERE is_latest) AS loaded,
                    count(*) FILTER (WHERE NOT is_latest) AS superseded
                FROM accepted_{source.name} GROUP BY file_seq
            ) AS a USING (file_seq)
            LEFT JOIN (
                SELECT file_seq, count(*) AS rejected FROM broken_{source.name} GROUP BY file_seq
            ) AS j USING (file_seq)
            WHERE r.source = '{source.name}'
            """
        )
    parts.append("SELECT file_seq, rows, rows, 0, 0, 0 FROM raw_rows WHERE source = 'erasures'")
    con.execute(f"CREATE OR REPLACE TEMP TABLE file_outcome_counts AS {' UNION ALL '.join(parts)}")
