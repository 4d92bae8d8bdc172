"""The one redaction, notation by notation: what must go, and what must stay as written."""

from __future__ import annotations

import random

import pyarrow as pa
import pytest

from etl import redaction
from etl.redaction import Redactor, name_variants

CONTACTS = ["Anna de Vries", "Jan Peter van den Berg", "Ans Jansen", "Bo Li", "Jöran Ødegård"]
REDACTOR = Redactor(CONTACTS)

# (written, what the text must become)
REDACTED = [
    # e-mail
    ("mail jan@example.org", "mail [e-mail]"),
    ("mail jan.jansen+buurt@voorbeeld-mail.nl.", "mail [e-mail]."),
    ("mail jöran@voorbeeld.nl", "mail [e-mail]"),
    ("mail klaas@privé.nl", "mail [e-mail]"),
    ("(info@stichting-oost.utrecht.nl)", "([e-mail])"),
    # mobile numbers
    ("bel 0612345678", "bel [telefoon]"),
    ("bel 06-12345678", "bel [telefoon]"),
    ("bel 06 12345678", "bel [telefoon]"),
    ("bel 06 1234 5678", "bel [telefoon]"),
    ("bel 06 12 34 56 78", "bel [telefoon]"),
    ("bel 06-1234 5678", "bel [telefoon]"),
    ("bel 06/12345678", "bel [telefoon]"),
    ("bel 06.12.34.56.78", "bel [telefoon]"),
    ("bel 06–12345678", "bel [telefoon]"),
    ("bel 06 - 12345678", "bel [telefoon]"),
    ("bel +31612345678", "bel [telefoon]"),
    ("bel +31 6 12345678", "bel [telefoon]"),
    ("bel +31 (0)6 1234 5678", "bel [telefoon]"),
    ("bel 0031 6 12345678", "bel [telefoon]"),
    ("bel 0031-6-12345678", "bel [telefoon]"),
    ("bel 06 00000123", "bel [telefoon]"),  # unassigned range, written as a number
    # landlines
    ("bel 030-1234567", "bel [telefoon]"),
    ("bel 030 123 45 67", "bel [telefoon]"),
    ("bel 030 – 123 45 67", "bel [telefoon]"),
    ("bel (030) 123 45 67", "bel [telefoon]"),
    ("bel (030) 1234567", "bel [telefoon]"),
    ("bel 0318-123456", "bel [telefoon]"),
    ("bel 0318 12 34 56", "bel [telefoon]"),
    ("bel +31 (0)30 123 4567", "bel [telefoon]"),
    ("bel +31(0)30-1234567", "bel [telefoon]"),
    ("bel 0800-1234", "bel [telefoon]"),
    ("bel +32 2 555 12 12", "bel [telefoon]"),
    ("06-12345678, 030-1234567 of 06 87654321", "[telefoon], [telefoon] of [telefoon]"),
    ("op 05-03-2024 06-12345678 gebeld", "op 05-03-2024 [telefoon] gebeld"),
    # postcodes, with and without house number
    ("adres 3511 AB", "adres [postcode]"),
    ("adres 3511AB", "adres [postcode]"),
    ("adres 3511ab", "adres [postcode]"),
    ("adres 3511 ab 12", "adres [postcode]"),
    ("adres 3511-AB", "adres [postcode]"),
    ("adres 3511 - ab", "adres [postcode]"),
    ("adres 3511  AB 12a", "adres [postcode]"),
    ("adres 3511AB12", "adres [postcode]"),
    # A Dutch word after the house number is no next postcode: the number goes too.
    ("adres 3511ab12 en 3511 - AB 12", "adres [postcode] en [postcode]"),
    ("3511AB 12 en 3512CD 4", "[postcode] en [postcode]"),
    ("1234AB 5678CD", "[postcode] [postcode]"),
    ("adres 3511 AB, 12", "adres [postcode]"),
    ("adres 3511 AB 12-14.", "adres [postcode]."),
    ("3511 ab, 3512 CD en 3513ef", "[postcode], [postcode] en [postcode]"),
    # street + house number, in the notations people write
    ("woont Lindelaan 12", "woont [adres]"),
    ("woont lindelaan 12, Leusden", "woont [adres], Leusden"),
    ("adres Kerkstr. 7a", "adres [adres]"),
    ("adres Kerkstr.7", "adres [adres]"),
    ("adres Kerkweg 12-14", "adres [adres]"),
    ("adres Kerkweg 12 - 14", "adres [adres]"),
    ("adres Dorpsstraat 3 bis", "adres [adres]"),
    ("adres Molenweg nr. 5", "adres [adres]"),
    ("adres Sint-Jansstraat 5B", "adres [adres]"),
    ("adres 's-Gravenweg 10", "adres [adres]"),
    ("adres Oude Gracht 123", "adres [adres]"),
    ("adres Laan van Vollenhove 3", "adres [adres]"),
    ("Lindelaan 12 3832 AB Leusden", "[adres] [postcode] Leusden"),
    ("Stationsplein 1, 2e verdieping", "[adres], 2e verdieping"),
    # contact names known in the load
    ("vraag Anna de Vries", "vraag [naam]"),
    ("vraag anna de vries", "vraag [naam]"),
    ("vraag ANNA  DE  VRIES", "vraag [naam]"),
    ("vraag De Vries", "vraag [naam]"),
    ("vraag mevrouw Vries", "vraag mevrouw [naam]"),
    ("vraag Anna", "vraag [naam]"),
    ("Jan Peter van den Berg belt", "[naam] belt"),
    ("van den Berg belt", "[naam] belt"),
    ("Berg belt", "[naam] belt"),
    ("Peter belt", "[naam] belt"),
    ("Ans belt, Ans' fiets", "[naam] belt, [naam]' fiets"),
    ("Bo en Li", "[naam] en [naam]"),
    ("jöran ødegård komt", "[naam] komt"),
    ("Anna's buurtkamer", "[naam]'s buurtkamer"),
]

