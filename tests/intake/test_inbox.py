"""The inbox: one whole file per submission, written once, and a Dutch error otherwise."""

from __future__ import annotations

import csv
import errno
import os
from datetime import date
from pathlib import Path

import pytest

from etl.extract import discover
from intake import strings
from intake.forms import FormId, obstacle
from intake.inbox import InboxError, deliver


def an_obstacle(form: FormId | None = None, description: str = "Geen ruimte meer"):
    return obstacle(
        form or FormId(),
        initiative_id="INI-1",
        municipality="GM0344",
        reported_at=date(2026, 11, 30),
        theme="ontmoeting",
        category="huisvesting",
        description=description,
    )


def test_a_submission_is_one_export_the_etl_recognises(tmp_path: Path) -> None:
    submission = an_obstacle(description='Zaal dicht; "tijdelijk",\nzegt men')
    delivered = deliver(tmp_path / "inbox", submission)
    assert delivered.new
    assert [p.name for p in (tmp_path / "inbox").iterdir()] == [delivered.path.name]
    with delivered.path.open(encoding="utf-8", newline="") as text:
        rows = list(csv.DictReader(text))
    assert rows == [submission.row]
    assert rows[0]["omschrijving"] == 'Zaal dicht; "tijdelijk",\nzegt men'
    found = discover(tmp_path / "raw-not-here", tmp_path / "inbox").files
    assert [(f.relpath, f.source.name) for f in found] == [
        (f"inbox/{delivered.path.name}", "obstacles")
    ]


def test_the_same_form_is_written_once(tmp_path: Path) -> None:
    form = FormId()
    first = deliver(tmp_path, an_obstacle(form))
    again = deliver(tmp_path, an_obstacle(form, description="dubbel geklikt"))
    assert first.new
    assert not again.new
    assert again.path == first.path
    assert len(list(tmp_path.iterdir())) == 1
    assert "dubbel geklikt" not in first.path.read_text(encoding="utf-8")


def test_a_full_disk_leaves_nothing_behind(tmp_path: Path, monkeypatch) -> None:
    def full(descriptor, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(InboxError) as raised:
        deliver(tmp_path, an_obstacle())
    assert str(raised.value) == strings.INBOX_FULL
    assert list(tmp_path.iterdir()) == []  # no half file, no temporary file


def test_an_inbox_that_cannot_be_a_folder_is_a_dutch_error(tmp_path: Path) -> None:
    blocked = tmp_path / "inbox"
    blocked.write_text("een bestand, geen map", encoding="utf-8")
    with pytest.raises(InboxError) as raised:
        deliver(blocked / "sub", an_obstacle())
    assert str(raised.value) == strings.INBOX_UNWRITABLE
    assert blocked.read_text(encoding="utf-8") == "een bestand, geen map"


def test_a_temporary_file_left_by_a_dead_session_is_cleared(tmp_path: Path) -> None:
    old, fresh = tmp_path / ".knelpunten-x.csv.1.aa.tmp", tmp_path / ".knelpunten-y.csv.2.bb.tmp"
    for leftover in (old, fresh):
        leftover.write_text("half", encoding="utf-8")
    os.utime(old, (0, 0))
    deliver(tmp_path, an_obstacle())
    assert not old.exists()
    assert fresh.exists()  # perhaps another session writing right now
