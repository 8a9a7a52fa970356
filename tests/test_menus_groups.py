"""Entries without a label holding a group: its title (its first sub-entry) becomes
its label; a bare column stays a group, so that its entries' keys never move."""

from __future__ import annotations

from pagevault import parse_html
from pagevault.model import NavItem

# Footer columns whose title is their first entry: a link styled as a title (corpus
# mercury__www.gruene.de.html) and bare text in an <h3> (corpus
# traf__blog.mondediplo.net.turpitude.html); a link like the others is no title.
FOOTER = """<html><body><main><h1>Programm</h1><p>Wofür wir stehen.</p></main>
<footer role="contentinfo"><ul>
<li><ul><li><a href="/programm"><p class="sectionTitle">Programm</p></a></li>
<li><a class="link" href="/themen"><p>Themen</p></a></li>
<li><a class="link" href="/europa"><p>Europa</p></a></li></ul></li>
<li><ul><li class="first"><h3>Services</h3></li>
<li><a href="/abo">Abonnements</a></li><li><a href="/dons">Dons</a></li></ul></li>
<li><ul><li><a href="/presse">Presse</a></li>
<li><a href="/fotos">Pressefotos</a></li></ul></li>
<li><ul><li><a href="/jobs">Jobs</a></li><li><a href="/presse/">Presse</a></li></ul></li>
</ul></footer></body></html>"""

# A header menu whose "Thématique" holds unlabelled columns (corpus
# hdate__paris-luttes.info.html), a group holding an unlabelled list before a link
# (corpus traf__bund.net-hermlin.html "Fan werden") and an unlabelled wrapper of one
# link (hdate__greenpeace.org.forests.html).
HEADER = """<html><body><header><nav><ul>
<li><span>Thématique</span><ul>
<li><ul><li><a href="/antifa">Antifascisme</a></li><li><a href="/eco">Écologie</a></li></ul></li>
<li><ul><li><a href="/medias">Médias</a></li><li><a href="/sante">Santé</a></li></ul></li>
</ul></li>
<li><h3>Fan werden</h3><ul><li><div><ul><li><a href="https://facebook.com/x">Facebook</a></li>
<li><a href="https://twitter.com/x">Twitter</a></li></ul></div></li>
<li><a href="/mitglied">Mitglied werden</a></li></ul></li>
<li><ul><li><a href="/worldwide">Around the world</a></li></ul></li>
</ul></nav></header><main><h1>Thème</h1><p>Texte.</p></main></body></html>"""


def _items(html: str) -> tuple[NavItem, ...]:
    snapshot = parse_html(html, url="https://example.org/")
    return tuple(item for menu in snapshot.navigation for item in menu.items)


def _shape(item: NavItem) -> tuple[str, str | None, list[str]]:
    return item.label, item.url, [child.label for child in item.children]


def test_a_groups_title_entry_becomes_its_label() -> None:
    programm, services, *_ = _items(FOOTER)
    assert _shape(programm) == ("Programm", "https://example.org/programm", ["Themen", "Europa"])
    assert programm.key == "programm"
    assert _shape(services) == ("Services", None, ["Abonnements", "Dons"])
    assert [child.key for child in services.children] == ["abonnements", "dons"]


def test_a_first_link_like_the_others_is_no_title() -> None:
    items = _items(FOOTER)
    # two bare columns at the top: merged, their keys unchanged, unless keys clash
    labels = [item.label for item in items]
    assert "Presse" not in labels[:2]
    assert [child.label for child in items[2].children] == ["Presse", "Pressefotos"]


def test_bare_columns_stay_groups_and_their_keys_stay_when_a_link_is_added() -> None:
    # (review) merging bare columns into their parent moved every key as soon as one
    # column gained a link or two keys clashed
    thematique = _items(HEADER)[0]
    assert [column.label for column in thematique.children] == ["", ""]
    before = [item.key for column in thematique.children for item in column.children]
    added = HEADER.replace(
        '<li><a href="/sante">Santé</a></li>',
        '<li><a href="/sante">Santé</a></li><li><a href="/antifa-2">Antifascisme</a></li>',
    )
    after_columns = _items(added)[0].children
    after = [item.key for column in after_columns for item in column.children]
    assert after[: len(before)] == before
    lone = _items(HEADER)[-1]
    assert _shape(lone) == ("", None, ["Around the world"])


def test_the_current_pages_unlinked_entry_is_no_title() -> None:
    # (review) "<span>Climate</span>", the page shown, first among its siblings
    html = """<html><body><nav><ul><li><ul><li><span>Climate</span></li>
<li><a href="/oceans">Oceans</a></li><li><a href="/forests">Forests</a></li></ul></li>
<li><ul><li><strong aria-current="page">Energy</strong></li>
<li><a href="/solar">Solar</a></li></ul></li></ul></nav>
<main><h1>Climate</h1><p>Text.</p></main></body></html>"""
    groups = _items(html)
    assert [group.label for group in groups] == ["", ""]
    assert [child.label for child in groups[0].children] == ["Climate", "Oceans", "Forests"]


def test_a_bare_group_beside_labelled_entries_stays_a_group() -> None:
    fan = _items(HEADER)[1]
    assert _shape(fan)[2] == ["", "Mitglied werden"]
    assert [child.label for child in fan.children[0].children] == ["Facebook", "Twitter"]


def test_bare_columns_whose_keys_would_clash_stay() -> None:
    *_, first_column, second_column = _items(FOOTER)
    assert first_column.label == second_column.label == ""
    assert [child.key for child in second_column.children] == ["jobs", "presse"]
