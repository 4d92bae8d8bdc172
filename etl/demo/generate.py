"""Pure generation of the demo's true records (codes, day numbers) from a seeded rng."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from . import profiles as P
from . import texts
from .places import Geography

OUTCOMES = (
    "ontvangen",
    "in_behandeling",
    "opgelost",
    "deels_opgelost",
    "afgewezen",
    "doorverwezen",
)
_ONTV, _BEH, _OPG, _DEELS, _AFG, _DOOR = range(6)
_NO = -1


@dataclass(frozen=True)
class DemoData:
    """The true records; exports.py decides how each file writes them down.

    Dates are day numbers (days since 1970-01-01). One row is one initiative, obstacle or
    response; `update` is one row of the incremental response export.
    """

    as_of: int
    initiatives: pd.DataFrame
    obstacles: pd.DataFrame
    responses: pd.DataFrame
    update: pd.DataFrame
    erase_initiative: str
    erase_obstacle: str


def day(d: date) -> int:
    """Day number of a date."""
    return int(np.datetime64(d, "D").astype(np.int64))


def largest_remainder(total: int, weights: np.ndarray) -> np.ndarray:
    """Whole counts summing to total, proportional to weights (Hamilton's method)."""
    exact = total * weights / weights.sum()
    counts = np.floor(exact).astype(np.int64)
    short = total - int(counts.sum())
    # Stable sort so ties are broken by position, not by chance.
    order = np.argsort(-(exact - counts), kind="stable")
    counts[order[:short]] += 1
    return counts


def weighted_choice(rng: np.random.Generator, codes: dict[str, float], n: int) -> np.ndarray:
    """n codes drawn with the given weights (dict order is the literal order: stable)."""
    keys = np.array(list(codes))
    p = np.array(list(codes.values()), dtype=float)
    return keys[rng.choice(len(keys), size=n, p=p / p.sum())]


def generate(
    rng: np.random.Generator,
    geo: Geography,
    as_of: date,
    scale: float = 1.0,
    initiatives: int | None = None,
) -> DemoData:
    """All demo records for the period PERIOD_START..as_of.

    `initiatives` sets how many initiatives there are (before the per-municipality minimum);
    by default BASE_INITIATIVES * scale. Obstacles and responses follow `scale` either way,
    so a benchmark can ask for a million obstacles from 50,000 initiatives.
    """
    end = day(as_of)
    total = round(P.BASE_INITIATIVES * scale) if initiatives is None else initiatives
    inits = _initiatives(rng, geo, end, total)
    obstacles = _obstacles(rng, geo, inits, end, scale)
    responses = _responses(rng, obstacles, end)
    erase_ini, erase_knp = _erasures(rng, inits, obstacles, responses)
    update = _update(rng, obstacles, responses, end, scale, {erase_ini}, {erase_knp})
    return DemoData(end, inits, obstacles, responses, update, erase_ini, erase_knp)


def _years_before(day_number: int, years: int) -> int:
    """Day number of the same calendar day `years` earlier (29 February -> 28 February)."""
    d = date.fromordinal(date(1970, 1, 1).toordinal() + day_number)
    try:
        return day(d.replace(year=d.year - years))
    except ValueError:
        return day(d.replace(year=d.year - years, day=28))


def ids(prefix: str, numbers: np.ndarray, width: int) -> list[str]:
    """'INI-00042'-style ids; the width grows when the numbers need it."""
    width = max(width, len(str(int(numbers.max())))) if len(numbers) else width
    return [f"{prefix}-{int(k):0{width}d}" for k in numbers]


def _initiatives(rng: np.random.Generator, geo: Geography, end: int, total: int) -> pd.DataFrame:
    munis = geo.municipalities
    population = munis["population"].to_numpy(float)
    counts = largest_remainder(total, population)
    counts = np.maximum(counts, P.MIN_INITIATIVES)
    code = np.repeat(munis["cbs_code"].to_numpy(), counts)
    n = len(code)
    start = day(P.PERIOD_START)
    # Existing initiatives registered in a launch wave; after that registrations grow, the
    # density rising linearly to twice its start (inverse CDF).
    t = -1 + np.sqrt(1 + 3 * rng.random(n))
    wave = rng.random(n) < P.LAUNCH_SHARE
    registered = start + np.floor(
        np.where(wave, rng.random(n) * P.LAUNCH_DAYS, t * (end - start))
    ).astype(np.int64)
    order = np.lexsort((np.arange(n), registered))
    code, registered = code[order], registered[order]
    number = np.arange(1, n + 1)

    theme_codes = np.array(list(P.THEME_WEIGHTS))
    weights = np.array(list(P.THEME_WEIGHTS.values()))
    # Weighted sampling without replacement via Gumbel top-k keys.
    keys = np.log(weights) + rng.gumbel(size=(n, len(weights)))
    top = np.argsort(-keys, axis=1, kind="stable")[:, :3]
    n_themes = rng.choice(3, size=n, p=P.THEME_COUNT_WEIGHTS) + 1
    themes = theme_codes[top]  # (n, 3); only the first n_themes count

    u = rng.random((n, 6))
    kern = []
    for i in range(n):
        places = geo.places[code[i]]
        kern.append(places[int(u[i, 0] * len(places))] if places and u[i, 1] < 0.75 else "")

    # Founding: many register soon after founding, others are long-standing groups.
    young = u[:, 2] < 0.5
    gap_years = np.where(young, u[:, 3] * 1.5, np.minimum(rng.exponential(8.0, n), 60))
    founded = registered - np.floor(gap_years * 365.25).astype(np.int64)
    founded_known = u[:, 4] >= 0.06
    # Mostly a bare year; the contract reads a bare year as 1 January.
    founded_as_year = u[:, 5] < 0.85
    years = founded.astype("datetime64[D]").astype("datetime64[Y]")
    founded_year = years.astype(np.int64) + 1970
    jan1 = years.astype("datetime64[D]").astype(np.int64)
    effective = np.where(founded_as_year, jan1, founded)
    # Startend: founded less than STARTING_YEARS full years before the as-of day.
    phase = np.where(effective > _years_before(end, P.STARTING_YEARS), "startend", "ervaren")
    fase_given = rng.random(n) < np.where(founded_known, 0.3, 0.5)

    main_theme = themes[:, 0]
    contact = texts.contact_names(number)
    v = rng.random((n, 4))
    legal_form = weighted_choice(rng, P.LEGAL_FORM_WEIGHTS, n)
    volunteers = np.maximum(1, np.round(rng.lognormal(np.log(12), 0.8, n))).astype(np.int64)
    frame = pd.DataFrame(
        {
            "initiatief_id": ids("INI", number, 5),
            "cbs_code": code,
            "kern": kern,
            "theme1": themes[:, 0],
            "theme2": np.where(n_themes >= 2, themes[:, 1], ""),
            "theme3": np.where(n_themes >= 3, themes[:, 2], ""),
            "n_themes": n_themes,
            "rechtsvorm": np.where(v[:, 0] < 0.08, "", legal_form),
            "founded": founded,
            "founded_known": founded_known,
            "founded_as_year": founded_as_year,
            "founded_year": founded_year,
            "phase": phase,
            "fase_given": fase_given,
            "vrijwilligers": np.where(v[:, 1] < 0.1, -1, volunteers),
            "website": [f"https://www.example.org/ini-{k:05d}" for k in number],
            "has_website": v[:, 2] < 0.5,
            "contactpersoon": contact,
            "email": [f"contact{k:04d}@example.org" for k in number],
            "telefoon": [f"06-{k:08d}" for k in number],
            "has_contact": v[:, 3] >= 0.1,
            "registered": registered,
        }
    )
    names = texts.initiative_names(rng, main_theme, kern)
    about = texts.initiative_texts(
        rng, main_theme, kern, second=frame["theme2"].to_numpy(), phases=phase
    )
    return frame.assign(naam=names, omschrijving=texts.add_pii(rng, about, contact))


def _obstacles(
    rng: np.random.Generator, geo: Geography, inits: pd.DataFrame, end: int, scale: float
) -> pd.DataFrame:
    munis = geo.municipalities["cbs_code"].to_numpy()
    per_muni = inits.groupby("cbs_code").size().reindex(munis).to_numpy(float)
    activity = np.array([P.ACTIVITY.get(c, 1.0) for c in munis])
    counts = largest_remainder(round(P.BASE_OBSTACLES * scale), per_muni * activity)
    code = np.repeat(munis, counts)
    n = len(code)
    with_init = rng.random(n) >= P.SHARE_WITHOUT_INITIATIVE

    # Pick an initiative inside the obstacle's municipality, weighted by how active it is
    # and how long it has been registered: one searchsorted over cumulative weights, so
    # this stays O(n log n) at any scale.
    init_code = inits["cbs_code"].to_numpy()
    order = np.argsort(init_code, kind="stable")
    exposure = end - inits["registered"].to_numpy()[order] + 30
    cw = np.cumsum(rng.gamma(1.5, size=len(order)) * exposure)
    lo_idx = np.searchsorted(init_code[order], code, side="left")
    hi_idx = np.searchsorted(init_code[order], code, side="right")
    lo = np.where(lo_idx > 0, cw[np.maximum(lo_idx - 1, 0)], 0.0)
    hi = cw[hi_idx - 1]
    target = lo + rng.random(n) * (hi - lo)
    pos = np.minimum(np.searchsorted(cw, target, side="right"), hi_idx - 1)
    init_row = order[pos]

    reg = inits["registered"].to_numpy()[init_row]
    start = day(P.PERIOD_START)
    t = -1 + np.sqrt(1 + 3 * rng.random(n))  # same gentle growth as registrations
    loose = start + np.floor(t * (end - start)).astype(np.int64)
    tied = reg + np.floor(rng.random(n) * (end - reg + 1)).astype(np.int64)
    reported = np.where(with_init, tied, loose)

    # Theme: usually one of the initiative's own themes.
    own = inits[["theme1", "theme2", "theme3"]].to_numpy()[init_row]
    k = inits["n_themes"].to_numpy()[init_row]
    pick = np.floor(rng.random(n) * k).astype(np.int64)
    own_theme = own[np.arange(n), pick]
    use_own = with_init & (rng.random(n) < P.OWN_THEME_SHARE)
    theme = np.where(use_own, own_theme, weighted_choice(rng, P.THEME_WEIGHTS, n))

    phase = np.where(with_init, inits["phase"].to_numpy()[init_row], "")
    category = weighted_choice(rng, P.CATEGORY_WEIGHTS, n)
    for name, factors in P.PHASE_CATEGORY_FACTORS.items():
        weights = {c: w * factors.get(c, 1.0) for c, w in P.CATEGORY_WEIGHTS.items()}
        category = np.where(phase == name, weighted_choice(rng, weights, n), category)
    national = np.isin(category, P.NATIONAL_CATEGORIES)
    level = np.where(
        national,
        weighted_choice(rng, P.LEVEL_WEIGHTS_NATIONAL_CATEGORIES, n),
        weighted_choice(rng, P.LEVEL_WEIGHTS, n),
    )
    severity = weighted_choice(rng, P.SEVERITY_WEIGHTS, n)
    about = texts.add_pii(rng, texts.obstacle_texts(rng, category, theme))

    frame = pd.DataFrame(
        {
            "initiatief_id": np.where(with_init, inits["initiatief_id"].to_numpy()[init_row], ""),
            "cbs_code": code,
            "reported": reported,
            "thema": theme,
            "categorie": category,
            "ernst": severity,
            "niveau": level,
            "omschrijving": about,
            "phase": phase,
        }
    )
    frame = pd.concat([frame, _subsidy_tap(rng, frame, end)], ignore_index=True)
    n = len(frame)
    frame = frame.iloc[np.lexsort((np.arange(n), frame["reported"].to_numpy()))]
    return frame.reset_index(drop=True).assign(knelpunt_id=ids("KNP", np.arange(1, n + 1), 6))


def months_before(end: int, months: int) -> int:
    """Day number of the first of the month `months` months before the month of `end`."""
    d = date.fromordinal(date(1970, 1, 1).toordinal() + end)
    number = d.year * 12 + d.month - 1 - months
    return day(date(number // 12, number % 12 + 1, 1))


def _subsidy_tap(rng: np.random.Generator, obstacles: pd.DataFrame, end: int) -> pd.DataFrame:
    """The planted subsidy tap (profiles.SUBSIDY_TAP): extra obstacles of its category, like
    the municipality's own (same initiatives, themes, levels), in the months since."""
    tap = P.SUBSIDY_TAP
    start = months_before(end, tap.months_before)
    mine = obstacles[(obstacles["cbs_code"] == tap.cbs_code) & (obstacles["reported"] >= start)]
    usual = int((mine["categorie"] == tap.category).sum())
    extra = round((tap.factor - 1) * usual)
    if extra == 0 or mine.empty:
        return obstacles.iloc[:0]
    copies = mine.iloc[rng.integers(len(mine), size=extra)]
    return copies.assign(
        categorie=tap.category,
        reported=start + np.floor(rng.random(extra) * (end - start + 1)).astype(np.int64),
        omschrijving=texts.add_pii(
            rng, texts.obstacle_texts(rng, np.full(extra, tap.category), copies["thema"].to_numpy())
        ),
    )


def _responses(rng: np.random.Generator, obstacles: pd.DataFrame, end: int) -> pd.DataFrame:
    """A chain of 0-4 responses per obstacle, cut off at the as-of day."""
    n = len(obstacles)
    table = pd.DataFrame(
        [vars(p) for p in P.RESPONSE_PROFILES.values()], index=list(P.RESPONSE_PROFILES)
    )
    names = obstacles["cbs_code"].map(P.PROFILES).fillna(P.DEFAULT_PROFILE)
    prof = table.loc[names.to_numpy()].reset_index(drop=True)
    higher = obstacles["niveau"].to_numpy() != "gemeente"
    resolve = (
        prof["resolve_share"].to_numpy()
        * np.where(obstacles["phase"].to_numpy() == "startend", P.STARTING_RESOLVE_FACTOR, 1.0)
        * np.where(higher, P.HIGHER_LEVEL_RESOLVE_FACTOR, 1.0)
    )
    refer = prof["refer_share"].to_numpy() * np.where(higher, P.HIGHER_LEVEL_REFER_FACTOR, 1.0)
    reject = prof["reject_share"].to_numpy()

    u = rng.random((n, 6))
    answered = u[:, 0] < prof["answer_share"].to_numpy()
    final = np.full(n, _NO)
    partly = u[:, 2] < 0.4
    final[u[:, 1] < resolve] = _OPG
    final[(u[:, 1] < resolve) & partly] = _DEELS
    final[(u[:, 1] >= resolve) & (u[:, 1] < resolve + reject)] = _AFG
    final[(u[:, 1] >= resolve + reject) & (u[:, 1] < resolve + reject + refer)] = _DOOR
    # A partial solution is sometimes completed later: the fourth step.
    extra = np.where((final == _DEELS) & (u[:, 3] < 0.3), _OPG, _NO)
    ack = u[:, 4] < prof["ack_share"].to_numpy()
    busy = u[:, 5] < np.where(final >= 0, 0.6, 0.7)
    ack |= (final == _NO) & ~busy  # a chain without a decision at least confirms receipt

    slots = np.stack([np.where(ack, _ONTV, _NO), np.where(busy, _BEH, _NO), final, extra], 1)
    present = (slots != _NO) & answered[:, None]
    first = rng.lognormal(np.log(prof["first_median"].to_numpy()), prof["first_sigma"].to_numpy())
    steps = 1 + np.floor(
        rng.lognormal(np.log(prof["step_median"].to_numpy())[:, None], 0.7, (n, 4))
    )
    steps = steps * present
    first_idx = np.argmax(present, axis=1)
    offset = np.cumsum(steps, axis=1) - steps[np.arange(n), first_idx][:, None]
    when = obstacles["reported"].to_numpy()[:, None] + np.floor(first)[:, None] + offset
    keep = present & (when <= end)  # chains are increasing, so this keeps a prefix
    # The planted silence (profiles.STOPS_ANSWERING): nothing is sent from its month on.
    silent = obstacles["cbs_code"].to_numpy() == P.STOPS_ANSWERING.cbs_code
    keep &= ~silent[:, None] | (when < months_before(end, P.STOPS_ANSWERING.months_before))

    row, slot = np.nonzero(keep)
    dates = when[row, slot].astype(np.int64)
    order = np.lexsort((slot, row, dates))
    row, slot, dates = row[order], slot[order], dates[order]
    outcome = np.array(OUTCOMES)[slots[row, slot]]
    return pd.DataFrame(
        {
            "reactie_id": ids("REA", np.arange(1, len(row) + 1), 6),
            "knelpunt_id": obstacles["knelpunt_id"].to_numpy()[row],
            "datum": dates,
            "uitkomst": outcome,
            "toelichting": texts.add_pii(
                rng,
                texts.response_notes(rng, outcome, obstacles["categorie"].to_numpy()[row]),
            ),
        }
    )


def _erasures(
    rng: np.random.Generator, inits: pd.DataFrame, obstacles: pd.DataFrame, responses: pd.DataFrame
) -> tuple[str, str]:
    """An initiative with several answered obstacles, and another initiative's obstacle."""
    answered = obstacles["knelpunt_id"].isin(responses["knelpunt_id"])
    linked = answered & (obstacles["initiatief_id"] != "")
    per_init = obstacles[linked].groupby("initiatief_id").size()
    candidates = per_init[per_init >= 2].index.sort_values()
    ini = str(candidates[rng.integers(len(candidates))])
    others = obstacles[answered & (obstacles["initiatief_id"] != ini)]["knelpunt_id"].sort_values()
    knp = str(others.iloc[rng.integers(len(others))])
    return ini, knp


def _update(
    rng: np.random.Generator,
    obstacles: pd.DataFrame,
    responses: pd.DataFrame,
    end: int,
    scale: float,
    erased_inits: set[str],
    erased_obstacles: set[str],
) -> pd.DataFrame:
    """Incremental export: some latest responses with a new outcome, and a few new ones."""
    live = obstacles[
        ~obstacles["initiatief_id"].isin(sorted(erased_inits))
        & ~obstacles["knelpunt_id"].isin(sorted(erased_obstacles))
    ]
    latest = responses[responses["knelpunt_id"].isin(live["knelpunt_id"])].drop_duplicates(
        "knelpunt_id", keep="last"
    )
    pending = latest[latest["uitkomst"].isin(["ontvangen", "in_behandeling"])]
    n_sup = min(len(pending), round(P.BASE_UPDATE_SUPERSEDES * scale))
    changed = pending.iloc[np.sort(rng.choice(len(pending), n_sup, replace=False))]
    new_outcome = np.array(["opgelost", "deels_opgelost", "afgewezen"])[
        rng.choice(3, n_sup, p=[0.5, 0.3, 0.2])
    ]
    superseded = changed.assign(uitkomst=new_outcome)

    unanswered = live[
        ~live["knelpunt_id"].isin(responses["knelpunt_id"])
        & (live["cbs_code"] != P.STOPS_ANSWERING.cbs_code)
    ]
    n_new = min(len(unanswered), round(P.BASE_UPDATE_NEW * scale))
    fresh = unanswered.iloc[np.sort(rng.choice(len(unanswered), n_new, replace=False))]
    gap = np.floor(rng.exponential(20, n_new)).astype(np.int64)
    added = pd.DataFrame(
        {
            "reactie_id": ids("REA", np.arange(len(responses) + 1, len(responses) + n_new + 1), 6),
            "knelpunt_id": fresh["knelpunt_id"].to_numpy(),
            "datum": np.minimum(fresh["reported"].to_numpy() + gap, end),
            "uitkomst": "ontvangen",
        }
    )
    out = pd.concat([superseded.drop(columns="toelichting"), added], ignore_index=True)
    category = obstacles.set_index("knelpunt_id")["categorie"]
    notes = texts.response_notes(
        rng, out["uitkomst"].tolist(), category.loc[out["knelpunt_id"]].tolist()
    )
    return out.assign(
        toelichting=["Correctie: " + x if x else "Correctie" for x in notes[:n_sup]] + notes[n_sup:]
    )
