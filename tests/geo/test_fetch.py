"""`omzien geo fetch` against a fake PDOK on 127.0.0.1, and without any connection.

The fake server speaks the part of OGC API Features the download uses: a GeoJSON
FeatureCollection per page with a `next` link. Nothing here leaves the machine.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import duckdb
import pytest

from etl.geo.fetch import (
    COLLECTION,
    FetchError,
    fetch_boundaries,
    items_url,
    parse_page,
    province_features,
)
from etl.warehouse import build
from tests.support import geo
from tests.support.exports import AS_OF, write_fixture_exports

OMZIEN = Path(sys.executable).parent / "omzien"
ITEMS = f"/ogc/v1/collections/{COLLECTION}/items"


def feature(code: str, name: str, year: int = 2024) -> dict:
    return {
        "type": "Feature",
        "id": f"{year}{code}",
        "properties": {"statcode": code, "statnaam": name, "jaarcode": year, "rubriek": "gemeente"},
        "geometry": geo.lonlat_square(code),
    }


class FakePdok(BaseHTTPRequestHandler):
    """Answers GET from `server.pages` (path with query -> (status, body)); logs requests."""

    def do_GET(self) -> None:
        self.server.requests.append(self.path)
        status, body = self.server.pages.get(self.path, (404, b'{"detail": "not found"}'))
        self.send_response(status)
        self.send_header("Content-Type", "application/geo+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass


@pytest.fixture
def pdok() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakePdok)
    server.pages, server.requests = {}, []
    server.base = f"http://127.0.0.1:{server.server_address[1]}/ogc/v1"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


def serve_two_pages(server: ThreadingHTTPServer, year: int = 2024) -> None:
    first = items_url(server.base, year).removeprefix(server.base.removesuffix("/ogc/v1"))
    second = f"{ITEMS}?f=json&cursor=volgende"
    page_one = {
        "type": "FeatureCollection",
        "features": [
            feature("GM0344", "Utrecht"),
            feature("GM0363", "Amsterdam"),
            feature("GM0307", "Amersfoort"),
            feature("GM0344", "Utrecht", year=2023),  # another edition: left out
        ],
        "links": [
            {"rel": "self", "href": server.base + first},
            {
                "rel": "next",
                "type": "application/geo+json",
                "href": f"{server.base.removesuffix('/ogc/v1')}{second}",
            },
        ],
        "numberReturned": 4,
    }
    page_two = {"type": "FeatureCollection", "features": [feature("GM0355", "Zeist")], "links": []}
    server.pages[first] = (200, json.dumps(page_one).encode())
    server.pages[second] = (200, json.dumps(page_two).encode())


def omzien(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(OMZIEN), *args], capture_output=True, text=True, timeout=120, env=os.environ.copy()
    )


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# ---------------------------------------------------------------- pure parts


def test_items_url_asks_for_one_year_as_json() -> None:
    url = urlsplit(items_url("https://api.pdok.nl/cbs/gebiedsindelingen/ogc/v1", 2024))
    assert url.path == "/cbs/gebiedsindelingen/ogc/v1/collections/gemeente_gegeneraliseerd/items"
    assert parse_qs(url.query) == {
        "f": ["json"],
        "limit": ["1000"],
        "datetime": ["2024-07-01T00:00:00Z"],
    }


def test_parse_page_follows_a_relative_next_link() -> None:
    body = json.dumps(
        {
            "type": "FeatureCollection",
            "features": [],
            "links": [{"rel": "next", "href": "items?cursor=x"}],
        }
    ).encode()
    features, following = parse_page(body, "http://127.0.0.1:1/ogc/v1/collections/c/items?f=json")
    assert features == []
    assert following == "http://127.0.0.1:1/ogc/v1/collections/c/items?cursor=x"


@pytest.mark.parametrize(
    "body", [b"<html>", b'{"type": "Feature"}', b'{"type": "FeatureCollection"}']
)
def test_parse_page_refuses_what_is_not_a_feature_collection(body: bytes) -> None:
    with pytest.raises(FetchError, match="geen bruikbare GeoJSON"):
        parse_page(body, "http://127.0.0.1:1/x")


def test_only_the_province_and_year_are_kept_sorted() -> None:
    features = [
        feature("GM0355", "Zeist"),
        feature("GM0363", "Amsterdam"),
        feature("GM0307", "Amersfoort", year=2023),
        feature("GM0307", "Amersfoort"),
        {"type": "Feature", "properties": {"statcode": "GM0344"}, "geometry": None},
    ]
    kept = province_features(features, 2024, {"GM0307", "GM0344", "GM0355"})
    assert [f["properties"]["statcode"] for f in kept] == ["GM0307", "GM0355"]
    assert kept[0]["properties"] == {
        "statcode": "GM0307",
        "statnaam": "Amersfoort",
        "jaarcode": 2024,
    }


# ---------------------------------------------------------------- the command


def test_fetch_writes_the_province_and_the_etl_reads_it(pdok, tmp_path: Path) -> None:
    serve_two_pages(pdok)
    raw = write_fixture_exports(tmp_path / "raw")
    result = omzien("geo", "fetch", "--raw", str(raw), "--url", pdok.base, "--timeout", "10")
    assert result.returncode == 0, result.stderr
    for expected in (
        "Gemeentegrenzen 2024 ophalen",
        "pagina 1: 4 gemeenten",
        "pagina 2: 1 gemeenten",
    ):
        assert expected in result.stdout
    assert "3 gemeentegrenzen van de provincie Utrecht (2024) opgeslagen" in result.stdout
    assert "datetime=2024-07-01T00%3A00%3A00Z" in pdok.requests[0]

    written = raw / "geo" / "cbs_gemeenten_2024.geojson"
    content = json.loads(written.read_text(encoding="utf-8"))
    assert content["type"] == "FeatureCollection"
    assert [f["properties"]["statcode"] for f in content["features"]] == [
        "GM0307",
        "GM0344",
        "GM0355",
    ]
    assert sorted(p.name for p in written.parent.iterdir()) == [written.name]

    target = tmp_path / "omzien.duckdb"
    build(raw, target, as_of=AS_OF, province="Utrecht")
    with duckdb.connect(str(target), read_only=True) as con:
        rows = con.execute(
            "SELECT cbs_code, boundary_year, source_path FROM core.municipality_boundaries"
        ).fetchall()
    assert rows == [
        ("GM0307", 2024, "geo/cbs_gemeenten_2024.geojson"),
        ("GM0344", 2024, "geo/cbs_gemeenten_2024.geojson"),
        ("GM0355", 2024, "geo/cbs_gemeenten_2024.geojson"),
    ]


def test_no_connection_is_a_dutch_message_and_exit_1(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/ogc/v1"
    started = time.monotonic()
    result = omzien("geo", "fetch", "--raw", str(tmp_path / "raw"), "--url", url, "--timeout", "5")
    assert result.returncode == 1
    assert time.monotonic() - started < 60
    assert "Geen verbinding met PDOK" in result.stderr
    assert "de verbinding werd geweigerd" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "raw" / "geo").exists()


def test_a_server_that_never_answers_times_out(tmp_path: Path) -> None:
    with socket.socket() as silent:  # listens, never accepts or answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/ogc/v1"
        started = time.monotonic()
        with pytest.raises(FetchError, match="antwoordde niet binnen 1 seconden"):
            fetch_boundaries(tmp_path / "raw", 2024, "Utrecht", base_url=url, timeout=1)
        assert time.monotonic() - started < 5


def test_http_error_names_the_status(pdok, tmp_path: Path) -> None:
    result = omzien("geo", "fetch", "--raw", str(tmp_path), "--url", pdok.base, "--year", "2031")
    assert result.returncode == 1
    assert "PDOK gaf een foutmelding (404" in result.stderr
    assert "2031" in result.stderr


def test_no_municipality_of_the_province_writes_nothing(pdok, tmp_path: Path) -> None:
    page = {"type": "FeatureCollection", "features": [feature("GM0363", "Amsterdam")], "links": []}
    first = items_url(pdok.base, 2024).removeprefix(pdok.base.removesuffix("/ogc/v1"))
    pdok.pages[first] = (200, json.dumps(page).encode())
    with pytest.raises(FetchError, match="geen enkele van de provincie Utrecht"):
        fetch_boundaries(tmp_path, 2024, "Utrecht", base_url=pdok.base, timeout=10)
    assert not (tmp_path / "geo").exists()


def test_existing_boundary_files_get_a_note(pdok, tmp_path: Path) -> None:
    serve_two_pages(pdok)
    (tmp_path / "geo").mkdir()
    (tmp_path / "geo" / "zz_eigen.geojson").write_text("{}", encoding="utf-8")
    said: list[str] = []
    fetched = fetch_boundaries(
        tmp_path, 2024, "Utrecht", base_url=pdok.base, timeout=10, progress=said.append
    )
    assert fetched.count == 3
    assert (
        "de ETL gebruikt alleen het laatste in alfabetische volgorde (geo/zz_eigen.geojson)"
        in said[-1]
    )


def test_year_must_be_plausible(tmp_path: Path) -> None:
    result = omzien("geo", "fetch", "--raw", str(tmp_path), "--year", "1900")
    assert result.returncode == 2
    assert "geen jaartal" in result.stderr
