"""Shared helpers for the ETL tests: write real exports, run the real build, read the result.

Exports are written the way analysts' tools write them (csv in a chosen encoding and
delimiter, xlsx through openpyxl with real date cells); the warehouse is the real DuckDB
file `etl.warehouse.build` leaves behind, opened read-only.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

import duckdb
import pytest
from openpyxl import Workbook

from etl.warehouse import LoadResult, build

PROVINCE = "Utrecht"

Row = Mapping[str, object]


# ---------------------------------------------------------------- writing export files


def columns_of(rows: Iterable[Row]) -> list[str]:
    """Union of the rows' keys in order of first appearance."""
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def csv_text(
    header: Sequence[str], rows: Iterable[Sequence[object]], *, delimiter: str = ","
) -> str:
    """Csv text as Excel writes it: minimal quoting, CRLF between records."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return buffer.getvalue()


class Exports:
    """Writes export files into one raw folder, as analysts' tools write them.

    The row builders give one valid row with sane defaults; keyword arguments override or
    add columns, so a test only spells out what it is about.
    """

    def __init__(self, raw: Path) -> None:
        self.raw = raw

    @staticmethod
    def initiative(initiative_id: str, **values: object) -> dict[str, object]:
        return {
            "initiatief_id": initiative_id,
            "naam": f"Initiatief {initiative_id}",
            "gemeente": "Utrecht",
            "geregistreerd_op": "2024-03-05",
            **values,
        }

    @staticmethod
    def obstacle(obstacle_id: str, **values: object) -> dict[str, object]:
        return {
            "knelpunt_id": obstacle_id,
            "gemeente": "Utrecht",
            "gemeld_op": "2024-04-01",
            "thema": "zorg",
            "categorie": "subsidie",
            **values,
        }

    @staticmethod
    def response(response_id: str, obstacle_id: str, **values: object) -> dict[str, object]:
        return {
            "reactie_id": response_id,
            "knelpunt_id": obstacle_id,
            "datum": "2024-05-01",
            "uitkomst": "ontvangen",
            **values,
        }

    def bytes(self, name: str, content: bytes) -> Path:
        path = self.raw / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        return path

    def csv(
        self,
        name: str,
        rows: Sequence[Row] | Sequence[Sequence[object]],
        *,
        header: Sequence[str] | None = None,
        delimiter: str = ",",
        encoding: str = "utf-8",
    ) -> Path:
        """Dict rows (or cell rows under `header`) to a csv file in `encoding`.

        For dict rows `header` names and orders the columns (default: all keys).
        """
        if rows and not isinstance(rows[0], Mapping):
            assert header is not None, "cell rows need a header"
            cells = rows
        else:
            header = list(header or columns_of(rows))
            cells = [[row.get(column) for column in header] for row in rows]
        text = csv_text(header, cells, delimiter=delimiter)
        return self.bytes(name, text.encode(encoding))

    def xlsx(self, name: str, sheets: Mapping[str, Sequence[Sequence[object]]]) -> Path:
        """A workbook with the given sheets in order; each sheet is a list of rows of cells.

        Python dates and datetimes become real Excel date cells; ints and floats number cells.
        """
        workbook = Workbook()
        workbook.remove(workbook.active)
        for title, rows in sheets.items():
            sheet = workbook.create_sheet(title)
            for row in rows:
                sheet.append(list(row))
        path = self.raw / name
        path.parent.mkdir(parents=True, exist_ok=True)
        workbook.save(path)
        return path

    @staticmethod
    def sheet(rows: Sequence[Row], header: Sequence[str] | None = None) -> list[list[object]]:
        """Dict rows to header + cell rows for `xlsx`."""
        header = list(header or columns_of(rows))
        return [header, *([row.get(column) for column in header] for row in rows)]


# ---------------------------------------------------------------- the built warehouse


@dataclass
class Warehouse:
    """The warehouse one real ETL run built, with small read-only query helpers."""

    path: Path
    raw: Path
    result: LoadResult

    @cached_property
    def con(self) -> duckdb.DuckDBPyConnection:
        return duckdb.connect(str(self.path), read_only=True)

    def close(self) -> None:
        if "con" in self.__dict__:
            self.con.close()

    def query(self, sql: str, params: Sequence[object] = ()) -> list[dict[str, object]]:
        cursor = self.con.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]

    def one(self, sql: str, params: Sequence[object] = ()) -> dict[str, object] | None:
        rows = self.query(sql, params)
        assert len(rows) <= 1, rows
        return rows[0] if rows else None

    def ids(self, table: str) -> set[str]:
        key = {
            "initiatives": "initiative_id",
            "obstacles": "obstacle_id",
            "responses": "response_id",
        }[table]
        return {r[key] for r in self.query(f"SELECT {key} FROM core.{table}")}

    def initiative(self, initiative_id: str) -> dict[str, object] | None:
        return self.one("SELECT * FROM core.initiatives WHERE initiative_id = ?", [initiative_id])

    def obstacle(self, obstacle_id: str) -> dict[str, object] | None:
        return self.one("SELECT * FROM core.obstacles WHERE obstacle_id = ?", [obstacle_id])

    def response(self, response_id: str) -> dict[str, object] | None:
        return self.one("SELECT * FROM core.responses WHERE response_id = ?", [response_id])

    def themes(self, initiative_id: str) -> set[str]:
        rows = self.query(
            "SELECT theme FROM core.initiative_themes WHERE initiative_id = ?", [initiative_id]
        )
        return {r["theme"] for r in rows}

    def rejects(self, path: str | None = None) -> list[dict[str, object]]:
        """Rejects of this run (all files, or one), in file and row order."""
        where = "load_id = ?" + (" AND path = ?" if path else "")
        params = [self.result.load_id, *([path] if path else [])]
        return self.query(
            f"SELECT * FROM etl.rejects WHERE {where} ORDER BY path, row_number, field", params
        )

    def rejected_rows(self, path: str) -> set[int]:
        return {r["row_number"] for r in self.rejects(path)}

    def file(self, path: str) -> dict[str, object]:
        row = self.one(
            "SELECT * FROM etl.files WHERE load_id = ? AND path = ?",
            [self.result.load_id, path],
        )
        assert row is not None, f"{path} not in etl.files"
        return row

    def warnings(self) -> list[dict[str, object]]:
        return self.query(
            "SELECT * FROM etl.warnings WHERE load_id = ? ORDER BY path, kind",
            [self.result.load_id],
        )

    # ------------------------------------------------------------ assertions

    def assert_rejected(
        self,
        path: str,
        row_number: int,
        *,
        field: str,
        value: object,
        words: Sequence[str] = (),
    ) -> dict[str, object]:
        """The row is rejected for exactly one reason, on `field`, quoting `value`, in Dutch.

        `value` may be a predicate when more than one way of showing it is fine.
        """
        rejects = [r for r in self.rejects(path) if r["row_number"] == row_number]
        assert len(rejects) == 1, f"{path} row {row_number}: expected one reject, got {rejects}"
        reject = rejects[0]
        assert reject["field"] == field, f"{reject}"
        if callable(value):
            assert value(reject["value"]), f"{reject}"
        else:
            assert reject["value"] == value, f"{reject}"
        for word in words:
            assert word in reject["reason"], f"{word!r} not in reason {reject['reason']!r}"
        return reject

    def assert_file_counts(
        self,
        path: str,
        *,
        read: int,
        loaded: int,
        rejected: int = 0,
        superseded: int = 0,
        erased: int = 0,
    ) -> None:
        """etl.files says what became of every row of the file, and the counts add up."""
        f = self.file(path)
        names = ("read", "loaded", "rejected", "superseded", "erased")
        counts = {k: f[f"rows_{k}"] for k in names}
        expected = dict(zip(names, (read, loaded, rejected, superseded, erased), strict=True))
        assert counts == expected, f"{path}: {counts}"
        assert f["rows_read"] == (
            f["rows_loaded"] + f["rows_rejected"] + f["rows_superseded"] + f["rows_erased"]
        )

    def text_values(self) -> list[str]:
        """Every text value in every table of the warehouse (core, marts and etl)."""
        columns = self.query(
            "SELECT schema_name, table_name, column_name FROM duckdb_columns() "
            "WHERE NOT internal AND data_type = 'VARCHAR' "
            "AND schema_name IN ('core', 'marts', 'etl')"
        )
        selects = [
            f'SELECT "{c["column_name"]}" AS v FROM {c["schema_name"]}."{c["table_name"]}"'
            for c in columns
        ]
        rows = self.query(f"SELECT v FROM ({' UNION ALL '.join(selects)}) WHERE v IS NOT NULL")
        return [r["v"] for r in rows]

    def column_names(self) -> set[str]:
        rows = self.query(
            "SELECT column_name FROM duckdb_columns() WHERE NOT internal "
            "AND schema_name IN ('core', 'marts', 'etl')"
        )
        return {r["column_name"] for r in rows}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Iterator[Callable[..., Warehouse]]:
    """Factory: write exports with `write(Exports(raw))` into a fresh folder, run the real ETL.

    Module-scoped so that one build serves every case of a scenario.
    """

    made: list[Warehouse] = []

    def make(name: str, write: Callable[[Exports], None], *, as_of: date) -> Warehouse:
        raw = tmp_path_factory.mktemp(name) / "raw"
        raw.mkdir()
        write(Exports(raw))
        target = raw.parent / "warehouse" / "omzien.duckdb"
        result = build(raw, target, as_of=as_of, province=PROVINCE)
        made.append(Warehouse(path=target, raw=raw, result=result))
        return made[-1]

    yield make
    for warehouse in made:
        warehouse.close()
