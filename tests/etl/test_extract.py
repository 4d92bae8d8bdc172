"""Extract step: real csv/xlsx files in every accepted shape become text cells with row numbers."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import os
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.contract import ERASURES, INITIATIVES, MISSING_TOKENS, OBSTACLES, RESPONSES, Source
from etl.extract import Extracted, FoundFile, discover, header_key, read_export

OBSTACLE_HEADER = "knelpunt_id;gemeente;gemeld_op;thema;categorie"


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content if isinstance(content, bytes) else content.encode(encoding)
    path.write_bytes(data)
    return path


def read(path: Path, source: Source = OBSTACLES) -> Extracted:
    return read_export(FoundFile(path=path, relpath=path.name, source=source))


def records(extracted: Extracted) -> list[dict]:
    assert extracted.frame is not None, extracted.error
    return extracted.frame.astype(object).where(extracted.frame.notna(), None).to_dict("records")


def column(extracted: Extracted, name: str) -> list:
    return [row[name] for row in records(extracted)]


# --- discover ---------------------------------------------------------------------------------


def test_discover_orders_classifies_and_lists_the_rest(tmp_path: Path):
    for name in [
        "knelpunten_2024.csv",
        "Knelpunten_2023.CSV",
        "2023/reacties_q1.xlsx",
        "sub/deeper/initiatives-export.csv",
        "aliassen.csv",
        "verwijderen.csv",
        "erasure_2024.csv",
        "obstacles.xlsx",
        "aliassen.xlsx",  # aliases are csv only
        "knelpunten.txt",
        "notities.docx",
        "omzien-demo-manifest.json",
        "sub/Omzien-Demo.JSON",
        ".DS_Store",
        "~$knelpunten_2024.xlsx",
        ".verborgen/knelpunten.csv",
        "geo/gemeenten.geojson",
        "geo/knelpunten.csv",
        "sub/geo/knelpunten_geo.csv",
    ]:
        write(tmp_path / name, "x")

    found = discover(tmp_path)

    assert [(f.relpath, f.source.name) for f in found.files] == [
        ("2023/reacties_q1.xlsx", "responses"),
        ("Knelpunten_2023.CSV", "obstacles"),
        ("aliassen.csv", "aliases"),
        ("erasure_2024.csv", "erasures"),
        ("knelpunten_2024.csv", "obstacles"),
        ("obstacles.xlsx", "obstacles"),
        # sub/ holds a demo manifest and real exports lie beside it: the demo is left out
        ("verwijderen.csv", "erasures"),
    ]
    assert found.files[0].path == tmp_path / "2023" / "reacties_q1.xlsx"
    assert found.manifests == [tmp_path / "omzien-demo-manifest.json"]
    assert found.demo_left_out == ["sub"]
    assert found.unmatched == ["aliassen.xlsx", "knelpunten.txt", "notities.docx"]
    # Without the manifest, sub/ is an ordinary folder; only the top-level geo/ is skipped.
    (tmp_path / "sub/Omzien-Demo.JSON").unlink()
    found = discover(tmp_path)
    assert ("sub/geo/knelpunten_geo.csv", "obstacles") in [
        (f.relpath, f.source.name) for f in found.files
    ]
    assert ("sub/deeper/initiatives-export.csv", "initiatives") in [
        (f.relpath, f.source.name) for f in found.files
    ]


def test_discover_empty_folder(tmp_path: Path):
    found = discover(tmp_path)
    assert (found.files, found.manifests, found.unmatched) == ([], [], [])


# --- header_key -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Thema's", "themas"),
        (" THEMA'S ", "themas"),
        ("themas", "themas"),
        ("Thémas", "themas"),
        ("Gemeld op", "gemeldop"),
        ("gemeld_op", "gemeldop"),
        ("Coöperatie", "cooperatie"),
        ("E-mail\u00a0", "email"),
        ("", ""),
    ],
)
def test_header_key(text: str, key: str):
    assert header_key(text) == key


# --- encodings and delimiters -----------------------------------------------------------------


def test_cp1252_semicolon_file(tmp_path: Path):
    content = (
        "initiatief_id;naam;gemeente;Thema's;rechtsvorm;omschrijving;geregistreerd_op\r\n"
        "I1;Coöperatie Één;Utrecht;zorg;Coöperatie;kost € 5 voor ’t dorp;05-03-2024\r\n"
    )
    path = write(tmp_path / "initiatieven.csv", content, "cp1252")
    raw = path.read_bytes()
    assert b"Co\xf6peratie" in raw  # really Windows-1252 bytes: ö, ’ and €
    assert b"\x80 5 voor \x92t" in raw

    extracted = read(path, INITIATIVES)

    assert (extracted.encoding, extracted.delimiter, extracted.error) == ("cp1252", ";", None)
    assert extracted.headers[3] == "Thema's"
    assert records(extracted) == [
        {
            "row_number": 2,
            "initiatief_id": "I1",
            "naam": "Coöperatie Één",
            "gemeente": "Utrecht",
            "themas": "zorg",
            "rechtsvorm": "Coöperatie",
            "omschrijving": "kost € 5 voor ’t dorp",
            "geregistreerd_op": "05-03-2024",
            "extra_cells": None,
            "extra_from": None,
        }
    ]


def test_utf8_with_bom_comma_file(tmp_path: Path):
    content = "knelpunt_id,gemeente,gemeld_op,thema,categorie\nK1,Utrecht,2024-03-05,wonen,geld\n"
    path = write(tmp_path / "knelpunten.csv", codecs.BOM_UTF8 + content.encode())

    extracted = read(path)

    assert (extracted.encoding, extracted.delimiter) == ("utf-8-sig", ",")
    assert extracted.headers[0] == "knelpunt_id"  # no BOM glued to the first header
    assert column(extracted, "knelpunt_id") == ["K1"]


def test_utf8_tab_file(tmp_path: Path):
    content = (
        "knelpunt_id\tgemeente\tgemeld_op\tthema\tcategorie\n"
        "K1\t's-Gravenhage\t5-3-2024\twonen\tgeld, subsidie\n"
    )
    extracted = read(write(tmp_path / "knelpunten.tsv.csv", content))

    assert (extracted.encoding, extracted.delimiter) == ("utf-8", "\t")
    assert column(extracted, "gemeente") == ["'s-Gravenhage"]
    assert column(extracted, "categorie") == ["geld, subsidie"]


def test_latin1_file_with_byte_undefined_in_cp1252(tmp_path: Path):
    content = (OBSTACLE_HEADER + "\nK1;Utr\x81echt;2024-03-05;wonen;geld\n").encode("latin-1")
    extracted = read(write(tmp_path / "knelpunten.csv", content))

    assert extracted.encoding == "latin-1"
    assert column(extracted, "gemeente") == ["Utr\x81echt"]


def test_comma_in_unquoted_text_does_not_beat_the_header_delimiter(tmp_path: Path):
    content = (
        OBSTACLE_HEADER + ";omschrijving\n"
        "K1;Utrecht;2024-03-05;wonen;geld;traag, onduidelijk, duur\n"
        "K2;Zeist;2024-03-06;wonen;geld;ja, nee\n"
    )
    extracted = read(write(tmp_path / "knelpunten.csv", content))

    assert extracted.delimiter == ";"
    assert column(extracted, "omschrijving") == ["traag, onduidelijk, duur", "ja, nee"]


def test_random_bytes_are_rejected_whole(tmp_path: Path):
    path = write(tmp_path / "knelpunten.csv", os.urandom(4096) + bytes(range(256)))
    extracted = read(path)

    assert extracted.frame is None
    assert extracted.rows_read == 0
    assert "knelpunten.csv" in extracted.error
    assert "geen tekstbestand" in extracted.error


def test_utf16_is_rejected_with_a_remedy(tmp_path: Path):
    path = write(tmp_path / "knelpunten.csv", (OBSTACLE_HEADER + "\n").encode("utf-16"))
    extracted = read(path)

    assert extracted.frame is None
    assert "UTF-16" in extracted.error
    assert "CSV UTF-8" in extracted.error


def test_unclosed_quote_is_rejected_whole(tmp_path: Path):
    content = (
        OBSTACLE_HEADER + '\nK1;Utrecht;2024-03-05;wonen;geld\nK2;"Zeist;2024-03-05;wonen;geld\n'
    )
    extracted = read(write(tmp_path / "knelpunten.csv", content))

    assert extracted.frame is None
    assert extracted.error.startswith("Bestand knelpunten.csv kan niet gelezen worden")
    assert "rij 3" in extracted.error


# --- records and row numbers ------------------------------------------------------------------


def test_quotes_newlines_and_blank_lines_keep_spreadsheet_row_numbers(tmp_path: Path):
    content = (
        OBSTACLE_HEADER + ";omschrijving\n"
        'K1;"Utrecht; stad";2024-03-05;wonen;geld;"regel een\nregel twee\nregel ""drie"""\n'
        "\n"
        'K2;Zeist;2024-03-05;wonen;geld;scherm van 12" breed\n'
        "   ;  ;\n"
        "K3;Baarn;2024-03-05;wonen;geld;\n"
    )
    extracted = read(write(tmp_path / "knelpunten.csv", content))

    assert extracted.rows_read == 3
    rows = records(extracted)
    # Row 2 spans three physical lines but is one spreadsheet row; row 3 is blank.
    assert [r["row_number"] for r in rows] == [2, 4, 6]
    assert rows[0]["gemeente"] == "Utrecht; stad"
    assert rows[0]["omschrijving"] == 'regel een\nregel twee\nregel "drie"'
    assert rows[1]["omschrijving"] == 'scherm van 12" breed'
    assert rows[2]["omschrijving"] is None


