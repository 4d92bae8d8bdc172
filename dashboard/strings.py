"""Every Dutch text the dashboard shows, in one place so English can follow."""

from __future__ import annotations

APP_TITLE = "Omzien – signalen van bewonersinitiatieven"
NAV_OVERVIEW = "Overzicht"

SYNTHETIC_BANNER = (
    "**Demogegevens.** Dit dashboard toont SYNTHETISCHE gegevens: verzonnen initiatieven, "
    "knelpunten en reacties om het product te laten zien. Trek er geen conclusies uit over "
    "echte gemeenten."
)
NO_WAREHOUSE = (
    "Er is nog geen warehouse op `{path}`. Zet exports in `data/raw/` en draai "
    "`omzien etl run` (of `make run` voor de demogegevens)."
)
WAREHOUSE_UNREADABLE = "Het warehouse op `{path}` kan niet worden gelezen ({error})."
LAST_LOAD = (
    "Gegevens tot en met peildatum **{as_of}** (load {load_id}, ingelezen {finished_at}). "
    "{rejected} rij(en) afgekeurd bij het inlezen."
)
METRIC_INITIATIVES = "Initiatieven"
METRIC_OBSTACLES = "Knelpunten"
METRIC_RESPONSES = "Reacties"
METRIC_MUNICIPALITIES = "Gemeenten"
HELP_INITIATIVES = "Geregistreerde bewonersinitiatieven, alle jaren tot de peildatum."
HELP_OBSTACLES = "Gemelde knelpunten met een overheid, alle jaren tot de peildatum."
HELP_RESPONSES = "Reacties van gemeenten (en andere overheden) op die knelpunten."
HELP_MUNICIPALITIES = "Gemeenten in de provincie waarover het warehouse gaat."
LANDING_INTRO = (
    "Waar lopen bewonersinitiatieven vast, en hoe verschillend gaan gemeenten met dezelfde "
    "wettelijke taken met hen om? Het volledige dashboard volgt; hieronder staat wat het "
    "warehouse nu bevat."
)
