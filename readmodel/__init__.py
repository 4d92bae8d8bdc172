"""The read layer: what the warehouse says about a selection, for the dashboard and the exports.

It knows the selection and its filters, reads the marts (picking the smallest roll-up that
answers a question), and turns counts into the registry's figures, comparisons, verdicts,
funnel and map data. It knows nothing of Streamlit, PowerPoint or PDF: `dashboard/` and
`reports/` build on it, and it builds on `etl/` (the registry and the statistics).
"""
