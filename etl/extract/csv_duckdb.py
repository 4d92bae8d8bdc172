"""Read a csv export with DuckDB's own reader, straight into a table of the build.

The fast path for the large, well-formed exports: no row passes through Python. It gives
the same cells and row numbers as the careful reader (etl.extract.csv_reader, pandas), and
is taken only where the file allows that:

- the bytes are UTF-8 (a Windows-1252 or Latin-1 file is re-encoded to a UTF-8 copy in
  the scratch folder first), hold no NUL and pass the binary probe;
- no blank line and no bare CR: DuckDB skips blank lines, a spreadsheet counts them;
- DuckDB's strict mode reads every record: no record wider than the header, no quote it
  refuses (text after a closing quote, a quote never closed), no line beyond its limit;
- the header is the first non-blank record, names no column twice and leaves no cell blank
  in between, and has every required column.

Anything else returns None and the careful reader decides, with its own messages.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl.contract import MISSING_TOKENS
from etl.duck import identifier
from etl.extract.decode import _BINARY_CONTROL_SHARE, _BINARY_PROBE, _CONTROL_BYTES, sniff_delimiter
from etl.extract.frame import header_cells
from etl.extract.headers import match_headers
from etl.extract.mapping import best
from etl.extract.model import Extracted, FoundFile

_CHUNK = 16 << 20
_SNIFF_BYTES = 64 * 1024
# Records read to find the header (the careful reader finds it anywhere).
_HEADER_WINDOW = 64
_LONGEST_TOKEN = max(len(t) for t in MISSING_TOKENS)
# A blank line, and a CR that ends no line (one at the very end of a chunk is judged with the
# next). Regular expressions: faster than bytes.count and `in` for these on large chunks.
_BLANK_LINE = re.compile(rb"\n\r?\n")
_BARE_CR = re.compile(rb"\r[^\n]")
# Unicode whitespace as Python's str.strip() and Arrow's utf8_trim_whitespace see it.
WHITESPACE = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())


@dataclass(frozen=True)
class Scan:
    """What one pass over the bytes tells about a csv file."""

    sha256: str
    encoding: str | None  # utf-8 or utf-8-sig; None when the bytes are no UTF-8
    plain: bool  # text, no NUL, no blank line, no bare CR: DuckDB can number its records


def scan(path: Path) -> Scan:
    """Digest, encoding and layout of the file, in one streaming pass."""
    digest = hashlib.sha256()
    utf8 = codecs.getincrementaldecoder("utf-8")()
    is_utf8, plain, first, bom, previous = True, True, True, False, b""
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            if first:
                first = False
                probe = chunk[:_BINARY_PROBE]
                controls = sum(probe.count(b) for b in _CONTROL_BYTES)
                if chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
                    controls > _BINARY_CONTROL_SHARE * len(probe)
                ):
                    plain = False
                bom = chunk.startswith(codecs.BOM_UTF8)
                chunk_text = chunk[len(codecs.BOM_UTF8) :] if bom else chunk
                if chunk_text.startswith((b"\n", b"\r")):
                    plain = False
            else:
                chunk_text = chunk
            if plain:
                # The last bytes of the chunk before are joined on: a line break may straddle both.
                joined = previous + chunk_text
                if (
                    b"\x00" in chunk_text
                    or _BLANK_LINE.search(joined)
                    or (b"\r" in joined and _BARE_CR.search(joined))
                ):
                    plain = False
                previous = chunk_text[-2:]
            if is_utf8:
                try:
                    utf8.decode(chunk_text)
                except UnicodeDecodeError:
                    is_utf8 = False
        if is_utf8:
            try:
                utf8.decode(b"", final=True)
            except UnicodeDecodeError:
                is_utf8 = False
    if previous.endswith(b"\r") and not previous.endswith(b"\r\n"):
        plain = False
    encoding = ("utf-8-sig" if bom else "utf-8") if is_utf8 else None
    return Scan(digest.hexdigest(), encoding, plain)


def utf8_copy(path: Path, scratch: Path) -> tuple[Path, str]:
    """A UTF-8 copy of a Windows-1252 (else Latin-1) file, as the careful reader decodes it."""
    for encoding in ("cp1252", "latin-1"):
        target = scratch / f"{os.getpid()}-{path.name}.utf8"
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with path.open("rb") as source, target.open("w", encoding="utf-8") as out:
                # A UTF-8 BOM before bytes that are no UTF-8 is dropped, as decode() does.
                chunk = source.read(_CHUNK).removeprefix(codecs.BOM_UTF8)
                while chunk:
                    out.write(decoder.decode(chunk))
                    chunk = source.read(_CHUNK)
                out.write(decoder.decode(b"", final=True))
        except UnicodeDecodeError:  # one of the five bytes Windows-1252 leaves undefined
            target.unlink(missing_ok=True)
            continue
        return target, encoding
    raise AssertionError("latin-1 decodes every byte")


def _read_options(delimiter: str, width: int, parallel: bool) -> str:
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(width)) + "}"
    return (
        f"header = false, columns = {columns}, delim = $delim, quote = '\"', escape = '\"', "
        f"null_padding = true, strict_mode = true, auto_detect = false, parallel = {parallel}"
    )


def _head(con: duckdb.DuckDBPyConnection, path: Path, delimiter: str, width: int):
    """The first records as DuckDB reads them, to find the header; None when it cannot."""
    try:
        return con.execute(
            f"SELECT * FROM read_csv($path, {_read_options(delimiter, width, False)}) "
            f"LIMIT {_HEADER_WINDOW}",
            {"path": str(path), "delim": delimiter},
        ).fetchall()
    except duckdb.Error:
        return None


def _read_grid(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    grid: str,
    delimiter: str,
    width: int,
    cleaned: tuple[str, str],
) -> bool:
    """The records into `grid`, cleaned while DuckDB reads them (one pass, one copy in
    memory); the table's rowid is the record's place in the file."""
    outer, inner = cleaned
    for parallel in (True, False):
        try:
            con.execute(
                f"CREATE OR REPLACE TEMP TABLE {grid} AS SELECT {outer} FROM (SELECT *, {inner} "
                f"FROM read_csv($path, {_read_options(delimiter, width, parallel)}))",
                {"path": str(path), "delim": delimiter, **_CLEANING},
            )
            return True
        except duckdb.Error as error:
            # Null padding and quoted line breaks need the single-threaded scanner.
            if parallel and "parallel" in str(error):
                continue
            return False
    return False


def load_csv(
    found: FoundFile, con: duckdb.DuckDBPyConnection, table: str, scratch: Path
) -> tuple[Extracted | None, str]:
    """The export's rows in the temporary table `table` (row_number, the contract columns
    present, extra_cells, extra_from), and its SHA-256; Extracted is None when the careful
    reader must read the file."""
    facts = scan(found.path)
    if not facts.plain:
        return None, facts.sha256
    path, encoding, copy = found.path, facts.encoding, None
    if encoding is None:
        copy, encoding = utf8_copy(found.path, scratch)
        path = copy
    try:
        return _load(found, con, table, path, encoding), facts.sha256
    finally:
        if copy is not None:
            copy.unlink(missing_ok=True)


def _load(
    found: FoundFile, con: duckdb.DuckDBPyConnection, table: str, path: Path, encoding: str
) -> Extracted | None:
    with path.open("rb") as handle:
        sample = handle.read(_SNIFF_BYTES).decode("utf-8", "ignore").removeprefix("\ufeff")
    if not sample.strip():
        return None  # empty: the careful reader says so in its own words
    sniffed = sniff_delimiter(sample)
    head = _head(con, path, sniffed.delimiter, sniffed.header_fields)
    if head is None:
        return None
    header_at = next(
        (i for i, r in enumerate(head) if any(isinstance(c, str) and c.strip() for c in r)), None
    )
    if header_at is None:
        return None
    header = header_cells(list(head[header_at]))
    if best(found.mappings, header, found.source) is not None:
        return None  # a form-tool export: the careful reader maps its columns
    match = match_headers(found.source, header)
    repeated = any(u not in header for u in match.unknown)  # listed as a message, not a name
    if match.rejected or None in header or repeated:
        return None  # a blank or repeated header cell, or a missing column: careful reader
    grid = f"{table}_grid"
    cleaned = _cleaned(found, match.positions, len(header), sniffed.header_fields)
    if not _read_grid(con, path, grid, sniffed.delimiter, sniffed.header_fields, cleaned):
        return None
    # The rows as the careful reader gives them: after the header, blank rows left out.
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW {table} AS SELECT CAST(rowid + 1 AS BIGINT) AS row_number, "
        f"* EXCLUDE (filled) FROM {grid} WHERE rowid > {int(header_at)} AND filled"
    )
    rows = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    return Extracted(
        found.relpath,
        found.source,
        None,
        rows,
        [h for h in header if h is not None],
        list(match.unknown),
        None,
        encoding=encoding,
        delimiter=sniffed.delimiter,
        table=table,
    )


# Parameters of the cleaning expressions.
_CLEANING = {"ws": WHITESPACE, "missing": sorted(MISSING_TOKENS)}


def _cleaned(
    found: FoundFile, positions: dict[str, int], header_width: int, width: int
) -> tuple[str, str]:
    """What to keep of the raw cells c0, c1, ...: the contract columns present,
    extra_cells and extra_from (how many surplus cells hold a value, and the column number
    of the first: never their content), `filled` (the row has a cell that is not blank),
    each cell trimmed and a missing-value token made NULL; and the trimmed cells t0, t1, ...
    they are made of."""

    def trimmed(i: int) -> str:
        # trim() with a set of characters is slow on every cell; only a cell that starts or
        # ends with a character that may be whitespace (at most U+0020, or U+0085 and up)
        # needs it. Each end is looked at once; c[-1] finds the last character cheaper than
        # right() or substring() by the length (no count of the characters first).
        return (
            f"CASE WHEN ord(c{i}) NOT BETWEEN 33 AND 132 "
            f"OR ord(c{i}[-1]) NOT BETWEEN 33 AND 132 "
            f"THEN trim(c{i}, $ws) ELSE c{i} END AS t{i}"
        )

    def clean(i: int) -> str:
        # Every missing-value token is short: longer text is never lowered to compare.
        return (
            f"CASE WHEN length(t{i}) <= {_LONGEST_TOKEN} AND list_contains($missing, "
            f"lower(t{i})) THEN NULL ELSE t{i} END"
        )

    columns = [
        f"{clean(positions[c.name])} AS {identifier(c.name)}"
        for c in found.source.columns
        if c.name in positions
    ]
    held = [f"coalesce(length({clean(i)}), 0) > 0" for i in range(header_width, width)]
    if held:
        count = f"nullif({' + '.join(f'CAST({h} AS INTEGER)' for h in held)}, 0)"
        first = (
            "CASE "
            + " ".join(
                f"WHEN {h} THEN {header_width + 1 + offset}" for offset, h in enumerate(held)
            )
            + " END"
        )
    else:
        count = first = "NULL"
    filled = " OR ".join(f"coalesce(length(t{i}), 0) > 0" for i in range(width))
    outer = (
        f"{', '.join(columns)}, CAST({count} AS INTEGER) AS extra_cells, "
        f"CAST({first} AS INTEGER) AS extra_from, {filled} AS filled"
    )
    return outer, ", ".join(trimmed(i) for i in range(width))
