"""Form-tool exports load as they are, through the shipped example mappings (docs/kolommen/):
the real header layouts of Microsoft Forms (xlsx), Google Forms (csv, Dutch locale),
KoboToolbox (xlsx, one column per option), ODK Central and LimeSurvey (csv)."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import duckdb
import openpyxl
import pytest

from etl.settings import PROJECT_ROOT
from etl.warehouse import build

AS_OF = date(2026, 12, 1)
EXAMPLES = PROJECT_ROOT / "docs" / "kolommen"
PERSONAL = ("jan.visser@example.org", "Jan Visser", "06-12345678")

MS_FORMS = [
    "ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
    "Nummer van uw initiatief", "Gemeente", "Thema", "Soort knelpunt", "Hoe ernstig is het?",
    "Wat is het knelpunt?",
]  # fmt: skip
KOBO = [
    "start", "end", "Naam van het initiatief", "Gemeente", "Waar werkt u aan?",
    "Waar werkt u aan?/Zorg en welzijn", "Waar werkt u aan?/Ontmoeting",
    "Waar werkt u aan?/Energie", "Waar werkt u aan?/Vervoer", "Opgericht in",
    "Mogen we u tonen in de openbare kennisbank?", "_id", "_uuid", "_submission_time",
    "_validation_status", "_notes", "_status", "_submitted_by", "__version__", "_tags",
    "_index",
]  # fmt: skip


def xlsx(path: Path, header: list[str], rows: list[list[object]]) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def write_exports(raw: Path, extra_question: bool = False) -> None:
    raw.mkdir(parents=True)
    for example in EXAMPLES.glob("*.csv"):
        shutil.copy(example, raw / f"kolommen_{example.name}")
    (raw / "initiatieven.csv").write_text(
        "initiatief_id;naam;gemeente;geregistreerd_op\nINI-1;Buurtkamer Oost;Utrecht;2022-03-05\n",
        encoding="utf-8",
    )
    header = MS_FORMS + (["Hoe hoorde u van ons?"] if extra_question else [])
    xlsx(
        raw / "knelpunten_msforms.xlsx",
        header,
        [
            [1, datetime(2026, 11, 3, 9, 12), datetime(2026, 11, 3, 9, 20), PERSONAL[0],
             PERSONAL[1], None, "INI-1", "Utrecht", "Zorg en welzijn",
             "Financiering en subsidie", "Hoog", "De subsidie voor de maaltijden stopt."]
            + (["Via de krant"] if extra_question else []),
            [2, datetime(2026, 11, 4, 14, 0), datetime(2026, 11, 4, 14, 5), "anonymous", "",
             None, "INI-1", "Bilthoven", "Vervoer", "Regels en vergunningen", "Midden", ""]
            + ([""] if extra_question else []),
        ],
    )  # fmt: skip
    (raw / "knelpunten_google.csv").write_text(
        "Tijdstempel,E-mailadres,Nummer van uw initiatief,Gemeente,Thema,Soort knelpunt,"
        "Hoe ernstig is het?,Wat is het knelpunt?\n"
        f"5-11-2026 15:41:12,{PERSONAL[0]},INI-1,Zeist,Wonen,Huisvesting en ruimte,laag,"
        '"Geen ruimte meer, na 1 januari."\n',
        encoding="utf-8",
    )
    (raw / "initiatieven_google.csv").write_text(
        "Tijdstempel,E-mailadres,Naam van het initiatief,Gemeente,Kern of wijk,"
        "Waar werkt u aan?,Rechtsvorm,Opgericht in,Website,Vertel kort over uw initiatief,"
        "Mogen we u tonen in de openbare kennisbank?,Contactpersoon,Telefoonnummer\n"
        f"12-10-2026 10:02:03,{PERSONAL[0]},Samen Eten,Houten,,"
        '"Zorg en welzijn, Ontmoeting en eenzaamheid",Stichting,2019,,'
        f"Wekelijks samen eten,Ja,{PERSONAL[1]},{PERSONAL[2]}\n",
        encoding="utf-8",
    )
    xlsx(
        raw / "initiatieven_kobo.xlsx",
        KOBO,
        [
            ["2026-10-01T10:00:00", "2026-10-01T10:07:00", "Energie Eemnes", "Eemnes",
             "Energie Vervoer", 0, 0, 1, 1, 2021, "nee", 101,
             "3f9c1a2e-5b7d-4c1e-9a0b-1d2e3f4a5b6c", "2026-10-01T08:07:31", "", "",
             "submitted_via_web", "", "vAbC123", "", 1],
        ],
    )  # fmt: skip
    (raw / "knelpunten_odk.csv").write_text(
        "SubmissionDate,initiatief,gemeente,thema,soort,omschrijving,meta-instanceID,KEY,"
        "SubmitterID,SubmitterName,AttachmentsPresent,AttachmentsExpected,Status,"
        "ReviewState,DeviceID,Edits,FormVersion\n"
        "2026-11-20T10:15:02.123Z,INI-1,Utrecht,ontmoeting,samenwerking,Geen aanspreekpunt,"
        "uuid:7d1c,uuid:7d1c,5,veldwerker,0,0,,,,0,2026110101\n",
        encoding="utf-8",
    )
    (raw / "initiatieven_limesurvey.csv").write_text(
        "id,submitdate,lastpage,startlanguage,seed,startdate,datestamp,naam,gemeente,"
        "themas[SQ001],themas[SQ002],themas[SQ003],themas[SQ004],zichtbaar\n"
        "7,2026-09-30 12:01:00,3,nl,123456,2026-09-30 11:55:00,2026-09-30 12:01:00,"
        "Buurtbus Lopik,Lopik,,,,Y,ja\n",
        encoding="utf-8",
    )


def every_text(con: duckdb.DuckDBPyConnection) -> str:
    tables = con.execute(
        "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = "
        "current_database()"
    ).fetchall()
    return "\n".join(
        str(row)
        for schema, table in tables
        for row in con.sql(f'FROM "{schema}"."{table}"').fetchall()
    )


@pytest.mark.slow
def test_form_tool_exports_load_through_the_example_mappings(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    write_exports(raw)
    target = tmp_path / "omzien.duckdb"
    build(raw, target, as_of=AS_OF, province="Utrecht")
    with duckdb.connect(str(target), read_only=True) as con:
        files = {
            p: (read, loaded, rejected, error)
            for p, read, loaded, rejected, error in con.execute(
                "SELECT path, rows_read, rows_loaded, rows_rejected, error FROM etl.files"
            ).fetchall()
        }
        obstacles = {
            r[0]: r[1:]
            for r in con.execute(
                "SELECT obstacle_id, cbs_code, reported_at, theme, category, severity, "
                "description FROM core.obstacles"
            ).fetchall()
        }
        initiatives = dict(
            con.execute(
                "SELECT i.name, list(t.theme ORDER BY t.theme) FROM core.initiatives AS i "
                "LEFT JOIN core.initiative_themes AS t USING (initiative_id) GROUP BY ALL"
            ).fetchall()
        )
        registered = dict(
            con.execute("SELECT name, registered_at FROM core.initiatives").fetchall()
        )
        warnings = con.execute("SELECT kind FROM etl.warnings").fetchall()
        text = every_text(con)
    for path in ("knelpunten_msforms.xlsx", "knelpunten_google.csv", "knelpunten_odk.csv",
                 "initiatieven_google.csv", "initiatieven_kobo.xlsx",
                 "initiatieven_limesurvey.csv"):  # fmt: skip
        read, loaded, rejected, error = files[path]
        assert (loaded, rejected, error) == (read, 0, None), path
    assert obstacles["msforms-1"] == (
        "GM0344", date(2026, 11, 3), "zorg_welzijn", "financiering", 3,
        "De subsidie voor de maaltijden stopt.",
    )  # fmt: skip
    assert obstacles["msforms-2"][:5] == (
        "GM0310",
        date(2026, 11, 4),
        "mobiliteit",
        "regelgeving",
        2,
    )
    assert obstacles["gforms-5-11-2026 15:41:12"][:5] == (
        "GM0355", date(2026, 11, 5), "wonen", "huisvesting", 1,
    )  # fmt: skip
    assert obstacles["uuid:7d1c"][:4] == (
        "GM0344",
        date(2026, 11, 20),
        "ontmoeting",
        "samenwerking",
    )
    assert initiatives["Samen Eten"] == ["ontmoeting", "zorg_welzijn"]  # ", "-joined options
    assert initiatives["Energie Eemnes"] == ["energie", "mobiliteit"]  # a column per option
    assert initiatives["Buurtbus Lopik"] == ["mobiliteit"]  # LimeSurvey [SQ00n], Y
    assert registered["Energie Eemnes"] == date(2026, 10, 1)
    assert ("mapping_row",) not in warnings
    assert ("unmatched_file",) not in warnings  # the kolommen files are no strangers
    assert [p for p in PERSONAL if p in text] == []  # e-mail, names and phones stay out


@pytest.mark.slow
def test_an_export_with_a_question_the_mapping_does_not_know_is_rejected_whole(
    tmp_path: Path,
) -> None:
    raw = tmp_path / "raw"
    write_exports(raw, extra_question=True)
    (raw / "kolommen_fout.csv").write_text(
        "bron,kolom,veld\nknelpunten,Hoe laat?,tijdstip\nenquetes,Vraag 1,naam\n",
        encoding="utf-8",
    )
    target = tmp_path / "omzien.duckdb"
    build(raw, target, as_of=AS_OF, province="Utrecht")
    with duckdb.connect(str(target), read_only=True) as con:
        error = con.execute(
            "SELECT error FROM etl.files WHERE path = 'knelpunten_msforms.xlsx'"
        ).fetchone()[0]
        loaded = con.execute(
            "SELECT count(*) FROM core.obstacles WHERE obstacle_id LIKE 'msforms-%'"
        ).fetchone()[0]
        warnings = [
            m for (m,) in con.execute(
                "SELECT message FROM etl.warnings WHERE kind = 'mapping_row' ORDER BY message"
            ).fetchall()
        ]  # fmt: skip
        others = con.execute(
            "SELECT count(*) FROM core.obstacles WHERE obstacle_id LIKE 'gforms-%'"
        ).fetchone()[0]
    assert "'Hoe hoorde u van ons?'" in error
    assert "kolommen.csv" in error
    assert loaded == 0
    assert others == 1  # the other exports still load
    assert len(warnings) == 2
    assert "rij 2: onbekend veld 'tijdstip' voor knelpunten" in warnings[0]
    assert "rij 3: onbekende bron 'enquetes'" in warnings[1]
