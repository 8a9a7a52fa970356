"""Boilerplate inside the main column, found in one walk of its elements.

The walk applies by hand what were three css passes over the column (form
controls, ``STRUCTURAL_BOILERPLATE``, ``[class], [id], [role]``) and does not go
into an element it has doomed: what lies inside goes with it, so its class names
are never searched (tests/test_boilerplate_walk.py pins the selectors it mirrors).
The <article> elements and <progress> bars it lists then tell what lies beside the
page's article and is no body either (``beside_main_article``: teasers, rails, notes,
petition widgets).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from pagevault.extract._ancestry import outermost
from pagevault.extract._tag_ids import TEXT, tag_id, tag_ids
from pagevault.extract.dom import Attributes, attr, class_and_id, contains
from pagevault.extract.selectors import (
    BOILERPLATE_LEADING_WORDS,
    BOILERPLATE_ROLES,
    BOILERPLATE_TOKEN,
    CAPTION_WORDS,
    CATEGORY_WORDS,
    FORM_CONTROLS,
    STRUCTURAL_TAGS,
)

_FORM_HINT = re.compile(
    r"newsletter|subscribe|inscri|search|recherche|suche|buscar|don|spende|"
    r"donat|login|connexion"
)
_FORM_CONTROLS = tag_ids(FORM_CONTROLS)
_FORM = tag_id("form")
# STRUCTURAL_BOILERPLATE: its element names; "header:not(article header)" and
# STRUCTURAL_STATES are tested in ``_is_structural`` (tests/test_boilerplate_walk.py
# checks the sweep against the selector on every page).
_STRUCTURAL_TAGS = tag_ids(", ".join(STRUCTURAL_TAGS))
_HEADER = tag_id("header")
_ARTICLE = tag_id("article")
_PROGRESS = tag_id("progress")
_INLINE = tag_ids("a, abbr, b, cite, em, i, small, span, strong, time")
_IMAGES = tag_ids("img, picture, video")
_IMAGE_SELECTOR = "img, picture, video"

# What a class or id value names (``_Verdicts``), weakest first: nothing, a category
# label (boilerplate on an inline element only), a caption (right after an image
# only), or a boilerplate block.
_NOTHING, _CATEGORY, _CAPTION, _BOILERPLATE = 0, 1, 2, 3
_CAPTION_WORDS = frozenset(CAPTION_WORDS)
_LABEL_WORDS = _CAPTION_WORDS | frozenset(CATEGORY_WORDS)


# Attributes any test below reads: an element with none of them (~40% of a column's
# elements, <a href>, <img src>) is answered by one set test.
_HINTS = frozenset({"class", "id", "role", "aria-hidden", "hidden", "aria-modal"})
_STATES = frozenset({"role", "aria-hidden", "hidden", "aria-modal"})
# Elements whose tag alone may doom them, tested apart from the common case, and
# <article> and <progress>, which the sweep lists (``BoilerplateSweep.articles`` and
# ``progress_bars``, read by ``beside_main_article``).
_LISTED = {_ARTICLE, _PROGRESS}
_TAGGED = _FORM_CONTROLS | _STRUCTURAL_TAGS | _LISTED | {_FORM, _HEADER}


class BoilerplateSweep:
    """Collects the outermost boilerplate elements of a column, unless ``protected``
    (a ``mem_id`` set) or, for class/id hits, holding ``share`` of its text or more."""

    def __init__(self, root: LexborNode, protected: set[int], share: float) -> None:
        self.doomed: list[LexborNode] = []
        # The <article> elements the sweep kept, in page order, and its <progress>
        # bars (``_is_doomed_by_tag``).
        self.articles: list[LexborNode] = []
        self.progress_bars: list[LexborNode] = []
        self._root = root
        self._protected = protected
        self._column_text = _TextLength(root, share)
        # Class names repeat within a page: each class or id value is searched once.
        self._verdicts = _Verdicts()

    def sweep(self) -> None:
        """Visit the column itself and everything under it, in one ``traverse`` (an
        iterator in C: an ``iter()`` per element cost twice the walk), skipping
        what follows a doomed element up to the end of its subtree."""
        resume: int | None = None  # mem_id of the node after the last doomed subtree
        root = self._root
        verdicts = self._verdicts
        for node in root.traverse():
            if resume is not None:
                if node.mem_id != resume:
                    continue
                resume = None
            tag = node.tag_id
            if tag in _TAGGED:
                doomed = self._is_doomed_by_tag(node, tag)
            else:
                # The common element (no hint, or a class and id not boilerplate) is
                # answered here without a call (with _Verdicts: -6% instructions).
                attributes = node.attributes
                if _HINTS.isdisjoint(attributes):
                    continue
                classes, element_id = attributes.get("class"), attributes.get("id")
                if (
                    _STATES.isdisjoint(attributes)
                    and (classes is None or not verdicts[classes])
                    and (element_id is None or not verdicts[element_id])
                ):
                    continue
                doomed = self._is_doomed_by_hint(node, attributes)
            if doomed:
                self.doomed.append(node)
                resume = _following(node, root)
                if resume is None:
                    break

    def _is_doomed_by_hint(self, node: LexborNode, attributes: Attributes) -> bool:
        """Whether an element with a class, id, role or hiding attribute is boilerplate."""
        hinted = not _STATES.isdisjoint(attributes) and _is_hinted(attributes)
        named = _NOTHING if hinted else self._name_kind(attributes)
        if not hinted and named == _NOTHING:
            return False
        # Tested last, as few elements get here: a hint on the column would read its text.
        if node.mem_id in self._protected:
            return False
        if not hinted and _is_inside_sentence(node):
            return False
        if named == _CAPTION and not _follows_image(node):
            return False
        if named == _CATEGORY and not _is_label(node):
            return False
        return hinted or self._column_text.dwarfs(node)

    def _is_doomed_by_tag(self, node: LexborNode, tag: int) -> bool:
        """Whether a form control, a form or a structural element is boilerplate; an
        <article> or <progress> is judged by its hints alone, and listed when kept."""
        if tag in _FORM_CONTROLS:  # unprotected: a form control is never text
            return True
        if tag in _LISTED:
            attributes = node.attributes
            if not _HINTS.isdisjoint(attributes) and self._is_doomed_by_hint(node, attributes):
                return True
            (self.articles if tag == _ARTICLE else self.progress_bars).append(node)
            return False
        protected = node.mem_id in self._protected
        # Not the column itself nor a form holding the h1: ASP.NET pages wrap the whole
        # page in one <form> (with a search box), which may be the column.
        if tag == _FORM:
            if not protected and _is_boilerplate_form(node):
                return True
        elif not protected and (tag != _HEADER or not _inside_article(node)):
            return True
        if protected:
            return False
        attributes = node.attributes  # a form or header kept by its tag: its hints decide
        return not _HINTS.isdisjoint(attributes) and self._is_doomed_by_hint(node, attributes)

    def _name_kind(self, attributes: Attributes) -> int:
        """What the element's class and id name, the stronger of the two: a token lies
        within one of them, so each is searched apart, and once per page."""
        classes, element_id = attributes.get("class"), attributes.get("id")
        by_class = _NOTHING if classes is None else self._verdicts[classes]
        if by_class == _BOILERPLATE or element_id is None:
            return by_class
        by_id = self._verdicts[element_id]
        return by_id if by_id > by_class else by_class


class _Verdicts(dict[str, int]):
    """``_name_verdict`` of class and id values, searched on a first look-up
    (``__missing__``: a hit costs no Python call)."""

    def __missing__(self, names: str) -> int:
        verdict = self[names] = _name_verdict(names)
        return verdict


def _name_verdict(names: str) -> int:
    """``_BOILERPLATE`` when a class or id value holds a boilerplate token, else
    ``_CAPTION`` when it holds a caption token, ``_CATEGORY`` a category token, else
    ``_NOTHING``. A caption or category token is one word, found among the words
    (``CAPTION_TOKEN``, ``CATEGORY_TOKEN``: tests/test_boilerplate_walk.py)."""
    lowered = names.lower()
    # A match starts with a whole word between [\s_-] separators (str.split's
    # whitespace is the regex's \s): without a leading word, there is none.
    words = lowered.replace("_", " ").replace("-", " ").split()
    if not BOILERPLATE_LEADING_WORDS.isdisjoint(words) and BOILERPLATE_TOKEN.search(lowered):
        return _BOILERPLATE
    if _LABEL_WORDS.isdisjoint(words):  # the common case: one set test
        return _NOTHING
    if not _CAPTION_WORDS.isdisjoint(words):
        return _CAPTION
    return _CATEGORY


def _follows_image(node: LexborNode) -> bool:
    """Whether the element just before ``node`` is or holds an image: a caption follows
    its picture (corpus traf__thw.de-frauen.html ``<span class="wrapper"><img></span>
    <span class="caption">``); a date line named "caption" under the title, before
    the page's first picture, is no caption (traf__bund.net-hermlin.html)."""
    before = node.prev
    while before is not None and not before.is_element_node:
        before = before.prev
    return before is not None and (
        before.tag_id in _IMAGES or before.css_first(_IMAGE_SELECTOR) is not None
    )


