"""Who sees what: local, public (the snapshot alone) and members (sign-in, members list).

Public pages are served from the snapshot with OMZIEN_WAREHOUSE pointing at a missing file,
so nothing can come from the full warehouse; the snapshot's private markers must not show.
Signing in against a real OpenID provider is in tests/browser/test_members.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import strings
from dashboard.members import (
    LOCAL,
    MEMBERS,
    PUBLIC,
    configuration_problem,
    decide,
    is_member,
    read_members,
    read_speaks_for,
)
from etl.publish import publish
from etl.settings import PROJECT_ROOT
from tests.etl.test_publish import MARKERS
from tests.support.pages import PAGES, QUERIES, page_texts

APP = str(PROJECT_ROOT / "dashboard" / "app.py")
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "een-geheim-van-minstens-32-tekens-lang",
    "client_id": "omzien",
    "client_secret": "geheim",
    "server_metadata_url": "http://localhost:9400/.well-known/openid-configuration",
}


# ---------------------------------------------------------------- the rules


def test_members_file_lines_addresses_and_domains(tmp_path: Path) -> None:
    members = tmp_path / "leden.txt"
    members.write_text(
        "# leden van Omzien\nAnna@Example.org\n\n@omzien.nl  # iedereen van het netwerk\n",
        encoding="utf-8",
    )
    entries = read_members(members)
    assert entries == {"anna@example.org", "@omzien.nl"}
    assert is_member("anna@example.org", entries)
    assert is_member("ANNA@EXAMPLE.ORG", entries)
    assert is_member("piet@omzien.nl", entries)
    assert not is_member("piet@example.org", entries)
    assert not is_member("omzien.nl", entries)
    assert not is_member(None, entries)


def test_members_file_names_the_initiatives_an_account_speaks_for(tmp_path: Path) -> None:
    members = tmp_path / "leden.txt"
    members.write_text(
        "anna@example.org, INI-1 ,INI-2  # de coöperatie en het buurthuis\n"
        "staf@omzien.nl\n@dorpscoop.nl,INI-7\n",
        encoding="utf-8",
    )
    entries, speaks = read_members(members), read_speaks_for(members)
    assert entries == {"anna@example.org", "staf@omzien.nl", "@dorpscoop.nl"}
    assert decide(MEMBERS, "Anna@Example.org", entries, speaks).initiatives == ("INI-1", "INI-2")
    assert decide(MEMBERS, "piet@dorpscoop.nl", entries, speaks).initiatives == ("INI-7",)
    staff = decide(MEMBERS, "staf@omzien.nl", entries, speaks)
    assert staff.full
    assert staff.initiatives == ()  # network staff: every initiative
    assert decide(MEMBERS, "piet@example.org", entries, speaks).initiatives == ()


def test_who_sees_everything(tmp_path: Path) -> None:
    entries = frozenset({"anna@example.org"})
    assert decide(LOCAL, None, entries).full
    assert not decide(PUBLIC, "anna@example.org", entries).full
    assert decide(MEMBERS, "anna@example.org", entries).full
    assert not decide(MEMBERS, "piet@example.org", entries).full
    assert not decide(MEMBERS, None, entries).full


def test_members_mode_needs_sign_in_settings_and_a_members_file(tmp_path: Path) -> None:
    members = tmp_path / "leden.txt"
    assert configuration_problem(MEMBERS, None, members).startswith("Het dashboard staat op")
    assert "client_secret" in configuration_problem(MEMBERS, {**AUTH, "client_secret": ""}, members)
    assert "ledenlijst" in configuration_problem(MEMBERS, AUTH, members)
    members.write_text("anna@example.org\n", encoding="utf-8")
    assert configuration_problem(MEMBERS, AUTH, members) is None
    assert configuration_problem(PUBLIC, None, members) is None
    assert "kies uit: local, public, members" in configuration_problem("iedereen", None, members)


# ---------------------------------------------------------------- the app


@pytest.fixture(scope="module")
def snapshot(fixture_warehouse: Path, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("public") / "omzien-publiek.duckdb"
    publish(fixture_warehouse, target)
    return target


def served(monkeypatch, tmp_path: Path, mode: str, snapshot: Path, page: str = "", **query):
    monkeypatch.setenv("OMZIEN_ACCESS", mode)
    monkeypatch.setenv("OMZIEN_PUBLIC_WAREHOUSE", str(snapshot))
    monkeypatch.setenv("OMZIEN_WAREHOUSE", str(tmp_path / "not-here.duckdb"))
    monkeypatch.setenv("OMZIEN_MEMBERS", str(tmp_path / "leden.txt"))
    monkeypatch.setenv("OMZIEN_ACCESS_LOG", str(tmp_path / "toegang.jsonl"))
    (tmp_path / "leden.txt").write_text("anna@example.org\n", encoding="utf-8")
    at = AppTest.from_file(APP, default_timeout=60)
    if mode == MEMBERS:
        at.secrets["auth"] = AUTH
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(str(PROJECT_ROOT / "dashboard" / "views" / f"{page}.py"))
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
    return at


@pytest.mark.parametrize("mode", [PUBLIC, MEMBERS])
@pytest.mark.parametrize("page", PAGES)
def test_every_public_page_from_the_snapshot_alone(
    monkeypatch, tmp_path, snapshot, mode, page
) -> None:
    query = {"gemeente": "GM0344", **QUERIES.get(page, {})}
    at = served(monkeypatch, tmp_path, mode, snapshot, page, **query)
    assert not at.exception
    texts = page_texts(at)
    assert [m for m in MARKERS if any(m in text for text in texts)] == []
    # Figures, drawn from the snapshot (no initiative of the fixture consented to a listing).
    if page == "signals":
        # The fixture has no signals; the snapshot still carries their tables.
        summary = strings.SIGNALS_SUMMARY.format(new=0, ongoing=0, ended=0)
        assert not any(strings.SIGNALS_NOT_COMPUTED in text for text in texts)
        assert any(summary in text for text in texts)
    elif page == "report":
        # No form for whoever is not signed in as a member: only the line that says so.
        assert len(at.get("form_submit_button")) == 0
        assert any(strings.MEMBERS_ONLY_REPORT in text for text in texts)
    elif page not in ("obstacles", "quality", "kennisbank"):
        assert at.get("plotly_chart") or at.metric or at.dataframe
    if mode == MEMBERS:
        assert [b.label for b in at.sidebar.button if b.label == "Inloggen"] == ["Inloggen"]


def test_obstacles_and_rejects_are_for_members(monkeypatch, tmp_path, snapshot) -> None:
    at = served(monkeypatch, tmp_path, MEMBERS, snapshot, "obstacles")
    assert any("alleen voor leden" in i.value for i in at.info)
    assert any(b.label == "Inloggen" for b in at.main.button)
    assert not at.dataframe
    at = served(monkeypatch, tmp_path, PUBLIC, snapshot, "quality")
    assert any("alleen voor leden" in i.value for i in at.info)
    assert not [b for b in at.button if b.label == "Inloggen"]
    assert any(m.label == "Rijen afgekeurd" for m in at.metric)  # counts, not the rows
    headers = [h.value for h in at.header]
    assert "Afgekeurde rijen" not in headers


def test_no_intern_export_in_public(monkeypatch, tmp_path, snapshot) -> None:
    at = served(monkeypatch, tmp_path, PUBLIC, snapshot, "agenda")
    assert not at.exception
    assert not [t for t in at.toggle if t.label.startswith("Intern")]


def test_members_mode_without_sign_in_settings_refuses_to_start(
    monkeypatch, tmp_path, snapshot
) -> None:
    monkeypatch.setenv("OMZIEN_ACCESS", MEMBERS)
    monkeypatch.setenv("OMZIEN_PUBLIC_WAREHOUSE", str(snapshot))
    monkeypatch.setenv("OMZIEN_MEMBERS", str(tmp_path / "leden.txt"))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "[auth]" in at.error[0].value
    assert not at.get("plotly_chart")
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = AUTH
    at.run()
    assert "ledenlijst" in at.error[0].value
    assert not at.get("plotly_chart")


def test_a_public_dashboard_never_reads_a_full_warehouse(
    monkeypatch, tmp_path, fixture_warehouse
) -> None:
    at = served(monkeypatch, tmp_path, PUBLIC, fixture_warehouse)
    assert not at.exception
    assert "geen publieke momentopname" in at.error[0].value
    missing = served(monkeypatch, tmp_path, PUBLIC, tmp_path / "nog-niet.duckdb")
    assert "omzien publish" in missing.info[0].value
