"""A Report as an xlsx workbook: one sheet per table (and the definitions), then 'Bron'.

For exports that are lists (the directory, the resolved cases): a table opened in Excel
can be sorted and filtered. Cells are formula-safe (etl.spreadsheet); the 'Bron' sheet
carries the title, the marks (synthetic, INTERN) and the provenance of every export.
"""

from __future__ import annotations

import re

import pandas as pd

from etl.spreadsheet import write_xlsx_sheets
from reports import model, strings

MAX_SHEET_NAME = 31  # Excel's limit
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def sheet_name(title: str, taken: set[str]) -> str:
    """A valid, unused sheet name for a title: no []:*?/\\, at most 31 characters."""
    base = _NOT_IN_SHEET_NAMES.sub("", title).strip()[:MAX_SHEET_NAME] or "Blad"
    name, number = base, 2
    while name.lower() in {t.lower() for t in taken}:
        suffix = f" {number}"
        name = base[: MAX_SHEET_NAME - len(suffix)] + suffix
        number += 1
    taken.add(name)
    return name


def render(report: model.Report) -> bytes:
    sheets: dict[str, pd.DataFrame] = {}
    taken: set[str] = set()
    for section in report.sections:
        for block in section.blocks:
            if isinstance(block, model.Table):
                sheets[sheet_name(block.title or section.heading, taken)] = block.frame
            elif isinstance(block, model.Definitions):
                frame = pd.DataFrame(
                    block.items, columns=[strings.COL_TERM, strings.COL_DEFINITION]
                )
                sheets[sheet_name(section.heading, taken)] = frame
    prov = report.provenance
    provenance = {
        strings.XLSX_TITLE: f"{report.title}: {report.subtitle}",
        **({strings.XLSX_MARK: strings.INTERN_NOTE} if prov.intern else {}),
        **dict(prov.rows()),
    }
    return write_xlsx_sheets(sheets, provenance=provenance, synthetic=prov.synthetic)
