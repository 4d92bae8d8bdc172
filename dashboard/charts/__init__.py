"""DataFrame -> plotly figure; no streamlit, no SQL."""
