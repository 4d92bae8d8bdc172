"""The story the demo data tell, as constants: sizes, mixes and each municipality's behaviour."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from signals.simulate import CATEGORY_MIX

# The network's registrations start here; nothing in the demo is dated earlier.
PERIOD_START = date(2021, 1, 1)

# Rows at scale 1.0 (broken rows come on top of these).
BASE_INITIATIVES = 600
BASE_OBSTACLES = 2_500
# Rows in the incremental response export at scale 1.0.
BASE_UPDATE_SUPERSEDES = 20
BASE_UPDATE_NEW = 6

# Share of initiatives registered in the network's launch wave, within its first days.
LAUNCH_SHARE = 0.2
LAUNCH_DAYS = 120
# Share of initiatives that consent to be shown in public views (zichtbaar = ja).
CONSENT_SHARE = 0.85
# Every municipality gets at least this many initiatives, however small.
MIN_INITIATIVES = 2
# Obstacle activity relative to the initiative count. Two small municipalities report
# little so the dashboard's small-numbers flag (< 10 obstacles) has real cases.
ACTIVITY = {"GM0339": 0.5, "GM0317": 0.45}
# Share of obstacles reported by the network itself, without an initiative.
SHARE_WITHOUT_INITIATIVE = 0.04

# Founded less than this many full years before the as-of day = startend (contract rule).
STARTING_YEARS = 3


@dataclass(frozen=True)
class ResponseProfile:
    """How a municipality answers obstacles; delays are lognormal medians in days."""

    answer_share: float  # obstacles that get any response at all
    first_median: float  # days from report to the first response
    first_sigma: float
    step_median: float  # days between later responses
    ack_share: float  # chains that start with an 'ontvangen' receipt
    resolve_share: float  # chains that end opgelost/deels_opgelost (before phase/level effects)
    reject_share: float
    refer_share: float


RESPONSE_PROFILES: dict[str, ResponseProfile] = {
    "snel": ResponseProfile(0.97, 3, 0.6, 10, 0.85, 0.70, 0.08, 0.08),
    "gemiddeld": ResponseProfile(0.88, 20, 0.7, 25, 0.6, 0.48, 0.15, 0.13),
    "traag": ResponseProfile(0.80, 75, 0.45, 45, 0.5, 0.36, 0.20, 0.14),
    "zelden": ResponseProfile(0.22, 45, 0.8, 40, 0.3, 0.20, 0.25, 0.15),
}

# Behaviour per municipality (CBS code). Invented for the demo, not a judgement on the
# real municipality: three quick and helpful, three slow, one that rarely answers.
# Municipalities not listed (e.g. at national scale) are "gemiddeld".
PROFILES: dict[str, str] = {
    "GM0307": "traag",  # Amersfoort
    "GM0308": "gemiddeld",  # Baarn
    "GM0310": "gemiddeld",  # De Bilt
    "GM0312": "snel",  # Bunnik
    "GM0313": "gemiddeld",  # Bunschoten
    "GM0317": "gemiddeld",  # Eemnes
    "GM0321": "snel",  # Houten
    "GM0327": "gemiddeld",  # Leusden
    "GM0331": "gemiddeld",  # Lopik
    "GM0335": "gemiddeld",  # Montfoort
    "GM0339": "gemiddeld",  # Renswoude
    "GM0340": "traag",  # Rhenen
    "GM0342": "gemiddeld",  # Soest
    "GM0344": "gemiddeld",  # Utrecht
    "GM0345": "gemiddeld",  # Veenendaal
    "GM0351": "gemiddeld",  # Woudenberg
    "GM0352": "gemiddeld",  # Wijk bij Duurstede
    "GM0353": "gemiddeld",  # IJsselstein
    "GM0355": "snel",  # Zeist
    "GM0356": "gemiddeld",  # Nieuwegein
    "GM0589": "gemiddeld",  # Oudewater
    "GM0632": "gemiddeld",  # Woerden
    "GM0736": "gemiddeld",  # De Ronde Venen
    "GM1581": "gemiddeld",  # Utrechtse Heuvelrug
    "GM1904": "traag",  # Stichtse Vecht
    "GM1961": "zelden",  # Vijfheerenlanden
}
DEFAULT_PROFILE = "gemiddeld"

# Theme mix of initiatives (weights, normalised where used).
THEME_WEIGHTS: dict[str, float] = {
    "zorg_welzijn": 0.24,
    "ontmoeting": 0.21,
    "energie": 0.13,
    "wonen": 0.10,
    "mobiliteit": 0.08,
    "voorzieningen": 0.08,
    "leefomgeving": 0.07,
    "economie_werk": 0.03,
    "jeugd_onderwijs": 0.025,
    "cultuur_sport": 0.025,
    "overig": 0.01,
}
# Share of initiatives with 1, 2 or 3 themes.
THEME_COUNT_WEIGHTS = (0.5, 0.35, 0.15)
# Share of obstacles whose theme is one of the initiative's own themes.
OWN_THEME_SHARE = 0.88

# The mix of categories a network reports: one definition, shared with the simulated
# networks the signals are measured on.
CATEGORY_WEIGHTS: dict[str, float] = dict(CATEGORY_MIX)
# Starting initiatives struggle with money, rules and information; experienced ones
# with procurement, policy and housing. Multiplies CATEGORY_WEIGHTS per phase.
PHASE_CATEGORY_FACTORS: dict[str, dict[str, float]] = {
    "startend": {
        "financiering": 1.5,
        "regelgeving": 1.35,
        "informatie": 1.6,
        "inkoop": 0.4,
        "beleid": 0.55,
        "huisvesting": 0.7,
    },
    "ervaren": {
        "financiering": 0.85,
        "regelgeving": 0.9,
        "informatie": 0.7,
        "inkoop": 1.5,
        "beleid": 1.35,
        "huisvesting": 1.25,
    },
}
# Starting initiatives see fewer obstacles resolved.
STARTING_RESOLVE_FACTOR = 0.7

SEVERITY_WEIGHTS = {"1": 0.3, "2": 0.45, "3": 0.25}
LEVEL_WEIGHTS = {"gemeente": 0.78, "regio": 0.10, "provincie": 0.05, "rijk": 0.07}
# Procurement and regulation are more often a national matter.
LEVEL_WEIGHTS_NATIONAL_CATEGORIES = {
    "gemeente": 0.55,
    "regio": 0.12,
    "provincie": 0.08,
    "rijk": 0.25,
}
NATIONAL_CATEGORIES = ("inkoop", "regelgeving")
# A municipality resolves less of what must be solved elsewhere, and refers it more.
HIGHER_LEVEL_RESOLVE_FACTOR = 0.6
HIGHER_LEVEL_REFER_FACTOR = 2.0

LEGAL_FORM_WEIGHTS = {
    "stichting": 0.35,
    "vereniging": 0.15,
    "cooperatie": 0.2,
    "informeel": 0.25,
    "anders": 0.05,
}


@dataclass(frozen=True)
class SubsidyTap:
    """From the first of the month `months_before` months before the as-of day, the
    municipality's obstacles of `category` come `factor` times as often."""

    cbs_code: str
    category: str
    months_before: int
    factor: float


@dataclass(frozen=True)
class StopsAnswering:
    """From the first of the month `months_before` months before the as-of day, the
    municipality sends no response at all."""

    cbs_code: str
    months_before: int


# The changes the signals must find (/signalen, the digest). Invented for the demo, not a
# judgement on the real municipalities: Amersfoort turns the subsidy tap off, so financing
# obstacles pile up; Nieuwegein stops answering.
SUBSIDY_TAP = SubsidyTap("GM0307", "financiering", months_before=5, factor=4.0)
STOPS_ANSWERING = StopsAnswering("GM0356", months_before=6)

# Share of free-text cells that carry personal data the ETL must redact.
PII_SHARE = 0.05
