"""Invented Dutch names and free texts for the demo, built from small templates."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .profiles import PII_SHARE

FICTIEF = " (fictief)"

# Initiative name prefixes per main theme.
NAME_PREFIXES: dict[str, tuple[str, ...]] = {
    "zorg_welzijn": ("Zorgcoöperatie", "Zorgnetwerk", "Mantelzorgcafé", "Omzienpunt"),
    "ontmoeting": ("Buurtkamer", "Huiskamer", "Dorpshuis", "Ontmoetingscafé", "Buurthuis"),
    "energie": ("Energiecoöperatie", "Buurtenergie", "Zonnedakcollectief"),
    "wonen": ("Woongroep", "Wooncoöperatie", "Knarrenhof"),
    "mobiliteit": ("Buurtbus", "Deelautoclub", "Vervoersdienst"),
    "voorzieningen": ("Dorpswinkel", "Dorpscoöperatie", "Servicepunt"),
    "leefomgeving": ("Buurtmoestuin", "Groenploeg", "Voedselbos"),
    "economie_werk": ("Werkplaats", "Repair Café"),
    "jeugd_onderwijs": ("Huiswerkklas", "Jongerenhonk"),
    "cultuur_sport": ("Buurtkoor", "Beweegclub"),
    "overig": ("Bewonersinitiatief", "Buurtplatform"),
}
INVENTED_NAMES = (
    "De Zonnebloem",
    "Het Klavertje",
    "De Vlinder",
    "De Linde",
    "'t Hofje",
    "De Eik",
    "Het Baken",
    "De Brug",
    "De Kersenboom",
    "De Regenboog",
    "De Wilg",
    "Het Anker",
    "De Toekomst",
    "Samen Sterk",
    "De Kastanje",
    "Het Vogelnest",
    "De Lantaarn",
    "Het Erf",
    "De Boomgaard",
    "Café Nergensheen",
    "De Verzonnen Hoek",
    "Het Denkbeeld",
)
NAME_SUFFIXES = ("", "", "", " Samen", " Noord", " Zuid", " Oost", " West", " e.o.")

INITIATIVE_TEXTS: dict[str, tuple[str, ...]] = {
    "zorg_welzijn": (
        "Vrijwilligers in {kern} helpen ouderen met boodschappen, vervoer en een praatje.",
        "Wij bieden een maaltijdservice en een luisterend oor voor mantelzorgers.",
        "Een coöperatie van bewoners die zorg en ondersteuning dichtbij huis organiseert.",
        "Wekelijks spreekuur voor vragen over zorg, welzijn en financiële zaken.",
        "Zorgcoöperatie in {kern}: huishoudelijke hulp, klussendienst en dagbesteding door "
        "en voor bewoners.",
        "Burenhulp voor ouderen die langer thuis willen wonen, met een vaste coördinator.",
        "Een steunpunt voor mantelzorgers met respijtzorg en lotgenotencontact.",
    ),
    "ontmoeting": (
        "Een huiskamer in {kern} waar iedereen binnen kan lopen voor koffie en contact.",
        "Wij organiseren maaltijden, spelmiddagen en uitjes tegen eenzaamheid.",
        "Het dorpshuis van {kern}, volledig gerund door vrijwilligers.",
        "Ontmoetingscafé voor jong en oud, met activiteiten in de avonduren.",
        "Buurtkamer met een wekelijkse buurtmaaltijd en een inloopochtend voor ouderen.",
        "Een ontmoetingsplek waar nieuwkomers en oudere bewoners elkaar leren kennen.",
    ),
    "energie": (
        "Bewoners van {kern} wekken samen zonne-energie op en besparen energie.",
        "Wij helpen buurtgenoten hun huis te isoleren met energiecoaches.",
        "Coöperatie voor een zonnedak op het dorpshuis en een buurtbatterij.",
        "Energiecoöperatie die een postcoderoos-project en een warmtenet voorbereidt.",
        "Vrijwillige energiecoaches geven gratis advies over isolatie en energiekosten.",
    ),
    "wonen": (
        "Ouderen in {kern} willen samen wonen in een hofje met gedeelde voorzieningen.",
        "Wij zoeken een plek voor betaalbare woningen voor jongeren en ouderen.",
        "Een wooncoöperatie die levensloopbestendig wonen mogelijk maakt.",
        "Bewoners ontwikkelen een knarrenhof met gemeenschappelijke tuin en ontmoetingsruimte.",
        "Een woongroep van senioren die elkaar helpt en samen een nieuw woonproject zoekt.",
    ),
    "mobiliteit": (
        "Vrijwillige chauffeurs rijden ouderen naar de huisarts en de markt.",
        "Een buurtbus die de kernen rond {kern} verbindt.",
        "Deelauto's en een elektrische bus voor bewoners zonder eigen vervoer.",
        "Vervoersdienst met vrijwilligers voor ritten naar ziekenhuis en dagbesteding.",
    ),
    "voorzieningen": (
        "De laatste winkel in {kern} wordt door bewoners zelf gerund.",
        "Servicepunt met pakketpost, bibliotheekhoek en pinautomaat.",
        "Wij houden voorzieningen in het dorp open met vrijwilligers.",
        "Dorpscoöperatie die de dorpswinkel, de pinautomaat en het postpunt overnam.",
    ),
    "leefomgeving": (
        "Een moestuin en pluktuin voor en door de buurt in {kern}.",
        "Bewoners onderhouden samen het groen en de speelplekken.",
        "Wij planten een voedselbos op een braakliggend terrein.",
        "Een groenploeg die pleinen vergroent en tegels vervangt door plantvakken.",
    ),
    "economie_werk": (
        "Een werkplaats waar mensen met afstand tot werk ervaring opdoen.",
        "Repair café en kringloopwinkel met leerwerkplekken.",
        "Sociale onderneming die werkzoekenden begeleidt in de fietsenwerkplaats.",
    ),
    "jeugd_onderwijs": (
        "Huiswerkbegeleiding en taalles door vrijwilligers in {kern}.",
        "Een plek voor jongeren om elkaar te ontmoeten en mee te praten.",
        "Jongerenwerk door bewoners: een jongerenhonk en sport in de wijk.",
    ),
    "cultuur_sport": (
        "Een buurtkoor en beweeggroep voor ouderen in {kern}.",
        "Culturele middagen en sport voor alle generaties.",
        "Wandelgroep en beweegclub die ouderen in beweging houdt.",
    ),
    "overig": (
        "Bewoners van {kern} pakken samen zaken op die de buurt aangaan.",
        "Een bewonersplatform dat ideeën uit de buurt ophaalt en uitvoert.",
    ),
}
# A second sentence from the initiative's second theme, when it has one.
SECOND_THEME_TEXTS: dict[str, str] = {
    "zorg_welzijn": "Daarnaast bieden wij hulp aan ouderen en mantelzorgers.",
    "ontmoeting": "Ook organiseren wij ontmoeting, koffieochtenden en een buurtmaaltijd.",
    "energie": "Wij werken ook aan energiebesparing en zonnepanelen in de buurt.",
    "wonen": "Wij denken mee over passend wonen voor ouderen in het dorp.",
    "mobiliteit": "Vrijwilligers verzorgen ook vervoer voor wie niet zelf kan rijden.",
    "voorzieningen": "Wij zetten ons in voor de winkel en andere voorzieningen in het dorp.",
    "leefomgeving": "Daarnaast onderhouden wij een buurttuin en het groen.",
    "economie_werk": "Wij bieden ook leerwerkplekken voor mensen zonder werk.",
    "jeugd_onderwijs": "Voor kinderen is er huiswerkbegeleiding en een jongerenplek.",
    "cultuur_sport": "Er is ook een beweeggroep en een buurtkoor.",
    "overig": "",
}
# How far the initiative is: a starting group asks, an experienced one offers.
PHASE_TEXTS: dict[str, tuple[str, ...]] = {
    "startend": (
        "Wij zijn net begonnen en zoeken nog financiering en een vaste plek.",
        "Als jong initiatief leren wij graag van ervaren groepen elders.",
        "Wij zitten in de opstartfase: stichting opgericht, eerste vrijwilligers gevonden.",
        "Wij zijn pas begonnen en lopen tegen regels en subsidievoorwaarden aan.",
    ),
    "ervaren": (
        "Al jaren draait dit op een vaste groep vrijwilligers.",
        "Wij delen graag onze ervaring met startende initiatieven.",
        "Inmiddels een begrip in de buurt, met een stevige band met de gemeente.",
        "Wij hebben al veel geleerd over subsidies, vergunningen en samenwerking.",
    ),
    "": ("", "Alles draait op vrijwilligers; nieuwe mensen zijn welkom."),
}

# What an obstacle is about, per theme (fills {onderwerp}).
SUBJECTS: dict[str, tuple[str, ...]] = {
    "zorg_welzijn": (
        "de maaltijdservice",
        "de burenhulp",
        "het zorgspreekuur",
        "de ondersteuning van mantelzorgers",
    ),
    "ontmoeting": ("de huiskamer", "het dorpshuis", "de koffieochtend", "het buurtcafé"),
    "energie": ("het zonnedak", "de energiecoaches", "de buurtbatterij", "het warmteplan"),
    "wonen": ("het woonhofje", "de knarrenhof", "de woningbouwplannen"),
    "mobiliteit": ("de buurtbus", "de vrijwillige vervoersdienst", "de deelauto's"),
    "voorzieningen": ("de dorpswinkel", "het servicepunt", "de pinautomaat"),
    "leefomgeving": ("de moestuin", "het voedselbos", "het onderhoud van het groen"),
    "economie_werk": ("de werkplaats", "het repair café"),
    "jeugd_onderwijs": ("de huiswerkklas", "de jongerenplek"),
    "cultuur_sport": ("het buurtkoor", "de beweeggroep"),
    "overig": ("ons initiatief", "de activiteiten"),
}

# Problems are written as subordinate clauses, so every text starts with an opener.
OPENERS = (
    "Wij lopen ertegenaan dat ",
    "Al maanden merken we dat ",
    "Opnieuw blijkt dat ",
    "Graag melden we dat ",
    "Het probleem is dat ",
    "Wij signaleren dat ",
    "Het knelt dat ",
    "Lastig is dat ",
    "Wij merken dat ",
    "Sinds dit jaar merken we dat ",
)
PROBLEMS: dict[str, tuple[str, ...]] = {
    "financiering": (
        "de subsidie voor {onderwerp} zonder duidelijke reden is afgewezen.",
        "de aanvraag voor {onderwerp} nog steeds niet is beoordeeld.",
        "de subsidie per jaar opnieuw moet worden aangevraagd, wat veel werk kost.",
        "er geen structurele financiering is voor {onderwerp}.",
        "de gemeente een eigen bijdrage van € 2.500 vraagt die wij niet hebben.",
        "de uitbetaling van het toegezegde bedrag maanden op zich laat wachten.",
        "het budget voor bewonersinitiatieven halverwege het jaar al op is.",
        "de verantwoording van kleine bedragen onevenredig zwaar is.",
    ),
    "regelgeving": (
        "voor {onderwerp} een vergunning nodig is die maanden duurt.",
        "het bestemmingsplan {onderwerp} niet toestaat.",
        "de regels voor evenementen te streng zijn voor een kleine activiteit.",
        "de brandveiligheidseisen voor {onderwerp} onhaalbaar zijn voor vrijwilligers.",
        "niemand weet welke regels gelden voor {onderwerp}.",
        "de vergunningaanvraag drie keer is teruggestuurd.",
        "de horecaregels het verkopen van koffie in de huiskamer bemoeilijken.",
    ),
    "inkoop": (
        "de Wmo-inkoop alleen grote zorgaanbieders toelaat.",
        "wij niet mee mogen doen aan de aanbesteding voor {onderwerp}.",
        "de gemeente {onderwerp} inkoopt bij een landelijke partij in plaats van bij ons.",
        "de eisen in de aanbesteding niet passen bij een coöperatie.",
        "het contract voor {onderwerp} na één jaar weer opnieuw wordt aanbesteed.",
        "de inkoopregels een right to challenge praktisch onmogelijk maken.",
    ),
    "huisvesting": (
        "wij geen geschikte ruimte kunnen vinden voor {onderwerp}.",
        "de huur van het gebouw voor {onderwerp} fors wordt verhoogd.",
        "het gemeentelijk pand waar wij zitten wordt verkocht.",
        "de accommodatie niet toegankelijk is voor rolstoelen.",
        "wij de ruimte voor {onderwerp} moeten delen en geen vaste tijden krijgen.",
        "het dorpshuis gesloten dreigt te worden.",
    ),
    "samenwerking": (
        "er geen vast aanspreekpunt is bij de gemeente voor {onderwerp}.",
        "onze contactpersoon alweer is vertrokken en niemand het overneemt.",
        "e-mails over {onderwerp} onbeantwoord blijven.",
        "de afdelingen van de gemeente elkaar tegenspreken.",
        "het welzijnswerk ons ziet als concurrent in plaats van partner.",
        "afspraken over {onderwerp} niet worden nagekomen.",
        "wij pas laat worden betrokken bij plannen die ons raken.",
    ),
    "beleid": (
        "het beleid voor bewonersinitiatieven onduidelijk is.",
        "{onderwerp} niet past in de nieuwe visie van de gemeente.",
        "de gemeente geen ruimte geeft voor een right to challenge.",
        "de ideeën uit de dorpsvisie niet terugkomen in het beleid.",
        "het beleid voor {onderwerp} elke coalitieperiode verandert.",
        "er geen beleid is voor coöperaties die zorg leveren.",
    ),
    "informatie": (
        "wij geen gegevens krijgen over de behoefte aan {onderwerp}.",
        "de privacyregels het delen van adressen van deelnemers verhinderen.",
        "het onduidelijk is waar wij informatie over {onderwerp} kunnen vinden.",
        "de gemeente de AVG gebruikt als reden om niets te delen.",
        "wij niet weten hoe wij persoonsgegevens veilig moeten bewaren.",
        "de website van de gemeente verouderde informatie geeft over {onderwerp}.",
    ),
    "vrijwilligers": (
        "de vrijwilligersverzekering {onderwerp} niet dekt.",
        "de VOG voor vrijwilligers niet meer gratis is.",
        "wij te weinig vrijwilligers vinden voor {onderwerp}.",
        "vrijwilligers overbelast raken door de administratie rond {onderwerp}.",
        "de onkostenvergoeding voor vrijwilligers wordt gekort op een uitkering.",
        "er geen ondersteuning is voor het werven van nieuwe vrijwilligers.",
    ),
    "overig": (
        "{onderwerp} vastloopt zonder dat duidelijk is waarom.",
        "wij niet weten bij wie wij terecht kunnen met {onderwerp}.",
        "de communicatie over {onderwerp} beter kan.",
        "er iets speelt rond {onderwerp} dat wij graag bespreken.",
    ),
}
CLOSERS = (
    "",
    "",
    "",
    "",
    " Dit kost ons veel tijd.",
    " Wij willen graag in gesprek.",
    " Hierdoor ligt het werk stil.",
    " Andere initiatieven herkennen dit ook.",
    " Graag een snelle reactie.",
    " Het gaat om een klein bedrag.",
    " Ook in de regio speelt dit.",
    " Dit raakt vooral ouderen.",
)

NOTES: dict[str, tuple[str, ...]] = {
    "ontvangen": (
        "Uw melding is ontvangen.",
        "Dank voor uw signaal, wij nemen contact op.",
        "Ontvangst bevestigd per e-mail.",
        "Doorgezet naar de beleidsadviseur.",
        "Wij reageren binnen zes weken.",
    ),
    "in_behandeling": (
        "De afdeling onderzoekt de mogelijkheden.",
        "Er volgt een gesprek met het initiatief.",
        "Wordt besproken in het eerstvolgende overleg.",
        "Wij wachten op advies van de juridische afdeling.",
        "Ambtenaar is op bezoek geweest; uitwerking volgt.",
    ),
    "opgelost": (
        "Subsidie alsnog toegekend.",
        "Er is een vast aanspreekpunt aangewezen.",
        "Vergunning verleend.",
        "Ruimte gevonden in het gemeentelijk pand.",
        "Afspraken vastgelegd in een convenant.",
        "Regeling aangepast; probleem verholpen.",
    ),
    "deels_opgelost": (
        "Tijdelijke oplossing voor één jaar.",
        "Een deel van het bedrag is toegekend.",
        "Ruimte beschikbaar, maar niet op alle dagen.",
        "Regels versoepeld voor kleine activiteiten; rest volgt.",
    ),
    "afgewezen": (
        "Past niet binnen het huidige beleid.",
        "Geen budget beschikbaar dit jaar.",
        "De regels laten geen uitzondering toe.",
        "Verzoek afgewezen na heroverweging.",
    ),
    "doorverwezen": (
        "Doorverwezen naar de provincie.",
        "Dit is een landelijke regel; doorgezet naar het Rijk.",
        "Doorverwezen naar de regionale inkooporganisatie.",
        "Doorverwezen naar de woningcorporatie.",
    ),
}
# What a municipality wrote when it (partly) resolved an obstacle, per category: the
# resolving notes the knowledge base shows as "elders opgelost".
RESOLVING_NOTES: dict[str, dict[str, tuple[str, ...]]] = {
    "financiering": {
        "opgelost": (
            "Subsidie toegekend uit het budget voor bewonersinitiatieven.",
            "Subsidie toegekend uit het Wmo-budget voor algemene voorzieningen, voor drie jaar.",
            "Structurele bijdrage opgenomen in de begroting na een gesprek met de wethouder.",
            "Uitbetaling alsnog gedaan; vaste contactpersoon bij de subsidieadministratie.",
            "Eigen bijdrage vervallen; verantwoording vereenvoudigd tot een korte jaarbrief.",
        ),
        "deels_opgelost": (
            "Een deel van het bedrag toegekend; de rest via het provinciale fonds aangevraagd.",
            "Eenmalige startsubsidie toegekend; structurele financiering volgt bij de begroting.",
        ),
    },
    "regelgeving": {
        "opgelost": (
            "Vergunning verleend na overleg met de brandweer over een aangepast gebruiksplan.",
            "Vergunning verleend na een keukentafelgesprek met de vergunningverlener.",
            "Tijdelijke omgevingsvergunning verleend in afwachting van het nieuwe bestemmingsplan.",
            "Een melding vervangt voortaan de vergunning voor kleine activiteiten.",
            "Vaste vergunningverlener aangewezen die het initiatief begeleidt.",
        ),
        "deels_opgelost": (
            "Tijdelijke vergunning voor één jaar verleend.",
            "Regels versoepeld voor activiteiten tot 50 personen; de rest volgt.",
        ),
    },
    "inkoop": {
        "opgelost": (
            "Initiatief erkend als algemene voorziening, buiten de aanbesteding om.",
            "Subsidierelatie in plaats van een aanbesteding afgesproken.",
            "Right to challenge gehonoreerd; de taak gaat over naar de coöperatie.",
            "Meerjarig contract afgesloten met de zorgcoöperatie.",
        ),
        "deels_opgelost": (
            "Pilot van twee jaar buiten de aanbesteding; daarna evaluatie.",
            "Eisen in het bestek aangepast voor kleine aanbieders.",
        ),
    },
    "huisvesting": {
        "opgelost": (
            "Gemeente stelt een ruimte ter beschikking in het gemeentehuis.",
            "Gemeente stelt een ruimte ter beschikking in de voormalige school, vijf jaar "
            "zonder huur.",
            "Huurverhoging teruggedraaid; maatschappelijke huur afgesproken.",
            "Pand in erfpacht aan de coöperatie gegeven.",
            "Gemeente betaalt de hellingbaan; het gebouw is nu toegankelijk.",
        ),
        "deels_opgelost": (
            "Ruimte beschikbaar, maar niet op alle dagen.",
            "Tijdelijke huisvesting gevonden in het dorpshuis.",
        ),
    },
    "samenwerking": {
        "opgelost": (
            "Er is een vast aanspreekpunt aangewezen bij de gemeente.",
            "Vast aanspreekpunt aangewezen; elk kwartaal overleg met de wijkregisseur.",
            "Afspraken vastgelegd in een samenwerkingsconvenant.",
            "Welzijnsorganisatie en initiatief maken samen een werkplan.",
        ),
        "deels_opgelost": ("Contactpersoon aangewezen; de afspraken worden nog uitgewerkt.",),
    },
    "beleid": {
        "opgelost": (
            "Beleidsregel voor bewonersinitiatieven vastgesteld na inspraak.",
            "Right to challenge opgenomen in het nieuwe beleid.",
            "Dorpsvisie overgenomen in de omgevingsvisie.",
        ),
        "deels_opgelost": ("Gemeente neemt het mee in de nieuwe beleidsnota.",),
    },
    "informatie": {
        "opgelost": (
            "Gemeente deelt de cijfers uit de wijkmonitor met het initiatief.",
            "Verwerkersovereenkomst opgesteld met hulp van de privacyfunctionaris.",
            "Informatiepagina voor initiatieven op de gemeentelijke website geplaatst.",
        ),
        "deels_opgelost": ("Privacyfunctionaris heeft advies gegeven; uitwerking volgt.",),
    },
    "vrijwilligers": {
        "opgelost": (
            "Initiatief valt voortaan onder de gemeentelijke vrijwilligersverzekering.",
            "Gratis VOG aangevraagd via de landelijke regeling, met hulp van de gemeente.",
            "Het vrijwilligerssteunpunt helpt bij werving en administratie.",
            "Vrijwilligersvergoeding vrijgelaten na overleg met Werk en Inkomen.",
        ),
        "deels_opgelost": ("Verzekering geregeld; de VOG-kosten blijven voorlopig.",),
    },
    "overig": {
        "opgelost": (
            "Opgelost na een gesprek met de wijkwethouder.",
            "Opgelost in overleg met de betrokken afdeling.",
        ),
        "deels_opgelost": ("Deels opgelost; vervolgafspraak gepland.",),
    },
}
NOTE_EMPTY_SHARE = 0.3
# A municipality that resolves something usually says how.
RESOLVING_NOTE_EMPTY_SHARE = 0.1

PII_PHONE_FORMATS = ("030-{a:07d}", "06 {a:08d}", "+31 6 {a:08d}", "06-{a:08d}", "0318-{a:06d}")
PII_TEMPLATES = (
    " Mail gerust naar {email}.",
    " Bel ons op {phone}.",
    " Ons adres: {postcode}.",
    " Contact via {email} of {phone}.",
    " Langskomen kan op {postcode}.",
)
# Postcode letters that are not in use in the Netherlands (SA, SD, SS) are avoided.
POSTCODE_LETTERS = "ABCEGHJKLMNPRTVWXZ"


def pick(rng: np.random.Generator, options: Sequence[str], n: int) -> list[str]:
    """n random choices from options (uniform), as a list."""
    idx = rng.integers(0, len(options), size=n)
    return [options[i] for i in idx]


def initiative_names(
    rng: np.random.Generator, themes: Sequence[str], kernen: Sequence[str]
) -> list[str]:
    """'<Prefix> <invented name or place><suffix> (fictief)' per initiative."""
    n = len(themes)
    u = rng.random((n, 4))
    out = []
    for i in range(n):
        prefixes = NAME_PREFIXES[themes[i]]
        prefix = prefixes[int(u[i, 0] * len(prefixes))]
        if kernen[i] and u[i, 1] < 0.5:
            body = kernen[i] + NAME_SUFFIXES[int(u[i, 2] * len(NAME_SUFFIXES))]
        else:
            body = INVENTED_NAMES[int(u[i, 3] * len(INVENTED_NAMES))]
        out.append(f"{prefix} {body}{FICTIEF}")
    return out


def _digits(u: float, *sizes: int) -> list[int]:
    """Several independent choices from one uniform draw (mixed-radix digits), so richer
    texts take no extra draws and the rest of the demo stays as it was."""
    out = []
    for size in sizes:
        u *= size
        digit = min(int(u), size - 1)
        out.append(digit)
        u -= digit
    return out


def initiative_texts(
    rng: np.random.Generator,
    themes: Sequence[str],
    kernen: Sequence[str],
    second: Sequence[str] | None = None,
    phases: Sequence[str] | None = None,
) -> list[str]:
    """A short description per initiative: what it does (main theme), what else (second
    theme), how far it is (phase)."""
    u = rng.random(len(themes))
    out = []
    for i, theme in enumerate(themes):
        options = INITIATIVE_TEXTS[theme]
        phase = phases[i] if phases is not None else ""
        phase_options = PHASE_TEXTS.get(phase, PHASE_TEXTS[""])
        main, closing = _digits(u[i], len(options), len(phase_options))
        place = kernen[i] or "onze kern"
        other = second[i] if second is not None else ""
        parts = [
            options[main].format(kern=place),
            SECOND_THEME_TEXTS.get(other, "") if other and other != theme else "",
            phase_options[closing],
        ]
        out.append(" ".join(p for p in parts if p))
    return out


def obstacle_texts(
    rng: np.random.Generator, categories: Sequence[str], themes: Sequence[str]
) -> list[str]:
    """Opener + category problem about a theme subject + closer, per obstacle."""
    u = rng.random((len(categories), 4))
    out = []
    for i, (cat, theme) in enumerate(zip(categories, themes, strict=True)):
        opener = OPENERS[int(u[i, 0] * len(OPENERS))]
        problems = PROBLEMS[cat]
        subjects = SUBJECTS[theme]
        problem = problems[int(u[i, 1] * len(problems))].format(
            onderwerp=subjects[int(u[i, 2] * len(subjects))]
        )
        out.append(opener + problem + CLOSERS[int(u[i, 3] * len(CLOSERS))])
    return out


def response_notes(
    rng: np.random.Generator, outcomes: Sequence[str], categories: Sequence[str] | None = None
) -> list[str]:
    """A short note per response; some left empty as in real exports. A (partly) resolving
    response with its obstacle's category says how it was resolved."""
    u = rng.random((len(outcomes), 2))
    out = []
    for i, outcome in enumerate(outcomes):
        category = categories[i] if categories is not None else None
        resolving = RESOLVING_NOTES.get(category or "", {}).get(outcome)
        options = resolving or NOTES[outcome]
        empty = u[i, 0] < (RESOLVING_NOTE_EMPTY_SHARE if resolving else NOTE_EMPTY_SHARE)
        out.append("" if empty else options[int(u[i, 1] * len(options))])
    return out


