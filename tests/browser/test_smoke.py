"""The served dashboard in a real headless browser."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot, wait_until_idle

pytestmark = pytest.mark.browser


def test_home_renders_with_figures_and_banner(served_app: str, page) -> None:
    page.goto(served_app + "/")
    page.wait_for_selector("[data-testid='stMetric']", timeout=30_000)
    wait_until_idle(page)
    assert page.locator("[data-testid='stMetric']").count() == 5
    assert page.get_by_text("SYNTHETISCHE").count() >= 1
    assert page.locator("[data-testid='stException']").count() == 0
    assert screenshot(page, "home").stat().st_size > 10_000
