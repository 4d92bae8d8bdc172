"""AppTest helpers: the real app on a real warehouse, optionally on one page with a query."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from etl.settings import PROJECT_ROOT

APP = str(PROJECT_ROOT / "dashboard" / "app.py")
PAGES = PROJECT_ROOT / "dashboard" / "views"


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch):
    """Build and run an AppTest for a warehouse, a page module name and query parameters."""

    def make(warehouse: Path, page: str = "", **query: str) -> AppTest:
        monkeypatch.setenv("OMZIEN_WAREHOUSE", str(warehouse))
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        if page:
            # st.navigation registers the pages (with their url_path) during a run; before
            # the first run AppTest would guess the page from its file name and miss.
            at.switch_page(str(PAGES / f"{page}.py"))
            # A page switch clears the query string, as in the browser; a shared link
            # opens the page with it, so set it again.
            for key, value in query.items():
                at.query_params[key] = value
            at.run()
        return at

    return make
