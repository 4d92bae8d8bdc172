"""Different initiatives per place and agenda item (marts.agenda_reach), added up only
where that is exact."""

from __future__ import annotations

from collections.abc import Sequence

from etl.rollup.sources import Source

WHOLE = ("provincie", "")  # agenda_reach's place of a whole warehouse


def agenda_reach(con, sources: Sequence[Source], kept: Sequence[frozenset[str]]) -> list[str]:
    """Different municipalities and initiatives per place and agenda item, added up from
    places the networks counted themselves; NULL initiatives where that is impossible."""
    places = places_of(con)
    exact = exact_pieces(con, sources, kept, places)
    con.execute(
        "CREATE TABLE marts.agenda_reach (place_kind VARCHAR, place_code VARCHAR, "
        "grouping VARCHAR, category VARCHAR, theme VARCHAR, municipalities INTEGER, "
        "initiatives INTEGER)"
    )
    unknown = []
    for (kind, code), pieces in exact.items():
        if pieces is None:
            unknown.append(code or kind)
            # Municipalities still add up: one row per municipality with the item.
            select = " UNION ALL ".join(
                f"SELECT grouping, category, theme, municipalities FROM s{i}.marts.agenda_reach "
                f"WHERE place_kind = 'gemeente' AND place_code IN "
                f"(SELECT cbs_code FROM place_members WHERE place_kind = ? AND place_code = ?) "
                f"AND place_code IN (SELECT cbs_code FROM kept WHERE source = {i})"
                for i in range(len(sources))
            )
            params = [kind, code] * len(sources)
            con.execute(
                "INSERT INTO marts.agenda_reach SELECT ?, ?, grouping, category, theme, "
                f"CAST(sum(municipalities) AS INTEGER), NULL FROM ({select}) GROUP BY ALL",
                [kind, code, *params],
            )
            continue
        select = " UNION ALL ".join(
            f"SELECT grouping, category, theme, municipalities, initiatives "
            f"FROM s{i}.marts.agenda_reach WHERE place_kind = ? AND place_code = ?"
            for i, _ in pieces
        )
        params = [v for _, (k, c) in pieces for v in (k, c)]
        con.execute(
            "INSERT INTO marts.agenda_reach SELECT ?, ?, grouping, category, theme, "
            "CAST(sum(municipalities) AS INTEGER), CAST(sum(initiatives) AS INTEGER) "
            f"FROM ({select}) GROUP BY ALL",
            [kind, code, *params],
        )
    con.execute(
        "CREATE OR REPLACE TABLE marts.agenda_reach AS "
        "SELECT * FROM marts.agenda_reach ORDER BY ALL"
    )
    return unknown


def places_of(con) -> dict[tuple[str, str], frozenset[str]]:
    """Every place of the roll-up with its municipalities, as agenda_reach names places."""
    con.execute(
        "CREATE TEMP TABLE place_members AS "
        "SELECT 'provincie' AS place_kind, '' AS place_code, cbs_code FROM core.municipalities "
        "UNION ALL SELECT 'regio', region_code, cbs_code FROM core.region_members "
        "UNION ALL SELECT 'gemeente', cbs_code, cbs_code FROM core.municipalities"
    )
    places: dict[tuple[str, str], set[str]] = {}
    for kind, code, member in con.execute("SELECT * FROM place_members").fetchall():
        places.setdefault((kind, code), set()).add(member)
    return {place: frozenset(members) for place, members in places.items()}


def exact_pieces(
    con, sources: Sequence[Source], kept: Sequence[frozenset[str]], places
) -> dict[tuple[str, str], list[tuple[int, tuple[str, str]]] | None]:
    """For each place, the networks' own places whose counts add up to it exactly (one per
    network with municipalities in it), or None when some network did not count its part."""
    own_places = []
    for i, source in enumerate(sources):
        mine: dict[tuple[str, str], frozenset[str]] = {WHOLE: source.coverage}
        listed = con.execute(
            f"SELECT region_code, cbs_code FROM s{i}.core.region_members"
        ).fetchall()
        for region, code in listed:
            mine[("regio", region)] = mine.get(("regio", region), frozenset()) | {code}
        own_places.append(mine)
    found: dict[tuple[str, str], list[tuple[int, tuple[str, str]]] | None] = {}
    for place, members in places.items():
        if place[0] == "gemeente":
            owner = next(i for i, k in enumerate(kept) if place[1] in k)
            found[place] = [(owner, place)]
            continue
        pieces: list[tuple[int, tuple[str, str]]] | None = []
        for i, codes in enumerate(kept):
            piece = members & codes
            if not piece:
                continue
            match = next((p for p, m in own_places[i].items() if m == piece), None)
            if match is None and len(piece) == 1:
                match = ("gemeente", next(iter(piece)))
            if match is None:
                pieces = None
                break
            pieces.append((i, match))
        found[place] = pieces
    return found
