"""Every Dutch text the ETL and CLI show to analysts, in one place so English can follow.

Placeholders are named; reject reasons are filled partly in Python (static parts such as
the allowed values) and partly in SQL (the value of the row), see etl.validation.
"""

from __future__ import annotations

REJECT_REASONS: dict[str, str] = {
    # The surplus cells themselves are never quoted: nobody described what they hold.
    "extra_fields": "De rij heeft {cells} meer dan de kopregel, vanaf kolom {column} (de "
    "inhoud wordt niet getoond); staat er een scheidingsteken of aanhalingsteken te veel in?",
    "required": "Verplicht veld '{field}' is leeg.",
    "date_invalid": "'{value}' is geen geldige datum; gebruik dag-maand-jaar (05-03-2024) "
    "of jaar-maand-dag (2024-03-05).",
    "date_after_as_of": "Datum {value} ligt na de peildatum {as_of}.",
    "date_before_1900": "Datum {value} ligt voor 1900.",
    "year_invalid": "'{value}' is geen jaartal of datum (bijvoorbeeld 2019 of 05-03-2019).",
    "count_invalid": "'{value}' is geen geheel getal van 0 of meer.",
    "consent_invalid": "'{value}' is geen geldige waarde voor {field} (toestemming om in "
    "openbare overzichten te staan); gebruik ja of nee (ook true/false of 1/0), of laat "
    "het leeg (betekent nee).",
    "vocabulary_unknown": "Onbekende waarde '{value}' voor {field}; toegestaan: {allowed}.",
    "themes_unknown": "Onbekend thema '{unknown}' in '{value}'; toegestaan: {allowed}.",
    "municipality_unknown": "Gemeente '{value}' is niet gevonden; bedoelde u {hint}? "
    "Voeg zo nodig een alias toe (aliassen.csv).",
    "municipality_unknown_no_hint": "Gemeente '{value}' is niet gevonden. "
    "Voeg zo nodig een alias toe (aliassen.csv).",
    "municipality_ambiguous": "'{value}' komt voor in meer dan één gemeente ({hint}); "
    "schrijf de gemeente zelf of leg de keuze vast in aliassen.csv.",
    "municipality_out_of_scope": "'{value}' is de gemeente {hint}, die valt buiten de "
    "provincie {province}.",
    "initiative_unknown": "Onbekend initiatief '{value}': het staat in geen enkele "
    "initiatievenexport.",
    "initiative_rejected": "Initiatief '{value}' is zelf afgekeurd; herstel eerst die rij "
    "in de initiatievenexport.",
    "obstacle_unknown": "Onbekend knelpunt '{value}': het staat in geen enkele knelpuntenexport.",
    "obstacle_rejected": "Knelpunt '{value}' is zelf afgekeurd; herstel eerst die rij in de "
    "knelpuntenexport.",
    "response_before_report": "Reactiedatum {value} ligt voor de meldingsdatum van het "
    "knelpunt ({reported}).",
    "check_before_report": "Controledatum {value} ligt voor de meldingsdatum van het "
    "knelpunt ({reported}).",
    "alias_code_unknown": "Alias '{alias}': '{value}' is geen bekende CBS-gemeentecode "
    "(zoals GM0344).",
    "region_code_invalid": "Regiocode '{value}' kan niet: gebruik alleen letters, cijfers, "
    "- en _ (bijvoorbeeld regio_west).",
    "region_kind_unknown": "Onbekende soort '{value}' voor regio's; toegestaan: {allowed}.",
    "region_name_conflict": "Regio '{code}' heet op een eerdere rij '{name}', hier '{value}'; "
    "geef elke regio op al haar rijen dezelfde naam.",
    "file_rejected": "{error}",
}

# The extra_fields reason of a row rejected by a load that still quoted the surplus cells.
EXTRA_FIELDS_EARLIER = (
    "De rij heeft meer velden dan de kopregel (de inhoud wordt niet getoond); staat er een "
    "scheidingsteken of aanhalingsteken te veel in?"
)
# How many surplus cells the extra_fields reason names; {} is DuckDB format()'s placeholder.
EXTRA_CELL_ONE = "1 veld"
EXTRA_CELL_MANY = "{} velden"

