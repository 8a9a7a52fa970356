"""Statistics of the page body: the figures of each section, with their sentence.

A stat card ("20K" over "More than 20,000 people died…", fixture
en-campaign-keyfacts.html) is one statistic: the big figure, with the caption as
its context; the caption's repetition of it is not counted again.
"""

from __future__ import annotations

import re

from pagevault.model import RejectedNumber, Section, Statistic
from pagevault.numbers import Figure, find_figures
from pagevault.numbers.vocabulary import QUALIFIERS
from pagevault.text import KeyAllocator, slugify

_SENTENCE_BOUNDARY = re.compile(r"(?<=[.!?…])[\s\u00a0]+(?=[^\s\da-zà-ÿ])")
_KEY_WORDS = 4
_MAX_CARD_FIGURE = 24
_WORD = re.compile(r"[^\W\d_][\w’'·-]*")
# Words left out of a statistic's key: a qualifier that changes ("plus de" ->
# "près de") must not make it another statistic.
_KEY_STOP_WORDS = frozenset(
    {word for phrase in QUALIFIERS for word in phrase.split()} | {"de", "of", "the"}
)


def extract_statistics(
    sections: tuple[Section, ...], lang: str | None
) -> tuple[tuple[Statistic, ...], tuple[RejectedNumber, ...]]:
    """The statistics of every section, and the numbers not read as statistics."""
    allocator = KeyAllocator()
    statistics: list[Statistic] = []
    rejected: list[RejectedNumber] = []
    for section in sections:
        texts = [*section.paragraphs, *section.items]
        skip_value: float | None = None  # a stat card's figure, repeated by its caption
        for index, text in enumerate(texts):
            figures, refused = find_figures(text, lang)
            rejected.extend(
                RejectedNumber(text=number.text, reason=number.reason, section=section.key)
                for number in refused
            )
            card_figure = _lone_figure(text, figures)
            if card_figure is not None and index + 1 < len(texts):
                statistics.append(_statistic(card_figure, texts[index + 1], section, allocator))
                skip_value = card_figure.value
                continue
            for figure in figures:
                if figure.value != skip_value:
                    context = _sentence_around(text, figure.start)
                    statistics.append(_statistic(figure, context, section, allocator))
            skip_value = None
    return tuple(statistics), tuple(rejected)


def _lone_figure(text: str, figures: list[Figure]) -> Figure | None:
    """The figure a short text consists of ('20K', '1 in 5', '83 %'), if any."""
    if len(text) > _MAX_CARD_FIGURE or len(figures) != 1:
        return None
    leftover = text.replace(figures[0].text, "").strip(" +~≈*\u00a0")
    return figures[0] if len(leftover) <= 3 else None


def _sentence_around(text: str, position: int) -> str:
    start = 0
    for boundary in _SENTENCE_BOUNDARY.finditer(text):
        if boundary.start() >= position:
            return text[start : boundary.start()].strip()
        start = boundary.end()
    return text[start:].strip()


def _statistic(
    figure: Figure, context: str, section: Section, allocator: KeyAllocator
) -> Statistic:
    return Statistic(
        key=allocator.allocate(_statistic_key(figure, context, section)),
        text=figure.text,
        value=figure.value,
        unit=figure.unit,
        kind=figure.kind,
        qualifier=figure.qualifier,
        context=context,
        section=section.key,
        ambiguous=figure.ambiguous,
    )


def _statistic_key(figure: Figure, context: str, section: Section) -> str:
    """Section key + the words around the figure: stable when only the value changes."""
    position = context.find(figure.text)
    if position < 0:
        words = _content_words(context)[:_KEY_WORDS]
    else:
        before = _content_words(context[:position])[-2:]
        after = _content_words(context[position + len(figure.text) :])[: _KEY_WORDS - len(before)]
        words = before + after
    unit = [figure.unit] if figure.unit and figure.unit not in words else []
    return f"{section.key}.{slugify('-'.join([*unit, *words]), 48) or figure.kind}"


def _content_words(text: str) -> list[str]:
    return [word for word in _WORD.findall(text) if word.lower() not in _KEY_STOP_WORDS]
