"""Pieces of the diff on hand-built values: tokens, normalisation, each area's rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pagevault import parse_html
from pagevault.diff import diff_snapshots, tokenize, word_diff
from pagevault.diff.normalise import comparable_text, comparable_url
from pagevault.model import Breadcrumb, Menu, NavItem, RelatedLink, Snapshot

BASE = Path(__file__).parent / "fixtures" / "diff" / "identical.before.html"


@pytest.fixture(scope="module")
def base() -> Snapshot:
    return parse_html(BASE.read_bytes(), url="https://exemple.org/refugies")


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("plus de 29\u202f000 personnes", ["plus", "de", "29\u202f000", "personnes"]),
        ("29\u00a0000 et 1 234,5", ["29\u00a0000", "et", "1 234,5"]),
        ("les réfugié·e·s et migrant.e.s", ["les", "réfugié·e·s", "et", "migrant.e.s"]),
        ("l’État qu’il aujourd’hui", ["l’", "État", "qu’", "il", "aujourd’hui"]),
        ("43,7 millions, 83 %", ["43,7", "millions", ",", "83", "%"]),
        ("depuis 2014 200 morts", ["depuis", "2014", "200", "morts"]),
        ("peut-être don't", ["peut-être", "don't"]),
    ],
)
def test_tokens_respect_french_and_inclusive_writing(text: str, tokens: list[str]) -> None:
    assert tokenize(text) == tokens


def test_word_diff_rebuilds_both_texts() -> None:
    old = "Depuis 2014, plus de 29 000 personnes ont perdu la vie."
    new = "Depuis 2014, près de 31 000 personnes ont perdu la vie en mer."
    segments = word_diff(old, new)
    assert "".join(s.get("old", s["text"]) for s in segments if s["op"] != "insert") == old
    assert "".join(s["text"] for s in segments if s["op"] != "delete") == new
    assert {"op": "delete", "text": "29 000 "} in segments  # the grouped number is one token


def test_word_diff_ignores_typography() -> None:
    segments = word_diff("« Oui », dit l’État  à 29\u00a0000", '"Oui", dit l\'État à 29\u202f000')
    assert [s["op"] for s in segments] == ["equal"]
    assert segments[0]["old"] == "« Oui », dit l’État  à 29\u00a0000"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("83%", "83\u00a0%"),
        ("29 000", "29\u202f000"),
        ("l’État", "l'État"),
        ("« oui »", '"oui"'),
        ("a  b\n c", "a b c"),
        ("Quoi ?", "Quoi\u202f?"),
    ],
)
def test_comparable_text_erases_typography(a: str, b: str) -> None:
    assert comparable_text(a) == comparable_text(b)


@pytest.mark.parametrize(("a", "b"), [("83 %", "84 %"), ("29 000", "29 001"), ("oui", "Non")])
def test_comparable_text_keeps_meaning(a: str, b: str) -> None:
    assert comparable_text(a) != comparable_text(b)


def test_tracking_parameters_do_not_count() -> None:
    assert comparable_url("https://x.org/a?utm_source=nl&id=3&fbclid=Z") == comparable_url(
        "https://x.org/a?id=3&gclid=Q"
    )
    assert comparable_url("https://x.org/a?id=3") != comparable_url("https://x.org/a?id=4")


def test_tracked_card_url_is_no_change(base: Snapshot) -> None:
    first = base.related[0]
    assert first.url is not None
    tracked = first.model_copy(update={"url": first.url + "?utm_campaign=x&fbclid=abc"})
    new = base.model_copy(update={"related": (tracked, *base.related[1:])})
    assert diff_snapshots(base, new).changes == ()


def test_retitled_card_is_one_change(base: Snapshot) -> None:
    card = base.related[1]
    retitled = RelatedLink(key="nouveau-titre", title="Célia, la vie en suspens", url=card.url)
    new = base.model_copy(update={"related": (base.related[0], retitled, base.related[2])})
    [change] = diff_snapshots(base, new).changes
    assert (change.area, change.kind, change.key) == ("related", "changed", "nouveau-titre")
    assert set(change.detail["fields"]) == {"title", "kind", "date"}


def test_metadata_changes(base: Snapshot) -> None:
    new = base.model_copy(
        update={"title": "Autre titre", "lang": "FR", "modified": "2026-01-01", "canonical": None}
    )
    changes = {c.key: c.kind for c in diff_snapshots(base, new).changes}
    assert changes == {"title": "changed", "modified": "added", "canonical": "removed"}


def test_breadcrumb_renamed_and_added(base: Snapshot) -> None:
    crumbs = (*base.breadcrumbs[:1], Breadcrumb(label="Nos luttes", url="https://exemple.org/l"))
    new = base.model_copy(
        update={"breadcrumbs": (*crumbs, *base.breadcrumbs[2:], Breadcrumb(label="Fin"))}
    )
    got = [(c.kind, c.key) for c in diff_snapshots(base, new).changes]
    assert got == [("renamed", "1:nos-luttes"), ("added", "3:fin")]


def test_menu_item_order_and_rename(base: Snapshot) -> None:
    [menu] = base.navigation
    informer, agir, don = menu.items
    renamed = informer.model_copy(
        update={
            "children": (
                *informer.children[:1],
                NavItem(key="pays", label="Pays", url=informer.children[1].url),
                informer.children[2],
            )
        }
    )
    new_menu = Menu(key=menu.key, name=menu.name, region=menu.region, items=(agir, renamed, don))
    changes = diff_snapshots(base, base.model_copy(update={"navigation": (new_menu,)})).changes
    got = sorted((c.kind, c.key) for c in changes)
    # One of the two swapped top items is moved (not both); the re-labelled child is renamed.
    assert len([k for k, _ in got if k == "moved"]) == 1
    assert ("renamed", "menu-principal:s-informer/pays") in got
    assert len(got) == 2


def test_added_submenu_reported_once(base: Snapshot) -> None:
    [menu] = base.navigation
    sub = NavItem(key="boutique", label="Boutique", children=(NavItem(key="t", label="T-shirts"),))
    new_menu = menu.model_copy(update={"items": (*menu.items, sub)})
    [change] = diff_snapshots(base, base.model_copy(update={"navigation": (new_menu,)})).changes
    assert (change.kind, change.key, change.detail) == (
        "added",
        "menu-principal:boutique",
        {"descendants": 1},
    )


def test_statistic_qualifier_change_is_content(base: Snapshot) -> None:
    stat = base.statistics[0]
    new_stat = stat.model_copy(update={"qualifier": "près de"})
    new = base.model_copy(update={"statistics": (new_stat, *base.statistics[1:])})
    [change] = diff_snapshots(base, new).changes
    assert change.kind == "changed"
    assert change.detail["fields"] == {"qualifier": {"old": "plus de", "new": "près de"}}


def test_statistic_in_another_section_is_not_paired(base: Snapshot) -> None:
    first, second, third = base.statistics
    moved = first.model_copy(update={"key": "x.autre", "section": second.section, "value": 44e6})
    new = base.model_copy(update={"statistics": (moved, second, third)})
    kinds = sorted(c.kind for c in diff_snapshots(base, new).changes)
    assert kinds == ["added", "removed"]


def test_result_is_json_serialisable() -> None:
    root = Path(__file__).parent / "fixtures" / "diff"
    for before in root.glob("*.before.html"):
        after = before.with_name(before.name.replace(".before.", ".after."))
        result = diff_snapshots(parse_html(before.read_bytes()), parse_html(after.read_bytes()))
        assert json.loads(json.dumps(result.to_json())) == result.to_json()