# core.regions.note of an analyst's region that has no toelichting.
ANALYST_REGION_NOTE = "Eigen indeling van het netwerk (regiobestand {path})."

# Shown in etl.rejects.value instead of anything from a personal-data column.
MASKED_VALUE = "[afgeschermd]"

CLI = {
    "reading": "Lezen: {path}",
    "building": "Warehouse opbouwen ...",
    "signals": "Signalen berekenen ...",
    "signals_summary": "{new} nieuwe signalen sinds de vorige load ({ongoing} lopend, {ended} "
    "beëindigd); lees ze met 'omzien export signalen --format pdf' of op /signalen.",
    "no_signals": "Geen signalen: geen gemeente of regio veranderde aantoonbaar sinds de "
    "periode ervoor ({tests} toetsen); zie /signalen.",
    "summary_header": "Geladen op peildatum {as_of} (load {load_id}):",
    "follow_up": "{count} knelpunten van initiatieven wachten op een follow-up: al meer dan "
    "{days} dagen geen nieuws (/melden vraagt 'Is dit al opgelost?').",
    "file_error": "  Bestand afgekeurd: {error}",
    "warning": "  Let op: {message}",
    "rejects_hint": "{count} afgekeurde rij(en); bekijk ze met 'omzien etl rejects' of "
    "'omzien etl rejects --csv afgekeurd.csv'.",
    "no_rejects": "Geen afgekeurde rijen.",
    "written": "Warehouse geschreven naar {path}.",
    "synthetic": "Let op: dit zijn SYNTHETISCHE demogegevens, geen echte meldingen.",
    "nothing_to_build": "Er is niets gebouwd; het bestaande warehouse is ongewijzigd. {reason}",
    "no_exports": "Geen exports gevonden in {raw} (verwacht bijvoorbeeld initiatieven*.csv, "
    "knelpunten*.xlsx, reacties*.csv).",
    "no_usable_exports": "Geen enkele export kon worden gelezen; zie de meldingen hierboven.",
    "raw_missing": "De map {raw} bestaat niet.",
    "bad_date": "'{value}' is geen datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-11-26.",
    "busy": "Er loopt al een ETL-run op {path}; wacht tot die klaar is.",
    "build_failed": "De ETL-run is mislukt ({error}).",
    "no_warehouse": "Er is nog geen warehouse op {path}; draai eerst 'omzien etl run'.",
    "unknown_load": "Load {load_id} bestaat niet; zie 'omzien etl status'.",
    "rejects_written": "{count} afgekeurde rij(en) geschreven naar {path}.",
    "demo_written": "Synthetische demo-exports geschreven naar {path} ({files} bestanden, "
    "{broken} opzettelijk foute rijen).",
    "unmatched_file": "bestand {path} hoort bij geen enkele bron en is overgeslagen.",
    "unknown_columns": "{path}: onbekende kolom(men) genegeerd: {columns}.",
    "as_of_range": "De datum {value} ligt buiten het bereik {first} tot en met {last}.",
    "not_a_warehouse": "{path} is geen omzien-warehouse (of het bestand is beschadigd): "
    "{detail}. Bouw het opnieuw met 'omzien etl run' of kies een ander bestand met "
    "--warehouse.",
    "not_a_warehouse_missing": "de tabel(len) {tables} ontbreken",
    "not_a_warehouse_unreadable": "DuckDB kan het niet openen",
    "not_a_warehouse_directory": "het is een map",
    "warehouse_target_taken": "{path} bestaat al en is geen omzien-warehouse; de ETL "
    "schrijft er niet overheen. Kies een ander pad met --warehouse of verwijder het bestand.",
    "warehouse_in_raw": "Het warehouse {path} mag niet in de map met exports ({raw}) staan; "
    "kies een ander pad met --warehouse.",
    "out_is_directory": "{path} is een map; geef een bestandsnaam op.",
    "out_is_warehouse": "{path} is het warehouse zelf; kies een andere bestandsnaam.",
    "out_in_raw": "{path} ligt in de map met exports ({raw}); schrijf ergens anders heen, "
    "anders leest de volgende ETL-run het in (of is een export kwijt).",
    "out_beside": "{path} bestond al; er is naast geschreven (gebruik --overwrite om te "
    "vervangen).",
    "write_failed": "Kon niet schrijven naar {path} ({reason}).",
    "unknown_province": "'{value}' is geen provincie. Kies een van {provinces}, of Nederland "
    "voor alle 342 gemeenten (--province of OMZIEN_PROVINCE).",
    "province_help": "Provincie die het warehouse beslaat (een van de twaalf), of Nederland "
    "voor het hele land; standaard OMZIEN_PROVINCE, anders Utrecht.",
    "overwrite_help": "Vervang een bestaand bestand (anders wordt ernaast geschreven).",
}

