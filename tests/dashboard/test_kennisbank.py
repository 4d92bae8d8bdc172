"""Kennisbank (/kennisbank): the directory and an initiative's card, on the knowledge base
fixture (tests.support.kennisbank) and the demo."""

from __future__ import annotations

import duckdb
import pytest

from tests.support.kennisbank import INITIATIVES


def found(at) -> str:
    return next((m.value for m in at.markdown if "gevonden" in m.value), "")


def texts(at) -> list[str]:
    return [t.value for t in at.text]


def links(at) -> list[tuple[str, str]]:
    return [(p.proto.page, p.proto.query_string) for p in at.get("page_link")]


def test_directory_lists_counts_and_narrows(app, kennisbank_warehouse) -> None:
    at = app(kennisbank_warehouse, page="kennisbank")
    assert not at.exception
    assert at.title[0].value == "Kennisbank"
    assert found(at) == f"**{len(INITIATIVES)}** initiatieven gevonden."
    table = at.dataframe[0].value
    assert list(table["Nummer"]) == [
        "KB-HALF",
        "KB-PRIVATE",
        "KB-ENERGY",
        "KB-NEIGHBOUR",
        "KB-START",
        "KB-TWIN",
    ]
    assert (
        dict(zip(table["Nummer"], table["Publiek zichtbaar"], strict=True))["KB-PRIVATE"] == "nee"
    )
    at.text_input(key="kennisbank_search").input("zorgcoöperatie").run()
    assert found(at) == "**3** initiatieven gevonden."
    at.text_input(key="kennisbank_search").input("").run()
    at.selectbox(key="kennisbank_legal_form").set_value("stichting").run()
    assert found(at) == "**1** initiatief gevonden."
    at.selectbox(key="kennisbank_legal_form").set_value("").run()
    at.selectbox(key="kennisbank_sort").set_value("vrijwilligers").run()
    assert list(at.dataframe[0].value["Nummer"])[:2] == ["KB-HALF", "KB-TWIN"]
    at.selectbox(key="filter_municipality").set_value("GM0312").run()
    assert not at.exception
    assert found(at) == "**2** initiatieven gevonden."
    assert "Selectie: geregistreerd t/m 26-11-2026 · Bunnik." in at.caption[-1].value


def test_directory_follows_the_url_and_says_when_nothing_matches(app, kennisbank_warehouse):
    at = app(kennisbank_warehouse, page="kennisbank", regio="u10", fase="startend")
    assert not at.exception
    assert list(at.dataframe[0].value["Nummer"]) == ["KB-HALF", "KB-START"]
    assert "geregistreerd t/m 26-11-2026 · U10 · startende initiatieven" in at.caption[-1].value
    at.text_input(key="kennisbank_search").input("xyzzy").run()
    assert not at.exception
    assert any("Geen initiatieven gevonden" in i.value for i in at.info)


