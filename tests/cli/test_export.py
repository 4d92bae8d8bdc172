"""`omzien export ...` end to end through the installed entry point: files, exit codes."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from pptx import Presentation
from pypdf import PdfReader

OMZIEN = Path(sys.executable).parent / "omzien"


def omzien(*args: str, cwd: Path, warehouse: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "OMZIEN_WAREHOUSE"}
    if warehouse is not None:
        env["OMZIEN_WAREHOUSE"] = str(warehouse)
    return subprocess.run(
        [str(OMZIEN), "export", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env=env,
    )


def _no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.slow
def test_fact_sheet_to_the_default_dated_path(demo_warehouse: Path, tmp_path: Path) -> None:
    result = omzien(
        "gemeente", "GM0312", "--format", "pptx", cwd=tmp_path, warehouse=demo_warehouse
    )
    assert result.returncode == 0, result.stderr
    target = tmp_path / "exports" / "2026-11-26_gemeente_GM0312.pptx"
    assert target.exists()
    assert "Geschreven: exports/2026-11-26_gemeente_GM0312.pptx" in result.stdout
    assert "SYNTHETISCHE" in result.stdout
    deck = Presentation(str(target))
    assert len(deck.slides) > 5


@pytest.mark.slow
def test_agenda_as_markdown_and_comparison_as_pdf(demo_warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    result = omzien(
        "agenda",
        "--format",
        "md",
        "--out",
        str(out),
        "--warehouse",
        str(demo_warehouse),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("> **SYNTHETISCHE DEMOGEGEVENS")
    assert f"Geschreven: {out}" in result.stdout

    result = omzien(
        "vergelijking", "--regio", "u10", "--format", "pdf", cwd=tmp_path, warehouse=demo_warehouse
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "exports" / "2026-11-26_vergelijking_u10.pdf"
    text = PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].extract_text()
    assert "Vergelijking U10" in text


def test_intern_file_name_and_mark(fixture_warehouse: Path, tmp_path: Path) -> None:
    result = omzien(
        "agenda", "--format", "md", "--intern", cwd=tmp_path, warehouse=fixture_warehouse
    )
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "exports" / "2026-11-26_agenda_INTERN.md").read_text(encoding="utf-8")
    assert "INTERN" in text
    assert "Voorbeelden (intern)" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("gemeente", "GM9999"), "'GM9999' is geen gemeente van de provincie"),
        (("gemeente", "Bunik"), "Bunnik (GM0312)"),
        (("agenda", "--format", "docx"), "'docx' kan hier niet; kies uit: pptx, pdf, md."),
        (("gemeente", "GM0312", "--format", "md"), "kies uit: pptx, pdf."),
        (("vergelijking", "--regio", "u99"), "'u99' is geen regio; kies uit: u10, u16"),
        (("agenda", "--van", "gisteren"), "'gisteren' is geen datum"),
    ],
)
def test_wrong_usage_exits_2_in_dutch(
    fixture_warehouse: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = omzien(*args, cwd=tmp_path, warehouse=fixture_warehouse)
    assert result.returncode == 2
    assert message in result.stderr
    _no_traceback(result)
    assert not (tmp_path / "exports").exists()


def test_no_warehouse_or_nothing_to_export_exits_1(fixture_warehouse: Path, tmp_path: Path) -> None:
    result = omzien("agenda", cwd=tmp_path, warehouse=tmp_path / "missing.duckdb")
    assert result.returncode == 1
    assert "Er is nog geen warehouse op" in result.stderr
    _no_traceback(result)
    # Amersfoort has no obstacles in the fixture.
    result = omzien(
        "gemeente", "GM0307", "--format", "pdf", cwd=tmp_path, warehouse=fixture_warehouse
    )
    assert result.returncode == 1
    assert "Er is niets te exporteren: Amersfoort heeft geen knelpunten" in result.stderr
    _no_traceback(result)


@pytest.mark.slow
def test_who_solved_it_and_the_directory_on_the_demo(demo_warehouse: Path, tmp_path: Path) -> None:
    import openpyxl

    result = omzien(
        "oplossingen",
        "--thema",
        "zorg_welzijn",
        "--categorie",
        "financiering",
        "--format",
        "xlsx",
        cwd=tmp_path,
        warehouse=demo_warehouse,
    )
    assert result.returncode == 0, result.stderr
    xlsx = tmp_path / "exports" / "2026-11-26_oplossingen_zorg_welzijn-financiering.xlsx"
    assert f"Geschreven: exports/{xlsx.name}" in result.stdout
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["Per gemeente", "Definities", "Bron"]

    # By label and alias, for a region, intern, as PDF.
    result = omzien(
        "oplossingen",
        "--thema",
        "Zorg en welzijn",
        "--categorie",
        "subsidie",
        "--regio",
        "U16",
        "--intern",
        "--format",
        "pdf",
        cwd=tmp_path,
        warehouse=demo_warehouse,
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "exports" / "2026-11-26_oplossingen_zorg_welzijn-financiering_u16_INTERN.pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "Wie loste het op?" in text
    assert "Hoe het werd opgelost (intern)" in text
    assert "INTERN" in text

    result = omzien("kennisbank", cwd=tmp_path, warehouse=demo_warehouse)
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(tmp_path / "exports" / "2026-11-26_kennisbank.xlsx")
    assert book.sheetnames == ["Kennisbank", "Bron"]
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        (public,) = con.execute(
            "SELECT count(*) FROM core.initiatives WHERE visible_to_public"
        ).fetchone()
    assert book["Kennisbank"].max_row == public + 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("oplossingen", "--thema", "toerisme", "--categorie", "financiering"),
            "'toerisme' is geen thema; kies uit: zorg_welzijn",
        ),
        (
            ("oplossingen", "--thema", "wonen", "--categorie", "parkeren"),
            "'parkeren' is geen soort knelpunt; kies uit: financiering",
        ),
        (
            ("oplossingen", "--thema", "wonen", "--categorie", "beleid", "--format", "pptx"),
            "'pptx' kan hier niet; kies uit: xlsx, pdf.",
        ),
        (("kennisbank", "--format", "pdf"), "'pdf' kan hier niet; kies uit: xlsx."),
        (("kennisbank", "--regio", "u99"), "'u99' is geen regio"),
    ],
)
def test_wrong_usage_of_the_knowledge_base_exports_exits_2(
    fixture_warehouse: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = omzien(*args, cwd=tmp_path, warehouse=fixture_warehouse)
    assert result.returncode == 2
    assert message in result.stderr
    _no_traceback(result)
    assert not (tmp_path / "exports").exists()


def test_nothing_to_show_in_the_knowledge_base_exports_exits_1(
    fixture_warehouse: Path, tmp_path: Path
) -> None:
    # No fixture initiative consented to be shown publicly.
    result = omzien("kennisbank", cwd=tmp_path, warehouse=fixture_warehouse)
    assert result.returncode == 1
    assert "Er is niets te exporteren: Geen initiatieven in deze selectie." in result.stderr
    result = omzien(
        "oplossingen",
        "--thema",
        "wonen",
        "--categorie",
        "beleid",
        cwd=tmp_path,
        warehouse=fixture_warehouse,
    )
    assert result.returncode == 1
    assert "Geen knelpunten van deze soort" in result.stderr
    _no_traceback(result)
    result = omzien("kennisbank", "--intern", cwd=tmp_path, warehouse=fixture_warehouse)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "exports" / "2026-11-26_kennisbank_INTERN.xlsx").exists()


@pytest.mark.slow
def test_comparison_defaults_to_the_first_region_of_another_network(
    national_demo_warehouse: Path, tmp_path: Path
) -> None:
    """Without --regio a network without U16 compares its first region (here a province),
    and a large province still fits: the chart shows a focus, the table every municipality."""
    result = omzien(
        "vergelijking", "--format", "pptx", cwd=tmp_path, warehouse=national_demo_warehouse
    )
    _no_traceback(result)
    assert result.returncode == 0, result.stderr
    deck = Presentation(str(tmp_path / "exports" / "2026-11-26_vergelijking_groningen.pptx"))
    charts = [s.chart for slide in deck.slides for s in slide.shapes if s.has_chart]
    assert charts
    big = omzien(
        "vergelijking",
        "--regio",
        "noord_brabant",
        "--format",
        "pptx",
        cwd=tmp_path,
        warehouse=national_demo_warehouse,
    )
    assert big.returncode == 0, big.stderr
    deck = Presentation(str(tmp_path / "exports" / "2026-11-26_vergelijking_noord_brabant.pptx"))
    bars = [s.chart for slide in deck.slides for s in slide.shapes if s.has_chart]
    # 56 municipalities: the chart holds the surest best and worst ten, the tables all.
    assert max(len(chart.plots[0].categories) for chart in bars) <= 21
    cells = {
        cell.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
        for cell in row.cells
    }
    assert {"Tilburg", "Eindhoven", "Boxtel", "Vught"} <= cells
