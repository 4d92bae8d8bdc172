"""The layers are a contract: import-linter (make lint) fails on an import the wrong way."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from etl.settings import PROJECT_ROOT

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
PACKAGES = ("signals", "etl", "readmodel", "charts", "intake", "reports", "dashboard", "cli")


def lint(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree)},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the packages and their contracts, to break on purpose."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "data")
    for package in PACKAGES:
        shutil.copytree(PROJECT_ROOT / package, tmp_path / package, ignore=ignore)
    shutil.copy(PROJECT_ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


@pytest.mark.slow
def test_the_layers_hold(tree: Path) -> None:
    result = lint(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    ("module", "statement", "contract"),
    [
        ("etl/models.py", "import readmodel.format", "Layers"),
        ("signals/detect.py", "import etl.settings", "Layers"),
        ("signals/wording.py", "import streamlit", "Streamlit"),
        ("readmodel/format.py", "import charts.theme", "Layers"),
        ("charts/theme.py", "from dashboard import strings", "Layers"),
        ("reports/model.py", "import dashboard.components", "Layers"),
        ("dashboard/components.py", "import reports.model", "export buttons"),
        ("readmodel/format.py", "import streamlit", "Streamlit"),
        ("intake/forms.py", "import reports.model", "Layers"),
        ("etl/warehouse.py", "import intake.forms", "Layers"),
        ("intake/status.py", "import streamlit", "Streamlit"),
    ],
)
def test_an_import_the_wrong_way_breaks_the_lint(
    tree: Path, module: str, statement: str, contract: str
) -> None:
    path = tree / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{statement}  # noqa\n")
    result = lint(tree)
    assert result.returncode != 0
    broken = [line for line in result.stdout.splitlines() if " BROKEN" in line]
    assert any(contract in line for line in broken), result.stdout
