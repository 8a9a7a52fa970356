"""A run stopped by Ctrl-C still reports every URL it recorded (its JSON line too)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from typing import Any

import pytest

from pagevault import archive
from pagevault.archive import UrlOutcome, _keep_all
from pagevault.fetch import FetchOptions
from pagevault.fetch.trace import rejected


class _Keeper:
    options = FetchOptions()

    async def keep(self, result: Any) -> UrlOutcome:
        return UrlOutcome(result.requested_url, "new", 200, "id", "sha", None)


def test_what_was_recorded_before_an_interrupt_is_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def fetched(urls: Sequence[str], *args: Any) -> AsyncIterator[Any]:
        yield rejected(urls[0], "stand-in result")
        await asyncio.sleep(0.05)  # the first URL is kept and recorded meanwhile
        raise asyncio.CancelledError  # as Ctrl-C cancels the run

    monkeypatch.setattr(archive, "fetch_urls", fetched)
    reported: list[UrlOutcome] = []
    with pytest.raises(asyncio.CancelledError):
        asyncio.run(
            _keep_all(["https://x.test/a", "https://x.test/b"], _Keeper(), {}, reported.append)
        )  # type: ignore[arg-type]
    assert [outcome.url for outcome in reported] == ["https://x.test/a"]


def test_the_summary_of_an_interrupted_run_says_how_many_urls_it_did_not_get_to() -> None:
    from pagevault.cli_archive import _summary_line

    done = [UrlOutcome("https://x.test/a", "new", 200, "id", "sha", None)]
    assert _summary_line(done, 3).endswith(
        "pagevault fetch: 1 URL: 1 ok (1 new); interrupted, 2 not done"
    )
    assert _summary_line(done, 1).endswith("pagevault fetch: 1 URL: 1 ok (1 new)")
