"""ETL benchmark: `omzien etl run` on about a million obstacles against a bare DuckDB read.

    .venv/bin/python bench/etl_bench.py --scale 400   # about a million obstacles

The size is the one of issue 11: `--scale 400` gives about 1M obstacles and 1.5M responses,
and `--initiatives` (default 50,000) sets the initiatives apart from the scale (the demo's
own proportion would give 240,000). For each scope (Utrecht, and Nederland: the same size
spread over all 342 municipalities) it prints the rows read per source and in core, the
load average, and, best of `--runs` (default 3; the machine may be shared):

- ETL: wall time of `omzien etl run` in a subprocess, as an analyst runs it;
- floor: a bare DuckDB `read_csv` of the same csv files into a persisted table (a new
  database file, checkpointed), measured in the same run. A file DuckDB cannot read as it
  is (Windows-1252 with bytes Latin-1 lacks) is re-encoded to UTF-8 beforehand, outside the
  timing, so the floor is never slower than DuckDB itself;
- the ratio best ETL / best floor (goal: at most 3) and the ETL's peak RSS (goal: at
  most 2 GB);
- signals: the part of the ETL that computes the signals (reading the marts, every test,
  the series, writing the tables), timed again on the built warehouse, against the whole
  ETL (goal: at most 10%).

Speed targets live here, not in timed tests. Generated exports are cached per scale and
scope in bench/.cache/ (git-ignored) because writing a large xlsx takes longer than the ETL.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import duckdb

from etl.demo import write_demo_exports

AS_OF = date(2026, 11, 26)
CACHE = Path(__file__).parent / ".cache"
OMZIEN = Path(sys.executable).parent / "omzien"
GOAL_RATIO = 3.0
GOAL_RSS_GB = 2.0
GOAL_SIGNALS_SHARE = 0.10


def exports(scale: float, initiatives: int, scope: str) -> Path:
    """The cached demo exports of this scale, initiative count and scope, made when missing."""
    raw = CACHE / f"scale-{scale:g}-ini-{initiatives}-{scope.lower()}"
    if not (raw / "demo" / "omzien-demo.json").exists():
        started = time.perf_counter()
        write_demo_exports(
            raw / "demo",
            seed=1,
            as_of=AS_OF,
            scale=scale,
            province=scope,
            initiatives=initiatives,
        )
        print(
            f"generated {scope} exports at scale {scale:g} in {time.perf_counter() - started:.1f} s"
        )
    return raw


def duckdb_readable(path: Path, scratch: Path) -> Path:
    """The csv as DuckDB's reader takes it: UTF-8 as it is, anything else re-encoded."""
    raw = path.read_bytes()
    try:
        raw.decode("utf-8")
        return path
    except UnicodeDecodeError:
        copy = scratch / f"{path.stem}.utf8.csv"
        copy.write_bytes(raw.decode("cp1252", errors="replace").encode("utf-8"))
        return copy


def floor_seconds(csv_files: list[Path], scratch: Path) -> float:
    """A bare DuckDB read_csv of every file into a table of a new, checkpointed database."""
    target = scratch / "floor.duckdb"
    target.unlink(missing_ok=True)
    started = time.perf_counter()
    with duckdb.connect(str(target)) as con:
        for i, path in enumerate(csv_files):
            con.execute(f"CREATE TABLE t{i} AS SELECT * FROM read_csv(?)", [str(path)])
        con.execute("CHECKPOINT")
    seconds = time.perf_counter() - started
    target.unlink(missing_ok=True)
    return seconds


def etl_run(raw: Path, target: Path, scope: str) -> tuple[float, float]:
    """Wall seconds and peak RSS (GB) of `omzien etl run` in its own process."""
    command = [
        str(OMZIEN),
        "etl",
        "run",
        "--raw",
        str(raw),
        "--warehouse",
        str(target),
        "--as-of",
        AS_OF.isoformat(),
        "--province",
        scope,
    ]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"omzien etl run failed: {process.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024**2  # ru_maxrss is in KiB on Linux


