"""Plotly figures as high-resolution PNG, drawn by kaleido in the system's Chromium.

Kaleido 1.x no longer ships a browser: it drives a Chrome or Chromium it finds (Debian's
/usr/bin/chromium here, or BROWSER_PATH). All figures of one export are drawn in one
browser session, because starting Chromium costs more than drawing a figure.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence

import plotly.graph_objects as go

from reports import strings

# Layout pixels times SCALE: a 1100-pixel-wide figure becomes 2750 pixels, sharp on a
# projector and in print (about 300 dpi over an A4 text width).
SCALE = 2.5


class ImageError(RuntimeError):
    """A figure could not be drawn; the message is Dutch and says what to do."""


def png_images(
    figures: Sequence[tuple[go.Figure, int, int]], *, scale: float = SCALE, fmt: str = "png"
) -> list[bytes]:
    """Image bytes (PNG, or SVG with fmt="svg") for each (figure, width, height), in order,
    from one Chromium session."""
    if not figures:
        return []
    result: dict[str, object] = {}

    # In a thread of its own: asyncio.run must not meet a running loop (Streamlit, Jupyter).
    def run() -> None:
        try:
            result["images"] = asyncio.run(_draw(figures, scale, fmt))
        except BaseException as exc:  # handed to the caller's thread below
            result["error"] = exc

    thread = threading.Thread(target=run, name="kaleido", daemon=True)
    thread.start()
    thread.join()
    if "error" in result:
        raise _explain(result["error"]) from result["error"]  # type: ignore[arg-type]
    return result["images"]  # type: ignore[return-value]


def png(figure: go.Figure, width: int = 1100, height: int = 560, *, scale: float = SCALE) -> bytes:
    return png_images([(figure, width, height)], scale=scale)[0]


def svg(figure: go.Figure, width: int = 1100, height: int = 560) -> bytes:
    """A vector image, for slides or print that need to scale without loss."""
    return png_images([(figure, width, height)], scale=1, fmt="svg")[0]


async def _draw(
    figures: Sequence[tuple[go.Figure, int, int]], scale: float, fmt: str
) -> list[bytes]:
    import kaleido

    images = []
    async with kaleido.Kaleido(n=1) as browser:
        for figure, width, height in figures:
            opts = {"format": fmt, "width": width, "height": height, "scale": scale}
            images.append(await browser.calc_fig(figure, opts=opts))
    return images


def _explain(error: BaseException) -> ImageError:
    """A Dutch message: no browser found, or what went wrong while drawing."""
    try:
        from choreographer.errors import BrowserFailedError, ChromeNotFoundError
    except ImportError:  # pragma: no cover - kaleido always brings choreographer
        BrowserFailedError = ChromeNotFoundError = ()
    if isinstance(error, ChromeNotFoundError | BrowserFailedError | FileNotFoundError):
        return ImageError(strings.NO_BROWSER)
    return ImageError(strings.IMAGE_FAILED.format(error=f"{type(error).__name__}: {error}"))
