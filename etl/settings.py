"""Every setting of the project in one place: default, environment override and help text."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    """One configurable value: environment variable, default and what it is for."""

    env: str
    default: str
    help: str

    def value(self) -> str:
        return os.environ.get(self.env) or self.default


RAW_DIR = Setting(
    "OMZIEN_RAW",
    str(PROJECT_ROOT / "data" / "raw"),
    "Folder with the raw exports (csv/xlsx) the ETL reads, sub-folders included.",
)
WAREHOUSE = Setting(
    "OMZIEN_WAREHOUSE",
    str(PROJECT_ROOT / "data" / "warehouse" / "omzien.duckdb"),
    "The DuckDB warehouse file the ETL builds and the dashboard reads.",
)
PROVINCE = Setting(
    "OMZIEN_PROVINCE",
    "Utrecht",
    "Province whose municipalities the warehouse covers (any of the twelve, case and accents "
    "ignored, Friesland for Fryslân), or Nederland for all 342; municipalities outside it are "
    "rejected as out of scope.",
)
SMALL_NUMBERS = Setting(
    "OMZIEN_SMALL_NUMBERS",
    "10",
    "Below this many obstacles a municipality's figures are flagged as based on few cases "
    "and left out of rankings.",
)
SUPPRESS_BELOW = Setting(
    "OMZIEN_SUPPRESS_BELOW",
    "5",
    "Below this many obstacles a municipality's shares are not shown as a percentage in "
    "public views (dashboard, exports); the count is still shown.",
)

MAX_FILE_MB = Setting(
    "OMZIEN_MAX_FILE_MB",
    "500",
    "Largest export file (csv or xlsx) the ETL reads, in MB; a larger file is rejected whole "
    "and the other files still load.",
)
MAX_XLSX_MB = Setting(
    "OMZIEN_MAX_XLSX_MB",
    "1000",
    "Largest size an xlsx may unpack to (all its parts together), in MB, checked before it is "
    "read; a larger one (a zip bomb) is rejected whole.",
)
MAX_XLSX_CELLS = Setting(
    "OMZIEN_MAX_XLSX_CELLS",
    "25000000",
    "Largest sheet an xlsx may span (rows times columns, from A1 to its farthest filled "
    "cell), checked before it is read; one stray far cell would otherwise cost gigabytes.",
)

ACCESS = Setting(
    "OMZIEN_ACCESS",
    "local",
    "Who sees what in the dashboard: local (one person at their own machine: everything), "
    "public (anyone: only the public snapshot) or members (anyone sees the public view; a "
    "member who signs in sees everything).",
)
PUBLIC_WAREHOUSE = Setting(
    "OMZIEN_PUBLIC_WAREHOUSE",
    str(PROJECT_ROOT / "data" / "warehouse" / "omzien-publiek.duckdb"),
    "The public snapshot `omzien publish` writes and a public dashboard reads (only this "
    "file: aggregates, reference data, the load's provenance and the consenting initiatives).",
)
MEMBERS = Setting(
    "OMZIEN_MEMBERS",
    str(PROJECT_ROOT / "data" / "leden.txt"),
    "Text file with the members: one e-mail address or @domain per line (# starts a "
    "comment). Members mode refuses to start without it.",
)
ACCESS_LOG = Setting(
    "OMZIEN_ACCESS_LOG",
    str(PROJECT_ROOT / "data" / "logs" / "toegang.jsonl"),
    "Append-only log of member sign-ins and internal exports (time, account, page or export).",
)
NETWORK = Setting(
    "OMZIEN_NETWORK",
    "Omzien",
    "Name of the regional network whose warehouse this is; the public snapshot carries it, "
    "so a national roll-up can tell networks apart.",
)
CONTACT = Setting(
    "OMZIEN_CONTACT",
    "de coördinator van het netwerk Omzien",
    "How to get in touch with an initiative through the network (e.g. an e-mail address of "
    "the network), shown on every initiative's card: the warehouse holds no contact persons.",
)

BASE_URL = Setting(
    "OMZIEN_BASE_URL",
    "http://localhost:8501",
    "Address of the dashboard as its readers reach it; the signals digest links every "
    "signal to its page there.",
)
SMTP_URL = Setting(
    "OMZIEN_SMTP_URL",
    "",
    "Mail server for `omzien export signalen --mail`: smtp://user:password@host:587 "
    "(STARTTLS when the server offers it), smtps://...:465 (TLS), or smtp://host:25 without "
    "login. Unset: --mail refuses with a message.",
)
SIGNAL_RECIPIENTS = Setting(
    "OMZIEN_SIGNAL_RECIPIENTS",
    "",
    "Who gets the signals digest by e-mail: addresses separated by commas or semicolons. "
    "Unset: --mail refuses with a message.",
)
SMTP_FROM = Setting(
    "OMZIEN_SMTP_FROM",
    "signalen@omzien.invalid",
    "Sender address of the signals digest e-mail.",
)
INBOX = Setting(
    "OMZIEN_INBOX",
    "<OMZIEN_RAW>/inbox",
    "Folder where /melden writes each submission as a small export (append-only); "
    "`omzien etl run` reads it after the exports. Default: inbox/ in the raw folder.",
)
INTAKE_PER_HOUR = Setting(
    "OMZIEN_INTAKE_PER_HOUR",
    "20",
    "Most submissions one account may make on /melden in an hour.",
)
FOLLOW_UP_DAYS = Setting(
    "OMZIEN_FOLLOW_UP_DAYS",
    "42",
    "After this many days without news (no response, no check) an initiative's open "
    "obstacle is due for a follow-up: /melden asks 'Is dit al opgelost?', and the signals "
    "digest and `omzien etl status` count them.",
)

ALL_SETTINGS: tuple[Setting, ...] = (
    RAW_DIR,
    WAREHOUSE,
    PROVINCE,
    SMALL_NUMBERS,
    SUPPRESS_BELOW,
    MAX_FILE_MB,
    MAX_XLSX_MB,
    MAX_XLSX_CELLS,
    ACCESS,
    PUBLIC_WAREHOUSE,
    MEMBERS,
    ACCESS_LOG,
    NETWORK,
    CONTACT,
    BASE_URL,
    SMTP_URL,
    SIGNAL_RECIPIENTS,
    SMTP_FROM,
    INBOX,
    INTAKE_PER_HOUR,
    FOLLOW_UP_DAYS,
)


def public_warehouse_path() -> Path:
    return Path(PUBLIC_WAREHOUSE.value())


def access_log_path() -> Path:
    return Path(ACCESS_LOG.value())


def members_path() -> Path:
    return Path(MEMBERS.value())


def network() -> str:
    return NETWORK.value().strip() or NETWORK.default


def raw_dir() -> Path:
    return Path(RAW_DIR.value())


def warehouse_path() -> Path:
    return Path(WAREHOUSE.value())


def inbox_path(raw: Path | None = None) -> Path:
    """OMZIEN_INBOX, else inbox/ in the raw folder (`raw`, default OMZIEN_RAW)."""
    chosen = os.environ.get(INBOX.env)
    return Path(chosen) if chosen else Path(raw or raw_dir()) / "inbox"


def intake_per_hour() -> int:
    return _count(INTAKE_PER_HOUR)


def follow_up_days() -> int:
    return _count(FOLLOW_UP_DAYS)


class UnknownProvince(ValueError):
    """OMZIEN_PROVINCE (or --province) names no province; the message (Dutch) lists them."""


def canonical_province(value: str) -> str:
    """The province (or Nederland) as CBS spells it; UnknownProvince when it names none."""
    from etl import messages, reference

    found = reference.canonical_province(value)
    if found is None:
        raise UnknownProvince(
            messages.CLI["unknown_province"].format(
                value=value.strip(), provinces=", ".join(reference.provinces())
            )
        )
    return found


def province() -> str:
    return canonical_province(PROVINCE.value())


def _count(setting: Setting) -> int:
    """A setting that must be a whole number of 1 or more; names the variable when it is not."""
    text = setting.value().strip()
    if not text.isdigit() or int(text) < 1:
        raise ValueError(f"{setting.env} must be a whole number of 1 or more, not {text!r}")
    return int(text)


def base_url() -> str:
    return BASE_URL.value().strip() or BASE_URL.default


def contact() -> str:
    return CONTACT.value().strip() or CONTACT.default


def small_numbers() -> int:
    return _count(SMALL_NUMBERS)


def suppress_below() -> int:
    return _count(SUPPRESS_BELOW)


def max_file_bytes() -> int:
    return _count(MAX_FILE_MB) * 1_000_000


def max_xlsx_bytes() -> int:
    return _count(MAX_XLSX_MB) * 1_000_000


def max_xlsx_cells() -> int:
    return _count(MAX_XLSX_CELLS)
