"""Signalen (/signalen) on the demo warehouse, and the overview's link to it."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from etl.settings import PROJECT_ROOT


def texts(at) -> list[str]:
    return [m.value for m in at.markdown] + [c.value for c in at.caption]


def test_the_planted_changes_are_cards_worse_first(app, demo_warehouse) -> None:
    at = app(demo_warehouse, page="signals")
    assert not at.exception
    assert at.title[0].value == "Signalen"
    assert [h.value for h in at.main.header] == ["Verslechteringen"]
    shown = "\n".join(texts(at))
    assert "Nieuwegein: van de " in shown
    assert "Amersfoort: sinds " in shown
    assert "nieuwe signalen sinds de vorige load" in shown
    # Every card has its small chart, its badge and its counts with the q-value.
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        live = con.execute("SELECT count(*) FROM marts.signals WHERE status <> 'ended'").fetchone()[
            0
        ]
    assert len(at.get("plotly_chart")) == live
    assert sum("nieuw" in m.value for m in at.markdown if "badge" in m.value) == live
    assert sum("Kans op vals alarm" in c.value for c in at.caption) == live


def test_the_sidebar_narrows_the_signals(app, demo_warehouse) -> None:
    """Region U16 holds Nieuwegein, not Amersfoort; the category financiering keeps
    Amersfoort's and the signals about all categories."""
    at = app(demo_warehouse, page="signals", regio="u16")
    assert not at.exception
    shown = "\n".join(texts(at))
    assert "Nieuwegein: van de " in shown
    assert "Amersfoort: sinds " not in shown
    at = app(demo_warehouse, page="signals", categorie="financiering")
    shown = "\n".join(texts(at))
    assert "Amersfoort: sinds " in shown
    assert "Nieuwegein: van de " in shown  # about all categories
    at = app(demo_warehouse, page="signals", categorie="inkoop", gemeente="GM0307")
    assert any("Geen signalen in deze selectie" in i.value for i in at.info)


def test_the_overview_links_to_the_signals(app, demo_warehouse) -> None:
    at = app(demo_warehouse)
    assert not at.exception
    links = [link for link in at.get("page_link") if "signalen" in link.proto.label]
    assert len(links) == 1
    assert links[0].proto.label.endswith("nieuwe signalen sinds de vorige load")
    assert links[0].proto.page.endswith("signalen")


def test_a_warehouse_from_before_signals_says_so(app, demo_warehouse, tmp_path: Path) -> None:
    old = tmp_path / "oud.duckdb"
    shutil.copy(demo_warehouse, old)
    with duckdb.connect(str(old)) as con:
        con.execute("DROP TABLE marts.signals; DROP TABLE marts.signal_series")
    at = app(old, page="signals")
    assert not at.exception
    assert any("voordat Omzien signalen berekende" in i.value for i in at.info)
    at = app(old)
    assert not at.exception
    assert not [link for link in at.get("page_link") if "signalen" in link.proto.label]


def test_the_page_is_in_the_navigation() -> None:
    app_source = (PROJECT_ROOT / "dashboard" / "app.py").read_text(encoding="utf-8")
    assert 'url_path="signalen"' in app_source
