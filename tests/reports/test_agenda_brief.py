"""The social agenda brief: the agenda page's ranking, public rule, intern examples, md."""

from __future__ import annotations

import io

from pptx import Presentation

from readmodel.agenda import agenda as agenda_query
from readmodel.selection import Filters
from readmodel.tables import item_labels
from reports import model
from reports.agenda_brief import agenda_brief
from reports.render_md import render as render_md
from reports.render_pptx import render as render_pptx
from tests.reports.conftest import MADE_ON, charts, slide_marks


def test_top_items_are_the_agenda_pages(agenda: model.Report, demo_wh) -> None:
    warehouse = demo_wh
    items = agenda_query(
        demo_wh.con, Filters(), first_day=warehouse.first_day, as_of=warehouse.as_of
    )
    recurring = items[items["recurring"]].head(10)
    chart = agenda.blocks(model.BarChart)[0]
    assert chart.categories == tuple(item_labels(recurring))
    assert chart.series[0].values == tuple(float(v) for v in recurring["municipalities"])
    levels = agenda.blocks(model.BarChart)[1]
    assert [s.name for s in levels.series] == ["Gemeente", "Regio", "Provincie", "Rijk"]
    totals = [
        sum(v for v in values) for values in zip(*(s.values for s in levels.series), strict=True)
    ]
    assert totals == [float(v) for v in recurring["obstacles"]]


def test_deck_carries_the_ranking_as_a_native_chart(agenda: model.Report) -> None:
    deck = Presentation(io.BytesIO(render_pptx(agenda)))
    (chart,) = charts(deck, "In hoeveel gemeenten")
    assert list(chart.plots[0].categories) == list(agenda.blocks(model.BarChart)[0].categories)
    assert all("SYNTHETISCHE DEMOGEGEVENS" in slide_marks(s) for s in deck.slides)


def test_markdown_brief(agenda: model.Report) -> None:
    text = render_md(agenda).decode()
    assert text.startswith("> **SYNTHETISCHE DEMOGEGEVENS")
    assert text.rstrip().endswith("echte gemeenten.**")
    assert "# Sociale agenda" in text
    assert "- **Peildatum:** 26-11-2026" in text
    assert "- **Load:** 1" in text
    assert "| Rang | Agendapunt | Gemeenten |" in text
    assert "Omschrijving" not in text


def test_small_items_get_no_rank_and_no_percentage(fixture_wh) -> None:
    """The fixture's agenda items all have fewer than 5 obstacles."""
    report = agenda_brief(fixture_wh, made_on=MADE_ON)
    table = next(b for b in report.blocks(model.Table)).frame
    assert set(table["Rang"]) == {"–"}
    assert set(table["% onopgelost"]) == {"–"}
    assert set(table["Let op"]) == {"weinig gevallen"}


def test_intern_brief_has_example_descriptions(fixture_wh) -> None:
    public = render_md(agenda_brief(fixture_wh, made_on=MADE_ON)).decode()
    intern = render_md(agenda_brief(fixture_wh, intern=True, made_on=MADE_ON)).decode()
    assert "Voorbeelden (intern)" in intern
    assert "Voorbeelden" not in public
    assert "**INTERN" in intern
