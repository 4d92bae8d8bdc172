"""Dashboard benchmark: every page at about a million obstacles against the demo warehouse.

    .venv/bin/python bench/dashboard_bench.py [--scale 400] [--runs 7] [--no-browser]

Builds (or reuses, from bench/.cache/) the demo warehouse and one generated at `--scale`
times the demo (400: about a million obstacles), then prints per page:
- the median server time of one interaction (Streamlit's AppTest, after a warm-up run),
  at scale and on the demo, and their ratio;
- the time until the page has settled when opened by its link in headless Chromium
  (the served app, a fresh browser context per visit), at scale and on the demo.
Goals (issue "One read model"): at most 150 ms server time at scale, at most 1.5 times the
demo's, for every page; a link settles within 1.5 times the demo's time.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etl.demo import write_demo_exports  # noqa: E402
from etl.warehouse import build  # noqa: E402

AS_OF = date(2026, 11, 26)
CACHE = Path(__file__).parent / ".cache"
APP = ROOT / "dashboard" / "app.py"
# Page module, URL path and query of each page.
PAGES = (
    ("overview", "/", {}),
    ("signals", "/signalen", {}),
    ("compare", "/vergelijken", {}),
    ("profile", "/gemeente", {"gemeente": "GM0312"}),
    ("map", "/kaart", {}),
    ("agenda", "/agenda", {}),
    ("obstacles", "/knelpunten", {}),
    ("kennisbank", "/kennisbank", {}),
    ("solutions", "/oplossingen", {"thema": "zorg_welzijn", "categorie": "financiering"}),
    ("quality", "/kwaliteit", {}),
)
SERVER_GOAL_MS, RATIO_GOAL = 150, 1.5


def _code_version() -> str:
    """A digest of the ETL's code: a cached warehouse is rebuilt when the code changed."""
    digest = hashlib.sha256()
    for path in sorted([*(ROOT / "etl").rglob("*"), *(ROOT / "signals").rglob("*")]):
        if path.suffix in (".py", ".sql", ".csv") and "__pycache__" not in path.parts:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def warehouse(scale: float) -> Path:
    """The warehouse of the demo exports at `scale`, built once per ETL code version."""
    raw = CACHE / f"scale-{scale:g}"
    if not (raw / "demo" / "omzien-demo.json").exists():
        print(f"generating demo exports at scale {scale:g} ...", flush=True)
        write_demo_exports(raw / "demo", seed=1, as_of=AS_OF, scale=scale)
    target = CACHE / f"warehouse-scale-{scale:g}-{_code_version()}.duckdb"
    if not target.exists():
        for old in CACHE.glob(f"warehouse-scale-{scale:g}-*.duckdb"):
            old.unlink()
        print(f"building the warehouse at scale {scale:g} ...", flush=True)
        started = time.perf_counter()
        build(raw, target, as_of=AS_OF, province="Utrecht")
        print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)
    return target


def server_time(path: Path, page: str, query: dict[str, str], runs: int) -> float:
    """Median seconds of one AppTest run of a page, after the first (warm-up) run."""
    from streamlit.testing.v1 import AppTest

    os.environ["OMZIEN_WAREHOUSE"] = str(path)
    at = AppTest.from_file(str(APP), default_timeout=300)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(str(ROOT / "dashboard" / "views" / f"{page}.py"))
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if at.exception:
        raise SystemExit(f"{page}: {at.exception[0].message}")
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        at.run()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def browser_times(path: Path, runs: int) -> dict[str, float]:
    """Median seconds from opening each page's link to a settled page (nothing loading, and
    the page's last change, see tests.browser.conftest.wait_until_idle), in Chromium."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serve, wait_until_idle

    server = serve(path)
    base = next(server)
    result = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for page, url, query in PAGES:
                link = base + url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()))
                timings = []
                for _ in range(runs + 1):  # the first visit warms the server up
                    context = browser.new_context(viewport={"width": 1400, "height": 900})
                    tab = context.new_page()
                    started = time.perf_counter()
                    tab.goto(link)
                    tab.wait_for_selector("[data-testid='stMainBlockContainer'] h1")
                    still = wait_until_idle(tab, timeout_ms=120_000)
                    # Settled when the page last changed, not when that was confirmed.
                    timings.append(time.perf_counter() - started - still)
                    context.close()
                result[page] = statistics.median(timings[1:])
            browser.close()
    finally:
        server.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=400.0)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()

    demo, big = warehouse(1.0), warehouse(args.scale)
    import duckdb

    with duckdb.connect(str(big), read_only=True) as con:
        obstacles = con.execute("SELECT count(*) FROM core.obstacles").fetchone()[0]
    print(f"\nserver time per interaction (AppTest, median of {args.runs}):")
    print(f"{'page':<10} {'demo':>8} {f'{obstacles:,} obst.':>16} {'ratio':>7}  goal")
    for page, _, query in PAGES:
        small = server_time(demo, page, query, args.runs)
        large = server_time(big, page, query, args.runs)
        ok = large * 1000 <= SERVER_GOAL_MS and large <= RATIO_GOAL * small
        print(
            f"{page:<10} {small * 1000:6.0f} ms {large * 1000:13.0f} ms {large / small:7.2f}  "
            + ("ok" if ok else "MISSED")
        )
    if args.no_browser:
        return
    print("\nopening each page by its link in headless Chromium (median, settled):")
    small, large = browser_times(demo, 3), browser_times(big, 3)
    print(f"{'page':<10} {'demo':>8} {f'{obstacles:,} obst.':>16} {'ratio':>7}  goal")
    for page, _, _ in PAGES:
        ratio = large[page] / small[page]
        print(
            f"{page:<10} {small[page]:6.2f} s  {large[page]:13.2f} s  {ratio:7.2f}  "
            + ("ok" if ratio <= RATIO_GOAL else "MISSED")
        )


if __name__ == "__main__":
    main()
