"""How many obstacles wait for a follow-up: `omzien etl status` and the signals digest say
so, with the count readmodel.follow_up gives (OMZIEN_FOLLOW_UP_DAYS)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from readmodel.follow_up import overdue_count

OMZIEN = Path(sys.executable).with_name("omzien")


def omzien(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("OMZIEN_")}
    return subprocess.run(
        [str(OMZIEN), *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env={**clean, **env, "COLUMNS": "200"},
    )


@pytest.mark.slow
@pytest.mark.parametrize("days", ["42", "400"])
def test_status_and_digest_count_the_obstacles_due(
    demo_warehouse: Path, tmp_path: Path, days: str
) -> None:
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        due = overdue_count(con, int(days))
    assert due > 0
    env = {"OMZIEN_FOLLOW_UP_DAYS": days}
    status = omzien("etl", "status", "--warehouse", str(demo_warehouse), cwd=tmp_path, env=env)
    assert status.returncode == 0, status.stderr
    said = f"{due} knelpunten van initiatieven wachten op een follow-up: al meer dan {days} dagen"
    assert said in " ".join(status.stdout.split())
    out = tmp_path / "signalen.md"
    digest = omzien(
        "export", "signalen", "--warehouse", str(demo_warehouse), "--format", "md",
        "--out", str(out), cwd=tmp_path, env=env,
    )  # fmt: skip
    assert digest.returncode == 0, digest.stderr
    assert said in " ".join(out.read_text(encoding="utf-8").split())


def test_a_public_snapshot_has_no_follow_up_count(demo_warehouse: Path, tmp_path: Path) -> None:
    from etl.publish import publish

    snapshot = tmp_path / "publiek.duckdb"
    publish(demo_warehouse, snapshot)
    with duckdb.connect(str(snapshot), read_only=True) as con:
        assert overdue_count(con, 42) is None
