"""Which initiatives elsewhere look like this one, and why: a documented, deterministic score.

The score of a candidate for an initiative is a weighted sum of six parts, each 0..1:

    score = 0.30 themes + 0.30 description + 0.10 legal form + 0.10 phase
            + 0.10 size + 0.10 obstacles

- themes: Jaccard overlap of the two sets of themes (shared / together);
- description: cosine similarity of the TF-IDF vectors of the two descriptions (words and
  word pairs, accents and case ignored, common Dutch words left out, sublinear term
  frequency), fitted on every description of the warehouse;
- legal form: 1 when both have the same one;
- phase: 1 when the candidate is as far or further (a starting initiative learns from a
  starting or an experienced one, an experienced one from an experienced one);
- size: 1 - |ln((1 + a) / (1 + b))| / ln 4 for a and b volunteers, at least 0: equal size
  is 1, a factor two apart 0.5, a factor four or more 0;
- obstacles: Jaccard overlap of the categories of the obstacles each reported.

Missing values score 0 on their part. Candidates in the initiative's own municipality (and
the initiative itself) are never offered: the point is to learn where the neighbour is.
Ties go to the lower initiative id, so the same warehouse always gives the same list.

The index is built once per warehouse (`build_index`); `similar` then scores one
initiative against all others with one sparse product and a few vector operations, which
stays fast at tens of thousands of initiatives.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from etl.vocabularies import CATEGORIES, LEGAL_FORMS, PHASES, THEMES
from readmodel import format, strings

WEIGHTS: dict[str, float] = {
    "themes": 0.30,
    "description": 0.30,
    "legal_form": 0.10,
    "phase": 0.10,
    "size": 0.10,
    "obstacles": 0.10,
}
PEERS = 5
PART = "part_"
# A part gives a reason when it reaches this (description: cosine; size: its score).
DESCRIPTION_REASON = 0.15
SIZE_REASON = 0.5
SHARED_WORDS = 3
# How far an initiative is: a candidate at the same or a higher step counts.
PHASE_ORDER = {"startend": 0, "ervaren": 1}

# Words that say nothing about what an initiative does.
DUTCH_STOP_WORDS = frozenset((
    "de", "het", "een", "en", "van", "in", "op", "te", "voor", "met", "door", "aan", "bij",
    "om", "uit", "als", "of", "over", "naar", "tot", "is", "zijn", "wij", "we", "ons", "onze",
    "ze", "zij", "hun", "die", "dat", "dit", "deze", "er", "ook", "nog", "al", "niet", "geen",
    "wel", "meer", "veel", "elk", "elke", "iedereen", "alle", "alles", "wordt", "worden",
    "werd", "kan", "kunnen", "moet", "moeten", "zal", "zullen", "heeft", "hebben", "had",
    "was", "waren", "zo", "dan", "maar", "want", "dus", "toe", "via", "per", "na", "tegen",
    "sinds", "zonder", "tussen", "net", "pas", "zich",
))  # fmt: skip


@dataclass(frozen=True)
class PeerIndex:
    """Every initiative's features, in initiative id order, ready to score against."""

    frame: pd.DataFrame  # initiative_id, name, cbs_code, themes, legal_form, phase, ...
    positions: dict[str, int]
    text: sparse.csr_matrix  # one L2-normalised TF-IDF row per initiative
    vocabulary: np.ndarray  # the feature (word or word pair) of each TF-IDF column
    themes: np.ndarray  # initiatives x themes, 0/1
    categories: np.ndarray  # initiatives x obstacle categories, 0/1
    # The frame's columns as plain arrays: scoring one initiative reads them all.
    cbs_code: np.ndarray
    legal_form: np.ndarray
    phase_step: np.ndarray  # PHASE_ORDER of the phase, NaN when unknown
    volunteers: np.ndarray  # NaN when unknown


