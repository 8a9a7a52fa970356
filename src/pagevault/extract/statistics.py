"""Statistics of the page body: the figures of each section, with their sentence.

A stat card ("20K" over "More than 20,000 people died…", fixture
en-campaign-keyfacts.html) is one statistic: the big figure, with the caption as
its context; the caption's repetition of it is not counted again.
"""

from __future__ import annotations

import re

from pagevault.model import Section, Statistic
from pagevault.numbers import Figure, Rejected, find_figures
from pagevault.text import KeyAllocator, slugify

_SENTENCE_BOUNDARY = re.compile(r"(?<=[.!?…])[\s\u00a0]+(?=[^\s\da-zà-ÿ])")
_KEY_WORDS = 4
_WORD = re.compile(r"[^\W\d_][\w’'·-]*")
_QUALIFIER_WORDS = frozenset(
    [
        "plus",
        "près",
        "pres",
        "environ",
        "moins",
        "presque",
        "quasiment",
        "more",
        "than",
        "over",
        "nearly",
        "about",
        "almost",
        "around",
        "least",
        "some",
        "fewer",
        "less",
        "under",
        "über",
        "rund",
        "fast",
        "mehr",
        "als",
        "etwa",
        "knapp",
        "más",
        "mas",
        "cerca",
        "casi",
        "alrededor",
        "menos",
        "unos",
        "unas",
        "de",
        "of",
        "the",
    ]
)


def extract_statistics(
    sections: tuple[Section, ...], lang: str | None
) -> tuple[tuple[Statistic, ...], tuple[Rejected, ...]]:
    allocator = KeyAllocator()
    statistics: list[Statistic] = []
    rejected: list[Rejected] = []
    for section in sections:
        texts = [*section.paragraphs, *section.items]
        skip_value: float | None = None
        for index, text in enumerate(texts):
            figures, refused = find_figures(text, lang)
            rejected.extend(refused)
            card_figure = _lone_figure(text, figures)
            if card_figure is not None and index + 1 < len(texts):
                caption = texts[index + 1]
                statistics.append(_statistic(card_figure, caption, section, allocator))
                skip_value = card_figure.value  # the caption's repetition of it
                continue
            for figure in figures:
                if figure.value != skip_value:
                    context = _sentence_around(text, figure.start)
                    statistics.append(_statistic(figure, context, section, allocator))
            skip_value = None
    return tuple(statistics), tuple(rejected)


def _lone_figure(text: str, figures: list[Figure]) -> Figure | None:
    """The figure a short text consists of ('20K', '1 in 5', '83 %'), if any."""
    if len(text) > 24 or len(figures) != 1:
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
    return [w for w in _WORD.findall(text) if w.lower() not in _QUALIFIER_WORDS]