DEMO = {
    "generating": "Demogegevens genereren (seed {seed}, peildatum {as_of}) ...",
    "writing": "{label} schrijven ({rows} rijen, {path}) ...",
    "manifest": "Manifest schrijven ({path}) ...",
    "as_of_too_early": "De peildatum moet op of na {day} liggen.",
    "scale_too_small": "De schaal moet minstens {scale} zijn.",
}

SOURCE_LABELS = {
    "initiatives": "initiatieven",
    "obstacles": "knelpunten",
    "responses": "reacties",
    "checks": "controles",
    "aliases": "aliassen",
    "regions": "regio's",
    "erasures": "verwijderlijst",
    "boundaries": "gemeentegrenzen",
}

# --- column mappings of form-tool exports (kolommen*.csv) ----------------------------
MAPPING_UNREADABLE = "Kolommenbestand {file} is niet te lezen als tekst; het is niet gebruikt."
MAPPING_HEADER = (
    "Kolommenbestand {file} heeft niet de kolommen bron, kolom en veld; het is niet gebruikt."
)
MAPPING_ROW = "Kolommenbestand {file}, rij {row}: {problem} Deze rij is niet gebruikt."
MAPPING_NO_SOURCE = (
    "onbekende bron '{value}' (gebruik initiatieven, knelpunten, reacties of controles)."
)
MAPPING_NO_HEADER = "de kolom (de kop in de export) is leeg."
MAPPING_NO_FIELD = (
    "onbekend veld '{value}' voor {source}; gebruik een van {fields}, of laat het leeg (of -) "
    "voor een kolom die niet gelezen moet worden."
)
MAPPING_NO_OPTIONS = (
    "'{value}': alleen {column} kan een kolom per keuze hebben (themas=zorg_welzijn)."
)
UNMAPPED_HEADERS = (
    "Bestand {file} is een export met een kolommenbestand, maar deze koppen staan er niet "
    "in: {headers}. Voeg ze toe aan kolommen.csv (met het veld, of leeg om ze over te "
    "slaan); het bestand is niet geladen."
)

# --- extract: whole-file rejects and column warnings --------------------------------

# Whole-file rejects. {file} is the path relative to data/raw/, {where} adds the sheet.
FILE_UNREADABLE = "Bestand {file} kan niet geopend worden."
NOT_TEXT = "Bestand {file} is geen tekstbestand (csv) en kan niet gelezen worden."
UTF16 = (
    "Bestand {file} is opgeslagen als UTF-16 ('Unicode-tekst'); sla het op als "
    "'CSV UTF-8' of 'CSV (gescheiden door lijstscheidingsteken)'."
)
UNCLOSED_QUOTE = (
    'Bestand {file} kan niet gelezen worden: het aanhalingsteken (") dat in rij {row} '
    "begint, wordt nergens afgesloten."
)
CSV_UNPARSEABLE = (
    "Bestand {file} kan niet gelezen worden als csv-bestand; controleer of het een "
    "geldige export is."
)
XLSX_UNREADABLE = "Bestand {file} is geen leesbaar Excel-bestand (.xlsx)."
XLSX_PASSWORD = "Bestand {file} is met een wachtwoord beveiligd; sla het op zonder wachtwoord."
MISSING_REQUIRED = (
    "Bestand {file}{where} mist de verplichte kolom(men) {missing}; gevonden kolommen: {found}."
)
MISSING_ALL_OPTIONAL = (
    "Bestand {file}{where} heeft geen van de kolommen {columns}; gevonden kolommen: {found}."
)
NO_HEADER_ROW = (
    "Bestand {file}{where} heeft geen kopregel: rij {row} bevat geen enkele bekende kolomnaam "
    "(verwacht onder meer {missing}). Zet de kolomnamen in de eerste rij."
)
SHEET = " (blad '{sheet}')"
NO_HEADERS = "(geen)"

