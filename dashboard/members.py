"""Who sees what: the three access modes and the members list. Pure, no Streamlit.

`local`: one person at their own machine sees everything (the default). `public`: anyone
sees only the public snapshot. `members`: anyone sees the public view; a signed-in account
on the members list sees everything. The members list is a text file the network keeps:
one e-mail address or @domain per line, `#` starts a comment. A line may go on with the
initiatives the account speaks for on /melden (`email,initiatief_id,...`); an account
without any is network staff and may report for every initiative.
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
    # The initiatives the account speaks for on /melden; () = network staff (all).
    initiatives: tuple[str, ...] = ()

    @property
    def full(self) -> bool:
        """Sees everything: at their own machine (local) or a signed-in member."""
        return self.mode == LOCAL or (self.mode == MEMBERS and self.member)

    @property
    def signed_in(self) -> bool:
        return self.account is not None


def _lines(path: Path) -> list[list[str]]:
    """The non-empty lines of a members file, each split on commas (comments left out)."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = [p.strip() for p in line.split("#", 1)[0].split(",")]
        if parts[0]:
            found.append(parts)
    return found


def read_members(path: Path) -> frozenset[str]:
    """The lower-cased e-mail addresses and @domains of a members file."""
    return frozenset(parts[0].lower() for parts in _lines(path))


def read_speaks_for(path: Path) -> dict[str, tuple[str, ...]]:
    """Per lower-cased address or @domain, the initiatives its line names (if any)."""
    speaks: dict[str, tuple[str, ...]] = {}
    for parts in _lines(path):
        named = tuple(p for p in parts[1:] if p)
        if named:
            key = parts[0].lower()
            speaks[key] = tuple(dict.fromkeys((*speaks.get(key, ()), *named)))
    return speaks


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


def decide(
    mode: str,
    account: str | None,
    members: frozenset[str],
    speaks_for: Mapping[str, tuple[str, ...]] | None = None,
) -> Access:
    """The access of a visitor (account: the signed-in e-mail address, if any); a member
    speaks for the initiatives its address's line names, else for its domain's."""
    if mode != MEMBERS:
        return Access(mode)
    member = is_member(account, members)
    if not member:
        return Access(mode, account, False)
    address = account.strip().lower()
    named = (speaks_for or {}).get(address) or (speaks_for or {}).get(
        "@" + address.rsplit("@", 1)[1], ()
    )
    return Access(mode, account, True, named)
