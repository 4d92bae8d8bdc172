"""Every Dutch text of the exports and the presentation mode, in one place."""

from __future__ import annotations

# --- labels on every page / slide ---------------------------------------------------

SYNTHETIC_NOTE = (
    "SYNTHETISCHE DEMOGEGEVENS: verzonnen initiatieven, knelpunten en reacties. Trek er geen "
    "conclusies uit over echte gemeenten."
)
INTERN = "INTERN"
INTERN_NOTE = (
    "INTERN: bevat (geanonimiseerde) omschrijvingen van knelpunten; alleen voor de "
    "werkgroep, niet doorsturen."
)
PAGE = "pagina {page}"
NO_LOAD = "Het warehouse bevat nog geen load; draai eerst 'omzien etl run'."

# Provenance block (label, value) at the start and end of every export.
PROV_AS_OF = "Peildatum"
PROV_LOAD = "Load"
PROV_PERIOD = "Periode"
PROV_SELECTION = "Selectie"
PROV_SOURCE = "Bron"
PROV_MADE = "Gemaakt op"
PROV_RULE = "Kleine aantallen"
PROV_RULE_TEXT = (
    "Bij minder dan {suppress_below} knelpunten geen percentage; bij minder dan "
    "{small_numbers} knelpunten gemarkeerd als 'weinig gevallen' en niet gerangschikt."
)
PROV_HEADER = "Waar deze cijfers vandaan komen"

# --- shared words ---------------------------------------------------------------------

FEW_CASES = "weinig gevallen"
TOO_FEW = "te weinig gevallen"
NO_VALUE = "–"
DEFINITIONS = "Definities"
DEFINITIONS_TEXT = "Wat de cijfers in dit document betekenen (één keer gedefinieerd in Omzien)."
COL_TERM = "Cijfer"
COL_DEFINITION = "Definitie"
DEF_LINE = "{numerator} Noemer: {denominator} Periode: {period} Interval: {interval}"
DEF_NOTE = " Let op: {note}"
CHART_DATA = "Cijfers bij de figuur"
COMPARE_FOCUS = (
    "Van de {count} gemeenten de {ends} die het zekerst het best en de {ends} die het "
    "zekerst het slechtst scoren (grens van het 95%-interval); alle gemeenten in de tabel."
)
COMPARE_WITH_CASES = (
    "Van de {count} gemeenten hebben er {shown} knelpunten in deze selectie; alleen die staan "
    "in de grafiek, alle gemeenten in de tabel."
)
FOOTNOTE_FEW = "* weinig gevallen (minder dan {small_numbers} knelpunten): niet gerangschikt."
COUNTED = "aantal knelpunten"
SERIES_REPORTED = "Gemeld"
SERIES_RESOLVED = "Waarvan (deels) opgelost"
SERIES_OBSTACLES = "Knelpunten"
SERIES_MUNICIPALITIES = "Gemeenten"

# --- municipality fact sheet (omzien export gemeente) ---------------------------------