def _is_hinted(attributes: Attributes) -> bool:
    """Hidden, modal or a boilerplate ARIA role (exact)."""
    if attributes.get("aria-hidden") == "true" or "hidden" in attributes:
        return True
    return attributes.get("aria-modal") == "true" or attributes.get("role") in BOILERPLATE_ROLES


class _TextLength:
    """Whether an element's text is shorter than ``share`` of the column's, counting
    the column's text nodes only as far as needed: a hit is mostly a few words
    (a share bar, "Sign up"), while building the column's whole text cost ~20 µs."""

    def __init__(self, root: LexborNode, share: float) -> None:
        self._share = share
        self._nodes = root.traverse(include_text=True)
        self._counted = 0  # text length of the column's text nodes read so far

    def dwarfs(self, node: LexborNode) -> bool:
        """``len(node.text()) < share * max(len(column text), 1)``."""
        length = len(node.text(deep=True))
        if length >= self._share * max(self._counted, 1):
            self._count_beyond(length)
        return length < self._share * max(self._counted, 1)

    def _count_beyond(self, length: int) -> None:
        """Read text nodes until their length makes ``dwarfs`` true, or to the end."""
        share = self._share
        for node in self._nodes:
            if node.tag_id == TEXT:
                self._counted += len(node.text_content or "")
                if length < share * max(self._counted, 1):
                    return


