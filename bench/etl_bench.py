"""ETL benchmark: synthetic exports at a multiple of the demo size through the real build.

    .venv/bin/python bench/etl_bench.py --scale 400   # about a million obstacles

Speed targets live here, not in timed tests. Generated exports are cached per scale in
bench/.cache/ (git-ignored) because writing a large xlsx takes longer than the ETL.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date
from pathlib import Path

import duckdb

from etl.demo import write_demo_exports
from etl.warehouse import build

AS_OF = date(2026, 11, 26)
CACHE = Path(__file__).parent / ".cache"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=40.0)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()

    raw = CACHE / f"scale-{args.scale:g}"
    if not (raw / "demo" / "omzien-demo.json").exists():
        started = time.perf_counter()
        write_demo_exports(raw / "demo", seed=1, as_of=AS_OF, scale=args.scale)
        print(f"generated exports at scale {args.scale:g} in {time.perf_counter() - started:.1f} s")

    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "omzien.duckdb"
        timings = []
        for _ in range(args.runs):
            started = time.perf_counter()
            build(raw, target, as_of=AS_OF, province="Utrecht")
            timings.append(time.perf_counter() - started)
        with duckdb.connect(str(target), read_only=True) as con:
            rows = con.execute(
                "SELECT sum(rows_read) FROM etl.files WHERE load_id = "
                "(SELECT max(load_id) FROM etl.loads)"
            ).fetchone()[0]
            obstacles = con.execute("SELECT count(*) FROM core.obstacles").fetchone()[0]
    best = min(timings)
    print(
        f"scale {args.scale:g}: {rows:,} rows read, {obstacles:,} obstacles loaded; "
        f"best of {args.runs}: {best:.1f} s ({rows / best:,.0f} rows/s)"
    )


if __name__ == "__main__":
    main()
