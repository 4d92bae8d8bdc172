"""Every page passes axe-core (WCAG 2.1 AA rules), in local and in public mode.

No serious or critical violation may remain: colour contrast, headings, names of controls.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest

from etl.publish import publish
from tests.browser.conftest import serve, wait_until_idle
from tests.support.pages import PAGES, QUERIES

pytestmark = pytest.mark.browser

# Each page with what it needs to show its figures.
PATHS = [
    path + ("?" + urlencode(QUERIES[page]) if page in QUERIES else "")
    for page, path in PAGES.items()
]


@pytest.fixture(scope="module")
def public_app(demo_warehouse: Path, tmp_path_factory) -> Iterator[str]:
    snapshot = tmp_path_factory.mktemp("axe") / "omzien-publiek.duckdb"
    publish(demo_warehouse, snapshot)
    env = {"OMZIEN_ACCESS": "public", "OMZIEN_PUBLIC_WAREHOUSE": str(snapshot)}
    yield from serve(demo_warehouse.parent / "not-read.duckdb", env=env)


def serious_violations(page, base: str, path: str) -> list[tuple[str, int]]:
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
    page.goto(base + path)
    page.wait_for_selector("[data-testid='stMainBlockContainer'] h1", timeout=30_000)
    wait_until_idle(page)
    axe = axe_module.Axe()
    found = axe.run(page).response["violations"]
    if found:  # a page still drawing (a fading skeleton) is judged once it has settled
        page.wait_for_timeout(1500)
        found = axe.run(page).response["violations"]
    return [
        (v["id"], [n["target"] for n in v["nodes"]], v["nodes"][0]["failureSummary"])
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("path", PATHS)
def test_local_pages_pass_axe(served_app: str, page, path: str) -> None:
    assert serious_violations(page, served_app, path) == []


@pytest.mark.parametrize("path", PATHS)
def test_public_pages_pass_axe(public_app: str, page, path: str) -> None:
    assert serious_violations(page, public_app, path) == []
