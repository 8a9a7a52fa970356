"""Figures of an inline text, for the statistics tests: read by the number grammar alone,
or as the statistics of a one-section page."""

from __future__ import annotations

from collections.abc import Sequence

from pagevault.extract.statistics import extract_statistics
from pagevault.model import Section, Statistic
from pagevault.numbers import find_figures


def figures(text: str, lang: str) -> list[tuple[str, float, str | None, str]]:
    """(text, value, unit, kind) of each figure ``text`` holds."""
    found, _ = find_figures(text, lang)
    return [(figure.text, figure.value, figure.unit, figure.kind) for figure in found]


def rejected(text: str, lang: str) -> list[tuple[str, str]]:
    """(text, reason) of each number ``text`` holds that is no figure."""
    _, numbers = find_figures(text, lang)
    return [(number.text, number.reason) for number in numbers]


def section_statistics(
    lang: str, paragraphs: Sequence[str] = (), items: Sequence[str] = ()
) -> tuple[Statistic, ...]:
    """The statistics of a page whose one section (key "s") holds these texts."""
    section = Section(
        key="s", heading="S", level=2, paragraphs=tuple(paragraphs), items=tuple(items)
    )
    statistics, _ = extract_statistics((section,), lang)
    return tuple(statistics)