def add_pii(
    rng: np.random.Generator, texts: list[str], names: Sequence[str] | None = None
) -> list[str]:
    """Append an e-mail, phone number, postcode or the contact's name to ~PII_SHARE of texts.

    The ETL must redact these; the demo makes that visible. All of it is fake: e-mail at
    example.org, phone numbers mostly zeros.
    """
    n = len(texts)
    hit = np.flatnonzero(rng.random(n) < PII_SHARE)
    u = rng.random((len(hit), 7))
    out = list(texts)
    for j, i in enumerate(hit):
        fmt = PII_PHONE_FORMATS[int(u[j, 0] * len(PII_PHONE_FORMATS))]
        phone = fmt.format(a=int(u[j, 1] * 1000))
        first = POSTCODE_LETTERS[int(u[j, 3] * len(POSTCODE_LETTERS))]
        second = POSTCODE_LETTERS[int(u[j, 4] * len(POSTCODE_LETTERS))]
        postcode = f"{3400 + int(u[j, 2] * 600)} {first}{second} {1 + int(u[j, 6] * 150)}"
        email = f"demo{int(u[j, 2] * 10_000):04d}@example.org"
        choice = int(u[j, 5] * (len(PII_TEMPLATES) + (1 if names is not None else 0)))
        if choice == len(PII_TEMPLATES):
            extra = f" Vraag naar {names[i]}."  # the contact person's own name
        else:
            extra = PII_TEMPLATES[choice].format(email=email, phone=phone, postcode=postcode)
        out[i] = (out[i] + extra).strip()
    return out


# Invented contact persons: common Dutch first names and surnames that are no ordinary
# word of the demo texts, so the ETL's name redaction shows without mangling other text.
CONTACT_FIRST_NAMES = (
    "Anneke", "Bram", "Carolien", "Daan", "Esther", "Fenna", "Gert", "Hanneke", "Ilse",
    "Joost", "Karin", "Lotte", "Maarten", "Nienke", "Onno", "Petra", "Ruud", "Sjoerd",
    "Tineke", "Wendy", "Yvonne", "Zeger",
)  # fmt: skip
CONTACT_SURNAMES = (
    "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
    "Mulder", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "Dijkstra",
    "de Graaf", "van der Linden", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel",
    "van der Veen", "Schouten", "Willems", "Hoekstra", "Koster",
)  # fmt: skip


def contact_names(numbers: Sequence[int]) -> list[str]:
    """A fictional contact person per initiative number (no random draw: the rest of the
    demo stays as it was)."""
    first, last = len(CONTACT_FIRST_NAMES), len(CONTACT_SURNAMES)
    return [
        f"{CONTACT_FIRST_NAMES[int(k) % first]} {CONTACT_SURNAMES[(int(k) // first) % last]}"
        for k in numbers
    ]
