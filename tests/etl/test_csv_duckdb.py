"""DuckDB's own csv reader, where a file allows it, gives exactly the careful reader's rows."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from etl.contract import OBSTACLES
from etl.extract import FoundFile, csv_duckdb, read_export
from etl.extract.csv_duckdb import load_csv

HEADER = "knelpunt_id,gemeente,gemeld_op,thema,categorie,omschrijving"
ROW = "K-1,Utrecht,2024-04-01,zorg,subsidie"

FAST = {
    "plain": f"{HEADER}\n{ROW},Tekst\n{ROW.replace('K-1', 'K-2')},\n".encode(),
    "crlf and bom": f"\ufeff{HEADER}\r\n{ROW},x\r\n".encode(),
    "quoted newline and delimiter": (
        f'{HEADER}\n{ROW},"regel 1\nregel, 2"\nK-2,Zeist,,,,\n'.encode()
    ),
    "doubled quotes": f'{HEADER}\n{ROW},"zei ""ja"""\n'.encode(),
    "missing tokens and whitespace": (
        f"{HEADER}\n K-1 ,\u00a0Utrecht\u3000,-,n.v.t.,NULL,onbekend\n".encode()
    ),
    "short rows": f"{HEADER}\n{ROW}\nK-2,Zeist\n".encode(),
    "semicolons in cp1252": (
        f"{HEADER.replace(',', ';')}\n{ROW.replace(',', ';')};€ 20 café\n".encode("cp1252")
    ),
    "bom before windows-1252": b"\xef\xbb\xbf" + f"{HEADER}\n{ROW},caf\xe9\n".encode("cp1252"),
    "tabs": f"{HEADER.replace(',', chr(9))}\n{ROW.replace(',', chr(9))}\tx\n".encode(),
    "row of delimiters before the header": f",,,,,\n{HEADER}\n{ROW},x\n".encode(),
    "unknown column": f"{HEADER},extra kolom\n{ROW},x,y\n".encode(),
    "trailing empty field": f"{HEADER}\n{ROW},x,\n".encode(),
    "header with blank cells at its end": f"{HEADER},,\n{ROW},x,,meer\n{ROW},y,,\n".encode(),
    "quote inside a field": f'{HEADER}\n{ROW},2" pijp\n'.encode(),
    "no final newline": f"{HEADER}\n{ROW},x".encode(),
    "blank cells row": f"{HEADER}\n{ROW},x\n , ,,,,\n{ROW.replace('K-1', 'K-3')},y\n".encode(),
}
CAREFUL = {
    "blank line": f"{HEADER}\n{ROW},x\n\nK-2,Zeist,2024-04-01,zorg,subsidie,y\n".encode(),
    "surplus field": f"{HEADER}\n{ROW},x,meer\n".encode(),
    "text after a closing quote": f'{HEADER}\n{ROW},"x"y\n'.encode(),
    "unclosed quote": f'{HEADER}\n{ROW},"x\n'.encode(),
    "bare cr": f"{HEADER}\r{ROW},x\r".encode(),
    "missing column": b"knelpunt_id,gemeente\nK-1,Utrecht\n",
    "repeated header": f"{HEADER},thema\n{ROW},x,wonen\n".encode(),
    "blank header cell": (
        f"knelpunt_id,,gemeente,gemeld_op,thema,categorie\nK-1,x,{ROW[4:]}\n".encode()
    ),
    "nul byte": f"{HEADER}\n{ROW},a\x00b\n".encode(),
    "empty": b"",
}


def _both(tmp_path: Path, content: bytes):
    path = tmp_path / "knelpunten.csv"
    path.write_bytes(content)
    found = FoundFile(path, path.name, OBSTACLES)
    with duckdb.connect() as con:
        fast, digest = load_csv(found, con, "extract_0", tmp_path)
        rows = con.execute("SELECT * FROM extract_0 ORDER BY row_number").df() if fast else None
    return fast, rows, digest, read_export(found)


def _cells(frame: pd.DataFrame) -> list[dict]:
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


@pytest.mark.parametrize("name", FAST)
def test_duckdb_reads_what_the_careful_reader_reads(name: str, tmp_path: Path) -> None:
    fast, rows, digest, careful = _both(tmp_path, FAST[name])
    assert fast is not None, name
    assert careful.error is None
    assert _cells(rows) == _cells(careful.frame)
    assert list(rows.columns) == list(careful.frame.columns)
    for attribute in ("rows_read", "headers", "unknown_columns", "encoding", "delimiter"):
        assert getattr(fast, attribute) == getattr(careful, attribute), attribute
    assert len(digest) == 64
    assert not list(tmp_path.glob("*.utf8"))  # the re-encoded copy is gone


@pytest.mark.parametrize("name", CAREFUL)
def test_other_files_go_to_the_careful_reader(name: str, tmp_path: Path) -> None:
    fast, _, digest, _ = _both(tmp_path, CAREFUL[name])
    assert fast is None
    assert len(digest) == 64


@pytest.mark.parametrize(
    "content",
    [
        f"{HEADER}\r{ROW},a\r\n{ROW},b\r".encode(),  # a bare CR, and a chunk ending in CR
        f"{HEADER}\r\n{ROW},a\r\n\r\n{ROW},b\r\n".encode(),  # a blank line across chunks
        f"{HEADER}\n{ROW},a\r{ROW},b\n".encode(),
    ],
)
@pytest.mark.parametrize("chunk", [3, 7, 1 << 20])
def test_line_layout_is_judged_across_chunk_ends(
    content: bytes, chunk: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csv_duckdb, "_CHUNK", chunk)
    path = tmp_path / "knelpunten.csv"
    path.write_bytes(content)
    assert not csv_duckdb.scan(path).plain
    path.write_bytes(f"{HEADER}\r\n{ROW},a\r\n{ROW},b\r\n".encode())
    assert csv_duckdb.scan(path).plain
