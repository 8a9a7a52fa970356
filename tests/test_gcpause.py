"""The collector is paused during extraction and diffing, and left as it was found."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from pagevault import parse_html
from pagevault.diff import diff_snapshots
from pagevault.gcpause import gc_paused

PAGE = b"<html lang=fr><body><main><h1>T</h1><p>Plus de 29 000 personnes.</p></main></body></html>"


def _set_collector(enabled: bool) -> None:
    if enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.fixture
def collector_restored() -> Iterator[None]:
    was_enabled = gc.isenabled()
    yield
    _set_collector(was_enabled)


@pytest.mark.usefixtures("collector_restored")
@pytest.mark.parametrize("enabled", [True, False])
def test_parse_and_diff_leave_the_collector_as_found(enabled: bool) -> None:
    _set_collector(enabled)
    snapshot = parse_html(PAGE)
    assert gc.isenabled() is enabled
    diff_snapshots(snapshot, snapshot)
    assert gc.isenabled() is enabled


@pytest.mark.usefixtures("collector_restored")
def test_paused_inside_and_back_on_after_an_error() -> None:
    gc.enable()
    with pytest.raises(RuntimeError), gc_paused():
        assert not gc.isenabled()
        raise RuntimeError("boom")
    assert gc.isenabled()