def _is_inside_sentence(node: LexborNode) -> bool:
    """Whether ``node`` is an inline element right after text of its own line: a piece
    of a sentence, which a class names but does not make boilerplate (corpus
    rdbl__nytimes-5.html: "Por <span class="last-byline">Josh Max</span>" lost the
    name and kept "Por")."""
    return node.tag_id in _INLINE and _text_beside(node.prev, forward=False)


def _is_label(node: LexborNode) -> bool:
    """Whether ``node`` is an inline element with no text of its line after it (nor
    before it: ``_is_inside_sentence``, tested first): a label standing alone, not a
    sentence's first word ("<a class="category">Climate</a> is ...")."""
    return node.tag_id in _INLINE and not _text_beside(node.next, forward=True)


def _text_beside(sibling: LexborNode | None, *, forward: bool) -> bool:
    """Whether text stands among the siblings from ``sibling`` on (walking forward or
    back) before the next element: blank text and comments are passed over ("Por<!--
    --> <span>")."""
    while sibling is not None and not sibling.is_element_node:
        if sibling.tag_id == TEXT and (sibling.text_content or "").strip():
            return True
        sibling = sibling.next if forward else sibling.prev
    return False


def _inside_article(node: LexborNode) -> bool:
    """Whether ``node`` lies inside an <article> ("article header"): a walk up, as
    headers are few in a main column."""
    current = node.parent
    while current is not None:
        if current.tag_id == _ARTICLE:
            return True
        current = current.parent
    return False


def _following(node: LexborNode, root: LexborNode) -> int | None:
    """``mem_id`` of the first node that ``root.traverse()`` yields after the subtree
    of ``node`` (text aside, as it skips text), None if there is none."""
    current = node
    while current.mem_id != root.mem_id:
        sibling = current.next
        while sibling is not None and sibling.tag_id == TEXT:
            sibling = sibling.next
        if sibling is not None:
            return sibling.mem_id
        parent = current.parent
        if parent is None:
            return None
        current = parent
    return None


def _is_boilerplate_form(form: LexborNode) -> bool:
    descriptor = f"{class_and_id(form)} {attr(form, 'action').lower()}"
    return form.css_first("input[type=email], input[type=search]") is not None or bool(
        _FORM_HINT.search(descriptor)
    )


