"""`omzien geo fetch`: download CBS's municipal boundaries of one year from PDOK.

Source: PDOK's OGC API Features for CBS Gebiedsindelingen,
https://api.pdok.nl/cbs/gebiedsindelingen/ogc/v1, collection `gemeente_gegeneraliseerd`
(CBS's generalised municipal boundaries, every year in one collection). A year is picked
with the standard `datetime` parameter at 1 July of that year, which falls inside the
validity of that year's edition; features carry `statcode`, `statnaam` and `jaarcode`.
Responses are GeoJSON in CRS84 (lon, lat), paged with a `next` link.

Only the province's municipalities are written (data/raw/geo/cbs_gemeenten_<year>.geojson),
so the ETL rejects nothing of a fresh download. The whole download has one deadline, so
`make run` cannot hang on a machine without internet.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from etl import reference
from etl.extract.discover import GEO_FOLDER
from etl.geo.boundaries import normalise_code
from etl.geo.read import boundary_files, geo_folder
from etl.messages import GEO_FETCH

PDOK_OGC_API = "https://api.pdok.nl/cbs/gebiedsindelingen/ogc/v1"
COLLECTION = "gemeente_gegeneraliseerd"
PAGE_SIZE = 1000  # the API's maximum; one year (342 municipalities) fits on one page
MAX_PAGES = 20
DEFAULT_TIMEOUT = 20.0  # seconds for the whole download
CHUNK = 1 << 16
KEPT_PROPERTIES = ("statcode", "statnaam", "jaarcode", "jrstatcode")


class FetchError(Exception):
    """The download failed; the message (Dutch) says why and what to do."""


@dataclass(frozen=True)
class Fetched:
    path: Path
    count: int
    year: int


def items_url(base_url: str, year: int) -> str:
    """First page of the collection for one year."""
    query = urllib.parse.urlencode(
        {"f": "json", "limit": PAGE_SIZE, "datetime": f"{year:04d}-07-01T00:00:00Z"}
    )
    return f"{base_url.rstrip('/')}/collections/{COLLECTION}/items?{query}"


def parse_page(body: bytes, url: str) -> tuple[list[dict], str | None]:
    """Features and the `next` link of one page of an OGC API Features response."""
    try:
        page = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FetchError(GEO_FETCH["bad_response"].format(url=url, detail=exc)) from None
    if not isinstance(page, dict) or page.get("type") != "FeatureCollection":
        raise FetchError(GEO_FETCH["bad_response"].format(url=url, detail="geen FeatureCollection"))
    features = page.get("features")
    if not isinstance(features, list):
        raise FetchError(GEO_FETCH["bad_response"].format(url=url, detail="geen 'features'"))
    links = page.get("links") if isinstance(page.get("links"), list) else []
    following = next(
        (
            link.get("href")
            for link in links
            if isinstance(link, dict) and link.get("rel") == "next" and link.get("href")
        ),
        None,
    )
    return features, urllib.parse.urljoin(url, following) if following else None


def same_origin(url: str, base_url: str) -> bool:
    a, b = urllib.parse.urlsplit(url), urllib.parse.urlsplit(base_url)
    return (a.scheme, a.netloc) == (b.scheme, b.netloc)


def province_features(features: list[dict], year: int, codes: set[str]) -> list[dict]:
    """The features of the province and year, with only the properties the ETL uses,
    sorted by statcode (so one year's download gives the same file every time)."""
    kept: dict[str, dict] = {}
    for feature in features:
        if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
            continue
        properties = feature["properties"]
        code = normalise_code(properties.get("statcode"))
        jaarcode = properties.get("jaarcode")
        if code not in codes or not feature.get("geometry"):
            continue
        if jaarcode is not None and str(jaarcode).strip() != str(year):
            continue
        kept[code] = {
            "type": "Feature",
            "properties": {k: properties[k] for k in KEPT_PROPERTIES if k in properties}
            | {"statcode": code, "jaarcode": year},
            "geometry": feature["geometry"],
        }
    return [kept[code] for code in sorted(kept)]


def feature_collection_text(features: list[dict]) -> str:
    """GeoJSON text, one feature per line."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    return (
        f'{{"type":"FeatureCollection","name":"{COLLECTION}","features":[\n'
        + ",\n".join(lines)
        + "\n]}\n"
    )


def _reason(exc: BaseException) -> str:
    """Why a connection failed, in Dutch where the cause is a common one."""
    cause = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(cause, socket.gaierror):
        return "de server is niet te vinden (geen internet?)"
    if isinstance(cause, ConnectionRefusedError):
        return "de verbinding werd geweigerd"
    if isinstance(cause, ConnectionResetError):
        return "de verbinding werd verbroken"
    return str(cause)


def _get(url: str, deadline: float, *, timeout: float, folder: Path, year: int) -> bytes:
    request = urllib.request.Request(
        url, headers={"Accept": "application/geo+json, application/json", "User-Agent": "omzien"}
    )
    shown = url.split("?", 1)[0]  # messages name the endpoint, not the paging query
    remaining = deadline - time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=max(remaining, 0.1)) as response:
            chunks = []
            while block := response.read(CHUNK):
                chunks.append(block)
                if time.monotonic() > deadline:
                    raise TimeoutError
            return b"".join(chunks)
    except urllib.error.HTTPError as exc:
        raise FetchError(
            GEO_FETCH["http_error"].format(status=exc.code, reason=exc.reason, url=shown, year=year)
        ) from None
    except TimeoutError:
        raise FetchError(
            GEO_FETCH["timeout"].format(seconds=f"{timeout:g}", url=shown, folder=folder)
        ) from None
    except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
        raise FetchError(
            GEO_FETCH["no_connection"].format(url=shown, reason=_reason(exc), folder=folder)
        ) from None


def download(
    base_url: str,
    year: int,
    *,
    timeout: float,
    folder: Path,
    progress: Callable[[str], None],
) -> list[dict]:
    """Every feature of the year, following `next` links on the same server."""
    deadline = time.monotonic() + timeout
    url: str | None = items_url(base_url, year)
    features: list[dict] = []
    for page in range(1, MAX_PAGES + 1):
        body = _get(url, deadline, timeout=timeout, folder=folder, year=year)
        found, url = parse_page(body, url)
        features += found
        progress(
            GEO_FETCH["page"].format(page=page, features=len(found), size=round(len(body) / 1024))
        )
        if url is None or not found:
            return features
        if not same_origin(url, base_url):
            raise FetchError(
                GEO_FETCH["bad_response"].format(url=url, detail="volgende pagina op andere server")
            )
    raise FetchError(GEO_FETCH["too_many_pages"].format(pages=MAX_PAGES))


def _with_deadline(work: Callable[[], list[dict]], timeout: float, message: str) -> list[dict]:
    """Run `work` in a thread and give up after `timeout` (+1 s grace): a name lookup
    without network can block far longer than any socket timeout."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["features"] = work()
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=run, name="omzien-geo-fetch", daemon=True)
    worker.start()
    worker.join(timeout + 1.0)
    if worker.is_alive():
        raise FetchError(message)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["features"]  # type: ignore[return-value]