# Files and folders that may not be read (etl.extract.discover); {file} relative to data/raw/.
NOT_REGULAR = (
    "Bestand {file} is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat) en is "
    "niet gelezen."
)
LINK_OUTSIDE = (
    "Bestand {file} is een koppeling naar iets buiten de map met exports en is niet gelezen."
)
LINK_BROKEN = "Bestand {file} is een koppeling die nergens (of in een kring) naar wijst."
TOO_LARGE = (
    "Bestand {file} is te groot ({size} MB; de grens is {limit} MB, instelling "
    "OMZIEN_MAX_FILE_MB) en is niet gelezen."
)
BAD_NAME = (
    "Bestand {file} heeft een naam die geen geldige UTF-8-tekst is; geef het een nieuwe naam "
    "(zonder vreemde tekens) en lees opnieuw in."
)
XLSX_TOO_BIG_UNPACKED = (
    "Bestand {file} pakt uit tot meer dan {limit} MB (instelling OMZIEN_MAX_XLSX_MB) en is "
    "niet gelezen; is het wel een gewone export?"
)
XLSX_TOO_WIDE = (
    "Bestand {file} (blad '{sheet}') loopt tot cel {cell}: dat zijn {cells} cellen, meer "
    "dan de grens van {limit} (instelling OMZIEN_MAX_XLSX_CELLS). Verwijder de losse cellen "
    "ver buiten de tabel en sla opnieuw op."
)
FOLDER_UNREADABLE = "De map {folder} kan niet gelezen worden; de bestanden erin zijn overgeslagen."
FOLDER_LINK = "De map {folder} is een koppeling en is overgeslagen."
DEMO_LEFT_OUT = (
    "De demomap {folder} is overgeslagen: er staan echte exports naast. Verwijder de map "
    "{folder} (met omzien-demo.json) als u de demogegevens niet meer nodig hebt."
)

# Entries of Extracted.unknown_columns next to plain unknown headers.
DUPLICATE_HEADER = "{header} (tweede kolom voor '{column}', genegeerd)"
UNNAMED_COLUMN = "(kolom {number} zonder kopnaam)"


def quoted_list(names: list[str]) -> str:
    """'a', 'b' — how column names appear inside a message."""
    return ", ".join(f"'{name}'" for name in names)


def plain_list(names: list[str]) -> str:
    return ", ".join(names) if names else NO_HEADERS


# --- metrics: scorecard, funnel plots, comparisons (etl.metrics) ---------------------

SCORECARD = {
    "progress": "Scorekaart per gemeente berekenen ...",
    "few_cases": "gebaseerd op weinig knelpunten (minder dan {threshold})",
    "suppressed": "te weinig knelpunten om als percentage te tonen (minder dan {threshold})",
    "counts_disagree": "De knelpunten per gemeente kloppen niet met de tellingen in de "
    "scorekaart voor {codes}.",
}

