"""A national warehouse (342 municipalities) served: the pages a national network opens
first stay readable, with screenshots for the record."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import screenshot, serve, wait_until_idle

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def national_app(national_demo_warehouse: Path) -> Iterator[str]:
    yield from serve(national_demo_warehouse)


def open_page(page, base: str, path: str) -> None:
    page.set_viewport_size({"width": 1400, "height": 1600})
    page.goto(base + path)
    page.wait_for_selector("[data-testid='stMainBlockContainer'] h1", timeout=60_000)
    wait_until_idle(page, 90_000)


def test_compare_shows_a_focus_and_every_municipality_in_the_table(national_app, page) -> None:
    open_page(page, national_app, "/vergelijken")
    assert page.get_by_text("Van de 342 gemeenten").count() >= 1
    assert page.locator("[data-testid='stException']").count() == 0
    assert screenshot(page, "nederland_vergelijken").stat().st_size > 20_000


def test_profile_against_province_and_country(national_app, page) -> None:
    open_page(page, national_app, "/gemeente?gemeente=GM0014")
    assert page.get_by_text("Gemeenteprofiel: Groningen").count() >= 1
    assert page.get_by_text("Provincie Groningen").count() >= 1
    assert screenshot(page, "nederland_gemeente").stat().st_size > 20_000


def test_map_of_the_whole_country(national_app, page) -> None:
    open_page(page, national_app, "/kaart")
    page.wait_for_selector("[data-testid='stPlotlyChart'] svg.main-svg", timeout=60_000)
    assert page.get_by_text("CBS/PDOK").count() >= 1  # the credit of the shipped boundaries
    assert page.locator("[data-testid='stException']").count() == 0
    assert screenshot(page, "nederland_kaart").stat().st_size > 20_000


@pytest.fixture(scope="module")
def rollup_app(rollup_networks) -> Iterator[str]:
    env = {"OMZIEN_ACCESS": "public", "OMZIEN_PUBLIC_WAREHOUSE": str(rollup_networks["rollup"])}
    yield from serve(rollup_networks["rollup"].parent / "niet-gelezen.duckdb", env=env)


def test_a_rollup_of_two_networks_served_in_public_mode(rollup_app, page) -> None:
    open_page(page, rollup_app, "/")
    page.wait_for_selector("[data-testid='stMetric']", timeout=60_000)
    wait_until_idle(page, 90_000)
    assert page.get_by_text("Alle netwerken").count() >= 1
    assert page.locator("[data-testid='stException']").count() == 0
    assert screenshot(page, "landelijk_overzicht").stat().st_size > 20_000
    open_page(page, rollup_app, "/kwaliteit")
    assert page.get_by_text("Netwerken in dit beeld").count() >= 1  # which networks it adds up
    assert screenshot(page, "landelijk_kwaliteit").stat().st_size > 20_000