FACT_TITLE = "Feitenblad {name}"
FACT_SUBTITLE = "Knelpunten van bewonersinitiatieven en de reacties van de gemeente"
FACT_INTRO = (
    "{name} ({population} inwoners, {regions}) tegenover haar regio's en de provincie. "
    "'Hoger' of 'lager' alleen als het hele 95%-interval van de gemeente boven of onder de "
    "referentie ligt."
)
FACT_NO_REGION = "geen regio"
FACT_FEW = (
    "{name} heeft in deze selectie {count} knelpunt(en): de cijfers zijn gebaseerd op weinig "
    "gevallen en staan in geen ranglijst."
)
FACT_SUPPRESSED = (
    "Met minder dan {suppress_below} knelpunten toont dit feitenblad geen percentages, "
    "alleen aantallen."
)
FACT_NONE = "{name} heeft geen knelpunten in deze selectie."
FACT_KEY = "Kerncijfers"
FACT_KEY_TEXT = (
    "Tussen haakjes het 95%-interval. 'T.o.v.': hoger, vergelijkbaar of lager dan de waarde "
    "van de provincie of regio."
)
PROVINCE = "provincie"
FACT_TILE_OBSTACLES = "knelpunten gemeld"
FACT_TILE_INITIATIVES = "initiatieven"
FACT_TILE_ANSWERED = "beantwoord"
FACT_TILE_RESOLVED = "(deels) opgelost"
FACT_TILE_OF = "{count} van {total}"
FACT_CATEGORIES = "Soorten knelpunten"
FACT_CATEGORIES_TEXT = "Aantal knelpunten per soort en hoeveel daarvan nu (deels) opgelost zijn."
FACT_THEMES = "Thema's"
FACT_THEMES_TEXT = "Aantal knelpunten per thema en hoeveel daarvan nu (deels) opgelost zijn."
FACT_RESPONSE = "Reactietijd"
FACT_RESPONSE_TEXT = (
    "Hoe snel komt een eerste reactie? Kaplan-Meier: knelpunten zonder reactie tellen mee "
    "tot de peildatum."
)
FACT_RESPONSE_SUPPRESSED = (
    "{name} heeft te weinig knelpunten voor een reactiecurve; de figuur toont alleen de provincie."
)
FACT_KM_TITLE = "Aandeel knelpunten met een eerste reactie"
FACT_STATUS = "Waar de knelpunten nu staan"
FACT_STATUS_TEXT = "Uitkomst van de laatste reactie per knelpunt op de peildatum."
FACT_TREND = "Verloop"
FACT_TREND_TEXT = (
    "Gemelde knelpunten per kwartaal, en hoeveel daarvan binnen 90 dagen (deels) werden "
    "opgelost; dat laatste alleen over knelpunten die al 90 dagen gevolgd konden worden, "
    "zodat recente kwartalen niet lager lijken omdat ze minder tijd kregen. '(lopend)': een "
    "kwartaal dat de periode niet helemaal dekt."
)
SERIES_RESOLVED_90D = "Binnen 90 dagen (deels) opgelost"
FACT_AGENDA = "Gedeelde agendapunten"
FACT_AGENDA_TEXT = (
    "Soorten knelpunten die {name} deelt met andere gemeenten in de provincie: hetzelfde "
    "probleem, op meer plaatsen."
)
FACT_AGENDA_NONE = "{name} deelt in deze selectie geen agendapunt met andere gemeenten."
FACT_COL_HERE = "Knelpunten hier"
FACT_COL_ELSEWHERE = "Gemeenten in provincie"
FACT_COL_PROVINCE = "Knelpunten provincie"
FACT_DESCRIPTIONS = "Omschrijvingen (intern)"
FACT_DESCRIPTIONS_TEXT = (
    "De omschrijvingen van de knelpunten, zoals gemeld (persoonsgegevens verwijderd). Alleen "
    "voor de werkgroep."
)

# --- social agenda brief (omzien export agenda) ---------------------------------------

AGENDA_TITLE = "Sociale agenda"
AGENDA_SUBTITLE = "Knelpunten die in meerdere gemeenten terugkomen, en wie ze moet oplossen"
AGENDA_SUMMARY = (
    "{recurring} terugkerende agendapunten, samen {obstacles} van de {total} knelpunten in de "
    "selectie. Een agendapunt is een soort knelpunt binnen een thema; het telt als "
    "terugkerend bij minstens {minimum} gemeenten."
)
AGENDA_NONE = "In deze selectie komt geen knelpunt in meer dan één gemeente voor."
AGENDA_EMPTY = "Geen knelpunten in deze selectie."
AGENDA_TOP = "Top van de agenda"
AGENDA_TOP_TEXT = "De agendapunten die in de meeste gemeenten voorkomen."
AGENDA_LEVELS = "Wie moet het oplossen"
AGENDA_LEVELS_TEXT = (
    "Knelpunten per agendapunt naar het niveau waar ze volgens de melders moeten worden opgelost."
)
AGENDA_TABLE = "De agenda"
AGENDA_TABLE_TEXT = (
    "Gerangschikt op aantal gemeenten, dan initiatieven, dan onopgelost. Percentages "
    "ontbreken bij minder dan {suppress_below} knelpunten; agendapunten met minder dan "
    "{small_numbers} knelpunten krijgen geen rang."
)
AGENDA_COL_NOTE = "Let op"
AGENDA_EXAMPLES = "Voorbeelden (intern)"
AGENDA_EXAMPLES_TEXT = (
    "Enkele omschrijvingen per agendapunt, zoals gemeld (persoonsgegevens verwijderd). "
    "Alleen voor de werkgroep."
)

