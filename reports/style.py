"""The house style of the exports: the dashboard's colours (dashboard.charts.theme), one font."""

from __future__ import annotations

from charts.theme import ACCENT, BAD, GOOD, MUTED, PRIMARY

# Of the families in dashboard.charts.theme.FONT, the one every Office installation has;
# PowerPoint substitutes a missing font silently, so the deck must not depend on one.
PPTX_FONT = "Segoe UI"
TEXT = "#1b1f23"
GREY = "#5f6b76"
LIGHT = "#eef3f8"
RULE = "#d0d7de"
WARNING = "#b03a2e"  # the synthetic-data banner: impossible to miss, also in greyscale
# Series colours of native charts, in order: the dashboard's, then its level colours.
SERIES = (PRIMARY, ACCENT, "#7fb2d9", "#8e3b46", GOOD, MUTED)

__all__ = ["ACCENT", "BAD", "GOOD", "GREY", "LIGHT", "MUTED", "PRIMARY", "RULE", "SERIES", "TEXT"]


def rgb(colour: str) -> tuple[int, int, int]:
    """'#1f5f8b' -> (31, 95, 139)."""
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]
