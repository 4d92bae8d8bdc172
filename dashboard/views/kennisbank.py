"""Kennisbank: the directory of initiatives, or one initiative's card (?initiatief=ID)."""

from __future__ import annotations

from dashboard.context import page_context
from dashboard.kennisbank import card, directory

ctx = page_context()
wanted = card.requested()
if wanted is None:
    directory.render(ctx)
else:
    card.render(ctx, wanted)
