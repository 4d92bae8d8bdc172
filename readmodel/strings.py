"""Dutch texts of the read layer: selections, tables, verdict words, terms."""

from __future__ import annotations

from etl.messages import SOURCE_LABELS as ETL_SOURCE_LABELS

WHOLE_PROVINCE = "Hele provincie"
# The whole area of a warehouse, by scope: a province, all of Nederland, or a roll-up of
# networks that covers part of it (readmodel.warehouse.Warehouse.scope).
WHOLE_AREA = {"provincie": WHOLE_PROVINCE, "land": "Heel Nederland", "netwerken": "Alle netwerken"}
AREA_NAME = {
    "provincie": "Provincie {province}",
    "land": "Nederland",
    "netwerken": "De netwerken samen",
}
# The area in a column header: 'T.o.v. provincie'.
AREA_SHORT = {"provincie": "provincie", "land": "Nederland", "netwerken": "netwerken"}
# The area as the object of a comparison: 'hoger dan de provincie'.
AREA_REFERENCE = {
    "provincie": "de provincie",
    "land": "Nederland",
    "netwerken": "de netwerken samen",
}
# Selection descriptions
PERIOD = "gemeld {start} t/m {end}"
REGISTERED_BY = "geregistreerd t/m {end}"
THEMES_PREFIX = "thema "
CATEGORIES_PREFIX = "soort "
PHASE_TEXT = "{phase}e initiatieven"
LEVEL_PREFIX = "op te lossen door "
FEW_CASES = "weinig gevallen"
TOO_FEW_TO_SHOW = "te weinig gevallen"
COL_AGENDA_RANK = "Rang"
COL_ITEM = "Agendapunt"
COL_CATEGORY = "Soort knelpunt"
COL_THEME = "Thema"
COL_MUNICIPALITIES = "Gemeenten"
COL_INITIATIVES = "Initiatieven"
COL_OBSTACLES = "Knelpunten"
COL_UNRESOLVED = "Onopgelost"
COL_UNRESOLVED_SHARE = "% onopgelost"
COL_SEVERE_SHARE = "% ernst hoog"
COL_TREND = "Trend"
COL_LEVEL = "Op te lossen door"
HELP_AGENDA_MUNICIPALITIES = "Aantal verschillende gemeenten met minstens één zo'n knelpunt."
HELP_AGENDA_INITIATIVES = (
    "Aantal verschillende initiatieven dat zo'n knelpunt meldde (meldingen zonder "
    "initiatief tellen niet mee)."
)
HELP_AGENDA_UNRESOLVED = (
    "Knelpunten zonder reactie 'opgelost' of 'deels opgelost' op de peildatum, van de "
    "knelpunten in de kolom Knelpunten."
)
HELP_AGENDA_SEVERE = (
    "Knelpunten met ernst hoog (3), van de knelpunten waarvan de ernst is opgegeven."
)
HELP_AGENDA_TREND = (
    "Stijgend of dalend: de laatste 12 maanden verschillen meer van de 12 maanden ervoor "
    "dan toeval verklaart (95%-interval, Wilson, voor het aandeel van de laatste 12 "
    "maanden). Geen duidelijk verschil: het verschil kan toeval zijn (dus niet per se "
    "gelijk). Te weinig gegevens: minder dan {minimum} meldingen in die 24 maanden."
)
HELP_AGENDA_LEVEL = (
    "Het niveau (gemeente, regio, provincie, rijk) waar de meeste van deze knelpunten "
    "volgens de melders moeten worden opgelost."
)
TREND_UP = "stijgend"
# Not "gelijk": 25 -> 40 reports can still be chance, and then "gelijk" would mislead.
TREND_FLAT = "geen duidelijk verschil"
TREND_DOWN = "dalend"
TREND_FEW = "te weinig gegevens"
TREND_SHORT = "periode te kort"
# "alleen gemeente", "vooral rijk (60%)" (half or more), "meest regio (40%)".
LEVEL_ONLY = "alleen"
LEVEL_MOSTLY = "vooral"
LEVEL_MOST = "meest"
LEVEL_UNKNOWN = "onbekend"
NO_RESPONSE_YET = "nog geen reactie"
COL_ID = "Nummer"
COL_REPORTED = "Gemeld op"
COL_SEVERITY = "Ernst"
COL_STATUS = "Status"
COL_FIRST_RESPONSE = "Eerste reactie"
COL_DAYS_TO_RESPONSE = "Dagen tot eerste reactie"
COL_RESOLVED = "(Deels) opgelost op"
COL_DESCRIPTION = "Omschrijving"
COL_RESPONSE_DATE = "Datum"
COL_OUTCOME = "Uitkomst"
COL_NOTE = "Toelichting"
HELP_DAYS_TO_RESPONSE = (
    "Dagen tussen melding en eerste reactie (van welke uitkomst ook); 'nog geen reactie' "
    "als er op de peildatum geen reactie is."
)
METRIC_AS_OF = "Peildatum"
METRIC_LOAD = "Load"
METRIC_FILES = "Bestanden"
METRIC_LOADED = "Rijen geladen"
METRIC_REJECTED = "Rijen afgekeurd"
LOAD_STATUS = {
    "completed": "voltooid zonder afgekeurde rijen",
    "completed_with_rejects": "voltooid, met afgekeurde rijen",
}
COL_PATH = "Bestand"
COL_SOURCE = "Bron"
COL_READ = "Gelezen"
COL_LOADED = "Geladen"
COL_REJECTED = "Afgekeurd"
COL_SUPERSEDED = "Vervangen"
COL_ERASED = "Verwijderd"
COL_ERROR = "Fout"
COL_RULE = "Regel"
COL_FIELD = "Veld"
COL_COUNT = "Aantal"
COL_EXAMPLE = "Voorbeeld"
COL_ROW = "Rij"
COL_REASON = "Reden"
COL_KIND = "Soort"
COL_MESSAGE = "Melding"
COL_STARTED = "Begonnen"
COL_FINISHED = "Klaar"
COL_LOAD_STATUS = "Status"
COL_SYNTHETIC = "Synthetisch"
COL_TERM = "Begrip"
COL_MEANING = "Betekenis"
COL_DEF_NUMERATOR = "Wat telt (teller)"
COL_DEF_DENOMINATOR = "Waarover (noemer)"
COL_DEF_PERIOD = "Periode"
COL_DEF_CENSORING = "Open knelpunten"
COL_DEF_INTERVAL = "Interval"
COL_DEF_NOTE = "Let op"
# The sources' Dutch names are the ETL's (one list, boundaries included).
SOURCE_LABELS = ETL_SOURCE_LABELS
WARNING_KINDS = {
    "unmatched_file": "bestand zonder bron",
    "unknown_columns": "onbekende kolommen",
    "skipped_folder": "map overgeslagen",
    "demo_left_out": "demogegevens weggelaten",
    "boundary_ignored": "grenzenbestand niet gebruikt",
    "boundary_missing": "gemeenten zonder grens",
    "boundary_crs_assumed": "coördinatenstelsel aangenomen",
}
# etl.rejects.rule -> what the rule checks, in a few words (the row's reason says more).
RULE_LABELS = {
    "required": "verplicht veld leeg",
    "extra_fields": "meer velden dan de kopregel",
    "date_invalid": "ongeldige datum",
    "date_after_as_of": "datum na de peildatum",
    "date_before_1900": "datum voor 1900",
    "count_invalid": "geen geldig aantal",
    "consent_invalid": "ongeldige toestemming (zichtbaar)",
    "municipality_unknown": "onbekende gemeente",
    "municipality_ambiguous": "gemeente niet eenduidig",
    "municipality_out_of_scope": "gemeente buiten de provincie",
    "initiative_unknown": "onbekend initiatief",
    "initiative_rejected": "initiatief zelf afgekeurd",
    "obstacle_unknown": "onbekend knelpunt",
    "obstacle_rejected": "knelpunt zelf afgekeurd",
    "response_before_report": "reactie vóór de melding",
    "alias_code_unknown": "onbekende CBS-code in alias",
    "file_rejected": "hele bestand afgekeurd",
    "unknown_theme": "onbekend thema",
    "unknown_category": "onbekende soort",
    "unknown_severity": "onbekende ernst",
    "unknown_level": "onbekend niveau",
    "unknown_outcome": "onbekende uitkomst",
    "unknown_legal_form": "onbekende rechtsvorm",
    "unknown_phase": "onbekende fase",
    "boundary_code_invalid": "ongeldige gemeentecode in grenzen",
    "boundary_code_unknown": "gemeente van de grenzen niet in de provincie",
    "boundary_other_year": "grenzen van een ander jaar",
    "boundary_no_polygon": "grens zonder vlak",
}
# Terms the agenda and the obstacle list use; the scorecard's figures are in etl.metrics.
PAGE_TERMS = (
    (
        "Agendapunt",
        "Een soort knelpunt binnen een thema (bijvoorbeeld Financiering en subsidie · "
        "Zorg en welzijn), of alleen de soort.",
    ),
    ("Terugkerend", "Een agendapunt dat in minstens twee gemeenten voorkomt."),
    (
        "Gemeenten, initiatieven",
        "Aantal verschillende gemeenten of initiatieven met zo'n knelpunt.",
    ),
    ("Onopgelost", HELP_AGENDA_UNRESOLVED),
    ("% ernst hoog", HELP_AGENDA_SEVERE),
    ("Trend", HELP_AGENDA_TREND),
    ("Op te lossen door", HELP_AGENDA_LEVEL),
    ("Dagen tot eerste reactie", HELP_DAYS_TO_RESPONSE),
)
COL_MUNICIPALITY = "Gemeente"
COL_REGION = "Regio"
COL_NETWORK = "Netwerk"
COL_SCOPE = "Gebied"
COL_PUBLISHED = "Gepubliceerd"
COL_POPULATION = "Inwoners"
COL_CASES = "Gevallen"
COL_VALUE = "Waarde"
COL_LOW = "Ondergrens 95%"
COL_HIGH = "Bovengrens 95%"
COL_VERDICT = "T.o.v. {area}"
COL_RANK = "Rang"
COL_FEW = "Weinig gevallen"
PROFILE_COL_MEASURE = "Maat"