def test_extra_and_missing_fields(tmp_path: Path):
    content = (
        OBSTACLE_HEADER + "\n"
        "K1;Utrecht;2024-03-05;wonen;geld;overtollig;;nog een\n"
        "K2;Zeist\n"
        "K3;Baarn;2024-03-05;wonen;geld;;  ;-\n"  # trailing empties are no extra fields
    )
    extracted = read(write(tmp_path / "knelpunten.csv", content))

    rows = records(extracted)
    # How many surplus cells hold something, and where the first is; never what they hold.
    assert (rows[0]["extra_cells"], rows[0]["extra_from"]) == (2, 6)
    assert "overtollig" not in str(rows[0])
    assert rows[1] == {
        "row_number": 3,
        "knelpunt_id": "K2",
        "gemeente": "Zeist",
        "gemeld_op": None,
        "thema": None,
        "categorie": None,
        "extra_cells": None,
        "extra_from": None,
    }
    assert rows[2]["extra_cells"] is None


def test_surplus_fields_in_a_multiline_record_wider_than_any_line(tmp_path: Path):
    content = OBSTACLE_HEADER + '\nK1;"Utrecht\nstad";2024-03-05;wonen;geld;a;b;c;d;e;f;g;h\n'
    extracted = read(write(tmp_path / "knelpunten.csv", content))

    assert column(extracted, "extra_cells") == [8]
    assert column(extracted, "extra_from") == [6]


