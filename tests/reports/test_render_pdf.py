"""The A4 PDF: figures as text, provenance on every page, the synthetic label everywhere."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from reports import model
from reports.factsheet import factsheet
from reports.render_pdf import render as render_pdf
from tests.reports.conftest import MADE_ON


def test_a4_pages(bunnik: model.Report) -> None:
    reader = PdfReader(io.BytesIO(render_pdf(bunnik)))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert reader.metadata.title == "Feitenblad Bunnik"


def test_every_page_carries_source_and_synthetic_label(bunnik_pdf: list[str]) -> None:
    assert len(bunnik_pdf) >= 3
    for number, text in enumerate(bunnik_pdf, start=1):
        assert "SYNTHETISCHE DEMOGEGEVENS" in text, number
        assert "Omzien, warehouse load 1, peildatum 26-11-2026" in text, number
        assert f"pagina {number}" in text


def test_provenance_lines(bunnik_pdf: list[str]) -> None:
    text = "\n".join(bunnik_pdf)
    for label in ("Bron", "Peildatum", "Load", "Periode", "Selectie", "Kleine aantallen"):
        assert re.search(rf"^{label}\b", text, re.MULTILINE), label
    assert "Definities" in text
    assert "Wilson" in text


def test_figures_in_the_text(bunnik_pdf: list[str], demo_con) -> None:
    obstacles, resolved = demo_con.execute(
        "SELECT count(*), count(resolved_at) FROM core.obstacles WHERE cbs_code = 'GM0312'"
    ).fetchone()
    text = "\n".join(bunnik_pdf)
    assert f"{resolved / obstacles:.0%}" in text
    assert f"{resolved} van {obstacles}" in text
    # The numbers beside each chart: the largest category with its count.
    category, count = demo_con.execute(
        "SELECT category, count(*) FROM core.obstacles WHERE cbs_code = 'GM0312' "
        "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1"
    ).fetchone()
    from etl.vocabularies import CATEGORIES

    assert re.search(rf"{CATEGORIES.label(category)}\s+{count}\b", text)


def test_public_and_intern_pdf(fixture_wh) -> None:
    public = render_pdf(factsheet(fixture_wh, "GM0344", made_on=MADE_ON))
    intern = render_pdf(factsheet(fixture_wh, "GM0344", intern=True, made_on=MADE_ON))
    public_text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(public)).pages)
    intern_pages = [p.extract_text() for p in PdfReader(io.BytesIO(intern)).pages]
    assert "Subsidie gestopt" not in public_text
    assert "Subsidie gestopt" in "\n".join(intern_pages)
    assert all("INTERN" in page for page in intern_pages)
    assert "SYNTHETISCHE" not in public_text


@pytest.mark.slow
def test_pdf_page_renders_as_a_non_blank_image(bunnik: model.Report, tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed; .ci/run installs it")
    pdf = tmp_path / "feitenblad.pdf"
    pdf.write_bytes(render_pdf(bunnik))
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "2", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 2
    for page in pages:
        image = Image.open(page).convert("L")
        low, high = image.getextrema()
        assert high - low > 100  # text and charts, not an empty page
        histogram = image.histogram()
        assert sum(histogram[:200]) / sum(histogram) > 0.02  # some ink on it
