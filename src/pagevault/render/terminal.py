"""A readable rich rendering of a snapshot: menus as trees, sections, a statistics
table and the related cards.

Page text never reaches the terminal as markup: every string from the page goes
through ``page_text`` (control characters removed) into a ``rich.text.Text``
(RELIABILITY.md rule 11: "[link=...]" in page text must stay literal).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from pagevault.model import Menu, NavItem, Section, Snapshot, Statistic
from pagevault.text import strip_controls


def heading(title: str) -> Text:
    """A block title: a fixed-width rule, also readable in a log or a pipe."""
    return Text(f"── {title} " + "─" * max(4, 60 - len(title)), style="bold")


def page_text(value: object, style: str = "") -> Text:
    """Text from a page, safe to print: no markup, no terminal escapes."""
    return Text(strip_controls("" if value is None else str(value)), style=style)


def render_snapshot(snapshot: Snapshot) -> RenderableType:
    parts: list[RenderableType] = [_header(snapshot)]
    if snapshot.navigation:
        parts += [
            heading("Navigation"),
            *(_menu_tree(menu) for menu in snapshot.navigation),
        ]
    if snapshot.breadcrumbs:
        parts += [heading("Breadcrumbs"), _breadcrumbs(snapshot)]
    if snapshot.sections:
        parts += [heading("Sections"), *_sections(snapshot.sections)]
    parts += [heading("Statistics")]
    if snapshot.statistics:
        headings = {section.key: section.heading for section in snapshot.sections}
        parts.append(statistics_table(snapshot.statistics, headings))
    parts.append(_statistics_summary(snapshot))
    if snapshot.related:
        parts += [heading("Related"), _related_table(snapshot)]
    return Group(*parts)


def _header(snapshot: Snapshot) -> RenderableType:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")  # URLs wrap, never cut
    rows = {
        "title": snapshot.title,
        "url": snapshot.url,
        "canonical": snapshot.canonical,
        "language": snapshot.lang,
        "published": snapshot.published,
        "modified": snapshot.modified,
        "encoding": f"{snapshot.encoding.name} (from {snapshot.encoding.source})",
    }
    for label, value in rows.items():
        if value:
            table.add_row(label, page_text(value))
    return table


def _menu_tree(menu: Menu) -> Tree:
    label = page_text(menu.name, "bold")
    label.append(f"  [{menu.region}]", style="dim")
    tree = Tree(label)
    _add_items(tree, menu.items)
    return tree


def _add_items(tree: Tree, items: Iterable[NavItem]) -> None:
    for item in items:
        # a group of links under no title of its own (a footer column, a row of icons)
        label = page_text(item.label) if item.label else Text("(no label)", style="dim italic")
        if item.url:
            label.append("  ")
            label.append(page_text(item.url, "dim"))
        _add_items(tree.add(label), item.children)


def _breadcrumbs(snapshot: Snapshot) -> Text:
    return Text(" › ").join(page_text(crumb.label) for crumb in snapshot.breadcrumbs)


def _sections(sections: Iterable[Section]) -> list[RenderableType]:
    parts: list[RenderableType] = []
    for section in sections:
        if section.heading:  # the text before a page's first heading has none
            heading = page_text("#" * section.level + " ", "bold cyan")
            heading.append(page_text(section.heading, "bold"))
            parts.append(heading)
        parts.extend(page_text(paragraph) for paragraph in section.paragraphs)
        parts.extend(page_text(f"  • {item}") for item in section.items)
        parts.append(Text(""))
    return parts


def statistics_table(
    statistics: Iterable[Statistic], headings: Mapping[str, str | None] | None = None
) -> Table:
    """The statistics, each under the heading of its section (``headings``, by section
    key; the key itself where the heading is unknown)."""
    table = Table(show_lines=False, expand=False)
    for column in ("text", "value", "unit", "qualifier", "section"):
        table.add_column(column, justify="right" if column == "value" else "left")
    headings = headings or {}
    for statistic in statistics:
        section = statistic.section or ""
        table.add_row(
            page_text(statistic.text),
            Text(_format_value(statistic.value)),
            page_text(statistic.unit or ""),
            page_text(statistic.qualifier or ""),
            page_text(_shortened(headings.get(section) or section)),
        )
    return table


def _shortened(text: str, limit: int = 60) -> str:
    """``text`` cut at a word before ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    words = text[: limit - 1].rsplit(None, 1)
    return (words[0] if words else text[: limit - 1]).rstrip(",;:") + "…"


def _statistics_summary(snapshot: Snapshot) -> Text:
    """'3 statistics; not statistics: 2014 (year), 5 janvier 2026 (date)'."""
    count = len(snapshot.statistics)
    summary = Text(f"{count} statistic{'s' if count != 1 else ''}", style="bold")
    if snapshot.rejected_numbers:
        summary.append("; not statistics: ")
        summary.append_text(
            Text(", ").join(
                page_text(f"{number.text} ({number.reason})")
                for number in snapshot.rejected_numbers
            )
        )
    return summary


def _format_value(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.6g}"


def _related_table(snapshot: Snapshot) -> Table:
    table = Table()
    for column in ("kind", "date", "title", "tags"):
        # a card's URL wraps rather than being cut: a reader copies it
        table.add_column(column, overflow="fold", no_wrap=column == "date")
    for link in snapshot.related:
        title = page_text(link.title, "bold")
        if link.url:
            title.append("\n")
            title.append(page_text(link.url, "dim"))
        table.add_row(
            page_text(link.kind or ""),
            page_text(link.date or ""),
            title,
            page_text(", ".join(link.tags)),
        )
    return table
