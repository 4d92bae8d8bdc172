"""The form's verdict is the load's: every submission the check passes loads, and every
one it refuses is rejected by `omzien etl run` for the same fields with the same reasons.

Generated submissions of the four kinds (obstacle, response, "still open" check,
initiative), valid and not (unknown or misspelt
municipalities and places, dates in the future or before 1900, responses and checks dated
before their obstacle, unknown themes, categories, severities, levels, outcomes and consent
values, unknown initiatives and obstacles), are checked one by one against the records of
a warehouse, as /melden checks them; then all of them go to the inbox and a real build.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.warehouse import build
from intake import forms
from intake.check import check
from intake.inbox import deliver
from intake.status import initiative_context, obstacle_context

AS_OF = date(2026, 12, 1)
PROVINCE = "Utrecht"
INITIATIVES = (
    "initiatief_id;naam;gemeente;geregistreerd_op;themas\n"
    "INI-1;Dorpscoöperatie Werkhoven;Bunnik;12-03-2021;zorg\n"
    "INI-2;Buurtkamer Zuilen;Utrecht;2022-05-01;ontmoeting\n"
)
OBSTACLES = (
    "knelpunt_id;initiatief_id;gemeente;gemeld_op;thema;categorie\n"
    "K-1;INI-1;Bunnik;2026-03-01;zorg;subsidie\n"
    "K-2;INI-2;GM0344;2026-10-15;ontmoeting;ruimte\n"
)

MUNICIPALITIES = st.sampled_from(
    ["GM0344", "Utrecht", "0312", "Werkhoven", "Utreht", "GM9999", "Amsterdam", " ", "Bilthoven"]
)
DAYS = st.one_of(
    st.dates(date(2020, 1, 1), date(2027, 3, 1)),
    st.sampled_from(["1899-12-31", "31-02-2026", "gisteren", "2026-11-05"]),
)
THEMES = st.sampled_from(["zorg_welzijn", "Ontmoeting en eenzaamheid", "vervoer", "sport", "xyz"])
CATEGORIES = st.sampled_from(["financiering", "subsidie", "vergunning", "geld?", "onbekend"])
TEXT = st.one_of(
    st.none(),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=60),
    st.sampled_from(["Bel 06-12345678", "mail jan@voorbeeld.nl", "Kerkstraat 12, 3981 AB"]),
)

obstacles = st.builds(
    lambda **kw: forms.obstacle(forms.FormId(), **kw),
    initiative_id=st.sampled_from(["INI-1", "INI-2", "INI-9"]),
    municipality=MUNICIPALITIES,
    reported_at=DAYS,
    theme=THEMES,
    category=CATEGORIES,
    severity=st.sampled_from([None, "1", "hoog", "5"]),
    level=st.sampled_from([None, "rijk", "wereld"]),
    description=TEXT,
)
responses = st.builds(
    lambda **kw: forms.response(forms.FormId(), **kw),
    obstacle_id=st.sampled_from(["K-1", "K-2", "K-9"]),
    day=DAYS,
    outcome=st.sampled_from(["opgelost", "deels opgelost", "ontvangen", "genegeerd"]),
    note=TEXT,
)
checks = st.builds(
    lambda **kw: forms.still_open(forms.FormId(), **kw),
    obstacle_id=st.sampled_from(["K-1", "K-2", "K-9"]),
    day=DAYS,
)
entries = st.builds(
    lambda initiative_id, **kw: forms.initiative(forms.FormId(), initiative_id=initiative_id, **kw),
    initiative_id=st.sampled_from([None, "INI-1"]),
    naam=st.sampled_from(["Energiecoöperatie Eemnes", "", "Buurtbus"]),
    gemeente=MUNICIPALITIES,
    themas=st.lists(st.sampled_from(["energie", "wonen", "onzin"]), max_size=2),
    rechtsvorm=st.sampled_from([None, "stichting", "bv"]),
    opgericht=st.sampled_from([None, 2019, "2030", "1850"]),
    vrijwilligers=st.sampled_from([None, 12, -3, "veel"]),
    zichtbaar=st.sampled_from(["ja", "nee", "misschien"]),
    geregistreerd_op=DAYS,
    omschrijving=TEXT,
)


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> tuple[Path, Path]:
    raw = tmp_path_factory.mktemp("raw")
    (raw / "initiatieven.csv").write_text(INITIATIVES, encoding="utf-8")
    (raw / "knelpunten.csv").write_text(OBSTACLES, encoding="utf-8")
    warehouse = raw.parent / "basis.duckdb"
    build(raw, warehouse, as_of=AS_OF, province=PROVINCE)
    return raw, warehouse


def verdict_of_the_form(warehouse: Path, submission: forms.Submission) -> set[tuple[str, str]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        if submission.source.name == "obstacles":
            context = [initiative_context(con, submission.row.get("initiatief_id", ""))]
        elif submission.source.name in ("responses", "checks"):
            context = [obstacle_context(con, submission.row["knelpunt_id"])]
        else:
            context = []
    problems = check(submission, as_of=AS_OF, province=PROVINCE, context=context)
    return {(p.field or "", p.reason) for p in problems}


@pytest.mark.slow
@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.one_of(obstacles, responses, checks, entries), min_size=6, max_size=12))
def test_every_rule_the_form_checks_gives_the_load_verdict(
    world, tmp_path_factory, submissions
) -> None:
    raw, warehouse = world
    inbox = tmp_path_factory.mktemp("inbox")
    expected = {}
    for submission in submissions:
        path = deliver(inbox, submission).path
        expected[f"inbox/{path.name}"] = verdict_of_the_form(warehouse, submission)
    target = tmp_path_factory.mktemp("wh") / "omzien.duckdb"
    build(raw, target, as_of=AS_OF, province=PROVINCE, inbox=inbox)
    with duckdb.connect(str(target), read_only=True) as con:
        rejected = con.execute(
            "SELECT path, coalesce(field, ''), reason FROM etl.rejects WHERE path LIKE 'inbox/%'"
        ).fetchall()
        loaded = dict(
            con.execute(
                "SELECT path, rows_loaded + rows_superseded FROM etl.files "
                "WHERE path LIKE 'inbox/%'"
            ).fetchall()
        )
    found = {path: set() for path in expected}
    for path, field, reason in rejected:
        found[path].add((field, reason))
    assert found == expected
    # What the form passes loads; what it refuses does not.
    assert {p: loaded[p] == 1 for p in expected} == {p: not v for p, v in expected.items()}
