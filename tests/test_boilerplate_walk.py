"""The boilerplate sweep (one walk) finds what the css passes it replaced found."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from pagevault import parse_html
from pagevault.extract._ancestry import lineage
from pagevault.extract._boilerplate import (
    _BOILERPLATE,
    BoilerplateSweep,
    _follows_image,
    _is_boilerplate_form,
    _is_inside_sentence,
    _is_label,
    _name_verdict,
)
from pagevault.extract.sections import find_main
from pagevault.extract.selectors import (
    BOILERPLATE_LEADING_WORDS,
    BOILERPLATE_ROLES,
    BOILERPLATE_TOKEN,
    CAPTION_TOKEN,
    CATEGORY_TOKEN,
    FORM_CONTROLS,
    NON_CONTENT_TAGS,
    STRUCTURAL_BOILERPLATE,
    STRUCTURAL_STATES,
)
from tests.corpus import corpus_dir

FIXTURES = Path(__file__).parent / "fixtures"


def test_structural_states_are_the_ones_the_sweep_mirrors() -> None:
    # _boilerplate._is_structural tests these states by hand: change both together.
    assert STRUCTURAL_STATES == "[aria-hidden=true], [hidden], [aria-modal=true]"


def _by_css(root: LexborNode, protected: set[int], share: float) -> set[int]:
    """The former implementation: three css passes, then the outermost matches (and,
    since, a protected form is kept)."""
    max_text = share * max(len(root.text(deep=True)), 1)
    doomed = [n for n in root.css(f"{FORM_CONTROLS}, form") if n.tag != "form"]
    doomed += [n for n in root.css("form") if _is_boilerplate_form(n) and n.mem_id not in protected]
    doomed += [n for n in root.css(STRUCTURAL_BOILERPLATE) if n.mem_id not in protected]
    for node in root.css("[class], [id], [role]"):
        if node.mem_id in protected:
            continue
        attributes = node.attributes
        names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}".lower()
        named = _is_named_boilerplate(node, names)
        if attributes.get("role") in BOILERPLATE_ROLES or (
            named
            and len(node.text(deep=True)) < max_text
            and not _is_inside_sentence(node)  # since: a named piece of a sentence stays
        ):
            doomed.append(node)
    found = {node.mem_id for node in doomed}
    return {n.mem_id for n in doomed if not (lineage(n) - {n.mem_id}) & found}


def _is_named_boilerplate(node: LexborNode, names: str) -> bool:
    """A boilerplate token, or since, a caption right after an image, or else a category
    standing alone as a label."""
    if BOILERPLATE_TOKEN.search(names):
        return True
    if CAPTION_TOKEN.search(names):
        return _follows_image(node)
    return CATEGORY_TOKEN.search(names) is not None and _is_label(node)


def _sweep(root: LexborNode, protected: set[int], share: float) -> set[int]:
    sweep = BoilerplateSweep(root, protected, share)
    sweep.sweep()
    return {node.mem_id for node in sweep.doomed}


def _pages() -> list[Path]:
    return sorted([*FIXTURES.glob("*.html"), *corpus_dir().glob("*.html")])


@pytest.mark.parametrize("page", _pages(), ids=lambda page: page.name)
def test_sweep_dooms_what_the_css_passes_doomed(page: Path) -> None:
    tree = LexborHTMLParser(page.read_bytes().decode("utf-8", "replace"))
    tree.strip_tags(NON_CONTENT_TAGS)
    main = find_main(tree)
    assert main is not None
    h1 = main.css_first("h1")
    protected = (lineage(h1) if h1 is not None else set()) | {main.mem_id}
    for share in (1e9, 0.5, 0.05):
        assert _sweep(main, protected, share) == _by_css(main, protected, share)


HOSTILE = [
    "<main><header>kept in article?</header><article><div><header>x</header></div></article>"
    "<p aria-hidden=TRUE>case</p><p hidden>h</p><div ARIA-MODAL=true>m</div></main>",
    "<main role=navigation><form class=search><label>l</label><input></form>"
    "<div class='a share_b'>s</div><div id=Share>S</div></main>",
    "<main>" + "<span>" * 3000 + "<div class=social>deep</div>" + "</span>" * 3000 + "</main>",
]


@pytest.mark.parametrize("html", HOSTILE)
def test_sweep_matches_css_on_odd_markup(html: str) -> None:
    for prefix in ("", "<!DOCTYPE html>"):
        main = LexborHTMLParser(prefix + html).css_first("main")
        assert main is not None
        protected = {main.mem_id}
        assert _sweep(main, protected, 1e9) == _by_css(main, protected, 1e9)


def test_leading_words_are_the_first_words_of_the_tokens() -> None:
    assert {"share", "cookie", "cookies", "sign", "image", "skip"} <= BOILERPLATE_LEADING_WORDS
    assert "caption" not in BOILERPLATE_LEADING_WORDS  # only ever after "image-", "wp-"...
    assert BOILERPLATE_TOKEN.search("wp-caption-text") is not None
    assert BOILERPLATE_TOKEN.search("captions") is None


@pytest.mark.parametrize("page", _pages(), ids=lambda page: page.name)
def test_leading_words_keep_every_class_match(page: Path) -> None:
    tree = LexborHTMLParser(page.read_bytes().decode("utf-8", "replace"))
    for node in tree.css("[class], [id]"):
        classes, element_id = node.attributes.get("class"), node.attributes.get("id")
        names = f"{classes or ''} {element_id or ''}".lower()
        expected = BOILERPLATE_TOKEN.search(names) is not None
        assert (_name_verdict(names) == _BOILERPLATE) is expected, names


@pytest.mark.parametrize(
    "names",
    ["a--share", "x_sign-up", "sign_up", "sign-upx", "\u2003photo-credit\u00a0", "Cookies", "wp"],
)
def test_leading_words_on_odd_separators(names: str) -> None:
    expected = BOILERPLATE_TOKEN.search(names.lower()) is not None
    assert (_name_verdict(names) == _BOILERPLATE) is expected


ASPNET_PAGE = """<html lang="en"><body>
<form method="post" action="./default.aspx" id="aspnetForm">
  <input type="search" name="q"><nav><a href="/">Home</a><a href="/a">About</a></nav>
  <h1>Refugee figures</h1>
  <p>More than 29,000 people crossed the border this year, a number never seen before.</p>
  <p>The agency counts 83 % of them as fleeing conflict, according to its latest report.</p>
