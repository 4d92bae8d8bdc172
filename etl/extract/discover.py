"""Find the exports in data/raw/ and tell which source each one belongs to."""

from __future__ import annotations

import os
from pathlib import Path

from etl.contract import SOURCES, Source
from etl.extract.model import Discovery, FoundFile

MANIFEST_PREFIX = "omzien-demo"
MANIFEST_SUFFIX = ".json"
# Boundary files live here; they are read by the geo step, not as exports.
GEO_FOLDER = "geo"


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


def discover(raw_dir: Path) -> Discovery:
    """Walk raw_dir recursively; files in lexical order of their relative POSIX path."""
    raw_dir = Path(raw_dir)
    found: list[tuple[str, Path]] = []
    for root, dirs, files in os.walk(raw_dir):
        at_top = Path(root) == raw_dir
        dirs[:] = [
            d for d in dirs if not d.startswith(".") and not (at_top and d.lower() == GEO_FOLDER)
        ]
        for name in files:
            if not _skipped(name):
                path = Path(root, name)
                found.append((path.relative_to(raw_dir).as_posix(), path))
    found.sort(key=lambda item: item[0])

    files: list[FoundFile] = []
    manifests: list[Path] = []
    unmatched: list[str] = []
    for relpath, path in found:
        source = classify(path.name)
        if source is not None:
            files.append(FoundFile(path=path, relpath=relpath, source=source))
        elif _is_manifest(path.name):
            manifests.append(path)
        else:
            unmatched.append(relpath)
    return Discovery(files=files, manifests=manifests, unmatched=unmatched)
