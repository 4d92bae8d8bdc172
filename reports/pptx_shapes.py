"""The shapes of the deck: text boxes, rectangles, native charts, tables, tiles, pictures."""

from __future__ import annotations

import io

import pandas as pd
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches, Pt

from reports import model
from reports.pptx_layout import cell_text, max_size, row_height, row_lines
from reports.style import GREY, LIGHT, PPTX_FONT, PRIMARY, RULE, SERIES, TEXT, rgb


def add_rect(slide, left, top, width, height, colour: str):
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, left, top, width, height)
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor(*rgb(colour))
    shape.line.fill.background()
    shape.shadow.inherit = False
    return shape


def add_text(slide, left, top, width, height, text: str, *, name: str | None = None, **style):
    box = slide.shapes.add_textbox(left, top, width, height)
    if name:
        box.name = name  # tests and scripts find the title and footer by name
    box.text_frame.word_wrap = True
    fill_text(box, text, **style)
    return box


def fill_text(
    shape, text: str, *, size: int, bold: bool = False, colour: str = TEXT, align=PP_ALIGN.LEFT
) -> None:
    frame = shape.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.TOP if align == PP_ALIGN.LEFT else MSO_ANCHOR.MIDDLE
    for number, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        paragraph.alignment = align
        run = paragraph.add_run()
        run.text = line
        set_font(run.font, size=size, bold=bold, colour=colour)


def set_font(font, *, size: float, bold: bool = False, colour: str = TEXT) -> None:
    font.name = PPTX_FONT
    font.size = Pt(size)
    font.bold = bold
    font.color.rgb = RGBColor(*rgb(colour))


def add_chart(slide, block: model.BarChart, box) -> None:
    """A native clustered (or stacked) bar chart that carries its data."""
    data = CategoryChartData(number_format=block.number_format)
    data.categories = list(block.categories)
    for series in block.series:
        data.add_series(series.name, list(series.values))
    if block.horizontal:
        kind = XL_CHART_TYPE.BAR_STACKED if block.stacked else XL_CHART_TYPE.BAR_CLUSTERED
    else:
        kind = XL_CHART_TYPE.COLUMN_STACKED if block.stacked else XL_CHART_TYPE.COLUMN_CLUSTERED
    chart = slide.shapes.add_chart(kind, *box, data).chart
    chart.font.name = PPTX_FONT
    chart.font.size = Pt(12)
    chart.has_title = False
    plot = chart.plots[0]
    plot.gap_width = 60
    if block.stacked:
        plot.overlap = 100
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = block.number_format
    labels.number_format_is_linked = False
    labels.font.size = Pt(11)
    if not block.stacked:
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
    for series, colour in zip(plot.series, SERIES * 3, strict=False):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = RGBColor(*rgb(colour))
    chart.has_legend = len(block.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(12)
    # Bar charts draw the first category at the bottom; a ranking reads from the top.
    chart.category_axis.reverse_order = block.horizontal
    chart.category_axis.tick_labels.font.size = Pt(12 if len(block.categories) <= 12 else 10)
    chart.category_axis.format.line.color.rgb = RGBColor(*rgb(RULE))
    value_axis = chart.value_axis
    value_axis.has_major_gridlines = True
    value_axis.major_gridlines.format.line.color.rgb = RGBColor(*rgb(LIGHT))
    value_axis.tick_labels.number_format = block.number_format
    value_axis.tick_labels.number_format_is_linked = False
    value_axis.tick_labels.font.size = Pt(11)
    value_axis.format.line.fill.background()
    value_axis.minimum_scale = 0  # bars start at zero, or their lengths mislead
    if block.number_format == model.PERCENT:
        value_axis.maximum_scale = 1


def add_table(
    slide, frame: pd.DataFrame, box, widths=None, *, size: int | None = None, header: bool = True
) -> None:
    rows, cols = len(frame) + (1 if header else 0), len(frame.columns)
    left, top, width, _ = box
    size = size or max_size(frame)
    heights = [row_height(n, size) for n in row_lines(frame, widths, size)]
    heights = heights if header else heights[1:]
    shape = slide.shapes.add_table(rows, cols, left, top, width, sum(heights))
    table = shape.table
    weights = list(widths or [1] * cols)[:cols]
    weights += [1] * (cols - len(weights))
    for number, weight in enumerate(weights):
        table.columns[number].width = int(width * weight / sum(weights))
    for number, height_of_row in enumerate(heights):
        table.rows[number].height = height_of_row
    cells = ([list(map(str, frame.columns))] if header else []) + [
        [cell_text(v) for v in row] for row in frame.itertuples(index=False)
    ]
    for r, values in enumerate(cells):
        is_header = header and r == 0
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.margin_left = cell.margin_right = Inches(0.08)
            cell.margin_top = cell.margin_bottom = Inches(0.04)
            cell.fill.solid()
            shade = PRIMARY if is_header else (LIGHT if r % 2 == 0 else "#ffffff")
            cell.fill.fore_color.rgb = RGBColor(*rgb(shade))
            cell.text_frame.word_wrap = True
            paragraph = cell.text_frame.paragraphs[0]
            paragraph.alignment = PP_ALIGN.RIGHT if _numeric(frame, c, header) else PP_ALIGN.LEFT
            run = paragraph.add_run()
            run.text = value
            set_font(
                run.font,
                size=size,
                bold=is_header or (not header and c == 0),
                colour="#ffffff" if is_header else TEXT,
            )


def _numeric(frame: pd.DataFrame, column: int, header: bool) -> bool:
    return header and pd.api.types.is_numeric_dtype(frame.iloc[:, column])


def add_tiles(slide, block: model.KeyFigures, box) -> None:
    left, top, width, _ = box
    gap = Inches(0.3)
    count = len(block.items)
    tile = (width - gap * (count - 1)) / count
    for number, item in enumerate(block.items):
        x = int(left + number * (tile + gap))
        shape = add_rect(slide, x, top + Inches(0.3), int(tile), Inches(2.6), LIGHT)
        shape.line.fill.background()
        add_text(
            slide,
            x,
            top + Inches(0.5),
            int(tile),
            Inches(1.2),
            item.value,
            size=54,
            bold=True,
            colour=PRIMARY,
            align=PP_ALIGN.CENTER,
        )
        add_text(
            slide,
            x,
            top + Inches(1.75),
            int(tile),
            Inches(0.5),
            item.label,
            size=18,
            colour=TEXT,
            align=PP_ALIGN.CENTER,
        )
        if item.note:
            add_text(
                slide,
                x,
                top + Inches(2.25),
                int(tile),
                Inches(0.5),
                item.note,
                size=13,
                colour=GREY,
                align=PP_ALIGN.CENTER,
            )


def add_picture(slide, png: bytes, block: model.Figure, box) -> None:
    """The image as large as the box allows, centred, its proportions kept."""
    left, top, width, height = box
    ratio = block.width / block.height
    if width / height > ratio:
        shown_height, shown_width = height, int(height * ratio)
    else:
        shown_width, shown_height = width, int(width / ratio)
    slide.shapes.add_picture(
        io.BytesIO(png), int(left + (width - shown_width) / 2), top, shown_width, shown_height
    )