def test_missing_value_tokens_and_whitespace(tmp_path: Path):
    content = (
        OBSTACLE_HEADER + ";ernst;niveau;omschrijving\n"
        "K1;  Utrecht\u00a0;2024-03-05; NULL ;n.v.t.;Onbekend;-;N.V.T.\n"
        "K2;Zeist;null;Null;  ;--;nvt;onbekende reden\n"
    )
    extracted = read(write(tmp_path / "knelpunten.csv", content))

    rows = records(extracted)
    assert rows[0] == {
        "row_number": 2,
        "knelpunt_id": "K1",
        "gemeente": "Utrecht",
        "gemeld_op": "2024-03-05",
        "thema": None,
        "categorie": None,
        "ernst": None,
        "niveau": None,
        "omschrijving": None,
        "extra_cells": None,
        "extra_from": None,
    }
    # Only the exact tokens are missing; look-alikes are values for the validator.
    assert (rows[1]["gemeld_op"], rows[1]["thema"], rows[1]["categorie"]) == (None, None, None)
    assert (rows[1]["ernst"], rows[1]["niveau"]) == ("--", "nvt")
    assert rows[1]["omschrijving"] == "onbekende reden"


def test_frame_dtypes(tmp_path: Path):
    content = OBSTACLE_HEADER + "\nK1;Utrecht;2024-03-05;wonen;\n"
    frame = read(write(tmp_path / "knelpunten.csv", content)).frame

    assert frame["row_number"].dtype == "int64"
    cells = [c for c in frame.columns[1:] if not c.startswith("extra_")]
    assert all(isinstance(frame[c].dtype, pd.StringDtype) for c in cells)
    assert (frame["extra_cells"].dtype, frame["extra_from"].dtype) == ("Int64", "Int64")
    assert frame["categorie"].isna().all()