# Where a municipality lies in a funnel plot; {names} is a list of municipality names.
FUNNEL = {
    "boven_998": "Boven de 99,8%-grens: {names}.",
    "boven_95": "Boven de 95%-grens: {names}.",
    "onder_95": "Onder de 95%-grens: {names}.",
    "onder_998": "Onder de 99,8%-grens: {names}.",
    "binnen": "binnen de verwachte variatie",
    "rest_inside": "De overige {count} gemeente(n) liggen binnen de verwachte variatie.",
    "all_inside": "Alle {count} gemeenten liggen binnen de verwachte variatie.",
    "one_inside": "De gemeente ligt binnen de verwachte variatie.",
    "without_cases": "{count} gemeente(n) zonder knelpunten staan niet in de figuur.",
}

# Verdict of etl.metrics.comparison, as the dashboard and exports show it.
COMPARISON = {
    "hoger": "hoger",
    "vergelijkbaar": "vergelijkbaar",
    "lager": "lager",
    "unknown": "niet te beoordelen",
}


# --- geo: municipal boundaries (etl.geo) and `omzien geo fetch` ---------------------

# Whole-file problems and warnings of the boundary file in data/raw/geo/; {file} is the
# path relative to data/raw/.
GEO = {
    "reading": "Gemeentegrenzen lezen: {path}",
    "progress": "Gemeentegrenzen koppelen ...",
    "unreadable": "Grenzenbestand {file} kan niet gelezen worden ({detail}); de kaart komt "
    "zonder gemeentegrenzen.",
    "not_a_geo_file": "het is geen GeoJSON-, GeoPackage- of Shapefile-bestand dat te openen is",
    "no_polygon_layer": "Grenzenbestand {file} heeft geen laag met vlakken (gevonden: {found}).",
    "no_code_column": "Grenzenbestand {file} mist een kolom met de CBS-gemeentecode "
    "('statcode' of 'gemeentecode'); gevonden kolommen: {found}.",
    "no_crs": "Grenzenbestand {file} zegt niet in welk coördinatenstelsel het staat, en de "
    "coördinaten passen niet bij WGS84 (lengte/breedte) of RD New (EPSG:28992).",
    "crs_assumed": "{file} zegt niet (of niet goed) in welk coördinatenstelsel het staat; "
    "op grond van de coördinaten is {crs} aangenomen.",
    "ignored_file": "Grenzenbestand {file} is niet gebruikt: bij meer grenzenbestanden telt "
    "alleen het laatste in alfabetische volgorde ({used}).",
    "missing": "{count} gemeente(n) van de provincie {province} hebben geen grens in {file}: "
    "{names}; die ontbreken op de kaart.",
    # Reasons in etl.rejects, one per feature (row_number = the feature's number, 1 = first).
    "code_invalid": "'{value}' is geen CBS-gemeentecode (zoals GM0344, 0344 of 344); "
    "object {feature} is niet gebruikt.",
    "code_unknown": "Gemeentecode {value} staat niet in de CBS-gemeentelijst van het "
    "warehouse (gemeenten op 1 januari 2024); is het grenzenbestand van een ander jaar?",
    "other_year": "Grens van {year}: het bestand bevat meer jaargangen en alleen de jongste "
    "({latest}) is gebruikt.",
    "no_polygon": "Object {feature} ({value}) heeft geen vlak als geometrie ({kind}) en is "
    "niet gebruikt.",
    "shipped": "Geen grenzenbestand in geo/: de meegeleverde gemeentegrenzen (CBS/PDOK "
    "{year}, vereenvoudigd) worden gebruikt. Gedetailleerdere grenzen: omzien geo fetch.",
    # Whom the map credits for the outlines (core.municipality_boundaries.attribution).
    "attribution": "Bron gemeentegrenzen: {source}",
    "source_cbs": "CBS/PDOK, Gebiedsindelingen {year} (CC BY 4.0)",
    "source_shipped": "CBS/PDOK, Gebiedsindelingen {year} (CC BY 4.0), vereenvoudigd voor de kaart",
}

