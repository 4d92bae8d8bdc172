"""The knowledge base's results as the tables people see and download: Dutch headers, labels.

Pure pandas, like readmodel.tables: the table on the page and the one in an export are the
same table.
"""

from __future__ import annotations

import pandas as pd

from etl import settings
from etl.metrics import few_cases
from etl.metrics.registry import metric
from etl.vocabularies import CATEGORIES, LEGAL_FORMS, OUTCOMES, PHASES, STATUSES, THEMES
from readmodel import format, strings
from readmodel.solutions import SOLUTION_METRICS, Solutions
from readmodel.tables import labelled


def theme_labels(themes: pd.Series) -> pd.Series:
    """Lists of theme codes as 'Zorg en welzijn, Wonen' (in the vocabulary's order)."""
    order = {code: i for i, code in enumerate(THEMES.codes())}
    # A directory of thousands repeats a few dozen combinations: each is written once.
    written: dict[tuple[str, ...], str] = {(): ""}

    def label(found) -> str:
        key = () if found is None else tuple(found)
        if key not in written:
            ordered = sorted(key, key=lambda c: order.get(c, len(order)))
            written[key] = ", ".join(THEMES.label(t) for t in ordered)
        return written[key]

    return pd.Series([label(found) for found in themes], index=themes.index, dtype="string")


def yes_no(values: pd.Series) -> pd.Series:
    return values.map({True: strings.YES, False: strings.NO}).astype("string")


def directory_table(frame: pd.DataFrame, *, with_consent: bool = True) -> pd.DataFrame:
    """The directory (readmodel.kennisbank.directory) as people read it."""
    table = pd.DataFrame(
        {
            strings.COL_ID: frame["initiative_id"],
            strings.COL_NAME: frame["name"],
            strings.COL_MUNICIPALITY: frame["municipality"],
            strings.COL_PLACE: frame["place"],
            strings.COL_THEMES: theme_labels(frame["themes"]),
            strings.COL_LEGAL_FORM: labelled(frame["legal_form"], LEGAL_FORMS.labels()),
            strings.COL_PHASE: labelled(frame["phase"], PHASES.labels()),
            strings.COL_FOUNDED: frame["founded_year"].astype("Int64"),
            strings.COL_VOLUNTEERS: frame["volunteers"].astype("Int64"),
            strings.COL_WEBSITE: frame["website"],
            strings.COL_DESCRIPTION: frame["description"],
            strings.COL_REGISTERED: frame["registered_at"],
        }
    )
    if with_consent:
        table[strings.COL_PUBLIC] = yes_no(frame["visible_to_public"])
    return table


def peer_table(peers: pd.DataFrame) -> pd.DataFrame:
    """Similar initiatives (readmodel.similarity.similar): who, where, how similar, why."""
    return pd.DataFrame(
        {
            strings.COL_ID: peers["initiative_id"],
            strings.COL_NAME: peers["name"],
            strings.COL_MUNICIPALITY: peers["municipality"],
            strings.COL_PLACE: peers["place"],
            strings.COL_PHASE: labelled(peers["phase"], PHASES.labels()),
            strings.COL_SIMILARITY: (peers["score"] * 100).round().astype("Int64"),
            strings.COL_WHY_SIMILAR: ["; ".join(r) for r in peers["reasons"]],
        }
    )


def own_obstacles_table(frame: pd.DataFrame) -> pd.DataFrame:
    """An initiative's obstacles (readmodel.kennisbank.obstacles_of)."""
    return pd.DataFrame(
        {
            strings.COL_ID: frame["obstacle_id"],
            strings.COL_MUNICIPALITY: frame["municipality"],
            strings.COL_REPORTED: frame["reported_at"],
            strings.COL_THEME: labelled(frame["theme"], THEMES.labels()),
            strings.COL_CATEGORY: labelled(frame["category"], CATEGORIES.labels()),
            strings.COL_STATUS: labelled(frame["status"], STATUSES.labels()),
            strings.COL_RESOLVED: frame["resolved_at"],
            strings.COL_DESCRIPTION: frame["description"],
        }
    )


def cases_table(cases: pd.DataFrame, *, with_text: bool = True) -> pd.DataFrame:
    """Resolved obstacles (readmodel.solutions.resolved_cases, readmodel.kennisbank.
    solved_elsewhere): where, when, how long, and how (the note). Without text: no
    initiative names and no notes (public exports)."""
    # The note early: it is what the reader came for.
    table = pd.DataFrame(
        {
            strings.COL_RESOLVED_ON: cases["resolved_at"],
            strings.COL_MUNICIPALITY: cases["municipality"],
            strings.COL_NOTE: cases["note"],
            strings.COL_DAYS_TO_RESOLUTION: cases["days_to_resolution"].astype("Int64"),
            strings.COL_OUTCOME: labelled(cases["outcome"], OUTCOMES.labels()),
            strings.COL_INITIATIVE: cases["initiative"].fillna(strings.NO_INITIATIVE),
            strings.COL_REPORTED: cases["reported_at"],
        }
    )
    if not with_text:
        table = table.drop(columns=[strings.COL_INITIATIVE, strings.COL_NOTE])
    return table


def _figure_text(row: pd.Series, key: str) -> str:
    """'50% (35% – 65%)', 'te weinig gevallen' where a share is hidden, '–' without value."""
    found = metric(key)
    unit = format.PERCENT if found.is_share else format.NUMBER
    value = row[key]
    if format.missing(value):
        return strings.TOO_FEW_TO_SHOW if found.is_share and row["suppressed"] else strings.NO_VALUE
    return format.interval(value, row[f"{key}_low"], row[f"{key}_high"], unit, compact=True)


def solutions_table(table: pd.DataFrame) -> pd.DataFrame:
    """Per municipality, how often and how fast (readmodel.solutions.solutions().table):
    the counts, each figure with its 95% interval, the rank and the few-cases flag."""
    result = pd.DataFrame(
        {
            strings.COL_MUNICIPALITY: table["name"],
            strings.COL_OBSTACLES: table["obstacles"].astype("int64"),
            strings.COL_RESOLVED_COUNT: table["resolved"].astype("int64"),
        }
    )
    for key in SOLUTION_METRICS:
        result[metric(key).label] = [_figure_text(row, key) for _, row in table.iterrows()]
    result[strings.COL_RANK] = [
        strings.NO_VALUE if format.missing(r) else format.count(r) for r in table["rank"]
    ]
    result[strings.COL_FEW] = [strings.FEW_CASES if f else "" for f in table["small_numbers"]]
    return result


def reference_text(found: Solutions, key: str) -> str:
    """The province's value of one figure as text: a share as a percentage (none on fewer
    than SUPPRESS_BELOW cases), a median as whole days or 'niet bereikt'."""
    figure = found.province[key]
    if metric(key).is_share:
        if few_cases(figure["n"], settings.suppress_below()):
            return strings.TOO_FEW_TO_SHOW
        return format.percent(figure["value"])
    if format.missing(figure["value"]):
        return strings.MEDIAN_NOT_REACHED
    return strings.DAYS.format(days=format.decimal(figure["value"], 0))
