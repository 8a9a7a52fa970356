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


_STATUS_STYLES = {"new": "green", "removed": "red"}


def series_table(rows: Sequence[StatisticRow]) -> Table:
    """One line per statistic: its values over time, a sparkline, and marks: whether its
    value changed, whether it is new since the first snapshot or gone from the newest."""
    table = Table(box=None, header_style="bold")
    for column in ("statistic", "unit", "values over time", "trend", ""):
        table.add_column(column)
    for key, series in _series(rows).items():
        texts = [row.text for row in series]
        values = [row.value for row in series]
        table.add_row(
            _key_cell(key, series[-1]),
            page_text(series[-1].unit or ""),
            page_text(" → ".join(_collapse(texts))),
            Text(sparkline(values)),
            _marks(series[-1].status, changed=len(set(values)) > 1),
        )
    return table


def _key_cell(key: str, last: StatisticRow) -> Text:
    """The series key; below it the key the figure has now, once its sentence was reworded
    (the key ``diff`` shows as ``old → new``)."""
    cell = page_text(key)
    if last.statistic_key and last.statistic_key != key:
        cell.append("\n  now ")
        cell.append_text(page_text(last.statistic_key, "dim"))
    return cell


def _marks(status: str, changed: bool) -> Text:
    marks = Text()
    if status in _STATUS_STYLES:
        marks.append(status, style=_STATUS_STYLES[status])
    if changed:
        marks.append(", " if marks else "")
        marks.append("changed", style="yellow")
    return marks


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