# `omzien geo fetch`: download the CBS municipal boundaries from PDOK.
GEO_FETCH = {
    "start": "Gemeentegrenzen {year} ophalen bij PDOK ({url}) ...",
    "page": "  pagina {page}: {features} gemeenten ontvangen ({size} kB)",
    "written": "{count} gemeentegrenzen van de provincie {province} ({year}) opgeslagen in {path}.",
    "no_connection": "Geen verbinding met PDOK ({url}): {reason}. De gemeentegrenzen zijn "
    "niet opgehaald; de kaart gebruikt de meegeleverde grenzen. Zet zelf een grenzenbestand "
    "(GeoJSON, GeoPackage of Shapefile) in {folder} of probeer het later opnieuw.",
    "timeout": "PDOK antwoordde niet binnen {seconds} seconden ({url}). De gemeentegrenzen "
    "zijn niet opgehaald; de kaart gebruikt de meegeleverde grenzen. Probeer het later "
    "opnieuw of zet zelf een grenzenbestand in {folder}.",
    "http_error": "PDOK gaf een foutmelding ({status} {reason}) voor {url}. Bestaat het jaar "
    "{year} in CBS Gebiedsindelingen?",
    "bad_response": "Het antwoord van PDOK ({url}) is geen bruikbare GeoJSON-verzameling "
    "van gemeenten ({detail}).",
    "too_many_pages": "PDOK bleef na {pages} pagina's nog meer pagina's aanbieden; het "
    "ophalen is gestopt.",
    "none_in_province": "PDOK gaf {features} gemeenten voor {year}, maar geen enkele van de "
    "provincie {province}.",
    "others": "Let op: in {folder} staan meer grenzenbestanden; de ETL gebruikt alleen het "
    "laatste in alfabetische volgorde ({used}).",
    "write_failed": "De gemeentegrenzen konden niet worden opgeslagen in {path} ({reason}).",
    "failed": "Het ophalen van de gemeentegrenzen is mislukt ({error}).",
    "bad_year": "'{value}' is geen jaartal tussen 1995 en 2100.",
}


# --- redaction (etl.redaction): what replaces personal data in every stored text -------

REDACTED = {
    "email": "[e-mail]",
    "phone": "[telefoon]",
    "postcode": "[postcode]",
    "address": "[adres]",
    "name": "[naam]",
}

PUBLISH = {
    "no_warehouse": "Er is nog geen warehouse op {path}; draai eerst 'omzien etl run'.",
    "unreadable": "{path} kan niet als warehouse worden gelezen; bouw het opnieuw met "
    "'omzien etl run'.",
    "not_a_warehouse": "Dit is geen volledig Omzien-warehouse (het mist {tables}); bouw het "
    "opnieuw met 'omzien etl run'.",
    "no_load": "Het warehouse bevat nog geen load; draai eerst 'omzien etl run'.",
    "written": "Publieke momentopname geschreven naar {path}: netwerk {network}, load "
    "{load_id}, {municipalities} gemeenten, {initiatives} initiatieven met toestemming.",
    "refreshed": "Publieke momentopname bijgewerkt: {path}.",
    "help": "Schrijf de publieke momentopname: alleen cijfers, referentiegegevens, de herkomst "
    "en de initiatieven met toestemming; geen omschrijvingen, toelichtingen of nummers.",
    "out_help": "Waar de momentopname komt (standaard: OMZIEN_PUBLIC_WAREHOUSE).",
    "tables": {
        "public.snapshot": "One row: the network, province, load and as-of day of this public "
        "snapshot, and when it was published.",
        "public.coverage": "One row per municipality the snapshot covers, with its network.",
        "public.initiatives": "One row per initiative that consented to be shown publicly "
        "(zichtbaar = ja): its directory entry, no contact persons.",
    },
}

