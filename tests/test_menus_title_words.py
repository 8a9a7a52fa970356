"""A group's first entry as its title: styled as a title by a class word, or a
paragraph without a link over links."""

from __future__ import annotations

import pytest

from pagevault import parse_html
from pagevault.extract.navigation import _names_title
from pagevault.model import NavItem


def _footer(first_entry: str) -> str:
    return f"""<html><body><main><h1>Presse</h1><p>Text der Seite.</p></main>
<footer role="contentinfo"><ul>
<li><ul><li>{first_entry}</li>
<li><a href="/pressekontakt">Pressekontakt</a></li>
<li><a href="/pressefotos">Pressefotos</a></li></ul></li>
<li><ul><li><a href="/impressum">Impressum</a></li><li><a href="/kontakt">Kontakt</a></li></ul></li>
</ul></footer></body></html>"""


def _first(first_entry: str) -> NavItem:
    (menu,) = parse_html(_footer(first_entry), url="https://www.gruene.example/").navigation
    return menu.items[0]


def test_a_paragraph_without_a_link_over_links_titles_its_group() -> None:
    # corpus mercury__www.gruene.de.html: <p class="...sectionNoLink...">Service</p>
    group = _first('<p class="styles-module--sectionNoLink--1-VjS">Service</p>')
    assert (group.key, group.label, group.url) == ("service", "Service", None)
    assert [child.label for child in group.children] == ["Pressekontakt", "Pressefotos"]
    assert [child.key for child in group.children] == ["pressekontakt", "pressefotos"]


@pytest.mark.parametrize(
    "first_entry",
    [
        "<span>DE</span>",  # the current language over the others, a trail's step
        "<button>Service</button>",  # a toggle
        '<p class="active">Service</p>',  # the current page
    ],
)
def test_other_unlinked_first_entries_title_no_group(first_entry: str) -> None:
    group = _first(first_entry)
    assert group.label == ""
    assert len(group.children) == 3


@pytest.mark.parametrize(
    ("class_name", "names_title"),
    [
        ("styles-module--sectionTitle--1eBHi", True),  # corpus mercury__www.gruene.de.html
        ("menu-title", True),
        ("footer__heading", True),
        ("TitleBar", True),
        ("subtitle", False),
        ("subTitle", False),
        ("no-heading", False),
        ("has-title", False),
        ("titlebar", False),
        ("sectiontitle", False),  # one word: as "subtitle", no word "title" in it
        ("headings", False),
    ],
)
def test_a_class_names_a_title_by_a_word(class_name: str, names_title: bool) -> None:
    assert _names_title(class_name) is names_title


@pytest.mark.parametrize("class_name", ["subtitle", "no-heading", "card-subTitle"])
def test_a_link_whose_class_holds_title_in_another_word_titles_no_group(class_name: str) -> None:
    group = _first(f'<a href="/service"><p class="{class_name}">Service</p></a>')
    assert group.label == ""
    assert [child.label for child in group.children] == ["Service", "Pressekontakt", "Pressefotos"]


def test_a_link_whose_class_names_a_title_titles_its_group() -> None:
    group = _first(
        '<a href="/service"><p class="styles-module--sectionTitle--1eBHi">Service</p></a>'
    )
    assert (group.label, group.url) == ("Service", "https://www.gruene.example/service")
