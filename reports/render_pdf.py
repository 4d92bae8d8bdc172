"""A Report as a print-ready A4 PDF (reportlab platypus).

Every page carries a header with the report's title and the synthetic / intern marks, and
a footer with the source (load, as-of day) and the selection. Charts are PNG images drawn
by kaleido, each followed by its numbers in a small table, so the figures can be read,
copied and checked without the image.
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd
import plotly.graph_objects as go
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    CondPageBreak,
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from reports import images, model, strings
from reports.charts import bar_figure
from reports.style import GREY, LIGHT, PRIMARY, RULE, TEXT, WARNING

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT = RIGHT = 18 * mm
TOP, BOTTOM = 24 * mm, 22 * mm
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT
IMAGE_WIDTH_PX = 800  # layout pixels of a figure across the text width (about 9 pt type)
CHART_PX = 560  # a bar chart takes CHART_SHARE of the width, its numbers the rest
CHART_SHARE = 0.6

# DejaVu (Debian's fonts-dejavu-core) covers every character the texts use (φ, →, ≥);
# reportlab's own Vera is the fallback with the same metrics.
_FONT_FILES = (
    (
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ),
)
FONT, BOLD = "OmzienSans", "OmzienSans-Bold"


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    import reportlab

    vera = Path(reportlab.__file__).parent / "fonts"
    for regular, bold in (*_FONT_FILES, (vera / "Vera.ttf", vera / "VeraBd.ttf")):
        if regular.exists() and bold.exists():
            pdfmetrics.registerFont(TTFont(FONT, str(regular)))
            pdfmetrics.registerFont(TTFont(BOLD, str(bold)))
            pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD)
            return


def _colour(hex_colour: str) -> colors.Color:
    return colors.HexColor(hex_colour)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body", fontName=FONT, fontSize=10, leading=13.5, textColor=_colour(TEXT), spaceAfter=5
    )
    return {
        "body": base,
        "note": ParagraphStyle("note", base, fontSize=8.5, leading=11, textColor=_colour(GREY)),
        "title": ParagraphStyle(
            "title",
            base,
            fontName=BOLD,
            fontSize=26,
            leading=31,
            textColor=_colour(PRIMARY),
            spaceAfter=4,
        ),
        "subtitle": ParagraphStyle(
            "subtitle", base, fontSize=13, leading=17, textColor=_colour(GREY), spaceAfter=10
        ),
        "h1": ParagraphStyle(
            "h1",
            base,
            fontName=BOLD,
            fontSize=15,
            leading=19,
            textColor=_colour(PRIMARY),
            spaceBefore=12,
            spaceAfter=4,
            keepWithNext=True,
        ),
        "h2": ParagraphStyle(
            "h2",
            base,
            fontName=BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=True,
        ),
        "cell": ParagraphStyle("cell", base, fontSize=8.5, leading=10.5, spaceAfter=0),
        "cell_right": ParagraphStyle(
            "cell_right", base, fontSize=8.5, leading=10.5, spaceAfter=0, alignment=TA_RIGHT
        ),
        "cell_small": ParagraphStyle("cell_small", base, fontSize=7.5, leading=9.3, spaceAfter=0),
        "cell_right_small": ParagraphStyle(
            "cell_right_small", base, fontSize=7.5, leading=9.3, spaceAfter=0, alignment=TA_RIGHT
        ),
        "head_small": ParagraphStyle(
            "head_small",
            base,
            fontName=BOLD,
            fontSize=7.5,
            leading=9.3,
            spaceAfter=0,
            textColor=colors.white,
        ),
        "head": ParagraphStyle(
            "head",
            base,
            fontName=BOLD,
            fontSize=8.5,
            leading=10.5,
            spaceAfter=0,
            textColor=colors.white,
        ),
        "figure": ParagraphStyle(
            "figure",
            base,
            fontName=BOLD,
            fontSize=22,
            leading=26,
            alignment=TA_CENTER,
            textColor=_colour(PRIMARY),
            spaceAfter=0,
        ),
        "figure_label": ParagraphStyle(
            "figure_label", base, fontSize=9.5, leading=12, alignment=TA_CENTER, spaceAfter=0
        ),
        "figure_note": ParagraphStyle(
            "figure_note",
            base,
            fontSize=8,
            leading=10,
            alignment=TA_CENTER,
            textColor=_colour(GREY),
            spaceAfter=0,
        ),
        "warning": ParagraphStyle(
            "warning",
            base,
            fontName=BOLD,
            fontSize=10,
            leading=13,
            textColor=colors.white,
            spaceAfter=0,
        ),
    }


def render(report: model.Report) -> bytes:
    """The document as PDF bytes."""
    _register_fonts()
    styles = _styles()
    pictures = _pictures(report)
    story: list = [
        Paragraph(escape(report.title), styles["title"]),
        Paragraph(escape(report.subtitle), styles["subtitle"]),
        Paragraph(
            escape(report.provenance.source + " · " + report.provenance.selection), styles["note"]
        ),
    ]
    prov = report.provenance
    for note in (
        *([strings.SYNTHETIC_NOTE] if prov.synthetic else []),
        *([strings.INTERN_NOTE] if prov.intern else []),
    ):
        story.append(_banner(note, styles))
    for section in report.sections:
        story.extend(_section(section, styles, pictures))
    story.append(CondPageBreak(60 * mm))
    story.append(Paragraph(escape(strings.PROV_HEADER), styles["h1"]))
    story.append(
        _table(pd.DataFrame(prov.rows(), columns=["", ""]), (1, 3.2), styles, header=False)
    )
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=report.title,
        author="Omzien",
        subject=prov.source,
    )
    page = _PageMarks(report)
    document.build(story, onFirstPage=page, onLaterPages=page)
    return buffer.getvalue()


def _pictures(report: model.Report) -> dict[int, tuple[bytes, int, int]]:
    """Every chart and figure drawn at once (one browser session), keyed by id(block)."""
    wanted: list[tuple[int, go.Figure, int, int]] = []
    for block in report.blocks(model.BarChart):
        figure = bar_figure(block)
        wanted.append((id(block), figure, CHART_PX, int(figure.layout.height)))
    for block in report.blocks(model.Figure):
        height = int(block.height * IMAGE_WIDTH_PX / block.width)
        wanted.append((id(block), block.figure, IMAGE_WIDTH_PX, height))
    drawn = images.png_images([(_untitled(f), w, h) for _, f, w, h in wanted])
    return {key: (png, w, h) for (key, _, w, h), png in zip(wanted, drawn, strict=True)}


def _untitled(figure: go.Figure) -> go.Figure:
    copy = go.Figure(figure)
    copy.update_layout(title_text="", margin={"t": 40}, font_size=15)
    return copy


def _section(section: model.Section, styles, pictures) -> list:
    # A heading never ends a page: start a new one when little room is left.
    flow: list = [CondPageBreak(70 * mm)]
    lead = [Paragraph(escape(section.heading), styles["h1"])]
    if section.text:
        lead.append(Paragraph(escape(section.text), styles["body"]))
    blocks = section.blocks
    # Heading, text and the paragraphs before the section's first chart stay on its page.
    first_chart = next(
        (i for i, b in enumerate(blocks) if isinstance(b, model.BarChart | model.Figure)), None
    )
    if first_chart is not None and all(
        isinstance(b, model.Paragraph) for b in blocks[:first_chart]
    ):
        lead.extend(_paragraph(b, styles) for b in blocks[:first_chart])
        blocks = blocks[first_chart:]
    else:
        flow.extend(lead)
        lead = []
    for block in blocks:
        title = getattr(block, "title", "")
        heading = [
            *lead,
            *(
                [Paragraph(escape(title), styles["h2"])]
                if title and title != section.heading
                else []
            ),
        ]
        lead = []
        if isinstance(block, model.Paragraph):
            flow.append(_paragraph(block, styles))
        elif isinstance(block, model.KeyFigures):
            flow.append(_tiles(block, styles))
        elif isinstance(block, model.Table):
            flow.extend(heading)
            flow.append(_table(block.on_page(), block.widths, styles))
            if block.caption:
                flow.append(Paragraph(escape(block.caption), styles["note"]))
        elif isinstance(block, model.BarChart | model.Figure):
            png, width, height = pictures[id(block)]
            caption = [Paragraph(escape(block.caption), styles["note"])] if block.caption else []
            if isinstance(block, model.Figure):
                shown = TEXT_WIDTH * 0.92
                image = Image(io.BytesIO(png), width=shown, height=shown * height / width)
                flow.append(KeepTogether([*heading, image, *caption]))
                continue
            # The chart with its numbers beside it: readable, copyable, checkable.
            shown = TEXT_WIDTH * CHART_SHARE - 3 * mm
            image = Image(io.BytesIO(png), width=shown, height=shown * height / width)
            numbers = _chart_numbers(block, styles, TEXT_WIDTH * (1 - CHART_SHARE))
            pair = Table(
                [[image, numbers]],
                colWidths=[TEXT_WIDTH * CHART_SHARE, TEXT_WIDTH * (1 - CHART_SHARE)],
            )
            pair.setStyle(
                TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ]
                )
            )
            flow.append(KeepTogether([*heading, pair, *caption]))
        elif isinstance(block, model.Definitions):
            frame = pd.DataFrame(block.items, columns=[strings.COL_TERM, strings.COL_DEFINITION])
            flow.append(_table(frame, (1, 3.4), styles))
        flow.append(Spacer(1, 3 * mm))
    return flow


def _paragraph(block: model.Paragraph, styles) -> Paragraph:
    return Paragraph(escape(block.text), styles["note" if block.note else "body"])


def _chart_numbers(chart: model.BarChart, styles, width: float) -> Table:
    """The chart's data as a compact table: one row per category, one column per series."""

    frame = pd.DataFrame(
        {s.name: [chart.text(v) for v in s.values] for s in chart.series},
        index=pd.Index(chart.categories, name=strings.CHART_DATA),
    ).reset_index()
    return _table(
        frame, (2.4, *[1] * len(chart.series)), styles, right=set(range(1, 99)), width=width
    )


