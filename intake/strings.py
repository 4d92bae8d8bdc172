"""Dutch messages of the intake (the form's own limits and the inbox's faults)."""

from __future__ import annotations

TOO_LONG = "{field} is te lang: {length} tekens, ten hoogste {limit}."
REQUIRED = "{field} is verplicht."
TOO_MANY = (
    "U hebt het afgelopen uur al {count} meldingen gedaan (ten hoogste {limit} per uur). "
    "Probeer het later nog eens, of neem contact op met het netwerk."
)
TOO_MANY_TRIES = (
    "U hebt het afgelopen uur erg vaak geprobeerd iets te versturen. Probeer het later nog "
    "eens, of neem contact op met het netwerk."
)
NOT_YOURS = "U kunt alleen melden voor de initiatieven waarvoor u spreekt."
INBOX_FULL = (
    "De melding kon niet worden opgeslagen: de schijf is vol. Er is niets half "
    "opgeslagen; probeer het later nog eens of laat de beheerder het weten."
)
INBOX_UNWRITABLE = (
    "De melding kon niet worden opgeslagen: de map voor meldingen is niet schrijfbaar. "
    "Er is niets half opgeslagen; laat de beheerder het weten."
)
INBOX_FAILED = (
    "De melding kon niet worden opgeslagen ({reason}). Er is niets half opgeslagen; "
    "probeer het nog eens of laat de beheerder het weten."
)
CHECK_FILE = "De melding is niet leesbaar als export: {reason}"

# Field names as the form shows them, by contract column.
FIELDS = {
    "naam": "Naam",
    "gemeente": "Gemeente",
    "kern": "Plaats (kern)",
    "themas": "Thema's",
    "rechtsvorm": "Rechtsvorm",
    "opgericht": "Opgericht",
    "fase": "Fase",
    "vrijwilligers": "Aantal vrijwilligers",
    "website": "Website",
    "omschrijving": "Omschrijving",
    "zichtbaar": "Zichtbaar in de openbare kennisbank",
    "geregistreerd_op": "Aangemeld op",
    "initiatief_id": "Initiatief",
    "knelpunt_id": "Knelpunt",
    "gemeld_op": "Datum",
    "thema": "Thema",
    "categorie": "Soort knelpunt",
    "ernst": "Ernst",
    "niveau": "Niveau van oplossing",
    "datum": "Datum",
    "uitkomst": "Wat deed de gemeente?",
    "toelichting": "Toelichting",
    "controle_id": "Controle",
}
