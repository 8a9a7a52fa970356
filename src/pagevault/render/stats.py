"""Views of a page's statistics over time: CSV rows, and a table with sparklines."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from pagevault.render.terminal import page_text
from pagevault.statseries import CSV_COLUMNS, StatisticRow
from pagevault.text import strip_controls

_BARS = "▁▂▃▄▅▆▇█"


def rows_csv(rows: Sequence[StatisticRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        values = row.to_json()
        writer.writerow(_csv_cell(values[column]) for column in CSV_COLUMNS)
    return out.getvalue()


def _csv_cell(value: object) -> str:
    text = "" if value is None else str(value)
    # A cell starting with =, +, - or @ is a formula to a spreadsheet: page text must
    # not become one (the value column is a number and is left alone).
    if text[:1] in ("=", "+", "-", "@") and not _is_number(text):
        text = "'" + text
    return strip_controls(text)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def series_table(rows: Sequence[StatisticRow]) -> Table:
    """One line per statistic: its values over time, a sparkline, and whether it changed."""
    table = Table(box=None, header_style="bold")
    for column in ("statistic", "unit", "values over time", "trend", ""):
        table.add_column(column)
    for key, series in _series(rows).items():
        texts = [row.text for row in series]
        values = [row.value for row in series]
        changed = len(set(values)) > 1
        table.add_row(
            page_text(key),
            page_text(series[-1].unit or ""),
            page_text(" → ".join(_collapse(texts))),
            Text(sparkline(values)),
            Text("changed", style="yellow") if changed else Text(""),
        )
    return table


def sparkline(values: Sequence[float]) -> str:
    low, high = min(values), max(values)
    if high == low:
        return _BARS[len(_BARS) // 2] * len(values)
    scale = (len(_BARS) - 1) / (high - low)
    return "".join(_BARS[round((value - low) * scale)] for value in values)


def _series(rows: Sequence[StatisticRow]) -> dict[str, list[StatisticRow]]:
    grouped: dict[str, list[StatisticRow]] = {}
    for row in rows:
        grouped.setdefault(row.key, []).append(row)
    return grouped


def _collapse(texts: list[str]) -> list[str]:
    """'83 % → 83 % → 85 %' reads as '83 % → 85 %': repeats in a row shown once."""
    return [text for index, text in enumerate(texts) if index == 0 or texts[index - 1] != text]
