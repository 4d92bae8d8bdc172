"""Twenty members submit at once while `omzien etl run` builds: after two runs every
submission is loaded exactly once, none lost, none twice (a double click included)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

import duckdb
import pytest

from etl.contract import INITIATIVES
from etl.settings import PROJECT_ROOT
from intake import forms
from intake.check import Context, check
from intake.inbox import deliver

SESSIONS = 20
OMZIEN = Path(sys.executable).with_name("omzien")


def one_session(args: tuple[int, str, str, str, str]) -> tuple[str, int]:
    """A member's session: fill the form, have it checked, press Versturen twice."""
    n, inbox, initiative_id, municipality, registered = args
    time.sleep(0.05 * n)  # spread over the run
    submission = forms.obstacle(
        forms.FormId(),
        initiative_id=initiative_id,
        municipality=municipality,
        reported_at=date.today(),
        theme="ontmoeting",
        category="huisvesting",
        description=f"Melding {n} uit een gelijktijdige sessie",
    )
    context = Context(
        INITIATIVES,
        (
            {
                "initiatief_id": initiative_id,
                "naam": "x",
                "gemeente": municipality,
                "geregistreerd_op": registered,
            },
        ),
    )
    problems = check(submission, as_of=date.today(), province="Utrecht", context=[context])
    assert problems == [], problems
    written = sum(deliver(Path(inbox), submission).new for _ in range(2))
    return submission.record_id, written


def run_etl(raw: Path, warehouse: Path, inbox: Path) -> subprocess.Popen:
    env = {**os.environ, "OMZIEN_INBOX": str(inbox)}
    return subprocess.Popen(
        [str(OMZIEN), "etl", "run", "--raw", str(raw), "--warehouse", str(warehouse)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@pytest.mark.slow
def test_submissions_during_a_build_are_loaded_once(
    demo_exports: Path, demo_warehouse: Path, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    warehouse = tmp_path / "omzien.duckdb"
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        initiatives = con.execute(
            "SELECT initiative_id, cbs_code, registered_at FROM core.initiatives "
            "ORDER BY initiative_id LIMIT ?",
            [SESSIONS],
        ).fetchall()
    jobs = [
        (n, str(inbox), i, code, day.isoformat()) for n, (i, code, day) in enumerate(initiatives)
    ]
    first = run_etl(demo_exports, warehouse, inbox)
    with ProcessPoolExecutor(4) as pool:
        submitted = list(pool.map(one_session, jobs))
    assert first.wait(timeout=600) == 0, first.stdout.read()
    second = run_etl(demo_exports, warehouse, inbox)
    assert second.wait(timeout=600) == 0, second.stdout.read()

    ids = [record_id for record_id, _ in submitted]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        loaded = [
            r[0]
            for r in con.execute(
                "SELECT obstacle_id FROM core.obstacles WHERE obstacle_id IN "
                "(SELECT unnest(?::VARCHAR[]))",
                [ids],
            ).fetchall()
        ]
        files = con.execute(
            "SELECT count(*), sum(rows_loaded), sum(rows_rejected) FROM etl.files "
            "WHERE path LIKE 'inbox/%' AND load_id = (SELECT max(load_id) FROM etl.loads)"
        ).fetchone()
        in_first = con.execute(
            "SELECT count(*) FROM etl.files WHERE path LIKE 'inbox/%' AND load_id = 1"
        ).fetchone()[0]
    figures = {
        "submitted": len(ids),
        "seen by the first run": in_first,
        "written": sum(w for _, w in submitted),
        "loaded": len(set(loaded)),
        "duplicates": len(loaded) - len(set(loaded)),
        "lost": len(set(ids) - set(loaded)),
    }
    report = PROJECT_ROOT / "artifacts" / "intake" / "concurrency.txt"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(" · ".join(f"{k} {v}" for k, v in figures.items()) + "\n", encoding="utf-8")
    assert 0 <= figures.pop("seen by the first run") <= SESSIONS
    assert figures == {
        "submitted": SESSIONS,
        "written": SESSIONS,  # the second click of each session wrote nothing
        "loaded": SESSIONS,
        "duplicates": 0,
        "lost": 0,
    }
    assert files == (SESSIONS, SESSIONS, 0)
    assert not list(inbox.glob(".*"))  # no temporary file left behind