# The reference of every comparison: the whole area the warehouse covers.
PROVINCE_NAME = "Provincie {province}"
PROVINCE_REFERENCE = "provincie"
NO_VALUE = "–"
VERDICT_UNKNOWN = "onbekend"
MAP_VERDICT = "{verdict} dan {area}"
COL_MEASURE = "Maat"
COL_OWN = "Gemeente"
COL_VS = "T.o.v. {name}"
RUNNING_QUARTER = "{label} (lopend)"
PARTIAL_QUARTER = "{label} (deels)"

# Warehouse files the read layer cannot use.
NOT_A_WAREHOUSE = (
    "Dit bestand is geen Omzien-warehouse (het mist de tabellen die 'omzien etl run' "
    "maakt). Kies het juiste bestand met OMZIEN_WAREHOUSE of bouw het warehouse opnieuw "
    "met 'omzien etl run'."
)
OLD_WAREHOUSE = (
    "Dit warehouse is gebouwd door een oudere versie van Omzien en mist {tables}. Draai "
    "'omzien etl run' om het opnieuw te bouwen."
)
UNREADABLE_WAREHOUSE = (
    "Het warehouse kan niet worden gelezen; het bestand is beschadigd of onvolledig. Draai "
    "'omzien etl run' om het opnieuw te bouwen."
)
PROVINCE_WITHOUT_CITY = "{province} zonder {city}"

