"""Plotly figures of the read layer's results, for the dashboard and the exports alike.

Pure: DataFrames in, figures out; no Streamlit, no SQL, no file IO. Numbers in hover text
and labels are written by readmodel.format.
"""
