"""Members mode in a real browser, signing in at a real OpenID provider (oidc-provider-mock).

The served app reads the fixture warehouse for members and its public snapshot for everyone
else. Anonymous visitors and a signed-in account that is not on the members list never see
a description or a note; a member does; signing out ends it; the access log records the
member's sign-in.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from etl.publish import publish
from tests.browser.conftest import auth_secrets, free_port, screenshot, serve, wait_until_idle

pytestmark = pytest.mark.browser

MEMBER, STRANGER = "anna@example.org", "piet@example.org"
# Private in the fixture: a description, a note, obstacle ids.
MARKERS = ("Subsidie gestopt", "Nieuwe subsidie", "K-01", "K-07")


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    oidc_provider_mock = pytest.importorskip("oidc_provider_mock")
    with oidc_provider_mock.run_server_in_thread() as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="module")
def members_app(fixture_warehouse: Path, provider: str, tmp_path_factory) -> Iterator[dict]:
    root = tmp_path_factory.mktemp("members")
    snapshot = root / "omzien-publiek.duckdb"
    publish(fixture_warehouse, snapshot)
    (root / "leden.txt").write_text(f"# het netwerk\n{MEMBER}\n", encoding="utf-8")
    port = free_port()
    auth_secrets(root / "secrets.toml", port, provider)
    log = root / "toegang.jsonl"
    env = {
        "OMZIEN_ACCESS": "members",
        "OMZIEN_PUBLIC_WAREHOUSE": str(snapshot),
        "OMZIEN_MEMBERS": str(root / "leden.txt"),
        "OMZIEN_ACCESS_LOG": str(log),
    }
    for base in serve(fixture_warehouse, env=env, secrets=root / "secrets.toml", port=port):
        yield {"base": base, "log": log}


def visible(page) -> str:
    """What the visitor can read, and what the page sends (the page source)."""
    return page.inner_text("body") + page.content()


def open_obstacles(page, base: str) -> None:
    page.goto(f"{base}/knelpunten")
    page.wait_for_selector("[data-testid='stMainBlockContainer'] h1", timeout=30_000)
    wait_until_idle(page)


def sign_in(page, base: str, account: str) -> None:
    open_obstacles(page, base)
    page.locator("[data-testid='stSidebar']").get_by_role("button", name="Inloggen").click()
    page.wait_for_selector("input[name='sub']", timeout=30_000)
    page.fill("input[name='sub']", account)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_selector(f"text=Ingelogd als {account}", timeout=30_000)
    wait_until_idle(page)


def test_anonymous_visitors_see_the_public_view(members_app: dict, page) -> None:
    open_obstacles(page, members_app["base"])
    # The heading draws before the notice below it: wait for the notice itself.
    page.wait_for_selector("text=alleen voor leden", timeout=30_000)
    assert [m for m in MARKERS if m in visible(page)] == []
    assert page.locator("[data-testid='stException']").count() == 0
    assert screenshot(page, "publiek_knelpunten").stat().st_size > 10_000


def test_the_public_overview_shows_figures_from_the_snapshot(members_app: dict, page) -> None:
    page.goto(members_app["base"])
    page.wait_for_selector("[data-testid='stMetric']", timeout=30_000)
    wait_until_idle(page)
    assert page.get_by_text("Openbare weergave").count() >= 1
    assert [m for m in MARKERS if m in visible(page)] == []
    assert page.locator("[data-testid='stException']").count() == 0
    assert screenshot(page, "publiek_overzicht").stat().st_size > 10_000


def test_a_non_member_is_told_and_sees_the_public_view(members_app: dict, page) -> None:
    sign_in(page, members_app["base"], STRANGER)
    assert page.get_by_text("staat niet op de ledenlijst").count() >= 1
    open_obstacles(page, members_app["base"])
    page.wait_for_selector("text=alleen voor leden", timeout=30_000)
    assert [m for m in MARKERS if m in visible(page)] == []


def test_a_member_sees_descriptions_and_notes_and_can_sign_out(members_app: dict, page) -> None:
    base = members_app["base"]
    sign_in(page, base, MEMBER)
    open_obstacles(page, base)
    page.get_by_label("Zoeken").fill("Subsidie gestopt")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=1 knelpunt gevonden", timeout=30_000)
    wait_until_idle(page)
    # The history of the one match: its description and the note of its answer.
    assert page.get_by_text("Subsidie gestopt").count() >= 1
    assert page.get_by_text("K-01 · Utrecht").count() >= 1
    entries = [json.loads(line) for line in members_app["log"].read_text().splitlines()]
    assert {"account": MEMBER, "gebeurtenis": "inloggen"}.items() <= entries[0].items()
    page.locator("[data-testid='stSidebar']").get_by_role("button", name="Uitloggen").click()
    # The provider ends its session too (RP-initiated logout), then sends us back.
    page.get_by_role("button", name="End session").click()
    page.wait_for_selector("text=Inloggen", timeout=30_000)
    open_obstacles(page, base)
    page.wait_for_selector("text=alleen voor leden", timeout=30_000)
    assert page.get_by_text(f"Ingelogd als {MEMBER}").count() == 0
    assert [m for m in MARKERS if m in visible(page)] == []
