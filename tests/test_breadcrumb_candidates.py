"""The breadcrumb candidates read with one [aria-label] query are those the plain
BREADCRUMB_CANDIDATES selector finds, on every fixture and corpus page."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from pagevault import parse_html
from pagevault.extract.navigation import _breadcrumb_candidates
from pagevault.extract.selectors import BREADCRUMB_CANDIDATES
from tests.corpus import corpus_dir

FIXTURES = Path(__file__).parent / "fixtures"
_ODD = (
    '<nav aria-label="Breadcrumb" class="breadcrumb"><a href="/">Home</a></nav>'
    '<div aria-label="Fil d\'Ariane"></div><div aria-label="Brotkrumen"></div>'
    '<ol itemtype="https://schema.org/BreadcrumbList"></ol><div aria-label="menu"></div>'
    '<div aria-label="BREADCRUMB"></div><p id="main-breadcrumbs" class="migas"></p>'
)


def _pages() -> list[Path]:
    return sorted([*FIXTURES.glob("*.html"), *corpus_dir().glob("*.html")])


def _by_selector(tree: LexborHTMLParser) -> list[int]:
    return list(dict.fromkeys(node.mem_id for node in tree.css(BREADCRUMB_CANDIDATES)))


@pytest.mark.parametrize("page", _pages(), ids=lambda page: page.name)
def test_candidates_are_the_selectors_matches(page: Path) -> None:
    tree = LexborHTMLParser(page.read_bytes().decode("utf-8", "replace"))
    assert [node.mem_id for node in _breadcrumb_candidates(tree)] == _by_selector(tree)


def test_candidates_on_odd_attributes() -> None:
    tree = LexborHTMLParser(_ODD)
    found = [node.mem_id for node in _breadcrumb_candidates(tree)]
    assert found == _by_selector(tree)
    assert len(found) == 5  # not "menu", not the upper-case label (lexbor is case-sensitive)


def test_a_trail_whose_class_is_written_with_character_references_is_read() -> None:
    # The source holds no "readcrumb": only the parsed attribute does.
    page = (
        '<html><body><ol class="b&#114;eadcrumb"><li><a href="/">Accueil</a></li>'
        '<li><a href="/combats">Nos combats</a></li><li>Réfugiés</li></ol>'
        "<main><h1>Réfugiés</h1><p>Texte.</p></main></body></html>"
    )
    snapshot = parse_html(page, url="https://example.org/refugies")
    assert [crumb.label for crumb in snapshot.breadcrumbs] == [
        "Accueil",
        "Nos combats",
        "Réfugiés",
    ]
    assert "readcrumb" not in page


# A block named after the trail also holds the share links (corpus
# traf__bund.net-hermlin.html): the trail is the <nav> inside it, and neither the
# trail nor the share links are read as a menu.
TRAIL_IN_A_SHARING_BLOCK = """<html><body>
<div class="intro intro__breadcrumbNavigation intro__socialSharing">
<nav class="navigation-breadcrumb"><ul>
<li><a href="/">Startseite</a></li><li><a href="/tipps/">BUND-Tipps</a></li></ul></nav>
<h1>Unser Tipp im November: Das Hermelin</h1>
<ul class="share"><li><a href="https://www.facebook.com/sharer/sharer.php?u=x">teilen</a></li>
<li><a href="https://twitter.com/intent/tweet?url=x">tweeten</a></li></ul>
</div><main><p>Das Hermelin ist im Winter mit seinem weißen Fell gut getarnt.</p></main>
</body></html>"""


def test_the_innermost_trail_is_read_and_the_block_holding_it_is_no_menu() -> None:
    snapshot = parse_html(TRAIL_IN_A_SHARING_BLOCK, url="https://www.bund.net/tipps/hermelin")
    assert [(crumb.label, crumb.url) for crumb in snapshot.breadcrumbs] == [
        ("Startseite", "https://www.bund.net/"),
        ("BUND-Tipps", "https://www.bund.net/tipps/"),
    ]
    labels = [item.label for menu in snapshot.navigation for item in menu.items]
    assert "Startseite" not in labels
    assert "teilen" not in labels


# A trail of bare links beside in-page links (corpus
# traf__blog.mondediplo.net.turpitude.html), its first step a quoted name.
TRAIL_BESIDE_IN_PAGE_LINKS = """<html><body><div class="ariane"><div class="fil">
<a href="/"><span class="cep">&gt; </span>Les blogs du « Diplo »</a>
<a href="-Planete-Asie-"><span class="cep">&gt; </span>Planète Asie</a>
<div class="lienancres"><a href="#plus_d_infos">i</a>
<a href="#avantforum"><img src="bulle.png">27</a></div></div></div>
<main><h1>Turpitude</h1><p>Un billet de blog.</p></main></body></html>"""


def test_in_page_links_are_no_steps_and_a_closing_guillemet_is_kept() -> None:
    snapshot = parse_html(TRAIL_BESIDE_IN_PAGE_LINKS, url="https://blog.mondediplo.net/turpitude")
    assert [(crumb.label, crumb.url) for crumb in snapshot.breadcrumbs] == [
        ("Les blogs du « Diplo »", "https://blog.mondediplo.net/"),
        ("Planète Asie", "https://blog.mondediplo.net/-Planete-Asie-"),
    ]


def test_a_bare_hash_link_stays_the_current_page_step() -> None:
    page = TRAIL_BESIDE_IN_PAGE_LINKS.replace(
        '<div class="lienancres">', '<a href="#">Turpitude</a><div class="lienancres">'
    )
    snapshot = parse_html(page, url="https://blog.mondediplo.net/turpitude")
    assert [crumb.label for crumb in snapshot.breadcrumbs][-1] == "Turpitude"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("> Les blogs du « Diplo »", "Les blogs du « Diplo »"),
        (" Les blogs du « Diplo » › ", "Les blogs du « Diplo »"),
        ("Dossier « Climat", "Dossier « Climat"),  # no closing guillemet: kept, not emptied
        ("« Retour", "« Retour"),
        ("Accueil ›", "Accueil"),
    ],
)
def test_a_crumbs_label_keeps_its_quotes(text: str, label: str) -> None:
    from pagevault.extract.navigation import _crumb_label

    assert _crumb_label(text) == label
