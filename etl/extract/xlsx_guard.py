"""Checks an xlsx before calamine reads it: its unpacked size and the span of every sheet.

calamine builds each sheet as a dense grid from A1 to the farthest filled cell, so one
cell at XFD1048576 in a 5 KB file asks for hundreds of gigabytes, and shared strings can
unpack to gigabytes (a zip bomb). Both are measured here on the compressed stream, in
bounded memory, before anything is built.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from etl import messages, settings

_CHUNK = 1 << 20
_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"')
# A cell that holds a value (a <v> or inline string, maybe after a formula); a styled empty
# cell (<c r="B20" s="1"/>) holds none. The first one tells the row a reader's range starts.
_VALUED_CELL = re.compile(
    rb'<c r="[A-Z]{1,3}([0-9]{1,7})"[^>]*?(?<!/)>\s*(?:<f\b[^>]*?(?:/>|>[^<]*</f>)\s*)?<(?:v|is)\b'
)
_VALUED_OVERLAP = 512
_SHEET = re.compile(rb'<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_REL = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"')
_REL_REVERSED = re.compile(rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"')


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


def _column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Part name (xl/worksheets/sheet1.xml) -> sheet name as Excel shows it."""
    try:
        workbook = archive.read("xl/workbook.xml")[: 4 * _CHUNK]
        rels = archive.read("xl/_rels/workbook.xml.rels")[: 4 * _CHUNK]
    except (KeyError, OSError, zipfile.BadZipFile, zlib.error):
        return {}
    targets = {i: t for i, t in _REL.findall(rels)}
    targets |= {i: t for t, i in _REL_REVERSED.findall(rels)}
    names = {}
    for name, rel_id in _SHEET.findall(workbook):
        target = targets.get(rel_id, b"").decode("utf-8", "replace").lstrip("/")
        part = target if target.startswith("xl/") else f"xl/{target}"
        names[part] = name.decode("utf-8", "replace")
    return names


def xlsx_problem(
    path: Path, relpath: str, first_rows: dict[str, tuple[int, int]] | None = None
) -> str | None:
    """Dutch reason when the workbook is too big to read; None when it may be read.

    A file that is no zip archive at all is left to calamine, which says it is unreadable.
    `first_rows`, when given, is filled per sheet name with (first, last): the first row
    (1 = top) that holds a value, where a reader's range of that sheet starts, and the
    farthest row any cell reaches.
    """
    limit = settings.max_xlsx_bytes()
    max_cells = settings.max_xlsx_cells()
    too_big = messages.XLSX_TOO_BIG_UNPACKED.format(file=relpath, limit=limit // 1_000_000)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir()]
            if sum(i.file_size for i in infos) > limit:  # what the archive itself declares
                return too_big
            names = _sheet_names(archive)
            unpacked = 0
            for info in infos:
                is_sheet = info.filename.startswith("xl/worksheets/")
                rows = columns = 0
                tail = b""
                wanted = is_sheet and first_rows is not None
                first = 0
                with archive.open(info) as stream:  # counts what really comes out
                    while chunk := stream.read(_CHUNK):
                        unpacked += len(chunk)
                        if unpacked > limit:
                            return too_big
                        if wanted:
                            valued = _VALUED_CELL.search(tail[-_VALUED_OVERLAP:] + chunk)
                            if valued:
                                first = int(valued.group(1))
                                wanted = False
                        if is_sheet:
                            refs = _CELL.findall(tail + chunk)
                            if refs:
                                letters = max((c for c, _ in refs), key=lambda c: (len(c), c))
                                row = max((r for _, r in refs), key=lambda r: (len(r), r))
                                columns = max(columns, _column_number(letters))
                                rows = max(rows, int(row))
                            tail = chunk[-_VALUED_OVERLAP:]
                if first and first_rows is not None:
                    first_rows[names.get(info.filename, info.filename)] = (first, rows)
                if is_sheet and rows * columns > max_cells:
                    return messages.XLSX_TOO_WIDE.format(
                        file=relpath,
                        sheet=names.get(info.filename, info.filename),
                        cell=f"{_column_letters(columns)}{rows}",
                        cells=f"{rows * columns:,}".replace(",", "."),
                        limit=f"{max_cells:,}".replace(",", "."),
                    )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, ValueError):
        return None
    except NotImplementedError:  # a compression method zipfile lacks; calamine may know it
        return None
    return None
