"""What can be submitted, as one row of the input contract, and the form's own limits.

A submission is the row an export would hold (the contract's Dutch headers, text as
written), its source and an id made once per form. Whether the row is valid is not decided
here: `intake.check` asks the ETL. Here only what the contract does not cover: text length
(abuse) and which initiatives an account may speak for.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from etl.contract import CHECKS, INITIATIVES, OBSTACLES, RESPONSES, Source
from intake import strings

# The longest text a form accepts, per contract column (characters).
MAX_LENGTH = {
    "naam": 200,
    "kern": 100,
    "website": 300,
    "omschrijving": 3000,
    "toelichting": 3000,
}
# Ids the intake makes: readable, and unique across sessions (from a random uuid).
ID_PREFIX = {
    INITIATIVES.name: "aanmelding",
    OBSTACLES.name: "melding",
    RESPONSES.name: "reactie",
    CHECKS.name: "controle",
}


@dataclass(frozen=True)
class FormId:
    """Made once when a form is first shown and kept in the session: every submit of
    that form (a rerun, a double click) is the same submission."""

    hex: str = field(default_factory=lambda: uuid.uuid4().hex)
    created: datetime = field(default_factory=lambda: datetime.now(UTC))

    def record_id(self, source: Source) -> str:
        return f"{ID_PREFIX[source.name]}-{self.hex[:16]}"


@dataclass(frozen=True)
class Problem:
    """Why a submission is not accepted, in Dutch, and the column it is about."""

    field: str | None  # the contract column; None when the whole submission is refused
    reason: str


@dataclass(frozen=True)
class Submission:
    form: FormId
    source: Source
    row: dict[str, str]  # contract column -> text, in contract order

    @property
    def record_id(self) -> str:
        return self.row[self.source.id_column]


# Control characters a browser can send but no export holds (tab and line ends stay), and
# lone surrogates, which no file can encode.
_UNWRITABLE = {c: None for c in (*range(0, 9), 11, 12, *range(14, 32), 127)}


def _clean(text: str) -> str:
    text = text.translate(_UNWRITABLE)
    return "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)


def _row(source: Source, values: dict[str, object]) -> dict[str, str]:
    """The contract columns of `source` that `values` fills, in contract order, as text
    (a date as ISO); optional blanks left out, required ones kept empty, so that the
    load's rule for a missing value speaks rather than a missing column."""
    row = {}
    for column in source.columns:
        value = values.get(column.name)
        text = (
            ""
            if value is None
            else _clean(value.isoformat() if isinstance(value, date) else str(value)).strip()
        )
        if text or column.required:
            row[column.name] = text
    return row


def obstacle(
    form: FormId,
    *,
    initiative_id: str,
    municipality: str,
    reported_at: date,
    theme: str,
    category: str,
    severity: str | None = None,
    level: str | None = None,
    description: str | None = None,
) -> Submission:
    """A new obstacle of an initiative, with the government it is with."""
    return Submission(
        form,
        OBSTACLES,
        _row(
            OBSTACLES,
            {
                "knelpunt_id": form.record_id(OBSTACLES),
                "initiatief_id": initiative_id,
                "gemeente": municipality,
                "gemeld_op": reported_at,
                "thema": theme,
                "categorie": category,
                "ernst": severity,
                "niveau": level,
                "omschrijving": description,
            },
        ),
    )


def response(
    form: FormId, *, obstacle_id: str, day: date, outcome: str, note: str | None = None
) -> Submission:
    """What the municipality did on one obstacle."""
    return Submission(
        form,
        RESPONSES,
        _row(
            RESPONSES,
            {
                "reactie_id": form.record_id(RESPONSES),
                "knelpunt_id": obstacle_id,
                "datum": day,
                "uitkomst": outcome,
                "toelichting": note,
            },
        ),
    )


def still_open(form: FormId, *, obstacle_id: str, day: date) -> Submission:
    """The initiative says the obstacle is still open: a check, not a response (it
    changes no status and no response figure, and says the open status is current)."""
    return Submission(
        form,
        CHECKS,
        _row(
            CHECKS,
            {"controle_id": form.record_id(CHECKS), "knelpunt_id": obstacle_id, "datum": day},
        ),
    )


def initiative(form: FormId, *, initiative_id: str | None = None, **values: object) -> Submission:
    """A new initiative (no id yet), or the whole new version of an existing one: the
    latest row of an id replaces the record, so an update carries every field.

    `values` by contract column: naam, gemeente, kern, themas (a list or text), rechtsvorm,
    opgericht, fase, vrijwilligers, website, omschrijving, zichtbaar, geregistreerd_op.
    Contact persons are never asked: the warehouse holds none."""
    themes = values.get("themas")
    if isinstance(themes, list | tuple):
        values["themas"] = ";".join(themes)
    personal = {c.name for c in INITIATIVES.columns if c.kind.value == "personal"}
    values = {k: v for k, v in values.items() if k not in personal}
    values["initiatief_id"] = initiative_id or form.record_id(INITIATIVES)
    return Submission(form, INITIATIVES, _row(INITIATIVES, values))


def limit_problems(submission: Submission) -> list[Problem]:
    """Every text longer than the form accepts."""
    return [
        Problem(
            column,
            strings.TOO_LONG.format(
                field=strings.FIELDS.get(column, column),
                length=len(submission.row.get(column, "")),
                limit=limit,
            ),
        )
        for column, limit in MAX_LENGTH.items()
        if len(submission.row.get(column, "")) > limit
    ]


def may_speak_for(initiative_id: str, speaks_for: tuple[str, ...]) -> bool:
    """An account with initiatives speaks for those; one without is network staff."""
    return not speaks_for or initiative_id in speaks_for
