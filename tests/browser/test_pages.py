"""Compare, profile and map pages in a real headless browser, with screenshots."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from etl.warehouse import build
from tests.browser.conftest import screenshot, serve, wait_until_idle
from tests.support.exports import AS_OF
from tests.support.geo import SHARED_GEO

pytestmark = pytest.mark.browser


def open_page(page, base: str, path: str, ready: str = ".js-plotly-plot") -> None:
    page.goto(base + path)
    page.wait_for_selector(ready, timeout=30_000)
    wait_until_idle(page)
    assert page.locator("[data-testid='stException']").count() == 0


def test_compare_shows_intervals_and_funnel(served_app: str, page) -> None:
    page.set_viewport_size({"width": 1400, "height": 2600})
    open_page(page, served_app, "/vergelijken")
    assert page.locator(".js-plotly-plot").count() == 2  # dot plot and funnel
    assert page.get_by_text("binnen de verwachte variatie").count() >= 1
    screenshot(page, "vergelijken")


def test_a_filter_change_updates_the_chart(served_app: str, page) -> None:
    open_page(page, served_app, "/vergelijken")
    labels = page.locator(".js-plotly-plot").first.locator(".yaxislayer-above text")
    assert labels.count() == 26
    # Choose Regio Foodvalley in the sidebar, as a user does.
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.locator("[data-testid='stSelectbox']").filter(has_text="Regio").first.click()
    page.get_by_role("option", name="Regio Foodvalley").click()
    page.wait_for_function(
        "document.querySelector('.js-plotly-plot .yaxislayer-above')"
        "?.querySelectorAll('text').length === 3",
        timeout=30_000,
    )
    wait_until_idle(page)
    assert "regio=regio_foodvalley" in page.url
    assert page.locator("[data-testid='stException']").count() == 0


def test_profile_from_its_url(served_app: str, page) -> None:
    page.set_viewport_size({"width": 1400, "height": 2400})
    open_page(page, served_app, "/gemeente?gemeente=GM0312")
    assert page.get_by_text("Gemeenteprofiel: Bunnik").count() == 1
    assert page.locator(".js-plotly-plot").count() == 5
    screenshot(page, "gemeente")


def test_map_offline_with_the_shipped_boundaries(served_app: str, page) -> None:
    """No boundary file and no internet: the real map, from the outlines Omzien ships."""
    page.set_viewport_size({"width": 1400, "height": 1300})
    open_page(page, served_app, "/kaart")
    assert page.get_by_text("CBS/PDOK, Gebiedsindelingen 2024").count() >= 1
    assert page.locator(".js-plotly-plot").first.get_by_text("Bunnik").count() >= 1
    screenshot(page, "kaart_meegeleverd")
    page.get_by_text("Tegelkaart", exact=True).click()
    page.wait_for_selector("text=elke gemeente een even groot vlak", timeout=30_000)
    wait_until_idle(page)
    screenshot(page, "kaart_tegels")


@pytest.fixture(scope="module")
def served_map_app(demo_exports: Path, tmp_path_factory) -> Iterator[str]:
    if not (SHARED_GEO / "utrecht_gemeenten.geojson").exists():
        pytest.skip("the shared boundary file is not on this machine")
    raw = tmp_path_factory.mktemp("map") / "raw"
    shutil.copytree(demo_exports, raw)
    (raw / "geo").mkdir()
    shutil.copy(SHARED_GEO / "utrecht_gemeenten.geojson", raw / "geo")
    target = raw.parent / "wh" / "omzien.duckdb"
    build(raw, target, as_of=AS_OF, province="Utrecht")
    yield from serve(target)


def test_choropleth_with_official_boundaries(served_map_app: str, page) -> None:
    page.set_viewport_size({"width": 1400, "height": 1300})
    open_page(page, served_map_app, "/kaart")
    assert page.get_by_text("Bunnik").count() >= 1
    screenshot(page, "kaart")
