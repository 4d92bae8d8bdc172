"""Personal data planted in every position of every source, for the privacy scans.

`Personal` is one set of personal strings (a contact person, a stranger, an address, an
e-mail address, a phone number and a postcode, each in some notation). `write_planted`
writes exports of every source that put them in every position an export can hold them:

- known fields: free text, names, places and every value a rule quotes when it rejects the
  row (the contact's name, the e-mail address, the phone number, the postcode and the
  street + house number, which redaction knows how to recognise);
- positions whose meaning is unknown: surplus cells right of the header, cells under an
  unknown header or under no header, and a file without a header row. There anything may
  stand, the stranger's name too, which no redaction can recognise;
- one row broken for each rule of etl.validation (and of the boundary file), so every kind
  of reject is made once with personal data in it.

It returns where the analyst must still find each planted reject: (file, row, rule).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd

from etl import reference
from etl.contract import ALIASES, CHECKS, INITIATIVES, OBSTACLES, REGIONS, RESPONSES, Source
from tests.support.geo import lonlat_square

# Two places in two municipalities each, so that the ambiguity rule can be broken (the
# shipped reference has none); `with_ambiguous_places` adds them to the reference.
AMBIGUOUS_PLACES = pd.DataFrame(
    [("Werkhoven", "GM0321", "place")], columns=["alias", "cbs_code", "kind"]
)


@dataclass(frozen=True)
class Personal:
    """One set of personal strings, each as it is written in the export."""

    contact_first: str
    contact_last: str
    stranger_first: str
    stranger_last: str
    street: str  # e.g. Lindelaan
    house_number: str  # e.g. 12, 7a, 12-14
    street_separator: str  # between street and number: " ", ". ", " nr. "
    email: str
    phone: str
    postcode: str

    @property
    def contact(self) -> str:
        return f"{self.contact_first} {self.contact_last}"

    @property
    def stranger(self) -> str:
        return f"{self.stranger_first} {self.stranger_last}"

    @property
    def address(self) -> str:
        return f"{self.street}{self.street_separator}{self.house_number}"

    def known(self) -> str:
        """Everything redaction can recognise, in one text."""
        return f"{self.contact} woont {self.address}, {self.postcode}; {self.email} of {self.phone}"

    def anything(self) -> str:
        """What may stand where nobody said what a cell holds: the stranger too."""
        return f"{self.stranger}, {self.address}"

    def hits(self, text: str) -> list[str]:
        """The planted strings found in `text` (whole words, any case, any spacing)."""
        found = []
        for label, pattern in self._patterns():
            if pattern.search(text):
                found.append(label)
        return found

    def _patterns(self) -> list[tuple[str, re.Pattern[str]]]:
        def words(value: str) -> re.Pattern[str]:
            body = r"\s+".join(re.escape(w) for w in value.split())
            return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)

        digits = re.sub(r"\D", "", self.phone)
        number = re.escape(self.house_number.split("-")[0].rstrip("abcdefgh"))
        compact_postcode = re.sub(r"[\s-]", "", self.postcode)
        return [
            ("contact", words(self.contact)),
            ("contact surname", words(self.contact_last)),
            ("contact first name", words(self.contact_first)),
            ("stranger", words(self.stranger)),
            ("stranger surname", words(self.stranger_last)),
            # The street with a number after it, in any notation (the bare street name is a
            # public fact, and shows e.g. in "De Vriesstraat" as a name).
            (
                "address",
                re.compile(rf"(?<!\w){re.escape(self.street)}\W{{0,6}}{number}(?!\d)", re.I),
            ),
            ("e-mail", re.compile(re.escape(self.email), re.IGNORECASE)),
            ("e-mail local part", re.compile(rf"{re.escape(self.email.split('@')[0])}@", re.I)),
            ("phone", re.compile(re.escape(self.phone))),
            # The same digits in any notation (0648151623, 06 48 15 16 23, 06-4815.1623).
            ("phone digits", re.compile(r"(?<!\d)" + r"[\s\-./()–]*".join(digits) + r"(?!\d)")),
            (
                "postcode",
                re.compile(
                    rf"(?<!\w){compact_postcode[:4]}\s*-?\s*{compact_postcode[4:]}(?![A-Za-z])",
                    re.IGNORECASE,
                ),
            ),
        ]


EXAMPLE = Personal(
    contact_first="Gerrit",
    contact_last="Okkerse",
    stranger_first="Hendrika",
    stranger_last="Zwanenburg",
    street="Lindelaan",
    house_number="12",
    street_separator=" ",
    email="g.okkerse@voorbeeld-mail.nl",
    phone="06-48151623",
    postcode="3832 AB",
)


@dataclass(frozen=True)
class Planted:
    """Where each planted reject must be found: (file, row number or None, rule)."""

    rejects: list[tuple[str, int | None, str]]
    rules: set[str]  # every rule the files break at least once


class _Sheet:
    """Rows of one export: a header of contract and other columns, rows as dicts, and
    surplus cells right of the header; remembers which row breaks which rule."""

    def __init__(self, path: str, source: Source, extra_headers: Iterable[str] = ()) -> None:
        self.path = path
        self.header = [c.name for c in source.columns] + list(extra_headers)
        self.rows: list[list[str]] = []
        self.breaks: list[tuple[str, int | None, str]] = []

    def add(self, values: dict[str, str], rule: str | None = None, surplus=()) -> None:
        unknown = set(values) - set(self.header)
        assert not unknown, unknown
        self.rows.append([values.get(h, "") for h in self.header] + list(surplus))
        if rule:
            self.breaks.append((self.path, len(self.rows) + 1, rule))  # header = row 1

    def csv_text(self, delimiter: str = ";") -> str:
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(self.header)
        writer.writerows(self.rows)
        return buffer.getvalue()

    def write_csv(self, raw: Path, encoding: str = "utf-8") -> None:
        (raw / self.path).write_text(self.csv_text(), encoding=encoding)

    def write_xlsx(self, raw: Path) -> None:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(self.header)
        for row in self.rows:
            sheet.append(row)
        book.save(raw / self.path)


def _initiative(p: Personal, initiative_id: str, **values: str) -> dict[str, str]:
    return {
        "initiatief_id": initiative_id,
        "naam": f"Buurtkamer van {p.contact_last}",
        "gemeente": "Utrecht",
        "kern": p.address,
        "themas": "zorg",
        "website": f"https://example.org/{p.email}",
        "contactpersoon": p.contact,
        "email": p.email,
        "telefoon": p.phone,
        "omschrijving": p.known(),
        "zichtbaar": "ja",
        "geregistreerd_op": "2024-01-05",
        **values,
    }


def _obstacle(p: Personal, obstacle_id: str, **values: str) -> dict[str, str]:
    return {
        "knelpunt_id": obstacle_id,
        "initiatief_id": "PL-I1",
        "gemeente": "Utrecht",
        "gemeld_op": "2024-02-01",
        "thema": "zorg",
        "categorie": "subsidie",
        "omschrijving": p.known(),
        **values,
    }


def _response(p: Personal, response_id: str, **values: str) -> dict[str, str]:
    return {
        "reactie_id": response_id,
        "knelpunt_id": "PL-K1",
        "datum": "2024-03-01",
        "uitkomst": "opgelost",
        "toelichting": p.known(),
        **values,
    }


def write_planted(raw: Path, p: Personal = EXAMPLE) -> Planted:
    """Exports of every source with `p` planted everywhere (see the module docstring)."""
    raw.mkdir(parents=True, exist_ok=True)
    known, anything = p.known(), p.anything()
    unknown_header = f"Vragen aan {p.email} of {p.address}"

    # --- initiatives: csv (DuckDB's reader) and xlsx (the frame reader) -------------------
    ini = _Sheet("initiatieven_geplant.csv", INITIATIVES, [unknown_header])
    ini.add(_initiative(p, "PL-I1", **{unknown_header: anything}))
    ini.add(_initiative(p, "PL-I2"), "extra_fields", surplus=[anything, p.stranger_last])
    ini.add(_initiative(p, ""), "required")
    ini.add(_initiative(p, "PL-I3", naam=""), "required")
    ini.add(_initiative(p, "PL-I4", gemeente="", kern=""), "required")
    ini.add(_initiative(p, "PL-I5", geregistreerd_op=""), "required")
    ini.add(_initiative(p, "PL-I6", gemeente=f"{p.address} Leusden"), "municipality_unknown")
    ini.add(_initiative(p, "PL-I7", gemeente=p.email), "municipality_unknown")
    ini.add(_initiative(p, "PL-I8", gemeente="Werkhoven"), "municipality_ambiguous")
    ini.add(_initiative(p, "PL-I9", gemeente="Amsterdam"), "municipality_out_of_scope")
    ini.add(_initiative(p, "PL-I10", themas=f"zorg; {p.address}"), "unknown_theme")
    ini.add(_initiative(p, "PL-I11", rechtsvorm=p.email), "unknown_legal_form")
    ini.add(_initiative(p, "PL-I12", opgericht=p.address), "date_invalid")
    ini.add(_initiative(p, "PL-I13", opgericht="2099"), "date_after_as_of")
    ini.add(_initiative(p, "PL-I14", opgericht="1850"), "date_before_1900")
    ini.add(_initiative(p, "PL-I15", fase=p.postcode), "unknown_phase")
    ini.add(_initiative(p, "PL-I16", vrijwilligers=p.address), "count_invalid")
    ini.add(_initiative(p, "PL-I17", zichtbaar=p.contact), "consent_invalid")
    ini.add(_initiative(p, "PL-I18", geregistreerd_op=p.phone), "date_invalid")
    ini.write_csv(raw)

    wide = _Sheet("initiatieven_geplant.xlsx", INITIATIVES, [unknown_header])
    wide.add(_initiative(p, "PL-X1", **{unknown_header: anything}))
    wide.add(_initiative(p, "PL-X2"), "extra_fields", surplus=["", anything])
    wide.add(_initiative(p, "PL-X3", gemeente=known), "municipality_unknown")
    wide.write_xlsx(raw)

    # --- obstacles: with a column under no header (the careful csv reader) ---------------
    obs = _Sheet("knelpunten_geplant.csv", OBSTACLES, ["", "Opmerking"])
    obs.add(_obstacle(p, "PL-K1", **{"": anything, "Opmerking": anything}))
    obs.add(_obstacle(p, "PL-K2"), "extra_fields", surplus=[anything])
    for column in ("knelpunt_id", "gemeente", "gemeld_op", "thema", "categorie"):
        obs.add(_obstacle(p, f"PL-K-{column}", **{column: ""}), "required")
    obs.add(_obstacle(p, "PL-K3", gemeente=p.address), "municipality_unknown")
    obs.add(_obstacle(p, "PL-K4", gemeente="Werkhoven"), "municipality_ambiguous")
    obs.add(_obstacle(p, "PL-K5", gemeente="Arnhem"), "municipality_out_of_scope")
    obs.add(_obstacle(p, "PL-K6", gemeld_op=p.address), "date_invalid")
    obs.add(_obstacle(p, "PL-K7", gemeld_op="2099-01-01"), "date_after_as_of")
    obs.add(_obstacle(p, "PL-K8", gemeld_op="1899-12-31"), "date_before_1900")
    obs.add(_obstacle(p, "PL-K9", thema=known), "unknown_theme")
    obs.add(_obstacle(p, "PL-K10", categorie=p.address), "unknown_category")
    obs.add(_obstacle(p, "PL-K11", ernst=p.phone), "unknown_severity")
    obs.add(_obstacle(p, "PL-K12", niveau=p.email), "unknown_level")
    obs.add(_obstacle(p, "PL-K13", initiatief_id="PL-I3"), "initiative_rejected")
    obs.add(_obstacle(p, "PL-K14", initiatief_id=p.email), "initiative_unknown")
    obs.write_csv(raw)

    # --- responses: Windows-1252, as Dutch Excel saves ------------------------------------
    res = _Sheet("reacties_geplant.csv", RESPONSES)
    res.add(_response(p, "PL-R1"))
    res.add(_response(p, "PL-R2"), "extra_fields", surplus=[anything])
    for column in ("reactie_id", "knelpunt_id", "datum", "uitkomst"):
        res.add(_response(p, f"PL-R-{column}", **{column: ""}), "required")
    res.add(_response(p, "PL-R3", knelpunt_id="PL-K6"), "obstacle_rejected")
    res.add(_response(p, "PL-R4", knelpunt_id=p.address), "obstacle_unknown")
    res.add(_response(p, "PL-R5", datum=p.phone), "date_invalid")
    res.add(_response(p, "PL-R6", datum="2099-01-01"), "date_after_as_of")
    res.add(_response(p, "PL-R7", datum="1899-01-01"), "date_before_1900")
    res.add(_response(p, "PL-R8", datum="2024-01-15"), "response_before_report")
    res.add(_response(p, "PL-R9", uitkomst=p.email), "unknown_outcome")
    res.write_csv(raw, encoding="cp1252")

    # --- "still open" checks (the follow-up of /melden) --------------------------------------
    chk = _Sheet("controles_geplant.csv", CHECKS)
    check = {"controle_id": "PL-C1", "knelpunt_id": "PL-K1", "datum": "2024-04-01"}
    chk.add(check)
    chk.add({**check, "controle_id": "PL-C2"}, "extra_fields", surplus=[anything])
    for column in ("controle_id", "knelpunt_id", "datum"):
        chk.add({**check, "controle_id": f"PL-C-{column}", column: ""}, "required")
    chk.add({**check, "controle_id": "PL-C3", "knelpunt_id": "PL-K6"}, "obstacle_rejected")
    chk.add({**check, "controle_id": "PL-C4", "knelpunt_id": p.email}, "obstacle_unknown")
    chk.add({**check, "controle_id": "PL-C5", "datum": p.phone}, "date_invalid")
    chk.add({**check, "controle_id": "PL-C6", "datum": "2099-01-01"}, "date_after_as_of")
    chk.add({**check, "controle_id": "PL-C7", "datum": "1899-01-01"}, "date_before_1900")
    chk.add({**check, "controle_id": "PL-C8", "datum": "2024-01-15"}, "check_before_report")
    chk.write_csv(raw)

    # --- a form-tool export through a column mapping: its personal columns left out ------
    (raw / "kolommen_geplant.csv").write_text(
        "bron,kolom,veld\nknelpunten,Tijdstempel,knelpunt_id=forms-\n"
        "knelpunten,Tijdstempel,gemeld_op\nknelpunten,E-mailadres,-\n"
        "knelpunten,Uw naam,-\nknelpunten,Wat is er?,omschrijving\n"
        "knelpunten,Soort knelpunt,categorie\n",
        encoding="utf-8",
    )
    (raw / "knelpunten_formulier.csv").write_text(
        "Tijdstempel,E-mailadres,Uw naam,Gemeente,Thema,Soort knelpunt,Wat is er?\n"
        f'5-3-2024 10:00:00,{p.email},{p.stranger},Utrecht,zorg,subsidie,"{known}"\n',
        encoding="utf-8",
    )

    # --- the analyst's aliases and regions --------------------------------------------------
    ali = _Sheet("aliassen_geplant.csv", ALIASES)
    ali.add({"alias": "Stad Utrecht", "cbs_code": "GM0344"})
    ali.add({"alias": "Domstad", "cbs_code": "GM0344"}, "extra_fields", surplus=[anything])
    ali.add({"alias": "", "cbs_code": "GM0344"}, "required")
    ali.add({"alias": "Dorp", "cbs_code": ""}, "required")
    ali.add({"alias": p.address, "cbs_code": p.phone}, "alias_code_unknown")
    ali.write_csv(raw)

    reg = _Sheet("regios_geplant.csv", REGIONS)
    region = {"regio_code": "oost", "regio_naam": "Oost", "gemeente": "Utrecht"}
    reg.add({**region, "toelichting": known})
    reg.add({**region, "gemeente": "Zeist"}, "extra_fields", surplus=[anything])
    reg.add({**region, "regio_code": ""}, "required")
    reg.add({**region, "regio_naam": ""}, "required")
    reg.add({**region, "gemeente": ""}, "required")
    reg.add({**region, "regio_code": p.address}, "region_code_invalid")
    reg.add({**region, "regio_naam": p.contact, "gemeente": "Houten"}, "region_name_conflict")
    reg.add({**region, "soort": p.email, "gemeente": "Bunnik"}, "region_kind_unknown")
    reg.add({**region, "gemeente": known}, "municipality_unknown")
    reg.add({**region, "gemeente": "Werkhoven"}, "municipality_ambiguous")
    reg.add({**region, "gemeente": "Zwolle"}, "municipality_out_of_scope")
    reg.write_csv(raw)

    # --- erasure list with a surplus cell; a headerless file; a file missing columns -----
    (raw / "verwijderen_geplant.csv").write_text(
        f"initiatief_id\nPL-I99;{anything}\n", encoding="utf-8"
    )
    (raw / "knelpunten_zonder_kop.csv").write_text(
        f"{p.stranger};{p.address};{p.email}\n{anything};{p.phone};{p.postcode}\n",
        encoding="utf-8",
    )
    (raw / "reacties_kolommen_kwijt.csv").write_text(
        f"reactie_id;{p.email};{p.address}\nR1;{anything};x\n", encoding="utf-8"
    )
    whole_files = [
        ("knelpunten_zonder_kop.csv", None, "file_rejected"),
        ("reacties_kolommen_kwijt.csv", None, "file_rejected"),
    ]

    # --- a boundary file with codes and names that are an address or an e-mail ------------
    geo = raw / "geo"
    geo.mkdir(exist_ok=True)
    feature = lambda code, name, geometry: {  # noqa: E731 - a table of three rows
        "type": "Feature",
        "properties": {"statcode": code, "statnaam": name},
        "geometry": geometry,
    }
    features = [
        feature("GM0344", "Utrecht", lonlat_square("GM0344")),
        feature(p.address, anything, lonlat_square("GM0353")),
        feature("GM0355", p.email, {"type": "Point", "coordinates": [5.2, 52.1]}),
    ]
    (geo / "grenzen_geplant.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8"
    )
    boundaries = [
        ("geo/grenzen_geplant.geojson", 2, "boundary_code_invalid"),
        ("geo/grenzen_geplant.geojson", 3, "boundary_no_polygon"),
    ]

    rejects = [
        *ini.breaks,
        *wide.breaks,
        *obs.breaks,
        *res.breaks,
        *chk.breaks,
        *ali.breaks,
        *reg.breaks,
    ]
    rejects += whole_files + boundaries
    return Planted(rejects=rejects, rules={rule for _, _, rule in rejects})


def with_ambiguous_places(patch) -> None:
    """Let `patch` (a pytest MonkeyPatch) add a place in two municipalities to the shipped
    reference, so the ambiguity rule has something to reject."""
    shipped = reference.aliases()
    patch.setattr(
        reference, "aliases", lambda: pd.concat([shipped, AMBIGUOUS_PLACES], ignore_index=True)
    )
