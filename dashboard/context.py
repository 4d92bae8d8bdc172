"""What every page needs, computed once per run by app.py: connection, selection, load."""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from dashboard.filters import Filters
from dashboard.warehouse import Warehouse

_KEY = "_omzien_page_context"


@dataclass(frozen=True)
class PageContext(Warehouse):
    """The warehouse as app.py read it for this run, with the user's selection."""

    filters: Filters = field(default_factory=Filters)

    @classmethod
    def of(cls, warehouse: Warehouse, filters: Filters) -> PageContext:
        return cls(**warehouse.fields(), filters=filters)

    def selection_text(self, filters: Filters | None = None) -> str:
        return self.selection(filters or self.filters)


def set_context(context: PageContext) -> None:
    st.session_state[_KEY] = context


def page_context() -> PageContext:
    """The context app.py prepared for this run (pages run only after it did)."""
    return st.session_state[_KEY]
