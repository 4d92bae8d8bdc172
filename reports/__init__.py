"""Exports for meetings: fact sheets, the social agenda brief and regional comparisons.

A report is built once as a pure model (reports.model) from the same queries and measures
the dashboard uses, then written by a thin renderer: PowerPoint (render_pptx), PDF
(render_pdf) or Markdown (render_md). The `omzien export` commands are in cli/export.py.
"""
