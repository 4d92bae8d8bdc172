"""Read-layer results as the tables people see and download: Dutch headers and labels, no codes.

Pure pandas (no Streamlit), so the table on screen and the downloaded file are the same.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.vocabularies import CATEGORIES, LEVELS, OUTCOMES, SEVERITIES, STATUSES, THEMES
from readmodel import format, strings


def labelled(codes: pd.Series, labels: dict[str, str]) -> pd.Series:
    """Codes to labels; an unknown code stays as it is, a missing one stays missing."""
    text = codes.astype("string")
    return text.map(labels).fillna(text).astype("string")


def item_labels(frame: pd.DataFrame) -> pd.Series:
    """'Financiering en subsidie · Zorg en welzijn', or the category alone without a theme."""
    label = labelled(frame["category"], CATEGORIES.labels())
    if "theme" in frame.columns:
        label = label + " · " + labelled(frame["theme"], THEMES.labels())
    return label


def level_text(frame: pd.DataFrame) -> pd.Series:
    """'alleen gemeente', 'vooral rijk (60%)' or 'meest regio (40%)' from level, level_share."""
    share = (frame["level_share"] * 100).round().astype("Int64").astype("string") + "%"
    level = frame["level"].astype("string")
    with_share = level + " (" + share + ")"
    text = np.select(
        [frame["level_share"] >= 1, frame["level_share"] >= 0.5],
        [strings.LEVEL_ONLY + " " + level, strings.LEVEL_MOSTLY + " " + with_share],
        strings.LEVEL_MOST + " " + with_share,
    )
    return pd.Series(text, index=frame.index, dtype="string").fillna(strings.LEVEL_UNKNOWN)


def trend_text(frame: pd.DataFrame) -> pd.Series:
    """'gelijk (25 → 40)': the trend with the counts it compares, the earlier year first."""
    counts = frame["before"].astype("string") + " → " + frame["recent"].astype("string")
    return frame["trend"].astype("string") + " (" + counts + ")"


def agenda_table(frame: pd.DataFrame) -> pd.DataFrame:
    """An agenda (dashboard.queries.agenda) with Dutch headers; shares as 0..100.

    The level mix per item is in the chart; the table keeps the most common level.
    """
    return pd.DataFrame(
        {
            strings.COL_AGENDA_RANK: frame["rank"],
            strings.COL_ITEM: item_labels(frame),
            strings.COL_MUNICIPALITIES: frame["municipalities"],
            strings.COL_INITIATIVES: frame["initiatives"],
            strings.COL_OBSTACLES: frame["obstacles"],
            strings.COL_LEVEL: level_text(frame),
            strings.COL_TREND: trend_text(frame),
            strings.COL_UNRESOLVED: frame["unresolved"],
            strings.COL_UNRESOLVED_SHARE: (frame["unresolved_share"] * 100).round(),
            strings.COL_SEVERE_SHARE: (frame["severe_share"] * 100).round(),
        }
    )


def obstacle_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The obstacle list (dashboard.queries.obstacles) with Dutch headers and labels."""
    days = frame["days_to_first_response"].astype("Int64").astype("string")
    return pd.DataFrame(
        {
            strings.COL_ID: frame["obstacle_id"],
            strings.COL_MUNICIPALITY: frame["municipality"],
            strings.COL_REPORTED: frame["reported_at"],
            strings.COL_THEME: labelled(frame["theme"], THEMES.labels()),
            strings.COL_CATEGORY: labelled(frame["category"], CATEGORIES.labels()),
            strings.COL_SEVERITY: labelled(frame["severity"].astype("Int64"), SEVERITIES.labels()),
            strings.COL_LEVEL: labelled(frame["level"], LEVELS.labels()),
            strings.COL_STATUS: labelled(frame["status"], STATUSES.labels()),
            strings.COL_FIRST_RESPONSE: frame["first_response_at"],
            strings.COL_DAYS_TO_RESPONSE: days.fillna(strings.NO_RESPONSE_YET),
            strings.COL_RESOLVED: frame["resolved_at"],
            strings.COL_DESCRIPTION: frame["description"],
        }
    )


def history_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Responses to one obstacle (dashboard.queries.obstacles.history), oldest first."""
    return pd.DataFrame(
        {
            strings.COL_RESPONSE_DATE: frame["responded_at"],
            strings.COL_OUTCOME: labelled(frame["outcome"], OUTCOMES.labels()),
            strings.COL_NOTE: frame["note"],
        }
    )


def files_table(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            strings.COL_PATH: frame["path"],
            strings.COL_SOURCE: labelled(frame["source"], strings.SOURCE_LABELS),
            strings.COL_READ: frame["rows_read"],
            strings.COL_LOADED: frame["rows_loaded"],
            strings.COL_REJECTED: frame["rows_rejected"],
            strings.COL_SUPERSEDED: frame["rows_superseded"],
            strings.COL_ERASED: frame["rows_erased"],
            strings.COL_ERROR: frame["error"],
        }
    )


def rejects_summary_table(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            strings.COL_PATH: frame["path"],
            strings.COL_RULE: labelled(frame["rule"], strings.RULE_LABELS),
            strings.COL_FIELD: frame["field"],
            strings.COL_COUNT: frame["rejects"],
            strings.COL_EXAMPLE: frame["example"],
        }
    )


def rejects_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Every rejected row with its reason: what the CLI's `etl rejects --csv` hands back."""
    return pd.DataFrame(
        {
            strings.COL_PATH: frame["path"],
            strings.COL_ROW: frame["row_number"].astype("Int64"),
            strings.COL_FIELD: frame["field"],
            strings.COL_VALUE: frame["value"],
            strings.COL_REASON: frame["reason"],
            strings.COL_RULE: labelled(frame["rule"], strings.RULE_LABELS),
        }
    )


