"""One test (or parametrised case) per rule of the input contract, on the real ETL.

Each scenario writes real export files (encodings, delimiters, xlsx with date cells) into
a temporary data/raw/, runs `etl.warehouse.build` once, and its cases check the DuckDB
warehouse that run leaves: the row is in core with its typed value, or in etl.rejects with
file, row number (header = row 1), Dutch field name, value and a Dutch reason, while every
other valid row of the file still loaded. Scenario fixtures check that every row of their
files is accounted for (loaded, or rejected where expected), so a case also fails when
anything else was left out. Contract: ../shared/spec/input-contract.md.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import pandas as pd
import pytest

from etl import reference

AS_OF = date(2026, 11, 26)  # the run's --as-of in every scenario
MARCH_5 = date(2024, 3, 5)
EXCEL_EPOCH = date(1899, 12, 30)  # Excel's 1900 date system, as serial numbers count


def row_of(index: int) -> int:
    """Spreadsheet row of the index-th data row (header = row 1)."""
    return index + 2


# ====================================================================== reading files

CP1252_NAME = "Zorgcoöperatie Café € 5"


def write_reading(x):
    # Encodings. Dutch Excel saves 'CSV (gescheiden door lijstscheidingsteken)' as
    # Windows-1252 with ';'; 'CSV UTF-8' adds a BOM.
    x.csv("initiatieven_utf8.csv", [x.initiative("ENC-UTF8", naam="Zorgcoöperatie Café € 5")])
    x.csv(
        "initiatieven_utf8_bom.csv",
        [x.initiative("ENC-BOM", naam="Één Buurthuis")],
        delimiter=";",
        encoding="utf-8-sig",
    )
    x.csv(
        "initiatieven_cp1252.csv",
        [x.initiative("ENC-CP1252", naam=CP1252_NAME)],
        delimiter=";",
        encoding="cp1252",
    )
    # 0x81 is undefined in Windows-1252: only Latin-1 decodes it.
    x.bytes(
        "initiatieven_latin1.csv",
        b"initiatief_id;naam;gemeente;geregistreerd_op\r\n"
        b"ENC-LATIN1;Moestuin M\xfcller \x81;Utrecht;05-03-2024\r\n"
        b"ENC-LATIN1-B;Gewone naam;Utrecht;05-03-2024\r\n",
    )
    # Delimiters, each file holding the other delimiters unquoted inside its values.
    x.csv(
        "initiatieven_komma.csv",
        [x.initiative("DELIM-COMMA", naam="Samen; sterk", themas="zorg; wonen")],
    )
    x.csv(
        "initiatieven_puntkomma.csv",
        [x.initiative("DELIM-SEMI", naam="Eten, drinken en praten", themas="zorg, wonen")],
        delimiter=";",
    )
    x.csv(
        "initiatieven_tab.csv",
        [x.initiative("DELIM-TAB", naam="Koffie, thee; taart", themas="zorg|wonen")],
        delimiter="\t",
    )
    # A quoted field with delimiters, quotes and line breaks; then a bad row.
    x.csv(
        "initiatieven_quotes.csv",
        [
            x.initiative(
                "QUOTE-1",
                naam='Koffie, thee en "taart"',
                omschrijving="regel een\nregel twee, met komma\nregel drie",
            ),
            x.initiative("QUOTE-2", gemeente="Utrect"),
            x.initiative("QUOTE-3"),
        ],
    )
    x.csv("archief/2024/initiatieven_map.csv", [x.initiative("SUB-1")])
    # Headers in other case, accents, spacing and punctuation; English aliases.
    x.csv(
        "initiatieven_koppen.csv",
        [["HDR-NL", "Het Buurtbusje", "Utrecht", "vervoer", "7", "05-03-2024"]],
        header=[
            " Initiatief-ID ",
            "NAAM",
            "Gemeénte",
            "Thema's",
            " VRIJWILLIGERS ",
            "Geregistreerd op",
        ],
    )
    x.csv(
        "initiatives_english.csv",
        [
            [
                "HDR-EN",
                "Repair Café",
                "Zeist",
                "Zeist",
                "energie",
                "Stichting",
                "2015",
                "4",
                "2024-03-05",
            ]
        ],
        header=[
            "Initiative ID",
            "Name",
            "Municipality",
            "Place",
            "Themes",
            "Legal form",
            "Founded",
            "Volunteers",
            "Registered at",
        ],
    )
    x.csv(
        "initiatieven_extra_kolommen.csv",
        [
            x.initiative("XCOL-1", **{"Opmerking intern": "INTERN-GEHEIM", "Aantal leden": "44"}),
        ],
    )
    x.bytes("leesmij.txt", b"Exports van het formulier.\n")
    x.bytes("overzicht_2024.csv", b"a,b\n1,2\n")
    x.bytes("notities/planning.xlsx", b"not really a workbook")


@pytest.fixture(scope="module")
def reading(built):
    return built("reading", write_reading, as_of=AS_OF)


@pytest.mark.parametrize(
    ("path", "initiative_id", "name"),
    [
        pytest.param("initiatieven_utf8.csv", "ENC-UTF8", "Zorgcoöperatie Café € 5", id="utf-8"),
        pytest.param("initiatieven_utf8_bom.csv", "ENC-BOM", "Één Buurthuis", id="utf-8-bom"),
        pytest.param("initiatieven_cp1252.csv", "ENC-CP1252", CP1252_NAME, id="cp1252"),
    ],
)
def test_encodings_are_detected(reading, path, initiative_id, name):
    assert reading.initiative(initiative_id)["name"] == name
    reading.assert_file_counts(path, read=1, loaded=1)


def test_latin1_byte_0x81_never_crashes_and_the_file_loads(reading):
    # The exact character 0x81 decodes to is not the point; the row and its neighbour load.
    assert reading.initiative("ENC-LATIN1")["name"].startswith("Moestuin Müller")
    assert reading.initiative("ENC-LATIN1-B")["name"] == "Gewone naam"
    reading.assert_file_counts("initiatieven_latin1.csv", read=2, loaded=2)


@pytest.mark.parametrize(
    ("path", "initiative_id", "name"),
    [
        pytest.param("initiatieven_komma.csv", "DELIM-COMMA", "Samen; sterk", id="comma"),
        pytest.param(
            "initiatieven_puntkomma.csv", "DELIM-SEMI", "Eten, drinken en praten", id="semicolon"
        ),
        pytest.param("initiatieven_tab.csv", "DELIM-TAB", "Koffie, thee; taart", id="tab"),
    ],
)
def test_delimiters_are_detected_per_file(reading, path, initiative_id, name):
    assert reading.initiative(initiative_id)["name"] == name
    assert reading.themes(initiative_id) == {"zorg_welzijn", "wonen"}
    reading.assert_file_counts(path, read=1, loaded=1)


def test_quoted_fields_hold_delimiters_and_newlines_and_rows_count_records(reading):
    quoted = reading.initiative("QUOTE-1")
    assert quoted["name"] == 'Koffie, thee en "taart"'
    assert quoted["description"] == "regel een\nregel twee, met komma\nregel drie"
    # The multi-line record is one spreadsheet row: the next record is row 3, not row 5.
    reading.assert_rejected(
        "initiatieven_quotes.csv",
        3,
        field="gemeente",
        value="Utrect",
        words=["bedoelde u Utrecht?"],
    )
    assert reading.initiative("QUOTE-3")["source_row"] == 4
    reading.assert_file_counts("initiatieven_quotes.csv", read=3, loaded=2, rejected=1)


def test_files_in_sub_folders_are_read(reading):
    assert reading.initiative("SUB-1")["source_path"] == "archief/2024/initiatieven_map.csv"
    reading.assert_file_counts("archief/2024/initiatieven_map.csv", read=1, loaded=1)


def test_headers_match_case_accent_space_and_punctuation_insensitively(reading):
    row = reading.initiative("HDR-NL")
    assert (row["name"], row["cbs_code"], row["volunteers"], row["registered_at"]) == (
        "Het Buurtbusje",
        "GM0344",
        7,
        MARCH_5,
    )
    assert reading.themes("HDR-NL") == {"mobiliteit"}
    reading.assert_file_counts("initiatieven_koppen.csv", read=1, loaded=1)


def test_english_header_aliases_are_accepted(reading):
    row = reading.initiative("HDR-EN")
    assert (
        row["name"],
        row["cbs_code"],
        row["place"],
        row["legal_form"],
        row["founded_year"],
        row["volunteers"],
        row["registered_at"],
    ) == ("Repair Café", "GM0355", "Zeist", "stichting", 2015, 4, MARCH_5)
    assert reading.themes("HDR-EN") == {"energie"}
    reading.assert_file_counts("initiatives_english.csv", read=1, loaded=1)


def test_unknown_columns_are_ignored_and_listed_as_warning(reading):
    assert reading.initiative("XCOL-1") is not None
    reading.assert_file_counts("initiatieven_extra_kolommen.csv", read=1, loaded=1)
    warnings = [w for w in reading.warnings() if w["path"] == "initiatieven_extra_kolommen.csv"]
    assert [w["kind"] for w in warnings] == ["unknown_columns"]
    assert "Opmerking intern" in warnings[0]["message"]
    assert "Aantal leden" in warnings[0]["message"]
    assert not any("INTERN-GEHEIM" in v for v in reading.text_values())


def test_files_that_match_no_source_are_warned_and_skipped(reading):
    unmatched = {w["path"]: w for w in reading.warnings() if w["kind"] == "unmatched_file"}
    assert set(unmatched) == {"leesmij.txt", "overzicht_2024.csv", "notities/planning.xlsx"}
    for path, warning in unmatched.items():
        assert path in warning["message"]
    files = {f["path"] for f in reading.query("SELECT path FROM etl.files")}
    assert not files & set(unmatched)


def test_reading_scenario_rejects_nothing_else(reading):
    assert {(r["path"], r["row_number"]) for r in reading.rejects()} == {
        ("initiatieven_quotes.csv", 3)
    }


# ====================================================================== xlsx

XLSX = "initiatieven_werkboek.xlsx"
XLSX_HEADER = [
    "initiatief_id",
    "naam",
    "gemeente",
    "opgericht",
    "vrijwilligers",
    "geregistreerd_op",
]


def write_xlsx(x):
    x.xlsx(
        XLSX,
        {
            # A cover sheet first: it lacks the required headers, so it is passed over.
            "Toelichting": [["Export registratieformulier"], ["Gemaakt op", date(2026, 11, 1)]],
            "Registraties": [
                XLSX_HEADER,
                ["XL-DATE", "Datumcel", "Utrecht", date(2019, 6, 1), 12, MARCH_5],
                [
                    "XL-DATETIME",
                    "Datum met tijd",
                    "Utrecht",
                    2019,
                    3.0,
                    datetime(2024, 3, 5, 14, 30),
                ],
                [
                    "XL-SERIAL",
                    "Serienummer",
                    "Utrecht",
                    (date(2019, 6, 1) - EXCEL_EPOCH).days,
                    None,
                    (MARCH_5 - EXCEL_EPOCH).days,
                ],
                ["XL-BAD", "Fout", "Utrect", None, None, MARCH_5],
                ["XL-FUTURE", "Toekomst", "Utrecht", None, None, date(2026, 11, 27)],
                ["XL-TEXT", "Tekstdatum", "Utrecht", "2019", "5", "05-03-2024"],
            ],
            # A later sheet with the same headers is not read: the first one that has them is.
            "Oud": [XLSX_HEADER, ["XL-OLD", "Oude lijst", "Utrecht", None, None, MARCH_5]],
        },
    )


@pytest.fixture(scope="module")
def workbook(built):
    return built("xlsx", write_xlsx, as_of=AS_OF)


@pytest.mark.parametrize(
    ("initiative_id", "founded_year", "volunteers"),
    [
        pytest.param("XL-DATE", 2019, 12, id="date-cells"),
        pytest.param("XL-DATETIME", 2019, 3, id="datetime-cell-and-year-number"),
        pytest.param("XL-SERIAL", 2019, None, id="serial-numbers"),
        pytest.param("XL-TEXT", 2019, 5, id="text-cells"),
    ],
)
def test_xlsx_date_cells_and_serial_numbers_are_dates(
    workbook, initiative_id, founded_year, volunteers
):
    row = workbook.initiative(initiative_id)
    assert (row["registered_at"], row["founded_year"], row["volunteers"]) == (
        MARCH_5,
        founded_year,
        volunteers,
    )
    assert row["source_path"] == XLSX


def test_xlsx_reads_the_first_sheet_with_the_required_headers(workbook):
    assert workbook.ids("initiatives") == {"XL-DATE", "XL-DATETIME", "XL-SERIAL", "XL-TEXT"}
    assert workbook.initiative("XL-OLD") is None
    workbook.assert_file_counts(XLSX, read=6, loaded=4, rejected=2)


def test_xlsx_rejects_count_rows_as_the_sheet_shows_them(workbook):
    workbook.assert_rejected(
        XLSX, 5, field="gemeente", value="Utrect", words=["bedoelde u Utrecht?"]
    )
    workbook.assert_rejected(
        XLSX,
        6,
        field="geregistreerd_op",
        value=lambda v: v in ("2026-11-27", "27-11-2026"),
        words=["27-11-2026", "peildatum 26-11-2026"],
    )
    assert workbook.rejected_rows(XLSX) == {5, 6}


# ====================================================================== dates

DATES = "initiatieven_datums.csv"
VALID_DATES = [
    pytest.param("2024-03-05", MARCH_5, id="iso"),
    pytest.param("05-03-2024", MARCH_5, id="dutch-5-march"),
    pytest.param("5-3-2024", MARCH_5, id="dutch-short"),
    pytest.param("05/03/2024", MARCH_5, id="slashes"),
    pytest.param("05-03-2024 14:30", MARCH_5, id="dutch-with-time"),
    pytest.param("2024-03-05 09:15:00", MARCH_5, id="iso-with-time"),
    pytest.param("12-01-2024", date(2024, 1, 12), id="day-first-not-month-first"),
    pytest.param("26-11-2026", AS_OF, id="the-as-of-day-itself"),
    pytest.param("01-01-1900", date(1900, 1, 1), id="first-day-of-1900"),
]
INVALID_DATES = [
    pytest.param("27-11-2026", ["27-11-2026", "na de peildatum 26-11-2026"], id="after-as-of"),
    pytest.param("31-12-1899", ["voor 1900"], id="before-1900"),
    pytest.param("31-02-2024", ["'31-02-2024' is geen geldige datum"], id="impossible-day"),
    pytest.param("03-13-2024", ["'03-13-2024' is geen geldige datum"], id="no-13th-month"),
    pytest.param("gisteren", ["'gisteren' is geen geldige datum"], id="words"),
]
DATE_VALUES = [p.values[0] for p in VALID_DATES + INVALID_DATES]


def write_dates(x):
    x.csv(
        DATES,
        [x.initiative(f"DATE-{i}", geregistreerd_op=value) for i, value in enumerate(DATE_VALUES)],
    )
    # The same rule in the other sources' date columns.
    x.csv(
        "knelpunten_datums.csv",
        [x.obstacle("DATE-K1"), x.obstacle("DATE-K2", gemeld_op="27-11-2026")],
    )
    x.csv(
        "reacties_datums.csv",
        [x.response("DATE-R1", "DATE-K1"), x.response("DATE-R2", "DATE-K1", datum="2026-11-27")],
    )


@pytest.fixture(scope="module")
def dates(built):
    wh = built("dates", write_dates, as_of=AS_OF)
    n_valid = len(VALID_DATES)
    wh.assert_file_counts(DATES, read=len(DATE_VALUES), loaded=n_valid, rejected=len(INVALID_DATES))
    assert wh.rejected_rows(DATES) == {row_of(i) for i in range(n_valid, len(DATE_VALUES))}
    return wh


@pytest.mark.parametrize(("written", "expected"), VALID_DATES)
def test_dutch_and_iso_dates_are_read_day_first(dates, written, expected):
    index = DATE_VALUES.index(written)
    assert dates.initiative(f"DATE-{index}")["registered_at"] == expected


@pytest.mark.parametrize(("written", "words"), INVALID_DATES)
def test_invalid_dates_are_rejected(dates, written, words):
    index = DATE_VALUES.index(written)
    dates.assert_rejected(
        DATES, row_of(index), field="geregistreerd_op", value=written, words=words
    )
    assert dates.initiative(f"DATE-{index}") is None


@pytest.mark.parametrize(
    ("path", "field", "kept", "rejected_id"),
    [
        pytest.param("knelpunten_datums.csv", "gemeld_op", "DATE-K1", "DATE-K2", id="gemeld_op"),
        pytest.param("reacties_datums.csv", "datum", "DATE-R1", "DATE-R2", id="datum"),
    ],
)
def test_date_after_as_of_is_invalid_in_every_source(dates, path, field, kept, rejected_id):
    table = "obstacles" if field == "gemeld_op" else "responses"
    assert dates.ids(table) == {kept}
    dates.assert_rejected(
        path,
        3,
        field=field,
        value=lambda v: v in ("27-11-2026", "2026-11-27"),
        words=["27-11-2026", "na de peildatum 26-11-2026"],
    )
    dates.assert_file_counts(path, read=2, loaded=1, rejected=1)


# ====================================================================== missing values

MISSING = "initiatieven_leeg.csv"
TOKENS = ["", "-", "n.v.t.", "onbekend", "NULL", "N.v.t.", "Onbekend", "null", "   "]
OPTIONAL_COLUMNS = [
    "kern",
    "themas",
    "rechtsvorm",
    "opgericht",
    "fase",
    "vrijwilligers",
    "website",
    "omschrijving",
]
REQUIRED_COLUMNS = ["initiatief_id", "gemeente", "geregistreerd_op"]


def write_missing(x):
    rows = []
    for i, token in enumerate(TOKENS):
        rows.append(x.initiative(f"MISS-REQ-{i}", naam=token))
        rows.append(x.initiative(f"MISS-OPT-{i}", **dict.fromkeys(OPTIONAL_COLUMNS, token)))
    for column in REQUIRED_COLUMNS:
        rows.append(x.initiative(f"MISS-{column}", **{column: "n.v.t."}))
    x.csv(
        MISSING,
        rows,
        header=["initiatief_id", "naam", "gemeente", "geregistreerd_op", *OPTIONAL_COLUMNS],
    )


@pytest.fixture(scope="module")
def missing(built):
    wh = built("missing", write_missing, as_of=AS_OF)
    rejected = {row_of(2 * i) for i in range(len(TOKENS))}
    rejected |= {row_of(2 * len(TOKENS) + i) for i in range(len(REQUIRED_COLUMNS))}
    assert wh.rejected_rows(MISSING) == rejected
    wh.assert_file_counts(
        MISSING,
        read=2 * len(TOKENS) + len(REQUIRED_COLUMNS),
        loaded=len(TOKENS),
        rejected=len(rejected),
    )
    return wh


def _missing_shown(token):
    return lambda v: v in (None, "", token.strip())


@pytest.mark.parametrize("token", TOKENS)
def test_missing_token_in_a_required_column_rejects(missing, token):
    i = TOKENS.index(token)
    missing.assert_rejected(
        MISSING,
        row_of(2 * i),
        field="naam",
        value=_missing_shown(token),
        words=["Verplicht veld 'naam' is leeg"],
    )


@pytest.mark.parametrize("token", TOKENS)
def test_missing_token_in_an_optional_column_is_null(missing, token):
    initiative_id = f"MISS-OPT-{TOKENS.index(token)}"
    row = missing.initiative(initiative_id)
    assert row is not None
    nulls = ["place", "legal_form", "founded_year", "phase", "volunteers", "website", "description"]
    assert {c: row[c] for c in nulls} == dict.fromkeys(nulls)
    assert missing.themes(initiative_id) == set()


@pytest.mark.parametrize("column", REQUIRED_COLUMNS)
def test_every_required_column_rejects_a_missing_value(missing, column):
    row = row_of(2 * len(TOKENS) + REQUIRED_COLUMNS.index(column))
    missing.assert_rejected(
        MISSING,
        row,
        field=column,
        value=_missing_shown("n.v.t."),
        words=[f"Verplicht veld '{column}' is leeg"],
    )


# ====================================================================== municipalities

MUNICIPALITIES = "initiatieven_gemeenten.csv"
RESOLVED = [
    pytest.param("GM0344", "GM0344", id="code-gm"),
    pytest.param("0344", "GM0344", id="code-four-digits"),
    pytest.param("344", "GM0344", id="code-three-digits"),
    pytest.param("gm0310", "GM0310", id="code-lower-case"),
    pytest.param("Utrecht", "GM0344", id="name"),
    pytest.param("de bilt", "GM0310", id="name-lower-case"),
    pytest.param("DE-BILT", "GM0310", id="name-upper-case-hyphen"),
    pytest.param("  De   Bilt ", "GM0310", id="name-spaces"),
    pytest.param("Utréchtse Heuvelrug", "GM1581", id="name-accent"),
    pytest.param("wijkbijduurstede", "GM0352", id="name-without-spaces"),
    pytest.param("Kromme Rijn", "GM0312", id="analyst-alias"),
    pytest.param("Maarssen", "GM1904", id="former-maarssen"),
    pytest.param("Vianen", "GM1961", id="former-vianen"),
    pytest.param("Doorn", "GM1581", id="former-doorn"),
    pytest.param("Abcoude", "GM0736", id="former-abcoude"),
    pytest.param("Werkhoven", "GM0312", id="place-werkhoven"),
    pytest.param("Bilthoven", "GM0310", id="place-bilthoven"),
    pytest.param("Utrechse Heuvelrug", "GM1581", id="spelling-heuvelrug"),
    pytest.param("IJselstein", "GM0353", id="spelling-ijsselstein"),
    pytest.param("Vijfherenlanden", "GM1961", id="spelling-vijfheerenlanden"),
]
UNRESOLVED = [
    pytest.param(
        "Utrect", ["Gemeente 'Utrect' is niet gevonden", "bedoelde u Utrecht?"], id="typo-utrecht"
    ),
    pytest.param("Nieuwegijn", ["bedoelde u Nieuwegein?"], id="typo-nieuwegein"),
    pytest.param("Amersfort", ["bedoelde u Amersfoort?"], id="typo-amersfoort"),
    pytest.param("Amsterdam", ["Amsterdam", "buiten de provincie Utrecht"], id="out-of-province"),
    pytest.param("GM0363", ["Amsterdam", "buiten de provincie Utrecht"], id="out-of-province-code"),
]
# (gemeente, kern) -> municipality, when gemeente is empty the place may resolve it.
BY_PLACE = [
    pytest.param("", "Bilthoven", "GM0310", id="kern-bilthoven"),
    pytest.param("", "Werkhoven", "GM0312", id="kern-werkhoven"),
    pytest.param("Utrecht", "Bilthoven", "GM0344", id="gemeente-wins-over-kern"),
]
MUNICIPALITY_VALUES = [p.values[0] for p in RESOLVED + UNRESOLVED]


def write_municipalities(x):
    rows = [x.initiative(f"MUN-{i}", gemeente=value) for i, value in enumerate(MUNICIPALITY_VALUES)]
    rows += [
        x.initiative(f"MUN-PLACE-{i}", gemeente=p.values[0], kern=p.values[1])
        for i, p in enumerate(BY_PLACE)
    ]
    rows += [
        x.initiative("MUN-PLACE-TYPO", gemeente="", kern="Biltoven"),
        x.initiative("MUN-NONE", gemeente="", kern=""),
    ]
    x.csv(
        MUNICIPALITIES,
        rows,
        header=["initiatief_id", "naam", "gemeente", "kern", "geregistreerd_op"],
    )
    x.csv("aliassen.csv", [{"alias": "Kromme Rijn", "cbs_code": "GM0312"}])


@pytest.fixture(scope="module")
def municipalities(built):
    wh = built("municipalities", write_municipalities, as_of=AS_OF)
    n = len(MUNICIPALITY_VALUES) + len(BY_PLACE) + 2
    rejected = {row_of(i) for i in range(len(RESOLVED), len(MUNICIPALITY_VALUES))}
    rejected |= {row_of(n - 2), row_of(n - 1)}
    assert wh.rejected_rows(MUNICIPALITIES) == rejected
    wh.assert_file_counts(MUNICIPALITIES, read=n, loaded=n - len(rejected), rejected=len(rejected))
    return wh


@pytest.mark.parametrize(("written", "cbs_code"), RESOLVED)
def test_municipality_resolves(municipalities, written, cbs_code):
    row = municipalities.initiative(f"MUN-{MUNICIPALITY_VALUES.index(written)}")
    assert row["cbs_code"] == cbs_code


@pytest.mark.parametrize(("written", "words"), UNRESOLVED)
def test_unresolvable_municipality_is_rejected_with_a_suggestion(municipalities, written, words):
    index = MUNICIPALITY_VALUES.index(written)
    municipalities.assert_rejected(
        MUNICIPALITIES, row_of(index), field="gemeente", value=written, words=words
    )
    assert municipalities.initiative(f"MUN-{index}") is None  # never assigned by guess


@pytest.mark.parametrize(("gemeente", "kern", "cbs_code"), BY_PLACE)
def test_kern_resolves_the_municipality_when_gemeente_is_empty(
    municipalities, gemeente, kern, cbs_code
):
    index = [p.values for p in BY_PLACE].index((gemeente, kern, cbs_code))
    row = municipalities.initiative(f"MUN-PLACE-{index}")
    assert (row["cbs_code"], row["place"]) == (cbs_code, kern)


def test_unresolvable_kern_is_rejected_on_kern(municipalities):
    # gemeente is empty, so the value that failed is the kern's: name that column.
    row = row_of(len(MUNICIPALITY_VALUES) + len(BY_PLACE))
    municipalities.assert_rejected(
        MUNICIPALITIES, row, field="kern", value="Biltoven", words=["bedoelde u De Bilt?"]
    )


def test_no_gemeente_and_no_kern_is_a_missing_gemeente(municipalities):
    row = row_of(len(MUNICIPALITY_VALUES) + len(BY_PLACE) + 1)
    municipalities.assert_rejected(
        MUNICIPALITIES,
        row,
        field="gemeente",
        value=_missing_shown(""),
        words=["Verplicht veld 'gemeente' is leeg"],
    )


# The shipped reference has no place in two municipalities, so the scenario adds two.
AMBIGUOUS_PLACES = pd.DataFrame(
    [("Werkhoven", "GM0321", "place"), ("Bilthoven", "GM0355", "place")],
    columns=["alias", "cbs_code", "kind"],
)


def write_ambiguity(x):
    x.csv(
        "initiatieven.csv",
        [
            x.initiative("AMB-1", gemeente="Werkhoven"),
            x.initiative("AMB-2", gemeente="Bilthoven"),
            x.initiative("AMB-3", gemeente="Utrecht"),
        ],
    )
    x.csv("knelpunten.csv", [x.obstacle("AMB-K1", gemeente="Werkhoven")])
    # The analyst settles Bilthoven, not Werkhoven.
    x.csv("aliassen.csv", [{"alias": "Bilthoven", "cbs_code": "GM0310"}])


@pytest.fixture(scope="module")
def ambiguity(built):
    shipped = reference.aliases()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            reference, "aliases", lambda: pd.concat([shipped, AMBIGUOUS_PLACES], ignore_index=True)
        )
        return built("ambiguity", write_ambiguity, as_of=AS_OF)


def test_place_in_two_municipalities_is_rejected_as_ambiguous(ambiguity):
    for path in ("initiatieven.csv", "knelpunten.csv"):
        ambiguity.assert_rejected(
            path, 2, field="gemeente", value="Werkhoven", words=["Bunnik", "Houten", "aliassen.csv"]
        )
    assert ambiguity.initiative("AMB-1") is None
    assert ambiguity.obstacle("AMB-K1") is None


def test_analyst_alias_settles_an_ambiguous_place(ambiguity):
    assert ambiguity.initiative("AMB-2")["cbs_code"] == "GM0310"
    assert ambiguity.initiative("AMB-3")["cbs_code"] == "GM0344"
    ambiguity.assert_file_counts("initiatieven.csv", read=3, loaded=2, rejected=1)


# ====================================================================== vocabularies

# (column, value as written, expected code); the core column is looked up per source.
VOCABULARY = [
    pytest.param("themas", "Zorg en welzijn", {"zorg_welzijn"}, id="theme-label"),
    pytest.param("themas", "mantelzorg", {"zorg_welzijn"}, id="theme-alias"),
    pytest.param("themas", "ZORG EN WELZIJN", {"zorg_welzijn"}, id="theme-upper-case"),
    pytest.param("themas", "jeugd_onderwijs", {"jeugd_onderwijs"}, id="theme-code"),
    pytest.param("themas", "zorg; wonen", {"zorg_welzijn", "wonen"}, id="themes-semicolon"),
    pytest.param("themas", "zorg, wonen", {"zorg_welzijn", "wonen"}, id="themes-comma"),
    pytest.param("themas", "zorg|wonen", {"zorg_welzijn", "wonen"}, id="themes-pipe"),
    pytest.param(
        "themas", "Zorg en welzijn ; mantelzorg", {"zorg_welzijn"}, id="themes-same-twice"
    ),
    pytest.param("rechtsvorm", "Coöperatie", "cooperatie", id="legal-form-accent"),
    pytest.param("rechtsvorm", "cooperatie", "cooperatie", id="legal-form-code"),
    pytest.param("rechtsvorm", "STICHTING", "stichting", id="legal-form-upper-case"),
    pytest.param("fase", "Startend", "startend", id="phase-given"),
    pytest.param("thema", "mantelzorg", "zorg_welzijn", id="obstacle-theme-alias"),
    pytest.param("thema", "Zorg en Welzijn", "zorg_welzijn", id="obstacle-theme-label"),
    pytest.param("categorie", "subsidie", "financiering", id="category-alias"),
    pytest.param("categorie", "Regels en vergunningen", "regelgeving", id="category-label"),
    pytest.param("categorie", "WMO-inkoop", "inkoop", id="category-alias-hyphen"),
    pytest.param("ernst", "hoog", 3, id="severity-label"),
    pytest.param("ernst", "3", 3, id="severity-number"),
    pytest.param("ernst", "Laag", 1, id="severity-laag"),
    pytest.param("ernst", "", None, id="severity-empty"),
    pytest.param("niveau", "", "gemeente", id="level-default"),
    pytest.param("niveau", "Rijk", "rijk", id="level-label"),
    pytest.param("uitkomst", "Deels opgelost", "deels_opgelost", id="outcome-label"),
    pytest.param("uitkomst", "deels_opgelost", "deels_opgelost", id="outcome-code"),
    pytest.param("uitkomst", "IN BEHANDELING", "in_behandeling", id="outcome-upper-case"),
]
UNKNOWN_VOCABULARY = [
    pytest.param(
        "themas",
        "sport; toerisme",
        ["Onbekend thema 'toerisme'", "toegestaan", "zorg_welzijn", "cultuur_sport"],
        id="theme-in-list",
    ),
    pytest.param(
        "rechtsvorm",
        "BV",
        ["'BV'", "stichting, vereniging, cooperatie, informeel, anders"],
        id="legal-form",
    ),
    pytest.param("fase", "gevorderd", ["'gevorderd'", "startend, ervaren"], id="phase"),
    pytest.param(
        "thema", "toerisme", ["'toerisme'", "zorg_welzijn", "overig"], id="obstacle-theme"
    ),
    pytest.param(
        "categorie", "Parkeren", ["'Parkeren'", "financiering", "regelgeving"], id="category"
    ),
    pytest.param("ernst", "urgent", ["'urgent'", "toegestaan"], id="severity"),
    pytest.param("niveau", "Europa", ["'Europa'", "gemeente, regio, provincie, rijk"], id="level"),
    pytest.param(
        "uitkomst",
        "Geweigerd",
        ["'Geweigerd'", "ontvangen", "deels_opgelost", "afgewezen", "doorverwezen"],
        id="outcome",
    ),
]
SOURCE_OF = {
    "themas": "initiatives",
    "rechtsvorm": "initiatives",
    "fase": "initiatives",
    "thema": "obstacles",
    "categorie": "obstacles",
    "ernst": "obstacles",
    "niveau": "obstacles",
    "uitkomst": "responses",
}
VOCABULARY_FILES = {
    "initiatives": "initiatieven_vocab.csv",
    "obstacles": "knelpunten_vocab.csv",
    "responses": "reacties_vocab.csv",
}
CORE_COLUMN = {
    "rechtsvorm": "legal_form",
    "fase": "phase",
    "thema": "theme",
    "categorie": "category",
    "ernst": "severity",
    "niveau": "level",
    "uitkomst": "outcome",
}


def _vocabulary_rows(source):
    """(id, column, written) of the vocabulary cases of one source, valid ones first."""
    cases = [(p, "ok") for p in VOCABULARY] + [(p, "bad") for p in UNKNOWN_VOCABULARY]
    return [
        (f"VOC-{kind}-{i}", p.values[0], p.values[1])
        for i, (p, kind) in enumerate(cases)
        if SOURCE_OF[p.values[0]] == source
    ]


def write_vocabularies(x):
    x.csv(
        VOCABULARY_FILES["initiatives"],
        [
            x.initiative(i, **{column: written}, opgericht="2010")
            for i, column, written in _vocabulary_rows("initiatives")
        ],
    )
    x.csv(
        VOCABULARY_FILES["obstacles"],
        [
            x.obstacle("VOC-K"),
            *(
                x.obstacle(i, **{column: written})
                for i, column, written in _vocabulary_rows("obstacles")
            ),
        ],
    )
    x.csv(
        VOCABULARY_FILES["responses"],
        [
            x.response(i, "VOC-K", **{column: written})
            for i, column, written in _vocabulary_rows("responses")
        ],
    )


@pytest.fixture(scope="module")
def vocabularies(built):
    wh = built("vocabularies", write_vocabularies, as_of=AS_OF)
    for source, path in VOCABULARY_FILES.items():
        rows = _vocabulary_rows(source)
        offset = 1 if source == "obstacles" else 0  # VOC-K heads the obstacles file
        bad = {row_of(offset + n) for n, (i, _, _) in enumerate(rows) if "-bad-" in i}
        assert wh.rejected_rows(path) == bad
        wh.assert_file_counts(
            path, read=len(rows) + offset, loaded=len(rows) + offset - len(bad), rejected=len(bad)
        )
    return wh


def _vocabulary_case(source, column, written):
    rows = _vocabulary_rows(source)
    ((n, row_id),) = [(n, i) for n, (i, c, w) in enumerate(rows) if (c, w) == (column, written)]
    return row_id, row_of(n + (1 if source == "obstacles" else 0))


@pytest.mark.parametrize(("column", "written", "expected"), VOCABULARY)
def test_vocabulary_matches_code_label_and_alias(vocabularies, column, written, expected):
    source = SOURCE_OF[column]
    row_id, _ = _vocabulary_case(source, column, written)
    if column == "themas":
        assert vocabularies.themes(row_id) == expected
        return
    row = getattr(vocabularies, source.removesuffix("s"))(row_id)
    assert row[CORE_COLUMN[column]] == expected


@pytest.mark.parametrize(("column", "written", "words"), UNKNOWN_VOCABULARY)
def test_unknown_vocabulary_value_is_rejected_naming_the_allowed_values(
    vocabularies, column, written, words
):
    source = SOURCE_OF[column]
    _, row = _vocabulary_case(source, column, written)
    vocabularies.assert_rejected(
        VOCABULARY_FILES[source], row, field=column, value=written, words=words
    )


# ====================================================================== fase, vrijwilligers

PHASES = "initiatieven_fase.csv"
DERIVED_PHASES = [
    pytest.param("2024", 2024, "startend", id="year-2024"),
    pytest.param("2023", 2023, "ervaren", id="bare-year-counts-as-1-january"),
    pytest.param("27-11-2023", 2023, "startend", id="one-day-short-of-3-years"),
    pytest.param("26-11-2023", 2023, "ervaren", id="exactly-3-years"),
    pytest.param("2026", 2026, "startend", id="this-year"),
    pytest.param("", None, None, id="unknown"),
]
INVALID_FOUNDED = [
    pytest.param("2027", ["na de peildatum 26-11-2026"], id="after-as-of"),
    pytest.param("1850", ["voor 1900"], id="before-1900"),
    pytest.param("ooit", ["'ooit' is geen jaartal of datum"], id="words"),
]
FOUNDED_VALUES = [p.values[0] for p in DERIVED_PHASES + INVALID_FOUNDED]

VOLUNTEERS = "initiatieven_vrijwilligers.csv"
VALID_COUNTS = [
    pytest.param("12", 12, id="number"),
    pytest.param("0", 0, id="zero"),
    pytest.param(" 7 ", 7, id="spaces"),
    pytest.param("", None, id="empty"),
]
INVALID_COUNTS = [pytest.param(v, id=v) for v in ("-3", "veel", "2.5", "2,5")]
COUNT_VALUES = [p.values[0] for p in VALID_COUNTS + INVALID_COUNTS]


def write_numbers(x):
    x.csv(
        PHASES,
        [x.initiative(f"FASE-{i}", opgericht=v) for i, v in enumerate(FOUNDED_VALUES)]
        + [x.initiative("FASE-GIVEN", opgericht="2010", fase="startend")],
    )
    x.csv(
        VOLUNTEERS, [x.initiative(f"VRIJ-{i}", vrijwilligers=v) for i, v in enumerate(COUNT_VALUES)]
    )


@pytest.fixture(scope="module")
def numbers(built):
    wh = built("numbers", write_numbers, as_of=AS_OF)
    n_phase = len(FOUNDED_VALUES) + 1
    wh.assert_file_counts(
        PHASES, read=n_phase, loaded=n_phase - len(INVALID_FOUNDED), rejected=len(INVALID_FOUNDED)
    )
    wh.assert_file_counts(
        VOLUNTEERS, read=len(COUNT_VALUES), loaded=len(VALID_COUNTS), rejected=len(INVALID_COUNTS)
    )
    return wh


@pytest.mark.parametrize(("founded", "year", "phase"), DERIVED_PHASES)
def test_phase_is_derived_from_founding_date(numbers, founded, year, phase):
    row = numbers.initiative(f"FASE-{FOUNDED_VALUES.index(founded)}")
    assert (row["founded_year"], row["phase"]) == (year, phase)


def test_given_phase_wins_over_derived(numbers):
    assert numbers.initiative("FASE-GIVEN")["phase"] == "startend"


@pytest.mark.parametrize(("founded", "words"), INVALID_FOUNDED)
def test_invalid_founding_year_is_rejected(numbers, founded, words):
    numbers.assert_rejected(
        PHASES, row_of(FOUNDED_VALUES.index(founded)), field="opgericht", value=founded, words=words
    )


@pytest.mark.parametrize(("written", "expected"), VALID_COUNTS)
def test_volunteers_whole_number(numbers, written, expected):
    assert numbers.initiative(f"VRIJ-{COUNT_VALUES.index(written)}")["volunteers"] == expected


@pytest.mark.parametrize("written", INVALID_COUNTS)
def test_volunteers_not_a_whole_number_from_zero_is_rejected(numbers, written):
    numbers.assert_rejected(
        VOLUNTEERS,
        row_of(COUNT_VALUES.index(written)),
        field="vrijwilligers",
        value=written,
        words=[f"'{written}' is geen geheel getal van 0 of meer"],
    )


# ====================================================================== zichtbaar (consent)

CONSENT = "initiatieven_zichtbaar.csv"
CONSENT_ALIAS = "initiatives_public.csv"
CONSENT_ABSENT = "initiatieven_zonder_zichtbaar.csv"
CONSENT_XLSX = "initiatieven_zichtbaar.xlsx"
# Every accepted spelling (case-insensitive), and the missing values that mean nee.
ACCEPTED_CONSENT = [
    pytest.param("ja", True, id="ja"),
    pytest.param("JA", True, id="JA"),
    pytest.param(" Ja ", True, id="spaces"),
    pytest.param("true", True, id="true"),
    pytest.param("TRUE", True, id="TRUE"),
    pytest.param("1", True, id="1"),
    pytest.param("nee", False, id="nee"),
    pytest.param("Nee", False, id="Nee"),
    pytest.param("false", False, id="false"),
    pytest.param("False", False, id="False"),
    pytest.param("0", False, id="0"),
    pytest.param("", False, id="empty-means-nee"),
    pytest.param("-", False, id="dash-means-nee"),
    pytest.param("n.v.t.", False, id="nvt-means-nee"),
]
REJECTED_CONSENT = [pytest.param(v, id=v) for v in ("misschien", "yes", "2", "j", "waar")]
CONSENT_VALUES = [p.values[0] for p in ACCEPTED_CONSENT + REJECTED_CONSENT]


def write_consent(x):
    x.csv(CONSENT, [x.initiative(f"ZICHT-{i}", zichtbaar=v) for i, v in enumerate(CONSENT_VALUES)])
    x.csv(
        CONSENT_ALIAS,
        [["PUB-1", "Open Buurthuis", "Zeist", "TRUE", "2024-03-05"]],
        header=["initiative_id", "name", "municipality", "Public", "registered_at"],
    )
    x.csv(CONSENT_ABSENT, [x.initiative("ZONDER-1")])
    # Excel's own TRUE/FALSE cells and number cells.
    x.xlsx(
        CONSENT_XLSX,
        {
            "Blad1": [
                ["initiatief_id", "naam", "gemeente", "zichtbaar", "geregistreerd_op"],
                ["XL-TRUE", "Waar", "Utrecht", True, "2024-03-05"],
                ["XL-FALSE", "Onwaar", "Utrecht", False, "2024-03-05"],
                ["XL-ONE", "Een", "Utrecht", 1, "2024-03-05"],
                ["XL-ZERO", "Nul", "Utrecht", 0, "2024-03-05"],
            ]
        },
    )


@pytest.fixture(scope="module")
def consent(built):
    wh = built("consent", write_consent, as_of=AS_OF)
    bad = len(REJECTED_CONSENT)
    wh.assert_file_counts(
        CONSENT, read=len(CONSENT_VALUES), loaded=len(CONSENT_VALUES) - bad, rejected=bad
    )
    wh.assert_file_counts(CONSENT_ALIAS, read=1, loaded=1, rejected=0)
    wh.assert_file_counts(CONSENT_ABSENT, read=1, loaded=1, rejected=0)
    wh.assert_file_counts(CONSENT_XLSX, read=4, loaded=4, rejected=0)
    return wh


@pytest.mark.parametrize(("written", "visible"), ACCEPTED_CONSENT)
def test_every_accepted_consent_spelling_loads(consent, written, visible):
    row = consent.initiative(f"ZICHT-{CONSENT_VALUES.index(written)}")
    assert row["visible_to_public"] is visible


def test_english_alias_public_is_accepted(consent):
    assert consent.initiative("PUB-1")["visible_to_public"] is True


def test_an_absent_consent_column_means_nee(consent):
    assert consent.initiative("ZONDER-1")["visible_to_public"] is False


@pytest.mark.parametrize(
    ("initiative_id", "visible"),
    [("XL-TRUE", True), ("XL-FALSE", False), ("XL-ONE", True), ("XL-ZERO", False)],
)
def test_excel_boolean_and_number_cells_are_consent(consent, initiative_id, visible):
    assert consent.initiative(initiative_id)["visible_to_public"] is visible


@pytest.mark.parametrize("written", REJECTED_CONSENT)
def test_other_consent_values_reject_the_row_with_a_dutch_reason(consent, written):
    consent.assert_rejected(
        CONSENT,
        row_of(CONSENT_VALUES.index(written)),
        field="zichtbaar",
        value=written,
        words=[f"'{written}' is geen geldige waarde voor zichtbaar", "gebruik ja of nee"],
    )
    assert consent.initiative(f"ZICHT-{CONSENT_VALUES.index(written)}") is None


# ====================================================================== superseding

JAN, FEB = "initiatieven_2024-01.csv", "initiatieven_2024-02.csv"


def write_supersede(x):
    x.csv(
        JAN,
        [
            x.initiative("SUP-1", naam="Versie januari"),
            x.initiative("SUP-2", naam="Blijft staan"),
            x.initiative("SUP-3", naam="Eerste regel"),
            x.initiative("SUP-3", naam="Tweede regel"),
            x.initiative("SUP-4", naam="Geldig in januari"),
        ],
    )
    x.csv(
        FEB,
        [
            x.initiative("SUP-1", naam="Versie februari"),
            x.initiative("SUP-4", naam="Kapotte correctie", gemeente="Utrect"),
        ],
    )
    x.csv("knelpunten_2024-01.csv", [x.obstacle("SUP-K1", thema="zorg")])
    x.csv("knelpunten_2024-02.csv", [x.obstacle("SUP-K1", thema="wonen")])


@pytest.fixture(scope="module")
def supersede(built):
    return built("supersede", write_supersede, as_of=AS_OF)


def test_later_file_replaces_the_earlier_record(supersede):
    row = supersede.initiative("SUP-1")
    assert (row["name"], row["source_path"], row["source_row"]) == ("Versie februari", FEB, 2)
    assert supersede.obstacle("SUP-K1")["theme"] == "wonen"
    supersede.assert_file_counts("knelpunten_2024-01.csv", read=1, loaded=0, superseded=1)
    supersede.assert_file_counts("knelpunten_2024-02.csv", read=1, loaded=1)


def test_later_row_in_the_same_file_replaces_the_earlier(supersede):
    row = supersede.initiative("SUP-3")
    assert (row["name"], row["source_row"]) == ("Tweede regel", 5)


def test_later_rejected_row_replaces_nothing(supersede):
    supersede.assert_rejected(
        FEB, 3, field="gemeente", value="Utrect", words=["bedoelde u Utrecht?"]
    )
    row = supersede.initiative("SUP-4")
    assert (row["name"], row["source_path"], row["source_row"]) == ("Geldig in januari", JAN, 6)


def test_superseded_rows_are_counted_not_rejected(supersede):
    assert supersede.initiative("SUP-2")["name"] == "Blijft staan"
    assert supersede.ids("initiatives") == {"SUP-1", "SUP-2", "SUP-3", "SUP-4"}
    supersede.assert_file_counts(JAN, read=5, loaded=3, superseded=2)
    supersede.assert_file_counts(FEB, read=2, loaded=1, rejected=1)
    assert {(r["path"], r["row_number"]) for r in supersede.rejects()} == {(FEB, 3)}


# ====================================================================== erasure (AVG)


def write_erasure(x):
    x.csv(
        "initiatieven_2024-01.csv",
        [
            x.initiative("ERASE-I1", naam="Geheim initiatief"),
            x.initiative("KEEP-I2"),
            x.initiative("ERASE-I3", naam="Geheim initiatief drie"),
        ],
    )
    x.csv(
        "initiatieven_2024-02.csv",
        [
            x.initiative("ERASE-I1", naam="Geheim initiatief bijgewerkt"),
            x.initiative("KEEP-I5"),
        ],
    )
    x.csv(
        "knelpunten.csv",
        [
            x.obstacle("ERASE-K1", initiatief_id="ERASE-I1", omschrijving="Geheim knelpunt"),
            x.obstacle("ERASE-K2", initiatief_id="KEEP-I2", omschrijving="Geheim knelpunt twee"),
            x.obstacle("KEEP-K3", initiatief_id="KEEP-I2"),
            x.obstacle("KEEP-K4"),
        ],
    )
    x.csv(
        "reacties.csv",
        [
            x.response("ERASE-R1", "ERASE-K1", toelichting="Geheime reactie"),
            x.response("ERASE-R2", "ERASE-K2", toelichting="Geheime reactie twee"),
            x.response("KEEP-R3", "KEEP-K3"),
            x.response("KEEP-R4", "KEEP-K4"),
        ],
    )
    x.csv(
        "verwijderen.csv",
        [
            {"initiatief_id": "ERASE-I1", "knelpunt_id": ""},
            {"initiatief_id": "", "knelpunt_id": "ERASE-K2"},
        ],
    )
    x.csv("erasure_2024.csv", [{"initiative_id": "ERASE-I3"}])


@pytest.fixture(scope="module")
def erasure(built):
    return built("erasure", write_erasure, as_of=AS_OF)


def test_erased_initiative_takes_its_obstacles_and_their_responses(erasure):
    assert erasure.ids("initiatives") == {"KEEP-I2", "KEEP-I5"}
    assert "ERASE-K1" not in erasure.ids("obstacles")
    assert "ERASE-R1" not in erasure.ids("responses")


def test_erased_obstacle_takes_its_responses(erasure):
    assert erasure.ids("obstacles") == {"KEEP-K3", "KEEP-K4"}
    assert erasure.ids("responses") == {"KEEP-R3", "KEEP-R4"}


def test_erased_rows_are_counted_per_file(erasure):
    erasure.assert_file_counts("initiatieven_2024-01.csv", read=3, loaded=1, erased=2)
    erasure.assert_file_counts("initiatieven_2024-02.csv", read=2, loaded=1, erased=1)
    erasure.assert_file_counts("knelpunten.csv", read=4, loaded=2, erased=2)
    erasure.assert_file_counts("reacties.csv", read=4, loaded=2, erased=2)


def test_erased_rows_are_never_rejected_nor_listed(erasure):
    assert erasure.rejects() == []
    leaks = [v for v in erasure.text_values() if "ERASE-" in v or "Geheim" in v]
    assert leaks == []


# ====================================================================== references and responses


def write_references(x):
    x.csv(
        "initiatieven.csv",
        [
            x.initiative("REF-I1"),
            x.initiative("REF-I2", geregistreerd_op="31-02-2024"),
        ],
    )
    x.csv(
        "knelpunten.csv",
        [
            x.obstacle("REF-K1", initiatief_id="REF-I1", gemeld_op="2024-04-01"),
            x.obstacle("REF-K2", initiatief_id="REF-ONBEKEND"),
            x.obstacle("REF-K3", gemeld_op="2024-04-01"),
            x.obstacle("REF-K4", initiatief_id="REF-I2"),
        ],
    )
    x.csv(
        "reacties.csv",
        [
            x.response("REF-R1", "REF-K1", datum="2024-04-10"),
            x.response("REF-R2", "REF-K-ONBEKEND"),
            x.response("REF-R3", "REF-K1", datum="01-03-2024"),
            x.response("REF-R4", "REF-K3", datum="01-04-2024"),
            x.response("REF-R5", "REF-K2"),
        ],
    )


@pytest.fixture(scope="module")
def references(built):
    wh = built("references", write_references, as_of=AS_OF)
    assert wh.ids("obstacles") == {"REF-K1", "REF-K3"}
    assert wh.ids("responses") == {"REF-R1", "REF-R4"}  # R4: same day as reported is fine
    wh.assert_file_counts("knelpunten.csv", read=4, loaded=2, rejected=2)
    wh.assert_file_counts("reacties.csv", read=5, loaded=2, rejected=3)
    return wh


def test_obstacle_with_unknown_initiative_is_rejected(references):
    references.assert_rejected(
        "knelpunten.csv",
        3,
        field="initiatief_id",
        value="REF-ONBEKEND",
        words=["Onbekend initiatief 'REF-ONBEKEND'"],
    )


def test_obstacle_of_a_rejected_initiative_is_rejected(references):
    references.assert_rejected(
        "knelpunten.csv", 5, field="initiatief_id", value="REF-I2", words=["'REF-I2'"]
    )


def test_response_with_unknown_obstacle_is_rejected(references):
    references.assert_rejected(
        "reacties.csv",
        3,
        field="knelpunt_id",
        value="REF-K-ONBEKEND",
        words=["Onbekend knelpunt 'REF-K-ONBEKEND'"],
    )
    references.assert_rejected(
        "reacties.csv", 6, field="knelpunt_id", value="REF-K2", words=["'REF-K2'"]
    )


def test_response_before_the_obstacle_was_reported_is_rejected(references):
    references.assert_rejected(
        "reacties.csv",
        4,
        field="datum",
        value="01-03-2024",
        words=["01-03-2024", "meldingsdatum", "01-04-2024"],
    )


# ====================================================================== obstacle status

STATUS_RESPONSES = [  # (response, obstacle, datum, uitkomst), deliberately not in date order
    ("RA1", "ST-A", "2024-02-01", "ontvangen"),
    ("RA2", "ST-A", "2024-03-01", "deels_opgelost"),
    ("RA3", "ST-A", "2024-04-01", "afgewezen"),
    ("RB1", "ST-B", "2024-05-01", "opgelost"),
    ("RB2", "ST-B", "2024-02-10", "in_behandeling"),
    ("RC1", "ST-C", "2024-02-15", "doorverwezen"),
    ("RD1", "ST-D", "2024-04-01", "opgelost"),
    ("RD2", "ST-D", "2024-03-01", "opgelost"),
    ("RE1", "ST-E", "2024-02-01", "ontvangen"),
    ("RE2", "ST-E", "2024-06-01", "geweigerd"),  # rejected: counts for nothing
]
STATUSES = [
    pytest.param("ST-OPEN", "open", None, None, id="no-response-open"),
    pytest.param(
        "ST-A", "afgewezen", date(2024, 2, 1), date(2024, 3, 1), id="latest-decides-resolved-stays"
    ),
    pytest.param(
        "ST-B", "opgelost", date(2024, 2, 10), date(2024, 5, 1), id="latest-by-date-not-by-row"
    ),
    pytest.param("ST-C", "doorverwezen", date(2024, 2, 15), None, id="not-resolved"),
    pytest.param("ST-D", "opgelost", date(2024, 3, 1), date(2024, 3, 1), id="earliest-resolution"),
    pytest.param("ST-E", "ontvangen", date(2024, 2, 1), None, id="rejected-response-ignored"),
]


def write_status(x):
    x.csv("knelpunten.csv", [x.obstacle(p.values[0], gemeld_op="2024-01-15") for p in STATUSES])
    x.csv(
        "reacties.csv", [x.response(r, o, datum=d, uitkomst=u) for r, o, d, u in STATUS_RESPONSES]
    )


@pytest.fixture(scope="module")
def status(built):
    wh = built("status", write_status, as_of=AS_OF)
    wh.assert_file_counts("knelpunten.csv", read=len(STATUSES), loaded=len(STATUSES))
    wh.assert_file_counts(
        "reacties.csv", read=len(STATUS_RESPONSES), loaded=len(STATUS_RESPONSES) - 1, rejected=1
    )
    return wh


@pytest.mark.parametrize(("obstacle_id", "state", "first", "resolved"), STATUSES)
def test_obstacle_status_and_response_dates(status, obstacle_id, state, first, resolved):
    row = status.obstacle(obstacle_id)
    assert (row["status"], row["first_response_at"], row["resolved_at"]) == (state, first, resolved)


# ====================================================================== whole-file rejection


def write_whole_file(x):
    x.csv(
        "initiatieven_a_zonder_datum.csv",
        [
            {"initiatief_id": "FILE-X1", "naam": "Zonder datum", "gemeente": "Utrecht"},
            {"initiatief_id": "FILE-X2", "naam": "Ook zonder", "gemeente": "Zeist"},
        ],
    )
    x.csv("initiatieven_b.csv", [x.initiative("FILE-OK1"), x.initiative("FILE-OK2")])
    header = ["knelpunt_id", "gemeente", "gemeld_op", "thema"]
    x.xlsx(
        "knelpunten_zonder_categorie.xlsx",
        {"Knelpunten": [header, ["FILE-XK1", "Utrecht", date(2024, 4, 1), "zorg"]]},
    )
    x.csv("knelpunten_ok.csv", [x.obstacle("FILE-K1", initiatief_id="FILE-OK1")])


@pytest.fixture(scope="module")
def whole_file(built):
    return built("whole_file", write_whole_file, as_of=AS_OF)


@pytest.mark.parametrize(
    ("path", "missing", "found", "rows"),
    [
        pytest.param(
            "initiatieven_a_zonder_datum.csv",
            "'geregistreerd_op'",
            "initiatief_id, naam, gemeente",
            2,
            id="csv",
        ),
        pytest.param(
            "knelpunten_zonder_categorie.xlsx",
            "'categorie'",
            "knelpunt_id, gemeente, gemeld_op, thema",
            1,
            id="xlsx",
        ),
    ],
)
def test_file_missing_a_required_column_is_rejected_whole(whole_file, path, missing, found, rows):
    (reject,) = whole_file.rejects(path)
    assert reject["row_number"] is None
    for word in (path, missing, found):
        assert word in reject["reason"], reject["reason"]
    assert whole_file.file(path)["error"] == reject["reason"]
    # Every data row of the file is counted as rejected (the file had `rows` of them).
    whole_file.assert_file_counts(path, read=rows, loaded=0, rejected=rows)


def test_other_files_still_load_when_one_is_rejected_whole(whole_file):
    assert whole_file.ids("initiatives") == {"FILE-OK1", "FILE-OK2"}
    assert whole_file.ids("obstacles") == {"FILE-K1"}
    whole_file.assert_file_counts("initiatieven_b.csv", read=2, loaded=2)
    whole_file.assert_file_counts("knelpunten_ok.csv", read=1, loaded=1)
    (load,) = whole_file.query("SELECT status FROM etl.loads")
    assert load["status"] == "completed_with_rejects"


# ====================================================================== personal data

CONTACT = {
    "contactpersoon": "Marieke de Vries",
    "email": "marieke.devries@example.nl",
    "telefoon": "06-98765432",
}
REDACTED = [
    pytest.param("jan.jansen+buurt@voorbeeld-mail.nl", id="email"),
    pytest.param("06-12345678", id="mobile-hyphen"),
    pytest.param("06 1234 5678", id="mobile-spaces"),
    pytest.param("0612345678", id="mobile-plain"),
    pytest.param("030-1234567", id="landline"),
    pytest.param("+31 6 12345678", id="mobile-international"),
    pytest.param("+31 (0)30 123 4567", id="landline-international"),
    pytest.param("3511 AB 12", id="postcode-house-number"),
    pytest.param("3511AB", id="postcode"),
    pytest.param("Marieke de Vries", id="own-contact-name"),
    pytest.param("marieke de vries", id="own-contact-name-lower-case"),
]
REDACTED_VALUES = [p.values[0] for p in REDACTED]
ORDINARY_TEXT = (
    "In 2024 is de subsidie met 1500 euro verhoogd; 25 vrijwilligers, 3 avonden "
    "per week (sinds 2019), bus 12 rijdt om 10.30 uur."
)


def _around(pii):
    return f"Contact: {pii} (graag)"


def write_privacy(x):
    rows = [
        x.initiative(f"PRIV-{i}", **CONTACT, omschrijving=_around(v))
        for i, v in enumerate(REDACTED_VALUES)
    ]
    rows.append(x.initiative("PRIV-TEXT", **CONTACT, omschrijving=ORDINARY_TEXT))
    rows.append(x.initiative("PRIV-REJ", **CONTACT, gemeente="Utrect"))
    x.csv("initiatieven_privacy.csv", rows)
    x.csv(
        "knelpunten.csv",
        [
            x.obstacle(
                "PRIV-K1", omschrijving="Wethouder: 030-1234567 of w.bakker@utrecht.nl (graag)"
            )
        ],
    )
    x.csv(
        "reacties.csv",
        [
            x.response(
                "PRIV-R1",
                "PRIV-K1",
                toelichting="Terugbellen 06 1234 5678, post naar 3511AB (graag)",
            )
        ],
    )


@pytest.fixture(scope="module")
def privacy(built):
    wh = built("privacy", write_privacy, as_of=AS_OF)
    n = len(REDACTED) + 2
    wh.assert_file_counts("initiatieven_privacy.csv", read=n, loaded=n - 1, rejected=1)
    return wh


def _assert_redacted(text, pii):
    assert text is not None
    assert pii.lower() not in text.lower(), text
    assert not re.search(r"\d", text), f"digits left in {text!r}"
    assert "@" not in text
    assert text.startswith("Contact: ") or text.startswith(("Wethouder: ", "Terugbellen ")), text
    assert text.endswith(" (graag)"), text


@pytest.mark.parametrize("pii", REDACTED)
def test_free_text_is_redacted(privacy, pii):
    row = privacy.initiative(f"PRIV-{REDACTED_VALUES.index(pii)}")
    _assert_redacted(row["description"], pii)
    if pii.lower() == "marieke de vries":
        assert "marieke" not in row["description"].lower()


def test_obstacle_description_and_response_note_are_redacted(privacy):
    _assert_redacted(privacy.obstacle("PRIV-K1")["description"], "w.bakker@utrecht.nl")
    _assert_redacted(privacy.response("PRIV-R1")["note"], "06 1234 5678")


def test_ordinary_text_with_numbers_stays_intact(privacy):
    assert privacy.initiative("PRIV-TEXT")["description"] == ORDINARY_TEXT


def test_personal_data_columns_never_enter_the_warehouse(privacy):
    privacy.assert_rejected(
        "initiatieven_privacy.csv",
        len(REDACTED) + 3,
        field="gemeente",
        value="Utrect",
        words=["bedoelde u Utrecht?"],
    )
    personal = ("Marieke", "marieke", "devries", "example.nl", "98765432", "06-9876")
    leaks = [v for v in privacy.text_values() if any(p in v for p in personal)]
    assert leaks == []
    columns = privacy.column_names()
    assert not columns & {"contactpersoon", "email", "telefoon", "contact_name", "phone"}


# ====================================================================== extra fields

EXTRA = "initiatieven_extra_velden.csv"


def write_extra_fields(x):
    x.bytes(
        EXTRA,
        (
            b"initiatief_id,naam,gemeente,geregistreerd_op\r\n"
            b"XF-1,Buurtkamer,Utrecht,2024-03-05\r\n"
            b"XF-2,Buurthuis,Utrecht,2024-03-05,overbodig,piet@example.nl\r\n"
            b"XF-3,Trailing,Utrecht,2024-03-05,,\r\n"
            b"XF-4,Tuin,Utrecht,2024-03-05\r\n"
        ),
    )


@pytest.fixture(scope="module")
def extra_fields(built):
    return built("extra_fields", write_extra_fields, as_of=AS_OF)


def test_row_with_more_fields_than_the_header_is_rejected(extra_fields):
    reject = extra_fields.assert_rejected(
        EXTRA,
        3,
        field="(rij)",
        value=None,
        words=["2 velden meer dan de kopregel", "vanaf kolom E"],
    )
    # What surplus cells hold is unknown (a shifted e-mail or address column): the reject
    # says how many there are and where, and quotes none of them.
    assert "overbodig" not in reject["reason"]
    assert "piet" not in reject["reason"]
    assert "XF-2" not in extra_fields.ids("initiatives")


def test_empty_trailing_fields_are_not_extra_fields(extra_fields):
    # Excel writes trailing separators for empty cells right of the table.
    assert extra_fields.ids("initiatives") == {"XF-1", "XF-3", "XF-4"}
    extra_fields.assert_file_counts(EXTRA, read=4, loaded=3, rejected=1)


@pytest.mark.parametrize(
    ("number", "letters"),
    [(1, "A"), (5, "E"), (26, "Z"), (27, "AA"), (52, "AZ"), (703, "AAA"), (16384, "XFD")],
)
def test_surplus_cells_are_named_by_their_spreadsheet_column(number, letters):
    import duckdb

    from etl.models import run_models

    con = duckdb.connect()
    con.execute(
        "CREATE TEMP TABLE run_params AS SELECT DATE '2026-11-26' AS as_of, "
        "'Utrecht' AS run_scope, 'Nederland' AS national_scope"
    )
    run_models(con, "macros")
    assert con.execute("SELECT spreadsheet_column(?)", [number]).fetchone()[0] == letters
