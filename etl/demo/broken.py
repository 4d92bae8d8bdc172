"""Deliberately broken rows, each breaking one contract rule, so the rejects report has content."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from . import exports as X
from .generate import DemoData, ids

# About this share of each file's rows is broken (at least one row per kind below).
BROKEN_SHARE = 0.01


# The rule each kind breaks, named as etl.rejects.rule names it, with a Dutch gloss.
RULES: dict[str, str] = {
    "municipality_unknown": "onbekende gemeente (met suggestie)",
    "municipality_out_of_scope": "gemeente buiten de provincie",
    "date_invalid": "ongeldige datum",
    "date_after_as_of": "datum na de peildatum",
    "required": "verplichte waarde leeg",
    "count_invalid": "geen geheel getal >= 0",
    "unknown_theme": "onbekend thema",
    "unknown_category": "onbekende categorie",
    "unknown_severity": "onbekende ernst",
    "unknown_outcome": "onbekende uitkomst",
    "initiative_unknown": "onbekend initiatief",
    "obstacle_unknown": "onbekend knelpunt",
    "response_before_report": "reactie voor de meldingsdatum van het knelpunt",
}


@dataclass(frozen=True)
class BrokenRow:
    """One deliberately broken row and the rejection the ETL should give it."""

    file: str
    row: int  # as a spreadsheet user counts it: header = row 1
    record_id: str
    field: str
    value: str
    rule: str  # key of RULES
    expected: str  # RULES[rule]


@dataclass(frozen=True)
class Kind:
    field: str
    rule: str
    value: Callable[[dict, Context], object]  # the wrong value, given the template row


@dataclass
class Context:
    """What a broken value may depend on; hands out ids that collide with nothing."""

    data: DemoData
    next_number: dict[str, int]  # per id prefix: the next free number
    widths: dict[str, int]  # per id prefix: digits, as in the valid ids
    unknown_number: dict[str, int]  # per id prefix: numbers no row will ever carry
    outside: str | None = "Amsterdam"  # a municipality out of scope; None: every one is in
    _reported: dict[str, int] | None = None  # knelpunt_id -> day reported, built on first use

    def new_id(self, prefix: str) -> str:
        number = self.next_number[prefix]
        self.next_number[prefix] += 1
        return ids(prefix, np.array([number]), self.widths[prefix])[0]

    def unknown_id(self, prefix: str) -> str:
        number = self.unknown_number[prefix]
        self.unknown_number[prefix] += 1
        return ids(prefix, np.array([number]), self.widths[prefix])[0]

    def after_as_of(self, days: int) -> date:
        return X.to_date(np.array([self.data.as_of + days]))[0]

    def before_report(self, row: dict, days: int) -> str:
        """A response date `days` before its obstacle was reported."""
        if self._reported is None:
            obs = self.data.obstacles
            self._reported = dict(zip(obs["knelpunt_id"], obs["reported"], strict=True))
        return _dutch(X.to_date(np.array([self._reported[row["knelpunt_id"]] - days]))[0])


def _dutch(d: date) -> str:
    return f"{d.day:02d}-{d.month:02d}-{d.year}"


KINDS: dict[str, tuple[Kind, ...]] = {
    X.INITIATIVES_FILE: (
        Kind("gemeente", "municipality_unknown", lambda r, c: "Utrect"),
        Kind("geregistreerd_op", "date_after_as_of", lambda r, c: c.after_as_of(40)),
        Kind("vrijwilligers", "count_invalid", lambda r, c: -3),
        Kind("vrijwilligers", "count_invalid", lambda r, c: "veel"),
        Kind("naam", "required", lambda r, c: None),
        Kind("themas", "unknown_theme", lambda r, c: "ontmoeting; sportvisserij"),
    ),
    X.OBSTACLES_OLD_FILE: (
        Kind("gemeente", "municipality_unknown", lambda r, c: "Amersfort"),
        Kind("thema", "unknown_theme", lambda r, c: "sportvisserij"),
        Kind("categorie", "unknown_category", lambda r, c: "parkeerbeleid"),
        Kind("initiatief_id", "initiative_unknown", lambda r, c: c.unknown_id("INI")),
        Kind("gemeld_op", "required", lambda r, c: ""),
        Kind("gemeld_op", "date_invalid", lambda r, c: "2022-02-30"),
    ),
    X.OBSTACLES_NEW_FILE: (
        Kind("gemeld_op", "date_invalid", lambda r, c: "31-02-2024"),
        Kind("gemeld_op", "date_after_as_of", lambda r, c: _dutch(c.after_as_of(12))),
        Kind("gemeente", "municipality_unknown", lambda r, c: "Veenendal"),
        Kind("gemeente", "municipality_out_of_scope", lambda r, c: c.outside),
        Kind("ernst", "unknown_severity", lambda r, c: "zeer hoog"),
        Kind("thema", "required", lambda r, c: ""),
    ),
    X.RESPONSES_FILE: (
        Kind("knelpunt_id", "obstacle_unknown", lambda r, c: c.unknown_id("KNP")),
        Kind("datum", "response_before_report", lambda r, c: c.before_report(r, days=9)),
        Kind("uitkomst", "unknown_outcome", lambda r, c: "gesloten"),
        Kind("datum", "date_after_as_of", lambda r, c: _dutch(c.after_as_of(3))),
        Kind("datum", "required", lambda r, c: ""),
    ),
    # A later row that is itself rejected replaces nothing: this one repeats a reactie_id of
    # the main export (see _earlier_responses) with an unknown outcome; the original stays.
    X.RESPONSES_UPDATE_FILE: (Kind("uitkomst", "unknown_outcome", lambda r, c: "gesloten"),),
}


def add_broken_rows(
    rng: np.random.Generator,
    data: DemoData,
    exports: list[X.Export],
    outside: str | None = "Amsterdam",
) -> list[BrokenRow]:
    """Insert broken rows at random places in each export (in place); return what was done.

    `outside` names a municipality out of the demo's scope; without one (Nederland) there is
    no out-of-scope row.
    """
    kinds_in_scope = {
        path: tuple(k for k in kinds if outside or k.rule != "municipality_out_of_scope")
        for path, kinds in KINDS.items()
    }
    counts = {e.path: _how_many(e, kinds_in_scope) for e in exports}
    issued = {
        "INI": len(data.initiatives) + counts.get(X.INITIATIVES_FILE, 0),
        "KNP": len(data.obstacles)
        + counts.get(X.OBSTACLES_OLD_FILE, 0)
        + counts.get(X.OBSTACLES_NEW_FILE, 0),
    }
    ctx = Context(
        data,
        next_number={
            "INI": _last_number(data.initiatives["initiatief_id"]) + 1,
            "KNP": _last_number(data.obstacles["knelpunt_id"]) + 1,
            "REA": max(
                _last_number(data.responses["reactie_id"]), _last_number(data.update["reactie_id"])
            )
            + 1,
        },
        widths={
            "INI": _width(data.initiatives["initiatief_id"]),
            "KNP": _width(data.obstacles["knelpunt_id"]),
            "REA": _width(data.responses["reactie_id"]),
        },
        unknown_number={k: n + 1000 for k, n in issued.items()},
        outside=outside,
    )
    done: list[BrokenRow] = []
    for export in exports:
        kinds = kinds_in_scope.get(export.path, ())
        if not counts[export.path]:
            continue
        done += _break(rng, ctx, export, kinds, counts[export.path])
    return done


def _how_many(export: X.Export, kinds_of: dict[str, tuple[Kind, ...]]) -> int:
    """At least one row per kind, about BROKEN_SHARE of the rows; none in an empty file."""
    kinds = kinds_of.get(export.path, ())
    if not kinds or export.rows.empty:
        return 0
    return max(len(kinds), round(BROKEN_SHARE * len(export.rows)))


def _last_number(id_column: pd.Series) -> int:
    """Highest number among ids like 'REA-004567' (0 when there are none)."""
    numbers = id_column.str.split("-", n=1).str[1].astype(int)
    return int(numbers.max()) if len(numbers) else 0


def _width(id_column: pd.Series) -> int:
    """Digits of the ids in a column ('INI-00042' -> 5)."""
    return len(id_column.iat[0].split("-", 1)[1])


def _break(
    rng: np.random.Generator, ctx: Context, export: X.Export, kinds: tuple[Kind, ...], count: int
) -> list[BrokenRow]:
    rows = export.rows
    id_column = export.source.id_column
    repeat = export.path == X.RESPONSES_UPDATE_FILE
    source = _earlier_responses(ctx.data) if repeat else rows
    eligible = np.flatnonzero(_eligible(ctx, export, source))
    templates = rng.choice(eligible, size=count, replace=False)
    new_rows, used = [], []
    for j, row in enumerate(source.iloc[templates].to_dict("records")):
        kind = kinds[j % len(kinds)]
        if not repeat:
            row[id_column] = ctx.new_id(_prefix(id_column))
        row[kind.field] = kind.value(row, ctx)
        new_rows.append(row)
        used.append(kind)
    # Broken rows land at random positions; the valid rows keep their order around them.
    total = len(rows) + count
    positions = np.sort(rng.choice(total, size=count, replace=False))
    is_broken = np.zeros(total, dtype=bool)
    is_broken[positions] = True
    order = np.empty(total, dtype=np.int64)
    order[~is_broken] = np.arange(len(rows))
    order[is_broken] = len(rows) + np.arange(count)
    extra = pd.DataFrame(new_rows, columns=rows.columns, dtype=object)
    combined = pd.concat([rows.astype(object), extra], ignore_index=True)
    export.rows = combined.iloc[order].reset_index(drop=True)
    export.broken = count
    return [
        BrokenRow(
            export.path,
            int(pos) + 2,
            str(row[id_column]),
            kind.field,
            _shown(row[kind.field]),
            kind.rule,
            RULES[kind.rule],
        )
        for pos, row, kind in zip(positions, new_rows, used, strict=True)
    ]


def _prefix(id_column: str) -> str:
    return {"initiatief_id": "INI", "knelpunt_id": "KNP", "reactie_id": "REA"}[id_column]


def _earlier_responses(data: DemoData) -> pd.DataFrame:
    """Responses of the main export as the update file writes them (ISO dates)."""
    res = data.responses
    return pd.DataFrame(
        {
            "reactie_id": res["reactie_id"],
            "knelpunt_id": res["knelpunt_id"],
            "datum": X.iso(res["datum"].to_numpy()),
            "uitkomst": res["uitkomst"],
            "toelichting": res["toelichting"],
        },
        dtype=object,
    )


def _eligible(ctx: Context, export: X.Export, rows: pd.DataFrame) -> np.ndarray:
    """Template rows whose copy breaks exactly one rule, and never one that gets erased instead
    (an erased initiative or obstacle takes its rows with it, so they would not be rejected)."""
    data = ctx.data
    erased_obstacles = data.obstacles.loc[
        (data.obstacles["initiatief_id"] == data.erase_initiative)
        | (data.obstacles["knelpunt_id"] == data.erase_obstacle),
        "knelpunt_id",
    ]
    ok = np.ones(len(rows), dtype=bool)
    if "initiatief_id" in rows and export.source.id_column != "initiatief_id":
        ok &= (rows["initiatief_id"] != data.erase_initiative).to_numpy()
    if "knelpunt_id" in rows:
        ok &= ~rows["knelpunt_id"].isin(erased_obstacles).to_numpy()
    if export.source.id_column == "initiatief_id":
        ok &= (rows["initiatief_id"] != data.erase_initiative).to_numpy()
        # An empty naam must be the only fault: the row needs a gemeente.
        ok &= rows["gemeente"].notna().to_numpy()
    if export.path == X.RESPONSES_UPDATE_FILE:
        # Only repeat ids that this update does not already supersede.
        ok &= ~rows["reactie_id"].isin(ctx.data.update["reactie_id"]).to_numpy()
    return ok


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
