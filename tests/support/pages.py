"""Reading back what a page shows, for scans of private strings."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

# Every page of the dashboard: its module in dashboard/views and its URL path (app.py).
PAGES = {
    "overview": "/",
    "signals": "/signalen",
    "compare": "/vergelijken",
    "profile": "/gemeente",
    "map": "/kaart",
    "agenda": "/agenda",
    "obstacles": "/knelpunten",
    "kennisbank": "/kennisbank",
    "solutions": "/oplossingen",
    "quality": "/kwaliteit",
    "report": "/melden",
}
# What a page needs in its query string to show figures (a municipality, a kind of obstacle).
QUERIES = {
    "profile": {"gemeente": "GM0312"},
    "solutions": {"thema": "zorg_welzijn", "categorie": "financiering"},
}


def open_page(page: str, query: dict[str, str] | None = None) -> AppTest:
    """The real app run on one page (its module in dashboard/views), with a query string as
    a shared link carries it: st.navigation registers the pages in a first run, and a page
    switch clears the query, as in the browser."""
    from etl.settings import PROJECT_ROOT

    at = AppTest.from_file(str(PROJECT_ROOT / "dashboard" / "app.py"), default_timeout=60)
    at.query_params.update(query or {})
    at.run()
    at.switch_page(str(PROJECT_ROOT / "dashboard" / "views" / f"{page}.py"))
    at.query_params.update(query or {})
    at.run()
    return at


def page_texts(at: AppTest) -> list[str]:
    """Everything a page shows: every element's message (text, labels, options, chart
    specs) and every cell of its tables."""
    texts = [str(node.proto) for node in _walk(at._tree) if getattr(node, "proto", None)]
    for frame in (*at.dataframe, *at.table):
        texts += [str(v) for v in frame.value.astype(str).to_numpy().ravel()]
        texts += [str(c) for c in frame.value.columns]
    return texts


def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)