ROLLUP = {
    "help": "Tel de publieke momentopnamen van meerdere netwerken op tot één landelijk beeld; "
    "elk cijfer wordt opnieuw berekend uit de opgetelde aantallen.",
    "snapshots_help": "De momentopnamen (omzien publish) van de netwerken.",
    "out_help": "Waar het landelijke beeld komt (een publieke momentopname).",
    "prefer_help": "Het netwerk dat telt voor gemeenten die twee momentopnamen allebei dekken.",
    "name_help": "Naam van het landelijke beeld (standaard: Nederland Zorgt voor Elkaar).",
    "default_name": "Nederland Zorgt voor Elkaar",
    "too_few": "Geef minstens twee momentopnamen om op te tellen.",
    "out_is_input": "{path} is een van de momentopnamen die je optelt; kies een ander --out.",
    "missing": "{path} bestaat niet.",
    "directory": "{path} is een map; geef het bestand van een momentopname.",
    "not_a_snapshot": "{path} is geen publieke momentopname; maak die met 'omzien publish'.",
    "old_snapshot": "{path} is gemaakt met een oudere versie (er ontbreekt: {tables}); maak "
    "hem opnieuw met 'omzien publish'.",
    "damaged": "{path} is beschadigd of met de hand veranderd ({what} klopt niet); maak hem "
    "opnieuw met 'omzien publish'.",
    "bad_network": "{path} noemt een netwerk dat niet kan: {problem} Maak hem opnieuw met "
    "'omzien publish' (OMZIEN_NETWORK).",
    "bad_name": "Die --naam kan niet: {problem}",
    "name_empty": "de naam is leeg.",
    "name_long": "de naam is langer dan {length} tekens.",
    "name_control": "de naam bevat een regeleinde of een ander onzichtbaar stuurteken.",
    "unknown_coverage": "{path} dekt gemeenten die niet bestaan of die hij zelf niet heeft "
    "(bijvoorbeeld {codes}); maak hem opnieuw met 'omzien publish'.",
    "double_coverage": "{path} noemt gemeenten twee keer (bijvoorbeeld {codes}); maak hem "
    "opnieuw met 'omzien publish'.",
    "empty_code": "(leeg)",
    "versions": "{one} en {other} zijn met verschillende versies gemaakt en passen niet op "
    "elkaar; maak ze opnieuw met 'omzien publish'.",
    "same_network": "Netwerk {network} staat er twee keer in ({one} en {other}); geef elk "
    "netwerk één keer. Een landelijk beeld bevat zijn netwerken al.",
    "unknown_preference": "'{network}' is geen van de netwerken; kies uit: {networks}.",
    "overlap": "De momentopnamen van {one} en {other} dekken allebei {count} gemeente(n) "
    "(bijvoorbeeld {examples}). Geef met --voorkeur aan welk netwerk daar telt.",
    "mixed_demo": "Demogegevens en echte gegevens worden niet samen opgeteld.",
    "failed": "Het optellen is mislukt: {error}",
    "no_folder": "De map voor {path} kan niet worden gemaakt ({error}); kies een ander --out.",
    "cannot_write": "{path} kan niet worden geschreven ({error}).",
    "as_of_differs": "Let op: de peildata verschillen ({days}). Het landelijke beeld heeft de "
    "laatste als peildatum; cijfers als 'afgelopen 12 maanden' tellen per netwerk tot zijn "
    "eigen peildatum.",
    "step_reference": "Gemeenten en grenzen",
    "step_regions": "Regio's",
    "step_marts": "Aantallen optellen en cijfers opnieuw berekenen",
    "step_signals": "Signalen opnieuw berekenen uit de opgetelde aantallen",
    "step_public": "Herkomst en initiatieven",
    "written": "Landelijk beeld geschreven naar {path}: {networks} netwerken, "
    "{municipalities} gemeenten.",
    "left_out": "{network}: {count} gemeente(n) telt/tellen mee bij het voorkeursnetwerk.",
    "dropped_region": "Regio {region} is weggelaten: een deel van haar gemeenten telt bij "
    "een ander netwerk.",
    "unknown_reach": "Aantal verschillende initiatieven onbekend voor: {places}.",
    "tables": {
        "public.snapshot": "One row: the name of this roll-up, its as-of day (the latest of "
        "the networks') and when it was made.",
        "public.networks": "One row per network the roll-up adds up: its province, load, "
        "as-of day and when its snapshot was published.",
        "public.coverage": "One row per municipality the roll-up covers, with the network "
        "whose counts it holds.",
        "public.initiatives": "One row per initiative that consented to be shown publicly, "
        "of every network.",
    },
}
