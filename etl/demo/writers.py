"""Serialise demo exports to bytes: CSV in a given encoding, byte-stable XLSX, the manifest."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from collections.abc import Sequence
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.writer.excel import ExcelWriter

from .exports import CsvFormat, Export

MANIFEST_FILE = "omzien-demo.json"
GENERATOR = "omzien demo"
DATA_SHEET = "Registraties"
INFO_SHEET = "Info"


def fixed_timestamp(as_of: date) -> datetime:
    """The one moment every demo file claims, so identical input gives identical bytes."""
    return datetime(as_of.year, as_of.month, as_of.day, 12, 0, 0)


def csv_bytes(header: Sequence[str], rows: Sequence[Sequence[object]], fmt: CsvFormat) -> bytes:
    """CSV with minimal quoting; None is an empty cell. Fails on text the encoding lacks."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=fmt.delimiter, lineterminator=fmt.lineterminator)
    writer.writerow(header)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return buffer.getvalue().encode(fmt.encoding)


def xlsx_bytes(
    header: Sequence[str], rows: Sequence[Sequence[object]], info: Sequence[str], as_of: date
) -> bytes:
    """Workbook with an info sheet first and the data on DATA_SHEET; dates as date cells."""
    moment = fixed_timestamp(as_of)
    wb = Workbook(write_only=True)
    wb.properties.creator = GENERATOR
    wb.properties.lastModifiedBy = GENERATOR
    wb.properties.title = "Omzien demo (synthetisch)"
    wb.properties.created = moment
    wb.properties.modified = moment

    sheet = wb.create_sheet(INFO_SHEET)
    bold = Font(bold=True)
    for i, line in enumerate(info):
        cell = WriteOnlyCell(sheet, value=line)
        if i == 0:
            cell.font = bold
        sheet.append([cell])

    data = wb.create_sheet(DATA_SHEET)
    data.freeze_panes = "A2"
    header_cells = []
    for name in header:
        cell = WriteOnlyCell(data, value=name)
        cell.font = bold
        header_cells.append(cell)
    data.append(header_cells)
    for row in rows:
        data.append(list(row))

    raw = io.BytesIO()
    # ExcelWriter rather than wb.save(): save() stamps 'modified' with the current time.
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).save()
    return _stable_zip(raw.getvalue(), moment)


def _stable_zip(raw: bytes, moment: datetime) -> bytes:
    """Rewrite a zip with one fixed timestamp and file mode per entry (zipfile stamps now)."""
    out = io.BytesIO()
    stamp = moment.timetuple()[:6]
    with (
        zipfile.ZipFile(io.BytesIO(raw)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for entry in src.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(entry.filename))
    return out.getvalue()


def export_bytes(export: Export, info: Sequence[str], as_of: date) -> bytes:
    """The file content of one export."""
    rows = export.rows.itertuples(index=False, name=None)
    if export.csv is None:
        return xlsx_bytes(export.header_row(), list(rows), info, as_of)
    return csv_bytes(export.header_row(), list(rows), export.csv)


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def manifest_bytes(seed: int, as_of: date, hashes: dict[str, str]) -> bytes:
    """Stable JSON: sorted keys, fixed indent, trailing newline."""
    manifest = {
        "synthetic": True,
        "generator": GENERATOR,
        "seed": seed,
        "as_of": as_of.isoformat(),
        "files": dict(sorted(hashes.items())),
    }
    return (json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode()
