"""A Report as Markdown: for pasting into an e-mail, a wiki or a meeting's notes.

Charts become tables of their numbers; figures that exist only as images are left out
with a line that says so. The source and the synthetic / intern marks open and close it.
"""

from __future__ import annotations

import re

import pandas as pd

from reports import model, strings


def render(report: model.Report) -> bytes:
    prov = report.provenance
    marks = _marks(prov)
    lines = [*marks, f"# {report.title}", "", f"_{_escape(report.subtitle)}_", ""]
    lines += [f"{strings.PROV_SOURCE}: {prov.source} · {_escape(prov.selection)}", ""]
    for section in report.sections:
        lines += [f"## {_escape(section.heading)}", ""]
        if section.text:
            lines += [_escape(section.text), ""]
        for block in section.blocks:
            lines += _block(block, section.heading)
    lines += [f"## {strings.PROV_HEADER}", ""]
    lines += [f"- **{label}:** {_escape(value)}" for label, value in prov.rows()]
    lines += ["", *marks]
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


def _marks(prov: model.Provenance) -> list[str]:
    notes = [
        *([strings.SYNTHETIC_NOTE] if prov.synthetic else []),
        *([strings.INTERN_NOTE] if prov.intern else []),
    ]
    return [*(f"> **{_escape(note)}**" for note in notes), *([""] if notes else [])]


def _block(block: model.Block, heading: str) -> list[str]:
    title = getattr(block, "title", "")
    head = [f"### {_escape(title)}", ""] if title and title != heading else []
    if isinstance(block, model.Paragraph):
        return [_escape(block.text), ""]
    if isinstance(block, model.KeyFigures):
        return [
            *(
                f"- **{_escape(item.value)}** {_escape(item.label)}"
                + (f" ({_escape(item.note)})" if item.note else "")
                for item in block.items
            ),
            "",
        ]
    if isinstance(block, model.Table):
        caption = [f"_{_escape(block.caption)}_", ""] if block.caption else []
        return [*head, *table(block.frame), "", *caption]
    if isinstance(block, model.BarChart):
        frame = pd.DataFrame(
            {s.name: [block.text(v) for v in s.values] for s in block.series},
            index=pd.Index(block.categories, name=""),
        ).reset_index()
        caption = [f"_{_escape(block.caption)}_", ""] if block.caption else []
        return [*head, *table(frame), "", *caption]
    if isinstance(block, model.Figure):
        return []  # an image only: in the PDF and PowerPoint versions
    if isinstance(block, model.Definitions):
        return [*(f"- **{_escape(term)}**: {_escape(text)}" for term, text in block.items), ""]
    raise TypeError(type(block))


def table(frame: pd.DataFrame) -> list[str]:
    """A pipe table; numbers right-aligned."""

    def cell(value) -> str:
        if value is None or value is pd.NA or (isinstance(value, float) and value != value):
            return strings.NO_VALUE
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return _escape(str(value)).replace("|", "\\|").replace("\n", " ")

    numeric = [pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns]
    lines = [
        "| " + " | ".join(cell(c) for c in frame.columns) + " |",
        "| " + " | ".join("---:" if n else "---" for n in numeric) + " |",
    ]
    lines += [
        "| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)
    ]
    return lines


# A web address in a text (the digest's links to the dashboard) stays clickable: written
# as an autolink, <https://...>, which also reads well in a plain-text e-mail.
_URL = re.compile(r"https?://[^\s<>\]\[`]+")


def _escape(text: str) -> str:
    """Text as Markdown shows it literally: no emphasis, links or HTML from the data; web
    addresses as autolinks."""
    parts = []
    last = 0
    for match in _URL.finditer(text):
        parts += [_literal(text[last : match.start()]), f"<{match.group()}>"]
        last = match.end()
    return "".join([*parts, _literal(text[last:])])


def _literal(text: str) -> str:
    for char in ("\\", "*", "_", "`", "[", "]", "<", ">", "#"):
        text = text.replace(char, "\\" + char)
    return text
