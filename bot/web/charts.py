"""Charts as inline SVG, drawn on the server (no JavaScript, nothing fetched)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

FONT = 13
ROW = 30
BAR = 18


@dataclass(frozen=True)
class Bar:
    """One labelled bar: its value, the text shown beside it, and its colour."""

    label: str
    value: float
    text: str
    color: str = "#2f6fde"
    title: str = ""


def _text_width(text: str, size: int = FONT) -> float:
    """A rough width of text: CJK characters are about one em, others about half."""
    return sum(size if ord(c) > 0x2E80 else size * 0.58 for c in text)


def nice_max(value: float) -> tuple[float, float]:
    """A round axis maximum at or above `value` and its tick step (1, 2 or 5 × 10^k, whole numbers)."""
    if value <= 0:
        return 1.0, 1.0
    raw = value / 4
    exp = 10 ** math.floor(math.log10(raw))
    step = next(m * exp for m in (1, 2, 5, 10) if m * exp >= raw)
    step = max(step, 1.0)
    return math.ceil(value / step) * step, step


def rate_color(rate: float | None) -> str:
    """Green when most requests are resolved, amber in between, red when few are."""
    if rate is None:
        return "#9aa5b1"
    if rate >= 0.8:
        return "#1f9d55"
    if rate >= 0.5:
        return "#e0a100"
    return "#d64545"


def hbar(bars: Sequence[Bar], *, max_value: float, ticks: Sequence[tuple[float, str]] = (), label: str) -> Markup:
    """Horizontal bars, one per row, with the value text at the end of each bar."""
    width = 560
    left = min(170, max([_text_width(b.label) for b in bars] + [40]) + 16)
    right = max([_text_width(b.text, 12) for b in bars] + [30]) + 14
    plot = width - left - right
    top = 22 if ticks else 6
    height = top + ROW * len(bars) + 6
    out = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{escape(label)}"'
        ' xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(label)}</title>",
    ]
    for value, text in ticks:
        x = left + plot * (value / max_value if max_value else 0)
        out.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 4}" class="grid"/>')
        out.append(f'<text x="{x:.1f}" y="{top - 8}" class="tick" text-anchor="middle">{escape(text)}</text>')
    for i, b in enumerate(bars):
        y = top + i * ROW
        w = max(plot * (b.value / max_value) if max_value else 0, 2 if b.value > 0 else 0)
        tip = escape(b.title or f"{b.label}：{b.text}")
        out.append(f'<g class="bar"><title>{tip}</title>')
        out.append(
            f'<text x="{left - 10}" y="{y + BAR / 2 + 5:.1f}" text-anchor="end" class="label">{escape(b.label)}</text>'
        )
        out.append(f'<rect x="{left}" y="{y}" width="{plot:.1f}" height="{BAR}" rx="4" class="track"/>')
        out.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{BAR}" rx="4" fill="{b.color}"/>')
        out.append(f'<text x="{left + w + 8:.1f}" y="{y + BAR / 2 + 5:.1f}" class="value">{escape(b.text)}</text></g>')
    out.append("</svg>")
    return Markup("".join(out))


@dataclass(frozen=True)
class Series:
    """A named series of values for a column chart."""

    name: str
    values: Sequence[int]
    color: str


def columns(labels: Sequence[str], series: Sequence[Series], *, label: str, width: int = 1100) -> Markup:
    """Grouped columns per label (e.g. weeks), with a y axis, grid and legend."""
    height = 260
    left, right, top, bottom = 40, 12, 34, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max([v for s in series for v in s.values] + [0])
    top_value, step = nice_max(peak)
    out = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{escape(label)}"'
        ' xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(label)}</title>",
    ]
    tick = 0.0
    while tick <= top_value + 1e-9:
        y = top + plot_h - plot_h * tick / top_value
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" class="grid"/>')
        out.append(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end" class="tick">{tick:g}</text>')
        tick += step
    lx = width - right
    for s in reversed(series):
        lx -= _text_width(s.name, 12) + 30
        out.append(f'<rect x="{lx:.1f}" y="8" width="12" height="12" rx="2" fill="{s.color}"/>')
        out.append(f'<text x="{lx + 17:.1f}" y="18.5" class="legend">{escape(s.name)}</text>')
    slot = plot_w / max(len(labels), 1)
    bar_w = min(22.0, slot * 0.8 / max(len(series), 1))
    for i, name in enumerate(labels):
        x0 = left + slot * i + (slot - bar_w * len(series)) / 2
        parts = "，".join(f"{s.name} {s.values[i]} 件" for s in series)
        out.append(f'<g class="col"><title>{escape(name)} 这一周：{escape(parts)}</title>')
        for j, s in enumerate(series):
            v = s.values[i]
            h = plot_h * v / top_value
            x = x0 + j * bar_w
            y = top + plot_h - h
            out.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" rx="2" fill="{s.color}"/>'
            )
            if v:
                cx = x + (bar_w - 2) / 2
                out.append(f'<text x="{cx:.1f}" y="{y - 4:.1f}" text-anchor="middle" class="num">{v}</text>')
        out.append(
            f'<text x="{left + slot * i + slot / 2:.1f}" y="{height - 10}" text-anchor="middle" class="tick">'
            f"{escape(name)}</text></g>"
        )
    out.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" class="axis"/>')
    out.append("</svg>")
    return Markup("".join(out))