def warnings_table(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            strings.COL_PATH: frame["path"],
            strings.COL_KIND: labelled(frame["kind"], strings.WARNING_KINDS),
            strings.COL_MESSAGE: frame["message"],
        }
    )


def loads_table(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            strings.METRIC_LOAD: frame["load_id"],
            strings.METRIC_AS_OF: frame["as_of"],
            strings.COL_STARTED: frame["started_at"],
            strings.COL_FINISHED: frame["finished_at"],
            strings.COL_LOAD_STATUS: labelled(frame["status"], strings.LOAD_STATUS),
            strings.METRIC_FILES: frame["files"],
            strings.COL_LOADED: frame["rows_loaded"],
            strings.COL_REJECTED: frame["rows_rejected"],
            strings.COL_SYNTHETIC: frame["synthetic"],
        }
    )


def networks_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The networks of a roll-up (readmodel.quality.networks) with Dutch headers."""
    return pd.DataFrame(
        {
            strings.COL_NETWORK: frame["network"],
            strings.COL_SCOPE: frame["province"],
            strings.METRIC_AS_OF: frame["as_of"],
            strings.COL_PUBLISHED: frame["published_at"],
            strings.COL_MUNICIPALITIES: frame["municipalities"],
            strings.COL_SYNTHETIC: frame["synthetic"],
        }
    )


def definitions_table(frame: pd.DataFrame) -> pd.DataFrame:
    """etl.metrics definitions: figure, what it counts, over what, period, open, interval."""
    return pd.DataFrame(
        {
            strings.COL_TERM: frame["label"],
            strings.COL_DEF_NUMERATOR: frame["numerator"],
            strings.COL_DEF_DENOMINATOR: frame["denominator"],
            strings.COL_DEF_PERIOD: frame["period"],
            strings.COL_DEF_CENSORING: frame["censoring"],
            strings.COL_DEF_INTERVAL: frame["interval"],
            strings.COL_DEF_NOTE: frame["note"],
        }
    )


def comparison_frame(rows: pd.DataFrame, warehouse, unit: str) -> pd.DataFrame:
    """The municipalities of a comparison as a sortable table: numbers stay numbers (shares
    as 0..100), ranked ones first; Dutch headers."""
    scale = 100 if unit == format.PERCENT else 1
    ordered = rows.sort_values(["rank", "name"], na_position="last")
    return pd.DataFrame(
        {
            strings.COL_MUNICIPALITY: ordered["name"],
            strings.COL_REGION: [
                warehouse.region_names.get(warehouse.home_region(c), "")
                for c in ordered["cbs_code"]
            ],
            strings.COL_POPULATION: ordered["population"],
            strings.COL_CASES: ordered["n"].astype("int64"),
            strings.COL_VALUE: ordered["value"] * scale,
            strings.COL_LOW: ordered["low"] * scale,
            strings.COL_HIGH: ordered["high"] * scale,
            strings.COL_VERDICT.format(area=warehouse.area_reference): ordered["comparison"],
            strings.COL_RANK: ordered["rank"],
            strings.COL_FEW: ordered["small_numbers"],
        }
    )


def key_figures_frame(
    figures, own_name: str, area: str = strings.PROVINCE_REFERENCE
) -> pd.DataFrame:
    """A municipality's key figures (readmodel.profile.key_figures) as text: the figure,
    the municipality's value with its interval, then per reference its value and the
    verdict ('hoger' / 'vergelijkbaar' / 'lager'), as the profile and fact sheet show it.
    `area` names the whole area in the verdict's header (Warehouse.area_short)."""
    rows = []
    for item in figures:
        figure_unit = format.PERCENT if item.metric.is_share else format.NUMBER
        own = item.own
        row = {
            strings.COL_MEASURE: item.metric.label,
            own_name: format.interval(
                own["value"], own["low"], own["high"], figure_unit, compact=True
            ),
        }
        for ref in item.references:
            figure = ref.figure
            # A region may be called after a municipality: never overwrite its column.
            name = ref.name if ref.name != own_name else f"{ref.name} ({strings.COL_REGION})"
            row[name] = format.interval(
                figure["value"], figure["low"], figure["high"], figure_unit, compact=True
            )
            short = area if ref.code == strings.PROVINCE_REFERENCE else ref.name
            row[strings.COL_VS.format(name=short)] = ref.verdict or strings.NO_VALUE
        rows.append(row)
    return pd.DataFrame(rows)


def figures_table(values: pd.DataFrame, names: dict[str, str], unit: str) -> pd.DataFrame:
    """A measure per municipality as text (the numbers behind a map): municipality, value
    with its interval, cases, few cases. Sorted by name."""
    frame = pd.DataFrame(
        {
            strings.COL_MUNICIPALITY: values["cbs_code"].map(names),
            strings.COL_VALUE: [
                format.interval(v, lo, hi, unit, compact=True)
                for v, lo, hi in zip(values["value"], values["low"], values["high"], strict=True)
            ],
            strings.COL_CASES: [format.count(n) for n in values["n"]],
            strings.COL_FEW: [strings.FEW_CASES if few else "" for few in values["small_numbers"]],
        }
    )
    return frame.sort_values(strings.COL_MUNICIPALITY).reset_index(drop=True)
