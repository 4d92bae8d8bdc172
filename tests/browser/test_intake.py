"""/melden in a real browser, members mode, signing in at a real OpenID provider.

A member who speaks for two initiatives reports an obstacle for one (and can pick no
other); after `omzien etl run` the obstacle is on the initiative's card; the member then
reports that the municipality resolved it, answers the follow-up of an old obstacle with
one click, and after the next load both are resolved. An anonymous visitor and a signed-in
non-member get no form.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import duckdb
import pytest

from etl.publish import publish
from etl.warehouse import build
from tests.browser.conftest import auth_secrets, free_port, screenshot, serve, wait_until_idle
from tests.browser.test_members import provider, sign_in  # noqa: F401 (fixture)
from tests.support.exports import write_fixture_exports

pytestmark = pytest.mark.browser

MEMBER, STRANGER = "anna@example.org", "piet@example.org"
OWN, OTHER = "Buurtkamer Oost", "Dorpscoöperatie Werkhoven"
# INI-03's K-04 has been 'in behandeling' since February 2025: due for a follow-up.
SILENT = "K-04"
REPORTED = "De buurtkamer mag de zaal van de gemeente niet meer gebruiken."


@pytest.fixture(scope="module")
def intake_app(provider: str, tmp_path_factory) -> Iterator[dict]:  # noqa: F811
    root = tmp_path_factory.mktemp("intake")
    raw = write_fixture_exports(root / "raw")
    warehouse = root / "warehouse" / "omzien.duckdb"
    build(raw, warehouse, as_of=date.today(), province="Utrecht")
    snapshot = root / "omzien-publiek.duckdb"
    publish(warehouse, snapshot)
    (root / "leden.txt").write_text(f"{MEMBER},INI-01,INI-03\n", encoding="utf-8")
    port = free_port()
    auth_secrets(root / "secrets.toml", port, provider)
    env = {
        "OMZIEN_ACCESS": "members",
        "OMZIEN_PUBLIC_WAREHOUSE": str(snapshot),
        "OMZIEN_MEMBERS": str(root / "leden.txt"),
        "OMZIEN_ACCESS_LOG": str(root / "toegang.jsonl"),
        "OMZIEN_INBOX": str(root / "inbox"),
    }
    for base in serve(warehouse, env=env, secrets=root / "secrets.toml", port=port):
        yield {"base": base, "raw": raw, "warehouse": warehouse, "inbox": root / "inbox"}


def open_report(page, base: str) -> None:
    page.goto(f"{base}/melden")
    page.wait_for_selector("[data-testid='stMainBlockContainer'] h1", timeout=30_000)
    wait_until_idle(page)


def tab(page, name: str):
    page.get_by_role("tab", name=name).click()
    wait_until_idle(page)
    return page.locator("[role='tabpanel']:visible")


def send(panel, page) -> None:
    panel.get_by_role("button", name="Versturen").click()
    page.wait_for_selector("text=Ontvangen; zichtbaar na de volgende verwerking", timeout=30_000)
    wait_until_idle(page)


def reload(app: dict) -> None:
    """`omzien etl run` with the inbox: the served warehouse is swapped in."""
    build(app["raw"], app["warehouse"], as_of=date.today(), province="Utrecht", inbox=app["inbox"])


def test_a_visitor_without_membership_gets_no_form(intake_app: dict, page) -> None:
    open_report(page, intake_app["base"])
    page.wait_for_selector("text=alleen voor leden", timeout=30_000)
    assert page.get_by_role("button", name="Versturen").count() == 0
    sign_in(page, intake_app["base"], STRANGER)
    open_report(page, intake_app["base"])
    page.wait_for_selector("text=alleen voor leden", timeout=30_000)
    assert page.get_by_role("button", name="Versturen").count() == 0
    assert not intake_app["inbox"].exists()


def test_a_member_reports_and_follows_up_until_resolved(intake_app: dict, page) -> None:
    base = intake_app["base"]
    page.set_viewport_size({"width": 1400, "height": 1800})
    sign_in(page, base, MEMBER)
    open_report(page, base)
    panel = tab(page, "Knelpunt melden")
    # Only the initiative the member speaks for can be chosen.
    panel.locator("[data-testid='stSelectbox']").first.click()
    options = page.locator("[role='option']").all_inner_texts()
    page.keyboard.press("Escape")
    assert OWN in options
    assert len(options) == 2
    assert OTHER not in options
    panel.get_by_role("textbox", name="Omschrijving").fill(REPORTED)
    assert screenshot(page, "melden").stat().st_size > 10_000
    send(panel, page)
    assert screenshot(page, "melden_ontvangen").stat().st_size > 10_000
    (file,) = intake_app["inbox"].iterdir()
    assert MEMBER not in file.read_text(encoding="utf-8")

    reload(intake_app)
    with duckdb.connect(str(intake_app["warehouse"]), read_only=True) as con:
        ((obstacle_id, status),) = con.execute(
            "SELECT obstacle_id, status FROM core.obstacles WHERE description = ?", [REPORTED]
        ).fetchall()
    assert status == "open"
    page.goto(f"{base}/kennisbank?initiatief=INI-01")
    page.wait_for_selector(f"text={REPORTED[:30]}", state="attached", timeout=30_000)
    wait_until_idle(page)
    assert REPORTED[:30] in page.content()
    assert screenshot(page, "melden_op_de_kaart").stat().st_size > 10_000

    # The municipality resolved it: the member says so on /melden.
    open_report(page, base)
    panel = tab(page, "Reactie van de gemeente")
    panel.locator("[data-testid='stSelectbox']").first.click()
    page.get_by_role("option", name=f"{OWN} · Utrecht", exact=False).first.click()
    panel.locator("[data-testid='stSelectbox']").nth(1).click()
    page.get_by_role("option", name="Opgelost", exact=True).click()
    wait_until_idle(page)
    send(panel, page)
    # The follow-up of the old obstacle: one click.
    panel = tab(page, "Is dit al opgelost? (1)")
    assert panel.get_by_text("dagen geen nieuws").count() == 1
    assert screenshot(page, "melden_opvolgen").stat().st_size > 10_000
    panel.get_by_role("button", name="Opgelost", exact=True).click()
    page.wait_for_selector("text=Ontvangen; zichtbaar na de volgende verwerking", timeout=30_000)
    wait_until_idle(page)
    reload(intake_app)
    with duckdb.connect(str(intake_app["warehouse"]), read_only=True) as con:
        status = con.execute(
            "SELECT status FROM core.obstacles WHERE obstacle_id = ?", [obstacle_id]
        ).fetchone()[0]
    assert status == "opgelost"
    with duckdb.connect(str(intake_app["warehouse"]), read_only=True) as con:
        followed = con.execute(
            "SELECT status FROM core.obstacles WHERE obstacle_id = ?", [SILENT]
        ).fetchone()[0]
    assert followed == "opgelost"
    open_report(page, base)
    panel = tab(page, "Mijn meldingen")
    assert panel.get_by_text("verwerkt").count() >= 1 or "verwerkt" in page.content()
    assert screenshot(page, "melden_mijn_meldingen").stat().st_size > 10_000