# An <article> holding more than this share of the column's text is the page's article.
_ARTICLE_SHARE = 0.5
# An <article> beside it holding less than this share, and no heading, is a note on
# other pages of the site.
_SIGNPOST_SHARE = 0.1
# Headings, each one a link, in a block after the page's article: teasers.
_MIN_TEASERS = 2
# A paragraph of text, not a label ("Terms & Conditions apply"): its shortest length.
_MIN_PARAGRAPH = 80
# The share of a rail's text its links hold at least (readability's link density).
_MIN_LINK_SHARE = 0.5
_HEADING_SELECTOR = "h1, h2, h3, h4, h5, h6"


def beside_main_article(
    root: LexborNode, sweep: BoilerplateSweep, protected: set[int]
) -> list[LexborNode]:
    """What lies beside the page's article in ``root`` and is no body: signposts
    (``_signposts``), teaser listings after it (``_teaser_listings``), rails
    (``_rails``) and campaign widgets (``_campaign_widgets``), none inside another nor
    ``protected`` (a ``mem_id`` set: the title's ancestors). The page's article is an
    <article> with a heading and more than half the column's text
    (``_visible_length``); a column of articles none of which dominates (a listing:
    corpus edgi-wmp__datagov-highlights__a.html) keeps them all. ``sweep`` has swept
    ``root``: its <article> elements and <progress> bars are listed."""
    articles = [article for article in sweep.articles if article.mem_id != root.mem_id]
    if not articles:  # most columns: no text read
        return []
    column_length = _visible_length(root)
    lengths = [_visible_length(article) for article in articles]
    page_article = next(
        (
            article
            for article, length in zip(articles, lengths, strict=True)
            if length > _ARTICLE_SHARE * column_length
        ),
        None,
    )
    if page_article is None or page_article.css_first(_HEADING_SELECTOR) is None:
        return []
    short = [
        article
        for article, length in zip(articles, lengths, strict=True)
        if length < _SIGNPOST_SHARE * column_length
    ]
    # The articles a widget may be: not one holding most of the text (the page's
    # article may lie inside another, or hold one that does).
    minor = {
        article.mem_id
        for article, length in zip(articles, lengths, strict=True)
        if length <= _ARTICLE_SHARE * column_length
    }
    found = [
        *_teaser_listings(page_article, root),
        *_rails(page_article, root),
        *_signposts(short, page_article, root),
        *_campaign_widgets(sweep.progress_bars, minor, root),
    ]
    return outermost([node for node in found if node.mem_id not in protected], root)


def _campaign_widgets(
    progress_bars: list[LexborNode], minor: set[int], root: LexborNode
) -> list[LexborNode]:
    """The <article> elements holding a <progress> bar (a petition's or fundraiser's
    counter), in or beside the page's article: an appeal to sign or give, not its text
    (corpus traf__greenpeace.de.nachhaltigleben.html: ``<article class="PetitionTeaser">``
    with "Unterzeichnen Sie jetzt die Petition!" and "0 haben mitgemacht"; fixture
    body-petition.html). Only the nearest <article> around a bar, and only one of the
    ``minor`` articles (``mem_id``): a bar in the page's article itself (reading
    progress) takes nothing with it."""
    widgets = []
    for bar in progress_bars:
        current = bar.parent
        while current is not None and current.mem_id != root.mem_id:
            if current.tag_id == _ARTICLE:
                if current.mem_id in minor:
                    widgets.append(current)
                break
            current = current.parent
    return widgets


def _signposts(
    short: list[LexborNode], page_article: LexborNode, root: LexborNode
) -> list[LexborNode]:
    """The ``short`` <article> elements without a heading outside ``page_article``: a
    "tip" box pointing to other pages (corpus traf__arbeitsagentur.de-arbeitsmarkt.html:
    ``<article><p><strong>Tipp</strong>: Auf der Seite <a>Aktuelle Meldungen 2021</a>
    finden Sie ...</p></article>`` after the ``<article>`` of the figures; fixture
    body-signpost.html). An <article> inside the page's article is its part; a
    correction or an editor's note is body text (``_is_correction``)."""
    return [
        article
        for article in short
        if not contains(page_article, article)
        and article.css_first(_HEADING_SELECTOR) is None
        and not _is_correction(article)
    ]


# The label opening a note on the article itself: a correction, an editor's note.
_CORRECTION_LABEL = re.compile(
    r"(?:corrections?|correctif|rectificatifs?|erratum|editor['’]?s note|note de la rédaction|"
    r"berichtigung|korrektur|anmerkung der redaktion|corrección|fe de errores|"
    r"nota (?:del editor|de la redacción))\b",
    re.IGNORECASE,
)


