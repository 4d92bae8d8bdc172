"""Data en kwaliteit (/kwaliteit): the load, files, rejects, freshness, definitions, page.

The fixture load rejects five rows: INI-06 (gemeente 'Utrect'), K-08 (initiative INI-99),
K-09 (reported after the as-of day), R-08 (before its report) and R-09 (unknown K-77).
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from charts.quality import rejects_bars
from dashboard import exports
from readmodel import quality
from readmodel.tables import files_table, rejects_summary_table

FILES = ["initiatieven_2026.xlsx", "knelpunten_2026.csv", "reacties_2026.csv"]


@pytest.fixture
def con(fixture_warehouse: Path):
    with duckdb.connect(str(fixture_warehouse), read_only=True) as connection:
        yield connection


def test_the_load_and_its_files(con) -> None:
    loads = quality.loads(con)
    assert len(loads) == 1
    load = loads.iloc[0]
    assert (load["load_id"], load["status"], load["files"]) == (1, "completed_with_rejects", 3)
    assert (load["rows_loaded"], load["rows_rejected"], load["synthetic"]) == (19, 5, False)
    files = quality.files(con, 1)
    assert list(files["path"]) == FILES
    assert files[["rows_read", "rows_loaded", "rows_rejected"]].values.tolist() == [
        [6, 5, 1],
        [9, 7, 2],
        [9, 7, 2],
    ]
    table = files_table(files)
    assert list(table["Bron"]) == ["initiatieven", "knelpunten", "reacties"]
    assert quality.files(con, 2).empty


def test_rejects_per_file_and_rule_add_up_to_the_load(con) -> None:
    summary = quality.rejects_summary(con, 1)
    assert sorted(zip(summary["path"], summary["rule"], summary["field"], strict=True)) == [
        ("initiatieven_2026.xlsx", "municipality_unknown", "gemeente"),
        ("knelpunten_2026.csv", "date_after_as_of", "gemeld_op"),
        ("knelpunten_2026.csv", "initiative_unknown", "initiatief_id"),
        ("reacties_2026.csv", "obstacle_unknown", "knelpunt_id"),
        ("reacties_2026.csv", "response_before_report", "datum"),
    ]
    assert summary["rejects"].tolist() == [1, 1, 1, 1, 1]
    assert summary["rejects"].sum() == quality.loads(con).iloc[0]["rows_rejected"]
    first = summary.iloc[0]
    assert first["example"].startswith("Gemeente 'Utrect' is niet gevonden")
    assert rejects_summary_table(summary).iloc[0]["Regel"] == "onbekende gemeente"

    rows = quality.rejects(con, 1)
    assert list(zip(rows["path"], rows["row_number"], rows["value"], strict=True)) == [
        ("initiatieven_2026.xlsx", 7, "Utrect"),
        ("knelpunten_2026.csv", 9, "INI-99"),
        ("knelpunten_2026.csv", 10, "2026-12-01"),
        ("reacties_2026.csv", 9, "2025-04-01"),
        ("reacties_2026.csv", 10, "K-77"),
    ]
    assert quality.warnings(con, 1).empty


def test_rejects_chart_and_csv(con) -> None:
    figure = rejects_bars(quality.rejects_summary(con, 1))
    assert {trace.name for trace in figure.data} == {"initiatieven", "knelpunten", "reacties"}
    assert sum(sum(trace.x) for trace in figure.data) == 5
    assert "onbekend knelpunt" in list(figure.layout.yaxis.categoryarray)

    data = exports.rejects_csv(con, 1)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Bestand", "Rij", "Veld", "Waarde", "Reden", "Regel"]
    assert rows[1][:4] == ["initiatieven_2026.xlsx", "7", "gemeente", "Utrect"]
    assert len(rows) == 6


def test_freshness(con) -> None:
    assert quality.freshness(con) == {
        "newest_registration": pd.Timestamp("2025-01-10"),
        "newest_report": pd.Timestamp("2026-10-01"),
        "newest_response": pd.Timestamp("2025-05-06"),
        "registration_age": 685,
        "report_age": 56,  # 1 October to 26 November 2026
        "response_age": 569,
    }
    assert quality.days_since(pd.Timestamp("2026-11-26 23:50"), date(2026, 11, 30)) == 4
    assert quality.days_since(None, date(2026, 11, 30)) is None


def test_definitions_come_from_the_metrics_and_the_page_terms() -> None:
    definitions = quality.definitions_frame()
    assert {"label", "numerator", "denominator", "period", "censoring", "interval"} <= set(
        definitions.columns
    )
    assert "Eerste reactie binnen 30 dagen" in set(definitions["label"])
    terms = quality.page_terms().set_index("term")["meaning"]
    assert "minder dan 10 meldingen" in terms["Trend"]
    assert "{" not in "".join(terms)


# --- the page -----------------------------------------------------------------------


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


FIXTURE_METRICS = {
    "Peildatum": "26-11-2026",
    "Load": "1",
    "Bestanden": "3",
    "Rijen geladen": "19",
    "Rijen afgekeurd": "5",
    "Dagen sinds laatste melding": "56",
    "Dagen sinds laatste reactie": "569",
}


def test_page_shows_load_rejects_and_definitions(app, fixture_warehouse) -> None:
    at = app(fixture_warehouse, page="quality")
    assert not at.exception
    assert at.title[0].value == "Data en kwaliteit"
    shown = metrics(at)
    assert {k: shown[k] for k in FIXTURE_METRICS} == FIXTURE_METRICS
    assert "Dagen sinds de load" in shown
    assert [b.label for b in at.get("download_button")] == [
        "Download afgekeurde rijen (CSV voor Excel)"
    ]
    assert len(at.get("plotly_chart")) == 1
    assert any("Geen waarschuwingen" in s.value for s in at.success)
    assert list(at.dataframe[0].value["Bestand"]) == FILES
    # The definitions, the page terms and the numbers of the rejects chart (its text
    # alternative).
    assert len(at.table) == 3
    assert "Waarde" in at.table[0].value.columns


def test_sidebar_filters_do_not_change_the_load_figures(app, fixture_warehouse) -> None:
    at = app(fixture_warehouse, page="quality", gemeente="GM0355")
    assert not at.exception
    shown = metrics(at)
    assert {k: shown[k] for k in FIXTURE_METRICS} == FIXTURE_METRICS
    assert any("De filters in de zijbalk gelden hier niet" in m.value for m in at.markdown)


def test_page_on_the_demo_data_and_without_warehouse(app, demo_warehouse, tmp_path) -> None:
    at = app(demo_warehouse, page="quality")
    assert not at.exception
    assert metrics(at)["Rijen afgekeurd"] == "73"
    assert any("SYNTHETISCHE demogegevens" in m.value for m in at.markdown)
    at = app(tmp_path / "missing.duckdb", page="quality")
    assert not at.exception
    assert "omzien etl run" in at.info[0].value