def _cell_text(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return strings.NO_VALUE
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}".replace(",", ".")
    if isinstance(value, int) or (hasattr(value, "dtype") and "int" in str(value.dtype)):
        return f"{int(value):,}".replace(",", ".")
    return str(value)


def _table(
    frame: pd.DataFrame,
    widths,
    styles,
    *,
    header: bool = True,
    right: set[int] | None = None,
    width: float = TEXT_WIDTH,
) -> Table:
    cols = len(frame.columns)
    weights = list(widths or [1] * cols)[:cols]
    weights += [1] * (cols - len(weights))
    col_widths = [width * w / sum(weights) for w in weights]
    # Wide tables in smaller type, so that words like 'vergelijkbaar' stay whole.
    small = "_small" if cols >= 7 or width < TEXT_WIDTH * 0.6 else ""
    right = (
        right
        if right is not None
        else {i for i in range(cols) if pd.api.types.is_numeric_dtype(frame.iloc[:, i])}
    )
    rows = []
    if header:
        rows.append([Paragraph(escape(str(c)), styles["head" + small]) for c in frame.columns])
    for values in frame.itertuples(index=False):
        rows.append(
            [
                Paragraph(
                    escape(_cell_text(v)),
                    styles[("cell_right" if i in right else "cell") + small],
                )
                for i, v in enumerate(values)
            ]
        )
    table = Table(rows, colWidths=col_widths, repeatRows=1 if header else 0)
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, _colour(RULE)),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), _colour(PRIMARY)))
    first = 1 if header else 0
    for row in range(first, len(rows)):
        if (row - first) % 2 == 1:
            commands.append(("BACKGROUND", (0, row), (-1, row), _colour(LIGHT)))
    table.setStyle(TableStyle(commands))
    return table


