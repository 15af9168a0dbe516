"""Small SVG charts of estimates, drawn by reckon itself for its pages (no scripts, nothing fetched).

They are meant to be inlined in HTML, which gives them the SVG namespace.

Two charts: intervals on one axis (reckon's estimates beside figures others
have published), and the distribution of a total's draws (posterior or
bootstrap) with the estimate and its interval. The SVG uses presentation
attributes only (no ``style``), so a strict Content-Security-Policy allows it
inline. Text is escaped here; numbers are written by the caller's formatter
(Persian pages pass one that writes Persian digits).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

__all__ = ["IntervalRow", "histogram_chart", "interval_chart"]

Formatter = Callable[[float], str]
WIDTH = 640
ROW = 26
LEFT = 230
RIGHT = 24
TOP = 10
AXIS = 34
RTL_ATTR = ' direction="rtl"'
OURS = "#1b6ca8"
THEIRS = "#7f7f7f"


def _plain(value: float) -> str:
    return f"{value:,.0f}"


@dataclass(frozen=True)
class IntervalRow:
    """One row: a label, an interval (either end may be open) and an optional point."""

    label: str
    low: float | None
    high: float | None
    point: float | None = None
    ours: bool = False


def _ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    span = hi - lo
    raw = span / count
    step = 10 ** math.floor(math.log10(raw))
    for mult in (1, 2, 5, 10):
        if raw <= mult * step:
            step *= mult
            break
    first = math.ceil(lo / step) * step
    return [first + i * step for i in range(int((hi - first) / step) + 1)]


def _log_ticks(lo: float, hi: float) -> list[float]:
    out = []
    for k in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1):
        out += [m * 10.0**k for m in (1, 2, 5) if lo <= m * 10.0**k <= hi]
    return out


def _rtl(text: str) -> bool:
    return any("\u0590" <= ch <= "\u08ff" for ch in text)


def _short(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _axis(ticks: list[float], y: float, x_of: Callable[[float], float], fmt: Formatter) -> str:
    parts = [f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="#444"/>']
    for t in ticks:
        x = x_of(t)
        parts.append(
            f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x:.1f}" y2="{y + 4:.1f}" stroke="#444"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{y + 17:.1f}" font-size="11" text-anchor="middle">'
            f"{escape(fmt(t))}</text>"
        )
    return "".join(parts)


def interval_chart(
    rows: Sequence[IntervalRow],
    *,
    title: str,
    fmt: Formatter = _plain,
    log_note: str = "logarithmic scale",
) -> str:
    """Horizontal intervals on one axis; an open end is drawn as a dashed line to the edge.

    When the figures span more than a factor of 20 the axis is logarithmic (and
    says so with ``log_note``), so that 300 and 30,000 are both readable.
    """
    values = [v for r in rows for v in (r.low, r.high, r.point) if v is not None and v > 0]
    if not rows or not values:
        return ""
    log = max(values) / min(values) > 20
    if log:
        lo, hi = min(values) / 1.5, max(values) * 1.5
        span = math.log10(hi) - math.log10(lo)

        def x_of(v: float) -> float:
            return LEFT + (WIDTH - LEFT - RIGHT) * (math.log10(v) - math.log10(lo)) / span

        ticks = _log_ticks(lo, hi)
    else:
        lo, hi = 0.0, max(values) * 1.08

        def x_of(v: float) -> float:
            return LEFT + (WIDTH - LEFT - RIGHT) * (v - lo) / (hi - lo)

        ticks = _ticks(lo, hi)
    height = TOP + ROW * len(rows) + AXIS + (14 if log else 0)
    parts = [
        f'<svg viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="{escape(title)}" '
        f'class="chart" direction="ltr">',
        f"<title>{escape(title)}</title>",
    ]
    for i, r in enumerate(rows):
        y = TOP + ROW * i + ROW / 2
        colour = OURS if r.ours else THEIRS
        # The label's edge nearest the chart sits at LEFT - 8 in either direction.
        # (The chart itself is left to right, whatever the page's direction.)
        anchor, direction = ("start", RTL_ATTR) if _rtl(r.label) else ("end", "")
        weight = ' font-weight="bold"' if r.ours else ""
        parts.append(
            f'<text x="{LEFT - 8}" y="{y + 4:.1f}" font-size="12" text-anchor="{anchor}"'
            f"{direction}{weight}>{escape(_short(r.label))}</text>"
        )
        start = x_of(r.low) if r.low is not None and r.low > 0 else LEFT
        end = x_of(r.high) if r.high is not None else WIDTH - RIGHT
        if r.low is not None or r.high is not None:
            dash = "" if r.low is not None and r.high is not None else ' stroke-dasharray="4 3"'
            parts.append(
                f'<line x1="{start:.1f}" y1="{y:.1f}" x2="{end:.1f}" y2="{y:.1f}" '
                f'stroke="{colour}" stroke-width="{4 if r.ours else 3}"{dash}/>'
            )
            for v in (r.low, r.high):
                if v is not None and v > 0:
                    x = x_of(v)
                    parts.append(
                        f'<line x1="{x:.1f}" y1="{y - 6:.1f}" x2="{x:.1f}" y2="{y + 6:.1f}" '
                        f'stroke="{colour}" stroke-width="2"/>'
                    )
        if r.point is not None and r.point > 0:
            parts.append(
                f'<circle cx="{x_of(r.point):.1f}" cy="{y:.1f}" r="5" fill="{colour}" '
                'stroke="#fff"/>'
            )
    axis_y = TOP + ROW * len(rows) + 4
    parts.append(_axis(ticks, axis_y, x_of, fmt))
    if log:
        note_anchor = 'text-anchor="start"' + RTL_ATTR if _rtl(log_note) else 'text-anchor="end"'
        parts.append(
            f'<text x="{WIDTH - RIGHT}" y="{axis_y + 32}" font-size="11" {note_anchor}>'
            f"{escape(log_note)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def histogram_chart(
    edges: Sequence[float],
    counts: Sequence[int],
    *,
    estimate: float,
    lower: float,
    upper: float | None,
    title: str,
    fmt: Formatter = _plain,
) -> str:
    """Bars of a histogram of draws, with the estimate (a line) and its interval (a band)."""
    if len(edges) != len(counts) + 1 or not counts or max(counts) <= 0:
        return ""
    lo, hi = float(edges[0]), float(edges[-1])
    if hi <= lo:
        return ""
    left, height, plot_h = 20, 190, 140
    top = 12

    def x_of(v: float) -> float:
        return left + (WIDTH - left - RIGHT) * (min(max(v, lo), hi) - lo) / (hi - lo)

    peak = max(counts)
    parts = [
        f'<svg viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="{escape(title)}" '
        f'class="chart" direction="ltr">',
        f"<title>{escape(title)}</title>",
    ]
    band_end = x_of(upper) if upper is not None else WIDTH - RIGHT
    parts.append(
        f'<rect x="{x_of(lower):.1f}" y="{top}" width="{max(band_end - x_of(lower), 1):.1f}" '
        f'height="{plot_h}" fill="#deebf7"/>'
    )
    for i, c in enumerate(counts):
        x0, x1 = x_of(edges[i]), x_of(edges[i + 1])
        h = plot_h * c / peak
        parts.append(
            f'<rect x="{x0:.1f}" y="{top + plot_h - h:.1f}" width="{max(x1 - x0 - 0.5, 0.5):.1f}" '
            f'height="{h:.1f}" fill="#6baed6"/>'
        )
    xe = x_of(estimate)
    parts.append(
        f'<line x1="{xe:.1f}" y1="{top}" x2="{xe:.1f}" y2="{top + plot_h}" stroke="{OURS}" '
        'stroke-width="2"/>'
    )
    axis_y = top + plot_h + 2
    parts.append(
        f'<line x1="{left}" y1="{axis_y}" x2="{WIDTH - RIGHT}" y2="{axis_y}" stroke="#444"/>'
    )
    for t in _ticks(lo, hi):
        x = x_of(t)
        parts.append(
            f'<text x="{x:.1f}" y="{axis_y + 16}" font-size="11" text-anchor="middle">'
            f"{escape(fmt(t))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
