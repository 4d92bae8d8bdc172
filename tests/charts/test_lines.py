"""Reference lines drawn as plain shapes read exactly as plotly's add_vline / add_hline."""

from __future__ import annotations

import plotly.graph_objects as go

from charts.theme import horizontal_line, line_layout, vertical_line


def shapes_and_labels(figure: go.Figure) -> tuple[list, list]:
    return (
        [s.to_plotly_json() for s in figure.layout.shapes],
        [a.to_plotly_json() for a in figure.layout.annotations],
    )


def test_vertical_lines_as_plotly_draws_them() -> None:
    lines = [
        vertical_line(30, {"color": "#9aa5b1", "dash": "dot"}, "30 dagen"),
        vertical_line(42.5, {"color": "#333333", "dash": "dash", "width": 1.5}),
    ]
    ours = go.Figure(go.Scatter(x=[1], y=[1]), layout=line_layout(lines))
    theirs = go.Figure(go.Scatter(x=[1], y=[1]))
    theirs.add_vline(
        x=30,
        line_dash="dot",
        line_color="#9aa5b1",
        annotation_text="30 dagen",
        annotation_position="bottom right",
    )
    theirs.add_vline(x=42.5, line_dash="dash", line_color="#333333", line_width=1.5)
    assert shapes_and_labels(ours) == shapes_and_labels(theirs)


def test_horizontal_line_as_plotly_draws_it() -> None:
    line = horizontal_line(38.0, {"color": "#333333", "width": 1.5}, "Utrecht: 38%")
    ours, theirs = go.Figure(layout=line_layout([line])), go.Figure()
    theirs.add_hline(
        y=38.0,
        line_color="#333333",
        line_width=1.5,
        annotation_text="Utrecht: 38%",
        annotation_position="top left",
    )
    assert shapes_and_labels(ours) == shapes_and_labels(theirs)
    assert len(ours.layout.shapes) == 1
    assert len(ours.layout.annotations) == 1
