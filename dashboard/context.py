"""What every page needs, computed once per run by app.py: the warehouse and the selection."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

import streamlit as st

from dashboard.components import plain
from dashboard.members import LOCAL, Access
from readmodel.comparison import Inputs, inputs
from readmodel.describe import describe
from readmodel.selection import Filters
from readmodel.warehouse import Warehouse

_KEY = "_omzien_page_context"


@dataclass(frozen=True)
class PageContext(Warehouse):
    """The warehouse as app.py read it for this run, with the user's selection."""

    filters: Filters = field(default_factory=Filters)
    visitor: Access = field(default_factory=lambda: Access(LOCAL))

    @classmethod
    def of(cls, warehouse: Warehouse, filters: Filters, visitor: Access) -> PageContext:
        values = {f.name: getattr(warehouse, f.name) for f in fields(Warehouse)}
        return cls(**values, filters=filters, visitor=visitor)

    def selection_text(self, filters: Filters | None = None) -> str:
        """The selection in plain Dutch (period, place, themes, ...), safe inside Markdown:
        region names may come from an analyst's regios file."""
        return plain(describe(self, filters or self.filters))

    def inputs(self, filters: Filters | None = None) -> Inputs:
        """The counts per municipality of the selection (readmodel.comparison.inputs)."""
        return inputs(self, filters or self.filters)


def set_context(context: PageContext) -> None:
    st.session_state[_KEY] = context


def page_context() -> PageContext:
    """The context app.py prepared for this run (pages run only after it did)."""
    return st.session_state[_KEY]
