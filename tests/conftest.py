"""Shared fixtures: a fixture warehouse built by the real ETL from fixture exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.warehouse import build
from tests.support.exports import AS_OF, write_fixture_exports


@pytest.fixture(scope="session")
def fixture_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture exports through the real ETL into a DuckDB file (built once)."""
    root = tmp_path_factory.mktemp("fixture")
    raw = write_fixture_exports(root / "raw")
    target = root / "warehouse" / "omzien.duckdb"
    build(raw, target, as_of=AS_OF, province="Utrecht")
    return target


@pytest.fixture(scope="session")
def demo_exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic demo exports (seed 2026) as `omzien demo` writes them."""
    from etl.demo import write_demo_exports

    raw = tmp_path_factory.mktemp("demo") / "raw"
    write_demo_exports(raw / "demo", seed=2026, as_of=AS_OF)
    return raw


@pytest.fixture(scope="session")
def demo_warehouse(demo_exports: Path) -> Path:
    """The demo exports through the real ETL."""
    target = demo_exports.parent / "warehouse" / "omzien.duckdb"
    build(demo_exports, target, as_of=AS_OF, province="Utrecht")
    return target


@pytest.fixture(scope="session")
def kennisbank_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The knowledge base exports (tests.support.kennisbank) through the real ETL."""
    from tests.support.kennisbank import write_kennisbank_exports

    root = tmp_path_factory.mktemp("kennisbank")
    raw = write_kennisbank_exports(root / "raw")
    target = root / "warehouse" / "omzien.duckdb"
    build(raw, target, as_of=AS_OF, province="Utrecht")
    return target


@pytest.fixture(scope="session")
def rollup_networks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two networks' warehouses and snapshots, one warehouse of both, and their roll-up
    (tests.support.networks)."""
    from tests.support.networks import build_networks

    return build_networks(tmp_path_factory.mktemp("networks"), AS_OF)


@pytest.fixture(scope="session")
def national_demo_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic demo spread over all 342 municipalities (scope Nederland), at twice
    the demo's size so that most municipalities have enough cases to compare."""
    from etl.demo import write_demo_exports

    root = tmp_path_factory.mktemp("national-demo")
    write_demo_exports(root / "raw" / "demo", seed=2026, as_of=AS_OF, scale=3, province="Nederland")
    target = root / "warehouse" / "omzien.duckdb"
    build(root / "raw", target, as_of=AS_OF, province="Nederland")
    return target
