"""The `omzien` command: the top layer, above the ETL, the read layer, the dashboard and reports."""
