"""Omzien dashboard: how municipalities treat resident initiatives, in Streamlit."""
