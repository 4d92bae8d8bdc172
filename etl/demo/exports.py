"""How each demo file writes the true records down: headers, date styles, labels and aliases."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import pandas as pd

from etl.contract import ERASURES, INITIATIVES, OBSTACLES, RESPONSES, Source
from etl.vocabularies import CATEGORIES, LEGAL_FORMS, OUTCOMES, SEVERITIES, THEMES, Vocabulary

from . import profiles as P
from .generate import DemoData
from .places import Geography

EPOCH = date(1970, 1, 1)

INITIATIVES_FILE = "initiatieven_demo.xlsx"
OBSTACLES_OLD_FILE = "knelpunten_2021-2023.csv"
OBSTACLES_NEW_FILE = "knelpunten_2024-heden.csv"
RESPONSES_FILE = "reacties_demo.csv"
RESPONSES_UPDATE_FILE = "reacties_demo_update.csv"
ERASURE_FILE = "verwijderen_demo.csv"
ALL_FILES = frozenset(
    {
        INITIATIVES_FILE,
        OBSTACLES_OLD_FILE,
        OBSTACLES_NEW_FILE,
        RESPONSES_FILE,
        RESPONSES_UPDATE_FILE,
        ERASURE_FILE,
    }
)
# Obstacles reported from this day on go to the newer export.
SPLIT_DAY = date(2024, 1, 1)

# The newer obstacle export comes from another form tool: its own header spellings.
NEW_OBSTACLE_HEADERS = {
    "knelpunt_id": "Knelpunt ID",
    "initiatief_id": "Initiatief ID",
    "gemeente": "Gemeente",
    "gemeld_op": "Gemeld op",
    "thema": "Thema",
    "categorie": "Categorie",
    "ernst": "Ernst",
    "niveau": "Niveau",
    "omschrijving": "Omschrijving",
}


@dataclass(frozen=True)
class CsvFormat:
    encoding: str  # 'utf-8-sig' writes a BOM
    delimiter: str
    lineterminator: str = "\n"


@dataclass
class Export:
    """One file: its rows as written, keyed by the contract's column names."""

    path: str
    source: Source
    rows: pd.DataFrame
    headers: dict[str, str] = field(default_factory=dict)  # column -> header when not the name
    csv: CsvFormat | None = None  # None: xlsx
    broken: int = 0

    def header_row(self) -> list[str]:
        return [self.headers.get(c, c) for c in self.rows.columns]


def to_date(days: np.ndarray) -> list[date]:
    return [EPOCH + timedelta(days=int(d)) for d in days]


def iso(days: np.ndarray) -> list[str]:
    return [d.isoformat() for d in to_date(days)]


def dutch(
    rng: np.random.Generator, days: np.ndarray, short: float = 0.1, timed: float = 0.0
) -> list[str]:
    """Day-first dates: '05-03-2024', sometimes '5-3-2024' or with a time of day."""
    u = rng.random((len(days), 3))
    out = []
    for i, d in enumerate(to_date(days)):
        if u[i, 0] < short:
            text = f"{d.day}-{d.month}-{d.year}"
        else:
            text = f"{d.day:02d}-{d.month:02d}-{d.year}"
        if u[i, 1] < timed:
            minutes = 8 * 60 + int(u[i, 2] * 9 * 60)  # office hours
            text += f" {minutes // 60:02d}:{minutes % 60:02d}"
        out.append(text)
    return out


def municipality_names(
    rng: np.random.Generator,
    codes: np.ndarray,
    geo: Geography,
    variant: float,
    code: float,
    case: float,
) -> list[str]:
    """The municipality as people write it: name, place or former name, CBS code, odd case."""
    names = dict(zip(geo.municipalities["cbs_code"], geo.municipalities["name"], strict=True))
    u = rng.random((len(codes), 3))
    out = []
    for i, c in enumerate(codes):
        r = u[i, 0]
        options = geo.variants[c]
        if r < variant and options:
            out.append(options[int(u[i, 1] * len(options))])
        elif r < variant + code:
            number = c[2:]
            out.append((c, number, str(int(number)))[int(u[i, 1] * 3)])
        elif r < variant + code + case:
            out.append(names[c].upper() if u[i, 2] < 0.5 else names[c].lower())
        else:
            out.append(names[c])
    return out


def vocabulary_values(
    rng: np.random.Generator, codes: np.ndarray, vocab: Vocabulary, label: float, alias: float
) -> list[str]:
    """A code written as itself, its label or one of its aliases."""
    terms = {t.code: t for t in vocab.terms}
    u = rng.random((len(codes), 2))
    out = []
    for i, c in enumerate(codes):
        term = terms[c]
        if u[i, 0] < alias and term.aliases:
            out.append(term.aliases[int(u[i, 1] * len(term.aliases))])
        elif u[i, 0] < alias + label:
            out.append(term.label)
        else:
            out.append(c)
    return out


