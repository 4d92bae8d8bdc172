"""The regional comparison: the compare page's measures, province as the reference."""

from __future__ import annotations

import pytest

from reports import model
from reports.comparison import comparison
from tests.reports.conftest import MADE_ON


def test_region_against_province(u16: model.Report, demo_con) -> None:
    summary = u16.sections[0].blocks[0].frame.set_index("Maat")
    n, resolved = demo_con.execute(
        "SELECT count(*), count(resolved_at) FROM core.obstacles"
    ).fetchone()
    # The province is every obstacle, not only the region's.
    assert summary.loc["Aandeel (deels) opgelost", "Provincie"].startswith(f"{resolved / n:.0%} (")
    assert set(summary["Regio t.o.v. provincie"]) <= {"hoger", "vergelijkbaar", "lager"}


def test_sections(u16: model.Report) -> None:
    headings = [s.heading for s in u16.sections]
    assert headings[0] == "U16 en de provincie"
    assert "Aandeel (deels) opgelost" in headings
    assert "Eerste reactie binnen 30 dagen" in headings
    assert headings[-1] == "Definities"
    funnels = [f for f in u16.blocks(model.Figure) if f.title.startswith("Trechterdiagram")]
    assert len(funnels) == 1


def test_few_cases_are_flagged_not_ranked(demo_wh) -> None:
    """Foodvalley: Renswoude has 6 obstacles (below 10): flagged, unranked, after the rest."""
    report = comparison(demo_wh, "regio_foodvalley", made_on=MADE_ON)
    chart = next(c for c in report.blocks(model.BarChart) if c.title == "Aandeel (deels) opgelost")
    assert chart.categories[-1] == "Renswoude *"
    table = next(t for t in report.blocks(model.Table) if t.title == "Aandeel (deels) opgelost")
    row = table.frame.set_index("Gemeente").loc["Renswoude"]
    assert row["Rang"] == "–"
    assert row["Weinig gevallen"] == "weinig gevallen"


def test_unknown_region(demo_wh) -> None:
    with pytest.raises(KeyError):
        comparison(demo_wh, "u99")
