"""An initiative's card (/kennisbank?initiatief=ID): its profile, obstacles and responses,
similar initiatives elsewhere, and who resolved its open obstacles elsewhere.

Everything here comes from exports (names, ids, descriptions, notes): shown as text, or
escaped with plain() where Streamlit reads Markdown (titles, labels).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import strings
from dashboard.access import members_only
from dashboard.components import (
    DATE,
    plain,
    resolved_cases_table,
    response_history_table,
    solutions_link,
)
from etl import settings
from etl.vocabularies import CATEGORIES, LEGAL_FORMS, PHASES, STATUSES, THEMES
from readmodel import format
from readmodel import strings as labels
from readmodel.kennisbank import initiative, obstacles_of, peer_frame, solved_elsewhere
from readmodel.kennisbank_tables import own_obstacles_table, theme_labels
from readmodel.obstacles import history
from readmodel.selection import Filters
from readmodel.similarity import PeerIndex, build_index, similar

PARAM = "initiatief"
SHOWN_ID = 80  # characters of an unknown id quoted back


def requested() -> str | None:
    """The initiative the URL asks for, as written (an opaque id, bound in every query)."""
    value = (st.query_params.get(PARAM) or "").strip()
    return value or None


def open_card(initiative_id: str) -> None:
    st.query_params[PARAM] = initiative_id


def close_card() -> None:
    if PARAM in st.query_params:
        del st.query_params[PARAM]


@st.cache_resource(max_entries=4, show_spinner=False)
def _index(public: bool, load_id: int, finished_at: str, _con) -> PeerIndex:
    """The similarity index of one load (built once, then reused). A public snapshot of the
    same load gets its own: it holds only the initiatives that consented."""
    return build_index(peer_frame(_con, public=public))


def render(ctx, initiative_id: str) -> None:
    st.button(strings.CARD_BACK, on_click=close_card, icon=":material/arrow_back:")
    found = initiative(ctx.con, initiative_id, public=ctx.public)
    if found is None:
        st.title(strings.NAV_KENNISBANK)
        st.warning(
            strings.CARD_NOT_FOUND.format(initiative_id=plain(initiative_id[:SHOWN_ID])),
            icon="⚠️",
        )
        return
    st.title(plain(found["name"]))
    _profile(ctx, found)
    if not ctx.rows:
        # A public snapshot has no obstacles or responses: the peers are what it can offer.
        _peers(ctx, found)
        members_only(ctx.visitor, strings.MEMBERS_ONLY_CARD)
        return
    own = obstacles_of(ctx.con, found["initiative_id"])
    _obstacles(ctx, own)
    _peers(ctx, found)
    _elsewhere(ctx, found, own)


def _known(value, text=None) -> str:
    return strings.CARD_UNKNOWN if format.missing(value) else (text or str(value))


def _profile(ctx, found: dict) -> None:
    place = found["place"] if isinstance(found["place"], str) else ""
    place = f" ({place})" if place and place != found["municipality"] else ""
    st.text(
        strings.CARD_FACTS.format(
            municipality=found["municipality"],
            place=place,
            phase=_known(found["phase"], PHASES.label(found["phase"] or "")).lower(),
            legal_form=_known(found["legal_form"], LEGAL_FORMS.label(found["legal_form"] or "")),
            founded=_known(found["founded_year"]),
            volunteers=_known(found["volunteers"]),
        )
    )
    themes = theme_labels(pd.Series([found["themes"]])).iloc[0] or strings.CARD_UNKNOWN
    st.text(strings.CARD_THEMES.format(themes=themes))
    if isinstance(found["description"], str):
        st.text(found["description"])
    website = found["website"] if isinstance(found["website"], str) else ""
    if website.startswith(("https://", "http://")):
        st.link_button(strings.CARD_WEBSITE, website, icon=":material/open_in_new:")
    elif website:
        st.text(f"{strings.CARD_WEBSITE}: {website}")
    st.info(
        plain(
            strings.CARD_CONTACT.format(
                contact=settings.contact(), initiative_id=found["initiative_id"]
            )
        ),
        icon="✉️",
    )
    public = strings.CARD_PUBLIC if found["visible_to_public"] else strings.CARD_NOT_PUBLIC
    st.caption(
        plain(
            strings.CARD_REGISTERED.format(
                registered=format.day(found["registered_at"]),
                initiative_id=found["initiative_id"],
                public=public,
            )
        )
        + " "
        + strings.CARD_SCOPE.format(as_of=format.day(ctx.as_of))
    )


def _obstacles(ctx, own: pd.DataFrame) -> None:
    st.subheader(strings.CARD_OBSTACLES)
    if own.empty:
        st.info(strings.CARD_NO_OBSTACLES, icon="ℹ️")
        return
    st.dataframe(
        own_obstacles_table(own),
        hide_index=True,
        placeholder="–",
        column_config={labels.COL_REPORTED: DATE, labels.COL_RESOLVED: DATE},
    )
    for row in own.itertuples():
        with st.expander(plain(_obstacle_line(row))):
            if isinstance(row.description, str):
                st.text(row.description)
            responses = history(ctx.con, row.obstacle_id)
            if responses.empty:
                st.text(strings.CARD_NO_RESPONSE)
            else:
                response_history_table(responses)


def _obstacle_line(row) -> str:
    return strings.CARD_HISTORY.format(
        obstacle_id=row.obstacle_id,
        category=CATEGORIES.label(row.category),
        theme=THEMES.label(row.theme),
        reported=format.day(row.reported_at),
        status=STATUSES.label(row.status).lower(),
    )


def _peers(ctx, found: dict) -> None:
    st.subheader(strings.CARD_PEERS)
    st.caption(strings.CARD_PEERS_HOW)
    index = _index(ctx.public, ctx.load_id, str(ctx.load.get("finished_at")), ctx.con)
    peers = similar(index, found["initiative_id"])
    if peers.empty:
        st.info(strings.CARD_NO_PEERS, icon="ℹ️")
        return
    for number, peer in enumerate(peers.itertuples()):
        st.button(
            plain(strings.CARD_PEER.format(name=peer.name, municipality=peer.municipality)),
            key=f"card_peer_{number}",
            on_click=open_card,
            args=(peer.initiative_id,),
            icon=":material/groups:",
        )
        st.text(
            strings.CARD_PEER_WHY.format(
                score=format.count(round(peer.score * 100)), reasons="; ".join(peer.reasons)
            )
        )


def _elsewhere(ctx, found: dict, own: pd.DataFrame) -> None:
    st.subheader(strings.CARD_ELSEWHERE)
    st.caption(strings.CARD_ELSEWHERE_HOW)
    unresolved = own[own["resolved_at"].isna()]
    if unresolved.empty:
        st.info(strings.CARD_ELSEWHERE_NONE, icon="ℹ️")
        return
    cases = solved_elsewhere(ctx.con, found["initiative_id"])
    for row in unresolved.itertuples():
        st.markdown(f"**{plain(_obstacle_line(row))}**")
        mine = cases[cases["for_obstacle_id"] == row.obstacle_id]
        if mine.empty:
            st.info(strings.CARD_ELSEWHERE_EMPTY, icon="ℹ️")
        else:
            resolved_cases_table(mine)
            st.caption(
                strings.CARD_ELSEWHERE_MORE.format(
                    shown=format.count(len(mine)), cases=format.count(mine["cases"].iloc[0])
                )
            )
        # The card looks at the whole warehouse, and so does its link.
        solutions_link(Filters(), row.theme, row.category)
