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
NAV_KENNISBANK = "Kennisbank"
NAV_SOLUTIONS = "Wie loste het op?"

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
ALL = "Alle"
ALL_THEMES = "Alle thema's"
ALL_CATEGORIES = "Alle soorten"
RESET_FILTERS = "Filters wissen"


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
DELTA_COUNT = "{delta} t.o.v. vorige periode"
DELTA_POINTS = "{delta} procentpunt t.o.v. vorige periode"
TREND_CAPTION = (
    "Staven: gemelde knelpunten per kwartaal; gearceerd: een onvolledig kwartaal, het "
    "lopende ('(lopend)') of een dat de gekozen periode afkapt ('(deels)'). Lijn: het "
    "aandeel dat binnen 90 dagen (deels) werd opgelost, alleen over knelpunten die al 90 "
    "dagen gevolgd konden worden (gemeld tot {cutoff}); jongere knelpunten tellen niet "
    "mee, zodat recente kwartalen niet lager lijken omdat ze minder tijd kregen. "
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

# Sociale agenda page (/agenda)
AGENDA_INTRO = (
    "Welke knelpunten komen in meerdere gemeenten terug, en op welk niveau moeten ze worden "
    "opgelost? Een agendapunt is een soort knelpunt binnen een thema. Alle cijfers gaan "
    "over de selectie in de zijbalk: {selection}."
)
AGENDA_GROUPING = "Agendapunt"
AGENDA_BY_PAIR = "Soort en thema"
AGENDA_BY_CATEGORY = "Alleen soort"
AGENDA_RECURRING_RULE = "Alleen wat in minstens {minimum} gemeenten voorkomt, telt als terugkerend."
AGENDA_SUMMARY = (
    "**{recurring}** terugkerende agendapunten, samen {obstacles} van de {total} knelpunten "
    "in de selectie. {single} agendapunt(en) kwamen in maar één gemeente voor en staan niet "
    "op de agenda."
)
AGENDA_NONE_RECURRING = (
    "In deze selectie komt geen enkel knelpunt in meer dan één gemeente voor. Kies een "
    "regio of de hele provincie (zijbalk) om te zien wat terugkomt. Hieronder staan de "
    "knelpunten van de selectie zelf."
)
AGENDA_CHART_CAPTION = (
    "De {count} agendapunten die in de meeste gemeenten voorkomen: links in hoeveel "
    "gemeenten, rechts op welk niveau hun knelpunten volgens de melders moeten worden "
    "opgelost; {selection}."
)
AGENDA_TABLE_HEADER = "De agenda"
AGENDA_TABLE_CAPTION = (
    "Gerangschikt op aantal gemeenten, dan initiatieven, dan onopgelost; {selection}. "
    "Percentages ontbreken bij minder dan {suppress_below} knelpunten."
)
AGENDA_TREND_NOTE = (
    "Trend: knelpunten gemeld in de 12 maanden daarvoor → in de laatste 12 maanden tot {end}."
)
AGENDA_TREND_SHORT_NOTE = (
    "Trend: de gekozen periode is korter dan 24 maanden, dus er is geen trend te bepalen."
)

# Knelpunten verkennen page (/knelpunten)
OBSTACLES_INTRO = (
    "Alle knelpunten in de selectie, met hun reacties. Zoek in de omschrijving, het "
    "nummer of de gemeente. Selectie: {selection}."
)
OBSTACLES_SEARCH = "Zoeken"
OBSTACLES_SEARCH_PLACEHOLDER = "bijvoorbeeld subsidie, K-0123 of Zeist"
OBSTACLES_FOUND = "**{count}** knelpunten gevonden."
OBSTACLES_FOUND_ONE = "**1** knelpunt gevonden."
OBSTACLES_FOUND_LIMITED = (
    "**{count}** knelpunten gevonden; hieronder de {shown} meest recente. De downloads "
    "bevatten ze alle {count}."
)
OBSTACLES_NONE_FOUND = (
    "Geen knelpunten gevonden met '{search}' in deze selectie. Probeer een ander woord of "
    "haal een filter weg."
)
OBSTACLES_TABLE_CAPTION = (
    "Eén rij per knelpunt, nieuwste eerst; status en reacties op de peildatum {as_of}; {selection}."
)
DOWNLOAD_CSV = "Download CSV (Excel)"
DOWNLOAD_XLSX = "Download Excel (xlsx)"
DOWNLOAD_HELP = (
    "Alle {count} gevonden knelpunten, met de zoekterm en de filters van de zijbalk. "
    "Cellen die Excel als formule zou lezen beginnen met een apostrof."
)
HISTORY_HEADER = "Reactiegeschiedenis"
HISTORY_PICK = "Knelpunt"
HISTORY_SUMMARY = (
    "{obstacle_id} · {municipality} · gemeld {reported} · {category} · {theme} · status: {status}"
)
HISTORY_NONE = "Nog geen reactie op dit knelpunt (gemeld {reported}, peildatum {as_of})."
HISTORY_CAPTION = "Alle reacties op dit knelpunt tot de peildatum {as_of}, oudste eerst."
PROVENANCE_AS_OF = "Peildatum"
PROVENANCE_LOAD = "Load"
PROVENANCE_SELECTION = "Selectie"
PROVENANCE_SEARCH = "Zoekterm"
PROVENANCE_ROWS = "Aantal rijen"
PROVENANCE_SOURCE = "Bron"
PROVENANCE_SOURCE_TEXT = "Omzien-warehouse, tabel core.obstacles"
SHEET_OBSTACLES = "Knelpunten"
FILE_OBSTACLES = "omzien-{demo}knelpunten-{as_of}"
FILE_REJECTS = "omzien-{demo}afgekeurde-rijen-load-{load_id}"
FILE_DEMO = "DEMO-"

# Data en kwaliteit page (/kwaliteit)
QUALITY_INTRO = (
    "Waar de cijfers vandaan komen: wat de laatste load inlas, wat werd afgekeurd en "
    "waarom, hoe actueel de gegevens zijn en wat de cijfers betekenen. De filters in de "
    "zijbalk gelden hier niet: deze pagina gaat over alle gegevens."
)
QUALITY_LOAD_HEADER = "Laatste load"
HELP_AS_OF = "Gegevens tot en met deze dag; latere datums zijn afgekeurd."
HELP_LOADED = "Rijen die als geldige, laatste versie in het warehouse staan, over alle bestanden."
HELP_REJECTED = "Rijen die een regel van het invoercontract braken, over alle bestanden."
QUALITY_LOAD_TEXT = (
    "Load {load_id} liep van {started} tot {finished}: {status}. Provincie {province}."
)
QUALITY_SYNTHETIC = "Deze load bevat SYNTHETISCHE demogegevens."
QUALITY_FRESHNESS_HEADER = "Actualiteit"
METRIC_LOAD_AGE = "Dagen sinds de load"
HELP_LOAD_AGE = "Dagen tussen het einde van de laatste load en vandaag."
METRIC_REPORT_AGE = "Dagen sinds laatste melding"
HELP_REPORT_AGE = (
    "Dagen tussen de nieuwste meldingsdatum van een knelpunt en de peildatum. Een groot "
    "getal kan betekenen dat recente exports ontbreken."
)
METRIC_RESPONSE_AGE = "Dagen sinds laatste reactie"
HELP_RESPONSE_AGE = "Dagen tussen de nieuwste reactiedatum en de peildatum."
FRESHNESS_TEXT = (
    "Nieuwste registratie {registered}, nieuwste melding {reported}, nieuwste reactie "
    "{responded}; peildatum {as_of}."
)
QUALITY_FILES_HEADER = "Bestanden van deze load"
QUALITY_FILES_CAPTION = (
    "Per exportbestand: gelezen = geladen + afgekeurd + vervangen + verwijderd. Vervangen: "
    "een latere rij of export met hetzelfde nummer. Verwijderd: op een verwijderlijst (AVG)."
)
QUALITY_REJECTS_HEADER = "Afgekeurde rijen"
QUALITY_NO_REJECTS = "Deze load keurde geen enkele rij af."
QUALITY_REJECTS_CAPTION = (
    "Aantal afkeuringen per regel en bestand in load {load_id} (peildatum {as_of}). Een rij "
    "die twee regels breekt telt twee keer; een heel afgekeurd bestand telt één keer."
)
QUALITY_REJECTS_LIST = "Alle afgekeurde rijen"
QUALITY_REJECTS_LIST_CAPTION = (
    "De waarde zoals geschreven (persoonsgegevens afgeschermd) en de reden, om terug te "
    "geven aan wie het formulier bijhoudt. {count} afkeuring(en); hier de eerste {shown}, "
    "de download bevat ze alle."
)
DOWNLOAD_REJECTS = "Download afgekeurde rijen (CSV voor Excel)"
QUALITY_WARNINGS_HEADER = "Waarschuwingen"
QUALITY_NO_WARNINGS = (
    "Geen waarschuwingen: elk bestand hoorde bij een bron en alle kolommen waren bekend."
)
QUALITY_HISTORY_HEADER = "Eerdere loads"
QUALITY_HISTORY_CAPTION = "Elke ETL-run die een warehouse bouwde, nieuwste eerst."
QUALITY_DEFINITIONS_HEADER = "Wat de cijfers betekenen"
QUALITY_DEFINITIONS_CAPTION = (
    "Elk cijfer van de scorekaart, één keer gedefinieerd (etl/metrics/definitions.py)."
)
QUALITY_TERMS_CAPTION = "Begrippen van de sociale agenda en de knelpuntenlijst."

# Compare page
COMPARE_INTRO = (
    "Alle gemeenten naast elkaar op één maat, met het 95%-interval als streep: waar de "
    "strepen van twee gemeenten elkaar overlappen, is het verschil niet aangetoond. "
    "Selectie: {selection}."
)
MEASURE = "Maat"
BIG_CITY_APART = "{city} apart tonen"
BIG_CITY_APART_HELP = (
    "De grote stad is veel groter dan de rest; toon haar los van de overige gemeenten."
)
OVERDISPERSION = "Corrigeer trechter voor overdispersie"
OVERDISPERSION_HELP = (
    "Verbreedt de controlegrenzen met een factor √φ als gemeenten onderling meer verschillen "
    "dan toeval verklaart (Spiegelhalter 2005)."
)
DOT_CAPTION = (
    "{measure} per gemeente met 95%-interval; * = minder dan {few} gevallen (niet "
    "gerangschikt); lijnen: {area} en regio's. {selection}."
)
FUNNEL_TITLE = "Trechterdiagram: {measure}"
FUNNEL_CAPTION = (
    "Elke stip is een gemeente: het aandeel tegen het aantal knelpunten. Binnen de "
    "stippellijnen ligt wat door toeval te verwachten is (95% en 99,8%). {selection}."
)
FUNNEL_PHI = "Grenzen verbreed met overdispersiefactor φ = {phi}."
TABLE_HEADER = "Tabel"
TABLE_ALL = "Alle {count} gemeenten; klik op een kolomkop om te sorteren."
DOT_FOCUS = (
    "Van de {count} gemeenten staan hier de {ends} die het zekerst het best scoren en de "
    "{ends} die het zekerst het slechtst scoren (op de grens van hun 95%-interval; gemeenten "
    "met weinig gevallen doen niet mee){chosen}. Alle gemeenten staan in de tabel{funnel}."
)
DOT_WITH_CASES = (
    "Van de {count} gemeenten hebben er {shown} knelpunten in deze selectie; alleen die staan "
    "hier. Alle gemeenten staan in de tabel."
)
DOT_FOCUS_CHOSEN = ", en {name}"
DOT_FOCUS_FUNNEL = " en in het trechterdiagram"

# Profile page
PROFILE_TITLE = "Gemeenteprofiel: {name}"
PROFILE_CHOOSE = (
    "Kies een gemeente (hier of links bij 'Gemeente'); een link met `?gemeente=GM0312` "
    "opent het profiel van Bunnik."
)
PROFILE_PICK = "Gemeente"
PROFILE_FACTS = "{population} inwoners · {regions}"
PROFILE_NO_REGION = "geen regio"
PROFILE_INTRO = (
    "De gemeente tegenover haar regio's en {area}. 'Hoger' of 'lager' alleen als het "
    "hele 95%-interval boven of onder de referentie ligt. Selectie: {selection}."
)
PROFILE_FEW = (
    "Deze gemeente heeft in de selectie maar {count} knelpunt(en): de cijfers zijn "
    "gebaseerd op weinig gevallen en vallen buiten ranglijsten."
)
PROFILE_NONE = "Deze gemeente heeft geen knelpunten in de selectie."
PROFILE_TABLE = "Kerncijfers"
PROFILE_TABLE_CAPTION = (
    "Tussen haakjes het 95%-interval. 'Hoger'/'lager': het hele interval van de gemeente "
    "ligt boven/onder de waarde van {area} of de regio. {selection}."
)
PROFILE_CATEGORIES = "Soorten knelpunten"
PROFILE_THEMES = "Thema's"
PROFILE_STATUS = "Waar de knelpunten nu staan"
PROFILE_STATUS_CAPTION = (
    "Uitkomst van de laatste reactie per knelpunt op de peildatum; {selection}."
)
PROFILE_KM = "Hoe snel komt een eerste reactie?"
PROFILE_KM_CAPTION = (
    "Kaplan-Meier: aandeel knelpunten met een eerste reactie na zoveel dagen, met 95%-band. "
    "Knelpunten zonder reactie tellen mee tot de peildatum. {selection}."
)

# Map page
NAV_MAP = "Kaart"
MAP_INTRO = (
    "Waar lopen initiatieven vast? Elke gemeente gekleurd naar de gekozen maat; grijs en "
    "gearceerd: te weinig gevallen om te kleuren. Het interval staat bij de muisaanwijzer. "
    "Selectie: {selection}."
)
MAP_KIND = "Weergave"
MAP_REAL = "Kaart"
MAP_TILES = "Tegelkaart"
MAP_TILES_HELP = "Elke gemeente een even groot vlak, zodat kleine gemeenten even zichtbaar zijn."
MAP_NO_BOUNDARIES = (
    "Er zijn geen gemeentegrenzen ingelezen; daarom de tegelkaart. Het grenzenbestand in "
    "`data/raw/geo/` kon niet worden gebruikt (zie Data en kwaliteit): herstel of verwijder "
    "het en draai `omzien etl run`; zonder bestand gebruikt Omzien de meegeleverde grenzen."
)
MAP_CAPTION = (
    "{measure} per gemeente; grijs en gearceerd: minder dan {few} gevallen (niet "
    "gekleurd); lijnen: regio's. {selection}. {attribution}."
)
MAP_TILES_CAPTION = (
    "{measure} per gemeente, elke gemeente een even groot vlak, ruwweg op haar plaats; "
    "grijs en gearceerd: minder dan {few} gevallen. {selection}."
)
MAP_VERDICT = "{verdict} dan de provincie"
DOWNLOAD_PNG = "Afbeelding (PNG)"
DOWNLOAD_SVG = "Afbeelding (SVG)"
MAP_OPEN = "Open het profiel van"
MAP_OPEN_BUTTON = "Naar gemeenteprofiel"

# --- dashboard download buttons and presentation mode ---------------------------------

FORMAT_LABELS = {"pptx": "PowerPoint", "pdf": "PDF", "md": "Markdown", "xlsx": "Excel"}
EXPORT_TITLES = {
    "gemeente": "Feitenblad",
    "agenda": "Sociale agenda",
    "vergelijking": "Vergelijking",
    "oplossingen": "Wie loste het op?",
}
DOWNLOAD_HEADER = "Exporteren"
EXPORT_HELP = (
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
PRESENT_PROFILE_NOTE = "{area_name}: {province} · {verdict} dan {area}"
PRESENT_PROFILE_FEW = "{name}: {count} knelpunt(en), te weinig voor percentages"
PRESENT_EMPTY = "Geen knelpunten in deze selectie"
PRESENT_EMPTY_NOTE = "Kies een langere periode of haal een filter weg."

# Access: local, public, members (dashboard/access.py)
ACCESS_UNKNOWN_MODE = (
    "OMZIEN_ACCESS is '{mode}'; kies uit: {modes}. Het dashboard start niet zolang dit niet klopt."
)
ACCESS_NO_AUTH = (
    "Het dashboard staat op 'members', maar het inloggen is niet ingesteld: zet in "
    "`.streamlit/secrets.toml` een sectie [auth] met {keys}. Zonder inloggen start het "
    "dashboard niet, zodat het nooit alles aan iedereen toont."
)
ACCESS_NO_MEMBERS = (
    "Het dashboard staat op 'members', maar de ledenlijst {path} bestaat niet (OMZIEN_MEMBERS: "
    "één e-mailadres of @domein per regel). Zonder ledenlijst start het dashboard niet."
)
NO_PUBLIC_SNAPSHOT = (
    "Er is nog geen publieke momentopname op `{path}`. Maak die met `omzien publish` "
    "(na `omzien etl run`)."
)
ACCESS_PUBLIC_VIEW = "Openbare weergave: cijfers zonder omschrijvingen of toelichtingen."
SIGN_IN = "Inloggen"
SIGN_OUT = "Uitloggen"
SIGNED_IN_AS = "Ingelogd als {account}"
NOT_A_MEMBER = (
    "Het account {account} staat niet op de ledenlijst van het netwerk; je ziet de openbare "
    "weergave. Vraag het netwerk om je toe te voegen."
)
QUALITY_NETWORKS_HEADER = "Netwerken in dit beeld"
QUALITY_NETWORKS_CAPTION = (
    "Dit landelijke beeld telt de publieke momentopnamen van deze netwerken op; elk cijfer is "
    "opnieuw berekend uit de opgetelde aantallen. Elke gemeente telt bij één netwerk."
)
MEMBERS_ONLY = "{what} is alleen voor leden van het netwerk. Leden zien dit na het inloggen."
MEMBERS_ONLY_OBSTACLES = "De lijst met knelpunten en hun reacties"
MEMBERS_ONLY_REJECTS = "Wat er per bestand werd afgekeurd"
MEMBERS_ONLY_INTERN = "Een interne export met omschrijvingen"
MEMBERS_ONLY_CARD = "Wat dit initiatief meldde, de reacties daarop en wie het elders oploste,"
MEMBERS_ONLY_CASES = "De opgeloste knelpunten zelf, met hun toelichting,"
KB_PUBLIC = (
    "Openbare weergave: alleen initiatieven die toestemming gaven om publiek te staan, zonder "
    "hun knelpunten."
)
NOT_A_SNAPSHOT = (
    "OMZIEN_PUBLIC_WAREHOUSE wijst naar `{path}`, maar dat is geen publieke momentopname. "
    "Een openbaar dashboard leest alleen wat `omzien publish` schreef."
)
EXPORT_INTERN = "Intern (met omschrijvingen)"
EXPORT_INTERN_HELP = (
    "Voor de werkgroep: met de (geanonimiseerde) omschrijvingen van knelpunten, elke pagina "
    "gemarkeerd INTERN. Wordt vastgelegd in het toegangslogboek."
)
CHART_NUMBERS = "Cijfers bij deze grafiek"
# Kennisbank (/kennisbank): the directory of initiatives and an initiative's card
KB_INTRO = (
    "Welke initiatieven zijn er in het netwerk, en wie lijkt op jou? Zoek op naam, "
    "omschrijving of plaats; open een initiatief voor zijn kaart met vergelijkbare "
    "initiatieven elders en wie zijn knelpunten al oploste."
)
KB_SEARCH = "Zoeken"
KB_SEARCH_PLACEHOLDER = "bijvoorbeeld zorgcoöperatie, maaltijden of Werkhoven"
KB_LEGAL_FORM = "Rechtsvorm"
KB_ALL_LEGAL_FORMS = "Alle rechtsvormen"
KB_SORT = "Sorteren op"
KB_SORTS = {
    "naam": "Naam",
    "gemeente": "Gemeente",
    "opgericht": "Oprichtingsjaar (oudste eerst)",
    "vrijwilligers": "Vrijwilligers (meeste eerst)",
    "geregistreerd": "Registratie (nieuwste eerst)",
}
KB_FOUND = "**{count}** initiatieven gevonden."
KB_FOUND_ONE = "**1** initiatief gevonden."
KB_FOUND_LIMITED = "**{count}** initiatieven gevonden; hieronder de eerste {shown}."
KB_NONE = "Geen initiatieven gevonden. Haal een filter weg of zoek op iets anders."
KB_OPEN_HINT = "Kies een rij (vakje links) om de kaart van dat initiatief te openen."
KB_CAPTION = (
    "Selectie: {scope}. Het begin van de periode, soort knelpunt en niveau uit de zijbalk "
    "gelden hier niet: die gaan over knelpunten. 'Publiek zichtbaar': het initiatief gaf "
    "toestemming om in openbare overzichten te staan."
)

CARD_BACK = "Terug naar de kennisbank"
CARD_NOT_FOUND = (
    "Initiatief '{initiative_id}' is niet gevonden in dit warehouse. Misschien is het "
    "nummer verkeerd overgenomen, of is het initiatief verwijderd."
)
CARD_FACTS = (
    "{municipality}{place} · {phase} · {legal_form} · opgericht {founded} · "
    "{volunteers} vrijwilligers"
)
CARD_THEMES = "Thema's: {themes}"
CARD_REGISTERED = "Geregistreerd op {registered} · nummer {initiative_id} · {public}."
CARD_PUBLIC = "mag publiek getoond worden"
CARD_NOT_PUBLIC = "niet publiek zichtbaar (geen toestemming)"
CARD_UNKNOWN = "onbekend"
CARD_WEBSITE = "Website"
CARD_CONTACT = (
    "Contact met dit initiatief loopt via het netwerk: {contact}. Omzien bewaart geen "
    "contactpersonen; noem het nummer {initiative_id}."
)
CARD_SCOPE = (
    "De kaart kijkt naar alle gegevens tot de peildatum {as_of}, los van de selectie in de zijbalk."
)
CARD_OBSTACLES = "Knelpunten en reacties"
CARD_NO_OBSTACLES = "Dit initiatief meldde (nog) geen knelpunten."
CARD_HISTORY = "{obstacle_id} · {category} · {theme} · gemeld {reported} · status: {status}"
CARD_NO_RESPONSE = "Nog geen reactie."
CARD_PEERS = "Vergelijkbare initiatieven"
CARD_PEERS_HOW = (
    "Zo bepaald: gedeelde thema's en een lijkende omschrijving (elk 30%), en dezelfde "
    "rechtsvorm, een even ver of verder gevorderde fase, een vergelijkbaar aantal "
    "vrijwilligers en dezelfde soort knelpunten (elk 10%); alleen initiatieven in een "
    "andere gemeente."
)
CARD_PEER = "{name} · {municipality}"
CARD_PEER_WHY = "Gelijkenis {score}%: {reasons}."
CARD_NO_PEERS = "Geen vergelijkbare initiatieven in andere gemeenten gevonden."
CARD_ELSEWHERE = "Elders opgelost"
CARD_ELSEWHERE_HOW = (
    "Voor elk knelpunt dat nog niet is opgelost: knelpunten van hetzelfde thema en dezelfde "
    "soort die een andere gemeente (deels) oploste, eerst gemeenten in dezelfde regio, dan "
    "de meest recente, met de toelichting van de gemeente."
)
CARD_ELSEWHERE_NONE = "Alle knelpunten van dit initiatief zijn (deels) opgelost."
CARD_ELSEWHERE_EMPTY = "Dit soort knelpunt is nog in geen enkele andere gemeente opgelost."
CARD_ELSEWHERE_MORE = "{shown} van {cases} opgeloste gevallen elders."

# Wie loste het op? (/oplossingen)
SOLUTIONS_INTRO = (
    "Waar wordt dit soort knelpunt opgelost, hoe vaak en hoe snel? En wat "
    "deed de gemeente? Selectie: {selection}."
)
SOLUTIONS_THEME = "Thema"
SOLUTIONS_CATEGORY = "Soort knelpunt"
SOLUTIONS_CHOOSE = "Kies een thema en een soort knelpunt (hierboven of in de zijbalk)."
SOLUTIONS_SEVERAL = "In de zijbalk staan meer thema's of soorten; deze pagina toont er één."
SOLUTIONS_NONE = "Geen knelpunten van deze soort in de selectie."
SOLUTIONS_RESOLVED = "(Deels) opgelost"
SOLUTIONS_RESOLVED_HELP = (
    "Knelpunten van deze soort met een reactie 'opgelost' of 'deels opgelost', van alle "
    "knelpunten van deze soort in de selectie."
)
SOLUTIONS_PROVINCE = (
    "Ter vergelijking, {province}: {share} (deels) opgelost, {within} binnen 90 dagen; "
    "mediane tijd tot oplossing: {median}."
)
SOLUTIONS_TABLE = "Per gemeente"
SOLUTIONS_TABLE_CAPTION = (
    "Dezelfde cijfers als op Gemeenten vergelijken voor deze selectie: tussen haakjes het "
    "95%-interval. Bij minder dan {suppress_below} knelpunten geen percentage; bij minder "
    "dan {small_numbers} 'weinig gevallen' en geen rang. Rang op aandeel (deels) opgelost."
)
SOLUTIONS_CASES = "Hoe het werd opgelost"
SOLUTIONS_CASES_CAPTION = (
    "Opgeloste knelpunten van deze soort, nieuwste eerst, met de toelichting van de "
    "gemeente bij de reactie waarmee het (deels) werd opgelost{limited}."
)
SOLUTIONS_CASES_LIMITED = "; de {shown} nieuwste van {total}"
SOLUTIONS_NO_CASES = "Nog geen enkel knelpunt van deze soort is opgelost in de selectie."
SOLUTIONS_LINK = "Wie loste dit op? ({category} · {theme})"
SOLUTIONS_LINK_CATEGORY = "Wie loste dit op? ({category})"
SOLUTIONS_PICK = "Wie loste het op? Kies een agendapunt"

# Signalen page (/signalen)
NAV_SIGNALS = "Signalen"
SIGNALS_INTRO = (
    "Welke gemeente of regio veranderde? Na elke load vergelijkt Omzien de laatste 3, 6 of "
    "12 maanden van elke gemeente en regio met de twee jaar daarvoor: het aantal "
    "knelpunten (ook per soort), de eerste reactie binnen 30 dagen en (deels) opgelost "
    "binnen 90 dagen. Alleen wat geen toeval is, wordt een signaal; jonge knelpunten "
    "worden niet beoordeeld op tijd die ze nog niet hadden. Peildatum {as_of}, load "
    "{load_id}. De periode in de zijbalk telt hier niet; regio, gemeente, thema en soort wel."
)
SIGNALS_NOT_COMPUTED = (
    "Dit warehouse is gebouwd voordat Omzien signalen berekende. Draai `omzien etl run` "
    "opnieuw om ze te zien."
)
SIGNALS_SUMMARY = (
    "**{new}** nieuwe signalen sinds de vorige load, {ongoing} lopend, {ended} beëindigd "
    "(in deze selectie)."
)
SIGNALS_NONE = (
    "Geen signalen in deze selectie: geen gemeente of regio veranderde aantoonbaar ten "
    "opzichte van de periode ervoor."
)
SIGNALS_WORSE = "Verslechteringen"
SIGNALS_BETTER = "Verbeteringen"
SIGNALS_ENDED = "Niet meer gezien"
SIGNALS_ENDED_TEXT = (
    "Deze signalen had de vorige load nog; deze load vindt ze niet meer (het verschil is "
    "kleiner geworden of het nieuwe niveau is gewoon geworden)."
)
SIGNALS_MORE = "Nog {count} signalen (zonder grafiek)"
SIGNALS_NEW_BADGE = "nieuw"
SIGNALS_ONGOING_BADGE = "lopend sinds load {load}"
SIGNALS_COUNTS = (
    "Periode ervoor: {before_cases} knelpunten ({before}); sinds {since}: {after_cases} "
    "({after}). Kans op vals alarm (q-waarde, over alle toetsen van de load): {q}."
)
SIGNALS_CHART_CAPTION = (
    "{unit}, {measure}: {per} sinds {start}; gestreept de verwachting met haar "
    "95%-marge op grond van de periode tot {since}. {note}"
)
SIGNALS_VOLUME_NOTE = (
    "De verwachting beweegt mee met hoe het aantal meldingen in de rest van het netwerk veranderde."
)
SIGNALS_SHARE_NOTE = (
    "Een punt is het aandeel van de knelpunten van die drie maanden (open knelpunten "
    "meegeteld zo lang ze gevolgd zijn); geen punt bij minder dan {suppress} knelpunten of "
    "als nog geen knelpunt zo lang gevolgd kon worden."
)
SIGNALS_PROFILE_LINK = "Gemeenteprofiel van {name}"
SIGNALS_COMPARE_LINK = "Alle gemeenten vergelijken"
SIGNALS_COMPARE_HELP = "Gemeenten vergelijken op: {measure}"
SIGNALS_PER_MONTH_CHART = "per maand"
SIGNALS_PER_QUARTER_CHART = "per drie maanden"
SIGNALS_Q_SMALL = "kleiner dan 0,1%"
SIGNALS_SOLUTIONS_LINK = "Wie loste {category} op?"
SIGNALS_SOLUTIONS_ANY = "Wie loste het op?"
OVERVIEW_SIGNALS = "{count} nieuwe signalen sinds de vorige load"
OVERVIEW_SIGNALS_ONE = "1 nieuw signaal sinds de vorige load"
OVERVIEW_SIGNALS_NONE = "Geen nieuwe signalen sinds de vorige load"

# /melden: initiatives report themselves (intake).
NAV_REPORT = "Melden"
MEMBERS_ONLY_REPORT = "Melden (een knelpunt, een reactie van de gemeente of uw initiatief)"
REPORT_INTRO = (
    "Meld hier een knelpunt met uw gemeente, wat de gemeente deed met een knelpunt, of "
    "meld uw initiatief aan en houd het bij. Alles gaat door dezelfde controle als de "
    "exports: wat niet klopt hoort u meteen. Een melding is zichtbaar na de volgende "
    "verwerking."
)
REPORT_NO_PERSONAL = (
    "Schrijf geen namen, telefoonnummers, e-mailadressen of adressen van personen in de "
    "tekstvelden. Het netwerk haalt ze er hoe dan ook uit voordat iets zichtbaar wordt."
)
REPORT_TAB_OBSTACLE = "Knelpunt melden"
REPORT_TAB_RESPONSE = "Reactie van de gemeente"
REPORT_TAB_INITIATIVE = "Initiatief aanmelden of bijwerken"
REPORT_TAB_MINE = "Mijn meldingen"
REPORT_TAB_FOLLOW_UP = "Is dit al opgelost?"
REPORT_TAB_FOLLOW_UP_COUNT = "Is dit al opgelost? ({count})"
FOLLOW_UP_INTRO = (
    "Knelpunten van uw initiatieven waarvan het netwerk al meer dan {days} dagen niets "
    "hoorde. Eén klik houdt de cijfers eerlijk: is het nog steeds open, of wat deed de "
    "gemeente?"
)
FOLLOW_UP_NONE = "Geen knelpunten die op nieuws wachten."
FOLLOW_UP_ITEM = (
    "**{initiative}** · {municipality} · {category} · gemeld {reported} · "
    "{days} dagen geen nieuws · stand: {status}"
)
FOLLOW_UP_STILL_OPEN = "Nog steeds open"
FOLLOW_UP_MORE = "De {shown} die het langst op nieuws wachten, van {count}."
REPORT_INITIATIVE = "Initiatief"
REPORT_NO_INITIATIVES = (
    "Er staat nog geen initiatief op uw naam. Meld uw initiatief eerst aan (tabblad "
    "'{tab}'); na de volgende verwerking kunt u er knelpunten voor melden."
)
REPORT_MUNICIPALITY = "Gemeente waar het knelpunt ligt"
REPORT_MUNICIPALITY_HELP = "Standaard de gemeente van het initiatief."
REPORT_DATE = "Datum"
REPORT_THEME = "Thema"
REPORT_CATEGORY = "Soort knelpunt"
REPORT_SEVERITY = "Ernst"
REPORT_LEVEL = "Waar moet het worden opgelost?"
REPORT_DESCRIPTION = "Omschrijving"
REPORT_DESCRIPTION_HELP = (
    "Wat is het probleem, en wat heeft u al geprobeerd? (ten hoogste {limit} tekens)"
)
REPORT_NOT_GIVEN = "(niet opgegeven)"
REPORT_SEND = "Versturen"
REPORT_CHECKING = "Controleren ..."
REPORT_RECEIVED = "Ontvangen; zichtbaar na de volgende verwerking. Kenmerk: {record_id}."
REPORT_ALREADY = (
    "Deze melding was al ontvangen (kenmerk {record_id}); er is niets dubbel verstuurd."
)
REPORT_ANOTHER = "Nog een melding doen"
REPORT_PROBLEMS = "De melding is niet verstuurd. Dit klopt nog niet:"
REPORT_PROBLEM_LINE = "- **{field}**: {reason}"
REPORT_OBSTACLE = "Knelpunt"
REPORT_NO_OPEN = "Geen open knelpunten bij uw initiatieven."
REPORT_OUTCOME = "Wat deed de gemeente?"
REPORT_NOTE = "Toelichting"
REPORT_NOTE_HELP = "Wat zei of deed de gemeente? (ten hoogste {limit} tekens)"
REPORT_WHICH_INITIATIVE = "Welk initiatief?"
REPORT_NEW_INITIATIVE = "Een nieuw initiatief aanmelden"
REPORT_NAME = "Naam van het initiatief"
REPORT_INITIATIVE_MUNICIPALITY = "Gemeente"
REPORT_PLACE = "Plaats (kern)"
REPORT_THEMES = "Thema's"
REPORT_LEGAL_FORM = "Rechtsvorm"
REPORT_FOUNDED = "Opgericht (jaar)"
REPORT_PHASE = "Fase"
REPORT_VOLUNTEERS = "Aantal vrijwilligers"
REPORT_WEBSITE = "Website"
REPORT_VISIBLE = "Zichtbaar in de openbare kennisbank (toestemming)"
REPORT_VISIBLE_HELP = (
    "Met toestemming tonen de openbare kennisbank en het publieke dashboard naam, "
    "gemeente, thema's en omschrijving van uw initiatief; zonder alleen leden."
)
REPORT_MINE_INTRO = "Wat u hier meldde, en wat de laatste verwerking (load {load_id}) ermee deed."
REPORT_MINE_NONE = "U heeft hier nog niets gemeld."
REPORT_STATE = {
    "waiting": "wacht op de volgende verwerking",
    "loaded": "verwerkt",
    "rejected": "afgekeurd",
}
REPORT_SOURCE = {"initiatives": "initiatief", "obstacles": "knelpunt", "responses": "reactie"}
REPORT_COLUMNS = {
    "submitted": "Verstuurd",
    "source": "Soort",
    "record_id": "Kenmerk",
    "state": "Stand",
    "reason": "Waarom afgekeurd",
}
