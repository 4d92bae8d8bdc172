"""Omzien ETL: spreadsheet exports in data/raw/ to a validated DuckDB warehouse."""
