"""Text layer of a csv export: encoding, delimiter and the widest record."""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from itertools import islice

import numpy as np

DELIMITERS = (";", ",", "\t")  # on a tie the first wins: Dutch Excel writes ';'
DEFAULT_DELIMITER = ","
_SNIFF_CHARS = 64 * 1024
_SNIFF_RECORDS = 50
_BINARY_PROBE = 8 * 1024
_WIDTH_CHUNK = 4 * 1024 * 1024
# Share of control characters above which a file is taken for binary data.
_BINARY_CONTROL_SHARE = 0.05
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f") + b"\x7f"


class NotText(ValueError):
    """The bytes are no csv text; .utf16 tells the one case with a clear remedy."""

    def __init__(self, *, utf16: bool = False) -> None:
        super().__init__("utf-16" if utf16 else "binary")
        self.utf16 = utf16


@dataclass(frozen=True)
class Decoded:
    text: str
    # The raw bytes without BOM: delimiters, quotes and line ends are ASCII in every
    # accepted encoding, so fields can be counted on bytes.
    body: bytes
    encoding: str


def decode(raw: bytes) -> Decoded:
    """UTF-8 (with or without BOM), else Windows-1252, else Latin-1, which decodes anything."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise NotText(utf16=True)
    probe = raw[:_BINARY_PROBE]
    # A stray NUL in a text export is harmless to the parser; a share of them is not text.
    if sum(probe.count(b) for b in _CONTROL_BYTES) > _BINARY_CONTROL_SHARE * len(probe):
        raise NotText
    has_bom = raw.startswith(codecs.BOM_UTF8)
    body = raw[len(codecs.BOM_UTF8) :] if has_bom else raw
    try:
        return Decoded(body.decode("utf-8"), body, "utf-8-sig" if has_bom else "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(body.decode("cp1252"), body, "cp1252")
    except UnicodeDecodeError:
        # Only 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in Windows-1252.
        return Decoded(body.decode("latin-1"), body, "latin-1")


def _records(sample: str, delimiter: str) -> list[list[str]]:
    """The first non-blank records of the sample, quotes respected."""
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter, strict=False)
    rows = (row for row in reader if any(cell.strip() for cell in row))
    return list(islice(rows, _SNIFF_RECORDS))


@dataclass(frozen=True)
class Sniffed:
    delimiter: str
    header_fields: int  # fields in the header record with this delimiter


def sniff_delimiter(text: str) -> Sniffed:
    """The delimiter that splits the header into most fields with the most consistent records.

    The header line is decisive: a candidate must split it into more than one
    field. A file with a single column gets the default.
    """
    sample = text[:_SNIFF_CHARS]
    if len(text) > _SNIFF_CHARS:
        # The cut may fall inside a record; keep whole lines only.
        sample = sample[: sample.rfind("\n") + 1] or sample
    best, best_score = Sniffed(DEFAULT_DELIMITER, 1), (0.0, 1)
    for delimiter in DELIMITERS:
        records = _records(sample, delimiter)
        if not records or len(records[0]) < 2:
            continue
        width = len(records[0])
        body = records[1:]
        consistency = sum(len(r) == width for r in body) / len(body) if body else 1.0
        score = (consistency, width)
        if score > best_score:
            best, best_score = Sniffed(delimiter, width), score
    return best


def widest_line(body: bytes, delimiter: str) -> int:
    """Fields in the line with most delimiters, quotes ignored, vectorised over the bytes.

    Too high when quoted text holds delimiters, too low for a record whose
    surplus fields span lines; the reader caps it and widens when needed.
    """
    widest, start, size = 0, 0, len(body)
    code = ord(delimiter)
    while start < size:
        # Chunks cut at a line end keep numpy's scratch arrays small, which is several
        # times faster on big files than one pass over the whole buffer.
        end = size
        if start + _WIDTH_CHUNK < size:
            end = body.rfind(b"\n", start, start + _WIDTH_CHUNK) + 1 or start + _WIDTH_CHUNK
        data = np.frombuffer(body, dtype=np.uint8, count=end - start, offset=start)
        delims = np.flatnonzero(data == code)
        if delims.size:
            breaks = np.flatnonzero((data == ord("\n")) | (data == ord("\r")))
            before = np.searchsorted(delims, breaks)  # delimiters before each line break
            per_line = np.diff(before, prepend=0, append=delims.size)
            widest = max(widest, int(per_line.max()))
        start = end
    return widest + 1
