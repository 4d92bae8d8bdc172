"""Who sees what: the three access modes and the members list. Pure, no Streamlit.

`local`: one person at their own machine sees everything (the default). `public`: anyone
sees only the public snapshot. `members`: anyone sees the public view; a signed-in account
on the members list sees everything. The members list is a text file the network keeps:
one e-mail address or @domain per line, `#` starts a comment.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dashboard import strings

LOCAL, PUBLIC, MEMBERS = "local", "public", "members"
MODES = (LOCAL, PUBLIC, MEMBERS)
# What st.login needs in the [auth] section of .streamlit/secrets.toml.
AUTH_KEYS = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")


@dataclass(frozen=True)
class Access:
    """The access of one visitor: the mode, who signed in, and whether they see it all."""

    mode: str
    account: str | None = None  # the e-mail address of a signed-in account
    member: bool = False  # on the members list

    @property
    def full(self) -> bool:
        """Sees everything: at their own machine (local) or a signed-in member."""
        return self.mode == LOCAL or (self.mode == MEMBERS and self.member)

    @property
    def signed_in(self) -> bool:
        return self.account is not None


def read_members(path: Path) -> frozenset[str]:
    """The lower-cased e-mail addresses and @domains of a members file."""
    entries = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if entry:
            entries.add(entry)
    return frozenset(entries)


def is_member(account: str | None, members: frozenset[str]) -> bool:
    """An address on the list, or one whose domain is (as '@domain'); case-insensitive."""
    if not account or "@" not in account:
        return False
    address = account.strip().lower()
    return address in members or "@" + address.rsplit("@", 1)[1] in members


def configuration_problem(mode: str, auth: Mapping | None, members_file: Path) -> str | None:
    """Why the dashboard may not start in `mode` (Dutch); None when it may.

    Members mode without sign-in settings or without a members file never falls back to
    showing everything: it refuses to start.
    """
    if mode not in MODES:
        return strings.ACCESS_UNKNOWN_MODE.format(mode=mode, modes=", ".join(MODES))
    if mode != MEMBERS:
        return None
    missing = [key for key in AUTH_KEYS if not (auth or {}).get(key)]
    if missing:
        return strings.ACCESS_NO_AUTH.format(keys=", ".join(missing))
    if not members_file.is_file():
        return strings.ACCESS_NO_MEMBERS.format(path=members_file)
    return None


def decide(mode: str, account: str | None, members: frozenset[str]) -> Access:
    """The access of a visitor (account: the signed-in e-mail address, if any)."""
    if mode != MEMBERS:
        return Access(mode)
    return Access(mode, account, is_member(account, members))