# --- regional comparison (omzien export vergelijking) ---------------------------------

COMPARE_TITLE = "Vergelijking {region}"
COMPARE_SUBTITLE = "Hoe de gemeenten van {region} omgaan met knelpunten van bewonersinitiatieven"
COMPARE_INTRO = (
    "De {count} gemeenten van {region} naast elkaar en tegenover de provincie. Een verschil "
    "telt pas als het hele 95%-interval boven of onder de referentie ligt."
)
COMPARE_REGION = "{region} en de provincie"
COMPARE_COL_REGION = "{region}"
COMPARE_COL_PROVINCE = "Provincie"
COMPARE_COL_VERDICT = "Regio t.o.v. provincie"
COMPARE_MEASURE_TEXT = (
    "Per gemeente met 95%-interval. De grafiek rangschikt alleen gemeenten met minstens "
    "{small_numbers} knelpunten; gemeenten met minder staan erachter met een *, en onder "
    "{suppress_below} knelpunten zonder percentage."
)
COMPARE_COL_CASES = "Gevallen"
COMPARE_COL_VALUE = "Waarde (95%-interval)"
COMPARE_COL_VERDICT_PROVINCE = "T.o.v. provincie"
COMPARE_COL_RANK = "Rang"
COMPARE_FUNNEL = "Trechterdiagram: {measure}"
COMPARE_FUNNEL_TEXT = (
    "Elke stip is een gemeente: het aandeel tegen het aantal knelpunten. Binnen de "
    "stippellijnen ligt wat door toeval te verwachten is (95% en 99,8%)."
)
COMPARE_MAP = "Kaart: {measure}"
COMPARE_MAP_TEXT = "De gemeenten van {region}; grijs gearceerd: weinig gevallen."
COMPARE_EMPTY = "Geen knelpunten in {region} in deze selectie."

# --- who solved it (omzien export oplossingen) -----------------------------------------

SOLUTIONS_TITLE = "Wie loste het op?"
SOLUTIONS_SUBTITLE = "{category} · {theme}: waar dit soort knelpunt wordt opgelost, en hoe"
SOLUTIONS_SUMMARY = (
    "In deze selectie zijn {resolved} van de {obstacles} knelpunten van deze soort (deels) "
    "opgelost{share}. Ter vergelijking, {province}: {province_share} (deels) opgelost, "
    "{within} binnen 90 dagen; mediane tijd tot oplossing: {median}."
)
SOLUTIONS_SHARE = " ({share})"
SOLUTIONS_EMPTY = "Geen knelpunten van deze soort in deze selectie."
SOLUTIONS_PER_MUNICIPALITY = "Per gemeente"
SOLUTIONS_PER_MUNICIPALITY_TEXT = (
    "Hoe vaak en hoe snel elke gemeente dit soort knelpunt oplost, met 95%-interval; "
    "dezelfde cijfers als het dashboard (Gemeenten vergelijken). Geen percentage bij minder "
    "dan {suppress_below} knelpunten; bij minder dan {small_numbers} 'weinig gevallen' en "
    "geen rang. Rang op aandeel (deels) opgelost."
)
SOLUTIONS_CASES = "Hoe het werd opgelost (intern)"
SOLUTIONS_CASES_TEXT = (
    "De opgeloste knelpunten van deze soort, nieuwste eerst, met de toelichting van de "
    "gemeente bij de reactie waarmee het (deels) werd opgelost (persoonsgegevens "
    "verwijderd). Alleen voor de werkgroep."
)
SOLUTIONS_CASES_PUBLIC = (
    "De toelichtingen van de gemeenten (hoe het werd opgelost) staan alleen in de interne "
    "versie (omzien export oplossingen --intern)."
)

# --- the directory (omzien export kennisbank) ------------------------------------------

