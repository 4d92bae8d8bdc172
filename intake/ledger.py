"""Who submitted which file when: the access log's `melding` lines (append-only).

The dashboard writes them (dashboard.access.log); the inbox and the warehouse never hold
the account. Here they are read back: an account's own submissions, and how many it made
in the last hour (the limit against abuse).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
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
    if not log.is_file():
        return []
    found = []
    with log.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            try:
                entry = json.loads(line)
            except ValueError:  # a line cut short by a full disk: not ours to judge
                continue
            if (
                isinstance(entry, dict)
                and entry.get("gebeurtenis") == EVENT
                and entry.get("account") == account
                and isinstance(entry.get("bestand"), str)
            ):
                try:
                    time = datetime.fromisoformat(entry["tijd"])
                except (KeyError, TypeError, ValueError):
                    continue
                found.append(
                    Entry(time, entry["bestand"], str(entry.get("bron")), str(entry.get("id")))
                )
    return found


def made_since(entries: list[Entry], now: datetime, hours: float = 1.0) -> int:
    return sum(1 for e in entries if e.time > now - timedelta(hours=hours))
