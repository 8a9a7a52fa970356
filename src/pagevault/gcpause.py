"""``gc_paused()``: the cyclic garbage collector held off during one pure computation.

Extraction and diffing allocate tens of thousands of short-lived objects and build no
reference cycles (their objects are freed by reference counting alone); collections
triggered in the middle of them only walk what is alive. Measured: ~20% of
``parse_html`` (bench/extract.py), ~5% of a diff of a page whose every figure changed
(bench/diff.py, instruction counts).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Collection off inside the block, and back on afterwards if it was on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
