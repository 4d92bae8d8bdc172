"""`omzien export signalen` end to end: every format, the links, and --mail against a local
SMTP server that the test starts (aiosmtpd)."""

from __future__ import annotations

import email
import io
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import duckdb
import openpyxl
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from pypdf import PdfReader

OMZIEN = Path(sys.executable).parent / "omzien"
BASE = "https://dashboard.omzien.example"


def omzien(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("OMZIEN_")}
    return subprocess.run(
        [str(OMZIEN), "export", "signalen", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env={**clean, "OMZIEN_BASE_URL": BASE, **(env or {})},
    )


def no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.slow
def test_the_digest_as_markdown(demo_warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "signalen.md"
    result = omzien(
        "--warehouse", str(demo_warehouse), "--format", "md", "--out", str(out), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    # New signals first, then ongoing, then ended; each with its sentence and its link.
    assert text.index("## Nieuw sinds de vorige load") < text.index("## Lopend")
    assert text.index("## Lopend") < text.index("## Niet meer gezien")
    assert "Nieuwegein: van de " in text
    assert "Amersfoort: sinds " in text
    assert f"<{BASE}/signalen?gemeente=GM0356>" in text
    assert f"<{BASE}/signalen?gemeente=GM0307&categorie=financiering>" in text
    assert "SYNTHETISCHE DEMOGEGEVENS" in text
    no_traceback(result)


@pytest.mark.slow
def test_the_digest_as_pdf_with_its_charts(demo_warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "signalen.pdf"
    result = omzien(
        "--warehouse", str(demo_warehouse), "--format", "pdf", "--out", str(out), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    pdf = PdfReader(io.BytesIO(out.read_bytes()))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Nieuwegein" in text
    assert "SYNTHETISCHE DEMOGEGEVENS" in text
    images = sum(len(page.images) for page in pdf.pages)
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        signals = con.execute(
            "SELECT count(*) FROM marts.signals WHERE status <> 'ended'"
        ).fetchone()[0]
    assert images == signals  # one small chart per signal
    if shutil.which("pdftoppm"):  # the pages as a reader sees them (artifacts/)
        from etl.settings import PROJECT_ROOT

        pages = PROJECT_ROOT / "artifacts" / "digest"
        pages.mkdir(parents=True, exist_ok=True)
        for old in pages.glob("signalen-*.png"):
            old.unlink()
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", str(out), str(pages / "signalen")], check=True
        )
        assert any(pages.glob("signalen-*.png"))


@pytest.mark.slow
def test_the_digest_as_xlsx(demo_warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "signalen.xlsx"
    result = omzien(
        "--warehouse", str(demo_warehouse), "--format", "xlsx", "--out", str(out), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(out)
    sheet = book["Alle signalen in cijfers"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Status", "Gemeente of regio", "Cijfer")
    units = {row[1] for row in rows[1:]}
    assert {"Nieuwegein", "Amersfoort"} <= units
    assert "Bron" in book.sheetnames


@pytest.mark.slow
def test_usage_and_missing_signals(demo_warehouse: Path, tmp_path: Path) -> None:
    wrong = omzien("--warehouse", str(demo_warehouse), "--format", "pptx", cwd=tmp_path)
    assert wrong.returncode == 2
    assert "pdf, md, xlsx" in wrong.stdout + wrong.stderr
    # A warehouse built before signals existed: said, not a traceback.
    old = tmp_path / "oud.duckdb"
    shutil.copy(demo_warehouse, old)
    with duckdb.connect(str(old)) as con:
        con.execute("DROP TABLE marts.signals; DROP TABLE marts.signal_series")
    result = omzien(
        "--warehouse", str(old), "--format", "md", "--out", str(tmp_path / "x.md"), cwd=tmp_path
    )
    assert result.returncode == 1
    assert "voordat Omzien signalen berekende" in result.stdout + result.stderr
    no_traceback(result)


# --- --mail ---------------------------------------------------------------------------


class Inbox:
    """An aiosmtpd handler that keeps what it receives."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], email.message.Message]] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((list(envelope.rcpt_tos), email.message_from_bytes(envelope.content)))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    port = free_port()

    def login(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
            b"omzien",
            b"geheim wachtwoord",
        )
        return AuthResult(success=ok)

    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=login,
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


MAIL_ENV = {"OMZIEN_SIGNAL_RECIPIENTS": "lobby@example.org; coordinator@example.org"}


@pytest.mark.slow
def test_mail_sends_the_digest_to_every_recipient(
    demo_warehouse: Path, tmp_path: Path, smtp_server
) -> None:
    inbox, port = smtp_server
    out = tmp_path / "signalen.pdf"
    result = omzien(
        "--warehouse",
        str(demo_warehouse),
        "--format",
        "pdf",
        "--out",
        str(out),
        "--mail",
        cwd=tmp_path,
        env={**MAIL_ENV, "OMZIEN_SMTP_URL": f"smtp://omzien:geheim%20wachtwoord@127.0.0.1:{port}"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(inbox.messages) == 1
    recipients, message = inbox.messages[0]
    assert sorted(recipients) == ["coordinator@example.org", "lobby@example.org"]
    assert message["Subject"].startswith("[SYNTHETISCHE DEMOGEGEVENS] Omzien-signalen:")
    parts = list(message.walk())
    body = next(p for p in parts if p.get_content_type() == "text/plain").get_payload(decode=True)
    assert "Nieuwegein: van de " in body.decode("utf-8")
    assert f"{BASE}/signalen?gemeente=GM0356" in body.decode("utf-8")
    attached = next(p for p in parts if p.get_content_type() == "application/pdf")
    assert attached.get_payload(decode=True) == out.read_bytes()
    assert "2 ontvanger(s)" in result.stdout
    assert "geheim" not in result.stdout + result.stderr


@pytest.mark.slow
def test_mail_without_settings_or_server_is_a_dutch_error(
    demo_warehouse: Path, tmp_path: Path, smtp_server
) -> None:
    _inbox, port = smtp_server
    args = ("--warehouse", str(demo_warehouse), "--format", "md", "--mail")

    def mail(out: str, env: dict[str, str]):
        return omzien(*args, "--out", str(tmp_path / out), cwd=tmp_path, env=env)

    unset = mail("a.md", MAIL_ENV)
    assert unset.returncode == 2
    assert "OMZIEN_SMTP_URL" in unset.stdout + unset.stderr
    assert not (tmp_path / "a.md").exists()  # wrong usage: nothing was done
    nobody = mail("b.md", {"OMZIEN_SMTP_URL": f"smtp://127.0.0.1:{port}"})
    assert nobody.returncode == 2
    assert "OMZIEN_SIGNAL_RECIPIENTS" in nobody.stdout + nobody.stderr
    closed = free_port()
    gone = mail("c.md", {**MAIL_ENV, "OMZIEN_SMTP_URL": f"smtp://omzien:geheim@127.0.0.1:{closed}"})
    assert gone.returncode == 1
    assert f"127.0.0.1:{closed} is niet bereikbaar" in gone.stdout + gone.stderr
    assert (tmp_path / "c.md").exists()  # the file was written all the same
    wrong_login = mail(
        "d.md", {**MAIL_ENV, "OMZIEN_SMTP_URL": f"smtp://omzien:fout@127.0.0.1:{port}"}
    )
    assert wrong_login.returncode == 1
    assert "weigerde" in wrong_login.stdout + wrong_login.stderr
    for result in (unset, nobody, gone, wrong_login):
        no_traceback(result)
        assert "geheim" not in result.stdout + result.stderr
