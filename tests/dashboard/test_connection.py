"""The dashboard notices when the ETL swapped in a new warehouse file."""

from __future__ import annotations

from pathlib import Path

from etl.warehouse import build
from tests.support.exports import AS_OF, write_fixture_exports


def test_next_interaction_after_an_etl_run_shows_the_new_data(app, tmp_path: Path) -> None:
    raw = write_fixture_exports(tmp_path / "raw")
    warehouse = tmp_path / "wh" / "omzien.duckdb"
    build(raw, warehouse, as_of=AS_OF, province="Utrecht")
    at = app(warehouse)
    assert {m.label: m.value for m in at.metric}["Knelpunten"] == "7"

    # Drop the obstacles export: a rebuild while the app is open swaps the file.
    (raw / "knelpunten_2026.csv").write_text(
        "knelpunt_id;gemeente;gemeld_op;thema;categorie\nK-NEW;Zeist;2026-01-01;wonen;overig\n",
        encoding="utf-8",
    )
    build(raw, warehouse, as_of=AS_OF, province="Utrecht")
    at.run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Knelpunten"] == "1"
