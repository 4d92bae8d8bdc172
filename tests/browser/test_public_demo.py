"""The demo as the public sees it: `omzien publish` on the demo warehouse, then the dashboard
in public mode on that snapshot alone (the full warehouse path points nowhere).

The overview has figures; /knelpunten says it is for members; no obstacle description,
response note or obstacle id of the demo reaches the page or its source.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.browser.conftest import screenshot, serve, wait_until_idle

pytestmark = pytest.mark.browser

OMZIEN = Path(sys.executable).parent / "omzien"


@pytest.fixture(scope="module")
def private_texts(demo_warehouse: Path) -> list[str]:
    """Longer descriptions, notes and ids of the demo: none may be in the public view."""
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        return [
            text
            for (text,) in con.execute(
                "(SELECT description FROM core.obstacles WHERE length(description) > 30 LIMIT 20) "
                "UNION ALL (SELECT note FROM core.responses WHERE length(note) > 30 LIMIT 20) "
                "UNION ALL (SELECT obstacle_id FROM core.obstacles LIMIT 20)"
            ).fetchall()
        ]


@pytest.fixture(scope="module")
def public_demo(demo_warehouse: Path, tmp_path_factory) -> Iterator[str]:
    snapshot = tmp_path_factory.mktemp("public-demo") / "omzien-publiek.duckdb"
    done = subprocess.run(
        [str(OMZIEN), "publish", "--warehouse", str(demo_warehouse), "--out", str(snapshot)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    missing = snapshot.parent / "er-is-geen-warehouse.duckdb"
    env = {"OMZIEN_ACCESS": "public", "OMZIEN_PUBLIC_WAREHOUSE": str(snapshot)}
    yield from serve(missing, env=env)


def visible(page) -> str:
    return page.inner_text("body") + page.content()


def test_public_overview_of_the_demo(public_demo: str, private_texts: list[str], page) -> None:
    page.goto(public_demo)
    page.wait_for_selector("[data-testid='stMetric']", timeout=30_000)
    wait_until_idle(page)
    assert page.get_by_text("Openbare weergave").count() >= 1
    assert page.get_by_text("demo", exact=False).count() >= 1  # synthetic, and says so
    assert [t for t in private_texts if t in visible(page)] == []
    assert page.locator("[data-testid='stException']").count() == 0
    assert screenshot(page, "demo_publiek_overzicht").stat().st_size > 10_000


def test_public_obstacles_page_is_for_members(
    public_demo: str, private_texts: list[str], page
) -> None:
    page.goto(f"{public_demo}/knelpunten")
    page.wait_for_selector("[data-testid='stMainBlockContainer'] h1", timeout=30_000)
    # The heading draws before the notice below it: wait for the notice itself.
    page.wait_for_selector("text=alleen voor leden", timeout=30_000)
    wait_until_idle(page)
    assert [t for t in private_texts if t in visible(page)] == []
    assert page.locator("[data-testid='stException']").count() == 0
    assert screenshot(page, "demo_publiek_knelpunten").stat().st_size > 10_000
