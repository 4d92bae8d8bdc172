"""One redaction for every text from an export that is stored or shown.

E-mail addresses, phone numbers, postcodes (with or without house number), street names
with a house number and every contact name known in the load are replaced by a marker
(`messages.REDACTED`). The same
`Redactor` serves the warehouse columns (whole Arrow columns at once), reject values and
reasons, whole-file reject messages, unknown column names and warnings.

Speed: a million texts cannot each go through Python. Cheap vectorised filters (RE2 in
Arrow for the patterns, a token lookup for the names) pick the few distinct texts that
may hold something personal; only those go through the exact Python recognisers. Phone
numbers are recognised by Google's libphonenumber (`phonenumbers`): a loose pattern finds
candidate spans and the library decides what a number is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import pandas as pd
import phonenumbers
import pyarrow as pa
import pyarrow.compute as pc

from etl.messages import REDACTED

_STRING = pd.StringDtype("pyarrow")

# --- e-mail -----------------------------------------------------------------------------
# Local part and domain may hold any letter (jöran@, privé.nl); \w is Unicode in Python.
# An apostrophe may stand inside the local part (o'brien@), not open it: a message quotes a
# value as '...', and the quote before the address is no part of it.
_EMAIL = re.compile(r"(?<![\w.%+\-])[\w.%+\-][\w.%+'\-]*@[\w\-]+(?:\.[\w\-]+)*\.[^\W\d_]{2,}")

# --- phone numbers ------------------------------------------------------------------------
# Separators people type between digit groups: spaces (also non-breaking), - . / en and em
# dash, parentheses around an area code or the (0) after +31.
_SEP = r"[\s\-./\u2013\u2014()]"
# A candidate starts like a Dutch or international number: +, 00, 0, or (0.
_PHONE_CANDIDATE = re.compile(
    rf"(?<![\w+])(?:\+\s?\d|\(\s?0|0)(?:{_SEP}{{0,3}}\d){{6,40}}(?![\w])", re.UNICODE
)
# A date inside a candidate ("op 05-03-2024 10 deelnemers") is not a phone number.
_DATE = re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}\b|\b(?:19|20)\d{2}[-/.]\d{1,2}[-/.]")
_NL_NATIONAL_DIGITS = 9  # 06 1234 5678 and 030 123 4567 without the trunk 0
# A Dutch number as most people write it: trunk 0 and nine digits, grouped by spaces, - . /
# or parentheses. libphonenumber always takes it for a number of the standard length, so it
# need not be asked (tests/etl/test_redaction.py checks the two agree).
_NATIONAL_SHAPE = re.compile(r"0[1-9][0-9]{8}")
_NATIONAL_SEPARATORS = str.maketrans("", "", " -./()")

# --- postcodes ----------------------------------------------------------------------------
# Four digits (not starting with 0), two letters, in any spacing, case or dash, then
# optionally a house number (12, 12a, 12-14, glued as in 3511AB12).
_POSTCODE = re.compile(
    r"(?<![\w])[1-9]\d{3}(?P<sep>\s*-?\s*)(?P<letters>[A-Za-z]{2})(?![A-Za-z])"
    # The house number, unless the digits are the next postcode ("1234AB 5678CD").
    r"(?:[\s,\-]{0,3}(?![1-9]\d{3}\s*-?\s*[A-Za-z]{2}(?![A-Za-z]))\d{1,5}(?!\d)"
    r"(?:\s?-?\s?[A-Za-z](?![\w])|\s?-\s?\d{1,5})?(?![\w]))?"
)
# Two lower-case letters after four digits are a Dutch word or a unit far more often than a
# postcode: "in 2024 is", "2019 en 2020", "1200 kg". Upper-case letters always count.
_NOT_POSTCODE_LETTERS = frozenset(
    [
        "is",
        "en",
        "op",
        "te",
        "al",
        "in",
        "om",
        "of",
        "nu",
        "ze",
        "we",
        "je",
        "er",
        "ik",
        "na",
        "zo",
        "de",
        "da",
        "ja",
        "ca",
        "uw",
        "ex",
        "tv",
        "pc",
        "km",
        "kg",
        "cm",
        "mm",
        "ml",
        "cl",
        "dl",
        "kw",
        "mw",
        "gw",
        "wh",
        "pk",
        "cc",
        "ha",
        "st",
        "nr",
        "jr",
        "sr",
        "ok",
        "eu",
        "pp",
    ]
)

# --- street + house number ------------------------------------------------------------
# A street is recognised by the endings Dutch street names have (Lindelaan, Kerkstr.,
# Dorpsstraat, Oude Gracht), followed by a house number. Endings that ordinary nouns have
# as often (-ring: vergadering, uitkering) or that end place names (-dam, -berg, -burg)
# are left out: "vergadering 12 maart" and "Amsterdam 3" are no address.
STREET_ENDINGS = (
    "straat",
    "str",
    "laan",
    "ln",
    "weg",
    "plein",
    "singel",
    "gracht",
    "kade",
    "dijk",
    "dreef",
    "hof",
    "pad",
    "steeg",
    "park",
    "baan",
    "wal",
    "markt",
    "veld",
    "allee",
    "boulevard",
    "haven",
    "gaarde",
    "zoom",
    "plantsoen",
    "wetering",
)
_ENDING = "|".join(sorted(STREET_ENDINGS, key=len, reverse=True))
# What follows a number that makes it a count, a time or a date, not a house number:
# "fietspad 2 keer", "Marktplein 27 april", "snelweg 3 uur".
_NOT_HOUSE_NUMBER = (
    r"(?:keer|x|maal|dag|dagen|week|weken|maand|maanden|jaar|jaren|uur|uren|min|minuten|"
    r"km|kilometer|m|meter|euro|eur|procent|%|personen|mensen|deelnemers|vrijwilligers|"
    r"leden|huishoudens|woningen|kinderen|stuks|januari|februari|maart|april|mei|juni|juli|"
    r"augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|"
    r"okt|nov|dec)(?![\w])"
)
_LETTER = r"[^\W\d_]"
_CAPITALISED = "|".join(e.capitalize() for e in STREET_ENDINGS if e not in ("str", "ln"))
_LINKS = r"van|der|de|den|het|ter|te|'t|op|aan|in|bij|achter|voor|over"
_ADDRESS = re.compile(
    # The street: one word ending in a street ending, with at least two letters before it
    # (Lindelaan, Kerkstr., 's-Gravenweg), or a capitalised word before a capitalised
    # ending word (Oude Gracht, Nieuwe Dreef) ...
    rf"(?<![\w])(?:(?:['’]s-)?{_LETTER}(?:[-'’]?{_LETTER})+?(?i:{_ENDING})"
    rf"|[A-Z]{_LETTER}+\s+(?:{_CAPITALISED})"
    # ... or a street that opens with its kind: Laan van Vollenhove, Hof ter Weide.
    rf"|(?:{_CAPITALISED})\s+(?:(?:{_LINKS})\s+){{1,3}}[A-Z]{_LETTER}+(?:\s+[A-Z]{_LETTER}+)?)"
    rf"(?!{_LETTER})"
    # ... then the house number (no year): 12, 12a, 12-14, 12-bis, nr. 12; not a count,
    # time or date.
    r"\.?\s*(?:(?i:nr|no|nummer)\.?\s*)?"
    rf"(?!(?:19|20)\d\d(?!\d))\d{{1,4}}(?!\d)(?!\s*(?i:{_NOT_HOUSE_NUMBER}))"
    r"(?:[A-Za-z](?![\w])|\s?-\s?(?:\d{1,4}|[A-Za-z]{1,3})(?![\w])|\s(?i:bis|hs)(?![\w]))?"
)

# --- names --------------------------------------------------------------------------------
# Surname prefixes (tussenvoegsels): never a name on their own.
SURNAME_PREFIXES = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "het",
        "'t",
        "t",
        "ten",
        "ter",
        "te",
        "in",
        "op",
        "aan",
        "bij",
        "uit",
        "la",
        "le",
        "les",
        "du",
        "des",
        "da",
        "di",
        "dos",
        "del",
        "von",
        "zu",
        "vom",
        "zum",
        "d'",
        "l'",
        "vd",
        "v.d.",
    ]
)
_NAME_WORD = re.compile(r"[^\W\d_]+")  # a run of letters: the unit names are matched on
_MIN_NAME_LETTERS = 2

# Neither letter nor digit (RE2's \s is ASCII only; Python's is Unicode).
_GAP = r"[^\p{L}\p{N}]"
# Vectorised pre-filters (RE2, as Arrow runs them), one per recogniser: each a superset of
# what its Python recogniser can find, so a text it skips holds nothing for that one. (A
# marker put in by one recogniser holds no digit or letter next to the text around it, so
# it never makes a match for the next.)
_PREFILTERS = {
    "email": r"@",
    "phone": r"(?:\+\s?[0-9]|\(\s?0|0)(?:[\s\-./\x{2013}\x{2014}()\x{00A0}]{0,3}[0-9]){6}",
    "postcode": r"[1-9][0-9]{3}[\s\-]*[A-Za-z]{2}",
    "address": rf"(?i)(?:{_ENDING}){_GAP}*(?:(?:nr|no|nummer){_GAP}*)?\p{{Nd}}"
    rf"|(?:{_CAPITALISED}){_GAP}+(?:{_LINKS}){_GAP}",
}
_ALL_PATTERNS = (True, True, True, True)
_TOKEN_SPLIT = r"[^\p{L}\p{M}]+"
# Up to this many name keys, one RE2 pattern of them all picks the texts that may name
# someone (a substring test: a superset of the word test); beyond it every text is split
# into words and the words are looked up.
_KEYS_IN_ONE_PATTERN = 2_000


def _is_initial(word: str) -> bool:
    letters = _NAME_WORD.findall(word)
    return word.endswith(".") and sum(len(x) for x in letters) <= 3


def name_variants(full_name: str) -> set[str]:
    """The ways a contact name may appear in text, each of two letters or more.

    "Anna de Vries" -> Anna de Vries, Anna, de Vries, Vries. The surname starts at the
    first prefix after the first word, else it is the last word; initials (J.) are no name.
    """
    words = [w.strip(",;:") for w in full_name.split()]
    words = [w for w in words if _NAME_WORD.search(w)]
    if not words:
        return set()
    lower = [w.lower() for w in words]
    if lower[0] in SURNAME_PREFIXES:
        start = 0
    else:
        start = next(
            (i for i in range(1, len(words)) if lower[i] in SURNAME_PREFIXES), len(words) - 1
        )
    given = [w for w in words[:start] if not _is_initial(w)]
    surname = words[start:]
    core = [w for w in surname if w.lower() not in SURNAME_PREFIXES]
    variants = {" ".join(words), " ".join(given), *given}
    if core:
        variants |= {" ".join(surname), " ".join(core), *core}
        for word in core:  # double-barrelled: Jansen-Bakker -> Jansen, Bakker
            variants |= set(_NAME_WORD.findall(word))
    return {
        v
        for v in variants
        if v
        and v.lower() not in SURNAME_PREFIXES
        and sum(len(x) for x in _NAME_WORD.findall(v)) >= _MIN_NAME_LETTERS
        and any(k not in SURNAME_PREFIXES for k in _keys(v))
    }


def _keys(variant: str) -> list[str]:
    """Letter runs of a variant that are no prefix: a text must hold one to mention it."""
    return [
        w
        for w in (x.lower() for x in _NAME_WORD.findall(variant))
        if len(w) >= _MIN_NAME_LETTERS and w not in SURNAME_PREFIXES
    ]


def _phone_ok(candidate: str) -> bool:
    """Whether libphonenumber takes the candidate for a phone number (Dutch by default)."""
    if _DATE.search(candidate):
        return False
    if national_shape(candidate):
        return True
    return _libphonenumber_ok(candidate)


def national_shape(candidate: str) -> bool:
    """Whether a candidate is ASCII digits 0 and nine more, with only plain separators."""
    return bool(_NATIONAL_SHAPE.fullmatch(candidate.translate(_NATIONAL_SEPARATORS)))


def _libphonenumber_ok(candidate: str) -> bool:
    try:
        number = phonenumbers.parse(candidate, "NL")
    except phonenumbers.NumberParseException:
        return False
    if phonenumbers.is_valid_number(number):
        return True
    # Unassigned ranges (06-00000123) are still written as phone numbers: any Dutch number
    # of the standard length counts.
    return number.country_code == 31 and len(str(number.national_number)) == _NL_NATIONAL_DIGITS


# The same number recurs in many texts (a contact person's number in every note of theirs);
# libphonenumber is by far the dearest step of redaction, so each candidate is judged once.
@lru_cache(maxsize=1 << 16)
def _redact_candidate(candidate: str) -> str:
    """A run of digit groups: the phone numbers in it replaced, dates and other digits kept."""
    date = _DATE.search(candidate)
    if date:
        before, after = candidate[: date.start()], candidate[date.end() :]
        return _phone_spans(before) + date.group() + _phone_spans(after)
    if _phone_ok(candidate):
        return REDACTED["phone"]
    # A number run together with other digits ("06 12345678 030"): the longest number at
    # the start, else at the end of the run, cut where the writer left a space.
    cuts = [m.start() for m in re.finditer(r"\s+", candidate)]
    for cut in reversed(cuts):
        if _phone_ok(candidate[:cut]):
            return REDACTED["phone"] + _phone_spans(candidate[cut:])
    for cut in cuts:
        rest = candidate[cut:].lstrip()
        if _phone_ok(rest):
            return candidate[: len(candidate) - len(rest)] + REDACTED["phone"]
    return candidate


def _phone_spans(text: str) -> str:
    return _PHONE_CANDIDATE.sub(lambda match: _redact_candidate(match.group()), text)


def _postcode(match: re.Match[str]) -> str:
    letters = match.group("letters")
    if not letters.isupper() and letters.lower() in _NOT_POSTCODE_LETTERS:
        return match.group()
    return REDACTED["postcode"]


def redact_patterns(text: str, kinds: tuple[bool, ...] = _ALL_PATTERNS) -> str:
    """E-mail addresses, phone numbers, postcodes and street + house number in one text;
    `kinds` says which of the four (in that order) its pre-filter left possible."""
    email, phone, postcode, address = kinds
    if email:
        text = _EMAIL.sub(REDACTED["email"], text)
    if phone:
        text = _phone_spans(text)
    if postcode:
        text = _POSTCODE.sub(_postcode, text)
    return _ADDRESS.sub(REDACTED["address"], text) if address else text


class Redactor:
    """Redacts texts of one load: the patterns, and the contact names known in that load."""

    def __init__(self, contact_names: Iterable[str] = ()) -> None:
        by_key: dict[str, set[str]] = {}
        for full in {n.strip() for n in contact_names if isinstance(n, str) and n.strip()}:
            for variant in name_variants(full):
                for key in _keys(variant):
                    by_key.setdefault(key, set()).add(variant)
        self._variants = by_key
        self._key_set = pa.array(sorted(by_key), pa.large_string())
        self._key_pattern = (
            "|".join(re.escape(k) for k in sorted(by_key, key=len, reverse=True))
            if len(by_key) <= _KEYS_IN_ONE_PATTERN
            else None
        )

    @property
    def has_names(self) -> bool:
        return bool(self._variants)

    # ------------------------------------------------------------------ one text

    def text(self, value: str | None) -> str | None:
        """One text redacted (None stays None)."""
        if value is None:
            return None
        keys = {w.lower() for w in _NAME_WORD.findall(value)} & self._variants.keys()
        return self._redact(value, frozenset(keys))

    def _redact(
        self, value: str, keys: frozenset[str], kinds: tuple[bool, ...] = _ALL_PATTERNS
    ) -> str:
        value = redact_patterns(value, kinds)
        if keys:
            value = self._name_pattern(keys).sub(REDACTED["name"], value)
        return value

    @lru_cache(maxsize=4096)  # noqa: B019 - one Redactor per load, dropped with it
    def _name_pattern(self, keys: frozenset[str]) -> re.Pattern[str]:
        # Only variants whose every word is in the text: "Anna de Vries" needs anna and vries.
        variants = sorted(
            {v for k in keys for v in self._variants[k] if set(_keys(v)) <= keys},
            key=len,
            reverse=True,
        )
        # Whole words only, any whitespace between the words of a name, any case.
        alternatives = "|".join(r"\s+".join(map(re.escape, v.split())) for v in variants)
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)

    # ------------------------------------------------------------------ many texts

    def array(self, values: pa.Array | pa.ChunkedArray) -> pa.Array:
        """A text column redacted; only the distinct texts that may hold something are
        looked at in Python."""
        if isinstance(values, pa.ChunkedArray):
            values = values.combine_chunks() if values.num_chunks else pa.array([], values.type)
        if not pa.types.is_large_string(values.type):
            values = values.cast(pa.large_string())
        if len(values) == 0 or values.null_count == len(values):
            return values
        encoded = pc.dictionary_encode(values)
        distinct = encoded.dictionary
        kinds = np.column_stack(
            [
                pc.fill_null(pc.match_substring_regex(distinct, pattern), False).to_numpy(
                    zero_copy_only=False
                )
                for pattern in _PREFILTERS.values()
            ]
        )
        suspect = kinds.any(axis=1)
        name_keys = self._token_hits(distinct)
        named = np.zeros(len(distinct), dtype=bool)
        named[list(name_keys)] = True
        rows = np.flatnonzero(suspect | named)
        if not len(rows):
            return values
        texts = distinct.take(pa.array(rows)).to_pylist()
        redacted = [
            self._redact(text, name_keys.get(int(row), frozenset()), tuple(kinds[row]))
            for text, row in zip(texts, rows, strict=True)
        ]
        mask = np.zeros(len(distinct), dtype=bool)
        mask[rows] = True
        new_distinct = pc.replace_with_mask(
            distinct, pa.array(mask), pa.array(redacted, pa.large_string())
        )
        return pc.take(new_distinct, encoded.indices)

    def _token_hits(self, distinct: pa.Array) -> dict[int, frozenset[str]]:
        """Per distinct text (by position) the name keys it holds as words."""
        if not self._variants:
            return {}
        if self._key_pattern is None:
            return self._word_hits(distinct)
        # Few keys: RE2 first picks the texts in which a key occurs at all, in the text
        # lower-cased as the words are (character by character); only those are split.
        lowered = pc.utf8_lower(distinct)
        maybe = pc.fill_null(pc.match_substring_regex(lowered, self._key_pattern), False)
        rows = np.flatnonzero(maybe.to_numpy(zero_copy_only=False))
        hits = self._word_hits(distinct.take(pa.array(rows, pa.int64())))
        return {int(rows[i]): keys for i, keys in hits.items()}

    def _word_hits(self, distinct: pa.Array) -> dict[int, frozenset[str]]:
        tokens = pc.split_pattern_regex(distinct, _TOKEN_SPLIT)
        words = pc.utf8_lower(pc.list_flatten(tokens))
        parents = pc.list_parent_indices(tokens).to_numpy()
        hit = pc.fill_null(pc.is_in(words, value_set=self._key_set), False)
        hit = hit.to_numpy(zero_copy_only=False)
        found: dict[int, set[str]] = {}
        for row, word in zip(parents[hit], words.filter(pa.array(hit)).to_pylist(), strict=True):
            found.setdefault(int(row), set()).add(word)
        return {row: frozenset(keys) for row, keys in found.items()}

    def series(self, values: pd.Series) -> pd.Series:
        """A pandas text column redacted, index kept."""
        out = self.array(pa.array(values.astype("string[pyarrow]")))
        return pd.Series(pd.arrays.ArrowStringArray(out), index=values.index, dtype=_STRING)
