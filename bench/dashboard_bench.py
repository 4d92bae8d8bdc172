"""Dashboard benchmark: server time per page run on a warehouse, through Streamlit's AppTest.

    .venv/bin/python bench/dashboard_bench.py --warehouse data/warehouse/omzien.duckdb

Runs each page a few times (after one warm-up run) and prints the median seconds per run:
the time the server spends on one interaction, without the browser's rendering.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from etl.settings import PROJECT_ROOT, warehouse_path

APP = PROJECT_ROOT / "dashboard" / "app.py"
PAGES = (
    "overview",
    "compare",
    "profile",
    "map",
    "agenda",
    "obstacles",
    "kennisbank",
    "solutions",
    "quality",
)
QUERIES = {
    "profile": {"gemeente": "GM0312"},
    "solutions": {"thema": "zorg_welzijn", "categorie": "financiering"},
}


def time_page(page: str, runs: int, query: dict[str, str]) -> float:
    at = AppTest.from_file(str(APP), default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(str(PROJECT_ROOT / "dashboard" / "views" / f"{page}.py")).run()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        at.run()
        timings.append(time.perf_counter() - started)
    if at.exception:
        raise SystemExit(f"{page}: {at.exception[0].message}")
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", type=Path, default=warehouse_path())
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ["OMZIEN_WAREHOUSE"] = str(args.warehouse)
    for page in PAGES:
        query = QUERIES.get(page, {})
        print(f"{page:<10} {time_page(page, args.runs, query):6.2f} s per run")


if __name__ == "__main__":
    main()
