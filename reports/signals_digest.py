"""The signals digest: what changed since the previous load, read in two minutes.

New signals first, then ongoing, then ended; each with its sentence and the link to its
page on the dashboard (OMZIEN_BASE_URL), and in the PDF its small chart. A table of all
signals with their numbers closes it (the xlsx sheet). Built from readmodel.signals, the
functions /signalen uses, so the digest says what the page says. Public: signals are
aggregates with the small-number rules already applied.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

import pandas as pd

from charts.signals import signal_chart
from etl import settings
from readmodel import format
from readmodel.follow_up import overdue_count
from readmodel.selection import Filters
from readmodel.signals import Signals, evidence, is_share, series, signals
from readmodel.warehouse import Warehouse
from reports import model, strings
from reports.common import definitions_block, provenance
from signals.measures import BETTER, NEW, ONGOING

# Charts in the PDF: the first this many signals (new before ongoing) get one.
CHARTED = 12
SIGNALS_PATH = "/signalen"


def signal_link(signal: pd.Series, base_url: str) -> str:
    """The signal's page: /signalen for its municipality or region (and category)."""
    code = signal["municipality_code"]
    scope = (
        Filters(municipality=code)
        if isinstance(code, str)
        else Filters(region=signal["region_code"])
    )
    if isinstance(signal["category"], str):
        scope = scope.with_(categories=(signal["category"],))
    return f"{base_url.rstrip('/')}{SIGNALS_PATH}?{urlencode(scope.to_query_params())}"


def digest(
    warehouse: Warehouse,
    filters: Filters | None = None,
    *,
    found: Signals | None = None,
    made_on: date | None = None,
) -> model.Report:
    """The digest of the latest load's signals for `filters` (region, municipality, theme,
    category), or of the signals `found` for them; NothingToReport when the warehouse has
    no signals computed."""
    filters = filters or Filters()
    found = found if found is not None else signals(warehouse.con, filters)
    if not found.computed:
        raise model.NothingToReport(strings.SIGNALS_NOT_COMPUTED)
    base = settings.base_url()
    current = found.current
    new = current[current["status"] == NEW]
    ongoing = current[current["status"] == ONGOING]
    charted = list(pd.concat([new, ongoing])["signal_key"].head(CHARTED))
    monthly = series(warehouse.con, charted)
    sections = (
        *_sections(strings.SIGNALS_NEW, new, strings.SIGNALS_NONE_NEW, base, monthly),
        *_sections(strings.SIGNALS_ONGOING, ongoing, strings.SIGNALS_NONE_ONGOING, base, monthly),
        model.Section(
            strings.SIGNALS_ENDED,
            strings.SIGNALS_ENDED_TEXT if len(found.ended) else strings.SIGNALS_NONE_ENDED,
            tuple(model.Paragraph(_marked(s)) for _, s in found.ended.iterrows()),
        ),
        model.Section(
            strings.SIGNALS_TABLE,
            blocks=(
                model.Table(
                    table(found, base),
                    title=strings.SIGNALS_TABLE,
                    widths=(0.7, 1.4, 1.4, 0.8, 1.25, 1.0, 1.1, 0.8, 0.8, 0.7),
                    # Sentences and links are in the sections above.
                    page_columns=_columns()[:-2],
                ),
            ),
        ),
        model.Section(strings.SIGNALS_METHOD, blocks=(definitions_block(["signals"]),)),
    )
    intro = strings.SIGNALS_INTRO.format(new=len(new), ongoing=len(ongoing), ended=len(found.ended))
    days = settings.follow_up_days()
    overdue = overdue_count(warehouse.con, days)
    if overdue is not None:
        intro += " " + strings.SIGNALS_FOLLOW_UP.format(count=overdue, days=days)
    return model.Report(
        kind="signalen",
        title=strings.SIGNALS_TITLE,
        subtitle=strings.SIGNALS_SUBTITLE.format(
            as_of=format.day(warehouse.as_of), load_id=warehouse.load_id
        ),
        provenance=provenance(warehouse, filters, intern=False, made_on=made_on),
        sections=(model.Section(strings.SIGNALS_TITLE, intro), *sections),
    )


def _marked(signal: pd.Series) -> str:
    return (strings.SIGNALS_BETTER_MARK if signal["direction"] == BETTER else "") + signal[
        "sentence"
    ]


def _sections(
    heading: str, rows: pd.DataFrame, none: str, base: str, monthly
) -> list[model.Section]:
    """A section that opens the group, then one per signal: its unit and measure as the
    heading, the sentence, the link and (PDF) the small chart, kept on one page."""
    if rows.empty:
        return [model.Section(heading, none)]
    found = [model.Section(heading, strings.SIGNALS_GROUP.format(count=len(rows)))]
    for _, signal in rows.iterrows():
        note = strings.SIGNALS_LINK.format(url=signal_link(signal, base))
        if signal["status"] == ONGOING:
            note += " · " + strings.SIGNALS_SINCE_LOAD.format(load=int(signal["first_seen_load"]))
        blocks: list[model.Block] = [model.Paragraph(note, note=True)]
        part = monthly.get(signal["signal_key"])
        if part is not None and len(part):
            figure = signal_chart(part, share=is_share(signal["measure"]), since=signal["since"])
            blocks.append(model.Figure("", figure, width=900, height=260))
        title = strings.SIGNALS_HEADING.format(
            unit=signal["unit_name"], measure=evidence(signal).measure.lower()
        )
        found.append(model.Section(title, _marked(signal), tuple(blocks)))
    return found


def table(found: Signals, base: str) -> pd.DataFrame:
    """One row per signal with its numbers, as the xlsx sheet and the table show them."""
    every = pd.concat([found.current, found.ended], ignore_index=True)
    rows = []
    for _, signal in every.iterrows():
        numbers = evidence(signal)
        rows.append(
            {
                strings.SIGNALS_COL_STATUS: strings.SIGNALS_STATUS[signal["status"]],
                strings.SIGNALS_COL_UNIT: signal["unit_name"],
                strings.SIGNALS_COL_MEASURE: numbers.measure,
                strings.SIGNALS_COL_DIRECTION: strings.SIGNALS_DIRECTION[signal["direction"]],
                strings.SIGNALS_COL_SINCE: format.day(signal["since"]),
                strings.SIGNALS_COL_BEFORE: numbers.before,
                strings.SIGNALS_COL_AFTER: numbers.after,
                strings.SIGNALS_COL_CASES_BEFORE: int(signal["before_cases"]),
                strings.SIGNALS_COL_CASES_AFTER: int(signal["after_cases"]),
                strings.SIGNALS_COL_Q: format.decimal(signal["q_value"], 4),
                strings.SIGNALS_COL_SENTENCE: signal["sentence"],
                strings.SIGNALS_COL_LINK: signal_link(signal, base),
            }
        )
    return pd.DataFrame(rows, columns=list(_columns()))


def _columns() -> tuple[str, ...]:
    return (
        strings.SIGNALS_COL_STATUS,
        strings.SIGNALS_COL_UNIT,
        strings.SIGNALS_COL_MEASURE,
        strings.SIGNALS_COL_DIRECTION,
        strings.SIGNALS_COL_SINCE,
        strings.SIGNALS_COL_BEFORE,
        strings.SIGNALS_COL_AFTER,
        strings.SIGNALS_COL_CASES_BEFORE,
        strings.SIGNALS_COL_CASES_AFTER,
        strings.SIGNALS_COL_Q,
        strings.SIGNALS_COL_SENTENCE,
        strings.SIGNALS_COL_LINK,
    )