SYNTHETIC = "SYNTHETISCHE DEMOGEGEVENS"
SOURCE = "Omzien, warehouse load {load_id}, peildatum {as_of}"
PDOK_ATTRIBUTION = "Bron gemeentegrenzen: CBS/Kadaster (PDOK)"

# Knowledge base (readmodel.kennisbank, readmodel.similarity, readmodel.solutions)
COL_NAME = "Naam"
COL_PLACE = "Kern"
COL_THEMES = "Thema's"
COL_LEGAL_FORM = "Rechtsvorm"
COL_PHASE = "Fase"
COL_FOUNDED = "Opgericht"
COL_VOLUNTEERS = "Vrijwilligers"
COL_WEBSITE = "Website"
COL_REGISTERED = "Geregistreerd op"
COL_PUBLIC = "Publiek zichtbaar"
COL_INITIATIVE = "Initiatief"
COL_SIMILARITY = "Gelijkenis"
COL_WHY_SIMILAR = "Waarom vergelijkbaar"
COL_RESOLVED_ON = "(Deels) opgelost op"
COL_DAYS_TO_RESOLUTION = "Dagen tot oplossing"
COL_SAME_REGION = "Zelfde regio"
COL_RESOLVED_COUNT = "(Deels) opgelost"
DAYS = "{days} dagen"
MEDIAN_NOT_REACHED = "niet bereikt (minder dan de helft (deels) opgelost)"
YES = "ja"
NO = "nee"
NO_INITIATIVE = "(geen initiatief)"
# Why a peer is similar (readmodel.similarity), joined with '; '.
REASON_THEMES = "gedeelde thema's: {themes}"
REASON_DESCRIPTION = "lijkende omschrijving"
REASON_DESCRIPTION_WORDS = "lijkende omschrijving ({words})"
REASON_LEGAL_FORM = "zelfde rechtsvorm ({form})"
REASON_SAME_PHASE = "zelfde fase ({phase})"
REASON_FURTHER_PHASE = "verder op weg ({phase})"
REASON_SIZE = "vergelijkbare omvang ({own} en {other} vrijwilligers)"
REASON_OBSTACLES = "zelfde soort knelpunten: {categories}"

# Signals (readmodel.signals)
SIGNAL_MEASURE_CATEGORY = "{measure} over {category}"
SIGNAL_PER_MONTH = "{value} per maand"
