"""A Report as a 16:9 PowerPoint deck with native, editable charts.

The template is built in code on the blank layout: a title slide, a divider per section
with more than one slide, content slides with a title, a lead line, one table, chart or
figure, and a footer with the source on every slide (plus the synthetic / intern marks).
Bar charts are python-pptx chart objects carrying their data, so a presenter can restyle
them; funnel plots, curves and maps are PNG images drawn by kaleido.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches

from readmodel import strings as labels
from reports import images, model, strings
from reports.pptx_layout import HEIGHT, MARGIN, WIDTH, layout
from reports.pptx_shapes import (
    add_chart,
    add_picture,
    add_rect,
    add_table,
    add_text,
    add_tiles,
    fill_text,
)
from reports.style import GREY, PRIMARY, RULE, WARNING, rgb

CONTENT_TOP = Inches(1.75)
CONTENT_BOTTOM = Inches(6.75)
TOP_NO_LEAD = Inches(1.3)
BLANK = 6
TITLE, FOOTER, MARK = "Titel", "Bron", "Markering"  # shape names
DIVIDER_FROM = 3  # a section of this many slides or more opens with a divider slide


def render(report: model.Report) -> bytes:
    """The deck as .pptx bytes."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    pictures = _pictures(report)
    writer = _Writer(deck, report)
    writer.title_slide()
    for section in report.sections:
        slides = list(_slides(section))
        if len(slides) >= DIVIDER_FROM:
            writer.section_slide(section)
        for number, (title, lead, block) in enumerate(slides):
            lead = lead if lead is not None else (section.text if number == 0 else "")
            writer.content_slide(title or section.heading, lead, block, pictures)
    writer.provenance_slide()
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _pictures(report: model.Report) -> dict[int, bytes]:
    """Every Figure block drawn at once (one browser session), keyed by id(block)."""
    figures = report.blocks(model.Figure)
    drawn = images.png_images([(untitled(f.figure), f.width, f.height) for f in figures])
    return {id(f): png for f, png in zip(figures, drawn, strict=True)}


def untitled(figure):
    """A copy without its plotly title: the slide or page heading already says it."""
    copy = go.Figure(figure)
    copy.update_layout(title_text="", margin={"t": 50}, font_size=16)
    return copy


@dataclass(frozen=True)
class _TablePart:
    """The rows of a table (or definitions) that fit one slide, at the size they fit."""

    frame: pd.DataFrame
    widths: tuple[float, ...] | None
    size: int
    caption: str = ""


def _slides(section: model.Section) -> Iterator[tuple[str, str | None, object]]:
    """(title, lead, block) per slide; paragraphs become the lead of the next slide."""
    lead: list[str] = []
    for block in section.blocks:
        if isinstance(block, model.Paragraph):
            lead.append(block.text)
            continue
        title = getattr(block, "title", "") or section.heading
        text = " ".join(lead) if lead else None
        lead = []
        if isinstance(block, model.Table | model.Definitions):
            if isinstance(block, model.Definitions):
                frame = pd.DataFrame(
                    block.items, columns=[strings.COL_TERM, strings.COL_DEFINITION]
                )
                widths, caption = (1.0, 4.0), ""
            else:
                frame, widths, caption = block.on_page(), block.widths, block.caption
            room = CONTENT_BOTTOM - (CONTENT_TOP if (text or section.text) else TOP_NO_LEAD)
            for part in layout(frame, widths, room - Inches(0.1)):
                yield title, text, _TablePart(part[1], widths, part[0], caption)
                text = ""
        else:
            yield title, text, block
    if lead:
        yield section.heading, " ".join(lead), None


