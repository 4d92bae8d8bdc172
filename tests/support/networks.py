"""Synthetic exports of regional networks in different provinces, for the national roll-up.

Each network gets a handful of municipalities of its province, initiatives there, and
obstacles with responses drawn by a seeded generator: enough variety (statuses, response
times, open obstacles, an initiative reporting to a neighbouring municipality) that every
figure of the registry has something to add up. Ids carry the network's prefix, so the
exports of several networks can also be loaded together into one warehouse.
"""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path

from etl import reference

THEMES = ("zorg_welzijn", "wonen", "ontmoeting", "energie", "mobiliteit")
CATEGORIES = ("financiering", "regelgeving", "huisvesting", "samenwerking", "informatie")
OUTCOMES = ("ontvangen", "in_behandeling", "opgelost", "deels_opgelost", "afgewezen")
LEVELS = ("gemeente", "regio", "provincie", "rijk")


def _write(path: Path, header: list[str], rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)


def network_municipalities(province: str, count: int) -> list[str]:
    """The `count` municipalities of a province with the lowest CBS codes."""
    everyone = reference.municipalities_nl()
    mine = everyone[everyone["province"] == province].sort_values("cbs_code")
    return list(mine["cbs_code"].head(count))


def write_network_exports(
    raw: Path,
    province: str,
    prefix: str,
    *,
    seed: int,
    as_of: date,
    municipalities: int = 6,
    initiatives: int = 24,
    obstacles: int = 90,
    response_days: int = 120,
) -> Path:
    """Three csv exports of one network in `raw` (file names carry the prefix); each
    response comes 1 to `response_days` days after the one before."""
    rng = random.Random(seed)
    raw.mkdir(parents=True, exist_ok=True)
    codes = network_municipalities(province, municipalities)
    start = as_of - timedelta(days=3 * 365)
    initiative_rows, obstacle_rows, response_rows = [], [], []
    homes = {}
    for i in range(1, initiatives + 1):
        ini = f"{prefix}-I{i:03d}"
        homes[ini] = rng.choice(codes)
        initiative_rows.append(
            [
                ini,
                f"Initiatief {prefix} {i}",
                homes[ini],
                "|".join(rng.sample(THEMES, rng.randint(1, 2))),
                rng.choice(("startend", "ervaren")),
                rng.choice(("ja", "nee")),
                (start + timedelta(days=rng.randint(0, 400))).isoformat(),
            ]
        )
    for k in range(1, obstacles + 1):
        ini = rng.choice([*homes, ""])
        # Now and then an initiative reports to a neighbouring municipality.
        where = homes.get(ini) if ini and rng.random() < 0.85 else rng.choice(codes)
        reported = start + timedelta(days=rng.randint(0, 3 * 365 - 1))
        obstacle = f"{prefix}-K{k:04d}"
        obstacle_rows.append(
            [
                obstacle,
                ini,
                where,
                reported.isoformat(),
                rng.choice(THEMES),
                rng.choice(CATEGORIES),
                rng.choice(LEVELS),
            ]
        )
        day = reported
        for r in range(rng.choice((0, 1, 1, 2, 3))):
            day += timedelta(days=rng.randint(1, response_days))
            if day > as_of:
                break
            response_rows.append(
                [f"{obstacle}-R{r}", obstacle, day.isoformat(), rng.choice(OUTCOMES)]
            )
    _write(
        raw / f"initiatieven_{prefix}.csv",
        ["initiatief_id", "naam", "gemeente", "themas", "fase", "zichtbaar", "geregistreerd_op"],
        initiative_rows,
    )
    _write(
        raw / f"knelpunten_{prefix}.csv",
        ["knelpunt_id", "initiatief_id", "gemeente", "gemeld_op", "thema", "categorie", "niveau"],
        obstacle_rows,
    )
    _write(
        raw / f"reacties_{prefix}.csv",
        ["reactie_id", "knelpunt_id", "datum", "uitkomst"],
        response_rows,
    )
    return raw


# (network, province, id prefix, seed) of the roll-up tests.
NETWORKS = (
    ("Omzien", "Utrecht", "UT", 11),
    ("Twentse Noabers", "Overijssel", "OV", 12),
)


def build_networks(root: Path, as_of: date) -> dict[str, Path]:
    """Each network's warehouse and public snapshot, one national warehouse of both
    networks' exports together ('samen') and the roll-up of the two snapshots ('rollup').

    Keys: the prefixes (warehouses), '<prefix>-publiek' (snapshots), 'samen', 'rollup'.
    """
    from etl.publish import publish
    from etl.rollup import rollup
    from etl.warehouse import build

    together = root / "samen"
    paths: dict[str, Path] = {}
    for network, province, prefix, seed in NETWORKS:
        raw = write_network_exports(root / prefix, province, prefix, seed=seed, as_of=as_of)
        write_network_exports(together, province, prefix, seed=seed, as_of=as_of)
        paths[prefix] = root / f"{prefix}.duckdb"
        build(raw, paths[prefix], as_of=as_of, province=province)
        paths[f"{prefix}-publiek"] = root / f"{prefix}-publiek.duckdb"
        publish(paths[prefix], paths[f"{prefix}-publiek"], network=network)
    paths["samen"] = root / "samen.duckdb"
    build(together, paths["samen"], as_of=as_of, province="Nederland")
    paths["rollup"] = root / "landelijk.duckdb"
    rollup([paths["UT-publiek"], paths["OV-publiek"]], paths["rollup"])
    return paths


def tampered(snapshot: Path, target: Path, *statements: str) -> Path:
    """A copy of `snapshot` at `target` with `statements` run on it: a damaged, hostile or
    hand-edited snapshot, as a roll-up may be handed one."""
    import shutil

    import duckdb

    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(snapshot, target)
    with duckdb.connect(str(target)) as con:
        for statement in statements:
            con.execute(statement)
    return target


def published_earlier(snapshot: Path, target: Path, days: int = 30) -> Path:
    """A copy of `snapshot` whose load ran `days` days before the others' as-of day."""
    return tampered(
        snapshot,
        target,
        *(
            f"UPDATE {table} SET as_of = as_of - INTERVAL {int(days)} DAY"
            for table in ("public.snapshot", "etl.loads", "marts.load_summary")
        ),
    )