def fetch_boundaries(
    raw_dir: Path,
    year: int,
    province: str,
    *,
    base_url: str = PDOK_OGC_API,
    timeout: float = DEFAULT_TIMEOUT,
    progress: Callable[[str], None] = lambda message: None,
) -> Fetched:
    """Download the year's municipal boundaries of the province into data/raw/geo/."""
    folder = geo_folder(raw_dir) or Path(raw_dir) / GEO_FOLDER
    progress(GEO_FETCH["start"].format(year=year, url=base_url))
    features = _with_deadline(
        lambda: download(base_url, year, timeout=timeout, folder=folder, progress=progress),
        timeout,
        GEO_FETCH["timeout"].format(seconds=f"{timeout:g}", url=base_url, folder=folder),
    )
    codes = set(reference.municipalities_in(province)["cbs_code"])
    kept = province_features(features, year, codes)
    if not kept:
        raise FetchError(
            GEO_FETCH["none_in_province"].format(
                features=len(features), year=year, province=province
            )
        )
    target = folder / f"cbs_gemeenten_{year}.geojson"
    partial = folder / f".{target.name}.part"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial.write_text(feature_collection_text(kept), encoding="utf-8")
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise FetchError(
            GEO_FETCH["write_failed"].format(path=target, reason=exc.strerror or exc)
        ) from None
    progress(
        GEO_FETCH["written"].format(count=len(kept), province=province, year=year, path=target)
    )
    found = boundary_files(raw_dir)
    if len(found) > 1:
        progress(GEO_FETCH["others"].format(folder=folder, used=found[-1][0]))
    return Fetched(path=target, count=len(kept), year=year)
