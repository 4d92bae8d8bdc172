"""Find the exports in data/raw/ and tell which source each one belongs to.

Only regular files inside the raw folder are read: a FIFO, a device, or a link that leads
out of the folder (or nowhere) is reported, never opened; so is a file that is too large
or whose name is no UTF-8. A folder that cannot be listed is reported, not skipped in
silence. Demo exports are left out when real exports lie beside them.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from etl import messages, settings
from etl.contract import SOURCES, Source
from etl.extract.mapping import is_mapping_file, read_mappings
from etl.extract.model import Discovery, FoundFile

MANIFEST_PREFIX = "omzien-demo"
MANIFEST_SUFFIX = ".json"
# Boundary files live here; they are read by the geo step, not as exports.
GEO_FOLDER = "geo"
# The dashboard's submissions (OMZIEN_INBOX) are read after every export, under this name.
INBOX_FOLDER = "inbox"


def is_inbox(relpath: str) -> bool:
    return relpath.startswith(INBOX_FOLDER + "/")


def classify(file_name: str) -> Source | None:
    """The source whose prefix and extension the file name has (case-insensitive)."""
    name = file_name.lower()
    for source in SOURCES:
        if name.startswith(source.prefixes) and name.endswith(source.extensions):
            return source
    return None


def _is_manifest(file_name: str) -> bool:
    name = file_name.lower()
    return name.startswith(MANIFEST_PREFIX) and name.endswith(MANIFEST_SUFFIX)


def _skipped(file_name: str) -> bool:
    # Hidden files and Excel's lock files (~$name.xlsx) are never exports.
    return file_name.startswith((".", "~$"))


def printable(text: str) -> str:
    """A path as it can be shown and stored: bytes that are no UTF-8 become U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _valid_name(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # os.walk hands undecodable bytes on as lone surrogates
        return False
    return True


def file_problem(path: Path, relpath: str, raw_root: Path) -> str | None:
    """Why the file may not be read, in Dutch; None for a regular file of a sane size."""
    shown = printable(relpath)
    if not _valid_name(relpath):
        return messages.BAD_NAME.format(file=shown)
    try:
        if path.is_symlink():
            target = path.resolve(strict=True)
            if not target.is_relative_to(raw_root):
                return messages.LINK_OUTSIDE.format(file=shown)
        info = path.stat()
    except (OSError, RuntimeError):  # dangling link, a loop of links, no access
        return (
            messages.LINK_BROKEN.format(file=shown)
            if path.is_symlink()
            else (messages.FILE_UNREADABLE.format(file=shown))
        )
    if not stat.S_ISREG(info.st_mode):
        return messages.NOT_REGULAR.format(file=shown)
    limit = settings.max_file_bytes()
    if info.st_size > limit:
        return messages.TOO_LARGE.format(
            file=shown, size=round(info.st_size / 1_000_000), limit=limit // 1_000_000
        )
    return None


def _walk(
    raw_dir: Path, leave_out: Path | None = None
) -> tuple[list[tuple[str, Path]], list[tuple[str, str]]]:
    """(relpath, path) of every candidate file, and the folders that were skipped; the
    folder `leave_out` (resolved) is not walked."""
    found: list[tuple[str, Path]] = []
    skipped: list[tuple[str, str]] = []

    def unreadable(error: OSError) -> None:
        rel = printable(Path(error.filename).relative_to(raw_dir).as_posix())
        skipped.append((rel, messages.FOLDER_UNREADABLE.format(folder=rel)))

    for root, dirs, files in os.walk(raw_dir, onerror=unreadable):
        at_top = Path(root) == raw_dir
        kept = []
        for d in dirs:
            if d.startswith(".") or (at_top and d.lower() == GEO_FOLDER):
                continue
            if leave_out is not None and Path(root, d).resolve() == leave_out:
                continue
            if Path(root, d).is_symlink():  # never followed: it may lead anywhere, or loop
                rel = printable(Path(root, d).relative_to(raw_dir).as_posix())
                skipped.append((rel, messages.FOLDER_LINK.format(folder=rel)))
                continue
            kept.append(d)
        dirs[:] = kept
        for name in files:
            if not _skipped(name):
                path = Path(root, name)
                found.append((path.relative_to(raw_dir).as_posix(), path))
    found.sort(key=lambda item: item[0].encode("utf-8", "surrogateescape"))
    return found, skipped


def _demo_folders(manifests: list[tuple[str, Path]]) -> list[str]:
    return sorted({str(Path(rel).parent.as_posix()) for rel, _ in manifests})


def _under(relpath: str, folder: str) -> bool:
    return folder == "." or relpath.startswith(folder.rstrip("/") + "/")


def discover(raw_dir: Path, inbox: Path | None = None) -> Discovery:
    """Walk raw_dir recursively; files in lexical order of their relative POSIX path, then
    the submissions in `inbox` (wherever it is) as inbox/<name>, so that a submission
    replaces an export's earlier version of its record."""
    raw_dir = Path(raw_dir)
    raw_root = raw_dir.resolve()
    inbox_root = Path(inbox).resolve() if inbox is not None and Path(inbox).is_dir() else None
    if inbox_root is not None and raw_root.is_relative_to(inbox_root):
        # An inbox that is the raw folder or holds it: its files are read once, as exports.
        inbox_root = None
    found, skipped = _walk(raw_dir, inbox_root)
    roots = dict.fromkeys((rel for rel, _ in found), raw_root)
    if inbox_root is not None:
        submitted, skipped_inbox = _walk(inbox_root)
        for rel, path in submitted:
            found.append((f"{INBOX_FOLDER}/{rel}", path))
            roots[f"{INBOX_FOLDER}/{rel}"] = inbox_root
        skipped += [(f"{INBOX_FOLDER}/{rel}", message) for rel, message in skipped_inbox]

    matched: list[tuple[str, Path, Source]] = []
    manifests: list[tuple[str, Path]] = []
    mapping_files: list[tuple[str, Path]] = []
    unmatched: list[str] = []
    for relpath, path in found:
        source = classify(printable(path.name))
        if source is not None:
            matched.append((relpath, path, source))
        elif _is_manifest(path.name) and file_problem(path, relpath, raw_root) is None:
            manifests.append((relpath, path))
        elif is_mapping_file(path.name) and not is_inbox(relpath):
            problem = file_problem(path, relpath, roots[relpath])
            if problem is None:
                mapping_files.append((printable(relpath), path))
            else:
                unmatched.append(printable(relpath))
        else:
            unmatched.append(printable(relpath))
    mappings = read_mappings(mapping_files)

    # Demo exports sit in a folder with a demo manifest. Real exports beside them must not
    # be mixed with invented ones: then the demo folders are left out.
    # Submissions are no exports: a test report on the demo keeps the demo.
    demo = [f for f in _demo_folders(manifests) if f != "."]
    in_demo = [any(_under(rel, f) for f in demo) for rel, _, _ in matched]
    exported = [d for d, (rel, _, _) in zip(in_demo, matched, strict=True) if not is_inbox(rel)]
    left_out: list[str] = []
    if any(exported) and not all(exported):
        left_out = [f for f in demo if any(_under(rel, f) for rel, _, _ in matched)]
        matched = [m for m, demo_file in zip(matched, in_demo, strict=True) if not demo_file]
        manifests = [m for m in manifests if not any(_under(m[0], f) for f in left_out)]

    files = [
        FoundFile(
            path=path,
            relpath=printable(relpath),
            source=source,
            problem=file_problem(path, relpath, roots[relpath]),
            # The dashboard's submissions are in the contract's own format.
            mappings=() if is_inbox(relpath) else mappings.by_source.get(source.name, ()),
        )
        for relpath, path, source in matched
    ]
    return Discovery(
        files=files,
        manifests=[path for _, path in manifests],
        unmatched=unmatched,
        skipped=skipped,
        demo_left_out=left_out,
        mapping_warnings=mappings.warnings,
    )