def _is_correction(note: LexborNode) -> bool:
    """Whether a short note beside the page's article opens with a correction or an
    editor's note label: a note on the article itself, body text, not a signpost to
    other pages (fixture body-correction.html: "Correction: An earlier version of this
    article misstated ..." in its own <article> after the page's)."""
    text = note.text(deep=True).lstrip(" \t\n\r*")
    return _CORRECTION_LABEL.match(text) is not None


def _teaser_listings(page_article: LexborNode, root: LexborNode) -> list[LexborNode]:
    """The elements after ``page_article`` (its following siblings, and those of its
    ancestors below ``root``) holding teasers of other pages: two headings or more,
    each of them a link (corpus traf__lapresse.tn.parite.html: ``section
    #bdaia-ralated-posts``, "En relation", a grid of ``<h3><a>`` titles with
    excerpts, whose "12140 tonnes" was a statistic of the page; rdbl__la-nacion.html:
    "Las más leídas"; fixture body-teasers.html)."""
    listings = []
    node = page_article
    while node.mem_id != root.mem_id:
        sibling = node.next
        while sibling is not None:
            if sibling.is_element_node and _holds_teasers(sibling):
                listings.append(sibling)
            sibling = sibling.next
        parent = node.parent
        if parent is None:
            break
        node = parent
    return listings


def _rails(page_article: LexborNode, root: LexborNode) -> list[LexborNode]:
    """The layout blocks beside the one holding ``page_article``: siblings of the
    page's article or of an ancestor below ``root`` with its tag and class, holding no
    paragraph of text and mostly links (corpus rdbl__cnn.html: ``section.column`` of
    the story, then ``section.column`` of job searches, loan rates and credit card
    offers, whose "40,000 point bonus" was a statistic of the page; fixture
    body-rail.html). A list of the page's own (demands, facts) is no links."""
    rails = []
    node = page_article
    while node.mem_id != root.mem_id:
        classes = node.attributes.get("class")
        parent = node.parent
        if parent is None:
            break
        if classes:
            rails += [
                sibling
                for sibling in parent.iter()
                if sibling.mem_id != node.mem_id
                and sibling.tag_id == node.tag_id
                and sibling.attributes.get("class") == classes
                and _is_link_block(sibling)
            ]
        node = parent
    return rails


def _is_link_block(block: LexborNode) -> bool:
    """Whether ``block`` holds text, mostly links' (``_MIN_LINK_SHARE``), and no <p> of
    ``_MIN_PARAGRAPH`` visible characters or more."""
    length = _visible_length(block)
    links = sum(_visible_length(link) for link in block.css("a"))
    if length == 0 or links < _MIN_LINK_SHARE * length:
        return False
    return all(_visible_length(paragraph) < _MIN_PARAGRAPH for paragraph in block.css("p"))


def _holds_teasers(block: LexborNode) -> bool:
    """Whether ``block`` holds ``_MIN_TEASERS`` headings or more and each is the title
    of a link to another page (``_is_teaser_title``)."""
    headings = block.css(_HEADING_SELECTOR)
    if len(headings) < _MIN_TEASERS:
        return False
    return all(_is_teaser_title(heading) for heading in headings)


def _is_teaser_title(heading: LexborNode) -> bool:
    """Whether ``heading``'s text is the text of a link inside it to another page. A
    link to an anchor is none (review finding: the sections after a CMS or
    documentation page's article, ``<h2><a href="#method">Method</a></h2>``, were
    dropped with their figures); nor is an empty or script address. The page's own
    address is not known here: one with an anchor ("/about#means") is read as an
    anchor, as a teaser links to a page, not a place in it."""
    link = heading.css_first("a[href]")
    if link is None or link.text(deep=True).strip() != heading.text(deep=True).strip():
        return False
    href = attr(link, "href").strip()
    return bool(href) and "#" not in href and not href.lower().startswith("javascript:")


def _visible_length(node: LexborNode) -> int:
    """Length of the text of ``node`` without its spaces, tabs and line breaks: the
    indentation of the page's source is no text (corpus rdbl__cnn.html)."""
    text = node.text(deep=True)
    return len(text) - text.count(" ") - text.count("\n") - text.count("\t")
