"""Read a csv export into text cells with pandas' C parser."""

from __future__ import annotations

import io
import re

import pandas as pd

from etl import messages
from etl.extract.decode import NotText, decode, sniff_delimiter, widest_line
from etl.extract.frame import STRING, build_extracted, rejected
from etl.extract.model import Extracted, FoundFile

_TOO_WIDE = re.compile(r"Expected \d+ fields in line \d+, saw (\d+)")
_UNCLOSED = re.compile(r"EOF inside string starting at row (\d+)")
# A record wider than the estimate makes the parser stop; widen and parse again.
_RETRIES = 4
# Quoted text full of delimiters must not make the grid absurdly wide.
_SURPLUS_ALLOWANCE = 20


def _parse(utf8: bytes, delimiter: str, width: int) -> pd.DataFrame:
    """One frame row per record, blank lines included, so index + 1 is the spreadsheet row."""
    for _ in range(_RETRIES):
        try:
            return pd.read_csv(
                io.BytesIO(utf8),
                encoding="utf-8",
                sep=delimiter,
                header=None,
                # Wider than the header so records with surplus fields are kept.
                names=range(width),
                index_col=False,
                dtype=STRING,
                na_filter=False,
                skip_blank_lines=False,
                quotechar='"',
                doublequote=True,
                engine="c",
            )
        except pd.errors.ParserError as error:
            wider = _TOO_WIDE.search(str(error))
            if wider is None:
                raise
            width = max(int(wider.group(1)), width * 2)
    raise pd.errors.ParserError("records keep getting wider")


def _rejection(relpath: str, error: Exception) -> str:
    unclosed = _UNCLOSED.search(str(error))
    if unclosed:
        # The parser counts records from 0, the header included.
        return messages.UNCLOSED_QUOTE.format(file=relpath, row=int(unclosed.group(1)) + 1)
    return messages.CSV_UNPARSEABLE.format(file=relpath)


def read_csv_export(found: FoundFile) -> Extracted:
    try:
        raw = found.path.read_bytes()
    except OSError:
        return rejected(found, messages.FILE_UNREADABLE.format(file=found.relpath))
    try:
        decoded = decode(raw)
    except NotText as not_text:
        template = messages.UTF16 if not_text.utf16 else messages.NOT_TEXT
        return rejected(found, template.format(file=found.relpath))

    sniffed = sniff_delimiter(decoded.text)
    detail = {"encoding": decoded.encoding, "delimiter": sniffed.delimiter}
    if not decoded.text or decoded.text.isspace():
        cells = pd.DataFrame({0: pd.Series(dtype=STRING)})
    else:
        # The C parser is fastest on UTF-8 bytes; other encodings are re-encoded once.
        utf8 = decoded.body if decoded.encoding.startswith("utf-8") else decoded.text.encode()
        cap = max(2 * sniffed.header_fields, sniffed.header_fields + _SURPLUS_ALLOWANCE)
        width = max(min(widest_line(utf8, sniffed.delimiter), cap), sniffed.header_fields)
        try:
            cells = _parse(utf8, sniffed.delimiter, width)
        except (pd.errors.ParserError, ValueError) as error:
            return rejected(found, _rejection(found.relpath, error), **detail)
    return build_extracted(found, cells, **detail)
