"""The access mode in the running app: sign-in, the members list, which warehouse to read.

The decisions are in dashboard/members.py (pure); here they meet Streamlit: st.login and
st.user (OpenID Connect, configured in the [auth] section of .streamlit/secrets.toml), the
sidebar's Inloggen / Uitloggen, the members-only line, and the access log.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import streamlit as st

from dashboard import strings
from dashboard.components import plain
from dashboard.members import (
    MEMBERS,
    PUBLIC,
    Access,
    configuration_problem,
    decide,
    read_members,
    read_speaks_for,
)
from etl import settings

_SIGNED_IN_LOGGED = "_access_sign_in_logged"


def mode() -> str:
    return settings.ACCESS.value().strip().lower()


def _auth() -> dict | None:
    try:
        return dict(st.secrets.get("auth", {}))
    except Exception:  # no secrets file at all: Streamlit raises rather than returning {}
        return None


def problem() -> str | None:
    """Why the app may not start in its access mode; checked before anything is shown."""
    return configuration_problem(mode(), _auth(), settings.members_path())


def current() -> Access:
    """Who is looking: the mode, the signed-in account and whether it is a member."""
    chosen = mode()
    if chosen != MEMBERS:
        return decide(chosen, None, frozenset())
    signed_in = bool(st.user.get("is_logged_in", False))
    account = (str(st.user.get("email") or "") or None) if signed_in else None
    path = settings.members_path()
    return decide(chosen, account, read_members(path), read_speaks_for(path))


def warehouse_path(access: Access) -> Path:
    """Everything for whoever may see it; the public snapshot for everyone else. A public
    dashboard never opens the full warehouse."""
    return settings.warehouse_path() if access.full else settings.public_warehouse_path()


def sidebar(access: Access) -> None:
    """Inloggen, or who is signed in with Uitloggen; says so when not on the list."""
    if access.mode == PUBLIC:
        st.sidebar.caption(strings.ACCESS_PUBLIC_VIEW)
        return
    if access.mode != MEMBERS:
        return
    with st.sidebar:
        if not access.signed_in:
            st.caption(strings.ACCESS_PUBLIC_VIEW)
            st.button(strings.SIGN_IN, on_click=st.login, key="sign_in", icon=":material/login:")
            return
        st.caption(strings.SIGNED_IN_AS.format(account=plain(access.account)))
        if not access.member:
            st.warning(strings.NOT_A_MEMBER.format(account=plain(access.account)), icon="🔒")
        st.button(strings.SIGN_OUT, on_click=st.logout, key="sign_out", icon=":material/logout:")
    if access.member and not st.session_state.get(_SIGNED_IN_LOGGED):
        log(access, "inloggen")
        st.session_state[_SIGNED_IN_LOGGED] = True


def members_only(access: Access, what: str) -> None:
    """The short line a public visitor sees where a part is for members, never an error."""
    st.info(strings.MEMBERS_ONLY.format(what=what), icon="🔒")
    if access.mode == MEMBERS and not access.signed_in:
        st.button(strings.SIGN_IN, on_click=st.login, key=f"sign_in_{what}")


def log(access: Access, event: str, **detail: str) -> None:
    """One line in the append-only access log: time, account, event and page or export.

    Never figures or free text: only what was opened or exported, by whom, when.
    """
    path = settings.access_log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    entry = {
        "tijd": datetime.now().isoformat(timespec="seconds"),
        "account": access.account,
        "gebeurtenis": event,
        "pagina": _page(),
        **detail,
    }
    line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
    # O_APPEND: concurrent sessions each add whole lines; nothing is ever rewritten.
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(descriptor, line)
    finally:
        os.close(descriptor)


def _page() -> str:
    try:
        return "/" + st.context.url.rsplit("/", 1)[-1].split("?", 1)[0]
    except Exception:  # no browser context (tests, bare mode)
        return ""
