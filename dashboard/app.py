"""Routes the dashboard: shared context and filters, then the page the URL asks for.

Pages are small modules under dashboard/views; their URL paths are shareable links.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the project root.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard import access, presentation, sidebar, strings
from dashboard.components import synthetic_banner
from dashboard.connection import connect, read
from dashboard.context import PageContext, set_context
from dashboard.members import PUBLIC
from readmodel.warehouse import WarehouseProblem

st.set_page_config(page_title=strings.APP_TITLE, page_icon="🏘️", layout="wide")

# Not "pages/": a folder of that name beside the entry point switches Streamlit to its
# legacy multipage mode until st.navigation has run once (deep links then miss app.py).
PAGES = Path(__file__).parent / "views"
navigation = st.navigation(
    [
        st.Page(PAGES / "overview.py", title=strings.NAV_OVERVIEW, url_path="", default=True),
        st.Page(PAGES / "signals.py", title=strings.NAV_SIGNALS, url_path="signalen"),
        st.Page(PAGES / "compare.py", title=strings.NAV_COMPARE, url_path="vergelijken"),
        st.Page(PAGES / "profile.py", title=strings.NAV_PROFILE, url_path="gemeente"),
        st.Page(PAGES / "map.py", title=strings.NAV_MAP, url_path="kaart"),
        st.Page(PAGES / "agenda.py", title=strings.NAV_AGENDA, url_path="agenda"),
        st.Page(PAGES / "obstacles.py", title=strings.NAV_OBSTACLES, url_path="knelpunten"),
        st.Page(PAGES / "kennisbank.py", title=strings.NAV_KENNISBANK, url_path="kennisbank"),
        st.Page(PAGES / "solutions.py", title=strings.NAV_SOLUTIONS, url_path="oplossingen"),
        st.Page(PAGES / "quality.py", title=strings.NAV_QUALITY, url_path="kwaliteit"),
        st.Page(PAGES / "report.py", title=strings.NAV_REPORT, url_path="melden"),
    ]
)

# A misconfigured members mode stops here: it never falls back to showing everything.
configuration = access.problem()
if configuration:
    st.title(strings.APP_TITLE)
    st.error(configuration, icon="⚠️")
    st.stop()
visitor = access.current()
path = access.warehouse_path(visitor)
try:
    con = connect(path)
    warehouse = read(con) if con is not None else None
except WarehouseProblem as problem:
    st.title(strings.APP_TITLE)
    st.error(f"{problem} ({path})", icon="⚠️")
    st.stop()
if warehouse is None:
    st.title(strings.APP_TITLE)
    access.sidebar(visitor)
    message = strings.NO_WAREHOUSE if con is None else strings.EMPTY_WAREHOUSE
    if con is None and not visitor.full:
        message = strings.NO_PUBLIC_SNAPSHOT
    st.info(message.format(path=path), icon="ℹ️")
    st.stop()
if visitor.mode == PUBLIC and not warehouse.public:
    # OMZIEN_PUBLIC_WAREHOUSE points at a full warehouse: refuse rather than show it all.
    st.title(strings.APP_TITLE)
    st.error(strings.NOT_A_SNAPSHOT.format(path=path), icon="⚠️")
    st.stop()

# Presentation mode hides the sidebar and keeps the selection of the URL (or session).
presenting = presentation.active()
filters = (
    presentation.filters(warehouse)
    if presenting
    else sidebar.render(
        first_day=warehouse.first_day,
        as_of=warehouse.as_of,
        region_names=warehouse.region_names,
        whole_area=warehouse.whole_area,
        municipalities={
            code: (name, warehouse.municipality_regions[code])
            for code, name in warehouse.municipality_names.items()
        },
    )
)
access.sidebar(visitor)
set_context(PageContext.of(warehouse, filters, visitor))
if warehouse.synthetic and not presenting:  # slides carry their own mark
    synthetic_banner()
if presenting:
    presentation.run()
else:
    presentation.toggle()
    navigation.run()
