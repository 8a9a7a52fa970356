"""Statistics of the page body: the figures of each section, with their sentence.

A stat card ("20K" over "More than 20,000 people died…", fixture
en-campaign-keyfacts.html) is one statistic: the big figure, with the caption as
its context; the caption's repetition of it is not counted again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import TypeAdapter

from pagevault.model import RejectedNumber, Section, Statistic
from pagevault.numbers import Figure, Rejected, figure_finder
from pagevault.numbers.vocabulary import QUALIFIERS
from pagevault.text import assign_keys, slugify

# A sentence ends after . ! ? … and the spaces after it, before what is no lower-case
# letter or digit. The mark is matched (not looked behind for): a pattern starting with
# a character set is searched ~3x faster.
_AFTER_MARK = r"([\s\u00a0]+)(?=[^\s\da-zà-ÿ])"  # the spaces, then no lower-case or digit
_SENTENCE_BOUNDARY = re.compile(r"[.!?…]" + _AFTER_MARK)
# The same for a text whose only marks are full stops (nine texts with figures in ten):
# a pattern starting with one literal character is searched ~5x faster than one
# starting with a set (the search was ~4% of extract_statistics, measured).
_FULL_STOP_BOUNDARY = re.compile(r"\." + _AFTER_MARK)
_LETTER = re.compile(r"[^\W\d_]")
_KEY_WORDS = 4
_LETTER_RUN = re.compile(r"[^\W\d_]+")
# The words of a key are looked for in this many characters next to the figure first,
# not in the whole sentence (fewer tokens to read; 30 split fewer tokens than 60 for a
# few more retries: -1M instructions over the corpus, measured).
_KEY_WINDOW = 30
# The window grows 4x while it holds too few words, up to this many characters: a text
# of figures without words ("  .07%  " 4000 times) read its whole length again for each
# figure (n² work, ~16 s for 23 KB: RELIABILITY.md rule 1). A key's words stand within
# a few dozen characters of its figure on every page of the corpus.
_MAX_KEY_WINDOW = _KEY_WINDOW * 4
_MAX_CARD_FIGURE = 24
_WORD = re.compile(r"[^\W\d_][\w’'·-]*")
# Punctuation that no _WORD starts or goes on with.
_AROUND_WORDS = '.,;:!?()[]«»"“”…'
# Words left out of a statistic's key: a qualifier that changes ("plus de" ->
# "près de") must not make it another statistic.
_KEY_STOP_WORDS = frozenset(
    {word for phrase in QUALIFIERS for word in phrase.split()} | {"de", "of", "the"}
)
# The models are validated as one list each: ~1 µs per item less than one
# constructor call per item (measured).
_STATISTICS = TypeAdapter(tuple[Statistic, ...])
_REJECTED = TypeAdapter(tuple[RejectedNumber, ...])


def extract_statistics(
    sections: tuple[Section, ...], lang: str | None
) -> tuple[tuple[Statistic, ...], tuple[RejectedNumber, ...]]:
    """The statistics of every section, and the numbers not read as statistics."""
    page_texts = _PageTexts(figure_finder(lang))
    statistics: list[dict[str, Any]] = []
    rejected: list[dict[str, Any]] = []
    for section in sections:
        texts = [*section.paragraphs, *section.items]
        skip_value: float | None = None  # a stat card's figure, repeated by its caption
        for index, text in enumerate(texts):
            figures, refused = page_texts.figures(text)
            if refused:
                rejected.extend(
                    {"text": number.text, "reason": number.reason, "section": section.key}
                    for number in refused
                )
            if not figures:
                skip_value = None  # most texts
                continue
            card_figure = _lone_figure(text, figures)
            if card_figure is not None and _in_list_of_numbers(card_figure, texts, index):
                skip_value = None
                continue
            if card_figure is not None and index + 1 < len(texts):
                caption = texts[index + 1]
                key_words = _key_words(card_figure, caption)
                statistics.append(_statistic(card_figure, caption, key_words, section))
                # Its size: a caption tells a change in words ("fell 3.2%" under "−3.2%").
                skip_value = abs(card_figure.value)
                continue
            for figure, context, key_words in page_texts.read_out(text, figures):
                if skip_value is None or abs(figure.value) != skip_value:
                    statistics.append(_statistic(figure, context, key_words, section))
            skip_value = None
    assign_keys(statistics)
    return _STATISTICS.validate_python(statistics), _REJECTED.validate_python(rejected)


# Each figure of a text, the sentence it stands in and its key words (its key but
# the section's part).
_ReadOut = list[tuple[Figure, str, str]]


class _PageTexts:
    """What the texts of one page hold, each text read once: a text a page repeats (a
    card, a caption, one text in five over the corpus) has the same figures, which
    depend on it and the language alone."""

    def __init__(self, find_figures: Callable[[str], tuple[list[Figure], list[Rejected]]]) -> None:
        self._find_figures = find_figures
        self._found: dict[str, tuple[list[Figure], list[Rejected]]] = {}
        self._read_out: dict[str, _ReadOut] = {}

    def figures(self, text: str) -> tuple[list[Figure], list[Rejected]]:
        found = self._found.get(text)
        if found is None:
            found = self._found[text] = self._find_figures(text)
        return found

    def read_out(self, text: str, figures: list[Figure]) -> _ReadOut:
        """The figures of ``text`` with their sentences and key words (~20% of the
        statistics of the corpus come from a repeated text)."""
        read_out = self._read_out.get(text)
        if read_out is None:
            read_out = self._read_out[text] = []
            sentences = _Sentences(text)
            for figure in figures:
                context = sentences.around(figure.start)
                read_out.append((figure, context, _key_words(figure, context)))
        return read_out


def _lone_figure(text: str, figures: list[Figure]) -> Figure | None:
    """The figure a short text consists of ('20K', '1 in 5', '83 %'), if any."""
    if len(text) > _MAX_CARD_FIGURE or len(figures) != 1:
        return None
    leftover = text.replace(figures[0].text, "").strip(" +~≈*\u00a0")
    return figures[0] if len(leftover) <= 3 else None


def _in_list_of_numbers(figure: Figure, texts: list[str], index: int) -> bool:
    """Whether a bare number alone in its text stands beside another text without a
    word: the options of a "results per page" list ("10", "20": corpus
    hdate__greenpeace.org.forests), page numbers. Nothing says what it counts."""
    if figure.unit is not None or figure.kind != "count" or _LETTER.search(texts[index]):
        return False
    neighbours = texts[max(0, index - 1) : index] + texts[index + 1 : index + 2]
    return any(text.strip() and _LETTER.search(text) is None for text in neighbours)


class _Sentences:
    """The sentences of one text, read once left to right: figures come in page order."""

    def __init__(self, text: str) -> None:
        self.text = text
        only_full_stops = "!" not in text and "?" not in text and "…" not in text
        boundary = _FULL_STOP_BOUNDARY if only_full_stops else _SENTENCE_BOUNDARY
        self._boundaries = boundary.finditer(text)
        self._next = next(self._boundaries, None)
        self._start = 0  # where the sentence before self._next starts

    def around(self, position: int) -> str:
        """The sentence holding ``position`` (at or after the previous one asked for)."""
        while self._next is not None and self._next.start(1) < position:
            self._start = self._next.end()
            self._next = next(self._boundaries, None)
        end = self._next.start(1) if self._next is not None else len(self.text)
        return self.text[self._start : end].strip()


def _statistic(figure: Figure, context: str, key_words: str, section: Section) -> dict[str, Any]:
    """A statistic's fields; its key: section key + the words around the figure,
    stable when only the value changes."""
    return {
        "key": f"{section.key}.{key_words}",  # its base: ``assign_keys``
        "text": figure.text,
        "value": figure.value,
        "unit": figure.unit,
        "kind": figure.kind,
        "qualifier": figure.qualifier,
        "context": context,
        "section": section.key,
        "ambiguous": figure.ambiguous,
    }


def _key_words(figure: Figure, context: str) -> str:
    """The slug of the words around the figure in ``context``, else its kind."""
    position = context.find(figure.text)
    if position < 0:
        words = _first_content_words(context, 0, _KEY_WORDS)
    else:
        before = _last_content_words(context, position, 2)
        after = position + len(figure.text)
        words = before + _first_content_words(context, after, _KEY_WORDS - len(before))
    unit = [figure.unit] if figure.unit and not _unit_among(figure.unit, words) else []
    # Joined by spaces, not hyphens: the same slug (both are runs of non-word
    # characters to it), and words of ASCII letters and digits (two keys in three)
    # take slugify's fast path instead of its Unicode normalisation.
    return slugify(" ".join([*unit, *words]), 48) or figure.kind


def _unit_among(unit: str, words: list[str]) -> bool:
    """Whether the key's words spell ``unit`` already: "°C" reads "C" among them
    ("1.5°C": corpus traf__diem25.org.climate), "g/kWh" reads "g" and "kWh" (corpus
    traf__umweltbundesamt.de-atomkraft), "GtCO2eq" "GtCO" and "eq" (the subscript
    "2" written apart is no word: traf__diem25.org.climate)."""
    if unit.lstrip("°") in words:
        return True
    if unit.isalpha():
        return False  # most units: one word
    parts = _LETTER_RUN.findall(unit)
    return bool(parts) and all(part in words for part in parts)


def _first_content_words(text: str, start: int, count: int) -> list[str]:
    """The first ``count`` words of ``text[start:]`` that are no stop words."""
    window = _KEY_WINDOW
    while True:
        whole = start + window >= len(text)
        last = window >= _MAX_KEY_WINDOW
        tokens = text[start : start + window].split()
        if not whole and tokens:
            tokens.pop()  # the window may end inside it
        content = _content_words(tokens, count)
        if whole or last or len(content) >= count:
            return content
        window *= 4


def _last_content_words(text: str, end: int, count: int) -> list[str]:
    """The last ``count`` words of ``text[:end]`` that are no stop words."""
    window = _KEY_WINDOW
    while True:
        whole = window >= end
        last = window >= _MAX_KEY_WINDOW
        tokens = text[0 if whole else end - window : end].split()
        if not whole and tokens:
            del tokens[0]  # the window may start inside it
        tokens.reverse()
        content = _content_words(tokens, count, backwards=True)
        if whole or last or len(content) >= count:
            content.reverse()
            return content
        window *= 4


def _content_words(tokens: list[str], count: int, backwards: bool = False) -> list[str]:
    """The first ``count`` words of ``tokens`` (space-separated) that are no stop
    words. The count is reached after a few words: the rest of the window is not read."""
    content: list[str] = []
    if count <= 0:
        return content
    for token in tokens:
        words = (token,) if token.isalpha() else _words_of(token)  # most are one word
        for word in reversed(words) if backwards else words:
            if word.lower() not in _KEY_STOP_WORDS:
                content.append(word)
                if len(content) == count:
                    return content
    return content


def _words_of(token: str) -> Sequence[str]:
    """The ``_WORD`` matches in ``token`` (no letters-only token). One of letters
    between punctuation no word starts or goes on with ('people,', '(UNHCR)') is one
    word: str.strip and str.isalpha tell so ~15x faster than the regex reads it (~400
    instructions a character, measured)."""
    core = token.strip(_AROUND_WORDS)
    return (core,) if core.isalpha() else _WORD.findall(token)
