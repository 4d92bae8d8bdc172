"""What 'Mijn meldingen' says of an account's submissions: waiting until a load has seen
them, then loaded, or rejected with the load's Dutch reason."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import duckdb

from etl.warehouse import build
from intake import forms
from intake.inbox import deliver
from intake.ledger import EVENT, detail, submissions
from intake.status import LOADED, REJECTED, WAITING, states

RAW = (
    "initiatief_id;naam;gemeente;geregistreerd_op\nINI-1;Buurtkamer Oost;Utrecht;2022-03-05\n",
    "knelpunt_id;initiatief_id;gemeente;gemeld_op;thema;categorie\n"
    "K-1;INI-1;Utrecht;2026-03-01;zorg;subsidie\n",
)


def logged(log: Path, account: str, path: Path, submission: forms.Submission) -> None:
    entry = {
        "tijd": datetime.now().isoformat(timespec="seconds"),
        "account": account,
        "gebeurtenis": EVENT,
        "pagina": "/melden",
        **detail(path.name, submission.source.name, submission.record_id),
    }
    with log.open("a", encoding="utf-8") as out:
        out.write(json.dumps(entry) + "\n")


def test_waiting_then_loaded_or_rejected_with_the_reason(tmp_path: Path) -> None:
    raw, inbox, log = tmp_path / "raw", tmp_path / "inbox", tmp_path / "log.jsonl"
    raw.mkdir()
    (raw / "initiatieven.csv").write_text(RAW[0], encoding="utf-8")
    (raw / "knelpunten.csv").write_text(RAW[1], encoding="utf-8")
    warehouse = tmp_path / "omzien.duckdb"
    build(raw, warehouse, as_of=date(2026, 12, 1), province="Utrecht")
    good = forms.response(
        forms.FormId(), obstacle_id="K-1", day=date(2026, 11, 2), outcome="opgelost"
    )
    # Passed the form's check when it was sent, but the obstacle was gone by the load.
    late = forms.response(
        forms.FormId(), obstacle_id="K-9", day=date(2026, 11, 2), outcome="opgelost"
    )
    for submission in (good, late):
        logged(log, "anna@example.org", deliver(inbox, submission).path, submission)
    logged(log, "piet@example.org", deliver(inbox, good).path, good)  # not Anna's
    mine = submissions(log, "anna@example.org")
    assert [e.record_id for e in mine] == [good.record_id, late.record_id]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert set(states(con, mine)["state"]) == {WAITING}
    build(raw, warehouse, as_of=date(2026, 12, 1), province="Utrecht", inbox=inbox)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        found = states(con, mine).set_index("record_id")
    assert found.loc[good.record_id, "state"] == LOADED
    assert found.loc[late.record_id, "state"] == REJECTED
    assert "Onbekend knelpunt 'K-9'" in found.loc[late.record_id, "reason"]
