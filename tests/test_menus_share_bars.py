"""Bars of share buttons are no menus; lists of the site's social profiles are."""

from __future__ import annotations

from pagevault import parse_html

# A bar of share buttons in a "social" list (corpus mercury__www.lemonde.fr.html), share
# links under an ARIA label saying share (hdate__elmundo.es-PSOE.html) or an id saying
# share (edgi-wmp__cdc-after-travel-precautions__ja.html), and the site's profiles.
PAGE = """<html><body><header>
<nav aria-label="Main"><ul><li><a href="/a">Actualités</a></li><li><a href="/b">Blogs</a></li>
</ul></nav>
<ul class="meta meta__social"><li><a href="/register">Créer un compte</a></li>
<li><button class="meta__link"><span class="sr-only">Partage désactivé</span></button></li>
<li><button class="meta__link"><span class="sr-only">Partage désactivé</span></button></li>
</ul>
<ul class="tools" aria-label="Compartir en Redes Sociales">
<li><a href="https://facebook.com/sharer?u=x">Compartir en Facebook</a></li>
<li><a href="https://twitter.com/intent/tweet?url=x">Compartir en Twitter</a></li></ul>
</header>
<main><h1>Titre</h1><p>Texte.</p>
<nav id="share-nav"><ul><li><a href="https://api.addthis.com/f?url=x">Facebook</a></li>
<li><a href="https://api.addthis.com/t?url=x">Twitter</a></li></ul></nav></main>
<footer><h2>Suivez-nous</h2><ul class="footer__social">
<li><a href="https://facebook.com/site">Facebook</a></li>
<li><a href="https://youtube.com/site">Youtube</a></li></ul></footer></body></html>"""


def _labels() -> list[list[str]]:
    snapshot = parse_html(PAGE, url="https://example.org/")
    return [[item.label for item in menu.items] for menu in snapshot.navigation]


def test_a_social_list_of_buttons_is_no_menu() -> None:
    assert not any("Partage désactivé" in menu for menu in _labels())


def test_a_list_whose_aria_label_says_share_is_no_menu() -> None:
    assert not any("Compartir en Facebook" in menu for menu in _labels())


def test_a_navigation_whose_id_says_share_is_no_menu() -> None:
    assert ["Facebook", "Twitter"] not in _labels()


def test_the_sites_social_profiles_are_a_menu() -> None:
    assert ["Facebook", "Youtube"] in _labels()


# A share bar's <nav> in the page header, its list named by no class.
HEADER_SHARE_NAV = """<html><body><header>
<nav aria-label="Main"><ul><li><a href="/a">News</a></li><li><a href="/b">Blogs</a></li></ul></nav>
<nav class="article-share"><ul><li><a href="https://facebook.com/sharer?u=x">Facebook</a></li>
<li><a href="https://twitter.com/intent/tweet?url=x">Twitter</a></li></ul></nav>
</header><main><h1>Title</h1><p>Text.</p></main></body></html>"""


def test_the_list_of_a_share_bar_is_no_menu_of_the_page_frame() -> None:
    snapshot = parse_html(HEADER_SHARE_NAV, url="https://example.org/")
    assert [menu.items[0].label for menu in snapshot.navigation] == ["News"]


def test_a_site_menu_with_a_share_or_social_class_word_stays_a_menu() -> None:
    # (review) one class word dropped a whole primary menu
    html = """<html><body><header>
<nav id="site-navigation" class="main-navigation has-social-menu" aria-label="Primary">
<button class="menu-toggle">Menu</button><ul><li><a href="/about">About us</a></li>
<li><a href="/campaigns">Campaigns</a></li><li><a href="/donate">Donate</a></li></ul></nav>
<nav class="menu-partage" aria-label="Menu principal"><ul><li><a href="/agir">Agir</a></li>
<li><a href="/dons">Faire un don</a></li></ul></nav>
<nav class="social-links"><button>Menu</button><ul><li><a href="/a">A</a></li>
<li><a href="/b">B</a></li></ul></nav></header>
<main><h1>Home</h1><p>Text.</p></main></body></html>"""
    snapshot = parse_html(html, url="https://example.org/")
    labels = [item.label for menu in snapshot.navigation for item in menu.items]
    assert {"About us", "Agir", "A"} <= set(labels)
