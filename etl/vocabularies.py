"""Controlled vocabularies of the input contract: code, Dutch label and accepted aliases.

Values match case- and accent-insensitively by code, label or alias (see etl.normalize).
The labels are what the dashboard and exports show.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    code: str
    label: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    name: str
    terms: tuple[Term, ...]

    def codes(self) -> tuple[str, ...]:
        return tuple(t.code for t in self.terms)

    def label(self, code: str) -> str:
        return next((t.label for t in self.terms if t.code == code), code)

    def labels(self) -> dict[str, str]:
        return {t.code: t.label for t in self.terms}


THEMES = Vocabulary(
    "theme",
    (
        Term("zorg_welzijn", "Zorg en welzijn", ("zorg", "welzijn", "mantelzorg")),
        Term("wonen", "Wonen", ("huisvesting ouderen",)),
        Term("ontmoeting", "Ontmoeting en eenzaamheid", ("eenzaamheid", "buurthuis", "dorpshuis")),
        Term("mobiliteit", "Mobiliteit en vervoer", ("vervoer", "buurtbus")),
        Term("energie", "Energie en duurzaamheid", ("duurzaamheid", "klimaat")),
        Term("voorzieningen", "Voorzieningen", ("winkel", "dorpswinkel")),
        Term("leefomgeving", "Groen en leefomgeving", ("groen", "openbare ruimte")),
        Term("economie_werk", "Economie en werk", ("werk",)),
        Term("jeugd_onderwijs", "Jeugd en onderwijs", ("jeugd", "onderwijs")),
        Term("cultuur_sport", "Cultuur en sport", ("cultuur", "sport")),
        Term("overig", "Overig"),
    ),
)

CATEGORIES = Vocabulary(
    "category",
    (
        Term("financiering", "Financiering en subsidie", ("subsidie", "geld")),
        Term("regelgeving", "Regels en vergunningen", ("vergunning", "regels")),
        Term("inkoop", "Inkoop en aanbesteding", ("aanbesteding", "wmo-inkoop")),
        Term("huisvesting", "Huisvesting en ruimte", ("ruimte", "accommodatie")),
        Term("samenwerking", "Samenwerking en contact", ("contact", "aanspreekpunt")),
        Term("beleid", "Beleid en visie", ("visie", "right to challenge")),
        Term("informatie", "Informatie en privacy", ("privacy", "data")),
        Term("vrijwilligers", "Vrijwilligers en verzekering", ("verzekering", "vog")),
        Term("overig", "Overig"),
    ),
)

OUTCOMES = Vocabulary(
    "outcome",
    (
        Term("ontvangen", "Ontvangen"),
        Term("in_behandeling", "In behandeling"),
        Term("opgelost", "Opgelost"),
        Term("deels_opgelost", "Deels opgelost"),
        Term("afgewezen", "Afgewezen"),
        Term("doorverwezen", "Doorverwezen"),
    ),
)

LEGAL_FORMS = Vocabulary(
    "legal_form",
    (
        Term("stichting", "Stichting"),
        Term("vereniging", "Vereniging"),
        Term("cooperatie", "Coöperatie", ("coöperatie",)),
        Term("informeel", "Informeel"),
        Term("anders", "Anders"),
    ),
)

PHASES = Vocabulary(
    "phase",
    (
        Term("startend", "Startend"),
        Term("ervaren", "Ervaren"),
    ),
)

# Consent to be shown in public views (initiatives' `zichtbaar`); empty means nee.
CONSENT = Vocabulary(
    "consent",
    (
        Term("ja", "Ja", ("true", "1")),
        Term("nee", "Nee", ("false", "0")),
    ),
)

# Severity is stored as 1..3; the code here is that number as text.
SEVERITIES = Vocabulary(
    "severity",
    (
        Term("1", "Laag", ("laag",)),
        Term("2", "Midden", ("midden",)),
        Term("3", "Hoog", ("hoog",)),
    ),
)

LEVELS = Vocabulary(
    "level",
    (
        Term("gemeente", "Gemeente"),
        Term("regio", "Regio"),
        Term("provincie", "Provincie"),
        Term("rijk", "Rijk"),
    ),
)

# Status of an obstacle: the outcome of its latest response, or open.
STATUSES = Vocabulary("status", (Term("open", "Open (geen reactie)"), *OUTCOMES.terms))

RESOLVED_OUTCOMES: tuple[str, ...] = ("opgelost", "deels_opgelost")

ALL_VOCABULARIES: tuple[Vocabulary, ...] = (
    THEMES,
    CATEGORIES,
    OUTCOMES,
    LEGAL_FORMS,
    PHASES,
    SEVERITIES,
    LEVELS,
    CONSENT,
)
