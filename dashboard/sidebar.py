"""The shared filters in the sidebar, kept across pages and mirrored in the URL.

The widgets are rendered by app.py on every run, before the page, so their state survives
page switches. Streamlit clears the query string on a page switch; we write it back from
the widgets after each run. A query string we did not write ourselves (a shared link, a
page link with parameters) is adopted into the widgets first.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard import strings
from etl.vocabularies import CATEGORIES, LEVELS, PHASES, THEMES
from readmodel import strings as labels
from readmodel.selection import PARAMS, Filters, from_query_params

KEY_PERIOD = "filter_period"
KEY_REGION = "filter_region"
KEY_MUNICIPALITY = "filter_municipality"
KEY_THEMES = "filter_themes"
KEY_CATEGORIES = "filter_categories"
KEY_PHASE = "filter_phase"
KEY_LEVEL = "filter_level"
# "All" in a selectbox: Streamlit shows a None option as an empty placeholder.
ALL = ""
_LAST_WRITTEN = "_filters_last_written"
_LAST_FILTERS = "_filters_last"
_DATA_BOUNDS = "_filters_data_bounds"


def _url_params() -> dict[str, str]:
    return {k: st.query_params.get(k) for k in PARAMS if st.query_params.get(k)}


def _adopt(filters: Filters, first_day: date, as_of: date) -> None:
    state = st.session_state
    state[KEY_PERIOD] = (filters.start or first_day, filters.end or as_of)
    state[KEY_REGION] = filters.region or ALL
    state[KEY_MUNICIPALITY] = filters.municipality or ALL
    state[KEY_THEMES] = list(filters.themes)
    state[KEY_CATEGORIES] = list(filters.categories)
    state[KEY_PHASE] = filters.phase
    state[KEY_LEVEL] = filters.level or ALL


def _reset(first_day: date, as_of: date) -> None:
    _adopt(Filters(), first_day, as_of)


def render(
    *,
    first_day: date,
    as_of: date,
    region_names: dict[str, str],
    municipalities: dict[str, tuple[str, set[str]]],
    whole_area: str = labels.WHOLE_PROVINCE,
) -> Filters:
    """Draw the filters and return the selection.

    `municipalities` maps cbs_code to (name, region codes it belongs to).
    """
    url = _url_params()
    first_run = KEY_PERIOD not in st.session_state
    if first_run or (url and url != st.session_state.get(_LAST_WRITTEN)):
        wanted = from_query_params(
            url, regions=tuple(region_names), municipalities=tuple(municipalities)
        )
        # A link may carry any date: clamped to the data, it can never break the widget.
        _adopt(wanted.within(first_day, as_of), first_day, as_of)
    elif st.session_state.get(_DATA_BOUNDS) != (first_day, as_of):
        # A new load changed the data's first day or as-of day: re-anchor the period
        # ("all" stays "all", a chosen period is clamped to what the data now cover).
        last = st.session_state.get(_LAST_FILTERS, Filters())
        start = min(max(last.start or first_day, first_day), as_of)
        end = max(min(last.end or as_of, as_of), start)
        st.session_state[KEY_PERIOD] = (start, end)
    st.session_state[_DATA_BOUNDS] = (first_day, as_of)

    with st.sidebar:
        st.header(strings.FILTERS)
        period = st.date_input(
            strings.FILTER_PERIOD,
            min_value=first_day,
            max_value=as_of,
            format="DD-MM-YYYY",
            help=strings.FILTER_PERIOD_HELP,
            key=KEY_PERIOD,
        )
        region = st.selectbox(
            strings.FILTER_REGION,
            [ALL, *region_names],
            format_func=lambda code: region_names.get(code, whole_area),
            key=KEY_REGION,
        )
        in_region = [
            code for code, (_, regions) in municipalities.items() if not region or region in regions
        ]
        if st.session_state.get(KEY_MUNICIPALITY) not in (ALL, *in_region):
            st.session_state[KEY_MUNICIPALITY] = ALL
        municipality = st.selectbox(
            strings.FILTER_MUNICIPALITY,
            [ALL, *sorted(in_region, key=lambda code: municipalities[code][0])],
            format_func=lambda code: (
                municipalities[code][0] if code else strings.ALL_MUNICIPALITIES
            ),
            key=KEY_MUNICIPALITY,
        )
        themes = st.multiselect(
            strings.FILTER_THEMES,
            THEMES.codes(),
            format_func=THEMES.label,
            placeholder=strings.ALL_THEMES,
            key=KEY_THEMES,
        )
        categories = st.multiselect(
            strings.FILTER_CATEGORIES,
            CATEGORIES.codes(),
            format_func=CATEGORIES.label,
            placeholder=strings.ALL_CATEGORIES,
            key=KEY_CATEGORIES,
        )
        phase = st.segmented_control(
            strings.FILTER_PHASE, PHASES.codes(), format_func=PHASES.label, key=KEY_PHASE
        )
        level = st.selectbox(
            strings.FILTER_LEVEL,
            [ALL, *LEVELS.codes()],
            format_func=lambda code: LEVELS.label(code) if code else strings.ALL,
            key=KEY_LEVEL,
        )
        st.button(strings.RESET_FILTERS, on_click=_reset, args=(first_day, as_of))

    # A range picker returns one date while the user is halfway through choosing.
    start, end = period if isinstance(period, tuple) and len(period) == 2 else (None, None)
    filters = Filters(
        start=start if start and start > first_day else None,
        end=end if end and end < as_of else None,
        region=region or None,
        municipality=municipality or None,
        themes=tuple(themes),
        categories=tuple(categories),
        phase=phase,
        level=level or None,
    )
    written = filters.to_query_params()
    # Only the filters' own parameters: a page's own (e.g. ?maat=) must survive.
    for name in PARAMS:
        if name in written:
            st.query_params[name] = written[name]
        elif name in st.query_params:
            del st.query_params[name]
    st.session_state[_LAST_WRITTEN] = written
    st.session_state[_LAST_FILTERS] = filters
    return filters


def pick_one(container, label: str, vocabulary, shared: str, key: str) -> str | None:
    """One theme or category for a page that needs exactly one, in step with the sidebar's
    multiselect `shared` (its first choice; a new choice here becomes the sidebar's only)."""
    chosen = st.session_state.get(shared) or []
    st.session_state[key] = chosen[0] if chosen else None

    def adopt() -> None:
        st.session_state[shared] = [st.session_state[key]] if st.session_state[key] else []

    return container.selectbox(
        label, vocabulary.codes(), format_func=vocabulary.label, key=key, on_change=adopt
    )
