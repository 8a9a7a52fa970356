"""Round 7 of the statistics (an audit of every figure of the corpus): inline list
markers, phrases for "round the clock", comment counters, fractions and the units of
German adjectives (each from a corpus page, written here inline)."""

from __future__ import annotations

import pytest

from tests.figures import figures as _figures
from tests.figures import rejected as _rejected

# --- numbers that are no figure --------------------------------------------------------


def test_the_markers_of_a_list_written_inline_are_no_figures() -> None:
    """Corpus rdbl__cnn: "10" of "9. Spain 10. United States" was a count of nothing."""
    text = "The rankings were as follows: 1. Finland 2. Norway 9. Spain 10. United States"
    assert _figures(text, "en") == []
    assert ("10", "numbering") in _rejected(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "It rose to 9. Then it fell. It grew to 10. Then it stayed.",  # sentences between
        "Items 19. Foo 10. Bar",  # "19" is no "9"
    ],
)
def test_a_number_ending_a_sentence_after_its_predecessor_stays(text: str) -> None:
    assert ("10", 10.0, None, "count") in _figures(text, "en")
