"""Changes to menus: menus added, removed or renamed; items added, removed, renamed,
re-linked or moved (under another parent, or to another place among siblings).

Items are flattened to their path of keys inside a menu (keys are unique among
siblings only), paired by path, then by key, link or label similarity anywhere in
the menu, so an item that changed parent is one ``moved`` (fixture
tests/fixtures/diff/menu-item-moved.*.html). Of an added or removed subtree only its
top item is reported, with the number of items under it.
"""

from __future__ import annotations

from collections import defaultdict
from operator import attrgetter
from typing import Any, NamedTuple

from rapidfuzz import fuzz

from pagevault.diff.match import Pair, out_of_order, pair_items
from pagevault.diff.model import Change, Kind
from pagevault.diff.normalise import comparable_text, comparable_url
from pagevault.model import Menu, NavItem

MENU_THRESHOLD = 80.0
ITEM_THRESHOLD = 85.0


class _Node(NamedTuple):
    """A menu item where it stands: its path of keys and its place among siblings (a named
    tuple: a large menu makes hundreds of them)."""

    path: tuple[str, ...]
    parent: tuple[str, ...]  # the path of its parent
    labels: tuple[str, ...]  # labels of the ancestors, for the reader
    position: int  # among its siblings
    item: NavItem
    descendants: int
    id: str  # the path joined: what items are paired on

    def to_json(self) -> dict[str, Any]:
        return {"label": self.item.label, "url": self.item.url, "parent": list(self.labels)}


def diff_navigation(old: tuple[Menu, ...], new: tuple[Menu, ...]) -> list[Change]:
    pairing = pair_items(old, new, attrgetter("key"), _menu_similarity, MENU_THRESHOLD)
    changes = [_menu_change("removed", m.key, m, None) for m in pairing.removed]
    for pair in pairing.pairs:
        if pair.old == pair.new:
            continue  # the common case, and flattening a large menu is not free
        if comparable_text(pair.old.name) != comparable_text(pair.new.name):
            changes.append(_menu_change("renamed", pair.new.key, pair.old, pair.new))
        changes += _diff_items(pair.new.key, _flatten(pair.old.items), _flatten(pair.new.items))
    changes += [_menu_change("added", m.key, None, m) for m in pairing.added]
    return changes


def _menu_similarity(a: Menu, b: Menu) -> float:
    if a.region != b.region:
        return 0.0
    return fuzz.token_set_ratio(comparable_text(a.name), comparable_text(b.name))


def _menu_change(kind: Kind, key: str, old: Menu | None, new: Menu | None) -> Change:
    def dump(menu: Menu | None) -> dict[str, Any] | None:
        if menu is None:
            return None
        return {"name": menu.name, "region": menu.region, "items": len(menu.items)}

    return Change("navigation", kind, key, dump(old), dump(new), {})


def _flatten(
    items: tuple[NavItem, ...], path: tuple[str, ...] = (), labels: tuple[str, ...] = ()
) -> list[_Node]:
    """Depth-first, parents before children."""
    nodes: list[_Node] = []
    for position, item in enumerate(items):
        node_path = (*path, item.key)
        below = _flatten(item.children, node_path, (*labels, item.label)) if item.children else []
        node = _Node(node_path, path, labels, position, item, len(below), "/".join(node_path))
        nodes.append(node)
        nodes.extend(below)
    return nodes


def _item_similarity(a: _Node, b: _Node) -> float:
    if a.item.key == b.item.key:
        return 100.0
    if a.item.url and comparable_url(a.item.url) == comparable_url(b.item.url):
        return 95.0
    return fuzz.ratio(comparable_text(a.item.label), comparable_text(b.item.label))


def _diff_items(menu_key: str, old: list[_Node], new: list[_Node]) -> list[Change]:
    pairing = pair_items(old, new, attrgetter("id"), _item_similarity, ITEM_THRESHOLD)
    to_new = {pair.old.path: pair.new.path for pair in pairing.pairs}
    to_old = {new_path: old_path for old_path, new_path in to_new.items()}
    moved = _moved(pairing.pairs, to_new)
    changes = [
        _item_change("removed", menu_key, n, None) for n in pairing.removed if _tops(n, to_new)
    ]
    for pair in pairing.pairs:
        changes += _pair_changes(menu_key, pair, pair.new.id in moved)
    changes += [_item_change("added", menu_key, None, n) for n in pairing.added if _tops(n, to_old)]
    return changes


def _tops(node: _Node, paired: dict[tuple[str, ...], tuple[str, ...]]) -> bool:
    """Whether an unpaired item heads its subtree (its parent is paired, or it is a root)."""
    return not node.parent or node.parent in paired


def _moved(
    pairs: tuple[Pair[_Node], ...], to_new: dict[tuple[str, ...], tuple[str, ...]]
) -> set[str]:
    """New ids of items now under another parent or out of order among their siblings."""
    moved: set[str] = set()
    siblings: dict[tuple[str, ...], list[Pair[_Node]]] = defaultdict(list)
    for pair in pairs:
        if to_new.get(pair.old.parent, pair.old.parent) != pair.new.parent:
            moved.add(pair.new.id)
        else:
            siblings[pair.new.parent].append(pair)
    for group in siblings.values():
        old_order = [p.new.id for p in sorted(group, key=lambda p: p.old.position)]
        new_order = [p.new.id for p in sorted(group, key=lambda p: p.new.position)]
        moved |= out_of_order(old_order, new_order)
    return moved


def _pair_changes(menu_key: str, pair: Pair[_Node], moved: bool) -> list[Change]:
    """A move and an edit of the same item are two facts, reported as two changes."""
    a, b = pair.old, pair.new
    changes = []
    if moved:
        where = {
            "from": {"parent": list(a.labels), "position": a.position},
            "to": {"parent": list(b.labels), "position": b.position},
        }
        changes.append(_item_change("moved", menu_key, a, b, where))
    detail: dict[str, Any] = {}
    if comparable_text(a.item.label) != comparable_text(b.item.label):
        detail["label"] = {"old": a.item.label, "new": b.item.label}
    if comparable_url(a.item.url) != comparable_url(b.item.url):
        detail["url"] = {"old": a.item.url, "new": b.item.url}
    if detail:
        kind: Kind = "renamed" if "label" in detail else "changed"
        changes.append(_item_change(kind, menu_key, a, b, detail))
    return changes


def _item_change(
    kind: Kind,
    menu_key: str,
    old: _Node | None,
    new: _Node | None,
    detail: dict[str, Any] | None = None,
) -> Change:
    node = new or old
    assert node is not None
    detail = dict(detail or {})
    if kind in ("added", "removed") and node.descendants:
        detail["descendants"] = node.descendants
    old_json = None if old is None else old.to_json()
    new_json = None if new is None else new.to_json()
    return Change("navigation", kind, f"{menu_key}:{node.id}", old_json, new_json, detail)
