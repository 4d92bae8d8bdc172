"""Which formats each export has, how a report becomes bytes, and where files go by default."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from reports import model

# Output folder for exports, relative to where the command runs (git-ignored in the
# project); `--out` writes anywhere else.
EXPORTS = Path("exports")
FORMATS: dict[str, tuple[str, ...]] = {
    "gemeente": ("pptx", "pdf"),
    "agenda": ("pptx", "pdf", "md"),
    "vergelijking": ("pptx", "pdf"),
    "oplossingen": ("xlsx", "pdf"),
    "kennisbank": ("xlsx",),
    "signalen": ("pdf", "md", "xlsx"),
}
MIME = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
    "md": "text/markdown",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def renderer(file_format: str) -> Callable[[model.Report], bytes]:
    """The render function of a format (imported late: each pulls in its own library)."""
    if file_format == "pptx":
        from reports.render_pptx import render
    elif file_format == "pdf":
        from reports.render_pdf import render
    elif file_format == "md":
        from reports.render_md import render
    elif file_format == "xlsx":
        from reports.render_xlsx import render
    else:
        raise ValueError(file_format)
    return render


def render(report: model.Report, file_format: str) -> bytes:
    return renderer(file_format)(report)


def file_name(
    kind: str, file_format: str, *, day: date, code: str | None = None, intern: bool = False
) -> str:
    """'2026-11-26_gemeente_GM0312.pptx': the as-of day, the kind, the municipality or region.

    The as-of day rather than today: the same data give the same name. Internal versions
    end in '_INTERN', so they are not mistaken for the public one.
    """
    parts = [day.isoformat(), kind, *([code] if code else []), *(["INTERN"] if intern else [])]
    return "_".join(parts) + "." + file_format


def default_path(
    kind: str, file_format: str, *, day: date, code: str | None = None, intern: bool = False
) -> Path:
    """exports/<file_name> under the current directory."""
    return EXPORTS / file_name(kind, file_format, day=day, code=code, intern=intern)
