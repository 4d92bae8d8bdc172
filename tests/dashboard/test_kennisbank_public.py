"""The knowledge base in public view: only the initiatives that consented, from the public
snapshot alone, with no obstacle, response or note of anyone."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dashboard.members import PUBLIC
from etl.publish import publish
from tests.dashboard.test_access import served
from tests.support.pages import page_texts

CONSENTED = ["KB-HALF", "KB-NEIGHBOUR", "KB-START", "KB-TWIN"]  # ja, 1, true, Ja
# Private: those who did not consent (nee, empty), obstacles and notes, a contact person.
PRIVATE = (
    "KB-PRIVATE",
    "Huiskamer Amersfoort",
    "KB-ENERGY",
    "Zonnedak Lombok",
    "OB-OPEN-1",
    "Subsidie loopt af",
    "Wmo-budget",
    "Structurele subsidie",
    "Marieke",
    "marieke@",
)


@pytest.fixture(scope="module")
def kennisbank_snapshot(kennisbank_warehouse: Path, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("kennisbank-public") / "omzien-publiek.duckdb"
    publish(kennisbank_warehouse, target)
    return target


def leaks(at) -> list[str]:
    texts = page_texts(at)
    return [m for m in PRIVATE if any(m in text for text in texts)]


def test_the_snapshot_holds_the_consenting_initiatives_only(kennisbank_snapshot) -> None:
    with duckdb.connect(str(kennisbank_snapshot), read_only=True) as con:
        rows = con.execute(
            "SELECT initiative_id, description FROM public.initiatives ORDER BY ALL"
        ).fetchall()
    assert [r[0] for r in rows] == CONSENTED
    # The description was redacted on the way in: no contact person, no address.
    start = dict(rows)["KB-START"]
    assert "Marieke" not in start
    assert "marieke@" not in start


def test_the_public_directory_lists_only_consenting_initiatives(
    monkeypatch, tmp_path, kennisbank_snapshot
) -> None:
    at = served(monkeypatch, tmp_path, PUBLIC, kennisbank_snapshot, "kennisbank")
    assert not at.exception
    assert sorted(at.dataframe[0].value["Nummer"]) == CONSENTED
    assert any("toestemming" in c.value for c in at.caption)
    assert leaks(at) == []


def test_a_public_card_offers_peers_but_no_obstacles(
    monkeypatch, tmp_path, kennisbank_snapshot
) -> None:
    at = served(
        monkeypatch, tmp_path, PUBLIC, kennisbank_snapshot, "kennisbank", initiatief="KB-START"
    )
    assert not at.exception
    assert at.title[0].value == "Zorgcoöperatie Odijk"
    peers = [b.label for b in at.button if "Zorgcoöperatie Schalkwijk" in b.label]
    assert peers  # the planted twin, a consenting initiative elsewhere
    assert any("alleen voor leden" in i.value for i in at.info)
    assert not at.dataframe  # no table of obstacles or of cases resolved elsewhere
    assert leaks(at) == []


def test_an_initiative_without_consent_is_not_found_in_public(
    monkeypatch, tmp_path, kennisbank_snapshot
) -> None:
    at = served(
        monkeypatch, tmp_path, PUBLIC, kennisbank_snapshot, "kennisbank", initiatief="KB-PRIVATE"
    )
    assert not at.exception
    assert "niet gevonden" in at.warning[0].value
    assert [m for m in leaks(at) if m != "KB-PRIVATE"] == []  # the id is the visitor's own


def test_public_solutions_show_figures_not_cases(
    monkeypatch, tmp_path, kennisbank_snapshot
) -> None:
    at = served(
        monkeypatch,
        tmp_path,
        PUBLIC,
        kennisbank_snapshot,
        "solutions",
        thema="zorg_welzijn",
        categorie="financiering",
    )
    assert not at.exception
    assert len(at.dataframe) == 1  # per municipality; the cases are for members
    assert any("alleen voor leden" in i.value for i in at.info)
    assert leaks(at) == []
