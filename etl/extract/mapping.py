"""Column mappings for form-tool exports: `kolommen*.csv` in data/raw/ (`bron,kolom,veld`).

Networks collect with Microsoft Forms, Google Forms, KoboToolbox, ODK or LimeSurvey; their
exports carry the tool's own headers ("Tijdstempel", "_uuid", "Welke thema's?/zorg"). A
mapping row says which contract field a header holds, so the export loads as it is:

- `bron`: the source (initiatieven, knelpunten, reacties, controles; Dutch or English);
- `kolom`: the header as the tool writes it (case, accents and punctuation do not matter);
- `veld`: the contract column (`knelpunt_id`, `gemeld_op`, ...; one `kolom` may fill
  several fields in rows of its own), empty or `-` for a column
  to leave out on purpose (the tool's own bookkeeping), or `themas=zorg_welzijn` for one
  column per option: a filled cell (anything but empty, 0, nee, no, false, n) adds that
  theme; `knelpunt_id=forms-` for an id the tool numbers 1, 2, 3: written with that
  prefix, so it cannot collide with another export's ids.

Each mapping file is one tool's layout (tools disagree: Kobo's `_id` is bookkeeping,
LimeSurvey's `id` the response). An export of a source uses the mapping file that maps
most of its headers, as soon as one of them is a mapped `kolom`; then every header must be
covered (a contract column, a mapped or a left-out
one), else the file is rejected whole, naming the headers (a tool that grew a question
must not load half read). Bad mapping rows are warnings with their row.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from etl import messages
from etl.contract import SOURCES, Kind, Source
from etl.extract.decode import NotText, decode, sniff_delimiter
from etl.extract.headers import header_key

PREFIXES = ("kolommen", "columns")
LEAVE_OUT = ("", "-")
# Cells of an option column that mean "not chosen".
NOT_CHOSEN = frozenset({"", "0", "nee", "no", "false", "n", "onwaar", "niet"})


@dataclass(frozen=True)
class Mapping:
    """One source's mapped headers, by header_key."""

    # kolom key -> the contract columns it holds (a Google Forms timestamp: id and date)
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    options: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (column, value)
    # An id column written with a prefix (`knelpunt_id=msforms-`): a tool numbers 1, 2, 3.
    prefixes: dict[str, str] = field(default_factory=dict)  # contract column -> prefix
    left_out: frozenset[str] = frozenset()

    def covers(self, key: str) -> bool:
        return key in self.columns or key in self.options or key in self.left_out

    def used_by(self, headers: list[str | None], source: Source) -> bool:
        """Whether a file with these headers is a form-tool export this mapping is for."""
        own = {header_key(n) for c in source.columns for n in (c.name, c.alias)}
        keys = {header_key(h) for h in headers if h is not None}
        # An export with the contract's own required headers is an ordinary one, whatever
        # extra columns (an "id", a "Timestamp") it has.
        required = {header_key(c.name) for c in source.required}
        if required and required <= keys:
            return False
        # A header mapped to a field; a left-out one ("Email") may be in any export.
        fields = self.columns.keys() | self.options.keys()
        return any(key in fields and key not in own for key in keys)


def best(mappings: tuple[Mapping, ...], headers: list[str | None], source: Source):
    """The mapping a file with these headers is an export of (most headers covered), or
    None when it is an ordinary export."""
    used = [m for m in mappings if m.used_by(headers, source)]
    if not used:
        return None
    keys = [header_key(h) for h in headers if h is not None]
    return max(used, key=lambda m: sum(m.covers(k) for k in keys))


@dataclass
class Mappings:
    # Per source, one Mapping per kolommen file that maps it, in reading order.
    by_source: dict[str, tuple[Mapping, ...]] = field(default_factory=dict)
    # (relpath, Dutch message) for each mapping row that could not be used.
    warnings: list[tuple[str, str]] = field(default_factory=list)


