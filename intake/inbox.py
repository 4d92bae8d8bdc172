"""The append-only inbox: one small csv export per submission, written atomically.

A file appears whole or not at all: it is written to a hidden temporary file (the ETL
skips hidden files), flushed to disk and then hard-linked under its final name, which
fails when that name exists. The name is made from the form's id and creation time, so
a second submit of the same form (a rerun, a double click, two tabs) finds its file and
writes nothing. Nothing in the file says who submitted it.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import os
import time
from dataclasses import dataclass
from pathlib import Path

from etl.warehouse import fsync_dir
from intake import strings
from intake.forms import Submission


class InboxError(Exception):
    """The submission could not be stored; the message (Dutch) says why. Nothing of it
    was left in the inbox."""


@dataclass(frozen=True)
class Delivered:
    path: Path
    new: bool  # False: this form's file was already there (nothing written)


def file_name(submission: Submission) -> str:
    """<source prefix>-<UTC time the form was opened>-<form id>.csv: the ETL knows the
    source by the prefix, and reads a source's submissions in the order of their forms."""
    prefix = submission.source.prefixes[0]
    return f"{prefix}-{submission.form.created:%Y%m%dT%H%M%S%f}-{submission.form.hex}.csv"


def content(submission: Submission) -> bytes:
    """The export: a header of contract columns and one row, UTF-8, comma-separated."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(submission.row.keys())
    writer.writerow(submission.row.values())
    return out.getvalue().encode("utf-8")


def deliver(inbox: Path, submission: Submission) -> Delivered:
    """Put the submission in the inbox (once); InboxError when it cannot be stored."""
    final = inbox / file_name(submission)
    temporary = inbox / f".{final.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    try:
        if final.exists():
            return Delivered(final, new=False)
        inbox.mkdir(parents=True, exist_ok=True)
        _clear_stale(inbox)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o640)
        try:
            view = memoryview(content(submission))
            while view:
                view = view[os.write(descriptor, view) :]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        try:
            os.link(temporary, final)
        except FileExistsError:
            return Delivered(final, new=False)
        # The file is there whole; a folder that cannot be synced loses nothing we can save.
        with contextlib.suppress(OSError):
            fsync_dir(inbox)
    except InboxError:
        raise
    except OSError as error:
        raise InboxError(_message(error)) from None
    finally:
        _remove(temporary)
    return Delivered(final, new=True)


# A temporary file this old was left by a session that died while writing it: never linked,
# so never a submission (the ETL skips hidden files anyway).
STALE_SECONDS = 3600


def _clear_stale(inbox: Path) -> None:
    now = time.time()
    for leftover in inbox.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > STALE_SECONDS:
                leftover.unlink()


def _message(error: OSError) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return strings.INBOX_FULL
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR, errno.EEXIST):
        return strings.INBOX_UNWRITABLE
    return strings.INBOX_FAILED.format(reason=f"fout {error.errno}")


def _remove(path: Path) -> None:
    # An unwritable folder: the temporary file was never made either.
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