def test_empty_file_and_header_only_file(tmp_path: Path):
    empty = read(write(tmp_path / "knelpunten_leeg.csv", b""))
    header_only = read(write(tmp_path / "knelpunten_kop.csv", OBSTACLE_HEADER + "\r\n\r\n"))

    assert (empty.error, empty.rows_read, len(empty.frame)) == (None, 0, 0)
    assert (header_only.error, header_only.rows_read, len(header_only.frame)) == (None, 0, 0)
    assert list(header_only.frame.columns) == [
        "row_number",
        "knelpunt_id",
        "gemeente",
        "gemeld_op",
        "thema",
        "categorie",
        "extra_cells",
        "extra_from",
    ]


def test_leading_blank_lines_before_the_header(tmp_path: Path):
    content = "\n\n" + OBSTACLE_HEADER + "\nK1;Utrecht;2024-03-05;wonen;geld\n"
    extracted = read(write(tmp_path / "knelpunten.csv", content))

    assert column(extracted, "row_number") == [4]


# --- headers ----------------------------------------------------------------------------------


def test_header_variants_aliases_and_unknown_columns(tmp_path: Path):
    content = (
        "Obstacle ID;Municipality; GEMELD OP ;Thème;CATEGORY;Knelpunt-ID;Opmerking intern;;Ernst\n"
        "K1;Utrecht;2024-03-05;wonen;geld;K9;geheim;;hoog\n"
    )
    extracted = read(write(tmp_path / "knelpunten.csv", content))

    assert extracted.error is None
    assert extracted.headers == [
        "Obstacle ID",
        "Municipality",
        "GEMELD OP",
        "Thème",
        "CATEGORY",
        "Knelpunt-ID",
        "Opmerking intern",
        "Ernst",
    ]
    assert extracted.unknown_columns == [
        "Knelpunt-ID (tweede kolom voor 'knelpunt_id', genegeerd)",
        "Opmerking intern",
    ]
    # Contract order, whatever the order in the file; the first of two id columns wins.
    assert records(extracted) == [
        {
            "row_number": 2,
            "knelpunt_id": "K1",
            "gemeente": "Utrecht",
            "gemeld_op": "2024-03-05",
            "thema": "wonen",
            "categorie": "geld",
            "ernst": "hoog",
            "extra_cells": None,
            "extra_from": None,
        }
    ]


def test_data_under_a_blank_header_is_a_warning(tmp_path: Path):
    content = OBSTACLE_HEADER + ";;ernst\nK1;Utrecht;2024-03-05;wonen;geld;iets;hoog\n"
    extracted = read(write(tmp_path / "knelpunten.csv", content))

    assert extracted.unknown_columns == ["(kolom 6 zonder kopnaam)"]
    assert column(extracted, "ernst") == ["hoog"]


def test_missing_required_column_rejects_the_file(tmp_path: Path):
    content = "knelpunt_id;gemeente;thema;categorie\nK1;Utrecht;wonen;geld\n"
    extracted = read(write(tmp_path / "knelpunten_2024.csv", content))

    assert extracted.frame is None
    assert extracted.error == (
        "Bestand knelpunten_2024.csv mist de verplichte kolom(men) 'gemeld_op'; "
        "gevonden kolommen: knelpunt_id, gemeente, thema, categorie."
    )
    assert extracted.headers == ["knelpunt_id", "gemeente", "thema", "categorie"]


def test_message_names_every_missing_column(tmp_path: Path):
    extracted = read(write(tmp_path / "reacties.csv", "Reactie ID,Toelichting\nR1,x\n"), RESPONSES)

    assert "'knelpunt_id', 'datum', 'uitkomst'" in extracted.error
    assert "gevonden kolommen: Reactie ID, Toelichting." in extracted.error