# Written text that must come out exactly as it went in.
KEPT = [
    "In 2024 is de subsidie met 1500 euro verhoogd.",
    "Het kost € 2.500 per jaar, of € 12.500,00 in totaal.",
    "Van 2019-2024 en 1.500.000 euro.",
    "Op 05-03-2024 en 2024-03-05 om 10.30 uur; 10:30-12:00.",
    "Van 01-01-2024 tot 31-12-2024, op 5-3-2024.",
    "KvK 12345678, dossier 2024-123456, zaak 0123456.",
    "25 vrijwilligers, 3 avonden per week, bus 12.",
    "Sinds 2019 al 12 keer, 2024 en 2025, 1200 kg en 1990 De Meern.",
    "De Vriesstraat en de Bergweg liggen in Oost.",  # street names hold a name, no word
    "Ansichtkaarten en Annabel en Boom en Lili.",  # words that contain a short name
    "Van de gemeente, van de wijk, de buurt.",  # surname prefixes on their own
    "Anna2 en BoLi zijn codes.",
    # numbers after words that are no street, or that count, time or date something
    "Al 2 keer gevraagd, onder de Wmo 2015, langs route 66 en de A12.",
    "De vergadering 12 maart, de uitkering 3 maanden later; Amsterdam 2 keer.",
    "Het fietspad 2 keer per jaar, de snelweg 3 uur dicht, het speelveld 2x per week.",
    "De Jaarmarkt 2024 en de Dorpsstraat in 2025; Marktplein 27 april om 10 uur.",
]


@pytest.mark.parametrize(("written", "expected"), REDACTED, ids=[w for w, _ in REDACTED])
def test_personal_data_is_redacted(written: str, expected: str) -> None:
    assert REDACTOR.text(written) == expected


@pytest.mark.parametrize("written", KEPT)
def test_ordinary_text_is_kept(written: str) -> None:
    assert REDACTOR.text(written) == written


def test_the_vectorised_path_gives_the_same_text() -> None:
    texts = [w for w, _ in REDACTED] + KEPT + [None, "", "bel 0612345678"]
    expected = [REDACTOR.text(t) for t in texts]
    assert REDACTOR.array(pa.array(texts)).to_pylist() == expected


def test_few_and_many_names_pick_the_same_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    """A load with few contact names finds them with one pattern, one with many by looking
    up every word: both redact exactly the same."""
    texts = [w for w, _ in REDACTED] + KEPT + [None, "İstanbul Bakker", "ANNA en VRIES"]
    few = REDACTOR.array(pa.array(texts)).to_pylist()
    monkeypatch.setattr(redaction, "_KEYS_IN_ONE_PATTERN", 0)
    many = Redactor(CONTACTS)
    assert many._key_pattern is None
    assert many.array(pa.array(texts)).to_pylist() == few


def test_a_dutch_number_of_the_usual_shape_needs_no_libphonenumber() -> None:
    """The shortcut for 0 and nine digits agrees with libphonenumber on what is a number."""
    draw = random.Random(11)
    for _ in range(3_000):
        digits = list("0" + str(draw.randint(1, 9)) + "".join(draw.choices("0123456789", k=8)))
        for _ in range(draw.randint(0, 4)):
            digits.insert(draw.randint(1, len(digits) - 1), draw.choice(" -./()"))
        candidate = "".join(digits)
        if redaction._DATE.search(candidate):
            continue
        assert redaction.national_shape(candidate)
        assert redaction._libphonenumber_ok(candidate), candidate
    assert not redaction.national_shape("06 1234 567")
    assert not redaction.national_shape("+31 6 12345678")
    assert not redaction.national_shape("06\u20091234\u20095678")


def test_name_variants_never_a_prefix_nor_an_initial() -> None:
    assert name_variants("Jan Peter van den Berg") == {
        "Jan Peter van den Berg",
        "Jan Peter",
        "Jan",
        "Peter",
        "van den Berg",
        "Berg",
    }
    assert name_variants("J. de Boer") == {"J. de Boer", "de Boer", "Boer"}
    assert name_variants("De Vries") == {"De Vries", "Vries"}
    assert name_variants("A") == set()
    assert name_variants("van der") == set()


def test_without_names_only_the_patterns_count() -> None:
    assert Redactor().text("Anna de Vries, 06-12345678") == "Anna de Vries, [telefoon]"
