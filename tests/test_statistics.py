"""extract_statistics over hand-made sections."""

from __future__ import annotations

from pagevault.extract.statistics import extract_statistics
from pagevault.model import Section


def test_a_text_repeated_on_a_page_gives_its_figures_each_time() -> None:
    """A repeated text is read once (its figures kept for the page): each copy still
    gives its statistics, keyed apart, and its rejected numbers."""
    text = "Plus de 20 000 personnes ont signé la pétition en 2024."
    sections = (
        Section(key="a", heading="A", level=2, paragraphs=(text,)),
        Section(key="b", heading="B", level=2, paragraphs=(text,), items=(text,)),
    )
    statistics, rejected = extract_statistics(sections, "fr")
    assert [(s.key, s.value, s.qualifier, s.section) for s in statistics] == [
        ("a.personnes-ont-signe-la", 20000.0, "plus de", "a"),
        ("b.personnes-ont-signe-la", 20000.0, "plus de", "b"),
        ("b.personnes-ont-signe-la-2", 20000.0, "plus de", "b"),
    ]
    assert [(number.text, number.reason, number.section) for number in rejected] == [
        ("2024", "year", "a"),
        ("2024", "year", "b"),
        ("2024", "year", "b"),
    ]


def test_upper_case_words_and_no_break_spaces_are_read() -> None:
    """The fragment tests read a lower-cased copy with plain spaces (the ratio's
    separator itself is read as written: lower-case)."""
    sections = (
        Section(
            key="s",
            heading="S",
            level=2,
            paragraphs=("ONE in FIVE children\u00a0: DEUX MILLIONS de personnes.",),
        ),
    )
    statistics, _ = extract_statistics(sections, "en")
    assert [(s.text, s.kind) for s in statistics] == [
        ("ONE in FIVE", "ratio"),
        ("DEUX MILLIONS", "count"),
    ]