KB_TITLE = "Kennisbank"
KB_SUBTITLE = "Bewonersinitiatieven in het netwerk: wie doet wat, en waar"
KB_TEXT_PUBLIC = (
    "{count} initiatieven die toestemming gaven om in openbare overzichten te staan. "
    "Contact loopt via het netwerk: {contact}."
)
KB_TEXT_INTERN = (
    "Alle {count} initiatieven, ook die zonder toestemming om openbaar getoond te worden "
    "(kolom 'Publiek zichtbaar'): alleen voor het netwerk. Contact loopt via het netwerk: "
    "{contact}."
)
KB_SECTION = "Initiatieven"
KB_EMPTY = "Geen initiatieven in deze selectie."
XLSX_TITLE = "Titel"
XLSX_MARK = "Let op"

# --- CLI -------------------------------------------------------------------------------


# --- images (kaleido) -----------------------------------------------------------------

NO_BROWSER = (
    "Voor de figuren in de export is Chromium nodig (kaleido tekent er de grafieken mee), "
    "maar die is niet gevonden. Installeer hem met 'apt-get install chromium' (of 'make "
    "install' als root), of wijs hem aan met de omgevingsvariabele BROWSER_PATH."
)
IMAGE_FAILED = "Een figuur kon niet worden getekend ({error})."

# The signals digest (omzien export signalen)
SIGNALS_TITLE = "Signalen"
SIGNALS_SUBTITLE = "Wat veranderde bij gemeenten en regio's, peildatum {as_of} (load {load_id})"
SIGNALS_INTRO = (
    "{new} nieuwe, {ongoing} lopende en {ended} beëindigde signalen. Een signaal is een "
    "gemeente of regio waar de laatste 3, 6 of 12 maanden aantoonbaar anders zijn dan de twee "
    "jaar daarvoor: meer of minder knelpunten, snellere of tragere eerste reacties, meer of "
    "minder (deels) opgelost. Wat toeval kan zijn, staat er niet in."
)
SIGNALS_FOLLOW_UP = (
    "{count} knelpunten van initiatieven wachten op een follow-up: al meer dan {days} dagen "
    "geen nieuws (de initiatieven zien ze op /melden)."
)
SIGNALS_NOT_COMPUTED = (
    "Dit warehouse is gebouwd voordat Omzien signalen berekende; draai 'omzien etl run' opnieuw."
)
SIGNALS_NEW = "Nieuw sinds de vorige load"
SIGNALS_ONGOING = "Lopend"
SIGNALS_ENDED = "Niet meer gezien"
SIGNALS_NONE_NEW = "Geen nieuwe signalen."
SIGNALS_NONE_ONGOING = "Geen lopende signalen."
SIGNALS_NONE_ENDED = "Geen signalen die de vorige load nog had."
SIGNALS_ENDED_TEXT = "Deze signalen had de vorige load nog; deze load vindt ze niet meer."
SIGNALS_BETTER_MARK = "Verbetering: "
SIGNALS_GROUP = "{count} signalen, de sterkste eerst."
SIGNALS_HEADING = "{unit}: {measure}"
SIGNALS_LINK = "Bekijk: {url}"
SIGNALS_SINCE_LOAD = "gevonden sinds load {load}"
SIGNALS_TABLE = "Alle signalen in cijfers"
SIGNALS_COL_STATUS = "Status"
SIGNALS_COL_UNIT = "Gemeente of regio"
SIGNALS_COL_MEASURE = "Cijfer"
SIGNALS_COL_DIRECTION = "Richting"
SIGNALS_COL_SINCE = "Sinds"
SIGNALS_COL_BEFORE = "Ervoor"
SIGNALS_COL_AFTER = "Sindsdien"
SIGNALS_COL_CASES_BEFORE = "Knelpunten ervoor"
SIGNALS_COL_CASES_AFTER = "Knelpunten sindsdien"
SIGNALS_COL_Q = "q-waarde"
SIGNALS_COL_SENTENCE = "Signaal"
SIGNALS_COL_LINK = "Link"
SIGNALS_STATUS = {"new": "nieuw", "ongoing": "lopend", "ended": "beëindigd"}
SIGNALS_DIRECTION = {"worse": "slechter", "better": "beter"}
SIGNALS_METHOD = "Hoe Omzien signalen vindt"
