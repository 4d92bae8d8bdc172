"""Dutch texts inside the charts: titles, axes and legends."""

from __future__ import annotations

AGENDA_CHART_TITLE = "Terugkerende knelpunten en wie ze moet oplossen"
AGENDA_CHART_TITLE_ALL = "Knelpunten in de selectie en wie ze moet oplossen"
AGENDA_CHART_AXIS = "In hoeveel gemeenten"
AGENDA_CHART_LEVELS = "Op te lossen door"
QUALITY_REJECTS_CHART = "Afkeuringen per reden"
QUALITY_REJECTS_AXIS = "aantal afkeuringen"
TREND_TITLE = "Knelpunten per kwartaal"
TREND_REPORTED = "Gemeld"
TREND_RESOLVED_90D = "Binnen 90 dagen (deels) opgelost"
TREND_AXIS_COUNT = "aantal knelpunten"
TREND_AXIS_SHARE = "binnen 90 dagen opgelost"
TREND_HOVER = "{share} binnen 90 dagen (deels) opgelost ({resolved} van {followed} knelpunten)"
TABLE_SERIES = "Reeks"
TABLE_CATEGORY = "Waar"
TABLE_VALUE = "Waarde"