def _membership(values: pd.Series, codes: tuple[str, ...]) -> np.ndarray:
    """A 0/1 matrix: row i has a 1 in column j when codes[j] is in values[i]."""
    column = {code: j for j, code in enumerate(codes)}
    matrix = np.zeros((len(values), len(codes)), dtype=float)
    for i, found in enumerate(values):
        for code in _codes(found):
            if code in column:
                matrix[i, column[code]] = 1.0
    return matrix


def build_index(frame: pd.DataFrame) -> PeerIndex:
    """The index over `frame` (readmodel.kennisbank.peer_frame): one row per initiative with
    initiative_id, name, cbs_code, themes, legal_form, phase, volunteers, description and
    obstacle_categories."""
    frame = frame.sort_values("initiative_id", kind="stable").reset_index(drop=True)
    descriptions = frame["description"].fillna("").astype(str)
    vectorizer = TfidfVectorizer(
        lowercase=True,
        strip_accents="unicode",
        stop_words=sorted(DUTCH_STOP_WORDS),
        ngram_range=(1, 2),
        sublinear_tf=True,
        token_pattern=r"(?u)\b[^\W\d_]{2,}\b",
    )
    if descriptions.str.strip().any():
        try:
            text = vectorizer.fit_transform(descriptions).tocsr()
            vocabulary = vectorizer.get_feature_names_out()
        except ValueError:  # only stop words: no vocabulary at all
            text, vocabulary = sparse.csr_matrix((len(frame), 0)), np.array([], dtype=object)
    else:
        text, vocabulary = sparse.csr_matrix((len(frame), 0)), np.array([], dtype=object)
    return PeerIndex(
        frame=frame,
        positions={key: i for i, key in enumerate(frame["initiative_id"])},
        text=text,
        vocabulary=vocabulary,
        themes=_membership(frame["themes"], THEMES.codes()),
        categories=_membership(frame["obstacle_categories"], CATEGORIES.codes()),
        cbs_code=frame["cbs_code"].astype(object).to_numpy(),
        legal_form=frame["legal_form"].astype(object).where(frame["legal_form"].notna()).to_numpy(),
        phase_step=np.array([PHASE_ORDER.get(p, np.nan) for p in frame["phase"]], dtype=float),
        volunteers=pd.to_numeric(frame["volunteers"], errors="coerce").to_numpy(dtype=float),
    )


def _jaccard(matrix: np.ndarray, row: int) -> np.ndarray:
    own = matrix[row]
    shared = matrix @ own
    together = matrix.sum(axis=1) + own.sum() - shared
    return np.divide(shared, together, out=np.zeros_like(shared), where=together > 0)


def parts(index: PeerIndex, initiative_id: str) -> pd.DataFrame:
    """Every part of the score of every initiative against one (columns part_<name>, in the
    index's order), and the score itself. Unfiltered: the initiative itself is in it."""
    row = index.positions[initiative_id]
    description = (
        np.asarray((index.text @ index.text[row].T).todense()).ravel()
        if index.text.shape[1]
        else np.zeros(len(index.frame))
    )
    legal, own_legal = index.legal_form, index.legal_form[row]
    steps, own_step = index.phase_step, index.phase_step[row]
    own_volunteers = index.volunteers[row]
    size = (
        np.zeros(len(steps))
        if np.isnan(own_volunteers)
        else np.clip(
            1 - np.abs(np.log1p(index.volunteers) - np.log1p(own_volunteers)) / math.log(4), 0, 1
        )
    )
    values = {
        "themes": _jaccard(index.themes, row),
        "description": np.clip(description, 0, 1),
        "legal_form": (legal == own_legal) if isinstance(own_legal, str) else np.zeros(len(legal)),
        "phase": ~np.isnan(steps) & (steps >= own_step),
        "size": np.nan_to_num(size, nan=0.0),
        "obstacles": _jaccard(index.categories, row),
    }
    result = pd.DataFrame({PART + name: np.asarray(v, dtype=float) for name, v in values.items()})
    result["score"] = sum(weight * result[PART + name] for name, weight in WEIGHTS.items())
    return result


