"""Routes the dashboard's pages; each page is a small module under dashboard/pages."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the project root.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard import strings

st.set_page_config(page_title=strings.APP_TITLE, page_icon="🏘️", layout="wide")

PAGES = Path(__file__).parent / "pages"
navigation = st.navigation(
    [st.Page(PAGES / "home.py", title=strings.NAV_OVERVIEW, url_path="", default=True)]
)
navigation.run()
