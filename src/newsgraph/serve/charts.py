"""A timeline chart of events as plain numbers for an inline SVG: bars per day or month.

Drawn by the server as SVG so the page needs no charting library and no script; the
template only places rectangles at the coordinates computed here.

>>> chart = timeline_chart(["2019-05-03", "2019-05-03", "2019-05-06"])
>>> [(bar.label, bar.count) for bar in chart.bars]
[('2019-05-03', 2), ('2019-05-04', 0), ('2019-05-05', 0), ('2019-05-06', 1)]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

# Up to this many days apart, bars are days; beyond, months.
DAILY_SPAN_DAYS = 62
MAX_BARS = 120
WIDTH, HEIGHT, LABEL_ROOM = 600, 160, 16
# Axis labels are 11px text; this is a generous width of one of their characters, so a label
# centred under its bar is moved in just enough to stay inside the chart.
LABEL_CHAR_WIDTH = 7.0


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float
    show_label: bool
    label_x: float = 0.0


@dataclass(frozen=True, slots=True)
class Chart:
    bars: tuple[Bar, ...]
    summary: str
    width: int = WIDTH
    height: int = HEIGHT
    baseline: int = HEIGHT - LABEL_ROOM


def timeline_chart(dates: Iterable[str | None]) -> Chart:
    """Bars counting events per day (or month, over long spans); undated events are left out."""
    days = [d for d in (_day(text) for text in dates) if d is not None]
    if not days:
        return Chart((), "No dated events.")
    first, last = min(days), max(days)
    if (last - first).days <= DAILY_SPAN_DAYS:
        counts = Counter(d.isoformat() for d in days)
        labels = [(first + timedelta(n)).isoformat() for n in range((last - first).days + 1)]
    else:
        counts = Counter(d.isoformat()[:7] for d in days)
        labels = _months(first, last)
    labels = labels[-MAX_BARS:]
    peak = max(counts[label] for label in labels) or 1
    slot = WIDTH / len(labels)
    room = HEIGHT - LABEL_ROOM - 4
    every = max(1, len(labels) // 6)
    bars = tuple(
        Bar(label, counts[label], round(i * slot + slot * 0.1, 1),
            round(HEIGHT - LABEL_ROOM - counts[label] / peak * room, 1),
            round(slot * 0.8, 1), round(counts[label] / peak * room, 1), i % every == 0,
            _label_x(i * slot + slot / 2, label))
        for i, label in enumerate(labels)
    )
    summary = f"{len(days)} dated events from {labels[0]} to {labels[-1]}, at most {peak} in one "
    summary += "day." if len(labels[0]) == 10 else "month."
    return Chart(bars, summary)


def _label_x(centre: float, label: str) -> float:
    """Where a label centred under its bar goes, moved inside the chart at either end."""
    half = len(label) * LABEL_CHAR_WIDTH / 2
    return round(min(max(centre, half), WIDTH - half), 1)


def _day(text: str | None) -> date | None:
    if not text or len(text) < 10:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _months(first: date, last: date) -> list[str]:
    months: list[str] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


__all__ = ["Bar", "Chart", "timeline_chart"]
