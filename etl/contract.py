"""The input contract as data: sources, their file-name patterns and columns.

Mirrors ../shared/spec/input-contract.md (and docs/input-contract.md for analysts).
Everything that needs to know which columns a source has reads it from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """How a column is read and validated."""

    ID = "id"
    TEXT = "text"
    FREE_TEXT = "free_text"  # redacted before it enters the warehouse (as TEXT is)
    PERSONAL = "personal"  # never enters the warehouse
    DATE = "date"
    YEAR_OR_DATE = "year_or_date"
    MUNICIPALITY = "municipality"
    THEMES = "themes"  # one or more themes
    THEME = "theme"
    CATEGORY = "category"
    LEGAL_FORM = "legal_form"
    PHASE = "phase"
    SEVERITY = "severity"
    LEVEL = "level"
    OUTCOME = "outcome"
    CONSENT = "consent"  # ja/nee: may the initiative be shown in public views
    COUNT = "count"  # whole number >= 0
    REGION_KIND = "region_kind"  # samenwerkingsverband, stad, provincie


@dataclass(frozen=True)
class Column:
    name: str  # Dutch, primary header
    alias: str  # English header, also accepted
    kind: Kind
    required: bool = False


@dataclass(frozen=True)
class Source:
    name: str  # internal, English: initiatives, obstacles, ...
    label: str  # Dutch, for messages
    prefixes: tuple[str, ...]  # file name starts with one of these (case-insensitive)
    extensions: tuple[str, ...]
    columns: tuple[Column, ...]
    id_column: str | None = None

    @property
    def required(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.required)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


INITIATIVES = Source(
    name="initiatives",
    label="initiatieven",
    prefixes=("initiatieven", "initiatives"),
    extensions=(".csv", ".xlsx"),
    id_column="initiatief_id",
    columns=(
        Column("initiatief_id", "initiative_id", Kind.ID, required=True),
        Column("naam", "name", Kind.TEXT, required=True),
        Column("gemeente", "municipality", Kind.MUNICIPALITY, required=True),
        Column("kern", "place", Kind.TEXT),
        Column("themas", "themes", Kind.THEMES),
        Column("rechtsvorm", "legal_form", Kind.LEGAL_FORM),
        Column("opgericht", "founded", Kind.YEAR_OR_DATE),
        Column("fase", "phase", Kind.PHASE),
        Column("vrijwilligers", "volunteers", Kind.COUNT),
        Column("website", "website", Kind.TEXT),
        Column("contactpersoon", "contact_name", Kind.PERSONAL),
        Column("email", "email", Kind.PERSONAL),
        Column("telefoon", "phone", Kind.PERSONAL),
        Column("omschrijving", "description", Kind.FREE_TEXT),
        Column("zichtbaar", "public", Kind.CONSENT),
        Column("geregistreerd_op", "registered_at", Kind.DATE, required=True),
    ),
)

OBSTACLES = Source(
    name="obstacles",
    label="knelpunten",
    prefixes=("knelpunten", "obstacles"),
    extensions=(".csv", ".xlsx"),
    id_column="knelpunt_id",
    columns=(
        Column("knelpunt_id", "obstacle_id", Kind.ID, required=True),
        Column("initiatief_id", "initiative_id", Kind.ID),
        Column("gemeente", "municipality", Kind.MUNICIPALITY, required=True),
        Column("gemeld_op", "reported_at", Kind.DATE, required=True),
        Column("thema", "theme", Kind.THEME, required=True),
        Column("categorie", "category", Kind.CATEGORY, required=True),
        Column("ernst", "severity", Kind.SEVERITY),
        Column("niveau", "level", Kind.LEVEL),
        Column("omschrijving", "description", Kind.FREE_TEXT),
    ),
)

RESPONSES = Source(
    name="responses",
    label="reacties",
    prefixes=("reacties", "responses"),
    extensions=(".csv", ".xlsx"),
    id_column="reactie_id",
    columns=(
        Column("reactie_id", "response_id", Kind.ID, required=True),
        Column("knelpunt_id", "obstacle_id", Kind.ID, required=True),
        Column("datum", "responded_at", Kind.DATE, required=True),
        Column("uitkomst", "outcome", Kind.OUTCOME, required=True),
        Column("toelichting", "note", Kind.FREE_TEXT),
    ),
)

ALIASES = Source(
    name="aliases",
    label="aliassen",
    prefixes=("aliassen", "aliases"),
    extensions=(".csv",),
    columns=(
        Column("alias", "alias", Kind.TEXT, required=True),
        Column("cbs_code", "cbs_code", Kind.TEXT, required=True),
    ),
)

# The network's own groupings: one row per (region, municipality). A region whose code is a
# shipped region's replaces it (name, kind and members).
REGIONS = Source(
    name="regions",
    label="regio's",
    prefixes=("regios", "regions"),
    extensions=(".csv",),
    columns=(
        Column("regio_code", "region_code", Kind.ID, required=True),
        Column("regio_naam", "region_name", Kind.TEXT, required=True),
        Column("gemeente", "municipality", Kind.MUNICIPALITY, required=True),
        Column("soort", "kind", Kind.REGION_KIND),
        Column("toelichting", "note", Kind.FREE_TEXT),
    ),
)

# Either id column may be present; a file with neither is rejected whole.
ERASURES = Source(
    name="erasures",
    label="verwijderlijst",
    prefixes=("verwijderen", "erasure"),
    extensions=(".csv",),
    columns=(
        Column("initiatief_id", "initiative_id", Kind.ID),
        Column("knelpunt_id", "obstacle_id", Kind.ID),
    ),
)

# "Nog steeds open": an initiative confirmed on a day that an obstacle is still open (the
# follow-up of /melden). Not a response: it changes no status and no response figure.
CHECKS = Source(
    name="checks",
    label="controles",
    prefixes=("controles", "checks"),
    extensions=(".csv", ".xlsx"),
    id_column="controle_id",
    columns=(
        Column("controle_id", "check_id", Kind.ID, required=True),
        Column("knelpunt_id", "obstacle_id", Kind.ID, required=True),
        Column("datum", "checked_at", Kind.DATE, required=True),
    ),
)

SOURCES: tuple[Source, ...] = (
    INITIATIVES,
    OBSTACLES,
    RESPONSES,
    CHECKS,
    ALIASES,
    REGIONS,
    ERASURES,
)
DATA_SOURCES: tuple[Source, ...] = (INITIATIVES, OBSTACLES, RESPONSES)

# Text of the data sources (and region names) that the warehouse stores and shows (names,
# places, websites, descriptions, notes): it reaches staging only redacted, through
# `redacted_<source>_<column>` (etl.pipeline.register_raw).


def shown_text(source: Source) -> tuple[Column, ...]:
    if source not in (*DATA_SOURCES, REGIONS):
        return ()
    return tuple(c for c in source.columns if c.kind in (Kind.TEXT, Kind.FREE_TEXT))


def contact_name_column() -> str:
    """The column whose values are the contact names every text of a load is cleared of."""
    return next(c.name for c in INITIATIVES.columns if c.alias == "contact_name")


# Cell values that mean "no value" (compared trimmed and case-insensitively).
MISSING_TOKENS: frozenset[str] = frozenset({"", "-", "n.v.t.", "onbekend", "null"})