def is_mapping_file(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith(PREFIXES) and lowered.endswith(".csv")


def _source(text: str) -> Source | None:
    key = header_key(text)
    for source in SOURCES:
        names = {header_key(source.name), header_key(source.label)}
        if key in names | {header_key(p) for p in source.prefixes}:
            return source
    return None


def _column(source: Source, text: str):
    key = header_key(text)
    return next(
        (c for c in source.columns if key in (header_key(c.name), header_key(c.alias))), None
    )


def read_mappings(files: list[tuple[str, Path]]) -> Mappings:
    """The mappings of every kolommen*.csv (relpath, path), in reading order; a later row
    for the same header replaces an earlier one."""
    found = Mappings()
    collected: dict[tuple[str, str], tuple[dict, dict, set, dict]] = {}
    for relpath, path in files:
        try:
            text = decode(path.read_bytes()).text
        except (OSError, NotText):
            found.warnings.append((relpath, messages.MAPPING_UNREADABLE.format(file=relpath)))
            continue
        try:
            rows = list(csv.reader(io.StringIO(text), delimiter=sniff_delimiter(text).delimiter))
        except csv.Error:  # a quote never closed, a cell beyond the csv module's limit
            found.warnings.append((relpath, messages.MAPPING_UNREADABLE.format(file=relpath)))
            continue
        if not rows:
            continue
        header = [header_key(h) for h in rows[0]]
        if not {"bron", "kolom", "veld"} <= set(header):
            found.warnings.append((relpath, messages.MAPPING_HEADER.format(file=relpath)))
            continue
        at = {name: header.index(name) for name in ("bron", "kolom", "veld")}
        for number, row in enumerate(rows[1:], start=2):
            cells = [
                row[at[n]].strip() if at[n] < len(row) else "" for n in ("bron", "kolom", "veld")
            ]
            bron, kolom, veld = cells
            if not any(cells):
                continue
            problem = _add(collected, relpath, bron, kolom, veld)
            if problem:
                found.warnings.append(
                    (
                        relpath,
                        messages.MAPPING_ROW.format(file=relpath, row=number, problem=problem),
                    )
                )
    for (_, name), (columns, options, left_out, prefixes) in collected.items():
        mapping = Mapping(
            columns=columns, options=options, prefixes=prefixes, left_out=frozenset(left_out)
        )
        found.by_source[name] = (*found.by_source.get(name, ()), mapping)
    return found


def _add(collected: dict, relpath: str, bron: str, kolom: str, veld: str) -> str | None:
    source = _source(bron)
    if source is None:
        return messages.MAPPING_NO_SOURCE.format(value=bron)
    if not header_key(kolom):
        return messages.MAPPING_NO_HEADER
    columns, options, left_out, prefixes = collected.setdefault(
        (relpath, source.name), ({}, {}, set(), {})
    )
    key = header_key(kolom)
    if veld in LEAVE_OUT:
        columns.pop(key, None)
        options.pop(key, None)
        left_out.add(key)
        return None
    name, _, value = veld.partition("=")
    column = _column(source, name)
    if column is None:
        return messages.MAPPING_NO_FIELD.format(
            value=veld, source=source.label, fields=", ".join(c.name for c in source.columns)
        )
    left_out.discard(key)
    if column.kind is Kind.PERSONAL:
        left_out.add(key)  # never read: personal data does not enter the warehouse
        return None
    if value and column.kind is Kind.ID:
        prefixes[column.name] = value.strip()
    elif value:
        if column.kind is not Kind.THEMES:
            return messages.MAPPING_NO_OPTIONS.format(value=veld, column=column.name)
        options[key] = (column.name, value.strip())
        return None
    if column.name not in columns.get(key, ()):
        columns[key] = (*columns.get(key, ()), column.name)
    return None


def chosen(cell: object) -> bool:
    """Whether an option column's cell means the option was chosen."""
    return isinstance(cell, str) and cell.strip().lower() not in NOT_CHOSEN
