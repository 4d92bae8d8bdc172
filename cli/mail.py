"""Sending the signals digest by e-mail: the SMTP settings, the message, the sending.

OMZIEN_SMTP_URL says where (smtp:// with STARTTLS when the server offers it, smtps:// for
TLS from the start; user and password in the URL when the server wants a login);
OMZIEN_SIGNAL_RECIPIENTS to whom. Every problem is a MailError with a Dutch message that
names the server as host:port, never the password.
"""

from __future__ import annotations

import re
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.parse import unquote, urlsplit

from cli.strings import MAIL
from etl import settings

TIMEOUT_SECONDS = 20
_ADDRESS = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")


class MailError(Exception):
    """The digest cannot be sent; the message (Dutch) says why. `code` is the exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    tls: bool  # smtps: TLS from the first byte
    user: str | None
    password: str | None

    @property
    def label(self) -> str:
        return f"{self.host}:{self.port}"


def server() -> Server:
    """OMZIEN_SMTP_URL read; MailError (exit 2) when it is unset or no server address."""
    text = settings.SMTP_URL.value().strip()
    if not text:
        raise MailError(MAIL["no_server"], 2)
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise MailError(MAIL["bad_server"], 2) from None
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise MailError(MAIL["bad_server"], 2)
    tls = parts.scheme == "smtps"
    return Server(
        host=parts.hostname,
        port=port or (465 if tls else 25),
        tls=tls,
        user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
    )


def recipients() -> list[str]:
    """OMZIEN_SIGNAL_RECIPIENTS as addresses; MailError (exit 2) when none or one is wrong."""
    found = [
        a.strip() for a in re.split(r"[,;\n]", settings.SIGNAL_RECIPIENTS.value()) if a.strip()
    ]
    if not found:
        raise MailError(MAIL["no_recipients"], 2)
    for address in found:
        if not _ADDRESS.match(address):
            raise MailError(MAIL["bad_recipient"].format(value=address), 2)
    return found


def message(
    subject: str, body: str, to: list[str], attachment: tuple[str, bytes, str] | None
) -> EmailMessage:
    """The e-mail: the digest as plain text, and the file as attachment (name, bytes, mime)."""
    mail = EmailMessage()
    mail["Subject"] = subject
    mail["From"] = settings.SMTP_FROM.value().strip() or settings.SMTP_FROM.default
    mail["To"] = ", ".join(to)
    if attachment:
        body += "\n\n" + MAIL["body_attachment"].format(name=attachment[0]) + "\n"
    mail.set_content(body)
    if attachment:
        name, content, mime = attachment
        main, _, sub = mime.partition("/")
        mail.add_attachment(content, maintype=main, subtype=sub, filename=name)
    return mail


def send(mail: EmailMessage, found: Server) -> None:
    """Deliver `mail`; MailError (exit 1) when the server cannot be reached or refuses."""
    context = ssl.create_default_context()
    try:
        if found.tls:
            client = smtplib.SMTP_SSL(
                found.host, found.port, timeout=TIMEOUT_SECONDS, context=context
            )
        else:
            client = smtplib.SMTP(found.host, found.port, timeout=TIMEOUT_SECONDS)
        with client:
            client.ehlo()
            if not found.tls and client.has_extn("starttls"):
                client.starttls(context=context)
                client.ehlo()
            if found.user:
                client.login(found.user, found.password or "")
            client.send_message(mail)
    except smtplib.SMTPException as exc:
        raise MailError(
            MAIL["refused"].format(server=found.label, reason=_reason(exc)), 1
        ) from None
    except (OSError, ssl.SSLError) as exc:
        raise MailError(
            MAIL["unreachable"].format(server=found.label, reason=_reason(exc)), 1
        ) from None


def _reason(exc: Exception) -> str:
    """What went wrong, in the words of the library, without the password."""
    if isinstance(exc, smtplib.SMTPResponseException):
        text = (
            exc.smtp_error.decode("utf-8", "replace")
            if isinstance(exc.smtp_error, bytes)
            else str(exc.smtp_error)
        )
        return f"{exc.smtp_code} {text}".strip()
    return type(exc).__name__ + (f": {exc.strerror}" if getattr(exc, "strerror", None) else "")
