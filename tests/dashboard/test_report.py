"""Melden (/melden): a report goes through the ETL's checks to the inbox, once, and shows
on the dashboard after the next load; a public visitor gets no form."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import strings
from etl.warehouse import build
from intake import strings as intake_strings
from tests.support.pages import open_page

DESCRIPTION = "De gemeente stopte de subsidie voor de buurtbus, zonder overleg."


@pytest.fixture
def desk(tmp_path: Path, monkeypatch, demo_warehouse: Path) -> dict[str, Path]:
    """A copy of the demo warehouse with its own inbox and access log."""
    warehouse = tmp_path / "omzien.duckdb"
    shutil.copy(demo_warehouse, warehouse)
    places = {"warehouse": warehouse, "inbox": tmp_path / "inbox", "log": tmp_path / "log.jsonl"}
    monkeypatch.setenv("OMZIEN_WAREHOUSE", str(warehouse))
    monkeypatch.setenv("OMZIEN_INBOX", str(places["inbox"]))
    monkeypatch.setenv("OMZIEN_ACCESS_LOG", str(places["log"]))
    return places


def opened() -> AppTest:
    return open_page("report")


def by_label(elements, label: str):
    return next(e for e in elements if e.label == label)


def inbox_files(desk) -> list[Path]:
    inbox = desk["inbox"]
    return sorted(inbox.iterdir()) if inbox.exists() else []


def test_an_obstacle_report_reaches_the_inbox_once(desk) -> None:
    at = opened()
    assert not at.exception
    assert at.title[0].value == strings.NAV_REPORT
    assert any(strings.REPORT_NO_PERSONAL in w.value for w in at.warning)
    initiative = by_label(at.selectbox, strings.REPORT_INITIATIVE)
    chosen = initiative.value
    by_label(at.selectbox, strings.REPORT_CATEGORY).set_value("financiering")
    by_label(at.text_area, strings.REPORT_DESCRIPTION).input(DESCRIPTION)
    send = at.get("form_submit_button")[0]
    send.click().run()
    assert not at.exception
    received = [s.value for s in at.success]
    assert len(received) == 1
    assert received[0].startswith("Ontvangen; zichtbaar na de volgende")
    files = inbox_files(desk)
    assert len(files) == 1
    assert files[0].name.startswith("knelpunten-")
    text = files[0].read_text(encoding="utf-8")
    assert chosen in text
    assert DESCRIPTION in text
    assert "financiering" in text
    # The access log knows who sent which file; the file does not.
    logged = [json.loads(line) for line in desk["log"].read_text(encoding="utf-8").splitlines()]
    assert [(e["gebeurtenis"], e["bestand"]) for e in logged] == [("melding", files[0].name)]
    # The same form again (a rerun, a double click) writes nothing new.
    at.run()
    assert len(inbox_files(desk)) == 1


def test_what_the_rules_refuse_is_said_and_not_written(desk) -> None:
    at = opened()
    by_label(at.text_area, strings.REPORT_DESCRIPTION).input("x" * 3001)
    at.get("form_submit_button")[0].click().run()
    assert not at.exception
    errors = "\n".join(e.value for e in at.error)
    assert strings.REPORT_PROBLEMS in errors
    assert intake_strings.TOO_LONG.format(field="Omschrijving", length=3001, limit=3000) in errors
    assert inbox_files(desk) == []
    # A new initiative without a name: the ETL's own rule says so.
    tabs_before = len(at.get("form_submit_button"))
    initiative_send = at.get("form_submit_button")[tabs_before - 1]
    initiative_send.click().run()
    errors = "\n".join(e.value for e in at.error)
    assert "Naam" in errors
    assert "verplicht" in errors.lower()
    assert inbox_files(desk) == []


def test_the_report_is_on_the_dashboard_after_the_next_load(
    desk, demo_exports: Path, demo_warehouse: Path
) -> None:
    at = opened()
    by_label(at.selectbox, strings.REPORT_CATEGORY).set_value("financiering")
    by_label(at.text_area, strings.REPORT_DESCRIPTION).input(DESCRIPTION)
    at.get("form_submit_button")[0].click().run()
    (file,) = inbox_files(desk)
    municipality = file.read_text(encoding="utf-8").splitlines()[1].split(",")[2]
    record_id = next(line for line in file.read_text(encoding="utf-8").splitlines()[1:]).split(",")[
        0
    ]
    # Waiting until the next load ...
    mine = opened().dataframe[0].value
    assert list(mine[strings.REPORT_COLUMNS["state"]]) == [strings.REPORT_STATE["waiting"]]
    result = build(
        demo_exports,
        desk["warehouse"],
        as_of=date.today(),
        province="Utrecht",
        inbox=desk["inbox"],
    )
    with duckdb.connect(str(desk["warehouse"]), read_only=True) as con:
        found = con.execute(
            "SELECT category, description, source_path FROM core.obstacles WHERE obstacle_id = ?",
            [record_id],
        ).fetchall()
    assert found == [("financiering", DESCRIPTION, f"inbox/{file.name}")]
    # ... and in the figures: one obstacle more for its municipality.
    counted = "SELECT obstacles FROM marts.municipality_scorecard WHERE cbs_code = ?"
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        before = con.execute(counted, [municipality]).fetchone()[0]
    with duckdb.connect(str(desk["warehouse"]), read_only=True) as con:
        after = con.execute(counted, [municipality]).fetchone()[0]
    assert after == before + 1
    assert result.synthetic  # a test report on the demo keeps it labelled as the demo
    mine = opened().dataframe[0].value
    assert list(mine[strings.REPORT_COLUMNS["state"]]) == [strings.REPORT_STATE["loaded"]]
    at = open_page("obstacles")
    shown = "\n".join(str(v) for v in at.dataframe[0].value.astype(str).to_numpy().ravel())
    assert DESCRIPTION in shown


def test_the_follow_up_asks_and_still_open_is_a_check_not_a_response(
    desk, demo_exports: Path, demo_warehouse: Path
) -> None:
    from etl.settings import follow_up_days
    from readmodel.follow_up import overdue

    at = opened()
    still_open = [b for b in at.button if b.label == strings.FOLLOW_UP_STILL_OPEN]
    resolved = [b for b in at.button if b.label == "Opgelost"]
    assert still_open
    assert len(still_open) == len(resolved) <= 10
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        due = overdue(con, follow_up_days())
    assert len(due) > len(still_open)  # the longest silent first, ten at a time
    assert any(f"van {len(due)}" in c.value for c in at.caption)
    still_open[0].click().run()
    assert not at.exception
    assert any(s.value.startswith("Ontvangen") for s in at.success)
    resolved = [b for b in at.button if b.label == "Opgelost"]
    resolved[0].click().run()
    files = inbox_files(desk)
    assert sorted(f.name.split("-")[0] for f in files) == ["controles", "reacties"]
    checked = next(f for f in files if f.name.startswith("controles"))
    obstacle_id = checked.read_text(encoding="utf-8").splitlines()[1].split(",")[1]
    answered = next(f for f in files if f.name.startswith("reacties"))
    solved_id = answered.read_text(encoding="utf-8").splitlines()[1].split(",")[1]
    assert obstacle_id == due["obstacle_id"].iloc[0]
    assert solved_id == due["obstacle_id"].iloc[1]

    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        before = con.execute(
            "SELECT status, responses, first_response_at FROM core.obstacles WHERE obstacle_id = ?",
            [obstacle_id],
        ).fetchone()
    build(
        demo_exports, desk["warehouse"], as_of=date.today(), province="Utrecht", inbox=desk["inbox"]
    )
    with duckdb.connect(str(desk["warehouse"]), read_only=True) as con:
        after = con.execute(
            "SELECT status, responses, first_response_at FROM core.obstacles WHERE obstacle_id = ?",
            [obstacle_id],
        ).fetchone()
        checked_at = con.execute(
            "SELECT checked_at FROM core.obstacle_checks WHERE obstacle_id = ?", [obstacle_id]
        ).fetchall()
        solved = con.execute(
            "SELECT status FROM core.obstacles WHERE obstacle_id = ?", [solved_id]
        ).fetchone()[0]
        still_due = set(overdue(con, follow_up_days())["obstacle_id"])
    assert after == before  # no response was written: status and response figures stay
    assert checked_at == [(date.today(),)]
    assert solved == "opgelost"
    assert obstacle_id not in still_due
    assert solved_id not in still_due


def test_an_account_may_submit_only_so_often(desk, monkeypatch) -> None:
    monkeypatch.setenv("OMZIEN_INTAKE_PER_HOUR", "1")
    at = opened()
    by_label(at.text_area, strings.REPORT_DESCRIPTION).input(DESCRIPTION)
    at.get("form_submit_button")[0].click().run()
    assert len(inbox_files(desk)) == 1
    # The next form (a new report) within the hour is refused, with the reason.
    by_label(at.button, strings.REPORT_ANOTHER).click().run()
    by_label(at.text_area, strings.REPORT_DESCRIPTION).input("Nog een knelpunt.")
    at.get("form_submit_button")[0].click().run()
    assert not at.exception
    refused = intake_strings.TOO_MANY.format(count=1, limit=1)
    assert any(refused == e.value for e in at.error)
    assert len(inbox_files(desk)) == 1


def test_an_inbox_that_cannot_be_written_is_said_and_nothing_is_half_written(
    desk, monkeypatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "geen-map"
    blocked.write_text("een bestand", encoding="utf-8")
    monkeypatch.setenv("OMZIEN_INBOX", str(blocked / "inbox"))
    at = opened()
    by_label(at.text_area, strings.REPORT_DESCRIPTION).input(DESCRIPTION)
    at.get("form_submit_button")[0].click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [intake_strings.INBOX_UNWRITABLE]
    assert not at.success
    assert blocked.read_text(encoding="utf-8") == "een bestand"
    assert not desk["log"].exists()  # nothing submitted, nothing logged


def test_refused_tries_are_limited_too(desk, monkeypatch) -> None:
    """Every try is checked by the ETL's rules: a session that keeps sending what is
    refused is stopped after a few times the hourly limit."""
    monkeypatch.setenv("OMZIEN_INTAKE_PER_HOUR", "1")
    at = opened()
    for _ in range(5):
        at.get("form_submit_button")[-1].click().run()  # a new initiative without a name
        assert any(strings.REPORT_PROBLEMS in e.value for e in at.error)
    at.get("form_submit_button")[-1].click().run()
    assert [e.value for e in at.error] == [intake_strings.TOO_MANY_TRIES]
    assert inbox_files(desk) == []
