"""What every page needs, computed once per run by app.py: connection, selection, load."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import streamlit as st

from dashboard.describe import selection_text
from dashboard.filters import Filters

_KEY = "_omzien_page_context"


@dataclass
class PageContext:
    con: duckdb.DuckDBPyConnection
    filters: Filters
    first_day: date
    as_of: date
    load: dict
    region_names: dict[str, str]
    municipality_names: dict[str, str]

    @property
    def synthetic(self) -> bool:
        return bool(self.load.get("synthetic"))

    def selection_text(self, filters: Filters | None = None) -> str:
        return selection_text(
            filters or self.filters,
            first_day=self.first_day,
            as_of=self.as_of,
            region_names=self.region_names,
            municipality_names=self.municipality_names,
        )


def set_context(context: PageContext) -> None:
    st.session_state[_KEY] = context


def page_context() -> PageContext:
    """The context app.py prepared for this run (pages run only after it did)."""
    return st.session_state[_KEY]
