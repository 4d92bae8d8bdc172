"""Export buttons on the profile and compare pages: build under a status, then download."""

from __future__ import annotations

from pathlib import Path

import pytest


def _labels(at) -> list[str]:
    return [b.label for b in at.button]


def test_profile_offers_the_fact_sheet(app, fixture_warehouse: Path) -> None:
    at = app(fixture_warehouse, page="profile", gemeente="GM0344")
    assert not at.exception
    assert {"PowerPoint", "PDF"} <= set(_labels(at))
    assert any("Exporteren: Feitenblad" in e.label for e in at.expander)


def test_compare_offers_the_regional_comparison(app, fixture_warehouse: Path) -> None:
    at = app(fixture_warehouse, page="compare", regio="u16")
    assert not at.exception
    assert any("Exporteren: Vergelijking U16" in e.label for e in at.expander)
    assert {"PowerPoint", "PDF"} <= set(_labels(at))


@pytest.mark.slow
def test_building_then_downloading(app, fixture_warehouse: Path) -> None:
    at = app(fixture_warehouse, page="profile", gemeente="GM0344")
    at.button(key="export_gemeente_pdf").click().run()
    assert not at.exception
    downloads = at.get("download_button")
    assert len(downloads) == 1
    assert "2026-11-26_gemeente_GM0344.pdf" in str(downloads[0].proto)


def test_agenda_offers_the_brief(app, fixture_warehouse: Path) -> None:
    at = app(fixture_warehouse, page="agenda")
    assert not at.exception
    assert any("Exporteren: Sociale agenda" in e.label for e in at.expander)
    assert {"PowerPoint", "PDF", "Markdown"} <= set(_labels(at))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("page", "query", "kind", "file_format", "expected"),
    [
        ("profile", {"gemeente": "GM0312"}, "gemeente", "pptx", "_gemeente_GM0312.pptx"),
        ("profile", {"gemeente": "GM0312"}, "gemeente", "pdf", "_gemeente_GM0312.pdf"),
        ("agenda", {}, "agenda", "pptx", "_agenda.pptx"),
        ("agenda", {}, "agenda", "pdf", "_agenda.pdf"),
        ("agenda", {}, "agenda", "md", "_agenda.md"),
        ("compare", {"regio": "u16"}, "vergelijking", "pptx", "_vergelijking_u16.pptx"),
        ("compare", {"regio": "u16"}, "vergelijking", "pdf", "_vergelijking_u16.pdf"),
        (
            "solutions",
            {"thema": "zorg_welzijn", "categorie": "financiering"},
            "oplossingen",
            "xlsx",
            "_oplossingen_zorg_welzijn-financiering.xlsx",
        ),
        (
            "solutions",
            {"thema": "zorg_welzijn", "categorie": "financiering"},
            "oplossingen",
            "pdf",
            "_oplossingen_zorg_welzijn-financiering.pdf",
        ),
    ],
)
def test_every_export_from_its_button_on_the_demo(
    app, demo_warehouse: Path, page, query, kind, file_format, expected
) -> None:
    at = app(demo_warehouse, page=page, **query)
    at.button(key=f"export_{kind}_{file_format}").click().run()
    assert not at.exception
    downloads = at.get("download_button")
    assert any(expected in str(d.proto) for d in downloads)
