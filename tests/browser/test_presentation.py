"""Presentation mode in a real browser: no sidebar, large type, next moves on (and the URL)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot, wait_until_idle

pytestmark = pytest.mark.browser


def test_presentation_mode(served_app: str, page) -> None:
    page.set_viewport_size({"width": 1600, "height": 900})  # a projector's 16:9
    page.goto(served_app + "/?presentatie=1")
    page.wait_for_selector(".omzien-title", timeout=30_000)
    page.wait_for_selector(".js-plotly-plot", timeout=30_000)
    wait_until_idle(page)
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    assert "knelpunten gemeld" in page.locator(".omzien-title").inner_text()
    size = page.locator(".omzien-title").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 40  # readable from the back of the room
    assert page.get_by_text("SYNTHETISCHE DEMOGEGEVENS").count() >= 1
    assert page.locator("[data-testid='stException']").count() == 0
    assert screenshot(page, "presentatie").stat().st_size > 10_000

    page.get_by_role("button", name="Volgende").click()
    page.wait_for_function(
        "() => document.querySelector('.omzien-title')?.innerText.includes('Aandeel')",
        timeout=30_000,
    )
    wait_until_idle(page)
    assert "dia=2" in page.url
    screenshot(page, "presentatie-2")

    page.get_by_role("button", name="Presentatie verlaten").click()
    page.wait_for_selector("[data-testid='stSidebar']", timeout=30_000)
    wait_until_idle(page)
    assert "presentatie" not in page.url
