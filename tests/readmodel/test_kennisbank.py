"""The knowledge base's read layer on the knowledge base fixture (tests.support.kennisbank)
and the demo: directory, card, similar initiatives, elders opgelost, wie loste het op."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from etl.metrics.registry import metric
from readmodel import kennisbank as kb
from readmodel import kennisbank_tables as tables
from readmodel import similarity, solutions
from readmodel.comparison import compare, inputs
from readmodel.rollups import initiative_totals
from readmodel.selection import Filters
from readmodel.warehouse import Warehouse, read_warehouse

ALL = ["KB-ENERGY", "KB-HALF", "KB-NEIGHBOUR", "KB-PRIVATE", "KB-START", "KB-TWIN"]


@pytest.fixture(scope="module")
def wh(kennisbank_warehouse: Path) -> Warehouse:
    with duckdb.connect(str(kennisbank_warehouse), read_only=True) as con:
        yield read_warehouse(con)


@pytest.fixture(scope="module")
def index(wh: Warehouse) -> similarity.PeerIndex:
    return similarity.build_index(kb.peer_frame(wh.con))


def ids(frame: pd.DataFrame, column: str = "initiative_id") -> list[str]:
    return list(frame[column])


# --- directory ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), ALL),
        (Filters(municipality="GM0312"), ["KB-NEIGHBOUR", "KB-START"]),
        (Filters(region="u10"), ["KB-ENERGY", "KB-HALF", "KB-NEIGHBOUR", "KB-START", "KB-TWIN"]),
        (Filters(region="regio_amersfoort"), ["KB-PRIVATE"]),
        # any of the themes
        (
            Filters(themes=("wonen", "energie")),
            ["KB-ENERGY", "KB-NEIGHBOUR", "KB-START", "KB-TWIN"],
        ),
        (Filters(phase="startend"), ["KB-HALF", "KB-START"]),
        # registered by the period's end; its start and obstacle filters do not narrow
        (
            Filters(end=date(2025, 12, 31)),
            ["KB-HALF", "KB-NEIGHBOUR", "KB-PRIVATE", "KB-START", "KB-TWIN"],
        ),
        (Filters(start=date(2026, 1, 1), categories=("inkoop",), level="rijk"), ALL),
    ],
)
def test_the_directory_follows_the_shared_selection(wh, filters, expected) -> None:
    found = kb.directory(wh.con, filters, sort="naam")
    assert sorted(ids(found)) == expected
    assert kb.count_directory(wh.con, filters) == len(expected)
    # The same initiatives the overview counts for that selection.
    assert int(initiative_totals(wh.con, filters).iloc[0]["initiatives"]) == len(expected)


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("ZORGCOÖPERATIE", ["KB-NEIGHBOUR", "KB-START", "KB-TWIN"]),  # name, any case
        ("boodschappen", ["KB-HALF"]),  # description
        ("schalkwijk", ["KB-TWIN"]),  # place (and name)
        ("odijk", ["KB-START"]),
        ("amersfoort", ["KB-PRIVATE"]),  # municipality
        ("marieke", []),  # the contact name never reached the warehouse
        ("%", []),  # a literal, no wildcards
        ("   ", ALL),
    ],
)
def test_search_looks_in_name_description_place_and_municipality(wh, search, expected) -> None:
    assert sorted(ids(kb.directory(wh.con, Filters(), search=search))) == expected
    assert kb.count_directory(wh.con, Filters(), search=search) == len(expected)


def test_legal_form_consent_and_sorting(wh) -> None:
    con = wh.con
    assert ids(kb.directory(con, Filters(), legal_form="cooperatie")) == [
        "KB-NEIGHBOUR",
        "KB-START",
        "KB-TWIN",
    ]
    assert sorted(ids(kb.directory(con, Filters(), public_only=True))) == [
        "KB-HALF",
        "KB-NEIGHBOUR",
        "KB-START",
        "KB-TWIN",
    ]
    assert kb.count_directory(con, Filters(), public_only=True) == 4
    assert ids(kb.directory(con, Filters(), sort="naam")) == [
        "KB-HALF",  # Buurthulp Zeist
        "KB-PRIVATE",  # Huiskamer Amersfoort
        "KB-ENERGY",  # Zonnedak Lombok
        "KB-NEIGHBOUR",  # Zorgcoöperatie Bunnik
        "KB-START",  # Zorgcoöperatie Odijk
        "KB-TWIN",  # Zorgcoöperatie Schalkwijk
    ]
    assert ids(kb.directory(con, Filters(), sort="gemeente"))[:3] == [
        "KB-PRIVATE",  # Amersfoort
        "KB-NEIGHBOUR",  # Bunnik
        "KB-START",  # Bunnik
    ]
    assert ids(kb.directory(con, Filters(), sort="vrijwilligers")) == [
        "KB-HALF",
        "KB-TWIN",
        "KB-NEIGHBOUR",
        "KB-START",
        "KB-ENERGY",
        "KB-PRIVATE",  # unknown last
    ]
    assert ids(kb.directory(con, Filters(), sort="geregistreerd"))[0] == "KB-ENERGY"
    assert ids(kb.directory(con, Filters(), sort="opgericht"))[0] == "KB-ENERGY"  # 2010
    assert len(kb.directory(con, Filters(), limit=2)) == 2


def test_directory_table_has_dutch_headers_and_labels(wh) -> None:
    table = tables.directory_table(kb.directory(wh.con, Filters())).set_index("Nummer")
    assert list(table.columns) == [
        "Naam",
        "Gemeente",
        "Kern",
        "Thema's",
        "Rechtsvorm",
        "Fase",
        "Opgericht",
        "Vrijwilligers",
        "Website",
        "Omschrijving",
        "Geregistreerd op",
        "Publiek zichtbaar",
    ]
    start = table.loc["KB-START"]
    assert start["Thema's"] == "Zorg en welzijn, Wonen"
    assert (start["Rechtsvorm"], start["Fase"], start["Publiek zichtbaar"]) == (
        "Coöperatie",
        "Startend",
        "ja",
    )
    assert start["Omschrijving"].endswith("Vragen? Mail [naam] via [e-mail].")
    assert table.loc["KB-PRIVATE", "Publiek zichtbaar"] == "nee"
    public = tables.directory_table(kb.directory(wh.con, Filters()), with_consent=False)
    assert "Publiek zichtbaar" not in public.columns


# --- card -----------------------------------------------------------------------------


def test_the_card_of_an_initiative_and_of_an_unknown_id(wh) -> None:
    found = kb.initiative(wh.con, "KB-START")
    assert found["name"] == "Zorgcoöperatie Odijk"
    assert found["municipality"] == "Bunnik"
    assert list(found["themes"]) == ["wonen", "zorg_welzijn"]
    assert found["website"] == "https://zorgodijk.example.org"
    assert kb.initiative(wh.con, "KB-NOPE") is None
    assert kb.initiative(wh.con, "' OR 1=1 --") is None
    obstacles = kb.obstacles_of(wh.con, "KB-START")
    assert ids(obstacles, "obstacle_id") == ["OB-OPEN-2", "OB-OPEN-1", "OB-START-DONE"]
    assert list(obstacles["status"]) == ["open", "ontvangen", "opgelost"]


# --- similar initiatives --------------------------------------------------------------


def test_the_planted_twin_ranks_first_with_its_reasons(index) -> None:
    peers = similarity.similar(index, "KB-START")
    assert ids(peers) == ["KB-TWIN", "KB-HALF", "KB-ENERGY", "KB-PRIVATE"]
    assert peers["reasons"].iloc[0] == (
        "gedeelde thema's: Zorg en welzijn, Wonen",
        "lijkende omschrijving (burenhulp, dagbesteding, maaltijden)",
        "zelfde rechtsvorm (Coöperatie)",
        "verder op weg (ervaren)",
        "vergelijkbare omvang (8 en 10 vrijwilligers)",
        "zelfde soort knelpunten: Financiering en subsidie",
    )
    twin = peers.iloc[0]
    # Themes identical; both co-operatives; ervaren is further; 8 and 10 volunteers.
    assert twin["part_themes"] == 1.0
    assert twin["part_legal_form"] == 1.0
    assert twin["part_phase"] == 1.0
    assert twin["part_size"] == pytest.approx(1 - abs(np.log(9 / 11)) / np.log(4))
    # Obstacle categories: {financiering, huisvesting, inkoop} and {financiering, regelgeving}.
    assert twin["part_obstacles"] == pytest.approx(1 / 4)
    assert 0.5 < twin["part_description"] < 1
    expected = sum(w * twin[f"part_{k}"] for k, w in similarity.WEIGHTS.items())
    assert twin["score"] == pytest.approx(expected)
    assert peers["score"].is_monotonic_decreasing


def test_same_municipality_and_self_are_never_peers(index) -> None:
    # KB-NEIGHBOUR has KB-START's very description and themes, but sits in Bunnik too.
    for initiative_id in ALL:
        peers = similarity.similar(index, initiative_id, count=10)
        own = index.frame.set_index("initiative_id").loc[initiative_id, "cbs_code"]
        assert initiative_id not in set(peers["initiative_id"])
        assert own not in set(peers["cbs_code"])
    assert "KB-NEIGHBOUR" not in ids(similarity.similar(index, "KB-START", count=10))
    assert similarity.similar(index, "KB-NOPE").empty


def test_similarity_is_deterministic_whatever_the_row_order(wh, index) -> None:
    frame = kb.peer_frame(wh.con)
    shuffled = similarity.build_index(frame.sample(frac=1, random_state=7))
    for initiative_id in ALL:
        one = similarity.similar(index, initiative_id, count=10)
        other = similarity.similar(shuffled, initiative_id, count=10)
        assert ids(one) == ids(other)
        assert list(one["reasons"]) == list(other["reasons"])
        np.testing.assert_allclose(one["score"], other["score"])


def test_on_the_demo_no_initiative_is_its_own_or_its_neighbours_peer(demo_warehouse) -> None:
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        index = similarity.build_index(kb.peer_frame(con))
    codes = dict(zip(index.frame["initiative_id"], index.frame["cbs_code"], strict=True))
    for initiative_id in index.frame["initiative_id"]:
        peers = similarity.similar(index, initiative_id)
        assert len(peers) == similarity.PEERS
        assert initiative_id not in set(peers["initiative_id"])
        assert codes[initiative_id] not in set(peers["cbs_code"])
        assert all(peers["reasons"].map(len) > 0)


# --- elders opgelost ------------------------------------------------------------------


def test_solved_elsewhere_lists_same_theme_and_category_resolved_elsewhere(wh) -> None:
    found = kb.solved_elsewhere(wh.con, "KB-START")
    # Newest unresolved obstacle first; per obstacle same region first, then most recent.
    assert list(zip(found["for_obstacle_id"], found["obstacle_id"], strict=True)) == [
        ("OB-OPEN-2", "C8"),  # Woerden, U10 like Bunnik
        ("OB-OPEN-2", "C9"),  # Renswoude, Foodvalley
        ("OB-OPEN-1", "C2"),  # Zeist, 04-02-2026
        ("OB-OPEN-1", "C1"),  # Houten, 01-03-2025
        ("OB-OPEN-1", "C3"),  # Amersfoort: most recent, but another region
    ]
    assert list(found["same_region"]) == [True, False, True, True, False]
    assert list(found["cases"]) == [2, 2, 3, 3, 3]
    by_id = found.set_index("obstacle_id")
    # The note of the resolving response (the earliest (deels) opgelost), redacted.
    assert by_id.loc["C1", "note"] == "Subsidie toegekend uit het Wmo-budget; bel [telefoon]"
    assert by_id.loc["C2", "note"] == "Eenmalige startsubsidie toegekend."
    assert by_id.loc["C2", "outcome"] == "deels_opgelost"
    assert by_id.loc["C2", "days_to_resolution"] == 30
    assert by_id.loc["C1", "days_to_resolution"] == 50
    assert by_id.loc["C2", "municipality"] == "Zeist"
    assert by_id.loc["C2", "initiative"] == "Buurthulp Zeist"
    assert pd.isna(by_id.loc["C9", "initiative"])
    assert pd.isna(by_id.loc["C9", "note"])


def test_solved_elsewhere_is_capped_per_obstacle_and_empty_without_open_obstacles(wh) -> None:
    found = kb.solved_elsewhere(wh.con, "KB-START", per_obstacle=1)
    assert ids(found, "obstacle_id") == ["C8", "C2"]
    assert list(found["cases"]) == [2, 3]
    assert kb.solved_elsewhere(wh.con, "KB-ENERGY").empty  # its one obstacle is resolved
    assert kb.solved_elsewhere(wh.con, "KB-NOPE").empty


# --- wie loste het op? ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), ["C3", "C2", "C1", "C4"]),
        (Filters(region="u10"), ["C2", "C1", "C4"]),
        (Filters(municipality="GM0355"), ["C2"]),
        (Filters(start=date(2025, 1, 1), end=date(2025, 12, 31)), ["C1"]),
        (Filters(phase="startend"), ["C2"]),  # the reporting initiative's phase
    ],
)
def test_resolved_cases_newest_first_only_this_kind_and_resolved(wh, filters, expected) -> None:
    narrowed = solutions.narrowed(filters, "zorg_welzijn", "financiering")
    found = solutions.resolved_cases(wh.con, narrowed)
    assert ids(found, "obstacle_id") == expected
    assert set(found["theme"]) <= {"zorg_welzijn"}
    assert set(found["category"]) <= {"financiering"}


@pytest.mark.parametrize("limit", [None, 25])
def test_resolved_cases_carry_the_response_they_were_resolved_on(
    demo_warehouse: Path, limit
) -> None:
    """On the demo: the outcome and note of each case are those of its first resolving
    response, as RESOLVING finds them over every response."""
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        narrowed = solutions.narrowed(Filters(), "zorg_welzijn", "financiering")
        found = solutions.resolved_cases(con, narrowed, limit=limit)
        every = (
            con.execute(solutions.RESOLVING, [list(solutions.RESOLVED_OUTCOMES)])
            .df()
            .set_index("obstacle_id")
        )
    assert len(found) > 0
    if limit:
        assert len(found) == limit
    expected = every.loc[found["obstacle_id"]]
    assert list(found["outcome"]) == list(expected["outcome"])
    assert found["note"].fillna("").tolist() == expected["note"].fillna("").tolist()


def test_cases_table_public_leaves_out_names_and_notes(wh) -> None:
    found = solutions.resolved_cases(
        wh.con, solutions.narrowed(Filters(), "zorg_welzijn", "financiering")
    )
    full = tables.cases_table(found)
    assert list(full.columns) == [
        "(Deels) opgelost op",
        "Gemeente",
        "Toelichting",
        "Dagen tot oplossing",
        "Uitkomst",
        "Initiatief",
        "Gemeld op",
    ]
    assert list(full["Toelichting"]) == [
        "Structurele bijdrage in de begroting.",
        "Eenmalige startsubsidie toegekend.",
        "Subsidie toegekend uit het Wmo-budget; bel [telefoon]",
        "Opgelost in Bunnik zelf.",
    ]
    assert list(full["Uitkomst"]) == ["Opgelost", "Deels opgelost", "Opgelost", "Opgelost"]
    public = tables.cases_table(found, with_text=False)
    assert "Toelichting" not in public.columns
    assert "Initiatief" not in public.columns


def test_per_municipality_figures_equal_the_compare_pages(wh) -> None:
    filters = Filters(region="u10")
    found = solutions.solutions(wh, filters, "zorg_welzijn", "financiering")
    assert found.filters == filters.with_(themes=("zorg_welzijn",), categories=("financiering",))
    # Bunnik, Houten, Zeist have such obstacles in U10 (Amersfoort is not in U10).
    assert list(found.table["name"]) == ["Bunnik", "Houten", "Zeist"]
    assert list(found.table["obstacles"]) == [2, 1, 2]
    assert list(found.table["resolved"]) == [1, 1, 1]
    data = inputs(wh, found.filters)
    for key in solutions.SOLUTION_METRICS:
        page = compare(data, metric(key), "u10").rows().set_index("cbs_code")
        mine = found.table.set_index("cbs_code")
        pd.testing.assert_series_equal(mine[key], page.loc[mine.index, "value"], check_names=False)
    # Every municipality has fewer than 10 such obstacles: flagged, none ranked; fewer
    # than 5: no percentage.
    assert found.table["small_numbers"].all()
    assert found.table["rank"].isna().all()
    assert found.table["resolved_share"].isna().all()
    table = tables.solutions_table(found.table)
    assert list(table.columns) == [
        "Gemeente",
        "Knelpunten",
        "(Deels) opgelost",
        "Aandeel (deels) opgelost",
        "Opgelost binnen 90 dagen",
        "Mediane dagen tot oplossing",
        "Rang",
        "Weinig gevallen",
    ]
    assert list(table["Aandeel (deels) opgelost"]) == ["te weinig gevallen"] * 3
    assert list(table["Rang"]) == ["–"] * 3
    assert list(table["Weinig gevallen"]) == ["weinig gevallen"] * 3


def test_per_municipality_on_the_demo_ranks_the_larger_ones(demo: Warehouse) -> None:
    found = solutions.solutions(demo, Filters(), "zorg_welzijn", "financiering")
    table = found.table
    ranked = table[table["rank"].notna()]
    assert len(ranked) >= 1
    assert (ranked["obstacles"] >= 10).all()
    assert (table.loc[table["rank"].isna(), "obstacles"] < 10).all()
    assert list(ranked["rank"]) == sorted(ranked["rank"])
    assert found.obstacles == int(table["obstacles"].sum())
    page = compare(inputs(demo, found.filters), metric("resolved_share")).rows()
    assert found.obstacles == int(page["obstacles"].sum())


def test_the_directory_mart_gives_what_the_core_tables_give(kennisbank_warehouse, tmp_path):
    """A warehouse built before marts.initiative_directory reads the same directory."""
    older = tmp_path / "ouder.duckdb"
    older.write_bytes(kennisbank_warehouse.read_bytes())
    with duckdb.connect(str(older)) as con:
        con.execute("DROP TABLE marts.initiative_directory")
    with (
        duckdb.connect(str(kennisbank_warehouse), read_only=True) as new,
        duckdb.connect(str(older), read_only=True) as old,
    ):
        for sort in kb.SORTS:
            for filters in (Filters(), Filters(themes=("zorg_welzijn",), region="u10")):
                pd.testing.assert_frame_equal(
                    kb.directory(new, filters, sort=sort), kb.directory(old, filters, sort=sort)
                )
        mine, theirs = kb.initiative(new, "KB-START"), kb.initiative(old, "KB-START")
        assert {k: str(v) for k, v in mine.items()} == {k: str(v) for k, v in theirs.items()}
