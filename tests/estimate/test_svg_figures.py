"""The SVG charts pages inline, and the file of figures others have published."""

from __future__ import annotations

from reckon.estimate.svg import IntervalRow, histogram_chart, interval_chart


def test_interval_chart_draws_each_row_and_escapes_labels() -> None:
    svg = interval_chart(
        [
            IntervalRow("ours <b>", 400, 900, point=600, ours=True),
            IntervalRow("Amnesty International", 5000, None),  # "around 5,000", no upper bound
            IntervalRow("less than", None, 999),
        ],
        title="t & u",
        fmt=lambda v: f"<{v:.0f}>",
        log_note="log",
    )
    assert svg.startswith("<svg")
    assert "ours &lt;b&gt;" in svg
    assert "<b>" not in svg
    assert "t &amp; u" in svg
    assert "&lt;2000&gt;" in svg  # the caller's number format (Persian digits on Persian pages)
    assert ">log</text>" not in svg  # 400 to 5,000: a linear axis
    assert svg.count("stroke-dasharray") == 2  # open-ended intervals are dashed
    assert svg.count("<circle") == 1
    assert "style=" not in svg  # a strict CSP forbids inline styles
    wide = interval_chart(
        [IntervalRow("رفسنجانی", None, 999), IntervalRow("PMOI", 30_000, 30_000)], title="t"
    )
    assert 'direction="rtl"' in wide  # a Persian label reads right to left
    assert ">logarithmic scale</text>" in wide  # 999 to 30,000 spans more than 20 times
    assert interval_chart([], title="t") == ""


def test_histogram_chart_marks_estimate_and_interval() -> None:
    svg = histogram_chart(
        [100, 200, 300, 400], [1, 5, 2], estimate=220, lower=150, upper=350, title="draws"
    )
    assert svg.count("<rect") == 1 + 3  # the interval band and three bars
    assert "draws" in svg
    assert histogram_chart([1, 2], [0], estimate=1, lower=1, upper=2, title="t") == ""
