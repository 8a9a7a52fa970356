"""A menu's entries as a reader sees their shape, for the menu tests."""

from __future__ import annotations

from pagevault.model import NavItem


def menu_tree(items: tuple[NavItem, ...]) -> list[object]:
    """Labels, each followed by the list of its children's when it has some."""
    shape: list[object] = []
    for item in items:
        shape.append(item.label)
        if item.children:
            shape.append(menu_tree(item.children))
    return shape
