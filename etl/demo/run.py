"""Write the synthetic demo exports to a folder: the one entry point the CLI calls."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from etl.messages import DEMO, SOURCE_LABELS

from . import writers
from .broken import BrokenRow, add_broken_rows
from .exports import ALL_FILES, build_exports
from .generate import generate
from .places import NATIONAL, load_geography
from .profiles import PERIOD_START

# The demo needs some history before the as-of day, and some rows, to tell its story.
MIN_HISTORY = timedelta(days=365)
MIN_SCALE = 0.05


@dataclass(frozen=True)
class DemoResult:
    """What write_demo_exports wrote."""

    out_dir: Path
    files: list[str]  # relative to out_dir, in writing order; the manifest last
    counts: dict[str, int]  # rows per source (initiatives, obstacles, responses), broken included
    rows: dict[str, int]  # rows per file, broken included
    broken_rows: int
    manifest: Path
    broken: list[BrokenRow] = field(default_factory=list)  # each broken row and its fault


def write_demo_exports(
    out_dir: Path,
    *,
    seed: int = 2026,
    as_of: date,
    progress: Callable[[str], None] | None = None,
    scale: float = 1.0,
    province: str = "Utrecht",
    initiatives: int | None = None,
) -> DemoResult:
    """Generate the synthetic exports for PERIOD_START..as_of into out_dir.

    `province` spreads the initiatives over its municipalities (by population); Nederland
    over all 342. Deterministic: the same seed, as_of, scale and province give
    byte-identical files. `initiatives` overrides how many initiatives `scale` gives (the
    benchmark's 50,000 beside a million obstacles); None keeps the demo as it always was.
    """
    if as_of < PERIOD_START + MIN_HISTORY:
        raise ValueError(DEMO["as_of_too_early"].format(day=PERIOD_START + MIN_HISTORY))
    if not scale >= MIN_SCALE:
        raise ValueError(DEMO["scale_too_small"].format(scale=MIN_SCALE))
    say = progress or (lambda message: None)
    out_dir = Path(out_dir)

    say(DEMO["generating"].format(seed=seed, as_of=f"{as_of:%d-%m-%Y}"))
    rng = np.random.default_rng(seed)
    geo = load_geography(province=province)
    data = generate(rng, geo, as_of, scale, initiatives)
    exports = build_exports(rng, data, geo)
    broken = add_broken_rows(rng, data, exports, outside=outside_name(province))

    out_dir.mkdir(parents=True, exist_ok=True)
    # A file of an earlier run that this run does not write (the newer obstacle export
    # with an early as-of day) would otherwise be read as if it belonged to this demo.
    for name in ALL_FILES - {e.path for e in exports}:
        (out_dir / name).unlink(missing_ok=True)
    info = _info_lines(seed, as_of)
    hashes: dict[str, str] = {}
    files: list[str] = []
    rows: dict[str, int] = {}
    counts = {"initiatives": 0, "obstacles": 0, "responses": 0}
    for export in exports:
        n = len(export.rows)
        label = SOURCE_LABELS[export.source.name].capitalize()
        say(DEMO["writing"].format(label=label, rows=_number(n), path=export.path))
        content = writers.export_bytes(export, info, as_of)
        (out_dir / export.path).write_bytes(content)
        hashes[export.path] = writers.sha256(content)
        files.append(export.path)
        rows[export.path] = n
        if export.source.name in counts:
            counts[export.source.name] += n

    say(DEMO["manifest"].format(path=writers.MANIFEST_FILE))
    manifest = out_dir / writers.MANIFEST_FILE
    manifest.write_bytes(writers.manifest_bytes(seed, as_of, hashes))
    files.append(writers.MANIFEST_FILE)
    return DemoResult(out_dir, files, counts, rows, len(broken), manifest, broken)


def outside_name(province: str) -> str | None:
    """A municipality the scope does not cover, for the out-of-scope broken row; None for
    Nederland, which covers every municipality."""
    if province == NATIONAL:
        return None
    return "Utrecht" if province == "Noord-Holland" else "Amsterdam"


def _info_lines(seed: int, as_of: date) -> list[str]:
    return [
        "Omzien - synthetische demogegevens",
        "Alle initiatieven, namen, personen, adressen en cijfers in dit bestand zijn "
        "verzonnen (fictief).",
        f"Gemaakt door '{writers.GENERATOR}' met seed {seed} en peildatum {as_of:%d-%m-%Y}.",
        f"De registraties staan op het tabblad '{writers.DATA_SHEET}'. Een paar rijen zijn met "
        "opzet fout, om de controles van de ETL te laten zien.",
    ]


def _number(n: int) -> str:
    """Dutch thousands separator: 2.500."""
    return f"{n:,}".replace(",", ".")