</form></body></html>"""


def test_a_page_wrapped_in_one_search_form_keeps_its_body() -> None:
    # ASP.NET WebForms pages put everything in one <form> holding a search box: the
    # form is the main column, or holds the h1, and is not a newsletter/search widget.
    snapshot = parse_html(ASPNET_PAGE, url="https://agency.example/default.aspx")
    paragraphs = [text for section in snapshot.sections for text in section.paragraphs]
    assert any("29,000 people" in text for text in paragraphs)
    assert 29000 in [statistic.value for statistic in snapshot.statistics]


BYLINE_PAGE = """<html><body><main><h1>Title</h1>
<p>A paragraph of the article that is long enough to make the column.</p>
<p>Por<!-- --> <span class="css-1baulvz">Emily Anthes</span> y <span class="last-byline">
Jonathan Corum</span></p>
<div class="byline"><span class="byline-prefix">By</span> Someone Else</div>
<p><span class="byline">By A Writer</span></p></main></body></html>"""


def test_a_named_piece_of_a_sentence_is_kept_a_named_block_is_not() -> None:
    # corpus rdbl__nytimes-5.html: the last author of a byline was dropped, "Por X y" kept.
    (section,) = parse_html(BYLINE_PAGE).sections
    assert "Por Emily Anthes y Jonathan Corum" in section.paragraphs
    assert not [p for p in section.paragraphs if "Someone Else" in p or "A Writer" in p]


CAPTION_PAGE = """<html><body><main><h1>Das Hermelin</h1>
<p class="intro-caption">01. November 2021 | Naturschutz</p>
<p><span class="image"><img src="hermelin.jpg" alt=""></span>
<span class="rte-paragraph__caption">Gut getarnt im Winter. (mlharing / iStock.com)</span></p>
<p>Der November ist da, und mit ihm tauscht das Hermelin sein braunes Sommerfell.</p>
<figure><img src="b.jpg"></figure><div class="caption">Quelle: THW</div>
<div class="stat-card"><span>20K</span><p class="stat-caption">More than 20,000 people
died crossing the Mediterranean since 2014.</p></div></main></body></html>"""


def test_a_caption_goes_after_an_image_only() -> None:
    # corpus traf__bund.net-hermlin.html (a photo credit), traf__thw.de-frauen.html
    # ("Quelle: THW"); a figure's caption and a date line named "caption" stay.
    (section,) = parse_html(CAPTION_PAGE).sections
    text = " ".join(section.paragraphs)
    assert "iStock" not in text and "Quelle" not in text
    assert "01. November 2021 | Naturschutz" in section.paragraphs
    assert "More than 20,000 people died crossing the Mediterranean since 2014." in text


KICKER_PAGE = """<html><body><main><h1>Autonome Waffensysteme</h1>
<div class="headline-info"><span class="headline-category">Pressemitteilung</span>
<span class="headline-category">Aktuell</span> <span class="headline-date">02. November
2021</span></div>
<p><a class="category-link" href="/klima">Klima</a> ist das Thema dieses langen Absatzes.</p>
<div class="post category-news"><p>A post of the listing, which WordPress names by its
category, holding a paragraph long enough to count.</p></div>
<p>Another paragraph of the column, so that the post above is a small part of it.</p>
</main></body></html>"""


def test_a_category_label_goes_a_block_or_a_word_named_so_stays() -> None:
    # corpus traf__amnesty.de-waffensysteme.html: "Pressemitteilung Aktuell" above the date.
    (section,) = parse_html(KICKER_PAGE).sections
    assert section.paragraphs[0] == "02. November 2021"
    assert "Klima ist das Thema dieses langen Absatzes." in section.paragraphs
    assert any(text.startswith("A post of the listing") for text in section.paragraphs)


SHARE_WORDS_PAGE = """<html><body><main><h1>Deux ans et demi en Macronie</h1>
<p>Un paragraphe de l'article, assez long pour être le texte de la page entière.</p>
<div class="partager"><ul><li><a href="mailto:?">envoyer par mail</a></li>
<li><a href="/imprimer">Version imprimable</a></li></ul></div>
<div class="teilen-item-wrapper"><a href="https://facebook.example/">Facebook</a></div>
<div id="compartir_superior"><a href="https://x.example/">X</a></div>
<p>Un second paragraphe de l'article, lui aussi assez long pour compter.</p>
</main></body></html>"""


def test_share_bars_named_in_french_german_or_spanish_go() -> None:
    # corpus traf__regards.fr.enquetes.html (div.partager), traf__blog.mondediplo.net.
    (section,) = parse_html(SHARE_WORDS_PAGE).sections
    assert not section.items
    assert len(section.paragraphs) == 2