def test_erasure_list_needs_one_of_its_columns(tmp_path: Path):
    ok = read(write(tmp_path / "verwijderen.csv", "Initiative ID\nI1\n\nI2\n"), ERASURES)
    wrong = read(write(tmp_path / "verwijderen_fout.csv", "naam\nPiet\n"), ERASURES)

    assert records(ok) == [
        {"row_number": 2, "initiatief_id": "I1", "extra_cells": None, "extra_from": None},
        {"row_number": 4, "initiatief_id": "I2", "extra_cells": None, "extra_from": None},
    ]
    assert wrong.frame is None
    assert "'initiatief_id', 'knelpunt_id'" in wrong.error
    assert "gevonden kolommen: naam" in wrong.error


def test_personal_columns_are_kept_but_never_in_the_repr(tmp_path: Path):
    content = (
        "initiatief_id,naam,gemeente,contactpersoon,email,telefoon,geregistreerd_op\n"
        "I1,Buurtbus,Utrecht,Jan Jansen,jan@example.nl,0612345678,2024-03-05\n"
    )
    extracted = read(write(tmp_path / "initiatieven.csv", content), INITIATIVES)

    assert column(extracted, "contactpersoon") == ["Jan Jansen"]
    assert column(extracted, "email") == ["jan@example.nl"]
    assert "Jan Jansen" not in repr(extracted)


# --- xlsx -------------------------------------------------------------------------------------


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_xlsx_typed_cells_become_text(tmp_path: Path):
    path = workbook(
        tmp_path / "reacties.xlsx",
        {
            "Reacties": [
                ["reactie_id", "knelpunt_id", "datum", "uitkomst", "toelichting"],
                ["R1", 12, dt.date(2024, 3, 5), "opgelost", 1.5],
                ["R2", "K2", dt.datetime(2024, 3, 5, 14, 30), " ontvangen ", True],
                [],
                ["R3", 12.0, 45356, "NULL", False],
                ["R4", "K4", dt.datetime(2024, 3, 6), "-", 0.1],
                ["R5", "K5", "05-03-2024", "afgewezen", None, "overtollig"],
            ]
        },
    )
    extracted = read(path, RESPONSES)

    assert (extracted.sheet, extracted.encoding, extracted.delimiter) == ("Reacties", None, None)
    assert records(extracted) == [
        {
            "row_number": 2,
            "reactie_id": "R1",
            "knelpunt_id": "12",
            "datum": "2024-03-05",
            "uitkomst": "opgelost",
            "toelichting": "1.5",
            "extra_cells": None,
            "extra_from": None,
        },
        {
            "row_number": 3,
            "reactie_id": "R2",
            "knelpunt_id": "K2",
            "datum": "2024-03-05 14:30:00",
            "uitkomst": "ontvangen",
            "toelichting": "ja",
            "extra_cells": None,
            "extra_from": None,
        },
        {
            "row_number": 5,
            "reactie_id": "R3",
            "knelpunt_id": "12",
            "datum": "45356",  # a serial number stays digits; the SQL date parser reads it
            "uitkomst": None,
            "toelichting": "nee",
            "extra_cells": None,
            "extra_from": None,
        },
        {
            "row_number": 6,
            "reactie_id": "R4",
            "knelpunt_id": "K4",
            "datum": "2024-03-06",
            "uitkomst": None,
            "toelichting": "0.1",
            "extra_cells": None,
            "extra_from": None,
        },
        {
            "row_number": 7,
            "reactie_id": "R5",
            "knelpunt_id": "K5",
            "datum": "05-03-2024",
            "uitkomst": "afgewezen",
            "toelichting": None,
            "extra_cells": 1,
            "extra_from": 6,
        },
    ]


def test_xlsx_serial_number_formatted_as_date_is_a_date(tmp_path: Path):
    path = workbook(
        tmp_path / "reacties.xlsx",
        {"Blad1": [["reactie_id", "knelpunt_id", "datum", "uitkomst"], ["R1", "K1", 45356, "x"]]},
    )
    book = openpyxl.load_workbook(path)
    book["Blad1"]["C2"].number_format = "dd-mm-yyyy"
    book.save(path)

    assert column(read(path, RESPONSES), "datum") == ["2024-03-05"]