def signals_seconds(warehouse: Path, scratch: Path, runs: int) -> float:
    """Best wall seconds of the ETL's signals step, run again on a copy of the warehouse."""
    from etl import settings
    from etl.vocabularies import CATEGORIES
    from signals import build_signals

    best = float("inf")
    for _ in range(runs):
        copy = scratch / "signals.duckdb"
        shutil.copy(warehouse, copy)
        with duckdb.connect(str(copy)) as con:
            con.execute("DROP TABLE marts.signals; DROP TABLE marts.signal_series")
            history = con.execute("SELECT * FROM etl.signal_history").df()
            con.execute("DROP TABLE etl.signal_history")
            load_id = con.execute("SELECT max(load_id) FROM etl.loads").fetchone()[0]
            started = time.perf_counter()
            build_signals(
                con,
                load_id=load_id,
                previous=history[history["load_id"] == load_id - 1],
                small_numbers=settings.small_numbers(),
                suppress_below=settings.suppress_below(),
                category_labels=CATEGORIES.labels(),
                history=history,
            )
            best = min(best, time.perf_counter() - started)
        copy.unlink()
    return best


def row_counts(warehouse: Path) -> tuple[dict[str, int], dict[str, int]]:
    """Rows read from the exports per source (etl.files of the last load) and rows in core."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        read = dict(
            con.execute(
                "SELECT source, sum(rows_read) FROM etl.files WHERE load_id = "
                "(SELECT max(load_id) FROM etl.loads) AND source IS NOT NULL GROUP BY source"
            ).fetchall()
        )
        core = {
            table: con.execute(f"SELECT count(*) FROM core.{table}").fetchone()[0]
            for table in ("initiatives", "obstacles", "responses", "municipalities")
        }
    return read, core


def _counted(counts: dict[str, int], names: tuple[str, ...]) -> str:
    return ", ".join(f"{counts.get(n, 0):,} {n}" for n in names)


def bench(scale: float, initiatives: int, scope: str, runs: int) -> None:
    raw = exports(scale, initiatives, scope)
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        csv_files = [duckdb_readable(p, scratch) for p in sorted(raw.rglob("*.csv"))]
        floors, etls = [], []
        for _ in range(runs):
            floors.append(floor_seconds(csv_files, scratch))
            etls.append(etl_run(raw, scratch / "omzien.duckdb", scope))
        read, core = row_counts(scratch / "omzien.duckdb")
        signals = signals_seconds(scratch / "omzien.duckdb", scratch, runs)
    seconds = min(s for s, _ in etls)
    floor = min(floors)
    ratio = seconds / floor
    sources = ("initiatives", "obstacles", "responses")
    print(
        f"{scope} (scale {scale:g}, {initiatives:,} initiatives asked), best of {runs}, "
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}\n"
        f"  read: {_counted(read, sources)}\n"
        f"  core: {_counted(core, (*sources, 'municipalities'))}\n"
        f"  ETL {seconds:.1f} s (runs {', '.join(f'{s:.1f}' for s, _ in etls)}) | "
        f"floor (DuckDB read_csv) {floor:.1f} s (runs {', '.join(f'{f:.1f}' for f in floors)})"
        f" | ratio {ratio:.2f} (goal <= {GOAL_RATIO:g}) | peak RSS {max(r for _, r in etls):.2f}"
        f" GB (goal <= {GOAL_RSS_GB:g})\n"
        f"  signals {signals:.2f} s = {signals / seconds:.1%} of the ETL "
        f"(goal <= {GOAL_SIGNALS_SHARE:.0%})",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=40.0)
    parser.add_argument("--initiatives", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--scope", action="append", help="Utrecht, Nederland, ... (default: both of those)"
    )
    args = parser.parse_args()
    for scope in args.scope or ["Utrecht", "Nederland"]:
        bench(args.scale, args.initiatives, scope, args.runs)


if __name__ == "__main__":
    main()
