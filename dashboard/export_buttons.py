"""Export buttons for the fact sheet, the agenda brief, the regional comparison and who
solved it, and image downloads of figures: the dashboard's one entry into reports/.

One call per page. Building a deck takes seconds (figures are drawn by Chromium), so a
click on a format first builds the file under st.status, then offers it for download;
the file is kept for the same selection and load until something changes.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from dashboard import strings
from dashboard.access import log
from dashboard.context import page_context
from etl import settings
from reports.output import FORMATS, MIME, file_name

_STORE = "_export_{kind}"


def build(kind: str, code: str | None, file_format: str, intern: bool = False) -> bytes:
    """The export's bytes for the page's selection: public (small-numbers rule, no text),
    or with the (redacted) descriptions and marked INTERN."""
    from reports.agenda_brief import agenda_brief
    from reports.comparison import comparison
    from reports.factsheet import factsheet
    from reports.output import render
    from reports.solutions import solutions_report

    ctx = page_context()
    if kind == "gemeente":
        report = factsheet(ctx, code, ctx.filters, intern=intern)
    elif kind == "vergelijking":
        report = comparison(ctx, code, ctx.filters, intern=intern)
    elif kind == "oplossingen":  # code: '<theme>-<category>' (codes hold no '-')
        theme, category = code.split("-", 1)
        report = solutions_report(ctx, theme, category, ctx.filters, intern=intern)
    else:
        report = agenda_brief(ctx, ctx.filters, intern=intern)
    return render(report, file_format)


def render(kind: str, code: str | None = None) -> None:
    """Export buttons for `kind` ('gemeente' with a CBS code, 'vergelijking' with a region
    code, 'agenda', 'oplossingen' with '<theme>-<category>'), in an expander under the
    page's content."""
    from reports.images import ImageError
    from reports.model import NothingToReport

    ctx = page_context()
    store = _STORE.format(kind=kind)
    title = strings.EXPORT_TITLES[kind] + (
        f" {ctx.region_names.get(code, '')}" if kind == "vergelijking" else ""
    )
    with st.expander(f"{strings.DOWNLOAD_HEADER}: {title.strip()}", icon=":material/download:"):
        st.caption(strings.EXPORT_HELP.format(suppress_below=settings.suppress_below()))
        # Descriptions are for members (and at one's own machine); a public view has none.
        intern = (
            ctx.rows
            and ctx.visitor.full
            and st.toggle(
                strings.EXPORT_INTERN, help=strings.EXPORT_INTERN_HELP, key=f"export_{kind}_intern"
            )
        )
        wanted = (code, ctx.filters, ctx.load_id, intern)
        columns = st.columns(len(FORMATS[kind]) + 1)
        for column, file_format in zip(columns, FORMATS[kind], strict=False):
            if column.button(
                strings.FORMAT_LABELS[file_format],
                key=f"export_{kind}_{file_format}",
                icon=":material/description:",
            ):
                with st.status(strings.DOWNLOAD_BUSY, expanded=False) as status:
                    try:
                        content = build(kind, code, file_format, intern)
                    except (NothingToReport, ImageError) as exc:
                        status.update(
                            label=strings.DOWNLOAD_FAILED.format(error=exc), state="error"
                        )
                        continue
                    name = file_name(kind, file_format, day=ctx.as_of, code=code, intern=intern)
                    if intern:
                        log(ctx.visitor, "interne export", export=name)
                    st.session_state[store] = (wanted, file_format, name, content)
                    status.update(label=strings.DOWNLOAD_READY.format(name=name), state="complete")
        ready = st.session_state.get(store)
        if ready and ready[0] == wanted:
            _, file_format, name, content = ready
            columns[-1].download_button(
                name,
                data=content,
                file_name=name,
                mime=MIME[file_format],
                icon=":material/download:",
                key=f"download_{kind}",
                type="primary",
            )


def image_downloads(figure: go.Figure, stem: str, *, width: int = 1100, height: int = 760) -> None:
    """PNG and SVG of a figure, drawn by kaleido only when a button is clicked."""
    from reports import images

    left, right, _ = st.columns([1, 1, 4])
    left.download_button(
        strings.DOWNLOAD_PNG,
        data=lambda: images.png(figure, width, height),
        file_name=f"{stem}.png",
        mime="image/png",
        key=f"{stem}_png",
    )
    right.download_button(
        strings.DOWNLOAD_SVG,
        data=lambda: images.svg(figure, width, height),
        file_name=f"{stem}.svg",
        mime="image/svg+xml",
        key=f"{stem}_svg",
    )
