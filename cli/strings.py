"""Dutch texts of the `omzien export` commands."""

from __future__ import annotations

EXPORT = {
    "help": "Exporteer een feitenblad, de sociale agenda, een regiovergelijking, wie een "
    "soort knelpunt oploste, de kennisbank of de signalen.",
    "signalen_help": "De signalen van de laatste load: wat veranderde bij welke gemeente of "
    "regio, nieuw, lopend en beëindigd (pdf, md of xlsx); --mail stuurt ze rond.",
    "signals_region_help": "Alleen de signalen van één regio en haar gemeenten (code of naam).",
    "mail_help": "Stuur de signalen ook per e-mail (OMZIEN_SMTP_URL, OMZIEN_SIGNAL_RECIPIENTS).",
    "mail_sent": "Per e-mail verstuurd aan {count} ontvanger(s) via {server}.",
    "gemeente_help": "Feitenblad van één gemeente (pptx of pdf).",
    "agenda_help": "De sociale agenda als notitie (pptx, pdf of md).",
    "vergelijking_help": "Vergelijking van de gemeenten van een regio (pptx of pdf).",
    "oplossingen_help": "Wie loste het op? Per gemeente hoe vaak en hoe snel één soort "
    "knelpunt (thema en soort) wordt opgelost (xlsx of pdf). Openbaar: alleen de cijfers per "
    "gemeente, met de regels voor kleine aantallen; de toelichtingen van de gemeenten (hoe "
    "het werd opgelost) en de namen van initiatieven alleen met --intern.",
    "kennisbank_help": "De kennisbank: alle initiatieven met hun omschrijving (xlsx). "
    "Openbaar: alleen initiatieven die toestemming gaven (zichtbaar = ja); met --intern "
    "alle initiatieven.",
    "theme_help": "Thema (code of naam), bijvoorbeeld zorg_welzijn.",
    "category_help": "Soort knelpunt (code of naam), bijvoorbeeld financiering.",
    "solutions_region_help": "Alleen deze regio (standaard: de hele provincie).",
    "kennisbank_end_help": "Alleen initiatieven geregistreerd tot en met deze dag (JJJJ-MM-DD).",
    "unknown_vocabulary": "'{value}' is geen {what}; kies uit: {codes}.",
    "what_theme": "thema",
    "what_category": "soort knelpunt",
    "code_help": "CBS-gemeentecode, bijvoorbeeld GM0312 (Bunnik).",
    "region_help": (
        "Regio (code of naam), bijvoorbeeld u16 of u10. Standaard u16, of in een ander"
        " netwerk de eerste regio."
    ),
    "no_regions": "Dit warehouse heeft geen regio's om te vergelijken.",
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

MAIL = {
    "no_server": "Er is geen mailserver ingesteld: zet OMZIEN_SMTP_URL, bijvoorbeeld "
    "smtp://gebruiker:wachtwoord@mail.example.org:587 (zie README, Settings). Er is niets "
    "verstuurd.",
    "bad_server": "OMZIEN_SMTP_URL is geen geldig adres van een mailserver (verwacht "
    "smtp://... of smtps://... met een servernaam). Er is niets verstuurd.",
    "no_recipients": "Er zijn geen ontvangers ingesteld: zet OMZIEN_SIGNAL_RECIPIENTS, "
    "bijvoorbeeld 'lobby@example.org, coordinator@example.org'. Er is niets verstuurd.",
    "bad_recipient": "'{value}' in OMZIEN_SIGNAL_RECIPIENTS is geen e-mailadres. Er is niets "
    "verstuurd.",
    "unreachable": "De mailserver {server} is niet bereikbaar ({reason}). Het bestand is wel "
    "geschreven; probeer het later opnieuw of controleer OMZIEN_SMTP_URL.",
    "refused": "De mailserver {server} weigerde de e-mail ({reason}). Het bestand is wel "
    "geschreven; controleer de gebruiker, het wachtwoord en de ontvangers.",
    "subject": "Omzien-signalen: {new} nieuw, {ongoing} lopend (peildatum {as_of})",
    "subject_demo": "[SYNTHETISCHE DEMOGEGEVENS] ",
    "body_attachment": "De signalen staan ook in de bijlage ({name}).",
}
