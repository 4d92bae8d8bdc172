"""Reference lines drawn as plain shapes read exactly as plotly's add_vline / add_hline."""

from __future__ import annotations

import plotly.graph_objects as go

from charts.theme import horizontal_line, vertical_line, with_lines


def shapes_and_labels(figure: go.Figure) -> tuple[list, list]:
    return (
        [s.to_plotly_json() for s in figure.layout.shapes],
        [a.to_plotly_json() for a in figure.layout.annotations],
    )


def test_vertical_lines_as_plotly_draws_them() -> None:
    ours, theirs = go.Figure(go.Scatter(x=[1], y=[1])), go.Figure(go.Scatter(x=[1], y=[1]))
    with_lines(
        ours,
        [
            vertical_line(30, {"color": "#9aa5b1", "dash": "dot"}, "30 dagen"),
            vertical_line(42.5, {"color": "#333333", "dash": "dash", "width": 1.5}),
        ],
    )
    theirs.add_vline(
        x=30,
        line_dash="dot",
        line_color="#9aa5b1",
        annotation_text="30 dagen",
        annotation_position="bottom right",
    )
    theirs.add_vline(x=42.5, line_dash="dash", line_color="#333333", line_width=1.5)
    assert shapes_and_labels(ours) == shapes_and_labels(theirs)


def test_horizontal_line_as_plotly_draws_it_and_earlier_shapes_stay() -> None:
    ours, theirs = go.Figure(), go.Figure()
    for figure in (ours, theirs):
        figure.add_shape(type="rect", x0=0, x1=1, y0=0, y1=1)
    with_lines(ours, [horizontal_line(38.0, {"color": "#333333", "width": 1.5}, "Utrecht: 38%")])
    theirs.add_hline(
        y=38.0,
        line_color="#333333",
        line_width=1.5,
        annotation_text="Utrecht: 38%",
        annotation_position="top left",
    )
    assert shapes_and_labels(ours) == shapes_and_labels(theirs)
    assert len(ours.layout.shapes) == 2
