"""Reports built once per test session from the fixture and demo warehouses, and rendered."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import duckdb
import pytest
from pptx import Presentation
from pypdf import PdfReader

from readmodel.warehouse import Warehouse, read_warehouse
from reports import model
from reports.agenda_brief import agenda_brief
from reports.comparison import comparison
from reports.factsheet import factsheet
from reports.render_pdf import render as render_pdf
from reports.render_pptx import FOOTER, MARK, TITLE
from reports.render_pptx import render as render_pptx

MADE_ON = date(2026, 11, 27)


@pytest.fixture(scope="session")
def demo_con(demo_warehouse: Path):
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        yield con


@pytest.fixture(scope="session")
def fixture_con(fixture_warehouse: Path):
    with duckdb.connect(str(fixture_warehouse), read_only=True) as con:
        yield con


@pytest.fixture(scope="session")
def demo_wh(demo_con) -> Warehouse:
    return read_warehouse(demo_con)


@pytest.fixture(scope="session")
def fixture_wh(fixture_con) -> Warehouse:
    return read_warehouse(fixture_con)


@pytest.fixture(scope="session")
def bunnik(demo_wh) -> model.Report:
    """The demo fact sheet of Bunnik (29 obstacles)."""
    return factsheet(demo_wh, "GM0312", made_on=MADE_ON)


@pytest.fixture(scope="session")
def bunnik_pptx(bunnik: model.Report):
    return Presentation(io.BytesIO(render_pptx(bunnik)))


@pytest.fixture(scope="session")
def bunnik_pdf(bunnik: model.Report) -> list[str]:
    """The text of each page of the PDF."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(bunnik))).pages]


@pytest.fixture(scope="session")
def u16(demo_wh) -> model.Report:
    return comparison(demo_wh, "u16", made_on=MADE_ON)


@pytest.fixture(scope="session")
def u16_pptx(u16: model.Report):
    return Presentation(io.BytesIO(render_pptx(u16)))


@pytest.fixture(scope="session")
def agenda(demo_wh) -> model.Report:
    return agenda_brief(demo_wh, made_on=MADE_ON)


def shape_text(slide, name: str) -> str:
    return " ".join(s.text_frame.text for s in slide.shapes if s.name == name)


def slide_title(slide) -> str:
    return shape_text(slide, TITLE)


def slide_footer(slide) -> str:
    return shape_text(slide, FOOTER)


def slide_marks(slide) -> str:
    return shape_text(slide, MARK)


def charts(deck, title: str) -> list:
    """The native charts on the slides with this title."""
    return [
        shape.chart
        for slide in deck.slides
        if slide_title(slide) == title
        for shape in slide.shapes
        if shape.has_chart
    ]


def all_text(deck) -> str:
    """Every text of the deck: text boxes and table cells."""
    parts = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(parts)
