"""Every figure of the scorecard defined once, in Dutch, for the quality page and the exports.

Each entry says what is counted (teller), over what (noemer), over which period, how open
obstacles are treated (censoring) and how the interval is computed. `key` is the column of
marts.municipality_scorecard (its _low/_high columns share the entry); entries of kind
"method" describe a rule rather than a column. The thresholds come from etl.settings.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

import pandas as pd

from etl import settings

KINDS = ("count", "share", "rate", "days", "flag", "method")

PERIOD = "Alle knelpunten gemeld tot en met de peildatum."
NO_CENSORING = "Niet van toepassing."
OPEN_CENSORED = (
    "Knelpunten zonder reactie tellen mee tot de peildatum (gecensureerd): ze hebben "
    "minstens zo lang gewacht. Ze worden niet weggelaten en niet als beantwoord geteld."
)
UNRESOLVED_CENSORED = (
    "Knelpunten die (nog) niet opgelost zijn, ook afgewezen knelpunten, tellen mee als niet "
    "opgelost tot de peildatum (gecensureerd)."
)
WILSON = "95%-betrouwbaarheidsinterval volgens Wilson (ook zinvol bij 0 van n en n van n)."
GARWOOD = (
    "Exact 95%-interval voor een Poisson-aantal (Garwood); het inwonertal wordt als exact "
    "bekend beschouwd."
)
KM_BAND = (
    "Kaplan-Meier-schatting met 95%-interval volgens de log-log-methode (exponentiële "
    "Greenwood). Waar de schatting precies 0% of 100% is, het Wilson-interval over de "
    "knelpunten waarvan de uitkomst op die dag bekend is."
)


@dataclass(frozen=True)
class Definition:
    """One figure: what it counts, over what, when, how open cases count, which interval."""

    key: str
    label: str
    kind: str
    numerator: str
    denominator: str
    period: str
    censoring: str
    interval: str
    note: str = ""


_DEFINITIONS: tuple[Definition, ...] = (
    Definition(
        "population",
        "Inwoners",
        "count",
        "Aantal inwoners volgens CBS (Kerncijfers wijken en buurten).",
        NO_CENSORING,
        "1 januari van het jaar in core.municipalities.population_year.",
        NO_CENSORING,
        "Geen.",
    ),
    Definition(
        "initiatives",
        "Initiatieven",
        "count",
        "Aantal geregistreerde bewonersinitiatieven dat in de gemeente werkt.",
        NO_CENSORING,
        "Alle registraties tot en met de peildatum.",
        NO_CENSORING,
        "Geen.",
    ),
    Definition(
        "initiatives_per_10k",
        "Initiatieven per 10.000 inwoners",
        "rate",
        "Aantal geregistreerde initiatieven in de gemeente.",
        "Inwoners, gedeeld door 10.000.",
        "Alle registraties tot en met de peildatum.",
        NO_CENSORING,
        GARWOOD,
    ),
    Definition(
        "obstacles",
        "Knelpunten",
        "count",
        "Aantal knelpunten bij de gemeente.",
        NO_CENSORING,
        PERIOD,
        NO_CENSORING,
        "Geen.",
    ),
    Definition(
        "obstacles_per_10k",
        "Knelpunten per 10.000 inwoners",
        "rate",
        "Aantal knelpunten bij de gemeente.",
        "Inwoners, gedeeld door 10.000.",
        PERIOD,
        NO_CENSORING,
        GARWOOD,
        "Meer knelpunten kan ook betekenen: meer actieve initiatieven die melden.",
    ),
    Definition(
        "obstacles_open",
        "Open knelpunten",
        "count",
        "Knelpunten zonder enige reactie van de gemeente (status open).",
        NO_CENSORING,
        "Op de peildatum.",
        NO_CENSORING,
        "Geen.",
    ),
    Definition(
        "obstacles_answered",
        "Beantwoorde knelpunten",
        "count",
        "Knelpunten met minstens één reactie, van welke uitkomst ook.",
        NO_CENSORING,
        "Op de peildatum.",
        NO_CENSORING,
        "Geen.",
    ),
    Definition(
        "obstacles_resolved",
        "Opgeloste knelpunten",
        "count",
        "Knelpunten met een reactie 'opgelost' of 'deels opgelost'.",
        NO_CENSORING,
        "Op de peildatum.",
        NO_CENSORING,
        "Geen.",
    ),
    Definition(
        "obstacles_refused",
        "Afgewezen knelpunten",
        "count",
        "Knelpunten waarvan de laatste reactie 'afgewezen' is.",
        NO_CENSORING,
        "Op de peildatum.",
        NO_CENSORING,
        "Geen.",
    ),
    Definition(
        "first_response_within_30d",
        "Eerste reactie binnen 30 dagen",
        "share",
        "Knelpunten met een eerste reactie (van welke uitkomst ook) binnen 30 dagen na de "
        "melding, de meldingsdag telt als dag 0.",
        "Alle knelpunten bij de gemeente.",
        PERIOD,
        OPEN_CENSORED,
        KM_BAND,
        "Leeg als geen enkel knelpunt al 30 dagen gevolgd kon worden.",
    ),
    Definition(
        "first_response_within_90d",
        "Eerste reactie binnen 90 dagen",
        "share",
        "Knelpunten met een eerste reactie binnen 90 dagen na de melding.",
        "Alle knelpunten bij de gemeente.",
        PERIOD,
        OPEN_CENSORED,
        KM_BAND,
        "Leeg als geen enkel knelpunt al 90 dagen gevolgd kon worden.",
    ),
    Definition(
        "median_days_to_first_response",
        "Mediane tijd tot eerste reactie (dagen)",
        "days",
        "Aantal dagen waarna de helft van de knelpunten een eerste reactie had "
        "(Kaplan-Meier-mediaan: de eerste dag waarop de geschatte kans op nog geen "
        "reactie 50% of minder is).",
        "Alle knelpunten bij de gemeente.",
        PERIOD,
        OPEN_CENSORED,
        "95%-interval volgens Brookmeyer en Crowley: de dagen waarop het interval van de "
        "Kaplan-Meier-curve de 50% snijdt. Een lege bovengrens betekent: mogelijk langer "
        "dan tot nu toe gezien.",
        "Leeg als minder dan de helft van de knelpunten (geschat) een reactie had; "
        "nooit een gemiddelde over alleen de beantwoorde knelpunten.",
    ),
    Definition(
        "answered_share",
        "Aandeel beantwoord",
        "share",
        "Knelpunten met minstens één reactie.",
        "Alle knelpunten bij de gemeente.",
        "Op de peildatum.",
        "Niet gecorrigeerd voor looptijd: recente knelpunten hebben minder tijd gehad. "
        "Gebruik voor snelheid de Kaplan-Meier-cijfers.",
        WILSON,
    ),
    Definition(
        "resolved_share",
        "Aandeel opgelost",
        "share",
        "Knelpunten met een reactie 'opgelost' of 'deels opgelost'.",
        "Alle knelpunten bij de gemeente, ook de open en afgewezen knelpunten.",
        "Op de peildatum.",
        "Niet gecorrigeerd voor looptijd: open knelpunten tellen als niet opgelost.",
        WILSON,
    ),
    Definition(
        "resolved_within_90d",
        "Opgelost binnen 90 dagen",
        "share",
        "Knelpunten die binnen 90 dagen na de melding (deels) opgelost waren.",
        "Alle knelpunten bij de gemeente.",
        PERIOD,
        UNRESOLVED_CENSORED,
        KM_BAND,
    ),
    Definition(
        "median_days_to_resolution",
        "Mediane tijd tot oplossing (dagen)",
        "days",
        "Aantal dagen waarna de helft van de knelpunten (deels) opgelost was "
        "(Kaplan-Meier-mediaan).",
        "Alle knelpunten bij de gemeente.",
        PERIOD,
        UNRESOLVED_CENSORED,
        "95%-interval volgens Brookmeyer en Crowley (zie mediane tijd tot eerste reactie).",
        "Leeg als minder dan de helft (geschat) opgelost werd.",
    ),
    Definition(
        "refused_share",
        "Aandeel afgewezen",
        "share",
        "Knelpunten waarvan de laatste reactie 'afgewezen' is.",
        "Alle knelpunten bij de gemeente.",
        "Op de peildatum.",
        "Niet gecorrigeerd voor looptijd.",
        WILSON,
    ),
    Definition(
        "small_numbers",
        "Weinig knelpunten",
        "flag",
        "Waar als de gemeente minder dan {small_numbers} knelpunten heeft.",
        NO_CENSORING,
        PERIOD,
        NO_CENSORING,
        "Geen.",
        "Zulke cijfers worden gemarkeerd als gebaseerd op weinig knelpunten en tellen niet "
        "mee in ranglijsten.",
    ),
    Definition(
        "suppression",
        "Niet als percentage getoond",
        "method",
        "Bij minder dan {suppress_below} knelpunten tonen het dashboard en de exports voor "
        "het publiek geen percentages, alleen aantallen.",
        NO_CENSORING,
        PERIOD,
        NO_CENSORING,
        "Geen.",
        "Twee van de twee is geen 100%: het interval loopt dan van 34% tot 100%.",
    ),
    Definition(
        "funnel",
        "Trechterdiagram",
        "method",
        "Het aandeel van elke gemeente, uitgezet tegen haar aantal knelpunten.",
        "Controlegrenzen rond de waarde van de provincie (alle knelpunten samen).",
        PERIOD,
        "Zoals bij het getoonde aandeel.",
        "Grenzen bij 95% en 99,8% (normale benadering, Spiegelhalter 2005). Optioneel "
        "verbreed met een overdispersiefactor φ (Spiegelhalter, uit z-scores die op 10% aan "
        "beide kanten zijn afgekapt), alleen als φ groter is dan 1.",
        "Gemeenten buiten de grenzen worden genoemd; de rest ligt binnen de verwachte "
        "variatie. Een kleine gemeente buiten de grenzen is opvallender dan een grote.",
    ),
    Definition(
        "comparison",
        "Hoger, vergelijkbaar of lager",
        "method",
        "Gemeente tegenover regio of provincie, regio tegenover provincie.",
        "De referentiewaarde: alle knelpunten van de regio of provincie samen.",
        PERIOD,
        "Zoals bij het vergeleken cijfer.",
        "Hoger als het hele 95%-interval van de gemeente boven de referentie ligt, lager "
        "als het er helemaal onder ligt, anders vergelijkbaar.",
        "Een verschil in percentages zonder interval zegt bij kleine aantallen niets.",
    ),
)


def definitions(
    small_numbers: int | None = None, suppress_below: int | None = None
) -> tuple[Definition, ...]:
    """All definitions with the thresholds filled in (default: the current settings)."""
    values = {
        "small_numbers": settings.small_numbers() if small_numbers is None else small_numbers,
        "suppress_below": settings.suppress_below() if suppress_below is None else suppress_below,
    }
    return tuple(
        replace(d, numerator=d.numerator.format(**values), note=d.note.format(**values))
        for d in _DEFINITIONS
    )


def definition(key: str) -> Definition:
    """The definition of one figure, by column name; _low/_high columns share their figure's."""
    base = key.removesuffix("_low").removesuffix("_high")
    for d in definitions():
        if d.key == base:
            return d
    raise KeyError(f"no definition for {key!r}")


def definitions_frame() -> pd.DataFrame:
    """The definitions as a table, one row per figure, for the quality page and exports."""
    return pd.DataFrame([asdict(d) for d in definitions()])
