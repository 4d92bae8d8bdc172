"""Warehouse queries: DuckDB SQL with bound parameters, returning DataFrames; no streamlit."""
