"""Every setting is declared once with a default and help text, and documented."""

from __future__ import annotations

import pytest

from etl import settings

README = (settings.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", settings.ALL_SETTINGS, ids=lambda s: s.env)
def test_setting_is_documented(setting: settings.Setting) -> None:
    assert setting.help
    # A setting may be unset only if its help says what unset means.
    assert setting.default or "Unset:" in setting.help
    assert f"`{setting.env}`" in README


def test_environment_overrides_the_default(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("OMZIEN_WAREHOUSE", str(tmp_path / "x.duckdb"))
    assert settings.warehouse_path() == tmp_path / "x.duckdb"
    monkeypatch.delenv("OMZIEN_WAREHOUSE")
    assert settings.warehouse_path() == settings.PROJECT_ROOT / "data/warehouse/omzien.duckdb"