def build_exports(rng: np.random.Generator, data: DemoData, geo: Geography) -> list[Export]:
    """Every file of the demo, in the order the ETL reads them (lexical)."""
    old, new = _obstacle_exports(rng, data, geo)
    responses, update = _response_exports(rng, data)
    erasure = Export(
        ERASURE_FILE,
        ERASURES,
        pd.DataFrame(
            {"initiatief_id": [data.erase_initiative, ""], "knelpunt_id": ["", data.erase_obstacle]}
        ),
        csv=CsvFormat("utf-8", ","),
    )
    exports = [_initiative_export(rng, data, geo), old, new, responses, update, erasure]
    # An early as-of day leaves the newer obstacle export empty: then it is not written.
    return sorted((e for e in exports if not e.rows.empty), key=lambda e: e.path)


def _initiative_export(rng: np.random.Generator, data: DemoData, geo: Geography) -> Export:
    ini = data.initiatives
    n = len(ini)
    u = rng.random((n, 8))
    gemeente = municipality_names(rng, ini["cbs_code"].to_numpy(), geo, 0.0, 0.04, 0.04)
    # A few forms leave gemeente empty and only name the kern; the contract lets the kern
    # resolve it then.
    kern = ini["kern"].to_numpy()
    gemeente = [None if kern[i] and u[i, 0] < 0.01 else g for i, g in enumerate(gemeente)]

    themes = ini[["theme1", "theme2", "theme3"]].to_numpy()
    # Unused second/third slots are filled with a dummy code and never joined.
    filled = np.where(themes == "", "overig", themes)
    written = [vocabulary_values(rng, filled[:, j], THEMES, 0.15, 0.08) for j in range(3)]
    separators = (";", "; ", ", ", " | ", ",")
    n_themes = ini["n_themes"].to_numpy()
    themas = [
        separators[int(u[i, 1] * len(separators))].join(written[j][i] for j in range(k))
        for i, k in enumerate(n_themes)
    ]

    legal = ini["rechtsvorm"].to_numpy()
    legal_written = [
        None if not c else (LEGAL_FORMS.label(c) if u[i, 2] < 0.5 else c)
        for i, c in enumerate(legal)
    ]
    founded = _founded(ini, u[:, 3])
    given = ini["fase_given"].to_numpy()
    fase = [
        (p.capitalize() if u[i, 4] < 0.3 else p) if given[i] else None
        for i, p in enumerate(ini["phase"])
    ]
    volunteers = [None if v < 0 else int(v) for v in ini["vrijwilligers"]]
    website = [
        w if has else ("n.v.t." if u[i, 5] < 0.2 else None)
        for i, (w, has) in enumerate(zip(ini["website"], ini["has_website"], strict=True))
    ]
    contact = ini["has_contact"].to_numpy()
    zichtbaar = _consent(u[:, 6], u[:, 7])

    def personal(column: str) -> list[str | None]:
        return [v if contact[i] else None for i, v in enumerate(ini[column])]

    rows = pd.DataFrame(
        {
            "initiatief_id": ini["initiatief_id"],
            "naam": ini["naam"],
            "gemeente": gemeente,
            "kern": [k or None for k in kern],
            "themas": themas,
            "rechtsvorm": legal_written,
            "opgericht": founded,
            "fase": fase,
            "vrijwilligers": volunteers,
            "website": website,
            "contactpersoon": personal("contactpersoon"),
            "email": personal("email"),
            "telefoon": personal("telefoon"),
            "omschrijving": ini["omschrijving"],
            "zichtbaar": zichtbaar,
            "geregistreerd_op": to_date(ini["registered"].to_numpy()),
        },
        dtype=object,
    )
    return Export(INITIATIVES_FILE, INITIATIVES, rows)


def _consent(given: np.ndarray, style: np.ndarray) -> list[object]:
    """Most initiatives consent to be shown publicly; written as forms write it: ja / Ja, an
    Excel TRUE cell, nee / Nee, or left empty (which means nee)."""
    out: list[object] = []
    for g, s in zip(given, style, strict=True):
        if g < P.CONSENT_SHARE:
            out.append("ja" if s < 0.6 else "Ja" if s < 0.85 else True)
        else:
            out.append("nee" if s < 0.5 else "Nee" if s < 0.7 else None)
    return out


def _founded(ini: pd.DataFrame, u: np.ndarray) -> list[object]:
    """Founding as Excel writes it: a year number, a date cell, or date text."""
    days = to_date(ini["founded"].to_numpy())
    known = ini["founded_known"].to_numpy()
    as_year = ini["founded_as_year"].to_numpy()
    year = ini["founded_year"].to_numpy()
    out: list[object] = []
    for i, d in enumerate(days):
        if not known[i]:
            out.append(None)
        elif as_year[i]:
            out.append(int(year[i]))
        elif u[i] < 0.6:
            out.append(d)
        else:
            out.append(f"{d.day:02d}-{d.month:02d}-{d.year}")
    return out


