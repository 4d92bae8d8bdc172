"""The shared selection (period, region, municipality, theme, category, phase, level).

Pure: parsing from and writing to URL query parameters, so a link reproduces a view, and
the dimensions of the marts a selection filters on. The dashboard's sidebar renders it,
the exports take it from the command line; readmodel.rollups turns it into bound SQL.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from etl.vocabularies import CATEGORIES, LEVELS, PHASES, THEMES

# URL parameter names: Dutch, because links are shared by and with Dutch users.
PARAM_START = "van"
PARAM_END = "tot"
PARAM_REGION = "regio"
PARAM_MUNICIPALITY = "gemeente"
PARAM_THEMES = "thema"
PARAM_CATEGORIES = "categorie"
PARAM_PHASE = "fase"
PARAM_LEVEL = "niveau"
PARAMS = (
    PARAM_START,
    PARAM_END,
    PARAM_REGION,
    PARAM_MUNICIPALITY,
    PARAM_THEMES,
    PARAM_CATEGORIES,
    PARAM_PHASE,
    PARAM_LEVEL,
)

_CBS_CODE = re.compile(r"^GM\d{4}$")


@dataclass(frozen=True)
class Filters:
    """What the user selected; None or empty means "all"."""

    start: date | None = None
    end: date | None = None
    region: str | None = None
    municipality: str | None = None
    themes: tuple[str, ...] = field(default_factory=tuple)
    categories: tuple[str, ...] = field(default_factory=tuple)
    phase: str | None = None
    level: str | None = None

    def with_(self, **changes) -> Filters:
        return replace(self, **changes)

    def everywhere(self) -> Filters:
        """The same selection for every municipality: comparisons need the whole province
        as reference; a region or municipality only narrows what a page shows."""
        return replace(self, region=None, municipality=None)

    def dimensions(self) -> frozenset[str]:
        """The mart dimensions this selection filters on, besides the municipality."""
        wanted = {
            "reported_at": self.start is not None or self.end is not None,
            "theme": bool(self.themes),
            "category": bool(self.categories),
            "phase": self.phase is not None,
            "level": self.level is not None,
        }
        return frozenset(name for name, used in wanted.items() if used)

    def within(self, first_day: date, last_day: date) -> Filters:
        """The period clamped to the days the data cover; a bound at the data's edge (or
        beyond it) means no bound, so "all" stays "all" and a link never breaks a widget."""
        start = self.start if self.start and first_day < self.start <= last_day else None
        end = self.end if self.end and first_day <= self.end < last_day else None
        if self.start and self.start > last_day:
            start = last_day
        if self.end and self.end < first_day:
            end = first_day
        if start and end and start > end:
            start, end = end, start
        return replace(self, start=start, end=end)

    def to_query_params(self) -> dict[str, str]:
        """Only what differs from "all", so a plain link stays plain."""
        values = {
            PARAM_START: self.start.isoformat() if self.start else None,
            PARAM_END: self.end.isoformat() if self.end else None,
            PARAM_REGION: self.region,
            PARAM_MUNICIPALITY: self.municipality,
            PARAM_THEMES: ",".join(self.themes) or None,
            PARAM_CATEGORIES: ",".join(self.categories) or None,
            PARAM_PHASE: self.phase,
            PARAM_LEVEL: self.level,
        }
        return {k: v for k, v in values.items() if v}


def _first(params: Mapping[str, object], key: str) -> str | None:
    value = params.get(key)
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    value = str(value).strip() if value is not None else ""
    return value or None


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _codes(text: str | None, allowed: tuple[str, ...]) -> tuple[str, ...]:
    if not text:
        return ()
    wanted = {part.strip() for part in text.split(",")}
    return tuple(code for code in allowed if code in wanted)


def from_query_params(
    params: Mapping[str, object],
    *,
    regions: tuple[str, ...] = (),
    municipalities: tuple[str, ...] = (),
) -> Filters:
    """Parse URL parameters; anything unknown or malformed is ignored, never an error."""
    region = _first(params, PARAM_REGION)
    municipality = (_first(params, PARAM_MUNICIPALITY) or "").upper() or None
    phase = _first(params, PARAM_PHASE)
    level = _first(params, PARAM_LEVEL)
    start, end = _date(_first(params, PARAM_START)), _date(_first(params, PARAM_END))
    if start and end and start > end:
        start, end = end, start
    return Filters(
        start=start,
        end=end,
        region=region if region in regions else None,
        municipality=municipality
        if municipality
        and _CBS_CODE.match(municipality)
        and (not municipalities or municipality in municipalities)
        else None,
        themes=_codes(_first(params, PARAM_THEMES), THEMES.codes()),
        categories=_codes(_first(params, PARAM_CATEGORIES), CATEGORIES.codes()),
        phase=phase if phase in PHASES.codes() else None,
        level=level if level in LEVELS.codes() else None,
    )