def similar(index: PeerIndex, initiative_id: str, count: int = PEERS) -> pd.DataFrame:
    """The `count` most similar initiatives in other municipalities, best first.

    Columns: those of the index's frame, score (0..1), part_<name> for each part, and
    reasons (a tuple of Dutch phrases). Empty for an unknown id.
    """
    if initiative_id not in index.positions:
        return pd.DataFrame(columns=[*index.frame.columns, "score", "reasons"])
    row = index.positions[initiative_id]
    frame = index.frame
    scored = parts(index, initiative_id)
    score = scored["score"].to_numpy()
    eligible = np.flatnonzero((index.cbs_code != index.cbs_code[row]) & (score > 0))
    # Rounded so that float noise never decides between equal scores; then the id decides
    # (the index is in id order, so the position does).
    order = np.lexsort((eligible, -np.round(score[eligible], 9)))
    chosen = eligible[order[:count]]
    top = pd.concat(
        [frame.iloc[chosen].reset_index(drop=True), scored.iloc[chosen].reset_index(drop=True)],
        axis=1,
    )
    own = frame.iloc[row]
    reasons = [tuple(_reasons(index, own, peer)) for peer in top.to_dict("records")]
    return top.assign(reasons=reasons)


def _reasons(index: PeerIndex, own: pd.Series, peer: dict) -> list[str]:
    """Why a peer is similar, in the order of the parts' weights."""
    found: list[str] = []
    shared = sorted(set(_codes(own["themes"])) & set(_codes(peer["themes"])), key=_order(THEMES))
    if shared:
        found.append(
            strings.REASON_THEMES.format(themes=", ".join(THEMES.label(t) for t in shared))
        )
    if peer[PART + "description"] >= DESCRIPTION_REASON:
        words = shared_words(
            index, index.positions[own["initiative_id"]], index.positions[peer["initiative_id"]]
        )
        found.append(
            strings.REASON_DESCRIPTION_WORDS.format(words=", ".join(words))
            if words
            else strings.REASON_DESCRIPTION
        )
    if peer[PART + "legal_form"] == 1:
        found.append(strings.REASON_LEGAL_FORM.format(form=LEGAL_FORMS.label(own["legal_form"])))
    if peer[PART + "phase"] == 1:
        label = PHASES.label(peer["phase"]).lower()
        same = peer["phase"] == own["phase"]
        found.append(
            (strings.REASON_SAME_PHASE if same else strings.REASON_FURTHER_PHASE).format(
                phase=label
            )
        )
    if peer[PART + "size"] >= SIZE_REASON:
        found.append(
            strings.REASON_SIZE.format(
                own=format.count(own["volunteers"]), other=format.count(peer["volunteers"])
            )
        )
    kinds = sorted(
        set(_codes(own["obstacle_categories"])) & set(_codes(peer["obstacle_categories"])),
        key=_order(CATEGORIES),
    )
    if kinds:
        found.append(
            strings.REASON_OBSTACLES.format(
                categories=", ".join(CATEGORIES.label(c) for c in kinds)
            )
        )
    return found


def _codes(value) -> list[str]:
    """A list column's value as a list (None and NaN are empty)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    return list(value)


def _order(vocabulary):
    codes = vocabulary.codes()
    return lambda code: codes.index(code) if code in codes else len(codes)


def shared_words(index: PeerIndex, one: int, other: int, count: int = SHARED_WORDS) -> list[str]:
    """The single words that add most to two descriptions' similarity (ties by alphabet);
    word pairs count in the score but read badly on their own."""
    if not index.text.shape[1]:
        return []
    product = index.text[one].multiply(index.text[other]).tocoo()
    words = index.vocabulary[product.col]
    single = np.char.find(words.astype(str), " ") < 0
    words, weights = words[single], product.data[single]
    order = np.lexsort((words, -weights))
    return [str(words[i]) for i in order[:count]]
