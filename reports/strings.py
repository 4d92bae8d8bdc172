"""Every Dutch text of the exports and the presentation mode, in one place."""

from __future__ import annotations

# --- labels on every page / slide ---------------------------------------------------

SYNTHETIC = "SYNTHETISCHE DEMOGEGEVENS"
SYNTHETIC_NOTE = (
    "SYNTHETISCHE DEMOGEGEVENS: verzonnen initiatieven, knelpunten en reacties. Trek er geen "
    "conclusies uit over echte gemeenten."
)
INTERN = "INTERN"
INTERN_NOTE = (
    "INTERN: bevat (geanonimiseerde) omschrijvingen van knelpunten; alleen voor de "
    "werkgroep, niet doorsturen."
)
SOURCE = "Omzien, warehouse load {load_id}, peildatum {as_of}"
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
FACT_COL_MEASURE = "Maat"
FACT_COL_OWN = "{name}"
FACT_COL_VS = "T.o.v. {name}"
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
FACT_TREND_TEXT = "Gemelde en (deels) opgeloste knelpunten per kwartaal."
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

# --- CLI -------------------------------------------------------------------------------

CLI = {
    "help": "Exporteer een feitenblad, de sociale agenda of een regiovergelijking.",
    "gemeente_help": "Feitenblad van één gemeente (pptx of pdf).",
    "agenda_help": "De sociale agenda als notitie (pptx, pdf of md).",
    "vergelijking_help": "Vergelijking van de gemeenten van een regio (pptx of pdf).",
    "code_help": "CBS-gemeentecode, bijvoorbeeld GM0312 (Bunnik).",
    "region_help": "Regio (code of naam), bijvoorbeeld u16 (standaard) of u10.",
    "agenda_region_help": "Alleen deze regio (standaard: de hele provincie).",
    "format_help": "Bestandsformaat: {formats}.",
    "out_help": "Schrijf naar dit bestand (standaard: exports/JJJJ-MM-DD_<soort>.<formaat>).",
    "intern_help": "Voor de werkgroep: met (geanonimiseerde) omschrijvingen, gemarkeerd INTERN.",
    "start_help": "Alleen knelpunten gemeld vanaf deze dag (JJJJ-MM-DD).",
    "end_help": "Alleen knelpunten gemeld tot en met deze dag (JJJJ-MM-DD).",
    "unknown_code": "'{value}' is geen gemeente van de provincie; bedoelt u een van: "
    "{examples}? Gebruik de CBS-code, zoals GM0312.",
    "unknown_region": "'{value}' is geen regio; kies uit: {codes}.",
    "bad_format": "'{value}' kan hier niet; kies uit: {formats}.",
    "no_warehouse": "Er is nog geen warehouse op {path}; draai eerst 'omzien etl run'.",
    "bad_date": "'{value}' is geen datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-11-26.",
    "empty_warehouse": "Het warehouse op {path} bevat nog geen load; draai eerst 'omzien etl run'.",
    "nothing": "Er is niets te exporteren: {reason}",
    "building": "Cijfers verzamelen ...",
    "rendering": "{format} schrijven ...",
    "written": "Geschreven: {path}",
    "synthetic": "Let op: gemaakt met SYNTHETISCHE demogegevens (zo vermeld op elke pagina).",
    "failed": "Exporteren is mislukt ({error}).",
    "write_failed": "Kan niet schrijven naar {path} ({reason}).",
}

# --- images (kaleido) -----------------------------------------------------------------

NO_BROWSER = (
    "Voor de figuren in de export is Chromium nodig (kaleido tekent er de grafieken mee), "
    "maar die is niet gevonden. Installeer hem met 'apt-get install chromium' (of 'make "
    "install' als root), of wijs hem aan met de omgevingsvariabele BROWSER_PATH."
)
IMAGE_FAILED = "Een figuur kon niet worden getekend ({error})."

# --- dashboard download buttons and presentation mode ---------------------------------

FORMAT_LABELS = {"pptx": "PowerPoint", "pdf": "PDF", "md": "Markdown"}
EXPORT_TITLES = {
    "gemeente": "Feitenblad",
    "agenda": "Sociale agenda",
    "vergelijking": "Vergelijking",
}
DOWNLOAD_HEADER = "Exporteren"
DOWNLOAD_HELP = (
    "Met de filters van de zijbalk, voor het publiek: geen percentages bij minder dan "
    "{suppress_below} knelpunten en geen omschrijvingen. Bron en peildatum staan op elke "
    "pagina."
)
DOWNLOAD_BUSY = "Export maken: cijfers verzamelen en figuren tekenen ..."
DOWNLOAD_READY = "Klaar: {name}"
DOWNLOAD_FAILED = "De export is mislukt: {error}"

PRESENT_TOGGLE = "Presentatiemodus"
PRESENT_TOGGLE_HELP = (
    "Grote letters, geen zijbalk, één boodschap per scherm; vorige/volgende met de knoppen. "
    "De selectie van de zijbalk blijft gelden."
)
PRESENT_EXIT = "Presentatie verlaten"
PRESENT_NEXT = "Volgende"
PRESENT_PREVIOUS = "Vorige"
PRESENT_COUNTER = "{number} / {total}"
PRESENT_OVERVIEW = "{obstacles} knelpunten gemeld, {resolved} (deels) opgelost"
PRESENT_OVERVIEW_NOTE = "{initiatives} initiatieven · {answered} beantwoord"
PRESENT_COMPARE = "{measure}: {outside}"
PRESENT_ALL_INSIDE = "gemeenten binnen de verwachte variatie"
PRESENT_SOME_OUTSIDE = "{count} gemeente(n) wijken duidelijk af"
PRESENT_MAP = "{measure} per gemeente"
PRESENT_AGENDA = "Nummer één op de agenda: {item}"
PRESENT_AGENDA_NOTE = "{municipalities} gemeenten · {obstacles} knelpunten · {level}"
PRESENT_PROFILE = "{name}: eerste reactie binnen 30 dagen {value}"
PRESENT_PROFILE_NOTE = "Provincie: {province} · {verdict} dan de provincie"
PRESENT_PROFILE_FEW = "{name}: {count} knelpunt(en), te weinig voor percentages"
PRESENT_EMPTY = "Geen knelpunten in deze selectie"
PRESENT_EMPTY_NOTE = "Kies een langere periode of haal een filter weg."
