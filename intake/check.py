"""The ETL's verdict on a submission before it is written: the contract's rules, once.

The file the inbox would hold is put in a scratch raw folder, under the path it will have
in a load (inbox/<name>), beside the records it refers to (the initiative of an obstacle,
the obstacle of a response, as the warehouse holds them); `etl.warehouse.verdict` runs the
load's own rules over them in memory. What it rejects of the submission's file is what the
next `omzien etl run` would reject, in the same Dutch words.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from etl.contract import Source
from etl.extract.discover import INBOX_FOLDER
from etl.warehouse import verdict
from intake.forms import Problem, Submission
from intake.inbox import content, file_name


@dataclass(frozen=True)
class Context:
    """Records a submission refers to, as rows of their source's export."""

    source: Source
    rows: tuple[dict[str, str], ...]


def check(
    submission: Submission, *, as_of: date, province: str, context: Sequence[Context] = ()
) -> list[Problem]:
    """Every rule of the input contract the submission breaks (none: it will load)."""
    with tempfile.TemporaryDirectory(prefix="omzien-melding-") as folder:
        raw = Path(folder)
        for n, part in enumerate(c for c in context if c.rows):
            _write_rows(raw / f"{part.source.prefixes[0]}-bestaand-{n}.csv", part.rows)
        (raw / INBOX_FOLDER).mkdir()
        name = f"{INBOX_FOLDER}/{file_name(submission)}"
        (raw / name).write_bytes(content(submission))
        found = verdict(raw, as_of=as_of, province=province)
    if name in found.file_errors:
        return [Problem(None, found.file_errors[name])]
    mine = found.rejects[found.rejects["path"] == name]
    return [Problem(row.field, row.reason) for row in mine.itertuples(index=False)]


def _write_rows(path: Path, rows: Sequence[dict[str, str]]) -> None:
    columns = list(dict.fromkeys(column for row in rows for column in row))
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