def _tiles(block: model.KeyFigures, styles) -> Table:
    cells = [
        [
            Paragraph(escape(item.value), styles["figure"]),
            Paragraph(escape(item.label), styles["figure_label"]),
            Paragraph(escape(item.note) or "&nbsp;", styles["figure_note"]),
        ]
        for item in block.items
    ]
    width = TEXT_WIDTH / len(cells)
    table = Table([cells], colWidths=[width] * len(cells))
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), _colour(LIGHT)),
                ("LINEAFTER", (0, 0), (-2, -1), 3, colors.white),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


def _banner(text: str, styles) -> Table:
    table = Table([[Paragraph(escape(text), styles["warning"])]], colWidths=[TEXT_WIDTH])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), _colour(WARNING)),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


class _PageMarks:
    """Header and footer of every page: title, marks, source, selection, page number."""

    def __init__(self, report: model.Report) -> None:
        self.report = report

    def __call__(self, canvas, document) -> None:
        prov = self.report.provenance
        canvas.saveState()
        top = PAGE_HEIGHT - 13 * mm
        canvas.setFont(FONT, 8.5)
        canvas.setFillColor(_colour(GREY))
        canvas.drawString(LEFT, top, f"Omzien · {self.report.title}")
        x = PAGE_WIDTH - RIGHT
        for label in reversed(prov.labels):
            width = pdfmetrics.stringWidth(label, BOLD, 8.5) + 8
            canvas.setFillColor(_colour(WARNING))
            canvas.rect(x - width, top - 2.5, width, 12, stroke=0, fill=1)
            canvas.setFillColor(colors.white)
            canvas.setFont(BOLD, 8.5)
            canvas.drawString(x - width + 4, top + 0.5, label)
            x -= width + 4
        canvas.setStrokeColor(_colour(RULE))
        canvas.setLineWidth(0.5)
        canvas.line(LEFT, top - 5, PAGE_WIDTH - RIGHT, top - 5)
        canvas.line(LEFT, BOTTOM - 7 * mm, PAGE_WIDTH - RIGHT, BOTTOM - 7 * mm)
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(_colour(GREY))
        lines = _fit_lines(prov.footer, TEXT_WIDTH - 22 * mm, 7.5)
        for number, line in enumerate(lines[:2]):
            canvas.drawString(LEFT, BOTTOM - 11 * mm - number * 9.5, line)
        canvas.drawRightString(
            PAGE_WIDTH - RIGHT, BOTTOM - 11 * mm, strings.PAGE.format(page=document.page)
        )
        canvas.restoreState()


def _fit_lines(text: str, width: float, size: float) -> list[str]:
    """`text` broken into lines of at most `width` points (at ' · ' or spaces)."""
    lines, current = [], ""
    for word in text.split(" "):
        trial = f"{current} {word}".strip()
        if pdfmetrics.stringWidth(trial, FONT, size) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    return [*lines, current]
