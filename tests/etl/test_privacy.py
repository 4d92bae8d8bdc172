"""No personal data in the warehouse: every text column of every table is scanned.

The patterns here are deliberately written apart from the ETL's redaction macros, so the
test checks the outcome, not the implementation.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from etl.extract import discover, read_export
from tests.support.exports import INITIATIVES
from tests.support.personal import PERSONAL, write_personal_everywhere

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
# A postcode in running text: "3511 AB", "3511AB", "3511ab", or "3511 ab" with a house
# number; "in 2024 is" is ordinary text.
POSTCODE = re.compile(r"\b[1-9]\d{3}(?: ?[A-Z]{2}|[a-z]{2})\b|\b[1-9]\d{3} [a-z]{2},? \d")
PHONE_CANDIDATE = re.compile(r"(?:\+|\b)[\d][\d ()\-.]{7,}\d")


def looks_like_phone(text: str) -> bool:
    for match in PHONE_CANDIDATE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if (digits.startswith("0") and len(digits) == 10) or (
            digits.startswith("31") and len(digits) in (11, 12)
        ):
            return True
    return False


def text_cells(path: Path) -> list[tuple[str, str, str]]:
    """(table, column, value) for every non-empty text cell in the warehouse."""
    cells = []
    with duckdb.connect(str(path), read_only=True) as con:
        columns = con.execute(
            "SELECT schema_name || '.' || table_name, column_name FROM duckdb_columns() "
            "WHERE database_name = current_database() AND data_type = 'VARCHAR' "
            "AND schema_name IN ('core', 'marts', 'etl')"
        ).fetchall()
        for table, column in columns:
            for (value,) in con.execute(
                f'SELECT DISTINCT "{column}" FROM {table} WHERE "{column}" IS NOT NULL'
            ).fetchall():
                cells.append((table, column, value))
    return cells


def leaks(path: Path, contact_names: set[str]) -> list[tuple[str, str, str, str]]:
    found = []
    for table, column, value in text_cells(path):
        # sha256 digests and file paths are not free text
        if column in ("sha256",):
            continue
        if EMAIL.search(value):
            found.append(("e-mail", table, column, value))
        if POSTCODE.search(value) and column not in ("path", "source_path"):
            found.append(("postcode", table, column, value))
        if looks_like_phone(value):
            found.append(("telefoon", table, column, value))
        lowered = value.lower()
        found += [
            ("naam", table, column, value) for name in contact_names if name.lower() in lowered
        ]
    return found


def contact_names_in(raw: Path) -> set[str]:
    names: set[str] = set()
    for found in discover(raw).files:
        frame = read_export(found).frame
        if frame is not None and "contactpersoon" in frame:
            names |= set(frame["contactpersoon"].dropna())
    return names


def test_fixture_warehouse_holds_no_personal_data(fixture_warehouse: Path) -> None:
    names = {row[10] for row in INITIATIVES if row[10]}
    assert names == {"Anna de Vries", "Piet Bakker"}
    assert leaks(fixture_warehouse, names) == []


@pytest.mark.slow
def test_demo_warehouse_holds_no_personal_data(demo_exports: Path, demo_warehouse: Path) -> None:
    names = contact_names_in(demo_exports)
    assert len(names) > 100
    assert leaks(demo_warehouse, names) == []


def test_redaction_keeps_ordinary_text(fixture_warehouse: Path) -> None:
    with duckdb.connect(str(fixture_warehouse), read_only=True) as con:
        descriptions = dict(
            con.execute("SELECT initiative_id, description FROM core.initiatives").fetchall()
        )
    assert descriptions["INI-01"] == "Mail [naam] via [e-mail] of bel [telefoon]."
    assert descriptions["INI-02"] == "Zonnedak op het dorpshuis, postcode [postcode]."
    assert descriptions["INI-03"] == "In 2024 is de subsidie gestopt."


def test_the_scan_would_catch_a_leak(tmp_path: Path) -> None:
    """Guard against a scan that cannot fail: plant personal data and find it."""
    path = tmp_path / "leaky.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE SCHEMA core")
        con.register(
            "leaky",
            pd.DataFrame(
                {
                    "note": [
                        "bel 06-12345678",
                        "mail x@example.org",
                        "3511 AB 1",
                        "Anna de Vries belde",
                        "+31 (0)30 123 4567",
                        "niets aan de hand in 2024",
                    ]
                }
            ),
        )
        con.execute("CREATE TABLE core.leaky AS SELECT * FROM leaky")
    kinds = [kind for kind, *_ in leaks(path, {"Anna de Vries"})]
    assert sorted(kinds) == ["e-mail", "naam", "postcode", "telefoon", "telefoon"]


# --- personal data in every place an export can put it -----------------------------------


def test_no_personal_string_anywhere_in_the_warehouse(tmp_path: Path) -> None:
    from etl.warehouse import build
    from tests.support.exports import AS_OF

    raw = tmp_path / "raw"
    write_personal_everywhere(raw)
    target = tmp_path / "omzien.duckdb"
    build(raw, target, as_of=AS_OF, province="Utrecht")
    # Erase the initiative that was rejected in load 1: its reject leaves the history too.
    (raw / "verwijderen.csv").write_text("initiatief_id\nP4\n", encoding="utf-8")
    build(raw, target, as_of=AS_OF, province="Utrecht")
    found = [
        (table, column, value)
        for table, column, value in text_cells(target)
        for personal in [*PERSONAL, "Geheim"]
        if column != "sha256" and re.search(rf"(?<!\w){re.escape(personal)}(?!\w)", value, re.I)
    ]
    assert found == []
    assert leaks(target, {"Klaas Klaassen", "Marieke van der Wal", "Ans Bakker"}) == []
    with duckdb.connect(str(target), read_only=True) as con:
        # the rest still loads; the surplus cells, the unknown header and the rejects are there
        assert con.execute("SELECT count(*) FROM core.initiatives").fetchone()[0] == 2
        assert con.execute("SELECT count(*) FROM etl.rejects WHERE record_id = 'P3'").fetchone()[0]
        warning = con.execute(
            "SELECT message FROM etl.warnings WHERE kind = 'unknown_columns' AND load_id = 2"
        ).fetchone()[0]
    assert "vragen aan [e-mail] of [telefoon]" in warning


def test_rejects_of_earlier_loads_are_redacted_again(tmp_path: Path) -> None:
    """A load before surplus cells were left unquoted (or before streets were redacted)
    kept them in etl.rejects; the next load carries that history over without them."""
    from etl.warehouse import build
    from tests.support.exports import AS_OF

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "initiatieven.csv").write_text(
        "initiatief_id;naam;gemeente;geregistreerd_op\n"
        "I1;Buurtkamer;Utrecht;2024-01-01\n"
        "I2;Tuin;Utrect;2024-01-01;Lindelaan 12\n",
        encoding="utf-8",
    )
    target = tmp_path / "omzien.duckdb"
    build(raw, target, as_of=AS_OF, province="Utrecht")
    with duckdb.connect(str(target)) as con:
        # As an earlier version stored them: the surplus cell quoted, a street kept.
        con.execute(
            "UPDATE etl.rejects SET value = 'Lindelaan 12 | Hendrika Zwanenburg', "
            "reason = 'De rij heeft meer velden dan de kopregel (extra: ''Lindelaan 12 | "
            "Hendrika Zwanenburg'')' WHERE rule = 'extra_fields'"
        )
        con.execute(
            "UPDATE etl.rejects SET value = 'Kerkstr. 7a', reason = 'Gemeente ''Kerkstr. 7a'' "
            "is niet gevonden.' WHERE rule = 'municipality_unknown'"
        )
    build(raw, target, as_of=AS_OF, province="Utrecht")
    with duckdb.connect(str(target), read_only=True) as con:
        earlier = con.execute(
            "SELECT rule, value, reason FROM etl.rejects WHERE load_id = 1 ORDER BY rule"
        ).fetchall()
    assert [rule for rule, *_ in earlier] == ["extra_fields", "municipality_unknown"]
    (_, surplus_value, surplus_reason), (_, value, reason) = earlier
    assert surplus_value is None
    assert "meer velden dan de kopregel" in surplus_reason
    assert "Lindelaan" not in surplus_reason
    assert "Zwanenburg" not in surplus_reason
    assert (value, reason) == ("[adres]", "Gemeente '[adres]' is niet gevonden.")
