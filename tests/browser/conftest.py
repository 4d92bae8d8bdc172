"""A served dashboard (`streamlit run` on 127.0.0.1) and headless Debian Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from etl.settings import PROJECT_ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = PROJECT_ROOT / "artifacts" / "screenshots"
# Without these Chromium keeps trying to reach Google's services, which this machine refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(
    warehouse: Path,
    *,
    env: dict[str, str] | None = None,
    secrets: Path | None = None,
    port: int | None = None,
) -> Iterator[str]:
    """Serve the real app with `streamlit run` on a warehouse; yields its base URL.

    `env` adds settings (OMZIEN_ACCESS, ...); `secrets` is a secrets.toml to use instead of
    the project's (the [auth] section of sign-in tests).
    """
    port = port or free_port()
    env = {**os.environ, "OMZIEN_WAREHOUSE": str(warehouse), **(env or {})}
    options = ["--secrets.files", str(secrets)] if secrets else []
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(PROJECT_ROOT / "dashboard" / "app.py"),
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            *options,
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("streamlit did not come up")
            time.sleep(0.3)
    try:
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)


def auth_secrets(path: Path, port: int, provider: str) -> Path:
    """A secrets.toml whose [auth] section signs in at the test's OpenID provider."""
    import secrets

    path.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(32)}"\n'
        'client_id = "omzien"\n'
        'client_secret = "omzien-test"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="session")
def served_app(demo_warehouse: Path) -> Iterator[str]:
    """The real app served on the demo warehouse."""
    yield from serve(demo_warehouse)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


def wait_until_idle(page, timeout_ms: int = 30_000) -> float:
    """Wait until Streamlit has finished running the script and the page has stopped changing.

    Streamlit shows its 'running' indicator only after a short delay, and draws some elements
    (metrics, tables) after loading their code, so the indicator's absence alone can be seen
    while a page is still drawing: also wait until no element is loading and the page text
    has been the same for about half a second. Returns the seconds the page had been still
    by then (a benchmark subtracts them to get the moment it settled).
    """
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout_ms)
    # A click reruns the app in the same page: what an earlier wait saw must not count.
    page.evaluate("() => { delete window.__omzienSeen; }")
    still_ms = page.wait_for_function(
        """() => {
            const busy = document.querySelector(
                "[data-testid='stStatusWidget'], [data-testid='stSkeleton']");
            const text = document.body.innerText;
            const now = Date.now();
            const seen = window.__omzienSeen;
            if (busy || !seen || seen.text !== text) {
                window.__omzienSeen = {text: text, since: now};
                return false;
            }
            return now - seen.since >= 500 ? now - seen.since : false;
        }""",
        timeout=timeout_ms,
        polling=100,
    ).json_value()
    return still_ms / 1000


def screenshot(page, name: str) -> Path:
    """A full-page screenshot once every chart on the page has drawn itself.

    Streamlit shows a skeleton while it loads the plotly code, so a page can be idle with
    no chart on it yet.
    """
    page.wait_for_function(
        """() => !document.querySelector("[data-testid='stSkeleton']")
                 && [...document.querySelectorAll("[data-testid='stPlotlyChart']")]
                    .every(chart => chart.querySelector('svg.main-svg'))""",
        timeout=30_000,
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
