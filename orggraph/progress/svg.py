"""Small charts drawn as inline SVG: no script, no font or image to fetch, prints as drawn.

Every text is escaped; each point and bar carries a ``<title>`` the browser shows on hover.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from markupsafe import escape

PALETTE = (
    "#c0392b",
    "#2471a3",
    "#229954",
    "#d68910",
    "#7d3c98",
    "#17a589",
    "#566573",
    "#ba4a00",
    "#2e4053",
    "#a93226",
)
OLD_COLOR = "#aab7b8"
NEW_COLOR = "#c0392b"
FONT = "Noto Sans CJK SC, Microsoft YaHei, sans-serif"


def axis(value: float, ticks: int = 4) -> tuple[float, float]:
    """A round axis for values up to ``value``: ``(top, step)``, about ``ticks`` steps of 1, 2
    or 5 times a power of ten.

    Examples
    --------
    >>> axis(30), axis(0), axis(101), axis(7)
    ((30.0, 10.0), (1.0, 1.0), (150.0, 50.0), (8.0, 2.0))
    """
    if value <= 0:
        return 1.0, 1.0
    raw = value / ticks
    power = 10 ** math.floor(math.log10(raw))
    step = next(float(m * power) for m in (1, 2, 5, 10) if raw <= m * power)
    return step * math.ceil(value / step), step


def short(label: str, limit: int = 12) -> str:
    """``label`` cut to ``limit`` characters (the full text stays in the element's title)."""
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _fmt(v: float) -> str:
    return f"{v:g}"


def line_chart(
    x_labels: Sequence[str],
    series: Mapping[str, Sequence[float | None]],
    *,
    title: str,
    percent: bool,
    width: int = 760,
    height: int = 300,
) -> str:
    """One line per series over the x labels (snapshots, in time order).

    A missing value (``None``) breaks the line there.  ``percent`` fixes the axis at 0–100%.
    """
    left, right, top, bottom = 56, 220, 30, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [v for vs in series.values() for v in vs if v is not None]
    y_max, step = (100.0, 25.0) if percent else axis(max(values, default=0.0))
    n = len(x_labels)

    def x(i: int) -> float:
        return left + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    def y(v: float) -> float:
        return top + plot_h * (1 - v / y_max)

    unit = "%" if percent else ""
    parts = [
        f'<svg class="og-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}"'
        f' width="{width}" height="{height}" role="img" aria-label="{escape(title)}"'
        f' data-series="{len(series)}" font-family="{FONT}" font-size="12">',
        f'<text x="{left}" y="18" font-weight="bold" font-size="14">{escape(title)}</text>',
    ]
    for k in range(round(y_max / step) + 1):
        tick = step * k
        parts.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y(tick):.1f}" y2="{y(tick):.1f}"'
            f' stroke="#e5e8e8"/><text x="{left - 6}" y="{y(tick) + 4:.1f}"'
            f' text-anchor="end" fill="#566573">{_fmt(tick)}{unit}</text>'
        )
    for i, label in enumerate(x_labels):
        parts.append(
            f'<text x="{x(i):.1f}" y="{top + plot_h + 18}" text-anchor="middle"'
            f' fill="#333">{escape(label)}</text>'
        )
    for s, (name, vs) in enumerate(series.items()):
        color = PALETTE[s % len(PALETTE)]
        run: list[str] = []
        segments: list[list[str]] = [run]
        for i, v in enumerate(vs):
            if v is None:
                run = []
                segments.append(run)
                continue
            run.append(f"{x(i):.1f},{y(v):.1f}")
        parts += [
            f'<polyline class="og-line" fill="none" stroke="{color}" stroke-width="2"'
            f' points="{" ".join(seg)}"/>'
            for seg in segments
            if len(seg) > 1
        ]
        parts += [
            f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3.5" fill="{color}">'
            f"<title>{escape(name)} · {escape(x_labels[i])}: {_fmt(v)}{unit}</title></circle>"
            for i, v in enumerate(vs)
            if v is not None
        ]
        ly = top + 14 + 18 * s
        lx = left + plot_w + 16
        parts.append(
            f'<line x1="{lx}" x2="{lx + 18}" y1="{ly - 4}" y2="{ly - 4}" stroke="{color}"'
            f' stroke-width="2"/><text x="{lx + 24}" y="{ly}">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def paired_bars(
    rows: Sequence[tuple[str, float | None, float | None]],
    *,
    title: str,
    old_label: str,
    new_label: str,
    width: int = 760,
) -> str:
    """Before/after bars (0–100%), one pair per row ``(label, old, new)``; ``None``: no bar."""
    left, right, top, bar, gap = 170, 70, 48, 12, 12
    plot_w = width - left - right
    height = top + len(rows) * (2 * bar + gap) + 10

    def w(v: float) -> float:
        return plot_w * max(0.0, min(v, 100.0)) / 100

    parts = [
        f'<svg class="og-bars" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}"'
        f' width="{width}" height="{height}" role="img" aria-label="{escape(title)}"'
        f' data-rows="{len(rows)}" font-family="{FONT}" font-size="12">',
        f'<text x="0" y="18" font-weight="bold" font-size="14">{escape(title)}</text>',
    ]
    for k, (color, label) in enumerate(((OLD_COLOR, old_label), (NEW_COLOR, new_label))):
        lx = left + 160 * k
        parts.append(
            f'<rect x="{lx}" y="26" width="12" height="10" fill="{color}"/>'
            f'<text x="{lx + 16}" y="35">{escape(label)}</text>'
        )
    for r, (label, old, new) in enumerate(rows):
        y0 = top + r * (2 * bar + gap)
        parts.append(
            f'<text x="{left - 8}" y="{y0 + bar + 4}" text-anchor="end">{escape(short(label))}'
            f"<title>{escape(label)}</title></text>"
        )
        for k, (color, v, which) in enumerate(
            ((OLD_COLOR, old, old_label), (NEW_COLOR, new, new_label))
        ):
            yb = y0 + k * bar
            if v is None:
                parts.append(f'<text x="{left + 4}" y="{yb + bar - 2}" fill="#999">—</text>')
                continue
            parts.append(
                f'<rect class="og-bar" x="{left}" y="{yb}" width="{w(v):.1f}" height="{bar - 1}"'
                f' fill="{color}"><title>{escape(label)} · {escape(which)}: {_fmt(v)}%</title>'
                f'</rect><text x="{left + w(v) + 4:.1f}" y="{yb + bar - 2}">{_fmt(v)}%</text>'
            )
    parts.append("</svg>")
    return "".join(parts)
