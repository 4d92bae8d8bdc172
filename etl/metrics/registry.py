"""Every figure defined once: key, Dutch label and definition, counts, interval, direction.

The marts (marts.municipality_scorecard), the dashboard, the exports and the definitions on
/kwaliteit all read this registry, so a label or a definition exists in one place. Each
metric says what is counted (numerator), over what (denominator), over which period, how
open obstacles count (censoring) and how its interval is computed, in Dutch for the reader,
plus what the code needs: the count columns of the marts it is computed from (`counts`),
the event of a Kaplan-Meier figure with its horizon, and whether higher is better.
Metrics of kind "method" describe a rule rather than a figure. Thresholds come from
etl.settings and are filled in by `metrics()`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from functools import lru_cache

import pandas as pd

from etl import settings

COUNT, SHARE, RATE, KM_SHARE, KM_MEDIAN, FLAG, METHOD = (
    "count",
    "share",
    "rate",
    "km_share",
    "km_median",
    "flag",
    "method",
)
KINDS = (COUNT, SHARE, RATE, KM_SHARE, KM_MEDIAN, FLAG, METHOD)
HIGHER_IS_BETTER, LOWER_IS_BETTER = "higher", "lower"
# Kaplan-Meier events: a duration runs from the report to the first response (of any
# outcome) or to the first opgelost / deels_opgelost response.
FIRST_RESPONSE, RESOLUTION = "first_response", "resolution"
EVENTS = (FIRST_RESPONSE, RESOLUTION)
# Interval methods, by name (the Dutch description is in `interval`).
WILSON_METHOD, GARWOOD_METHOD, KM_METHOD, MEDIAN_METHOD = (
    "wilson",
    "garwood",
    "km_log_log",
    "brookmeyer_crowley",
)

PERIOD = "Alle knelpunten gemeld in de gekozen periode (standaard: tot en met de peildatum)."
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
MEDIAN_BAND = (
    "95%-interval volgens Brookmeyer en Crowley: de dagen waarop het interval van de "
    "Kaplan-Meier-curve de 50% snijdt. Een lege bovengrens betekent: mogelijk langer dan "
    "tot nu toe gezien."
)
ALL_OBSTACLES = "Alle knelpunten bij de gemeente (of in de regio of provincie)."
NO_INTERVAL = "Geen."


@dataclass(frozen=True)
class Metric:
    """One figure (or rule): what it counts and how it is computed, shown and judged."""

    key: str
    label: str
    kind: str
    numerator: str
    denominator: str
    period: str
    censoring: str
    interval: str
    note: str = ""
    # (successes, trials) columns of the count marts: a share is successes / trials, a rate
    # successes per 10,000 of trials (the population).
    counts: tuple[str, str] | None = None
    event: str | None = None  # Kaplan-Meier figures: FIRST_RESPONSE or RESOLUTION
    horizon: int | None = None  # days, for a Kaplan-Meier share
    better: str | None = None  # HIGHER_IS_BETTER, LOWER_IS_BETTER or None (neither)
    method: str | None = None  # interval method, by name
    comparable: bool = False  # offered as a measure to compare municipalities on

    @property
    def is_share(self) -> bool:
        """Shown as a percentage, and hidden below the suppression threshold in public."""
        return self.kind in (SHARE, KM_SHARE)

    @property
    def funnel(self) -> bool:
        """A funnel plot needs a binomial share of obstacles."""
        return self.kind == SHARE

    @property
    def cases(self) -> str:
        """The count the small-numbers rule is applied to for this figure."""
        return "initiatives" if self.counts and self.counts[0] == "initiatives" else "obstacles"


_METRICS: tuple[Metric, ...] = (
    Metric(
        "population",
        "Inwoners",
        COUNT,
        "Aantal inwoners volgens CBS (Kerncijfers wijken en buurten).",
        NO_CENSORING,
        "1 januari van het peiljaar (kolom population_year van core.municipalities).",
        NO_CENSORING,
        NO_INTERVAL,
    ),
    Metric(
        "initiatives",
        "Initiatieven",
        COUNT,
        "Aantal geregistreerde bewonersinitiatieven dat in de gemeente werkt.",
        NO_CENSORING,
        "Alle registraties tot en met het einde van de periode.",
        NO_CENSORING,
        NO_INTERVAL,
    ),
    Metric(
        "initiatives_per_10k",
        "Initiatieven per 10.000 inwoners",
        RATE,
        "Aantal geregistreerde initiatieven in de gemeente.",
        "Inwoners, gedeeld door 10.000.",
        "Alle registraties tot en met het einde van de periode.",
        NO_CENSORING,
        GARWOOD,
        counts=("initiatives", "population"),
        method=GARWOOD_METHOD,
        comparable=True,
    ),
    Metric(
        "obstacles",
        "Knelpunten",
        COUNT,
        "Aantal knelpunten bij de gemeente.",
        NO_CENSORING,
        PERIOD,
        NO_CENSORING,
        NO_INTERVAL,
    ),
    Metric(
        "obstacles_per_10k",
        "Knelpunten per 10.000 inwoners",
        RATE,
        "Aantal knelpunten bij de gemeente.",
        "Inwoners, gedeeld door 10.000.",
        PERIOD,
        NO_CENSORING,
        GARWOOD,
        "Meer knelpunten kan ook betekenen: meer actieve initiatieven die melden.",
        counts=("obstacles", "population"),
        method=GARWOOD_METHOD,
        comparable=True,
    ),
    Metric(
        "obstacles_open",
        "Open knelpunten",
        COUNT,
        "Knelpunten zonder enige reactie van de gemeente (status open).",
        NO_CENSORING,
        "Op de peildatum.",
        NO_CENSORING,
        NO_INTERVAL,
    ),
    Metric(
        "obstacles_answered",
        "Beantwoorde knelpunten",
        COUNT,
        "Knelpunten met minstens één reactie, van welke uitkomst ook.",
        NO_CENSORING,
        "Op de peildatum.",
        NO_CENSORING,
        NO_INTERVAL,
    ),
    Metric(
        "obstacles_resolved",
        "Opgeloste knelpunten",
        COUNT,
        "Knelpunten met een reactie 'opgelost' of 'deels opgelost'.",
        NO_CENSORING,
        "Op de peildatum.",
        NO_CENSORING,
        NO_INTERVAL,
    ),
    Metric(
        "obstacles_refused",
        "Afgewezen knelpunten",
        COUNT,
        "Knelpunten waarvan de laatste reactie 'afgewezen' is.",
        NO_CENSORING,
        "Op de peildatum.",
        NO_CENSORING,
        NO_INTERVAL,
    ),
    Metric(
        "obstacles_stale",
        "Na 90 dagen nog open",
        COUNT,
        "Knelpunten zonder besluit (geen reactie, ontvangen of in behandeling) die op de "
        "peildatum al meer dan 90 dagen geleden zijn gemeld.",
        NO_CENSORING,
        "Op de peildatum.",
        NO_CENSORING,
        NO_INTERVAL,
    ),
    Metric(
        "resolved_share",
        "Aandeel (deels) opgelost",
        SHARE,
        "Knelpunten met een reactie 'opgelost' of 'deels opgelost'.",
        "Alle knelpunten bij de gemeente, ook de open en afgewezen knelpunten.",
        "Op de peildatum.",
        "Niet gecorrigeerd voor looptijd: open knelpunten tellen als niet opgelost. Voor "
        "ontwikkeling in de tijd: opgelost binnen 90 dagen.",
        WILSON,
        counts=("resolved", "obstacles"),
        better=HIGHER_IS_BETTER,
        method=WILSON_METHOD,
        comparable=True,
    ),
    Metric(
        "answered_share",
        "Aandeel beantwoord",
        SHARE,
        "Knelpunten met minstens één reactie.",
        ALL_OBSTACLES,
        "Op de peildatum.",
        "Niet gecorrigeerd voor looptijd: recente knelpunten hebben minder tijd gehad. "
        "Gebruik voor snelheid de Kaplan-Meier-cijfers.",
        WILSON,
        counts=("answered", "obstacles"),
        better=HIGHER_IS_BETTER,
        method=WILSON_METHOD,
        comparable=True,
    ),
    Metric(
        "refused_share",
        "Aandeel afgewezen",
        SHARE,
        "Knelpunten waarvan de laatste reactie 'afgewezen' is.",
        ALL_OBSTACLES,
        "Op de peildatum.",
        "Niet gecorrigeerd voor looptijd.",
        WILSON,
        counts=("refused", "obstacles"),
        better=LOWER_IS_BETTER,
        method=WILSON_METHOD,
        comparable=True,
    ),
    Metric(
        "first_response_within_30d",
        "Eerste reactie binnen 30 dagen",
        KM_SHARE,
        "Knelpunten met een eerste reactie (van welke uitkomst ook) binnen 30 dagen na de "
        "melding, de meldingsdag telt als dag 0.",
        ALL_OBSTACLES,
        PERIOD,
        OPEN_CENSORED,
        KM_BAND,
        "Leeg als geen enkel knelpunt al 30 dagen gevolgd kon worden.",
        event=FIRST_RESPONSE,
        horizon=30,
        better=HIGHER_IS_BETTER,
        method=KM_METHOD,
        comparable=True,
    ),
    Metric(
        "first_response_within_90d",
        "Eerste reactie binnen 90 dagen",
        KM_SHARE,
        "Knelpunten met een eerste reactie binnen 90 dagen na de melding.",
        ALL_OBSTACLES,
        PERIOD,
        OPEN_CENSORED,
        KM_BAND,
        "Leeg als geen enkel knelpunt al 90 dagen gevolgd kon worden.",
        event=FIRST_RESPONSE,
        horizon=90,
        better=HIGHER_IS_BETTER,
        method=KM_METHOD,
        comparable=True,
    ),
    Metric(
        "median_days_to_first_response",
        "Mediane dagen tot eerste reactie",
        KM_MEDIAN,
        "Aantal dagen waarna de helft van de knelpunten een eerste reactie had "
        "(Kaplan-Meier-mediaan: de eerste dag waarop de geschatte kans op nog geen "
        "reactie 50% of minder is).",
        ALL_OBSTACLES,
        PERIOD,
        OPEN_CENSORED,
        MEDIAN_BAND,
        "Leeg als minder dan de helft van de knelpunten (geschat) een reactie had; "
        "nooit een gemiddelde over alleen de beantwoorde knelpunten.",
        event=FIRST_RESPONSE,
        better=LOWER_IS_BETTER,
        method=MEDIAN_METHOD,
        comparable=True,
    ),
    Metric(
        "resolved_within_90d",
        "Opgelost binnen 90 dagen",
        KM_SHARE,
        "Knelpunten die binnen 90 dagen na de melding (deels) opgelost waren.",
        ALL_OBSTACLES,
        PERIOD,
        UNRESOLVED_CENSORED,
        KM_BAND,
        event=RESOLUTION,
        horizon=90,
        better=HIGHER_IS_BETTER,
        method=KM_METHOD,
        comparable=True,
    ),
    Metric(
        "median_days_to_resolution",
        "Mediane dagen tot oplossing",
        KM_MEDIAN,
        "Aantal dagen waarna de helft van de knelpunten (deels) opgelost was "
        "(Kaplan-Meier-mediaan).",
        ALL_OBSTACLES,
        PERIOD,
        UNRESOLVED_CENSORED,
        MEDIAN_BAND,
        "Leeg als minder dan de helft (geschat) opgelost werd.",
        event=RESOLUTION,
        better=LOWER_IS_BETTER,
        method=MEDIAN_METHOD,
    ),
    Metric(
        "resolved_in_90d_cohort",
        "Binnen 90 dagen (deels) opgelost, per kwartaal",
        SHARE,
        "Knelpunten die binnen 90 dagen na de melding (deels) opgelost waren.",
        "Knelpunten van het kwartaal die al minstens 90 dagen gevolgd konden worden "
        "(gemeld 90 dagen of langer voor de peildatum); jongere knelpunten tellen niet mee.",
        "Per kwartaal van melding.",
        "Geen: elk meegeteld knelpunt had de volle 90 dagen. Zo daalt het cijfer niet alleen "
        "omdat recente knelpunten minder tijd kregen.",
        WILSON,
        "Een kwartaal zonder knelpunten van 90 dagen of ouder heeft geen waarde.",
        counts=("resolved_in_90d", "followed_90d"),
        better=HIGHER_IS_BETTER,
        method=WILSON_METHOD,
    ),
    Metric(
        "small_numbers",
        "Weinig knelpunten",
        FLAG,
        "Waar als de gemeente minder dan {small_numbers} knelpunten heeft.",
        NO_CENSORING,
        PERIOD,
        NO_CENSORING,
        NO_INTERVAL,
        "Zulke cijfers worden gemarkeerd als gebaseerd op weinig knelpunten en tellen niet "
        "mee in ranglijsten.",
    ),
    Metric(
        "suppression",
        "Niet als percentage getoond",
        METHOD,
        "Bij minder dan {suppress_below} knelpunten tonen het dashboard en de exports voor "
        "het publiek geen percentages, alleen aantallen.",
        NO_CENSORING,
        PERIOD,
        NO_CENSORING,
        NO_INTERVAL,
        "Twee van de twee is geen 100%: het interval loopt dan van 34% tot 100%.",
    ),
    Metric(
        "funnel",
        "Trechterdiagram",
        METHOD,
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
    Metric(
        "signals",
        "Signalen",
        METHOD,
        "Per gemeente en per regio: de laatste 3, 6 of 12 maanden tegenover de 24 maanden "
        "daarvoor, op drie cijfers: het aantal knelpunten (ook per soort), de eerste reactie "
        "binnen 30 dagen en (deels) opgelost binnen 90 dagen.",
        "De eigen geschiedenis van de gemeente of regio. Het verwachte aantal knelpunten "
        "beweegt mee met hoe het aantal meldingen in de rest van het netwerk veranderde, "
        "zodat groei van het netwerk geen signaal is; een gemeente die zelf sterk "
        "veranderde telt daarbij niet mee.",
        "Na elke load; de lopende maand telt mee met de dagen die ze heeft.",
        "Recente knelpunten worden alleen beoordeeld over de tijd die ze al hadden (Kaplan-"
        "Meier, log-rank-toets): een knelpunt van twee weken oud telt niet als 'niet "
        "beantwoord binnen 30 dagen'.",
        "Een signaal is een verschil dat geen toeval is: alle toetsen van een load samen "
        "houden het aandeel vals alarm onder 5% (Benjamini-Hochberg). Maanden die meer "
        "schommelen dan toeval (overdispersie) maken de toets strenger. Nooit op minder "
        "dan {small_numbers} knelpunten.",
        "Als er nergens iets verandert, heeft hoogstens 1 op de 20 loads een signaal. Een "
        "halvering van het aandeel opgelost wordt pas na maanden zichtbaar: eerst moeten "
        "knelpunten 90 dagen de tijd krijgen (docs/signals.md).",
    ),
    Metric(
        "comparison",
        "Hoger, vergelijkbaar of lager",
        METHOD,
        "Gemeente tegenover regio of provincie, regio tegenover provincie.",
        "De referentiewaarde: alle knelpunten van de regio of provincie samen.",
        PERIOD,
        "Zoals bij het vergeleken cijfer.",
        "Hoger als het hele 95%-interval van de gemeente boven de referentie ligt, lager "
        "als het er helemaal onder ligt, anders vergelijkbaar.",
        "Een verschil in percentages zonder interval zegt bij kleine aantallen niets.",
    ),
)


def metrics(
    small_numbers: int | None = None, suppress_below: int | None = None
) -> tuple[Metric, ...]:
    """Every metric with the thresholds filled in (default: the current settings)."""
    return tuple(
        _filled(
            settings.small_numbers() if small_numbers is None else small_numbers,
            settings.suppress_below() if suppress_below is None else suppress_below,
        ).values()
    )


def metric(key: str) -> Metric:
    """One metric by key; a mart column's _low/_high share their figure's metric."""
    base = key.removesuffix("_low").removesuffix("_high")
    found = _filled(settings.small_numbers(), settings.suppress_below()).get(base)
    if found is None:
        raise KeyError(f"no metric {key!r}")
    return found


# A page asks for metrics hundreds of times; the thresholds change only with the settings
# (frozen dataclasses, so every caller may share them).
@lru_cache(maxsize=8)
def _filled(small_numbers: int, suppress_below: int) -> dict[str, Metric]:
    values = {"small_numbers": small_numbers, "suppress_below": suppress_below}
    return {
        m.key: replace(
            m,
            numerator=m.numerator.format(**values),
            interval=m.interval.format(**values),
            note=m.note.format(**values),
        )
        for m in _METRICS
    }


def comparable() -> tuple[Metric, ...]:
    """The measures municipalities can be compared on (compare page, map, exports)."""
    return tuple(m for m in metrics() if m.comparable)


def statistics() -> tuple[Metric, ...]:
    """Figures with a 95% interval: each is a column with _low and _high in the scorecard."""
    return tuple(m for m in metrics() if m.method is not None and m.key in SCORECARD_KEYS)


def definitions_frame() -> pd.DataFrame:
    """Every metric as a table, one row per figure or rule, for /kwaliteit and the exports."""
    columns = [
        "key",
        "label",
        "kind",
        "numerator",
        "denominator",
        "period",
        "censoring",
        "interval",
        "note",
    ]
    return pd.DataFrame([asdict(m) for m in metrics()])[columns]


# The figures of marts.municipality_scorecard, in column order (each with _low and _high).
SCORECARD_KEYS: tuple[str, ...] = (
    "initiatives_per_10k",
    "obstacles_per_10k",
    "first_response_within_30d",
    "first_response_within_90d",
    "median_days_to_first_response",
    "answered_share",
    "resolved_share",
    "resolved_within_90d",
    "median_days_to_resolution",
    "refused_share",
)
