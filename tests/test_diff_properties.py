"""Properties of the diff (hypothesis): nothing against itself, and symmetry.

Pages are generated from a small vocabulary so that two draws share sections, cards,
menu items and figures (keys meet, sentences are similar) and the pairing is exercised.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pagevault import parse_html
from pagevault.diff import Change, DiffResult, diff_snapshots
from pagevault.model import Snapshot

WORDS = ["personnes", "réfugié·e·s", "l’État", "droits", "asile", "monde", "pays", "accueil"]
HEADINGS = ["Nos demandes", "Un accueil inégal", "Nos combats", "Agir", "Chiffres clés"]
FIGURES = ["43,7 millions", "45 millions", "83 %", "83%", "29\u00a0000", "29\u202f000", "12"]
MENU = ["Actualités", "Pays", "Pétitions", "Agir", "Don", "Presse"]

words = st.lists(st.sampled_from(WORDS), min_size=2, max_size=6).map(" ".join)
paragraph = st.builds(lambda a, f, b: f"{a} {f} de {b}.", words, st.sampled_from(FIGURES), words)
section = st.tuples(st.sampled_from(HEADINGS), st.lists(paragraph, min_size=1, max_size=3))
menu_item = st.tuples(st.sampled_from(MENU), st.lists(st.sampled_from(MENU), max_size=3))
card = st.tuples(st.sampled_from(HEADINGS + WORDS), st.sampled_from(MENU))


def render(
    sections: list[tuple[str, list[str]]],
    menu: list[tuple[str, list[str]]],
    cards: list[tuple[str, str]],
    title: str,
) -> str:
    """A small page in the shape of tests/fixtures/diff/identical.before.html."""
    body = "".join(f"<h2>{h}</h2>" + "".join(f"<p>{p}</p>" for p in ps) for h, ps in sections)
    items = "".join(
        f'<li><a href="/{label}">{label}</a>'
        + (
            "<ul>" + "".join(f'<li><a href="/{c}">{c}</a></li>' for c in children) + "</ul>"
            if children
            else ""
        )
        + "</li>"
        for label, children in menu
    )
    grid = "".join(
        f'<article class="card"><p class="card__type">Actualité</p>'
        f'<h3 class="card__title"><a href="/c/{url}">{t}</a></h3></article>'
        for t, url in cards
    )
    return (
        f'<html lang="fr"><head><title>{title}</title></head><body>'
        f'<header><nav aria-label="Menu principal"><ul>{items}</ul></nav></header>'
        f"<main><article><h1>{title}</h1>{body}</article>"
        f'<section class="related-content"><h2>Voir aussi</h2><div class="cards-grid">{grid}</div>'
        "</section></main></body></html>"
    )


pages = st.builds(
    render,
    st.lists(section, max_size=4),
    st.lists(menu_item, max_size=4),
    st.lists(card, max_size=3),
    st.sampled_from(HEADINGS),
).map(parse_html)

SWAP = {"added": "removed", "removed": "added"}


def mirrored_counts(result: DiffResult) -> Counter[tuple[str, str]]:
    return Counter((c.area, SWAP.get(c.kind, c.kind)) for c in result.changes)


def facts(changes: tuple[Change, ...], *, swap: bool) -> Counter[str]:
    """Everything but which of two reordered items is called moved, old/new optionally swapped."""
    out: Counter[str] = Counter()
    for c in changes:
        if c.kind == "moved":
            continue
        old, new = (c.new, c.old) if swap else (c.old, c.new)
        kind = SWAP.get(c.kind, c.kind) if swap else c.kind
        out[json.dumps([c.area, kind, old, new], sort_keys=True, ensure_ascii=False)] += 1
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages)
def test_diff_with_itself_is_empty(page: Snapshot) -> None:
    result = diff_snapshots(page, page)
    assert result.changes == ()
    assert not result.content_changed


@settings(max_examples=60, deadline=None)
@given(pages)
def test_diff_with_an_equal_copy_is_empty(page: Snapshot) -> None:
    """Equal values, distinct objects: nothing may rely on identity."""
    copy = Snapshot.model_validate_json(page.to_json())
    assert diff_snapshots(page, copy).changes == ()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages, pages)
def test_diff_mirrors(a: Snapshot, b: Snapshot) -> None:
    forward, backward = diff_snapshots(a, b), diff_snapshots(b, a)
    assert mirrored_counts(forward) == Counter((c.area, c.kind) for c in backward.changes)
    assert facts(forward.changes, swap=False) == facts(backward.changes, swap=True)
    assert forward.content_changed == backward.content_changed


@settings(max_examples=60, deadline=None)
@given(pages, st.data())
def test_a_changed_figure_is_reported(page: Snapshot, data: Any) -> None:
    if not page.statistics:
        return
    index = data.draw(st.integers(0, len(page.statistics) - 1))
    stat = page.statistics[index]
    bumped = stat.model_copy(update={"value": stat.value + 1})
    new = page.model_copy(
        update={"statistics": (*page.statistics[:index], bumped, *page.statistics[index + 1 :])}
    )
    [change] = diff_snapshots(page, new).changes
    assert (change.area, change.kind, change.key) == ("statistic", "changed", stat.key)
    assert change.detail["delta"] == 1
