"""Every Dutch text the dashboard shows, in one place so English can follow."""

from __future__ import annotations

APP_TITLE = "Omzien – signalen van bewonersinitiatieven"

# Navigation (titles); the URL paths live in dashboard/app.py.
NAV_OVERVIEW = "Overzicht"
NAV_COMPARE = "Gemeenten vergelijken"
NAV_PROFILE = "Gemeenteprofiel"
NAV_AGENDA = "Sociale agenda"
NAV_OBSTACLES = "Knelpunten verkennen"
NAV_QUALITY = "Data en kwaliteit"

SYNTHETIC_BANNER = (
    "**Demogegevens.** Dit dashboard toont SYNTHETISCHE gegevens: verzonnen initiatieven, "
    "knelpunten en reacties om het product te laten zien. Trek er geen conclusies uit over "
    "echte gemeenten."
)
NO_WAREHOUSE = (
    "Er is nog geen warehouse op `{path}`. Zet exports in `data/raw/` en draai "
    "`omzien etl run` (of `make run` voor de demogegevens)."
)
EMPTY_WAREHOUSE = (
    "Het warehouse op `{path}` bevat nog geen load. Draai `omzien etl run` om het te vullen."
)
EMPTY_SELECTION = (
    "Geen knelpunten in deze selectie. Kies een langere periode of haal een filter weg "
    "(links in de zijbalk, of met 'Filters wissen')."
)
LAST_LOAD = (
    "Gegevens tot en met peildatum **{as_of}** (load {load_id}, ingelezen {finished_at}). "
    "{rejected} rij(en) afgekeurd bij het inlezen."
)

# Sidebar filters
FILTERS = "Selectie"
FILTER_PERIOD = "Periode (meldingsdatum)"
FILTER_PERIOD_HELP = "Knelpunten die in deze periode zijn gemeld."
FILTER_REGION = "Regio"
FILTER_MUNICIPALITY = "Gemeente"
FILTER_THEMES = "Thema"
FILTER_CATEGORIES = "Soort knelpunt"
FILTER_PHASE = "Fase van het initiatief"
FILTER_LEVEL = "Niveau van oplossing"
ALL_MUNICIPALITIES = "Alle gemeenten"
WHOLE_PROVINCE = "Hele provincie"
ALL = "Alle"
ALL_THEMES = "Alle thema's"
ALL_CATEGORIES = "Alle soorten"
RESET_FILTERS = "Filters wissen"

# Selection descriptions
PERIOD = "gemeld {start} t/m {end}"
THEMES_PREFIX = "thema "
CATEGORIES_PREFIX = "soort "
PHASE_TEXT = "{phase}e initiatieven"
LEVEL_PREFIX = "op te lossen door "

# Overview page
OVERVIEW_INTRO = (
    "Waar lopen bewonersinitiatieven vast, en hoe gaan gemeenten met dezelfde wettelijke "
    "taken met hen om? Alle cijfers gaan over de selectie in de zijbalk: {selection}."
)
METRIC_INITIATIVES = "Initiatieven"
METRIC_OBSTACLES = "Knelpunten"
METRIC_ANSWERED = "Beantwoord"
METRIC_RESOLVED = "(Deels) opgelost"
METRIC_STALE = "Na 90 dagen nog open"
HELP_INITIATIVES = (
    "Geregistreerde initiatieven in de gekozen gemeenten, fase en thema's, geregistreerd "
    "vóór het einde van de periode."
)
HELP_OBSTACLES = "Knelpunten gemeld in de periode, met een overheid in de gekozen gemeenten."
HELP_ANSWERED = (
    "Knelpunten met minstens één reactie (van welke aard ook) op de peildatum, van alle "
    "knelpunten in de selectie."
)
HELP_RESOLVED = "Knelpunten met een reactie 'opgelost' of 'deels opgelost', van alle knelpunten."
HELP_STALE = (
    "Knelpunten zonder besluit (geen reactie, ontvangen of in behandeling) die op de "
    "peildatum al meer dan 90 dagen geleden zijn gemeld."
)
OF_TOTAL = "{count} van {total}"
FEW_CASES = "weinig gevallen"
TOO_FEW_TO_SHOW = "te weinig gevallen"
DELTA_COUNT = "{delta:+d} t.o.v. vorige periode"
DELTA_POINTS = "{delta:+.0f} procentpunt t.o.v. vorige periode"
TREND_CAPTION = (
    "Aantal gemelde knelpunten per kwartaal en hoeveel daarvan nu (deels) opgelost zijn; "
    "{selection}."
)
TOP_CATEGORIES = "Meest gemelde soorten knelpunten"
TOP_THEMES = "Meest gemelde thema's"
TOP_CAPTION = "Aantal knelpunten per {what}; {selection}."
CHANGE_HEADER = "Wat veranderde ten opzichte van de vorige periode"
NO_PREVIOUS = (
    "De gegevens beginnen bij het begin van deze periode; kies een kortere periode "
    "(zijbalk) om met de even lange periode ervoor te vergelijken."
)
CHANGE_TEXT = (
    "Vergeleken met de even lange periode ervoor ({previous}): {obstacles} knelpunten "
    "(was {obstacles_before}), {resolved} (deels) opgelost (was {resolved_before})."
)
