"""Every Dutch text of the signals, in one place so English can follow."""

from __future__ import annotations

# The sentence of a signal, per measure; {unit} is a municipality or region, {since} a
# month ("maart 2026"), {history} how long the history is ("de twee jaar").
VOLUME_WORSE = (
    "{unit}: sinds {since} {count} {what} gemeld, tegen {expected} verwacht op grond van "
    "{history} ervoor ({factor} keer zoveel)."
)
VOLUME_BETTER = (
    "{unit}: sinds {since} {count} {what} gemeld, tegen {expected} verwacht op grond van "
    "{history} ervoor ({percent} minder)."
)
WHAT_ALL = "knelpunten"
WHAT_ONE = "knelpunt"
WHAT_CATEGORY = "knelpunten over {category}"
WHAT_CATEGORY_ONE = "knelpunt over {category}"
RESPONSE = (
    "{unit}: van de {cases} knelpunten gemeld sinds {since} kregen er {events} binnen 30 "
    "dagen een eerste reactie (geschat {after}, open knelpunten meegeteld tot nu), tegen "
    "{before} in {history} ervoor."
)
RESOLUTION = (
    "{unit}: van de {cases} knelpunten gemeld sinds {since} zijn er {events} binnen 90 "
    "dagen (deels) opgelost (geschat {after}, open knelpunten meegeteld tot nu), tegen "
    "{before} in {history} ervoor."
)
HISTORY_TWO_YEARS = "de twee jaar"
HISTORY_MONTHS = "de {months} maanden"
REGION = "{name}"
# How the expected number is explained where it is shown (page, digest).
EXPECTED_NOTE = (
    "Verwacht: het eigen niveau van de periode ervoor, meebewegend met hoe het aantal "
    "meldingen in de rest van het netwerk veranderde."
)
