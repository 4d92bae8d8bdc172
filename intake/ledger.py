"""Who submitted which file when: the access log's `melding` lines (append-only).

The dashboard writes them (dashboard.access.log); the inbox and the warehouse never hold
the account. Here they are read back: an account's own submissions, and how many it made
in the last hour (the limit against abuse).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path

EVENT = "melding"


@dataclass(frozen=True)
class Entry:
    time: datetime
    file: str  # name in the inbox
    source: str
    record_id: str


def detail(file: str, source: str, record_id: str) -> dict[str, str]:
    """What an access-log line of a submission holds besides time, account and page."""
    return {"bestand": file, "bron": source, "id": record_id}


def submissions(log: Path, account: str | None) -> list[Entry]:
    """The account's submissions, oldest first (local mode: account None)."""
    try:
        status = log.stat()
        # The log only grows: read again only when it changed (every page run asks).
        every = _read(str(log), status.st_size, status.st_mtime_ns)
    except OSError:  # no log yet, or one that cannot be read: nothing submitted from here
        return []
    return [entry for who, entry in every if who == account]


@lru_cache(maxsize=4)
def _read(log: str, size: int, mtime_ns: int) -> tuple[tuple[str | None, Entry], ...]:
    """(account, Entry) of every submission line of the log as it is now."""
    found = []
    with open(log, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            try:
                entry = json.loads(line)
            except ValueError:  # a line cut short by a full disk: not ours to judge
                continue
            if not (
                isinstance(entry, dict)
                and entry.get("gebeurtenis") == EVENT
                and isinstance(entry.get("bestand"), str)
            ):
                continue
            try:
                time = datetime.fromisoformat(entry["tijd"])
            except (KeyError, TypeError, ValueError):
                continue
            found.append(
                (
                    entry.get("account"),
                    Entry(time, entry["bestand"], str(entry.get("bron")), str(entry.get("id"))),
                )
            )
    return tuple(found)


def made_since(entries: list[Entry], now: datetime, hours: float = 1.0) -> int:
    return sum(1 for e in entries if e.time > now - timedelta(hours=hours))
