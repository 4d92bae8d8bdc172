"""Kennisbank, an initiative's card and Wie loste het op? in a real headless browser, with
screenshots (artifacts/screenshots/)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlparse

import duckdb
import pytest

from readmodel.kennisbank import directory
from readmodel.selection import Filters
from tests.browser.conftest import screenshot, wait_until_idle

pytestmark = pytest.mark.browser


def starting_initiative(warehouse: Path) -> str:
    """A starting demo initiative with an unresolved obstacle that was resolved elsewhere."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(
            "SELECT i.initiative_id FROM core.initiatives AS i JOIN core.obstacles AS o "
            "USING (initiative_id) WHERE i.phase = 'startend' AND o.resolved_at IS NULL "
            "AND o.theme = 'zorg_welzijn' AND o.category = 'financiering' "
            "ORDER BY i.initiative_id LIMIT 1"
        ).fetchone()[0]


def no_exception(page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0


def test_directory_lists_the_initiatives(served_app: str, demo_warehouse: Path, page) -> None:
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        first = directory(con, Filters(), sort="naam", limit=1)["initiative_id"].iloc[0]
    page.set_viewport_size({"width": 1400, "height": 1400})
    page.goto(served_app + "/kennisbank")
    page.wait_for_selector("[data-testid='stDataFrame']", timeout=30_000)
    wait_until_idle(page)
    no_exception(page)
    assert page.get_by_text("initiatieven gevonden").count() == 1
    assert screenshot(page, "kennisbank").stat().st_size > 10_000
    # Choosing a row (its box left of the first column) opens that initiative's card.
    table = page.locator("[data-testid='stDataFrame']").first
    # The grid draws itself on a canvas after it appears: click once it is there.
    table.locator("canvas").first.wait_for(timeout=30_000)
    wait_until_idle(page)
    box = table.bounding_box()
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 17)
    page.wait_for_function(
        f"() => new URL(location.href).searchParams.get('initiatief') === '{first}'",
        timeout=30_000,
    )
    page.get_by_role("heading", name="Vergelijkbare initiatieven").wait_for(timeout=30_000)
    wait_until_idle(page)
    no_exception(page)
    # Back to the list: the earlier choice does not open the card again.
    page.get_by_role("button", name="Terug naar de kennisbank").click()
    page.wait_for_selector("text=initiatieven gevonden", timeout=30_000)
    wait_until_idle(page)
    page.wait_for_timeout(1_000)
    assert page.get_by_role("heading", name="Vergelijkbare initiatieven").count() == 0
    assert "initiatief" not in parse_qs(urlparse(page.url).query)


def test_card_of_a_starting_initiative_shows_peers_and_solutions(
    served_app: str, demo_warehouse: Path, page
) -> None:
    initiative_id = starting_initiative(demo_warehouse)
    page.set_viewport_size({"width": 1400, "height": 3400})
    page.goto(f"{served_app}/kennisbank?initiatief={initiative_id}")
    page.wait_for_selector("text=Elders opgelost", timeout=30_000)
    page.wait_for_selector("[data-testid='stDataFrame']", timeout=30_000)
    wait_until_idle(page)
    no_exception(page)
    assert page.get_by_role("heading", name="Vergelijkbare initiatieven").count() == 1
    assert page.get_by_text("Gelijkenis").count() == 5
    assert page.get_by_text("gedeelde thema's").count() >= 1
    assert page.get_by_text("Contact met dit initiatief loopt via het netwerk").count() == 1
    assert screenshot(page, "kennisbank_kaart").stat().st_size > 10_000

    # A peer opens its own card, in the same tab.
    peer = page.locator("[data-testid='stButton'] button").filter(has_text="·").first
    peer.click()
    page.wait_for_function(
        f"() => new URL(location.href).searchParams.get('initiatief') !== '{initiative_id}'",
        timeout=30_000,
    )
    wait_until_idle(page)
    no_exception(page)
    assert parse_qs(urlparse(page.url).query)["initiatief"][0] != initiative_id


def test_who_solved_it_from_its_link(served_app: str, demo_warehouse: Path, page) -> None:
    initiative_id = starting_initiative(demo_warehouse)
    page.set_viewport_size({"width": 1400, "height": 2400})
    page.goto(f"{served_app}/kennisbank?initiatief={initiative_id}")
    page.wait_for_selector("text=Elders opgelost", timeout=30_000)
    wait_until_idle(page)
    page.get_by_role(
        "link", name="Wie loste dit op? (Financiering en subsidie · Zorg en welzijn)"
    ).first.click()
    page.wait_for_selector("text=Hoe het werd opgelost", timeout=30_000)
    wait_until_idle(page)
    no_exception(page)
    query = parse_qs(urlparse(page.url).query)
    assert urlparse(page.url).path == "/oplossingen"
    assert (query["thema"], query["categorie"]) == (["zorg_welzijn"], ["financiering"])


def test_oplossingen_from_its_url(served_app: str, page) -> None:
    page.set_viewport_size({"width": 1400, "height": 2600})
    page.goto(served_app + "/oplossingen?thema=zorg_welzijn&categorie=financiering")
    page.wait_for_selector("text=Hoe het werd opgelost", timeout=30_000)
    page.wait_for_function(
        "document.querySelectorAll(\"[data-testid='stDataFrame']\").length === 2", timeout=30_000
    )
    wait_until_idle(page)
    no_exception(page)
    assert page.get_by_text("(Deels) opgelost").count() >= 1
    assert screenshot(page, "oplossingen").stat().st_size > 10_000