def test_card_shows_profile_contact_obstacles_peers_and_solutions(
    app, kennisbank_warehouse, monkeypatch
) -> None:
    monkeypatch.setenv("OMZIEN_CONTACT", "kennisbank@omzien.example")
    at = app(kennisbank_warehouse, page="kennisbank", initiatief="KB-START")
    assert not at.exception
    assert at.title[0].value == "Zorgcoöperatie Odijk"
    shown = texts(at)
    assert shown[0] == "Bunnik (Odijk) · startend · Coöperatie · opgericht 2025 · 8 vrijwilligers"
    assert shown[1] == "Thema's: Zorg en welzijn, Wonen"
    # Redacted in the warehouse: neither the contact's name nor her e-mail address.
    assert shown[2].endswith("Vragen? Mail [naam] via [e-mail].")
    assert not any("Marieke" in t or "marieke@" in t for t in shown)
    contact = next(i.value for i in at.info if "via het netwerk" in i.value)
    assert "kennisbank@omzien.example" in contact
    assert [s.value for s in at.subheader] == [
        "Knelpunten en reacties",
        "Vergelijkbare initiatieven",
        "Elders opgelost",
    ]
    # Its own obstacles, newest first, each with its history in an expander.
    assert list(at.dataframe[0].value["Nummer"]) == ["OB-OPEN-2", "OB-OPEN-1", "OB-START-DONE"]
    assert len(at.expander) == 3
    # Similar initiatives: the twin first, never the look-alike in Bunnik itself.
    peers = [b.label for b in at.button if b.key and b.key.startswith("card_peer_")]
    assert peers[0] == "Zorgcoöperatie Schalkwijk · Houten"
    assert not any("Bunnik" in label for label in peers)
    why = next(t for t in shown if t.startswith("Gelijkenis"))
    assert "gedeelde thema's: Zorg en welzijn, Wonen" in why
    assert "zelfde rechtsvorm (Coöperatie)" in why
    # Elders opgelost: per unresolved obstacle, same region first, then most recent.
    elsewhere = [frame.value for frame in at.dataframe[-2:]]
    assert list(elsewhere[0]["Gemeente"]) == ["Woerden", "Renswoude"]
    assert list(elsewhere[1]["Gemeente"]) == ["Zeist", "Houten", "Amersfoort"]
    assert list(elsewhere[1]["Toelichting"]) == [
        "Eenmalige startsubsidie toegekend.",
        "Subsidie toegekend uit het Wmo-budget; bel [telefoon]",
        "Structurele bijdrage in de begroting.",
    ]
    assert links(at) == [
        ("oplossingen", "thema=wonen&categorie=huisvesting"),
        ("oplossingen", "thema=zorg_welzijn&categorie=financiering"),
    ]


def test_a_peer_opens_its_own_card_and_back_goes_to_the_directory(app, kennisbank_warehouse):
    at = app(kennisbank_warehouse, page="kennisbank", initiatief="KB-START")
    at.button(key="card_peer_0").click().run()
    assert not at.exception
    assert at.query_params["initiatief"] == "KB-TWIN"
    assert at.title[0].value == "Zorgcoöperatie Schalkwijk"
    back = next(b for b in at.button if b.label == "Terug naar de kennisbank")
    back.click().run()
    assert not at.exception
    assert "initiatief" not in at.query_params
    assert at.title[0].value == "Kennisbank"


@pytest.mark.parametrize("wanted", ["KB-NOPE", "x' OR '1'='1", "**vet** [link](http://x)"])
def test_an_unknown_initiative_says_niet_gevonden(app, kennisbank_warehouse, wanted) -> None:
    at = app(kennisbank_warehouse, page="kennisbank", initiatief=wanted)
    assert not at.exception
    warning = next(w.value for w in at.warning if "niet gevonden" in w.value)
    assert warning.startswith("Initiatief '")
    # Shown as written: Markdown characters escaped.
    assert "**vet**" not in warning


def test_card_of_a_starting_demo_initiative_with_an_open_obstacle(app, demo_warehouse) -> None:
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        (initiative_id,) = con.execute(
            "SELECT i.initiative_id FROM core.initiatives AS i JOIN core.obstacles AS o "
            "USING (initiative_id) WHERE i.phase = 'startend' AND o.resolved_at IS NULL "
            "AND o.theme = 'zorg_welzijn' AND o.category = 'financiering' "
            "ORDER BY i.initiative_id LIMIT 1"
        ).fetchone()
    at = app(demo_warehouse, page="kennisbank", initiatief=initiative_id)
    assert not at.exception
    peers = [b for b in at.button if b.key and b.key.startswith("card_peer_")]
    assert len(peers) == 5
    assert sum(t.value.startswith("Gelijkenis") for t in at.text) == 5
    notes = [n for frame in at.dataframe for n in frame.value.get("Toelichting", [])]
    assert any(isinstance(n, str) and n for n in notes)
    assert ("oplossingen", "thema=zorg_welzijn&categorie=financiering") in links(at)


def test_directory_on_the_demo(app, demo_warehouse) -> None:
    at = app(demo_warehouse, page="kennisbank")
    assert not at.exception
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        (count,) = con.execute("SELECT count(*) FROM core.initiatives").fetchone()
    assert found(at) == f"**{count}** initiatieven gevonden."
    assert len(at.dataframe[0].value) == count
