"""Who solved it: where one kind of obstacle gets resolved, as evidence for a meeting.

Built from readmodel.solutions, the read-layer functions of /oplossingen, so the export
shows the page's figures (which are the compare page's). Public by default: the figures
per municipality with the small-numbers rule; the municipalities' notes and the
initiatives' names only with `intern`.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from etl import settings
from etl.vocabularies import CATEGORIES, THEMES
from readmodel import format
from readmodel import strings as labels
from readmodel.kennisbank_tables import cases_table, reference_text, solutions_table
from readmodel.selection import Filters
from readmodel.solutions import SOLUTION_METRICS, resolved_cases, solutions
from readmodel.warehouse import Warehouse
from reports import model, strings
from reports.common import definitions_section, provenance

DATES = (labels.COL_RESOLVED_ON, labels.COL_REPORTED)


def dutch_dates(frame: pd.DataFrame, columns=DATES) -> pd.DataFrame:
    """Date columns as people read them in a document: 05-03-2024."""
    return frame.assign(
        **{c: [format.day(v) for v in frame[c]] for c in columns if c in frame.columns}
    )


def solutions_report(
    warehouse: Warehouse,
    theme: str,
    category: str,
    filters: Filters | None = None,
    *,
    intern: bool = False,
    made_on: date | None = None,
) -> model.Report:
    """The export of /oplossingen for one theme and category; NothingToReport when the
    selection holds no such obstacle."""
    found = solutions(warehouse, filters or Filters(), theme, category)
    if found.obstacles == 0:
        raise model.NothingToReport(strings.SOLUTIONS_EMPTY)
    share = (
        ""
        if found.obstacles < settings.suppress_below()
        else strings.SOLUTIONS_SHARE.format(share=format.percent(found.resolved / found.obstacles))
    )
    summary = strings.SOLUTIONS_SUMMARY.format(
        resolved=format.count(found.resolved),
        obstacles=format.count(found.obstacles),
        share=share,
        province=warehouse.province_name,
        province_share=reference_text(found, "resolved_share"),
        within=reference_text(found, "resolved_within_90d"),
        median=reference_text(found, "median_days_to_resolution"),
    )
    sections = [
        model.Section(
            strings.SOLUTIONS_PER_MUNICIPALITY,
            summary,
            (
                model.Paragraph(
                    strings.SOLUTIONS_PER_MUNICIPALITY_TEXT.format(
                        suppress_below=settings.suppress_below(),
                        small_numbers=settings.small_numbers(),
                    ),
                    note=True,
                ),
                model.Table(
                    solutions_table(found.table),
                    title=strings.SOLUTIONS_PER_MUNICIPALITY,
                    widths=(1.7, 1.55, 1.2, 1.9, 1.7, 1.8, 0.85, 1.25),
                ),
            ),
        )
    ]
    if intern:
        cases = dutch_dates(cases_table(resolved_cases(warehouse.con, found.filters)))
        sections.append(
            model.Section(
                strings.SOLUTIONS_CASES,
                strings.SOLUTIONS_CASES_TEXT,
                (model.Table(cases, widths=(1.2, 1.3, 3.2, 0.9, 1.2, 1.8, 1.2)),),
            )
        )
    else:
        sections.append(
            model.Section(
                strings.SOLUTIONS_CASES.removesuffix(" (intern)"),
                strings.SOLUTIONS_CASES_PUBLIC,
            )
        )
    sections.append(definitions_section(SOLUTION_METRICS))
    return model.Report(
        kind="oplossingen",
        title=strings.SOLUTIONS_TITLE,
        subtitle=strings.SOLUTIONS_SUBTITLE.format(
            category=CATEGORIES.label(category), theme=THEMES.label(theme)
        ),
        provenance=provenance(warehouse, found.filters, intern=intern, made_on=made_on),
        sections=tuple(sections),
    )