class _Writer:
    def __init__(self, deck, report: model.Report) -> None:
        self.deck = deck
        self.report = report
        self.number = 0

    # --- slides -------------------------------------------------------------------

    def _slide(self):
        self.number += 1
        return self.deck.slides.add_slide(self.deck.slide_layouts[BLANK])

    def title_slide(self) -> None:
        slide = self._slide()
        add_rect(slide, 0, 0, WIDTH, HEIGHT, PRIMARY)
        add_text(
            slide,
            MARGIN,
            Inches(1.9),
            WIDTH - 2 * MARGIN,
            Inches(1.3),
            self.report.title,
            name=TITLE,
            size=44,
            bold=True,
            colour="#ffffff",
        )
        add_text(
            slide,
            MARGIN,
            Inches(3.2),
            WIDTH - 2 * MARGIN,
            Inches(0.9),
            self.report.subtitle,
            size=22,
            colour="#dbe7f1",
        )
        prov = self.report.provenance
        lines = [prov.source, prov.selection]
        add_text(
            slide,
            MARGIN,
            Inches(4.6),
            WIDTH - 2 * MARGIN,
            Inches(1.0),
            "\n".join(lines),
            size=16,
            colour="#ffffff",
        )
        notes = [
            *([strings.SYNTHETIC_NOTE] if prov.synthetic else []),
            *([strings.INTERN_NOTE] if prov.intern else []),
        ]
        if notes:
            add_text(
                slide,
                MARGIN,
                Inches(5.8),
                WIDTH - 2 * MARGIN,
                Inches(1.0),
                "\n".join(notes),
                size=14,
                bold=True,
                colour="#ffd7d2",
            )
        self._marks(slide, on_dark=True)

    def section_slide(self, section: model.Section) -> None:
        slide = self._slide()
        add_rect(slide, 0, 0, Inches(0.35), HEIGHT, PRIMARY)
        add_text(
            slide,
            Inches(1.0),
            Inches(2.4),
            WIDTH - Inches(2),
            Inches(1.2),
            section.heading,
            name=TITLE,
            size=40,
            bold=True,
            colour=PRIMARY,
        )
        if section.text:
            add_text(
                slide,
                Inches(1.0),
                Inches(3.7),
                WIDTH - Inches(2.5),
                Inches(1.6),
                section.text,
                size=20,
                colour=GREY,
            )
        self._footer(slide)

    def content_slide(self, title: str, lead: str, block, pictures: dict[int, bytes]) -> None:
        slide = self._slide()
        add_text(
            slide,
            MARGIN,
            Inches(0.35),
            WIDTH - 2 * MARGIN - Inches(4.1),
            Inches(0.8),
            title,
            name=TITLE,
            size=28 if len(title) <= 40 else 22,
            bold=True,
            colour=PRIMARY,
        )
        top = CONTENT_TOP
        if lead:
            add_text(
                slide,
                MARGIN,
                Inches(1.1),
                WIDTH - 2 * MARGIN,
                Inches(0.7),
                lead,
                size=14,
                colour=GREY,
            )
        else:
            top = TOP_NO_LEAD
        box = (MARGIN, top, WIDTH - 2 * MARGIN, CONTENT_BOTTOM - top)
        if isinstance(block, model.BarChart):
            add_chart(slide, block, box)
        elif isinstance(block, _TablePart):
            add_table(slide, block.frame, box, block.widths, size=block.size)
        elif isinstance(block, model.KeyFigures):
            add_tiles(slide, block, box)
        elif isinstance(block, model.Figure):
            add_picture(slide, pictures[id(block)], block, box)
        caption = getattr(block, "caption", "")
        if caption and not lead.endswith(caption):
            add_text(
                slide,
                MARGIN,
                CONTENT_BOTTOM,
                WIDTH - 2 * MARGIN,
                Inches(0.3),
                caption,
                size=11,
                colour=GREY,
            )
        self._footer(slide)

    def provenance_slide(self) -> None:
        slide = self._slide()
        add_text(
            slide,
            MARGIN,
            Inches(0.35),
            WIDTH - 2 * MARGIN,
            Inches(0.8),
            strings.PROV_HEADER,
            name=TITLE,
            size=28,
            bold=True,
            colour=PRIMARY,
        )
        frame = pd.DataFrame(self.report.provenance.rows(), columns=["", " "])
        add_table(
            slide,
            frame,
            (MARGIN, Inches(1.4), WIDTH - 2 * MARGIN, Inches(4.5)),
            (1, 4),
            size=14,
            header=False,
        )
        self._footer(slide)

    # --- marks on every slide ------------------------------------------------------

    def _footer(self, slide) -> None:
        prov = self.report.provenance
        add_rect(slide, MARGIN, HEIGHT - Inches(0.55), WIDTH - 2 * MARGIN, Emu(9525), RULE)
        add_text(
            slide,
            MARGIN,
            HEIGHT - Inches(0.5),
            WIDTH - 2 * MARGIN - Inches(0.8),
            Inches(0.4),
            prov.footer,
            name=FOOTER,
            size=10,
            colour=GREY,
        )
        add_text(
            slide,
            WIDTH - MARGIN - Inches(0.8),
            HEIGHT - Inches(0.5),
            Inches(0.8),
            Inches(0.4),
            str(self.number),
            size=10,
            colour=GREY,
            align=PP_ALIGN.RIGHT,
        )
        self._marks(slide)

    def _marks(self, slide, *, on_dark: bool = False) -> None:
        """SYNTHETISCHE DEMOGEGEVENS and INTERN as banners at the top right."""
        top = Inches(0.3)
        for label in self.report.provenance.labels:
            width = Inches(3.9) if label == labels.SYNTHETIC else Inches(1.3)
            box = add_rect(slide, WIDTH - MARGIN - width, top, width, Inches(0.42), WARNING)
            box.line.color.rgb = RGBColor(*rgb("#ffffff" if on_dark else WARNING))
            box.name = MARK
            fill_text(box, label, size=13, bold=True, colour="#ffffff", align=PP_ALIGN.CENTER)
            top += Inches(0.5)
