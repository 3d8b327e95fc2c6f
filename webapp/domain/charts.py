"""Geometry for small server-drawn SVG charts: pure numbers in, coordinates and path strings out."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Frame:
    """Plot area inside an SVG of width x height, with margins for the axis labels."""

    width: int = 640
    height: int = 240
    left: int = 48
    right: int = 12
    top: int = 12
    bottom: int = 28

    @property
    def inner_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def inner_height(self) -> float:
        return self.height - self.top - self.bottom


def nice_max(value: float) -> float:
    """A round axis maximum at or above value (1, 2, 2.5 or 5 times a power of ten)."""
    if value <= 0 or not math.isfinite(value):
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def line_chart(values: list[float], levels: dict[str, float], frame: Frame = Frame(), ticks: int = 4) -> dict:
    """A step path of daily values plus horizontal level lines (e.g. safety stock, reorder point)."""
    finite = [v for v in list(values) + list(levels.values()) if v is not None]
    low = min(0.0, min(finite, default=0.0))
    high = nice_max(max(finite, default=1.0) - low) + low
    n = max(len(values), 1)
    x = lambda i: frame.left + frame.inner_width * i / n  # noqa: E731
    y = lambda v: frame.top + frame.inner_height * (high - v) / (high - low)  # noqa: E731
    path = []
    for i, v in enumerate(values):
        path.append(f"M{x(i):.1f},{y(v):.1f}" if i == 0 else f"H{x(i):.1f}V{y(v):.1f}")
    if values:
        path.append(f"H{x(n):.1f}")
    return {
        "frame": frame,
        "path": "".join(path),
        "levels": {name: round(y(v), 1) for name, v in levels.items() if v is not None},
        "ticks": [
            (round(y(low + (high - low) * k / ticks), 1), low + (high - low) * k / ticks) for k in range(ticks + 1)
        ],
        "x_of": [round(x(i), 1) for i in range(n + 1)],
    }


def bar_chart(values: list[float], frame: Frame = Frame(height=200, left=150), gap: float = 0.25) -> dict:
    """Horizontal bars, one per value, scaled to a round maximum; returns each bar's y, height and width."""
    top = nice_max(max([v for v in values if v is not None and math.isfinite(v)], default=1.0))
    n = max(len(values), 1)
    band = frame.inner_height / n
    bars = []
    for i, v in enumerate(values):
        v = v if v is not None and math.isfinite(v) else top
        bars.append(
            {
                "y": round(frame.top + band * i + band * gap / 2, 1),
                "h": round(band * (1 - gap), 1),
                "w": round(frame.inner_width * max(v, 0) / top, 1),
                "mid": round(frame.top + band * (i + 0.5), 1),
            }
        )
    return {"frame": frame, "bars": bars, "max": top}