def _obstacle_exports(
    rng: np.random.Generator, data: DemoData, geo: Geography
) -> tuple[Export, Export]:
    obs = data.obstacles
    split = int(np.datetime64(SPLIT_DAY, "D").astype(np.int64))
    old = obs[obs["reported"] < split]
    new = obs[obs["reported"] >= split]

    def rows(
        part: pd.DataFrame,
        dates: list[str],
        gemeente: list[str],
        thema: list[str],
        categorie: list[str],
        ernst: list[str],
        niveau: list[str],
    ) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "knelpunt_id": part["knelpunt_id"].to_numpy(),
                "initiatief_id": part["initiatief_id"].to_numpy(),
                "gemeente": gemeente,
                "gemeld_op": dates,
                "thema": thema,
                "categorie": categorie,
                "ernst": ernst,
                "niveau": niveau,
                "omschrijving": part["omschrijving"].to_numpy(),
            },
            dtype=object,
        )

    # Older export: codes, ISO dates, severity as a number or a word.
    old_rows = rows(
        old,
        iso(old["reported"].to_numpy()),
        municipality_names(rng, old["cbs_code"].to_numpy(), geo, 0.03, 0.05, 0.0),
        old["thema"].tolist(),
        old["categorie"].tolist(),
        _optional(
            rng,
            np.array(
                vocabulary_values(rng, old["ernst"].to_numpy(), SEVERITIES, 0.0, 0.5), dtype=object
            ),
            0.08,
            "-",
        ),
        _optional(rng, old["niveau"].to_numpy(), 0.3, "", only="gemeente"),
    )
    # Newer export: labels and aliases, places and codes for the municipality, words for
    # severity, capitalised levels.
    sev = vocabulary_values(rng, new["ernst"].to_numpy(), SEVERITIES, 0.7, 0.0)
    new_rows = rows(
        new,
        dutch(rng, new["reported"].to_numpy(), short=0.15),
        municipality_names(rng, new["cbs_code"].to_numpy(), geo, 0.2, 0.1, 0.05),
        vocabulary_values(rng, new["thema"].to_numpy(), THEMES, 0.3, 0.2),
        vocabulary_values(rng, new["categorie"].to_numpy(), CATEGORIES, 0.3, 0.2),
        _optional(rng, np.array(sev, dtype=object), 0.08, ""),
        [
            x.capitalize()
            for x in _optional(rng, new["niveau"].to_numpy(), 0.3, "", only="gemeente")
        ],
    )
    return (
        Export(OBSTACLES_OLD_FILE, OBSTACLES, old_rows, csv=CsvFormat("utf-8-sig", ",")),
        Export(
            OBSTACLES_NEW_FILE,
            OBSTACLES,
            new_rows,
            NEW_OBSTACLE_HEADERS,
            CsvFormat("cp1252", ";", "\r\n"),
        ),
    )


def _optional(
    rng: np.random.Generator,
    values: np.ndarray,
    share: float,
    missing: str,
    only: str | None = None,
) -> list[str]:
    """Leave an optional value out in a share of rows (only where it equals `only`, if given:
    a missing niveau means 'gemeente', so only those may be dropped)."""
    drop = rng.random(len(values)) < share
    if only is not None:
        drop &= values == only
    return [missing if d else str(v) for v, d in zip(values, drop, strict=True)]


def _response_exports(rng: np.random.Generator, data: DemoData) -> tuple[Export, Export]:
    res, upd = data.responses, data.update
    outcome = [
        OUTCOMES.label(x) if u < 0.15 else x
        for x, u in zip(res["uitkomst"], rng.random(len(res)), strict=True)
    ]
    main = pd.DataFrame(
        {
            "reactie_id": res["reactie_id"],
            "knelpunt_id": res["knelpunt_id"],
            "datum": dutch(rng, res["datum"].to_numpy(), short=0.1, timed=0.1),
            "uitkomst": outcome,
            "toelichting": res["toelichting"],
        },
        dtype=object,
    )
    update = pd.DataFrame(
        {
            "reactie_id": upd["reactie_id"],
            "knelpunt_id": upd["knelpunt_id"],
            "datum": iso(upd["datum"].to_numpy()),
            "uitkomst": upd["uitkomst"],
            "toelichting": upd["toelichting"],
        },
        dtype=object,
    )
    return (
        Export(RESPONSES_FILE, RESPONSES, main, csv=CsvFormat("utf-8", ";")),
        Export(RESPONSES_UPDATE_FILE, RESPONSES, update, csv=CsvFormat("utf-8", ";")),
    )
