"""The knowledge base's directory of initiatives as a spreadsheet.

Public by default: only the initiatives that consented to be shown (visible_to_public);
with `intern` every initiative, with the consent column. Contact persons are not in the
warehouse: the export names the network's contact (setting OMZIEN_CONTACT).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from etl import settings
from readmodel import format
from readmodel import strings as labels
from readmodel.describe import directory_text
from readmodel.kennisbank import directory
from readmodel.kennisbank_tables import directory_table
from readmodel.selection import Filters
from readmodel.warehouse import Warehouse
from reports import model, strings
from reports.common import provenance


def directory_report(
    warehouse: Warehouse,
    filters: Filters | None = None,
    *,
    intern: bool = False,
    made_on: date | None = None,
) -> model.Report:
    """Every initiative of the selection (by municipality, then name); NothingToReport when
    there is none to show."""
    filters = filters or Filters()
    frame = directory(
        warehouse.con, filters, public_only=not intern, public=warehouse.public, sort="gemeente"
    )
    if frame.empty:
        raise model.NothingToReport(strings.KB_EMPTY)
    table = directory_table(frame, with_consent=intern)
    table[labels.COL_REGISTERED] = [format.day(v) for v in table[labels.COL_REGISTERED]]
    text = (strings.KB_TEXT_INTERN if intern else strings.KB_TEXT_PUBLIC).format(
        count=format.count(len(frame)), contact=settings.contact()
    )
    scope = directory_text(warehouse, filters)
    return model.Report(
        kind="kennisbank",
        title=strings.KB_TITLE,
        subtitle=strings.KB_SUBTITLE,
        # The directory counts registrations by the period's end, not reports in it.
        provenance=replace(
            provenance(warehouse, filters, intern=intern, made_on=made_on),
            period=scope.split(" · ")[0],
            selection=scope,
        ),
        sections=(
            model.Section(strings.KB_SECTION, text, (model.Table(table, title=strings.KB_TITLE),)),
        ),
    )
