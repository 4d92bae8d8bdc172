"""The municipality fact sheet: the profile page's numbers, the small-numbers rule, intern."""

from __future__ import annotations

import pytest

from etl.vocabularies import CATEGORIES
from readmodel.selection import Filters
from reports import model
from reports.factsheet import factsheet, shared_items
from reports.render_md import render as render_md
from tests.reports.conftest import MADE_ON


def _sections(report: model.Report) -> dict[str, model.Section]:
    return {s.heading: s for s in report.sections}


def test_sections_and_provenance(bunnik: model.Report) -> None:
    assert bunnik.title == "Feitenblad Bunnik"
    assert list(_sections(bunnik)) == [
        "Kerncijfers",
        "Soorten knelpunten",
        "Reactietijd",
        "Verloop",
        "Gedeelde agendapunten",
        "Definities",
    ]
    prov = bunnik.provenance
    assert prov.synthetic
    assert not prov.intern
    assert prov.source == "Omzien, warehouse load 1, peildatum 26-11-2026"
    assert prov.selection.endswith("· Bunnik")
    assert prov.made_on == MADE_ON


def test_categories_are_the_warehouse_counts(bunnik: model.Report, demo_con) -> None:
    expected = demo_con.execute(
        "SELECT category, count(*), count(resolved_at) FROM core.obstacles "
        "WHERE cbs_code = 'GM0312' GROUP BY category ORDER BY 2 DESC, category"
    ).fetchall()
    chart = next(c for c in bunnik.blocks(model.BarChart) if c.title == "Soorten knelpunten")
    assert chart.categories == tuple(CATEGORIES.label(code) for code, _, _ in expected)
    assert chart.series[0].values == tuple(float(n) for _, n, _ in expected)
    assert chart.series[1].values == tuple(float(r) for _, _, r in expected)


def test_key_figures_match_the_warehouse(bunnik: model.Report, demo_con) -> None:
    obstacles, answered, resolved = demo_con.execute(
        "SELECT count(*), count(first_response_at), count(resolved_at) FROM core.obstacles "
        "WHERE cbs_code = 'GM0312'"
    ).fetchone()
    tiles = bunnik.blocks(model.KeyFigures)[0].items
    assert next(t.value for t in tiles) == str(obstacles)
    assert tiles[2].value == f"{answered / obstacles:.0%}"
    assert tiles[2].note == f"{answered} van {obstacles}"
    assert tiles[3].value == f"{resolved / obstacles:.0%}"
    table = bunnik.blocks(model.Table)[0].frame.set_index("Maat")
    assert table.loc["Aandeel (deels) opgelost", "Bunnik"].startswith(
        f"{resolved / obstacles:.0%} ("
    )
    assert set(table["T.o.v. provincie"]) <= {"hoger", "vergelijkbaar", "lager", "–"}


def test_shared_agenda_items_recur_elsewhere(bunnik: model.Report, demo_wh) -> None:
    items = shared_items(demo_wh, Filters(municipality="GM0312"))
    assert (items["municipalities"] >= 2).all()
    assert (items["obstacles_here"] >= 1).all()
    table = _sections(bunnik)["Gedeelde agendapunten"].blocks[0].frame
    assert list(table["Knelpunten hier"]) == list(items["obstacles_here"].head(len(table)))


def test_few_obstacles_show_no_percentage(fixture_wh) -> None:
    """Utrecht has 3 obstacles in the fixture: counts, but no share as a percentage."""
    report = factsheet(fixture_wh, "GM0344", made_on=MADE_ON)
    tiles = report.blocks(model.KeyFigures)[0].items
    assert [t.value for t in tiles] == [
        "3",
        "1",
        "2",
        "1",
    ]  # obstacles, initiatives, answered, resolved
    assert all("%" not in t.value for t in tiles)
    assert "te weinig gevallen" in tiles[2].note
    table = report.blocks(model.Table)[0].frame.set_index("Maat")
    for measure in ("Aandeel beantwoord", "Aandeel (deels) opgelost", "Aandeel afgewezen"):
        assert table.loc[measure, "Utrecht"] == "te weinig gevallen"
    text = render_md(report).decode()
    assert "weinig gevallen" in text
    assert "minder dan 5 knelpunten" in text
    # The response curve shows the province only.
    assert "te weinig knelpunten voor een reactiecurve" in text


def test_descriptions_only_in_the_intern_version(fixture_wh) -> None:
    public = render_md(factsheet(fixture_wh, "GM0344", made_on=MADE_ON)).decode()
    intern_report = factsheet(fixture_wh, "GM0344", intern=True, made_on=MADE_ON)
    intern = render_md(intern_report).decode()
    assert "Subsidie gestopt" not in public
    assert "Subsidie gestopt" in intern
    assert "INTERN" in intern
    assert "INTERN" not in public
    assert intern_report.provenance.labels == ["INTERN"]


def test_unknown_municipality_and_empty_selection(fixture_wh) -> None:
    with pytest.raises(KeyError):
        factsheet(fixture_wh, "GM9999")
    with pytest.raises(model.NothingToReport):
        factsheet(fixture_wh, "GM0307")  # Amersfoort: no obstacles in the fixture
