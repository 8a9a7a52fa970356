"""A text cut into components of the same kind, found by the densest block; a BEM
caption class. Page imitated: corpus traf__weisser-ring.de-Erfolgsgechichte.html
(Drupal's ``div.paragraph--text`` components, the second holding a list of advice)."""

from __future__ import annotations

from pagevault import parse_html
from pagevault.extract.dom import parse_tree
from pagevault.extract.sections import find_main
from pagevault.extract.selectors import BOILERPLATE_TOKEN

PART = "paragraph paragraph--text section--module entity"
LEAD = "<p>A long paragraph of the press release that opens the text of the page. </p>" * 4
ADVICE = "".join(
    f"<li>Advice number {n}: lock the door even when you leave briefly.</li>" for n in range(5)
)
COMPONENTS_PAGE = f"""<html><body><div class="wrapper"><div id="node-1" class="node">
<div class="dd-breadcrumb"><ol><li><a href="/">Startseite</a></li></ol></div>
<div class="editor--content"><h1>Ten years of burglary protection day</h1></div>
<div class="{PART}"><div class="editor--content">{LEAD}</div></div>
<div class="paragraph paragraph--image"><img src="a.jpg" alt="">
<div class="paragraph--image--caption editor-content"><p>Foto: www.example.de</p></div></div>
<div class="{PART}"><div class="editor--content"><p>How to protect yourself at home:</p>
<ul>{ADVICE}</ul></div></div>
<div class="button--wrapper"><a href="/" class="button">Zurück zur Übersicht</a></div>
</div></div><div class="footer"><p>A footer paragraph of the site that is long.</p></div>
</body></html>"""


def test_components_of_the_same_kind_make_their_parent_the_column() -> None:
    main = find_main(parse_tree(COMPONENTS_PAGE))
    assert main is not None and main.attributes.get("id") == "node-1"


def test_the_list_of_the_second_component_is_kept() -> None:
    (section,) = parse_html(COMPONENTS_PAGE).sections
    assert section.heading == "Ten years of burglary protection day"
    assert len(section.items) == 5
    assert "How to protect yourself at home:" in section.paragraphs
    assert not {"Startseite", "Zurück zur Übersicht", "Foto: www.example.de"} & {
        *section.paragraphs
    }


def test_a_lone_densest_block_is_not_widened() -> None:
    html = f"""<html><body><div class="wrapper"><div class="teaser"><p>A teaser of
    another page, with a summary long enough to count.</p></div>
    <div class="text">{LEAD}</div></div></body></html>"""
    main = find_main(parse_tree(html))
    assert main is not None and main.attributes.get("class") == "text"


def test_boilerplate_tokens_may_be_joined_by_a_bem_double_dash() -> None:
    assert BOILERPLATE_TOKEN.search("paragraph--image--caption editor-content")
    assert BOILERPLATE_TOKEN.search("share--bar")
    assert BOILERPLATE_TOKEN.search("image---caption") is None
