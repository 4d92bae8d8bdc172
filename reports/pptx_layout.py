"""How big a table can be on a slide: wrapped lines estimated from text length.

python-pptx cannot measure text, so the lines a cell wraps into are estimated from its
length and its column's width; a table is set in the largest type that fits the slide,
or split over slides with its rows spread evenly.
"""

from __future__ import annotations

import math
import numbers

import pandas as pd
from pptx.util import Inches, Pt

from reports import strings

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)  # 16:9
MARGIN = Inches(0.6)
MIN_TABLE_SIZE = 11


def cell_text(value) -> str:
    """A cell as shown: Dutch thousands, a dash for missing values."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return strings.NO_VALUE
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}".replace(",", ".")
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return f"{int(value):,}".replace(",", ".")
    return str(value)


def max_size(frame: pd.DataFrame) -> int:
    cols = len(frame.columns)
    return 20 if cols <= 3 else 18 if cols <= 5 else 16 if cols <= 6 else 14 if cols <= 8 else 12


def row_lines(frame: pd.DataFrame, widths, size: int, *, whole_words: bool = False):
    """Estimated lines per row (header first) when wrapped in columns of `widths`.

    With `whole_words`, None when some word is wider than its column at this size.
    """
    weights = list(widths or [1] * len(frame.columns))[: len(frame.columns)]
    weights += [1] * (len(frame.columns) - len(weights))
    usable = (WIDTH - 2 * MARGIN) / 914400  # inches
    # About 130 / size characters per inch for a sans-serif at `size` points (on the safe
    # side: LibreOffice's substitute fonts run wider than Segoe UI).
    chars = [max(4, (usable * w / sum(weights) - 0.2) * 130 / size) for w in weights]

    longest = max(
        (
            len(word) / c
            for row in [frame.columns, *frame.astype("string").fillna("").itertuples(index=False)]
            for value, c in zip(row, chars, strict=True)
            for word in str(value).split()
        ),
        default=0,
    )
    if whole_words and longest > 1:
        return None

    def lines(values) -> int:
        return max(
            sum(math.ceil(max(len(part), 1) / c) for part in cell_text(v).split("\n"))
            for v, c in zip(values, chars, strict=True)
        )

    return [lines(frame.columns), *[lines(row) for row in frame.itertuples(index=False)]]


def row_height(lines: int, size: int) -> int:
    return int(Pt(size * 1.2 * lines) + Inches(0.09))


def layout(frame: pd.DataFrame, widths, room: int) -> list[tuple[int, pd.DataFrame]]:
    """(size, rows) per slide: the whole table at the largest size that fits, else pages."""
    for size in range(max_size(frame), MIN_TABLE_SIZE - 1, -1):
        lines = row_lines(frame, widths, size, whole_words=True)
        if lines and sum(row_height(n, size) for n in lines) <= room:
            return [(size, frame)]
    size = MIN_TABLE_SIZE
    header, *rows = row_lines(frame, widths, size)
    parts, start, used = [], 0, row_height(header, size)
    for number, lines in enumerate(rows):
        height = row_height(lines, size)
        if used + height > room and number > start:
            parts.append((size, frame.iloc[start:number]))
            start, used = number, row_height(header, size)
        used += height
    parts.append((size, frame.iloc[start:]))
    # As many slides as needed, the rows spread evenly (no slide with one lonely row).
    per_slide = math.ceil(len(frame) / len(parts))
    return [(size, frame.iloc[i : i + per_slide]) for i in range(0, len(frame), per_slide)]
