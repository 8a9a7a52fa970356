"""A block of the site's social profiles inside a menu, an entry without a link of its
own whose class says "social", is no entry of the menu."""

from __future__ import annotations

from pagevault import parse_html
from pagevault.model import Menu
from tests.menu_trees import menu_tree

# As corpus traf__umweltbundesamt.de-atomkraft.html: the mobile menu's top list ends
# with its social links under a heading, in a <nav> of their own.
MENU = """<html><body><header><nav aria-label="Hauptnavigation"><ul>
<li><a href="/">Start</a></li>
<li><a href="/presse">Presse</a><ul><li><a href="/presse/mitteilungen">Mitteilungen</a></li>
</ul></li>
<li class="w21mn-social-links"><h3>Das Umweltamt</h3><h4>Für Mensch und Umwelt</h4>
<nav role="navigation"><ul>
<li><a href="https://social.example/uba"><span class="visuallyhidden">Social</span></a></li>
<li><a href="https://video.example/uba"><span class="visuallyhidden">Video</span></a></li>
</ul></nav></li>
</ul></nav></header><main><h1>Atomkraft</h1><p>Text.</p></main></body></html>"""


def _menu(html: str) -> Menu:
    (menu,) = parse_html(html, url="https://www.umweltamt.example/").navigation
    return menu


def test_a_block_of_social_links_is_no_entry_of_a_menu() -> None:
    assert menu_tree(_menu(MENU).items) == ["Start", "Presse", ["Mitteilungen"]]


def test_an_entry_with_a_link_of_its_own_stays_whatever_its_class() -> None:
    """Corpus traf__weisser-ring.de-Erfolgsgechichte.html: "Presse & Social Media" is a
    section of the site, its <li> classed by its name."""
    html = MENU.replace(
        "<h3>Das Umweltamt</h3>", '<a href="/social-media">Presse &amp; Social Media</a>'
    )
    assert menu_tree(_menu(html).items) == [
        "Start",
        "Presse",
        ["Mitteilungen"],
        "Presse & Social Media",
        ["Social", "Video"],
    ]


def test_a_group_whose_class_names_no_social_block_stays() -> None:
    html = MENU.replace("w21mn-social-links", "w21mn-sociality")
    assert menu_tree(_menu(html).items)[-2:] == ["Das Umweltamt", ["Social", "Video"]]
