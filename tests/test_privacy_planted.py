"""Personal data planted in every position of every source reaches no table, no CLI output
and no page; the analyst still finds every rejected row by file and row number.

The fixture (tests/support/planted.py) plants a contact person, a stranger, a street with
a house number, an e-mail address, a phone number and a postcode in known fields, surplus
cells, cells under unknown or no headers, a headerless file, a file missing columns, a
boundary file, and in a row broken for each rule. Hypothesis draws the strings (names,
streets, notations); the scan looks for each of them in every text cell of the warehouse
and in everything `omzien etl run|status|rejects` prints or writes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cli import common
from cli.main import app
from etl import validation
from tests.support.exports import AS_OF
from tests.support.pages import PAGES, QUERIES, open_page, page_texts
from tests.support.planted import EXAMPLE, Personal, Planted, with_ambiguous_places, write_planted

FIRST_NAMES = ["Gerrit", "Wilma", "Hendrik", "Joke", "Teun", "Femke", "Aaltje", "Reinier"]
LAST_NAMES = ["Okkerse", "Zwanenburg", "Brouwer", "Smulders", "Verbeek", "Kuipers", "Hoekstra"]
STREETS = ["Linde", "Kerk", "Dorps", "Molen", "Beuken", "Sint-Jans", "Eiken", "Vogelzang"]
ENDINGS = ["straat", "laan", "weg", "plein", "singel", "gracht", "kade", "dijk", "dreef", "pad"]
DOMAINS = ["voorbeeld-mail.nl", "example.org", "privé.nl", "buurt.utrecht.nl"]


@st.composite
def personal(draw) -> Personal:
    contact_last, stranger_last = draw(
        st.lists(st.sampled_from(LAST_NAMES), min_size=2, max_size=2, unique=True)
    )
    contact_first, stranger_first = draw(
        st.lists(st.sampled_from(FIRST_NAMES), min_size=2, max_size=2, unique=True)
    )
    prefix = draw(st.sampled_from(STREETS))
    abbreviated = draw(st.booleans()) and prefix != "Sint-Jans"
    street = f"{prefix}str" if abbreviated else f"{prefix}{draw(st.sampled_from(ENDINGS))}"
    number = draw(st.integers(1, 899))
    suffix = draw(st.sampled_from(["", "a", "B", f"-{number + 2}", " bis"]))
    mobile = draw(st.integers(10_000_000, 99_999_999))
    landline = draw(st.integers(1_000_000, 9_999_999))
    phone = draw(
        st.sampled_from(
            [
                f"06-{mobile}",
                f"06 {str(mobile)[:4]} {str(mobile)[4:]}",
                f"+31 6 {mobile}",
                f"030-{landline}",
                f"(030) {str(landline)[:3]} {str(landline)[3:5]} {str(landline)[5:]}",
            ]
        )
    )
    digits = draw(st.integers(1000, 9999))
    letters = draw(st.text("ABCDEGHJKLMNPRTVWXZ", min_size=2, max_size=2))
    postcode = draw(st.sampled_from([f"{digits} {letters}", f"{digits}{letters}"]))
    domain = draw(st.sampled_from(DOMAINS))
    return Personal(
        contact_first=contact_first,
        contact_last=contact_last,
        stranger_first=stranger_first,
        stranger_last=stranger_last,
        street=street,
        house_number=f"{number}{suffix}",
        street_separator=". " if abbreviated else draw(st.sampled_from([" ", " nr. "])),
        email=f"{contact_first.lower()}.{contact_last.lower()}@{domain}",
        phone=phone,
        postcode=postcode,
    )


def every_rule() -> set[str]:
    """Every rule the ETL can reject a row by, and the whole-file and boundary rejects."""
    rules = [
        *validation.initiative_rules(AS_OF, "Utrecht"),
        *validation.obstacle_rules(AS_OF, "Utrecht"),
        *validation.response_rules(AS_OF),
        *validation.check_rules(AS_OF),
        *validation.region_rules("Utrecht", ("stad",)),
        *validation.alias_rules(),
    ]
    return {r.name for r in rules} | {"file_rejected", "boundary_code_invalid"}


def warehouse_hits(path: Path, p: Personal) -> list[tuple[str, str, str]]:
    """(table.column, planted string, value) for every text cell that holds one."""
    found = []
    with duckdb.connect(str(path), read_only=True) as con:
        columns = con.execute(
            "SELECT schema_name, table_name, column_name FROM duckdb_columns() "
            "WHERE database_name = current_database() AND data_type = 'VARCHAR'"
        ).fetchall()
        for schema, table, column in columns:
            if column == "sha256":
                continue
            values = con.execute(
                f'SELECT DISTINCT "{column}" FROM "{schema}"."{table}" WHERE "{column}" IS NOT NULL'
            ).fetchall()
            found += [
                (f"{schema}.{table}.{column}", hit, value)
                for (value,) in values
                for hit in p.hits(value)
            ]
    return found


def cli_outputs(raw: Path, warehouse: Path, rejects_csv: Path) -> dict[str, str]:
    """What `omzien etl run`, `status` and `rejects` (screen and --csv) print and write."""
    runner = CliRunner()
    run = ["--raw", str(raw), "--warehouse", str(warehouse), "--as-of", AS_OF.isoformat()]
    outputs = {}
    for name, args in {
        "etl run": ["etl", "run", *run],
        "etl status": ["etl", "status", "--warehouse", str(warehouse)],
        "etl rejects": ["etl", "rejects", "--warehouse", str(warehouse), "--limit", "100000"],
        "etl rejects --csv": [
            "etl",
            "rejects",
            "--warehouse",
            str(warehouse),
            "--csv",
            str(rejects_csv),
            "--overwrite",
        ],
    }.items():
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (name, result.output, result.exception)
        assert "Traceback" not in result.output
        outputs[name] = result.output
    outputs["rejects csv file"] = rejects_csv.read_text(encoding="utf-8-sig")
    return outputs


def build_planted(root: Path, p: Personal, patch: pytest.MonkeyPatch) -> tuple[Planted, dict]:
    """Plant `p`, run the CLI twice on one warehouse (a second load carries the first's
    rejects over), and return what was planted with what the CLI said the second time."""
    shutil.rmtree(root, ignore_errors=True)
    raw, warehouse = root / "raw", root / "wh" / "omzien.duckdb"
    planted = write_planted(raw, p)
    with_ambiguous_places(patch)
    # A wide screen: a table cell that rich folds over two lines would hide a string.
    patch.setattr(common.console, "width", 5_000)
    cli_outputs(raw, warehouse, root / "afgekeurd.csv")
    return planted, cli_outputs(raw, warehouse, root / "afgekeurd.csv")


def assert_nothing_personal(root: Path, p: Personal, planted: Planted, outputs: dict) -> None:
    warehouse = root / "wh" / "omzien.duckdb"
    assert warehouse_hits(warehouse, p) == []
    assert {name: p.hits(text) for name, text in outputs.items() if p.hits(text)} == {}
    # Every kind of reject was made, and each planted row is found by file and row number.
    assert every_rule() <= planted.rules
    with duckdb.connect(str(warehouse), read_only=True) as con:
        stored = set(
            con.execute(
                "SELECT path, row_number, rule FROM etl.rejects "
                "WHERE load_id = (SELECT max(load_id) FROM etl.loads)"
            ).fetchall()
        )
    assert [r for r in planted.rejects if r not in stored] == []
    listed = outputs["rejects csv file"]
    for path, row, _rule in planted.rejects:
        assert (f"{path};{row};" if row else f"{path};;") in listed


@pytest.mark.slow
@settings(
    max_examples=8,
    deadline=None,
    # Each example is two builds: a failure is reported as drawn, not shrunk for minutes.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(p=personal())
def test_planted_personal_data_reaches_no_table_and_no_cli_output(tmp_path: Path, p) -> None:
    with pytest.MonkeyPatch.context() as patch:
        planted, outputs = build_planted(tmp_path / "planted", p, patch)
    assert_nothing_personal(tmp_path / "planted", p, planted, outputs)


def test_the_scan_finds_what_is_planted(tmp_path: Path) -> None:
    """Guard against a scan that cannot fail: every planted string is found where it stands
    as written, in the exports themselves and in a warehouse cell."""
    raw = tmp_path / "raw"
    write_planted(raw, EXAMPLE)
    text = "\n".join(f.read_text(encoding="cp1252") for f in raw.glob("reacties_geplant.csv"))
    text += "\n".join(f.read_text(encoding="utf-8") for f in raw.glob("initiatieven*.csv"))
    expected = {
        "contact",
        "contact surname",
        "contact first name",
        "stranger",
        "stranger surname",
        "address",
        "e-mail",
        "e-mail local part",
        "phone",
        "phone digits",
        "postcode",
    }
    assert set(EXAMPLE.hits(text)) == expected
    leaky = tmp_path / "leaky.duckdb"
    with duckdb.connect(str(leaky)) as con:
        con.execute("CREATE TABLE t AS SELECT ? AS v", [f"staat op {EXAMPLE.address}"])
    assert [hit for _, hit, _ in warehouse_hits(leaky, EXAMPLE)] == ["address"]


@pytest.fixture(scope="module")
def planted_warehouse(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("planted")
    with pytest.MonkeyPatch.context() as patch:
        planted, outputs = build_planted(root, EXAMPLE, patch)
    assert_nothing_personal(root, EXAMPLE, planted, outputs)
    return root / "wh" / "omzien.duckdb"


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
def test_planted_personal_data_reaches_no_page(planted_warehouse, monkeypatch, page) -> None:
    monkeypatch.setenv("OMZIEN_WAREHOUSE", str(planted_warehouse))
    query = {"gemeente": "GM0344", **QUERIES.get(page, {})}
    at = open_page(page, query)
    assert not at.exception
    texts = page_texts(at)
    assert {hit for text in texts for hit in EXAMPLE.hits(text)} == set()
    if page == "quality":  # the page of the rejects: the analyst finds the rows there
        assert any("initiatieven_geplant.csv" in t for t in texts)


@pytest.mark.slow
def test_planted_personal_data_reaches_no_download(planted_warehouse) -> None:
    from dashboard import exports

    with duckdb.connect(str(planted_warehouse), read_only=True) as con:
        files = [exports.rejects_csv(con, load).decode("utf-8-sig") for load in (1, 2)]
    assert {hit for text in files for hit in EXAMPLE.hits(text)} == set()
    assert "knelpunten_geplant.csv" in files[1]
