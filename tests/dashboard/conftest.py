"""AppTest helpers: the real app on a real warehouse, optionally on one page with a query."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from etl.settings import PROJECT_ROOT

APP = str(PROJECT_ROOT / "dashboard" / "app.py")
PAGES = PROJECT_ROOT / "dashboard" / "pages"


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch):
    """Build and run an AppTest for a warehouse, a page module name and query parameters."""

    def make(warehouse: Path, page: str = "", **query: str) -> AppTest:
        monkeypatch.setenv("OMZIEN_WAREHOUSE", str(warehouse))
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in query.items():
            at.query_params[key] = value
        if page:
            at.switch_page(str(PAGES / f"{page}.py"))
        return at.run()

    return make