def test_xlsx_uses_the_first_sheet_with_the_required_headers(tmp_path: Path):
    path = workbook(
        tmp_path / "knelpunten.xlsx",
        {
            "Toelichting": [["Export van het meldformulier"], ["gemaakt op 5 maart"]],
            "Leeg": [],
            "Knelpunten": [
                [],
                ["Knelpunt ID", "Gemeente", "Gemeld op", "Thema", "Categorie"],
                ["K1", "Utrecht", dt.date(2024, 3, 5), "wonen", "geld"],
            ],
            "Oud": [
                ["knelpunt_id", "gemeente", "gemeld_op", "thema", "categorie"],
                ["K0", "Zeist", dt.date(2023, 1, 1), "wonen", "geld"],
            ],
        },
    )
    extracted = read(path)

    assert extracted.sheet == "Knelpunten"
    assert records(extracted) == [
        {
            "row_number": 3,
            "knelpunt_id": "K1",
            "gemeente": "Utrecht",
            "gemeld_op": "2024-03-05",
            "thema": "wonen",
            "categorie": "geld",
            "extra_cells": None,
            "extra_from": None,
        }
    ]


def test_xlsx_without_the_required_headers_is_rejected_relative_to_the_first_sheet(
    tmp_path: Path,
):
    path = workbook(
        tmp_path / "knelpunten.xlsx",
        {
            "Blad1": [["knelpunt_id", "gemeente", "thema"], ["K1", "Utrecht", "wonen"]],
            "Blad2": [["iets anders"]],
        },
    )
    extracted = read(path)

    assert extracted.frame is None
    assert extracted.error == (
        "Bestand knelpunten.xlsx (blad 'Blad1') mist de verplichte kolom(men) "
        "'gemeld_op', 'categorie'; gevonden kolommen: knelpunt_id, gemeente, thema."
    )


def test_empty_xlsx_is_an_empty_export(tmp_path: Path):
    extracted = read(workbook(tmp_path / "knelpunten.xlsx", {"Blad1": []}))

    assert (extracted.error, extracted.rows_read, len(extracted.frame)) == (None, 0, 0)


def test_broken_xlsx_is_rejected_whole(tmp_path: Path):
    extracted = read(write(tmp_path / "knelpunten.xlsx", OBSTACLE_HEADER + "\n"))

    assert extracted.frame is None
    assert extracted.error == "Bestand knelpunten.xlsx is geen leesbaar Excel-bestand (.xlsx)."


# --- round trip -------------------------------------------------------------------------------

OBSTACLE_COLUMNS = ["knelpunt_id", "gemeente", "gemeld_op", "thema", "categorie"]
cell_values = st.one_of(
    st.sampled_from(["", " ", "-", "NULL", "n.v.t.", '"', ";", ",", "\t", "\r\n", " a ; b "]),
    st.text(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), max_size=12),
    st.text(st.sampled_from('ab ;,\t"\n\r'), max_size=8),
)


def expected_cell(value: str) -> str | None:
    value = value.strip()
    return None if value.lower() in MISSING_TOKENS else value


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(st.lists(cell_values, max_size=8), max_size=12),
    delimiter=st.sampled_from([";", ",", "\t"]),
    bom=st.booleans(),
)
def test_whatever_a_csv_writer_writes_reads_back(tmp_path: Path, rows, delimiter, bom):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(OBSTACLE_COLUMNS)
    writer.writerows(rows)
    path = write(tmp_path / "knelpunten.csv", ("\ufeff" if bom else "") + buffer.getvalue())

    extracted = read(path)

    assert extracted.error is None
    assert extracted.delimiter == delimiter
    expected = []
    for index, row in enumerate(rows):
        if not any(value.strip() for value in row):
            continue  # a blank row is no record
        cells = [expected_cell(v) for v in row] + [None] * (5 - len(row))
        surplus = [5 + i + 1 for i, c in enumerate(cells[5:]) if c is not None]
        record = {"row_number": index + 2, **dict(zip(OBSTACLE_COLUMNS, cells[:5], strict=True))}
        record["extra_cells"] = len(surplus) or None
        record["extra_from"] = surplus[0] if surplus else None
        expected.append(record)
    assert records(extracted) == expected
    assert extracted.rows_read == len(expected)
