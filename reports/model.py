"""The report model: what an export says, independent of how it is written (pptx, pdf, md).

A Report is a title, its provenance and sections; a Section is a heading, a short Dutch
text and blocks. Renderers walk this tree; they never query the warehouse themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from readmodel import format
from readmodel import strings as labels
from reports import strings

PERCENT = "0%"
COUNT = "0"
DECIMAL = "0.0"


@dataclass(frozen=True)
class Provenance:
    """Where the figures come from: the load, its as-of day, the selection, demo or not."""

    as_of: date
    load_id: int
    period: str
    selection: str
    synthetic: bool
    intern: bool = False
    made_on: date | None = None
    small_numbers: int = 10
    suppress_below: int = 5

    @property
    def source(self) -> str:
        """'Omzien, warehouse load 3, peildatum 26-11-2026'."""
        return labels.SOURCE.format(load_id=self.load_id, as_of=format.day(self.as_of))

    @property
    def labels(self) -> list[str]:
        """The marks every page carries besides the source: synthetic, intern."""
        return [
            *([labels.SYNTHETIC] if self.synthetic else []),
            *([strings.INTERN] if self.intern else []),
        ]

    @property
    def footer(self) -> str:
        """One line for the foot of every page or slide."""
        return " · ".join([*self.labels, self.source, self.selection])

    def rows(self) -> list[tuple[str, str]]:
        """(label, value) pairs for the provenance block of an export."""
        rows = [
            (strings.PROV_SOURCE, self.source),
            (strings.PROV_AS_OF, format.day(self.as_of)),
            (strings.PROV_LOAD, str(self.load_id)),
            (strings.PROV_PERIOD, self.period),
            (strings.PROV_SELECTION, self.selection),
            (
                strings.PROV_RULE,
                strings.PROV_RULE_TEXT.format(
                    suppress_below=self.suppress_below, small_numbers=self.small_numbers
                ),
            ),
        ]
        if self.made_on:
            rows.append((strings.PROV_MADE, format.day(self.made_on)))
        return rows


@dataclass(frozen=True)
class Paragraph:
    """Running text; `note` is set smaller (captions, footnotes)."""

    text: str
    note: bool = False


@dataclass(frozen=True)
class KeyFigure:
    """A big number with what it counts: ('412', 'knelpunten gemeld', '412 van 980')."""

    value: str
    label: str
    note: str = ""


@dataclass(frozen=True)
class KeyFigures:
    items: tuple[KeyFigure, ...]


@dataclass(frozen=True)
class Table:
    """A table as people read it: Dutch headers, formatted text cells or plain numbers."""

    frame: pd.DataFrame
    title: str = ""
    caption: str = ""
    # Relative column widths (PDF, PPTX); None = equal.
    widths: tuple[float, ...] | None = None
    # On a page (PDF, PPTX) only these columns, when the rest is said elsewhere; () = all.
    # `widths` then go with these.
    page_columns: tuple[str, ...] = ()

    def on_page(self) -> pd.DataFrame:
        return self.frame[list(self.page_columns)] if self.page_columns else self.frame


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class BarChart:
    """A bar chart that carries its data: editable as a native chart in PowerPoint.

    `values` of a series line up with `categories`; None is a gap (a suppressed share).
    `number_format` is an Excel number format: '0', '0%' or '0.0'.
    """

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    number_format: str = COUNT
    horizontal: bool = True
    stacked: bool = False
    value_axis: str = ""
    caption: str = ""

    def text(self, value: float | None) -> str:
        """One value as the chart's number format writes it, in Dutch ('42%', '3,2')."""
        if value is None:
            return strings.NO_VALUE
        if self.number_format == PERCENT:
            return format.percent(value)
        if self.number_format == DECIMAL:
            return format.decimal(value)
        return format.count(value)


@dataclass(frozen=True)
class Figure:
    """A plotly figure that is only shown as an image (funnel plots, maps, curves)."""

    title: str
    figure: go.Figure
    caption: str = ""
    width: int = 900
    height: int = 480


@dataclass(frozen=True)
class Definitions:
    """(term, definition) pairs, from etl.metrics.definitions and the page terms."""

    items: tuple[tuple[str, str], ...]


Block = Paragraph | KeyFigures | Table | BarChart | Figure | Definitions


@dataclass(frozen=True)
class Section:
    heading: str
    text: str = ""
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Report:
    """One export: kind ('gemeente', 'agenda', 'vergelijking'), titles, provenance, sections."""

    kind: str
    title: str
    subtitle: str
    provenance: Provenance
    sections: tuple[Section, ...] = field(default_factory=tuple)

    def blocks(self, kind: type) -> list:
        """Every block of one type, in order (for renderers and tests)."""
        return [b for s in self.sections for b in s.blocks if isinstance(b, kind)]


class NothingToReport(Exception):
    """The selection holds nothing to export (an empty region, a municipality without data)."""
