"""Header matching: normalised header keys and their mapping onto a source's columns."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from etl import messages
from etl.contract import SOURCES, Source

_NOT_KEY = re.compile(r"[^a-z0-9]+")


def header_key(text: str) -> str:
    """Case-, accent-, whitespace- and punctuation-free form: ` THEMA'S ` -> `themas`."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_KEY.sub("", bare.lower())


def is_known_header(text: str) -> bool:
    """Whether the cell is a column name (Dutch or English) of any source."""
    return header_key(text) in _KNOWN_KEYS


@dataclass
class HeaderMatch:
    """Which header position holds which contract column, and what did not fit."""

    positions: dict[str, int] = field(default_factory=dict)  # Column.name -> position
    unknown: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # required columns absent
    # Set when a source without required columns (the erasure list) has none of them.
    missing_any: list[str] = field(default_factory=list)

    @property
    def rejected(self) -> bool:
        return bool(self.missing or self.missing_any)


def match_headers(source: Source, headers: list[str | None]) -> HeaderMatch:
    """Map header cells (None = blank cell) onto the source's columns by header_key."""
    lookup = {}
    for column in source.columns:
        lookup.setdefault(header_key(column.name), column)
        lookup.setdefault(header_key(column.alias), column)
    match = HeaderMatch()
    for position, header in enumerate(headers):
        if header is None:
            continue
        column = lookup.get(header_key(header))
        if column is None:
            match.unknown.append(header)
        elif column.name in match.positions:
            match.unknown.append(
                messages.DUPLICATE_HEADER.format(header=header, column=column.name)
            )
        else:
            match.positions[column.name] = position
    match.missing = [c.name for c in source.required if c.name not in match.positions]
    if not source.required and not match.positions:
        match.missing_any = [c.name for c in source.columns]
    return match


_KNOWN_KEYS = frozenset(
    header_key(name) for source in SOURCES for c in source.columns for name in (c.name, c.alias)
)
