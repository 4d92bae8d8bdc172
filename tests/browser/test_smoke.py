"""The served dashboard in a real headless browser."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot, wait_until_idle

pytestmark = pytest.mark.browser


def test_home_renders_with_figures_and_banner(served_app: str, page) -> None:
    page.goto(served_app + "/")
    # The five headline figures render one by one: wait for all of them, not the first.
    page.wait_for_function(
        "document.querySelectorAll(\"[data-testid='stMetric']\").length === 5", timeout=30_000
    )
    wait_until_idle(page)
    assert page.get_by_text("SYNTHETISCHE").count() >= 1
    assert page.locator("[data-testid='stException']").count() == 0
    assert screenshot(page, "home").stat().st_size > 10_000


def test_agenda_renders_chart_and_table(served_app: str, page) -> None:
    page.set_viewport_size({"width": 1400, "height": 2000})
    page.goto(served_app + "/agenda")
    page.wait_for_selector(".js-plotly-plot", timeout=30_000)
    page.wait_for_selector("[data-testid='stDataFrame']", timeout=30_000)
    wait_until_idle(page)
    assert page.get_by_text("terugkerende agendapunten").count() >= 1
    assert page.locator("[data-testid='stException']").count() == 0
    assert screenshot(page, "agenda").stat().st_size > 10_000


def test_obstacles_renders_table_and_downloads(served_app: str, page) -> None:
    page.set_viewport_size({"width": 1400, "height": 1600})
    page.goto(served_app + "/knelpunten")
    page.wait_for_selector("[data-testid='stDataFrame']", timeout=30_000)
    wait_until_idle(page)
    assert page.locator("[data-testid='stDownloadButton']").count() == 2
    assert page.get_by_text("Reactiegeschiedenis").count() == 1
    assert page.locator("[data-testid='stException']").count() == 0
    assert screenshot(page, "knelpunten").stat().st_size > 10_000


def test_quality_renders_load_and_rejects(served_app: str, page) -> None:
    page.set_viewport_size({"width": 1400, "height": 3200})
    page.goto(served_app + "/kwaliteit")
    page.wait_for_selector(".js-plotly-plot", timeout=30_000)
    wait_until_idle(page)
    assert page.locator("[data-testid='stMetric']").count() == 8
    assert page.locator("[data-testid='stException']").count() == 0
    assert screenshot(page, "kwaliteit").stat().st_size > 10_000


def test_signals_show_the_planted_changes_as_cards(served_app: str, page) -> None:
    """The demo plants a subsidy tap (Amersfoort) and a municipality that stops answering
    (Nieuwegein): both are cards on /signalen with a chart, and the overview links there."""
    page.set_viewport_size({"width": 1400, "height": 2400})
    page.goto(served_app + "/signalen")
    page.wait_for_selector(".js-plotly-plot", timeout=30_000)
    wait_until_idle(page)
    text = page.inner_text("body")
    assert "Verslechteringen" in text
    assert "Nieuwegein: van de" in text
    assert "Amersfoort: sinds" in text
    assert page.locator(".js-plotly-plot").count() >= 2
    assert page.locator("[data-testid='stException']").count() == 0
    assert screenshot(page, "signalen").stat().st_size > 10_000
    page.goto(served_app + "/")
    page.get_by_text("nieuwe signalen sinds de vorige load").first.click()
    page.wait_for_url("**/signalen**", timeout=30_000)
