"""Header matching: normalised header keys and their mapping onto a source's columns."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from etl import messages
from etl.contract import SOURCES, Source

if TYPE_CHECKING:
    from etl.extract.mapping import Mapping

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
    # A form-tool export: its one-column-per-option headers (column -> [(position, value)])
    # and the headers its mapping does not cover (then it is rejected whole).
    options: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    uncovered: list[str] = field(default_factory=list)
    mapped: Mapping | None = None  # the column mapping the file is read through
    from_mapping: set[str] = field(default_factory=set)  # columns found through it

    @property
    def rejected(self) -> bool:
        return bool(self.missing or self.missing_any or self.uncovered)


def match_headers(
    source: Source, headers: list[str | None], mappings: tuple[Mapping, ...] = ()
) -> HeaderMatch:
    """Map header cells (None = blank cell) onto the source's columns by header_key, and
    by the source's column mapping when the file is a form-tool export it is for."""
    lookup = {}
    for column in source.columns:
        lookup.setdefault(header_key(column.name), column)
        lookup.setdefault(header_key(column.alias), column)
    from etl.extract.mapping import best

    mapped = best(mappings, headers, source)
    match = HeaderMatch(mapped=mapped)
    for position, header in enumerate(headers):
        if header is None:
            continue
        key = header_key(header)
        column = lookup.get(key)
        if mapped is not None and key in mapped.columns:
            match.from_mapping.update(mapped.columns[key])
            for name in mapped.columns[key]:
                if name in match.positions:
                    match.unknown.append(
                        messages.DUPLICATE_HEADER.format(header=header, column=name)
                    )
                else:
                    match.positions[name] = position
            continue
        if column is None and mapped is not None:
            if key in mapped.options:
                name, value = mapped.options[key]
                match.options.setdefault(name, []).append((position, value))
            elif key not in mapped.left_out:
                match.uncovered.append(header)
        elif column is None:
            match.unknown.append(header)
        elif column.name in match.positions:
            match.unknown.append(
                messages.DUPLICATE_HEADER.format(header=header, column=column.name)
            )
        else:
            match.positions[column.name] = position
    present = set(match.positions) | set(match.options)
    match.missing = [c.name for c in source.required if c.name not in present]
    if not source.required and not match.positions:
        match.missing_any = [c.name for c in source.columns]
    return match


_KNOWN_KEYS = frozenset(
    header_key(name) for source in SOURCES for c in source.columns for name in (c.name, c.alias)
)
